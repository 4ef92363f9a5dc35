"""Timeline entries: the events of many reports as one entry per real-world event, and
the words that name entries and stories.

Two events are one entry when they are of one type, their dates agree (equal, or one
the more precise form of the other: "September 2013" and "23 September 2013"), and
they share a place or an actor. An event whose report gives it no date still joins the
entry of its story's event of the same type ("the summit" in a report about the
summit is that summit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sitrep.extract.events.typology import BY_NAME
from sitrep.models import DatePrecision, Event, EventStatus

# How far a report's main event may lie from its publication date: a report tells of
# the past week's events, rarely older ones, as its news.
MAIN_EVENT_DAYS = 14
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# Types a report's main event is most likely to be, first: a meeting or a decision
# makes the news more often than a background attack.
_NEWS_TYPES = ("meet", "decide", "agree", "statement", "call", "attack", "seize", "deliver",
               "exercise", "deploy", "withdraw", "cross", "arrest", "disaster")  # fmt: skip


def dates_agree(first: str, second: str) -> bool:
    """The same date, or one the more precise form of the other."""
    return first.startswith(second) or second.startswith(first)


def same_entry(
    event_type: str,
    date: str,
    actors: Iterable[int],
    place: int | None,
    entry_type: str,
    entry_date: str,
    entry_actors: Iterable[int],
    entry_place: int | None,
) -> bool:
    """Whether an event is the entry's event (see the module docstring)."""
    if event_type != entry_type or not dates_agree(date, entry_date):
        return False
    if place is not None and entry_place is not None:
        return place == entry_place
    return bool({*actors, place} & {*entry_actors, entry_place} - {None})


def main_event(events: Sequence[Event], published: dt.date | None) -> Event | None:
    """The event a report is news of: of the events dated to the day close before its
    publication (or any, when it has no date), the first of the most newsworthy type;
    failing that, of those dated to its month."""
    rank = {name: position for position, name in enumerate(_NEWS_TYPES)}
    for precision in (DatePrecision.DAY, DatePrecision.MONTH):
        dated = [(e, first_day(e.date)) for e in events if e.precision is precision and e.date]
        if published is not None:
            dated = [
                (e, d)
                for e, d in dated
                if 0 <= (published - d).days <= MAIN_EVENT_DAYS
                or (precision is DatePrecision.MONTH and e.date == published.isoformat()[:7])
            ]
        if dated:
            return min((e for e, _ in dated), key=lambda e: (rank.get(e.type, len(rank)), e.start))
    return None


def status_of(statuses: Iterable[EventStatus]) -> EventStatus:
    """An entry's status from its events': it happened if any report says so."""
    found = set(statuses)
    for status in (EventStatus.HAPPENED, EventStatus.ONGOING, EventStatus.PLANNED):
        if status in found:
            return status
    return EventStatus.POSSIBLE


def title(
    event_type: str, trigger: str, actors: Sequence[str], place: str | None, date: str | None
) -> str:
    """ "Summit: CSTO, Sochi, 23 Sep 2013": the trigger noun when it names the event
    ("summit", "session"), else the type's label; then actors, place and date."""
    known = BY_NAME.get(event_type)
    label = known.label if known is not None else event_type.title()
    if known is not None and trigger.lower() in known.nouns:
        label = trigger.lower().capitalize()
    parts = [", ".join(actors[:3])] if actors else []
    parts += [place] if place else []
    parts += [format_date(date)] if date else []
    return f"{label}: {', '.join(parts)}" if parts else label


def format_date(value: str, end: str | None = None) -> str:
    """A TIMEX3 date for a person: "23 Sep 2013", "Sep 2013", "2013", "2026-2027"."""
    if end:
        return f"{format_date(value)}-{format_date(end)}"
    parts = value.split("-")
    if len(parts) == 3 and all(part.isdigit() for part in parts):
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2 and parts[1].isdigit():
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return value


def first_day(value: str) -> dt.date:
    """The first day a TIMEX3 date of day or month precision covers."""
    return dt.date.fromisoformat(value[:10] if len(value) >= 10 else f"{value[:7]}-01")
