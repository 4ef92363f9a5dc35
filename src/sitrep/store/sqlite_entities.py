"""SQLite: the actor tables, and linking a new report's actors inside its transaction.

Linking reads only through the ``entity_keys`` index (``SQLiteActorIndex``), so the
cost of adding a report depends on its own actors, not on the size of the store.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence

from sitrep.link.actors import KnownActor, actor_keys, choose_actor
from sitrep.link.names import person_name_parts, sound_key
from sitrep.models import (
    Entity,
    EntityType,
    HeldRole,
    LocalEntity,
    Mention,
    MentionKind,
    ProcessedReport,
    StoredMention,
)

# SQLite's default limit on host parameters is 32,766; a report's keys stay far below.
_KEY_CHUNK = 500

# How many of an actor's most recent reports are read for the company it keeps.
SHARED_REPORTS_READ = 200


class SQLiteActorIndex:
    """The alias index as linking sees it, read through one cursor (one transaction)."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    def actors_with_keys(self, keys: Sequence[str]) -> list[KnownActor]:
        ids: set[int] = set()
        for start in range(0, len(keys), _KEY_CHUNK):
            chunk = keys[start : start + _KEY_CHUNK]
            marks = ",".join("?" * len(chunk))
            ids.update(
                row[0]
                for row in self._cursor.execute(
                    f"SELECT DISTINCT entity_id FROM entity_keys WHERE key IN ({marks})", chunk
                )
            )
        return [self._known(entity_id) for entity_id in sorted(ids)]

    def shared_reports(self, actor_id: int, others: Sequence[int]) -> int:
        if not others:
            return 0
        marks = ",".join("?" * len(others))
        # The actor's most recent reports only: context read from them is enough, and
        # a name mentioned in tens of thousands of reports must not be read whole.
        row = self._cursor.execute(
            f"""
            SELECT COUNT(DISTINCT other.entity_id)
            FROM (SELECT DISTINCT report_id FROM mentions WHERE entity_id = ?
                  ORDER BY report_id DESC LIMIT {SHARED_REPORTS_READ}) own
            JOIN mentions other ON other.report_id = own.report_id
            WHERE other.entity_id IN ({marks})
            """,
            (actor_id, *others),
        ).fetchone()
        return int(row[0])

    def _known(self, entity_id: int) -> KnownActor:
        name, kind, gazetteer_id = self._cursor.execute(
            "SELECT name, type, gazetteer_id FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        aliases = tuple(
            row[0]
            for row in self._cursor.execute(
                "SELECT alias FROM entity_aliases WHERE entity_id = ?", (entity_id,)
            )
        )
        return KnownActor(entity_id, name, EntityType(kind), aliases, gazetteer_id)


def insert_mentions(
    cursor: sqlite3.Cursor, report_id: int, processed: ProcessedReport
) -> tuple[int, ...]:
    """Resolve each local entity to a stored actor (or a new one) and store its mentions.

    Returns:
        the stored actor of each of ``processed.entities``, in order: what a quote's
        ``speaker_entity`` (an index into them) resolves to.
    """
    index = SQLiteActorIndex(cursor)
    resolved: list[int] = []
    entity_of_mention: dict[int, int] = {}
    for entity in processed.entities:
        keys = actor_keys(entity)
        known = choose_actor(entity, index.actors_with_keys(keys), index, resolved)
        entity_id = _update(cursor, known, entity) if known else _create(cursor, entity)
        cursor.executemany(
            "INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)",
            [(key, entity_id) for key in keys],
        )
        _count_aliases(cursor, entity_id, entity, processed.mentions)
        resolved.append(entity_id)
        entity_of_mention.update(dict.fromkeys(entity.mentions, entity_id))
    cursor.executemany(
        'INSERT INTO mentions (report_id, position, start, "end", text, type, kind, role, '
        "entity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (report_id, position, m.start, m.end, m.text, m.type.value, m.kind.value, m.role,
             entity_of_mention[position])
            for position, m in enumerate(processed.mentions)
            if position in entity_of_mention
        ],
    )  # fmt: skip
    _tally(cursor, Counter(entity_of_mention.values()))
    return tuple(resolved)


