"""B-cubed and pairwise scoring on small clusterings computed by hand."""

from __future__ import annotations

import itertools
import random
from collections.abc import Hashable, Mapping

import pytest
from bench.cluster_scoring import PRF, bcubed, pairwise

# Five items: gold clusters A = {1, 2, 3} and B = {4, 5}.
GOLD = {1: "A", 2: "A", 3: "A", 4: "B", 5: "B"}


def approx(precision: float, recall: float, f1: float) -> tuple[float, float, float]:
    return pytest.approx((precision, recall, f1))  # type: ignore[return-value]


def figures(prf: PRF) -> tuple[float, float, float]:
    return prf.precision, prf.recall, prf.f1


def test_cluster_scoring_perfect_clustering_scores_one_whatever_the_labels() -> None:
    predicted = {1: 70, 2: 70, 3: 70, 4: 8, 5: 8}
    assert figures(bcubed(GOLD, predicted)) == (1.0, 1.0, 1.0)
    assert figures(pairwise(GOLD, predicted)) == (1.0, 1.0, 1.0)
    # The gold's own labels, and labels that clash with the other side's, change nothing.
    assert figures(bcubed(GOLD, GOLD)) == (1.0, 1.0, 1.0)
    assert figures(bcubed(GOLD, {1: "B", 2: "B", 3: "B", 4: "A", 5: "A"})) == (1.0, 1.0, 1.0)


def test_cluster_scoring_all_in_one_cluster() -> None:
    predicted = dict.fromkeys(GOLD, "everything")
    # B-cubed precision: A's items 3/5 each, B's 2/5 each: (3 * 3/5 + 2 * 2/5) / 5 = 13/25.
    assert figures(bcubed(GOLD, predicted)) == approx(13 / 25, 1.0, 2 * 0.52 / 1.52)
    # Pairs: 10 predicted, 4 gold (3 in A, 1 in B), all 4 among the predicted.
    assert figures(pairwise(GOLD, predicted)) == approx(0.4, 1.0, 0.8 / 1.4)


def test_cluster_scoring_all_singletons() -> None:
    predicted = {item: item for item in GOLD}
    # B-cubed recall: A's items 1/3 each, B's 1/2 each: (1 + 1) / 5.
    assert figures(bcubed(GOLD, predicted)) == approx(1.0, 0.4, 0.8 / 1.4)
    # No predicted pairs: precision 1.0 (nothing joined wrongly), recall 0.
    assert figures(pairwise(GOLD, predicted)) == approx(1.0, 0.0, 0.0)


def test_cluster_scoring_one_item_moved_to_the_wrong_cluster() -> None:
    # Gold {a1 a2 a3} {b1}; predicted {a1 a2} {a3 b1}.
    gold = {"a1": "a", "a2": "a", "a3": "a", "b1": "b"}
    predicted = {"a1": 1, "a2": 1, "a3": 2, "b1": 2}
    # Precision (1 + 1 + 1/2 + 1/2) / 4; recall (2/3 + 2/3 + 1/3 + 1) / 4.
    assert figures(bcubed(gold, predicted)) == approx(0.75, 2 / 3, 2 * 0.5 / (0.75 + 2 / 3))
    # Predicted pairs a1-a2 (right) and a3-b1 (wrong); gold pairs a1-a2, a1-a3, a2-a3.
    assert figures(pairwise(gold, predicted)) == approx(0.5, 1 / 3, 0.4)


def test_cluster_scoring_two_gold_clusters_merged_and_one_split() -> None:
    # Predicted {1 2} {3 4 5}: A split in two, B merged with A's item 3.
    predicted = {1: "x", 2: "x", 3: "y", 4: "y", 5: "y"}
    # Precision: 1, 1, 1/3, 2/3, 2/3 -> 11/3 / 5; recall: 2/3, 2/3, 1/3, 1, 1 -> 11/3 / 5.
    assert figures(bcubed(GOLD, predicted)) == approx(11 / 15, 11 / 15, 11 / 15)
    # Predicted pairs 1 + 3 = 4, right ones 1-2 and 4-5; gold pairs 4.
    assert figures(pairwise(GOLD, predicted)) == approx(0.5, 0.5, 0.5)


