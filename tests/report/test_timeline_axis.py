"""The timeline's axis: the period a TIMEX3 date covers, the zoom a span calls for, the
ticks along it, the step out, and where each entry sits in the chart."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from sitrep.report.pages import Paged, TimelineItem, TimelineView, ZoomLink
from sitrep.report.timeline_axis import (
    axis_ticks,
    chart_layout,
    period_of,
    position,
    span_of,
    zoom_of,
    zoom_out,
)

D = dt.date


@pytest.mark.parametrize(
    ("value", "period"),
    [
        ("2013-09-23", (D(2013, 9, 23), D(2013, 9, 23))),
        ("2013-09-23T10:30", (D(2013, 9, 23), D(2013, 9, 23))),
        ("2013-09-23TMO", (D(2013, 9, 23), D(2013, 9, 23))),
        (" 2013-09-23 ", (D(2013, 9, 23), D(2013, 9, 23))),
        ("2013-09", (D(2013, 9, 1), D(2013, 9, 30))),
        ("2012-02", (D(2012, 2, 1), D(2012, 2, 29))),  # a leap year's February
        ("2013-02", (D(2013, 2, 1), D(2013, 2, 28))),
        ("2013", (D(2013, 1, 1), D(2013, 12, 31))),
        ("201", (D(2010, 1, 1), D(2019, 12, 31))),
        ("201X", (D(2010, 1, 1), D(2019, 12, 31))),
        ("199", (D(1990, 1, 1), D(1999, 12, 31))),
        ("2013-Q1", (D(2013, 1, 1), D(2013, 3, 31))),
        ("2013-Q3", (D(2013, 7, 1), D(2013, 9, 30))),
        ("2013-H1", (D(2013, 1, 1), D(2013, 6, 30))),
        ("2013-H2", (D(2013, 7, 1), D(2013, 12, 31))),
        ("2013-SP", (D(2013, 3, 1), D(2013, 5, 31))),
        ("2013-SU", (D(2013, 6, 1), D(2013, 8, 31))),
        ("2013-FA", (D(2013, 9, 1), D(2013, 11, 30))),
        ("2013-WI", (D(2013, 12, 1), D(2013, 12, 31))),  # winter: its December
        ("2013-W39", (D(2013, 9, 23), D(2013, 9, 29))),  # Monday to Sunday
        ("2015-W53", (D(2015, 12, 28), D(2016, 1, 3))),  # a week across new year
        (None, None),
        ("", None),
        ("PRESENT_REF", None),
        ("PAST_REF", None),
        ("FUTURE_REF", None),
        ("XXXX-09", None),
        ("2013-13", None),  # month 13: a mis-normalized value
        ("2013-02-30", None),
        ("2013-W60", None),
        ("2013-Q5", None),
        ("P3D", None),  # a duration, not a date
        ("next week", None),
    ],
)
def test_timeline_axis_period_of(value: str | None, period: tuple[dt.date, dt.date] | None) -> None:
    assert period_of(value) == period


@pytest.mark.parametrize(
    ("date_from", "date_to", "dates", "span"),
    [
        (None, None, ["2013-09-23", "2013-06", "2014"], (D(2013, 6, 1), D(2014, 12, 31))),
        (None, None, ["PRESENT_REF", "2013-09-23"], (D(2013, 9, 23), D(2013, 9, 23))),
        ("2013-09", None, ["2013-01-01", "2014-05-02"], (D(2013, 9, 1), D(2014, 5, 2))),
        (None, "2013", ["2011-04-01"], (D(2011, 4, 1), D(2013, 12, 31))),
        ("2013", "2013", ["1999", "2030"], (D(2013, 1, 1), D(2013, 12, 31))),  # filter wins
        ("2014", "2012", [], (D(2012, 12, 31), D(2014, 1, 1))),  # a reversed filter
        (None, None, [], None),
        (None, None, ["PRESENT_REF"], None),
        ("2013", None, [], None),  # an open end and nothing on the page
    ],
)
def test_timeline_axis_span_of(
    date_from: str | None,
    date_to: str | None,
    dates: list[str],
    span: tuple[dt.date, dt.date] | None,
) -> None:
    assert span_of(date_from, date_to, dates) == span


@pytest.mark.parametrize(
    ("date_from", "date_to", "zoom"),
    [
        ("2013-09-23", "2013-09-23", "days"),
        ("2013-01-01", "2013-03-04", "days"),  # 62 days: still days
        ("2013-01-01", "2013-03-05", "months"),  # 63
        ("2013-09", "2013-10", "days"),  # 60 days
        ("2013-09", "2013-11", "months"),
        ("2013", "2013", "months"),
        ("2013", "2014", "months"),  # 729 days
        ("2013", "2015", "years"),
        ("201", "201", "years"),
        ("1995", "2014", "years"),  # 20 years
        ("1990", "2013", "decades"),
        ("199", "201", "decades"),
    ],
)
def test_timeline_axis_zoom_of_thresholds(date_from: str, date_to: str, zoom: str) -> None:
    assert zoom_of(date_from, date_to, []) == zoom


def test_timeline_axis_zoom_of_the_dates_on_the_page() -> None:
    assert zoom_of(None, None, ["2013-09-23", "2013-09-25"]) == "days"
    assert zoom_of(None, None, ["1991", "2013-09-25"]) == "decades"
    assert zoom_of(None, None, []) == "years"  # nothing dated: the default


def links(ticks: list[ZoomLink]) -> list[tuple[str, str | None, str | None]]:
    return [(tick.label, tick.date_from, tick.date_to) for tick in ticks]


@pytest.mark.parametrize(
    ("date_from", "date_to", "zoom", "expected"),
    [
        ("1995", "2013", "decades",
         [("1990s", "1990", "1999"), ("2000s", "2000", "2009"), ("2010s", "2010", "2019")]),
        ("2011", "2013", "years",
         [("2011", "2011", "2011"), ("2012", "2012", "2012"), ("2013", "2013", "2013")]),
        ("2012-11", "2013-02", "months",
         [("Nov 2012", "2012-11", "2012-11"), ("Dec", "2012-12", "2012-12"),
          ("Jan 2013", "2013-01", "2013-01"), ("Feb", "2013-02", "2013-02")]),
        ("2013-09-29", "2013-10-02", "days",
         [("29 Sep", "2013-09-29", "2013-09-29"), ("30 Sep", "2013-09-30", "2013-09-30"),
          ("1 Oct", "2013-10-01", "2013-10-01"), ("2 Oct", "2013-10-02", "2013-10-02")]),
        ("2013-09-23", "2013-09-23", "days", [("23 Sep", "2013-09-23", "2013-09-23")]),
    ],
)  # fmt: skip
def test_timeline_axis_ticks(
    date_from: str, date_to: str, zoom: str, expected: list[tuple[str, str, str]]
) -> None:
    assert links(axis_ticks(date_from, date_to, [], zoom)) == expected


def test_timeline_axis_ticks_from_the_dates_on_the_page() -> None:
    ticks = axis_ticks(None, None, ["2013-03-02", "2013-01"], "months")
    assert [tick.label for tick in ticks] == ["Jan 2013", "Feb", "Mar"]
    assert axis_ticks(None, None, ["PRESENT_REF"], "months") == []


@pytest.mark.parametrize(
    ("date_from", "date_to", "zoom", "count", "step_days"),
    [
        ("2013-01-01", "2013-02-09", "days", 40, 1),  # 40 days: every one
        ("2013-01-01", "2013-02-10", "days", 21, 2),  # 41: every other
        ("2013", "2013", "days", 37, 10),  # 365: every tenth
    ],
)
def test_timeline_axis_ticks_are_thinned_to_forty(
    date_from: str, date_to: str, zoom: str, count: int, step_days: int
) -> None:
    ticks = axis_ticks(date_from, date_to, [], zoom)
    assert len(ticks) == count <= 40
    days = [dt.date.fromisoformat(str(tick.date_from)) for tick in ticks]
    assert days[0] == D(2013, 1, 1)
    assert {(b - a).days for a, b in itertools.pairwise(days)} == {step_days}


def test_timeline_axis_ticks_of_a_long_span_in_years_are_thinned() -> None:
    ticks = axis_ticks("1900", "2013", [], "years")
    assert len(ticks) <= 40
    assert ticks[0].label == "1900"


def test_timeline_axis_zoom_out_climbs_to_all_dates() -> None:
    steps = []
    link: ZoomLink | None = ZoomLink(label="23 Sep", date_from="2013-09-23", date_to="2013-09-23")
    while link is not None:
        link = zoom_out(link.date_from, link.date_to)
        if link is not None:
            steps.append((link.label, link.date_from, link.date_to))
    assert steps == [
        ("Sep 2013", "2013-09", "2013-09"),
        ("2013", "2013", "2013"),
        ("2010s", "2010", "2019"),
        ("All dates", None, None),
    ]


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [
        (None, None, None),
        (None, "2013-09-23", ("Sep 2013", "2013-09", "2013-09")),
        ("2013-09", None, ("2013", "2013", "2013")),
        ("2011", "2013", ("2010s", "2010", "2019")),  # a range of years: its decade
        ("2013", "2013", ("2010s", "2010", "2019")),
        ("2010", "2019", ("All dates", None, None)),  # a decade: everything
    ],
)
def test_timeline_axis_zoom_out(
    date_from: str | None, date_to: str | None, expected: tuple[str, str | None, str | None] | None
) -> None:
    link = zoom_out(date_from, date_to)
    assert (link and (link.label, link.date_from, link.date_to)) == expected


SEPTEMBER = (D(2013, 9, 1), D(2013, 9, 30))  # 30 days


@pytest.mark.parametrize(
    ("value", "date_end", "fractions"),
    [
        ("2013-09-01", None, (0.0, 1 / 30)),
        ("2013-09-30", None, (29 / 30, 1.0)),
        ("2013-09", None, (0.0, 1.0)),
        ("2013-09-16", "2013-09-20", (15 / 30, 20 / 30)),
        ("2013-W39", None, (22 / 30, 29 / 30)),
        ("2013-08-20", "2013-09-03", (0.0, 3 / 30)),  # begins before the axis
        ("2013", None, (0.0, 1.0)),  # covers the whole axis
        ("2014-01-05", None, (1.0, 1.0)),  # after it
        ("2012", None, (0.0, 0.0)),  # before it
        ("PRESENT_REF", None, (0.0, 0.0)),
        ("2013-09-16", "PRESENT_REF", (0.0, 0.0)),
    ],
)
def test_timeline_axis_position(
    value: str, date_end: str | None, fractions: tuple[float, float]
) -> None:
    assert position(value, date_end, SEPTEMBER) == pytest.approx(fractions)


def item(entry_id: int, date: str, date_end: str | None = None) -> TimelineItem:
    return TimelineItem(
        id=entry_id, date=date, date_end=date_end, label=date, precision="day",
        status="happened", type="meet", title=f"Meeting {entry_id}", actors=[], place=None,
        sources=1, evidence=[],
    )  # fmt: skip


def view(items: list[TimelineItem], date_from: str | None, date_to: str | None) -> TimelineView:
    dates = [entry.date for entry in items]
    span = span_of(date_from, date_to, dates)
    zoom = zoom_of(date_from, date_to, dates)
    return TimelineView(
        date_from=date_from, date_to=date_to, actor=None, place=None, zoom=zoom,
        span=None if span is None else [span[0].isoformat(), span[1].isoformat()],
        zoom_out=zoom_out(date_from, date_to), ticks=axis_ticks(date_from, date_to, dates, zoom),
        entries=Paged[TimelineItem](items=items, page=1, per_page=50, total=len(items)),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("dates", "lanes"),
    [
        (["2013-09-10", "2013-09-10"], [0, 1]),  # the same day: two lanes
        (["2013-09-10", "2013-09-10", "2013-09-10"], [0, 1, 2]),
        (["2013-01-05", "2013-06-10", "2013-12-20"], [0, 0, 0]),  # far apart: one lane
        (["2013-01-05", "2013-01-05", "2013-06-10"], [0, 1, 0]),  # lane 0 free again
        (["2013-02", "2013-02-14"], [0, 1]),  # the month covers the day
    ],
)
def test_timeline_axis_chart_lanes(dates: list[str], lanes: list[int]) -> None:
    layout = chart_layout(view([item(n, d) for n, d in enumerate(dates)], "2013", "2013"),
                          today=D(2030, 1, 1))  # fmt: skip
    assert [dot.lane for dot in layout.dots] == lanes
    assert layout.lanes == max(lanes) + 1
    assert [dot.entry.date for dot in layout.dots] == dates


def test_timeline_axis_chart_dots_and_ticks_sit_at_their_periods() -> None:
    layout = chart_layout(view([item(1, "2013-07", None), item(2, "2013-01-01", "2013-06-30")],
                               "2013", "2013"), today=D(2030, 1, 1))  # fmt: skip
    (july, first_half) = layout.dots
    assert (july.x, july.width) == pytest.approx((181 / 365, 31 / 365))
    assert (first_half.x, first_half.width) == pytest.approx((0.0, 181 / 365))
    assert [tick.link.label for tick in layout.ticks][:2] == ["Jan 2013", "Feb"]
    assert [tick.x for tick in layout.ticks][:2] == pytest.approx([0.0, 31 / 365])
    assert [tick.x for tick in layout.ticks] == sorted(tick.x for tick in layout.ticks)


@pytest.mark.parametrize(
    ("today", "fraction"),
    [
        (D(2013, 1, 1), 0.0),
        (D(2013, 7, 2), 182 / 365),
        (D(2013, 12, 31), 364 / 365),
        (D(2012, 12, 31), None),
        (D(2014, 1, 1), None),
    ],
)
def test_timeline_axis_chart_today_only_on_the_axis(today: dt.date, fraction: float | None) -> None:
    layout = chart_layout(view([item(1, "2013-05-01")], "2013", "2013"), today=today)
    assert layout.today == (None if fraction is None else pytest.approx(fraction))


def test_timeline_axis_chart_of_a_view_without_span_is_empty() -> None:
    layout = chart_layout(view([item(1, "PRESENT_REF")], None, None), today=D(2013, 1, 1))
    assert (layout.dots, layout.ticks, layout.lanes, layout.today) == ([], [], 0, None)
