"""Intervals: "from 2027 to 2029", "between May and July", "since 2013", "up to 2020".

Runs after normalization over the points found, in text order. Two points joined
as a range become one bounded interval (value ``BEGIN/END``); a point after a
bounding preposition becomes an open interval whose mod says which side is open
("since 2013": ON_OR_AFTER, begin 2013). Either way the points stay available as
``parts``, with their own offsets, which is how TimeML annotates them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sitrep.extract.times import lexicon
from sitrep.models import Anchor, TimeExpression, TimeType

_RANGE_OPENER = re.compile(r"\b(?P<word>from|between)\s+$", re.IGNORECASE)
_RANGE_JOINER = re.compile(r"^\s*(?:-|–|—|to|through|thru|until|till|and)\s*$", re.IGNORECASE)
_DASH = re.compile(r"^\s*[-–—]\s*$")
_BOUND = re.compile(
    r"\b(?P<word>" + "|".join(
        re.escape(word).replace(r"\ ", r"\s+")
        for word in sorted(lexicon.BOUND_MODS, key=len, reverse=True)
    ) + r")\s+$",
    re.IGNORECASE,
)  # fmt: skip
_COMPARISON = re.compile(
    r"\b(?:up|down|rose|fell|risen|fallen|increased|decreased|compared|unchanged|"
    r"changed|different|away|apart)\s+$",
    re.IGNORECASE,
)
_POINT_TYPES = {TimeType.DATE, TimeType.TIME}
_VAGUE_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def _is_point(expression: TimeExpression) -> bool:
    return (
        expression.type in _POINT_TYPES
        and expression.value is not None
        and expression.value not in _VAGUE_VALUES
        and "/" not in expression.value
    )


def build_intervals(text: str, found: list[TimeExpression]) -> tuple[TimeExpression, ...]:
    """The expressions with ranges merged into intervals and bounds made explicit."""
    result: list[TimeExpression] = []
    index = 0
    while index < len(found):
        current = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        merged = _bounded(text, current, following) if following is not None else None
        if merged is not None:
            result.append(merged)
            index += 2
            continue
        result.append(_open(text, current))
        index += 1
    return tuple(result)


def _bounded(text: str, first: TimeExpression, second: TimeExpression) -> TimeExpression | None:
    if not (_is_point(first) and _is_point(second)):
        return None
    gap = text[first.end : second.start]
    opener = _RANGE_OPENER.search(text, max(0, first.start - 10), first.start)
    if opener is not None:
        is_between = opener.group("word").lower() == "between"
        if is_between != (gap.strip().lower() == "and") or not _RANGE_JOINER.match(gap):
            return None
        start = opener.start()
    elif _DASH.match(gap):
        start = first.start
    else:
        return None
    return TimeExpression(
        start=start,
        end=second.end,
        text=text[start : second.end],
        type=TimeType.DATE,
        value=f"{first.value}/{second.value}",
        begin_value=first.value,
        end_value=second.value,
        parts=(first, second),
        # The range is as relative as its most relative end ("from 2013 until next year").
        anchor=first.anchor if first.anchor is not Anchor.NONE else second.anchor,
        anchored_to_inferred=first.anchored_to_inferred or second.anchored_to_inferred,
    )


def _open(text: str, point: TimeExpression) -> TimeExpression:
    if point.value is not None and point.type is TimeType.DATE and "/" in point.value:
        begin, _, end = point.value.partition("/")  # "2026-2027", matched as one range
        return replace(point, begin_value=begin, end_value=end)
    if not _is_point(point):
        return point
    bound = _BOUND.search(text, max(0, point.start - 16), point.start)
    if bound is None or text.startswith(("'s", "’s"), point.end):
        return point  # "after Monday's meeting": the bound is on the meeting
    word = re.sub(r"\s+", " ", bound.group("word").lower())
    if word == "from" and _COMPARISON.search(text, max(0, bound.start() - 24), bound.start()):
        return point  # "up from a year earlier": a comparison, not an interval
    mod = lexicon.BOUND_MODS[word]
    is_start = mod in {"ON_OR_AFTER", "AFTER"}
    return TimeExpression(
        start=bound.start(),
        end=point.end,
        text=text[bound.start() : point.end],
        type=point.type,
        value=point.value,
        mod=mod,
        begin_value=point.value if is_start else None,
        end_value=None if is_start else point.value,
        parts=(point,),
        anchor=point.anchor,
        anchored_to_inferred=point.anchored_to_inferred,
    )
