"""The store: a contract every backend fulfils, then what is particular to SQLite.

The contract tests take the ``store`` fixture, parametrized over the backends; a
PostgreSQL backend joins by adding its parameter. Reports are built by hand (no
spaCy) from the records the pipeline would hand over.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from tests.conftest import quoted_report, with_quote

from sitrep.clean.fingerprint import content_hash, fingerprint
from sitrep.errors import AlreadyStored, StoreError
from sitrep.models import (
    Anchor,
    Annotation,
    CleanReport,
    DatedReference,
    DateStatus,
    DateWindow,
    PageFormat,
    ProcessedReport,
    PublicationDate,
    RemovedLine,
    StoredReport,
    TextSpan,
    TimeExpression,
    TimeType,
    Token,
)
from sitrep.store import Store, open_store
from sitrep.store import sqlite as sqlite_backend
from sitrep.store.migrations import LATEST_VERSION, MIGRATIONS, Migration
from sitrep.store.sqlite import SQLiteStore

BRIDGE = (
    "Bridge closed after flood\n\n"
    "Residents of the river town said on Tuesday that the old stone bridge had been "
    "closed since the water rose in March 2024. Engineers will inspect it next week, "
    "the mayor said, and repairs are planned for 2025."
)
# The same story under a new headline, one sentence changed: a syndicated copy.
BRIDGE_COPY = BRIDGE.replace("Bridge closed after flood", "Flood shuts town bridge").replace(
    "the mayor said", "the mayor told reporters"
)
MARKET = (
    "Flour prices rise again\n\n"
    "Traders at the covered market said the price of a sack of flour rose for the third "
    "week running, blaming the cost of diesel and a poor harvest in the south."
)
CHILD_TABLES = (
    "report_warnings",
    "removed_lines",
    "publication_evidence",
    "sentences",
    "annotations",
    "minhash_signatures",
    "lsh_bands",
    "times",
    "mentions",
    "quotes",
    "quote_families",
)
# Said in BRIDGE; a report that quotes it too makes the two one quote family.
BRIDGE_REMARK = "the old stone bridge had been closed since the water rose in March 2024"


def _tokens(text: str) -> tuple[Token, ...]:
    """One token per whitespace-separated word, each headed by the first."""
    tokens = []
    start = 0
    for word in text.split():
        start = text.index(word, start)
        tokens.append(Token(start, start + len(word), "X", "XX", "dep", 0, word.lower(), ""))
        start += len(word)
    return tuple(tokens)


def _sentences(text: str) -> tuple[TextSpan, ...]:
    """Paragraphs and full stops as sentence ends: enough for a round trip."""
    spans = []
    start = 0
    for index, character in enumerate(text):
        if character in ".\n" and text[start:index].strip():
            spans.append(TextSpan(start, index + 1))
            start = index + 1
    return tuple(spans)


def processed(
    text: str = BRIDGE,
    origin: str = "reports/bridge.txt",
    *,
    published: dt.date | None = dt.date(2024, 3, 12),
    warnings: tuple[str, ...] = (),
    removed: tuple[RemovedLine, ...] = (),
    publication: PublicationDate | None = None,
    language: str | None = "en",
) -> ProcessedReport:
    clean = CleanReport(
        origin=origin,
        format=PageFormat.TEXT,
        text=text,
        title=text.split("\n", 1)[0],
        url="https://example.org/news/1",
        source="Example Gazette",
        author="Maria Ortiz",
        published=published,
        published_text=published.isoformat() if published else None,
        language=language,
        machine_translated=False,
        removed=removed,
        content_hash=content_hash(text),
        encoding=None,
        warnings=warnings,
    )
    return ProcessedReport(
        clean=clean,
        annotation=Annotation("test-model 1.0", _sentences(text), _tokens(text)),
        publication=publication or PublicationDate(published, inferred=False, window=None),
        fingerprint=fingerprint(text),
        times=(TimeExpression(0, len(text.split()[0]), text.split()[0], TimeType.DATE, None),),
    )


def _table_counts(connection: sqlite3.Connection) -> dict[str, int]:
    return {
        table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        # search_index is written last and, being virtual, takes no trigger: counted only.
        for table in ("reports", *CHILD_TABLES, "search_index")
    }


@pytest.fixture(params=["sqlite-memory", "sqlite-file"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Every backend the contract runs against."""
    location = {"sqlite-memory": "sqlite:///:memory:", "sqlite-file": str(tmp_path / "s.db")}
    opened = open_store(location[request.param])
    yield opened
    opened.close()


