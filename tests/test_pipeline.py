"""The ingest pipeline end to end with the real models: bad input, duplicates, copies.

Slow: the session ``pipeline`` fixture loads spaCy once. Inputs are built by hand in
``tmp_path``; the reports are our own sentences.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.config import Settings
from sitrep.ingest import iter_pages
from sitrep.models import IngestOutcome, IngestStatus
from sitrep.store import open_store
from sitrep.store.sqlite import SQLiteStore

pytestmark = pytest.mark.slow

BRIDGE = """Flood closes the old stone bridge at Marrow Ford

Residents of Marrow Ford said on Tuesday that the old stone bridge over the river had \
been closed since the water rose on Sunday night, cutting the shortest road between the \
town and the regional hospital.

The mayor, Elena Varga, told a meeting in the town hall that engineers from the regional \
roads office would inspect the piers on Thursday. Until they report, she said, no vehicle \
heavier than a bicycle would be allowed across.

Shopkeepers on the east bank said deliveries now took an extra forty minutes by the ring \
road. A baker, who asked not to be named, said he had thrown away two days of bread \
because his van could not reach the market in time.

The river fell by half a metre on Monday, according to the gauge at the mill, but \
forecasters expect more rain at the weekend. The regional government has promised to pay \
for temporary repairs if the engineers find the structure sound.

Farmers on the far side of the valley said the closure had come at the worst moment, \
with the first cut of hay due and the co-operative's lorries unable to cross. The \
co-operative's chairman said members would share two tractors with trailers to carry milk \
churns to the collection point on the town side until the bridge reopened.

The bridge, built in 1874 and listed as a protected monument, was last repaired twelve \
years ago after a lorry struck its parapet. Local historians have long warned that its \
foundations were never designed for modern traffic, and a petition for a second crossing \
downstream has gathered more than three thousand signatures.
"""
# The same article under a new headline with one sentence rewritten: a syndicated copy.
BRIDGE_COPY = BRIDGE.replace(
    "Flood closes the old stone bridge at Marrow Ford", "Marrow Ford bridge shut after river floods"
).replace(
    "A baker, who asked not to be named, said he had thrown away two days of bread \
because his van could not reach the market in time.",
    "One baker said his van had missed the morning market twice this week and that he \
had given the unsold bread to the shelter.",
)
MARKET = """Flour prices rise for a third week

Traders at the covered market in Dunmere said on Friday that the price of a sack of flour \
had risen for the third week running. They blamed the cost of diesel and a poor harvest \
in the south, and said bakers had begun to buy smaller loads more often.

A spokesman for the millers' association said stocks were sufficient until the autumn \
and urged shoppers not to hoard.
"""
SCHOOL = """Schools in Dunmere reopen after the winter break

Pupils returned to the four primary schools of Dunmere on Monday after a winter break \
that the council had extended by a week because of heating repairs. Head teachers said \
attendance on the first day was close to normal.

The council said the new boilers had cost less than planned and that the savings would \
go towards school meals.
"""
RALLY_RU = """Митинг в центре Дунмира

Вчера вечером в центре Дунмира прошёл митинг против закрытия старого моста. По словам \
организаторов, на площадь пришли около трёхсот человек. Полиция сообщила, что акция \
прошла спокойно и никто не был задержан.

Мэр города пообещала встретиться с жителями на следующей неделе и обсудить строительство \
второго моста ниже по течению.
"""
# A page whose article a script would fill in: what saving a modern news page gives.
NO_ARTICLE = """<!DOCTYPE html>
<html><head><title>Dunmere Gazette</title></head>
<body><div id="app"></div><script src="/bundle.js"></script></body></html>
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def bad_batch(folder: Path) -> dict[str, Path]:
    """Good reports mixed with every kind of bad input; sizes chosen for a 4 KB cap."""
    return {
        "bridge": write(folder, "bridge.txt", BRIDGE),
        "market": write(folder, "market.md", MARKET),
        "rally": write(folder, "rally-cp1251.txt", RALLY_RU.encode("cp1251")),
        "missing": folder / "no-such-report.txt",
        "empty": write(folder, "empty.txt", b""),
        "binary": write(folder, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64),
        "oversized": write(folder, "digest.txt", (SCHOOL + "\n") * 20),
        "no_article": write(folder, "index.html", NO_ARTICLE),
    }


