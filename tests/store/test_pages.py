"""The store's reads for the web app's pages: lists by page, records by id, the timeline
filtered by actor or place, a report's events, and the totals the pagers count on.

One newsroom of hand-built reports (fast: no model): quotes in three families of
different sizes, claims in corroborated, single-source and contested groups, dated
meetings with actors and places, and outlets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import FakeEmbedder, quoted_report
from tests.store.test_claims import report_with_figure
from tests.store.test_stories import bare, with_events

from sitrep.models import (
    ClaimStatus,
    DatePrecision,
    EntityType,
    Event,
    EventStatus,
    LocalEntity,
    Mention,
    ProcessedReport,
    TextSpan,
)
from sitrep.store.sqlite import SQLiteStore

DAY = dt.date(2013, 9, 23)
VARGA, REYES = "Lena Varga", "Tomas Reyes"
RAHMON, PUTIN = "Emomali Rahmon", "Vladimir Putin"
DUSHANBE, SOCHI = "Dushanbe", "Sochi"
# Remarks carried word for word by several reports: families that need no model.
PLANT = "The water treatment plant will be running again before the end of the month."
PUMP = "Engineers found the main pump flooded when they arrived on Friday morning."
LATER = "The new reservoir on the northern hills will be filled by the autumn rains."
BRIDGE = "The old bridge over the river stays closed to lorries until the spring."


def with_meetings(
    report: ProcessedReport, meetings: Sequence[tuple[str, str, Sequence[str], str | None]]
) -> ProcessedReport:
    """``report`` with a sentence per meeting ``(date, type, actors, place)``, "A and B met
    in P.", its people and place mentioned and bound as the extractor would leave them."""
    text = report.clean.text
    mentions: list[Mention] = []
    names: dict[str, int] = {}
    local: list[tuple[str, EntityType, list[int]]] = []
    events: list[Event] = []

    def mention(name: str, kind: EntityType) -> int:
        nonlocal text
        mentions.append(Mention(len(text), len(text) + len(name), name, kind))
        text += name
        if name not in names:
            names[name] = len(local)
            local.append((name, kind, []))
        local[names[name]][2].append(len(mentions) - 1)
        return names[name]

    for date, kind, actors, place in meetings:
        text += "\n\n"
        sentence_start = len(text)
        actor_indexes = []
        for number, actor in enumerate(actors):
            text += " and " if number else ""
            actor_indexes.append(mention(actor, EntityType.PERSON))
        trigger = len(text) + 1
        text += " met"
        place_index = None
        if place is not None:
            text += " in "
            place_index = mention(place, EntityType.GPE)
        text += "."
        events.append(
            Event(trigger, trigger + 3, "met", TextSpan(sentence_start, len(text)), kind,
                  tuple(actor_indexes), place_index, date, None, DatePrecision.DAY,
                  EventStatus.HAPPENED)
        )  # fmt: skip
    entities = tuple(
        LocalEntity(name, kind, (name,), tuple(indexes)) for name, kind, indexes in local
    )
    return dataclasses.replace(
        report,
        clean=dataclasses.replace(report.clean, text=text, content_hash=f"hash-{text}"),
        annotation=dataclasses.replace(report.annotation, sentences=(TextSpan(0, len(text)),)),
        mentions=tuple(mentions),
        entities=entities,
        events=tuple(events),
    )


