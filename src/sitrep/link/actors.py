"""Across reports: which stored actor a report's local entity is, through an alias index.

A new report never rescans the store. Each local entity is reduced to index keys
(its gazetteer id, the alias and sound keys of its names, for people the surname);
the store returns the actors sharing a key, and these rules pick one or none:

- one gazetteer id is one actor;
- types must agree (a place may be GPE or LOC);
- people: the same first and last name (sound keys: Rakhmon = Rahmon, Sergei =
  Sergey, Путин = Putin), or an initial that fits; a bare surname joins the one
  person stored with it, or the one of several that shares the most actors with
  this report, and stays apart when nothing tells them apart; two different first
  names are never one person;
- everything else: a shared alias or sound key (Organisation = Organization,
  ОДКБ = CSTO through the gazetteer);
- a typo of a stored acronym (one letter off, OSTO for CSTO) joins it only when the
  report also names at least two actors the stored one appears with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz.distance import Levenshtein

from sitrep.link.names import alias_key, is_acronym, person_name_parts, sound_key
from sitrep.models import EntityType, LocalEntity

# Types that may name one actor: a place the model calls LOC in one report and GPE
# in another is one place.
TYPE_FAMILY = {
    EntityType.GPE: "place",
    EntityType.LOC: "place",
    EntityType.ORG: "organisation",
    EntityType.PERSON: "person",
    EntityType.NORP: "group",
}
# Shared actors a typo-close acronym needs before it is taken for a stored one.
_TYPO_CONTEXT = 2


@dataclass(frozen=True, slots=True)
class KnownActor:
    """A stored actor, as the index returns it."""

    id: int
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    gazetteer_id: str | None


class ActorIndex(Protocol):
    """What linking needs from the store: two index lookups, no scans."""

    def actors_with_keys(self, keys: Sequence[str]) -> list[KnownActor]:
        """Stored actors that have any of ``keys``."""
        ...

    def shared_reports(self, actor_id: int, others: Sequence[int]) -> int:
        """How many of ``others`` appear in a report together with ``actor_id``."""
        ...


def actor_keys(entity: LocalEntity) -> tuple[str, ...]:
    """The index keys of a local entity: what a later report's entity is looked up by."""
    keys: list[str] = []
    if entity.gazetteer_id:
        keys.append(f"id:{entity.gazetteer_id}")
    for alias in entity.aliases:
        if entity.type is EntityType.PERSON:
            _, surname = person_name_parts(alias)
            keys.append(f"surname:{sound_key(surname)}")
        else:
            keys.append(f"alias:{alias_key(alias)}")
            keys.append(f"sound:{sound_key(alias)}")
            if _is_acronym(alias):
                keys.extend(f"typo:{variant}" for variant in _deletions(alias_key(alias)))
    return tuple(dict.fromkeys(key for key in keys if not key.endswith(":")))


def choose_actor(
    entity: LocalEntity,
    candidates: Sequence[KnownActor],
    index: ActorIndex,
    context: Sequence[int],
) -> KnownActor | None:
    """The stored actor ``entity`` is, or None for a new one.

    Args:
        entity: a local entity of the new report.
        candidates: the stored actors sharing a key with it.
        index: for context checks (shared reports).
        context: the stored ids of the report's other actors resolved so far.
    """
    family = TYPE_FAMILY[entity.type]
    fitting = [c for c in candidates if TYPE_FAMILY[c.type] == family]
    if entity.gazetteer_id:
        same = [c for c in fitting if c.gazetteer_id == entity.gazetteer_id]
        if same:
            return same[0]
        fitting = [c for c in fitting if c.gazetteer_id is None]
    if entity.type is EntityType.PERSON:
        return _same_person(entity, fitting, index, context)
    keys = {alias_key(a) for a in entity.aliases} | {sound_key(a) for a in entity.aliases}
    shared = [
        c
        for c in fitting
        if keys & ({alias_key(a) for a in c.aliases} | {sound_key(a) for a in c.aliases})
    ]
    if shared:
        return min(shared, key=lambda c: c.id)
    return _typo_of(entity, fitting, index, context)


def _same_person(
    entity: LocalEntity, candidates: Sequence[KnownActor], index: ActorIndex, context: Sequence[int]
) -> KnownActor | None:
    ours = [person_name_parts(alias) for alias in entity.aliases]
    surnames = {sound_key(surname) for _, surname in ours}
    givens = {sound_key(given) for given, _ in ours if given}
    compatible: list[KnownActor] = []
    for candidate in candidates:
        theirs = [person_name_parts(alias) for alias in candidate.aliases]
        if not surnames & {sound_key(surname) for _, surname in theirs}:
            continue
        their_givens = {sound_key(given) for given, _ in theirs if given}
        if givens and their_givens:
            if givens & their_givens or _initials_fit(givens, their_givens):
                return candidate  # the same full name: no doubt left
            continue  # different first names: different people
        compatible.append(candidate)
    if len(compatible) <= 1:
        return compatible[0] if compatible else None
    shared = {c.id: index.shared_reports(c.id, context) for c in compatible}
    ranked = sorted(compatible, key=lambda c: -shared[c.id])
    best, runner_up = (shared[c.id] for c in ranked[:2])
    return ranked[0] if best > runner_up else None


def _initials_fit(ours: set[str], theirs: set[str]) -> bool:
    """ "v" fits "vladimir"; two full first names never fit each other here."""
    return any((len(a) == 1 or len(b) == 1) and a[:1] == b[:1] for a in ours for b in theirs)


def _typo_of(
    entity: LocalEntity, candidates: Sequence[KnownActor], index: ActorIndex, context: Sequence[int]
) -> KnownActor | None:
    acronyms = [alias_key(a) for a in entity.aliases if _is_acronym(a)]
    for candidate in candidates:
        close = any(
            Levenshtein.distance(ours, alias_key(theirs)) == 1
            for ours in acronyms
            for theirs in candidate.aliases
            if _is_acronym(theirs)
        )
        if close and index.shared_reports(candidate.id, context) >= _TYPO_CONTEXT:
            return candidate
    return None


def _is_acronym(alias: str) -> bool:
    """Acronyms long enough for a one-letter typo to still mean something."""
    return is_acronym(alias, shortest=3, longest=8)


def _deletions(key: str) -> list[str]:
    """The key with each letter left out: two keys one edit apart share one of these."""
    return [key, *(key[:i] + key[i + 1 :] for i in range(len(key)))]
