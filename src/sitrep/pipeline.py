"""The ingest pipeline: pages -> clean -> annotate -> extract -> link -> store.

Read ``Pipeline.ingest`` top to bottom to see the whole path a report takes. Each
report is written in its own transaction; a report that fails at any stage is
reported with the stage and the reason, and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from sitrep.annotate import AnnotatedReport, Annotator
from sitrep.clean import LanguageIdentifier, clean_page
from sitrep.clean.fingerprint import fingerprint
from sitrep.config import Settings
from sitrep.errors import AlreadyStored, InputError
from sitrep.extract import actors, claims, events, publication_date, quotes, times
from sitrep.link.duplicates import find_near_duplicate
from sitrep.link.gazetteer import Gazetteer
from sitrep.link.report_entities import bind_mentions
from sitrep.models import (
    CleanReport,
    IngestOutcome,
    IngestStatus,
    ProcessedReport,
    RawPage,
    StoredReport,
)
from sitrep.store.base import Store

# The spaCy components the extractors read; nothing else is loaded.
REQUIRED_COMPONENTS = (
    frozenset(publication_date.REQUIRES)
    | frozenset(times.REQUIRES)
    | frozenset(actors.REQUIRES)
    | frozenset(quotes.REQUIRES)
    | frozenset(claims.REQUIRES)
    | frozenset(events.REQUIRES)
)

OutcomeCallback = Callable[[IngestOutcome], None]


@dataclass
class IngestSummary:
    """Counts for the closing line of ``sitrep ingest``, and what failed."""

    ingested: int = 0
    duplicates: int = 0  # already stored, nothing changed
    near_duplicates: int = 0  # stored, marked as a copy of an earlier report
    failures: list[IngestOutcome] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def record(self, outcome: IngestOutcome) -> None:
        if outcome.status is IngestStatus.FAILED:
            self.failures.append(outcome)
        elif outcome.status is IngestStatus.DUPLICATE:
            self.duplicates += 1
        else:
            self.ingested += 1
            self.near_duplicates += outcome.near_duplicate_of is not None


class Pipeline:
    """Holds the models (loaded once per process) and runs reports through the stages."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.identifier = LanguageIdentifier(settings.languages)
        self.annotator = Annotator(
            REQUIRED_COMPONENTS,
            settings.nlp_batch_size,
            max_parse_chars=settings.max_parse_chars,
            max_split_chars=settings.max_input_bytes,  # never more characters than bytes
        )
        self.gazetteer = Gazetteer.bundled()

    @staticmethod
    def settle_models() -> None:
        """Move everything alive now (the loaded models) out of the cyclic GC's view.

        Full collections, which the many small records of each report set off, then
        stop walking the whole spaCy pipeline again and again (about 3% of an ingest on
        the BBC set). It freezes the caller's whole heap, so it is for programs that
        ingest for the rest of their life (the CLI, the benchmark), not for libraries.
        """
        gc.collect()
        gc.freeze()

    def ingest(
        self,
        pages: Iterable[RawPage | InputError],
        store: Store,
        on_outcome: OutcomeCallback | None = None,
    ) -> IngestSummary:
        """Ingest every page into ``store``; bad inputs are reported, never fatal."""
        summary = IngestSummary()
        for outcome in self._outcomes(pages, store):
            summary.record(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
        return summary

    def examine(
        self, page: RawPage, published: dt.date | None = None, *, clean: bool = True
    ) -> ProcessedReport:
        """Run one page through every per-report stage without storing it (``sitrep extract``).

        Args:
            page: the page.
            published: a publication date to use instead of the one the page states.
            clean: run the stages on the clean text (True) or on the page's text exactly
                as given (False), so that offsets index whichever the caller holds.
                Metadata and language are read by the cleaner either way.
        """
        report = clean_page(page, self.identifier, self.settings.languages)
        if not clean:
            report = replace(report, text=page.text)
        if published is not None:
            report = replace(report, published=published, published_text=published.isoformat())
        (annotated,) = self.annotator.annotate([report])
        return process(annotated, self.gazetteer)

    def preview(self, page: RawPage, published: dt.date | None = None) -> StoredReport:
        """The report record a page would be stored as (id 0, no duplicate check)."""
        return unstored_report(self.examine(page, published))

    def _outcomes(
        self, pages: Iterable[RawPage | InputError], store: Store
    ) -> Iterator[IngestOutcome]:
        pending: dict[str, CleanReport] = {}  # by content hash: copies within a batch count once
        for page in pages:
            if isinstance(page, InputError):
                yield IngestOutcome(page.origin, IngestStatus.FAILED, message=page.reason)
                continue
            try:
                report = clean_page(page, self.identifier, self.settings.languages)
            except InputError as error:
                yield IngestOutcome(page.origin, IngestStatus.FAILED, message=error.reason)
                continue
            except Exception as error:  # a cleaner bug on one page must not stop the batch
                yield IngestOutcome(
                    page.origin,
                    IngestStatus.FAILED,
                    message=f"could not be cleaned: {type(error).__name__}: {error}",
                )
                continue
            existing = store.report_id_for_hash(report.content_hash)
            if existing is not None or report.content_hash in pending:
                yield _already_stored(report, existing)
                continue
            pending[report.content_hash] = report
            if len(pending) >= self.settings.nlp_batch_size:
                yield from self._store_batch(list(pending.values()), store)
                pending.clear()
        yield from self._store_batch(list(pending.values()), store)

    def _store_batch(self, batch: list[CleanReport], store: Store) -> Iterator[IngestOutcome]:
        for annotated in self._annotate(batch):
            if isinstance(annotated, IngestOutcome):
                yield annotated
                continue
            try:
                processed = process(annotated, self.gazetteer)
                near = find_near_duplicate(
                    processed.fingerprint,
                    store.duplicate_candidates(processed.fingerprint.band_keys),
                    self.settings.near_duplicate_threshold,
                    self.settings.near_duplicate_containment,
                )
                report_id = store.add_report(
                    processed,
                    near.canonical_id if near else None,
                    near.similarity if near else None,
                )
            except AlreadyStored as stored:  # another process stored it meanwhile
                yield _already_stored(annotated.report, stored.report_id)
                continue
            except Exception as error:  # one bad report must not stop the batch
                yield _failed(annotated.report, "could not be processed", error)
                continue
            yield IngestOutcome(
                annotated.report.origin,
                IngestStatus.INGESTED,
                report_id=report_id,
                near_duplicate_of=near.canonical_id if near else None,
                warnings=annotated.report.warnings,
            )

    def _annotate(self, batch: list[CleanReport]) -> list[AnnotatedReport | IngestOutcome]:
        """Annotate a batch at once; if that fails, one by one, to isolate the culprit."""
        if not batch:
            return []
        try:
            return list(self.annotator.annotate(batch))
        except Exception:  # a batch failure must not take its good reports down with it
            results: list[AnnotatedReport | IngestOutcome] = []
            for report in batch:
                try:
                    results.extend(self.annotator.annotate([report]))
                except Exception as error:
                    results.append(_failed(report, "the NLP pipeline failed", error))
            return results


def process(annotated: AnnotatedReport, gazetteer: Gazetteer) -> ProcessedReport:
    """The per-report stages after annotation: extraction, binding within the report and
    fingerprinting. Linking across reports happens in the store, in the report's transaction.
    """
    report = annotated.report
    # Reports the English model did not read get gazetteer names and defined acronyms only.
    doc = annotated.doc if annotated.is_parsed else None
    mentions, entities = bind_mentions(
        report.text, actors.find_mentions(report.text, doc, gazetteer), gazetteer
    )
    publication = publication_date.publication_date(
        report, annotated.doc, is_parsed=annotated.is_parsed
    )
    # The time rules read English; other languages wait for their own tables.
    found_times = (
        times.extract_times(
            report.text, publication.value, annotated.doc,
            published_is_inferred=publication.inferred,
        )
        if annotated.is_parsed
        else ()
    )  # fmt: skip
    found_quotes = quotes.find_quotes(report.text, doc, mentions, entities, report.language)
    return ProcessedReport(
        clean=report,
        annotation=annotated.annotation,
        publication=publication,
        fingerprint=fingerprint(report.text),
        times=found_times,
        mentions=mentions,
        entities=entities,
        quotes=found_quotes,
        claims=claims.find_claims(
            report.text, doc, annotated.annotation.sentences, mentions, entities, found_times,
            found_quotes, gazetteer,
        ),
        # An undated report's window still says which dates are surely ahead of it.
        events=events.find_events(
            doc, mentions, entities, found_times, found_quotes,
            publication.value or (publication.window.latest if publication.window else None),
        ) if doc is not None else (),
    )  # fmt: skip


def unstored_report(processed: ProcessedReport) -> StoredReport:
    """The record a processed report would be stored as, before the store gives it an id."""
    report, publication = processed.clean, processed.publication
    return StoredReport(
        id=0, origin=report.origin, url=report.url, title=report.title, source=report.source,
        author=report.author, published=publication.value,
        published_inferred=publication.inferred, published_window=publication.window,
        language=report.language, machine_translated=report.machine_translated,
        duplicate_of=None, text=report.text, format=report.format, encoding=report.encoding,
        content_hash=report.content_hash, ingested_at=dt.datetime.now(dt.UTC),
        removed=report.removed, sentences=processed.annotation.sentences,
        warnings=report.warnings, published_evidence=publication.evidence,
    )  # fmt: skip


def _already_stored(report: CleanReport, existing: int | None) -> IngestOutcome:
    where = f"report {existing}" if existing is not None else "another input of this batch"
    return IngestOutcome(
        report.origin, IngestStatus.DUPLICATE, report_id=existing,
        message=f"same text as {where}; nothing changed",
    )  # fmt: skip


def _failed(report: CleanReport, what: str, error: Exception) -> IngestOutcome:
    return IngestOutcome(
        report.origin, IngestStatus.FAILED, message=f"{what}: {type(error).__name__}: {error}"
    )
