"""extract_times on sentences of our own: recognition, TIMEX3 values, anchoring, bad input.

Every case is (publication date, text, the expression, type, value, mod). The
publication dates are chosen for their weekday: 2013-09-28 is a Saturday,
2021-08-23 a Monday.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.times import Anchor, TimeExpression, TimeType, extract_times
from sitrep.extract.times.relative import easter_sunday
from sitrep.report.dossier import expression_record

SAT = dt.date(2013, 9, 28)
MON = dt.date(2021, 8, 23)
LATER = dt.date(2025, 3, 14)

DATE, TIME, DURATION, SET = TimeType.DATE, TimeType.TIME, TimeType.DURATION, TimeType.SET


def _find(found: tuple[TimeExpression, ...], phrase: str) -> TimeExpression:
    for expression in found:
        if expression.text == phrase:
            return expression
        for part in expression.parts:
            if part.text == phrase:
                return part
    raise AssertionError(f"{phrase!r} not among {[e.text for e in found]}")


CASES = [
    # weekdays: the tense decides the direction; the publication day itself counts
    (SAT, "The ministers met on Monday in Sochi.", "Monday", DATE, "2013-09-23", None),
    (SAT, "The ministers will meet on Monday in Sochi.", "Monday", DATE, "2013-09-30", None),
    (SAT, "Talks are scheduled for Tuesday.", "Tuesday", DATE, "2013-10-01", None),
    (SAT, "He said on Friday that talks had failed.", "Friday", DATE, "2013-09-27", None),
    (SAT, "The summit ended last Saturday.", "last Saturday", DATE, "2013-09-21", None),
    (MON, "Putin will take part in the session on Monday.", "Monday", DATE, "2021-08-23", None),
    (MON, "The leaders met on Monday.", "Monday", DATE, "2021-08-23", None),
    (SAT, "Shots were heard on Friday morning.", "Friday morning", TIME, "2013-09-27TMO", None),
    # deictic words and units relative to the publication date
    (SAT, "The plan was announced yesterday.", "yesterday", DATE, "2013-09-27", None),
    (SAT, "It rained heavily last night.", "last night", TIME, "2013-09-27TNI", None),
    (LATER, "Last year the army bought new rifles.", "Last year", DATE, "2024", None),
    (SAT, "Exercises will take place next month.", "next month", DATE, "2013-10", None),
    (SAT, "A deal was struck earlier this month.", "earlier this month", DATE, "2013-09", None),
    (SAT, "This year the budget grew.", "This year", DATE, "2013", None),
    (SAT, "Prices fell last week.", "last week", DATE, "2013-W38", None),
    (SAT, "Elections are due early next year.", "early next year", DATE, "2014", "START"),
    (SAT, "Troops crossed the border in late June.", "late June", DATE, "2013-06", "END"),
    (SAT, "It was signed two weeks ago.", "two weeks ago", DATE, "2013-W37", None),
    (SAT, "It was signed three years ago.", "three years ago", DATE, "2010", None),
    # months and days without a year: publication date and tense
    (SAT, "In September the talks failed.", "September", DATE, "2013-09", None),
    (SAT, "The summit will be held in November.", "November", DATE, "2013-11", None),
    (SAT, "The treaty was signed in November.", "November", DATE, "2012-11", None),
    (SAT, "On April 11 the secretary general visited Dushanbe.", "April 11", DATE,
     "2013-04-11", None),
    (SAT, "The offer had been set to expire Oct. 6.", "Oct. 6", DATE, "2013-10-06", None),
    # explicit dates in every common form
    (SAT, "It was adopted on 23 September 2013.", "23 September 2013", DATE, "2013-09-23", None),
    (SAT, "It was adopted on September 23, 2013.", "September 23, 2013", DATE,
     "2013-09-23", None),
    (SAT, "It was adopted on Monday, Sept. 23, 2013.", "Monday, Sept. 23, 2013", DATE,
     "2013-09-23", None),
    (SAT, "Filed 2013-09-23 by the clerk.", "2013-09-23", DATE, "2013-09-23", None),
    (SAT, "Signed on 23.09.2013 in Sochi.", "23.09.2013", DATE, "2013-09-23", None),
    (SAT, "It was adopted in November 2012.", "November 2012", DATE, "2012-11", None),
    (SAT, "Troops will leave in 2014.", "2014", DATE, "2014", None),
    (SAT, "Prices peaked in the 1990s.", "the 1990s", DATE, "199", None),
    (SAT, "Prices peaked in the late 1970s.", "the late 1970s", DATE, "197", "END"),
    (SAT, "Music of the '90s was loud.", "the '90s", DATE, "199", None),
    (SAT, "The border dates from the 19th century.", "the 19th century", DATE, "18", None),
    (SAT, "The offensive began in summer 2012.", "summer 2012", DATE, "2012-SU", None),
    (SAT, "The offensive will begin this summer.", "this summer", DATE, "2013-SU", None),
    (SAT, "Profit rose in the third quarter.", "the third quarter", DATE, "2013-Q3", None),
    (SAT, "Profit rose in the fourth quarter of 2012.", "the fourth quarter of 2012", DATE,
     "2012-Q4", None),
    (SAT, "Profit rose in the first half of 2012.", "the first half of 2012", DATE,
     "2012-H1", None),
    (SAT, "The blast came at 14:07 GMT.", "14:07 GMT", TIME, "2013-09-28T14:07", None),
    (SAT, "The blast came at 10 p.m. Monday.", "10 p.m. Monday", TIME, "2013-09-23T22:00", None),
    (SAT, "It will reach Kabul by Christmas.", "Christmas", DATE, "2013-12-25", None),
    (SAT, "The deadline is the end of 2013.", "the end of 2013", DATE, "2013", "END"),
    # durations, sets and vague references
    (SAT, "They signed a three-month contract.", "three-month", DURATION, "P3M", None),
    (SAT, "He served for two years.", "two years", DURATION, "P2Y", None),
    (SAT, "It took 2 1/2 years.", "2 1/2 years", DURATION, "P2Y6M", None),
    (SAT, "It lasted several years.", "several years", DURATION, "PXY", None),
    (SAT, "They were held for 48 hours.", "48 hours", DURATION, "PT48H", None),
    (SAT, "It lasted about five hours.", "five hours", DURATION, "PT5H", "APPROX"),
    (SAT, "Prices rose over the past two months.", "the past two months", DURATION, "P2M", None),
    (SAT, "The annual drills start soon.", "annual", SET, "P1Y", None),
    (SAT, "Patrols go out every week.", "every week", SET, "P1W", None),
    (SAT, "They meet twice a year.", "twice a year", SET, "P1Y", None),
    (SAT, "Flights leave every Monday.", "every Monday", SET, "XXXX-WXX-1", None),
    (SAT, "The situation is tense now.", "now", DATE, "PRESENT_REF", None),
    (SAT, "Clashes have recently increased.", "recently", DATE, "PAST_REF", None),
    (SAT, "It may change in the future.", "the future", DATE, "FUTURE_REF", None),
    (SAT, "Attacks grew in recent months.", "recent months", DURATION, "PXM", None),
    (SAT, "Talks resume in the coming weeks.", "the coming weeks", DURATION, "PXW", None),
    (SAT, "Prices rose over the past year.", "the past year", DURATION, "P1Y", None),
    (SAT, "It rose over the past decade.", "the past decade", DURATION, "P10Y", None),
    (SAT, "The flight took 5 1/2 hours.", "5 1/2 hours", DURATION, "PT5H30M", None),
    # classes fitted on TimeBank conventions
    (SAT, "Rebels rejected Wednesday's offer.", "Wednesday", DATE, "2013-09-25", None),
    (SAT, "They said they would meet the ministers Tuesday.", "Tuesday", DATE,
     "2013-10-01", None),
    (SAT, "The offer had been due to expire Friday evening.", "Friday evening", TIME,
     "2013-09-27TEV", None),
    (SAT, "The new rules take hold, effective Feb. 1.", "Feb. 1", DATE, "2014-02-01", None),
    (SAT, "On Wednesday shares fell 2% from the previous Friday.", "the previous Friday", DATE,
     "2013-09-20", None),
    (SAT, "The offer runs until 5 p.m. EST Oct. 9.", "5 p.m. EST Oct. 9", TIME,
     "2013-10-09T17:00", None),
    (SAT, "Talks broke off at noon Thursday.", "noon Thursday", TIME, "2013-09-26T12:00", None),
    (SAT, "Shares rose mid-afternoon yesterday.", "mid-afternoon yesterday", TIME,
     "2013-09-27TAF", "MID"),
    (SAT, "He arrived last Christmas.", "last Christmas", DATE, "2012-12-25", None),
    (SAT, "Profit rose in the third quarter, from $3 million in the 1988 quarter.",
     "the 1988 quarter", DATE, "1988-Q3", None),
    # spoken years, halves, pairs of days, fractions of a unit
    (SAT, "Oil last sold that cheaply in the winter of nineteen ninety-four.",
     "winter of nineteen ninety-four", DATE, "1994-WI", None),
    (SAT, "She was first elected in nineteen seventy-nine.", "nineteen seventy-nine", DATE,
     "1979", None),
    (SAT, "Margins should widen in the last half of 2014.", "the last half of 2014", DATE,
     "2014-H2", None),
    (SAT, "The ministers will meet on April 24 and 25.", "25", DATE, "2014-04-25", None),
    (SAT, "A minute and a half later the engine failed.", "A minute and a half", DURATION,
     "PT1M30S", None),
    (SAT, "Their third day-long session ended.", "day-long", DURATION, "P1D", None),
    (SAT, "It was a years-long feud.", "a years-long", DURATION, "PXY", None),
    (SAT, "Exports grew for the first time in years.", "years", DURATION, "PXY", None),
    (SAT, "Over the summer, the rebels regrouped.", "summer", DATE, "2013-SU", None),
    # "the year": the year reported on, or twelve months ending on a stated day
    (SAT, "Revenue was $7 million for the year ended March 31.", "the year", DURATION, "P1Y",
     None),
    (SAT, "Earnings will be lower for the fiscal year.", "the fiscal year", DATE, "2013", None),
    (SAT, "Sales fell in the latest fiscal year.", "the latest fiscal year", DATE, "2012", None),
    (SAT, "Costs must fall 5% by the end of the year.", "the end of the year", DATE, "2013",
     "END"),
    (SAT, "The merger should close by year-end.", "year-end", DATE, "2013-12-31", None),
    (SAT, "The index is up 4% since year-end.", "year-end", DATE, "2012-12-31", None),
    (SAT, "Nobody expects relief in the near term.", "the near term", DATE, "FUTURE_REF", None),
    (SAT, "Results for that quarter included a write-down.", "that quarter", DATE, "2013-Q2",
     None),
    # tense cues: "set on" is no plan, "would still" is still the future
    (dt.date(2013, 2, 6), "The index hovered near the record high set on Aug. 6.", "Aug. 6",
     DATE, "2012-08-06", None),
    (dt.date(2013, 2, 10), "He added that the summit would still be held on April 24.",
     "April 24", DATE, "2013-04-24", None),
    # a period after "after" or "before" bounds the story; it is not the one narrated
    (SAT, "Profit rose in the third quarter. After a weak second quarter, sales recovered. "
     "Costs were lower than in the year-earlier period.", "the year-earlier period", DATE,
     "2012-Q3", None),
]  # fmt: skip


@pytest.mark.parametrize(("published", "text", "phrase", "kind", "value", "mod"), CASES)
def test_times_normalizes_and_anchors(
    published: dt.date,
    text: str,
    phrase: str,
    kind: TimeType,
    value: str,
    mod: str | None,
) -> None:
    found = _find(extract_times(text, published), phrase)
    assert (found.type, found.value, found.mod) == (kind, value, mod)
    assert text[found.start : found.end] == found.text


INTERVALS = [
    # (text, interval text, value, begin, end, mod)
    ("Deliveries are planned for 2026-2027.", "2026-2027", "2026/2027", "2026", "2027", None),
    ("The third stage runs from 2027 to 2029.", "from 2027 to 2029", "2027/2029", "2027",
     "2029", None),
    ("Fighting raged between May and July.", "between May and July", "2013-05/2013-07",
     "2013-05", "2013-07", None),
    ("The programme has been developed since 2013.", "since 2013", "2013", "2013", None,
     "ON_OR_AFTER"),
    ("Military cooperation up to 2020 was agreed.", "up to 2020", "2020", None, "2020",
     "ON_OR_BEFORE"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "phrase", "value", "begin", "end", "mod"), INTERVALS)
def test_times_builds_intervals(
    text: str, phrase: str, value: str, begin: str | None, end: str | None, mod: str | None
) -> None:
    found = _find(extract_times(text, SAT), phrase)
    assert (found.value, found.begin_value, found.end_value, found.mod) == (
        value, begin, end, mod,
    )  # fmt: skip
    assert found.is_interval
    for part in found.parts:
        assert text[part.start : part.end] == part.text


def test_times_interval_parts_keep_their_offsets() -> None:
    text = "The third stage runs from 2027 to 2029."
    (interval,) = extract_times(text, SAT)
    assert [(part.text, part.value) for part in interval.parts] == [
        ("2027", "2027"),
        ("2029", "2029"),
    ]


def test_times_comparison_is_not_an_interval() -> None:
    text = "Profit was $5 million in the third quarter, up from $4 million a year earlier."
    found = _find(extract_times(text, SAT), "a year earlier")
    assert found.value == "2012-Q3"  # the quarter in focus, a year back
    assert not found.is_interval


def test_times_narrated_year_anchors_month_days() -> None:
    text = "In 1946, Churchill travelled to Missouri. On March 5, he spoke in Fulton."
    found = _find(extract_times(text, SAT), "March 5")
    assert (found.value, found.anchor) == ("1946-03-05", Anchor.DISCOURSE)


def test_times_mentioned_year_does_not_anchor_month_days() -> None:
    text = "Sales were flat in 2010, the company said on March 5."
    assert _find(extract_times(text, SAT), "March 5").value == "2013-03-05"


def test_times_relative_to_narrated_day() -> None:
    text = "The ministers met on Monday. The day before, envoys had prepared the text."
    assert _find(extract_times(text, SAT), "The day before").value == "2013-09-22"


def test_times_keeps_granularity() -> None:
    found = extract_times("Troops will leave in 2014, officials said.", SAT)
    assert [expression.value for expression in found] == ["2014"]


UNANCHORED = [
    ("The leaders met on Monday.", "Monday", "XXXX-WXX-1"),
    ("In September the talks failed.", "September", "XXXX-09"),
    ("Talks resume on April 11.", "April 11", "XXXX-04-11"),
    ("Prices fell last year.", "last year", None),
    ("The treaty was signed in 2002.", "2002", "2002"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), UNANCHORED)
def test_times_without_publication_date(text: str, phrase: str, value: str | None) -> None:
    assert _find(extract_times(text, None), phrase).value == value


def test_times_flags_inferred_anchor() -> None:
    found = extract_times("They met on Monday in 2013.", SAT, published_is_inferred=True)
    assert _find(found, "Monday").anchored_to_inferred
    assert not _find(found, "2013").anchored_to_inferred


@pytest.mark.parametrize(
    ("text", "phrase", "anchor"),
    [
        ("Talks are set for the week of September 23, 2013.", "the week of September 23, 2013",
         Anchor.NONE),
        ("Talks are set for the week of September 30.", "the week of September 30",
         Anchor.PUBLICATION),
        ("Polls close at 5 p.m. EST Nov. 9, 2013.", "5 p.m. EST Nov. 9, 2013", Anchor.NONE),
        ("Polls close at 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", Anchor.PUBLICATION),
        ("The plan runs from 2013 until next year.", "from 2013 until next year",
         Anchor.PUBLICATION),
        ("The plan runs from 2013 to 2016.", "from 2013 to 2016", Anchor.NONE),
    ],
)  # fmt: skip
def test_times_only_relative_expressions_are_anchored(
    text: str, phrase: str, anchor: Anchor
) -> None:
    found = _find(extract_times(text, SAT, published_is_inferred=True), phrase)
    assert found.anchor is anchor
    assert found.anchored_to_inferred is (anchor is Anchor.PUBLICATION)
    if anchor is Anchor.NONE:  # a stated date keeps its value without a publication date
        assert _find(extract_times(text, None), phrase).value == found.value


IMPOSSIBLE = [
    ("The treaty was signed on February 30.", "February 30"),
    ("The treaty was signed on February 30, 2013.", "February 30, 2013"),
    ("Filed 2013-02-30 by the clerk.", "2013-02-30"),
]


@pytest.mark.parametrize(("text", "phrase"), IMPOSSIBLE)
def test_times_impossible_dates_have_no_value(text: str, phrase: str) -> None:
    assert _find(extract_times(text, SAT), phrase).value is None


NOT_TIMES = [
    "The army sent 2000 troops to the border.",
    "The bill cost $1999 in total.",
    "He may march on the capital and spring a surprise.",
    "The meeting took place in Eastern Europe.",
    "Population: 3012 inhabitants, 1,998 households.",
    "The index closed at 1987.6, down 2%.",
    "The quarter-to-quarter comparison improved.",
    "He was named player of the year.",
    "The ticket cost nineteen ninety-nine dollars.",
]


@pytest.mark.parametrize("text", NOT_TIMES)
def test_times_ignores_numbers_and_homographs(text: str) -> None:
    assert extract_times(text, SAT) == ()


GARBLED = [
    "",
    "99/99/9999 32.13.2013 0000-00-00 Sept. 31, 0000 the 0th century",
    "\x00\ufffd on Monday\u200b last \n\n year 2 0 1 3 -- Q9 2013 the 99th quarter",
    "at 25:61 p.m. on 31st of Febtember, 12345 years ago, every 0 weeks",
    "from from since until by 2013-2013 1990-1900 between and",
]


@pytest.mark.parametrize("text", GARBLED)
def test_times_survives_garbled_input(text: str) -> None:
    for expression in extract_times(text, SAT):
        assert text[expression.start : expression.end] == expression.text
        if expression.value and expression.value[:4].isdigit():
            assert 1000 <= int(expression.value[:4]) <= 2200


def test_times_easter_dates() -> None:
    assert [easter_sunday(year) for year in (2000, 2013, 2024, 2025)] == [
        dt.date(2000, 4, 23),
        dt.date(2013, 3, 31),
        dt.date(2024, 3, 31),
        dt.date(2025, 4, 20),
    ]


def test_times_record_shape() -> None:
    (since,) = extract_times("It has been developed since 2013.", SAT)
    assert expression_record(since) == {
        "start": 22,
        "end": 32,
        "text": "since 2013",
        "type": "DATE",
        "value": "2013",
        "mod": "ON_OR_AFTER",
        "interval": {"begin": "2013", "end": None},
        "anchor": "none",
        "anchored_to_inferred": False,
    }


@pytest.mark.slow
def test_times_tense_from_parse() -> None:
    from sitrep.annotate import load_english
    from sitrep.extract.times import REQUIRES

    nlp = load_english(REQUIRES)
    text = "The minister said on Monday that the troops will leave on Friday."
    found = extract_times(text, SAT, nlp(text))
    assert _find(found, "Monday").value == "2013-09-23"
    assert _find(found, "Friday").value == "2013-10-04"
