"""Normalization of relative expressions, durations, times of day and frequencies.

The companion of ``normalize.py`` (calendar names): here are the expressions whose
value is computed from an anchor ("Monday", "last year", "two weeks ago", "the
next day", "10 p.m.") or that are not points at all ("three months", "daily").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from sitrep.extract.times import lexicon
from sitrep.extract.times.anchor import (
    Grain,
    Period,
    month_day_near,
    period_of,
    season_period,
    weekday_near,
)
from sitrep.extract.times.normalize import (
    Context,
    Normalized,
    Normalizer,
    calendar_day,
    candidate_text,
    mod_of_part,
    month_number,
    normalized_date,
    number_in,
    year_in,
)
from sitrep.extract.times.patterns import Candidate
from sitrep.models import Anchor, DateStatus, TimeType

_GRAIN_OF_UNIT = {
    "D": Grain.DAY, "W": Grain.WEEK, "WE": Grain.WEEKEND, "M": Grain.MONTH,
    "Q": Grain.QUARTER, "Y": Grain.YEAR, "DE": Grain.DECADE, "CE": Grain.CENTURY,
}  # fmt: skip
_FINENESS = [Grain.DAY, Grain.WEEKEND, Grain.WEEK, Grain.MONTH, Grain.QUARTER, Grain.SEASON,
             Grain.HALF, Grain.YEAR, Grain.DECADE, Grain.CENTURY]  # fmt: skip


def _unit(word: str | None) -> str:
    return lexicon.UNITS[re.sub(r"\s+", " ", (word or "").lower())]


def duration_value(count: float | None, unit: str) -> str:
    """A TIMEX3 duration: ``P3M``, ``PT2H``, ``P2Y6M``, ``PXY`` for an unknown count."""
    if unit == "2W":
        count, unit = (None if count is None else count * 2), "W"
    if unit in {"DE", "CE"}:
        factor = 10 if unit == "DE" else 100
        count, unit = (None if count is None else count * factor), "Y"
    is_time = unit in {"H", "MIN", "S"}
    letter = "M" if unit == "MIN" else unit
    prefix = "PT" if is_time else "P"
    if count is None:
        return f"{prefix}X{letter}"
    if count == int(count):
        return f"{prefix}{int(count)}{letter}"
    if unit == "Y":
        return (
            f"P{int(count)}Y{round((count % 1) * 12)}M" if int(count) else f"P{round(count * 12)}M"
        )
    if unit in {"H", "MIN"}:  # "5 1/2 hours" is PT5H30M, TIMEX3 has no fractions here
        smaller, factor = ("M", 60) if unit == "H" else ("S", 60)
        whole, rest = int(count), round((count % 1) * factor)
        return f"PT{whole}{letter}{rest}{smaller}" if whole else f"PT{rest}{smaller}"
    if unit == "D":
        return (
            f"P{int(count)}DT{round((count % 1) * 24)}H"
            if int(count)
            else f"PT{round(count * 24)}H"
        )
    return f"{prefix}{count:g}{letter}"


def _count(candidate: Candidate, text: str = "") -> float | None:
    """The number a duration states, None for "several" or a range ("12 to 18").

    Without a number, "the past couple of years" is two, "the past year" one and
    "the coming years" unknown.
    """
    groups = candidate.groups
    if groups.get("vague") or groups.get("number_high"):
        return None
    number_text = re.sub(r"\s+", " ", (groups.get("number") or "").lower())
    if number_text in {"half a", "a half"}:
        return 0.5
    unit = (groups.get("unit") or "").lower()
    if number_text in {"a", "an"} and unit.endswith("s"):
        return None  # "a years-long feud"
    if number_text:
        return number_in(number_text)
    if "couple" in text.lower():
        return 2.0
    return None if unit.endswith("s") else 1.0  # "the coming years": PXY


def normalize_duration(candidate: Candidate, context: Context) -> Normalized | None:
    unit = _unit(candidate.groups["unit"])
    text = candidate_text(candidate, context).lower()
    count = _count(candidate, text)
    if count is not None and "and a half" in text:
        count += 0.5
    mod = lexicon.QUANTITY_MODS.get(
        re.sub(r"\s+", " ", (candidate.groups.get("mod") or "").lower())
    )
    number_text = (candidate.groups.get("number") or "").lower()
    if number_text in {"a", "an"} and unit == "S":
        return None  # "a second time": an ordinal
    if number_text in {"a", "an"} and re.fullmatch(r"an?\s+\w+", text):
        before = context.text[max(0, candidate.start - 30) : candidate.start].lower()
        if re.search(
            r"(?:\d|million|billion|percent|%|times|twice|once|dollars|cents)\s*$", before
        ):
            return Normalized(TimeType.SET, duration_value(1, unit))  # "$5 million a year"
    if unit in {"H", "MIN", "S"} and count is not None and count > 1000:
        return None
    if count is not None and count > 10000:
        return None
    return Normalized(TimeType.DURATION, duration_value(count, unit), mod)


def normalize_bare_units(candidate: Candidate, context: Context) -> Normalized | None:
    return Normalized(TimeType.DURATION, duration_value(None, _unit(candidate.groups["unit"])))


def normalize_unit_long(candidate: Candidate, context: Context) -> Normalized | None:
    """ "A day-long meeting": one unit."""
    return Normalized(TimeType.DURATION, duration_value(1, _unit(candidate.groups["unit"])))


def normalize_window(candidate: Candidate, context: Context) -> Normalized | None:
    """Durations ending or starting now: "the past two months", "the next few years"."""
    normalized = normalize_duration(candidate, context)
    if normalized is not None and (candidate.groups.get("mod") or "").lower() in {"over", "under"}:
        return replace(normalized, mod=None)  # "over the past decade": a preposition
    return normalized


# -- offsets from an anchor ---------------------------------------------------------


def _focus(context: Context) -> Period | None:
    return context.discourse.period


def normalize_offset(candidate: Candidate, context: Context) -> Normalized | None:
    """Offsets: "two weeks ago" from the publication, "a year earlier" from the focus."""
    groups = dict(candidate.groups)
    if groups.get("unit2"):
        groups.update(unit=groups["unit2"], number=groups["number2"], mod=groups["mod2"],
                      direction=groups["direction2"], vague=None)  # fmt: skip
    unit = _unit(groups["unit"])
    direction = re.sub(r"\s+", " ", (groups["direction"] or "").lower())
    sign = -1 if direction in {"ago", "earlier", "before", "previously", "back"} else 1
    mod = lexicon.QUANTITY_MODS.get(re.sub(r"\s+", " ", (groups.get("mod") or "").lower()))
    count = None if groups.get("vague") else number_in(groups.get("number"))
    if count is None:
        return Normalized(TimeType.DATE, "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if unit in {"H", "MIN", "S"}:
        if context.published is None:
            return Normalized(TimeType.DATE, None, mod)
        return normalized_date(Period(Grain.DAY, context.published), mod, Anchor.PUBLICATION)
    grain = _GRAIN_OF_UNIT.get(unit, Grain.YEAR)
    steps = round(count) * sign
    if grain in {Grain.DECADE, Grain.CENTURY}:
        steps, grain = steps * (10 if grain is Grain.DECADE else 100), Grain.YEAR
    if grain is Grain.WEEKEND:
        grain = Grain.WEEK
    focus = _focus(context)
    from_publication = direction in {"ago", "from now", "hence", "back"}
    if focus is not None and (
        (focus.grain is Grain.QUARTER and grain is Grain.YEAR)  # "a year ago": that quarter
        or (not from_publication and _FINENESS.index(focus.grain) <= _FINENESS.index(grain))
    ):
        return _aside(normalized_date(focus.shift(steps, grain), mod, Anchor.DISCOURSE))
    if context.published is None:
        return Normalized(TimeType.DATE, None, mod)
    period = period_of(grain, context.published).shift(steps)
    return _aside(normalized_date(period, mod, Anchor.PUBLICATION))


def _aside(normalized: Normalized) -> Normalized:
    """A comparison point ("a year earlier") that does not move the narrative focus."""
    return replace(normalized, updates_focus=False)


def normalize_adjective_offset(candidate: Candidate, context: Context) -> Normalized | None:
    """The period in focus a year back: "year-earlier results", "year-ago levels"."""
    unit = _unit(candidate.groups["unit"])
    grain = _GRAIN_OF_UNIT[unit]
    focus = _focus(context)
    if focus is not None and _FINENESS.index(focus.grain) <= _FINENESS.index(grain):
        return _aside(normalized_date(focus.shift(-1, grain), None, Anchor.DISCOURSE))
    if context.published is None:
        return Normalized(TimeType.DATE, None)
    return _aside(
        normalized_date(period_of(grain, context.published).shift(-1), None, Anchor.PUBLICATION)
    )


def normalize_relative_unit(candidate: Candidate, context: Context) -> Normalized | None:
    """Units from the publication: "last year", "this month", "early next year"."""
    groups = candidate.groups
    mod = mod_of_part(groups.get("part"))
    relative = (groups["relative"] or "").lower()
    unit = (groups["unit"] or "").lower()
    if context.published is None:
        return Normalized(TimeType.DATE, None, mod)
    if relative == "past" and not mod:
        return Normalized(TimeType.DURATION, duration_value(1, _unit(unit)))
    grain = _GRAIN_OF_UNIT[_unit(unit)]
    period = period_of(grain, context.published).shift(lexicon.RELATIVE[relative])
    return normalized_date(period, mod, Anchor.PUBLICATION)


def normalize_this_earlier(candidate: Candidate, context: Context) -> Normalized | None:
    """A period, not a point in it: "earlier this month", "later that day"."""
    text = re.sub(r"\s+", " ", candidate_text(candidate, context).lower())
    unit = (candidate.groups["unit"] or "").lower()
    is_that = " that " in text
    focus = _focus(context)
    base = focus.first if is_that and focus is not None else context.published
    if base is None:
        return Normalized(TimeType.DATE, None)
    anchor = Anchor.DISCOURSE if is_that and focus is not None else Anchor.PUBLICATION
    if unit in lexicon.SEASONS:
        year = base.year + (1 if " next " in text else -1 if " last " in text else 0)
        return normalized_date(season_period(lexicon.SEASONS[unit], year), None, anchor)
    grain = {"season": Grain.SEASON}.get(unit) or _GRAIN_OF_UNIT[_unit(unit)]
    shift = 1 if " next " in text else -1 if " last " in text else 0
    return normalized_date(period_of(grain, base).shift(shift), None, anchor)


def normalize_discourse_day(candidate: Candidate, context: Context) -> Normalized | None:
    """From the period being narrated: "the next day", "that year", "the day before"."""
    groups = candidate.groups
    which = re.sub(r"\s+", " ", (groups.get("which") or groups.get("which_day") or "").lower())
    unit = (groups.get("unit") or "day").lower()
    grain = {"week": Grain.WEEK, "month": Grain.MONTH, "year": Grain.YEAR}.get(unit, Grain.DAY)
    shift = 0
    if which in {"the next", "the following", "the day after"}:
        shift = 1
    elif which in {"the previous", "the preceding", "the prior", "the day before"}:
        shift = -1
    focus = _focus(context)
    if focus is not None and _FINENESS.index(focus.grain) <= _FINENESS.index(grain):
        base, anchor = focus.first, Anchor.DISCOURSE
    elif which in {"that", "the same", "earlier that", "later that"} or context.published is None:
        return None if which == "that" else Normalized(TimeType.DATE, None)
    else:
        base, anchor = context.published, Anchor.PUBLICATION
    period = period_of(grain, base).shift(shift)
    return _day_part(normalized_date(period, None, anchor), unit)


def _day_part(normalized: Normalized, word: str | None) -> Normalized:
    """A day with its part as a TIME: "Friday morning" is "2013-09-27TMO".

    The TIMEX3 guidelines' value. TimeBank/AQUAINT gold is split evenly on "<weekday>
    <part of day>": 15 TIME values with the part, 15 plain dates (counted over all
    256 files), so the guidelines decide. For "night" the gold has TNI 7 times, TEV 2.
    """
    code = lexicon.DAY_PARTS.get((word or "").lower())
    if not code or normalized.value is None or normalized.period is None:
        return normalized
    if normalized.period.grain is not Grain.DAY:
        return normalized
    return Normalized(TimeType.TIME, f"{normalized.value}T{code}", normalized.mod,
                      normalized.anchor, normalized.period)  # fmt: skip


# -- days ---------------------------------------------------------------------------


_POSSESSIVE = re.compile(r"['’]s\b")


def normalize_weekday(candidate: Candidate, context: Context) -> Normalized | None:
    groups = candidate.groups
    weekday = lexicon.WEEKDAYS[(groups["weekday"] or "").lower().rstrip(".")]
    relative = (groups.get("relative") or "").lower()
    mod = mod_of_part(groups.get("part"))
    published = context.published
    if published is None:
        return Normalized(TimeType.DATE, f"XXXX-WXX-{weekday}", mod)
    if relative in {"last", "past"}:
        day = published - dt.timedelta(days=(published.isoweekday() - weekday - 1) % 7 + 1)
    elif relative in {"next", "coming"}:
        day = published + dt.timedelta(days=(weekday - published.isoweekday() - 1) % 7 + 1)
    elif relative == "this":
        day = published + dt.timedelta(days=weekday - published.isoweekday())
    elif _POSSESSIVE.match(context.text, candidate.end):
        # "Wednesday's ruling" names an event already reported: in TimeBank/AQUAINT
        # 17 possessive weekdays are 12 days before the publication, 5 the same day.
        day = weekday_near(published, weekday, DateStatus.PAST)
    else:
        day = weekday_near(published, weekday, context.status(candidate))
    return _day_part(
        normalized_date(Period(Grain.DAY, day), mod, Anchor.PUBLICATION), groups.get("day_part")
    )


def normalize_discourse_weekday(candidate: Candidate, context: Context) -> Normalized | None:
    """ "The previous Friday", "the following Monday": counted from the day in focus."""
    groups = candidate.groups
    weekday = lexicon.WEEKDAYS[(groups["weekday"] or "").lower().rstrip(".")]
    focus = _focus(context)
    if focus is not None and focus.grain is Grain.DAY:
        base, anchor = focus.first, Anchor.DISCOURSE
    elif context.published is not None:
        base, anchor = context.published, Anchor.PUBLICATION
    else:
        return Normalized(TimeType.DATE, None)
    if (groups["which"] or "").lower() in {"following", "next"}:
        day = base + dt.timedelta(days=(weekday - base.isoweekday() - 1) % 7 + 1)
    else:
        day = base - dt.timedelta(days=(base.isoweekday() - weekday - 1) % 7 + 1)
    return normalized_date(Period(Grain.DAY, day), None, anchor)


def normalize_deictic(candidate: Candidate, context: Context) -> Normalized | None:
    groups = candidate.groups
    word = re.sub(r"\s+", " ", (groups["deictic"] or "").lower())
    mod = mod_of_part(groups.get("part"))
    if context.published is None:
        return Normalized(TimeType.DATE, "PRESENT_REF" if word == "today" else None, mod)
    day = context.published + dt.timedelta(days=lexicon.DEICTIC_DAYS[word])
    normalized = normalized_date(Period(Grain.DAY, day), mod, Anchor.PUBLICATION)
    part = groups.get("day_part") or ("night" if word == "tonight" else None)
    return _day_part(normalized, part)


def normalize_last_night(candidate: Candidate, context: Context) -> Normalized | None:
    relative = (candidate.groups["relative"] or "").lower()
    if context.published is None:
        return Normalized(TimeType.TIME, None)
    offset = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(relative, 0)
    deictic = (candidate.groups.get("deictic") or "").lower()
    if deictic:  # "mid-afternoon yesterday"
        offset = lexicon.DEICTIC_DAYS[deictic]
    day = context.published + dt.timedelta(days=offset)
    if relative == "last" and (candidate.groups["day_part"] or "").lower() != "night":
        return None  # "last evening" is rare; "last morning" is not an expression
    mod = mod_of_part(relative)  # "mid afternoon", "late evening"
    return _day_part(normalized_date(Period(Grain.DAY, day), mod, Anchor.PUBLICATION),
                     candidate.groups["day_part"])  # fmt: skip


def normalize_week_of(candidate: Candidate, context: Context) -> Normalized | None:
    groups = candidate.groups
    month, day_number = month_number(groups["month"]), int(groups["day"] or 0)
    year = year_in(groups.get("year"))
    anchor = Anchor.NONE  # "the week of September 23, 2013" needs no anchor
    try:
        if year is not None:
            day = dt.date(year, month, day_number)
        elif context.published is not None:
            found = month_day_near(context.published, month, day_number, context.status(candidate))
            if found is None:
                return Normalized(TimeType.DATE, None)
            day, anchor = found, Anchor.PUBLICATION
        else:
            return Normalized(TimeType.DATE, None)
    except ValueError:
        return Normalized(TimeType.DATE, None)
    return normalized_date(period_of(Grain.WEEK, day), None, anchor)


def normalize_clock(candidate: Candidate, context: Context) -> Normalized | None:
    groups = candidate.groups
    if groups.get("named"):
        clock = lexicon.DAY_PARTS[(groups["named"] or "").lower()]
    else:
        hour = int(groups.get("hour") or groups.get("hour24") or 0)
        minute = int(groups.get("minute") or groups.get("minute24") or 0)
        ampm = (groups.get("ampm") or "").lower()
        before = context.text[max(0, candidate.start - 6) : candidate.start].lower()
        if ampm in {"am", "pm"} and not groups.get("minute") and not before.endswith("at "):
            return None  # "Group 2 am", a line break before "am": too often not a time
        if ampm:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if ampm.startswith("p") else 0)
        clock = f"{hour:02d}:{minute:02d}"
    published = context.published
    weekday_name = groups.get("weekday") or groups.get("named_weekday")
    deictic = groups.get("deictic") or groups.get("named_deictic")
    stated = None
    if groups.get("month"):  # "5 p.m. EST Nov. 9, 2013": a stated day needs no anchor
        month, day_number = month_number(groups["month"]), int(groups["day"] or 0)
        stated = calendar_day(year_in(groups.get("year")), month, day_number)
    if stated is not None:
        day, anchor = stated, Anchor.NONE
    elif published is None:
        return Normalized(TimeType.TIME, f"XXXX-XX-XXT{clock}")
    elif groups.get("month"):  # "5 p.m. EST Nov. 9"
        found = month_day_near(published, month, day_number, context.status(candidate))
        if found is None:
            return Normalized(TimeType.TIME, None)
        day, anchor = found, Anchor.PUBLICATION
    elif weekday_name:
        weekday = lexicon.WEEKDAYS[weekday_name.lower().rstrip(".")]
        day, anchor = (
            weekday_near(published, weekday, context.status(candidate)),
            Anchor.PUBLICATION,
        )
    elif deictic:
        day = published + dt.timedelta(days=lexicon.DEICTIC_DAYS[deictic.lower()])
        anchor = Anchor.PUBLICATION
    else:
        focus = _focus(context)
        if focus is not None and focus.grain is Grain.DAY:
            day, anchor = focus.first, Anchor.DISCOURSE  # the day the text is narrating
        else:
            day, anchor = published, Anchor.PUBLICATION
    return Normalized(TimeType.TIME, f"{day.isoformat()}T{clock}", None, anchor,
                      Period(Grain.DAY, day))  # fmt: skip


def normalize_holiday(candidate: Candidate, context: Context) -> Normalized | None:
    name = re.sub(r"\s+", " ", (candidate.groups["holiday"] or "").lower().replace("’", "'"))
    year = year_in(candidate.groups.get("year"))
    anchor = Anchor.NONE
    if year is None:
        if context.published is None:
            return Normalized(TimeType.DATE, None)
        year, anchor = context.published.year, Anchor.PUBLICATION
    day = _holiday(name, year)
    if day is None:
        return Normalized(TimeType.DATE, None)
    relative = (candidate.groups.get("relative") or "").lower()
    if anchor is Anchor.PUBLICATION and context.published is not None and relative:
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(relative, 0)
        if step < 0 and day >= context.published:  # "last Thanksgiving": the one before
            day = _holiday(name, year - 1) or day
        elif step > 0 and day <= context.published:
            day = _holiday(name, year + 1) or day
    elif anchor is Anchor.PUBLICATION and context.published is not None:
        status = context.status(candidate)
        if status is DateStatus.PAST and day > context.published:
            day = _holiday(name, year - 1) or day
        elif status is DateStatus.FUTURE and day < context.published:
            day = _holiday(name, year + 1) or day
    return normalized_date(Period(Grain.DAY, day), None, anchor)


def _holiday(name: str, year: int) -> dt.date | None:
    if name in lexicon.FIXED_HOLIDAYS:
        month, day = lexicon.FIXED_HOLIDAYS[name]
        return dt.date(year, month, day)
    if name in lexicon.EASTER_HOLIDAYS:
        return easter_sunday(year) + dt.timedelta(days=lexicon.EASTER_HOLIDAYS[name])
    if name in lexicon.WEEKDAY_HOLIDAYS:
        month, weekday, nth = lexicon.WEEKDAY_HOLIDAYS[name]
        if nth > 0:
            first = dt.date(year, month, 1)
            offset = (weekday - first.isoweekday()) % 7
            return first + dt.timedelta(days=offset + 7 * (nth - 1))
        last = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    return None


def easter_sunday(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_century, century_rest = divmod(century, 4)
    correction = (century + 8) // 25
    moon = (century - correction + 1) // 3
    epact = (19 * golden + century - leap_century - moon + 15) % 30
    leap_year, year_rest = divmod(year_of_century, 4)
    weekday = (32 + 2 * century_rest + 2 * leap_year - epact - year_rest) % 7
    offset = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * offset + 114, 31)
    return dt.date(year, month, day + 1)


# -- sets and vague references ------------------------------------------------------


def normalize_frequency(candidate: Candidate, context: Context) -> Normalized | None:
    word = candidate_text(candidate, context).lower()
    return Normalized(TimeType.SET, lexicon.FREQUENCIES[word])


def normalize_every(candidate: Candidate, context: Context) -> Normalized | None:
    groups = candidate.groups
    if groups.get("weekday"):
        weekday = lexicon.WEEKDAYS[(groups["weekday"] or "").lower().rstrip(".")]
        return Normalized(TimeType.SET, f"XXXX-WXX-{weekday}")
    if groups.get("month"):
        return Normalized(TimeType.SET, f"XXXX-{month_number(groups['month']):02d}")
    if groups.get("season"):
        return Normalized(TimeType.SET, f"XXXX-{lexicon.SEASONS[(groups['season'] or '').lower()]}")
    count = number_in(groups.get("number")) or 1.0
    if "other" in candidate_text(candidate, context).lower():
        count *= 2
    return Normalized(TimeType.SET, duration_value(count, _unit(groups["unit"])))


def normalize_times_per(candidate: Candidate, context: Context) -> Normalized | None:
    return Normalized(TimeType.SET, duration_value(1, _unit(candidate.groups["unit"])))


def normalize_vague(candidate: Candidate, context: Context) -> Normalized | None:
    text = re.sub(r"\s+", " ", candidate_text(candidate, context).lower())
    value = lexicon.VAGUE.get(text) or lexicon.VAGUE.get(text.removeprefix("the "))
    if value is None:
        if "future" in text or "ahead" in text or "coming" in text:
            value = "FUTURE_REF"
        elif "past" in text or "recent" in text or "old days" in text:
            value = "PAST_REF"
        else:
            value = "PRESENT_REF"
    return Normalized(TimeType.DURATION if value.startswith("PX") else TimeType.DATE, value)


def normalize_weekend(candidate: Candidate, context: Context) -> Normalized | None:
    """The weekend just past in a past clause, the coming one otherwise."""
    published = context.published
    if published is None:
        return Normalized(TimeType.DATE, "XXXX-WXX-WE")
    saturday = weekday_near(published, 6, context.status(candidate))
    return normalized_date(
        Period(Grain.WEEKEND, saturday - dt.timedelta(days=5)), None, Anchor.PUBLICATION
    )


RELATIVE_NORMALIZERS: dict[str, Normalizer] = {
    "weekend": normalize_weekend,
    "duration": normalize_duration,
    "window": normalize_window,
    "bare_units": normalize_bare_units,
    "decades_long": normalize_bare_units,
    "unit_long": normalize_unit_long,
    "offset": normalize_offset,
    "adjective_offset": normalize_adjective_offset,
    "relative_unit": normalize_relative_unit,
    "this_earlier": normalize_this_earlier,
    "discourse_day": normalize_discourse_day,
    "weekday": normalize_weekday,
    "discourse_weekday": normalize_discourse_weekday,
    "deictic": normalize_deictic,
    "last_night": normalize_last_night,
    "week_of": normalize_week_of,
    "clock": normalize_clock,
    "holiday": normalize_holiday,
    "frequency": normalize_frequency,
    "every": normalize_every,
    "times_per": normalize_times_per,
    "vague": normalize_vague,
}
