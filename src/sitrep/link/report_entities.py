"""Within one report: which mentions are the same actor.

Bindings, each a readable rule:

- the same name (by alias key: case, punctuation, spelling variety aside) is one actor;
- names the gazetteer gives one id are one actor ("CSTO", "ОДКБ");
- an acronym the report defines is its long form ("..., or OSTO"), and so is an
  acronym made of a long form's initials ("CSTO" beside "Collective Security Treaty
  Organization");
- a surname alone is the one person the report names with it ("Putin" after, or in
  a headline before, "Vladimir Putin"); two full names with different first names
  are two people;
- a role mention is the person who holds that role in the report ("the Tajik
  president" after "Tajik President Emomali Rakhmon"); a leader's description fits
  the country's president or prime minister ("the Russian leader");
- a description ("the president", "the organization") is the latest actor before it
  that fits; one that fits none is dropped.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from sitrep.extract.actors import acronym_definitions
from sitrep.extract.actors.titles import LEADER_TITLES
from sitrep.link.actors import TYPE_FAMILY
from sitrep.link.gazetteer import Gazetteer
from sitrep.link.names import acronym_of, alias_key, person_name_parts, sound_key
from sitrep.models import EntityType, LocalEntity, Mention, MentionKind

# How many names before (and, for roles, after) a description may be what it describes.
_BINDING_WINDOW = 40


class _Groups:
    """Union-find over mention indexes."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def members(self) -> dict[int, list[int]]:
        groups: dict[int, list[int]] = {}
        for item in range(len(self.parent)):
            groups.setdefault(self.find(item), []).append(item)
        return groups


def bind_mentions(
    text: str, mentions: Sequence[Mention], gazetteer: Gazetteer
) -> tuple[tuple[Mention, ...], tuple[LocalEntity, ...]]:
    """The mentions worth keeping and the actors they make up.

    Returns:
        The mentions (descriptions nothing binds are dropped) and one local entity
        per actor, whose ``mentions`` index the returned mentions.
    """
    groups = _Groups(len(mentions))
    gazetteer_ids = [_gazetteer_id(m, gazetteer) for m in mentions]
    _join_same_names(mentions, gazetteer_ids, groups)
    _join_acronyms(text, mentions, groups)
    _join_surnames(mentions, groups)
    bound = _join_roles_and_descriptions(mentions, groups)
    kept = [
        i for i, m in enumerate(mentions) if m.kind is not MentionKind.DESCRIPTION or i in bound
    ]
    position = {old: new for new, old in enumerate(kept)}
    entities = [
        _entity([mentions[i] for i in members], [position[i] for i in members],
                [gazetteer_ids[i] for i in members], gazetteer)
        for members in groups.members().values()
        if all(i in position for i in members)
    ]  # fmt: skip
    entities.sort(key=lambda entity: entity.mentions[0])
    return tuple(mentions[i] for i in kept), tuple(entities)


def _gazetteer_id(mention: Mention, gazetteer: Gazetteer) -> str | None:
    if mention.kind is not MentionKind.NAME:
        return None
    family = TYPE_FAMILY[mention.type]
    if mention.type is EntityType.NORP:
        country = gazetteer.country_of_adjective(mention.text)
        return f"people:{country.id}" if country is not None else None
    entries = [e for e in gazetteer.lookup(mention.text) if TYPE_FAMILY[e.type] == family]
    return entries[0].id if len(entries) == 1 else None


def _join_same_names(mentions: Sequence[Mention], ids: list[str | None], groups: _Groups) -> None:
    first_with: dict[tuple[str, str], int] = {}
    for index, mention in enumerate(mentions):
        if mention.kind is not MentionKind.NAME:
            continue
        family = TYPE_FAMILY[mention.type]
        for key in (alias_key(mention.text), f"id:{ids[index]}" if ids[index] else None):
            if key:
                groups.join(first_with.setdefault((family, key), index), index)


def _join_acronyms(text: str, mentions: Sequence[Mention], groups: _Groups) -> None:
    by_span = {(m.start, m.end): i for i, m in enumerate(mentions)}
    organisations = [
        i for i, m in enumerate(mentions) if m.type is EntityType.ORG and m.kind is MentionKind.NAME
    ]
    names = [mentions[i] for i in organisations]
    for definition in acronym_definitions(text, names):
        if not _spells(definition.acronym.text, definition.long_form.text):
            continue  # "Council of the Collective Security Treaty Organisation (CSTO)"
        long_index = by_span.get((definition.long_form.start, definition.long_form.end))
        short_index = by_span.get((definition.acronym.start, definition.acronym.end))
        if long_index is not None and short_index is not None:
            groups.join(long_index, short_index)
    initials: dict[str, int] = {}
    for index in organisations:
        words = mentions[index].text.split()
        if len(words) >= 2:
            initials.setdefault(acronym_of(mentions[index].text).upper(), index)
    for index in organisations:
        written = mentions[index].text
        if written.isupper() and written in initials:
            groups.join(initials[written], index)


