"""Statements: clauses that assert something about an actor, read from the parse.

"Tajik President Emomali Rakhmon requested help with border security" is a statement
with subject Rakhmon, predicate ``request`` and object "help with border security".
"he concluded that Dushanbe needed no reinforcements" gives a negated, reported
statement about Dushanbe (``need``, "reinforcements"); the reporting verb itself is an
attribution (the quotes layer's business), not a statement.

Only clauses whose subject is one of the report's actors (or a pronoun standing for
the speaker) are kept: a claim nobody can be named in cannot be checked against other
sources.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from sitrep.extract.claims.clauses import (
    PLANNING,
    PLANNING_ADJECTIVES,
    ActorIndex,
    clause_extent,
    in_quote,
    is_negated,
    is_reporting,
    modality_of,
    pronoun_actor,
    reporting_verb_above,
    speaker_for,
    subject_of,
    token_actor,
)
from sitrep.models import Claim, ClaimKind, Modality, Quote, TextSpan, TimeExpression

# Clause positions a statement's verb can hold: main clauses, reported clauses,
# coordinated verbs and clauses attached to a noun ("the CSTO, which adopted ...").
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "relcl", "advcl", "xcomp"})
_OBJECT_DEPS = ("dobj", "attr", "oprd", "acomp", "xcomp", "dative")
_FIRST_PERSON_ONLY = frozenset({"i", "we"})
_ASKING = frozenset({"ask", "appeal", "call", "turn", "press", "lobby"})
# Auxiliary-like verbs whose complement carries the claim: "would manage to address".
_LIGHT = frozenset({"manage", "try", "seek", "begin", "start", "continue"})


def find_statements(
    doc: Doc,
    actors: ActorIndex,
    quotes: Sequence[Quote],
    times: Sequence[TimeExpression],
) -> Iterator[Claim]:
    """Every statement about an actor in the parsed report, in text order."""
    text = doc.text
    for sentence in doc.sents:
        for verb in sentence:
            claim = _statement(verb, text, actors, quotes, times, sentence.start_char,
                               sentence.end_char)  # fmt: skip
            if claim is not None:
                yield claim


def _statement(
    verb: Token,
    text: str,
    actors: ActorIndex,
    quotes: Sequence[Quote],
    times: Sequence[TimeExpression],
    sentence_start: int,
    sentence_end: int,
) -> Claim | None:
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ not in _CLAUSE_DEPS:
        return None
    if verb.pos_ == "AUX" and not any(c.dep_ in {"attr", "acomp"} for c in verb.children):
        return None  # an auxiliary, not a copula with something to say
    if verb.dep_ == "xcomp":
        return None  # "intends to develop" is read at "intends", as a plan to develop
    if is_reporting(verb) and _attributes(verb):
        return None  # "said that ...": its content is the statement
    subject = subject_of(verb)
    if subject is None:
        return None
    reporting = reporting_verb_above(verb)
    if reporting is not None and is_negated(reporting):
        return None  # "some don't believe Gray had a gun" asserts neither way
    quoted = in_quote(verb.idx, quotes)
    speaker = speaker_for(verb, quotes, actors)
    actor = token_actor(subject, actors)
    if actor is None:
        reported = reporting is not None
        if (quoted and subject.lower_ not in _FIRST_PERSON_ONLY) or not (quoted or reported):
            return None
        actor = pronoun_actor(subject, speaker)
        if actor is None:
            return None
    start, end = clause_extent(verb)
    start, end = max(start, sentence_start), min(end, sentence_end)
    content = _predicate_verb(verb)
    obj = _object_phrase(content)
    return Claim(
        kind=ClaimKind.STATEMENT,
        start=start,
        end=end,
        text=text[start:end],
        sentence=TextSpan(sentence_start, sentence_end),
        subject=actor,
        party=None,  # filled by find_claims, which knows the gazetteer
        predicate=content.lemma_.lower(),
        object=obj,
        negated=is_negated(verb) or (content is not verb and is_negated(content)),
        modality=_modality(verb, content, quoted),
        actors=_with_subject_first(actor, actors.within(start, end)),
        time=_time_within(times, start, end),
        speaker=speaker,
    )


def _attributes(verb: Token) -> bool:
    """A reporting verb used to attribute: with a clause, or with no object at all."""
    deps = {child.dep_ for child in verb.children}
    return bool(deps & {"ccomp", "parataxis"}) or "dobj" not in deps


def _predicate_verb(verb: Token) -> Token:
    """The verb that says what happens: "would manage to address" is about ``address``,
    "intends to develop" and "is due to approve" about ``develop`` and ``approve``."""
    heads = [verb]
    if verb.lemma_.lower() not in _LIGHT | PLANNING:
        heads = [c for c in verb.children if c.dep_ == "acomp" and c.lower_ in PLANNING_ADJECTIVES]
    for head in heads:
        for child in head.children:
            if child.dep_ == "xcomp" and child.pos_ == "VERB":
                return child
    return verb


def _modality(verb: Token, content: Token, quoted: bool) -> Modality:
    """The clause's modality, or its content verb's when that one plans or hedges."""
    outer = modality_of(verb, quoted)
    if content is verb or outer in {Modality.POSSIBLE, Modality.PLANNED}:
        return outer
    if verb.lemma_.lower() in PLANNING or content.head is not verb:
        return Modality.PLANNED  # "intends to develop", "is due to approve"
    return outer


def _object_phrase(verb: Token) -> str | None:
    """What the verb takes, as written: its direct object (or complement) with its words;
    for verbs of asking, what is asked for ("asked his partners for equipment")."""
    if verb.lemma_.lower() in _ASKING:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "for":
                asked = [t for t in child.subtree if t is not child]
                if asked:
                    return _phrase(asked)
    for dep in _OBJECT_DEPS:
        for child in verb.children:
            if child.dep_ != dep:
                continue
            words = [t for t in child.subtree if t.dep_ not in {"punct", "det"} or t.i > child.i]
            if words:
                return _phrase(words)
    return None


def _phrase(words: list[Token]) -> str:
    first, last = words[0], words[-1]
    return " ".join(first.doc.text[first.idx : last.idx + len(last)].split())


def _time_within(times: Sequence[TimeExpression], start: int, end: int) -> str | None:
    for expression in times:
        if start <= expression.start and expression.end <= end and expression.value:
            return expression.value
    return None


def _with_subject_first(subject: int, others: tuple[int, ...]) -> tuple[int, ...]:
    return (subject, *(actor for actor in others if actor != subject))
