"""Whether two claims from different reports are one claim, and whether they agree.

A claim is compared only with claims of the same *key*: the same subject (the country
it stands for, else the actor itself), the same kind, and for figures the same unit.
The store finds those through an index, newest first and at most ``MAX_CANDIDATES``,
so adding a report never reads the whole store. Then ``judge`` decides:

Figures (same unit, and the measured nouns share a word, "member countries" and
"members", or are words of one class, "border" and "frontier"):
  - each figure is an interval: its rounding (the place of its last non-zero digit,
    halved, at most 5% of the value: 1,300 is 1,250-1,350), widened by 10% for
    "about", open-ended for "at least", "more than", "up to", "less than", and the
    written range for "several hundred";
  - overlapping intervals **agree** (1,300 km and 1.3 thousand km);
  - disjoint ones **disagree**, but only when they are surely one fact: the same
    measured words and the same verb ("won 18 games" and "lost four games" are two
    facts), a word of their sentences in common beyond the claim's own ("missed four
    games after knee surgery" and "missed eight games with a fracture" share none),
    and neither report gives another value for it (a report that says both
    "23 games" and "five games" of one team is counting different things); and only
    when they speak of the same time: the same
    date in their sentences, or reports published within ``CONFLICT_WINDOW_DAYS``
    of each other when a date is missing; the same modality group (a plan does not
    contradict a fact); neither negated.

Statements (same subject):
  - the objects must be about the same thing: two shared word stems (one, when an
    object is one word: "troops"), or a shared object class (help, aid and reinforcements are all
    assistance, ``claim_lexicon``);
  - the same predicate class with the same polarity **agrees** ("requested help",
    "asked for aid"); objects with different numbers never agree ("has about 7,000
    troops", "has some 5,000 troops": the figures are compared as figures); verbs too
    general to say anything alone ("be", "have", "make") neither agree nor disagree;
  - the same class with opposite polarity ("requested help" / "needed no
    reinforcements"), or opposite classes with the same polarity ("sent troops" /
    "withdrew troops"), **disagree**, under the same time and modality conditions as
    figures. Possible claims ("may send") never disagree with anything.

Anything else is ``UNRELATED``. A syndicated copy is the same source as its original:
its claims join the original's groups but add no source and raise no conflict.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from sitrep.extract.quotes.cues import words
from sitrep.link.claim_lexicon import are_opposites, object_classes, predicate_class
from sitrep.link.quote_families import STEM_LENGTH
from sitrep.models import Approximation, ClaimKind, ClaimStatus, Modality

MAX_CANDIDATES = 200
MIN_SHARED_STEMS = 2
CONFLICT_WINDOW_DAYS = 31
_ABOUT_SLACK = 0.10
_ROUNDING_CAP = 0.05
_EXACT_SLACK = 0.005
_WORD = re.compile(r"[^\W\d_]+")
_STOPWORDS = words(
    "the a an of to in on for with from by at as and or its their his her this that these "
    "those some any all other such own against after before during while when where which "
    "who whom whose was were has had have been being would could should will also but "
    "not only out back into over under about than then there here said says"
)
_DIGITS = re.compile(r"\d[\d,.]*")
_NUMBER_WORDS = words("two three four five six seven eight nine ten eleven twelve dozen dozens "
                      "hundred hundreds thousand thousands million millions billion")  # fmt: skip
# Verbs too general to contradict: "was disappointed" and "was not disappointed" said by
# two people are two opinions, "made" and "took" cover anything.
_TOO_VAGUE = words("be do make get take")
_DATE_VALUE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_COMPARABLE = {
    Modality.HAPPENED: "fact",
    Modality.REPORTED: "fact",
    Modality.PLANNED: "plan",
    Modality.POSSIBLE: None,
}


class Verdict(Enum):
    AGREE = "agree"
    DISAGREE = "disagree"
    UNRELATED = "unrelated"


@dataclass(frozen=True, slots=True)
class ClaimEvidence:
    """A claim as comparison reads it.

    Attributes:
        source: the independent source: the report, or the original it is a copy of.
        key: the index key its candidates share (``claim_key``).
        low, high: a figure's interval (``figure_interval``); 0 for statements.
        object_words: the object's (or measured noun's) words, casefolded.
        label: how explanations name it: the figure as written, or the clause.
    """

    id: int
    source: int
    kind: ClaimKind
    key: str
    predicate: str
    object_words: frozenset[str]
    negated: bool
    modality: Modality
    time: str | None
    published: dt.date | None
    label: str
    value: float = 0.0
    low: float = 0.0
    high: float = 0.0
    measured: str | None = None
    varies: bool = False
    numbers: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class GroupState:
    """What a group's claims amount to: its status, sources and, if contested, why."""

    status: ClaimStatus
    sources: tuple[int, ...]
    explanation: str | None
    conflicting: tuple[int, ...]