# The contract.


def test_store_reads_back_what_it_was_given(store: Store) -> None:
    removed = (RemovedLine(0, 18, "Share on Facebook", "social"),)
    report = processed(warnings=("decoded as cp1251 (not UTF-8)",), removed=removed)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    report_id = store.add_report(report, duplicate_of=None, similarity=None)
    stored = store.report(report_id)
    assert stored is not None
    assert before <= stored.ingested_at <= dt.datetime.now(dt.UTC)
    assert dataclasses.replace(stored, ingested_at=before) == StoredReport(
        id=report_id,
        origin="reports/bridge.txt",
        url="https://example.org/news/1",
        title="Bridge closed after flood",
        source="Example Gazette",
        author="Maria Ortiz",
        published=dt.date(2024, 3, 12),
        published_inferred=False,
        published_window=None,
        language="en",
        machine_translated=False,
        duplicate_of=None,
        text=BRIDGE,
        format=PageFormat.TEXT,
        encoding=None,
        content_hash=content_hash(BRIDGE),
        ingested_at=before,
        removed=removed,
        sentences=_sentences(BRIDGE),
        warnings=("decoded as cp1251 (not UTF-8)",),
    )


def test_store_keeps_an_inferred_date_with_its_window(store: Store) -> None:
    window = DateWindow(dt.date(2024, 3, 1), dt.date(2025, 12, 31))
    evidence = (
        DatedReference(120, 130, "March 2024", dt.date(2024, 3, 1), dt.date(2024, 3, 31),
                       DateStatus.PAST),
        DatedReference(200, 204, "2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31),
                       DateStatus.FUTURE),
    )  # fmt: skip
    publication = PublicationDate(dt.date(2024, 3, 1), inferred=True, window=window,
                                  evidence=evidence)  # fmt: skip
    report_id = store.add_report(processed(published=None, publication=publication), None, None)
    stored = store.report(report_id)
    assert stored is not None
    assert stored.published == dt.date(2024, 3, 1)
    assert stored.published_inferred is True
    assert stored.published_window == window
    assert stored.published_evidence == evidence


@pytest.mark.parametrize(
    "window",
    [DateWindow(dt.date(2024, 3, 1), None), DateWindow(None, dt.date(2013, 12, 31))],
    ids=["open-ended", "bounded-above-only"],
)
def test_store_keeps_a_half_open_window(store: Store, window: DateWindow) -> None:
    publication = PublicationDate(window.earliest, inferred=True, window=window)
    report_id = store.add_report(processed(published=None, publication=publication), None, None)
    stored = store.report(report_id)
    assert stored is not None
    assert stored.published_window == window
    assert stored.published == window.earliest


def test_store_annotation_round_trip(store: Store) -> None:
    text = "Митинг прошёл. Полиция задержала «трёх» участников — сообщают СМИ."
    report = processed(text, "reports/ru.txt", language="ru")
    tokens = (
        Token(0, 6, "NOUN", "NN", "nsubj", 1, "митинг", "Animacy=Inan|Case=Nom"),
        Token(7, 13, "VERB", "VBD", "ROOT", 1, "пройти", "Aspect=Perf|Tense=Past"),
        Token(13, 14, "PUNCT", ".", "punct", 1, ".", ""),
    )
    sentences = (TextSpan(0, 14), TextSpan(15, len(text)))
    report = dataclasses.replace(report, annotation=Annotation("sentencizer", sentences, tokens))
    report_id = store.add_report(report, None, None)
    assert store.annotation(report_id) == Annotation("sentencizer", sentences, tokens)


