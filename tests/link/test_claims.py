"""When two claims from different reports are one claim, and whether they agree."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sitrep.link.claims import (
    ClaimEvidence,
    Verdict,
    best_match,
    claim_key,
    content_words,
    figure_interval,
    group_state,
    judge,
)
from sitrep.models import Approximation, ClaimKind, ClaimStatus, Modality

ABOUT, AT_LEAST, RANGE = Approximation.ABOUT, Approximation.AT_LEAST, Approximation.RANGE
SEPT_23, SEPT_28 = dt.date(2013, 9, 23), dt.date(2013, 9, 28)


def figure(
    value: float,
    measured: str = "border",
    *,
    claim_id: int = 1,
    source: int = 1,
    approx: Approximation | None = None,
    upper: float | None = None,
    verb: str = "share",
    published: dt.date | None = SEPT_23,
    time: str | None = None,
    modality: Modality = Modality.HAPPENED,
    varies: bool = False,
    context: str = "",
) -> ClaimEvidence:
    low, high = figure_interval(value, upper, approx)
    return ClaimEvidence(
        id=claim_id,
        source=source,
        kind=ClaimKind.FIGURE,
        key="party:TJ|figure|km",
        predicate=verb,
        object_words=content_words(measured),
        negated=False,
        modality=modality,
        time=time,
        published=published,
        label=f"{value:,g}",
        value=value,
        low=low,
        high=high,
        measured=measured,
        varies=varies,
        context=frozenset(context.split()),
    )


def statement(
    predicate: str,
    obj: str,
    *,
    claim_id: int = 1,
    source: int = 1,
    negated: bool = False,
    modality: Modality = Modality.HAPPENED,
    published: dt.date | None = SEPT_23,
    time: str | None = None,
) -> ClaimEvidence:
    return ClaimEvidence(
        id=claim_id,
        source=source,
        kind=ClaimKind.STATEMENT,
        key="party:TJ|statement",
        predicate=predicate,
        object_words=content_words(obj),
        negated=negated,
        modality=modality,
        time=time,
        published=published,
        label=f"{predicate} {obj}",
    )


@pytest.mark.parametrize(
    ("value", "upper", "approx", "low", "high"),
    [
        (1300, None, None, 1250, 1350),  # rounded to hundreds
        (144, None, None, 143.28, 144.72),  # exact: half a percent
        (16000, None, None, 15500, 16500),
        (2000, None, None, 1900, 2100),  # rounding capped at 5% of the value
        (1500, None, ABOUT, 1350, 1650),  # "about" widens by 10%
        (200, 900, RANGE, 200, 900),  # "several hundred"
    ],
)
def test_figure_interval(
    value: float, upper: float | None, approx: Approximation | None, low: float, high: float
) -> None:
    assert figure_interval(value, upper, approx) == pytest.approx((low, high))


def test_figure_interval_open_ended() -> None:
    assert figure_interval(600, None, AT_LEAST)[1] == float("inf")
    assert figure_interval(600, None, Approximation.UP_TO) == (0.0, 600)


@pytest.mark.parametrize(
    ("new", "old", "verdict"),
    [
        # 1,300 km and 1.3 thousand km, hedged or not, in any verb: one fact
        (figure(1300, approx=ABOUT), figure(1300, source=2, verb="separate"), Verdict.AGREE),
        (figure(1344), figure(1300, approx=ABOUT, source=2), Verdict.AGREE),
        (figure(6, "member countries"), figure(6, "members", source=2), Verdict.AGREE),
        (
            figure(1500, "militants", approx=ABOUT),
            figure(200, "militants", upper=900, approx=RANGE, source=2),
            Verdict.DISAGREE,
        ),
        (figure(16000, "force"), figure(12000, "force", source=2), Verdict.DISAGREE),
        # the same source (a syndicated copy) never contradicts itself
        (figure(16000, "force"), figure(12000, "force", source=1), Verdict.UNRELATED),
        # different things measured, different verbs, a plan against a fact
        (figure(16000, "force"), figure(12000, "troops", source=2), Verdict.DISAGREE),  # one class
        (figure(16000, "force"), figure(12000, "refugees", source=2), Verdict.UNRELATED),
        (
            figure(23, "games", verb="win"),
            figure(5, "games", verb="lose", source=2),
            Verdict.UNRELATED,
        ),
        (figure(30, "yards"), figure(90, "receiving yards", source=2), Verdict.UNRELATED),
        (
            figure(16000, "force", modality=Modality.PLANNED),
            figure(12000, "force", source=2),
            Verdict.UNRELATED,
        ),
        # sentences with nothing in common beyond the claim: two facts ...
        (
            figure(4, "games", verb="miss", context="knee surge octob"),
            figure(8, "games", verb="miss", source=2, context="fract lower right"),
            Verdict.UNRELATED,
        ),
        # ... and with something in common, one fact told two ways
        (
            figure(86, "yards", verb="run", context="first play secon half"),
            figure(84, "yards", verb="run", source=2, context="scamp first play"),
            Verdict.DISAGREE,
        ),
        # a report that gives several values for the thing is counting different things
        (figure(23, "games", varies=True), figure(5, "games", source=2), Verdict.UNRELATED),
        # different times: years apart, or dated differently in the sentence
        (
            figure(16000, "force"),
            figure(12000, "force", source=2, published=dt.date(2021, 8, 23)),
            Verdict.UNRELATED,
        ),
        (
            figure(16000, "force", time="2013"),
            figure(12000, "force", source=2, time="2014"),
            Verdict.UNRELATED,
        ),
        (
            figure(16000, "force", time="2013-09"),
            figure(12000, "force", source=2, time="2013"),
            Verdict.DISAGREE,
        ),
        # but agreement holds across years: a border does not move
        (figure(1300), figure(1300, source=2, published=dt.date(2025, 1, 1)), Verdict.AGREE),
    ],
)
def test_judge_figures(new: ClaimEvidence, old: ClaimEvidence, verdict: Verdict) -> None:
    assert judge(new, old) is verdict


@pytest.mark.parametrize(
    ("new", "old", "verdict"),
    [
        # the seed case: asking for help, and needing no reinforcements
        (
            statement("request", "help with border security"),
            statement(
                "need",
                "reinforcements",
                negated=True,
                modality=Modality.REPORTED,
                source=2,
                published=SEPT_28,
            ),
            Verdict.DISAGREE,
        ),
        (
            statement("request", "help with border security"),
            statement("ask", "help to secure the border", source=2),
            Verdict.AGREE,
        ),
        (
            statement("send", "troops to the border"),
            statement("withdraw", "troops from the border", source=2),
            Verdict.DISAGREE,
        ),
        (
            statement("send", "troops"),
            statement("send", "troops", source=2, negated=True),
            Verdict.DISAGREE,
        ),
        # possible and planned claims do not contradict facts
        (
            statement("send", "troops", modality=Modality.POSSIBLE),
            statement("send", "troops", source=2, negated=True),
            Verdict.UNRELATED,
        ),
        (
            statement("send", "troops", modality=Modality.PLANNED),
            statement("send", "troops", source=2, negated=True),
            Verdict.UNRELATED,
        ),
        # another object, or one shared word in a long phrase, is another claim
        (
            statement("send", "troops"),
            statement("send", "a letter", source=2, negated=True),
            Verdict.UNRELATED,
        ),
        (
            statement("discuss", "the situation in Afghanistan with Rahmon"),
            statement("discuss", "the situation in Syria", source=2, negated=True),
            Verdict.UNRELATED,
        ),
        # unrelated verbs
        (
            statement("meet", "the president"),
            statement("criticise", "the president", source=2),
            Verdict.UNRELATED,
        ),
    ],
)
def test_judge_statements(new: ClaimEvidence, old: ClaimEvidence, verdict: Verdict) -> None:
    assert judge(new, old) is verdict


def test_claims_of_different_keys_are_never_compared() -> None:
    other = dataclasses.replace(figure(1300, source=2), key="party:UZ|figure|km")
    assert judge(figure(1300), other) is Verdict.UNRELATED


@pytest.mark.parametrize(
    ("kind", "party", "subject", "unit", "key"),
    [
        (ClaimKind.FIGURE, "TJ", 7, "km", "party:TJ|figure|km"),
        (ClaimKind.FIGURE, None, 7, "km", "actor:7|figure|km"),
        (ClaimKind.STATEMENT, None, 7, "", "actor:7|statement"),
        (ClaimKind.STATEMENT, None, None, "", None),
    ],
)
def test_claim_key(
    kind: ClaimKind, party: str | None, subject: int | None, unit: str, key: str | None
) -> None:
    assert claim_key(kind, party, subject, unit) == key


def test_best_match_prefers_agreement_to_disagreement() -> None:
    new = figure(16000, "force", claim_id=3, source=3)
    disagreeing = figure(12000, "force", claim_id=2, source=2)
    agreeing = figure(16000, "force", claim_id=1, source=1)
    match = best_match(new, [(disagreeing, 20), (agreeing, 10)])
    assert match is not None
    assert match[1] == 10 and match[2] is Verdict.AGREE
    assert best_match(new, [(figure(5, "games", source=2), 30)]) is None


def test_group_state_corroborated_contested_single_source() -> None:
    names = {1: "The Moscow Times, report 1", 2: "Voice of Russia, report 2"}
    one = figure(1300, claim_id=1, source=1, approx=ABOUT)
    same = figure(1300, claim_id=2, source=2)
    assert group_state([one, same], names).status is ClaimStatus.CORROBORATED
    copy = figure(1300, claim_id=3, source=1)
    alone = group_state([one, copy], names)
    assert alone.status is ClaimStatus.SINGLE_SOURCE and alone.sources == (1,)
    asked = statement("request", "help with border security", claim_id=4, source=1)
    refused = statement(
        "need",
        "reinforcements",
        claim_id=5,
        source=2,
        negated=True,
        modality=Modality.REPORTED,
        published=SEPT_28,
    )
    contested = group_state([asked, refused], names)
    assert contested.status is ClaimStatus.CONTESTED
    assert contested.conflicting == (4, 5)
    assert contested.explanation == (
        "one source (The Moscow Times, report 1): request help with border security; "
        "another (Voice of Russia, report 2): need reinforcements"
    )


def test_figure_conflicts_are_explained_with_the_figures() -> None:
    state = group_state(
        [figure(16000, "force", claim_id=1), figure(12000, "force", claim_id=2, source=2)], {}
    )
    assert state.explanation == "figures differ: 16,000 vs 12,000 force"