def test_cluster_scoring_items_missing_from_the_prediction_are_singletons() -> None:
    # Item 5 missing: B = {4, 5} is split; the label 5 on item 4 is not item 5's.
    predicted = {1: 0, 2: 0, 3: 0, 4: 5}
    assert figures(bcubed(GOLD, predicted)) == approx(1.0, 0.8, 1.6 / 1.8)
    assert figures(pairwise(GOLD, predicted)) == approx(1.0, 0.75, 1.5 / 1.75)
    assert figures(bcubed(GOLD, {})) == figures(bcubed(GOLD, {item: item for item in GOLD}))


def test_cluster_scoring_items_only_the_prediction_knows_are_ignored() -> None:
    predicted = {1: 0, 2: 0, 3: 0, 4: 1, 5: 1, 6: 0, 7: 1}
    assert figures(bcubed(GOLD, predicted)) == (1.0, 1.0, 1.0)
    assert figures(pairwise(GOLD, predicted)) == (1.0, 1.0, 1.0)


def test_cluster_scoring_one_item_and_no_items() -> None:
    assert figures(bcubed({1: "A"}, {1: "x"})) == (1.0, 1.0, 1.0)
    assert figures(pairwise({1: "A"}, {1: "x"})) == (1.0, 1.0, 1.0)  # no pairs on either side
    assert figures(bcubed({}, {1: "x"})) == (0.0, 0.0, 0.0)
    assert figures(pairwise({}, {})) == (0.0, 0.0, 0.0)


def test_cluster_scoring_prf_of_is_the_harmonic_mean() -> None:
    assert PRF.of(0.5, 1.0) == PRF(0.5, 1.0, pytest.approx(2 / 3))  # type: ignore[arg-type]
    assert PRF.of(0.0, 0.0).f1 == 0.0


def test_cluster_scoring_swapping_the_sides_swaps_precision_and_recall() -> None:
    predicted = {1: "x", 2: "x", 3: "y", 4: "y", 5: "z"}
    for score in (bcubed, pairwise):
        forward, backward = score(GOLD, predicted), score(predicted, GOLD)
        assert figures(forward) == approx(backward.recall, backward.precision, backward.f1)


def _naive_bcubed(gold: Mapping[int, Hashable], predicted: Mapping[int, Hashable]) -> PRF:
    """B-cubed by its definition, item by item over sets (every item predicted)."""
    precision = recall = 0.0
    for item in gold:
        same_gold = {other for other in gold if gold[other] == gold[item]}
        same_predicted = {other for other in gold if predicted[other] == predicted[item]}
        precision += len(same_gold & same_predicted) / len(same_predicted)
        recall += len(same_gold & same_predicted) / len(same_gold)
    return PRF.of(precision / len(gold), recall / len(gold))


def _naive_pairwise(gold: Mapping[int, Hashable], predicted: Mapping[int, Hashable]) -> PRF:
    pairs = list(itertools.combinations(sorted(gold), 2))
    in_gold = {(a, b) for a, b in pairs if gold[a] == gold[b]}
    in_predicted = {(a, b) for a, b in pairs if predicted[a] == predicted[b]}
    both = len(in_gold & in_predicted)
    return PRF.of(
        both / len(in_predicted) if in_predicted else 1.0,
        both / len(in_gold) if in_gold else 1.0,
    )


@pytest.mark.parametrize("seed", range(20))
def test_cluster_scoring_agrees_with_the_definitions_on_random_clusterings(seed: int) -> None:
    chance = random.Random(seed)
    items = range(chance.randint(1, 25))
    gold = {item: chance.randint(0, 4) for item in items}
    predicted = {item: chance.choice("pqrstu") for item in items}
    for score, naive in ((bcubed, _naive_bcubed), (pairwise, _naive_pairwise)):
        expected = naive(gold, predicted)
        assert figures(score(gold, predicted)) == approx(*figures(expected))
