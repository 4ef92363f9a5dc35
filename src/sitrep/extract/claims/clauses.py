"""What the parse says about a clause: whose it is, whether it is negated, how it is
put (done, planned, possible, reported), and how far it reaches in the text.

Shared by statements and figures: a figure belongs to the actor of the clause it
stands in ("Tajikistan shares a roughly 1,300-kilometer border").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Token

from sitrep.extract.quotes.cues import REPORTING, words
from sitrep.models import LocalEntity, Mention, Modality, Quote

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Children whose subtrees are clauses of their own, not part of this clause's words.
_OTHER_CLAUSES = frozenset(
    {"ccomp", "advcl", "conj", "cc", "parataxis", "mark", "punct", "preconj", "dep", "csubj"}
)
_FUTURE = words("will shall 'll wo")
_POSSIBLE = words("may might could can should must ought")
# Verbs that put their complement in the future: "intend to develop", "is due to approve".
PLANNING = words("plan intend aim prepare schedule propose promise pledge vow expect agree")
PLANNING_ADJECTIVES = words("due set scheduled expected going poised")
_NEGATIVE_DETERMINERS = words("no neither")
_NEGATIVE_ADVERBS = words("never not n't nowhere hardly barely scarcely")
_FIRST_PERSON = words("i we")
_THIRD_PERSON = words("he she")


class ActorIndex:
    """The report's actors by character offset: which actor a word refers to."""

    def __init__(self, mentions: Sequence[Mention], entities: Sequence[LocalEntity]) -> None:
        owner = {position: index for index, e in enumerate(entities) for position in e.mentions}
        spans = sorted(
            (mention.start, mention.end, owner[position])
            for position, mention in enumerate(mentions)
            if position in owner
        )
        self._starts = [start for start, _, _ in spans]
        self._spans = spans
        self.entities = entities

    def at(self, start: int, end: int) -> int | None:
        """The actor of a mention overlapping ``start``-``end``, the latest starting first."""
        position = bisect_right(self._starts, end - 1) - 1
        while position >= 0:
            mention_start, mention_end, entity = self._spans[position]
            if mention_end > start:
                return entity
            if start - mention_start > 200:  # mentions are short; no need to look further
                return None
            position -= 1
        return None

    def within(self, start: int, end: int) -> tuple[int, ...]:
        """Every actor mentioned inside ``start``-``end``, in order of first mention."""
        first = bisect_right(self._starts, start - 1)
        found: dict[int, None] = {}
        for mention_start, mention_end, entity in self._spans[first:]:
            if mention_start >= end:
                break
            if mention_end <= end:
                found[entity] = None
        return tuple(found)

    def nearest_before(self, offset: int, not_before: int) -> int | None:
        """The actor of the mention ending nearest before ``offset``, from ``not_before`` on."""
        position = bisect_right(self._starts, offset - 1) - 1
        while position >= 0:
            mention_start, mention_end, entity = self._spans[position]
            if mention_start < not_before:
                return None
            if mention_end <= offset:
                return entity
            position -= 1
        return None

    def most_mentioned_before(self, offset: int, types: frozenset[str]) -> int | None:
        """The actor of one of ``types`` mentioned most often before ``offset`` (the
        nearer on a tie): what the report is about up to there."""
        counts: dict[int, tuple[int, int]] = {}
        for mention_start, mention_end, entity in self._spans:
            if mention_end > offset:
                break
            if self.entities[entity].type.value in types:
                count, _ = counts.get(entity, (0, 0))
                counts[entity] = (count + 1, mention_start)
        return max(counts, key=lambda entity: counts[entity]) if counts else None


def token_actor(
    token: Token, actors: ActorIndex, via: frozenset[str] = frozenset({"compound", "poss", "appos"})
) -> int | None:
    """The actor a noun phrase's head names: the head itself ("Rakhmon" in "Tajik President
    Emomali Rakhmon"), or a name joined to it by one of ``via`` ("the CSTO force",
    "Russia's president", "the president, Rahmon,"), never a name deeper in the phrase
    ("the leaders of Russia")."""
    for word in (token, *(c for c in token.children if c.dep_ in via)):
        found = actors.at(word.idx, word.idx + len(word))
        if found is not None:
            return found
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, shared from the first verb of a coordination ("arrived and met")."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if current.dep_ not in {"conj", "xcomp"} or current.head is current:
            return None
        current = current.head
    return None


