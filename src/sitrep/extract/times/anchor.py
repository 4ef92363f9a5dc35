"""Anchoring: calendar arithmetic on periods, and the tense that picks a direction.

A ``Period`` is a calendar period at some granularity (a day, an ISO week, a
month, a quarter, a half, a season, a year, a decade, a century) and prints itself
as its TIMEX3 value. Relative expressions are periods shifted from the report's
publication date ("last year", "Monday", "two weeks ago") or from the period the
text is narrating ("a year earlier", "the next day").

Which way an underspecified name points ("on Monday", "in September") depends on
the tense of its clause: a past clause means the latest such day on or before the
publication date, a future clause the first on or after it. The same day counts in
both directions: wire copy dated Monday says "on Monday" for that Monday, and names
the following one "next Monday" or by its date. With no tense to go on, the nearest
occurrence wins (ties go to the past: news mostly reports what has happened).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc

from sitrep.extract.publication_date import status_of
from sitrep.models import DateStatus


class Grain(StrEnum):
    DAY = "D"
    WEEK = "W"
    WEEKEND = "WE"
    MONTH = "M"
    QUARTER = "Q"
    HALF = "H"
    SEASON = "S"
    YEAR = "Y"
    DECADE = "DE"
    CENTURY = "CE"


_SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar period: its granularity and its first day (and season code)."""

    grain: Grain
    first: dt.date
    season: str = ""

    @property
    def value(self) -> str:
        day = self.first
        if self.grain is Grain.DAY:
            return day.isoformat()
        if self.grain in {Grain.WEEK, Grain.WEEKEND}:
            year, week, _ = day.isocalendar()
            suffix = "-WE" if self.grain is Grain.WEEKEND else ""
            return f"{year:04d}-W{week:02d}{suffix}"
        if self.grain is Grain.MONTH:
            return f"{day.year:04d}-{day.month:02d}"
        if self.grain is Grain.QUARTER:
            return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
        if self.grain is Grain.HALF:
            return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
        if self.grain is Grain.SEASON:
            return f"{day.year:04d}-{self.season}"
        if self.grain is Grain.DECADE:
            return f"{day.year // 10:03d}"
        if self.grain is Grain.CENTURY:
            return f"{day.year // 100:02d}"
        return f"{day.year:04d}"

    def shift(self, count: int, unit: Grain | None = None) -> Period | None:
        """This period moved by ``count`` units (its own grain unless ``unit`` is given).

        Moving a month by years keeps it a month ("a year earlier" than 1989-Q3 is
        1988-Q3). Returns None when the result leaves the calendar.
        """
        unit = unit or self.grain
        try:
            first = _add(self.first, count, unit)
        except (OverflowError, ValueError):
            return None
        return period_of(self.grain, first, self.season)