FAILURES = {
    "missing": "no such file or folder",
    "empty": "the input is empty",
    "binary": "a PNG image",
    "oversized": "over the 4.0 KB cap",
    "no_article": "article",
}
CAP_BYTES = 4096


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    opened = open_store(str(tmp_path / "sitrep.db"))
    assert isinstance(opened, SQLiteStore)
    yield opened
    opened.close()


def ingest(
    pipeline: Any, arguments: list[Path], store: SQLiteStore, cap: int = 1 << 20
) -> tuple[Any, dict[str, IngestOutcome]]:
    """The summary, and each input's outcome by origin (failures come out first)."""
    outcomes: list[IngestOutcome] = []
    settings = Settings(db=":memory:", max_input_bytes=cap)
    summary = pipeline.ingest(
        iter_pages([str(argument) for argument in arguments], settings), store, outcomes.append
    )
    by_origin = {outcome.origin: outcome for outcome in outcomes}
    assert len(by_origin) == len(outcomes)  # one outcome per input
    return summary, by_origin


def test_pipeline_bad_inputs_fail_alone(pipeline: Any, tmp_path: Path, store: SQLiteStore) -> None:
    batch = bad_batch(tmp_path)
    summary, outcomes = ingest(pipeline, list(batch.values()), store, cap=CAP_BYTES)

    assert set(outcomes) == {str(path) for path in batch.values()}
    for name in ("bridge", "market", "rally"):
        assert outcomes[str(batch[name])].status is IngestStatus.INGESTED, name
    for name, reason in FAILURES.items():
        outcome = outcomes[str(batch[name])]
        assert outcome.status is IngestStatus.FAILED, name
        assert reason in outcome.message, (name, outcome.message)
    assert (summary.ingested, summary.duplicates, summary.failed) == (3, 0, len(FAILURES))

    stored = {report.origin: report for report in store.reports()}
    assert set(stored) == {str(batch[name]) for name in ("bridge", "market", "rally")}
    rally = stored[str(batch["rally"])]
    assert rally.encoding == "cp1251"
    assert rally.language == "ru"
    assert rally.text.startswith("Митинг в центре Дунмира")
    assert outcomes[str(batch["rally"])].warnings == ("decoded as cp1251 (not UTF-8)",)


@pytest.mark.parametrize(
    "page",
    [
        pytest.param(NO_ARTICLE, id="built-by-javascript"),
        pytest.param("<html><body><p>   </p></body></html>", id="empty-paragraph"),
        pytest.param(
            '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>',
            id="navigation-only",
        ),
        pytest.param(
            "<html><head><title>Dunmere Gazette</title></head><body><nav>"
            '<a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a>'
            "</nav><footer>© Dunmere Gazette</footer></body></html>",
            id="title-navigation-footer",
        ),
        pytest.param(
            "<html><head><title>Dunmere Gazette</title></head><body><h2>Latest</h2><ul>"
            '<li><a href="/a">Bridge closed after flood</a></li>'
            '<li><a href="/b">Flour prices rise for a third week</a></li>'
            '<li><a href="/c">Schools reopen after the winter break</a></li></ul></body></html>',
            id="index-of-headlines",
        ),
    ],
)
def test_pipeline_html_without_an_article_fails(
    pipeline: Any, tmp_path: Path, store: SQLiteStore, page: str
) -> None:
    path = write(tmp_path, "page.html", page)
    summary, outcomes = ingest(pipeline, [path], store)
    assert outcomes[str(path)].status is IngestStatus.FAILED
    assert summary.failed == 1
    assert store.counts().reports == 0


def test_pipeline_reingest_changes_nothing(
    pipeline: Any, tmp_path: Path, store: SQLiteStore
) -> None:
    paths = [write(tmp_path, "bridge.txt", BRIDGE), write(tmp_path, "market.md", MARKET)]
    ingest(pipeline, paths, store)
    before = list(store.reports())

    summary, outcomes = ingest(pipeline, paths, store)
    assert (summary.ingested, summary.duplicates, summary.failed) == (0, 2, 0)
    assert [outcomes[str(path)].status for path in paths] == [IngestStatus.DUPLICATE] * 2
    assert [outcomes[str(path)].report_id for path in paths] == [report.id for report in before]
    assert list(store.reports()) == before  # not a row touched, not even ingested_at


