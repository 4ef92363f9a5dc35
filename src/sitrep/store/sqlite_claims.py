"""SQLite: the claim tables, and grouping a new report's claims with earlier ones in its
transaction.

Candidates come from the ``claims_key`` index (the same subject, kind and unit),
newest first, at most ``MAX_CANDIDATES``: adding a report costs what its own claims
cost, however large the store. Whether claims agree is decided in ``link/claims.py``;
this module reads and writes. Every claim belongs to a group, a group of one when no
other report makes it; a group's status is recomputed whenever a claim joins it.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from sitrep.link.claims import (
    MAX_CANDIDATES,
    ClaimEvidence,
    GroupState,
    best_match,
    claim_key,
    content_words,
    context_stems,
    figure_interval,
    joined_state,
    object_numbers,
)
from sitrep.link.gazetteer import Gazetteer
from sitrep.link.parties import office_country
from sitrep.models import (
    Approximation,
    Claim,
    ClaimGroup,
    ClaimKind,
    ClaimStatus,
    EntityType,
    Figure,
    Modality,
    ProcessedReport,
    StoredClaim,
    TextSpan,
)

# Claims of a group compared when one joins: the newest, so the pairs judged stay bounded
# however many reports repeat a claim.
MAX_GROUP_MEMBERS = 60
_EVIDENCE_COLUMNS = (
    "id, source_id, kind, claim_key, predicate, object, measured, negated, modality, time, "
    "published, text, value, upper, approx, varies, context, group_id"
)
_CLAIM_COLUMNS = (
    'id, report_id, kind, start, "end", text, sentence_start, sentence_end, subject_entity_id, '
    "party, predicate, object, negated, modality, time, speaker_entity_id, actors, value, "
    "upper, approx, unit, measured, measured_start, measured_end, varies, group_id"
)


def insert_claims(
    cursor: sqlite3.Cursor,
    report_id: int,
    source_id: int,
    processed: ProcessedReport,
    entity_ids: Sequence[int],
) -> None:
    """Store a report's claims and put each in a group with the same claim from other
    sources where one is found.

    Args:
        source_id: the independent source: ``report_id``, or the report it copies.
        entity_ids: the stored actor of each of ``processed.entities`` (from linking).
    """
    published = processed.publication.value
    offices: dict[int, str | None] = {}
    for position, claim in enumerate(processed.claims):
        subject = _stored(claim.subject, entity_ids)
        figure = claim.figure
        party = claim.party
        if party is None and subject is not None and _is_person(processed, claim):
            if subject not in offices:
                offices[subject] = _office_country(cursor, subject)
            party = offices[subject]
        key = claim_key(claim.kind, party, subject, figure.unit if figure else "")
        cursor.execute(
            'INSERT INTO claims (report_id, source_id, position, kind, start, "end", text, '
            "sentence_start, sentence_end, subject_entity_id, party, predicate, object, negated, "
            "modality, time, speaker_entity_id, actors, value, upper, approx, unit, measured, "
            "measured_start, measured_end, varies, context, claim_key, group_id, published) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, NULL, ?)",
            (report_id, source_id, position, claim.kind.value, claim.start, claim.end, claim.text,
             claim.sentence.start, claim.sentence.end, subject, party, claim.predicate,
             claim.object, int(claim.negated), claim.modality.value, claim.time,
             _stored(claim.speaker, entity_ids),
             json.dumps([entity_ids[a] for a in claim.actors if 0 <= a < len(entity_ids)]),
             figure.value if figure else None, figure.upper if figure else None,
             figure.approx.value if figure and figure.approx else None,
             figure.unit if figure else None, figure.measured if figure else None,
             figure.measured_start if figure else None, figure.measured_end if figure else None,
             int(claim.varies), " ".join(sorted(_context(processed, claim))), key,
             _iso(published)),
        )  # fmt: skip
        claim_id = int(cursor.lastrowid or 0)
        _place(cursor, claim_id, key, report_id)


def _context(processed: ProcessedReport, claim: Claim) -> frozenset[str]:
    """The stems a figure's sentence adds to the claim's own words (``context_stems``)."""
    if claim.kind is not ClaimKind.FIGURE:
        return frozenset()
    sentence = processed.clean.text[claim.sentence.start : claim.sentence.end]
    own = [claim.text, claim.predicate, claim.object or ""]
    own.extend(name for actor in claim.actors[:1] for name in processed.entities[actor].aliases)
    return context_stems(sentence, own)


def _is_person(processed: ProcessedReport, claim: Claim) -> bool:
    local = claim.subject
    return local is not None and processed.entities[local].type is EntityType.PERSON


def _office_country(cursor: sqlite3.Cursor, entity_id: int) -> str | None:
    """The country of a person's office as every stored report names it: a report that
    calls Rahmon only "President" still puts him in Tajikistan if another said so."""
    roles = cursor.execute(
        "SELECT DISTINCT role FROM mentions WHERE entity_id = ? AND role IS NOT NULL LIMIT 50",
        (entity_id,),
    ).fetchall()
    return office_country((role for (role,) in roles), Gazetteer.bundled())


def _place(cursor: sqlite3.Cursor, claim_id: int, key: str | None, report_id: int) -> None:
    """Join the claim to the group of its best match among earlier claims, or open one."""
    new = _evidence(cursor, "WHERE id = ?", (claim_id,))[0][0]
    match = None
    if key is not None:
        candidates = _evidence(
            cursor,
            f"WHERE claim_key = ? AND report_id != ? AND id != ? ORDER BY id DESC "
            f"LIMIT {MAX_CANDIDATES}",
            (key, report_id, claim_id),
        )
        match = best_match(new, candidates)
    if match is None:
        cursor.execute(
            "INSERT INTO claim_groups (status, sources, explanation, conflicting) "
            "VALUES (?, ?, NULL, '[]')",
            (ClaimStatus.SINGLE_SOURCE.value, json.dumps([new.source])),
        )
        cursor.execute(
            "UPDATE claims SET group_id = ? WHERE id = ?", (int(cursor.lastrowid or 0), claim_id)
        )
        return
    _, group, _ = match
    cursor.execute("UPDATE claims SET group_id = ? WHERE id = ?", (group, claim_id))
    _refresh(cursor, int(group or 0), new)


def _refresh(cursor: sqlite3.Cursor, group: int, new: ClaimEvidence) -> None:
    """Fold the claim that just joined into its group's status, judged against the
    group's newest ``MAX_GROUP_MEMBERS`` other claims (``joined_state``)."""
    rows = _evidence(cursor, "WHERE group_id = ? AND id != ? ORDER BY id DESC "
                     f"LIMIT {MAX_GROUP_MEMBERS}", (group, new.id))  # fmt: skip
    members = [evidence for evidence, _ in reversed(rows)]
    status, sources, explanation, conflicting = cursor.execute(
        "SELECT status, sources, explanation, conflicting FROM claim_groups WHERE id = ?",
        (group,),
    ).fetchone()
    prior = GroupState(ClaimStatus(status), tuple(json.loads(sources)), explanation,
                       tuple(json.loads(conflicting)))  # fmt: skip
    names = _source_names(cursor, {m.source for m in members} | {new.source})
    state = joined_state(prior, new, members, names)
    cursor.execute(
        "UPDATE claim_groups SET status = ?, sources = ?, explanation = ?, conflicting = ? "
        "WHERE id = ?",
        (state.status.value, json.dumps(state.sources), state.explanation,
         json.dumps(state.conflicting), group),
    )  # fmt: skip


