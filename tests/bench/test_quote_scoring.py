"""Quote scoring on hand-made spans: direct detection, trimming, the 50% rule, speakers."""

from __future__ import annotations

import pytest
from bench.polnear import GoldAttribution
from bench.quote_scoring import (
    PredictedQuote,
    figures,
    is_direct,
    match_contents,
    score_document,
    share,
    speaker_is_right,
    trim,
)
from tests.bench.conftest import DUNSBY


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("“We will not stop here,”", True),
        ('"the port is open again."', True),
        ("«nous restons»", True),
        ("„wir bleiben“", True),
        ("''We finally may be seeing it,''", True),  # doubled straight quotes
        ("that the plan is a “disaster” for Dunsby", True),  # quoted words inside
        ("‘reckless.’", True),
        ("the plan was ‘reckless.’", True),  # the quote closes the content
        ("the border wall ‘stupid’", True),  # a closing quote after an opening one
        ("‘No idea’ if the port will reopen", True),  # the quote opens the content
        ("'the ferry is late'", True),
        ("that the bridge would open in May", False),
        ("the ferry’s future", False),  # an apostrophe inside
        ("a plan like Sanders’", False),  # an apostrophe that ends the content
        ("the residents' plan", False),
        ("the Varga’s ‘new’ bridge opens soon", False),  # single quotes inside only
        ("", False),
    ],
)
def test_quote_scoring_is_direct_needs_a_quotation_mark(content: str, expected: bool) -> None:
    assert is_direct(content) is expected


# Opening marks at 0 and 33, closing ones at 19 and 44, two spaces at the end.
TEXT = "“It costs too much,” she argued, “and helps.”  "


def test_quote_scoring_trim_strips_marks_and_whitespace_at_each_fragment_edge() -> None:
    assert trim(TEXT, [(0, 20)]) == ((1, 19),)  # “It costs too much,” -> It costs too much,
    assert trim(TEXT, [(32, 47), (0, 20)]) == ((1, 19), (34, 44))
    assert trim(TEXT, [(44, 47)]) == ()  # only marks and spaces
    assert trim(TEXT, [(1, 10), (5, 18)]) == ((1, 18),)  # overlapping fragments merge


def span(length: int, start: int = 0) -> tuple[tuple[int, int], ...]:
    return ((start, start + length),)


@pytest.mark.parametrize(
    ("gold", "predicted", "matches"),
    [
        (span(20), span(20, 10), True),  # 10 of 20 shared: exactly half
        (span(20), span(20, 11), False),  # 9 of 20
        (span(10), span(20), True),  # the prediction twice as long as the gold
        (span(10), span(21), False),  # a little more than twice
        (span(21), span(10), False),  # the gold a little more than twice as long
        (span(10, 50), span(10), False),  # disjoint
    ],
)
def test_quote_scoring_contents_match_at_half_the_longer_span(
    gold: tuple[tuple[int, int], ...], predicted: tuple[tuple[int, int], ...], matches: bool
) -> None:
    assert (share(gold, predicted) >= 0.5) is matches
    assert match_contents([gold], [predicted]) == ({0: 0} if matches else {})


def test_quote_scoring_a_discontinuous_gold_matches_one_span_over_its_interruption() -> None:
    # “It costs too much,” she argued, “and helps.”: two fragments, one predicted span.
    gold = trim(TEXT, [(0, 20), (32, 45)])
    assert match_contents([gold], [trim(TEXT, [(0, 45)])]) == {0: 0}
    assert match_contents([gold], [trim(TEXT, [(32, 45)])]) == {}  # 10 of 28 characters


def test_quote_scoring_matching_is_one_to_one_and_greedy_by_share() -> None:
    # Two predictions over one gold: the one sharing more of the longer span wins.
    assert match_contents([span(20)], [span(30), span(22)]) == {0: 1}
    # One prediction over two golds: it matches one of them only.
    assert len(match_contents([span(10), span(10, 10)], [span(20)])) == 1
    # Each side once: two golds and two predictions pair off.
    assert match_contents([span(10), span(10, 30)], [span(10, 30), span(10)]) == {0: 1, 1: 0}


def gold(content: str, source: str | None = None, text: str = DUNSBY) -> GoldAttribution:
    start = text.index(content)
    sources = ((text.index(source), text.index(source) + len(source)),) if source else ()
    return GoldAttribution("E1", ((start, start + len(content)),), (), sources)


