"""Quotes in the store: read back, found by speaker, joined into families across reports.

Reports are built by hand (``quoted_report``) and compared with a fake embedder
whose table of meanings says which sentences are one remark in other words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from tests.conftest import LEAD, FakeEmbedder, quoted_report

from sitrep.link.embeddings import Embeddings
from sitrep.models import QuoteKind
from sitrep.store import open_store
from sitrep.store import sqlite_quotes as quotes_backend
from sitrep.store.sqlite import SQLiteStore

DAY = dt.date(2025, 3, 10)
SPEAKER = "Lena Varga"
# One remark, as three outlets carried it: in English, in Russian, in French.
ENGLISH = "The water treatment plant will be running again before the end of the month."
RUSSIAN = "Станция очистки воды снова заработает до конца месяца."
FRENCH = "La station de traitement de l'eau fonctionnera de nouveau avant la fin du mois."
# Another remark of hers on the same topic.
OTHER_REMARK = "Engineers found the main pump flooded when they arrived on Friday."
ONE_REMARK = {ENGLISH: "plant", RUSSIAN: "plant", FRENCH: "plant"}


def quote_calls(embedder: FakeEmbedder) -> list[list[str]]:
    """The embedder's calls for quotes: stories embed each report's lead too."""
    return [call for call in embedder.calls if not call[0].startswith(LEAD)]


def quote_texts(embedder: FakeEmbedder) -> list[str]:
    return [text for call in quote_calls(embedder) for text in call]


@pytest.fixture
def embedder() -> FakeEmbedder:
    return FakeEmbedder(ONE_REMARK)


@pytest.fixture
def store(embedder: FakeEmbedder) -> Iterator[SQLiteStore]:
    opened = SQLiteStore.open(":memory:", embedder=embedder)
    yield opened
    opened.close()


def add(store: SQLiteStore, origin: str, *remarks: str, **options: object) -> int:
    options = {"published": DAY, "speaker": SPEAKER, **options}
    speaker = str(options.pop("speaker"))
    return store.add_report(quoted_report(origin, speaker, remarks, **options), None, None)  # type: ignore[arg-type]


def families(store: SQLiteStore) -> list[set[str]]:
    """Each family as the set of its quotes' texts."""
    text = {stored.id: stored.quote.text for stored in store.quotes()}
    return [{text[quote_id] for quote_id in family.quote_ids} for family in store.quote_families()]


def test_quotes_read_back_with_their_speaker(store: SQLiteStore) -> None:
    report = quoted_report("a.txt", SPEAKER, [ENGLISH, OTHER_REMARK], published=DAY)
    report_id = store.add_report(report, None, None)
    stored = list(store.quotes(report_id))
    [speaker] = [entity.id for entity in store.entities()]
    expected_quotes = [dataclasses.replace(quote, speaker_entity=None) for quote in report.quotes]
    assert [item.quote for item in stored] == expected_quotes
    assert {item.speaker_entity_id for item in stored} == {speaker}
    assert {item.report_id for item in stored} == {report_id}
    assert [item.family_id for item in stored] == [None, None]
    text = report.clean.text
    assert all(text[q.start : q.end] == q.text for q in report.quotes)  # the helper's premise


def test_quotes_of_one_report_or_all(store: SQLiteStore) -> None:
    first = add(store, "a.txt", ENGLISH)
    second = add(store, "b.txt", OTHER_REMARK, speaker="Tomas Reyes")
    assert [q.report_id for q in store.quotes()] == [first, second]
    assert [q.quote.text for q in store.quotes(second)] == [OTHER_REMARK]
    assert list(store.quotes(12345)) == []


@pytest.mark.parametrize(
    "name", ["Lena Varga", "lena varga", "LENA VARGA", "Varga", "Варга", "Lena Warga"]
)
def test_quotes_found_by_speaker_name_or_alias(store: SQLiteStore, name: str) -> None:
    add(store, "a.txt", ENGLISH)
    add(store, "b.txt", OTHER_REMARK, speaker="Varga")  # a bare surname: the same actor
    add(store, "c.txt", FRENCH, speaker="Tomas Reyes")
    found = [q.quote.text for q in store.quotes(speaker=name)]
    assert found == [ENGLISH, OTHER_REMARK]