def test_pipeline_exact_copy_under_another_name(
    pipeline: Any, tmp_path: Path, store: SQLiteStore
) -> None:
    original = write(tmp_path, "a/bridge.txt", BRIDGE)
    same_batch = write(tmp_path, "b/bridge (1).txt", BRIDGE)
    # Windows line ends and trailing spaces: the same clean text.
    reflowed = write(tmp_path, "c/bridge.txt", BRIDGE.replace("\n", "  \r\n").encode())
    summary, outcomes = ingest(pipeline, [original, same_batch], store)
    assert (summary.ingested, summary.duplicates) == (1, 1)
    assert outcomes[str(original)].status is IngestStatus.INGESTED
    assert outcomes[str(same_batch)].status is IngestStatus.DUPLICATE
    assert "another input of this batch" in outcomes[str(same_batch)].message

    summary, outcomes = ingest(pipeline, [reflowed], store)
    [report] = store.reports()
    assert (summary.ingested, summary.duplicates) == (0, 1)
    assert outcomes[str(reflowed)].report_id == report.id
    assert f"same text as report {report.id}" in outcomes[str(reflowed)].message


def test_pipeline_near_duplicate_is_stored_as_a_copy(
    pipeline: Any, tmp_path: Path, store: SQLiteStore
) -> None:
    original = write(tmp_path, "gazette/bridge.txt", BRIDGE)
    copy = write(tmp_path, "wire/bridge.txt", BRIDGE_COPY)
    unrelated = write(tmp_path, "gazette/market.txt", MARKET)
    summary, outcomes = ingest(pipeline, [original, copy, unrelated], store)
    assert (summary.ingested, summary.near_duplicates) == (3, 1)

    reports = {report.origin: report for report in store.reports()}
    first = reports[str(original)]
    assert first.duplicate_of is None
    assert reports[str(copy)].duplicate_of == first.id
    assert reports[str(copy)].title == "Marrow Ford bridge shut after river floods"
    assert reports[str(unrelated)].duplicate_of is None
    assert outcomes[str(copy)].near_duplicate_of == first.id

    # A copy of the copy (another headline, a figure rewritten) joins the same
    # family: it points at the first report, not at the copy.
    copy_of_copy = write(
        tmp_path,
        "aggregator/bridge.txt",
        BRIDGE_COPY.replace("Marrow Ford bridge shut after river floods", "Town cut off").replace(
            "more than three thousand", "over 3,000"
        ),
    )
    ingest(pipeline, [copy_of_copy], store)
    stored = {report.origin: report for report in store.reports()}
    assert stored[str(copy_of_copy)].duplicate_of == first.id
    assert store.counts().duplicates == 2


def test_pipeline_json_lines_with_a_bad_line(
    pipeline: Any, tmp_path: Path, store: SQLiteStore
) -> None:
    lines = [
        json.dumps({"title": "Flour prices rise", "text": MARKET, "source": "Dunmere Post"}),
        '{"title": "Cut off", "text": "The wire copy ends',
        json.dumps({"title": "No text here"}),
        json.dumps({"text": SCHOOL, "published": "2024-01-15", "url": "https://example.org/s"}),
    ]
    feed = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    summary, outcomes = ingest(pipeline, [feed], store)
    assert {origin: outcome.status for origin, outcome in outcomes.items()} == {
        f"{feed}#1": IngestStatus.INGESTED,
        f"{feed}#2": IngestStatus.FAILED,
        f"{feed}#3": IngestStatus.FAILED,
        f"{feed}#4": IngestStatus.INGESTED,
    }
    assert "not valid JSON" in outcomes[f"{feed}#2"].message
    assert "no 'text'" in outcomes[f"{feed}#3"].message
    assert (summary.ingested, summary.failed) == (2, 2)
    school = next(report for report in store.reports() if report.origin == f"{feed}#4")
    assert school.url == "https://example.org/s"
    assert school.published == dt.date(2024, 1, 15)


