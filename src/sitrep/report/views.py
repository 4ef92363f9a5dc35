"""The dossier's pages read from a store: one query per page, whatever renders it (the
web app's HTML and JSON, the one-file HTML dossier).

A ``Reader`` remembers the reports and actor names it has read, so a page that shows a
hundred quotes from ten reports reads each report once. Make one per page.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import islice

from sitrep.link.timeline import format_date
from sitrep.models import (
    ClaimGroup,
    ClaimStatus,
    Entity,
    EventMention,
    EventStatus,
    SearchKind,
    StoredClaim,
    StoredQuote,
    StoredReport,
    Story,
    TextSpan,
    TimelineEntry,
)
from sitrep.report.dossier import claim_summary
from sitrep.report.highlight import Highlight, paragraphs
from sitrep.report.pages import (
    ActorCard,
    ActorCount,
    ActorPage,
    ActorRef,
    ClaimGroupView,
    ClaimView,
    HeldRoleView,
    MentionView,
    Outlet,
    Overview,
    Paged,
    QuoteFamilyView,
    QuoteVariant,
    QuoteView,
    RemovedView,
    ReportPage,
    ReportRef,
    SearchHitView,
    SearchPage,
    Source,
    StoryCard,
    StoryPage,
    StoryReport,
    TimelineItem,
    TimelineView,
    Token,
)
from sitrep.report.textdiff import marked_differences, runs
from sitrep.report.timeline_axis import axis_ticks, span_of, zoom_of, zoom_out
from sitrep.store import Store

OVERVIEW_ITEMS = 8
STORY_ITEMS = 50  # quotes and claims shown per report of a story
LEAD_CHARS = 400
EVIDENCE_SHOWN = 12  # source sentences per timeline entry, one per report; sources counts all
LISTED_VARIANTS = 3  # versions of a quote shown per family in the list; its page shows all


class NotFound(LookupError):
    """The page's record does not exist (the web app answers 404)."""


