"""The dossier as Markdown, for a person: the table of sources first, then each report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TextIO

from sitrep.models import StoredReport

_LEAD_CHARS = 600


def write_markdown(reports: Iterable[StoredReport], out: TextIO, generated_at: dt.datetime) -> int:
    """Write the dossier to ``out``; returns the number of documents written."""
    reports = list(reports)
    out.write("# Situation report\n\n")
    out.write(f"Generated {generated_at:%Y-%m-%d %H:%M} UTC from {len(reports)} reports")
    copies = sum(report.duplicate_of is not None for report in reports)
    out.write(f" ({len(reports) - copies} independent).\n\n" if copies else ".\n\n")
    out.write("## Sources\n\n")
    out.write("| # | Published | Outlet | Title | Language | Notes |\n")
    out.write("|---|---|---|---|---|---|\n")
    for report in reports:
        cells = (
            str(report.id),
            _published(report),
            report.source or "unknown",
            report.title or "(untitled)",
            report.language or "unknown",
            "; ".join(_notes(report)),
        )
        out.write("| " + " | ".join(_cell(cell) for cell in cells) + " |\n")
    out.write("\n## Reports\n")
    for report in reports:
        out.write(f"\n### {report.id}. {_inline(report.title or '(untitled)')}\n\n")
        byline = ", ".join(
            part for part in (report.source, report.author, _published(report)) if part
        )
        out.write(f"*{_inline(byline)}*  \n" if byline else "")
        out.write(f"<{report.url}>  \n" if report.url else f"`{report.origin}`  \n")
        out.write("\n" + _quote(_lead(report)) + "\n")
    return len(reports)


def _published(report: StoredReport) -> str:
    window = report.published_window
    if not report.published_inferred:
        return report.published.isoformat() if report.published else "undated"
    earliest = window.earliest.isoformat() if window and window.earliest else "?"
    latest = window.latest.isoformat() if window and window.latest else "?"
    return f"{earliest} to {latest} (inferred)"


def _notes(report: StoredReport) -> list[str]:
    notes = []
    if report.duplicate_of is not None:
        notes.append(f"copy of #{report.duplicate_of}")
    if report.machine_translated:
        notes.append("machine-translated")
    if report.encoding:
        notes.append(f"decoded from {report.encoding}")
    return notes


def _lead(report: StoredReport) -> str:
    paragraphs = [paragraph for paragraph in report.text.split("\n\n") if paragraph.strip()]
    body = [p for p in paragraphs if p.strip() != (report.title or "").strip()] or paragraphs
    lead = body[0] if body else ""
    return lead if len(lead) <= _LEAD_CHARS else lead[:_LEAD_CHARS].rsplit(" ", 1)[0] + " …"


def _cell(text: str) -> str:
    return _inline(text).replace("|", "\\|")


def _inline(text: str) -> str:
    return " ".join(text.split())


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.splitlines())
