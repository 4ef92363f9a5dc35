"""Mention matching and B-cubed on hand-made spans of one invented sentence."""

from __future__ import annotations

import pytest
from bench.entity_scoring import (
    Prediction,
    Tally,
    b_cubed,
    match_mentions,
    score_identities,
    scored_gold,
)
from bench.meantime import GoldMention

#       0         1         2         3
#       0123456789012345678901234567890123456789
TEXT = "Ada Varga met Norvale Freight in Tarsk"


def gold(
    start: int, end: int, type_: str, syntactic: str = "NAM", instance: str = ""
) -> GoldMention:
    return GoldMention(start, end, TEXT[start:end], type_, syntactic, instance or TEXT[start:end])


def predicted(start: int, end: int, type_: str, entity: int = 0) -> Prediction:
    return Prediction(start, end, TEXT[start:end], type_, entity)


ADA = gold(0, 9, "PER")
NORVALE = gold(14, 29, "ORG")
TARSK = gold(33, 38, "LOC")


def test_entity_scoring_exact_spans_are_strict_and_relaxed() -> None:
    match = match_mentions(
        [ADA, NORVALE, TARSK],
        [predicted(0, 9, "PERSON"), predicted(14, 29, "ORG"), predicted(33, 38, "GPE")],
    )
    assert match.strict == {0, 1, 2}
    assert match.relaxed == {0: 0, 1: 1, 2: 2}
    assert not match.false_positives
    assert all(tally == Tally(1, 1, 1, 1) for tally in match.by_type.values())


def test_entity_scoring_overlap_is_relaxed_only() -> None:
    match = match_mentions([ADA], [predicted(4, 9, "PERSON")])  # "Varga"
    assert match.relaxed == {0: 0}
    assert match.strict == set()
    assert match.by_type["PER"] == Tally(gold=1, system=1, strict=0, relaxed=1)


def test_entity_scoring_wrong_type_is_a_miss_and_a_false_positive() -> None:
    match = match_mentions([NORVALE], [predicted(14, 29, "PERSON")])
    assert match.missed == [0]
    assert match.false_positives == [0]
    assert match.by_type["ORG"] == Tally(gold=1, system=0, strict=0, relaxed=0)
    assert match.by_type["PER"] == Tally(gold=0, system=1, strict=0, relaxed=0)


def test_entity_scoring_each_side_matches_once_exact_first_then_largest_overlap() -> None:
    # "Ada" and "Ada Varga" both overlap gold "Ada Varga": the exact one wins, the other is FP.
    match = match_mentions([ADA], [predicted(0, 3, "PERSON"), predicted(0, 9, "PERSON")])
    assert match.relaxed == {0: 1}
    assert match.false_positives == [0]
    # Without an exact one, the larger overlap wins.
    match = match_mentions([ADA], [predicted(0, 3, "PERSON"), predicted(2, 9, "PERSON")])
    assert match.relaxed == {0: 1}


def test_entity_scoring_one_prediction_over_two_golds_matches_one() -> None:
    match = match_mentions(
        [gold(0, 3, "PER", instance="a"), gold(4, 9, "PER", instance="b")],
        [predicted(0, 9, "PERSON")],
    )
    assert len(match.relaxed) == 1
    assert len(match.missed) == 1


@pytest.mark.parametrize(
    "unscored",
    [
        gold(14, 29, "PRO"),  # a product: our tagset has none
        gold(14, 29, "FIN"),
        gold(14, 29, "ORG", syntactic="NOM"),  # not a name
        gold(14, 29, "ORG", syntactic=""),  # no syntactic type given
        gold(14, 21, "LOC", syntactic="PRE.NAM"),
    ],
)
def test_entity_scoring_prediction_over_unscored_gold_is_neutral(unscored: GoldMention) -> None:
    match = match_mentions([unscored], [predicted(14, 29, "ORG")])
    assert match.neutral == [0]
    assert not match.false_positives
    assert match.by_type["ORG"] == Tally()


def test_entity_scoring_prediction_over_a_scored_gold_of_another_type_is_not_neutral() -> None:
    # The unscored PRO mention does not excuse a prediction that a scored name contradicts.
    match = match_mentions([gold(14, 38, "PRO"), NORVALE], [predicted(14, 29, "GPE")])
    assert match.false_positives == [0]
    assert match.by_type["LOC"].system == 1


def test_entity_scoring_prediction_over_nothing_is_a_false_positive() -> None:
    match = match_mentions([ADA], [predicted(10, 13, "ORG")])  # "met"
    assert match.false_positives == [0]


def test_entity_scoring_norp_is_not_scored_but_counted_over_gold_loc() -> None:
    match = match_mentions([TARSK], [predicted(33, 38, "NORP")])
    assert match.missed == [0]
    assert not match.false_positives and not match.neutral
    assert match.norp_over_gold_loc == 1
    assert match.by_type["LOC"].system == 0


def test_entity_scoring_outer_name_holding_the_same_entity_is_left_out() -> None:
    outer = gold(0, 29, "ORG", instance="norvale")  # "Ada Varga met Norvale Freight", say
    inner = gold(14, 29, "ORG", instance="norvale")
    other = gold(0, 9, "PER", instance="ada")
    assert scored_gold([outer, inner, other]) == (inner, other)
    # Holding only another entity's name, the outer mention stays.
    assert scored_gold([gold(0, 29, "ORG", instance="x"), other]) == (
        gold(0, 29, "ORG", instance="x"),
        other,
    )


def test_entity_scoring_b_cubed_known_values() -> None:
    # Gold {a1 a2 a3} {b1}; system {a1 a2} {a3 b1}.
    figures = b_cubed([("a", 1), ("a", 1), ("a", 2), ("b", 2)])
    assert figures.precision == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert figures.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    assert b_cubed([("a", 1), ("b", 2)]).f1 == 1.0
    assert b_cubed([]).f1 == 0.0


def test_entity_scoring_identities_variants() -> None:
    first = [gold(0, 9, "PER", instance="ada"), gold(14, 29, "ORG", instance="norvale")]
    second = [gold(0, 9, "PER", instance="ada"), gold(33, 38, "LOC", instance="tarsk")]
    # Both Adas found but given different ids across documents; Tarsk missed.
    predictions_first = [predicted(0, 9, "PERSON", 1), predicted(14, 29, "ORG", 2)]
    predictions_second = [predicted(0, 9, "PERSON", 3)]
    identities = score_identities(
        [
            ("one", match_mentions(first, predictions_first), predictions_first),
            ("two", match_mentions(second, predictions_second), predictions_second),
        ]
    )
    assert identities.matched_mentions == 3
    assert identities.gold_mentions == 4
    assert identities.within_document.f1 == 1.0
    assert identities.cross_document.precision == 1.0
    assert identities.cross_document.recall == pytest.approx((0.5 + 0.5 + 1) / 3)
    # The missed Tarsk is its own singleton, and its own gold cluster: it costs nothing here...
    assert identities.all_gold.recall == pytest.approx((0.5 + 0.5 + 1 + 1) / 4)
    # ...but a missed mention of a split gold cluster does.
    missed_ada = [gold(0, 9, "PER", instance="ada")]
    identities = score_identities(
        [
            ("one", match_mentions(first, predictions_first), predictions_first),
            ("two", match_mentions(missed_ada, []), []),
        ]
    )
    assert identities.cross_document.f1 == 1.0
    assert identities.all_gold.recall == pytest.approx((0.5 + 1 + 0.5) / 3)
