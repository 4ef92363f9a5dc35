"""SQLite: full-text search over reports, quotes and claims (the FTS5 ``search_index``).

A new report is indexed inside its own transaction, from the rows just written
(``index_report``), so the index never holds half a report nor misses one. A search
turns the user's words into an FTS5 expression that cannot be read as FTS5 syntax,
ranks reports, quotes and claims together with bm25, and cuts a plain-text snippet
around the passage that holds the most of the query's words (its lead match), with the
matched words as offsets into it.
"""

from __future__ import annotations

import re
import sqlite3
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.models import SearchHit, SearchKind, SearchResults

# Unicode noncharacters, "reserved for internal use": unlike the private use area (icon
# fonts put glyphs there, and scraped text keeps them) no real text carries them, so
# they can mark matches in highlight()'s output without being mistaken for the text.
_OPEN, _CLOSE = "\ufdd0", "\ufdd1"
_MARKER = re.compile(f"([{_OPEN}{_CLOSE}])")
# A letter or digit in any script: a chunk of the query without one makes no token.
_WORD_CHARACTER = re.compile(r"[^\W_]")
_WORD = re.compile(r"\S+")
# A title names what a report is about: one title word outweighs a few in the text.
# Not calibrated on data; bm25 takes one weight per column, the UNINDEXED ones unused.
_TITLE_WEIGHT, _BODY_WEIGHT = 4.0, 1.0
_RANK = f"bm25(search_index, 0, 0, 0, 0, 0, {_TITLE_WEIGHT}, {_BODY_WEIGHT})"
_SNIPPET_WORDS = 30
_WORDS_BEFORE = 10  # of the snippet's words, how many come before its lead match
_ELLIPSIS = "…"


def index_report(cursor: sqlite3.Cursor, report_id: int) -> None:
    """Index a stored report, its quotes and its claims, read back from their tables.

    Called in ``add_report``'s transaction after every row of the report is written, so
    quotes and claims are indexed under the ids they were given. The same rows as the
    backfill of migration 7, which is frozen: a change here is made there by a new
    migration, not by editing that one.
    """
    cursor.execute(
        'INSERT INTO search_index (kind, item_id, report_id, start, "end", title, body) '
        "SELECT 'report', id, id, 0, 0, title, text FROM reports WHERE id = ?",
        (report_id,),
    )
    cursor.execute(
        'INSERT INTO search_index (kind, item_id, report_id, start, "end", title, body) '
        "SELECT 'quote', id, report_id, start, \"end\", NULL, text FROM quotes "
        "WHERE report_id = ? ORDER BY id",
        (report_id,),
    )
    # A figure claim's own text is the number alone ("7,000"): its sentence says what
    # it counts and whose it is, so the sentence is what a search reads.
    cursor.execute(
        'INSERT INTO search_index (kind, item_id, report_id, start, "end", title, body) '
        "SELECT 'claim', c.id, c.report_id, c.start, c.\"end\", NULL, "
        "substr(r.text, c.sentence_start + 1, c.sentence_end - c.sentence_start) "
        "FROM claims c JOIN reports r ON r.id = c.report_id WHERE c.report_id = ? "
        "ORDER BY c.id",
        (report_id,),
    )


def match_expression(query: str) -> str | None:
    """The FTS5 expression for what a user typed, or None when it holds no word.

    Each whitespace-separated chunk becomes one FTS5 string (a phrase of its tokens:
    "7,000" and "U.S." match as written), so quotes, AND, NEAR, ``*``, ``:`` and ``-``
    are only text; the chunks are ANDed and the last is a prefix, for typing as you go.
    """
    chunks = [chunk for chunk in query.split() if _WORD_CHARACTER.search(chunk)]
    if not chunks:
        return None
    phrases = ['"' + chunk.replace('"', '""') + '"' for chunk in chunks]
    phrases[-1] += "*"
    return " AND ".join(phrases)


