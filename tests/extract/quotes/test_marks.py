"""Quotation marks in every typography, found by characters alone (no model)."""

from __future__ import annotations

import pytest

from sitrep.extract.quotes.marks import quoted_spans


def quoted(text: str) -> list[str]:
    return [text[span.start : span.end] for span in quoted_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we are ready" and left.', ["we are ready"]),
        ("He said “we are ready” and left.", ["we are ready"]),
        ("Он сказал: «Мы готовы».", ["Мы готовы"]),
        ("Er sagte: „Wir sind bereit“.", ["Wir sind bereit"]),
        ("He said: „we are ready” in a translation.", ["we are ready"]),
        ("He wrote ‘we are ready’ in his note.", ["we are ready"]),
        ("He wrote 'we are ready' in his note.", ["we are ready"]),
        ("“We are ready,” he said. “We leave at dawn.”", ["We are ready,", "We leave at dawn."]),
    ],
    ids=[
        "straight",
        "curly",
        "guillemets",
        "low-high",
        "low-then-curly",
        "single",
        "straight-single",
        "two",
    ],
)
def test_quotations_in_every_typography(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ministers didn't agree and the allies' concern grew.",
        "Rahmon's office said nothing; the Allies' position is unchanged.",
        "It was the 1990's, and 5' 11\" was tall.",
    ],
)
def test_apostrophes_are_not_quotation_marks(text: str) -> None:
    assert quoted(text) == []


def test_nested_quotations_belong_to_the_outer_one() -> None:
    text = "Он сказал: «Учения „Канал“ пройдут в мае», и ушёл."
    assert quoted(text) == ["Учения „Канал“ пройдут в мае"]


def test_a_paragraph_left_open_and_continued_is_one_quotation() -> None:
    text = (
        '"The first part of my answer runs to the end of this paragraph.\n\n'
        '"And the second part closes it," the envoy said.'
    )
    (span,) = quoted_spans(text)
    assert text[span.start : span.end].startswith("The first part")
    assert text[span.start : span.end].endswith("closes it,")
    assert span.closed


def test_a_quotation_that_never_closes_ends_with_its_paragraph() -> None:
    text = 'The envoy said: "we will stay as long as needed\n\nThe talks went on.'
    (span,) = quoted_spans(text)
    assert text[span.start : span.end] == "we will stay as long as needed"
    assert not span.closed


def test_dash_introduced_speech_is_a_quotation_to_its_paragraph_end() -> None:
    text = (
        "The spokeswoman was asked.\n\n— The talks will resume, Olga Marin told reporters.\n\nEnd."
    )
    spans = quoted_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "The talks will resume, Olga Marin told reporters."
    ]
    assert spans[0].by_dash


@pytest.mark.parametrize(
    "text",
    [
        '"' * 10_000,
        ('"a" ' * 5_000) + '"',
        "“" * 3_000 + "text" + "”" * 3_000,
        ('He said "open and never closed. ' * 2_000),
        "«" + "»" * 5_000,
    ],
    ids=["all-marks", "pairs-and-one-more", "stacked-curly", "unclosed", "closers"],
)
def test_pathological_marks_give_sane_spans(text: str) -> None:
    spans = quoted_spans(text)
    assert all(0 <= s.opening < s.start <= s.end <= len(text) for s in spans)
    assert len(spans) <= text.count('"') + text.count("“") + text.count("«") + 1


def test_two_apostrophes_are_one_double_mark() -> None:
    text = "''We will not vote for him,'' the senator said. ''It isn't close.''"
    assert quoted(text) == ["We will not vote for him,", "It isn't close."]
