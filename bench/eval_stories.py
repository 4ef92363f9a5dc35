"""Score story clustering on ECB+: do the stories sitrep builds follow the real events?

Usage::

    python -m bench.eval_stories                       # all 510 reports (from the repo root)
    python -m bench.eval_stories --split even          # topics 0, 2, 4, ... in sorted order
    python -m bench.eval_stories --limit-topics 3 --examples 10
    python -m bench.eval_stories --json

    from bench.eval_stories import evaluate
    result = evaluate(Path("../shared/data/ecbplus"), "odd")   # result["overall"]["bcubed_f1"]

Every ECB+ report (``bench/ecbplus.py``) is ingested through the real pipeline into a
fresh SQLite file, as ``bench/eval_claims.py`` does (one plain-text page each, origin
``ecbplus/<topic>/<name>.xml``), then the store's stories are read back
(``store.stories()``: each story's id, title and every report id, copies included).

Gold: each topic holds two deliberately similar real-world events (two earthquakes,
two rehab stays), and the file name says which one a report tells of: the sub-event
``"T:ecb"`` or ``"T:ecbplus"``. ECB+ gives no publication dates, so the clustering has
only the texts to go on. A report's predicted cluster is the story holding its stored
id; the scoring conventions are ``bench/cluster_scoring.py``'s.

Printed: the counts (reports, gold sub-events, predicted stories), B-cubed and
pairwise precision, recall and F1 at sub-event level (the gated figures, under
``overall``; the issue's target is B-cubed F1 >= 0.90) and at topic level (for
information: it shows how much of the error is confusing the two events of a topic),
then the worst-merged stories (those mixing sub-events, with each one's reports) and
the most split sub-events (the stories their reports landed in).

Conventions:

- **A report not stored as itself** maps to the report it copies: an exact copy of a
  report stored before is not stored again, and the pipeline names the original. A
  report that failed, or that copies another input of the same batch (no id given),
  or whose id is in no story, is **unclustered**: scored as a story of its own and
  counted apart.
- **A report id in several stories** breaks the store's contract; it is counted, and
  the report scored in the story with the smallest id.
- ``--split even|odd`` keeps the topics at even or odd positions of the sorted topic
  numbers (a half to tune on, a half to check on); ``--limit-topics N`` then keeps the
  first N of those topics.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from bench.cluster_scoring import PRF, bcubed, pairwise
from bench.ecbplus import DEFAULT_DATA, EcbReport, iter_reports
from bench.eval_claims import page_of, select_topics

from sitrep.models import IngestOutcome, IngestStatus

SPLITS = ("all", "even", "odd")
TARGET = ("bcubed_f1", 0.90)  # the target, at sub-event level
FIGURE_LABELS = {"bcubed": "B-cubed", "pairwise": "pairwise"}


class StoryRecord(Protocol):
    """The part of the store's ``Story`` read here."""

    @property
    def id(self) -> int: ...

    @property
    def title(self) -> str: ...

    @property
    def report_ids(self) -> tuple[int, ...]: ...


# --- choosing reports (pure) ---------------------------------------------------------


def select_split(reports: Sequence[EcbReport], split: str) -> list[EcbReport]:
    """The reports of the topics at even or odd positions of the sorted topic numbers."""
    if split == "all":
        return list(reports)
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: choose one of {', '.join(SPLITS)}")
    topics = sorted({report.topic for report in reports})
    kept = set(topics[0 if split == "even" else 1 :: 2])
    return [report for report in reports if report.topic in kept]


# --- from the store's stories to a predicted clustering (pure) -----------------------


def story_of_reports(stories: Sequence[StoryRecord]) -> tuple[dict[int, int], int]:
    """Report id -> story id, and how many report ids more than one story holds.

    A report id in several stories is given the story with the smallest id.
    """
    story_of: dict[int, int] = {}
    several: set[int] = set()
    for story in sorted(stories, key=lambda story: story.id):
        for report_id in story.report_ids:
            if report_id in story_of and story_of[report_id] != story.id:
                several.add(report_id)
            story_of.setdefault(report_id, story.id)
    return story_of, len(several)


def predicted_stories(stored_ids: Mapping[str, int], story_of: Mapping[int, int]) -> dict[str, int]:
    """ECB+ report name -> story id, for every report whose stored id is in a story."""
    return {
        name: story_of[report_id] for name, report_id in stored_ids.items() if report_id in story_of
    }


# --- scoring and reading the errors (pure) -------------------------------------------


def gold_labels(reports: Sequence[EcbReport], level: str) -> dict[str, str]:
    """Report name -> its sub-event (``level="subevent"``) or its topic (``"topic"``)."""
    if level == "subevent":
        return {report.name: report.subevent for report in reports}
    return {report.name: str(report.topic) for report in reports}