def _spells(acronym: str, long_form: str) -> bool:
    """Whether an acronym is the long form's initials, give or take one letter ("OSTO")."""
    initials = acronym_of(long_form).upper()
    return Levenshtein.distance(alias_key(acronym).upper(), initials) <= 1


def _join_surnames(mentions: Sequence[Mention], groups: _Groups) -> None:
    full_names: dict[str, dict[str, int]] = {}  # surname key -> given-name key -> mention
    for index, mention in enumerate(mentions):
        if mention.type is EntityType.PERSON and mention.kind is MentionKind.NAME:
            given, surname = person_name_parts(mention.text)
            if given is not None:
                known = full_names.setdefault(sound_key(surname), {})
                given_key = sound_key(given)
                if given_key in known:
                    groups.join(known[given_key], index)
                else:
                    known[given_key] = index
    for index, mention in enumerate(mentions):
        if mention.type is not EntityType.PERSON or mention.kind is not MentionKind.NAME:
            continue
        given, surname = person_name_parts(mention.text)
        holders = full_names.get(sound_key(surname), {})
        if given is None and len(holders) == 1:
            groups.join(next(iter(holders.values())), index)


def _join_roles_and_descriptions(mentions: Sequence[Mention], groups: _Groups) -> set[int]:
    """Bind role mentions to role holders, and descriptions to what they describe."""
    roles: dict[int, set[str]] = {}
    for index, mention in enumerate(mentions):
        if mention.role and mention.kind is MentionKind.NAME:
            roles.setdefault(groups.find(index), set()).add(mention.role)
    names = [i for i, m in enumerate(mentions) if m.kind is MentionKind.NAME]
    bound: set[int] = set()
    for index, mention in enumerate(mentions):
        if mention.kind is MentionKind.NAME:
            continue
        split = bisect_left(names, index)
        earlier = names[max(0, split - _BINDING_WINDOW) : split][::-1]
        later = names[split : split + _BINDING_WINDOW]
        candidates = earlier if mention.kind is MentionKind.DESCRIPTION else [*earlier, *later]
        # A holder of the very role first; else one whose title the text gives without
        # its country ("President Vladimir Putin" is "Russia's president" further on).
        target = next(
            (
                i
                for relaxed in (False, True)
                for i in candidates
                if _fits(mention, mentions[i], roles.get(groups.find(i), set()), relaxed)
            ),
            None,
        )
        if target is not None:
            groups.join(target, index)
            bound.add(index)
    return bound


def _fits(description: Mention, name: Mention, roles: set[str], relaxed: bool = False) -> bool:
    if description.type is EntityType.PERSON:
        return name.type is EntityType.PERSON and any(
            _same_role(description.role or "", role, relaxed) for role in roles
        )
    if name.type is not EntityType.ORG:
        return False
    noun = description.text.split()[-1].lower().replace("organisation", "organization")
    written = name.text.lower().replace("organisation", "organization")
    return noun in written or (noun == "organization" and written.isupper())


def _same_role(wanted: str, held: str, relaxed: bool = False) -> bool:
    """ "Leader of Russia" fits "President of Russia"; "President" fits any president;
    ``relaxed``, "President of Russia" fits a "President" of no stated country."""
    wanted_title, _, wanted_of = wanted.lower().partition(" of ")
    held_title, _, held_of = held.lower().partition(" of ")
    if wanted_of and wanted_of != held_of and not (relaxed and not held_of):
        return False
    if wanted_title == held_title:
        return True
    return wanted_title in LEADER_TITLES and held_title in LEADER_TITLES


def _entity(
    members: list[Mention], positions: list[int], ids: list[str | None], gazetteer: Gazetteer
) -> LocalEntity:
    names = [m for m in members if m.kind is MentionKind.NAME]
    kind = _majority_type(names or members)
    known = next((gazetteer.entry(i) for i in ids if i and not i.startswith("people:")), None)
    aliases = _distinct(m.text for m in names) or _distinct(m.role or m.text for m in members)
    name = known.name if known is not None else _fullest(aliases, kind)
    return LocalEntity(
        name=name,
        type=known.type if known is not None else kind,
        aliases=aliases,
        mentions=tuple(positions),
        roles=_distinct(m.role for m in members if m.role),
        gazetteer_id=next((i for i in ids if i), None),
        wikidata=known.wikidata if known is not None else None,
    )


def _majority_type(mentions: Sequence[Mention]) -> EntityType:
    return Counter(m.type for m in mentions).most_common(1)[0][0]


def _fullest(aliases: tuple[str, ...], kind: EntityType) -> str:
    """The name with the most words; among those, the one written first."""
    if kind is EntityType.ORG:
        spelled_out = [a for a in aliases if not a.isupper()]
        aliases = tuple(spelled_out) or aliases
    return max(aliases, key=lambda alias: len(alias.split()))


def _distinct(items: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))
