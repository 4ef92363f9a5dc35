"""JSON and JSON Lines: each object with text is a report; each bad one is named alone."""

from __future__ import annotations

import json

import pytest

from sitrep.errors import MalformedRecord
from sitrep.ingest.records import parse_records
from sitrep.models import PageFormat, PageHints, RawPage

BRIDGE = {
    "title": "Bridge closed after flood",
    "text": "Residents of the river town said the bridge had been closed since Tuesday.",
    "url": "https://example.org/news/bridge",
    "published": "2024-03-05",
    "source": "Example Gazette",
    "author": "Maria Ortiz",
}
MARKET = {"text": "Traders at the covered market said prices of flour rose again this week."}


def _summary(text: str) -> list[tuple[str, str]]:
    """(origin, "page" or the reason it was refused) for each record."""
    return [
        (item.origin, "page" if isinstance(item, RawPage) else item.reason)
        for item in parse_records(text, "feed.json")
    ]


def test_records_object_is_one_page_with_its_hints() -> None:
    [page] = parse_records(json.dumps(BRIDGE), "feed.json")
    assert page == RawPage(
        origin="feed.json",
        text=BRIDGE["text"],
        format=PageFormat.RECORD,
        hints=PageHints(
            title="Bridge closed after flood",
            url="https://example.org/news/bridge",
            source="Example Gazette",
            author="Maria Ortiz",
            published="2024-03-05",
        ),
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(json.dumps([BRIDGE, MARKET]), id="compact"),
        pytest.param(json.dumps([BRIDGE, MARKET], indent=2, ensure_ascii=False), id="pretty"),
    ],
)
def test_records_array_items_are_numbered(text: str) -> None:
    assert _summary(text) == [("feed.json#1", "page"), ("feed.json#2", "page")]


def test_records_json_lines_go_on_past_a_bad_line() -> None:
    lines = [
        json.dumps(BRIDGE),
        '{"title": "Cut off", "text": "The wire copy ends here',
        "",
        json.dumps(MARKET),
    ]
    assert _summary("\n".join(lines) + "\n") == [
        ("feed.json#1", "page"),
        ("feed.json#2", "not valid JSON: Unterminated string starting at (column 30)"),
        ("feed.json#4", "page"),  # N is the line, blank lines included
    ]


def test_records_json_lines_bad_first_line() -> None:
    lines = ['{"text": "The wire copy ends here', json.dumps(MARKET)]
    assert _summary("\n".join(lines)) == [
        ("feed.json#1", "not valid JSON: Unterminated string starting at (column 10)"),
        ("feed.json#2", "page"),
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # One error for a broken document, not one per line of it.
        pytest.param(
            '{\n  "title": "Bridge closed",\n  "text": "Residents said.",\n}\n',
            "not valid JSON: Expecting property name enclosed in double quotes: line 4 column 1",
            id="pretty-object-trailing-comma",
        ),
        pytest.param(
            '[\n  {"text": "Residents said."},\n  {"text": "Traders said."\n]\n',
            "not valid JSON: Expecting ',' delimiter: line 4 column 1",
            id="pretty-array-unclosed-object",
        ),
        pytest.param("[]", "the JSON array holds no records", id="empty-array"),
        pytest.param("{}", "the record has no 'text' (or it is empty)", id="empty-object"),
        pytest.param(
            '"Residents said the bridge was closed."',
            "a record must be a JSON object with a 'text' field",
            id="bare-string",
        ),
    ],
)
def test_records_broken_document_is_one_error(text: str, reason: str) -> None:
    [(origin, refused)] = _summary(text)
    assert origin == "feed.json"
    assert refused.startswith(reason)


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        pytest.param({"title": "Bridge closed"}, "no 'text'", id="no-text"),
        pytest.param({"title": "Bridge closed", "text": ""}, "no 'text'", id="empty-text"),
        pytest.param({"text": "  \n\t"}, "no 'text'", id="whitespace-text"),
        pytest.param({"text": 42}, "no 'text'", id="number-text"),
        pytest.param({"text": ["one", "two"]}, "no 'text'", id="list-text"),
        pytest.param(["Residents said the bridge was closed."], "JSON object", id="array"),
        pytest.param("Residents said the bridge was closed.", "JSON object", id="string"),
        pytest.param(None, "JSON object", id="null"),
    ],
)
def test_records_item_without_text_is_refused_alone(record: object, reason: str) -> None:
    items = list(parse_records(json.dumps([MARKET, record, MARKET]), "feed.json"))
    assert [type(item) for item in items] == [RawPage, MalformedRecord, RawPage]
    assert items[1].origin == "feed.json#2"
    assert isinstance(items[1], MalformedRecord)
    assert reason in items[1].reason


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        pytest.param({"title": "  Bridge closed  "}, PageHints(title="Bridge closed"), id="trim"),
        pytest.param({"title": "   "}, PageHints(), id="blank-is-absent"),
        pytest.param({"author": None}, PageHints(), id="null-is-absent"),
        pytest.param({"published": 2024}, PageHints(published="2024"), id="number"),
        pytest.param({"extra": "ignored"}, PageHints(), id="unknown-field"),
        # News APIs nest the outlet and list the authors.
        pytest.param(
            {"source": {"id": "gazette", "name": "Example Gazette"}},
            PageHints(source="Example Gazette"),
            id="source-object",
        ),
        pytest.param(
            {"author": ["Maria Ortiz", "Li Wei"]},
            PageHints(author="Maria Ortiz, Li Wei"),
            id="list",
        ),
        pytest.param({"source": {"id": "gazette"}}, PageHints(), id="object-without-name"),
        pytest.param({"title": {"en": "Bridge"}}, PageHints(), id="other-object"),
        pytest.param({"title": True}, PageHints(), id="boolean"),
    ],
)
def test_records_hints(fields: dict[str, object], expected: PageHints) -> None:
    [page] = parse_records(json.dumps({**MARKET, **fields}), "feed.json")
    assert isinstance(page, RawPage)
    assert page.hints == expected


@pytest.mark.parametrize("url", ["http://[::1/news", "https://example.org:99999/a"])
def test_records_url_that_is_not_one_is_left_out_with_a_note(url: str) -> None:
    [page] = parse_records(json.dumps({**MARKET, "url": url}), "feed.json")
    assert isinstance(page, RawPage)
    assert page.hints.url is None
    assert page.warnings == (f"the record's url {url!r} is not a valid URL; left out",)
