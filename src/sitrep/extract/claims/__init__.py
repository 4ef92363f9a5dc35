"""Claims in one report: figures with what they measure and whose they are, and
statements about actors, each with its polarity, modality, time and speaker.

Linking the same claim across reports, and deciding whether sources agree, is in
``sitrep.link.claims``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from sitrep.extract.claims.clauses import ActorIndex
from sitrep.extract.claims.figure_claims import figure_claims
from sitrep.extract.claims.figures import find_figures
from sitrep.extract.claims.statements import find_statements
from sitrep.link.claims import content_words, figure_interval
from sitrep.link.gazetteer import Gazetteer
from sitrep.link.parties import party_of
from sitrep.models import Claim, LocalEntity, Mention, Quote, TextSpan, TimeExpression

__all__ = ["REQUIRES", "find_claims", "find_figures"]

# The parse names what a figure measures, whose it is, and what a statement says.
REQUIRES = ("tagger", "attribute_ruler", "lemmatizer", "parser")


def find_claims(
    text: str,
    doc: Doc | None,
    sentences: Sequence[TextSpan],
    mentions: Sequence[Mention],
    entities: Sequence[LocalEntity],
    times: Sequence[TimeExpression],
    quotes: Sequence[Quote],
    gazetteer: Gazetteer,
) -> tuple[Claim, ...]:
    """Every claim in a report, in text order.

    Args:
        doc: the parse; without one (reports in languages the parser does not read)
            only figures are found, with no owner.
        sentences: the report's sentences, the span each claim is shown in.
        times: the report's temporal expressions: their numbers are not figures, and
            they date the claims in their clause.
    """
    actors = ActorIndex(mentions, entities)
    dates = [TextSpan(expression.start, expression.end) for expression in times]
    figures = find_figures(text, doc, dates)
    claims = list(figure_claims(figures, doc, sentences, actors, quotes, times))
    if doc is not None:
        claims.extend(find_statements(doc, actors, quotes, times))
    parties = [party_of(entity, gazetteer) for entity in entities]
    claims = [
        replace(claim, party=_party(claim, parties), sentence=_in_paragraph(text, claim))
        for claim in claims
    ]
    varying = _varying_figures(claims)
    return tuple(
        sorted(
            (replace(claim, varies=True) if id(claim) in varying else claim for claim in claims),
            key=lambda claim: (claim.start, claim.kind),
        )
    )


def _in_paragraph(text: str, claim: Claim) -> TextSpan:
    """The claim's sentence, cut at paragraph breaks: a headline the sentence splitter ran
    into the first sentence is not part of it."""
    start, end = claim.sentence.start, claim.sentence.end
    before = text.rfind("\n\n", start, claim.start)
    after = text.find("\n\n", claim.end, end)
    start = before + 2 if before >= 0 else start
    end = after if after >= 0 else end
    return TextSpan(start, max(end, claim.end))


def _varying_figures(claims: list[Claim]) -> set[int]:
    """Figures whose report gives another value for the same thing (same owner, unit and
    measured words) that it cannot be: one subject with several values is several facts."""
    by_thing: dict[tuple[int, str, frozenset[str]], list[Claim]] = defaultdict(list)
    for claim in claims:
        figure = claim.figure
        if figure is not None and claim.subject is not None and figure.measured:
            by_thing[(claim.subject, figure.unit, content_words(figure.measured))].append(claim)
    varying: set[int] = set()
    for same in by_thing.values():
        intervals = [
            figure_interval(c.figure.value, c.figure.upper, c.figure.approx)
            for c in same
            if c.figure is not None
        ]
        disjoint = any(
            high < other_low or other_high < low
            for low, high in intervals
            for other_low, other_high in intervals
        )
        if disjoint:
            varying.update(id(claim) for claim in same)
    return varying


def _party(claim: Claim, parties: list[str | None]) -> str | None:
    subject = claim.subject
    return parties[subject] if subject is not None and 0 <= subject < len(parties) else None
