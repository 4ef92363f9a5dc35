"""Stories, storylines and the timeline of the five seed reports, as a careful reader
would draw them. Reads ../shared/seeds in place (skipped when absent)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.ingest import iter_pages
from sitrep.models import EventStatus, Story, TimelineEntry
from sitrep.store.sqlite import SQLiteStore

pytestmark = [pytest.mark.seeds, pytest.mark.slow]


@pytest.fixture(scope="module")
def seeds_store(
    seeds_dir: Path, pipeline: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SQLiteStore]:
    path = tmp_path_factory.mktemp("stories") / "seeds.db"
    files = [str(p) for p in sorted(seeds_dir.iterdir())]
    with SQLiteStore.open(str(path)) as store:
        assert pipeline.ingest(iter_pages(files, pipeline.settings), store).failed == 0
        yield store


def _seed_of(store: SQLiteStore) -> dict[int, str]:
    return {report.id: Path(report.origin).name[:3] for report in store.reports()}


def test_seed_stories_one_per_event(seeds_store: SQLiteStore) -> None:
    seed = _seed_of(seeds_store)
    stories: list[Story] = list(seeds_store.stories())
    grouped = sorted(sorted(seed[r] for r in story.report_ids) for story in stories)
    assert grouped == [["000", "001", "002"], ["003"], ["004"]]
    (summit,) = [s for s in stories if len(s.report_ids) == 3]
    assert summit.sources == 3 and summit.date == "2013-09-23"
    assert "Sochi" in summit.title and "23 Sep 2013" in summit.title


def test_seed_stories_are_one_storyline_in_date_order(seeds_store: SQLiteStore) -> None:
    (storyline,) = seeds_store.storylines()
    dates = {story.id: story.date for story in seeds_store.stories()}
    assert [dates[s][:4] for s in storyline.story_ids if dates[s]] == ["2013", "2021", "2024"]


def _entries(store: SQLiteStore) -> list[TimelineEntry]:
    return list(store.timeline())


def test_seed_timeline_has_the_summit_once_with_three_sources(seeds_store: SQLiteStore) -> None:
    seed = _seed_of(seeds_store)
    summits = [e for e in _entries(seeds_store) if e.type == "meet" and e.date == "2013-09-23"]
    assert len(summits) == 1
    assert sorted(seed[r] for r in summits[0].report_ids) == ["000", "001", "002"]
    assert summits[0].status is EventStatus.HAPPENED
    for mention in summits[0].evidence:
        assert mention.sentence.start <= mention.start < mention.end <= mention.sentence.end


@pytest.mark.parametrize(
    ("kind", "date", "status"),
    [
        ("agree", "1992", EventStatus.HAPPENED),  # the treaty signed in Tashkent
        ("meet", "2013-05", EventStatus.HAPPENED),  # the Bishkek summit in May
        ("withdraw", "2014", EventStatus.PLANNED),  # the planned withdrawal of foreign troops
        ("call", "2021-07", EventStatus.HAPPENED),  # Putin and Rahmon by telephone
        ("meet", "2024-04-11", EventStatus.HAPPENED),  # Tasmagambetov in Dushanbe
        ("decide", "2024-11", EventStatus.HAPPENED),  # the programme adopted
    ],
)
def test_seed_timeline_lists_the_dated_events(
    seeds_store: SQLiteStore, kind: str, date: str, status: EventStatus
) -> None:
    found = [e for e in _entries(seeds_store) if e.type == kind and e.date == date]
    assert found and found[0].status is status, [(e.type, e.date) for e in _entries(seeds_store)]


def test_seed_timeline_marks_plans_as_plans(seeds_store: SQLiteStore) -> None:
    (deliveries,) = [e for e in _entries(seeds_store) if e.type == "deliver" and e.date_end]
    assert (deliveries.date, deliveries.date_end) == ("2026", "2027")
    assert deliveries.status is EventStatus.PLANNED


def test_seed_timeline_is_in_date_order(seeds_store: SQLiteStore) -> None:
    dates = [entry.date for entry in _entries(seeds_store)]
    assert dates == sorted(dates)
