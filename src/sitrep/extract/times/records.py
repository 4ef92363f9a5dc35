"""The records temporal extraction returns (to move into ``sitrep.models`` on merge)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class TimeType(StrEnum):
    """The TIMEX3 type of a temporal expression (TimeML 1.2)."""

    DATE = "DATE"  # a calendar point or period: "2013-09-23", "2013-Q3", "199", "PAST_REF"
    TIME = "TIME"  # a time of day: "2013-09-23T14:07", "2013-09-23TMO"
    DURATION = "DURATION"  # an amount of time: "P3M", "PT2H", "PXY"
    SET = "SET"  # a recurrence: "P1Y" for "annual", "XXXX-WXX-1" for "every Monday"


class Anchor(StrEnum):
    """What a relative expression's value was computed from."""

    NONE = "none"  # absolute as written ("23 September 2013"), or not anchored at all
    PUBLICATION = "publication"  # the report's publication date
    DISCOURSE = "discourse"  # an explicit date the text is narrating ("In 1946 ... On April 11")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One temporal expression of a report, normalized to a TIMEX3 value.

    Offsets index the text given to ``extract_times``. ``value`` keeps the granularity
    the text states ("in 2014" is ``2014``, never a day) and is None when the text
    names an impossible date ("February 30") or one that cannot be pinned down.

    Attributes:
        start: first character of the expression.
        end: one past its last character.
        text: ``text[start:end]``.
        type: DATE, TIME, DURATION or SET.
        value: the TIMEX3 value: ``2013-09-23``, ``2013-W38``, ``199``, ``P3M``,
            ``PRESENT_REF``, ``XXXX-09`` (month without an anchor), or ``BEGIN/END`` for a
            bounded interval ("2026/2027"); None when it cannot be normalized.
        mod: the TIMEX3 modifier the text states: START, MID, END, APPROX, BEFORE,
            AFTER, ON_OR_BEFORE, ON_OR_AFTER, LESS_THAN, MORE_THAN, EQUAL_OR_LESS,
            EQUAL_OR_MORE; None when it states none.
        begin_value: for an interval ("2026-2027", "from 2027 to 2029", "since 2013"),
            the value of its first endpoint; None for an open start or a non-interval.
        end_value: for an interval, the value of its last endpoint; None when open.
        parts: for an interval, the endpoint expressions with their own offsets (what
            TimeML annotates as separate TIMEX3s); empty otherwise.
        anchor: what a relative expression was anchored to.
        anchored_to_inferred: True when the anchor was a publication date that was
            inferred rather than stated, so the value is only as good as that guess.
    """

    start: int
    end: int
    text: str
    type: TimeType
    value: str | None
    mod: str | None = None
    begin_value: str | None = None
    end_value: str | None = None
    parts: tuple[TimeExpression, ...] = ()
    anchor: Anchor = Anchor.NONE
    anchored_to_inferred: bool = False

    @property
    def is_interval(self) -> bool:
        return self.begin_value is not None or self.end_value is not None

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready mapping (``sitrep extract times --format json``)."""
        item: dict[str, object] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type.value,
            "value": self.value,
            "mod": self.mod,
        }
        if self.is_interval:
            item["begin"] = self.begin_value
            item["end_value"] = self.end_value
        if self.anchor is not Anchor.NONE:
            item["anchor"] = self.anchor.value
        if self.anchored_to_inferred:
            item["anchored_to_inferred"] = True
        return item