def newsroom_reports() -> list[ProcessedReport]:
    quoted = [
        quoted_report("q1.txt", VARGA, [PLANT, PUMP], published=DAY, source="Harbour Wire"),
        quoted_report("q2.txt", VARGA, [PLANT], published=DAY, source="Coast Herald"),
        quoted_report("q3.txt", VARGA, [PLANT, PUMP], published=DAY, source="Harbour Wire"),
        quoted_report("q4.txt", REYES, [BRIDGE], published=DAY, source="Coast Herald"),
        quoted_report("q5.txt", REYES, [BRIDGE, "Nobody else said this in any report."],
                      published=DAY, source="Steppe Herald"),
        # A year on, she speaks of something else: another story of hers.
        quoted_report("q6.txt", VARGA, [LATER], published=DAY + dt.timedelta(days=400)),
    ]  # fmt: skip
    figures = [
        report_with_figure("f1.txt", 7000, source="Harbour Wire"),
        report_with_figure("f2.txt", 7000),
        report_with_figure("f3.txt", 5000),  # contests the 7,000 troops
        report_with_figure("f4.txt", 300, measured="tanks"),
        report_with_figure("f5.txt", 300, measured="tanks"),
        report_with_figure("f6.txt", 40000, measured="refugees"),
        report_with_figure("f7.txt", 35000, measured="refugees"),  # contests the 40,000
        report_with_figure("f8.txt", 12, measured="helicopters"),
    ]
    meetings = [
        with_meetings(bare("m1.txt", DAY), [
            ("2013-09-23", "summit", [RAHMON, PUTIN], SOCHI),
            ("2013-09-10", "visit", [RAHMON], DUSHANBE),
            ("2013-10-02", "talks", [PUTIN], None),
        ]),
        with_meetings(bare("m2.txt", DAY), [
            ("2013-08-30", "visit", [PUTIN], DUSHANBE),
            ("2013-09-23", "summit", [RAHMON], SOCHI),  # the summit again
            ("2014-01-15", "talks", [], DUSHANBE),
        ]),
        with_events(bare("busy.txt", DAY), 12),  # meetings of nobody, one a day
    ]  # fmt: skip
    return [*quoted, *figures, *meetings]


@pytest.fixture
def newsroom() -> Iterator[SQLiteStore]:
    store = SQLiteStore.open(":memory:", embedder=FakeEmbedder())
    for report in newsroom_reports():
        store.add_report(report, None, None)
    yield store
    store.close()


def pages(read: Callable[[int, int], Iterator[Any]], per_page: int) -> list[list[Any]]:
    """Every page of a paged read until the first empty one."""
    found: list[list[Any]] = []
    while page := list(read(per_page, len(found) * per_page)):
        found.append(page)
        assert len(found) < 100, "paging never ends"
    return found


def key(record: Any) -> Any:
    return record.id


# Each paged read (limit, offset) with its full listing, whose order it must keep.
PAGED: dict[str, Callable[[SQLiteStore, int | None, int], Iterator[Any]]] = {
    "reports": lambda s, limit, offset: s.reports(limit, offset),
    "entities": lambda s, limit, offset: s.entities(limit, offset),
    "quote_families": lambda s, limit, offset: s.quote_families(limit, offset),
    "quote_families largest first": lambda s, limit, offset: s.quote_families(
        limit, offset, largest_first=True
    ),
    "claim_groups": lambda s, limit, offset: s.claim_groups(limit=limit, offset=offset),
    "claim_groups contested": lambda s, limit, offset: s.claim_groups(
        status=ClaimStatus.CONTESTED, limit=limit, offset=offset
    ),
    "stories": lambda s, limit, offset: s.stories(limit, offset),
    "stories largest first": lambda s, limit, offset: s.stories(limit, offset, largest_first=True),
    "timeline": lambda s, limit, offset: s.timeline(limit=limit, offset=offset),
    "timeline in September": lambda s, limit, offset: s.timeline(
        "2013-09", "2013-09", limit=limit, offset=offset
    ),
    "timeline of Putin": lambda s, limit, offset: s.timeline(
        actor=PUTIN, limit=limit, offset=offset
    ),
    "timeline at Dushanbe": lambda s, limit, offset: s.timeline(
        place=DUSHANBE, limit=limit, offset=offset
    ),
}


