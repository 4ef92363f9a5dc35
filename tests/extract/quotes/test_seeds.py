"""Quotes in the five seed reports: every quotation a careful reader sees, with its
speaker, and the outlets' versions of Putin's Sochi remarks grouped into families.

Reads ../shared/seeds in place (skipped when absent); only a few words of each quote
are written here to find it, never the reports' text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.ingest import iter_pages
from sitrep.models import QuoteKind, StoredQuote
from sitrep.store.sqlite import SQLiteStore

pytestmark = [pytest.mark.seeds, pytest.mark.slow]

DIRECT, INDIRECT, PARTIAL = QuoteKind.DIRECT, QuoteKind.INDIRECT, QuoteKind.PARTIAL

# (seed, words the quote holds, the speaker's stored name holds, kind)
QUOTES = [
    ("000", "perfect the algorithms of practical actions", "Putin", PARTIAL),
    ("000", "Improving the military capabilities", "Putin", DIRECT),
    ("000", "We must not be caught off guard", "Putin", DIRECT),
    ("000", "additional collective assistance", "Putin", PARTIAL),
    ("000", "any outside military action would be", "Putin", PARTIAL),
    ("000", "cells active in that country", "Putin", DIRECT),
    ("000", "the terrorist threat from its southern neighbor", "Rakhmon", INDIRECT),
    ("001", "It is imperative that a likely degradation", "Lavrov", DIRECT),
    ("001", "pass from words to deeds", "Lavrov", INDIRECT),
    ("001", "This will naturally not run counter", "Grozin", DIRECT),
    ("001", "guarded by a 16,000-man strong CSTO force", "Rakhmon", INDIRECT),
    ("001", "Dushanbe needed no reinforcements", "Rakhmon", INDIRECT),
    ("001", "should not catch us off guard", "Putin", DIRECT),
    ("002", "cannot turn a blind eye", "Putin", DIRECT),
    ("002", "armed groups operating on the territory", "Putin", DIRECT),
    ("002", "We are concerned over the situation in Syria", "Lavrov", DIRECT),
    ("002", "member states are unanimous", "Putin", DIRECT),
    ("003", "The Allies express concern", "Kharitonova", DIRECT),
    ("003", "Recent visits have demonstrated", "Kharitonova", INDIRECT),
    ("003", "Most of the tasks of strengthening the border", "Nessar", INDIRECT),
    ("003", "there is no question of introducing", "Nessar", INDIRECT),
    ("003", "the situation on the border is stable", "Nessar", INDIRECT),
    ("003", "Some of them have joined forces", "Mendkovich", DIRECT),
    ("003", "The CSTO is concerned about the growing threats", "Collective Security", INDIRECT),
    ("004", "It is planned to discuss issues", "Kremlin", DIRECT),
    ("004", "Western partners are persistently raising", "Putin", DIRECT),
    ("004", "the radical movement has no plans", "Shaheen", INDIRECT),
    ("004", "all necessary collective measures", "Zas", PARTIAL),
    ("004", "needs continuous foreign support", "Zas", INDIRECT),
]

# Each family by words of its quotes, one per outlet that reported the remark.
FAMILIES = [
    {"We must not be caught off guard", "should not catch us off guard"},
    {"cells active in that country", "not emerged out of nowhere", "armed groups operating"},
    {"any outside military action", "member states are unanimous"},
]


@pytest.fixture(scope="module")
def stored(seeds_dir: Path, pipeline) -> Iterator[tuple[SQLiteStore, dict[int, str]]]:  # type: ignore[no-untyped-def]
    store = SQLiteStore.open(":memory:")
    pages = iter_pages([str(path) for path in sorted(seeds_dir.iterdir())], pipeline.settings)
    summary = pipeline.ingest(pages, store)
    assert summary.ingested == 5
    seeds = {report.id: Path(report.origin).name[:3] for report in store.reports()}
    yield store, seeds
    store.close()


def _find(quotes: list[StoredQuote], seeds: dict[int, str], seed: str, words: str) -> StoredQuote:
    found = [q for q in quotes if seeds[q.report_id] == seed and words in q.quote.text]
    assert found, f"{seed}: no quote holds {words!r}"
    return found[0]


@pytest.mark.parametrize(("seed", "words", "speaker", "kind"), QUOTES)
def test_seed_quotes_have_their_speaker(
    stored: tuple[SQLiteStore, dict[int, str]], seed: str, words: str, speaker: str, kind: QuoteKind
) -> None:
    store, seeds = stored
    quote = _find(list(store.quotes()), seeds, seed, words)
    names = {entity.id: entity.name for entity in store.entities()}
    assert quote.quote.kind is kind
    assert quote.speaker_entity_id is not None, quote.quote.speaker_text
    assert speaker in names[quote.speaker_entity_id]


def test_names_in_quotation_marks_are_not_quotes(
    stored: tuple[SQLiteStore, dict[int, str]],
) -> None:
    store, _ = stored
    assert all(q.quote.text.strip('"') != "Channel" for q in store.quotes())


def test_the_outlets_versions_of_one_remark_are_one_family(
    stored: tuple[SQLiteStore, dict[int, str]],
) -> None:
    store, _ = stored
    quotes = list(store.quotes())
    families = {
        family.id: {q.quote.text for q in quotes if q.id in family.quote_ids}
        for family in store.quote_families()
    }
    for expected in FAMILIES:
        holding = {
            family_id
            for family_id, texts in families.items()
            for words in expected
            if any(words in text for text in texts)
        }
        assert len(holding) == 1, f"{expected} spread over families {holding}"
    assert len(families) == len(FAMILIES)
