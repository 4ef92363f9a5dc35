"""The timeline's axis: which period a TIMEX3 date covers, how far the view is zoomed
(decades, years, months, days) and the periods to zoom into, as date filters the
timeline query understands ("2013", "2013-09", "2013-09-23")."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.report.pages import TimelineItem, TimelineView, ZoomLink

ZOOMS = ("decades", "years", "months", "days")
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# The months a quarter, half or season covers (winter: its December, for the year named).
_QUARTER_MONTHS = {
    "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
    "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 12),
}  # fmt: skip
_YEAR_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_MAX_TICKS = 40


def period_of(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 date covers ("2013" → 1 Jan–31 Dec 2013; "201"
    or "201X" → the 2010s); None for what is no calendar date ("PRESENT_REF")."""
    if not value:
        return None
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]) and len(value) >= 10:
            day = dt.date.fromisoformat(value[:10])
            return day, day
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = int(value[:4]), int(value[5:7])
            return dt.date(year, month, 1), dt.date(year, month, _days_in(year, month))
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        if re.fullmatch(r"\d{3}X?", value):
            decade = int(value[:3]) * 10
            return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)
        if match := _YEAR_PART.match(value):
            year = int(match[1])
            first, last = _QUARTER_MONTHS[match[2]]
            return dt.date(year, first, 1), dt.date(year, last, _days_in(year, last))
        if match := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return monday, monday + dt.timedelta(days=6)
    except ValueError:  # month 13, week 60: a mis-normalized value
        return None
    return None


def span_of(
    date_from: str | None, date_to: str | None, dates: Sequence[str]
) -> tuple[dt.date, dt.date] | None:
    """The period the view shows: the filter's, else that of the dates on the page."""
    periods = [period for period in map(period_of, dates) if period is not None]
    start = period_of(date_from)
    end = period_of(date_to)
    first = start[0] if start else min((period[0] for period in periods), default=None)
    last = end[1] if end else max((period[1] for period in periods), default=None)
    if first is None or last is None:
        return None
    return (first, last) if first <= last else (last, first)


def zoom_of(date_from: str | None, date_to: str | None, dates: Sequence[str]) -> str:
    """Decades for spans over 20 years, years over 2, months over 62 days, else days."""
    span = span_of(date_from, date_to, dates)
    if span is None:
        return "years"
    days = (span[1] - span[0]).days
    if days > 20 * 366:
        return "decades"
    if days > 2 * 366:
        return "years"
    if days > 62:
        return "months"
    return "days"


