"""The story benchmark's selection, mapping, scoring and printing, on fake stories
(no store, no model)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from bench.ecbplus import EcbReport
from bench.eval_stories import (
    Merged,
    Run,
    Split,
    evaluate,
    figures,
    gold_labels,
    main,
    most_split,
    predicted_stories,
    score_run,
    select_split,
    stored_ids_of,
    story_of_reports,
    worst_merged,
)
from tests.bench.conftest import cat_xml

from sitrep.models import IngestOutcome, IngestStatus


@dataclass(frozen=True)
class FakeStory:  # stands in for the store's Story
    id: int
    title: str
    report_ids: tuple[int, ...]
    sources: int = 1


def report(topic: int, half: str, number: int) -> EcbReport:
    return EcbReport(topic, f"{topic}:{half}", f"{topic}_{number}{half}", None, "Text.")


# Topic 1: three reports of its first event, two of its other; topic 3: two of one event.
REPORTS = [
    report(1, "ecb", 1),
    report(1, "ecb", 2),
    report(1, "ecb", 3),
    report(1, "ecbplus", 1),
    report(1, "ecbplus", 2),
    report(3, "ecb", 1),
    report(3, "ecb", 2),
]
STORED = {r.name: number for number, r in enumerate(REPORTS, start=1)}  # name -> 1..7


def test_eval_stories_select_split_by_topic_position() -> None:
    reports = [report(topic, "ecb", 1) for topic in (7, 1, 3, 5, 3)]
    assert select_split(reports, "all") == reports
    # Sorted topics 1, 3, 5, 7: even positions 1 and 5, odd 3 and 7; order is kept.
    assert [r.topic for r in select_split(reports, "even")] == [1, 5]
    assert [r.topic for r in select_split(reports, "odd")] == [7, 3, 3]
    with pytest.raises(ValueError, match="unknown split 'half'"):
        select_split(reports, "half")


def test_eval_stories_story_of_reports_counts_ids_in_several_stories() -> None:
    stories = [
        FakeStory(9, "b", (3, 4)),
        FakeStory(2, "a", (1, 2, 3, 3)),  # 3 twice in one story is no conflict
        FakeStory(5, "c", (5,)),
    ]
    story_of, several = story_of_reports(stories)
    assert story_of == {1: 2, 2: 2, 3: 2, 4: 9, 5: 5}  # 3 goes to the smallest story id
    assert several == 1
    assert story_of_reports([]) == ({}, 0)


def test_eval_stories_predicted_stories_leaves_out_ids_in_no_story() -> None:
    assert predicted_stories({"a": 1, "b": 2, "c": 3}, {1: 10, 3: 10, 4: 11}) == {
        "a": 10,
        "c": 10,
    }


def test_eval_stories_stored_ids_of_maps_copies_to_their_original() -> None:
    reports = REPORTS[:5]
    outcomes = [
        IngestOutcome(reports[0].origin, IngestStatus.INGESTED, report_id=1),
        IngestOutcome(reports[1].origin, IngestStatus.INGESTED, report_id=2, near_duplicate_of=1),
        IngestOutcome(reports[2].origin, IngestStatus.DUPLICATE, report_id=1),  # exact copy
        IngestOutcome(reports[3].origin, IngestStatus.DUPLICATE),  # copies a pending input
        IngestOutcome(reports[4].origin, IngestStatus.FAILED, message="could not be parsed"),
        IngestOutcome("ecbplus/9/9_1ecb.xml", IngestStatus.INGESTED, report_id=3),  # not read
    ]
    assert stored_ids_of(reports, outcomes) == {"1_1ecb": 1, "1_2ecb": 2, "1_3ecb": 1}


def test_eval_stories_gold_labels_at_both_levels() -> None:
    assert gold_labels(REPORTS[3:6], "subevent") == {
        "1_1ecbplus": "1:ecbplus",
        "1_2ecbplus": "1:ecbplus",
        "3_1ecb": "3:ecb",
    }
    assert gold_labels(REPORTS[3:6], "topic") == {
        "1_1ecbplus": "1",
        "1_2ecbplus": "1",
        "3_1ecb": "3",
    }


def test_eval_stories_figures_are_flat_and_named() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    result = figures(gold, {"a": 1, "b": 1, "c": 1})
    assert set(result) == {
        f"{kind}_{part}"
        for kind in ("bcubed", "pairwise")
        for part in ("precision", "recall", "f1")
    }
    assert result["bcubed_precision"] == pytest.approx(5 / 9)
    assert result["pairwise_precision"] == pytest.approx(1 / 3)
    assert result["bcubed_recall"] == result["pairwise_recall"] == 1.0


# Story 10 holds topic 1's two events (3 + 1 reports); story 20 the rest of 1:ecbplus
# and one report of topic 3; the other report of topic 3 is in no story.
STORIES = [
    FakeStory(10, "Quake strikes", (1, 2, 3, 4)),
    FakeStory(20, "Second quake", (5, 6)),
    FakeStory(30, "Elsewhere", (99,)),  # a report not read here
]
PREDICTED = {"1_1ecb": 10, "1_2ecb": 10, "1_3ecb": 10, "1_1ecbplus": 10, "1_2ecbplus": 20,
             "3_1ecb": 20}  # fmt: skip
GOLD = gold_labels(REPORTS, "subevent")


def test_eval_stories_worst_merged_most_intruders_first() -> None:
    titles = {story.id: story.title for story in STORIES}
    merged = worst_merged(GOLD, PREDICTED, titles, 5)
    assert merged == [
        Merged(10, "Quake strikes", (("1:ecb", 3), ("1:ecbplus", 1))),
        Merged(20, "Second quake", (("1:ecbplus", 1), ("3:ecb", 1))),
    ]
    assert (merged[0].reports, merged[0].intruders) == (4, 1)
    # Ties go to the bigger story; count bounds the list; a clean story never shows.
    assert worst_merged(GOLD, PREDICTED, titles, 1) == merged[:1]
    assert worst_merged(GOLD, {"1_1ecb": 10, "1_2ecb": 10}, titles, 5) == []


def test_eval_stories_most_split_counts_unclustered_reports_apart() -> None:
    splits = most_split(GOLD, PREDICTED, 5)
    assert splits == [
        Split("1:ecbplus", ((10, 1), (20, 1))),
        Split("3:ecb", ((20, 1), (None, 1))),  # 3_2ecb is unclustered
    ]
    assert (splits[1].reports, splits[1].strays) == (2, 1)
    # Two unclustered reports are two stories, not one.
    assert most_split({"a": "e", "b": "e"}, {}, 5) == [Split("e", ((None, 1), (None, 1)))]
    assert most_split(GOLD, PREDICTED, 0) == []


def ingest_counts(stored: int) -> dict[str, object]:
    return {"reports_read": len(REPORTS), "reports_stored": stored, "failed": 0,
            "duplicates": 0, "near_duplicates": 0, "ingest_s": 1.0, "stories_s": 0.1}  # fmt: skip


def fake_run(stories: Sequence[FakeStory] = tuple(STORIES)) -> Run:
    return Run(dict(STORED), list(stories), ingest_counts(len(STORED)))


def test_eval_stories_score_run_counts_and_figures() -> None:
    result = score_run(REPORTS, fake_run(), examples=5)
    assert (result["reports"], result["topics"], result["gold_subevents"]) == (7, 2, 3)
    assert result["predicted_stories"] == 2  # story 30 holds no report read here
    assert result["stories_in_store"] == 3
    assert (result["single_report_stories"], result["unclustered"]) == (0, 1)
    assert result["reports_in_several_stories"] == 0
    # Sub-events 1:ecb {1 2 3}, 1:ecbplus {4 5}, 3:ecb {6 7}; stories {1 2 3 4} {5 6} {7}.
    # B-cubed precision: 3 * 3/4 + 1/4 + 1/2 + 1/2 + 1 = 4.5 over 7 reports.
    overall = result["overall"]
    assert overall["bcubed_precision"] == pytest.approx(4.5 / 7)
    # Recall: 1, 1, 1, 1/2, 1/2, 1/2, 1/2 -> 5 over 7.
    assert overall["bcubed_recall"] == pytest.approx(5 / 7)
    # Pairs: predicted 6 + 1 = 7, of them right 3 (within 1:ecb); gold 3 + 1 + 1 = 5.
    assert overall["pairwise_precision"] == pytest.approx(3 / 7)
    assert overall["pairwise_recall"] == pytest.approx(3 / 5)
    # Topic level: 1 = {1..5}, 3 = {6 7}; only story 20's 5-6 pair is wrong.
    assert result["topic_level"]["pairwise_precision"] == pytest.approx(6 / 7)
    assert result["target"] == {
        "figure": "bcubed_f1",
        "target": 0.90,
        "measured": overall["bcubed_f1"],
    }
    assert [item["story"] for item in result["worst_merged"]] == [10, 20]
    assert result["worst_merged"][0]["intruders"] == 1
    assert result["most_split"][1]["stories"] == ((20, 1), (None, 1))
    json.dumps(result)  # printable as JSON


def test_eval_stories_score_run_perfect_stories_score_one() -> None:
    perfect = [
        FakeStory(1, "a", (1, 2, 3)),
        FakeStory(2, "b", (4, 5)),
        FakeStory(3, "c", (6, 7, 8)),  # 8: a near-copy stored beside report 7
    ]
    result = score_run(REPORTS, fake_run(perfect))
    assert set(result["overall"].values()) == {1.0}
    assert result["worst_merged"] == result["most_split"] == []
    # At topic level the two events of topic 1 are one cluster split in two.
    assert result["topic_level"]["bcubed_precision"] == 1.0
    assert result["topic_level"]["bcubed_recall"] < 1.0


def write_corpus(folder: Path) -> Path:
    """Four tiny ECB+ topics (1, 3, 5, 7), one report of each half."""
    body = ["Fire closes Tarsk harbour", "A fire broke out at the harbour of Tarsk ."]
    for topic in (1, 3, 5, 7):
        (folder / str(topic)).mkdir(parents=True)
        (folder / str(topic) / f"{topic}_1ecb.xml").write_text(cat_xml(body, []), "utf-8")
        plus = ["http : / / example . org / a", *body]
        (folder / str(topic) / f"{topic}_1ecbplus.xml").write_text(cat_xml(plus, []), "utf-8")
    return folder


def one_story_per_topic(reports: Sequence[EcbReport]) -> Run:
    """A run in which report n (from 1) is stored as n and each topic is one story."""
    stored = {r.name: number for number, r in enumerate(reports, start=1)}
    topics = sorted({r.topic for r in reports})
    stories = [
        FakeStory(
            topic, f"topic {topic}", tuple(stored[r.name] for r in reports if r.topic == topic)
        )
        for topic in topics
    ]
    return Run(stored, stories, ingest_counts(len(stored)))


def test_eval_stories_evaluate_reads_the_split_and_scores_the_run(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "ecbplus")
    result = evaluate(corpus, "odd", run=one_story_per_topic)
    assert (result["split"], result["reports"], result["topics"]) == ("odd", 4, 2)
    # Each story holds both events of its topic: precision 1/2, recall 1.
    assert result["overall"]["bcubed_precision"] == pytest.approx(0.5)
    assert result["overall"]["bcubed_recall"] == 1.0
    assert result["topic_level"]["bcubed_f1"] == 1.0
    assert evaluate(corpus, "all", 1, run=one_story_per_topic)["topics"] == 1


def test_eval_stories_main_prints_the_figures_of_a_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("bench.eval_stories.iter_reports", lambda _: iter(REPORTS))
    monkeypatch.setattr("bench.eval_stories.run_pipeline", lambda _: fake_run())
    assert main(["--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "ECB+ (all): 7 reports in 2 topics, 3 gold sub-events" in out
    assert "predicted stories: 2 (0 of a single report; 3 in the store)" in out
    assert "target: sub-event bcubed_f1" in out and "NOT met" in out
    assert "story 10 (4 reports) 'Quake strikes'" in out
    assert "1:ecb: 3, 1:ecbplus: 1" in out
    assert "3:ecb (2 reports in 2 stories)" in out and "20: 1, unclustered: 1" in out
    assert main(["--data", str(tmp_path), "--json", "--examples", "1"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["overall"]["bcubed_recall"] == pytest.approx(5 / 7)
    assert len(result["worst_merged"]) == len(result["most_split"]) == 1


def test_eval_stories_main_skips_without_the_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data", str(tmp_path / "absent")]) == 0
    assert capsys.readouterr().out.startswith("skipped:")
