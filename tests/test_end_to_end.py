"""The whole path a user takes: ``sitrep ingest examples/``, then ``sitrep export``.

Runs the real CLI (the real spaCy model, a SQLite file in a temporary folder) over
the bundled examples and checks the dossier against what a careful reader of those
reports would say: who published each, when, in which language, which one is a
copy of which, and that the page furniture is gone while the article is kept.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner, Result

from sitrep.cli import app
from sitrep.models import PageFormat, StoredReport
from sitrep.store import open_store
from tests.conftest import REPO

pytestmark = pytest.mark.slow

EURASIA = "eurasia-wire-sochi-summit.txt"
STEPPE = "steppe-herald-sochi.html"
COPY = "records.jsonl#1"
SESSION_2021 = "records.jsonl#2"
CASPIAN = "caspian-monitor-border-programme.txt"
RUSSIAN = "ru-sammit-odkb.txt"
ALL_DOCUMENTS = (EURASIA, STEPPE, COPY, SESSION_2021, CASPIAN, RUSSIAN)


@dataclass(frozen=True)
class Dossier:
    """What one ``sitrep ingest examples`` and two exports produced."""

    db: Path
    ingest: Result
    exported: dict[str, Any]  # the JSON dossier as written
    header: dict[str, Any]
    documents: dict[str, dict[str, Any]]  # by file name, ``name#N`` for a JSONL line
    markdown: str


def _invoke(*arguments: str) -> Result:
    return CliRunner().invoke(app, list(arguments), catch_exceptions=False)


def _name(document: dict[str, Any]) -> str:
    return Path(document["path"]).name


@pytest.fixture(scope="module")
def dossier(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Dossier:
    folder = tmp_path_factory.mktemp("end_to_end")
    db = folder / "examples.db"
    ingested = _invoke("ingest", str(examples_dir), "--db", str(db))
    assert ingested.exit_code == 0, ingested.output
    exported = _invoke("export", "--db", str(db), "--format", "json", "-o", str(folder / "d.json"))
    assert exported.exit_code == 0, exported.output
    rendered = _invoke("export", "--db", str(db), "--format", "md", "-o", str(folder / "d.md"))
    assert rendered.exit_code == 0, rendered.output
    exported_json = json.loads((folder / "d.json").read_text(encoding="utf-8"))
    header = {key: value for key, value in exported_json.items() if key != "documents"}
    documents = {_name(document): document for document in exported_json["documents"]}
    markdown = (folder / "d.md").read_text(encoding="utf-8")
    return Dossier(db, ingested, exported_json, header, documents, markdown)


def test_end_to_end_every_example_becomes_one_document(dossier: Dossier) -> None:
    assert sorted(dossier.documents) == sorted(ALL_DOCUMENTS)
    assert dossier.header["schema_version"] == 1
    assert "Ingested 6 (1 marked as copies), 0 already stored, 0 failed." in dossier.ingest.output


def test_end_to_end_json_follows_the_schema(dossier: Dossier) -> None:
    schema = json.loads((REPO / "docs" / "dossier.schema.json").read_text(encoding="utf-8"))
    errors = [error.message for error in Draft202012Validator(schema).iter_errors(dossier.exported)]
    assert errors == []


# What the page states, as a reader would put it. The outlets of the plain-text
# pages are their hosts: nothing but the URL names an outlet sitrep does not know.
METADATA = [
    pytest.param(
        EURASIA,
        {
            "title": "Central Asian allies ask Moscow for a firmer shield as NATO prepares "
            "to leave Afghanistan",
            "source": "Eurasia Wire",  # spelled out in its dateline and photo credit
            "author": "Jane Doe",
            "url": "https://www.eurasiawire.example.org/news/2013/09/23/"
            "csto-sochi-summit-afghanistan",
            "format": "text",
        },
        id="eurasia-wire",
    ),
    pytest.param(
        STEPPE,
        {
            "title": "Afghanistan after 2014 tops the agenda at CSTO summit in Sochi",
            "source": "Steppe Herald",
            "author": "Aliya Seitkali",
            "url": "https://steppeherald.example.com/politics/2013/09/23/csto-summit-sochi",
            "format": "html",
        },
        id="steppe-herald",
    ),
    pytest.param(
        COPY,
        {
            "title": "Sochi summit: Tajikistan seeks allies' help on Afghan border",
            "source": "Pamir Post",
            "author": "Jane Doe",
            "url": "https://pamirpost.example.com/region/2013/09/24/sochi-summit-tajik-border",
            "format": "record",
        },
        id="syndicated-copy",
    ),
    pytest.param(
        SESSION_2021,
        {
            "title": "CSTO leaders hold emergency video summit on Afghanistan",
            "source": "Tien Shan Times",
            "author": "Marat Iskakov",
            "url": "https://tienshantimes.example.org/news/2021/08/23/"
            "csto-extraordinary-session-afghanistan",
            "format": "record",
        },
        id="session-2021",
    ),
    pytest.param(
        CASPIAN,
        {
            "title": "CSTO sets out a three-stage plan to fortify the Tajik-Afghan border",
            "source": "caspianmonitor.example.com",
            "author": "Timur Rakhimov",
            "url": "https://caspianmonitor.example.com/security/csto-tajik-afghan-border-programme",
            "format": "text",
        },
        id="caspian-monitor",
    ),
    pytest.param(
        RUSSIAN,
        {
            "title": "Лидеры ОДКБ в Сочи обсудили угрозы с афганского направления",
            "source": "severny-kurier.example.org",
            "author": "Ирина Соколова",
            "url": "https://severny-kurier.example.org/politika/2013/09/23/odkb-sochi-afganistan",
            "format": "text",
        },
        id="russian",
    ),
]


@pytest.mark.parametrize(("name", "expected"), METADATA)
def test_end_to_end_metadata(dossier: Dossier, name: str, expected: dict[str, str]) -> None:
    document = dossier.documents[name]
    assert {field: document[field] for field in expected} == expected
    assert document["text"].startswith(expected["title"] + "\n\n")


# published, published_inferred, published_window, language, machine_translated
DATES_AND_FLAGS = [
    pytest.param(EURASIA, "2013-09-23", False, None, "en", False, id="eurasia-wire"),
    pytest.param(STEPPE, "2013-09-23", False, None, "en", False, id="steppe-herald"),
    pytest.param(COPY, "2013-09-24", False, None, "en", False, id="syndicated-copy"),
    pytest.param(SESSION_2021, "2021-08-23", False, None, "en", False, id="session-2021"),
    # Undated: adopted in November 2024 (done), deliveries planned for 2026-2027 (to come).
    pytest.param(
        CASPIAN,
        "2024-11-01",
        True,
        ["2024-11-01", "2027-12-31"],
        "en",
        True,
        id="caspian-monitor",
    ),
    pytest.param(RUSSIAN, "2013-09-23", False, None, "ru", False, id="russian"),
]


@pytest.mark.parametrize(
    ("name", "published", "inferred", "window", "language", "machine_translated"),
    DATES_AND_FLAGS,
)
def test_end_to_end_dates_language_and_translation(
    dossier: Dossier,
    name: str,
    published: str,
    inferred: bool,
    window: list[str] | None,
    language: str,
    machine_translated: bool,
) -> None:
    document = dossier.documents[name]
    assert document["published"] == published
    assert document["published_inferred"] is inferred
    assert document["published_window"] == window
    assert document["language"] == language
    assert document["machine_translated"] is machine_translated


def test_end_to_end_inferred_date_shows_its_evidence(dossier: Dossier) -> None:
    document = dossier.documents[CASPIAN]
    evidence = document["published_evidence"]
    assert {item["status"] for item in evidence} == {"past", "future"}
    for item in evidence:  # each span points at the words it quotes
        assert document["text"][item["start"] : item["end"]] == item["text"]
    assert any("November 2024" in item["text"] for item in evidence if item["status"] == "past")
    stated = [doc for doc in dossier.documents.values() if not doc["published_inferred"]]
    assert all(doc["published_evidence"] == [] for doc in stated)


# The copy reached us second (records.jsonl sorts after eurasia-wire-...), so it points
# at the original; reports of the same event in other words are not copies.
COPIES = [
    pytest.param(COPY, EURASIA, id="syndicated-copy"),
    pytest.param(EURASIA, None, id="eurasia-wire"),
    pytest.param(STEPPE, None, id="steppe-herald"),
    pytest.param(SESSION_2021, None, id="session-2021"),
    pytest.param(CASPIAN, None, id="caspian-monitor"),
    pytest.param(RUSSIAN, None, id="russian"),
]


@pytest.mark.parametrize(("name", "original"), COPIES)
def test_end_to_end_duplicate_of(dossier: Dossier, name: str, original: str | None) -> None:
    expected = dossier.documents[original]["id"] if original else None
    assert dossier.documents[name]["duplicate_of"] == expected


def test_end_to_end_ingest_names_the_copy(dossier: Dossier) -> None:
    original = dossier.documents[EURASIA]["id"]
    copy = dossier.documents[COPY]["id"]
    assert (
        f"copy: {dossier.documents[COPY]['path']}: stored as report {copy}, "
        f"a near-duplicate of report {original}"
    ) in " ".join(dossier.ingest.output.split())


# Furniture: (document, reason, the line as on the page). Every line must leave the
# text and be listed in ``removed`` with its reason, in page order.
REMOVED = {
    EURASIA: [
        ("navigation", "Skip to main content"),
        ("byline", "By Jane Doe"),
        ("dateline", "September 23, 2013"),
        (
            "photo caption",
            "Vladimir Putin welcoming Emomali Rahmon at the start of the summit in Sochi.",
        ),
        ("photo credit", "Photo: Eurasia Wire / Pavel Orlov"),
        ("share widget", "Share: Facebook | Twitter | Email"),
        ("author contact", "Contact the author at jane.doe@eurasiawire.example.org"),
        (
            "cookie notice",
            "We use cookies to give you the best experience on our site. "
            "By continuing to browse, you agree to our use of cookies.",
        ),
        ("original URL", "Original url:"),
        (
            "original URL",
            "https://www.eurasiawire.example.org/news/2013/09/23/csto-sochi-summit-afghanistan",
        ),
    ],
    COPY: [("source credit", "Based on materials from Eurasia Wire")],
    SESSION_2021: [],
    CASPIAN: [
        ("byline", "By Timur Rakhimov"),
        (
            "original URL",
            "https://caspianmonitor.example.com/security/csto-tajik-afghan-border-programme",
        ),
        ("machine translation notice", "Переведено сервисом «Яндекс Переводчик»"),
    ],
    RUSSIAN: [
        ("dateline", "23 сентября 2013"),
        ("byline", "Автор: Ирина Соколова"),
        ("share widget", "Поделиться:"),
        (
            "original URL",
            "Источник: https://severny-kurier.example.org/politika/2013/09/23/"
            "odkb-sochi-afganistan",
        ),
    ],
}


@pytest.mark.parametrize("name", sorted(REMOVED))
def test_end_to_end_removed_lines(dossier: Dossier, name: str) -> None:
    document = dossier.documents[name]
    removed = [(line["reason"], line["text"]) for line in document["removed"]]
    assert removed == REMOVED[name]
    for _, line in REMOVED[name]:
        assert line not in document["text"]


# Furniture an HTML page carries in its markup (nav, aside, footer, figure, share
# list, cookie banner): trafilatura drops it before our cleaner sees the text.
HTML_FURNITURE = [
    "Home",
    "Economy",
    "Read more",
    "Manas transit centre",
    "Patrols on the Panj river stretched thin",
    "All rights reserved",
    "Advertise",
    "cookies",
    "Facebook",
    "Photo: Steppe Herald",
    "The heads of delegation before the closed session",
    "By Aliya Seitkali",
    "| Steppe Herald",
]


@pytest.mark.parametrize("furniture", HTML_FURNITURE)
def test_end_to_end_html_furniture_is_gone(dossier: Dossier, furniture: str) -> None:
    assert furniture not in dossier.documents[STEPPE]["text"]


# Sentences of the article that must survive cleaning: leads, quotes, last paragraphs.
BODY = [
    (EURASIA, "SOCHI, Russia (Eurasia Wire) — The presidents of Russia, Armenia, Belarus,"),
    (
        EURASIA,
        '"The Tajik-Afghan border is the southern border of our whole organisation, and '
        'protecting it is a job for all of us together," Rahmon told the other leaders,',
    ),
    (EURASIA, "Uzbekistan, which suspended its participation in the bloc last year, sent no"),
    (
        STEPPE,
        "Heads of state of the Collective Security Treaty Organisation met in Sochi on Monday",
    ),
    (
        STEPPE,
        '"Can we be sure that everything will be done? I cannot promise that with one '
        'hundred per cent certainty," Putin told reporters after the talks.',
    ),
    (
        STEPPE,
        "The summit closed without a joint statement on Afghanistan, but diplomats said",
    ),
    (COPY, "Leaders of six former Soviet republics spent Monday in Sochi weighing"),
    (COPY, "Uzbekistan, which suspended its participation in the bloc in 2012, sent no"),
    (SESSION_2021, "held an extraordinary session by video link on Monday, 23 August 2021,"),
    (
        CASPIAN,
        "It was adopted by the organisation's heads of state in November 2024.",
    ),
    (
        CASPIAN,
        "to the Tajik border troops are planned for 2026-2027. The third stage, scheduled "
        "for 2027-2029,",
    ),
    (CASPIAN, "rather than a series of one-off bilateral pledges."),
    (RUSSIAN, "В понедельник в Сочи прошёл саммит Организации Договора о коллективной"),
    (RUSSIAN, "протяжённость которой составляет около 1300 километров"),
    (RUSSIAN, "события последних дней позволяют надеяться на успех."),
]


@pytest.mark.parametrize(("name", "sentence"), BODY)
def test_end_to_end_body_is_kept(dossier: Dossier, name: str, sentence: str) -> None:
    assert sentence in " ".join(dossier.documents[name]["text"].split())


@pytest.mark.parametrize("name", ALL_DOCUMENTS)
def test_end_to_end_text_is_paragraphs(dossier: Dossier, name: str) -> None:
    """Title, then paragraphs one blank line apart, nothing blank at either end."""
    text = dossier.documents[name]["text"]
    paragraphs = text.split("\n\n")
    assert len(paragraphs) >= 5
    assert all(paragraph.strip() == paragraph and paragraph for paragraph in paragraphs)
    assert paragraphs[0] == dossier.documents[name]["title"]


def _stored(db: Path) -> dict[str, StoredReport]:
    store = open_store(str(db))
    try:
        return {Path(report.origin).name: report for report in store.reports()}
    finally:
        store.close()


def _page_text(examples_dir: Path, report: StoredReport) -> str:
    """The decoded input the ``removed`` offsets index: the file, or the record's text."""
    path, _, line = report.origin.partition("#")
    text = (examples_dir / Path(path).name).read_text(encoding="utf-8")
    if not line:
        return text
    return str(json.loads(text.splitlines()[int(line) - 1])["text"])