def test_pipeline_record_with_a_malformed_url_does_not_stop_the_batch(
    pipeline: Any, tmp_path: Path, store: SQLiteStore
) -> None:
    # The outlet is read from the URL's host, and urlsplit raised on this one: the
    # whole batch stopped with a traceback before anything was stored.
    feed = write(
        tmp_path,
        "feed.jsonl",
        json.dumps({"text": MARKET, "url": "http://[::1/market"})
        + "\n"
        + json.dumps({"text": SCHOOL})
        + "\n",
    )
    bridge = write(tmp_path, "bridge.txt", BRIDGE)
    summary, outcomes = ingest(pipeline, [feed, bridge], store)
    assert (summary.ingested, summary.failed) == (3, 0)
    assert outcomes[f"{feed}#1"].warnings == (
        "the record's url 'http://[::1/market' is not a valid URL; left out",
    )


def test_pipeline_a_report_the_store_refuses_does_not_stop_the_batch(
    pipeline: Any, tmp_path: Path, store: SQLiteStore
) -> None:
    # The store fails one report half-way through writing it (after the report row,
    # on its sentences); the others go in and nothing of the failed one is left.
    with sqlite3.connect(tmp_path / "sitrep.db") as connection:
        connection.execute(
            "CREATE TRIGGER poison BEFORE INSERT ON sentences "
            "WHEN (SELECT origin FROM reports WHERE id = NEW.report_id) LIKE '%poison%' "
            "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    paths = [
        write(tmp_path, "bridge.txt", BRIDGE),
        write(tmp_path, "poison.txt", MARKET),
        write(tmp_path, "school.txt", SCHOOL),
    ]
    summary, outcomes = ingest(pipeline, paths, store)
    assert [outcomes[str(path)].status for path in paths] == [
        IngestStatus.INGESTED,
        IngestStatus.FAILED,
        IngestStatus.INGESTED,
    ]
    assert "disk full" in outcomes[str(paths[1])].message
    assert (summary.ingested, summary.failed) == (2, 1)
    assert sorted(report.origin for report in store.reports()) == [
        str(paths[0]),
        str(paths[2]),
    ]
    with sqlite3.connect(tmp_path / "sitrep.db") as connection:
        orphans = connection.execute(
            "SELECT COUNT(*) FROM sentences WHERE report_id NOT IN (SELECT id FROM reports)"
        ).fetchone()[0]
    assert orphans == 0


class _IdentifierThatBreaksOn:
    """A language identifier that fails on one text, standing in for any cleaner bug."""

    def __init__(self, real: Any, poison: str) -> None:
        self._real, self._poison = real, poison

    def identify(self, text: str) -> str | None:
        if self._poison in text:
            raise RuntimeError("detector crashed")
        return self._real.identify(text)  # type: ignore[no-any-return]


def test_pipeline_a_cleaning_bug_fails_one_report_not_the_batch(
    pipeline: Any, tmp_path: Path, store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        pipeline, "identifier", _IdentifierThatBreaksOn(pipeline.identifier, "Flour prices")
    )
    paths = [write(tmp_path, "market.txt", MARKET), write(tmp_path, "bridge.txt", BRIDGE)]
    summary, outcomes = ingest(pipeline, paths, store)
    assert (summary.ingested, summary.failed) == (1, 1)
    message = outcomes[str(paths[0])].message
    assert message.startswith("could not be cleaned") and "detector crashed" in message


@pytest.mark.slow
def test_pipeline_a_report_too_long_to_parse_is_split_not_parsed(
    tmp_path: Path, store: SQLiteStore
) -> None:
    from sitrep.pipeline import Pipeline

    small = Pipeline(Settings(db=":memory:", max_parse_chars=100))
    paths = [write(tmp_path, "bridge.txt", BRIDGE)]
    summary, outcomes = ingest(small, paths, store)
    assert summary.ingested == 1
    (warning,) = outcomes[str(paths[0])].warnings
    assert "over the parser's" in warning
    (report,) = store.reports()
    assert report.sentences  # still split, so offsets have sentences to point into
    assert list(store.times(report.id)) == []  # no parse, no extraction
    assert report.warnings == (warning,)
