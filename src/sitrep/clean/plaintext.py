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

from sitrep.clean.furniture import furniture_reason, leads_to_another_story
from sitrep.clean.markdown import strip_inline_markdown
from sitrep.clean.metadata import (
    is_machine_translation_notice,
    is_url_label,
    outlet_from_attributions,
    read_byline,
    read_dateline,
    read_source_credit,
    read_url,
    read_url_in_line,
    read_url_label,
)
from sitrep.clean.outlets import outlet_for_url, outlet_named
from sitrep.models import RemovedLine

# A paragraph with at least this many words and a sentence end starts the body.
# Headlines and standfirsts are shorter. So are some leads (880 of the BBC set's 2,225,
# and none of the seed reports'): those stay in the header, where only metadata and
# captions are taken out, so they are kept all the same.
_MIN_BODY_PARAGRAPH_WORDS = 20
# Trailing lines shorter than this that do not end a sentence may be site footers.
_MAX_FOOTER_WORDS = 12
_SENTENCE_MARK = re.compile(r"[.!?]")
_SENTENCE_END_TAIL = 16
_SENTENCE_END = re.compile(r"""[.!?…]["'”»’)\]]*\s*$""")
# "Putin listening at a meeting ...", "Border guards patrolling near the river": a
# subject of a few words, then a participle: the grammar of captions.
_MAX_CAPTION_SUBJECT_WORDS = 5
_MAX_CAPTION_WORDS = 30
# What follows a caption's participle: a preposition, an article or a name ("listening
# at", "holding a", "meeting Rahmon"). After an adjective in -ing comes a noun instead
# ("a gripping game", "UK advertising giant"), and that line is a sentence.
_CAPTION_PARTICIPLE_FOLLOWERS = frozenset(
    {
        "at", "in", "on", "during", "with", "to", "after", "before", "as", "from", "near",
        "outside", "inside", "past", "through", "by", "for", "into", "over", "under", "up",
        "down", "out", "off", "next", "beside", "behind", "while", "a", "an", "the", "his",
        "her", "their", "its", "this", "that", "these", "those", "about", "of", "across",
        "around", "against", "along", "toward", "towards", "among", "between", "without",
        "within", "upon", "onto", "via", "but", "which", "who",
    }
)  # fmt: skip
# A sentence has a finite verb; a caption does not. These are the finite forms that
# give away a lead written like a caption ("Customers trying to get through are getting
# impatient"): auxiliaries, and the commonest irregular pasts of news. Checked on the
# BBC set, where the old test (name + participle) took 18 of 2,225 leads for captions.
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|shall|should|can|could|may|might|must|"
    r"do|does|did|says|said|say|tells|told|ended|began|grew|rose|fell|won|lost|became|"
    r"made|took|saw|went|came|gave|left|held|met|sold|bought|broke|brought|built|caught|"
    r"chose|fought|found|flew|got|hit|kept|knew|led|meant|paid|put|ran|sent|set|shot|"
    r"spoke|spent|stood|struck|thought|threw|wrote|warns|warned|suggests|suggested)\b",
    re.IGNORECASE,
)
# A caption opens on its subject; a sentence may open on a preposition or conjunction
# ("After bubbling under for some time, online games broke through ...").
_NOT_CAPTION_OPENERS = frozenset(
    {
        "after", "before", "while", "when", "since", "despite", "by", "in", "on", "at",
        "for", "with", "without", "although", "though", "as", "if", "once", "until",
        "during", "following", "amid", "from", "of", "to",
    }
)  # fmt: skip
_LIST_MARKER = re.compile(r"^\s*(?:[-*•–—]\s|\d{1,2}[.)]\s)")
# A run of lines is hard-wrapped prose when it has at least this many lines and every
# line but the last is nearly as long as the longest (a fixed wrap width).
_MIN_WRAPPED_LINES = 3
_MIN_WRAP_WIDTH = 50
_WRAP_LENGTH_RATIO = 0.7


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
    reasons: list[str | None] = []
    seen_content = False
    for index, line in enumerate(lines):
        zone = "header" if index < body_start else "trailer" if index >= body_end else "body"
        reason = _removal_reason(lines, index, zone, metadata, languages, is_first=not seen_content)
        seen_content = seen_content or (reason is None and line.kind is not _Kind.BLANK)
        reasons.append(reason)
    _settle_footers(reasons, body_end)
    kept: list[_Line] = []
    removed: list[RemovedLine] = []
    title_at: int | None = None
    for index, (line, reason) in enumerate(zip(lines, reasons, strict=True)):
        if reason is not None and reason != _PENDING:
            removed.append(RemovedLine(line.start, line.end, line.raw, reason))
            continue
        if line.kind is not _Kind.BLANK and title_at is None and index < body_start:
            title_at = len(kept)
        kept.append(line)
    text = _join(kept)
    source = metadata.source or outlet_from_attributions(text)
    return CleanedText(
        text=text,
        title=_title(kept, title_at),
        author=metadata.author,
        source=source,
        url=metadata.url,
        published=metadata.published,
        published_text=metadata.published_text,
        machine_translated=metadata.machine_translated,
        removed=tuple(removed),
    )


