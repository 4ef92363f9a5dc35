"""Timeline entries: when two events are one, a report's main event, titles and dates."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.link.timeline import (
    dates_agree,
    format_date,
    main_event,
    same_entry,
    status_of,
    title,
)
from sitrep.models import DatePrecision, Event, EventStatus, TextSpan

HAPPENED, PLANNED = EventStatus.HAPPENED, EventStatus.PLANNED


def event(kind: str, date: str | None, precision: DatePrecision | None, start: int = 0) -> Event:
    return Event(start, start + 4, "word", TextSpan(0, 10), kind, (), None, date, None,
                 precision, HAPPENED)  # fmt: skip


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [("2013-09-23", "2013-09", True), ("2013", "2013-09-23", True),
     ("2013-09-23", "2013-09-24", False), ("2013", "2014", False)],
)  # fmt: skip
def test_dates_agree(first: str, second: str, agree: bool) -> None:
    assert dates_agree(first, second) is agree


@pytest.mark.parametrize(
    ("event_args", "entry_args", "same"),
    [
        (("meet", "2013-09-23", [1], 9), ("meet", "2013", [2], 9), True),  # same place
        (("meet", "2013-09-23", [1], 9), ("meet", "2013-09-23", [1], 8), False),  # elsewhere
        (("meet", "2013-09-23", [1], None), ("meet", "2013-09-23", [1, 2], 8), True),
        (("meet", "2013-09-23", [3], None), ("meet", "2013-09-23", [1], 3), True),  # place as actor
        (("meet", "2013-09-23", [1], 9), ("decide", "2013-09-23", [1], 9), False),
        (("meet", "2013-09-23", [1], None), ("meet", "2013-09-23", [2], None), False),
    ],
)
def test_same_entry(event_args: tuple, entry_args: tuple, same: bool) -> None:  # type: ignore[type-arg]
    assert same_entry(*event_args, *entry_args) is same


def test_main_event_is_the_most_newsworthy_dated_near_publication() -> None:
    published = dt.date(2013, 9, 28)
    background = event("attack", "2013-09-01", DatePrecision.DAY, 10)
    treaty = event("agree", "1992-05-15", DatePrecision.DAY, 20)  # long before
    summit = event("meet", "2013-09-23", DatePrecision.DAY, 30)
    assert main_event([background, treaty, summit], published) is summit
    month = event("decide", "2013-09", DatePrecision.MONTH)
    assert main_event([month, treaty], published) is month
    assert main_event([treaty], published) is None


def test_status_of_an_entry() -> None:
    assert status_of([PLANNED, HAPPENED]) is HAPPENED
    assert status_of([PLANNED]) is PLANNED
    assert status_of([EventStatus.POSSIBLE]) is EventStatus.POSSIBLE


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("meet", "summit", ["CSTO"], "Sochi", "2013-09-23"), "Summit: CSTO, Sochi, 23 Sep 2013"),
        (("meet", "met", ["CSTO", "Russia"], None, "2013-09"), "Meeting: CSTO, Russia, Sep 2013"),
        (("deliver", "Deliveries", [], None, None), "Deliveries"),
        (("agree", "signed", [], "Tashkent", "1992"), "Agreement: Tashkent, 1992"),
    ],
)
def test_title(args: tuple, expected: str) -> None:  # type: ignore[type-arg]
    assert title(*args) == expected


@pytest.mark.parametrize(
    ("value", "end", "shown"),
    [("2013-09-23", None, "23 Sep 2013"), ("2013-09", None, "Sep 2013"), ("2013", None, "2013"),
     ("2026", "2027", "2026-2027"), ("2013-W38", None, "2013-W38")],
)  # fmt: skip
def test_format_date(value: str, end: str | None, shown: str) -> None:
    assert format_date(value, end) == shown
