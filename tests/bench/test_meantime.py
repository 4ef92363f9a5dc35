"""The MEANTIME reader: rebuilt text, gold spans, dateline, splits (on synthetic CAT XML)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from bench.meantime import detokenize, document_paths, iter_documents, read_document


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["Norvale", "Freight", "'s", "board", "."], "Norvale Freight's board."),
        (["It", "did", "n't", "say", ",", "or", "did", "it", "?"], "It didn't say, or did it?"),
        (["the", "Logistics", "Agency", "(", "LA", ")"], "the Logistics Agency (LA)"),
        (["a", "US$", "40", "billion", "deal", ",", "up", "3", "%"], "a US$40 billion deal, up 3%"),
        (["He", "said", "``", "no", "''", "."], 'He said "no".'),
        (["He", "said", '"', "no", '"', "and", "left"], 'He said "no" and left'),
        (["the", "Varga", "'", "board"], "the Varga' board"),
        (["profits", ":", "up", ";", "costs", "--", "down"], "profits: up; costs -- down"),
    ],
)
def test_meantime_detokenize_joins_with_english_spacing(tokens: list[str], expected: str) -> None:
    text, spans = detokenize([(token, "2") for token in tokens])
    assert text == expected
    assert [text[start:end] for start, end in spans] == [
        '"' if token in ("``", "''") else token for token in tokens
    ]


def test_meantime_detokenize_starts_a_paragraph_at_each_sentence() -> None:
    text, _ = detokenize([("Title", "0"), ("May", "1"), ("4", "1"), ("Body", "2"), (".", "2")])
    assert text == "Title\n\nMay 4\n\nBody."


def test_meantime_detokenize_keeps_a_quotation_open_across_sentences() -> None:
    tokens = [('"', "2"), ("Yes", "2"), (".", "2"), ("No", "3"), (".", "3"), ('"', "3")]
    assert detokenize(tokens)[0] == '"Yes.\n\nNo."'


def test_meantime_read_document_rebuilds_text_and_spans(corpus: Path) -> None:
    document = read_document(corpus / "corpus_ports" / "1_norvale.xml")
    assert document.name == "1_norvale"
    assert document.topic == "ports"
    assert document.text == (
        "Norvale Freight buys Tarsk port\n\nMay 04, 2011\n\n"
        "Logistics firm Norvale Freight said it will buy the port of Tarsk.\n\n"
        'Chief executive Ada Varga called it "a good deal".'
    )
    assert document.title == "Norvale Freight buys Tarsk port"
    assert document.published == dt.date(2011, 5, 4)
    for mention in document.gold:
        assert document.text[mention.start : mention.end] == mention.text
    found = {(m.text, m.type, m.syntactic_type, m.instance_id) for m in document.gold}
    assert ("Logistics firm Norvale Freight", "ORG", "NAM", "ORG_norvale") in found
    assert ("the port of Tarsk", "LOC", "NOM", "LOC_tarskport") in found
    assert ("Chief executive Ada Varga", "PER", "NAM", "PER_varga") in found
    assert len(document.gold) == 8  # the event mention linked to an event is not an entity's


def test_meantime_read_document_without_dateline_or_type_or_instance(corpus: Path) -> None:
    document = read_document(corpus / "corpus_people" / "2_varga.xml")
    assert document.published is None  # "Update: staff react" is not a date
    untyped = next(m for m in document.gold if m.start == document.text.index("Norvale"))
    assert untyped.syntactic_type == ""
    product = next(m for m in document.gold if m.type == "PRO")
    assert product.text == "Norvale Freight's board"
    assert product.instance_id.startswith("2_varga#")  # a document-local singleton


@pytest.mark.parametrize(("split", "names"), [
    ("all", ["2_varga", "1_norvale"]),
    ("even", ["2_varga"]),
    ("odd", ["1_norvale"]),
])  # fmt: skip
def test_meantime_splits_by_sorted_file_index(corpus: Path, split: str, names: list[str]) -> None:
    assert [path.stem for path in document_paths(corpus, split)] == names
    assert [document.name for document in iter_documents(corpus, split)] == names


def test_meantime_annotated_end_is_where_sentence_six_starts(
    write_document: Callable[[str, Sequence[str], Sequence[Any]], Path],
) -> None:
    sentences = ["Title", "May 4 , 2011", "One .", "Two .", "Three .", "Four .", "Five ."]
    document = read_document(write_document("long", sentences, []))
    assert document.text[document.annotated_end :] == "Five."
    short = read_document(write_document("short", sentences[:3], []))
    assert short.annotated_end == len(short.text)
