"""A report's text cut into paragraphs of segments, each with the extracted items that
cover it, so a page can highlight every item and the sentence it was opened on.

Items nest and overlap freely (an actor inside a quote inside a claim's sentence): the
text is cut at every item's edges, and each piece lists all the items over it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from sitrep.models import TextSpan
from sitrep.report.pages import Paragraph, Segment

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class Highlight:
    start: int
    end: int
    kind: str  # actor, time, quote, claim, event
    label: str
    actor_id: int | None = None


def paragraphs(
    text: str, highlights: Iterable[Highlight], target: TextSpan | None = None
) -> list[Paragraph]:
    """``text`` as paragraphs (split at line breaks) of segments.

    Args:
        highlights: extracted items by character span; spans outside the text are dropped.
        target: the span the page was opened on; its segments are flagged ``target``.
    """
    items = [item for item in highlights if 0 <= item.start < item.end <= len(text)]
    breaks = [(match.start(), match.end()) for match in _PARAGRAPH_BREAK.finditer(text)]
    edges = {0, len(text)}
    edges.update(edge for item in items for edge in (item.start, item.end))
    edges.update(edge for gap in breaks for edge in gap)
    if target is not None:
        edges.update(edge for edge in (target.start, target.end) if 0 <= edge <= len(text))
    # An item may end inside a break (a sentence span taking in a newline): cutting there
    # would split the break and merge its paragraphs, so such edges are dropped.
    cuts = sorted(edge for edge in edges if not any(a < edge < b for a, b in breaks))
    result: list[Paragraph] = []
    current: list[Segment] = []
    gaps = set(breaks)
    # A sweep: items enter in order of start and leave once the cut passes their end, so
    # a long report with many items costs their number, not their number per piece.
    waiting = sorted(items, key=lambda item: item.start)
    entered = 0
    active: list[Highlight] = []
    for start, end in pairwise(cuts):
        while entered < len(waiting) and waiting[entered].start <= start:
            active.append(waiting[entered])
            entered += 1
        active = [item for item in active if item.end > start]
        if (start, end) in gaps:
            if current:
                result.append(Paragraph(segments=current))
            current = []
            continue
        current.append(_segment(text[start:end], active, _inside(start, end, target)))
    if current:
        result.append(Paragraph(segments=current))
    return result


def _segment(text: str, covering: Sequence[Highlight], target: bool) -> Segment:
    # The innermost (shortest) item names the piece first; an actor link goes to the
    # actor the innermost actor mention was bound to.
    ordered = sorted(covering, key=lambda item: item.end - item.start)
    actor = next((item.actor_id for item in ordered if item.actor_id is not None), None)
    return Segment(
        text=text,
        kinds=sorted({item.kind for item in ordered}),
        labels=list(dict.fromkeys(item.label for item in ordered)),
        actor_id=actor,
        target=target,
    )


def _inside(start: int, end: int, target: TextSpan | None) -> bool:
    return target is not None and target.start <= start and end <= target.end
