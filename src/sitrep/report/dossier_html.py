"""The one-file HTML dossier (``sitrep report -o dossier.html``): the web app's pages in
one document to send to a colleague, with its stylesheet and script inline and nothing
fetched. Every source link opens the report's section further down with the span
highlighted, so the file is as checkable as the app.

A dossier over a very large store would be a very large file, so each part keeps its
most important records (``DossierLimits``) and says how many it left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from pydantic import BaseModel

from sitrep.report.html import FileLinks, asset, render
from sitrep.report.pages import Source
from sitrep.report.views import Reader
from sitrep.store import Store


@dataclass(frozen=True, slots=True)
class DossierLimits:
    timeline_entries: int = 2000
    stories: int = 100
    actors: int = 40
    quote_families: int = 200
    claim_groups: int = 300
    reports: int = 1000


def write_html_dossier(
    store: Store, out: TextIO, generated_at: dt.datetime, limits: DossierLimits | None = None
) -> None:
    """Write the whole dossier of ``store`` as one self-contained HTML document."""
    limits = limits or DossierLimits()
    reader = Reader(store)
    overview = reader.overview()
    timeline = reader.timeline(per_page=limits.timeline_entries)
    stories = [reader.story(card.id) for card in reader.stories(per_page=limits.stories).items]
    actors = [reader.actor(card.id) for card in reader.actors(per_page=limits.actors).items]
    families = reader.quote_families(per_page=limits.quote_families)
    groups = reader.claims(per_page=limits.claim_groups)
    cited = _cited_report_ids(overview, timeline, stories, actors, families, groups)
    reports = [reader.report(report_id) for report_id in sorted(cited)[: limits.reports]]
    context: dict[str, Any] = {
        "overview": overview,
        "timeline": timeline,
        "story_pages": stories,
        "actor_pages": actors,
        "families": families,
        "groups": groups,
        "report_pages": reports,
        "generated_at": generated_at.isoformat(timespec="seconds"),
        "inline_css": asset("sitrep.css"),
        "inline_js": asset("sitrep.js"),
    }
    out.write(render("dossier.html", FileLinks(), inline=True, title="Situation report",
                     section="", writes=False, body_class="dossier", **context))  # fmt: skip


def _cited_report_ids(*pages: object) -> set[int]:
    """The reports any source in these pages points to: the file holds each of them, so
    every source link lands on its sentence."""
    return {source.report.id for page in pages for source in _sources_in(page)}


def _sources_in(value: object) -> Iterator[Source]:
    if isinstance(value, Source):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _sources_in(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _sources_in(item)
