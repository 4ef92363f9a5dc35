"""SQLite: the quote tables, and joining a new report's quotes to families in its transaction.

Candidates come from the ``quotes_speaker_published`` index (same speaker, a week
either side), at most ``MAX_CANDIDATES`` of them, never from a scan: adding a report
costs what its own quotes cost, however large the store. The rules that decide a
family are in ``link/quote_families.py``; this module reads, embeds and writes.

Embeddings are made only for quotes that meet a candidate the words cannot decide,
once per quote: they are kept (float16, one row per sentence) with the name of the
model that made them, and made again only if another model asks.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

import numpy as np

from sitrep.link.embeddings import Embeddings, SentenceEmbedder, max_cosine
from sitrep.link.quote_families import (
    MAX_CANDIDATES,
    MAX_UNDATED_CANDIDATES,
    WINDOW_DAYS,
    FamilyCandidate,
    QuoteEvidence,
    comparable_text,
    comparison_units,
    family_matches,
    needs_cosine,
    quote_evidence,
)
from sitrep.models import ProcessedReport, Quote, QuoteFamily, QuoteKind, StoredQuote
from sitrep.store.sqlite_entities import actors_named

_QUOTE_COLUMNS = (
    'id, report_id, start, "end", text, kind, cue, cue_start, cue_end, speaker_text, '
    "speaker_start, speaker_end, speaker_entity_id, family_id"
)
_CANDIDATE_COLUMNS = (
    'id, family_id, text, language, embedding, embedding_model, embedding_rows, start, "end", '
    "speaker_start, speaker_end, cue_start, cue_end"
)


@dataclass(frozen=True, slots=True)
class _Stored:
    """A quote as family linking reads it: what it says and what the model made of it."""

    id: int
    family_id: int | None
    text: str
    evidence: QuoteEvidence
    embedding: Embeddings | None


def insert_quotes(
    cursor: sqlite3.Cursor,
    report_id: int,
    processed: ProcessedReport,
    entity_ids: Sequence[int],
    embedder: SentenceEmbedder,
) -> None:
    """Store a report's quotes and join each to a family of earlier quotes where one fits.

    Args:
        entity_ids: the stored actor of each of ``processed.entities`` (from linking).
    """
    published = processed.publication.value
    language = processed.clean.language
    new: list[tuple[_Stored, int]] = []  # with the speaker's stored actor
    for position, quote in enumerate(processed.quotes):
        speaker = _speaker_id(quote, entity_ids)
        cursor.execute(
            'INSERT INTO quotes (report_id, position, start, "end", text, kind, cue, cue_start, '
            "cue_end, speaker_text, speaker_start, speaker_end, speaker_entity_id, published, "
            "language) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (report_id, position, quote.start, quote.end, quote.text, quote.kind.value,
             quote.cue, quote.cue_start, quote.cue_end, quote.speaker_text, quote.speaker_start,
             quote.speaker_end, speaker, _iso(published), language),
        )  # fmt: skip
        if speaker is not None:
            text = _remark(quote.text, quote.start, quote.speaker_start, quote.speaker_end,
                           quote.cue_start, quote.cue_end)  # fmt: skip
            evidence = quote_evidence(text, language)
            stored = _Stored(int(cursor.lastrowid or 0), None, text, evidence, None)
            new.append((stored, speaker))
    if new:
        _link_families(cursor, report_id, published, new, embedder)


def _speaker_id(quote: Quote, entity_ids: Sequence[int]) -> int | None:
    local = quote.speaker_entity
    return entity_ids[local] if local is not None and 0 <= local < len(entity_ids) else None


def _link_families(
    cursor: sqlite3.Cursor,
    report_id: int,
    published: dt.date | None,
    new: list[tuple[_Stored, int]],
    embedder: SentenceEmbedder,
) -> None:
    # One lookup per speaker: a report quotes its main speaker many times.
    by_speaker = {
        speaker: _candidates(cursor, speaker, published, report_id, embedder.name)
        for speaker in {speaker for _, speaker in new}
    }
    candidates = {quote.id: by_speaker[speaker] for quote, speaker in new}
    wanted = {
        item.id: item
        for quote, _ in new
        for candidate in candidates[quote.id]
        if needs_cosine(quote.evidence, candidate.evidence)
        for item in (quote, candidate)
    }
    embeddings = _embeddings(cursor, list(wanted.values()), embedder)
    for quote, speaker in new:
        cosines = {
            candidate.id: max_cosine(embeddings[quote.id], embeddings[candidate.id])
            for candidate in candidates[quote.id]
            if quote.id in embeddings and candidate.id in embeddings
        }
        matches = family_matches(
            quote.evidence,
            (FamilyCandidate(c.id, c.family_id, c.evidence) for c in candidates[quote.id]),
            cosines,
        )
        if matches:
            best, *others = matches
            _join(cursor, quote.id, best.candidate.quote_id, speaker)
            for other in others:
                if _family_of(cursor, other.candidate.quote_id) is None:
                    _join(cursor, other.candidate.quote_id, quote.id, speaker)


def _candidates(
    cursor: sqlite3.Cursor,
    speaker: int,
    published: dt.date | None,
    report_id: int,
    model: str,
) -> list[_Stored]:
    """Quotes of the same speaker in other reports within the window, most recent first.

    Stored embeddings are kept only when ``model`` made them.
    """
    select = (
        f"SELECT {_CANDIDATE_COLUMNS} FROM quotes WHERE speaker_entity_id = ? AND report_id != ?"
    )
    newest = f"ORDER BY id DESC LIMIT {MAX_CANDIDATES}"
    latest = f"ORDER BY id DESC LIMIT {MAX_UNDATED_CANDIDATES}"
    if published is None:  # walks quotes_speaker newest first, stops at the cap
        rows = cursor.execute(f"{select} {latest}", (speaker, report_id)).fetchall()
    else:  # two ranges of quotes_speaker_published: the window, and the undated
        window = dt.timedelta(days=WINDOW_DAYS)
        rows = cursor.execute(
            f"{select} AND published BETWEEN ? AND ? {newest}",
            (speaker, report_id, (published - window).isoformat(),
             (published + window).isoformat()),
        ).fetchall()  # fmt: skip
        rows += cursor.execute(
            f"{select} AND published IS NULL {latest}", (speaker, report_id)
        ).fetchall()
        rows = sorted(rows, key=lambda row: -int(row[0]))[:MAX_CANDIDATES]
    stored = []
    for quote_id, family, text, language, blob, embedded_by, count, *offsets in rows:
        remark = _remark(text, *offsets)
        stored.append(_Stored(
            quote_id, family, remark, _evidence(remark, language),
            _unpack(blob, count) if embedded_by == model else None,
        ))  # fmt: skip
    return stored


@lru_cache(maxsize=8192)
def _evidence(remark: str, language: str | None) -> QuoteEvidence:
    """``quote_evidence``, remembered: a speaker's recent quotes are read again for each
    new report that quotes them."""
    return quote_evidence(remark, language)


def _remark(
    text: str,
    start: int,
    *attribution: int | None,
) -> str:
    """The quote's words less an attribution written inside them (``comparable_text``);
    ``attribution`` holds the speaker's and the cue's offsets in the report."""
    inside = [offset - start for offset in attribution if offset is not None]
    if len(inside) != 4 or min(inside) < 0 or max(inside) > len(text):
        return text
    return comparable_text(text, (min(inside), max(inside)))


def _embeddings(
    cursor: sqlite3.Cursor, quotes: list[_Stored], embedder: SentenceEmbedder
) -> dict[int, Embeddings]:
    """Sentence embeddings of ``quotes``: the stored ones, and the missing ones made now
    in one batch and stored."""
    found = {quote.id: quote.embedding for quote in quotes if quote.embedding is not None}
    missing = [quote for quote in quotes if quote.embedding is None]
    sentences = [comparison_units(quote.text) or (quote.text,) for quote in missing]
    flat = [sentence for group in sentences for sentence in group]
    vectors = embedder.embed(flat) if flat else np.zeros((0, 0), dtype=np.float32)
    start = 0
    for quote, group in zip(missing, sentences, strict=True):
        rows = vectors[start : start + len(group)]
        start += len(group)
        cursor.execute(
            "UPDATE quotes SET embedding = ?, embedding_model = ?, embedding_rows = ? WHERE id = ?",
            (rows.astype(np.float16).tobytes(), embedder.name, len(group), quote.id),
        )
        found[quote.id] = rows
    return found


def _family_of(cursor: sqlite3.Cursor, quote_id: int) -> int | None:
    (family,) = cursor.execute("SELECT family_id FROM quotes WHERE id = ?", (quote_id,)).fetchone()
    return int(family) if family is not None else None


def _join(cursor: sqlite3.Cursor, quote_id: int, candidate_id: int, speaker: int) -> None:
    """Put the new quote in the candidate's family, starting one if it has none."""
    # Read again: an earlier quote of the same report may have just started it.
    (family,) = cursor.execute(
        "SELECT family_id FROM quotes WHERE id = ?", (candidate_id,)
    ).fetchone()
    if family is None:
        cursor.execute("INSERT INTO quote_families (speaker_entity_id) VALUES (?)", (speaker,))
        family = int(cursor.lastrowid or 0)
        cursor.execute("UPDATE quotes SET family_id = ? WHERE id = ?", (family, candidate_id))
    cursor.execute("UPDATE quotes SET family_id = ? WHERE id = ?", (family, quote_id))


