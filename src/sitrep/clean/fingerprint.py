"""Fingerprints for duplicate detection: an exact content hash and a MinHash signature.

The content hash makes re-ingesting a report a no-op. The MinHash signature of
word 5-shingles, cut into LSH bands, lets the store find near-duplicate candidates
(syndicated copies, re-publications under a new headline) with an index lookup,
never by comparing a new report with every stored one.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

import numpy as np
from datasketch import MinHash

from sitrep.models import Fingerprint

NUM_PERMUTATIONS = 128
# 32 bands of 4 rows: a pair at Jaccard 0.5 becomes a candidate with p = 0.87, at 0.6
# with p = 0.99, at 0.2 (different reports on one event) with p = 0.05; candidates are
# then checked against the threshold on the full signature.
BANDS = 32
ROWS_PER_BAND = NUM_PERMUTATIONS // BANDS
SHINGLE_WORDS = 5
_SEED = 1
_WORD = re.compile(r"\w+")


def content_hash(text: str) -> str:
    """SHA-256 of the text with case and whitespace differences removed."""
    normalized = " ".join(text.casefold().split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def fingerprint(text: str) -> Fingerprint:
    """The MinHash signature of ``text``'s word 5-shingles and its LSH band keys."""
    words = _WORD.findall(text.casefold())
    shingles = {
        " ".join(words[index : index + SHINGLE_WORDS]).encode("utf-8")
        for index in range(max(1, len(words) - SHINGLE_WORDS + 1))
    }
    template = _template()
    # The template's permutations, not fresh ones: the same values (same seed) without
    # drawing them again for every report.
    minhash = MinHash(
        num_perm=NUM_PERMUTATIONS,
        seed=_SEED,
        permutations=template.permutations,
        scheme=template.scheme,
    )
    minhash.update_batch(list(shingles))
    signature = tuple(minhash.hashvalues.tolist())
    return Fingerprint(
        signature=signature, band_keys=band_keys(signature), shingle_count=len(shingles)
    )


def band_keys(signature: tuple[int, ...]) -> tuple[str, ...]:
    """One key per LSH band: reports sharing any key are near-duplicate candidates.

    A band's key hashes its rows as consecutive unsigned 64-bit integers.
    """
    data = np.asarray(signature, dtype=np.uint64).tobytes()
    width = ROWS_PER_BAND * np.dtype(np.uint64).itemsize
    bands = (data[band * width : (band + 1) * width] for band in range(BANDS))
    return tuple(
        f"{band}:{hashlib.blake2b(rows, digest_size=8).hexdigest()}"
        for band, rows in enumerate(bands)
    )


@cache
def _template() -> MinHash:
    """An empty MinHash whose permutations every signature shares (drawn once per process)."""
    return MinHash(num_perm=NUM_PERMUTATIONS, seed=_SEED)


def estimated_containment(jaccard: float, first_count: int, second_count: int) -> float:
    """How much of the smaller shingle set lies in the larger, from their Jaccard and sizes.

    With J = |A∩B| / |A∪B| and |A∪B| = |A| + |B| - |A∩B|, the intersection is
    J (|A| + |B|) / (1 + J); divided by the smaller set it says whether a short report
    was cut from a longer one (a trimmed syndicated copy) even when Jaccard is low.
    """
    smaller = min(first_count, second_count)
    if smaller <= 0:
        return 0.0
    return min(1.0, jaccard * (first_count + second_count) / ((1 + jaccard) * smaller))


def estimated_jaccard(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    """The share of equal MinHash values: an unbiased estimate of shingle-set Jaccard."""
    if len(first) != len(second) or not first:
        return 0.0
    return sum(a == b for a, b in zip(first, second, strict=True)) / len(first)
