"""Score predicted entity mentions and identities against MEANTIME gold, pure functions.

Mentions (``match_mentions``, ``Tally``):

- Scored gold: MEANTIME's named mentions (``syntactic_type`` NAM) of PER, ORG and LOC.
  A named mention that contains a named mention of the same entity is scored through
  that inner one: MEANTIME marks both "Russian flag carrier Aeroflot" and its
  "Aeroflot", and a name tagger finds the name once.
- Predicted types map PERSON -> PER, ORG -> ORG, GPE -> LOC, LOC -> LOC. NORP has no
  gold counterpart and is not scored at all; MEANTIME tags some demonyms LOC
  ("Japanese"), so a NORP prediction over a scored gold LOC is counted
  (``norp_over_gold_loc``) to show what that costs in LOC recall.
- Strict: exact span and same type. Relaxed: overlapping span and same type. Each
  gold and each prediction is matched at most once, exact spans first, then greedily
  by overlap size (ties to the closer length, then text order), as TempEval-3 does.
- An unmatched prediction is neither a true nor a false positive when it overlaps no
  scored gold mention but does overlap a gold mention we do not score: one of a type
  our tagset lacks (PRO products, FIN sums, MIX), or one that is not a name (NOM
  descriptions, PRO pronouns, PRE.NAM premodifiers such as "U.S." in "U.S. automaker",
  and the many mentions the cross-document pass added without a syntactic type), or
  a named mention scored through its inner name. Those spans may well be names, but
  the gold does not say they are, so a prediction there can be neither right nor
  wrong. Every other unmatched prediction of PER/ORG/LOC is a false positive, in
  the type it was predicted as.

Identities (``b_cubed``): B-cubed over the scored gold mentions the system matched
(relaxed): each mention's gold cluster is its ``instance_id``, its system cluster the
predicted canonical entity id. Cross-document pools every document; within-document
splits both clusterings by document; the all-gold variant keeps every scored gold
mention and makes each unmatched one a system singleton, so missed mentions cost
recall.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from bench.cluster_scoring import bcubed
from bench.meantime import GoldMention

SCORED_TYPES = ("PER", "ORG", "LOC")
PREDICTED_TYPES = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


@dataclass(frozen=True)
class Prediction:
    """A predicted mention; offsets index the same text as the gold's.

    Attributes:
        type: the system's label (PERSON, ORG, GPE, LOC, NORP).
        entity: the canonical entity id the system resolved it to, across documents.
    """

    start: int
    end: int
    text: str
    type: str
    entity: int

    @property
    def scored_type(self) -> str | None:
        return PREDICTED_TYPES.get(self.type)


@dataclass(frozen=True)
class Figures:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> Figures:
        """Precision and recall with their harmonic mean."""
        total = precision + recall
        return cls(precision, recall, 2 * precision * recall / total if total else 0.0)


@dataclass
class Tally:
    """Mention counts for one type (or all): gold, system (not neutral), matches."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed

    def figures(self, relaxed: bool) -> Figures:
        matched = self.relaxed if relaxed else self.strict
        return Figures.of(
            matched / self.system if self.system else 0.0,
            matched / self.gold if self.gold else 0.0,
        )


@dataclass
class DocumentMatch:
    """How one document's predictions line up with its scored gold.

    ``relaxed`` maps an index into ``gold`` to an index into the predictions;
    ``strict`` holds the gold indexes matched exactly (a subset of ``relaxed``).
    """

    gold: tuple[GoldMention, ...]
    relaxed: dict[int, int] = field(default_factory=dict)
    strict: set[int] = field(default_factory=set)
    false_positives: list[int] = field(default_factory=list)
    neutral: list[int] = field(default_factory=list)
    norp_over_gold_loc: int = 0
    by_type: dict[str, Tally] = field(default_factory=dict)

    @property
    def missed(self) -> list[int]:
        return [index for index in range(len(self.gold)) if index not in self.relaxed]


def scored_gold(gold: Iterable[GoldMention]) -> tuple[GoldMention, ...]:
    """The named PER/ORG/LOC mentions, less outer ones holding a name of the same entity."""
    named = [
        mention
        for mention in gold
        if mention.syntactic_type == "NAM" and mention.type in SCORED_TYPES
    ]
    return tuple(
        mention
        for mention in named
        if not any(
            inner is not mention
            and inner.instance_id == mention.instance_id
            and mention.start <= inner.start
            and inner.end <= mention.end
            and (inner.start, inner.end) != (mention.start, mention.end)
            for inner in named
        )
    )


