"""Who the speaker is: from the words of the attribution to the report's actor.

- A speaker phrase that holds an actor mention is that actor. The one at the
  phrase's head wins, then a person, then an organisation, then a place: "the press
  service of the Tajik president" is the president (the actors layer bound "the Tajik
  president" to Emomali Rahmon), "the Kremlin press service" the Kremlin, "Moscow" the
  Russian government's voice as the report names it.
- A pronoun is the previous quotation's speaker when that fits ("he" a person,
  "they" or "it" anyone), else the nearest actor before it that fits.
- A description with no mention ("the expert", "the official") is the previous
  speaker who is a person, if the last quotation was close.
- Whatever is left keeps its words and no actor.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.extract.quotes.attributed import Attributed
from sitrep.extract.quotes.cues import PERSON_NOUNS, SPOKES_NOUNS
from sitrep.extract.quotes.syntax import Speaker
from sitrep.models import EntityType, LocalEntity, Mention, MentionKind, Quote

_PERSONAL = frozenset({"he", "she", "him", "her", "his"})
_ANY_ACTOR = frozenset({"they", "it", "we", "i"})
# How far back a pronoun or description may look for its speaker, in characters.
_LOOKBACK = 1_500
_PREFERENCE = {
    EntityType.PERSON: 0,
    EntityType.ORG: 1,
    EntityType.GPE: 2,
    EntityType.NORP: 3,
    EntityType.LOC: 4,
}


@dataclass(frozen=True, slots=True)
class _Actors:
    """The report's mentions in text order, and the actor each belongs to."""

    mentions: Sequence[Mention]
    starts: list[int]
    owner: dict[int, int]
    entities: Sequence[LocalEntity]

    @classmethod
    def of(cls, mentions: Sequence[Mention], entities: Sequence[LocalEntity]) -> _Actors:
        owner = {m: e for e, entity in enumerate(entities) for m in entity.mentions}
        return cls(mentions, [m.start for m in mentions], owner, entities)

    def inside(self, start: int, end: int) -> list[int]:
        first = bisect_left(self.starts, start)
        found = []
        for index in range(first, len(self.mentions)):
            mention = self.mentions[index]
            if mention.start >= end:
                break
            if mention.end <= end and index in self.owner:
                found.append(index)
        return found

    def latest_before(self, offset: int, types: frozenset[EntityType]) -> int | None:
        index = bisect_left(self.starts, offset) - 1
        while index >= 0 and offset - self.mentions[index].start <= _LOOKBACK:
            mention = self.mentions[index]
            if mention.type in types and index in self.owner and mention.end <= offset:
                return self.owner[index]
            index -= 1
        return None


def resolve_speakers(
    text: str,
    attributed: Sequence[Attributed],
    mentions: Sequence[Mention],
    entities: Sequence[LocalEntity],
) -> tuple[Quote, ...]:
    """The report's quotes in text order, each speaker resolved to an actor where one fits."""
    actors = _Actors.of(mentions, entities)
    quotes: list[Quote] = []
    for item in sorted(attributed, key=lambda q: (q.start, q.end)):
        previous = quotes[-1] if quotes else None
        if item.continues and previous is not None:
            speaker_entity = previous.speaker_entity
            span = (previous.speaker_start, previous.speaker_end, previous.speaker_text)
        elif item.speaker is not None:
            speaker_entity = _resolve(text, item.speaker, actors, previous, item.start)
            start, end = item.speaker.span
            span = (start, end, text[start:end])
        else:
            speaker_entity, span = None, (None, None, None)
        cue_text = text[item.cue[0] : item.cue[1]] if item.cue else None
        quotes.append(
            Quote(
                start=item.start,
                end=item.end,
                text=text[item.start : item.end],
                kind=item.kind,
                cue=cue_text,
                cue_start=item.cue[0] if item.cue else None,
                cue_end=item.cue[1] if item.cue else None,
                speaker_text=span[2],
                speaker_start=span[0],
                speaker_end=span[1],
                speaker_entity=speaker_entity,
            )
        )
    return tuple(quotes)


def _resolve(
    text: str, speaker: Speaker, actors: _Actors, previous: Quote | None, at: int
) -> int | None:
    head = text[speaker.head[0] : speaker.head[1]].lower()
    singular = speaker.head_tag not in {"NNS", "NNPS"}
    recent = previous if previous is not None and at - previous.end <= _LOOKBACK else None
    recent_entity = recent.speaker_entity if recent is not None else None
    recent_type = actors.entities[recent_entity].type if recent_entity is not None else None
    origin = min(speaker.reach[0], at)
    if head in _PERSONAL:
        if recent_type is EntityType.PERSON:
            return recent_entity
        return actors.latest_before(origin, frozenset({EntityType.PERSON}))
    if head in _ANY_ACTOR:
        if recent_entity is not None:
            return recent_entity
        return actors.latest_before(origin, frozenset({EntityType.ORG, EntityType.GPE}))
    inside = actors.inside(*speaker.reach)
    at_head = [i for i in inside if _covers(actors.mentions[i], speaker.head)]
    if at_head:
        return actors.owner[at_head[0]]
    lemma = _singular(head)
    if lemma in PERSON_NOUNS:
        people = [i for i in inside if actors.mentions[i].type is EntityType.PERSON]
        if people:
            return actors.owner[_best_mention(people, actors)]
        if singular and recent_type is EntityType.PERSON and _is_bare(text, speaker):
            return recent_entity  # "the expert believes", "the official said"
        return None
    if lemma in SPOKES_NOUNS:
        # "the press service of the Tajik president", "the organization's secretariat".
        if inside:
            return actors.owner[_best_mention(inside, actors)]
        if singular and _is_definite(text, speaker):  # not "several delegations"
            return actors.latest_before(origin, frozenset({EntityType.ORG}))
        return None
    # Any other head: an actor named before it ("the RF government's Rossiyskaya
    # Gazeta newspaper"), not one in a phrase after it ("the level of relations
    # between Moscow and Kabul shows").
    before_head = [i for i in inside if actors.mentions[i].end <= speaker.head[0]]
    return actors.owner[_best_mention(before_head, actors)] if before_head else None


def _covers(mention: Mention, span: tuple[int, int]) -> bool:
    return mention.start <= span[0] and span[1] <= mention.end


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in PERSON_NOUNS | SPOKES_NOUNS else word


def _is_bare(text: str, speaker: Speaker) -> bool:
    """ "the expert", "the ministry's official": a definite description that ends at its
    head, so it points back; "the commander of the border troops" introduces someone."""
    return _is_definite(text, speaker) and speaker.reach[1] == speaker.head[1]


def _is_definite(text: str, speaker: Speaker) -> bool:
    return text[speaker.span[0] : speaker.span[0] + 4].lower() == "the "


def _best_mention(inside: list[int], actors: _Actors) -> int:
    """A person before an organisation before a place; a name before a description."""
    return min(
        inside,
        key=lambda i: (
            _PREFERENCE[actors.mentions[i].type],
            actors.mentions[i].kind is MentionKind.DESCRIPTION,
            actors.mentions[i].start,
        ),
    )