def test_quotes_by_an_unknown_speaker(store: SQLiteStore) -> None:
    add(store, "a.txt", ENGLISH)
    assert list(store.quotes(speaker="Nobody Known")) == []


def test_quotes_without_a_speaker_are_kept_without_family(store: SQLiteStore) -> None:
    report = quoted_report("a.txt", SPEAKER, [ENGLISH], published=DAY)
    unattributed = dataclasses.replace(report.quotes[0], speaker_entity=None)
    store.add_report(dataclasses.replace(report, quotes=(unattributed,)), None, None)
    add(store, "b.txt", ENGLISH)
    [first, second] = store.quotes()
    assert (first.speaker_entity_id, first.family_id, second.family_id) == (None, None, None)


# Families.


def test_families_join_three_translations_within_a_week(
    store: SQLiteStore, embedder: FakeEmbedder
) -> None:
    add(store, "wire-en.txt", ENGLISH, source="Harbour Wire")
    add(store, "daily-ru.txt", RUSSIAN, published=DAY + dt.timedelta(days=2), language="ru")
    add(store, "matin-fr.txt", FRENCH, published=DAY - dt.timedelta(days=4), language="fr")
    assert families(store) == [{ENGLISH, RUSSIAN, FRENCH}]
    [family] = store.quote_families()
    [speaker] = [entity.id for entity in store.entities()]
    assert family.speaker_entity_id == speaker
    assert [q.family_id for q in store.quotes()] == [family.id] * 3
    assert sorted(quote_texts(embedder)) == sorted([ENGLISH, RUSSIAN, FRENCH])  # each once


def test_families_keep_another_remark_apart(store: SQLiteStore) -> None:
    add(store, "a.txt", ENGLISH)
    add(store, "b.txt", OTHER_REMARK, language="fr")  # the fake model: cosine 0.85
    add(store, "c.txt", RUSSIAN, language="ru")
    assert families(store) == [{ENGLISH, RUSSIAN}]


def test_families_need_the_same_speaker(store: SQLiteStore, embedder: FakeEmbedder) -> None:
    add(store, "a.txt", ENGLISH)
    add(store, "b.txt", ENGLISH, speaker="Tomas Reyes")
    add(store, "c.txt", RUSSIAN, speaker="Tomas Reyes", language="ru")
    assert families(store) == [{ENGLISH, RUSSIAN}]
    [family] = store.quote_families()
    assert {q.speaker_entity_id for q in store.quotes() if q.family_id == family.id} == {
        family.speaker_entity_id
    }
    assert [q.family_id for q in store.quotes(speaker=SPEAKER)] == [None]


def test_families_need_reports_within_a_week(store: SQLiteStore, embedder: FakeEmbedder) -> None:
    add(store, "a.txt", ENGLISH)
    add(store, "b.txt", RUSSIAN, published=DAY + dt.timedelta(days=365), language="ru")
    add(store, "c.txt", FRENCH, published=DAY - dt.timedelta(days=8), language="fr")
    assert families(store) == []
    assert quote_calls(embedder) == []  # nothing to compare, nothing embedded


def test_families_of_an_undated_report(store: SQLiteStore) -> None:
    add(store, "a.txt", ENGLISH, published=DAY - dt.timedelta(days=300))
    add(store, "b.txt", RUSSIAN, published=None, language="ru")  # compared with any date
    add(store, "c.txt", FRENCH, language="fr")  # an undated quote is in every window
    assert families(store) == [{ENGLISH, RUSSIAN, FRENCH}]


def test_families_never_within_one_report(store: SQLiteStore) -> None:
    add(store, "a.txt", ENGLISH, ENGLISH)
    assert families(store) == []


def test_families_of_the_same_words_need_no_model(
    store: SQLiteStore, embedder: FakeEmbedder
) -> None:
    add(store, "a.txt", ENGLISH)
    add(store, "b.txt", ENGLISH.upper())  # a syndicated copy
    shorter = "will be running again before the end of the month"
    add(store, "c.txt", shorter, kind=QuoteKind.PARTIAL)  # a shorter extent
    assert families(store) == [{ENGLISH, ENGLISH.upper(), shorter}]
    assert quote_calls(embedder) == []