def test_store_annotation_of_a_long_report(store: Store) -> None:
    text = " ".join([MARKET] * 200)
    report_id = store.add_report(processed(text, "reports/long.txt"), None, None)
    annotation = store.annotation(report_id)
    assert annotation is not None
    assert annotation.tokens == _tokens(text)
    assert annotation.sentences == _sentences(text)


def test_store_unknown_report(store: Store) -> None:
    assert store.report(12345) is None
    assert store.annotation(12345) is None


def test_store_content_hash_lookup(store: Store) -> None:
    report_id = store.add_report(processed(), None, None)
    assert store.report_id_for_hash(content_hash(BRIDGE)) == report_id
    # The hash ignores case and spacing: the same text reflowed is the same report.
    assert store.report_id_for_hash(content_hash(BRIDGE.upper().replace(" ", "  "))) == report_id
    assert store.report_id_for_hash(content_hash(MARKET)) is None


def test_store_duplicate_candidates_share_a_band(store: Store) -> None:
    bridge_id = store.add_report(processed(), None, None)
    store.add_report(processed(MARKET, "reports/market.txt"), None, None)
    copy = fingerprint(BRIDGE_COPY)
    assert set(copy.band_keys) & set(fingerprint(BRIDGE).band_keys)  # the premise
    [candidate] = store.duplicate_candidates(copy.band_keys)
    assert candidate.report_id == bridge_id
    assert candidate.canonical_id == bridge_id
    assert candidate.signature == fingerprint(BRIDGE).signature


def test_store_duplicate_candidates_not_found_for_a_different_text(store: Store) -> None:
    store.add_report(processed(), None, None)
    other = fingerprint("Schools reopened in the capital after the winter holiday ended early.")
    assert not set(other.band_keys) & set(fingerprint(BRIDGE).band_keys)  # the premise
    assert store.duplicate_candidates(other.band_keys) == []
    assert store.duplicate_candidates(()) == []


def test_store_candidate_of_a_copy_points_at_the_original(store: Store) -> None:
    original = store.add_report(processed(), None, None)
    copy = store.add_report(processed(BRIDGE_COPY, "reports/copy.txt"), original, 0.8)
    stored_copy = store.report(copy)
    assert stored_copy is not None
    assert stored_copy.duplicate_of == original
    candidates = store.duplicate_candidates(fingerprint(BRIDGE_COPY).band_keys)
    assert {(c.report_id, c.canonical_id) for c in candidates} == {
        (original, original),
        (copy, original),
    }


def test_store_counts_and_lists_in_order(store: Store) -> None:
    first = store.add_report(processed(), None, None)
    second = store.add_report(processed(MARKET, "reports/market.txt", language=None), None, None)
    third = store.add_report(processed(BRIDGE_COPY, "reports/copy.txt"), first, 0.8)
    counts = store.counts()
    assert (counts.reports, counts.duplicates) == (3, 1)
    assert counts.languages == {"en": 2, "unknown": 1}
    assert [report.id for report in store.reports()] == [first, second, third]


def test_store_empty(store: Store) -> None:
    counts = store.counts()
    assert (counts.reports, counts.duplicates, counts.languages) == (0, 0, {})
    assert list(store.reports()) == []


def test_store_schema_version(store: Store) -> None:
    assert store.schema_version == LATEST_VERSION == MIGRATIONS[-1].version


# SQLite in particular.


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cases.db"


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