@pytest.mark.parametrize("name", ALL_DOCUMENTS)
def test_end_to_end_offsets(dossier: Dossier, examples_dir: Path, name: str) -> None:
    report = _stored(dossier.db)[name]
    page = _page_text(examples_dir, report)
    for line in report.removed:
        if report.format is PageFormat.HTML:  # offsets would index trafilatura's text
            assert (line.start, line.end) == (0, 0)
        else:
            assert page[line.start : line.end] == line.text
    starts = [line.start for line in report.removed]
    assert starts == sorted(starts)
    assert report.sentences, "every report is split into sentences"
    previous_end = 0
    for sentence in report.sentences:
        assert previous_end <= sentence.start < sentence.end <= len(report.text)
        assert report.text[sentence.start : sentence.end].strip()
        previous_end = sentence.end


def test_end_to_end_reingest_changes_nothing(dossier: Dossier, examples_dir: Path) -> None:
    again = _invoke("ingest", str(examples_dir), "--db", str(dossier.db))
    assert again.exit_code == 0, again.output
    assert "Ingested 0, 6 already stored, 0 failed." in again.output
    assert "holds 6 reports" in again.output
    exported = _invoke("export", "--db", str(dossier.db), "--format", "json")
    assert exported.exit_code == 0, exported.output
    documents = {_name(document): document for document in json.loads(exported.stdout)["documents"]}
    assert documents == dossier.documents


