"""Near-duplicates: copies share most shingles, or one lies inside the other."""

from __future__ import annotations

import pytest

from sitrep.clean.fingerprint import estimated_containment, fingerprint
from sitrep.link.duplicates import find_near_duplicate
from sitrep.models import DuplicateCandidate

STORY = " ".join(
    f"Sentence {number} of the report says that the ferry to the island sails at {number} "
    f"o'clock from the northern pier and returns before dark on weekdays."
    for number in range(1, 31)
)
OTHER = " ".join(
    f"Paragraph {number} describes how the harvest in the valley failed after {number} dry "
    f"weeks and how the farmers asked the county for help with seed."
    for number in range(1, 31)
)


def _candidate(text: str, report_id: int = 1) -> DuplicateCandidate:
    mark = fingerprint(text)
    return DuplicateCandidate(report_id, report_id, mark.signature, mark.shingle_count)


@pytest.mark.parametrize(
    ("new_text", "is_copy"),
    [
        pytest.param("A new headline\n\n" + STORY, True, id="new-headline"),
        pytest.param(STORY[: len(STORY) // 2], True, id="trimmed-to-half"),
        pytest.param(STORY + " " + OTHER[: len(OTHER) // 3], True, id="extended-by-a-third"),
        pytest.param(OTHER, False, id="different-story"),
        pytest.param(STORY[:120], False, id="too-short-to-judge-by-containment"),
    ],
)
def test_duplicates_copy_or_not(new_text: str, is_copy: bool) -> None:
    found = find_near_duplicate(fingerprint(new_text), [_candidate(STORY)], 0.5, 0.8)
    assert (found is not None) is is_copy


def test_duplicates_copy_points_at_the_family_original() -> None:
    copy_of_copy = DuplicateCandidate(7, 3, *_fields(STORY))
    found = find_near_duplicate(fingerprint(STORY + " Updated."), [copy_of_copy], 0.5, 0.8)
    assert found is not None and found.canonical_id == 3


def _fields(text: str) -> tuple[tuple[int, ...], int]:
    mark = fingerprint(text)
    return mark.signature, mark.shingle_count


@pytest.mark.parametrize(
    ("jaccard", "first", "second", "containment"),
    [(1.0, 100, 100, 1.0), (0.5, 100, 200, 1.0), (0.0, 100, 100, 0.0), (0.5, 0, 10, 0.0)],
)
def test_duplicates_containment_from_jaccard_and_sizes(
    jaccard: float, first: int, second: int, containment: float
) -> None:
    assert estimated_containment(jaccard, first, second) == pytest.approx(containment)