def figures(gold: Mapping[str, str], predicted: Mapping[str, int]) -> dict[str, float]:
    """B-cubed and pairwise precision, recall and F1 as ``bcubed_f1``, ``pairwise_recall``..."""
    scores: dict[str, PRF] = {
        "bcubed": bcubed(gold, predicted),
        "pairwise": pairwise(gold, predicted),
    }
    return {
        f"{name}_{part}": value
        for name, score in scores.items()
        for part, value in asdict(score).items()
    }


@dataclass(frozen=True)
class Merged:
    """A story holding reports of more than one sub-event, with how many of each."""

    story: int
    title: str
    subevents: tuple[tuple[str, int], ...]  # most reports first

    @property
    def reports(self) -> int:
        return sum(count for _, count in self.subevents)

    @property
    def intruders(self) -> int:
        """The reports outside the story's largest sub-event."""
        return self.reports - self.subevents[0][1]


@dataclass(frozen=True)
class Split:
    """A sub-event whose reports are in more than one story (None: unclustered)."""

    subevent: str
    stories: tuple[tuple[int | None, int], ...]  # (story id, reports), most reports first

    @property
    def reports(self) -> int:
        return sum(count for _, count in self.stories)

    @property
    def strays(self) -> int:
        """The reports outside the sub-event's largest story."""
        return self.reports - self.stories[0][1]


def _most_first(counts: collections.Counter[Any]) -> tuple[tuple[Any, int], ...]:
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], str(item[0]))))


