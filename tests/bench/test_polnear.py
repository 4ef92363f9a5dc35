"""The PolNeAR brat reader: records, discontinuous spans, roles, checks, splits (synthetic)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bench.polnear import (
    document_files,
    iter_documents,
    parse_text_bound,
    read_attributions,
    split_records,
)
from tests.bench.conftest import DUNSBY, FERRY, PORT, brat

# "Ada Varga" 0-9, "said" 10-14, "the port" 15-23, "the port\nwill reopen" 15-35, "soon" 38-42
TEXT = "Ada Varga said the port\nwill reopen, “soon”.\n"


def test_polnear_split_records_joins_a_span_text_that_runs_over_a_line_break() -> None:
    ann = (
        "T1\tContent 15 35\tthe port\nwill reopen\nT2\tCue 10 14\tsaid\n#1\tAnnotatorNotes T1\tok\n"
    )
    assert split_records(ann) == [
        "T1\tContent 15 35\tthe port\nwill reopen",
        "T2\tCue 10 14\tsaid",
        "#1\tAnnotatorNotes T1\tok",
    ]


def test_polnear_parse_text_bound_keeps_fragments_in_the_order_written() -> None:
    bound = parse_text_bound("T4\tContent 30 35;15 23\treopen the port")
    assert (bound.id, bound.label, bound.spans) == ("T4", "Content", ((30, 35), (15, 23)))
    assert bound.text == "reopen the port"


@pytest.mark.parametrize(
    ("ann", "content", "cue", "source"),
    [
        # Roles in any order; the trigger first.
        (
            "T1\tSource 0 9\tAda Varga\nT2\tCue 10 14\tsaid\n"
            "T3\tContent 15 35\tthe port\nwill reopen\nT4\tAttribution 10 14\tsaid\n"
            "E1\tAttribution:T4 Content:T3 Source:T1 Cue:T2\n",
            ((15, 35),),
            ((10, 14),),
            ((0, 9),),
        ),
        # Discontinuous content written out of text order comes back sorted.
        (
            "T1\tContent 38 42;15 23\tsoon the port\nT2\tCue 10 14\tsaid\n"
            "T3\tAttribution-no-source 10 14\tsaid\n"
            "E1\tAttribution-no-source:T3 Content:T1 Cue:T2\n",
            ((15, 23), (38, 42)),
            ((10, 14),),
            (),
        ),
        # A second content (Content2) joins the first.
        (
            "T1\tContent 15 23\tthe port\nT2\tContent 38 42\tsoon\nT3\tSource 0 3\tAda\n"
            "T4\tAttribution 10 14\tsaid\nE1\tAttribution:T4 Content2:T2 Source:T3 Content:T1\n",
            ((15, 23), (38, 42)),
            (),
            ((0, 3),),
        ),
    ],
)
def test_polnear_read_attributions_binds_the_roles_of_each_event(
    ann: str,
    content: tuple[tuple[int, int], ...],
    cue: tuple[tuple[int, int], ...],
    source: tuple[tuple[int, int], ...],
) -> None:
    annotations = read_attributions(ann, TEXT)
    assert annotations.offset_mismatches == ()
    ((attribution,),) = (annotations.attributions,)
    assert (attribution.content, attribution.cue, attribution.source) == (content, cue, source)
    assert attribution.has_source == bool(source)


def test_polnear_read_attributions_leaves_out_what_cannot_be_scored() -> None:
    ann = (
        "T1\tContent 15 23\tthe port\nT2\tAttribution 10 14\tsaid\n"
        "E1\tAttribution:T2 Content:T1\n"
        "E1\tAttribution:T2 Content:T1\n"  # written twice: counts once
        # No content:
        "T3\tCue 10 14\tsaid\nT4\tAttribution 10 14\tsaid\nE2\tAttribution:T4 Cue:T3\n"
        "T5\tDiscuss 0 23\tAda Varga said the port\n"  # set aside by the annotator
        "T6\tDiscard 24 35\twill reopen\nE3\tDiscard:T6\n"
        "#1\tAnnotatorNotes T5\tnot an attribution\n"
    )
    annotations = read_attributions(ann, TEXT)
    assert [attribution.id for attribution in annotations.attributions] == ["E1"]
    assert annotations.without_content == 1


def test_polnear_read_attributions_records_offset_mismatches_without_failing() -> None:
    ann = (
        "T1\tContent 15 23\tthe pork\n"  # not the text at 15-23
        "T2\tSource 0 9\tAda  Varga\n"  # the same modulo whitespace
        "T3\tAttribution 10 14\tsaid\nE1\tAttribution:T3 Content:T1 Source:T2\n"
    )
    annotations = read_attributions(ann, TEXT)
    assert annotations.offset_mismatches == ("T1",)
    assert len(annotations.attributions) == 1


def test_polnear_brat_writer_round_trips_the_synthetic_articles() -> None:
    for text in (DUNSBY, FERRY, PORT):
        assert "\r" not in text
    annotations = read_attributions(
        brat(DUNSBY, [(["“It costs too much,”", "“and helps too few.”"], "argued", None)]), DUNSBY
    )
    assert annotations.offset_mismatches == ()
    (attribution,) = annotations.attributions
    assert [DUNSBY[start:end] for start, end in attribution.content] == [
        "“It costs too much,”",
        "“and helps too few.”",
    ]


def test_polnear_offsets_count_characters_of_the_file_as_stored(tmp_path: Path) -> None:
    # brat counts a CRLF as two characters; reading must not translate line ends.
    text = "Title\r\n\r\nAda said “yes”.\r\n"
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a_2016-01-01_x.txt").write_bytes(text.encode("utf-8"))
    ann = brat(text, [(["“yes”"], "said", "Ada")])
    (tmp_path / "attributions" / "a_2016-01-01_x_0a0a.ann").write_bytes(ann.encode("utf-8"))
    (document,) = iter_documents(tmp_path, "all")
    assert document.offset_mismatches == ()
    assert document.fragment_text(document.attributions[0].content) == "“yes”"
    assert document.metadata is None  # no metadata.tsv


def test_polnear_reads_one_annotation_file_per_article(polnear_corpus: Path) -> None:
    documents = {document.name: document for document in iter_documents(polnear_corpus, "all")}
    assert sorted(documents) == [
        "alpha_2016-05-02_dunsby-bridge",
        "beta_2016-06-01_ferry-fares",
        "gamma_2016-07-04_port-reopens",
    ]
    port = documents["gamma_2016-07-04_port-reopens"]
    assert port.annotator == "b2c3"  # the first of b2c3 and f00d
    assert len(port.attributions) == 1
    assert [len(document.attributions) for document in documents.values()] == [4, 2, 1]
    assert all(not document.offset_mismatches for document in documents.values())


def test_polnear_reads_metadata(polnear_corpus: Path) -> None:
    documents = {document.name: document for document in iter_documents(polnear_corpus, "all")}
    dunsby = documents["alpha_2016-05-02_dunsby-bridge"].metadata
    assert dunsby is not None
    assert (dunsby.compartment, dunsby.publisher) == ("train", "alpha")
    assert dunsby.published == dt.date(2016, 5, 2)
    port = documents["gamma_2016-07-04_port-reopens"].metadata
    assert port is not None and port.published is None  # "None" in the table


@pytest.mark.parametrize(
    ("split", "limit", "expected"),
    [
        ("all", None, ["alpha", "beta", "gamma"]),
        ("even", None, ["alpha", "gamma"]),
        ("odd", None, ["beta"]),
        ("all", 2, ["alpha", "beta"]),
        ("even", 1, ["alpha"]),
    ],
)
def test_polnear_splits_take_even_or_odd_positions_of_the_sorted_names(
    polnear_corpus: Path, split: str, limit: int | None, expected: list[str]
) -> None:
    names = [
        document.name.split("_")[0] for document in iter_documents(polnear_corpus, split, limit)
    ]
    assert names == expected


def test_polnear_an_article_without_an_annotation_file_is_left_out(polnear_corpus: Path) -> None:
    (polnear_corpus / "text" / "delta_2016-08-01_unread.txt").write_text("Nothing.\n")
    assert len(document_files(polnear_corpus, "all")) == 3
