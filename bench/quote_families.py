"""What quotes and quote families add to ingest, on the BBC corpus.

Usage::

    python -m bench.quote_families [--limit N] [--json]

The reports are cleaned, annotated and processed once, timing the quote extractor
inside (run a second time on the same parse, so its share is measured, not guessed).
Then they are stored twice, each time into a fresh SQLite file: without their quotes,
and with them (families linked with the real multilingual-e5-small). What quotes add
is the extractor's time plus the difference in storing; what ingest costs without
them is everything else. The issue allows quotes and families at most 15% of ingest.

BBC reports are undated, so every quote meets up to 200 quotes of its speaker: the
worst case for the candidate cap. Embeddings made, families and candidate counts are
printed too. This is a benchmark, not a test: it prints figures and never fails.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bbc import process_corpus, store_all
from bench.ingest import CORPUS

from sitrep.annotate import AnnotatedReport
from sitrep.extract import quotes
from sitrep.models import ProcessedReport

BUDGET = 0.15


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=600, help="the first N reports")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    arguments = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: the BBC corpus is not at {CORPUS}")
        return
    corpus = process_corpus(arguments.limit)
    annotated, processed, pipeline_s = corpus.annotated, corpus.processed, corpus.seconds
    quotes_s = sum(
        _extraction_seconds(report, done) for report, done in zip(annotated, processed, strict=True)
    )
    with_quotes = processed
    without = [dataclasses.replace(report, quotes=()) for report in processed]
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as folder:
        plain_s = store_all(without, str(Path(folder) / "plain.db"))
        quotes_db = str(Path(folder) / "quotes.db")
        quoted_s = store_all(with_quotes, quotes_db)
        with sqlite3.connect(quotes_db) as connection:
            counts = connection.execute(
                "SELECT COUNT(*), COUNT(speaker_entity_id), COUNT(embedding), "
                "COUNT(family_id), COUNT(DISTINCT family_id) FROM quotes"
            ).fetchone()
    reports = len(processed)
    per_report_ms = 1000 * (pipeline_s - quotes_s + plain_s) / reports
    extract_ms = 1000 * quotes_s / reports
    added_ms = extract_ms + 1000 * (quoted_s - plain_s) / reports
    figures: dict[str, Any] = {
        "reports": reports,
        "extract_ms_per_report": extract_ms,
        "quotes": counts[0],
        "with_speaker": counts[1],
        "embedded": counts[2],
        "in_families": counts[3],
        "families": counts[4],
        "ingest_ms_per_report": per_report_ms,
        "quotes_ms_per_report": added_ms,
        "share": added_ms / per_report_ms,
        "budget": BUDGET,
    }
    if arguments.json:
        print(json.dumps(figures, indent=2))
        return
    print(f"BBC corpus, first {reports} reports")
    print(
        f"quotes {counts[0]} ({counts[1]} with a speaker), embedded {counts[2]}, "
        f"in families {counts[3]} ({counts[4]} families)"
    )
    verdict = "within" if figures["share"] <= BUDGET else "over"
    print(
        f"ingest without quotes {per_report_ms:.1f} ms/report; quotes and families add "
        f"{added_ms:.1f} ms (extraction {extract_ms:.1f} ms, storing and families "
        f"{added_ms - extract_ms:.1f} ms): {100 * figures['share']:.1f}%, {verdict} the "
        f"{100 * BUDGET:.0f}% budget"
    )


def _extraction_seconds(report: AnnotatedReport, processed: ProcessedReport) -> float:
    """The quote extractor's time on one report, on the parse the pipeline made."""
    doc = report.doc if report.is_parsed else None
    started = time.perf_counter()
    quotes.find_quotes(
        report.report.text, doc, processed.mentions, processed.entities, report.report.language
    )
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
