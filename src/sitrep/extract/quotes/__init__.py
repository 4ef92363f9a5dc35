"""Quotes in one report: who said what, word for word (``direct``), in the reporter's
words (``indirect``), or both at once (``partial``: reported speech holding quoted words).

The stages, each its own module:

- ``marks``: quotations by their marks, in every common typography, and
  dash-introduced speech (characters only, any language);
- ``direct``: the speaker and speech verb of each quotation, from the parse; scare
  quotes and names in quotation marks are dropped;
- ``reported``: reported speech after reporting verbs and "according to";
- ``speakers``: each speaker resolved to the report's actor, through the actors
  layer's mentions, pronouns and descriptions.

Reports the English model did not read get no quotes yet: attribution needs the parse.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from sitrep.extract.quotes.direct import direct_quotes, is_name
from sitrep.extract.quotes.marks import QuotedSpan, quoted_spans
from sitrep.extract.quotes.reported import reported_speech
from sitrep.extract.quotes.speakers import resolve_speakers
from sitrep.extract.quotes.syntax import TokenIndex
from sitrep.models import LocalEntity, Mention, Quote

__all__ = ["REQUIRES", "QuotedSpan", "find_quotes", "quoted_spans"]

# The parse and lemmas the attribution rules read.
REQUIRES = ("tagger", "attribute_ruler", "lemmatizer", "parser")


def find_quotes(
    text: str,
    doc: Doc | None,
    mentions: Sequence[Mention],
    entities: Sequence[LocalEntity],
) -> tuple[Quote, ...]:
    """Every quote in ``text``, in text order, with its speaker resolved where it can be.

    Args:
        text: the clean report text (``doc`` was parsed from it).
        doc: its spaCy parse, or None for a report the English model did not read.
        mentions: the report's actor mentions (``extract.actors``).
        entities: the report's actors, which hold those mentions (``link.report_entities``).
    """
    if doc is None:
        return ()
    index = TokenIndex(doc)
    spans = quoted_spans(text)
    direct = direct_quotes(text, index, spans)
    speech = [span for span in spans if not is_name(text, span)]
    reported = reported_speech(index, direct, speech)
    return resolve_speakers(text, [*direct, *reported], mentions, entities)