def claim_key(kind: ClaimKind, party: str | None, subject_id: int | None, unit: str) -> str | None:
    """The index key of a claim; None for a claim with no subject (never compared)."""
    if party is not None:
        subject = f"party:{party}"
    elif subject_id is not None:
        subject = f"actor:{subject_id}"
    else:
        return None
    return f"{subject}|figure|{unit}" if kind is ClaimKind.FIGURE else f"{subject}|statement"


def content_words(text: str | None) -> frozenset[str]:
    """The words of an object phrase that say what it is ("help", "border", "security")."""
    if not text:
        return frozenset()
    return frozenset(
        word for word in (w.casefold() for w in _WORD.findall(text)) if word not in _STOPWORDS
    )


def context_stems(sentence: str, own_words: Iterable[str]) -> frozenset[str]:
    """Stems of the words a figure's sentence says around it, less the claim's own words
    (its subject, verb, what it measures) and numbers: what two mentions of one fact
    usually share ("on the first play of the second half") and two facts do not."""
    own = {word.casefold()[:4] for text in own_words for word in _WORD.findall(text)}
    words = (w.casefold() for w in _WORD.findall(sentence))
    stems = _stems(w for w in words if w not in _STOPWORDS and w not in _NUMBER_WORDS)
    return frozenset(stem for stem in stems if stem[:4] not in own)  # "missed" is "miss"


def object_numbers(text: str | None) -> frozenset[str]:
    """The numbers in an object phrase, digits and number words alike ("7,000", "two")."""
    if not text:
        return frozenset()
    digits = {match.replace(",", "") for match in _DIGITS.findall(text)}
    return frozenset(digits | {w for w in (w.casefold() for w in _WORD.findall(text)) if w in
                               _NUMBER_WORDS})  # fmt: skip


def figure_interval(
    value: float, upper: float | None, approx: Approximation | None
) -> tuple[float, float]:
    """The values a figure allows, as written (see the module docstring)."""
    if approx is Approximation.RANGE and upper is not None:
        return value, upper
    if approx in {Approximation.AT_LEAST, Approximation.MORE_THAN}:
        return value, math.inf
    if approx in {Approximation.UP_TO, Approximation.LESS_THAN}:
        return 0.0, value
    half = min(_rounding(value) / 2, abs(value) * _ROUNDING_CAP)
    slack = abs(value) * (_ABOUT_SLACK if approx is Approximation.ABOUT else _EXACT_SLACK)
    margin = max(half, slack)
    return value - margin, value + margin


def _rounding(value: float) -> float:
    """The place of the last non-zero digit: 1300 -> 100, 144 -> 1, 9.4e9 -> 1e8."""
    if value == 0:
        return 1.0
    place = 10.0 ** math.floor(math.log10(abs(value)))
    while place > 1e-6 and not math.isclose(round(value / place) * place, value, rel_tol=1e-9):
        place /= 10
    return place


def judge(new: ClaimEvidence, old: ClaimEvidence) -> Verdict:
    """Whether two claims of one key agree, disagree, or are not about the same thing."""
    if new.kind is not old.kind or new.key != old.key:
        return Verdict.UNRELATED
    if not _same_time(new, old):
        return Verdict.UNRELATED
    if new.kind is ClaimKind.FIGURE:
        return _judge_figures(new, old)
    return _judge_statements(new, old)


