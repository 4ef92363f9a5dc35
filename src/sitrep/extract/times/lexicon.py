"""The words of English temporal expressions, as data tables.

Everything the recognizer (``patterns.py``) matches and the normalizer
(``anchor.py``) looks up lives here, so that supporting a new word is one line.
Keys are lower case; a word that is also an ordinary English word ("may", "march",
"sun") is listed in ``CAPITALIZED_ONLY`` and only matches when capitalized.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {  # ISO: Monday is 1
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}  # fmt: skip

# Abbreviations only count with their full stop ("Wed." but not "wed"), and these
# words only when capitalized ("May", not the verb "may").
ABBREVIATIONS = frozenset(
    name for name in (*MONTHS, *WEEKDAYS) if len(name) <= 4 and name not in {"may", "june", "july"}
)
CAPITALIZED_ONLY = frozenset({"may", "march", "mar", "sat", "sun", "wed", "jan", "dec"})

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip

NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2,
    "couple of": 2, "a pair of": 2, "half a": 0, "a half": 0,
}  # fmt: skip
# Quantities that are not a number: "several years" is PXY.
VAGUE_NUMBERS = frozenset({"several", "a few", "few", "some", "many", "a number of", "couple"})

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "last": -1, "final": -1,
}  # fmt: skip

# Calendar units: the TIMEX3 duration letter and whether it is a time-of-day unit
# (written after "T": PT3H), with singular and plural forms.
UNITS: dict[str, str] = {
    "second": "S", "seconds": "S", "minute": "MIN", "minutes": "MIN", "hour": "H",
    "hours": "H", "day": "D", "days": "D", "night": "D", "nights": "D", "week": "W",
    "weeks": "W", "fortnight": "2W", "fortnights": "2W", "month": "M", "months": "M",
    "quarter": "Q", "quarters": "Q", "year": "Y", "years": "Y", "decade": "DE",
    "decades": "DE", "century": "CE", "centuries": "CE", "weekend": "WE", "weekends": "WE",
}  # fmt: skip

# "daily" and friends: SET expressions with their period.
FREQUENCIES: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "monthly": "P1M", "quarterly": "P3M", "annual": "P1Y", "annually": "P1Y",
    "yearly": "P1Y", "biannual": "P6M", "semiannual": "P6M", "semi-annual": "P6M",
}  # fmt: skip

# Words that refer vaguely to the present, the past or the future.
VAGUE: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
    "presently": "PRESENT_REF", "at the moment": "PRESENT_REF", "right now": "PRESENT_REF",
    "so far": "PRESENT_REF", "to date": "PRESENT_REF", "the present": "PRESENT_REF",
    "immediately": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF",
    "lately": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
    "earlier": "PAST_REF", "once": "PAST_REF", "in the past": "PAST_REF",
    "the past": "PAST_REF", "past": "PAST_REF", "the old days": "PAST_REF",
    "years ago": "PAST_REF", "soon": "FUTURE_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "eventually": "FUTURE_REF", "later": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    # "recent years", "the coming weeks", "the months ahead": a stretch of unknown
    # length ending or starting now, a DURATION "PX<unit>" (TimeML's convention for
    # "the past few years"). TimeBank/AQUAINT gold for these plural-unit phrases,
    # counted over all 256 files: PX<unit> 10 times (recent months 2, recent years 2,
    # recent weeks 1, recent days 1, coming/ahead weeks 3, coming years 1), PAST_REF
    # or FUTURE_REF 6 times (recent years 3, recent days 1, coming months 1, coming
    # quarters 1). Quarters and decades keep the vague reference: "PXQ" is not used.
    **{
        f"{lead}{unit}{tail}": f"PX{unit[0].upper()}"
        for unit in ("years", "months", "weeks", "days")
        for lead, tail in (("recent ", ""), ("coming ", ""), ("", " ahead"))
    },
}  # fmt: skip
# Of the vague words, those that need context to be temporal at all: "earlier" and
# "later" only at the end of a clause ("he said earlier."), "once" and "past" never
# alone. They are matched by dedicated patterns, not as bare words.
VAGUE_NEEDS_CONTEXT = frozenset({"earlier", "later", "once", "past", "immediately", "future"})

# Day offsets of the deictic words.
DEICTIC_DAYS: dict[str, int] = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip

# Parts of the day: TIMEX3 codes.
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "MI", "noon": "12:00", "midnight": "24:00",
    "dawn": "MO", "dusk": "EV",
}  # fmt: skip

# Relative words before a unit or name: their direction (-1 past, 0 current, +1 next).
RELATIVE: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "this": 0, "current": 0,
    "present": 0, "next": 1, "coming": 1, "following": 1, "upcoming": 1,
}  # fmt: skip

# Part-of-period modifiers and the TIMEX3 mod they state.
PART_MODS: dict[str, str] = {
    "early": "START", "the beginning of": "START", "the start of": "START",
    "the first days of": "START", "the dawn of": "START", "the turn of": "START",
    "beginning of": "START", "start of": "START",
    "mid": "MID", "mid-": "MID", "middle": "MID", "the middle of": "MID",
    "the mid-": "MID", "the height of": "MID",
    "late": "END", "the end of": "END", "end of": "END", "the close of": "END",
    "the last days of": "END", "end-": "END",
}  # fmt: skip
# Quantity modifiers and the TIMEX3 mod they state.
QUANTITY_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "fewer than": "LESS_THAN", "under": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}  # fmt: skip
# Prepositions that make an open interval of a point, and the mod they state.
BOUND_MODS: dict[str, str] = {
    "since": "ON_OR_AFTER", "from": "ON_OR_AFTER", "starting": "ON_OR_AFTER",
    "starting in": "ON_OR_AFTER", "beginning in": "ON_OR_AFTER", "as of": "ON_OR_AFTER",
    "after": "AFTER", "later than": "AFTER", "before": "BEFORE", "earlier than": "BEFORE",
    "prior to": "BEFORE", "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE",
    "up to": "ON_OR_BEFORE", "up until": "ON_OR_BEFORE", "through": "ON_OR_BEFORE",
    "by": "ON_OR_BEFORE", "no later than": "ON_OR_BEFORE", "not later than": "ON_OR_BEFORE",
}  # fmt: skip

# Holidays on a fixed day of the year (month, day).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "valentine's day": (2, 14), "halloween": (10, 31), "independence day": (7, 4),
    "veterans day": (11, 11), "armistice day": (11, 11), "may day": (5, 1),
    "bastille day": (7, 14), "year-end": (12, 31), "year end": (12, 31),
}  # fmt: skip
# Holidays on the Nth weekday of a month: (month, ISO weekday, N; -1 for the last).
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1), "martin luther king day": (1, 1, 3),
    "presidents day": (2, 1, 3), "presidents' day": (2, 1, 3),
}  # fmt: skip
EASTER_HOLIDAYS: dict[str, int] = {  # days from Easter Sunday
    "easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2,
}  # fmt: skip