@pytest.mark.parametrize("per_page", [1, 2, 3, 5])
@pytest.mark.parametrize("read", PAGED.values(), ids=PAGED.keys())
def test_pages_are_disjoint_consecutive_and_cover_everything(
    newsroom: SQLiteStore,
    read: Callable[[SQLiteStore, int | None, int], Iterator[Any]],
    per_page: int,
) -> None:
    everything = list(read(newsroom, None, 0))
    assert len(everything) >= 2, "the newsroom should give each read more than a page"
    found = pages(lambda limit, offset: read(newsroom, limit, offset), per_page)
    assert all(len(page) == per_page for page in found[:-1])
    assert 1 <= len(found[-1]) <= per_page
    assert [record for page in found for record in page] == everything


@pytest.mark.parametrize("read", PAGED.values(), ids=PAGED.keys())
def test_pages_past_the_end_are_empty(
    newsroom: SQLiteStore, read: Callable[[SQLiteStore, int | None, int], Iterator[Any]]
) -> None:
    everything = list(read(newsroom, None, 0))
    assert list(read(newsroom, 10, len(everything))) == []
    assert list(read(newsroom, 0, 0)) == []


# The documented orders.


def test_pages_reports_in_id_order(newsroom: SQLiteStore) -> None:
    ids = [report.id for report in newsroom.reports()]
    assert ids == sorted(ids) and len(ids) == len(newsroom_reports())


def test_pages_entities_most_reported_first(newsroom: SQLiteStore) -> None:
    entities = list(newsroom.entities())
    ranks = [(-entity.report_count, -entity.mention_count, entity.id) for entity in entities]
    assert ranks == sorted(ranks)
    assert entities[0].name == "Russia"  # in all eight reports of figures


def test_pages_quote_families_by_id_or_largest_first(newsroom: SQLiteStore) -> None:
    texts = {stored.id: stored.quote.text for stored in newsroom.quotes()}
    by_id = list(newsroom.quote_families())
    assert [family.id for family in by_id] == sorted(family.id for family in by_id)
    largest = list(newsroom.quote_families(largest_first=True))
    assert [[texts[q] for q in family.quote_ids] for family in largest] == [
        [PLANT] * 3, [PUMP] * 2, [BRIDGE] * 2
    ]  # fmt: skip
    assert sorted(largest, key=key) == by_id


def test_pages_claim_groups_of_one_status(newsroom: SQLiteStore) -> None:
    groups = list(newsroom.claim_groups())
    assert [group.id for group in groups] == sorted(group.id for group in groups)
    assert [group.status for group in groups] == [
        ClaimStatus.CONTESTED, ClaimStatus.CORROBORATED, ClaimStatus.CONTESTED,
        ClaimStatus.SINGLE_SOURCE,
    ]  # fmt: skip
    for status in ClaimStatus:
        assert list(newsroom.claim_groups(status=status)) == [
            group for group in groups if group.status is status
        ]
    assert list(newsroom.claim_groups(contested_only=True)) == list(
        newsroom.claim_groups(status=ClaimStatus.CONTESTED)
    )


def test_pages_stories_by_id_or_largest_first(newsroom: SQLiteStore) -> None:
    stories = list(newsroom.stories())
    assert [story.id for story in stories] == sorted(story.id for story in stories)
    largest = list(newsroom.stories(largest_first=True))
    sizes = [len(story.report_ids) for story in largest]
    assert sizes == sorted(sizes, reverse=True)
    assert sorted(largest, key=key) == stories
    reported = [report for story in stories for report in story.report_ids]
    assert sorted(reported) == [report.id for report in newsroom.reports()]  # each once


def test_pages_timeline_in_date_order(newsroom: SQLiteStore) -> None:
    entries = list(newsroom.timeline())
    assert [(e.date, e.id) for e in entries] == sorted((e.date, e.id) for e in entries)
    assert len(entries) == newsroom.timeline_size() == newsroom.totals().timeline_entries


# By id: the same record as the listing.


