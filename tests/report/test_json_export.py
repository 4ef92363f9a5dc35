"""The JSON dossier: valid against docs/dossier.schema.json, and true to the store."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from sitrep.report import DOSSIER_SCHEMA_VERSION, write_json
from sitrep.store.sqlite import SQLiteStore
from tests.conftest import REPO
from tests.report.conftest import (
    COPY_URL,
    FERRY_TEXT,
    GENERATED_AT,
    MINISTRY_TEXT,
    MINISTRY_TITLE,
    MINISTRY_URL,
    OTHER_REMARK,
    QUOTE_SPEAKER,
    REMARK_EN,
    REMARK_FR,
    REMARK_RU,
)

SCHEMA = json.loads((REPO / "docs" / "dossier.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def export(store: SQLiteStore, generated_at: dt.datetime = GENERATED_AT) -> tuple[str, int]:
    out = io.StringIO()
    count = write_json(store.reports(), out, generated_at)
    return out.getvalue(), count


def errors(instance: Any) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(instance)]


@pytest.fixture
def dossier(dossier_store: SQLiteStore) -> dict[str, Any]:
    raw, _ = export(dossier_store)
    loaded: dict[str, Any] = json.loads(raw)
    return loaded


@pytest.fixture
def documents(dossier: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {document["id"]: document for document in dossier["documents"]}


def test_json_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)


def test_json_schema_version_matches_the_code() -> None:
    assert SCHEMA["properties"]["schema_version"]["const"] == DOSSIER_SCHEMA_VERSION


def test_json_export_validates_against_the_schema(dossier_store: SQLiteStore) -> None:
    raw, count = export(dossier_store)
    assert count == 4
    assert errors(json.loads(raw)) == []


def test_json_export_of_an_empty_store_is_valid(memory_store: SQLiteStore) -> None:
    raw, count = export(memory_store)
    assert count == 0
    dossier = json.loads(raw)
    assert dossier["documents"] == []
    assert errors(dossier) == []


def test_json_header(dossier: dict[str, Any]) -> None:
    assert list(dossier) == [
        "schema_version",
        "generated_at",
        "documents",
        "times",
        "entities",
        "quotes",
        "quote_families",
        "claims",
        "claim_groups",
        "conflicts",
        "stories",
        "storylines",
        "timeline",
    ]
    assert dossier["schema_version"] == DOSSIER_SCHEMA_VERSION
    assert dossier["generated_at"] == "2025-06-02T09:15:30+00:00"
    assert [document["id"] for document in dossier["documents"]] == [1, 2, 3, 4]


def test_json_generated_at_is_stated_in_utc(memory_store: SQLiteStore) -> None:
    in_kyiv = dt.datetime(2025, 6, 2, 12, 15, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    naive = dt.datetime(2025, 6, 2, 9, 15, 30)  # taken as UTC, never as the machine's zone
    for moment in (in_kyiv, naive):
        dossier = json.loads(export(memory_store, moment)[0])
        assert dossier["generated_at"] == "2025-06-02T09:15:30+00:00"


def test_json_document_keys_are_exactly_the_documented_ones(documents: dict[int, Any]) -> None:
    document_schema = SCHEMA["$defs"]["document"]
    for document in documents.values():
        assert list(document) == document_schema["required"]
        assert set(document) == set(document_schema["properties"])


def test_json_inferred_date_round_trips_with_its_window(documents: dict[int, Any]) -> None:
    ferry, dredging = documents[1], documents[4]
    assert ferry["published"] == "2025-04-01"
    assert ferry["published_inferred"] is True
    assert ferry["published_window"] == ["2025-04-01", "2026-12-31"]
    # Bounded only from above: no single day to give, the window's open end is null.
    assert dredging["published"] is None
    assert dredging["published_inferred"] is True
    assert dredging["published_window"] == [None, "2027-12-31"]


def test_json_stated_date_has_no_window(documents: dict[int, Any]) -> None:
    copy_ = documents[2]
    assert copy_["published"] == "2025-05-13"
    assert copy_["published_inferred"] is False
    assert copy_["published_window"] is None


def test_json_near_duplicate_points_at_the_first_stored_report(
    documents: dict[int, Any],
) -> None:
    assert documents[2]["duplicate_of"] == 1
    assert [documents[i]["duplicate_of"] for i in (1, 3, 4)] == [None, None, None]


def test_json_url_origin_has_null_path(documents: dict[int, Any]) -> None:
    assert documents[2]["path"] is None
    assert documents[2]["url"] == COPY_URL
    assert documents[2]["format"] == "html"
    # A record of a JSONL file keeps its file#line path beside the URL it states.
    assert documents[3]["path"] == "feeds/ministry.jsonl#3"
    assert documents[3]["url"] == MINISTRY_URL
    assert documents[1]["path"] == "reports/kessel-ferry.txt"
    assert documents[1]["url"] is None


def test_json_metadata_round_trips(documents: dict[int, Any]) -> None:
    ferry, ministry, dredging = documents[1], documents[3], documents[4]
    assert ferry["title"] == "Ferry link to Kessel Island to reopen after storm repairs"
    assert (ferry["source"], ferry["author"]) == ("Northbay Courier", "Marta Lindqvist")
    assert ferry["removed"] == [
        {"reason": "navigation", "text": "Skip to main content"},
        {"reason": "byline", "text": "By Marta Lindqvist"},
    ]
    assert (ferry["language"], ferry["encoding"], ferry["format"]) == ("en", None, "text")
    assert ministry["machine_translated"] is True
    assert ministry["language"] == "ru"
    assert ministry["format"] == "record"
    assert ministry["removed"] == []
    assert dredging["language"] is None
    assert dredging["encoding"] == "cp1251"
    assert dredging["source"] is None
    assert dredging["author"] is None


def test_json_keeps_non_ascii_text_as_is(dossier_store: SQLiteStore) -> None:
    raw, _ = export(dossier_store)
    # Written as characters, not \u escapes, and read back unchanged.
    assert "Министерство транспорта" in raw
    assert "“no change”" in raw
    assert "\\u" not in raw
    documents = {document["id"]: document for document in json.loads(raw)["documents"]}
    assert documents[3]["text"] == MINISTRY_TEXT
    assert documents[3]["title"] == MINISTRY_TITLE
    assert documents[3]["url"] == MINISTRY_URL


def test_json_offsets_index_the_exported_text(
    dossier_store: SQLiteStore, documents: dict[int, Any]
) -> None:
    """The provenance rule: offsets computed on the clean text slice the exported text.

    The fixture's sentences are its paragraphs, found with Python string indexing; the
    Russian report puts them after Cyrillic letters and typographic quotes, where
    byte or UTF-16 offsets would drift.
    """
    for report in dossier_store.reports():
        text = documents[report.id]["text"]
        paragraphs = [text[span.start : span.end] for span in report.sentences]
        assert paragraphs == report.text.split("\n\n"), report.id
    ministry = documents[3]["text"]
    quote = MINISTRY_TEXT.index("«Изменений не будет»")
    assert ministry[quote : quote + 20] == "«Изменений не будет»"
    assert documents[1]["text"] == FERRY_TEXT


def test_json_is_one_document_per_line(dossier_store: SQLiteStore) -> None:
    raw, _ = export(dossier_store)
    lines = [line for line in raw.splitlines() if line.startswith("    {")]
    assert len(lines) == 4
    assert all(json.loads(line.rstrip(",")) for line in lines)


def test_json_docs_example_is_valid() -> None:
    """The example in docs/dossier.md validates, and its quoted offsets are right."""
    markdown = (REPO / "docs" / "dossier.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in markdown.split("```json\n")[1:]]
    examples = [json.loads(block) for block in blocks if '"documents"' in block]
    assert len(examples) == 1
    example = examples[0]
    assert errors(example) == []
    ferry = next(document for document in example["documents"] if document["id"] == 1)
    assert ferry["text"][313:323] == "April 2025"
    assert ferry["text"][364:368] == "2026"
    assert '{"doc": 1, "start": 313, "end": 323}' in markdown
    texts = {document["id"]: document["text"] for document in example["documents"]}
    for entity in example["entities"]:
        for mention in entity["mentions"]:
            assert texts[mention["doc"]][mention["start"] : mention["end"]] == mention["text"]
    _assert_quotes_point_right(example)


def _assert_quotes_point_right(dossier: dict[str, Any]) -> None:
    """Quote offsets slice their text; speakers, families and their quotes agree."""
    texts = {document["id"]: document["text"] for document in dossier["documents"]}
    actors = {entity["id"] for entity in dossier["entities"]}
    quotes = {quote["id"]: quote for quote in dossier["quotes"]}
    for quote in quotes.values():
        assert texts[quote["doc"]][quote["start"] : quote["end"]] == quote["text"]
        assert quote["speaker"] is None or quote["speaker"] in actors
    families = {family["id"]: family for family in dossier["quote_families"]}
    for family in families.values():
        assert family["speaker"] in actors
        assert len({quotes[quote_id]["doc"] for quote_id in family["quotes"]}) >= 2
        for quote_id in family["quotes"]:
            assert quotes[quote_id]["family"] == family["id"]
            assert quotes[quote_id]["speaker"] == family["speaker"]
    for quote in quotes.values():
        assert quote["family"] is None or quote["id"] in families[quote["family"]]["quotes"]


def export_with_quotes(store: SQLiteStore) -> dict[str, Any]:
    """The dossier as ``sitrep export`` writes it, every section filled from the store."""
    out = io.StringIO()
    entities = ((entity, store.mentions(entity_id=entity.id)) for entity in store.entities())
    write_json(
        store.reports(), out, GENERATED_AT, times=store.times(), entities=entities,
        quotes=store.quotes(), quote_families=store.quote_families(),
    )  # fmt: skip
    loaded: dict[str, Any] = json.loads(out.getvalue())
    return loaded


def test_json_quotes_and_their_families(quoted_store: SQLiteStore) -> None:
    dossier = export_with_quotes(quoted_store)
    assert errors(dossier) == []
    quote_schema = SCHEMA["$defs"]["quote"]
    for quote in dossier["quotes"]:
        assert list(quote) == quote_schema["required"]
    assert [(q["text"], q["kind"]) for q in dossier["quotes"]] == [
        (REMARK_EN, "direct"),
        (OTHER_REMARK, "direct"),
        (REMARK_RU, "direct"),
        (REMARK_FR, "indirect"),
        ("Nothing is decided yet.", "direct"),
    ]
    [speaker] = [e["id"] for e in dossier["entities"] if e["name"] == QUOTE_SPEAKER]
    [family] = dossier["quote_families"]
    assert family["speaker"] == speaker
    by_text = {quote["text"]: quote for quote in dossier["quotes"]}
    assert family["quotes"] == [by_text[text]["id"] for text in (REMARK_EN, REMARK_RU, REMARK_FR)]
    assert by_text[OTHER_REMARK]["family"] is None
    unattributed = by_text["Nothing is decided yet."]
    assert (unattributed["speaker"], unattributed["speaker_text"]) == (None, "an official")
    assert by_text[REMARK_EN]["cue"] == "said"
    _assert_quotes_point_right(dossier)


def test_json_quote_sections_of_an_empty_store(memory_store: SQLiteStore) -> None:
    dossier = export_with_quotes(memory_store)
    assert (dossier["quotes"], dossier["quote_families"]) == ([], [])
    assert errors(dossier) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda top: top["quotes"][0].update(kind="said"), "is not one of"),
        (lambda top: top["quotes"][0].pop("family"), "'family' is a required property"),
        (lambda top: top["quotes"][0].update(speaker="Ines Dalca"), "is not of type"),
        (lambda top: top["quote_families"][0].update(quotes=[1]), "is too short"),
        (lambda top: top.pop("quote_families"), "'quote_families' is a required property"),
    ],
    ids=["unknown kind", "no family key", "speaker a name", "family of one", "no families"],
)
def test_json_schema_rejects_bad_quotes(
    quoted_store: SQLiteStore, change: Any, message: str
) -> None:
    broken = export_with_quotes(quoted_store)
    change(broken)
    found = errors(broken)
    assert len(found) == 1, found
    assert message in found[0]


# --- the schema can fail: each of these breaks one rule the docs state ---


def _broken(dossier: dict[str, Any], change: Any) -> dict[str, Any]:
    broken = copy.deepcopy(dossier)
    change(broken["documents"][0], broken)
    return broken


def test_json_schema_rejects_a_document_without_text(dossier: dict[str, Any]) -> None:
    broken = _broken(dossier, lambda document, _: document.pop("text"))
    assert errors(broken) == ["'text' is a required property"]


_NO_MATCH = "is not valid under any of the given schemas"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d, _: d.update(summary="..."), "'summary' was unexpected"),
        (lambda d, _: d.update(text=""), "should be non-empty"),
        (lambda d, _: d.update(published="01/04/2025"), _NO_MATCH),
        (lambda d, _: d.update(published="2025-02-30"), _NO_MATCH),  # format: date
        (lambda d, _: d.update(published_window=None), "None is not of type 'array'"),
        (lambda d, _: d.update(published_inferred=False), "is not of type 'null'"),
        (lambda d, _: d.update(published_window=[None, None]), _NO_MATCH),
        (lambda d, _: d.update(published_window=["2025-04-01"] * 3), _NO_MATCH),
        (lambda d, _: d.update(language="English"), "does not match"),
        (lambda d, _: d.update(id=0), "less than the minimum of 1"),
        (lambda d, _: d.update(duplicate_of="1"), "is not of type 'integer', 'null'"),
        (lambda d, _: d.update(format="pdf"), "is not one of"),
        (lambda d, _: d.update(removed=[{"text": "Menu"}]), "'reason' is a required property"),
        (lambda d, _: d.pop("path"), "'path' is a required property"),
        (lambda _, top: top.update(generated_at="2025-06-02"), "does not match"),
        (lambda _, top: top.update(schema_version=2), "1 was expected"),
        (lambda _, top: top.update(documents={}), "is not of type 'array'"),
        (lambda _, top: top.update(claims={}), "is not of type 'array'"),
    ],
    ids=[
        "unknown document key",
        "empty text",
        "date not ISO",
        "impossible date",
        "inferred without window",
        "stated with window",
        "window fully open",
        "window of three",
        "language not ISO 639-1",
        "id zero",
        "duplicate_of a string",
        "unknown format",
        "removed line without reason",
        "missing path key",
        "generated_at without time",
        "other schema version",
        "documents not a list",
        "planned section not a list",
    ],
)
def test_json_schema_rejects(dossier: dict[str, Any], change: Any, message: str) -> None:
    found = errors(_broken(dossier, change))
    assert len(found) == 1, found
    assert message in found[0]


def test_json_schema_is_open_at_the_top_level_only(dossier: dict[str, Any]) -> None:
    extended = copy.deepcopy(dossier)
    extended["x_later_section"] = [{"doc": 1, "start": 0, "end": 4}]
    extended["x_custom"] = {"anything": True}
    assert errors(extended) == []
