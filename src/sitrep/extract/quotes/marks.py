"""Where a report quotes someone word for word: quotation marks and speech dashes.

This reads characters only, no parse, so it works for every language. It finds:

- text between quotation marks in every common typography: "straight",
  “curly”, «guillemets», „low-high“ (German and Russian), ‘single’ and 'straight
  single' (apostrophes in "don't", "Allies'" are left alone);
- a quotation left open at the end of a paragraph and continued by an opening mark
  at the start of the next one (the English convention for multi-paragraph quotes)
  as one quotation; one never closed ends with its paragraph;
- two straight apostrophes as one double mark (''like this''), as some outlets write;
- nested quotations are part of the outer one: „... «...» ...“ is one quotation;
- a paragraph opened by a dash (— or –) is speech, as the Russian press and its
  translations print it: "— The Allies express concern ..., Natalia Kharitonova
  told Izvestia." The attribution at its end is found later, from the parse.

Time is linear in the text: a report with 10,000 quotation marks is one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# The closing marks each opening mark accepts. „ closes with “ in German and Russian
# typography, and with ” in some translations; « closes with ».
_CLOSERS: dict[str, str] = {
    "“": "”",
    "„": "“”",
    "«": "»",
    "‘": "’",
    '"': '"',
    "'": "'",
}
_DOUBLE = frozenset('“”„«»"')
_SINGLE = frozenset("‘’'")
ALL_MARKS = frozenset(_CLOSERS) | frozenset("”»’")
# Two straight apostrophes stand for a double quotation mark in some outlets' text
# (''like this''); they are read as one mark, before single apostrophes.
_DOUBLED = {"''": '"'}
_MARK_PATTERN = re.compile("''|[" + re.escape("".join(sorted(ALL_MARKS))) + "]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*[—–])")
_SPEECH_DASH = re.compile(r"[ \t]*[—–][ \t]+")
# Characters that may stand just before an opening mark or just after a closing one.
_BEFORE_OPENING = frozenset(" \t\n([{—–-:/")
_AFTER_CLOSING = frozenset(" \t\n)]}.,;:!?—–-/…")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Text the report gives as someone's words.

    Attributes:
        start, end: the words, without the marks (or the dash).
        opening: offset of the opening mark or dash.
        closed: whether a closing mark ends it (False: its paragraph ended first,
            or it is dash-introduced speech, which has no closing mark).
        by_dash: dash-introduced speech; its attribution is inside ``start:end``.
    """

    start: int
    end: int
    opening: int
    closed: bool
    by_dash: bool = False


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Every quotation in ``text``, in text order (paragraph continuations joined)."""
    spans: list[QuotedSpan] = []
    pending: QuotedSpan | None = None  # left open at a paragraph end
    for start, end in paragraphs(text):
        dash = _SPEECH_DASH.match(text, start, end)
        if dash is not None:
            spans.extend(_flush(pending))
            pending = None
            spans.append(
                QuotedSpan(dash.end(), _trim_end(text, dash.end(), end), start, False, True)
            )
            continue
        found = list(_spans_in_paragraph(text, start, end))
        if pending is not None:
            if found and found[0].opening == _first_visible(text, start, end):
                # The quotation goes on: keep it open through this paragraph.
                first = found.pop(0)
                pending = QuotedSpan(pending.start, first.end, pending.opening, first.closed)
                if pending.closed:
                    spans.append(pending)
                    pending = None
            else:
                spans.extend(_flush(pending))
                pending = None
        if found and not found[-1].closed and pending is None:
            pending = found.pop()
        spans.extend(found)
    spans.extend(_flush(pending))
    return spans


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty paragraph: blank lines separate paragraphs, and a
    line opened by a dash starts one (dash speech is often one line per speaker turn)."""
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[position : match.start()].strip():
            yield position, match.start()
        position = match.end()
    if text[position:].strip():
        yield position, len(text)


def _flush(pending: QuotedSpan | None) -> list[QuotedSpan]:
    return [] if pending is None else [pending]


def _first_visible(text: str, start: int, end: int) -> int:
    position = start
    while position < end and text[position].isspace():
        position += 1
    return position


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _spans_in_paragraph(text: str, start: int, end: int) -> Iterator[QuotedSpan]:
    """Top-level quotations between ``start`` and ``end``; the last may be left open."""
    opening: int | None = None
    content_start = 0
    closers = ""
    for match in _MARK_PATTERN.finditer(text, start, end):
        position, after_mark = match.start(), match.end()
        mark = _DOUBLED.get(match.group(), match.group())
        if opening is None:
            if mark in _CLOSERS and _opens(text, mark, position, after_mark, start, end):
                opening, content_start, closers = position, after_mark, _CLOSERS[mark]
            continue
        if mark in closers and _closes(text, mark, position, after_mark, content_start, end):
            yield QuotedSpan(content_start, position, opening, True)
            opening = None
    if opening is not None:
        yield QuotedSpan(content_start, _trim_end(text, content_start, end), opening, False)


def _opens(text: str, mark: str, position: int, after_mark: int, start: int, end: int) -> bool:
    """Whether the mark at ``position`` can open a quotation: words follow it, and it
    does not sit inside a word (an apostrophe) or after one (a closing mark)."""
    after = text[after_mark] if after_mark < end else " "
    if after.isspace():
        return False
    if mark in "“„«‘":
        # Unambiguous opening marks, unless glued to a word before ("don‘t" typos).
        return mark != "‘" or position == start or not text[position - 1].isalnum()
    before = text[position - 1] if position > start else " "
    return before in _BEFORE_OPENING or (mark == '"' and before in _DOUBLE | _SINGLE)


def _closes(
    text: str, mark: str, position: int, after_mark: int, content_start: int, end: int
) -> bool:
    """Whether the mark at ``position`` closes the quotation whose words begin at
    ``content_start``."""
    if position == content_start:
        return False  # an empty quotation is a stray mark
    after = text[after_mark] if after_mark < end else " "
    before = text[position - 1]
    if mark in "’'" and before.isalnum() and after.isalnum():
        return False  # an apostrophe inside a word: "don’t", "Rahmon's"
    if mark in "’'" and before in "sS" and after.isspace() and not _ends_clause(text, position):
        return False  # a plural possessive ("the Allies' concern"), not the end
    return after in _AFTER_CLOSING or after in _DOUBLE | _SINGLE or mark in "”»“"


def _ends_clause(text: str, position: int) -> bool:
    """A possessive apostrophe is followed by a noun; a closing mark, mostly, by a
    speech verb, a capital or punctuation."""
    rest = text[position + 1 : position + 16].lstrip()
    return not rest or not rest[0].islower() or rest.split(" ", 1)[0] in _SPEECH_AFTER


_SPEECH_AFTER = frozenset({"said", "says", "he", "she", "they", "added", "and", "but"})
