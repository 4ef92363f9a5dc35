"""Figures with what they measure, normalised, on our own news-style sentences; and the
numbers that are not figures (years, dates, phone numbers, list numbering, labels)."""

from __future__ import annotations

from functools import cache

import pytest
from spacy.language import Language

from sitrep.annotate import load_english
from sitrep.extract.claims import REQUIRES, find_figures
from sitrep.models import Approximation, Figure, TextSpan

ABOUT, RANGE = Approximation.ABOUT, Approximation.RANGE


@cache
def nlp() -> Language:
    return load_english(REQUIRES)


def figures(text: str, *, parsed: bool = True) -> list[Figure]:
    found = list(find_figures(text, nlp()(text) if parsed else None))
    for figure in found:
        assert text[figure.start : figure.end] == figure.text
        if figure.measured is not None:
            assert text[figure.measured_start : figure.measured_end] == figure.measured
    return found


def summary(figure: Figure) -> tuple[float, float | None, str, Approximation | None, str | None]:
    return figure.value, figure.upper, figure.unit, figure.approx, figure.measured


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The republic shares a roughly 1,300-kilometer frontier with its neighbour.",
         (1300, None, "km", ABOUT, "frontier")),
        ("The frontier, the longest in the region, runs for 1.3 thousand km.",
         (1300, None, "km", None, "frontier")),  # what runs for it
        ("Officials counted 1.3 thousand km in all.", (1300, None, "km", None, None)),
        ("The river is guarded by a 16,000-man strong allied force.",
         (16000, None, "person", None, "force")),
        ("About 1.5 thousand militants gathered near the crossing.",
         (1500, None, "person", ABOUT, "militants")),
        ("The reserves are estimated at about $9.4 billion.",
         (9.4e9, None, "USD", ABOUT, None)),
        ("The fund holds €250 million for repairs.", (250e6, None, "EUR", None, None)),
        ("Turnout fell to 47.5% in the capital.", (47.5, None, "%", None, None)),
        ("The six member countries signed the statement.",
         (6, None, "count", None, "member countries")),
        ("The programme has three stages.", (3, None, "count", None, "stages")),
        ("At least several hundred of them moved south.", (200, 900, "count", RANGE, None)),
        ("Около 1,3 тыс. км границы проходит по реке.", (1300, None, "km", ABOUT, None)),
        ("Fighters bought 1.3k rounds.", (1300, None, "count", None, "rounds")),
    ],
    ids=["hyphen-km", "thousand-km", "km-alone", "n-man", "thousand-militants", "usd-billion",
         "eur", "percent", "six-countries", "three-stages", "several-hundred", "ru-decimal-comma",
         "k-suffix"],
)  # fmt: skip
def test_figures_are_normalised(text: str, expected: tuple[object, ...]) -> None:
    found = figures(text)
    assert [summary(f) for f in found] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed in 1992 and renewed in 2002.",
        "Deliveries are planned for 2026-2027.",
        "The summit opened on 23 September in the resort.",
        "Call +7 (495) 123-45-67 for details.",
        "The meeting began at 14:07 local time.",
        "Article 33 of the convention applies.",
        "The 201st base is the largest abroad.",
        "Stage III starts next year.",
        "1. The first point of the agenda.",
        "Version 3.5.1 of the software was installed.",
        "One of them left early.",
    ],
    ids=["years", "year-range", "day-month", "phone", "clock", "article", "ordinal", "roman",
         "list", "version", "one-of"],
)  # fmt: skip
def test_numbers_that_are_not_figures(text: str) -> None:
    assert figures(text) == []


def test_dates_the_times_layer_found_are_not_figures() -> None:
    text = "The talks lasted 3 days in Geneva."
    assert [f.unit for f in figures(text)] == ["day"]
    assert find_figures(text, nlp()(text), dates=[TextSpan(17, 23)]) == ()


def test_figures_without_a_parse_read_the_word_after() -> None:
    text = "Около 1,5 тысячи боевиков сосредоточились у границы; 16 тысяч пограничников."
    assert [summary(f) for f in figures(text, parsed=False)] == [
        (1500, None, "person", ABOUT, "боевиков"),
        (16000, None, "person", None, "пограничников"),
    ]


@pytest.mark.parametrize(
    "text",
    ["1" * 5000, "1,3,5,7,9," * 2000, "$" * 1000 + "5", "- 12 -" * 1000, "тыс. " * 3000],
    ids=["long-digits", "commas", "signs", "dashes", "scales-only"],
)
def test_odd_numbers_never_crash(text: str) -> None:
    assert all(f.value >= 0 for f in find_figures(text))
