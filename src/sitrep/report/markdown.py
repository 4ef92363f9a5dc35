"""The dossier as Markdown, for a person: the table of sources first, then each report."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TextIO

from sitrep.link.timeline import format_date
from sitrep.models import (
    ClaimGroup,
    ClaimStatus,
    StoredClaim,
    StoredQuote,
    StoredReport,
    TimelineEntry,
)
from sitrep.report.dossier import as_utc, claim_summary, source_path

_LEAD_CHARS = 600
# A paragraph that ends like a sentence is prose; headlines, kickers and datelines do not.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")


def write_markdown(
    reports: Iterable[StoredReport],
    out: TextIO,
    generated_at: dt.datetime,
    *,
    quotes: Iterable[StoredQuote] = (),
    speakers: Mapping[int, str] | None = None,
    claims: Iterable[StoredClaim] = (),
    claim_groups: Iterable[ClaimGroup] = (),
    timeline: Iterable[TimelineEntry] = (),
) -> int:
    """Write the dossier to ``out``; returns the number of documents written.

    Args:
        claims, claim_groups: the claims; groups of two or more sources are shown,
            contested ones first.
        quotes: the quotes, shown by speaker with each family together.
        speakers: the name of each actor who speaks in a quote or is a claim's subject,
            by actor id.
    """
    reports = list(reports)
    out.write("# Situation report\n\n")
    count = f"{len(reports)} report" + ("" if len(reports) == 1 else "s")
    out.write(f"Generated {as_utc(generated_at):%Y-%m-%d %H:%M} UTC from {count}")
    copies = sum(report.duplicate_of is not None for report in reports)
    out.write(f" ({len(reports) - copies} independent).\n\n" if copies else ".\n\n")
    out.write("## Sources\n\n")
    out.write("| # | Published | Outlet | Title | Language | Notes |\n")
    out.write("|---|---|---|---|---|---|\n")
    for report in reports:
        cells = (
            str(report.id),
            published_label(report),
            report.source or "unknown",
            report.title or "(untitled)",
            report.language or "unknown",
            "; ".join(report_notes(report)),
        )
        out.write("| " + " | ".join(_cell(cell) for cell in cells) + " |\n")
    by_id = {report.id: report for report in reports}
    _write_timeline(list(timeline), out)
    claims_by_id = {claim.id: claim for claim in claims}
    _write_claims(list(claim_groups), claims_by_id, by_id, speakers or {}, out)
    _write_quotes(list(quotes), speakers or {}, by_id, out)
    out.write("\n## Reports\n")
    for report in reports:
        _write_report(report, out)
    return len(reports)


def _write_report(report: StoredReport, out: TextIO) -> None:
    out.write(f"\n### {report.id}. {_inline(report.title or '(untitled)')}\n\n")
    byline = ", ".join(
        part for part in (report.source, report.author, published_label(report)) if part
    )
    out.write(f"*{_inline(byline)}*  \n" if byline else "")
    if notes := report_notes(report):
        out.write(f"Note: {_inline('; '.join(notes))}  \n")
    if report.url:
        out.write(f"<{report.url}>  \n")
    if path := source_path(report):
        out.write(f"{_code(path)}  \n")
    if lead := _lead(report):
        out.write("\n" + _quote(lead) + "\n")


def _write_timeline(entries: list[TimelineEntry], out: TextIO) -> None:
    """What happened and what is planned, in date order, each with its reports."""
    if not entries:
        return
    out.write("\n## Timeline\n\n| Date | Status | Event | Sources |\n|---|---|---|---|\n")
    for entry in entries:
        reports = ", ".join(f"#{report}" for report in entry.report_ids)
        cells = (format_date(entry.date, entry.date_end), entry.status.value, entry.title,
                 f"{entry.sources}: {reports}")  # fmt: skip
        out.write("| " + " | ".join(_cell(cell) for cell in cells) + " |\n")


def _write_claims(
    groups: list[ClaimGroup],
    claims: Mapping[int, StoredClaim],
    reports: Mapping[int, StoredReport],
    actors: Mapping[int, str],
    out: TextIO,
) -> None:
    """What sources disagree on, then what two or more of them confirm, each claim with
    the sentence it stands in and its report."""
    sections = (
        ("Contested claims", ClaimStatus.CONTESTED),
        ("Corroborated claims", ClaimStatus.CORROBORATED),
    )
    for heading, status in sections:
        shown = [group for group in groups if group.status is status]
        if not shown:
            continue
        out.write(f"\n## {heading}\n")
        for group in shown:
            sources = f"{len(group.sources)} independent sources"
            first = claims[group.claim_ids[0]]
            subject = actors.get(first.subject_entity_id or 0)
            summary = group.explanation or claim_summary(first.claim, subject)
            out.write(f"\n- **{_inline(summary)}** ({sources})\n")
            for claim_id in group.claim_ids:
                out.write(f"  - {_claim_line(claims[claim_id], reports)}\n")


def _claim_line(stored: StoredClaim, reports: Mapping[int, StoredReport]) -> str:
    report = reports.get(stored.report_id)
    span = stored.claim.sentence
    sentence = report.text[span.start : span.end] if report is not None else stored.claim.text
    source = f"#{stored.report_id}"
    if report is not None:
        source += f" {report.source or 'unknown outlet'}, {published_label(report)}"
    return f"“{_inline(sentence)}” ({_inline(source)})"


def _write_quotes(
    quotes: list[StoredQuote],
    speakers: Mapping[int, str],
    reports: Mapping[int, StoredReport],
    out: TextIO,
) -> None:
    """Who said what: one heading per speaker (most quoted first), the quotes of one
    family as one item with every report that carries them."""
    if not quotes:
        return
    out.write("\n## Quotes\n")
    by_speaker: dict[int | None, list[StoredQuote]] = defaultdict(list)
    for quote in quotes:
        by_speaker[quote.speaker_entity_id].append(quote)
    order = sorted(
        by_speaker, key=lambda s: (s is None, -len(by_speaker[s]), speakers.get(s or 0, ""))
    )
    for speaker in order:
        name = speakers.get(speaker, f"actor {speaker}") if speaker is not None else None
        out.write(f"\n### {_inline(name or 'Speakers not identified')}\n\n")
        families: dict[tuple[str, int], list[StoredQuote]] = defaultdict(list)
        for quote in by_speaker[speaker]:
            family = quote.family_id
            families[("quote", quote.id) if family is None else ("family", family)].append(quote)
        for first, *others in families.values():
            out.write(f"- {_quote_line(first, reports, with_speaker=speaker is None)}\n")
            for other in others:
                out.write(f"  - also {_quote_line(other, reports, with_speaker=False)}\n")


def _quote_line(
    quote: StoredQuote, reports: Mapping[int, StoredReport], *, with_speaker: bool
) -> str:
    report = reports.get(quote.report_id)
    source = f"#{quote.report_id}"
    if report is not None:
        source += f" {report.source or 'unknown outlet'}, {published_label(report)}"
    said = quote.quote
    who = f"{said.speaker_text}, " if with_speaker and said.speaker_text else ""
    return f"“{_inline(said.text)}” ({who}{said.kind.value}; {_inline(source)})"


def published_label(report: StoredReport) -> str:
    """When a report appeared, for a person: a date, or an inferred window said in words."""
    if not report.published_inferred:
        return report.published.isoformat() if report.published else "undated"
    window = report.published_window
    earliest = window.earliest if window else None
    latest = window.latest if window else None
    if earliest and latest:
        span = earliest.isoformat() if earliest == latest else f"{earliest} to {latest}"
    elif earliest:
        span = f"on or after {earliest}"
    elif latest:
        span = f"on or before {latest}"
    else:
        return "undated"
    return f"{span} (inferred)"


def report_notes(report: StoredReport) -> list[str]:
    """Short flags a reader should see beside a report: copy, machine translation, encoding."""
    notes = []
    if report.duplicate_of is not None:
        notes.append(f"copy of #{report.duplicate_of}")
    if report.machine_translated:
        notes.append("machine-translated")
    if report.encoding:
        notes.append(f"decoded from {report.encoding}")
    return notes


def _lead(report: StoredReport) -> str:
    """The first paragraph of prose after the headline, shortened to a few sentences."""
    text = report.text
    title = (report.title or "").strip()
    if title and text.startswith(title):
        text = text[len(title) :]
    paragraphs = [paragraph.strip() for paragraph in text.split("\n\n") if paragraph.strip()]
    prose = [paragraph for paragraph in paragraphs if _SENTENCE_END.search(paragraph)]
    lead = (prose or paragraphs or [""])[0]
    return lead if len(lead) <= _LEAD_CHARS else lead[:_LEAD_CHARS].rsplit(" ", 1)[0] + " …"


def _cell(text: str) -> str:
    return _inline(text).replace("|", "\\|")


def _inline(text: str) -> str:
    return " ".join(text.split())


def _code(text: str) -> str:
    """``text`` as an inline code span, fenced so that backticks inside it cannot end it."""
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.splitlines())