def _unpack(blob: bytes | None, rows: int | None) -> Embeddings | None:
    if blob is None or not rows:
        return None
    return np.frombuffer(blob, dtype=np.float16).reshape(rows, -1).astype(np.float32)


def stored_quotes(
    connection: sqlite3.Connection,
    report_id: int | None = None,
    speaker: str | None = None,
    family_id: int | None = None,
    speaker_id: int | None = None,
) -> Iterator[StoredQuote]:
    """Quotes of one report, or by one speaker (a name or alias, or the actor's id), or of
    one family, or all, in report order."""
    conditions: list[str] = []
    parameters: list[object] = []
    for column, value in (
        ("report_id", report_id), ("family_id", family_id), ("speaker_entity_id", speaker_id)
    ):  # fmt: skip
        if value is not None:
            conditions.append(f"{column} = ?")
            parameters.append(value)
    if speaker is not None:
        speakers = speakers_named(connection, speaker)
        conditions.append(f"speaker_entity_id IN ({','.join('?' * len(speakers))})")
        parameters.extend(speakers)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    cursor = connection.execute(
        f"SELECT {_QUOTE_COLUMNS} FROM quotes {where} ORDER BY report_id, position", parameters
    )
    for (quote_id, doc, start, end, text, kind, cue, cue_start, cue_end, speaker_text,
         speaker_start, speaker_end, speaker_id, family) in cursor:  # fmt: skip
        quote = Quote(start, end, text, QuoteKind(kind), cue, cue_start, cue_end, speaker_text,
                      speaker_start, speaker_end)  # fmt: skip
        yield StoredQuote(quote_id, doc, quote, speaker_id, family)


