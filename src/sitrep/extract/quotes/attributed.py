"""The record the quote rules hand to speaker resolution."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.extract.quotes.syntax import CharSpan, Speaker
from sitrep.models import QuoteKind


@dataclass(frozen=True, slots=True)
class Attributed:
    """A quotation or reported statement with its attribution as written.

    Attributes:
        start, end: the content, without quotation marks.
        cue: the speech verb or phrase, or None for a quotation that continues the
            previous one without a verb of its own.
        speaker: the speaker as written, or None when ``continues`` says whose it is.
        continues: the speaker is the previous quotation's.
    """

    start: int
    end: int
    kind: QuoteKind
    cue: CharSpan | None
    speaker: Speaker | None
    continues: bool = False

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def trim_span(text: str, start: int, end: int, lead: str = "", tail: str = "") -> CharSpan:
    """``start:end`` less white space, and less the characters of ``lead`` at its start
    and of ``tail`` at its end (the punctuation a rule's edges catch)."""
    while start < end and (text[start].isspace() or text[start] in lead):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in tail):
        end -= 1
    return start, end