def _sources_table(markdown: str) -> list[str]:
    """The rows of the first table under the first second-level heading, which is Sources."""
    first_section = re.search(r"^## (.+)\n\n((?:\|.*\|\n)+)", markdown, re.MULTILINE)
    assert first_section is not None, "no table under the first ## heading"
    assert first_section.group(1) == "Sources"
    assert markdown.index("## Sources") == markdown.index("\n## ") + 1
    return first_section.group(2).splitlines()


def test_end_to_end_markdown_starts_with_sources_table(dossier: Dossier) -> None:
    assert dossier.markdown.startswith("# Situation report\n")
    header, separator, *rows = _sources_table(dossier.markdown)
    assert [cell.strip() for cell in header.strip("|").split("|")][:4] == [
        "#",
        "Published",
        "Outlet",
        "Title",
    ]
    assert set(separator) <= set("|-: ")
    assert len(rows) == len(ALL_DOCUMENTS)


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split(" | ")]


# (document, what its Published cell must say, what its Notes cell must say)
SOURCE_ROWS = [
    pytest.param(EURASIA, ["2013-09-23"], [], id="eurasia-wire"),
    pytest.param(STEPPE, ["2013-09-23"], [], id="steppe-herald"),
    pytest.param(COPY, ["2013-09-24"], ["copy of #{original}"], id="syndicated-copy"),
    pytest.param(SESSION_2021, ["2021-08-23"], [], id="session-2021"),
    pytest.param(
        CASPIAN,
        ["2024-11-01", "2027-12-31", "inferred"],
        ["machine-translated"],
        id="caspian-monitor",
    ),
    pytest.param(RUSSIAN, ["2013-09-23"], [], id="russian"),
]