@pytest.mark.parametrize(
    ("listing", "by_id"),
    [
        (lambda s: s.entities(), lambda s, i: s.entity(i)),
        (lambda s: s.quote_families(), lambda s, i: s.quote_family(i)),
        (lambda s: s.claim_groups(), lambda s, i: s.claim_group(i)),
        (lambda s: s.stories(), lambda s, i: s.story(i)),
        (lambda s: s.storylines(), lambda s, i: s.storyline(i)),
        (lambda s: s.reports(), lambda s, i: s.report(i)),
    ],
    ids=["entity", "quote_family", "claim_group", "story", "storyline", "report"],
)
def test_pages_by_id_is_the_listed_record(
    newsroom: SQLiteStore,
    listing: Callable[[SQLiteStore], Iterator[Any]],
    by_id: Callable[[SQLiteStore, int], Any],
) -> None:
    records = list(listing(newsroom))
    assert records
    assert [by_id(newsroom, record.id) for record in records] == records
    assert by_id(newsroom, 9999) is None
    assert by_id(newsroom, 0) is None


def test_pages_timeline_entries_by_id(newsroom: SQLiteStore) -> None:
    entries = list(newsroom.timeline())
    picked = [entries[5].id, entries[0].id, entries[-1].id, entries[5].id, 9999]
    assert newsroom.timeline_entries(picked) == [entries[0], entries[5], entries[-1]]
    assert newsroom.timeline_entries([]) == []
    assert newsroom.timeline_entries([9999]) == []


def test_pages_entity_names(newsroom: SQLiteStore) -> None:
    entities = list(newsroom.entities())
    names = {entity.id: entity.name for entity in entities}
    assert newsroom.entity_names(list(names)) == names
    first = entities[0].id
    assert newsroom.entity_names([first, first, 9999]) == {first: names[first]}
    assert newsroom.entity_names([]) == {}


def test_pages_story_of_report(newsroom: SQLiteStore) -> None:
    for story in newsroom.stories():
        for report_id in story.report_ids:
            assert newsroom.story_of_report(report_id) == story.id
    assert newsroom.story_of_report(9999) is None


def test_pages_stories_of_an_actor_newest_first(newsroom: SQLiteStore) -> None:
    stories = list(newsroom.stories())
    for entity in newsroom.entities():
        naming = [story for story in stories if entity.id in story.actor_ids]
        assert list(newsroom.stories(actor_id=entity.id)) == naming[::-1], entity.name
    assert list(newsroom.stories(actor_id=9999)) == []
    (varga,) = newsroom.actors_named(VARGA)
    assert len(list(newsroom.stories(actor_id=varga))) == 2


# Quotes of a family or of a speaker.


def test_pages_quotes_of_a_family(newsroom: SQLiteStore) -> None:
    quotes = list(newsroom.quotes())
    for family in newsroom.quote_families():
        of_family = list(newsroom.quotes(family_id=family.id))
        assert [q.id for q in of_family] == list(family.quote_ids)
        assert of_family == [q for q in quotes if q.family_id == family.id]
    assert list(newsroom.quotes(family_id=9999)) == []


def test_pages_quotes_of_a_speaker_by_id(newsroom: SQLiteStore) -> None:
    (varga,) = newsroom.actors_named(VARGA)
    by_id = list(newsroom.quotes(speaker_id=varga))
    assert [q.quote.text for q in by_id] == [PLANT, PUMP, PLANT, PLANT, PUMP, LATER]
    assert by_id == list(newsroom.quotes(speaker=VARGA))
    assert list(newsroom.quotes(speaker_id=9999)) == []
    (family, *_) = newsroom.quote_families(largest_first=True)
    both = list(newsroom.quotes(family_id=family.id, speaker_id=varga))
    assert [q.quote.text for q in both] == [PLANT] * 3


# Actors side by side.


