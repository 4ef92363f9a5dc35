"""The contract every store backend fulfils (SQLite today, PostgreSQL next)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from sitrep.models import (
    Annotation,
    ClaimGroup,
    ClaimStatus,
    DuplicateCandidate,
    Entity,
    ProcessedReport,
    QuoteFamily,
    SearchKind,
    SearchResults,
    SituatedTime,
    StoredClaim,
    StoredEvent,
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


@dataclass(frozen=True, slots=True)
class StoreTotals:
    """How many of each record a store holds (for page counts and the overview)."""

    reports: int
    actors: int
    quotes: int
    quote_families: int
    claims: int
    claim_groups: dict[ClaimStatus, int]
    stories: int
    storylines: int
    timeline_entries: int


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

    def report(self, report_id: int, details: bool = True) -> StoredReport | None:
        """A report; without ``details`` its removed lines, sentences, notes and date
        evidence are left empty (cheaper: a source link needs text and metadata only)."""
        ...

    def annotation(self, report_id: int) -> Annotation | None:
        """The sentences and tokens of a report, as the NLP backbone left them."""
        ...

    def reports(self, limit: int | None = None, offset: int = 0) -> Iterator[StoredReport]:
        """Every report (or a page of them), in id order, streamed."""
        ...

    def times(self, report_id: int | None = None) -> Iterator[SituatedTime]:
        """Temporal expressions of one report, or of all reports in id order, streamed."""
        ...

    def mentions(
        self, report_id: int | None = None, entity_id: int | None = None
    ) -> Iterator[StoredMention]:
        """Actor mentions of one report or one actor (or all), in report order, streamed."""
        ...

    def entities(
        self, limit: int | None = None, offset: int = 0, details: bool = True
    ) -> Iterator[Entity]:
        """Every actor (or a page of them) with aliases, roles and counts, most reported
        first; without ``details``, aliases and roles are left empty (cheaper)."""
        ...

    def entity(self, entity_id: int) -> Entity | None: ...

    def entity_names(self, entity_ids: Sequence[int]) -> dict[int, str]:
        """The canonical names of these actors (unknown ids are left out)."""
        ...

    def actors_named(self, name: str) -> list[int]:
        """The actors with this name or alias, any case, script or transliteration."""
        ...

    def co_actors(self, entity_id: int, limit: int = 20) -> list[tuple[int, int]]:
        """The actors named in the same reports as this one, with how many reports they
        share, most shared first (over its latest reports, so the cost is bounded)."""
        ...

    def quotes(
        self,
        report_id: int | None = None,
        speaker: str | None = None,
        family_id: int | None = None,
        speaker_id: int | None = None,
    ) -> Iterator[StoredQuote]:
        """Quotes of one report, or by one speaker, or of one family, or all, in report
        order, streamed.

        ``speaker`` is a name: quotes whose speaker is an actor with that name or alias,
        compared by alias key (case, punctuation and script aside: "putin", "Путин");
        ``speaker_id`` is the actor's id.
        """
        ...

    def quote_families(
        self, limit: int | None = None, offset: int = 0, largest_first: bool = False
    ) -> Iterator[QuoteFamily]:
        """Every family of quotes of one utterance across reports (or a page of them), in
        id order or the most quoted first, streamed."""
        ...

    def quote_family(self, family_id: int) -> QuoteFamily | None: ...

    def claims(
        self, report_id: int | None = None, group_id: int | None = None, contested: bool = False
    ) -> Iterator[StoredClaim]:
        """Claims of one report, or of one group, or all, in report order, streamed;
        with ``contested``, only the claims of contested groups."""
        ...

    def claim_groups(
        self,
        contested_only: bool = False,
        status: ClaimStatus | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[ClaimGroup]:
        """Every group of one claim across reports (corroborated, single-source or
        contested), or those of one status, or a page of them, in id order, streamed."""
        ...

    def claim_group(self, group_id: int) -> ClaimGroup | None: ...

    def stories(
        self,
        limit: int | None = None,
        offset: int = 0,
        largest_first: bool = False,
        actor_id: int | None = None,
    ) -> Iterator[Story]:
        """Every story (reports about one real-world event), or a page of them, in id
        order or the most reported first, streamed; with ``actor_id``, the stories naming
        that actor, newest first."""
        ...

    def story(self, story_id: int) -> Story | None: ...

    def storyline(self, storyline_id: int) -> Storyline | None: ...

    def story_of_report(self, report_id: int) -> int | None:
        """The id of the story a report belongs to."""
        ...

    def storylines(self) -> Iterator[Storyline]:
        """Every storyline (stories continuing one situation), in id order, streamed."""
        ...

    def timeline(
        self,
        date_from: str | None = None,
        date_to: str | None = None,
        actor: str | None = None,
        place: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[TimelineEntry]:
        """Timeline entries in date order, streamed: only those overlapping ``date_from`` to
        ``date_to`` (TIMEX3 dates of any precision), or naming ``actor``, or placed at
        ``place`` (names or aliases, any case or script), when given; a page of them with
        ``limit`` and ``offset``."""
        ...

    def timeline_entries(self, entry_ids: Sequence[int]) -> list[TimelineEntry]:
        """These timeline entries, in date order."""
        ...

    def timeline_size(
        self,
        date_from: str | None = None,
        date_to: str | None = None,
        actor: str | None = None,
        place: str | None = None,
    ) -> int:
        """How many entries ``timeline`` yields with these filters."""
        ...

    def events(self, report_id: int) -> Iterator[StoredEvent]:
        """One report's events in text order, with the timeline entry each joined."""
        ...

    def totals(self) -> StoreTotals: ...

    def outlets(self, limit: int | None = None) -> list[tuple[str, int]]:
        """The outlets reports came from, with how many each, most first."""
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
