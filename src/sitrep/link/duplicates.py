"""Syndicated copies: is a new report a near-duplicate of one already stored?"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.clean.fingerprint import estimated_jaccard
from sitrep.models import DuplicateCandidate


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    canonical_id: int  # the first-stored report of the family, never itself a copy
    similarity: float  # estimated Jaccard of word 5-shingles with the closest member


def find_near_duplicate(
    signature: tuple[int, ...], candidates: Iterable[DuplicateCandidate], threshold: float
) -> NearDuplicate | None:
    """The family a new report belongs to, if its closest candidate is similar enough.

    Every copy points at the family's first-stored report, so a copy of a copy counts
    as one more copy of the original and sources are counted once per family.
    """
    best: NearDuplicate | None = None
    for candidate in candidates:
        similarity = estimated_jaccard(signature, candidate.signature)
        if similarity >= threshold and (best is None or similarity > best.similarity):
            best = NearDuplicate(candidate.canonical_id, similarity)
    return best