def test_pages_co_actors_count_shared_reports(newsroom: SQLiteStore) -> None:
    (rahmon,) = newsroom.actors_named(RAHMON)
    (putin,) = newsroom.actors_named(PUTIN)
    (sochi,) = newsroom.actors_named(SOCHI)
    (dushanbe,) = newsroom.actors_named(DUSHANBE)
    # Rahmon is in m1 and m2; so are Putin, Sochi and Dushanbe.
    assert newsroom.co_actors(rahmon) == sorted([(putin, 2), (sochi, 2), (dushanbe, 2)])
    assert newsroom.co_actors(rahmon, limit=1) == [(min(putin, sochi, dushanbe), 2)]
    (varga,) = newsroom.actors_named(VARGA)
    assert newsroom.co_actors(varga) == []  # quoted alone
    assert newsroom.co_actors(9999) == []


# The timeline filtered.


def names_of(store: SQLiteStore, ids: Sequence[int | None]) -> set[str]:
    return set(store.entity_names([i for i in ids if i is not None]).values())


@pytest.mark.parametrize("name", [DUSHANBE, SOCHI, "dushanbe", "Душанбе"])
def test_pages_timeline_at_a_place_keeps_only_entries_placed_there(
    newsroom: SQLiteStore, name: str
) -> None:
    everything = list(newsroom.timeline())
    places = set(newsroom.actors_named(name))
    assert len(places) == 1
    at_place = list(newsroom.timeline(place=name))
    assert at_place == [entry for entry in everything if entry.place_entity_id in places]
    assert at_place
    assert newsroom.timeline_size(place=name) == len(at_place)


@pytest.mark.parametrize("name", [RAHMON, PUTIN, DUSHANBE, "emomali rahmon", "Владимир Путин"])
def test_pages_timeline_of_an_actor_keeps_entries_naming_or_placed_at_it(
    newsroom: SQLiteStore, name: str
) -> None:
    everything = list(newsroom.timeline())
    actors = set(newsroom.actors_named(name))
    assert len(actors) == 1
    of_actor = list(newsroom.timeline(actor=name))
    assert of_actor == [
        entry
        for entry in everything
        if actors & set(entry.actor_ids) or entry.place_entity_id in actors
    ]
    assert of_actor
    assert newsroom.timeline_size(actor=name) == len(of_actor)


def test_pages_timeline_at_a_place_is_not_naming_the_place(newsroom: SQLiteStore) -> None:
    """Dushanbe as a place: its three entries; as an actor: the same, it names no one
    else; a person is never a place."""
    at_dushanbe = list(newsroom.timeline(place=DUSHANBE))
    assert [entry.date for entry in at_dushanbe] == ["2013-08-30", "2013-09-10", "2014-01-15"]
    assert list(newsroom.timeline(actor=DUSHANBE)) == at_dushanbe
    assert list(newsroom.timeline(place=RAHMON)) == []
    assert newsroom.timeline_size(place=RAHMON) == 0


def test_pages_timeline_filters_combine(newsroom: SQLiteStore) -> None:
    entries = list(newsroom.timeline("2013-09", "2013-09", actor=RAHMON, place=SOCHI))
    assert [(entry.date, entry.type, len(entry.report_ids)) for entry in entries] == [
        ("2013-09-23", "summit", 2)  # the summit, as both reports state it
    ]
    assert newsroom.timeline_size("2013-09", "2013-09", actor=RAHMON, place=SOCHI) == 1


@pytest.mark.parametrize(
    "filters",
    [{}, {"date_from": "2013-09"}, {"date_to": "2013-01-05"}, {"actor": PUTIN},
     {"place": SOCHI}, {"actor": "Nobody Known"}, {"place": "Nowhere"}],
)  # fmt: skip
def test_pages_timeline_size_counts_what_timeline_yields(
    newsroom: SQLiteStore, filters: dict[str, str]
) -> None:
    assert newsroom.timeline_size(**filters) == len(list(newsroom.timeline(**filters)))


