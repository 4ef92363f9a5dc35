"""What quotes and quote families add to storing a report, on the BBC corpus.

Usage::

    python -m bench.quote_families [--limit N] [--json]

Each report is processed once by the pipeline. Then the reports are stored twice,
each time into a fresh SQLite file: without their quotes, and with them (families
linked with the real multilingual-e5-small). The difference, per report, is set
against the whole per-report cost (pipeline plus store without quotes): the issue
allows quotes and families at most 15% of ingest.

While the pipeline extracts no quotes, a stand-in takes their place: every run of
four or more words in double quotation marks, said by the person the paragraph
names last before it (or the report's first person). BBC reports are undated, so
every quote meets up to 200 quotes of its speaker: the worst case for the candidate
cap. Embeddings made, families and candidate counts are printed too.

This is a benchmark, not a test: it prints figures and never fails.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.ingest import CORPUS, corpus_files

from sitrep.config import Settings
from sitrep.errors import AlreadyStored
from sitrep.ingest import iter_pages
from sitrep.models import EntityType, ProcessedReport, Quote, QuoteKind, RawPage
from sitrep.pipeline import Pipeline
from sitrep.store.sqlite import SQLiteStore

BUDGET = 0.15
_QUOTED = re.compile(r"\"([^\"\n]{10,600})\"")


def stand_in_quotes(processed: ProcessedReport) -> tuple[Quote, ...]:
    """Quoted runs of words, each said by the last person named before it."""
    people = [
        (mention.start, index)
        for index, entity in enumerate(processed.entities)
        if entity.type is EntityType.PERSON
        for mention in (processed.mentions[position] for position in entity.mentions)
    ]
    people.sort()
    quotes = []
    for match in _QUOTED.finditer(processed.clean.text):
        if len(match.group(1).split()) < 4 or not people:
            continue
        before = [index for start, index in people if start < match.start()]
        speaker = before[-1] if before else people[0][1]
        quotes.append(
            Quote(match.start(1), match.end(1), match.group(1), QuoteKind.DIRECT, "said",
                  speaker_text=processed.entities[speaker].name, speaker_entity=speaker)
        )  # fmt: skip
    return tuple(quotes)


def store_all(reports: list[ProcessedReport], path: str) -> float:
    """Seconds to store every report, one transaction each."""
    with SQLiteStore.open(path) as store:
        started = time.perf_counter()
        for report in reports:
            try:
                store.add_report(report, None, None)
            except AlreadyStored:  # the corpus holds a few exact copies
                continue
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=600, help="the first N reports")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    arguments = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: the BBC corpus is not at {CORPUS}")
        return
    settings = Settings.from_env(None)
    pipeline = Pipeline(settings)
    pages = iter_pages([str(path) for path in corpus_files(CORPUS, arguments.limit)], settings)
    started = time.perf_counter()
    processed = [pipeline.examine(page) for page in pages if isinstance(page, RawPage)]
    examine_s = time.perf_counter() - started
    extracted = sum(len(report.quotes) for report in processed)
    with_quotes = [
        report if report.quotes else dataclasses.replace(report, quotes=stand_in_quotes(report))
        for report in processed
    ]
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
    per_report_ms = 1000 * (examine_s + plain_s) / reports
    added_ms = 1000 * (quoted_s - plain_s) / reports
    figures: dict[str, Any] = {
        "reports": reports,
        "quotes_from_extractor": extracted,
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
    source = "the extractor" if extracted else "the stand-in (no extractor yet)"
    print(f"BBC corpus, first {reports} reports; quotes from {source}")
    print(
        f"quotes {counts[0]} ({counts[1]} with a speaker), embedded {counts[2]}, "
        f"in families {counts[3]} ({counts[4]} families)"
    )
    verdict = "within" if figures["share"] <= BUDGET else "over"
    print(
        f"ingest {per_report_ms:.1f} ms/report; quotes and families add {added_ms:.1f} ms "
        f"({100 * figures['share']:.1f}%, {verdict} the {100 * BUDGET:.0f}% budget)"
    )


if __name__ == "__main__":
    sys.exit(main())
