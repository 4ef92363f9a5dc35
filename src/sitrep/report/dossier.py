"""The dossier's records: one shape for every rendering, documented in docs/dossier.md."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sitrep.models import (
    Claim,
    ClaimGroup,
    ClaimStatus,
    Entity,
    ProcessedReport,
    Quote,
    QuoteFamily,
    SituatedTime,
    StoredClaim,
    StoredMention,
    StoredQuote,
    StoredReport,
    Story,
    Storyline,
    TextSpan,
    TimeExpression,
    TimelineEntry,
)

# Bump when a field changes meaning or goes away; adding fields does not bump it.
DOSSIER_SCHEMA_VERSION = 1


def document_record(report: StoredReport) -> dict[str, Any]:
    """A report as the dossier's ``documents`` list shows it."""
    window = report.published_window
    return {
        "id": report.id,
        "path": source_path(report),
        "url": report.url,
        "title": report.title,
        "source": report.source,
        "author": report.author,
        "published": _iso(report.published),
        "published_inferred": report.published_inferred,
        "published_window": [_iso(window.earliest), _iso(window.latest)] if window else None,
        "published_evidence": [
            {"start": ref.start, "end": ref.end, "text": ref.text, "status": ref.status.value}
            for ref in report.published_evidence
        ],
        "language": report.language,
        "machine_translated": report.machine_translated,
        "duplicate_of": report.duplicate_of,
        "format": report.format.value,
        "encoding": report.encoding,
        "removed": [{"reason": line.reason, "text": line.text} for line in report.removed],
        "notes": list(report.warnings),
        "text": report.text,
    }


def time_record(situated: SituatedTime) -> dict[str, Any]:
    """A temporal expression as the dossier's ``times`` list shows it."""
    return {"doc": situated.report_id, **expression_record(situated.expression),
            "sentence": _span(situated.sentence)}  # fmt: skip


def expression_record(expression: TimeExpression) -> dict[str, Any]:
    """A temporal expression with offsets into its text (``sitrep extract times``)."""
    interval = (
        {"begin": expression.begin_value, "end": expression.end_value}
        if expression.is_interval
        else None
    )
    return {
        "start": expression.start,
        "end": expression.end,
        "text": expression.text,
        "type": expression.type.value,
        "value": expression.value,
        "mod": expression.mod,
        "interval": interval,
        "anchor": expression.anchor.value,
        "anchored_to_inferred": expression.anchored_to_inferred,
    }


def entity_record(entity: Entity, mentions: Iterable[StoredMention]) -> dict[str, Any]:
    """An actor as the dossier's ``entities`` list shows it, with every mention."""
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type.value,
        "aliases": list(entity.aliases),
        "roles": [
            {"role": held.role, "first_seen": _iso(held.first_seen),
             "last_seen": _iso(held.last_seen), "reports": held.reports}
            for held in entity.roles
        ],
        "wikidata": entity.wikidata,
        "mentions": [
            {"doc": item.report_id, "start": item.mention.start, "end": item.mention.end,
             "text": item.mention.text, "kind": item.mention.kind.value, "role": item.mention.role}
            for item in mentions
        ],
    }  # fmt: skip


def mention_records(processed: ProcessedReport) -> list[dict[str, Any]]:
    """One report's actor mentions, each with the name of the actor it was bound to."""
    name_of = {
        position: entity.name for entity in processed.entities for position in entity.mentions
    }
    return [
        {"start": m.start, "end": m.end, "text": m.text, "type": m.type.value,
         "kind": m.kind.value, "role": m.role, "name": name_of.get(position, m.text)}
        for position, m in enumerate(processed.mentions)
    ]  # fmt: skip


def quote_record(stored: StoredQuote) -> dict[str, Any]:
    """A quote as the dossier's ``quotes`` list shows it: ``speaker`` is an actor's id."""
    return _quote_fields(stored.id, stored.report_id, stored.quote, stored.speaker_entity_id,
                         stored.family_id)  # fmt: skip


def quote_family_record(family: QuoteFamily) -> dict[str, Any]:
    """A family as the dossier's ``quote_families`` list shows it."""
    return {"id": family.id, "speaker": family.speaker_entity_id, "quotes": list(family.quote_ids)}


def extracted_quote_records(processed: ProcessedReport) -> list[dict[str, Any]]:
    """One report's quotes (``sitrep extract quotes``): the dossier's fields, with nothing
    stored: ``id``, ``doc`` and ``family`` are null and ``speaker`` is the name of the
    report's actor the speaker resolves to."""
    names = [entity.name for entity in processed.entities]
    return [
        _quote_fields(None, None, quote, _local_name(quote, names), None)
        for quote in processed.quotes
    ]


def _quote_fields(
    quote_id: int | None, doc: int | None, quote: Quote, speaker: int | str | None,
    family: int | None,
) -> dict[str, Any]:  # fmt: skip
    return {
        "id": quote_id,
        "doc": doc,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": quote.kind.value,
        "speaker": speaker,
        "speaker_text": quote.speaker_text,
        "cue": quote.cue,
        "family": family,
    }


def _local_name(quote: Quote, names: list[str]) -> str | None:
    local = quote.speaker_entity
    return names[local] if local is not None and 0 <= local < len(names) else None


