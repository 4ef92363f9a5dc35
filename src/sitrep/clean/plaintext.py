"""Clean a page that has no markup: find the article among the page's lines.

A page copied as text is a column of lines: furniture and metadata above the
headline (the header), the article, then more furniture and credits (the
trailer). We classify every line, find where the article body starts and ends,
read metadata from the header and trailer, and keep every line of the article:
a line inside the body is only dropped when it is unmistakably furniture.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum, auto

from sitrep.clean.furniture import furniture_reason
from sitrep.clean.markdown import strip_inline_markdown
from sitrep.clean.metadata import (
    is_machine_translation_notice,
    outlet_from_attributions,
    read_byline,
    read_dateline,
    read_source_credit,
    read_url,
    read_url_label,
)
from sitrep.clean.outlets import outlet_for_url, outlet_named
from sitrep.models import RemovedLine

# A paragraph with at least this many words and a sentence end starts the body.
# Headlines and standfirsts are shorter; the leads of news stories are longer
# (checked on the five seed reports and the BBC set, where every lead qualifies).
_MIN_BODY_PARAGRAPH_WORDS = 20
# Trailing lines shorter than this that do not end a sentence are site footers.
_MAX_FOOTER_WORDS = 12
_SENTENCE_END = re.compile(r"""[.!?…]["'”»’)\]]*\s*$""")
# "Putin listening at a meeting ...": a name, then a participle, the grammar of captions.
_CAPTION = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){1,4}(?:\([^)]*\)\s+)?[a-z]+ing\b.{0,200}[.]\s*$")


class _Kind(Enum):
    BLANK = auto()
    FURNITURE = auto()
    CONTENT = auto()


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # offsets into the page text
    end: int
    raw: str  # as on the page, without its newline
    text: str  # Markdown stripped, whitespace trimmed
    kind: _Kind
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class CleanedText:
    """What cleaning a plain-text page found; offsets in ``removed`` index the page text."""

    text: str
    title: str | None
    author: str | None
    source: str | None
    url: str | None
    published: dt.date | None
    published_text: str | None
    machine_translated: bool
    removed: tuple[RemovedLine, ...]


@dataclass
class _Metadata:
    """Metadata collected while walking the lines (local and short-lived, hence mutable)."""

    author: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_text: str | None = None
    machine_translated: bool = False
    expecting_url: bool = False


def clean_plain_text(page_text: str, languages: tuple[str, ...] | None = None) -> CleanedText:
    """Separate the article from the furniture of a plain-text or Markdown page.

    Args:
        page_text: the decoded page.
        languages: language codes dateparser may read non-English datelines in.
    """
    lines = _classify(page_text)
    body_start = _body_start(lines)
    body_end = _body_end(lines, body_start)
    metadata = _Metadata()
    kept: list[_Line] = []
    removed: list[RemovedLine] = []
    title: str | None = None
    for index, line in enumerate(lines):
        zone = "header" if index < body_start else "trailer" if index >= body_end else "body"
        reason = _removal_reason(line, zone, metadata, languages, is_first=title is None)
        if reason is not None:
            removed.append(RemovedLine(line.start, line.end, line.raw, reason))
        elif line.kind is _Kind.CONTENT:
            if title is None and zone == "header":
                title = line.text
            kept.append(line)
        elif line.kind is _Kind.BLANK:
            kept.append(line)
    text = _join(kept)
    source = metadata.source or outlet_from_attributions(text)
    return CleanedText(
        text=text,
        title=title,
        author=metadata.author,
        source=source,
        url=metadata.url,
        published=metadata.published,
        published_text=metadata.published_text,
        machine_translated=metadata.machine_translated,
        removed=tuple(removed),
    )


def _classify(page_text: str) -> list[_Line]:
    lines: list[_Line] = []
    for found in re.finditer(r"[^\n]*", page_text):
        if (
            found.start() > 0
            and found.start() == found.end()
            and page_text[found.start() - 1] != "\n"
        ):
            continue  # finditer's empty match right after a non-empty line
        raw = found.group(0)
        text = strip_inline_markdown(raw).strip()
        if not text:
            kind, reason = _Kind.BLANK, None
        elif (reason := furniture_reason(text)) is not None:
            kind = _Kind.FURNITURE
        elif is_machine_translation_notice(text):
            kind, reason = _Kind.FURNITURE, "machine translation notice"
        else:
            kind = _Kind.CONTENT
        lines.append(_Line(found.start(), found.end(), raw, text, kind, reason))
    return lines


