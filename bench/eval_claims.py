"""How claims group and conflict across ECB+ reports of the same and of different events.

Usage::

    python -m bench.eval_claims                        # all 510 reports (from the repo root)
    python -m bench.eval_claims --limit-topics 3 --sample 20
    python -m bench.eval_claims --json

Every ECB+ report (``bench/ecbplus.py``) is ingested through the real pipeline,
``Pipeline(Settings()).ingest(pages, store)``, into a fresh SQLite file: one plain-text
page each, with origin ``ecbplus/<topic>/<name>.xml`` and the source URL as a hint.
Then the store's claims and claim groups are read back and counted against what ECB+
knows: which reports tell of the same real-world event (the sub-event, ``"T:ecb"`` or
``"T:ecbplus"``). There is no gold for claims; the figures show how often the grouping
speaks, and where it likely errs.

Report pairs come in three kinds (``pair_kind``): the same event; the same topic but
the other event (two earthquakes, two rehab stays: easy to confuse); other topics. Only
reports that were stored count: an exact copy of another report is not stored.

Conventions:

- **A conflict** is a contested group and an unordered pair of reports on opposite
  sides of it: one report has a claim in the group's ``conflicting`` claims, the other
  a claim in the group outside them (``opposite_report_pairs``). When ``conflicting``
  is empty or covers the whole group, the sides are unknown and every pair of reports
  with claims in the group counts. A pair flagged by two groups counts twice; the
  report pairs flagged at least once are counted too.
- **The key figure** is conflicts per 100 same-event report pairs. Conflicts between
  reports of different events are printed beside it: a claim grouped across two events
  was grouped wrongly, whatever its status.
- **Corroboration**: corroborated groups per 100 same-event pairs, and the report pairs
  a corroborated group joins, by kind (a corroboration across events is a false one).
- **The sample**: ``--sample K`` contested groups drawn with ``--seed``, each with its
  explanation and every claim's side, text and report, so a person can judge them.

This is a benchmark, not a test: it prints figures and never fails on them.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import random
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from bench.ecbplus import DEFAULT_DATA, EcbReport, iter_reports

from sitrep.config import Settings
from sitrep.models import PageFormat, PageHints, RawPage
from sitrep.pipeline import Pipeline
from sitrep.store.sqlite import SQLiteStore

SAME_EVENT = "same event"
OTHER_EVENT = "same topic, other event"
OTHER_TOPIC = "other topic"
PAIR_KINDS = (SAME_EVENT, OTHER_EVENT, OTHER_TOPIC)

ReportPair = tuple[int, int]  # report ids, the smaller first


# --- what the store returns, as far as this benchmark reads it -----------------------


class ClaimText(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def kind(self) -> object: ...


class ClaimRecord(Protocol):
    """The part of the store's ``StoredClaim`` read here."""

    @property
    def id(self) -> int: ...

    @property
    def report_id(self) -> int: ...

    @property
    def claim(self) -> ClaimText: ...


class GroupRecord(Protocol):
    """The part of the store's ``ClaimGroup`` read here."""

    @property
    def id(self) -> int: ...

    @property
    def status(self) -> object: ...

    @property
    def claim_ids(self) -> tuple[int, ...]: ...

    @property
    def explanation(self) -> str | None: ...

    @property
    def conflicting(self) -> tuple[int, ...]: ...


def name_of(value: object) -> str:
    """An enum member's value (``ClaimStatus.CONTESTED`` -> ``"contested"``), else str()."""
    return str(getattr(value, "value", value))


# --- counting (pure) -----------------------------------------------------------------


def pair_kind(first: EcbReport, second: EcbReport) -> str:
    if first.subevent == second.subevent:
        return SAME_EVENT
    return OTHER_EVENT if first.topic == second.topic else OTHER_TOPIC


def pairs_by_kind(reports: Iterable[EcbReport]) -> dict[str, int]:
    """How many unordered pairs of ``reports`` there are of each kind."""
    counts = dict.fromkeys(PAIR_KINDS, 0)
    for first, second in itertools.combinations(reports, 2):
        counts[pair_kind(first, second)] += 1
    return counts


def _pairs(first: Iterable[int], second: Iterable[int]) -> set[ReportPair]:
    return {(min(a, b), max(a, b)) for a, b in itertools.product(set(first), set(second)) if a != b}


def opposite_report_pairs(group: GroupRecord, report_of: Mapping[int, int]) -> set[ReportPair]:
    """Report pairs on opposite sides of a group (see the module docstring).

    ``report_of`` maps claim id -> report id; claims it does not know are ignored.
    """
    members = [claim for claim in group.claim_ids if claim in report_of]
    conflicting = set(group.conflicting) & set(members)
    rest = [claim for claim in members if claim not in conflicting]
    if not conflicting or not rest:  # sides unknown: every pair of reports counts
        return group_report_pairs(group, report_of)
    return _pairs((report_of[claim] for claim in conflicting), (report_of[c] for c in rest))


