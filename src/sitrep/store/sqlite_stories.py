"""SQLite: putting a new report in a story (and a new story in a storyline) in the
report's transaction, and reading stories back.

Candidate stories come from the ``story_actors`` index: for each of the report's most
weighty actors and places, its ``CANDIDATES_PER_KEY`` newest stories, at most
``MAX_CANDIDATES`` in all. Adding a report reads those stories' profiles and nothing
else, however large the store. The decision is ``link/stories.py``'s.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import groupby

import numpy as np

from sitrep.link.embeddings import Embeddings, SentenceEmbedder
from sitrep.link.stories import (
    CANDIDATES_PER_KEY,
    INFERRED_SLACK_DAYS,
    MAX_CANDIDATES,
    Profile,
    actor_weights,
    best_story,
    best_storyline,
    merged,
    rarity_of,
)
from sitrep.link.timeline import main_event, title
from sitrep.models import EntityType, Event, ProcessedReport, Story, Storyline

# The actors and places a report is looked up by: the most weighty few.
LOOKUP_ACTORS = 12
LEAD_CHARS = 1200  # of the headline and first paragraphs, embedded as the report's gist
_PLACES = frozenset({EntityType.GPE, EntityType.LOC})


def insert_story(
    cursor: sqlite3.Cursor,
    report_id: int,
    source_id: int,
    processed: ProcessedReport,
    entity_ids: Sequence[int],
    embedder: SentenceEmbedder,
) -> int:
    """Put the report in the story it belongs to, or a new one; returns the story id."""
    report = _profile(processed, entity_ids, embedder)
    candidates = _candidates(cursor, report)
    rarity = _rarity(cursor, {actor for _, story in candidates for actor in story.actors}
                     | set(report.actors))  # fmt: skip
    # A syndicated copy is in its original's story, whatever the scores say.
    chosen = _original_story(cursor, source_id, report_id) or best_story(report, candidates, rarity)
    if chosen is None:
        story_id = _new_story(cursor, processed, entity_ids, report, candidates, rarity, embedder)
        score = None
    else:
        story_id, score = chosen
        story = dict(candidates).get(story_id) or _stored_profile(cursor, story_id)
        _save_profile(cursor, story_id, merged(story, report), embedder.name)
        _retitle_if_undated(cursor, story_id, processed, entity_ids)
    cursor.execute(
        "INSERT INTO story_reports (report_id, story_id, source_id, score) VALUES (?, ?, ?, ?)",
        (report_id, story_id, source_id, score),
    )
    _add_actors(cursor, story_id, report)
    return story_id


def _original_story(
    cursor: sqlite3.Cursor, source_id: int, report_id: int
) -> tuple[int, float] | None:
    if source_id == report_id:
        return None
    row = cursor.execute(
        "SELECT story_id FROM story_reports WHERE report_id = ?", (source_id,)
    ).fetchone()
    return (int(row[0]), 1.0) if row else None


def _profile(
    processed: ProcessedReport, entity_ids: Sequence[int], embedder: SentenceEmbedder
) -> Profile:
    counts: Counter[int] = Counter()
    places: set[int] = set()
    for local, entity in enumerate(processed.entities):
        counts[entity_ids[local]] += len(entity.mentions)
        if entity.type in _PLACES:
            places.add(entity_ids[local])
    # The publication date, not the dates of events in the text: those are too often
    # background (on ECB+, keeping reports apart by them cost 0.05 of B-cubed F1).
    lead = _lead(processed)
    vector = embedder.embed([lead])[0] if lead else None
    return Profile(actor_weights(counts), _days(processed), vector, 1, frozenset(places))


def _days(processed: ProcessedReport) -> tuple[dt.date, dt.date] | None:
    publication = processed.publication
    if not publication.inferred:
        day = publication.value
        return (day, day) if day is not None else None
    window = publication.window
    if window is None or window.earliest is None or window.latest is None:
        return None
    slack = dt.timedelta(days=INFERRED_SLACK_DAYS)
    return window.earliest - slack, window.latest + slack


def _lead(processed: ProcessedReport) -> str:
    """The headline and the first paragraphs, up to ``LEAD_CHARS``: what the report is
    news of."""
    return " ".join(processed.clean.text[:LEAD_CHARS].split())


def _candidates(cursor: sqlite3.Cursor, report: Profile) -> list[tuple[int, Profile]]:
    keys = sorted(report.actors, key=lambda actor: -report.actors[actor])[:LOOKUP_ACTORS]
    found: dict[int, None] = {}
    for actor in keys:
        rows = cursor.execute(
            "SELECT story_id FROM story_actors WHERE entity_id = ? ORDER BY story_id DESC "
            f"LIMIT {CANDIDATES_PER_KEY}",
            (actor,),
        ).fetchall()
        found.update(dict.fromkeys(int(story) for (story,) in rows))
    chosen = sorted(found, reverse=True)[:MAX_CANDIDATES]
    return [(story_id, _stored_profile(cursor, story_id)) for story_id in chosen]


def _stored_profile(cursor: sqlite3.Cursor, story_id: int) -> Profile:
    day, size, blob = cursor.execute(
        "SELECT days, size, vector FROM stories WHERE id = ?", (story_id,)
    ).fetchone()
    rows = cursor.execute(
        "SELECT entity_id, weight, is_place FROM story_actors WHERE story_id = ?", (story_id,)
    ).fetchall()
    return Profile(
        {int(actor): float(weight) for actor, weight, _ in rows},
        _parse_days(day),
        np.frombuffer(blob, dtype=np.float32).copy() if blob else None,
        int(size),
        frozenset(int(actor) for actor, _, is_place in rows if is_place),
    )


def _rarity(cursor: sqlite3.Cursor, actors: set[int]) -> dict[int, float]:
    if not actors:
        return {}
    marks = ",".join("?" * len(actors))
    counts = dict(cursor.execute(
        f"SELECT entity_id, stories FROM actor_story_counts WHERE entity_id IN ({marks})",
        tuple(actors),
    ).fetchall())  # fmt: skip
    (story_count,) = cursor.execute("SELECT COALESCE(MAX(id), 0) FROM stories").fetchone()
    return rarity_of({actor: int(counts.get(actor, 0)) for actor in actors}, int(story_count))


def _new_story(
    cursor: sqlite3.Cursor,
    processed: ProcessedReport,
    entity_ids: Sequence[int],
    report: Profile,
    candidates: list[tuple[int, Profile]],
    rarity: dict[int, float],
    embedder: SentenceEmbedder,
) -> int:
    storylines = _storylines_of(cursor, [story_id for story_id, _ in candidates])
    continued = best_storyline(
        report, ((storylines[s], profile) for s, profile in candidates if s in storylines),
        rarity,
    )  # fmt: skip
    story_title, date, place = _title(cursor, processed, entity_ids)
    if continued is None:
        cursor.execute("INSERT INTO storylines (title) VALUES (?)",
                       (_storyline_title(cursor, report) or story_title,))  # fmt: skip
        continued = int(cursor.lastrowid or 0)
    cursor.execute(
        "INSERT INTO stories (title, date, days, place_entity_id, storyline_id, size, vector, "
        "vector_model) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
        (story_title, date, _format_days(report.days), place, continued,
         _blob(report.vector), embedder.name),
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def _storyline_title(cursor: sqlite3.Cursor, report: Profile) -> str:
    """A storyline is named after the actors of the story that opens it, most named first."""
    top = sorted(report.actors, key=lambda actor: -report.actors[actor])[:3]
    return ", ".join(short_name(cursor, actor) for actor in top)


def _storylines_of(cursor: sqlite3.Cursor, story_ids: list[int]) -> dict[int, int]:
    if not story_ids:
        return {}
    marks = ",".join("?" * len(story_ids))
    rows = cursor.execute(
        f"SELECT id, storyline_id FROM stories WHERE id IN ({marks})", story_ids
    ).fetchall()
    return {int(story): int(storyline) for story, storyline in rows}


def _title(
    cursor: sqlite3.Cursor, processed: ProcessedReport, entity_ids: Sequence[int]
) -> tuple[str, str | None, int | None]:
    """A story's title, date and place, from its report's main event (or headline)."""
    event = main_event(processed.events, processed.publication.value)
    if event is None:
        return processed.clean.title or _lead(processed)[:80], None, None
    return (_event_title(cursor, event, processed, entity_ids), event.date,
            _stored(event.place, entity_ids))  # fmt: skip


def _event_title(
    cursor: sqlite3.Cursor, event: Event, processed: ProcessedReport, entity_ids: Sequence[int]
) -> str:
    names = [short_name(cursor, entity_ids[a]) for a in title_actors(event, processed)]
    place = _stored(event.place, entity_ids)
    return title(event.type, event.text, names, short_name(cursor, place) if place else None,
                 event.date)  # fmt: skip


def title_actors(event: Event, processed: ProcessedReport, limit: int = 3) -> list[int]:
    """The event's actors a title names: organisations, then people, then countries;
    never peoples ("Russian"), the report's own outlet, or the place, which the title
    gives on its own."""
    order = {EntityType.ORG: 0, EntityType.PERSON: 1, EntityType.GPE: 2, EntityType.LOC: 3}
    outlet = processed.clean.source
    actors = [
        a for a in event.actors
        if processed.entities[a].type in order and a != event.place
        and processed.entities[a].name != outlet  # the dateline's "(Eurasia Wire)"
    ]  # fmt: skip
    return sorted(actors, key=lambda a: order[processed.entities[a].type])[:limit]


def short_name(cursor: sqlite3.Cursor, entity_id: int) -> str:
    """An actor's name as a title would write it: its acronym when it has one ("CSTO")."""
    (name,) = cursor.execute("SELECT name FROM entities WHERE id = ?", (entity_id,)).fetchone()
    aliases = [a for (a,) in cursor.execute(
        "SELECT alias FROM entity_aliases WHERE entity_id = ?", (entity_id,)
    )]  # fmt: skip
    acronyms = [a for a in aliases if a.isupper() and a.isalpha() and 2 <= len(a) <= 6]
    return min(acronyms, key=len) if acronyms and len(str(name)) > 25 else str(name)