class Reader:
    """Pages over one store, with the reports and names read so far remembered."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._reports: dict[int, StoredReport | None] = {}
        self._whole: set[int] = set()  # reports read with their details
        self._names: dict[int, str] = {}

    # -- pages ---------------------------------------------------------------------------

    def overview(self) -> Overview:
        store = self.store
        counts, totals = store.counts(), store.totals()
        stories = list(store.stories(limit=OVERVIEW_ITEMS, largest_first=True))
        actors = list(store.entities(limit=OVERVIEW_ITEMS * 2, details=False))
        conflicts = list(store.claim_groups(contested_only=True, limit=OVERVIEW_ITEMS))
        upcoming = [
            entry
            for entry in store.timeline(date_from=_today_prefix(), limit=OVERVIEW_ITEMS * 4)
            if entry.status is EventStatus.PLANNED
        ][:OVERVIEW_ITEMS]
        self._remember_names(_actor_ids_of(stories, upcoming))
        return Overview(
            reports=counts.reports,
            copies=counts.duplicates,
            languages=counts.languages,
            outlets=[Outlet(name=name, reports=n) for name, n in store.outlets(OVERVIEW_ITEMS * 2)],
            stories=[self._story_card(story) for story in stories],
            actors=[_actor_card(actor) for actor in actors],
            conflicts=[self._group_view(group) for group in conflicts],
            claim_counts={status.value: n for status, n in totals.claim_groups.items()},
            quote_families=totals.quote_families,
            timeline_entries=totals.timeline_entries,
            upcoming=[self._timeline_item(entry) for entry in upcoming],
        )

    def timeline(
        self,
        date_from: str | None = None,
        date_to: str | None = None,
        actor: str | None = None,
        place: str | None = None,
        page: int = 1,
        per_page: int = 100,
    ) -> TimelineView:
        store = self.store
        total = store.timeline_size(date_from, date_to, actor, place)
        entries = list(
            store.timeline(
                date_from, date_to, actor, place, limit=per_page, offset=(page - 1) * per_page
            )
        )
        self._remember_names(_actor_ids_of((), entries))
        dates = [date for entry in entries for date in (entry.date, entry.date_end) if date]
        zoom = zoom_of(date_from, date_to, dates)
        span = span_of(date_from, date_to, dates)
        return TimelineView(
            date_from=date_from,
            date_to=date_to,
            actor=actor,
            place=place,
            zoom=zoom,
            span=[span[0].isoformat(), span[1].isoformat()] if span else None,
            zoom_out=zoom_out(date_from, date_to),
            ticks=axis_ticks(date_from, date_to, dates, zoom),
            entries=Paged(
                items=[self._timeline_item(entry) for entry in entries],
                page=page,
                per_page=per_page,
                total=total,
            ),
        )

    def stories(self, page: int = 1, per_page: int = 50) -> Paged[StoryCard]:
        stories = list(self.store.stories(limit=per_page, offset=(page - 1) * per_page))
        self._remember_names(_actor_ids_of(stories, ()))
        cards = [self._story_card(story) for story in stories]
        return Paged(items=cards, page=page, per_page=per_page, total=self.store.totals().stories)

    def story(self, story_id: int) -> StoryPage:
        story = self.store.story(story_id)
        if story is None:
            raise NotFound(f"no story {story_id}")
        line = self._storyline(story)
        self._remember_names(_actor_ids_of([story, *line], ()))
        reports = [self._story_report(report_id) for report_id in story.report_ids]
        entries = self._story_entries(story)
        return StoryPage(
            story=self._story_card(story),
            storyline=[self._story_card(other) for other in line],
            reports=[report for report in reports if report is not None],
            timeline=[self._timeline_item(entry) for entry in entries],
        )

    def actors(self, page: int = 1, per_page: int = 50) -> Paged[ActorCard]:
        actors = self.store.entities(limit=per_page, offset=(page - 1) * per_page, details=False)
        return Paged(
            items=[_actor_card(actor) for actor in actors],
            page=page,
            per_page=per_page,
            total=self.store.totals().actors,
        )

    def actor(self, entity_id: int, page: int = 1, per_page: int = 50) -> ActorPage:
        store = self.store
        entity = store.entity(entity_id)
        if entity is None:
            raise NotFound(f"no actor {entity_id}")
        company = store.co_actors(entity_id, limit=OVERVIEW_ITEMS * 2)
        names = store.entity_names([actor for actor, _ in company])
        mentions = list(
            islice(store.mentions(entity_id=entity_id), (page - 1) * per_page, page * per_page)
        )
        quotes = list(islice(store.quotes(speaker_id=entity_id), STORY_ITEMS))
        stories = list(store.stories(limit=OVERVIEW_ITEMS * 2, actor_id=entity_id))
        self._remember_names(_actor_ids_of(stories, ()))
        return ActorPage(
            actor=_actor_card(entity),
            aliases=list(entity.aliases),
            roles=[
                HeldRoleView(
                    role=held.role,
                    first_seen=_iso(held.first_seen),
                    last_seen=_iso(held.last_seen),
                    reports=held.reports,
                )
                for held in entity.roles
            ],
            wikidata=entity.wikidata,
            co_actors=[
                ActorCount(
                    actor=ActorRef(id=actor, name=names.get(actor, f"actor {actor}")), count=shared
                )
                for actor, shared in company
            ],
            quotes=[self._quote_view(quote) for quote in quotes],
            stories=[self._story_card(story) for story in stories],
            mentions=Paged(
                items=[
                    MentionView(
                        text=item.mention.text,
                        role=item.mention.role,
                        source=self._sentence_source(
                            item.report_id, item.mention.start, item.mention.end
                        ),
                    )
                    for item in mentions
                ],
                page=page,
                per_page=per_page,
                total=entity.mention_count,
            ),
        )

    def quote_families(self, page: int = 1, per_page: int = 20) -> Paged[QuoteFamilyView]:
        families = self.store.quote_families(
            limit=per_page, offset=(page - 1) * per_page, largest_first=True
        )
        return Paged(
            items=[self._family_view(family.id, LISTED_VARIANTS) for family in families],
            page=page,
            per_page=per_page,
            total=self.store.totals().quote_families,
        )

    def quote_family(self, family_id: int) -> QuoteFamilyView:
        if self.store.quote_family(family_id) is None:
            raise NotFound(f"no quote family {family_id}")
        return self._family_view(family_id)

    def claims(
        self, status: ClaimStatus | None = None, page: int = 1, per_page: int = 50
    ) -> Paged[ClaimGroupView]:
        groups = self.store.claim_groups(
            status=status, limit=per_page, offset=(page - 1) * per_page
        )
        counts = self.store.totals().claim_groups
        total = counts.get(status, 0) if status is not None else sum(counts.values())
        views = [self._group_view(group) for group in groups]
        return Paged(items=views, page=page, per_page=per_page, total=total)

    def claim_group(self, group_id: int) -> ClaimGroupView:
        group = self.store.claim_group(group_id)
        if group is None:
            raise NotFound(f"no claim group {group_id}")
        return self._group_view(group)

    def reports(self, page: int = 1, per_page: int = 50) -> Paged[ReportRef]:
        reports = self.store.reports(limit=per_page, offset=(page - 1) * per_page)
        return Paged(
            items=[_report_ref(report) for report in reports],
            page=page,
            per_page=per_page,
            total=self.store.counts().reports,
        )

    def report(self, report_id: int, target: TextSpan | None = None) -> ReportPage:
        store = self.store
        report = self._report(report_id, details=True)
        if report is None:
            raise NotFound(f"no report {report_id}")
        mentions = list(store.mentions(report_id=report_id))
        self._remember_names({item.entity_id for item in mentions})
        quotes = list(store.quotes(report_id=report_id))
        claims = list(store.claims(report_id=report_id))
        times = list(store.times(report_id))
        events = list(store.events(report_id))
        highlights = [
            *(Highlight(item.mention.start, item.mention.end, "actor",
                        self._name(item.entity_id), item.entity_id) for item in mentions),
            *(Highlight(t.expression.start, t.expression.end, "time",
                        t.expression.value or t.expression.text) for t in times),
            *(Highlight(q.quote.start, q.quote.end, "quote", f"quote ({q.quote.kind.value})")
              for q in quotes),
            *(Highlight(c.claim.start, c.claim.end, "claim", self._summary(c)) for c in claims),
            *(Highlight(e.start, e.end, "event", f"event: {e.type}") for e in events),
        ]  # fmt: skip
        entry_ids = {event.entry_id for event in events if event.entry_id is not None}
        entries = self._entries(entry_ids)
        original = self._report(report.duplicate_of) if report.duplicate_of else None
        return ReportPage(
            report=_report_ref(report),
            url=report.url,
            origin=report.origin,
            author=report.author,
            machine_translated=report.machine_translated,
            duplicate_of=_report_ref(original) if original else None,
            story_id=store.story_of_report(report_id),
            notes=list(report.warnings),
            removed=[RemovedView(reason=line.reason, text=line.text) for line in report.removed],
            target=[target.start, target.end] if target else None,
            paragraphs=paragraphs(report.text, highlights, target),
            actors=[
                ActorCount(actor=self._actor_ref(actor), count=count)
                for actor, count in Counter(item.entity_id for item in mentions).most_common()
            ],
            quotes=[self._quote_view(quote) for quote in quotes],
            claims=[self._claim_view(claim) for claim in claims],
            times=[
                self._sentence_source(report_id, t.expression.start, t.expression.end)
                for t in times
            ],
            events=[self._timeline_item(entry) for entry in entries],
        )

    def search(self, query: str, page: int = 1, per_page: int = 20) -> SearchPage:
        results = self.store.search(query, limit=per_page, offset=(page - 1) * per_page)
        hits = []
        for hit in results.hits:
            # A quote is shown as quoted; a claim (a figure, a clause) and a report's match
            # by the sentence they sit in.
            source = (
                self._source(hit.report_id, hit.start, hit.end)
                if hit.kind is SearchKind.QUOTE
                else self._sentence_source(hit.report_id, hit.start, hit.end)
            )
            snippet = _marked_snippet(hit.snippet, hit.marks)
            hits.append(SearchHitView(kind=hit.kind.value, id=hit.id, snippet=snippet,
                                      source=source))  # fmt: skip
        return SearchPage(
            query=query,
            hits=Paged(items=hits, page=page, per_page=per_page, total=results.total),
        )

    # -- records -------------------------------------------------------------------------

    def _story_card(self, story: Story) -> StoryCard:
        return StoryCard(
            id=story.id,
            title=story.title,
            date=story.date,
            place=self._maybe_ref(story.place_entity_id),
            actors=[self._actor_ref(actor) for actor in story.actor_ids],
            reports=len(story.report_ids),
            sources=story.sources,
            storyline_id=story.storyline_id,
        )

    def _storyline(self, story: Story) -> list[Story]:
        line = None if story.storyline_id is None else self.store.storyline(story.storyline_id)
        ids = line.story_ids if line else (story.id,)
        return [other for other in map(self.store.story, ids[:STORY_ITEMS]) if other]

    def _story_report(self, report_id: int) -> StoryReport | None:
        report = self._report(report_id)
        if report is None:
            return None
        quotes = islice(self.store.quotes(report_id=report_id), STORY_ITEMS)
        claims = islice(self.store.claims(report_id=report_id), STORY_ITEMS)
        return StoryReport(
            report=_report_ref(report),
            lead=_lead(report.text),
            quotes=[self._quote_view(quote) for quote in quotes],
            claims=[self._claim_view(claim) for claim in claims],
        )

    def _story_entries(self, story: Story) -> list[TimelineEntry]:
        entry_ids = {
            event.entry_id
            for report_id in story.report_ids[:STORY_ITEMS]
            for event in self.store.events(report_id)
            if event.entry_id is not None
        }
        return self._entries(entry_ids)

    def _entries(self, entry_ids: set[int]) -> list[TimelineEntry]:
        if not entry_ids:
            return []
        entries = self.store.timeline_entries(sorted(entry_ids))
        self._remember_names(_actor_ids_of((), entries))
        return entries

    def _timeline_item(self, entry: TimelineEntry) -> TimelineItem:
        return TimelineItem(
            id=entry.id,
            date=entry.date,
            date_end=entry.date_end,
            label=format_date(entry.date, entry.date_end),
            precision=entry.precision.value,
            status=entry.status.value,
            type=entry.type,
            title=entry.title,
            actors=[self._actor_ref(actor) for actor in entry.actor_ids[:OVERVIEW_ITEMS]],
            place=self._maybe_ref(entry.place_entity_id),
            sources=entry.sources,
            evidence=[
                self._source(mention.report_id, mention.sentence.start, mention.sentence.end)
                for mention in _first_per_report(entry.evidence)[:EVIDENCE_SHOWN]
            ],
        )

    def _family_view(self, family_id: int, variants: int | None = None) -> QuoteFamilyView:
        """A family with its first ``variants`` versions (all when None)."""
        quotes = list(self.store.quotes(family_id=family_id))
        speakers = {quote.speaker_entity_id for quote in quotes} - {None}
        self._remember_names(speaker for speaker in speakers if speaker is not None)
        speaker = next(iter(speakers), None)
        reference = quotes[0].quote.text if quotes else ""
        shown = quotes[:variants] if variants is not None else quotes
        return QuoteFamilyView(
            id=family_id,
            speaker=self._actor_ref(speaker) if speaker is not None else None,
            reports=len({quote.report_id for quote in quotes}),
            versions=len(quotes),
            variants=[
                QuoteVariant(
                    quote=self._quote_view(quote),
                    tokens=runs(marked_differences(reference, quote.quote.text))
                    if index
                    else [Token(text=quote.quote.text, marked=False)],
                )
                for index, quote in enumerate(shown)
            ],
        )

    def _group_view(self, group: ClaimGroup) -> ClaimGroupView:
        claims = list(islice(self.store.claims(group_id=group.id), STORY_ITEMS))
        self._remember_names(c.subject_entity_id for c in claims if c.subject_entity_id)
        return ClaimGroupView(
            id=group.id,
            status=group.status.value,
            explanation=group.explanation,
            sources=len(group.sources),
            claims=[self._claim_view(claim) for claim in claims],
            conflicting=list(group.conflicting),
        )

    def _quote_view(self, stored: StoredQuote) -> QuoteView:
        quote = stored.quote
        speaker = stored.speaker_entity_id
        return QuoteView(
            id=stored.id,
            text=quote.text,
            kind=quote.kind.value,
            speaker=self._actor_ref(speaker) if speaker is not None else None,
            speaker_text=quote.speaker_text,
            cue=quote.cue,
            family_id=stored.family_id,
            source=self._source(stored.report_id, quote.start, quote.end),
        )

    def _claim_view(self, stored: StoredClaim) -> ClaimView:
        claim = stored.claim
        subject = stored.subject_entity_id
        return ClaimView(
            id=stored.id,
            summary=self._summary(stored),
            text=claim.text,
            kind=claim.kind.value,
            modality=claim.modality.value,
            negated=claim.negated,
            subject=self._actor_ref(subject) if subject is not None else None,
            group_id=stored.group_id,
            source=self._source(stored.report_id, claim.sentence.start, claim.sentence.end),
        )

    def _summary(self, stored: StoredClaim) -> str:
        subject = stored.subject_entity_id
        return claim_summary(stored.claim, self._name(subject) if subject is not None else None)

    def _source(self, report_id: int, start: int, end: int) -> Source:
        report = self._report(report_id)
        if report is None:
            raise NotFound(f"no report {report_id}")
        return Source(report=_report_ref(report), start=start, end=end,
                      text=report.text[start:end])  # fmt: skip

    def _sentence_source(self, report_id: int, start: int, end: int) -> Source:
        """The sentence around ``start``-``end`` (the span itself when none holds it)."""
        report = self._report(report_id, details=True)
        if report is None:
            raise NotFound(f"no report {report_id}")
        sentence = _sentence_around(report.sentences, start, end)
        return self._source(report_id, *(sentence or (start, end)))

    # -- lookups -------------------------------------------------------------------------

    def _report(self, report_id: int, details: bool = False) -> StoredReport | None:
        """A report, read once per page: bare for source links, whole when ``details``."""
        known = self._reports.get(report_id)
        whole_enough = not details or report_id in self._whole
        if report_id in self._reports and (known is None or whole_enough):
            return known
        report = self.store.report(report_id, details=details)
        self._reports[report_id] = report
        if details:
            self._whole.add(report_id)
        return report

    def _remember_names(self, entity_ids: Iterable[int]) -> None:
        unknown = [entity for entity in entity_ids if entity not in self._names]
        if unknown:
            self._names.update(self.store.entity_names(unknown))

    def _name(self, entity_id: int) -> str:
        if entity_id not in self._names:
            self._remember_names([entity_id])
        return self._names.get(entity_id, f"actor {entity_id}")

    def _actor_ref(self, entity_id: int) -> ActorRef:
        return ActorRef(id=entity_id, name=self._name(entity_id))

    def _maybe_ref(self, entity_id: int | None) -> ActorRef | None:
        return None if entity_id is None else self._actor_ref(entity_id)


def _actor_card(entity: Entity) -> ActorCard:
    return ActorCard(id=entity.id, name=entity.name, type=entity.type.value,
                     reports=entity.report_count, mentions=entity.mention_count)  # fmt: skip


def _report_ref(report: StoredReport) -> ReportRef:
    return ReportRef(
        id=report.id,
        title=report.title,
        source=report.source,
        published=_iso(report.published),
        published_inferred=report.published_inferred,
        language=report.language,
    )


def _actor_ids_of(stories: Iterable[Story], entries: Iterable[TimelineEntry]) -> set[int]:
    ids: set[int] = set()
    for story in stories:
        ids.update(story.actor_ids)
        if story.place_entity_id is not None:
            ids.add(story.place_entity_id)
    for entry in entries:
        ids.update(entry.actor_ids[:OVERVIEW_ITEMS])
        if entry.place_entity_id is not None:
            ids.add(entry.place_entity_id)
    return ids


def _sentence_around(sentences: Sequence[TextSpan], start: int, end: int) -> tuple[int, int] | None:
    index = bisect.bisect_right([sentence.start for sentence in sentences], start) - 1
    if 0 <= index < len(sentences) and sentences[index].end >= end:
        return sentences[index].start, sentences[index].end
    return None


def _first_per_report(evidence: Sequence[EventMention]) -> list[EventMention]:
    seen: set[int] = set()
    firsts = []
    for mention in evidence:
        if mention.report_id not in seen:
            seen.add(mention.report_id)
            firsts.append(mention)
    return firsts


def _marked_snippet(snippet: str, marks: Sequence[tuple[int, int]]) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    for start, end in sorted(marks):
        if start < position:
            continue
        if start > position:
            tokens.append(Token(text=snippet[position:start], marked=False))
        tokens.append(Token(text=snippet[start:end], marked=True))
        position = end
    if position < len(snippet):
        tokens.append(Token(text=snippet[position:], marked=False))
    return tokens


def _lead(text: str) -> str:
    if len(text) <= LEAD_CHARS:
        return text
    return text[:LEAD_CHARS].rsplit(" ", 1)[0] + " …"


def _iso(day: object) -> str | None:
    return None if day is None else str(day)


def _today_prefix() -> str:
    return dt.date.today().isoformat()
