"""The dates a careful reader would put on a timeline of the seed reports, found and right.

Reads ../shared/seeds in place (skipped when absent); only the expressions and their
expected values are written here, never the reports' text. The publication date is
the one each report states in its dateline (None for the two that state none, which
leaves their relative expressions unanchored, so only absolute dates are checked).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitrep.extract.times import extract_times

pytestmark = pytest.mark.seeds

PUBLISHED = {
    "000": dt.date(2013, 9, 23),
    "001": dt.date(2013, 9, 28),
    "002": None,
    "003": None,
    "004": dt.date(2021, 8, 23),
}

# (seed, expression as written, TIMEX3 value, mod); the first occurrence is checked.
TIMELINE = [
    ("000", "Monday", "2013-09-23", None),
    ("000", "next year", "2014", None),
    ("000", "2014", "2014", None),
    ("000", "May", "2013-05", None),
    ("000", "2002", "2002", None),
    ("000", "next month", "2013-10", None),
    ("000", "earlier this month", "2013-09", None),
    ("001", "Monday", "2013-09-23", None),
    ("002", "up to 2020", "2020", "ON_OR_BEFORE"),
    ("002", "2014", "2014", None),
    ("002", "the end of 2013", "2013", "END"),
    ("003", "since 2013", "2013", "ON_OR_AFTER"),
    ("003", "November 2024", "2024-11", None),
    ("003", "2026-2027", "2026/2027", None),
    ("003", "2027-2029", "2027/2029", None),
    ("003", "August 2021", "2021-08", None),
    ("003", "June 2024", "2024-06", None),
    ("004", "Monday", "2021-08-23", None),
    ("004", "the day before", "2021-08-22", None),
    ("004", "April", "2021-04", None),
    ("004", "August 15", "2021-08-15", None),
    ("004", "late June", "2021-06", "END"),
    ("004", "July", "2021-07", None),
    ("004", "August 18", "2021-08-18", None),
    ("004", "1992", "1992", None),
]


def _seed_text(seeds_dir: Path, prefix: str) -> str:
    (path,) = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    with path.open(encoding="utf-8") as handle:  # universal newlines, as `sitrep extract`
        return handle.read()


@pytest.mark.parametrize(("seed", "phrase", "value", "mod"), TIMELINE)
def test_seeds_timeline_dates(
    seeds_dir: Path, seed: str, phrase: str, value: str, mod: str | None
) -> None:
    text = _seed_text(seeds_dir, seed)
    found = [e for e in extract_times(text, PUBLISHED[seed]) if e.text == phrase]
    assert found, f"{phrase!r} not found in seed {seed}"
    assert (found[0].value, found[0].mod) == (value, mod)


@pytest.mark.parametrize("seed", sorted(PUBLISHED))
def test_seeds_no_absurd_values(seeds_dir: Path, seed: str) -> None:
    text = _seed_text(seeds_dir, seed)
    for expression in extract_times(text, PUBLISHED[seed]):
        assert text[expression.start : expression.end] == expression.text
        if expression.value and expression.value[:4].isdigit():
            assert 1900 <= int(expression.value[:4]) <= 2030, expression
