"""Events in our own news-style sentences: type, date and its precision, place, status,
and what is not an event."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from spacy.language import Language

from sitrep.annotate import load_english
from sitrep.extract import actors, events, quotes, times
from sitrep.link.gazetteer import Gazetteer
from sitrep.link.report_entities import bind_mentions
from sitrep.models import DatePrecision, EventStatus

PUBLISHED = dt.date(2013, 9, 28)
DAY, MONTH, YEAR, INTERVAL = (
    DatePrecision.DAY,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
    DatePrecision.INTERVAL,
)
HAPPENED, PLANNED, POSSIBLE = EventStatus.HAPPENED, EventStatus.PLANNED, EventStatus.POSSIBLE


@cache
def nlp() -> Language:
    wanted = set(actors.REQUIRES) | set(events.REQUIRES) | set(times.REQUIRES)
    return load_english(wanted | set(quotes.REQUIRES))


def events_in(text: str, published: dt.date | None = PUBLISHED) -> list[tuple[object, ...]]:
    """(type, date, end, precision, status, place) of each event."""
    doc = nlp()(text)
    gazetteer = Gazetteer.bundled()
    mentions, entities = bind_mentions(text, actors.find_mentions(text, doc, gazetteer), gazetteer)
    found = events.find_events(
        doc, mentions, entities, times.extract_times(text, published, doc),
        quotes.find_quotes(text, doc, mentions, entities), published,
    )  # fmt: skip
    for event in found:
        assert text[event.start : event.end] == event.text
    return [
        (e.type, e.date, e.date_end, e.precision, e.status,
         entities[e.place].name if e.place is not None else None)
        for e in found
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Leaders of the CSTO met in Sochi on Monday.",
         ("meet", "2013-09-23", None, DAY, HAPPENED, "Sochi")),
        ("The programme was adopted by the council in November 2012.",
         ("decide", "2012-11", None, MONTH, HAPPENED, None)),
        ("The programme will be adopted in November 2024.",  # after the report: a plan
         ("decide", "2024-11", None, MONTH, PLANNED, None)),
        ("Deliveries are planned for 2026-2027.",
         ("deliver", "2026", "2027", INTERVAL, PLANNED, None)),
        ("The Collective Security Treaty was signed in Tashkent in 1992.",
         ("agree", "1992", None, YEAR, HAPPENED, "Tashkent")),
        ("The allies will hold joint exercises in Tajikistan next month.",
         ("exercise", "2013-10", None, MONTH, PLANNED, "Tajikistan")),
        ("Russia may deliver two helicopters to Kyrgyzstan in 2014.",
         ("deliver", "2014", None, YEAR, POSSIBLE, None)),
        ("SOCHI, Russia - The presidents of Russia and Armenia gathered here on Monday.",
         ("meet", "2013-09-23", None, DAY, HAPPENED, "Sochi")),  # a dateline's city
    ],
)  # fmt: skip
def test_events(text: str, expected: tuple[object, ...]) -> None:
    assert expected in events_in(text)


def test_one_event_per_type_per_sentence_each_dated_by_its_own_clause() -> None:
    found = events_in("At the summit on Monday the leaders met and adopted a programme.")
    # "met" (the verb, not "summit") is the meeting; "adopted" has no date of its own.
    assert [(kind, date) for kind, date, *_ in found] == [
        ("meet", "2013-09-23"),
        ("decide", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Collective Security Treaty Organization is based in Moscow.",  # a name, no treaty
        "The weather was fine.",
        "",
    ],
)
def test_no_event(text: str) -> None:
    assert events_in(text) == []


def test_a_headline_run_into_the_first_sentence_is_its_own() -> None:
    text = "Leaders to meet in Sochi\n\nThe summit opened in Sochi on Monday."
    # Two meetings, one per paragraph: the headline's does not take the body's date.
    assert [(kind, date, place) for kind, date, _, _, _, place in events_in(text)] == [
        ("meet", None, "Sochi"),
        ("meet", "2013-09-23", "Sochi"),
    ]


def test_an_undated_report_has_no_plans_by_date() -> None:
    assert events_in("Leaders met in Sochi in 2014.", published=None) == [
        ("meet", "2014", None, YEAR, HAPPENED, "Sochi")
    ]


@pytest.mark.parametrize(
    ("value", "precision"),
    [("2013-09-23", DAY), ("2013-W38", DatePrecision.WEEK), ("2013-09", MONTH),
     ("2013-Q3", DatePrecision.SEASON), ("2013", YEAR), ("201", DatePrecision.DECADE),
     ("PRESENT_REF", None), ("XXXX-09", None), ("P3M", None)],
)  # fmt: skip
def test_precision_of(value: str, precision: DatePrecision | None) -> None:
    assert events.precision_of(value) is precision