def _source_names(cursor: sqlite3.Cursor, sources: set[int]) -> dict[int, str]:
    """The outlet of each source report, for explanations (others are "report N")."""
    marks = ",".join("?" * len(sources))
    rows = cursor.execute(
        f"SELECT id, source FROM reports WHERE id IN ({marks})", tuple(sources)
    ).fetchall()
    return {int(report): f"{name}, report {report}" for report, name in rows if name}


def _evidence(
    cursor: sqlite3.Cursor, where: str, parameters: Sequence[object] = ()
) -> list[tuple[ClaimEvidence, int | None]]:
    rows = cursor.execute(f"SELECT {_EVIDENCE_COLUMNS} FROM claims {where}", parameters)
    found = []
    for (claim_id, source, kind, key, predicate, obj, measured, negated, modality, time,
         published, text, value, upper, approx, varies, context,
         group) in rows.fetchall():  # fmt: skip
        kind = ClaimKind(kind)
        approximation = Approximation(approx) if approx else None
        low, high = (
            figure_interval(value, upper, approximation) if kind is ClaimKind.FIGURE else (0, 0)
        )
        found.append((ClaimEvidence(
            id=claim_id, source=source, kind=kind, key=key or "", predicate=predicate,
            object_words=content_words(measured if kind is ClaimKind.FIGURE else obj),
            negated=bool(negated), modality=Modality(modality), time=time,
            published=dt.date.fromisoformat(published) if published else None, label=text,
            value=value or 0.0, low=low, high=high, measured=measured, varies=bool(varies),
            numbers=object_numbers(obj) if kind is ClaimKind.STATEMENT else frozenset(),
            context=frozenset(context.split()),
        ), group))  # fmt: skip
    return found


