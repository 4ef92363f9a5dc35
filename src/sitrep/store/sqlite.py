"""The SQLite backend: one file, WAL journal, one transaction per report."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
import zlib
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.errors import AlreadyStored, StoreError
from sitrep.link.embeddings import E5Embedder, SentenceEmbedder
from sitrep.models import (
    Anchor,
    Annotation,
    ClaimGroup,
    ClaimStatus,
    DatedReference,
    DateStatus,
    DateWindow,
    DuplicateCandidate,
    Entity,
    PageFormat,
    ProcessedReport,
    QuoteFamily,
    RemovedLine,
    SearchKind,
    SearchResults,
    SituatedTime,
    StoredClaim,
    StoredEvent,
    StoredMention,
    StoredQuote,
    StoredReport,
    Story,
    Storyline,
    TextSpan,
    TimeExpression,
    TimelineEntry,
    TimeType,
    Token,
)
from sitrep.store import (
    sqlite_claims,
    sqlite_entities,
    sqlite_quotes,
    sqlite_search,
    sqlite_stories,
    sqlite_timeline,
)
from sitrep.store.base import ReportCounts, StoreTotals
from sitrep.store.migrations import LATEST_VERSION, MIGRATIONS

# How long to wait for another process's write (one report) before giving up.
_BUSY_TIMEOUT_S = 30.0
_REPORT_COLUMNS = (
    "id, origin, url, title, source, author, published, published_inferred, "
    "published_earliest, published_latest, language, machine_translated, duplicate_of, "
    "text, format, encoding, content_hash, ingested_at"
)
# zlib level 1 packs the token JSON to ~30% of its size (the default level 6: ~25%) in
# about half the time (measured on the BBC set); any level reads back the same.
_TOKEN_ZLIB_LEVEL = 1


class SQLiteStore:
    """Reports in a SQLite file (or in memory, for tests).

    ``embedder`` compares quotes across reports for quote families; the default loads
    multilingual-e5-small the first time two quotes need comparing, not before.
    """

    def __init__(
        self, connection: sqlite3.Connection, embedder: SentenceEmbedder | None = None
    ) -> None:
        self._connection = connection
        self._embedder = embedder if embedder is not None else E5Embedder()
        self.schema_version = _migrate(connection)

    @classmethod
    def open(cls, location: str, embedder: SentenceEmbedder | None = None) -> SQLiteStore:
        """Open or create the database at ``location`` (``:memory:`` for a throwaway one).

        Raises:
            StoreError: the folder is missing, the file is not a sitrep database (or is
                one of a newer sitrep), or it cannot be opened or upgraded.
        """
        if location != ":memory:":
            folder = Path(location).parent
            if not folder.is_dir():
                raise StoreError(f"{location}: the folder {folder} does not exist")
        try:
            connection = sqlite3.connect(
                location, isolation_level=None, check_same_thread=False, timeout=_BUSY_TIMEOUT_S
            )
        except sqlite3.Error as error:
            raise StoreError(f"{location}: the database cannot be opened ({error})") from error
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            if location != ":memory:":
                _use_wal(connection)
            return cls(connection, embedder)
        except (sqlite3.Error, StoreError) as error:
            connection.close()
            raise StoreError(f"{location}: {_explain(error)}") from error

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def report_id_for_hash(self, content_hash: str) -> int | None:
        row = self._connection.execute(
            "SELECT id FROM reports WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return None if row is None else int(row[0])

    def duplicate_candidates(self, band_keys: tuple[str, ...]) -> list[DuplicateCandidate]:
        if not band_keys:
            return []
        placeholders = ",".join("?" * len(band_keys))
        rows = self._connection.execute(
            f"""
            SELECT r.id, COALESCE(r.duplicate_of, r.id), m.signature, m.shingle_count
            FROM (SELECT DISTINCT report_id FROM lsh_bands WHERE band_key IN ({placeholders})) b
            JOIN reports r ON r.id = b.report_id
            JOIN minhash_signatures m ON m.report_id = r.id
            ORDER BY r.id
            """,
            band_keys,
        ).fetchall()
        return [
            DuplicateCandidate(int(report_id), int(canonical), _signature_from(blob), int(count))
            for report_id, canonical, blob, count in rows
        ]

    def add_report(
        self, processed: ProcessedReport, duplicate_of: int | None, similarity: float | None
    ) -> int:
        clean, publication = processed.clean, processed.publication
        window = publication.window
        cursor = self._connection.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise StoreError(f"{clean.origin}: could not be stored: {_explain(error)}") from error
        try:
            # Checked again under the write lock: another process may have stored the same
            # text since the pipeline looked.
            existing = cursor.execute(
                "SELECT id FROM reports WHERE content_hash = ?", (clean.content_hash,)
            ).fetchone()
            if existing is not None:
                raise AlreadyStored(clean.origin, int(existing[0]))
            cursor.execute(
                """
                INSERT INTO reports (origin, url, title, source, author, published, published_text,
                    published_inferred, published_earliest, published_latest, language,
                    machine_translated, duplicate_of, duplicate_similarity, text, format, encoding,
                    content_hash, ingested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (
                    clean.origin, clean.url, clean.title, clean.source, clean.author,
                    _iso(publication.value), clean.published_text, int(publication.inferred),
                    _iso(window.earliest if window else None),
                    _iso(window.latest if window else None),
                    clean.language, int(clean.machine_translated), duplicate_of, similarity,
                    clean.text, clean.format.value, clean.encoding, clean.content_hash,
                    dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                ),
            )  # fmt: skip
            report_id = int(cursor.lastrowid or 0)
            self._insert_children(cursor, report_id, processed)
            entity_ids = sqlite_entities.insert_mentions(cursor, report_id, processed)
            sqlite_quotes.insert_quotes(cursor, report_id, processed, entity_ids, self._embedder)
            source_id = report_id if duplicate_of is None else duplicate_of
            sqlite_claims.insert_claims(cursor, report_id, source_id, processed, entity_ids)
            story_id = sqlite_stories.insert_story(
                cursor, report_id, source_id, processed, entity_ids, self._embedder
            )
            sqlite_timeline.insert_events(
                cursor, report_id, source_id, processed, entity_ids, story_id
            )
            # Last: it reads back the quotes and claims under the ids they were just given.
            sqlite_search.index_report(cursor, report_id)
            cursor.execute("COMMIT")
        except BaseException as error:
            # Some errors (a full disk, RAISE(ROLLBACK)) end the transaction themselves;
            # a ROLLBACK then would replace the error with "no transaction is active".
            if self._connection.in_transaction:
                cursor.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise StoreError(f"{clean.origin}: could not be stored: {error}") from error
            raise
        return report_id

    def _insert_children(
        self, cursor: sqlite3.Cursor, report_id: int, processed: ProcessedReport
    ) -> None:
        clean, annotation = processed.clean, processed.annotation
        cursor.executemany(
            "INSERT INTO report_warnings (report_id, message) VALUES (?, ?)",
            [(report_id, message) for message in clean.warnings],
        )
        cursor.executemany(
            'INSERT INTO removed_lines (report_id, position, start, "end", text, reason) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (report_id, position, line.start, line.end, line.text, line.reason)
                for position, line in enumerate(clean.removed)
            ],
        )
        cursor.executemany(
            'INSERT INTO publication_evidence (report_id, start, "end", text, earliest, latest, '
            "status) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (report_id, *_evidence_row(reference))
                for reference in processed.publication.evidence
            ],
        )
        cursor.executemany(
            'INSERT INTO sentences (report_id, position, start, "end") VALUES (?, ?, ?, ?)',
            [
                (report_id, position, span.start, span.end)
                for position, span in enumerate(annotation.sentences)
            ],
        )
        cursor.execute(
            "INSERT INTO annotations (report_id, model, tokens) VALUES (?, ?, ?)",
            (report_id, annotation.model, _pack_tokens(annotation.tokens)),
        )
        fingerprint = processed.fingerprint
        cursor.execute(
            "INSERT INTO minhash_signatures (report_id, signature, shingle_count) VALUES (?, ?, ?)",
            (
                report_id,
                np.asarray(fingerprint.signature, dtype=np.uint64).tobytes(),
                fingerprint.shingle_count,
            ),
        )
        cursor.executemany(
            "INSERT INTO lsh_bands (band_key, report_id) VALUES (?, ?)",
            [(key, report_id) for key in processed.fingerprint.band_keys],
        )
        sentence_starts = [span.start for span in annotation.sentences]
        cursor.executemany(
            'INSERT INTO times (report_id, position, start, "end", text, type, value, mod, '
            "begin_value, end_value, anchor, anchored_to_inferred, sentence, parts) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (report_id, position, *_time_row(expression, sentence_starts))
                for position, expression in enumerate(processed.times)
            ],
        )

    def report(self, report_id: int, details: bool = True) -> StoredReport | None:
        """A report; without ``details`` its removed lines, sentences, notes and date
        evidence are left empty (a source link needs its text and metadata only)."""
        row = self._connection.execute(
            f"SELECT {_REPORT_COLUMNS} FROM reports WHERE id = ?", (report_id,)
        ).fetchone()
        if row is None:
            return None
        return self._stored_report(row) if details else self._bare_report(row)

    def reports(self, limit: int | None = None, offset: int = 0) -> Iterator[StoredReport]:
        cursor = self._connection.execute(
            f"SELECT {_REPORT_COLUMNS} FROM reports ORDER BY id LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        )
        for row in cursor:
            yield self._stored_report(row)

    def annotation(self, report_id: int) -> Annotation | None:
        row = self._connection.execute(
            "SELECT model, tokens FROM annotations WHERE report_id = ?", (report_id,)
        ).fetchone()
        if row is None:
            return None
        return Annotation(row[0], self._sentences(report_id), _unpack_tokens(row[1]))

    def times(self, report_id: int | None = None) -> Iterator[SituatedTime]:
        """Temporal expressions of one report, or of every report in id order, streamed."""
        selected = report_id is not None
        where, parameters = ("WHERE t.report_id = ?", (report_id,)) if selected else ("", ())
        cursor = self._connection.execute(
            f"""
            SELECT t.report_id, t.start, t."end", t.text, t.type, t.value, t.mod, t.begin_value,
                t.end_value, t.anchor, t.anchored_to_inferred, t.parts, s.start, s."end"
            FROM times t
            LEFT JOIN sentences s ON s.report_id = t.report_id AND s.position = t.sentence
            {where}
            ORDER BY t.report_id, t.position
            """,
            parameters,
        )
        for (doc, start, end, text, kind, value, mod, begin, finish, anchor, inferred, parts,
             sentence_start, sentence_end) in cursor:  # fmt: skip
            expression = TimeExpression(
                start, end, text, TimeType(kind), value, mod, begin, finish,
                tuple(_time_from(part) for part in json.loads(parts)),
                Anchor(anchor), bool(inferred),
            )  # fmt: skip
            sentence = None if sentence_start is None else TextSpan(sentence_start, sentence_end)
            yield SituatedTime(doc, expression, sentence)

    def mentions(
        self, report_id: int | None = None, entity_id: int | None = None
    ) -> Iterator[StoredMention]:
        """Actor mentions of one report or one actor (or all), in report order, streamed."""
        return sqlite_entities.stored_mentions(self._connection, report_id, entity_id)

    def entities(
        self, limit: int | None = None, offset: int = 0, details: bool = True
    ) -> Iterator[Entity]:
        """Every actor with its aliases, roles and counts, most reported first (without
        ``details``: aliases and roles left empty)."""
        return sqlite_entities.entities(self._connection, None, limit, offset, details)

    def entity(self, entity_id: int) -> Entity | None:
        return next(sqlite_entities.entities(self._connection, [entity_id]), None)

    def entity_names(self, entity_ids: Sequence[int]) -> dict[int, str]:
        return sqlite_entities.entity_names(self._connection, entity_ids)

    def actors_named(self, name: str) -> list[int]:
        return sqlite_entities.actors_named(self._connection, name)

    def co_actors(self, entity_id: int, limit: int = 20) -> list[tuple[int, int]]:
        return sqlite_entities.co_actors(self._connection, entity_id, limit)

    def quotes(
        self,
        report_id: int | None = None,
        speaker: str | None = None,
        family_id: int | None = None,
        speaker_id: int | None = None,
    ) -> Iterator[StoredQuote]:
        """Quotes of one report, or by one speaker (name, alias or id), or of one family, or
        all, in report order."""
        return sqlite_quotes.stored_quotes(
            self._connection, report_id, speaker, family_id, speaker_id
        )

    def quote_families(
        self, limit: int | None = None, offset: int = 0, largest_first: bool = False
    ) -> Iterator[QuoteFamily]:
        """Every family of quotes of one utterance, in id order (or the most quoted first)."""
        return sqlite_quotes.quote_families(self._connection, None, limit, offset, largest_first)

    def quote_family(self, family_id: int) -> QuoteFamily | None:
        return next(sqlite_quotes.quote_families(self._connection, [family_id]), None)

    def claims(
        self, report_id: int | None = None, group_id: int | None = None, contested: bool = False
    ) -> Iterator[StoredClaim]:
        """Claims of one report or one group (or all; only contested ones if asked)."""
        return sqlite_claims.stored_claims(self._connection, report_id, group_id, contested)

    def claim_groups(
        self,
        contested_only: bool = False,
        status: ClaimStatus | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[ClaimGroup]:
        """Groups of one claim across reports, in id order: all, or of one status."""
        return sqlite_claims.claim_groups(
            self._connection, contested_only, None, status, limit, offset
        )

    def claim_group(self, group_id: int) -> ClaimGroup | None:
        return next(sqlite_claims.claim_groups(self._connection, group_ids=[group_id]), None)

    def stories(
        self,
        limit: int | None = None,
        offset: int = 0,
        largest_first: bool = False,
        actor_id: int | None = None,
    ) -> Iterator[Story]:
        """Every story with its reports, in id order (or the most reported first); or those
        naming one actor, newest first."""
        return sqlite_stories.stories(
            self._connection, None, limit, offset, largest_first, actor_id
        )

    def story(self, story_id: int) -> Story | None:
        return next(sqlite_stories.stories(self._connection, [story_id]), None)

    def story_of_report(self, report_id: int) -> int | None:
        return sqlite_stories.story_of_report(self._connection, report_id)

    def storylines(self) -> Iterator[Storyline]:
        """Every storyline with its stories in date order, in id order."""
        return sqlite_stories.storylines(self._connection)

    def storyline(self, storyline_id: int) -> Storyline | None:
        return next(sqlite_stories.storylines(self._connection, storyline_id), None)

    def timeline(
        self,
        date_from: str | None = None,
        date_to: str | None = None,
        actor: str | None = None,
        place: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[TimelineEntry]:
        """Timeline entries in date order; ``actor`` and ``place`` are names or aliases, any
        case or script."""
        actor_ids, place_ids = self._named(actor), self._named(place)
        return sqlite_timeline.timeline(
            self._connection, date_from, date_to, actor_ids, place_ids, limit, offset
        )

    def timeline_entries(self, entry_ids: Sequence[int]) -> list[TimelineEntry]:
        """These timeline entries, in date order."""
        return sqlite_timeline.timeline_entries(self._connection, entry_ids)

    def timeline_size(
        self,
        date_from: str | None = None,
        date_to: str | None = None,
        actor: str | None = None,
        place: str | None = None,
    ) -> int:
        actor_ids, place_ids = self._named(actor), self._named(place)
        return sqlite_timeline.timeline_size(
            self._connection, date_from, date_to, actor_ids, place_ids
        )

    def _named(self, name: str | None) -> list[int] | None:
        return None if name is None else sqlite_entities.actors_named(self._connection, name)

    def events(self, report_id: int) -> Iterator[StoredEvent]:
        """One report's events in text order, with the timeline entry each joined."""
        return sqlite_timeline.stored_events(self._connection, report_id)

    def totals(self) -> StoreTotals:
        """How many of each record the store holds."""
        count = self._count
        return StoreTotals(
            reports=count("reports"),
            actors=count("actor_tally"),  # the actors entities() lists: those mentioned
            quotes=count("quotes"),
            quote_families=count("quote_families"),
            claims=count("claims"),
            claim_groups=sqlite_claims.claim_status_counts(self._connection),
            stories=count("stories"),
            storylines=count("storylines"),
            timeline_entries=count("timeline_entries"),
        )

    def _count(self, table: str) -> int:
        (count,) = self._connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
        return int(count)

    def outlets(self, limit: int | None = None) -> list[tuple[str, int]]:
        """The outlets reports came from, with how many each, most first."""
        rows = self._connection.execute(
            "SELECT source, COUNT(*) FROM reports WHERE source IS NOT NULL GROUP BY source "
            "ORDER BY 2 DESC, 1 LIMIT ?",
            (-1 if limit is None else limit,),
        )
        return [(str(name), int(count)) for name, count in rows]

    def search(
        self,
        query: str,
        kinds: frozenset[SearchKind] | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchResults:
        """Reports, quotes and claims holding every word of ``query``, best first."""
        return sqlite_search.search(self._connection, query, kinds, limit, offset)

    def counts(self) -> ReportCounts:
        total, duplicates = self._connection.execute(
            "SELECT COUNT(*), COUNT(duplicate_of) FROM reports"
        ).fetchone()
        languages = dict(
            self._connection.execute(
                "SELECT COALESCE(language, 'unknown'), COUNT(*) FROM reports GROUP BY 1 "
                "ORDER BY 2 DESC"
            ).fetchall()
        )
        return ReportCounts(int(total), int(duplicates), languages)

    def _stored_report(self, row: Sequence[Any]) -> StoredReport:
        report_id = row[0]
        removed = tuple(
            RemovedLine(start, end, line, reason)
            for start, end, line, reason in self._connection.execute(
                'SELECT start, "end", text, reason FROM removed_lines WHERE report_id = ? '
                "ORDER BY position",
                (report_id,),
            )
        )
        return replace(
            self._bare_report(row),
            removed=removed,
            sentences=self._sentences(report_id),
            warnings=tuple(
                message
                for (message,) in self._connection.execute(
                    "SELECT message FROM report_warnings WHERE report_id = ? ORDER BY rowid",
                    (report_id,),
                )
            ),
            published_evidence=tuple(
                DatedReference(start, end, text, _day(earliest), _day(latest), DateStatus(status))
                for start, end, text, earliest, latest, status in self._connection.execute(
                    'SELECT start, "end", text, earliest, latest, status FROM publication_evidence '
                    "WHERE report_id = ? ORDER BY start",
                    (report_id,),
                )
            ),
        )

    @staticmethod
    def _bare_report(row: Sequence[Any]) -> StoredReport:
        (report_id, origin, url, title, source, author, published, inferred, earliest, latest,
         language, machine_translated, duplicate_of, text, page_format, encoding, content_hash,
         ingested_at) = row  # fmt: skip
        window = DateWindow(_date(earliest), _date(latest)) if earliest or latest else None
        return StoredReport(
            id=report_id,
            origin=origin,
            url=url,
            title=title,
            source=source,
            author=author,
            published=_date(published),
            published_inferred=bool(inferred),
            published_window=window,
            language=language,
            machine_translated=bool(machine_translated),
            duplicate_of=duplicate_of,
            text=text,
            format=PageFormat(page_format),
            encoding=encoding,
            content_hash=content_hash,
            ingested_at=dt.datetime.fromisoformat(ingested_at),
        )

    def _sentences(self, report_id: int) -> tuple[TextSpan, ...]:
        return tuple(
            TextSpan(start, end)
            for start, end in self._connection.execute(
                'SELECT start, "end" FROM sentences WHERE report_id = ? ORDER BY position',
                (report_id,),
            )
        )


def _use_wal(connection: sqlite3.Connection) -> None:
    # WAL with synchronous=NORMAL is durable at every checkpoint and never corrupt; a
    # power cut may lose the last commits, never half of one. Switching a new file to
    # WAL takes a lock another process opening it at the same moment may hold: retry
    # within the busy timeout (SQLite does not wait for this one by itself).
    deadline = time.monotonic() + _BUSY_TIMEOUT_S
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            break
        except sqlite3.OperationalError as error:
            if not _is_busy(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
    connection.execute("PRAGMA synchronous = NORMAL")


def _migrate(connection: sqlite3.Connection) -> int:
    """Bring the schema up to date; returns the schema version.

    Each migration and its version bump are one transaction: a failed migration
    changes nothing. Another process may migrate the same new file at the same time,
    so a migration that fails is checked against the version the file now has.
    """
    connection.execute("BEGIN")  # one snapshot: another process may be migrating it now
    try:
        version = _schema_version(connection)
        is_foreign = version == 0 and _has_tables(connection)
    finally:
        connection.execute("COMMIT")
    if version > LATEST_VERSION:
        raise StoreError(
            f"the database has schema version {version}, newer than this sitrep knows "
            f"({LATEST_VERSION}); upgrade sitrep to open it"
        )
    if is_foreign:
        raise StoreError("not a sitrep database: it holds tables of another program")
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        try:
            # executescript commits first, so the migration and its version bump run in
            # one explicit transaction of their own.
            connection.executescript(
                f"BEGIN IMMEDIATE;\n{migration.sql};\n"
                f"PRAGMA user_version = {migration.version};\nCOMMIT;"
            )
        except sqlite3.Error as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            version = _schema_version(connection)
            if version >= migration.version:  # another process got there first
                continue
            raise StoreError(
                f"cannot upgrade the database to schema version {migration.version} "
                f"({migration.description}): {error}"
            ) from error
        version = migration.version
    return version


def _schema_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def _has_tables(connection: sqlite3.Connection) -> bool:
    row = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1"
    ).fetchone()
    return row is not None


def _is_busy(error: sqlite3.Error) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def _explain(error: sqlite3.Error | StoreError) -> str:
    if isinstance(error, StoreError):
        return str(error)
    if _is_busy(error):
        return f"the database is busy ({error}); another sitrep may be writing to it, try again"
    if isinstance(error, sqlite3.DatabaseError) and "not a database" in str(error):
        return f"not a sitrep database ({error})"
    return f"the database cannot be opened ({error})"


def _evidence_row(reference: DatedReference) -> tuple[object, ...]:
    return (
        reference.start,
        reference.end,
        reference.text,
        _iso(reference.earliest),
        _iso(reference.latest),
        reference.status.value,
    )


# Dates and times sit in a sentence that narrates something; durations and sets do not.
_SITUATED_TYPES = frozenset({TimeType.DATE, TimeType.TIME})


def _time_row(expression: TimeExpression, sentence_starts: list[int]) -> tuple[object, ...]:
    sentence = bisect_right(sentence_starts, expression.start) - 1
    return (
        expression.start,
        expression.end,
        expression.text,
        expression.type.value,
        expression.value,
        expression.mod,
        expression.begin_value,
        expression.end_value,
        expression.anchor.value,
        int(expression.anchored_to_inferred),
        sentence if expression.type in _SITUATED_TYPES and sentence >= 0 else None,
        json.dumps([_time_part(part) for part in expression.parts]),
    )


def _time_part(part: TimeExpression) -> list[object]:
    return [part.start, part.end, part.text, part.type.value, part.value, part.mod]


def _time_from(part: list[Any]) -> TimeExpression:
    start, end, text, kind, value, mod = part
    return TimeExpression(start, end, text, TimeType(kind), value, mod)


def _pack_tokens(tokens: tuple[Token, ...]) -> bytes:
    rows = [
        [token.start, token.end, token.pos, token.tag, token.dep, token.head, token.lemma,
         token.morph]
        for token in tokens
    ]  # fmt: skip
    return zlib.compress(json.dumps(rows, separators=(",", ":")).encode("utf-8"), _TOKEN_ZLIB_LEVEL)


def _unpack_tokens(blob: bytes) -> tuple[Token, ...]:
    return tuple(Token(*row) for row in json.loads(zlib.decompress(blob)))


def _signature_from(blob: bytes) -> tuple[int, ...]:
    return tuple(int(value) for value in np.frombuffer(blob, dtype=np.uint64))


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)
