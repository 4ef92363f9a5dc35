"""Score a clustering against gold clusters: B-cubed and pairwise precision, recall, F1.

Usage::

    from bench.cluster_scoring import bcubed, pairwise
    gold = {"a1": "A", "a2": "A", "b1": "B"}           # item -> gold cluster label
    predicted = {"a1": 7, "a2": 7, "b1": 7}            # item -> predicted cluster label
    bcubed(gold, predicted)    # PRF(precision=0.556, recall=1.0, f1=0.714)
    pairwise(gold, predicted)  # PRF(precision=0.333, recall=1.0, f1=0.5)

Both take two mappings from item to cluster label; labels of the two sides are never
compared with each other, only which items share one. Conventions:

- **The items scored are the gold's.** An item only ``predicted`` knows is ignored; an
  item ``predicted`` lacks counts as a cluster of its own (a singleton), so a system
  that drops items pays in recall.
- **B-cubed** (Bagga and Baldwin 1998): an item's precision is the share of its
  predicted cluster that shares its gold cluster, its recall the share of its gold
  cluster that shares its predicted cluster (the item itself included in both); both
  are averaged over items, and F1 is the harmonic mean of the two averages.
- **Pairwise**: over unordered pairs of distinct items, precision is the share of the
  pairs put in one predicted cluster that share a gold cluster, recall the share of
  gold same-cluster pairs put in one predicted cluster. With no predicted pairs
  precision is 1.0 (nothing was joined wrongly); with no gold pairs recall is 1.0.
- No items at all scores zero throughout, as ``bench.entity_scoring`` always did.
"""

from __future__ import annotations

import collections
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> PRF:
        """Precision and recall with their harmonic mean (0.0 when both are 0.0)."""
        total = precision + recall
        return cls(precision, recall, 2 * precision * recall / total if total else 0.0)


@dataclass(frozen=True)
class _Unclustered:
    """The predicted label of an item the prediction lacks: equal to no other label."""

    item: Hashable


def _cells(
    gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]
) -> collections.Counter[tuple[Hashable, Hashable]]:
    """How many items each (gold label, predicted label) pair holds: the contingency table."""
    return collections.Counter(
        (label, predicted.get(item, _Unclustered(item))) for item, label in gold.items()
    )


def _sizes(
    cells: collections.Counter[tuple[Hashable, Hashable]],
) -> tuple[collections.Counter[Hashable], collections.Counter[Hashable]]:
    gold_sizes: collections.Counter[Hashable] = collections.Counter()
    predicted_sizes: collections.Counter[Hashable] = collections.Counter()
    for (gold_label, predicted_label), count in cells.items():
        gold_sizes[gold_label] += count
        predicted_sizes[predicted_label] += count
    return gold_sizes, predicted_sizes


def bcubed(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> PRF:
    """B-cubed precision, recall and F1 of ``predicted`` against ``gold`` (item -> label)."""
    if not gold:
        return PRF(0.0, 0.0, 0.0)
    cells = _cells(gold, predicted)
    gold_sizes, predicted_sizes = _sizes(cells)
    # Each of a cell's n items has n items sharing both its clusters: n * n / size in all.
    precision = sum(n * n / predicted_sizes[p] for (_, p), n in cells.items())
    recall = sum(n * n / gold_sizes[g] for (g, _), n in cells.items())
    return PRF.of(precision / len(gold), recall / len(gold))


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


def pairwise(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> PRF:
    """Pairwise precision, recall and F1 of ``predicted`` against ``gold`` (item -> label)."""
    if not gold:
        return PRF(0.0, 0.0, 0.0)
    cells = _cells(gold, predicted)
    gold_sizes, predicted_sizes = _sizes(cells)
    both = sum(_pairs(n) for n in cells.values())
    predicted_pairs = sum(_pairs(n) for n in predicted_sizes.values())
    gold_pairs = sum(_pairs(n) for n in gold_sizes.values())
    return PRF.of(
        both / predicted_pairs if predicted_pairs else 1.0,
        both / gold_pairs if gold_pairs else 1.0,
    )