def search(
    connection: sqlite3.Connection,
    query: str,
    kinds: frozenset[SearchKind] | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchResults:
    """Reports, quotes and claims matching every word of ``query``, best first.

    Raises:
        ValueError: ``limit`` or ``offset`` is negative.
    """
    if limit < 0 or offset < 0:
        raise ValueError(f"limit and offset cannot be negative (got {limit}, {offset})")
    expression = match_expression(query)
    if expression is None or (kinds is not None and not kinds):
        return SearchResults(0, ())
    chosen = sorted(kind.value for kind in kinds) if kinds is not None else []
    kind_filter = f"AND kind IN ({','.join('?' * len(chosen))})" if chosen else ""
    where = f"WHERE search_index MATCH ? {kind_filter}"
    parameters = (expression, *chosen)
    (total,) = connection.execute(
        f"SELECT COUNT(*) FROM search_index {where}", parameters
    ).fetchone()
    rows = connection.execute(
        f"""
        SELECT kind, item_id, report_id, start, "end",
            highlight(search_index, 6, ?, ?)
        FROM search_index {where}
        ORDER BY {_RANK}, report_id, kind, item_id
        LIMIT ? OFFSET ?
        """,
        (_OPEN, _CLOSE, *parameters, limit, offset),
    ).fetchall()
    titles = _titles(connection, sorted({row[2] for row in rows}))
    hits = tuple(_hit(connection, row, titles) for row in rows)
    return SearchResults(int(total), hits)


def _hit(
    connection: sqlite3.Connection, row: Sequence[Any], titles: dict[int, str | None]
) -> SearchHit:
    kind, item_id, report_id, start, end, highlighted = row
    body, matches = unmark(highlighted or "")
    snippet = cut_snippet(body, matches)
    if kind == SearchKind.REPORT:
        lead = snippet.lead
        start, end = (0, 0) if lead is None else _sentence_at(connection, report_id, lead)
    return SearchHit(
        SearchKind(kind),
        item_id,
        report_id,
        start,
        end,
        snippet.text,
        snippet.marks,
        titles[report_id],
    )


def unmark(highlighted: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text ``highlight()`` marked, and the spans of its matches in that text."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    length, opened = 0, None
    for piece in _MARKER.split(highlighted):
        if piece == _OPEN:
            opened = length
        elif piece == _CLOSE:
            if opened is not None and length > opened:
                spans.append((opened, length))
            opened = None
        else:
            pieces.append(piece)
            length += len(piece)
    return "".join(pieces), tuple(spans)


@dataclass(frozen=True, slots=True)
class Snippet:
    """A passage of a body: ``text`` with ``marks`` (offsets into it) on the matched words,
    cut around ``lead``, the match (start, end offsets into the body) it leads with."""

    text: str
    marks: tuple[tuple[int, int], ...]
    lead: tuple[int, int] | None


def cut_snippet(body: str, matches: Sequence[tuple[int, int]]) -> Snippet:
    """About ``_SNIPPET_WORDS`` words of ``body`` around its lead match (see
    ``_lead``), whitespace collapsed, "…" where cut, with the matches that fall in it."""
    words = list(_WORD.finditer(body))
    if not words:
        return Snippet("", (), None)
    word_starts = [word.start() for word in words]
    places = [bisect_right(word_starts, start) - 1 for start, _ in matches]
    lead = _lead(body, matches, places)
    first = 0 if lead is None else places[lead]
    begin = max(0, min(first - _WORDS_BEFORE, len(words) - _SNIPPET_WORDS))
    chosen = words[begin : begin + _SNIPPET_WORDS]
    window = _window(
        [word.group() for word in chosen],
        word_starts[begin : begin + _SNIPPET_WORDS],
        is_cut_before=begin > 0,
        is_cut_after=begin + len(chosen) < len(words),
    )
    lowest, highest = chosen[0].start(), chosen[-1].end()
    marks = tuple(
        (_in_snippet(window, max(start, lowest)), _in_snippet(window, min(end, highest) - 1) + 1)
        for start, end in matches
        if start < highest and end > lowest
    )
    return Snippet(window.text, marks, None if lead is None else matches[lead])


def _lead(body: str, matches: Sequence[tuple[int, int]], places: Sequence[int]) -> int | None:
    """Which match a snippet leads with: the first of the run of words, as long as the
    snippet shows after it, that holds the most different matched words. So
    "algorithms of practical actions" shows the passage that says it, not the first "of"
    of the report; a one-word query leads with its first match."""
    if not matches:
        return None
    terms = [body[start:end].casefold() for start, end in matches]
    reach = _SNIPPET_WORDS - _WORDS_BEFORE
    best, best_count, right = 0, 0, 0
    in_reach: Counter[str] = Counter()
    for left in range(len(matches)):
        while right < len(matches) and places[right] - places[left] < reach:
            in_reach[terms[right]] += 1
            right += 1
        if len(in_reach) > best_count:
            best, best_count = left, len(in_reach)
        in_reach[terms[left]] -= 1
        if not in_reach[terms[left]]:
            del in_reach[terms[left]]
    return best


@dataclass(frozen=True, slots=True)
class _Window:
    """Words of a body chosen for a snippet, with where each sits in it and in the body."""

    text: str
    body_starts: list[int]  # where each word starts in the body
    snippet_starts: list[int]  # where each word starts in ``text``
    lengths: list[int]


def _window(
    words: list[str], body_starts: list[int], *, is_cut_before: bool, is_cut_after: bool
) -> _Window:
    prefix = f"{_ELLIPSIS} " if is_cut_before else ""
    snippet_starts, position = [], len(prefix)
    for word in words:
        snippet_starts.append(position)
        position += len(word) + 1
    text = prefix + " ".join(words) + (f" {_ELLIPSIS}" if is_cut_after else "")
    return _Window(text, body_starts, snippet_starts, [len(word) for word in words])


def _in_snippet(window: _Window, body_offset: int) -> int:
    """Where a character of the body sits in the snippet; a space between two words
    (however much whitespace it was in the body) is the one space that joins them."""
    index = max(0, bisect_right(window.body_starts, body_offset) - 1)
    return window.snippet_starts[index] + min(
        body_offset - window.body_starts[index], window.lengths[index]
    )


def _sentence_at(
    connection: sqlite3.Connection, report_id: int, match: tuple[int, int]
) -> tuple[int, int]:
    """The stored sentence holding a match in a report's text; the match itself when
    no sentence does (a report stored without sentences)."""
    row = connection.execute(
        'SELECT start, "end" FROM sentences WHERE report_id = ? AND start <= ? '
        "ORDER BY start DESC LIMIT 1",
        (report_id, match[0]),
    ).fetchone()
    if row is None or int(row[1]) <= match[0]:
        return match
    return int(row[0]), int(row[1])


def _titles(connection: sqlite3.Connection, report_ids: list[int]) -> dict[int, str | None]:
    if not report_ids:
        return {}
    placeholders = ",".join("?" * len(report_ids))
    return {
        int(report_id): title
        for report_id, title in connection.execute(
            f"SELECT id, title FROM reports WHERE id IN ({placeholders})", report_ids
        )
    }
