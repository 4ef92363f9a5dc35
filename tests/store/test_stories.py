"""Stories and the timeline in the store, on reports built by hand (fast: no model):
odd reports still land in a story and keep the timeline sane."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tests.conftest import quoted_report

from sitrep.models import DatePrecision, Event, EventStatus, ProcessedReport, TextSpan
from sitrep.store.sqlite import SQLiteStore

DAY = dt.date(2013, 9, 23)


def bare(origin: str, published: dt.date | None = None) -> ProcessedReport:
    """A report with no actors, no quotes and no dates."""
    report = quoted_report(origin, "nobody", [], published=published)
    return dataclasses.replace(report, clean=dataclasses.replace(report.clean,
                               content_hash=f"hash-{origin}"))  # fmt: skip


def with_events(report: ProcessedReport, count: int) -> ProcessedReport:
    """``report`` with ``count`` dated meetings, one a day from 2013-01-01."""
    text = report.clean.text
    events = tuple(
        Event(0, 7, text[:7], TextSpan(0, len(text)), "meet", (), None,
              (dt.date(2013, 1, 1) + dt.timedelta(days=n)).isoformat(), None,
              DatePrecision.DAY, EventStatus.HAPPENED)
        for n in range(count)
    )  # fmt: skip
    return dataclasses.replace(report, events=events)


def test_a_report_with_no_actors_or_dates_lands_in_a_story_of_its_own(
    memory_store: SQLiteStore,
) -> None:
    first = memory_store.add_report(bare("a.txt"), None, None)
    second = memory_store.add_report(bare("b.txt", DAY), None, None)
    stories = list(memory_store.stories())
    assert [story.report_ids for story in stories] == [(first,), (second,)]
    assert all(story.title and story.sources == 1 for story in stories)
    assert list(memory_store.timeline()) == []
    assert len(list(memory_store.storylines())) == 2


def test_a_copy_joins_its_original_story_and_adds_no_source(memory_store: SQLiteStore) -> None:
    report = quoted_report("a.txt", "Pavel Orlik", ["The bridge will reopen."], published=DAY)
    original = memory_store.add_report(report, None, None)
    copy = dataclasses.replace(report, clean=dataclasses.replace(report.clean,
                               origin="copy.txt", content_hash="other"))  # fmt: skip
    memory_store.add_report(copy, original, 0.97)
    (story,) = memory_store.stories()
    assert len(story.report_ids) == 2 and story.sources == 1


def test_a_thousand_events_make_a_thousand_entries_in_date_order(
    memory_store: SQLiteStore,
) -> None:
    memory_store.add_report(with_events(bare("busy.txt", DAY), 1000), None, None)
    entries = list(memory_store.timeline())
    assert len(entries) == 1000
    assert [entry.date for entry in entries] == sorted(entry.date for entry in entries)
    assert len(list(memory_store.timeline("2013-02", "2013-02"))) == 28
    (story,) = memory_store.stories()
    assert story.report_ids == (1,)


def test_the_same_dated_event_from_two_reports_is_one_entry(memory_store: SQLiteStore) -> None:
    memory_store.add_report(with_events(bare("a.txt", DAY), 3), None, None)
    memory_store.add_report(with_events(bare("b.txt", DAY), 3), None, None)
    entries = list(memory_store.timeline())
    # No actor or place in common: one type and day is not enough to be one event.
    assert len(entries) == 6


def test_a_copy_that_reads_differently_still_joins_its_original_story(
    memory_store: SQLiteStore,
) -> None:
    original = memory_store.add_report(bare("a.txt", DAY), None, None)
    memory_store.add_report(bare("edited-copy.txt", DAY), original, 0.9)
    (story,) = memory_store.stories()
    assert len(story.report_ids) == 2 and story.sources == 1