@pytest.mark.parametrize(("name", "published", "notes"), SOURCE_ROWS)
def test_end_to_end_markdown_source_rows(
    dossier: Dossier, name: str, published: list[str], notes: list[str]
) -> None:
    header, _, *rows = _sources_table(dossier.markdown)
    columns = _cells(header)
    document = dossier.documents[name]
    matching = [
        dict(zip(columns, _cells(row), strict=True))
        for row in rows
        if _cells(row)[columns.index("Title")] == document["title"]
    ]
    assert len(matching) == 1, f"{name} should have exactly one row"
    (row,) = matching
    original = dossier.documents[EURASIA]["id"]
    assert row["#"] == str(document["id"])
    assert row["Outlet"] == document["source"]
    assert row["Language"] == document["language"]
    assert all(part in row["Published"] for part in published)
    assert all(note.format(original=original) in row["Notes"] for note in notes)
    assert ("copy of" in row["Notes"]) is (name == COPY)


def _times_of(dossier: Dossier, name: str) -> list[dict[str, Any]]:
    doc = dossier.documents[name]["id"]
    return [item for item in dossier.exported["times"] if item["doc"] == doc]


def test_end_to_end_times_point_into_their_text(dossier: Dossier) -> None:
    texts = {document["id"]: document["text"] for document in dossier.exported["documents"]}
    assert dossier.exported["times"]
    for item in dossier.exported["times"]:
        text = texts[item["doc"]]
        assert text[item["start"] : item["end"]] == item["text"]
        if item["sentence"] is not None:
            assert item["sentence"]["start"] <= item["start"] < item["sentence"]["end"]