def axis_ticks(
    date_from: str | None, date_to: str | None, dates: Sequence[str], zoom: str
) -> list[ZoomLink]:
    """The periods along the axis at this zoom, each a link that zooms into it."""
    span = span_of(date_from, date_to, dates)
    if span is None:
        return []
    first, last = span
    ticks: list[ZoomLink] = []
    if zoom == "decades":
        for decade in range(first.year // 10 * 10, last.year + 1, 10):
            ticks.append(ZoomLink(label=f"{decade}s", date_from=str(decade),
                                  date_to=str(decade + 9)))  # fmt: skip
    elif zoom == "years":
        for year in range(first.year, last.year + 1):
            ticks.append(ZoomLink(label=str(year), date_from=str(year), date_to=str(year)))
    elif zoom == "months":
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            value = f"{year:04d}-{month:02d}"
            label = (
                f"{_MONTHS[month - 1]} {year}" if month == 1 or not ticks else _MONTHS[month - 1]
            )
            ticks.append(ZoomLink(label=label, date_from=value, date_to=value))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        day = first
        while day <= last:
            ticks.append(ZoomLink(label=f"{day.day} {_MONTHS[day.month - 1]}",
                                  date_from=day.isoformat(), date_to=day.isoformat()))  # fmt: skip
            day += dt.timedelta(days=1)
    return _thinned(ticks)


def zoom_out(date_from: str | None, date_to: str | None) -> ZoomLink | None:
    """The enclosing period one step coarser: a day's month, a month's year, a year's
    decade, a decade's whole timeline (no filter); None when nothing is filtered."""
    if date_from is None and date_to is None:
        return None
    anchor = date_from or date_to or ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", anchor):
        return ZoomLink(label=f"{_MONTHS[int(anchor[5:7]) - 1]} {anchor[:4]}",
                        date_from=anchor[:7], date_to=anchor[:7])  # fmt: skip
    if re.fullmatch(r"\d{4}-\d{2}", anchor):
        return ZoomLink(label=anchor[:4], date_from=anchor[:4], date_to=anchor[:4])
    decade = int(anchor[:4]) // 10 * 10 if re.fullmatch(r"\d{4}", anchor) else None
    if decade is not None and (date_from, date_to) != (str(decade), str(decade + 9)):
        return ZoomLink(label=f"{decade}s", date_from=str(decade), date_to=str(decade + 9))
    return ZoomLink(label="All dates", date_from=None, date_to=None)


def position(
    value: str, date_end: str | None, span: tuple[dt.date, dt.date]
) -> tuple[float, float]:
    """Where an entry sits on the axis, as fractions (0–1) of its start and end."""
    period = period_of(value)
    end = period_of(date_end) if date_end else period
    if period is None or end is None:
        return 0.0, 0.0
    total = max((span[1] - span[0]).days + 1, 1)

    def fraction(day: dt.date) -> float:
        return min(max((day - span[0]).days / total, 0.0), 1.0)

    return fraction(period[0]), fraction(end[1] + dt.timedelta(days=1))


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _thinned(ticks: list[ZoomLink]) -> list[ZoomLink]:
    """At most ``_MAX_TICKS`` evenly chosen ticks: an axis of 400 days stays legible."""
    if len(ticks) <= _MAX_TICKS:
        return ticks
    step = -(-len(ticks) // _MAX_TICKS)
    return ticks[::step]


@dataclass(frozen=True, slots=True)
class ChartDot:
    x: float  # 0-1 along the axis
    width: float  # 0-1: an interval's length (0 for a day)
    lane: int
    entry: TimelineItem


@dataclass(frozen=True, slots=True)
class ChartTick:
    x: float
    link: ZoomLink


@dataclass(frozen=True, slots=True)
class ChartLayout:
    dots: list[ChartDot]
    ticks: list[ChartTick]
    lanes: int
    today: float | None  # where today falls, when it is on the axis


def chart_layout(view: TimelineView, today: dt.date | None = None) -> ChartLayout:
    """The chart of a timeline page: each entry on the axis, in the first lane where it
    does not touch the entry before it, and the ticks at their periods' starts."""
    if view.span is None:
        return ChartLayout([], [], 0, None)
    span = (dt.date.fromisoformat(view.span[0]), dt.date.fromisoformat(view.span[1]))
    lane_ends: list[float] = []
    dots: list[ChartDot] = []
    for entry in view.entries.items:
        start, end = position(entry.date, entry.date_end, span)
        lane = next(
            (index for index, last in enumerate(lane_ends) if last + _DOT_GAP <= start),
            len(lane_ends),
        )
        if lane == len(lane_ends):
            lane_ends.append(0.0)
        lane_ends[lane] = max(end, start + _DOT_GAP)
        dots.append(ChartDot(start, end - start, lane, entry))
    ticks = [
        ChartTick(position(tick.date_from or "", None, span)[0], tick)
        for tick in view.ticks
        if tick.date_from
    ]
    day = today or dt.date.today()
    on_axis = span[0] <= day <= span[1]
    return ChartLayout(dots, ticks, len(lane_ends), _fraction(day, span) if on_axis else None)


_DOT_GAP = 0.012  # of the axis: dots closer than this go to another lane


def _fraction(day: dt.date, span: tuple[dt.date, dt.date]) -> float:
    total = max((span[1] - span[0]).days + 1, 1)
    return (day - span[0]).days / total
