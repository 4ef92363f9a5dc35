"""The BBC corpus run through the real pipeline once, and stored: what the speed
benchmarks (quote families, claims, story scale) all start from."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from bench.ingest import CORPUS, corpus_files

from sitrep.annotate import AnnotatedReport
from sitrep.clean import clean_page
from sitrep.config import Settings
from sitrep.errors import AlreadyStored
from sitrep.ingest import iter_pages
from sitrep.models import ProcessedReport, RawPage
from sitrep.pipeline import Pipeline, process
from sitrep.store.sqlite import SQLiteStore


@dataclass
class ProcessedCorpus:
    """The first reports of the corpus, annotated and processed, and how long that took."""

    pipeline: Pipeline
    annotated: list[AnnotatedReport]
    processed: list[ProcessedReport]
    seconds: float


def process_corpus(limit: int | None, settings: Settings | None = None) -> ProcessedCorpus:
    """Clean, annotate and process the first ``limit`` BBC reports (all when None)."""
    settings = settings or Settings.from_env(None)
    pipeline = Pipeline(settings)
    pages = iter_pages([str(path) for path in corpus_files(CORPUS, limit)], settings)
    started = time.perf_counter()
    cleaned = [
        clean_page(page, pipeline.identifier, settings.languages)
        for page in pages
        if isinstance(page, RawPage)
    ]
    annotated = list(pipeline.annotator.annotate(cleaned))
    processed = [process(report, pipeline.gazetteer) for report in annotated]
    return ProcessedCorpus(pipeline, annotated, processed, time.perf_counter() - started)


def store_all(reports: Sequence[ProcessedReport], path: str) -> float:
    """Seconds to store every report into a fresh SQLite file, one transaction each."""
    with SQLiteStore.open(path) as store:
        started = time.perf_counter()
        for report in reports:
            try:
                store.add_report(report, None, None)
            except AlreadyStored:  # the corpus holds a few exact copies
                continue
        return time.perf_counter() - started
