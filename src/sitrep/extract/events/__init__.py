"""Events in one report: sentences that report something happening, with its type,
actors, place, date and status.

A trigger is a verb or noun of the typology (``typology.py``): "met", "the summit",
"adopted", "deliveries". One event per type per sentence ("the summit ... the leaders
met" is one meeting). Its date is the nearest date the times layer found in its
clause (the verb it hangs from, and all that hangs from that verb); its place the city
or region the sentence puts it "in" or "at" (else the first city it names); its actors
the report's other actors in the sentence, its subject first. Its status comes from
the clause (a plan, a possibility, something going on) and from its date: a date after
the report's own is a plan.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from sitrep.extract.claims.clauses import (
    ActorIndex,
    in_quote,
    modality_of,
    subject_of,
    token_actor,
)
from sitrep.extract.events.typology import EventType, type_of
from sitrep.models import (
    DatePrecision,
    EntityType,
    Event,
    EventStatus,
    LocalEntity,
    Mention,
    Modality,
    Quote,
    TextSpan,
    TimeExpression,
    TimeType,
)

__all__ = ["REQUIRES", "find_events", "precision_of"]

REQUIRES = ("tagger", "attribute_ruler", "lemmatizer", "parser")

_PRECISIONS = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}(?:T.*)?$"), DatePrecision.DAY),
    (re.compile(r"^\d{4}-W\d{2}$"), DatePrecision.WEEK),
    (re.compile(r"^\d{4}-\d{2}$"), DatePrecision.MONTH),
    (re.compile(r"^\d{4}-(?:Q[1-4]|H[12]|SP|SU|FA|WI)$"), DatePrecision.SEASON),
    (re.compile(r"^\d{4}$"), DatePrecision.YEAR),
    (re.compile(r"^\d{3}$"), DatePrecision.DECADE),
)
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside"})
_PLACE_TYPES = frozenset({EntityType.GPE, EntityType.LOC})
_STATUS = {
    Modality.HAPPENED: EventStatus.HAPPENED,
    Modality.REPORTED: EventStatus.HAPPENED,
    Modality.PLANNED: EventStatus.PLANNED,
    Modality.POSSIBLE: EventStatus.POSSIBLE,
}


def precision_of(value: str) -> DatePrecision | None:
    """How precise a TIMEX3 date value is; None for values that are no date."""
    for pattern, precision in _PRECISIONS:
        if pattern.match(value):
            return precision
    return None


def find_events(
    doc: Doc,
    mentions: Sequence[Mention],
    entities: Sequence[LocalEntity],
    times: Sequence[TimeExpression],
    quotes: Sequence[Quote],
    published: dt.date | None,
) -> tuple[Event, ...]:
    """Every event the parsed report states, in text order (see the module docstring)."""
    actors = ActorIndex(mentions, entities)
    dated = [t for t in times if _date_of(t) is not None]
    starts = [t.start for t in dated]
    found: list[Event] = []
    for sentence in doc.sents:
        for piece in _paragraph_pieces(sentence):
            span = TextSpan(piece[0].idx, piece[-1].idx + len(piece[-1]))
            for trigger, event_type in _triggers(piece, actors):
                found.append(
                    _event(trigger, event_type, span, piece, actors, dated, starts, quotes,
                           published)
                )  # fmt: skip
    return tuple(sorted(found, key=lambda event: event.start))


def _paragraph_pieces(sentence: Span) -> list[list[Token]]:
    """The sentence cut at paragraph breaks: the parser runs a headline into the first
    sentence under it, and they are two statements."""
    pieces: list[list[Token]] = []
    text = sentence.doc.text
    for token in sentence:
        if token.is_space:
            continue
        if pieces:
            previous = pieces[-1][-1]
            if "\n\n" not in text[previous.idx + len(previous) : token.idx]:
                pieces[-1].append(token)
                continue
        pieces.append([token])
    return pieces


def _triggers(sentence: list[Token], actors: ActorIndex) -> list[tuple[Token, EventType]]:
    """The trigger of each event type in the sentence: its first verb, else its first
    noun ("was adopted" says more than "the programme"), never a word of a name ("the
    Collective Security Treaty Organization" is no treaty)."""
    chosen: dict[str, tuple[Token, EventType]] = {}
    for token in sentence:
        event_type = type_of(token.lemma_.lower(), token.pos_)
        if event_type is None or _in_a_name(token, actors):
            continue
        known = chosen.get(event_type.name)
        if known is None or (token.pos_ == "VERB" and known[0].pos_ != "VERB"):
            chosen[event_type.name] = (token, event_type)
    return list(chosen.values())


def _event(
    trigger: Token,
    event_type: EventType,
    span: TextSpan,
    piece: list[Token],
    actors: ActorIndex,
    dated: Sequence[TimeExpression],
    starts: list[int],
    quotes: Sequence[Quote],
    published: dt.date | None,
) -> Event:
    clause = _clause_of(trigger)
    time = _nearest(dated, starts, trigger.idx, _within(_extent(clause), span))
    dates = _date_of(time) if time is not None else None
    date, date_end = dates if dates is not None else (None, None)
    place = _place(piece, actors)
    people = [a for a in actors.within(span.start, span.end) if a != place]
    subject = subject_of(clause) if clause.pos_ in {"VERB", "AUX"} else None
    doer = token_actor(subject, actors) if subject is not None else None
    if doer is not None and doer != place:
        people = [doer, *(a for a in people if a != doer)]
    return Event(
        start=trigger.idx,
        end=trigger.idx + len(trigger),
        text=trigger.text,
        sentence=span,
        type=event_type.name,
        actors=tuple(people),
        place=place,
        date=date,
        date_end=date_end,
        precision=_precision(date, date_end),
        status=_status(clause, date, published, in_quote(trigger.idx, quotes)),
    )


def _in_a_name(token: Token, actors: ActorIndex) -> bool:
    """A capitalised word inside an actor's name ("Treaty" in "Collective Security Treaty
    Organization"); a lowercase word a mention ran over is still a trigger."""
    return token.text[:1].isupper() and actors.at(token.idx, token.idx + len(token)) is not None


def _clause_of(trigger: Token) -> Token:
    """The verb whose clause the trigger stands in (itself, for a verb)."""
    current = trigger
    for _ in range(8):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.head is current:
            return current
        current = current.head
    return current


def _extent(clause: Token) -> tuple[int, int]:
    first, last = clause.left_edge, clause.right_edge
    return first.idx, last.idx + len(last)


def _within(extent: tuple[int, int], span: TextSpan) -> tuple[int, int]:
    return max(extent[0], span.start), min(extent[1], span.end)


def _nearest(
    dated: Sequence[TimeExpression], starts: list[int], offset: int, within: tuple[int, int]
) -> TimeExpression | None:
    """The dated expression inside ``within`` nearest to ``offset``."""
    low, high = within
    first = bisect_right(starts, low - 1)
    inside = [t for t in dated[first:] if t.start < high and t.end <= high]
    return min(inside, key=lambda t: abs(t.start - offset), default=None)


def _date_of(time: TimeExpression) -> tuple[str, str | None] | None:
    """A calendar date (or interval) the expression pins down; None for durations, sets,
    references ("recently") and dates with no year."""
    if time.type in {TimeType.SET, TimeType.DURATION} and not time.is_interval:
        return None
    if time.is_interval:
        begin, end = time.begin_value, time.end_value
        if begin and precision_of(begin):
            return begin, end if end and precision_of(end) else None
        return None
    value = time.value
    if value is None or precision_of(value) is None:
        return None
    return value.split("T", 1)[0], None


def _precision(date: str | None, date_end: str | None) -> DatePrecision | None:
    if date is None:
        return None
    return DatePrecision.INTERVAL if date_end is not None else precision_of(date)


def _place(sentence: list[Token], actors: ActorIndex) -> int | None:
    """The place the sentence puts things "in" or "at", else the first city it names
    (a dateline: "SOCHI, Russia (Eurasia Wire) — The presidents ... gathered")."""
    cities = []
    for token in sentence:
        found = actors.at(token.idx, token.idx + len(token))
        if found is None or actors.entities[found].type not in _PLACE_TYPES:
            continue
        if token.dep_ == "pobj" and token.head.lower_ in _PLACE_PREPOSITIONS:
            return found
        if (actors.entities[found].gazetteer_id or "").startswith("city:"):
            cities.append(found)
    return cities[0] if cities else None


def _status(
    clause: Token, date: str | None, published: dt.date | None, quoted: bool
) -> EventStatus:
    if clause.pos_ in {"VERB", "AUX"}:
        status = _STATUS[modality_of(clause, quoted)]
        if status is EventStatus.HAPPENED and _is_progressive(clause):
            status = EventStatus.ONGOING
    else:
        status = EventStatus.HAPPENED
    if status is EventStatus.HAPPENED and _after(date, published):
        return EventStatus.PLANNED
    if status is EventStatus.HAPPENED and clause.lemma_.lower() in {"plan", "schedule"}:
        return EventStatus.PLANNED  # "deliveries are planned for 2026-2027"
    return status


def _is_progressive(verb: Token) -> bool:
    return verb.tag_ == "VBG" and any(
        child.dep_ == "aux" and child.lemma_ == "be" for child in verb.children
    )


def _after(date: str | None, published: dt.date | None) -> bool:
    """A date that begins after the report appeared: 2026 in a report of 2025."""
    if date is None or published is None:
        return False
    year = int(date[:4])
    if year != published.year:
        return year > published.year
    if len(date) >= 7 and date[4] == "-" and date[5:7].isdigit():
        return int(date[5:7]) > published.month
    return False