def is_reporting(verb: Token) -> bool:
    """A verb that attributes words or a view to its subject ("said", "concluded")."""
    return verb.lemma_.lower() in REPORTING


def reporting_verb_above(verb: Token) -> Token | None:
    """The reporting verb this clause is the content of ("concluded that Dushanbe needed")."""
    current = verb
    for _ in range(4):
        if current.dep_ not in {"ccomp", "conj", "xcomp"} or current.head is current:
            return None
        current = current.head
        if current.pos_ in {"VERB", "AUX"} and is_reporting(current):
            return current
    return None


def is_negated(verb: Token) -> bool:
    """Negated by a particle, a negative adverb or a negative object: "did not send",
    "never sent", "needed no reinforcements"."""
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in _NEGATIVE_ADVERBS):
            return True
        if child.dep_ in {"dobj", "attr", "nsubjpass"} and any(
            grandchild.dep_ == "det" and grandchild.lower_ in _NEGATIVE_DETERMINERS
            for grandchild in child.children
        ):
            return True
        if child.dep_ == "dobj" and child.lower_ in {"nothing", "none"}:
            return True
    return False


def modality_of(verb: Token, in_quote: bool) -> Modality:
    """How the clause puts it: possible and planned by their auxiliaries and planning
    verbs, reported when it is the content of a reporting verb or a quotation."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & _POSSIBLE:
        return Modality.POSSIBLE
    if auxiliaries & _FUTURE or _planned_by_head(verb):
        return Modality.PLANNED
    if "would" in auxiliaries and reporting_verb_above(verb) is not None:
        return Modality.PLANNED  # the future seen from the past: "vowed the CSTO would provide"
    if in_quote or reporting_verb_above(verb) is not None:
        return Modality.REPORTED
    return Modality.HAPPENED


def _planned_by_head(verb: Token) -> bool:
    if verb.dep_ != "xcomp" or verb.head is verb:
        return False
    head = verb.head
    return (
        head.lemma_.lower() in PLANNING
        or head.lower_ in PLANNING_ADJECTIVES
        or any(
            child.dep_ == "acomp" and child.lower_ in PLANNING_ADJECTIVES for child in head.children
        )
    )


def clause_extent(verb: Token) -> tuple[int, int]:
    """Character offsets of the clause's own words: the verb with its subject, objects and
    modifiers, less the clauses hanging from it ("…, saying …", "and that …")."""
    tokens = [verb]
    for child in verb.children:
        if child.dep_ not in _OTHER_CLAUSES:
            tokens.extend(child.subtree)
    subject = subject_of(verb)
    if subject is not None and subject.head is not verb:  # shared from a coordination
        tokens.extend(subject.subtree)
    first = min(tokens, key=lambda token: token.i)
    last = max(tokens, key=lambda token: token.i)
    return first.idx, last.idx + len(last)


def speaker_for(verb: Token, quotes: Sequence[Quote], actors: ActorIndex) -> int | None:
    """The actor whose words the clause is: the quote it stands in, or its reporting verb's
    subject."""
    for quote in quotes:
        if quote.start <= verb.idx < quote.end and quote.speaker_entity is not None:
            return quote.speaker_entity
    reporting = reporting_verb_above(verb)
    if reporting is not None:
        subject = subject_of(reporting)
        if subject is not None:
            return token_actor(subject, actors)
    return None


def in_quote(offset: int, quotes: Sequence[Quote]) -> bool:
    return any(quote.start <= offset < quote.end for quote in quotes)


def pronoun_actor(subject: Token, speaker: int | None) -> int | None:
    """A pronoun subject that stands for the speaker: "I", "we", and "he" or "she" in
    reported speech ("Rahmon said he would ...")."""
    word = subject.lower_
    if speaker is not None and (word in _FIRST_PERSON or word in _THIRD_PERSON):
        return speaker
    return None