def _retitle_if_undated(
    cursor: sqlite3.Cursor, story_id: int, processed: ProcessedReport, entity_ids: Sequence[int]
) -> None:
    """A story opened by a report with no dated event takes its title from the first
    report that has one."""
    (date,) = cursor.execute("SELECT date FROM stories WHERE id = ?", (story_id,)).fetchone()
    if date is not None:
        return
    story_title, date, place = _title(cursor, processed, entity_ids)
    if date is not None:
        cursor.execute(
            "UPDATE stories SET title = ?, date = ?, place_entity_id = ? WHERE id = ?",
            (story_title, date, place, story_id),
        )


def _save_profile(cursor: sqlite3.Cursor, story_id: int, profile: Profile, model: str) -> None:
    cursor.execute(
        "UPDATE stories SET size = ?, vector = ?, vector_model = ?, days = ? WHERE id = ?",
        (profile.size, _blob(profile.vector), model, _format_days(profile.days), story_id),
    )  # fmt: skip


def _add_actors(cursor: sqlite3.Cursor, story_id: int, report: Profile) -> None:
    for actor, weight in report.actors.items():
        known = cursor.execute(
            "SELECT 1 FROM story_actors WHERE entity_id = ? AND story_id = ?", (actor, story_id)
        ).fetchone()
        if known:
            cursor.execute(
                "UPDATE story_actors SET weight = weight + ? WHERE entity_id = ? AND story_id = ?",
                (weight, actor, story_id),
            )
            continue
        cursor.execute(
            "INSERT INTO story_actors (entity_id, story_id, weight, is_place) VALUES (?, ?, ?, ?)",
            (actor, story_id, weight, int(actor in report.places)),
        )
        cursor.execute(
            "INSERT INTO actor_story_counts (entity_id, stories) VALUES (?, 1) "
            "ON CONFLICT(entity_id) DO UPDATE SET stories = stories + 1",
            (actor,),
        )


