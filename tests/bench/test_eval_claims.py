"""The claims benchmark's counting and printing, on fake claims and groups (no store, no model)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import pytest
from bench.ecbplus import EcbReport
from bench.eval_claims import (
    OTHER_EVENT,
    OTHER_TOPIC,
    SAME_EVENT,
    Run,
    count_claims,
    describe_group,
    group_report_pairs,
    main,
    name_of,
    opposite_report_pairs,
    page_of,
    pair_kind,
    pairs_by_kind,
    sample_contested,
    select_topics,
)

from sitrep.models import PageFormat


class Status(StrEnum):  # stands in for the store's ClaimStatus
    CORROBORATED = "corroborated"
    SINGLE_SOURCE = "single-source"
    CONTESTED = "contested"


class Kind(StrEnum):  # stands in for ClaimKind
    FIGURE = "figure"
    STATEMENT = "statement"


@dataclass(frozen=True)
class FakeClaim:
    text: str
    kind: Kind = Kind.FIGURE


@dataclass(frozen=True)
class FakeStoredClaim:
    id: int
    report_id: int
    claim: FakeClaim


@dataclass(frozen=True)
class FakeGroup:
    id: int
    status: Status
    claim_ids: tuple[int, ...]
    conflicting: tuple[int, ...] = ()
    explanation: str | None = None
    sources: tuple[int, ...] = field(default=())


def report(topic: int, half: str, number: int) -> EcbReport:
    return EcbReport(topic, f"{topic}:{half}", f"{topic}_{number}{half}", None, "Text.")


# Store ids 1-3: topic 1's first event; 4: its other event; 5: another topic.
REPORTS = {
    1: report(1, "ecb", 1),
    2: report(1, "ecb", 2),
    3: report(1, "ecb", 3),
    4: report(1, "ecbplus", 1),
    5: report(3, "ecb", 1),
}


def claims_of(*report_ids: int) -> list[FakeStoredClaim]:
    """One claim per report id given, claim ids 10, 11, ... in that order."""
    return [
        FakeStoredClaim(10 + index, report_id, FakeClaim(f"{index + 1} people died"))
        for index, report_id in enumerate(report_ids)
    ]


def test_eval_claims_pair_kind_and_pairs_by_kind() -> None:
    assert pair_kind(REPORTS[1], REPORTS[2]) == SAME_EVENT
    assert pair_kind(REPORTS[1], REPORTS[4]) == OTHER_EVENT
    assert pair_kind(REPORTS[4], REPORTS[5]) == OTHER_TOPIC
    # 3 reports of one event: 3 pairs; each with report 4: 3; report 5 with all: 4.
    assert pairs_by_kind(REPORTS.values()) == {SAME_EVENT: 3, OTHER_EVENT: 3, OTHER_TOPIC: 4}


def test_eval_claims_name_of_reads_enum_values_and_strings() -> None:
    assert name_of(Status.CONTESTED) == "contested"
    assert name_of("corroborated") == "corroborated"


THREE = {10: 1, 11: 2, 12: 3}  # claim id -> report id


@pytest.mark.parametrize(
    ("report_of", "claim_ids", "conflicting", "expected"),
    [
        # Reports 1 and 2 say one thing, report 3 another: 1-3 and 2-3 conflict, 1-2 not.
        (THREE, (10, 11, 12), (12,), {(1, 3), (2, 3)}),
        # Report 1 has a claim on each side: no pair with itself.
        ({10: 1, 11: 1, 12: 2}, (10, 11, 12), (10,), {(1, 2)}),
        # Sides unknown (no conflicting claims, or all of them): every pair counts.
        (THREE, (10, 11, 12), (), {(1, 2), (1, 3), (2, 3)}),
        (THREE, (10, 11, 12), (10, 11, 12), {(1, 2), (1, 3), (2, 3)}),
        # A claim the benchmark did not read is ignored.
        (THREE, (10, 12, 99), (12, 99), {(1, 3)}),
    ],
)
def test_eval_claims_opposite_report_pairs(
    report_of: dict[int, int],
    claim_ids: tuple[int, ...],
    conflicting: tuple[int, ...],
    expected: set[tuple[int, int]],
) -> None:
    group = FakeGroup(1, Status.CONTESTED, claim_ids, conflicting)
    assert opposite_report_pairs(group, report_of) == expected


def test_eval_claims_group_report_pairs_counts_each_report_once() -> None:
    group = FakeGroup(1, Status.CORROBORATED, (10, 11, 12))
    assert group_report_pairs(group, {10: 1, 11: 1, 12: 2}) == {(1, 2)}
    assert group_report_pairs(FakeGroup(2, Status.SINGLE_SOURCE, (10,)), {10: 1}) == set()


def test_eval_claims_count_claims_splits_conflicts_by_pair_kind() -> None:
    claims = claims_of(1, 2, 3, 4, 5, 1, 2)  # claim ids 10-16
    groups = [
        # Same event: 1 and 2 against 3 -> two same-event conflicts.
        FakeGroup(1, Status.CONTESTED, (10, 11, 12), (12,)),
        # Across events and topics: 4 against 1 and 5 -> one other-event, one other-topic.
        FakeGroup(2, Status.CONTESTED, (13, 15, 14), (13,)),
        FakeGroup(3, Status.CORROBORATED, (15, 16)),  # reports 1 and 2
        FakeGroup(4, Status.SINGLE_SOURCE, (10,)),
        FakeGroup(5, Status.CONTESTED, (15, 12), (12,)),  # 1 against 3 again
    ]
    figures = count_claims(REPORTS, claims, groups)
    assert figures.claims == 7
    assert figures.claims_by_kind == {"figure": 7}
    assert figures.groups_by_status == {"contested": 3, "corroborated": 1, "single-source": 1}
    assert figures.conflicts == {SAME_EVENT: 3, OTHER_EVENT: 1, OTHER_TOPIC: 1}
    assert figures.conflicting_report_pairs == {SAME_EVENT: 2, OTHER_EVENT: 1, OTHER_TOPIC: 1}
    assert figures.corroborating_report_pairs == {SAME_EVENT: 1, OTHER_EVENT: 0, OTHER_TOPIC: 0}
    result = figures.as_dict()
    assert result["conflicts_per_100_same_event_pairs"] == pytest.approx(100.0)  # 3 of 3
    assert result["corroborated_groups_per_100_same_event_pairs"] == pytest.approx(100 / 3)
    json.dumps(result)  # printable as JSON


def test_eval_claims_count_claims_ignores_claims_of_reports_not_read() -> None:
    claims = [*claims_of(1, 2), FakeStoredClaim(50, 77, FakeClaim("x"))]
    groups = [FakeGroup(1, Status.CONTESTED, (10, 11, 50), (50,))]
    figures = count_claims({1: REPORTS[1], 2: REPORTS[2]}, claims, groups)
    assert figures.conflicts[SAME_EVENT] == 1  # sides unknown once claim 50 is gone: 1-2
    assert count_claims({}, [], []).per_100_same_event(0) is None


def test_eval_claims_sample_contested_is_seeded_and_bounded() -> None:
    groups = [FakeGroup(n, Status.CONTESTED, (10,)) for n in range(1, 30)]
    groups.append(FakeGroup(99, Status.CORROBORATED, (10,)))
    first = sample_contested(groups, 5, seed=7)
    assert [group.id for group in first] == [group.id for group in sample_contested(groups, 5, 7)]
    assert len(first) == 5 and all(group.status is Status.CONTESTED for group in first)
    assert [group.id for group in first] == sorted(group.id for group in first)
    assert len(sample_contested(groups, 100, seed=7)) == 29
    assert sample_contested(groups, 0, seed=7) == []


def test_eval_claims_describe_group_shows_sides_texts_and_reports() -> None:
    claims = {claim.id: claim for claim in claims_of(1, 4)}
    group = FakeGroup(3, Status.CONTESTED, (10, 11, 12), (11,), "1 vs 2 people died")
    assert describe_group(group, claims, REPORTS) == [
        "group 3 (contested): 1 vs 2 people died",
        "  - 1_1ecb [1:ecb]: 1 people died",
        "  x 1_1ecbplus [1:ecbplus]: 2 people died",
        "  ? claim 12: not among the claims read",
    ]


def test_eval_claims_select_topics_and_page_of() -> None:
    reports = list(REPORTS.values())
    assert select_topics(reports, None) == reports
    assert [r.topic for r in select_topics(reports, 1)] == [1, 1, 1, 1]
    page = page_of(EcbReport(3, "3:ecbplus", "3_2ecbplus", "http://example.org/a", "Body."))
    assert (page.origin, page.text, page.format) == (
        "ecbplus/3/3_2ecbplus.xml",
        "Body.",
        PageFormat.TEXT,
    )
    assert page.hints.url == "http://example.org/a"


def test_eval_claims_main_prints_the_figures_of_a_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = claims_of(1, 2, 3)
    groups = [FakeGroup(1, Status.CONTESTED, (10, 11, 12), (12,), "3 vs 1 and 2")]
    ingest = {"reports_read": 5, "reports_stored": 5, "failed": 0, "duplicates": 0}
    run = Run(dict(REPORTS), claims, groups, {**ingest, "ingest_s": 1.0}, {})
    monkeypatch.setattr("bench.eval_claims.iter_reports", lambda _: iter(REPORTS.values()))
    monkeypatch.setattr("bench.eval_claims.ingest_reports", lambda _: run)
    assert main(["--data", str(tmp_path), "--sample", "1"]) == 0
    out = capsys.readouterr().out
    assert "conflicts per 100 same-event report pairs: 66.7 (2 conflicts over 2" in out
    assert "x 1_3ecb [1:ecb]: 3 people died" in out
    assert main(["--data", str(tmp_path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["conflicts"] == {SAME_EVENT: 2, OTHER_EVENT: 0, OTHER_TOPIC: 0}
    assert len(result["sample"]) == 1


def test_eval_claims_main_skips_without_the_corpus(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data", str(tmp_path / "absent")]) == 0
    assert capsys.readouterr().out.startswith("skipped:")
