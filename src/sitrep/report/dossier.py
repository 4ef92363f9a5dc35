"""The dossier's records: one shape for every rendering, documented in docs/dossier.md."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sitrep.models import (
    Entity,
    ProcessedReport,
    Quote,
    QuoteFamily,
    SituatedTime,
    StoredMention,
    StoredQuote,
    StoredReport,
    TextSpan,
    TimeExpression,
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