def _format_days(days: tuple[dt.date, dt.date] | None) -> str | None:
    """The span a story's reports appeared in, as an ISO 8601 interval: sorts by its start."""
    return None if days is None else f"{days[0].isoformat()}/{days[1].isoformat()}"


def _parse_days(value: str | None) -> tuple[dt.date, dt.date] | None:
    if not value:
        return None
    first, _, last = value.partition("/")
    return dt.date.fromisoformat(first), dt.date.fromisoformat(last or first)


def _blob(vector: Embeddings | None) -> bytes | None:
    return None if vector is None else np.asarray(vector, dtype=np.float32).tobytes()


def _stored(local: int | None, entity_ids: Sequence[int]) -> int | None:
    return entity_ids[local] if local is not None and 0 <= local < len(entity_ids) else None


def stories(
    connection: sqlite3.Connection,
    story_ids: Sequence[int] | None = None,
    limit: int | None = None,
    offset: int = 0,
    largest_first: bool = False,
    actor_id: int | None = None,
) -> Iterator[Story]:
    """Stories with their reports: all, or those of ``story_ids``, or those naming
    ``actor_id`` (newest first); in id order, or the most reported first; a page of them
    with ``limit`` and ``offset``."""
    conditions: list[str] = []
    parameters: list[object] = []
    if story_ids is not None:
        conditions.append(f"id IN ({','.join('?' * len(story_ids))})")
        parameters.extend(story_ids)
    if actor_id is not None:
        conditions.append("id IN (SELECT story_id FROM story_actors WHERE entity_id = ?)")
        parameters.append(actor_id)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    order = "size DESC, id" if largest_first else "id DESC" if actor_id is not None else "id"
    chosen = [
        int(row[0])
        for row in connection.execute(
            f"SELECT id FROM stories {where} ORDER BY {order} LIMIT ? OFFSET ?",
            (*parameters, -1 if limit is None else limit, offset),
        )
    ]
    for chunk in _chunks(chosen):
        found = {story.id: story for story in _stories_with_ids(connection, chunk)}
        yield from (found[story_id] for story_id in chunk if story_id in found)


