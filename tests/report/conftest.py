"""Reports built by hand and stored in memory: the dossier tests need no spaCy."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from sitrep.clean.fingerprint import content_hash, fingerprint
from sitrep.config import Settings
from sitrep.link.duplicates import find_near_duplicate
from sitrep.models import (
    Annotation,
    CleanReport,
    DateWindow,
    PageFormat,
    ProcessedReport,
    PublicationDate,
    QuoteKind,
    RemovedLine,
    TextSpan,
)
from sitrep.store.sqlite import SQLiteStore
from tests.conftest import FakeEmbedder, quoted_report

GENERATED_AT = dt.datetime(2025, 6, 2, 9, 15, 30, tzinfo=dt.UTC)

_BODY = (
    "The passenger ferry between Port Aldern and Kessel Island will resume daily crossings "
    "next week, the regional transport authority said on Tuesday.\n\n"
    "The service was suspended in February 2025 after a storm damaged the island's only "
    "pier. Repairs began in April 2025. A second vessel will join the route in 2026."
)
FERRY_TEXT = "Ferry link to Kessel Island to reopen after storm repairs\n\n" + _BODY
COPY_TEXT = "Kessel ferry to return after pier repairs\n\n" + _BODY
MINISTRY_TITLE = "Ministry: “no change” | island subsidies"
MINISTRY_TEXT = (
    MINISTRY_TITLE + "\n\nМинистерство транспорта заявило 3 июня 2025 года, что субсидии "
    "на островные маршруты сохранятся на нынешнем уровне. «Изменений не будет», — "
    "сказал представитель министерства."
)
COPY_URL = "https://islandpost.example/news/kessel-ferry"
MINISTRY_URL = "https://news.example.org/2025/06/03/субсидии"


def processed_report(
    text: str,
    *,
    origin: str,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    author: str | None = None,
    published: dt.date | None = None,
    window: DateWindow | None = None,
    language: str | None = "en",
    machine_translated: bool = False,
    removed: tuple[RemovedLine, ...] = (),
    page_format: PageFormat = PageFormat.TEXT,
    encoding: str | None = None,
) -> ProcessedReport:
    """A report as the per-report stages would leave it; a window makes the date inferred."""
    clean = CleanReport(
        origin=origin,
        format=page_format,
        text=text,
        title=title,
        url=url,
        source=source,
        author=author,
        published=None if window else published,
        published_text=None if window or published is None else published.isoformat(),
        language=language,
        machine_translated=machine_translated,
        removed=removed,
        content_hash=content_hash(text),
        encoding=encoding,
    )
    paragraphs = tuple(TextSpan(start, start + len(part)) for start, part in _paragraphs(text))
    annotation = Annotation(model="sentencizer", sentences=paragraphs, tokens=())
    publication = PublicationDate(
        value=window.earliest if window else published, inferred=window is not None, window=window
    )
    return ProcessedReport(clean, annotation, publication, fingerprint(text))


def store_report(store: SQLiteStore, processed: ProcessedReport) -> int:
    """Store a report the way the pipeline does, linking it to a near-duplicate if any."""
    settings = Settings()
    near = find_near_duplicate(
        processed.fingerprint,
        store.duplicate_candidates(processed.fingerprint.band_keys),
        settings.near_duplicate_threshold,
        settings.near_duplicate_containment,
    )
    return store.add_report(
        processed, near.canonical_id if near else None, near.similarity if near else None
    )


def _paragraphs(text: str) -> list[tuple[int, str]]:
    found, start = [], 0
    for part in text.split("\n\n"):
        found.append((start, part))
        start += len(part) + 2
    return found


@pytest.fixture
def dossier_store(memory_store: SQLiteStore) -> SQLiteStore:
    """Four reports: inferred date, a near-duplicate fetched from a URL, Russian, open window."""
    reports: list[dict[str, Any]] = [
        {
            "text": FERRY_TEXT,
            "origin": "reports/kessel-ferry.txt",
            "title": "Ferry link to Kessel Island to reopen after storm repairs",
            "source": "Northbay Courier",
            "author": "Marta Lindqvist",
            "window": DateWindow(dt.date(2025, 4, 1), dt.date(2026, 12, 31)),
            "removed": (
                RemovedLine(0, 20, "Skip to main content", "navigation"),
                RemovedLine(79, 97, "By Marta Lindqvist", "byline"),
            ),
        },
        {
            "text": COPY_TEXT,
            "origin": COPY_URL,
            "url": COPY_URL,
            "title": "Kessel ferry to return after pier repairs",
            "source": "Island Post",
            "published": dt.date(2025, 5, 13),
            "page_format": PageFormat.HTML,
        },
        {
            "text": MINISTRY_TEXT,
            "origin": "feeds/ministry.jsonl#3",
            "url": MINISTRY_URL,
            "title": MINISTRY_TITLE,
            "source": "Example Wire",
            "published": dt.date(2025, 6, 3),
            "language": "ru",
            "machine_translated": True,
            "page_format": PageFormat.RECORD,
        },
        {
            "text": "Port Aldern harbour works\n\nThe harbour dredging will finish by "
            "the end of 2027, officials said.",
            "origin": "reports/dredging.txt",
            "title": "Port Aldern harbour works",
            "window": DateWindow(None, dt.date(2027, 12, 31)),
            "language": None,
            "encoding": "cp1251",
        },
    ]
    for report in reports:
        store_report(memory_store, processed_report(**report))
    return memory_store


# One remark in three languages by one speaker, another remark of hers, and a quote
# whose speaker the report does not name.
REMARK_EN = "The night trains to the coast will run again from the first of June."
REMARK_RU = "Ночные поезда к побережью снова пойдут с первого июня."
REMARK_FR = "Les trains de nuit vers la côte circuleront de nouveau à partir du premier juin."
OTHER_REMARK = "Ticket prices on the coastal line are set by the regions, not by us."
QUOTE_SPEAKER = "Ines Dalca"


@pytest.fixture
def quoted_store() -> Iterator[SQLiteStore]:
    """Four reports: one family of three quotes, a lone quote, and an unattributed one."""
    meanings = dict.fromkeys((REMARK_EN, REMARK_RU, REMARK_FR), "night trains")
    store = SQLiteStore.open(":memory:", embedder=FakeEmbedder(meanings))
    day = dt.date(2025, 5, 20)
    reports = [
        quoted_report("rail-en.txt", QUOTE_SPEAKER, [REMARK_EN, OTHER_REMARK], published=day,
                      source="Coast Herald"),
        quoted_report("rail-ru.txt", QUOTE_SPEAKER, [REMARK_RU], published=day, language="ru",
                      source="Vestnik"),
        quoted_report("rail-fr.txt", QUOTE_SPEAKER, [REMARK_FR], language="fr",
                      published=day + dt.timedelta(days=1), kind=QuoteKind.INDIRECT),
    ]  # fmt: skip
    unattributed = quoted_report("rumour.txt", "Somebody", ["Nothing is decided yet."],
                                 published=day)  # fmt: skip
    reports.append(
        dataclasses.replace(
            unattributed,
            quotes=tuple(
                dataclasses.replace(quote, speaker_entity=None, speaker_text="an official")
                for quote in unattributed.quotes
            ),
        )
    )
    for report in reports:
        store_report(store, report)
    yield store
    store.close()