def stored_claims(
    connection: sqlite3.Connection,
    report_id: int | None = None,
    group_id: int | None = None,
    contested: bool = False,
) -> Iterator[StoredClaim]:
    """Claims of one report, or of one group, or all (only those in contested groups when
    ``contested``), in report order."""
    conditions: list[str] = []
    parameters: list[object] = []
    if report_id is not None:
        conditions.append("report_id = ?")
        parameters.append(report_id)
    if group_id is not None:
        conditions.append("group_id = ?")
        parameters.append(group_id)
    if contested:
        conditions.append("group_id IN (SELECT id FROM claim_groups WHERE status = ?)")
        parameters.append(ClaimStatus.CONTESTED.value)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    cursor = connection.execute(
        f"SELECT {_CLAIM_COLUMNS} FROM claims {where} ORDER BY report_id, position", parameters
    )
    for row in cursor:
        yield _stored_claim(row)


def _stored_claim(row: Sequence[Any]) -> StoredClaim:
    (claim_id, report_id, kind, start, end, text, sentence_start, sentence_end, subject, party,
     predicate, obj, negated, modality, time, speaker, actors, value, upper, approx, unit,
     measured, measured_start, measured_end, varies, group) = row  # fmt: skip
    figure = None
    if value is not None:
        figure = Figure(
            int(start), int(end), str(text), float(value), str(unit),
            float(upper) if upper is not None else None,
            Approximation(approx) if approx else None,
            str(measured) if measured is not None else None,
            measured_start, measured_end,
        )  # fmt: skip
    claim = Claim(
        kind=ClaimKind(kind), start=int(start), end=int(end), text=str(text),
        sentence=TextSpan(int(sentence_start), int(sentence_end)),
        subject=None, party=party, predicate=str(predicate),
        object=obj, negated=bool(negated), modality=Modality(modality),
        time=time, figure=figure, varies=bool(varies),
    )  # fmt: skip
    return StoredClaim(
        int(claim_id),
        int(report_id),
        claim,
        subject,
        group,
        tuple(json.loads(str(actors))),
        speaker,
    )


def claim_groups(
    connection: sqlite3.Connection,
    contested_only: bool = False,
    group_ids: Sequence[int] | None = None,
    status: ClaimStatus | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Iterator[ClaimGroup]:
    """Groups with their claims, in id order: all, or only contested ones, or those with
    ``status``, or those of ``group_ids``; a page of them with ``limit`` and ``offset``."""
    conditions: list[str] = []
    parameters: list[object] = []
    if contested_only:
        status = ClaimStatus.CONTESTED
    if status is not None:
        conditions.append("status = ?")
        parameters.append(status.value)
    if group_ids is not None:
        conditions.append(f"id IN ({','.join('?' * len(group_ids))})")
        parameters.extend(group_ids)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    cursor = connection.execute(
        f"SELECT g.id, g.status, g.sources, g.explanation, g.conflicting, "
        f"group_concat(c.id) FROM (SELECT * FROM claim_groups {where} ORDER BY id "
        f"LIMIT ? OFFSET ?) g JOIN claims c ON c.group_id = g.id GROUP BY g.id ORDER BY g.id",
        (*parameters, -1 if limit is None else limit, offset),
    )
    for group_id, group_status, sources, explanation, conflicting, members in cursor:
        yield ClaimGroup(
            id=int(group_id),
            status=ClaimStatus(group_status),
            claim_ids=tuple(sorted(int(member) for member in str(members).split(","))),
            sources=tuple(json.loads(sources)),
            explanation=explanation,
            conflicting=tuple(json.loads(conflicting)),
        )


def claim_status_counts(connection: sqlite3.Connection) -> dict[ClaimStatus, int]:
    rows = connection.execute("SELECT status, COUNT(*) FROM claim_groups GROUP BY status")
    return {ClaimStatus(status): int(count) for status, count in rows}


def _stored(local: int | None, entity_ids: Sequence[int]) -> int | None:
    return entity_ids[local] if local is not None and 0 <= local < len(entity_ids) else None


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()
