"""Word-level differences between versions of one quote: the tokens give the version back,
and only words the reference does not have at that place are marked."""

from __future__ import annotations

import itertools

import pytest

from sitrep.report.textdiff import marked_differences, runs

REFERENCE = "We will not withdraw our troops from the border region this year."

# (reference, version, the words of ``version`` marked, in order)
VARIANTS = [
    # Another translation of one remark: a few words chosen differently.
    (REFERENCE, "We shall not pull our troops out of the border area this year.",
     ["shall", "pull", "out", "of", "area"]),
    # A shorter extent: nothing of it is new.
    (REFERENCE, "withdraw our troops from the border region", []),
    # A longer extent: the added words are.
    ("The pumps will run again by Friday.",
     "The pumps will run again by Friday, the engineer told reporters.",
     ["the", "engineer", "told", "reporters"]),
    # A word dropped and one inserted.
    ("Prices for bread and fuel will be frozen until March.",
     "Prices for bread will be frozen at least until March.",
     ["at", "least"]),
    # Hyphenated and apostrophe words count as one word each.
    ("The cease-fire holds and the ministry's envoys stay.",
     "The cease-fire broke and the minister's envoys stay.",
     ["broke", "minister's"]),
    # Russian variants of one remark.
    ("Мы не будем выводить войска из приграничного района.",
     "Мы не станем выводить войска из пограничного района.",
     ["станем", "пограничного"]),
]  # fmt: skip


def marked(reference: str, version: str) -> list[str]:
    return [token.text for token in marked_differences(reference, version) if token.marked]


@pytest.mark.parametrize(
    ("reference", "version"),
    [(reference, version) for reference, version, _ in VARIANTS]
    + [
        ("", "Talks resume on Monday."),
        ("Talks resume on Monday.", ""),
        ("", "   "),
        ("a", "  leading and trailing spaces,\tand a tab…  "),
        ("x", "«Никаких уступок», — сказал он."),
        ("x", "snake_case and 3,000 troops in 2026-2027"),
    ],
)
def test_textdiff_tokens_give_back_the_version(reference: str, version: str) -> None:
    assert "".join(token.text for token in marked_differences(reference, version)) == version


@pytest.mark.parametrize(("reference", "version", "expected"), VARIANTS)
def test_textdiff_marks_exactly_the_changed_words(
    reference: str, version: str, expected: list[str]
) -> None:
    assert marked(reference, version) == expected


@pytest.mark.parametrize(
    "version",
    [
        REFERENCE,
        "We will not withdraw our troops from the border region, this year!",
        "we will NOT withdraw our troops from the Border Region this year",
        "“We will not withdraw our troops from the border region this year”.",
        "We  will not withdraw our troops\nfrom the border region this year...",
    ],
)
def test_textdiff_same_words_mark_nothing(version: str) -> None:
    """Re-punctuated, re-cased or re-spaced: the same words, nothing marked."""
    assert marked(REFERENCE, version) == []


@pytest.mark.parametrize(
    ("reference", "version"),
    [
        ("Путин заявил об этом", "ПУТИН заявил об этом!"),
        ("The ministry's envoys won't stay.", "The ministry’s envoys won’t stay."),
        ("The ministry’s envoys won’t stay.", "the Ministry's envoys won't stay"),
    ],
)
def test_textdiff_case_and_apostrophes_are_not_differences(reference: str, version: str) -> None:
    assert marked(reference, version) == []


def test_textdiff_spaces_and_punctuation_are_never_marked() -> None:
    tokens = marked_differences("Talks resume.", "Talks, it seems, will not resume?!")
    assert [token.text for token in tokens if token.marked] == ["it", "seems", "will", "not"]
    assert all(not token.marked for token in tokens if not token.text[0].isalnum())


def test_textdiff_repeated_words_are_matched_once() -> None:
    """A word the reference has once is new the second time the version says it."""
    assert marked("We will wait.", "We will wait, wait and see.") == ["wait", "and", "see"]


def test_textdiff_empty_strings() -> None:
    assert marked_differences("", "") == []
    assert marked_differences("Talks resume on Monday.", "") == []
    assert marked("", "Talks resume.") == ["Talks", "resume"]


@pytest.mark.parametrize(
    ("reference", "version"),
    [
        ("We will defend our border.", "We shall defend the border of ours."),
        ("Nothing changed here.", "Nothing changed here."),
        ("", "Everything is new."),
    ],
)
def test_runs_merge_neighbours_and_keep_the_text(reference: str, version: str) -> None:
    tokens = marked_differences(reference, version)
    merged = runs(tokens)
    assert "".join(token.text for token in merged) == version
    assert all(a.marked != b.marked for a, b in itertools.pairwise(merged))
    assert "".join(t.text for t in merged if t.marked) == "".join(
        t.text for t in tokens if t.marked
    )
    assert len(merged) <= len(tokens)
