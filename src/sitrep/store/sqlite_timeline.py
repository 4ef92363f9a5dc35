"""SQLite: a report's events, each joined to the timeline entry of its real-world event
in the report's transaction; and the timeline read back.

Candidate entries come from the ``timeline_type_year`` index (same type, same year),
so adding an event reads a handful of rows. Undated events join their story's entry of
the same type. The rules are ``link/timeline.py``'s.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from itertools import groupby

from sitrep.extract.events.typology import BY_NAME
from sitrep.link.timeline import same_entry, status_of, title
from sitrep.models import (
    DatePrecision,
    Event,
    EventMention,
    EventStatus,
    ProcessedReport,
    StoredEvent,
    TextSpan,
    TimelineEntry,
)
from sitrep.store.sqlite_stories import short_name

MAX_ENTRY_CANDIDATES = 200
MAX_ENTRY_ACTORS = 50  # an event named in thousands of reports keeps its first 50 actors
TITLE_TRIGGERS = 20  # the words an entry's first mentions name it by; a noun is chosen


def insert_events(
    cursor: sqlite3.Cursor,
    report_id: int,
    source_id: int,
    processed: ProcessedReport,
    entity_ids: Sequence[int],
    story_id: int,
) -> None:
    """Store a report's events and put each dated one (or undated one its story has an
    entry for) on the timeline."""
    outlet = processed.clean.source
    for position, event in enumerate(processed.events):
        actors = [
            entity_ids[a]
            for a in event.actors
            if 0 <= a < len(entity_ids) and processed.entities[a].name != outlet
        ]  # fmt: skip  (the dateline's "(Eurasia Wire)" took no part)
        place = entity_ids[event.place] if event.place is not None else None
        entry = _entry_for(cursor, event, actors, place, story_id)
        cursor.execute(
            'INSERT INTO events (report_id, source_id, position, type, start, "end", text, '
            "sentence_start, sentence_end, actors, place_entity_id, date, date_end, precision, "
            "status, entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (report_id, source_id, position, event.type, event.start, event.end, event.text,
             event.sentence.start, event.sentence.end, json.dumps(actors), place, event.date,
             event.date_end, event.precision.value if event.precision else None,
             event.status.value, entry),
        )  # fmt: skip
        if entry is not None:
            _refresh(cursor, entry, event, actors, place)


def _entry_for(
    cursor: sqlite3.Cursor, event: Event, actors: list[int], place: int | None, story_id: int
) -> int | None:
    if event.date is None:
        return _story_entry(cursor, event.type, story_id)
    rows = cursor.execute(
        "SELECT id, date, actors, place_entity_id FROM timeline_entries "
        "WHERE type = ? AND substr(date, 1, 4) = ? ORDER BY id DESC "
        f"LIMIT {MAX_ENTRY_CANDIDATES}",
        (event.type, event.date[:4]),
    ).fetchall()
    for entry_id, date, entry_actors, entry_place in rows:
        if same_entry(event.type, event.date, actors, place, event.type, date,
                      json.loads(entry_actors), entry_place):  # fmt: skip
            return int(entry_id)
    cursor.execute(
        "INSERT INTO timeline_entries (type, date, date_end, precision, status, title, "
        "place_entity_id, actors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (event.type, event.date, event.date_end,
         (event.precision or DatePrecision.YEAR).value, event.status.value, "", place,
         json.dumps(actors)),
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def _story_entry(cursor: sqlite3.Cursor, event_type: str, story_id: int) -> int | None:
    """The entry of the story's dated event of this type, if a report of it has one."""
    row = cursor.execute(
        "SELECT e.entry_id FROM story_reports r JOIN events e ON e.report_id = r.report_id "
        "WHERE r.story_id = ? AND e.type = ? AND e.date IS NOT NULL AND e.entry_id IS NOT NULL "
        "ORDER BY e.id LIMIT 1",
        (story_id, event_type),
    ).fetchone()
    return int(row[0]) if row else None


def _refresh(
    cursor: sqlite3.Cursor, entry: int, event: Event, actors: list[int], place: int | None
) -> None:
    """Fold the event into its entry: actors, place, the most precise date, status, title."""
    (date, date_end, precision, status, entry_actors, entry_place) = cursor.execute(
        "SELECT date, date_end, precision, status, actors, place_entity_id "
        "FROM timeline_entries WHERE id = ?",
        (entry,),
    ).fetchone()
    merged = list(dict.fromkeys([*json.loads(entry_actors), *actors]))[:MAX_ENTRY_ACTORS]
    if event.date and event.date_end is None and len(event.date) > len(date):
        date, precision = event.date, (event.precision or DatePrecision(precision)).value
    # Only dated mentions say whether it happened: an undated "the withdrawal" in a
    # report about the summit joins the entry but cannot tell. A status only rises.
    if event.date is not None:
        status = status_of([EventStatus(status), event.status]).value
    triggers = [text for (text,) in cursor.execute(
        f"SELECT text FROM events WHERE entry_id = ? ORDER BY id LIMIT {TITLE_TRIGGERS}",
        (entry,),
    )]  # fmt: skip
    nouns = BY_NAME[event.type].nouns if event.type in BY_NAME else frozenset()
    # A noun names the event best: "summit", "session", rather than "met".
    trigger = next((t for t in triggers if t.lower() in nouns), triggers[0])
    place = entry_place if entry_place is not None else place
    names = [short_name(cursor, actor) for actor in merged if actor != place][:3]
    new_title = title(event.type, trigger, names,
                      short_name(cursor, place) if place is not None else None, None)  # fmt: skip
    cursor.execute(
        "UPDATE timeline_entries SET date = ?, date_end = ?, precision = ?, status = ?, "
        "title = ?, place_entity_id = ?, actors = ? WHERE id = ?",
        (date, date_end, precision, status, new_title, place, json.dumps(merged), entry),
    )  # fmt: skip