# A trailer line nothing recognised, decided once the whole trailer is known; and the
# mark of a blank line (kept).
_PENDING = "pending"
_BLANK_LINE = "blank"


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
    """Index of the first line that opens a run of article prose.

    The run is the rest of the line's paragraph (its content lines up to the next
    blank line); it counts as prose with enough words and a sentence mark. One
    backward pass computes every run, so long pages of short lines stay linear.
    """
    words_after = [0] * (len(lines) + 1)
    has_mark_after = [False] * (len(lines) + 1)
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if line.kind is _Kind.BLANK:
            continue  # the run stops here: its totals stay 0 and False
        own_words = len(line.text.split()) if line.kind is _Kind.CONTENT else 0
        own_mark = line.kind is _Kind.CONTENT and bool(_SENTENCE_MARK.search(line.text))
        words_after[index] = own_words + words_after[index + 1]
        has_mark_after[index] = own_mark or has_mark_after[index + 1]
    for index, line in enumerate(lines):
        if (
            line.kind is _Kind.CONTENT
            and words_after[index] >= _MIN_BODY_PARAGRAPH_WORDS
            and has_mark_after[index]
        ):
            return index
    return len(lines)


def _body_end(lines: list[_Line], body_start: int) -> int:
    """Index one past the last line that ends a sentence: what follows is the trailer.

    A "next news" link ends the article whatever follows it: the next story's
    headline and lead, which the page prints below the link.
    """
    limit = next(
        (
            index
            for index in range(body_start, len(lines))
            if lines[index].kind is _Kind.FURNITURE and leads_to_another_story(lines[index].text)
        ),
        len(lines),
    )
    for index in range(limit - 1, body_start - 1, -1):
        line = lines[index]
        if line.kind is _Kind.CONTENT and (
            _SENTENCE_END.search(line.text) or len(line.text.split()) > _MAX_FOOTER_WORDS
        ):
            if _is_metadata(line.text):
                continue
            return index + 1
    return limit


def _is_metadata(text: str) -> bool:
    return bool(read_source_credit(text) or read_url(text) or read_url_label(text)[0])


def _removal_reason(
    lines: list[_Line],
    index: int,
    zone: str,
    metadata: _Metadata,
    languages: tuple[str, ...] | None,
    *,
    is_first: bool,
) -> str | None:
    """Why line ``index`` leaves the text (recording any metadata it states), or None.

    Returns ``_BLANK_LINE`` for blank lines (kept) and ``_PENDING`` for trailer lines
    whose fate depends on what surrounds them (see ``_settle_footers``).
    """
    line = lines[index]
    if line.kind is _Kind.BLANK:
        return _BLANK_LINE
    if zone == "body":
        reason = _body_line_reason(lines, index)
        if reason == "machine translation notice":
            metadata.machine_translated = True
        return reason
    if line.kind is _Kind.FURNITURE and _continues_line_above(lines, index):
        return None  # "... to the" / "southern frontier": a wrapped headline, not tags
    if line.kind is _Kind.FURNITURE:
        if line.reason == "machine translation notice":
            metadata.machine_translated = True
        return line.reason
    if metadata.expecting_url and (url := read_url(line.text)):
        metadata.expecting_url = False
        _record_url(metadata, url)
        return "original URL"
    stands_apart = index == 0 or lines[index - 1].kind is not _Kind.CONTENT
    return _metadata_reason(
        line, zone, metadata, languages, is_first=is_first, stands_apart=stands_apart
    )