@pytest.mark.parametrize(
    ("name", "expression", "value"),
    [
        pytest.param(EURASIA, "Monday", "2013-09-23", id="monday-is-the-summit-day"),
        pytest.param(EURASIA, "last year", "2012", id="last-year-before-2013"),
        pytest.param(SESSION_2021, "2013", "2013", id="background-year"),
        pytest.param(SESSION_2021, "September", "2021-09", id="planned-month-this-year"),
        pytest.param(CASPIAN, "November 2024", "2024-11", id="month-granularity-kept"),
    ],
)
def test_end_to_end_times_normalized(
    dossier: Dossier, name: str, expression: str, value: str
) -> None:
    values = {item["value"] for item in _times_of(dossier, name) if expression in item["text"]}
    assert value in values


def test_end_to_end_times_intervals_and_inferred_anchors(dossier: Dossier) -> None:
    items = _times_of(dossier, CASPIAN)
    intervals = {item["text"]: item["interval"] for item in items if item["interval"]}
    assert {"begin": "2026", "end": "2027"} in intervals.values()
    relative = [item for item in items if item["anchor"] == "publication"]
    assert all(item["anchored_to_inferred"] for item in relative)  # the date was inferred


def test_end_to_end_times_only_for_english(dossier: Dossier) -> None:
    assert _times_of(dossier, RUSSIAN) == []


def test_end_to_end_extract_times_indexes_the_file(examples_dir: Path) -> None:
    path = examples_dir / EURASIA
    result = _invoke("extract", "times", str(path))
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    raw = path.read_text(encoding="utf-8")
    assert items and all(raw[item["start"] : item["end"]] == item["text"] for item in items)
    assert any(item["text"] == "September 23, 2013" for item in items)  # the dateline too
