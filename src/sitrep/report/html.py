"""HTML renderings of the dossier's pages: the web app's pages, and the one-file dossier
(``sitrep report -o dossier.html``) made of the same templates.

Jinja2 autoescapes every value, so a report's text, titles and names always render as
text (a report containing ``<script>`` shows the tag). Where this module builds markup
itself (the highlighted report text), every piece of text goes through ``escape``.

Templates link through a ``Links`` object: the web app's links are URLs, the one-file
dossier's are anchors inside the file.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, Protocol
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from sitrep.report.pages import Paragraph, Segment, Source
from sitrep.report.timeline_axis import chart_layout

KINDS = ("actor", "time", "quote", "claim", "event")


class Links(Protocol):
    """Where a page's links lead."""

    def report(self, report_id: int, start: int | None = None, end: int | None = None) -> str: ...
    def story(self, story_id: int) -> str: ...
    def actor(self, entity_id: int) -> str: ...
    def family(self, family_id: int) -> str: ...
    def group(self, group_id: int) -> str: ...
    def page(self, name: str, **query: Any) -> str: ...


class WebLinks:
    """Links of the web app: ``/reports/3?hl=120-180#hl`` opens report 3 on that span."""

    def report(self, report_id: int, start: int | None = None, end: int | None = None) -> str:
        if start is None or end is None:
            return f"/reports/{report_id}"
        return f"/reports/{report_id}?hl={start}-{end}#hl"

    def story(self, story_id: int) -> str:
        return f"/stories/{story_id}"

    def actor(self, entity_id: int) -> str:
        return f"/actors/{entity_id}"

    def family(self, family_id: int) -> str:
        return f"/quotes/{family_id}"

    def group(self, group_id: int) -> str:
        return f"/claims/{group_id}"

    def page(self, name: str, **query: Any) -> str:
        path = "/" if name == "overview" else f"/{name}"
        given = {key: value for key, value in query.items() if value not in (None, "")}
        return f"{path}?{urlencode(given)}" if given else path


class FileLinks:
    """Links inside the one-file dossier: anchors to its sections; a source opens its
    report's section with the span highlighted (by the file's script)."""

    def report(self, report_id: int, start: int | None = None, end: int | None = None) -> str:
        if start is None or end is None:
            return f"#report-{report_id}"
        return f"#report-{report_id}:{start}-{end}"

    def story(self, story_id: int) -> str:
        return f"#story-{story_id}"

    def actor(self, entity_id: int) -> str:
        return f"#actor-{entity_id}"

    def family(self, family_id: int) -> str:
        return f"#quote-family-{family_id}"

    def group(self, group_id: int) -> str:
        return f"#claim-group-{group_id}"

    def page(self, name: str, **query: Any) -> str:
        return f"#page-{name}"


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("sitrep.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(kinds=KINDS, chart=chart_layout)
    env.filters.update(
        report_text=report_text, source_href=source_href, number=_number,
        actor_kind=actor_kind, file_name=file_name,
    )  # fmt: skip
    return env


def render(template: str, links: Links, **context: Any) -> str:
    """A page: ``template`` filled with ``context``, linking through ``links``."""
    return environment().get_template(template).render(link=links, **context)


def asset(name: str) -> str:
    """A file of the app's stylesheet or script, for inlining into the one-file dossier."""
    return resources.files("sitrep.report").joinpath("static", name).read_text("utf-8")


def source_href(source: Source, links: Links) -> str:
    return links.report(source.report.id, source.start, source.end)


def report_text(paragraphs: list[Paragraph], links: Links) -> Markup:
    """A report's text as HTML paragraphs: extracted items as ``span.x.x-KIND`` (actor
    mentions link to their actor), and the target span as ``mark#hl.hl-target``."""
    html: list[str] = []
    opened = False
    offset = 0
    for paragraph in paragraphs:
        html.append("<p>")
        in_target = False
        for segment in paragraph.segments:
            if segment.target and not in_target:
                html.append('<mark class="hl-target"' + ("" if opened else ' id="hl"') + ">")
                in_target = opened = True
            elif not segment.target and in_target:
                html.append("</mark>")
                in_target = False
            html.append(_segment_html(segment, links, offset))
            offset += len(segment.text)
        if in_target:
            html.append("</mark>")
        html.append("</p>")
    return Markup("".join(html))


def _segment_html(segment: Segment, links: Links, offset: int) -> str:
    text = escape(segment.text)
    if not segment.kinds:
        return f'<span data-o="{offset}">{text}</span>'
    classes = " ".join(f"x-{kind}" for kind in segment.kinds)
    label = escape("; ".join(segment.labels))
    if segment.actor_id is not None:
        href = escape(links.actor(segment.actor_id))
        return f'<a class="x {classes}" data-o="{offset}" href="{href}" title="{label}">{text}</a>'
    return f'<span class="x {classes}" data-o="{offset}" title="{label}">{text}</span>'


_ACTOR_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "country or city",
                "LOC": "place", "NORP": "group", "FAC": "facility"}  # fmt: skip


def actor_kind(entity_type: str) -> str:
    """An entity type as a reader says it: "GPE" is "country or city"."""
    return _ACTOR_KINDS.get(entity_type, entity_type.lower())


def file_name(origin: str) -> str:
    """The file a report was read from, without the folders (``a/b.jsonl#2`` → ``b.jsonl#2``);
    a URL as it is."""
    if origin.startswith(("http://", "https://")):
        return origin
    return origin.replace("\\", "/").rsplit("/", 1)[-1]


def _number(value: int) -> str:
    return f"{value:,}"