def _body_line_reason(lines: list[_Line], index: int) -> str | None:
    """Inside the article only unmistakable furniture goes, and never a line of prose.

    A line the line before runs on into (or that runs on into the next one) is part of
    a hard-wrapped sentence, whatever words it happens to hold.
    """
    line = lines[index]
    if line.kind is not _Kind.FURNITURE or _runs_on(lines, index):
        return None
    if line.reason == "machine translation notice":
        return line.reason  # the notice, not a sentence about translation (see metadata)
    return furniture_reason(line.text, in_body=True)


def _runs_on(lines: list[_Line], index: int) -> bool:
    """Whether line ``index`` continues the line above or is continued by the line below."""
    line = lines[index]
    above = lines[index - 1] if index > 0 else None
    below = lines[index + 1] if index + 1 < len(lines) else None
    if (
        above is not None
        and above.kind is not _Kind.BLANK
        and not _SENTENCE_END.search(above.text)
        and _starts_lower(line.text)
    ):
        return True
    return (
        below is not None
        and below.kind is not _Kind.BLANK
        and not _SENTENCE_END.search(line.text)
        and _starts_lower(below.text)
    )


def _continues_line_above(lines: list[_Line], index: int) -> bool:
    above = lines[index - 1] if index > 0 else None
    return (
        above is not None
        and above.kind is _Kind.CONTENT
        and _continues(above.text, lines[index].text)
    )


def _starts_lower(text: str) -> bool:
    return bool(text) and text[0].islower()


def _metadata_reason(
    line: _Line,
    zone: str,
    metadata: _Metadata,
    languages: tuple[str, ...] | None,
    *,
    is_first: bool,
    stands_apart: bool,
) -> str | None:
    """Why a header or trailer line goes, recording what it states.

    ``stands_apart``: no line of text runs straight into this one (a caption stands
    alone under its picture; a line right under the headline is its second line or
    its deck).
    """
    text = line.text
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
    if is_url_label(text) and (url := read_url_in_line(line.raw)):
        _record_url(metadata, url)  # "[Original article](https://...)"
        return "original URL"
    if credit := read_source_credit(text):
        metadata.source = metadata.source or credit
        return "source credit"
    if (author := read_byline(text)) and metadata.author is None:
        metadata.author = author
        return "byline"
    if metadata.published is None and (
        published := read_dateline(text, languages, labelled=zone == "trailer")
    ):
        metadata.published, metadata.published_text = published, text
        return "dateline"
    if (is_first or zone == "trailer") and (outlet := outlet_named(text)):
        metadata.source = metadata.source or outlet
        return "masthead"
    if zone == "header":
        if not is_first and stands_apart and _is_caption(text):
            return "photo caption"
        return None
    return _PENDING


def _is_caption(text: str) -> bool:
    """A photo caption: a subject and a participle, no finite verb ("Putin listening at ...").

    The subject opens on a capital and holds no function word ("Forget about going
    ...", "Leicester withstood a stunning comeback" are sentences); what follows the
    participle is a preposition, an article or a name, not the noun an adjective in
    -ing would take ("a gripping game").
    """
    words = re.sub(r"\([^)]*\)", " ", text).split()  # "Rahmon (centre) speaking"
    if not words or len(words) > _MAX_CAPTION_WORDS or not words[0][:1].isupper():
        return False
    if not text.rstrip().endswith("."):
        return False  # captions are punctuated as sentences; headlines and decks are not
    if words[0].lower().strip(",") in _NOT_CAPTION_OPENERS or _FINITE_VERB.search(text):
        return False
    for index, word in enumerate(words[1 : _MAX_CAPTION_SUBJECT_WORDS + 1], start=1):
        if word.isalpha() and word.islower() and word.endswith("ing"):
            if index + 1 >= len(words):
                return False
            follower = words[index + 1].strip(",.;:")
            return bool(follower) and (
                follower.lower() in _CAPTION_PARTICIPLE_FOLLOWERS or follower[0].isupper()
            )
        if word.lower().strip(",") in _CAPTION_PARTICIPLE_FOLLOWERS or word.endswith("ed"):
            return False  # a function word or a past form: the subject has ended
    return False


