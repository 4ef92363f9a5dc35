"""Score predicted quotes against PolNeAR gold attributions, pure functions on spans.

A span is a tuple of ``(start, end)`` fragments: gold contents may be discontinuous
("We will win," he said, "and soon."), a prediction is one fragment.

Conventions:

- **Direct gold** (``is_direct``): an attribution whose content text holds a
  quotation mark: any of ``" “ ” « » „ ‟`` or a doubled straight apostrophe
  ``''`` (the New York Times writes its quotes that way). A single quote ``‘ ’ '``
  counts only when it opens the content (its first character) or closes it (its
  last), and a closing one only when it follows no letter or digit or an opening
  single quote stands earlier in the content: "‘revolution,’" and "border wall
  ‘stupid’" are quotations, "a plan like Sanders’" and "don’t" are apostrophes.
  Every other attribution is indirect (reported speech without quotation marks).
- **Content match**: quotation marks and whitespace are stripped from both edges
  of every fragment of both sides; two contents match when the characters they
  share are at least half of the longer one (``MIN_SHARE``), so a prediction that
  takes a whole paragraph for a one-sentence quote, or one sentence of a
  paragraph-long quote, does not match.
- **One-to-one**: each gold attribution and each prediction is matched at most
  once, greedily: the pair sharing the largest part of the longer span first, then
  the larger overlap in characters, then text order.
- **Direct figures**: the predictions of kind direct or partial are matched
  against every gold attribution. Precision: those matched to any gold (a direct
  quote the annotators took as indirect is not a false positive) over all of them.
  Recall: direct gold matched over direct gold.
- **Reported-speech figures**: every prediction, of any kind, against every gold.
  Precision and recall over all predictions and all gold; the indirect-only recall
  is the indirect gold matched in that same matching over the indirect gold.
- **Speaker accuracy**: over the matched pairs whose gold has a Source (for the
  direct figures, those whose gold is also direct): the share where the predicted
  speaker span overlaps a fragment of the gold Source, or where one of the
  mentions of the actor the speaker was resolved to does (PolNeAR's sources are
  spans as written, "he" or "the senator", and a speaker resolved to the right
  person is right). A prediction with no speaker is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields

from bench.polnear import GoldAttribution, Span

Fragments = tuple[Span, ...]

# Marks that are never apostrophes; '' is the doubled straight quote of some outlets.
QUOTATION_MARKS = ('"', "“", "”", "«", "»", "„", "‟", "''")
OPENING_SINGLE = frozenset("‘'")
CLOSING_SINGLE = frozenset("’'")
EDGE_MARKS = frozenset("\"“”«»„‟‘’'")
# At least this share of the longer of two contents must be shared for them to match.
MIN_SHARE = 0.5
DIRECT_KINDS = frozenset({"direct", "partial"})


def is_direct(content: str) -> bool:
    """Whether a content text is a quotation (see the module docstring)."""
    if any(mark in content for mark in QUOTATION_MARKS):
        return True
    text = content.strip()
    if not text:
        return False
    if text[0] in OPENING_SINGLE:
        return True
    if text[-1] not in CLOSING_SINGLE:
        return False
    before = text[-2:-1]
    return not before.isalnum() or _opens_a_single_quote(text[:-1])


def _opens_a_single_quote(text: str) -> bool:
    """A ‘ or ' at the start of a word: not the apostrophe inside or after one."""
    return any(
        char in OPENING_SINGLE and (index == 0 or not text[index - 1].isalnum())
        for index, char in enumerate(text)
    )


def trim(text: str, fragments: Iterable[Span]) -> Fragments:
    """Fragments with quotation marks and whitespace stripped from their edges, merged.

    Empty fragments are dropped; overlapping or touching ones are merged, so that
    each character counts once.
    """
    trimmed: list[Span] = []
    for start, end in sorted(fragments):
        while start < end and (text[start].isspace() or text[start] in EDGE_MARKS):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in EDGE_MARKS):
            end -= 1
        if start >= end:
            continue
        if trimmed and start <= trimmed[-1][1]:
            trimmed[-1] = (trimmed[-1][0], max(end, trimmed[-1][1]))
        else:
            trimmed.append((start, end))
    return tuple(trimmed)


def length(fragments: Fragments) -> int:
    return sum(end - start for start, end in fragments)


def overlap(a: Fragments, b: Fragments) -> int:
    """Characters the two spans share (each side's fragments must not overlap each other)."""
    return sum(
        max(0, min(a_end, b_end) - max(a_start, b_start))
        for a_start, a_end in a
        for b_start, b_end in b
    )


def share(a: Fragments, b: Fragments) -> float:
    """The overlap as a share of the longer span; 0 when either is empty."""
    longer = max(length(a), length(b))
    return overlap(a, b) / longer if longer and length(a) and length(b) else 0.0


def match_contents(gold: Sequence[Fragments], predicted: Sequence[Fragments]) -> dict[int, int]:
    """One-to-one greedy matching of trimmed contents: gold index -> predicted index."""
    pairs: list[tuple[float, int, int, int]] = []
    for gold_index, gold_span in enumerate(gold):
        for index, span in enumerate(predicted):
            part = share(gold_span, span)
            if part >= MIN_SHARE:
                pairs.append((-part, -overlap(gold_span, span), gold_index, index))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gold_index, index in sorted(pairs):
        if gold_index not in matched and index not in used:
            matched[gold_index] = index
            used.add(index)
    return matched