def _judge_figures(new: ClaimEvidence, old: ClaimEvidence) -> Verdict:
    if not (new.object_words and old.object_words):
        return Verdict.UNRELATED
    if not (_same_stems(new, old) or _same_classes(new, old)):
        return Verdict.UNRELATED
    if new.low <= old.high and old.low <= new.high:
        return Verdict.AGREE
    return (
        Verdict.DISAGREE
        if _same_fact(new, old) and _can_contradict(new, old)
        else (Verdict.UNRELATED)
    )


def _same_fact(new: ClaimEvidence, old: ClaimEvidence) -> bool:
    """Two figures that can only be one fact: the same measured words ("yards" is not
    "receiving yards"), the same verb ("won 18 games" is not "lost four games"), some
    word of their sentences in common beyond those, and neither report giving other
    values for it."""
    if new.varies or old.varies or not (new.predicate and old.predicate):
        return False
    if new.context and old.context and not new.context & old.context:
        return False  # "missed four games after knee surgery", "missed eight with a fracture"
    if predicate_class(new.predicate) != predicate_class(old.predicate):
        return False
    return _stems(new.object_words) == _stems(old.object_words) or _same_classes(new, old)


def _same_classes(new: ClaimEvidence, old: ClaimEvidence) -> bool:
    """Measured words of one class and nothing else ("frontier", "border")."""
    first, second = object_classes(new.object_words), object_classes(old.object_words)
    return bool(first) and first == second and len(new.object_words) == len(old.object_words)


def _judge_statements(new: ClaimEvidence, old: ClaimEvidence) -> Verdict:
    if new.numbers != old.numbers or not _same_object(new, old):
        return Verdict.UNRELATED  # "has about 7,000 troops": the figures decide those
    if predicate_class(new.predicate) in _TOO_VAGUE or predicate_class(old.predicate) in (
        _TOO_VAGUE
    ):
        return Verdict.UNRELATED
    new_class, old_class = predicate_class(new.predicate), predicate_class(old.predicate)
    if new_class == old_class:
        if new.negated == old.negated:
            return Verdict.AGREE if _comparable(new, old) else Verdict.UNRELATED
        return (
            Verdict.DISAGREE
            if _can_contradict(new, old, negation_allowed=True)
            else (Verdict.UNRELATED)
        )
    if are_opposites(new_class, old_class) and new.negated == old.negated:
        return Verdict.DISAGREE if _can_contradict(new, old) else Verdict.UNRELATED
    return Verdict.UNRELATED


def _comparable(new: ClaimEvidence, old: ClaimEvidence) -> bool:
    """Both facts, or both plans: a plan neither confirms nor refutes a fact."""
    group = _COMPARABLE[new.modality]
    return group is not None and group == _COMPARABLE[old.modality]


def _can_contradict(
    new: ClaimEvidence, old: ClaimEvidence, *, negation_allowed: bool = False
) -> bool:
    if new.source == old.source or not _comparable(new, old):
        return False
    if not negation_allowed and (new.negated or old.negated):
        return False
    return _near_in_time(new, old)


def _same_stems(new: ClaimEvidence, old: ClaimEvidence) -> bool:
    return bool(_stems(new.object_words) & _stems(old.object_words))


def _same_object(new: ClaimEvidence, old: ClaimEvidence) -> bool:
    """Objects about one thing: of one class, or sharing two stems (one, when an object
    is one word): a single shared word ("situation") is too little for a whole phrase."""
    if not (new.object_words and old.object_words):
        return False
    if object_classes(new.object_words) & object_classes(old.object_words):
        return True
    first, second = _stems(new.object_words), _stems(old.object_words)
    shared = len(first & second)
    return shared >= MIN_SHARED_STEMS or (shared == 1 and min(len(first), len(second)) == 1)


def _stems(words: Iterable[str]) -> frozenset[str]:
    return frozenset(word[:STEM_LENGTH] for word in words if len(word) > 2)