def _body_start(lines: list[_Line]) -> int:
    """Index of the first line of the first paragraph that reads like article prose."""
    for index, line in enumerate(lines):
        if line.kind is not _Kind.CONTENT:
            continue
        paragraph = _paragraph_text(lines, index)
        if len(paragraph.split()) >= _MIN_BODY_PARAGRAPH_WORDS and re.search(r"[.!?]", paragraph):
            return index
    return len(lines)


def _body_end(lines: list[_Line], body_start: int) -> int:
    """Index one past the last line that ends a sentence: what follows is the trailer."""
    for index in range(len(lines) - 1, body_start - 1, -1):
        line = lines[index]
        if line.kind is _Kind.CONTENT and (
            _SENTENCE_END.search(line.text) or len(line.text.split()) > _MAX_FOOTER_WORDS
        ):
            if _is_metadata(line.text):
                continue
            return index + 1
    return len(lines)


def _is_metadata(text: str) -> bool:
    return bool(read_source_credit(text) or read_url(text) or read_url_label(text)[0])


def _paragraph_text(lines: list[_Line], index: int) -> str:
    """The content lines of the paragraph (run of non-blank lines) that ``index`` is in."""
    words = []
    for line in lines[index:]:
        if line.kind is _Kind.BLANK:
            break
        if line.kind is _Kind.CONTENT:
            words.append(line.text)
    return " ".join(words)


def _removal_reason(
    line: _Line,
    zone: str,
    metadata: _Metadata,
    languages: tuple[str, ...] | None,
    *,
    is_first: bool,
) -> str | None:
    """Why ``line`` leaves the text (recording any metadata it states), or None to keep it."""
    if line.kind is _Kind.FURNITURE:
        if line.reason == "machine translation notice":
            metadata.machine_translated = True
        return line.reason
    if line.kind is _Kind.BLANK:
        return None
    if metadata.expecting_url and (url := read_url(line.text)):
        metadata.expecting_url = False
        _record_url(metadata, url)
        return "original URL"
    if zone == "body":
        return None
    return _metadata_reason(line.text, zone, metadata, languages, is_first=is_first)


def _metadata_reason(
    text: str,
    zone: str,
    metadata: _Metadata,
    languages: tuple[str, ...] | None,
    *,
    is_first: bool,
) -> str | None:
    is_label, labelled_url = read_url_label(text)
    if is_label:
        if labelled_url:
            _record_url(metadata, labelled_url)
        else:
            metadata.expecting_url = True
        return "original URL"
    if url := read_url(text):
        _record_url(metadata, url)
        return "original URL"
    if credit := read_source_credit(text):
        metadata.source = metadata.source or credit
        return "source credit"
    if (author := read_byline(text)) and metadata.author is None:
        metadata.author = author
        return "byline"
    if metadata.published is None and (published := read_dateline(text, languages)):
        metadata.published, metadata.published_text = published, text
        return "dateline"
    if zone == "header":
        if is_first and (outlet := outlet_named(text)):
            metadata.source = metadata.source or outlet
            return "masthead"
        if not is_first and _CAPTION.match(text):
            return "photo caption"
        return None
    return "page footer"  # a short trailing line that ends no sentence


def _record_url(metadata: _Metadata, url: str) -> None:
    if metadata.url is None:
        metadata.url = url
        metadata.source = metadata.source or outlet_for_url(url)


def _join(kept: list[_Line]) -> str:
    """The kept lines, one paragraph per run of lines, paragraphs one blank line apart."""
    paragraphs: list[list[str]] = [[]]
    for line in kept:
        if line.kind is _Kind.BLANK:
            if paragraphs[-1]:
                paragraphs.append([])
        else:
            paragraphs[-1].append(line.text)
    return "\n\n".join("\n".join(lines) for lines in paragraphs if lines)