def _overlap(a: GoldMention | Prediction, b: GoldMention | Prediction) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match_mentions(gold: Sequence[GoldMention], predictions: Sequence[Prediction]) -> DocumentMatch:
    """Match one document's predictions to its gold mentions (see the module docstring)."""
    scored = scored_gold(gold)
    kept = set(scored)
    unscored = [mention for mention in gold if mention not in kept]
    match = DocumentMatch(scored, by_type={name: Tally() for name in SCORED_TYPES})
    pairs: list[tuple[bool, int, int, int, int]] = []
    for gold_index, mention in enumerate(scored):
        for index, prediction in enumerate(predictions):
            overlap = _overlap(mention, prediction)
            if overlap > 0 and prediction.scored_type == mention.type:
                exact = (mention.start, mention.end) == (prediction.start, prediction.end)
                length_gap = abs(
                    (mention.end - mention.start) - (prediction.end - prediction.start)
                )
                pairs.append((not exact, -overlap, length_gap, gold_index, index))
    used: set[int] = set()
    for inexact, _, _, gold_index, index in sorted(pairs):
        if gold_index in match.relaxed or index in used:
            continue
        match.relaxed[gold_index] = index
        used.add(index)
        if not inexact:
            match.strict.add(gold_index)
    for index, prediction in enumerate(predictions):
        overlaps_scored = [mention for mention in scored if _overlap(mention, prediction) > 0]
        if prediction.type == "NORP":
            match.norp_over_gold_loc += any(mention.type == "LOC" for mention in overlaps_scored)
        if prediction.scored_type is None or index in used:
            continue
        if not overlaps_scored and any(_overlap(mention, prediction) > 0 for mention in unscored):
            match.neutral.append(index)
        else:
            match.false_positives.append(index)
            match.by_type[prediction.scored_type].system += 1
    for gold_index, mention in enumerate(scored):
        tally = match.by_type[mention.type]
        tally.gold += 1
        if gold_index in match.relaxed:
            tally.system += 1
            tally.relaxed += 1
            tally.strict += gold_index in match.strict
    return match


def b_cubed(items: Iterable[tuple[Hashable, Hashable]]) -> Figures:
    """B-cubed precision, recall and F1 of ``(gold cluster, system cluster)`` items.

    Each item's precision is the share of its system cluster that shares its gold
    cluster, its recall the share of its gold cluster that shares its system cluster;
    both are averaged over items (Bagga and Baldwin 1998). No items scores zero.
    """
    pairs = list(items)
    scored = bcubed(
        {index: gold for index, (gold, _) in enumerate(pairs)},
        {index: system for index, (_, system) in enumerate(pairs)},
    )
    return Figures(scored.precision, scored.recall, scored.f1)


@dataclass(frozen=True)
class Identities:
    """B-cubed figures of the three variants."""

    cross_document: Figures
    within_document: Figures
    all_gold: Figures
    matched_mentions: int
    gold_mentions: int


def score_identities(
    matches: Sequence[tuple[str, DocumentMatch, Sequence[Prediction]]],
) -> Identities:
    """B-cubed over ``(document name, match, predictions)`` of every document."""
    cross: list[tuple[Hashable, Hashable]] = []
    within: list[tuple[Hashable, Hashable]] = []
    everything: list[tuple[Hashable, Hashable]] = []
    for name, match, predictions in matches:
        for gold_index, mention in enumerate(match.gold):
            index = match.relaxed.get(gold_index)
            if index is None:
                everything.append((mention.instance_id, ("unmatched", name, gold_index)))
                continue
            entity = predictions[index].entity
            cross.append((mention.instance_id, entity))
            within.append(((name, mention.instance_id), (name, entity)))
            everything.append((mention.instance_id, entity))
    return Identities(
        cross_document=b_cubed(cross),
        within_document=b_cubed(within),
        all_gold=b_cubed(everything),
        matched_mentions=len(cross),
        gold_mentions=len(everything),
    )