def worst_merged(
    gold: Mapping[str, str],
    predicted: Mapping[str, int],
    titles: Mapping[int, str],
    count: int,
) -> list[Merged]:
    """Up to ``count`` stories mixing sub-events, the most reports from other events first."""
    members: dict[int, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for name, story in predicted.items():
        if name in gold:
            members[story][gold[name]] += 1
    merged = [
        Merged(story, titles.get(story, ""), _most_first(subevents))
        for story, subevents in members.items()
        if len(subevents) > 1
    ]
    merged.sort(key=lambda item: (-item.intruders, -item.reports, item.story))
    return merged[:count]


def most_split(gold: Mapping[str, str], predicted: Mapping[str, int], count: int) -> list[Split]:
    """Up to ``count`` sub-events spread over several stories, the most strays first.

    Each unclustered report is a story of its own (``None``, counted once each).
    """
    pieces: dict[str, collections.Counter[int | None]] = collections.defaultdict(
        collections.Counter
    )
    unclustered: collections.Counter[str] = collections.Counter()
    for name, subevent in gold.items():
        if name in predicted:
            pieces[subevent][predicted[name]] += 1
        else:
            unclustered[subevent] += 1
    splits = []
    for subevent in sorted(set(pieces) | set(unclustered)):
        stories = _most_first(pieces[subevent]) + ((None, 1),) * unclustered[subevent]
        if len(stories) > 1:
            splits.append(Split(subevent, stories))
    splits.sort(key=lambda item: (-item.strays, -len(item.stories), item.subevent))
    return splits[:count]


# --- the run -------------------------------------------------------------------------


@dataclass
class Run:
    """What one ingest left: each report's stored id by ECB+ name, the stories, counts."""

    stored_ids: dict[str, int]  # a copy's is its original's; failed reports are absent
    stories: list[StoryRecord]
    ingest: dict[str, Any]


def stored_ids_of(
    reports: Sequence[EcbReport], outcomes: Sequence[IngestOutcome]
) -> dict[str, int]:
    """ECB+ report name -> the stored report it became, or the stored report it copies."""
    name_of = {report.origin: report.name for report in reports}
    return {
        name_of[outcome.origin]: outcome.report_id
        for outcome in outcomes
        if outcome.origin in name_of
        and outcome.report_id is not None
        and outcome.status in (IngestStatus.INGESTED, IngestStatus.DUPLICATE)
    }


def run_pipeline(reports: Sequence[EcbReport]) -> Run:
    """Ingest ``reports`` into a fresh SQLite file with the real pipeline; read stories back."""
    from sitrep.config import Settings
    from sitrep.pipeline import Pipeline
    from sitrep.store.sqlite import SQLiteStore

    outcomes: list[IngestOutcome] = []
    with (
        tempfile.TemporaryDirectory(prefix="sitrep-ecbplus-") as folder,
        SQLiteStore.open(str(Path(folder) / "stories.db")) as store,
    ):
        started = time.perf_counter()
        summary = Pipeline(Settings()).ingest(
            [page_of(report) for report in reports], store, outcomes.append
        )
        ingest_s = time.perf_counter() - started
        stories = list(store.stories())
        stories_s = time.perf_counter() - started - ingest_s
    ingest = {
        "reports_read": len(reports),
        "reports_stored": summary.ingested,
        "failed": summary.failed,
        "duplicates": summary.duplicates,
        "near_duplicates": summary.near_duplicates,
        "ingest_s": round(ingest_s, 1),
        "stories_s": round(stories_s, 1),
    }
    return Run(stored_ids_of(reports, outcomes), stories, ingest)


def score_run(reports: Sequence[EcbReport], run: Run, examples: int = 5) -> dict[str, Any]:
    """Every figure of one run, ready for JSON (see the module docstring)."""
    story_of, in_several = story_of_reports(run.stories)
    predicted = predicted_stories(run.stored_ids, story_of)
    gold = gold_labels(reports, "subevent")
    titles = {story.id: story.title for story in run.stories}
    sizes = collections.Counter(predicted.values())
    overall = figures(gold, predicted)
    name, target = TARGET
    return {
        "reports": len(reports),
        "topics": len({report.topic for report in reports}),
        "gold_subevents": len(set(gold.values())),
        "ingest": run.ingest,
        "predicted_stories": len(sizes),
        "single_report_stories": sum(size == 1 for size in sizes.values()),
        "stories_in_store": len(run.stories),
        "unclustered": len(reports) - len(predicted),
        "reports_in_several_stories": in_several,
        "overall": overall,
        "topic_level": figures(gold_labels(reports, "topic"), predicted),
        "target": {"figure": name, "target": target, "measured": overall[name]},
        "worst_merged": [
            {**asdict(item), "reports": item.reports, "intruders": item.intruders}
            for item in worst_merged(gold, predicted, titles, examples)
        ],
        "most_split": [
            {**asdict(item), "reports": item.reports, "strays": item.strays}
            for item in most_split(gold, predicted, examples)
        ],
    }


def evaluate(
    data_dir: Path,
    split: str = "all",
    limit_topics: int | None = None,
    *,
    run: Callable[[Sequence[EcbReport]], Run] | None = None,
    examples: int = 5,
) -> dict[str, Any]:
    """Read the split's reports, ingest them with ``run``, score the stories.

    ``run`` takes the reports and returns a ``Run``: ``run_pipeline`` (the real
    pipeline) unless given; tests pass one that returns fake stories.
    """
    reports = select_topics(select_split(list(iter_reports(data_dir)), split), limit_topics)
    ingested = (run or run_pipeline)(reports)
    return {"split": split, **score_run(reports, ingested, examples)}


# --- printing ------------------------------------------------------------------------


def _excerpt(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _print_report(result: Mapping[str, Any]) -> None:
    ingest = result["ingest"]
    print(
        f"ECB+ ({result['split']}): {result['reports']} reports in {result['topics']} topics, "
        f"{result['gold_subevents']} gold sub-events"
    )
    print(
        f"ingest: {ingest['reports_stored']} stored ({ingest['failed']} failed, "
        f"{ingest['duplicates']} exact copies, {ingest['near_duplicates']} stored as "
        f"near-copies) in {ingest['ingest_s']:.0f} s; "
        f"stories read in {ingest['stories_s']:.1f} s"
    )
    print(
        f"predicted stories: {result['predicted_stories']} "
        f"({result['single_report_stories']} of a single report; "
        f"{result['stories_in_store']} in the store); unclustered reports: "
        f"{result['unclustered']}; report ids in several stories: "
        f"{result['reports_in_several_stories']}"
    )
    print(f"\n{'':21} {'precision':>9} {'recall':>9} {'F1':>9}")
    for level, key in (("sub-event", "overall"), ("topic", "topic_level")):
        for name, label in FIGURE_LABELS.items():
            scores = result[key]
            print(
                f"{level:10}  {label:9} {scores[f'{name}_precision']:9.3f} "
                f"{scores[f'{name}_recall']:9.3f} {scores[f'{name}_f1']:9.3f}"
            )
    target = result["target"]
    verdict = "met" if target["measured"] >= target["target"] else "NOT met"
    print(
        f"\ntarget: sub-event {target['figure']} {target['measured']:.3f} "
        f">= {target['target']:.2f}  {verdict}"
    )
    if result["worst_merged"]:
        print("\nworst-merged stories (sub-event: reports)")
    for item in result["worst_merged"]:
        mix = ", ".join(f"{subevent}: {count}" for subevent, count in item["subevents"])
        print(f"  story {item['story']} ({item['reports']} reports) {_excerpt(item['title'])!r}")
        print(f"      {mix}")
    if result["most_split"]:
        print("\nmost split sub-events (story: reports)")
    for item in result["most_split"]:
        pieces = ", ".join(
            f"{'unclustered' if story is None else story}: {count}"
            for story, count in item["stories"]
        )
        print(f"  {item['subevent']} ({item['reports']} reports in {len(item['stories'])} stories)")
        print(f"      {pieces}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=SPLITS, default="all")
    parser.add_argument("--limit-topics", type=int, default=None, help="the first N topics")
    parser.add_argument("--examples", type=int, default=5, help="merged and split ones to show")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: ECB+ is not at {args.data}")
        return 0
    result = evaluate(args.data, args.split, args.limit_topics, examples=args.examples)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print_report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
