"""Syndicated copies: is a new report a near-duplicate of one already stored?"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.clean.fingerprint import estimated_containment, estimated_jaccard
from sitrep.models import DuplicateCandidate, Fingerprint

# Below this many shingles (about 30 words) a text is too short for containment to mean
# anything: a headline is "contained" in every report that repeats it.
_MIN_SHINGLES_FOR_CONTAINMENT = 30


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    canonical_id: int  # the first-stored report of the family, never itself a copy
    similarity: float  # estimated Jaccard of word 5-shingles with the closest member


def find_near_duplicate(
    fingerprint: Fingerprint,
    candidates: Iterable[DuplicateCandidate],
    jaccard_threshold: float,
    containment_threshold: float,
) -> NearDuplicate | None:
    """The family a new report belongs to, if its closest candidate is a copy of it.

    A copy shares most of its word 5-shingles with the original (Jaccard at or above
    ``jaccard_threshold``: a new headline, a changed sentence), or is a trimmed or
    extended version of it (the smaller text lies mostly inside the larger one:
    containment at or above ``containment_threshold``). Every copy points at the
    family's first-stored report, so a copy of a copy counts as one more copy of the
    original and sources are counted once per family.
    """
    best: NearDuplicate | None = None
    for candidate in candidates:
        similarity = estimated_jaccard(fingerprint.signature, candidate.signature)
        if not _is_copy(similarity, fingerprint.shingle_count, candidate.shingle_count,
                        jaccard_threshold, containment_threshold):  # fmt: skip
            continue
        if best is None or similarity > best.similarity:
            best = NearDuplicate(candidate.canonical_id, similarity)
    return best


def _is_copy(
    jaccard: float, count: int, other_count: int, jaccard_threshold: float, containment: float
) -> bool:
    if jaccard >= jaccard_threshold:
        return True
    if min(count, other_count) < _MIN_SHINGLES_FOR_CONTAINMENT:
        return False
    return estimated_containment(jaccard, count, other_count) >= containment