# ABORT undoes the statement and leaves the transaction for us to roll back; ROLLBACK
# (like a full disk) ends the transaction itself, and our ROLLBACK must not then mask
# the error with "no transaction is active".
@pytest.mark.parametrize("action", ["ABORT", "ROLLBACK"])
@pytest.mark.parametrize("table", CHILD_TABLES)
def test_sqlite_report_is_written_whole_or_not_at_all(
    db_path: Path, table: str, action: str
) -> None:
    with SQLiteStore.open(str(db_path)) as store:
        # The same remark, quoted word for word: a family, with no model to load.
        earlier = quoted_report("reports/mayor.txt", "Ana Ruiz", [BRIDGE_REMARK], published=None)
        kept = store.add_report(earlier, None, None)
        with _connect(db_path) as other:
            other.execute(
                f"CREATE TRIGGER boom BEFORE INSERT ON {table} "
                f"BEGIN SELECT RAISE({action}, 'boom'); END"
            )
            before = _table_counts(other)
        year = DatedReference(
            0, 4, "2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31), DateStatus.PAST
        )
        report = processed(  # a row for every child table
            warnings=("a note",),
            removed=(RemovedLine(0, 5, "Menu", "navigation"),),
            publication=PublicationDate(dt.date(2024, 1, 1), True, None, (year,)),
        )
        report = with_quote(report, "Ana Ruiz", BRIDGE_REMARK)
        with pytest.raises(StoreError, match="boom"):
            store.add_report(report, None, None)
        with _connect(db_path) as other:
            assert _table_counts(other) == before  # nothing of the report is left
            other.execute("DROP TRIGGER boom")
        assert store.report_id_for_hash(report.clean.content_hash) is None
        assert [stored.id for stored in store.reports()] == [kept]
        # The connection is not left inside the failed transaction.
        assert store.add_report(report, None, None) > kept
        assert [len(family.quote_ids) for family in store.quote_families()] == [2]


def test_sqlite_reopen_keeps_the_data(db_path: Path) -> None:
    with SQLiteStore.open(str(db_path)) as store:
        report_id = store.add_report(processed(), None, None)
    with SQLiteStore.open(str(db_path)) as store:
        stored = store.report(report_id)
        assert stored is not None and stored.text == BRIDGE
        assert store.schema_version == LATEST_VERSION


def test_sqlite_reopen_does_not_run_migrations_again(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    SQLiteStore.open(str(db_path)).close()
    # Were any migration run again, this would fail.
    broken = tuple(Migration(m.version, "broken", "NOT SQL AT ALL") for m in MIGRATIONS)
    monkeypatch.setattr(sqlite_backend, "MIGRATIONS", broken)
    with SQLiteStore.open(str(db_path)) as store:
        assert store.schema_version == LATEST_VERSION


def test_sqlite_reopen_runs_a_new_migration(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with SQLiteStore.open(str(db_path)) as store:
        report_id = store.add_report(processed(), None, None)
    added = Migration(LATEST_VERSION + 1, "a note per report", "ALTER TABLE reports ADD note TEXT")
    monkeypatch.setattr(sqlite_backend, "MIGRATIONS", (*MIGRATIONS, added))
    monkeypatch.setattr(sqlite_backend, "LATEST_VERSION", added.version)
    with SQLiteStore.open(str(db_path)) as store:
        assert store.schema_version == added.version
        assert store.report(report_id) is not None
    with _connect(db_path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(reports)")]
    assert "note" in columns


def test_sqlite_failed_migration_changes_nothing(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with SQLiteStore.open(str(db_path)) as store:
        report_id = store.add_report(processed(), None, None)
    broken = Migration(
        LATEST_VERSION + 1,
        "half of it works",
        "ALTER TABLE reports ADD note TEXT; CREATE TABLE reports (id INTEGER);",
    )
    monkeypatch.setattr(sqlite_backend, "MIGRATIONS", (*MIGRATIONS, broken))
    monkeypatch.setattr(sqlite_backend, "LATEST_VERSION", broken.version)
    with pytest.raises(StoreError, match=f"schema version {broken.version}"):
        SQLiteStore.open(str(db_path))
    with _connect(db_path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        columns = [row[1] for row in connection.execute("PRAGMA table_info(reports)")]
        assert "note" not in columns  # the half that worked was rolled back
    monkeypatch.undo()
    with SQLiteStore.open(str(db_path)) as store:
        assert store.report(report_id) is not None


def test_sqlite_refuses_a_database_from_a_newer_sitrep(db_path: Path) -> None:
    SQLiteStore.open(str(db_path)).close()
    with _connect(db_path) as connection:
        connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 41}")
    with pytest.raises(StoreError) as caught:
        open_store(str(db_path))
    message = str(caught.value)
    assert str(db_path) in message
    assert f"schema version {LATEST_VERSION + 41}" in message
    assert "upgrade sitrep" in message


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(
            lambda path: path.write_text("Residents said the bridge was closed.\n" * 40),
            "not a sitrep database",
            id="text-file",
        ),
        pytest.param(
            lambda path: _connect(path).execute("CREATE TABLE accounts (id INTEGER)"),
            "not a sitrep database",
            id="another-programs-database",
        ),
        pytest.param(lambda path: path.mkdir(), "cannot be opened", id="a-folder"),
    ],
)
def test_sqlite_refuses_what_is_not_its_database(
    db_path: Path, make: Callable[[Path], object], reason: str
) -> None:
    make(db_path)
    with pytest.raises(StoreError) as caught:
        open_store(str(db_path))
    assert str(caught.value).startswith(f"{db_path}: ")
    assert reason in str(caught.value)


def test_sqlite_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no-such-folder" / "cases.db"))


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        ("postgresql://analyst@db.example.org/sitrep", "not part of this release"),
        ("postgres://analyst@db.example.org/sitrep", "not part of this release"),
        ("mysql://analyst@db.example.org/sitrep", "unknown store"),
    ],
)
def test_store_location_names_a_backend(location: str, reason: str) -> None:
    with pytest.raises(StoreError, match=reason):
        open_store(location)