def test_pages_timeline_of_an_unknown_actor_or_place_is_empty(newsroom: SQLiteStore) -> None:
    assert list(newsroom.timeline(actor="Nobody Known")) == []
    assert list(newsroom.timeline(place="Nowhere")) == []


# A report's events.


def test_pages_events_of_a_report_in_text_order(newsroom: SQLiteStore) -> None:
    (report,) = [r for r in newsroom.reports() if r.origin == "m1.txt"]
    events = list(newsroom.events(report.id))
    assert [(event.type, event.date) for event in events] == [
        ("summit", "2013-09-23"), ("visit", "2013-09-10"), ("talks", "2013-10-02")
    ]  # fmt: skip
    assert [event.start for event in events] == sorted(event.start for event in events)
    assert {event.report_id for event in events} == {report.id}
    entries = {entry.id: entry for entry in newsroom.timeline()}
    for event in events:
        assert event.entry_id in entries
        assert report.id in entries[event.entry_id].report_ids
        assert entries[event.entry_id].date == event.date
    assert list(newsroom.events(9999)) == []


# Totals and outlets.


def test_pages_totals_match_the_listings(newsroom: SQLiteStore) -> None:
    totals = newsroom.totals()
    groups = list(newsroom.claim_groups())
    assert totals.reports == len(list(newsroom.reports())) == len(newsroom_reports())
    assert totals.actors == len(list(newsroom.entities()))
    assert totals.quotes == len(list(newsroom.quotes()))
    assert totals.quote_families == len(list(newsroom.quote_families())) == 3
    assert totals.claims == len(list(newsroom.claims())) == 8
    assert totals.claim_groups == {
        status: sum(group.status is status for group in groups)
        for status in {group.status for group in groups}
    }
    assert totals.stories == len(list(newsroom.stories()))
    assert totals.storylines == len(list(newsroom.storylines()))
    assert totals.timeline_entries == len(list(newsroom.timeline()))


def test_pages_totals_of_an_empty_store(memory_store: SQLiteStore) -> None:
    totals = memory_store.totals()
    assert dataclasses.astuple(totals) == (0, 0, 0, 0, 0, {}, 0, 0, 0)
    assert memory_store.outlets() == []


def test_pages_outlets_most_reports_first(newsroom: SQLiteStore) -> None:
    assert newsroom.outlets() == [
        ("Harbour Wire", 3), ("Coast Herald", 2), ("Steppe Herald", 1)
    ]  # fmt: skip
    assert newsroom.outlets(limit=2) == [("Harbour Wire", 3), ("Coast Herald", 2)]


def test_pages_actor_tallies_match_the_mentions(newsroom: SQLiteStore) -> None:
    """The running tallies that lists are ordered by agree with counting every mention."""
    rows = newsroom._connection.execute(
        "SELECT entity_id, COUNT(*), COUNT(DISTINCT report_id) FROM mentions GROUP BY entity_id"
    )
    counted = {entity_id: (mentions, reports) for entity_id, mentions, reports in rows}
    listed = {e.id: (e.mention_count, e.report_count) for e in newsroom.entities(details=False)}
    assert listed == counted and counted


def test_pages_actor_tallies_are_built_for_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with SQLiteStore.open(str(path), embedder=FakeEmbedder()) as store:
        for report in newsroom_reports():
            store.add_report(report, None, None)
        expected = [(e.id, e.mention_count, e.report_count) for e in store.entities()]
    with sqlite3.connect(path) as connection:  # as a store of schema 7 had it
        connection.executescript(
            "DROP TABLE actor_tally; DROP INDEX reports_source; DROP INDEX reports_language; "
            "PRAGMA user_version = 7;"
        )
    with SQLiteStore.open(str(path), embedder=FakeEmbedder()) as store:
        assert [(e.id, e.mention_count, e.report_count) for e in store.entities()] == expected