def _stories_with_ids(connection: sqlite3.Connection, story_ids: Sequence[int]) -> Iterator[Story]:
    cursor = connection.execute(
        "SELECT s.id, s.title, s.date, s.place_entity_id, s.storyline_id, r.report_id, "
        "r.source_id FROM stories s JOIN story_reports r ON r.story_id = s.id "
        f"WHERE s.id IN ({','.join('?' * len(story_ids))}) ORDER BY s.id, r.report_id",
        tuple(story_ids),
    )
    for (story_id, name, date, place, storyline), rows in groupby(
        cursor, key=lambda row: tuple(row[:5])
    ):
        members = list(rows)
        yield Story(
            id=int(story_id), title=str(name), date=date, place_entity_id=place,
            actor_ids=_top_actors(connection, int(story_id)),
            report_ids=tuple(int(row[5]) for row in members),
            sources=len({int(row[6]) for row in members}), storyline_id=storyline,
        )  # fmt: skip


def _chunks(ids: list[int], size: int = 500) -> Iterator[list[int]]:
    """Ids in slices that keep a query's parameters under SQLite's limit."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def story_of_report(connection: sqlite3.Connection, report_id: int) -> int | None:
    row = connection.execute(
        "SELECT story_id FROM story_reports WHERE report_id = ?", (report_id,)
    ).fetchone()
    return None if row is None else int(row[0])


def _top_actors(connection: sqlite3.Connection, story_id: int, limit: int = 8) -> tuple[int, ...]:
    rows = connection.execute(
        "SELECT entity_id FROM story_actors WHERE story_id = ? ORDER BY weight DESC, entity_id "
        f"LIMIT {limit}",
        (story_id,),
    ).fetchall()
    return tuple(int(actor) for (actor,) in rows)


def storylines(
    connection: sqlite3.Connection, storyline_id: int | None = None
) -> Iterator[Storyline]:
    """Every storyline (or one) with its stories in date order (undated last), in id order."""
    where, parameters = (
        ("WHERE l.id = ?", (storyline_id,)) if storyline_id is not None else ("", ())
    )
    cursor = connection.execute(
        "SELECT l.id, l.title, s.id FROM storylines l JOIN stories s ON s.storyline_id = l.id "
        f"{where} ORDER BY l.id, s.days IS NULL, s.days, s.id",
        parameters,
    )
    for (storyline_id, name), rows in groupby(cursor, key=lambda row: (row[0], row[1])):
        yield Storyline(int(storyline_id), str(name), tuple(int(row[2]) for row in rows))
