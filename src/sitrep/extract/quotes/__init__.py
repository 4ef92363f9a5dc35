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

- ``russian``: Russian reports, which no packaged model parses, by the fixed
  patterns Russian news frames speech with («...», — сказал X; По словам X, ...).

Reports in other languages the English model does not read get no quotes yet.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from sitrep.extract.quotes.direct import direct_quotes, is_name
from sitrep.extract.quotes.marks import QuotedSpan, quoted_spans
from sitrep.extract.quotes.reported import reported_speech
from sitrep.extract.quotes.russian import russian_quotes
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
    language: str | None = None,
) -> tuple[Quote, ...]:
    """Every quote in ``text``, in text order, with its speaker resolved where it can be.

    Args:
        text: the clean report text (``doc`` was parsed from it).
        doc: its spaCy parse, or None for a report the English model did not read.
        mentions: the report's actor mentions (``extract.actors``).
        entities: the report's actors, which hold those mentions (``link.report_entities``).
        language: the report's language: Russian reports, which no model parses, are
            read by the patterns of ``russian``; other unparsed ones give no quotes.
    """
    spans = quoted_spans(text)
    if doc is None:
        found = russian_quotes(text, spans) if language == "ru" else []
        return resolve_speakers(text, found, mentions, entities)
    index = TokenIndex(doc)
    direct = direct_quotes(text, index, spans)
    speech = [span for span in spans if not is_name(text, span)]
    reported = reported_speech(index, direct, speech)
    return resolve_speakers(text, [*direct, *reported], mentions, entities)