def test_families_embed_each_quote_once_and_only_when_compared(
    store: SQLiteStore, embedder: FakeEmbedder
) -> None:
    """Adding a report embeds its own quotes and, at most, candidates not embedded yet."""
    crews = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"]
    remarks = [f"The {crew} crew restored the pumping station on the river bank." for crew in crews]
    embedder.meanings.update(dict.fromkeys(remarks, "crews"))
    add(store, "r0.txt", remarks[0], language="xx")
    assert quote_calls(embedder) == []  # no candidate: nothing embedded
    for number, remark in enumerate(remarks[1:], start=1):
        before = len(quote_texts(embedder))
        add(store, f"r{number}.txt", remark, language=f"l{number}")
        embedded = quote_texts(embedder)[before:]
        assert remark in embedded
        assert len(embedded) <= (2 if number == 1 else 1), embedded
    assert sorted(quote_texts(embedder)) == sorted(remarks)  # each quote embedded exactly once
    assert len(quote_calls(embedder)) == len(remarks) - 1  # one batch per report
    assert families(store) == [set(remarks)]


def test_families_embeddings_of_another_model_are_made_again(tmp_path: Path) -> None:
    path = str(tmp_path / "s.db")
    with SQLiteStore.open(path, embedder=FakeEmbedder(ONE_REMARK)) as store:
        add(store, "a.txt", ENGLISH)
        add(store, "b.txt", RUSSIAN, language="ru")
    other = FakeEmbedder(ONE_REMARK)
    other.name = "another model"
    with SQLiteStore.open(path, embedder=other) as store:
        add(store, "c.txt", FRENCH, language="fr")
        assert families(store) == [{ENGLISH, RUSSIAN, FRENCH}]
    assert sorted(quote_texts(other)) == sorted([ENGLISH, RUSSIAN, FRENCH])


def test_families_candidates_are_capped(
    store: SQLiteStore, embedder: FakeEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quotes_backend, "MAX_UNDATED_CANDIDATES", 2)
    add(store, "old.txt", ENGLISH, published=None)
    for number in range(3):
        add(store, f"other{number}.txt", f"{OTHER_REMARK} Round {number} of the work.")
    add(store, "new.txt", RUSSIAN, published=None, language="ru")
    assert families(store) == []  # the match lies beyond the two most recent candidates
    assert ENGLISH not in quote_texts(embedder)


def test_families_ignore_quotes_too_short_to_compare(store: SQLiteStore) -> None:
    add(store, "a.txt", "collective help")
    add(store, "b.txt", "коллективную помощь", language="ru")
    add(store, "c.txt", "collective help")
    assert families(store) == [{"collective help"}]


def test_families_in_a_store_reopened(tmp_path: Path) -> None:
    path = str(tmp_path / "s.db")
    with SQLiteStore.open(path, embedder=FakeEmbedder(ONE_REMARK)) as store:
        add(store, "a.txt", ENGLISH)
    embedder = FakeEmbedder(ONE_REMARK)
    with open_store(path, embedder) as store:
        assert isinstance(store, SQLiteStore)
        add(store, "b.txt", RUSSIAN, language="ru")
        assert families(store) == [{ENGLISH, RUSSIAN}]


# All or nothing.


class BrokenEmbedder(FakeEmbedder):
    """Fails when asked to compare quotes (a report's lead, for its story, still works)."""

    def embed(self, texts: Sequence[str]) -> Embeddings:
        if all(text.startswith(LEAD) for text in texts):
            return super().embed(texts)
        raise RuntimeError("the model is gone")


def _counts(store: SQLiteStore) -> dict[str, int]:
    connection: sqlite3.Connection = store._connection
    return {
        table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("reports", "mentions", "quotes", "quote_families")
    }


def test_quotes_a_failed_comparison_leaves_nothing_of_the_report() -> None:
    with SQLiteStore.open(":memory:", embedder=BrokenEmbedder(ONE_REMARK)) as store:
        add(store, "a.txt", ENGLISH)
        before = _counts(store)
        with pytest.raises(RuntimeError, match="the model is gone"):
            add(store, "b.txt", RUSSIAN, language="ru")
        assert _counts(store) == before
        assert [q.quote.text for q in store.quotes()] == [ENGLISH]
