"""What claims add to ingest, on the BBC corpus.

Usage::

    python -m bench.claims_speed [--limit N] [--json]

As ``bench/quote_families.py`` does for quotes: the reports are cleaned, annotated
and processed once (``sitrep.pipeline.process``, which extracts claims with the rest),
and the claim extractor is run a second time on the same parse
(``extract_claims_again``), so its share is measured, not guessed. Then the processed
reports are stored twice, each time into a fresh SQLite file: without their claims
(``dataclasses.replace(processed, claims=())``) and with them, where the store groups
them across reports. What claims add is the extractor's time plus the difference in
storing; what ingest costs without them is everything else. The budget is 15% of ingest.

The first 600 reports are read by default, categories interleaved
(``bench.ingest.corpus_files``). Claims stored and groups by status are printed too.
This is a benchmark, not a test: it prints figures and never fails.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bbc import process_corpus, store_all
from bench.ingest import CORPUS

from sitrep.annotate import AnnotatedReport
from sitrep.extract import claims
from sitrep.link.gazetteer import Gazetteer
from sitrep.models import ProcessedReport
from sitrep.store.sqlite import SQLiteStore

BUDGET = 0.15


def extract_claims_again(
    annotated: AnnotatedReport, processed: ProcessedReport, gazetteer: Gazetteer
) -> object:
    """Run the claim extractor once more on the parse and records the pipeline made,
    with the arguments ``process`` gives it."""
    report = annotated.report
    doc = annotated.doc if annotated.is_parsed else None
    return claims.find_claims(
        report.text, doc, annotated.annotation.sentences, processed.mentions,
        processed.entities, processed.times, processed.quotes, gazetteer,
    )  # fmt: skip


def extraction_seconds(
    annotated: AnnotatedReport, processed: ProcessedReport, gazetteer: Gazetteer
) -> float:
    """The claim extractor's time on one report."""
    started = time.perf_counter()
    extract_claims_again(annotated, processed, gazetteer)
    return time.perf_counter() - started


def without_claims(report: ProcessedReport) -> ProcessedReport:
    return dataclasses.replace(report, claims=())


def stored_claims(path: str) -> tuple[int, dict[str, int]]:
    """Claims in the store at ``path`` and its claim groups by status."""
    with SQLiteStore.open(path) as store:
        count = sum(1 for _ in store.claims())
        statuses = collections.Counter(
            str(getattr(group.status, "value", group.status)) for group in store.claim_groups()
        )
    return count, dict(statuses)


def cost_figures(
    reports: int, pipeline_s: float, extract_s: float, plain_store_s: float, claims_store_s: float
) -> dict[str, float]:
    """Per-report costs and the claims' share of ingest without them.

    Args:
        reports: reports processed.
        pipeline_s: cleaning, annotating and processing them all (claims included).
        extract_s: the claim extractor's part of ``pipeline_s``.
        plain_store_s: storing them without claims.
        claims_store_s: storing them with claims.
    """
    ingest_ms = 1000 * (pipeline_s - extract_s + plain_store_s) / reports
    extract_ms = 1000 * extract_s / reports
    added_ms = extract_ms + 1000 * (claims_store_s - plain_store_s) / reports
    return {
        "ingest_ms_per_report": ingest_ms,
        "extract_ms_per_report": extract_ms,
        "claims_ms_per_report": added_ms,
        "share": added_ms / ingest_ms,
        "budget": BUDGET,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=600, help="the first N reports")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    arguments = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: the BBC corpus is not at {CORPUS}")
        return 0
    corpus = process_corpus(arguments.limit)
    pipeline, annotated, processed = corpus.pipeline, corpus.annotated, corpus.processed
    pipeline_s = corpus.seconds
    extract_s = sum(
        extraction_seconds(report, done, pipeline.gazetteer)
        for report, done in zip(annotated, processed, strict=True)
    )
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as folder:
        plain_s = store_all(
            [without_claims(report) for report in processed], str(Path(folder) / "plain.db")
        )
        claims_db = str(Path(folder) / "claims.db")
        claimed_s = store_all(processed, claims_db)
        count, statuses = stored_claims(claims_db)
    figures: dict[str, Any] = {
        "reports": len(processed),
        "claims": count,
        "groups_by_status": statuses,
        **cost_figures(len(processed), pipeline_s, extract_s, plain_s, claimed_s),
    }
    if arguments.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"BBC corpus, first {figures['reports']} reports")
    groups = ", ".join(f"{number} {status}" for status, number in sorted(statuses.items()))
    print(f"claims {count}, groups: {sum(statuses.values())} ({groups or 'none'})")
    added_ms, extract_ms = figures["claims_ms_per_report"], figures["extract_ms_per_report"]
    verdict = "within" if figures["share"] <= BUDGET else "over"
    print(
        f"ingest without claims {figures['ingest_ms_per_report']:.1f} ms/report; claims add "
        f"{added_ms:.1f} ms (extraction {extract_ms:.1f} ms, storing and grouping "
        f"{added_ms - extract_ms:.1f} ms): {100 * figures['share']:.1f}%, {verdict} the "
        f"{100 * BUDGET:.0f}% budget"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