def group_report_pairs(group: GroupRecord, report_of: Mapping[int, int]) -> set[ReportPair]:
    """Every pair of distinct reports with a claim in the group."""
    reports = sorted({report_of[claim] for claim in group.claim_ids if claim in report_of})
    return set(itertools.combinations(reports, 2))


@dataclass
class ClaimFigures:
    """What ``count_claims`` finds; ``per_100_same_event`` scales by the same-event pairs."""

    pairs: dict[str, int]
    claims: int
    claims_by_kind: dict[str, int]
    groups_by_status: dict[str, int]
    conflicts: dict[str, int]  # (contested group, report pair) by pair kind
    conflicting_report_pairs: dict[str, int]  # distinct report pairs flagged at least once
    corroborating_report_pairs: dict[str, int]  # distinct report pairs a corroborated group joins

    def per_100_same_event(self, count: int) -> float | None:
        same = self.pairs[SAME_EVENT]
        return 100 * count / same if same else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "report_pairs": self.pairs,
            "claims": self.claims,
            "claims_by_kind": self.claims_by_kind,
            "groups_by_status": self.groups_by_status,
            "conflicts": self.conflicts,
            "conflicting_report_pairs": self.conflicting_report_pairs,
            "corroborating_report_pairs": self.corroborating_report_pairs,
            "conflicts_per_100_same_event_pairs": self.per_100_same_event(
                self.conflicts[SAME_EVENT]
            ),
            "corroborated_groups_per_100_same_event_pairs": self.per_100_same_event(
                self.groups_by_status.get("corroborated", 0)
            ),
        }


def count_claims(
    reports: Mapping[int, EcbReport],
    claims: Sequence[ClaimRecord],
    groups: Sequence[GroupRecord],
) -> ClaimFigures:
    """The figures of one run: ``reports`` by store id, the store's claims and groups."""
    report_of = {claim.id: claim.report_id for claim in claims if claim.report_id in reports}
    conflicts = dict.fromkeys(PAIR_KINDS, 0)
    flagged: set[ReportPair] = set()
    corroborating: set[ReportPair] = set()
    for group in groups:
        status = name_of(group.status)
        if status == "contested":
            opposite = opposite_report_pairs(group, report_of)
            for first, second in opposite:
                conflicts[pair_kind(reports[first], reports[second])] += 1
            flagged |= opposite
        elif status == "corroborated":
            corroborating |= group_report_pairs(group, report_of)
    return ClaimFigures(
        pairs=pairs_by_kind(reports[report_id] for report_id in sorted(reports)),
        claims=len(claims),
        claims_by_kind=dict(collections.Counter(name_of(claim.claim.kind) for claim in claims)),
        groups_by_status=dict(collections.Counter(name_of(group.status) for group in groups)),
        conflicts=conflicts,
        conflicting_report_pairs=_count_kinds(flagged, reports),
        corroborating_report_pairs=_count_kinds(corroborating, reports),
    )


def _count_kinds(pairs: Iterable[ReportPair], reports: Mapping[int, EcbReport]) -> dict[str, int]:
    counts = dict.fromkeys(PAIR_KINDS, 0)
    for first, second in pairs:
        counts[pair_kind(reports[first], reports[second])] += 1
    return counts


def sample_contested(groups: Sequence[GroupRecord], size: int, seed: int) -> list[GroupRecord]:
    """Up to ``size`` contested groups drawn at random with ``seed``, in id order."""
    contested = sorted(
        (group for group in groups if name_of(group.status) == "contested"),
        key=lambda group: group.id,
    )
    chosen = random.Random(seed).sample(contested, min(size, len(contested)))
    return sorted(chosen, key=lambda group: group.id)


def describe_group(
    group: GroupRecord,
    claims: Mapping[int, ClaimRecord],
    reports: Mapping[int, EcbReport],
    sentences: Mapping[int, str] | None = None,
) -> list[str]:
    """Lines that show a person one group: its explanation, then every claim and side,
    with the sentence it stands in when ``sentences`` has it."""
    lines = [
        f"group {group.id} ({name_of(group.status)}): {group.explanation or '(no explanation)'}"
    ]
    for claim_id in group.claim_ids:
        claim = claims.get(claim_id)
        if claim is None:
            lines.append(f"  ? claim {claim_id}: not among the claims read")
            continue
        report = reports.get(claim.report_id)
        where = f"{report.name} [{report.subevent}]" if report else f"report {claim.report_id}"
        side = "x" if claim_id in group.conflicting else "-"
        lines.append(f"  {side} {where}: {' '.join(claim.claim.text.split())}")
        if sentences and claim_id in sentences:
            lines.append(f"      in: {' '.join(sentences[claim_id].split())}")
    return lines


# --- the run -------------------------------------------------------------------------


def select_topics(reports: Sequence[EcbReport], limit: int | None) -> list[EcbReport]:
    """The reports of the first ``limit`` topics (all when None)."""
    if limit is None:
        return list(reports)
    topics = sorted({report.topic for report in reports})[:limit]
    return [report for report in reports if report.topic in topics]