def test_sqlite_url_names_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    open_store("sqlite:///relative.db").close()
    open_store(f"sqlite:///{tmp_path / 'absolute.db'}").close()
    assert (tmp_path / "relative.db").is_file()
    assert (tmp_path / "absolute.db").is_file()


def _open_together(path: str, barrier: threading.Barrier, errors: list[BaseException]) -> None:
    barrier.wait()
    try:
        SQLiteStore.open(path).close()
    except BaseException as error:
        errors.append(error)


def test_sqlite_many_connections_open_a_new_database_at_once(tmp_path: Path) -> None:
    # Two `sitrep ingest` started together on a fresh file both tried to create the
    # schema: one failed with "table reports already exists" or "database is locked".
    for trial in range(10):
        path = str(tmp_path / f"fresh-{trial}.db")
        barrier = threading.Barrier(4)
        errors: list[BaseException] = []
        threads = [
            threading.Thread(target=_open_together, args=(path, barrier, errors)) for _ in range(4)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with SQLiteStore.open(path) as store:
            assert store.schema_version == LATEST_VERSION


def test_store_keeps_times_with_their_sentence(store: Store) -> None:
    # Dates sit in the sentence that holds their first character; durations in none.
    since = BRIDGE.index("March 2024")
    month = TimeExpression(since, since + 10, "March 2024", TimeType.DATE, "2024-03")
    week = BRIDGE.index("next week")
    relative = TimeExpression(
        week, week + 9, "next week", TimeType.DATE, "2024-W12", anchor=Anchor.PUBLICATION
    )
    duration = TimeExpression(0, 6, "Bridge", TimeType.DURATION, "P1M")
    interval = TimeExpression(
        since, since + 10, "March 2024", TimeType.DATE, "2024-03", "ON_OR_AFTER", "2024-03",
        None, parts=(month,),
    )  # fmt: skip
    expressions = (duration, month, relative, interval)
    report_id = store.add_report(dataclasses.replace(processed(), times=expressions), None, None)
    stored = list(store.times(report_id))
    assert [item.expression for item in stored] == list(expressions)
    assert {item.report_id for item in stored} == {report_id}

    def sentence_at(offset: int) -> TextSpan:
        return next(span for span in _sentences(BRIDGE) if span.start <= offset < span.end)

    expected = [None, sentence_at(since), sentence_at(week), sentence_at(since)]
    assert [item.sentence for item in stored] == expected
    assert expected[1] != expected[2]
    assert list(store.times()) == stored


def test_store_refuses_the_same_text_twice_and_names_the_first(store: Store) -> None:
    first = store.add_report(processed(), None, None)
    with pytest.raises(AlreadyStored) as refused:
        store.add_report(processed(origin="elsewhere/bridge-again.txt"), None, None)
    assert refused.value.report_id == first
    assert [report.id for report in store.reports()] == [first]