def _dated(value: str | None) -> str | None:
    return value if value is not None and _DATE_VALUE.match(value) else None


def _same_time(new: ClaimEvidence, old: ClaimEvidence) -> bool:
    """Dates written in both sentences must not differ ("2013" and "2013-09" are one)."""
    first, second = _dated(new.time), _dated(old.time)
    if first is None or second is None:
        return True
    return first.startswith(second) or second.startswith(first)


def _near_in_time(new: ClaimEvidence, old: ClaimEvidence) -> bool:
    """Both written with the same date, or, lacking one, published close together (or
    either undated, which cannot be ruled out)."""
    if _dated(new.time) and _dated(old.time):
        return True  # _same_time has checked they are one
    if new.published is None or old.published is None:
        return True
    return abs((new.published - old.published).days) <= CONFLICT_WINDOW_DAYS


def best_match(
    new: ClaimEvidence, candidates: Sequence[tuple[ClaimEvidence, int | None]]
) -> tuple[ClaimEvidence, int | None, Verdict] | None:
    """The candidate (with its group) the new claim belongs with: the newest that agrees,
    else the newest that disagrees; None when none is about the same thing."""
    disagreeing = None
    for candidate, group in candidates:
        verdict = judge(new, candidate)
        if verdict is Verdict.AGREE:
            return candidate, group, verdict
        if verdict is Verdict.DISAGREE and disagreeing is None:
            disagreeing = (candidate, group, verdict)
    return disagreeing


def group_state(members: Sequence[ClaimEvidence], names: dict[int, str]) -> GroupState:
    """Status, independent sources and conflicts of a group's claims (in id order): the
    claims joined one by one (``joined_state``).

    Args:
        names: how explanations name each source (its outlet or title), by source id.
    """
    state = GroupState(ClaimStatus.SINGLE_SOURCE, (), None, ())
    for index, member in enumerate(members):
        state = joined_state(state, member, members[:index], names)
    return state


def joined_state(
    prior: GroupState,
    new: ClaimEvidence,
    members: Sequence[ClaimEvidence],
    names: dict[int, str],
) -> GroupState:
    """A group's state once ``new`` has joined ``members`` (in id order). Only the pairs
    the new claim makes are judged: a status only rises (single-source, corroborated,
    contested) as claims join, so the cost of joining stays that of ``members``."""
    sources = tuple(dict.fromkeys([*prior.sources, *(m.source for m in members), new.source]))
    agrees, conflict = False, None
    conflicting = dict.fromkeys(prior.conflicting)
    for member in members:
        if member.source == new.source:
            continue
        verdict = judge(new, member)
        if verdict is Verdict.AGREE:
            agrees = True
        elif verdict is Verdict.DISAGREE:
            conflict = conflict or (member, new)
            conflicting.update({member.id: None, new.id: None})
    if conflict is not None or prior.status is ClaimStatus.CONTESTED:
        explanation = prior.explanation or (explain(*conflict, names) if conflict else None)
        return GroupState(ClaimStatus.CONTESTED, sources, explanation, tuple(conflicting))
    if agrees or prior.status is ClaimStatus.CORROBORATED:
        return GroupState(ClaimStatus.CORROBORATED, sources, None, ())
    return GroupState(ClaimStatus.SINGLE_SOURCE, sources, None, ())


def explain(first: ClaimEvidence, second: ClaimEvidence, names: dict[int, str]) -> str:
    """One line an analyst reads first: what the sources disagree on."""
    if first.kind is ClaimKind.FIGURE:
        thing = first.measured or second.measured or ""
        return f"figures differ: {_figure_text(first)} vs {_figure_text(second)} {thing}".strip()
    return (
        f"one source ({_name(first, names)}): {_short(first.label)}; "
        f"another ({_name(second, names)}): {_short(second.label)}"
    )


def _figure_text(claim: ClaimEvidence) -> str:
    return " ".join(claim.label.split())


def _name(claim: ClaimEvidence, names: dict[int, str]) -> str:
    return names.get(claim.source) or f"report {claim.source}"


def _short(text: str, width: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