def _settle_footers(reasons: list[str | None], body_end: int) -> None:
    """Decide the trailer lines nothing recognised: site footer, or the article's end.

    Articles end with lists that end no sentence (line-ups, results, nominees, a
    referee's name) and those must stay. A lone short line that sits among the page's
    recognised furniture (a site's name above its photo credit and source line) is the
    site's; a run of several such lines is a list, and a line with no furniture after
    it closes the article. Below a navigation label ("Related news", "Read more"),
    every such line is a link to another story. Checked on the BBC set, 20 of whose
    2,225 articles end in such lists and none in a site footer, and on the seed reports.
    """
    below_navigation = False
    for index in range(body_end, len(reasons)):
        if reasons[index] == "navigation":
            below_navigation = True
        elif below_navigation and reasons[index] == _PENDING:
            reasons[index] = "related link"
    furniture_after = False  # recognised furniture or metadata below the current line
    run: list[int] = []  # consecutive pending lines (blank lines between them aside)
    run_followed = False

    def settle(run: list[int], followed: bool) -> None:
        for index in run:
            reasons[index] = "page footer" if followed and len(run) == 1 else None

    for index in range(len(reasons) - 1, -1, -1):  # backwards, to know what follows
        reason = reasons[index]
        if reason == _BLANK_LINE:
            reasons[index] = None
        elif reason == _PENDING:
            if not run:
                run_followed = furniture_after
            run.append(index)
        else:
            settle(run, run_followed)
            run = []
            furniture_after = furniture_after or reason is not None
    settle(run, run_followed)


def _record_url(metadata: _Metadata, url: str) -> None:
    if metadata.url is None:
        metadata.url = url
        metadata.source = metadata.source or outlet_for_url(url)


def _title(kept: list[_Line], at: int | None) -> str | None:
    """The headline: the first line kept above the body, with any lines it runs on into."""
    if at is None:
        return None
    parts = [kept[at].text]
    for line in kept[at + 1 :]:
        if line.kind is _Kind.BLANK or not _continues(parts[-1], line.text):
            break
        parts.append(line.text)
    return _unwrap(parts)


def _join(kept: list[_Line]) -> str:
    """The kept lines, one paragraph per run of lines, paragraphs one blank line apart.

    Hard-wrapped prose is put back on one line per paragraph; lists and other runs of
    short lines keep their line breaks.
    """
    paragraphs: list[list[str]] = [[]]
    for line in kept:
        if line.kind is _Kind.BLANK:
            if paragraphs[-1]:
                paragraphs.append([])
        else:
            paragraphs[-1].append(line.text)
    return "\n\n".join(_paragraph(lines) for lines in paragraphs if lines)


def _paragraph(lines: list[str]) -> str:
    wrapped = _is_hard_wrapped(lines)
    out = [lines[0]]
    for line in lines[1:]:
        if _LIST_MARKER.match(line) or not (wrapped or _continues(out[-1], line)):
            out.append(line)
        else:
            out[-1] = _unwrap([out[-1], line])
    return "\n".join(out)


def _continues(line: str, following: str) -> bool:
    """Whether ``following`` carries on the sentence ``line`` breaks off."""
    # Only the tail can end a sentence; searching the whole of a line that grows as
    # lines join would make long pages quadratic.
    return (
        not _SENTENCE_END.search(line[-_SENTENCE_END_TAIL:])
        and not line.endswith((":", ";"))
        and (_starts_lower(following) or line.endswith(("-", ",")))
    )


def _is_hard_wrapped(lines: list[str]) -> bool:
    if len(lines) < _MIN_WRAPPED_LINES or any(_LIST_MARKER.match(line) for line in lines):
        return False
    width = max(len(line) for line in lines)
    return width >= _MIN_WRAP_WIDTH and all(
        len(line) >= _WRAP_LENGTH_RATIO * width and "   " not in line for line in lines[:-1]
    )


def _unwrap(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        # "Afghan-\nTajik": a break after a hyphen joins without a space.
        joined = text.endswith("-") and not text.endswith(" -")
        text = f"{text}{part}" if joined else f"{text} {part}"
    return text
