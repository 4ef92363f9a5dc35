"""The contract every store backend fulfils (SQLite today, PostgreSQL next)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from sitrep.models import (
    Annotation,
    ClaimGroup,
    DuplicateCandidate,
    Entity,
    ProcessedReport,
    QuoteFamily,
    SearchKind,
    SearchResults,
    SituatedTime,
    StoredClaim,
    StoredMention,
    StoredQuote,
    StoredReport,
    Story,
    Storyline,
    TimelineEntry,
)


@dataclass(frozen=True, slots=True)
class ReportCounts:
    reports: int
    duplicates: int  # reports marked ``duplicate_of`` another
    languages: dict[str, int]


class Store(Protocol):
    """Reports and everything extracted from them, written one report per transaction."""

    schema_version: int

    def close(self) -> None: ...

    def report_id_for_hash(self, content_hash: str) -> int | None:
        """The stored report with this clean-text hash, if any."""
        ...

    def duplicate_candidates(self, band_keys: tuple[str, ...]) -> list[DuplicateCandidate]:
        """Stored reports sharing at least one LSH band key (an index lookup, not a scan)."""
        ...

    def add_report(
        self, processed: ProcessedReport, duplicate_of: int | None, similarity: float | None
    ) -> int:
        """Write a report and all its records in one transaction; returns its id.

        Raises:
            StoreError: the report could not be written, and nothing of it was; the
                message names the report (a backend's own errors never leak out).
        """
        ...

    def report(self, report_id: int) -> StoredReport | None: ...

    def annotation(self, report_id: int) -> Annotation | None:
        """The sentences and tokens of a report, as the NLP backbone left them."""
        ...

    def reports(self) -> Iterator[StoredReport]:
        """Every report, in id order, streamed."""
        ...

    def times(self, report_id: int | None = None) -> Iterator[SituatedTime]:
        """Temporal expressions of one report, or of all reports in id order, streamed."""
        ...

    def mentions(
        self, report_id: int | None = None, entity_id: int | None = None
    ) -> Iterator[StoredMention]:
        """Actor mentions of one report or one actor (or all), in report order, streamed."""
        ...

    def entities(self) -> Iterator[Entity]:
        """Every actor across reports with aliases, roles and counts, most reported first."""
        ...

    def quotes(
        self, report_id: int | None = None, speaker: str | None = None
    ) -> Iterator[StoredQuote]:
        """Quotes of one report, or by one speaker, or all, in report order, streamed.

        ``speaker`` is a name: quotes whose speaker is an actor with that name or alias,
        compared by alias key (case, punctuation and script aside: "putin", "Путин").
        """
        ...

    def quote_families(self) -> Iterator[QuoteFamily]:
        """Every family of quotes of one utterance across reports, in id order, streamed."""
        ...

    def claims(
        self, report_id: int | None = None, group_id: int | None = None, contested: bool = False
    ) -> Iterator[StoredClaim]:
        """Claims of one report, or of one group, or all, in report order, streamed;
        with ``contested``, only the claims of contested groups."""
        ...

    def claim_groups(self, contested_only: bool = False) -> Iterator[ClaimGroup]:
        """Every group of one claim across reports (corroborated, single-source or
        contested), in id order, streamed."""
        ...

    def stories(self) -> Iterator[Story]:
        """Every story (reports about one real-world event), in id order, streamed."""
        ...

    def storylines(self) -> Iterator[Storyline]:
        """Every storyline (stories continuing one situation), in id order, streamed."""
        ...

    def timeline(
        self, date_from: str | None = None, date_to: str | None = None, actor: str | None = None
    ) -> Iterator[TimelineEntry]:
        """Timeline entries in date order, streamed: only those overlapping ``date_from`` to
        ``date_to`` (TIMEX3 dates of any precision), or naming ``actor`` (a name or alias,
        any case or script), when given."""
        ...

    def search(
        self,
        query: str,
        kinds: frozenset[SearchKind] | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchResults:
        """Reports (title and text), quotes and claims holding every word of ``query``,
        best first, ``limit`` of them from ``offset``; ``total`` counts them all.

        Case and Latin accents aside ("sao" finds "São", "рахмон" finds "Рахмон"); the
        last word may be the start of one ("summ" finds "summit"). The query is words,
        never search syntax: quotes, AND, NEAR, ``*`` or ``-`` are only text, and a query
        without a word finds nothing. ``kinds`` keeps only those kinds of match.

        Raises:
            ValueError: ``limit`` or ``offset`` is negative.
        """
        ...

    def counts(self) -> ReportCounts: ...
