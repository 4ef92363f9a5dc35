"""The pages of the dossier as typed records: what the web app renders as HTML and serves
as JSON, and what the one-file HTML dossier is made of.

Every fact carries a ``Source``: the report and the character span of the sentence it
came from, so any rendering can link it to that sentence highlighted.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

Item = TypeVar("Item")


class Record(BaseModel):
    model_config = ConfigDict(frozen=True)


class Paged(Record, Generic[Item]):
    """One page of a longer list."""

    items: list[Item]
    page: int = Field(description="1-based")
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


class ActorRef(Record):
    id: int
    name: str


class ReportRef(Record):
    id: int
    title: str | None
    source: str | None
    published: str | None = Field(description="ISO date; inferred when published_inferred")
    published_inferred: bool
    language: str | None


class Source(Record):
    """Where a fact was read: a sentence (or a smaller span) of one report."""

    report: ReportRef
    start: int
    end: int
    text: str = Field(description="the sentence or span itself")


class QuoteView(Record):
    id: int
    text: str
    kind: str = Field(description="direct, indirect or mixed")
    speaker: ActorRef | None
    speaker_text: str | None
    cue: str | None
    family_id: int | None
    source: Source


class ClaimView(Record):
    id: int
    summary: str = Field(description="the claim in a few words")
    text: str
    kind: str = Field(description="figure or statement")
    modality: str
    negated: bool
    subject: ActorRef | None
    group_id: int | None
    source: Source


class ClaimGroupView(Record):
    id: int
    status: str = Field(description="corroborated, single_source or contested")
    explanation: str | None
    sources: int = Field(description="independent reports (copies count once)")
    claims: list[ClaimView]
    conflicting: list[int] = Field(description="ids of the claims that disagree")


class TimelineItem(Record):
    id: int
    date: str = Field(description="TIMEX3 value")
    date_end: str | None
    label: str = Field(description="the date for a person: 23 Sep 2013, Sep 2013, 2026-2027")
    precision: str
    status: str = Field(description="happened, planned, ongoing or possible")
    type: str
    title: str
    actors: list[ActorRef]
    place: ActorRef | None
    sources: int
    evidence: list[Source] = Field(description="a sentence from each of the first 12 reports")


class StoryCard(Record):
    id: int
    title: str
    date: str | None
    place: ActorRef | None
    actors: list[ActorRef]
    reports: int
    sources: int
    storyline_id: int | None


class ActorCard(Record):
    id: int
    name: str
    type: str
    reports: int
    mentions: int


class ActorCount(Record):
    """An actor with how often something holds: its mentions in a report, or the reports
    it shares with another actor."""

    actor: ActorRef
    count: int


class Outlet(Record):
    name: str
    reports: int


class Overview(Record):
    reports: int
    copies: int
    languages: dict[str, int]
    outlets: list[Outlet]
    stories: list[StoryCard]
    actors: list[ActorCard]
    conflicts: list[ClaimGroupView]
    claim_counts: dict[str, int]
    quote_families: int
    timeline_entries: int
    upcoming: list[TimelineItem] = Field(description="planned entries, soonest first")


class ZoomLink(Record):
    label: str
    date_from: str | None
    date_to: str | None


class TimelineView(Record):
    date_from: str | None
    date_to: str | None
    actor: str | None
    place: str | None
    zoom: str = Field(description="decades, years, months or days: the axis' ticks")
    span: list[str] | None = Field(description="[first, last] ISO day the axis shows")
    zoom_out: ZoomLink | None
    ticks: list[ZoomLink] = Field(description="the axis' periods, each a zoom in")
    entries: Paged[TimelineItem]


class StoryReport(Record):
    report: ReportRef
    lead: str
    quotes: list[QuoteView]
    claims: list[ClaimView]


class StoryPage(Record):
    story: StoryCard
    storyline: list[StoryCard] = Field(description="the storyline's stories in date order")
    reports: list[StoryReport]
    timeline: list[TimelineItem]


class HeldRoleView(Record):
    role: str
    first_seen: str | None
    last_seen: str | None
    reports: int


class MentionView(Record):
    text: str
    role: str | None
    source: Source


class ActorPage(Record):
    actor: ActorCard
    aliases: list[str]
    roles: list[HeldRoleView]
    wikidata: str | None
    co_actors: list[ActorCount] = Field(description="count: the reports they share")
    quotes: list[QuoteView]
    stories: list[StoryCard]
    mentions: Paged[MentionView]


class Token(Record):
    """A word with a flag: differs from the family's first variant (in a quote variant),
    or matches the query (in a search snippet)."""

    text: str
    marked: bool


class QuoteVariant(Record):
    quote: QuoteView
    tokens: list[Token]


class QuoteFamilyView(Record):
    id: int
    speaker: ActorRef | None
    reports: int
    versions: int = Field(description="all versions; lists show the first few in variants")
    variants: list[QuoteVariant]


class Segment(Record):
    """A piece of a report's text with the extracted items that cover it."""

    text: str
    kinds: list[str] = Field(description="actor, time, quote, claim, event")
    labels: list[str]
    actor_id: int | None
    target: bool = Field(description="inside the sentence the page was opened on")


class Paragraph(Record):
    segments: list[Segment]


class RemovedView(Record):
    reason: str
    text: str


class ReportPage(Record):
    report: ReportRef
    url: str | None
    origin: str
    author: str | None
    machine_translated: bool
    duplicate_of: ReportRef | None
    story_id: int | None
    notes: list[str]
    removed: list[RemovedView] = Field(description="page furniture cleaned away")
    target: list[int] | None = Field(description="[start, end] of the highlighted span")
    paragraphs: list[Paragraph]
    actors: list[ActorCount] = Field(description="count: mentions in this report")
    quotes: list[QuoteView]
    claims: list[ClaimView]
    times: list[Source]
    events: list[TimelineItem]


class SearchHitView(Record):
    kind: str = Field(description="report, quote or claim")
    id: int
    snippet: list[Token] = Field(description="marked: the words that match")
    source: Source


class SearchPage(Record):
    query: str
    hits: Paged[SearchHitView]
