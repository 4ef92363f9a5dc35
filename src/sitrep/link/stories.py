"""Which story a new report belongs to, and which storyline a new story continues.

A report is read as a *profile*: the actors it names (weighted by how often, and by
how rare they are across stories), the places, the day it appeared, and a sentence
vector of its headline and lead (multilingual-e5-small, so a Russian report
of the same summit lands beside the English ones). A story's profile is the sum of its
reports'. The store finds candidate stories through an index of their actors and
places (never all stories); ``best_story`` scores each:

    score = ACTOR_WEIGHT * weighted cosine of the actor profiles
          + TEXT_WEIGHT * the lead vectors' cosine, rescaled from [TEXT_FLOOR, 1] to [0, 1]

and the report joins the best story scoring at least ``JOIN_THRESHOLD`` whose reports
appeared within ``SAME_EVENT_DAYS`` of it (when both are known; an inferred date is
only known to a year or so), else opens a story. Word
overlap alone would not do: three outlets' reports of one summit share 12-21% of their
word shingles; they share the summit's actors, place, day and meaning.

A new story continues the storyline of the most similar earlier story when they share
enough of their actors and subject (``STORYLINE_THRESHOLD``), however far apart in
time: the 2013 summit, the 2021 session and the 2025 border programme are one
storyline.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from sitrep.link.embeddings import Embeddings

# Tuned on ECB+ (bench/eval_stories.py): B-cubed F1 lies within 0.01 of its best for
# actor weights 0.3-0.4, floors 0.75-0.85 and thresholds 0.35-0.45 around these.
ACTOR_WEIGHT = 0.3
TEXT_WEIGHT = 0.7
TEXT_FLOOR = 0.80  # e5 gives unrelated news about 0.75-0.8; one event's reports 0.85-0.95
JOIN_THRESHOLD = 0.40
# Reports of one event keep coming for weeks (follow-ups, analyses): on ECB+, whose
# reports carry the dates of their URLs, 7 days split events (B-cubed F1 0.85), 90 days
# did not (0.88), and no limit at all gained only 0.01 more.
SAME_EVENT_DAYS = 90
# An inferred publication window is a rough bound (read from the dates a report
# mentions): it is widened by a year each way before it keeps reports apart. Used as
# is, it split reports of one ECB+ event (B-cubed F1 0.85 instead of 0.89).
INFERRED_SLACK_DAYS = 365
STORYLINE_THRESHOLD = 0.30
MAX_CANDIDATES = 100  # stories scored per report
CANDIDATES_PER_KEY = 30  # newest stories per actor or place


@dataclass(frozen=True, slots=True)
class Profile:
    """What a report (or a story, summed over its reports) is about.

    Attributes:
        actors: stored actor id -> weight (mentions, dampened); places included.
        days: the first and last day it can have appeared: a stated publication date
            twice, or the window an inferred one lies in (a story: the span of its
            reports'); None when nothing is known.
        vector: the normalised sentence vector of the lead (a story: the sum of its
            reports' vectors, not normalised), or None without a model.
        size: how many reports it sums.
    """

    actors: Mapping[int, float]
    days: tuple[dt.date, dt.date] | None
    vector: Embeddings | None
    size: int = 1
    places: frozenset[int] = field(default_factory=frozenset)


def actor_weights(mention_counts: Mapping[int, int]) -> dict[int, float]:
    """Weights of a report's actors: 1 + log of their mentions (a name said ten times
    matters more than one said once, but not ten times more)."""
    return {actor: 1.0 + math.log(count) for actor, count in mention_counts.items() if count}


def merged(story: Profile, report: Profile) -> Profile:
    """The story's profile once the report has joined it."""
    actors = dict(story.actors)
    for actor, weight in report.actors.items():
        actors[actor] = actors.get(actor, 0.0) + weight
    vector = story.vector
    if report.vector is not None:
        vector = report.vector.copy() if vector is None else vector + report.vector
    return Profile(actors, _span(story.days, report.days), vector, story.size + 1,
                   story.places | report.places)  # fmt: skip


def _span(
    first: tuple[dt.date, dt.date] | None, second: tuple[dt.date, dt.date] | None
) -> tuple[dt.date, dt.date] | None:
    if first is None or second is None:
        return first or second
    return min(first[0], second[0]), max(first[1], second[1])


def days_apart(
    first: tuple[dt.date, dt.date] | None, second: tuple[dt.date, dt.date] | None
) -> int:
    """Days between two spans of days (0 when they overlap or one is unknown)."""
    if first is None or second is None:
        return 0
    return max(0, (second[0] - first[1]).days, (first[0] - second[1]).days)


def similarity(report: Profile, story: Profile, rarity: Mapping[int, float]) -> float:
    """How alike a report and a story are (see the module docstring); 0 when their days
    are further apart than one event lasts."""
    if days_apart(report.days, story.days) > SAME_EVENT_DAYS:
        return 0.0
    return ACTOR_WEIGHT * actor_cosine(report.actors, story.actors, rarity) + (
        TEXT_WEIGHT * text_closeness(report.vector, story.vector)
    )


def actor_cosine(
    first: Mapping[int, float], second: Mapping[int, float], rarity: Mapping[int, float]
) -> float:
    """Cosine of two actor profiles, each actor weighted by its rarity (``rarity``: an
    actor in every story says nothing; a missing actor counts as rare)."""
    if not first or not second:
        return 0.0

    def weighted(profile: Mapping[int, float]) -> dict[int, float]:
        return {actor: weight * rarity.get(actor, 1.0) for actor, weight in profile.items()}

    a, b = weighted(first), weighted(second)
    dot = sum(weight * b[actor] for actor, weight in a.items() if actor in b)
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def text_closeness(first: Embeddings | None, second: Embeddings | None) -> float:
    """The cosine of two lead vectors, rescaled so that unrelated news is 0."""
    if first is None or second is None:
        return 0.0
    norm = float(np.linalg.norm(first) * np.linalg.norm(second))
    if norm == 0:
        return 0.0
    cosine = float(np.dot(first, second)) / norm
    return max(0.0, min(1.0, (cosine - TEXT_FLOOR) / (1.0 - TEXT_FLOOR)))


def rarity_of(stories_with: Mapping[int, int], story_count: int) -> dict[int, float]:
    """Inverse story frequency of each actor: log((stories + 1) / (stories with it + 1))
    + 1, so an actor of every story weighs 1 and a rare one up to several times that."""
    return {
        actor: math.log((story_count + 1) / (count + 1)) + 1.0
        for actor, count in stories_with.items()
    }


def best_story(
    report: Profile, candidates: Iterable[tuple[int, Profile]], rarity: Mapping[int, float]
) -> tuple[int, float] | None:
    """The candidate story the report joins, with its score; None to open a new one."""
    scored = [(similarity(report, story, rarity), story_id) for story_id, story in candidates]
    if not scored:
        return None
    score, story_id = max(scored)
    return (story_id, score) if score >= JOIN_THRESHOLD else None


def best_storyline(
    story: Profile, candidates: Iterable[tuple[int, Profile]], rarity: Mapping[int, float]
) -> int | None:
    """The storyline (by one of its stories' profiles) a new story continues, if any:
    similarity with no limit in time."""
    undated = Profile(story.actors, None, story.vector, story.size, story.places)
    scored = [
        (similarity(undated, Profile(other.actors, None, other.vector), rarity), storyline)
        for storyline, other in candidates
    ]
    if not scored:
        return None
    score, storyline = max(scored)
    return storyline if score >= STORYLINE_THRESHOLD else None