def speakers_named(connection: sqlite3.Connection, name: str) -> list[int]:
    """The actors who have quotes and are called ``name`` (their name or an alias, compared
    by sound key: case, punctuation, script and transliteration aside, so "Рахмон"
    finds "Emomali Rahmon" through its alias "Rakhmon")."""
    actors = actors_named(connection, name)
    if not actors:
        return []
    rows = connection.execute(
        "SELECT DISTINCT speaker_entity_id FROM quotes "
        f"WHERE speaker_entity_id IN ({','.join('?' * len(actors))})",
        actors,
    )
    return sorted(int(row[0]) for row in rows)


def quote_families(
    connection: sqlite3.Connection,
    family_ids: Sequence[int] | None = None,
    limit: int | None = None,
    offset: int = 0,
    largest_first: bool = False,
) -> Iterator[QuoteFamily]:
    """Families with their quotes: all, or those of ``family_ids``; in id order, or the
    most quoted first; a page of them with ``limit`` and ``offset``."""
    if family_ids is not None and not family_ids:
        return
    where = f"WHERE family_id IN ({','.join('?' * len(family_ids))})" if family_ids else ""
    order = "COUNT(*) DESC, family_id" if largest_first else "family_id"
    chosen = connection.execute(
        f"SELECT family_id FROM quotes {where} {'AND' if where else 'WHERE'} family_id "
        f"IS NOT NULL GROUP BY family_id ORDER BY {order} LIMIT ? OFFSET ?",
        (*(family_ids or ()), -1 if limit is None else limit, offset),
    ).fetchall()
    rank = {int(row[0]): position for position, row in enumerate(chosen)}
    if not rank:
        return
    cursor = connection.execute(
        "SELECT f.id, f.speaker_entity_id, q.id FROM quote_families f "
        f"JOIN quotes q ON q.family_id = f.id WHERE f.id IN ({','.join('?' * len(rank))}) "
        "ORDER BY f.id, q.id",
        tuple(rank),
    )
    families = [
        QuoteFamily(family_id, speaker, tuple(row[2] for row in rows))
        for (family_id, speaker), rows in groupby(cursor, key=lambda row: (row[0], row[1]))
    ]
    yield from sorted(families, key=lambda family: rank[family.id])


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