def timeline(
    connection: sqlite3.Connection,
    date_from: str | None = None,
    date_to: str | None = None,
    actor_ids: Sequence[int] | None = None,
    place_ids: Sequence[int] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[TimelineEntry]:
    """Entries in date order (then id), with every report that states them.

    Args:
        date_from, date_to: keep entries whose date (a TIMEX3 prefix such as "2013" or
            "2013-09-23") overlaps the range; None leaves that end open.
        actor_ids: keep entries naming one of these actors (or placed there).
        place_ids: keep entries placed at one of these places.
        limit, offset: a page of the entries.
    """
    where, parameters = _entry_filter(date_from, date_to, actor_ids, place_ids)
    chosen = [
        int(row[0])
        for row in connection.execute(
            f"SELECT t.id FROM timeline_entries t {where} ORDER BY t.date, t.id LIMIT ? OFFSET ?",
            (*parameters, -1 if limit is None else limit, offset),
        )
    ]
    for start in range(0, len(chosen), _ID_CHUNK):
        yield from _entries_with_ids(connection, chosen[start : start + _ID_CHUNK])


def timeline_entries(
    connection: sqlite3.Connection, entry_ids: Sequence[int]
) -> list[TimelineEntry]:
    """These entries, in date order."""
    unique = sorted(set(entry_ids))
    entries = [
        entry
        for start in range(0, len(unique), _ID_CHUNK)
        for entry in _entries_with_ids(connection, unique[start : start + _ID_CHUNK])
    ]
    return sorted(entries, key=lambda entry: (entry.date, entry.id))


def timeline_size(
    connection: sqlite3.Connection,
    date_from: str | None = None,
    date_to: str | None = None,
    actor_ids: Sequence[int] | None = None,
    place_ids: Sequence[int] | None = None,
) -> int:
    """How many entries ``timeline`` yields with these filters and no page."""
    where, parameters = _entry_filter(date_from, date_to, actor_ids, place_ids)
    (count,) = connection.execute(
        f"SELECT COUNT(*) FROM timeline_entries t {where}", parameters
    ).fetchone()
    return int(count)


_ID_CHUNK = 500  # ids per query, well under SQLite's limit on parameters


def _entry_filter(
    date_from: str | None,
    date_to: str | None,
    actor_ids: Sequence[int] | None,
    place_ids: Sequence[int] | None,
) -> tuple[str, list[object]]:
    conditions: list[str] = []
    parameters: list[object] = []
    if date_from is not None:
        # Compared at the coarser precision: the year "2013" lies in a range from "2013-09".
        conditions.append("COALESCE(t.date_end, t.date) >= substr(?, 1, "
                          "length(COALESCE(t.date_end, t.date)))")  # fmt: skip
        parameters.append(date_from)
    if date_to is not None:
        conditions.append("substr(t.date, 1, length(?)) <= ?")
        parameters.extend((date_to, date_to))
    if actor_ids is not None:
        marks = ",".join("?" * len(actor_ids))
        named = f"SELECT 1 FROM json_each(t.actors) WHERE value IN ({marks})"
        conditions.append(f"(t.place_entity_id IN ({marks}) OR EXISTS ({named}))")
        parameters.extend((*actor_ids, *actor_ids))
    if place_ids is not None:
        conditions.append(f"t.place_entity_id IN ({','.join('?' * len(place_ids))})")
        parameters.extend(place_ids)
    return (f"WHERE {' AND '.join(conditions)}" if conditions else ""), parameters


def _entries_with_ids(
    connection: sqlite3.Connection, entry_ids: Sequence[int]
) -> Iterator[TimelineEntry]:
    cursor = connection.execute(
        "SELECT t.id, t.date, t.date_end, t.precision, t.status, t.type, t.title, t.actors, "
        't.place_entity_id, e.report_id, e.source_id, e.start, e."end", e.sentence_start, '
        "e.sentence_end FROM timeline_entries t JOIN events e ON e.entry_id = t.id "
        f"WHERE t.id IN ({','.join('?' * len(entry_ids))}) "
        "ORDER BY t.date, t.id, e.report_id, e.start",
        tuple(entry_ids),
    )
    for key, rows in groupby(cursor, key=lambda row: tuple(row[:9])):
        (entry_id, date, date_end, precision, status, kind, name, actors, place) = key
        members = list(rows)
        yield TimelineEntry(
            id=int(entry_id), date=date, date_end=date_end, precision=DatePrecision(precision),
            status=EventStatus(status), type=kind, title=name, actor_ids=tuple(json.loads(actors)),
            place_entity_id=place,
            report_ids=tuple(dict.fromkeys(int(row[9]) for row in members)),
            sources=len({int(row[10]) for row in members}),
            evidence=tuple(
                EventMention(int(row[9]), int(row[11]), int(row[12]),
                             TextSpan(int(row[13]), int(row[14])))
                for row in members
            ),
        )  # fmt: skip


def stored_events(connection: sqlite3.Connection, report_id: int) -> Iterator[StoredEvent]:
    """One report's events in text order."""
    cursor = connection.execute(
        'SELECT id, report_id, type, start, "end", sentence_start, sentence_end, status, date, '
        "entry_id FROM events WHERE report_id = ? ORDER BY position",
        (report_id,),
    )
    for (
        event_id,
        doc,
        kind,
        start,
        end,
        sentence_start,
        sentence_end,
        status,
        date,
        entry,
    ) in cursor:
        yield StoredEvent(
            int(event_id), int(doc), kind, int(start), int(end),
            TextSpan(int(sentence_start), int(sentence_end)), EventStatus(status), date, entry,
        )  # fmt: skip
