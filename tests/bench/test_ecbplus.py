"""The ECB+ reader: URLs, detokenizing, sub-events, order and pairs; synthetic and real."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.ecbplus import (
    EcbReport,
    iter_reports,
    join_split_words,
    parse_report,
    report_paths,
    same_event_pairs,
)
from tests.bench.conftest import cat_xml

URL = "http : / / www . example . org / harbour - fire_article_42"
# Sentences of our own, tokenized the way ECB+ tokenizes.
FIRE = [
    "Fire closes Tarsk harbour",
    "A fire broke out at the harbour of Tarsk on Monday , officials said .",
    "`` We have it under control , '' the fire chief said .",
]


def sentence(text: str) -> list[tuple[str, str]]:
    return [(token, "1") for token in text.split()]


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        ("Varga ’ s boat", ["Varga’s", "boat"]),
        ("it didn ' t sink", ["it", "didn't", "sink"]),
        ("a 90 - day ban", ["a", "90-day", "ban"]),
        ("the 36 - year - old", ["the", "36-year-old"]),
        ("a 6 . 1 - magnitude quake", ["a", "6.1-magnitude", "quake"]),
        ("at 4 : 59 PM", ["at", "4:59", "PM"]),
        ("some 5 , 000 tonnes", ["some", "5,000", "tonnes"]),
        # Not words: a date's comma, a dash between clauses, a closing single quote.
        ("May 2 , 2013", ["May", "2", ",", "2013"]),
        ("he left - but why", ["he", "left", "-", "but", "why"]),
        ("called it ' fine ' .", ["called", "it", "'", "fine", "'", "."]),
        ("`` Yes , ' ' she said", ["``", "Yes", ",", "''", "she", "said"]),
    ],
)
def test_ecbplus_join_split_words(tokens: str, expected: list[str]) -> None:
    assert [text for text, _ in join_split_words(sentence(tokens))] == expected


def test_ecbplus_join_split_words_never_joins_across_sentences() -> None:
    tokens = [("in", "1"), ("2008", "1"), (".", "1"), ("12", "2"), ("died", "2")]
    assert join_split_words(tokens) == tokens
    assert join_split_words([("Varga", "1"), ("’", "1"), ("s", "2")]) == [
        ("Varga", "1"),
        ("’", "1"),
        ("s", "2"),
    ]


def test_ecbplus_parse_report_of_the_plus_half_keeps_the_url_apart() -> None:
    report = parse_report(cat_xml([URL, *FIRE], []), 3, "3_7ecbplus")
    assert report == EcbReport(
        3,
        "3:ecbplus",
        "3_7ecbplus",
        "http://www.example.org/harbour-fire_article_42",
        "Fire closes Tarsk harbour\n\n"
        "A fire broke out at the harbour of Tarsk on Monday, officials said.\n\n"
        '"We have it under control," the fire chief said.',
    )
    assert report.origin == "ecbplus/3/3_7ecbplus.xml"


def test_ecbplus_parse_report_of_the_ecb_half_has_no_url() -> None:
    report = parse_report(cat_xml(FIRE, []), 3, "3_7ecb")
    assert (report.subevent, report.url) == ("3:ecb", None)
    assert report.text.startswith("Fire closes Tarsk harbour\n\nA fire broke out")


@pytest.fixture
def ecbplus_corpus(tmp_path: Path) -> Path:
    """Two topics in ECB+'s layout, with a stray file that is no report."""
    files = {
        "3/3_10ecb.xml": FIRE,
        "3/3_2ecb.xml": ["Tarsk harbour burns .", "Nobody was hurt ."],
        "3/3_2ecbplus.xml": [URL, "A second fire hits Tarsk .", "It was small ."],
        "1/1_1ecbplus.xml": [URL, "Dunsby bridge opens .", "Crowds came ."],
        "1/1_1ecb.xml": ["Dunsby bridge to open in May ."],
    }
    for name, sentences in files.items():
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(cat_xml(sentences, []), encoding="utf-8")
    (tmp_path / "3" / "notes.xml").write_text("<Document/>", encoding="utf-8")
    (tmp_path / "README.txt").write_text("not a report", encoding="utf-8")
    return tmp_path


def test_ecbplus_iter_reports_sorts_by_topic_then_document_number(ecbplus_corpus: Path) -> None:
    reports = list(iter_reports(ecbplus_corpus))
    assert [report.name for report in reports] == [
        "1_1ecb",
        "1_1ecbplus",
        "3_2ecb",
        "3_2ecbplus",
        "3_10ecb",
    ]
    assert [report.topic for report in reports] == [1, 1, 3, 3, 3]
    assert [report.subevent for report in reports] == [
        "1:ecb",
        "1:ecbplus",
        "3:ecb",
        "3:ecbplus",
        "3:ecb",
    ]
    assert len(report_paths(ecbplus_corpus)) == 5  # notes.xml and README.txt left out


def test_ecbplus_same_event_pairs_pairs_reports_of_one_subevent_once(
    ecbplus_corpus: Path,
) -> None:
    reports = list(iter_reports(ecbplus_corpus))
    pairs = same_event_pairs(reports)
    assert [(first.name, second.name) for first, second in pairs] == [("3_2ecb", "3_10ecb")]
    # n reports of one sub-event make n(n-1)/2 pairs.
    same = [parse_report(cat_xml(["A ."], []), 5, f"5_{n}ecb") for n in range(1, 5)]
    assert len(same_event_pairs(same)) == 6
    assert same_event_pairs([]) == []


def test_ecbplus_real_corpus_reads_every_report(data_dir: Path) -> None:
    corpus = data_dir / "ecbplus"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent")
    reports = list(iter_reports(corpus))
    assert len(reports) == 510  # the README's count
    assert len({report.topic for report in reports}) == 22
    assert len({report.subevent for report in reports}) == 44  # two events a topic
    plus = [report for report in reports if report.subevent.endswith(":ecbplus")]
    assert plus and all(report.url and report.url.startswith("http") for report in plus)
    assert all(report.url is None for report in reports if report not in plus)
    assert all(report.text.strip() and "http" not in report.text[:8] for report in reports)
    assert all(" n't" not in report.text and " 's " not in report.text for report in reports)