def _print_report(
    figures: ClaimFigures,
    ingest: Mapping[str, Any],
    sample: Sequence[list[str]],
) -> None:
    pairs = figures.pairs
    print(
        f"ECB+: {ingest['reports_read']} reports read, {ingest['reports_stored']} stored "
        f"({ingest['failed']} failed, {ingest['duplicates']} exact copies), "
        f"ingest {ingest['ingest_s']:.0f} s"
    )
    print(
        f"report pairs: {pairs[SAME_EVENT]} same event, {pairs[OTHER_EVENT]} same topic "
        f"other event, {pairs[OTHER_TOPIC]} other topic"
    )
    kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(figures.claims_by_kind.items()))
    print(f"claims: {figures.claims} ({kinds or 'none'})")
    statuses = ", ".join(
        f"{count} {status}" for status, count in sorted(figures.groups_by_status.items())
    )
    print(f"groups: {sum(figures.groups_by_status.values())} ({statuses or 'none'})")
    per_100 = figures.per_100_same_event(figures.conflicts[SAME_EVENT])
    corroborated = figures.per_100_same_event(figures.groups_by_status.get("corroborated", 0))
    print(
        f"\nconflicts per 100 same-event report pairs: {_number(per_100)} "
        f"({figures.conflicts[SAME_EVENT]} conflicts over "
        f"{figures.conflicting_report_pairs[SAME_EVENT]} report pairs)"
    )
    print(
        f"conflicts across events (likely false): {figures.conflicts[OTHER_EVENT]} same topic "
        f"other event, {figures.conflicts[OTHER_TOPIC]} other topic"
    )
    print(f"corroborated groups per 100 same-event report pairs: {_number(corroborated)}")
    joined = figures.corroborating_report_pairs
    print(
        f"report pairs a corroborated group joins: {joined[SAME_EVENT]} same event, "
        f"{joined[OTHER_EVENT]} same topic other event, {joined[OTHER_TOPIC]} other topic"
    )
    if sample:
        print(f"\n{len(sample)} contested groups (x: a conflicting claim, -: the others)")
        for lines in sample:
            print()
            print("\n".join(lines))


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def page_of(report: EcbReport) -> RawPage:
    """The page sitrep ingests for a report: its text, its origin, its URL as a hint."""
    return RawPage(report.origin, report.text, PageFormat.TEXT, hints=PageHints(url=report.url))


@dataclass
class Run:
    """What one ingest left in the store: reports by store id, claims, groups, counts."""

    reports: dict[int, EcbReport]
    claims: list[ClaimRecord]  # the store's StoredClaim records
    groups: list[GroupRecord]  # the store's ClaimGroup records
    ingest: dict[str, Any]
    sentences: dict[int, str]  # the sentence of each claim in a contested group, by claim id


def ingest_reports(read: Sequence[EcbReport]) -> Run:
    """Ingest ``read`` into a fresh SQLite file with the real pipeline; read claims back."""
    by_origin = {report.origin: report for report in read}
    with (
        tempfile.TemporaryDirectory(prefix="sitrep-ecbplus-") as folder,
        SQLiteStore.open(str(Path(folder) / "claims.db")) as store,
    ):
        started = time.perf_counter()
        summary = Pipeline(Settings()).ingest([page_of(report) for report in read], store)
        ingest_s = time.perf_counter() - started
        reports = {
            stored.id: by_origin[stored.origin]
            for stored in store.reports()
            if stored.origin in by_origin
        }
        claims = list(store.claims())
        groups = list(store.claim_groups())
        texts = {stored.id: stored.text for stored in store.reports()}
        sentences = {
            stored.id: texts[stored.report_id][
                stored.claim.sentence.start : stored.claim.sentence.end
            ]
            for stored in store.claims(contested=True)
        }
    ingest = {
        "reports_read": len(read),
        "reports_stored": len(reports),
        "failed": summary.failed,
        "duplicates": summary.duplicates,
        "ingest_s": ingest_s,
    }
    return Run(reports, claims, groups, ingest, sentences)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit-topics", type=int, default=None, help="the first N topics")
    parser.add_argument("--sample", type=int, default=10, help="contested groups to show")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sample")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: ECB+ is not at {args.data}")
        return 0
    run = ingest_reports(select_topics(list(iter_reports(args.data)), args.limit_topics))
    figures = count_claims(run.reports, run.claims, run.groups)
    claims_by_id = {claim.id: claim for claim in run.claims}
    sample = [
        describe_group(group, claims_by_id, run.reports, run.sentences)
        for group in sample_contested(run.groups, args.sample, args.seed)
    ]
    if args.json:
        print(json.dumps({**run.ingest, **figures.as_dict(), "sample": sample}, indent=2))
    else:
        _print_report(figures, run.ingest, sample)
    return 0


if __name__ == "__main__":
    sys.exit(main())
