"""Dates as pages write them: datelines (``parse_date``, ``is_dateline``) and the
absolute references in running text that publication-date inference reasons about."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from sitrep.clean.dates import find_dated_references, is_dateline, parse_date

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("September 23, 2013", D(2013, 9, 23)),
        ("Sept. 23, 2013", D(2013, 9, 23)),
        ("September 23rd, 2013", D(2013, 9, 23)),
        ("28 September 2013, 14:07", D(2013, 9, 28)),
        ("23 August 2021", D(2021, 8, 23)),
        ("Monday, 23 September 2013", D(2013, 9, 23)),
        ("Mon 23 Sep 2013 14:07 GMT", D(2013, 9, 23)),
        ("2013-09-23", D(2013, 9, 23)),
        ("2013-09-23T10:00:00Z", D(2013, 9, 23)),
        ("2013-09-23T10:00:00+03:00", D(2013, 9, 23)),
        ("23.08.2021", D(2021, 8, 23)),
        ("14:07 28.09.2013", D(2013, 9, 28)),
        ("Published: 23 Sep 2013 14:07 GMT", D(2013, 9, 23)),
        ("Updated 12:30, 5 May 2020", D(2020, 5, 5)),
        ("Last updated 5/23/2013 2:07 pm", D(2013, 5, 23)),
        ("23 августа 2021", D(2021, 8, 23)),
        ("23 сентября 2013 г.", D(2013, 9, 23)),
        ("Опубликовано 23.08.2021 в 14:07", D(2021, 8, 23)),
        ("23 серпня 2021", D(2021, 8, 23)),
        ("Veröffentlicht am 23. August 2021, 14:07 Uhr", D(2021, 8, 23)),
        ("Publié le 23 août 2021 à 14h07", D(2021, 8, 23)),
        ("Publicado el 23 de agosto de 2021", D(2021, 8, 23)),
    ],
)
def test_parse_date_reads_common_forms(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "September 2013",  # no day: not a publication date
        "2013",
        "Monday",
        "1,300 km",
        "in 2,225 reports",
        "",
        "a 16,000-man strong force",
    ],
)
def test_parse_date_needs_a_full_date(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "September 23, 2013",
        "Sochi, 23 September 2013",
        "MOSCOW, Sept. 23, 2013",
        "Updated: Mon 23 Sep 2013 14:07 GMT",
        "23 сентября 2013 г., 14:07",
        "Veröffentlicht am 23. August 2021, 14:07 Uhr",
    ],
)
def test_a_dateline_is_a_date_and_little_else(text: str) -> None:
    assert is_dateline(text)


@pytest.mark.parametrize(
    "text",
    [
        "Elections set for 4 December 2011",
        "Talks resumed on 23 September 2013 in Sochi",
        "Leaders gather in Sochi as border fears grow, 23 September 2013",
        "Elections on 4 December 2011",
        "Putin wins on 4 March 2012",
    ],
)
def test_a_headline_with_a_date_in_it_is_not_a_dateline(text: str) -> None:
    assert not is_dateline(text)


@pytest.mark.parametrize(
    ("text", "span", "earliest", "latest"),
    [
        ("It was adopted in November 2024.", "November 2024", D(2024, 11, 1), D(2024, 11, 30)),
        ("Deliveries are planned for 2026-2027.", "2026-2027", D(2026, 1, 1), D(2027, 12, 31)),
        ("The third stage (2027-2029) follows.", "2027-2029", D(2027, 1, 1), D(2029, 12, 31)),
        ("The 2013-14 season ended.", "2013-14", D(2013, 1, 1), D(2014, 12, 31)),
        ("during the 2019/20 winter", "2019/20", D(2019, 1, 1), D(2020, 12, 31)),
        ("It has been developed since 2013.", "since 2013", D(2013, 1, 1), D(2013, 12, 31)),
        ("cooperation up to 2020", "up to 2020", D(2020, 1, 1), D(2020, 12, 31)),
        ("which will start at the end of 2013", "at the end of 2013", D(2013, 1, 1),
         D(2013, 12, 31)),
        ("a review in mid-2014", "mid-2014", D(2014, 1, 1), D(2014, 12, 31)),
        ("between 2013 and 2015", "between 2013 and 2015", D(2013, 1, 1), D(2015, 12, 31)),
        ("They met on 16 January 2002 in Moscow.", "16 January 2002", D(2002, 1, 16),
         D(2002, 1, 16)),
        ("They met on January 16, 2002.", "January 16, 2002", D(2002, 1, 16), D(2002, 1, 16)),
        ("They met on 16.01.2002.", "16.01.2002", D(2002, 1, 16), D(2002, 1, 16)),
        ("The deal dated 2002-01-16 stands.", "2002-01-16", D(2002, 1, 16), D(2002, 1, 16)),
        ("In Sept. 2013 the talks began.", "Sept. 2013", D(2013, 9, 1), D(2013, 9, 30)),
        ("the budget for 2014", "for 2014", D(2014, 1, 1), D(2014, 12, 31)),
    ],
)  # fmt: skip
def test_find_dated_references_spans_and_days(
    text: str, span: str, earliest: dt.date, latest: dt.date
) -> None:
    (match,) = find_dated_references(text)
    assert text[match.start : match.end] == match.text == span
    assert (match.earliest, match.latest) == (earliest, latest)


@pytest.mark.parametrize(
    "text",
    [
        "a roughly 1,300-kilometer border",
        "the border is 1,300 km long",
        "a 16,000-man strong force",
        "2,225 reports were filed",
        "in 2,013 cases",
        "in 2000 troops",  # a count, not a year
        "between 2,000-3,000 people",
        "version 1.2.2013.4",
        "the score was 20-19",
        "a 2013 law",  # an adjective year names no time the report tells of
        "On April 11, the secretary met the president.",  # no year: not absolute
        "1.3 thousand km",
        "ranked 2013-99",  # not a span of years
    ],
)
def test_no_false_references(text: str) -> None:
    assert find_dated_references(text) == []


def test_references_do_not_overlap_and_come_in_text_order() -> None:
    text = "Signed on 23 September 2013, the plan runs from 2014 to 2016."
    matches = find_dated_references(text)
    assert [match.text for match in matches] == ["23 September 2013", "from 2014", "to 2016"]
    assert all(first.end <= second.start for first, second in itertools.pairwise(matches))


def test_an_impossible_day_keeps_only_its_month() -> None:
    (match,) = find_dated_references("on 31 February 2014")
    assert (match.text, match.earliest, match.latest) == (
        "February 2014",
        D(2014, 2, 1),
        D(2014, 2, 28),
    )