def _add(day: dt.date, count: int, unit: Grain) -> dt.date:
    if unit is Grain.DAY:
        return day + dt.timedelta(days=count)
    if unit in {Grain.WEEK, Grain.WEEKEND}:
        return day + dt.timedelta(weeks=count)
    months = {
        Grain.MONTH: 1,
        Grain.QUARTER: 3,
        Grain.HALF: 6,
        Grain.SEASON: 12,
        Grain.YEAR: 12,
        Grain.DECADE: 120,
        Grain.CENTURY: 1200,
    }[unit] * count
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def period_of(grain: Grain, day: dt.date, season: str = "") -> Period:
    """The period of ``grain`` that contains ``day`` (for seasons, the one named)."""
    if grain is Grain.DAY:
        return Period(grain, day)
    if grain in {Grain.WEEK, Grain.WEEKEND}:
        return Period(grain, day - dt.timedelta(days=day.weekday()))
    if grain is Grain.MONTH:
        return Period(grain, day.replace(day=1))
    if grain is Grain.QUARTER:
        return Period(grain, dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1))
    if grain is Grain.HALF:
        return Period(grain, dt.date(day.year, (day.month - 1) // 6 * 6 + 1, 1))
    if grain is Grain.SEASON:
        return Period(grain, dt.date(day.year, 1, 1), season)
    if grain is Grain.DECADE:
        return Period(grain, dt.date(max(day.year // 10 * 10, 1), 1, 1))
    if grain is Grain.CENTURY:
        return Period(grain, dt.date(max(day.year // 100 * 100, 1), 1, 1))
    return Period(grain, dt.date(day.year, 1, 1))


def season_period(season: str, year: int) -> Period:
    return Period(Grain.SEASON, dt.date(year, 1, 1), season)


def season_of(day: dt.date) -> str:
    """The meteorological season (northern hemisphere) a day falls in."""
    for code, month in (("WI", 12), ("FA", 9), ("SU", 6), ("SP", 3)):
        if day.month >= month:
            return code
    return "WI"


# -- direction from tense -----------------------------------------------------------

# Cue words for the tense of a clause when there is no parse; the cue nearest the
# expression wins ("said on Monday it will ..." is past for Monday). A future cue takes
# its adverbs with it: "would still be held" is one cue, not "would still" and "held".
_TENSE_CUES = re.compile(
    r"\b(?:(?P<future>(?:will|shall|would|'ll|won't)(?:\s+(?:not|never|also|still|only|then|"
    r"probably|likely|soon|now|be|have|been))*"
    r"(?:\s+\w+)?|going\s+to|plans?\s+to|scheduled\s+(?:to|for)|"
    r"expects?\s+to|is\s+expected|are\s+expected|due\s+(?:to|on|in)|is\s+to|are\s+to|"
    r"set\s+to|aims?\s+to|intends?\s+to|upcoming)|(?P<past>was|were|had|did|said|told|"
    r"met|held|took|made|came|went|began|left|became|ago|\w{3,}ed))\b",
    re.IGNORECASE,
)
# Words right before an expression that settle its direction whatever the verb says:
# "as soon as Tuesday", "scheduled for Monday", "since Friday". "Set" counts only with
# "for": "the record set on Aug. 6" is a done deed.
_LEADING_CUE = re.compile(
    r"\b(?:(?P<future>as\s+(?:soon|early)\s+as|(?:scheduled|planned|slated|due)\s+"
    r"(?:for|on)|set\s+for|until|till|starting|beginning|effective|"
    r"(?:plan(?:s|ned|ning)?|schedul(?:e|es|ed|ing)|"
    r"intend(?:s|ed|ing)?|expect(?:s|ed|ing)?)\b[^.;:]{0,50}?\b(?:on|for|by))|"
    r"(?P<past>since|as\s+of|ago))\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:not\s+|never\s+|previously\s+|already\s+)?(?:been|\w+ed)\b", re.I
)
_FUTURE_MARKER = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|is\s+due\s+to|are\s+due\s+to|is\s+scheduled|"
    r"are\s+scheduled|is\s+expected\s+to|are\s+expected\s+to|is\s+set\s+to|are\s+set\s+to)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'“(])|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)`` by punctuation, when no parse is at hand."""
    window_start = max(0, start - 400)
    left = window_start
    for match in _SENTENCE_END.finditer(text, window_start, start):
        left = match.end()
    found = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    right = found.start() + 1 if found else min(len(text), end + 400)
    return left, right


def clause_status(text: str, start: int, end: int, doc: Doc | None) -> DateStatus:
    """Whether the clause around ``[start, end)`` reports something done or to come.

    With a parse, the governing verb's tense decides (``publication_date.status_of``);
    without one, or when the parse has no verb for it, cue words in the sentence do.
    """
    cue = _LEADING_CUE.search(text, max(0, start - 80), start)
    if cue is not None:
        if cue.group("past"):
            return DateStatus.PAST
        left, right = sentence_bounds(text, start, end)
        if _PAST_PERFECT.search(text, left, right):
            # "had been scheduled to expire Friday", "until Thursday, they had not
            # called him": a plan or a bound told in the past perfect is already gone.
            return DateStatus.PAST
        return DateStatus.FUTURE
    if doc is not None and doc.has_annotation("DEP"):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            status = status_of(span)
            if status is DateStatus.FUTURE and _PAST_PERFECT.search(
                text, sentence_bounds(text, start, end)[0], start
            ):
                return DateStatus.PAST  # "it had been due to expire Friday evening"
            if status is DateStatus.PRESENT and _FUTURE_MARKER.search(
                text, sentence_bounds(text, start, end)[0], start
            ):
                return DateStatus.FUTURE  # "is to resume trading in Paris Tuesday"
            if status is not DateStatus.UNKNOWN:
                return status
    left, right = sentence_bounds(text, start, end)
    nearest, nearest_distance = DateStatus.UNKNOWN, len(text)
    for cue in _TENSE_CUES.finditer(text, left, right):
        if start <= cue.start() < end:
            continue
        distance = start - cue.end() if cue.end() <= start else cue.start() - end
        if distance < nearest_distance:
            nearest_distance = distance
            nearest = DateStatus.FUTURE if cue.group("future") else DateStatus.PAST
    if nearest is DateStatus.FUTURE and _PAST_PERFECT.search(text, left, right):
        return DateStatus.PAST  # "the offer had been due to expire Friday"
    return nearest


def pick_occurrence(
    candidates: list[dt.date], published: dt.date, status: DateStatus, slack_days: int = 0
) -> dt.date | None:
    """Of the days a name could mean, the one the tense points to (same day allowed).

    ``slack_days`` lets a past clause still mean a day shortly after the publication
    (and a future one shortly before): "had been set to expire Nov. 6" in a report of
    2 November is that November, not the last one. Clause tense is a weak signal for
    a month and day, so only a day farther than the slack in the wrong direction
    moves a year; without tense, the nearest occurrence wins.
    """
    if not candidates:
        return None
    slack = dt.timedelta(days=slack_days)
    past = [day for day in candidates if day <= published + slack]
    future = [day for day in candidates if day >= published - slack]
    if status is DateStatus.PAST and past:
        return max(past)
    if status is DateStatus.FUTURE and future:
        return min(future)
    return min(candidates, key=lambda day: (abs((day - published).days), day > published))


# Measured on TimeBank (even half): a month-day up to two months on the "wrong" side
# of the publication date is far likelier a misread tense than a year away.
MONTH_DAY_SLACK_DAYS = 60


def weekday_near(published: dt.date, weekday: int, status: DateStatus) -> dt.date:
    """The day named by a bare weekday ("on Monday") in a report of ``published``."""
    offset = (weekday - published.isoweekday()) % 7
    following = published + dt.timedelta(days=offset)
    previous = following - dt.timedelta(days=7) if offset else following
    day = pick_occurrence([previous, following], published, status)
    return day if day is not None else following


def month_day_near(published: dt.date, month: int, day: int, status: DateStatus) -> dt.date | None:
    """The date named by a month and day without a year, or None when it cannot exist."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return pick_occurrence(candidates, published, status, MONTH_DAY_SLACK_DAYS)


def month_near(published: dt.date, month: int, status: DateStatus) -> Period:
    """The month named without a year ("in September"), by tense around the publication."""
    candidates = [dt.date(published.year + delta, month, 1) for delta in (-1, 0, 1)]
    this_month = published.replace(day=1)
    chosen = pick_occurrence(candidates, this_month, status, MONTH_DAY_SLACK_DAYS) or this_month
    return Period(Grain.MONTH, chosen)