def claim_record(stored: StoredClaim) -> dict[str, Any]:
    """A claim as the dossier's ``claims`` list shows it: ``subject`` is an actor's id."""
    return {
        "id": stored.id,
        "doc": stored.report_id,
        **_claim_fields(stored.claim, stored.subject_entity_id),
        "actors": list(stored.actor_entity_ids),
        "speaker": stored.speaker_entity_id,
        "group": stored.group_id,
    }


def extracted_claim_records(processed: ProcessedReport) -> list[dict[str, Any]]:
    """One report's claims (``sitrep extract claims``): the dossier's fields with nothing
    stored: ``id``, ``doc`` and ``group`` are null, and ``subject``, ``actors`` and
    ``speaker`` are names of the report's actors."""
    names = [entity.name for entity in processed.entities]

    def name(local: int | None) -> str | None:
        return names[local] if local is not None and 0 <= local < len(names) else None

    return [
        {"id": None, "doc": None, **_claim_fields(claim, name(claim.subject)),
         "actors": [name(actor) for actor in claim.actors], "speaker": name(claim.speaker),
         "group": None}
        for claim in processed.claims
    ]  # fmt: skip


def _claim_fields(claim: Claim, subject: int | str | None) -> dict[str, Any]:
    figure = claim.figure
    return {
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "kind": claim.kind.value,
        "sentence": _span(claim.sentence),
        "subject": subject,
        "party": claim.party,
        "predicate": claim.predicate,
        "object": claim.object,
        "value": figure.value if figure else None,
        "upper": figure.upper if figure else None,
        "unit": figure.unit if figure else None,
        "approx": figure.approx.value if figure and figure.approx else None,
        "measured": figure.measured if figure else None,
        "polarity": "negative" if claim.negated else "positive",
        "modality": claim.modality.value,
        "time": claim.time,
    }


def claim_summary(claim: Claim, subject: str | None) -> str:
    """A claim in a few words, for a person: "Tajikistan: about 1,300 km border"."""
    figure = claim.figure
    if figure is None:
        return " ".join(claim.text.split())
    amount = _amount(figure.value)
    if figure.upper is not None:
        amount += f" to {_amount(figure.upper)}"
    unit = "" if figure.unit in {"count", "person"} else figure.unit
    words = [figure.approx.value if figure.approx else "", amount, unit, figure.measured or ""]
    said = " ".join(word for word in words if word)
    return f"{subject}: {said}" if subject else said


def _amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"


def claim_group_record(group: ClaimGroup) -> dict[str, Any]:
    """A group as the dossier's ``claim_groups`` list shows it; ``sources`` are the ids of
    the independent reports (a syndicated copy counts with its original)."""
    return {
        "id": group.id,
        "status": group.status.value,
        "claims": list(group.claim_ids),
        "sources": list(group.sources),
    }


def conflict_record(group: ClaimGroup) -> dict[str, Any] | None:
    """A contested group as the dossier's ``conflicts`` list shows it; None otherwise."""
    if group.status is not ClaimStatus.CONTESTED:
        return None
    return {"group": group.id, "explanation": group.explanation, "claims": list(group.conflicting)}


def story_record(story: Story) -> dict[str, Any]:
    """A story as the dossier's ``stories`` list shows it: actors and place are entity ids."""
    return {
        "id": story.id,
        "title": story.title,
        "date": story.date,
        "place": story.place_entity_id,
        "actors": list(story.actor_ids),
        "docs": list(story.report_ids),
        "sources": story.sources,
        "storyline": story.storyline_id,
    }


def storyline_record(storyline: Storyline) -> dict[str, Any]:
    return {"id": storyline.id, "title": storyline.title, "stories": list(storyline.story_ids)}


def timeline_record(entry: TimelineEntry) -> dict[str, Any]:
    """A timeline entry: ``date`` is a TIMEX3 value, or ``begin/end`` for an interval."""
    return {
        "id": entry.id,
        "date": f"{entry.date}/{entry.date_end}" if entry.date_end else entry.date,
        "precision": entry.precision.value,
        "status": entry.status.value,
        "type": entry.type,
        "title": entry.title,
        "actors": list(entry.actor_ids),
        "place": entry.place_entity_id,
        "docs": list(entry.report_ids),
        "sources": entry.sources,
        "evidence": [
            {"doc": mention.report_id, "start": mention.sentence.start,
             "end": mention.sentence.end, "trigger": [mention.start, mention.end]}
            for mention in entry.evidence
        ],
    }  # fmt: skip


def dossier_header(generated_at: dt.datetime) -> dict[str, Any]:
    return {
        "schema_version": DOSSIER_SCHEMA_VERSION,
        "generated_at": as_utc(generated_at).isoformat(timespec="seconds"),
    }


def source_path(report: StoredReport) -> str | None:
    """The file (or ``file#N`` record) a report was read from; None for a fetched URL."""
    return None if report.origin.startswith(("http://", "https://")) else report.origin


def as_utc(moment: dt.datetime) -> dt.datetime:
    """``moment`` in UTC, so the dossier always states its offset; naive times are UTC."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _span(span: TextSpan | None) -> dict[str, int] | None:
    return None if span is None else {"start": span.start, "end": span.end}


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
