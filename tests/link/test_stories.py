"""Which story a report joins and which storyline a story continues (pure functions)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from sitrep.link.stories import (
    JOIN_THRESHOLD,
    Profile,
    actor_cosine,
    actor_weights,
    best_story,
    best_storyline,
    days_apart,
    merged,
    rarity_of,
    similarity,
    text_closeness,
)

D = dt.date


def vector(*weights: float) -> np.ndarray:
    v = np.zeros(8, dtype=np.float32)
    v[: len(weights)] = weights
    return v / np.linalg.norm(v)


SUMMIT = vector(1, 0.35)
SUMMIT_AGAIN = vector(1, 0.3)  # cosine 0.998 with SUMMIT
OTHER = vector(1, -0.9)  # cosine about 0.45: unrelated


def profile(
    actors: dict[int, float], vec: np.ndarray | None = SUMMIT, day: dt.date | None = None
) -> Profile:
    return Profile(actors, (day, day) if day else None, vec)


def test_actor_weights_dampen_repetition() -> None:
    weights = actor_weights({1: 1, 2: 10, 3: 0})
    assert weights[1] == 1.0 and 3.0 < weights[2] < 3.4 and 3 not in weights


def test_actor_cosine_weighs_rare_actors_up() -> None:
    report, story = {1: 1.0, 2: 1.0}, {1: 1.0, 3: 1.0}
    common = actor_cosine(report, story, {1: 1.0, 2: 1.0, 3: 1.0})
    rare_shared = actor_cosine(report, story, {1: 3.0, 2: 1.0, 3: 1.0})
    assert common == pytest.approx(0.5) and rare_shared > common
    assert actor_cosine({}, story, {}) == 0.0


def test_text_closeness_rescales_unrelated_news_to_zero() -> None:
    assert text_closeness(SUMMIT, SUMMIT) == pytest.approx(1.0)
    assert text_closeness(SUMMIT, OTHER) == 0.0
    assert text_closeness(None, SUMMIT) == 0.0


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        ((D(2013, 9, 23), D(2013, 9, 23)), (D(2013, 9, 28), D(2013, 9, 28)), 5),
        ((D(2013, 9, 23), D(2013, 9, 23)), (D(2013, 9, 1), D(2013, 9, 30)), 0),  # a window
        ((D(2013, 9, 23), D(2013, 9, 23)), (D(2025, 1, 1), D(2025, 12, 31)), 4118),
        (None, (D(2013, 9, 23), D(2013, 9, 23)), 0),
    ],
)
def test_days_apart(
    first: tuple[dt.date, dt.date] | None, second: tuple[dt.date, dt.date], apart: int
) -> None:
    assert days_apart(first, second) == apart


def test_the_same_actors_and_lead_join_and_another_event_does_not() -> None:
    story = profile({1: 2.0, 2: 1.0}, SUMMIT, D(2013, 9, 23))
    rarity = rarity_of({1: 1, 2: 1, 3: 1}, 10)
    same = profile({1: 1.0, 2: 1.0}, SUMMIT_AGAIN, D(2013, 9, 28))
    assert similarity(same, story, rarity) >= JOIN_THRESHOLD
    assert best_story(same, [(7, story)], rarity) == (
        7,
        pytest.approx(similarity(same, story, rarity)),
    )
    other = profile({3: 1.0}, OTHER, D(2013, 9, 24))
    assert best_story(other, [(7, story)], rarity) is None
    years_later = profile({1: 1.0, 2: 1.0}, SUMMIT_AGAIN, D(2021, 8, 23))
    assert similarity(years_later, story, rarity) == 0.0


def test_merged_sums_actors_vectors_and_spans_days() -> None:
    story = profile({1: 1.0}, SUMMIT, D(2013, 9, 23))
    report = Profile(
        {1: 1.0, 2: 1.0}, (D(2013, 9, 20), D(2013, 9, 30)), SUMMIT_AGAIN, 1, frozenset({2})
    )
    joined = merged(story, report)
    assert joined.actors == {1: 2.0, 2: 1.0} and joined.size == 2
    assert joined.days == (D(2013, 9, 20), D(2013, 9, 30))
    assert joined.places == frozenset({2})
    assert joined.vector is not None and np.allclose(joined.vector, SUMMIT + SUMMIT_AGAIN)


def test_a_story_continues_a_storyline_years_later() -> None:
    rarity = rarity_of({1: 2, 2: 2, 3: 1}, 10)
    summit_2013 = profile({1: 2.0, 2: 1.0}, SUMMIT, D(2013, 9, 23))
    session_2021 = profile({1: 1.0, 2: 1.0}, SUMMIT_AGAIN, D(2021, 8, 23))
    assert best_storyline(session_2021, [(4, summit_2013)], rarity) == 4
    unrelated = profile({3: 1.0}, OTHER, D(2021, 8, 23))
    assert best_storyline(unrelated, [(4, summit_2013)], rarity) is None
