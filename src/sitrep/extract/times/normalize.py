"""Normalization: from a recognized expression to its TIMEX3 type, value and mod.

One small function per rule of ``patterns.py`` (``NORMALIZERS`` maps rule names to
them). Each reads the groups its rule captured and the ``Context``: the report's
publication date, the clause tense, and the ``Discourse``, the period the text was
last explicitly narrating, which anchors "a year earlier", "the next day", "that
month" and month-days without a year in a narrative about another year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from sitrep.extract.times import lexicon
from sitrep.extract.times.anchor import (
    Grain,
    Period,
    clause_status,
    month_day_near,
    month_near,
    period_of,
    season_of,
    season_period,
)
from sitrep.extract.times.patterns import Candidate
from sitrep.models import Anchor, DateStatus, TimeType

MIN_YEAR, MAX_YEAR = 1000, 2200  # outside this, a "year" is a number or a typo


@dataclass
class Discourse:
    """What the text has been narrating so far, in reading order."""

    period: Period | None = None  # the last period the text named (explicitly or not)
    explicit_year: int | None = None  # the year of the last explicit (written) year
    explicit_at: int = -1  # where that year was written


@dataclass
class Context:
    text: str
    published: dt.date | None
    doc: Doc | None
    discourse: Discourse = field(default_factory=Discourse)

    def status(self, candidate: Candidate) -> DateStatus:
        return clause_status(self.text, candidate.start, candidate.end, self.doc)


@dataclass(frozen=True, slots=True)
class Normalized:
    type: TimeType
    value: str | None
    mod: str | None = None
    anchor: Anchor = Anchor.NONE
    period: Period | None = None  # set when the value is a calendar period
    is_explicit: bool = False  # the text wrote the year out
    updates_focus: bool = True  # False for comparison points ("a year earlier")


Normalizer = Callable[[Candidate, Context], Normalized | None]


def number_in(word: str | None) -> float | None:
    """The count a number phrase states ("three", "2 1/2", "twenty four"), or None."""
    if not word:
        return None
    word = re.sub(r"\s+", " ", word.lower().replace("-", " ")).strip()
    if word in lexicon.NUMBERS:
        return float(lexicon.NUMBERS[word])
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if re.fullmatch(r"\d+ 1/2", word):
        return float(word.split()[0]) + 0.5
    parts = word.split()
    if all(part in lexicon.NUMBERS for part in parts):
        values = [lexicon.NUMBERS[part] for part in parts]
        if len(values) == 2 and values[1] == 100:
            return float(values[0] * 100)
        return float(sum(values))
    return None


def mod_of_part(part: str | None) -> str | None:
    if not part:
        return None
    key = re.sub(r"\s+", " ", part.lower()).strip().rstrip("-")
    return lexicon.PART_MODS.get(key) or lexicon.PART_MODS.get(key.removeprefix("the "))


def year_in(text: str | None) -> int | None:
    if not text:
        return None
    year = int(text)
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def month_number(name: str | None) -> int:
    return lexicon.MONTHS[(name or "").lower().rstrip(".")]


def _relative_anchor(context: Context) -> Anchor:
    return Anchor.PUBLICATION if context.published else Anchor.NONE


def normalized_date(
    period: Period | None, mod: str | None = None, anchor: Anchor = Anchor.NONE
) -> Normalized:
    return Normalized(TimeType.DATE, period.value if period else None, mod, anchor, period)


def _narrated_year(candidate: Candidate, context: Context) -> int | None:
    """The year a text is narrating at ``candidate``, if it is narrating one.

    "In 1946, ... On April 11, ..." dates April 11 in 1946. A text narrates a year
    when it has just set the scene with a full date, a month and year, or a year
    opening its sentence ("In 1946,"), in this sentence or the one before. A year
    merely mentioned ("profits in 1997 were ...") sets no scene: measured on
    TimeBank, anchoring to every mentioned year costs value accuracy.
    """
    discourse = context.discourse
    if discourse.explicit_year is None or discourse.explicit_at < 0:
        return None
    between = context.text[discourse.explicit_at : candidate.start]
    if len(between) > 400 or "\n\n" in between or len(_SENTENCE_BREAK.findall(between)) > 1:
        return None
    return discourse.explicit_year


_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]?\s+(?=[\"'“‘(]?[A-Z])")
_SCENE_OPENER = re.compile(
    r"(?:^|[.!?\n][\"'”’)]?\s*|[:;]\s*)(?:(?:In|By|During|Throughout|Until|Since|Back\s+in)\s+)"
    r"(?:(?:early|late|mid|the\s+(?:spring|summer|autumn|fall|winter)\s+of)\s+)?$"
)


_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.IGNORECASE)


def sets_scene(candidate: Candidate, context: Context, normalized: Normalized) -> bool:
    """Whether an explicit date makes the text narrate its year (see ``_narrated_year``)."""
    if not normalized.is_explicit or normalized.period is None:
        return False
    before = context.text[max(0, candidate.start - 40) : candidate.start]
    if normalized.period.grain in {Grain.DAY, Grain.MONTH}:
        # "the Dec. 21, 1988, bombing", "the August 1988 cease-fire": a date naming an
        # event, not the time the text goes on to narrate.
        return not _ATTRIBUTIVE.search(before)
    return bool(_SCENE_OPENER.search(before))


# -- calendar dates -----------------------------------------------------------------


def calendar_day(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _day_without_year(
    candidate: Candidate, context: Context, month: int, day: int
) -> tuple[dt.date | None, Anchor]:
    narrated = _narrated_year(candidate, context)
    if narrated is not None and (context.published is None or narrated != context.published.year):
        return calendar_day(narrated, month, day), Anchor.DISCOURSE
    if context.published is None:
        return None, Anchor.NONE
    try:
        dt.date(2000, month, day)  # a leap year: February 29 exists
    except ValueError:
        return None, Anchor.NONE
    found = month_day_near(context.published, month, day, context.status(candidate))
    return found, Anchor.PUBLICATION


def normalize_calendar_day(candidate: Candidate, context: Context) -> Normalized | None:
    groups = candidate.groups
    month, day = month_number(groups["month"]), int(groups["day"] or 0)
    mod = mod_of_part(groups.get("part"))
    if groups.get("year"):
        found = calendar_day(year_in(groups["year"]), month, day)
        return Normalized(
            TimeType.DATE, found.isoformat() if found else None, mod,
            period=Period(Grain.DAY, found) if found else None, is_explicit=found is not None,
        )  # fmt: skip
    found, anchor = _day_without_year(candidate, context, month, day)
    if found is None:
        try:
            dt.date(2000, month, day)
        except ValueError:
            return Normalized(TimeType.DATE, None, mod)  # "February 30"
        return Normalized(TimeType.DATE, f"XXXX-{month:02d}-{day:02d}", mod)
    return normalized_date(Period(Grain.DAY, found), mod, anchor)


def normalize_iso(candidate: Candidate, context: Context) -> Normalized | None:
    groups = candidate.groups
    found = calendar_day(
        year_in(groups["year"]), int(groups["month"] or 0), int(groups["day"] or 0)
    )
    if found is None:
        return Normalized(TimeType.DATE, None)
    if groups.get("hour"):
        value = f"{found.isoformat()}T{groups['hour']}:{groups['minute']}"
        return Normalized(TimeType.TIME, value, period=Period(Grain.DAY, found), is_explicit=True)
    return Normalized(TimeType.DATE, found.isoformat(), period=Period(Grain.DAY, found),
                      is_explicit=True)  # fmt: skip


def normalize_numeric(candidate: Candidate, context: Context) -> Normalized | None:
    """Numeric dates: "9/23/2013" (US order), "23.09.2013" (day first: a dot, or a day > 12)."""
    groups = candidate.groups
    first, second = int(groups["first"] or 0), int(groups["second"] or 0)
    year_text = groups["year"] or ""
    year = int(year_text) if len(year_text) == 4 else 1900 + int(year_text)
    if len(year_text) == 2 and year < 1950:
        year += 100
    day_first = "." in candidate_text(candidate, context) or first > 12
    month, day = (second, first) if day_first else (first, second)
    found = calendar_day(year if MIN_YEAR <= year <= MAX_YEAR else None, month, day)
    if found is None:
        return None  # "3/4/5" in a table, a fraction, a version number: not a date
    return Normalized(TimeType.DATE, found.isoformat(), period=Period(Grain.DAY, found),
                      is_explicit=True)  # fmt: skip


def candidate_text(candidate: Candidate, context: Context) -> str:
    return context.text[candidate.start : candidate.end]


def normalize_month_year(candidate: Candidate, context: Context) -> Normalized | None:
    year = year_in(candidate.groups["year"])
    if year is None:
        return None
    period = Period(Grain.MONTH, dt.date(year, month_number(candidate.groups["month"]), 1))
    return Normalized(TimeType.DATE, period.value, mod_of_part(candidate.groups.get("part")),
                      period=period, is_explicit=True)  # fmt: skip


def normalize_month(candidate: Candidate, context: Context) -> Normalized | None:
    groups = candidate.groups
    month = month_number(groups["month"])
    mod = mod_of_part(groups.get("part"))
    published = context.published
    relative = (groups.get("relative") or "").lower()
    year_relative = (groups.get("year_relative") or "").lower()
    if year_relative and published:
        year = published.year + lexicon.RELATIVE[year_relative]
        return normalized_date(
            Period(Grain.MONTH, dt.date(year, month, 1)), mod, Anchor.PUBLICATION
        )
    narrated = _narrated_year(candidate, context)
    if not relative and narrated is not None and (published is None or narrated != published.year):
        return normalized_date(
            Period(Grain.MONTH, dt.date(narrated, month, 1)), mod, Anchor.DISCOURSE
        )
    if published is None:
        return Normalized(TimeType.DATE, f"XXXX-{month:02d}", mod)
    if relative in {"last", "past", "previous"}:
        year = published.year if month < published.month else published.year - 1
    elif relative in {"next", "coming", "following"}:
        year = published.year if month > published.month else published.year + 1
    elif relative in {"this", "current"}:
        year = published.year
    else:
        return normalized_date(month_near(published, month, context.status(candidate)), mod,
                     Anchor.PUBLICATION)  # fmt: skip
    return normalized_date(Period(Grain.MONTH, dt.date(year, month, 1)), mod, Anchor.PUBLICATION)


# -- years, decades, centuries, seasons, quarters -----------------------------------


def normalize_year(candidate: Candidate, context: Context) -> Normalized | None:
    year = year_in(candidate.groups["year"])
    if year is None:
        return None
    has_context = bool(candidate.groups.get("part") or candidate.groups.get("fiscal"))
    if not has_context and not _plausible_year(context.text, candidate.start, year):
        return None
    period = Period(Grain.YEAR, dt.date(year, 1, 1))
    return Normalized(TimeType.DATE, period.value, mod_of_part(candidate.groups.get("part")),
                      period=period, is_explicit=True)  # fmt: skip


_YEAR_CUE = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|of|to|before|after|during|early|late|mid|"
    r"through|throughout|between|and|or|fiscal|year|the|spring|summer|autumn|fall|winter|"
    r"'s|’s)\s+|[(,]\s*)$",
    re.IGNORECASE,
)


def _plausible_year(text: str, start: int, year: int) -> bool:
    """A bare four-digit number is a year when it is recent or a preposition introduces it."""
    before = text[max(0, start - 12) : start]
    if re.search(r"[$€£¥#]\s*$|\d[,.]$|\bNo\.\s*$", before):
        return False
    return 1900 <= year <= 2100 or bool(_YEAR_CUE.search(before))


def normalize_year_words(candidate: Candidate, context: Context) -> Normalized | None:
    words = (candidate.groups["words"] or "").lower().split()
    extra = number_in(words[-1]) if len(words) > 3 else 0.0
    year = 2000 + int(extra or 0)
    return normalized_date(Period(Grain.YEAR, dt.date(year, 1, 1)))


def spelled_year(words: str | None) -> int | None:
    """The year a spoken form states: "nineteen ninety-four" is 1994."""
    if not words:
        return None
    century, *rest = words.lower().replace("-", " ").split()
    hundreds = lexicon.NUMBERS.get(century)
    tail = number_in(" ".join(rest))
    if hundreds is None or tail is None:
        return None
    return hundreds * 100 + int(tail)


def normalize_spelled_year(candidate: Candidate, context: Context) -> Normalized | None:
    year = spelled_year(candidate.groups["spelled_year"])
    if year is None:
        return None
    period = Period(Grain.YEAR, dt.date(year, 1, 1))
    return Normalized(TimeType.DATE, period.value, period=period, is_explicit=True)


def normalize_year_range(candidate: Candidate, context: Context) -> Normalized | None:
    first = year_in(candidate.groups["year"])
    end_text = candidate.groups["year_end"] or ""
    if first is None:
        return None
    last = int(end_text) if len(end_text) == 4 else first // 100 * 100 + int(end_text)
    if not 0 < last - first <= 100:
        return None  # "2020-1990" or a score: not a range of years
    return Normalized(TimeType.DATE, f"{first}/{last}", is_explicit=True,
                      period=Period(Grain.YEAR, dt.date(last, 1, 1)))  # fmt: skip


def normalize_decade(candidate: Candidate, context: Context) -> Normalized | None:
    groups = candidate.groups
    if groups.get("short"):
        century = 19 if int(groups["short"] or 0) >= 2 else 20
        decade = int(groups["short"] or 0)
    else:
        century, decade = int(groups["century"] or 0), int(groups["decade"] or 0)
    return Normalized(TimeType.DATE, f"{century:02d}{decade}", mod_of_part(groups.get("part")))


def normalize_century(candidate: Candidate, context: Context) -> Normalized | None:
    ordinal = (candidate.groups["ordinal"] or "").lower()
    number = lexicon.ORDINALS.get(ordinal)
    if number is None:
        number = int(re.sub(r"\D", "", ordinal) or 0)
    if not 0 < number <= 22:
        return None
    return Normalized(TimeType.DATE, f"{number - 1:02d}", mod_of_part(candidate.groups.get("part")))


def normalize_this_century(candidate: Candidate, context: Context) -> Normalized | None:
    if context.published is None:
        return Normalized(TimeType.DATE, None)
    shift = lexicon.RELATIVE[(candidate.groups["relative"] or "this").lower()]
    period = period_of(Grain.CENTURY, context.published).shift(shift)
    return normalized_date(period, None, Anchor.PUBLICATION)


def normalize_season(candidate: Candidate, context: Context) -> Normalized | None:
    groups = candidate.groups
    season = lexicon.SEASONS[(groups["season"] or "").lower()]
    relative = (groups.get("relative") or "").lower()
    mod = mod_of_part(groups.get("part"))
    text = candidate_text(candidate, context).lower()
    has_year = bool(groups.get("year") or groups.get("spelled_year"))
    is_bare = not relative and not has_year and not groups.get("part")
    if is_bare and (not text.startswith("the ") or season == "FA"):
        before = context.text[max(0, candidate.start - 16) : candidate.start].lower()
        if not re.search(
            r"\b(?:in|during|this|by|until|since|over|through|throughout)\s+(?:the\s+)?$", before
        ):
            return None  # "fall" the verb, "spring" the water
    if has_year:
        year = year_in(groups["year"]) or spelled_year(groups.get("spelled_year"))
        if year is None:
            return None
        return Normalized(TimeType.DATE, f"{year}-{season}", mod, is_explicit=True,
                          period=season_period(season, year))  # fmt: skip
    published = context.published
    if published is None:
        return Normalized(TimeType.DATE, f"XXXX-{season}", mod)
    year = published.year
    current = season_of(published)
    order = ["WI", "SP", "SU", "FA"]
    if relative in {"last", "past", "previous"}:
        year -= order.index(season) >= order.index(current)
    elif relative in {"next", "coming", "following"}:
        year += order.index(season) <= order.index(current)
    elif not relative:
        status = context.status(candidate)
        if status is DateStatus.PAST and order.index(season) > order.index(current):
            year -= 1
    return normalized_date(season_period(season, year), mod, Anchor.PUBLICATION)


def _quarter_period(year: int, quarter: int) -> Period:
    return Period(Grain.QUARTER, dt.date(year, 3 * quarter - 2, 1))


def normalize_quarter(candidate: Candidate, context: Context) -> Normalized | None:
    groups = candidate.groups
    ordinal = groups.get("ordinal") or groups.get("number") or groups.get("number2") or ""
    quarter = lexicon.ORDINALS.get(ordinal.lower()) or (int(ordinal) if ordinal.isdigit() else 0)
    if quarter == -1:
        quarter = 4
    if not 1 <= quarter <= 4:
        return None
    owner = (groups.get("owner") or "").lower()
    relative = (groups.get("relative") or "").lower() or owner.split(" ")[0]
    if relative not in lexicon.RELATIVE:
        relative = ""
    explicit = year_in(groups.get("year") or groups.get("owner_year") or groups.get("pre_year"))
    published = context.published
    if groups.get("earlier"):  # "the year-earlier third quarter"
        focus = context.discourse.period
        year = focus.first.year if focus else published.year if published else None
        if year is None:
            return Normalized(TimeType.DATE, f"XXXX-Q{quarter}")
        period = _quarter_period(year - 1, quarter)
        return replace(normalized_date(period, None, Anchor.DISCOURSE), updates_focus=False)
    if explicit is not None:
        return Normalized(TimeType.DATE, _quarter_period(explicit, quarter).value,
                          period=_quarter_period(explicit, quarter), is_explicit=True)  # fmt: skip
    if relative in lexicon.RELATIVE and published:
        period = _quarter_period(published.year + lexicon.RELATIVE[relative], quarter)
        return normalized_date(period, None, Anchor.PUBLICATION)
    narrated = _narrated_year(candidate, context)
    if narrated is not None and (published is None or narrated != published.year):
        return normalized_date(_quarter_period(narrated, quarter), None, Anchor.DISCOURSE)
    if published is None:
        return Normalized(TimeType.DATE, f"XXXX-Q{quarter}")
    current = (published.month - 1) // 3 + 1
    year = published.year
    if quarter > current and context.status(candidate) is not DateStatus.FUTURE:
        year -= 1
    return normalized_date(_quarter_period(year, quarter), None, Anchor.PUBLICATION)


def normalize_half(candidate: Candidate, context: Context) -> Normalized | None:
    groups = candidate.groups
    half = 1 if (groups["ordinal"] or "").lower() in {"first", "1st"} else 2
    year = year_in(groups.get("year"))
    relative = (groups.get("relative") or "").lower()
    published = context.published
    anchor = Anchor.NONE
    if year is None and published is not None:
        year = published.year + lexicon.RELATIVE.get(relative, 0)
        is_future = context.status(candidate) is DateStatus.FUTURE
        if not relative and half == 2 and published.month <= 6 and not is_future:
            year -= 1
        anchor = Anchor.PUBLICATION
    if year is None:
        return Normalized(TimeType.DATE, f"XXXX-H{half}")
    return normalized_date(Period(Grain.HALF, dt.date(year, 6 * half - 5, 1)), None, anchor)


def normalize_quarter_ref(candidate: Candidate, context: Context) -> Normalized | None:
    """The quarter in focus: "the quarter", "the latest quarter", "the year-earlier period"."""
    text = re.sub(r"\s+", " ", candidate_text(candidate, context).lower())
    which = (candidate.groups.get("which") or "").lower()
    is_period = text.endswith(("period", "a year ago"))
    focus = context.discourse.period
    if focus is None or focus.grain is not Grain.QUARTER:
        if is_period and which not in {"year-earlier", "year-ago"}:
            return None  # "the period" with no quarter in view: too vague to pin down
        if context.published is None:
            return Normalized(TimeType.DATE, None)
        focus = period_of(Grain.QUARTER, context.published)
        if which != "current" and not text.startswith("this"):
            focus = focus.shift(-1)
        if focus is None:
            return None
    if which in {"year-earlier", "year-ago"} or "last year" in text or "a year" in text:
        shifted = focus.shift(-1, Grain.YEAR)
        return replace(normalized_date(shifted, None, Anchor.DISCOURSE), updates_focus=False)
    if which == "previous":
        focus = focus.shift(-1)
    return normalized_date(focus, None, Anchor.DISCOURSE)


def normalize_year_period(candidate: Candidate, context: Context) -> Normalized | None:
    """ "The 1988 quarter", "the 1989 period": the quarter in focus, in that year.

    TimeBank: 3 of the 4 such phrases are the reported quarter of that year.
    """
    year = year_in(candidate.groups["year"])
    if year is None:
        return None
    focus = context.discourse.period
    if (focus is None or focus.grain is not Grain.QUARTER) and context.published is not None:
        focus = period_of(Grain.QUARTER, context.published).shift(-1)  # the last reported
    if focus is None or focus.grain is not Grain.QUARTER:
        return replace(
            normalized_date(Period(Grain.YEAR, dt.date(year, 1, 1))), updates_focus=False
        )
    period = focus.shift(year - focus.first.year, Grain.YEAR)
    return replace(normalized_date(period, None, Anchor.DISCOURSE), updates_focus=False)


def normalize_quarter_rel(candidate: Candidate, context: Context) -> Normalized | None:
    if context.published is None:
        return Normalized(TimeType.DATE, None)
    shift = lexicon.RELATIVE[(candidate.groups["relative"] or "this").lower()]
    period = period_of(Grain.QUARTER, context.published).shift(shift)
    return normalized_date(period, None, Anchor.PUBLICATION)


_ENDED = re.compile(r"\s+end(?:ed|ing)\b", re.IGNORECASE)
# "Player of the year" is a title; "the first nine months of the year" a time.
_OF_THE_YEAR = re.compile(r"(\w+)\s+of\s+$", re.IGNORECASE)
_PARTS_OF_A_YEAR = frozenset(
    {"months", "weeks", "days", "quarter", "quarters", "half", "rest", "remainder",
     "balance", "part", "end", "start", "beginning", "middle", "close", "time", "turn"}
)  # fmt: skip


def normalize_fiscal_year(candidate: Candidate, context: Context) -> Normalized | None:
    """ "The year", "the fiscal year": the year being reported, or twelve months.

    "For the year ended March 31" is a span of a year (P1Y, as TimeBank has it);
    "earnings for the fiscal year" is the year the text is about: the narrated one, or
    the publication's. "The latest fiscal year" is the last one completed, as "the
    latest quarter" is the last one reported.
    """
    which = (candidate.groups.get("which") or "").lower()
    mod = mod_of_part(candidate.groups.get("part"))
    owner = _OF_THE_YEAR.search(context.text, max(0, candidate.start - 20), candidate.start)
    if owner is not None and owner.group(1).lower() not in _PARTS_OF_A_YEAR:
        return None
    if _ENDED.match(context.text, candidate.end):
        return Normalized(TimeType.DURATION, "P1Y")
    if not which:
        narrated = _narrated_year(candidate, context)
        if narrated is not None:
            return normalized_date(Period(Grain.YEAR, dt.date(narrated, 1, 1)), mod,
                                   Anchor.DISCOURSE)  # fmt: skip
    if context.published is None:
        return Normalized(TimeType.DATE, None, mod)
    shift = {"": 0, "current": 0, "new": 0, "next": 1}.get(which, -1)
    period = period_of(Grain.YEAR, context.published).shift(shift)
    return normalized_date(period, mod, Anchor.PUBLICATION)


NORMALIZERS: dict[str, Normalizer] = {
    "iso": normalize_iso,
    "numeric": normalize_numeric,
    "month_day": normalize_calendar_day,
    "month_day_pair": normalize_calendar_day,
    "day_month": normalize_calendar_day,
    "month_year": normalize_month_year,
    "month": normalize_month,
    "year_range": normalize_year_range,
    "year": normalize_year,
    "year_words": normalize_year_words,
    "spelled_year": normalize_spelled_year,
    "decade": normalize_decade,
    "century": normalize_century,
    "this_century": normalize_this_century,
    "season": normalize_season,
    "half": normalize_half,
    "quarter": normalize_quarter,
    "quarter_code": normalize_quarter,
    "quarter_ref": normalize_quarter_ref,
    "quarter_rel": normalize_quarter_rel,
    "year_period": normalize_year_period,
    "fiscal_year": normalize_fiscal_year,
}
