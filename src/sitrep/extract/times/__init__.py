"""Temporal expressions: find them, normalize them to TIMEX3 values, anchor them.

``extract_times(text, published, doc)`` is the one public function. It runs in
three linear passes over a report:

1. ``patterns.find_candidates``: every rule (one compiled regex each, built from
   the tables in ``lexicon.py``) over the text; the longest matches win.
2. ``normalize.py``/``relative.py``: each match, in reading order, to a type,
   value and mod, anchored to the publication date or to the period the text is
   narrating (tense from the spaCy parse when ``doc`` is given, from cue words
   otherwise; see ``anchor.py`` for the rules).
3. ``intervals.py``: points joined by "from ... to", "between ... and" or bounded
   by "since", "until", "by" become intervals with their endpoints as parts.

Quality is measured by ``bench/eval_times.py`` on TimeBank/AQUAINT (TempEval-3).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from sitrep.extract.times.intervals import build_intervals
from sitrep.extract.times.normalize import NORMALIZERS, Context, Normalized, sets_scene
from sitrep.extract.times.patterns import Candidate, find_candidates
from sitrep.extract.times.relative import RELATIVE_NORMALIZERS
from sitrep.models import Anchor, TimeExpression, TimeType

__all__ = ["REQUIRES", "Anchor", "TimeExpression", "TimeType", "extract_times"]

# The spaCy components tense is read from (the same as publication-date inference).
REQUIRES = ("tagger", "attribute_ruler", "lemmatizer", "parser")

# A period right after "after", "before", "since" or "until" bounds what the text tells;
# it is not the period told: in "After a weak second quarter, sales recovered" the
# story stays with the quarter it was narrating (and "the year-earlier period" with it).
_BOUND_BEFORE = re.compile(
    r"\b(?:after|before|since|until|till)\s+(?:(?:the|an?)\s+(?:\w+\s+)?)?$", re.IGNORECASE
)

_NORMALIZERS = {**NORMALIZERS, **RELATIVE_NORMALIZERS}


def extract_times(
    text: str,
    published: dt.date | None,
    doc: Doc | None = None,
    *,
    published_is_inferred: bool = False,
) -> tuple[TimeExpression, ...]:
    """Every temporal expression in ``text`` with its TIMEX3 type, value and mod.

    Args:
        text: the report's clean text; offsets index it.
        published: the publication date relative expressions are anchored to; when
            None they keep an unanchored value (``XXXX-09``) or None.
        doc: the spaCy parse of ``text``, used for the tense of clauses; optional.
        published_is_inferred: the publication date was inferred, not stated: every
            expression anchored to it is flagged ``anchored_to_inferred``.

    Returns:
        The expressions in text order, without overlaps. Impossible dates ("February
        30") are kept with value None; numbers that are not dates are dropped.
    """
    context = Context(text, published, doc)
    found: list[TimeExpression] = []
    for candidate in find_candidates(text):
        normalized = _normalize(candidate, context)
        if normalized is None:
            continue
        _remember(context, candidate, normalized)
        found.append(
            TimeExpression(
                start=candidate.start,
                end=candidate.end,
                text=text[candidate.start : candidate.end],
                type=normalized.type,
                value=normalized.value,
                mod=normalized.mod,
                anchor=normalized.anchor,
                anchored_to_inferred=published_is_inferred
                and normalized.anchor is Anchor.PUBLICATION,
            )
        )
    return build_intervals(text, found)


def _normalize(candidate: Candidate, context: Context) -> Normalized | None:
    try:
        return _NORMALIZERS[candidate.rule](candidate, context)
    except (ValueError, OverflowError, KeyError):
        return None  # garbled input ("Sept. 31, 0000"): dropped, never a crash


def _remember(context: Context, candidate: Candidate, normalized: Normalized) -> None:
    """Keep the period the text is now narrating, for the expressions that follow."""
    if (
        not normalized.updates_focus
        or normalized.period is None
        or normalized.type not in {TimeType.DATE, TimeType.TIME}
    ):
        return
    if _BOUND_BEFORE.search(context.text, max(0, candidate.start - 30), candidate.start):
        return  # "after a flat second quarter": the text narrates what came after it
    discourse = context.discourse
    discourse.period = normalized.period
    if sets_scene(candidate, context, normalized):
        discourse.explicit_year = normalized.period.first.year
        discourse.explicit_at = candidate.end