def _tally(cursor: sqlite3.Cursor, mentions: Counter[int]) -> None:
    """Each actor's running counts of mentions and reports (one report more each), so
    lists of actors by weight read an index instead of grouping every mention."""
    cursor.executemany(
        "INSERT INTO actor_tally (entity_id, mentions, reports) VALUES (?, ?, 1) "
        "ON CONFLICT (entity_id) DO UPDATE SET mentions = mentions + excluded.mentions, "
        "reports = reports + 1",
        list(mentions.items()),
    )


def _create(cursor: sqlite3.Cursor, entity: LocalEntity) -> int:
    cursor.execute(
        "INSERT INTO entities (name, type, gazetteer_id, wikidata) VALUES (?, ?, ?, ?)",
        (entity.name, entity.type.value, entity.gazetteer_id, entity.wikidata),
    )
    return int(cursor.lastrowid or 0)


def _update(cursor: sqlite3.Cursor, known: KnownActor, entity: LocalEntity) -> int:
    """A fuller name replaces a shorter one, unless the gazetteer named the actor."""
    if known.gazetteer_id is None and len(entity.name.split()) > len(known.name.split()):
        cursor.execute("UPDATE entities SET name = ? WHERE id = ?", (entity.name, known.id))
    if known.gazetteer_id is None and entity.gazetteer_id is not None:
        cursor.execute(
            "UPDATE entities SET gazetteer_id = ?, wikidata = ? WHERE id = ?",
            (entity.gazetteer_id, entity.wikidata, known.id),
        )
    return known.id


def _count_aliases(
    cursor: sqlite3.Cursor, entity_id: int, entity: LocalEntity, mentions: Sequence[Mention]
) -> None:
    counts: dict[str, int] = dict.fromkeys(entity.aliases, 0)
    for position in entity.mentions:
        mention = mentions[position]
        if mention.kind is MentionKind.NAME:
            counts[mention.text] = counts.get(mention.text, 0) + 1
    cursor.executemany(
        "INSERT INTO entity_aliases (entity_id, alias, mentions) VALUES (?, ?, ?) "
        "ON CONFLICT (entity_id, alias) DO UPDATE SET mentions = mentions + excluded.mentions",
        [(entity_id, alias, count) for alias, count in counts.items()],
    )


def stored_mentions(
    connection: sqlite3.Connection, report_id: int | None = None, entity_id: int | None = None
) -> Iterator[StoredMention]:
    conditions = {"report_id": report_id, "entity_id": entity_id}
    chosen = {column: value for column, value in conditions.items() if value is not None}
    where = " AND ".join(f"{column} = ?" for column in chosen)
    cursor = connection.execute(
        'SELECT report_id, start, "end", text, type, kind, role, entity_id FROM mentions '
        f"{'WHERE ' + where if where else ''} ORDER BY report_id, position",
        tuple(chosen.values()),
    )
    for doc, start, end, text, kind, mention_kind, role, entity_id in cursor:
        mention = Mention(start, end, text, EntityType(kind), MentionKind(mention_kind), role)
        yield StoredMention(doc, mention, entity_id)


def entities(
    connection: sqlite3.Connection,
    entity_ids: Sequence[int] | None = None,
    limit: int | None = None,
    offset: int = 0,
    details: bool = True,
) -> Iterator[Entity]:
    """Actors, most reported first: all, or those of ``entity_ids``; a page of them with
    ``limit`` and ``offset``. Without ``details``, aliases and roles are left empty (a
    list of names and counts needs neither, and roles group every mention)."""
    where = (
        f"WHERE t.entity_id IN ({','.join('?' * len(entity_ids))})"
        if entity_ids is not None
        else ""
    )
    cursor = connection.execute(
        f"""
        SELECT e.id, e.name, e.type, e.wikidata, t.mentions, t.reports
        FROM actor_tally t JOIN entities e ON e.id = t.entity_id {where}
        ORDER BY t.reports DESC, t.mentions DESC, t.entity_id LIMIT ? OFFSET ?
        """,
        (*(entity_ids or ()), -1 if limit is None else limit, offset),
    )
    for entity_id, name, kind, wikidata, mention_count, report_count in cursor.fetchall():
        aliases = _aliases(connection, entity_id) if details else ()
        roles = _roles(connection, entity_id) if details else ()
        yield Entity(entity_id, name, EntityType(kind), aliases, roles, wikidata,
                     mention_count, report_count)  # fmt: skip