def predicted(
    content: str,
    kind: str = "direct",
    speaker: str | None = None,
    mentions: tuple[str, ...] = (),
    text: str = DUNSBY,
) -> PredictedQuote:
    def at(phrase: str) -> tuple[int, int]:
        return text.index(phrase), text.index(phrase) + len(phrase)

    return PredictedQuote(
        (at(content),), kind, at(speaker) if speaker else None, tuple(at(item) for item in mentions)
    )


TOLVIK_QUOTE = "“We will not stop here,”"


@pytest.mark.parametrize(
    ("prediction", "right"),
    [
        (predicted("We will not stop here,", speaker="Mara Tolvik"), True),
        (predicted("We will not stop here,", speaker="Tolvik, the mayor"), True),  # overlaps
        (predicted("We will not stop here,", speaker="the mayor of Dunsby"), False),
        # The speaker resolves to the actor the gold source names.
        (
            predicted("We will not stop here,", speaker="She", mentions=("Mara Tolvik", "She")),
            True,
        ),
        (predicted("We will not stop here,", mentions=("Mara Tolvik",)), True),
        (predicted("We will not stop here,", speaker="She", mentions=("Dunsby bridge",)), False),
        (predicted("We will not stop here,"), False),  # unattributed
    ],
)
def test_quote_scoring_speaker_by_span_or_by_resolved_actor(
    prediction: PredictedQuote, right: bool
) -> None:
    source = gold(TOLVIK_QUOTE, "Mara Tolvik").source
    assert speaker_is_right(prediction, source) is right


def test_quote_scoring_direct_and_reported_figures_of_one_document() -> None:
    attributions = [
        gold(TOLVIK_QUOTE, "Mara Tolvik"),  # direct
        gold("that the bridge would open in May", "She"),  # indirect
        gold("the plan was ‘reckless.’", "The council"),  # direct
        gold("“It costs too much,”"),  # direct, no source
    ]
    predictions = [
        predicted("We will not stop here,", speaker="Mara Tolvik"),  # right
        predicted("the bridge would open in May", kind="indirect", speaker="She"),  # right
        predicted("‘reckless.’", kind="partial", speaker="Dunsby"),  # too short: no match
        predicted("It costs too much,", kind="direct"),  # matched; no source to judge
        predicted("Dunsby bridge to open in May", kind="indirect"),  # spurious
    ]
    score = score_document(DUNSBY, attributions, predictions)
    assert score.gold_is_direct == (True, False, True, True)
    assert (score.direct.predicted, score.direct.predicted_matched) == (3, 2)
    assert (score.direct.gold, score.direct.gold_matched) == (3, 2)
    assert (score.direct.speaker_scored, score.direct.speaker_right) == (1, 1)
    assert (score.reported.predicted, score.reported.predicted_matched) == (5, 3)
    assert (score.reported.gold, score.reported.gold_matched) == (4, 3)
    assert (score.reported.speaker_scored, score.reported.speaker_right) == (2, 2)
    assert (score.indirect.gold, score.indirect.gold_matched) == (1, 1)
    assert score.missed_direct == [2]
    assert score.spurious_direct == [2]
    assert score.missed_indirect == []
    assert score.spurious_indirect == [4]
    assert figures(score) == pytest.approx(
        {
            "direct_precision": 2 / 3,
            "direct_recall": 2 / 3,
            "direct_speaker_accuracy": 1.0,
            "reported_precision": 3 / 5,
            "reported_recall": 3 / 4,
            "reported_speaker_accuracy": 1.0,
            "indirect_recall": 1.0,
        }
    )


def test_quote_scoring_a_direct_prediction_over_indirect_gold_is_no_false_positive() -> None:
    attributions = [gold("that the bridge would open in May", "She")]
    score = score_document(
        DUNSBY, attributions, [predicted("the bridge would open in May", speaker="Mara Tolvik")]
    )
    assert (score.direct.predicted, score.direct.predicted_matched) == (1, 1)
    assert score.direct.gold == 0
    # Its speaker is judged among the reported pairs, not the direct ones.
    assert score.direct.speaker_scored == 0
    assert (score.reported.speaker_scored, score.reported.speaker_right) == (1, 0)


def test_quote_scoring_wrong_and_missing_speakers_are_listed() -> None:
    attributions = [gold(TOLVIK_QUOTE, "Mara Tolvik")]
    score = score_document(DUNSBY, attributions, [predicted("We will not stop here,")])
    assert score.wrong_speaker == [(0, 0)]
    assert figures(score)["direct_speaker_accuracy"] == 0.0


def test_quote_scoring_no_predictions_and_no_gold_score_zero() -> None:
    assert set(figures(score_document(DUNSBY, [], []))).issuperset({"direct_precision"})
    assert all(value == 0.0 for value in figures(score_document(DUNSBY, [], [])).values())
