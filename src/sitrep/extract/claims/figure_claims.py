"""Figures as claims: each figure with the actor it belongs to, its clause's modality and
time, and the speaker whose words carry it.

The owner is read from the parse, nearest first: a name on the measured noun ("a
16,000-man strong CSTO force"), the subject of the clause the figure stands in,
climbing through clauses attached to nouns ("an area which is separated ... by the
longest border — 1.3 thousand km" belongs to the subject of "plays"), but never
across a reporting verb (that would make the speaker the owner). Members belong to
the organisation the report has named most up to them ("the six member countries").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from sitrep.extract.claims.clauses import (
    ActorIndex,
    in_quote,
    is_negated,
    is_reporting,
    modality_of,
    speaker_for,
    subject_of,
    token_actor,
)
from sitrep.extract.quotes.cues import words
from sitrep.models import Claim, ClaimKind, Figure, Modality, Quote, TextSpan, TimeExpression

_MEMBERSHIP = words("member members membership participant participants signatory signatories")
_ORGANISATION = frozenset({"ORG"})


def figure_claims(
    figures: Sequence[Figure],
    doc: Doc | None,
    sentences: Sequence[TextSpan],
    actors: ActorIndex,
    quotes: Sequence[Quote],
    times: Sequence[TimeExpression],
) -> Iterator[Claim]:
    """One claim per figure, in text order."""
    starts = [sentence.start for sentence in sentences]
    for figure in figures:
        sentence = _sentence_at(figure.start, sentences, starts)
        token = _number_token(figure, doc) if doc is not None else None
        verb = _governing_verb(token) if token is not None else None
        owner = _owner(figure, token, actors) if token is not None else None
        speaker = speaker_for(verb, quotes, actors) if verb is not None else None
        quoted = in_quote(figure.start, quotes)
        yield Claim(
            kind=ClaimKind.FIGURE,
            start=figure.start,
            end=figure.end,
            text=figure.text,
            sentence=sentence,
            subject=owner,
            party=None,  # filled by find_claims, which knows the gazetteer
            predicate=verb.lemma_.lower() if verb is not None else "",
            object=figure.measured,
            negated=verb is not None and is_negated(verb),
            modality=modality_of(verb, quoted) if verb is not None else Modality.HAPPENED,
            actors=_actors(owner, actors.within(sentence.start, sentence.end)),
            time=_time_in(times, sentence),
            speaker=speaker,
            figure=figure,
        )


def _number_token(figure: Figure, doc: Doc) -> Token | None:
    """The figure's number in the parse, past a hedge or currency sign ("roughly", "$")."""
    span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return next((token for token in span if token.like_num or token.pos_ == "NUM"), span[-1])


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(12):
        if current.pos_ in {"VERB", "AUX"} and current.dep_ != "amod":
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def _owner(figure: Figure, token: Token, actors: ActorIndex) -> int | None:
    measured = _measured_token(figure, token.doc)
    for noun in _same_thing(measured):
        # Not an apposition: "six members: Russia, Armenia, ..." lists them, it is not theirs.
        named = token_actor(noun, actors, via=frozenset({"compound", "poss"}))
        if named is None:
            named = _whose(noun, actors)  # an index: 0 is an actor too
        if named is not None:
            return named
    owner = _clause_subject(token, actors)
    if owner is not None:
        return owner
    if figure.measured and figure.measured.lower().split()[0] in _MEMBERSHIP:
        return actors.most_mentioned_before(figure.start, _ORGANISATION)
    return None


def _whose(noun: Token, actors: ActorIndex) -> int | None:
    """The actor "whose" stands for: the one named last before it in the sentence
    ("Rahmon, whose 1,300-kilometre border ...")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ == "whose":
            return actors.nearest_before(child.idx, child.sent.start_char)
    return None


def _same_thing(noun: Token | None) -> list[Token]:
    """The noun and the nouns it is set beside as the same thing: "Tajikistan's border
    with Afghanistan, ..., a frontier of roughly 1,300 kilometres"."""
    found: list[Token] = []
    while noun is not None and len(found) < 4:
        found.append(noun)
        head = noun.head if noun.dep_ in {"appos", "conj"} and noun.head is not noun else None
        if head is not None and head.pos_ == "PROPN" and head.dep_ == "pobj":
            # The parser hangs an apposition on the name ending the phrase before it:
            # "Tajikistan's border with Afghanistan, the most exposed stretch ...".
            before = head.doc[head.head.i - 1] if head.head.i > 0 else None
            head = before if before is not None and before.pos_ == "NOUN" else None
        noun = head
    return found


def _measured_token(figure: Figure, doc: Doc) -> Token | None:
    """The head of what the figure counts ("force" in "a 16,000-man strong CSTO force")."""
    if figure.measured_start is None or figure.measured_end is None:
        return None
    span = doc.char_span(figure.measured_start, figure.measured_end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _clause_subject(token: Token, actors: ActorIndex) -> int | None:
    """The actor that is the subject of the nearest clause with one, climbing up."""
    inside = {token.i}
    current = token
    for _ in range(16):
        head = current.head
        if head is current:
            return None
        inside.add(current.i)
        if current.dep_ == "relcl" and head.pos_ == "PROPN":
            return token_actor(head, actors)  # "Tajikistan, whose border stretches for ..."
        current = head
        if current.pos_ not in {"VERB", "AUX"}:
            continue
        if is_reporting(current):
            return None
        subject = subject_of(current)
        if subject is not None and not inside & {t.i for t in subject.subtree}:
            found = token_actor(subject, actors)
            if found is not None:
                return found
    return None


def _sentence_at(offset: int, sentences: Sequence[TextSpan], starts: list[int]) -> TextSpan:
    position = bisect_right(starts, offset) - 1
    if 0 <= position < len(sentences) and sentences[position].end > offset:
        return sentences[position]
    return TextSpan(offset, offset)


def _time_in(times: Sequence[TimeExpression], sentence: TextSpan) -> str | None:
    for expression in times:
        inside = sentence.start <= expression.start and expression.end <= sentence.end
        if inside and expression.value:
            return expression.value
    return None


def _actors(owner: int | None, others: tuple[int, ...]) -> tuple[int, ...]:
    if owner is None:
        return others
    return (owner, *(actor for actor in others if actor != owner))