@dataclass(frozen=True)
class PredictedQuote:
    """A system's quote, offsets into the same text as the gold's.

    Attributes:
        content: what was said (one fragment for our extractor).
        kind: ``direct``, ``partial`` or ``indirect`` (``sitrep.models.QuoteKind`` values).
        speaker: the speaker span as written, or None when the quote is unattributed.
        speaker_mentions: the mentions of the actor the speaker was resolved to.
    """

    content: Fragments
    kind: str
    speaker: Span | None = None
    speaker_mentions: tuple[Span, ...] = ()

    @property
    def is_direct(self) -> bool:
        return self.kind in DIRECT_KINDS


def speaker_is_right(prediction: PredictedQuote, source: Fragments) -> bool:
    """Whether the predicted speaker, or the actor it resolves to, overlaps the gold source."""
    candidates = [*prediction.speaker_mentions]
    if prediction.speaker is not None:
        candidates.append(prediction.speaker)
    return any(overlap((candidate,), source) > 0 for candidate in candidates)


@dataclass
class Tally:
    """Counts behind one line of figures; ``predicted`` is 0 where only recall is asked."""

    predicted: int = 0
    predicted_matched: int = 0
    gold: int = 0
    gold_matched: int = 0
    speaker_scored: int = 0  # matched pairs whose gold has a source
    speaker_right: int = 0

    def add(self, other: Tally) -> None:
        for count in fields(self):
            setattr(self, count.name, getattr(self, count.name) + getattr(other, count.name))

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_matched / self.gold if self.gold else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_scored if self.speaker_scored else 0.0


@dataclass
class DocumentScore:
    """One document's tallies, with the indexes behind its errors.

    Gold indexes index the document's attributions, prediction indexes its predictions.
    """

    direct: Tally = field(default_factory=Tally)
    reported: Tally = field(default_factory=Tally)
    indirect: Tally = field(default_factory=Tally)
    gold_is_direct: tuple[bool, ...] = ()
    missed_direct: list[int] = field(default_factory=list)
    spurious_direct: list[int] = field(default_factory=list)
    missed_indirect: list[int] = field(default_factory=list)
    spurious_indirect: list[int] = field(default_factory=list)
    wrong_speaker: list[tuple[int, int]] = field(default_factory=list)  # direct pairs

    def add(self, other: DocumentScore) -> None:
        """Add another document's tallies (the error indexes stay per document)."""
        self.direct.add(other.direct)
        self.reported.add(other.reported)
        self.indirect.add(other.indirect)


def _speakers(
    matched: dict[int, int],
    gold: Sequence[GoldAttribution],
    predictions: Sequence[PredictedQuote],
    tally: Tally,
) -> list[tuple[int, int]]:
    """Count speaker accuracy over the matched pairs with a gold source; the wrong pairs."""
    wrong = []
    for gold_index, index in sorted(matched.items()):
        source = gold[gold_index].source
        if not source:
            continue
        tally.speaker_scored += 1
        if speaker_is_right(predictions[index], source):
            tally.speaker_right += 1
        else:
            wrong.append((gold_index, index))
    return wrong


def score_document(
    text: str, gold: Sequence[GoldAttribution], predictions: Sequence[PredictedQuote]
) -> DocumentScore:
    """Direct, reported-speech and indirect-only tallies of one document."""
    gold_contents = [trim(text, attribution.content) for attribution in gold]
    directness = tuple(
        is_direct(" ".join(text[start:end] for start, end in attribution.content))
        for attribution in gold
    )
    contents = [trim(text, prediction.content) for prediction in predictions]
    score = DocumentScore(gold_is_direct=directness)

    # Direct: the direct and partial predictions against every gold attribution.
    direct_indexes = [index for index, item in enumerate(predictions) if item.is_direct]
    local = match_contents(gold_contents, [contents[index] for index in direct_indexes])
    direct_match = {gold_index: direct_indexes[index] for gold_index, index in local.items()}
    score.direct.predicted = len(direct_indexes)
    score.direct.predicted_matched = len(direct_match)
    score.direct.gold = sum(directness)
    score.direct.gold_matched = sum(directness[gold_index] for gold_index in direct_match)
    score.missed_direct = [
        gold_index
        for gold_index, direct in enumerate(directness)
        if direct and gold_index not in direct_match
    ]
    used = set(direct_match.values())
    score.spurious_direct = [index for index in direct_indexes if index not in used]
    score.wrong_speaker = _speakers(
        {gold_index: index for gold_index, index in direct_match.items() if directness[gold_index]},
        gold,
        predictions,
        score.direct,
    )

    # Reported speech: every prediction against every gold attribution.
    reported_match = match_contents(gold_contents, contents)
    score.reported.predicted = len(predictions)
    score.reported.predicted_matched = len(reported_match)
    score.reported.gold = len(gold)
    score.reported.gold_matched = len(reported_match)
    _speakers(reported_match, gold, predictions, score.reported)
    score.indirect.gold = len(gold) - sum(directness)
    score.indirect.gold_matched = sum(not directness[gold_index] for gold_index in reported_match)
    score.missed_indirect = [
        gold_index
        for gold_index, direct in enumerate(directness)
        if not direct and gold_index not in reported_match
    ]
    used = set(reported_match.values())
    score.spurious_indirect = [
        index for index, item in enumerate(predictions) if not item.is_direct and index not in used
    ]
    return score


def figures(score: DocumentScore) -> dict[str, float]:
    """The named figures of a (summed) score, as the report and the gate read them."""
    return {
        "direct_precision": score.direct.precision,
        "direct_recall": score.direct.recall,
        "direct_speaker_accuracy": score.direct.speaker_accuracy,
        "reported_precision": score.reported.precision,
        "reported_recall": score.reported.recall,
        "reported_speaker_accuracy": score.reported.speaker_accuracy,
        "indirect_recall": score.indirect.recall,
    }