def entity_names(connection: sqlite3.Connection, entity_ids: Sequence[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    unique = list(dict.fromkeys(entity_ids))
    for start in range(0, len(unique), _KEY_CHUNK):
        chunk = unique[start : start + _KEY_CHUNK]
        names.update(
            connection.execute(
                f"SELECT id, name FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
        )
    return names


def co_actors(
    connection: sqlite3.Connection, entity_id: int, limit: int = 20
) -> list[tuple[int, int]]:
    """The actors named in the same reports as ``entity_id``, with how many reports they
    share, most shared first; over its ``SHARED_REPORTS_READ`` latest reports, so an
    actor named in every report costs no more than one named in a few."""
    rows = connection.execute(
        """
        SELECT other.entity_id, COUNT(DISTINCT other.report_id) AS shared
        FROM (SELECT DISTINCT report_id FROM mentions WHERE entity_id = ?
              ORDER BY report_id DESC LIMIT ?) mine
        JOIN mentions other ON other.report_id = mine.report_id
        WHERE other.entity_id != ?
        GROUP BY other.entity_id ORDER BY shared DESC, other.entity_id LIMIT ?
        """,
        (entity_id, SHARED_REPORTS_READ, entity_id, limit),
    ).fetchall()
    return [(int(actor), int(shared)) for actor, shared in rows]


def _aliases(connection: sqlite3.Connection, entity_id: int) -> tuple[str, ...]:
    return tuple(
        row[0]
        for row in connection.execute(
            "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY mentions DESC, alias",
            (entity_id,),
        )
    )


def _roles(connection: sqlite3.Connection, entity_id: int) -> tuple[HeldRole, ...]:
    rows = connection.execute(
        """
        SELECT m.role, MIN(r.published), MAX(r.published), COUNT(DISTINCT m.report_id)
        FROM mentions m JOIN reports r ON r.id = m.report_id
        WHERE m.entity_id = ? AND m.role IS NOT NULL
        GROUP BY m.role ORDER BY MIN(r.published), m.role
        """,
        (entity_id,),
    ).fetchall()
    return tuple(
        HeldRole(role, _date(first), _date(last), int(count)) for role, first, last, count in rows
    )


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def actors_named(connection: sqlite3.Connection, name: str) -> list[int]:
    """The actors called ``name`` (their name or an alias), compared by sound key: case,
    punctuation, script and transliteration aside ("Рахмон" finds "Emomali Rahmon").

    Candidates come from the ``entity_keys`` index (an alias's sound key, a person's
    surname), so the cost is that of the few actors sharing a key, not of all of them.
    """
    key = sound_key(name)
    if not key:
        return []
    _, surname = person_name_parts(name)
    lookups = [f"sound:{key}", f"surname:{sound_key(surname)}", f"surname:{key}"]
    # A canonical name no report wrote out (a gazetteer's full name) has no key of its own.
    candidates = [
        int(row[0])
        for row in connection.execute(
            "SELECT entity_id FROM entity_keys WHERE key IN (?, ?, ?) "
            "UNION SELECT id FROM entities WHERE name = ? COLLATE NOCASE",
            (*lookups, name.strip()),
        )
    ]
    if not candidates:
        return []
    marks = ",".join("?" * len(candidates))
    rows = connection.execute(
        f"SELECT id, name FROM entities WHERE id IN ({marks}) "
        f"UNION ALL SELECT entity_id, alias FROM entity_aliases WHERE entity_id IN ({marks})",
        (*candidates, *candidates),
    ).fetchall()
    return sorted({int(entity_id) for entity_id, known in rows if sound_key(known) == key})
