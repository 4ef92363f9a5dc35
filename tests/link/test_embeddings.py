"""The sentence model: loaded only when needed, in batches; and, with the real model,
the same remark in other words and languages joins one family while others stay apart."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pytest
from tests.conftest import quoted_report

from sitrep.link import embeddings
from sitrep.link.embeddings import E5Embedder, max_cosine
from sitrep.store.sqlite import SQLiteStore


class FakeModel:
    def __init__(self) -> None:
        self.batches: list[int] = []

    def passage(self, texts: Sequence[str]) -> np.ndarray:
        self.batches.append(len(texts))
        vectors = np.zeros((len(texts), 4), dtype=np.float32)
        vectors[:, 0] = 1.0
        return vectors


def test_embeddings_model_loads_only_when_something_is_embedded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse() -> object:
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(embeddings, "_e5_model", refuse)
    embedder = E5Embedder()
    assert embedder.embed([]).shape[0] == 0


def test_embeddings_are_made_in_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    model = FakeModel()
    monkeypatch.setattr(embeddings, "_e5_model", lambda: model)
    vectors = E5Embedder(batch_size=4).embed([f"sentence {n}" for n in range(10)])
    assert vectors.shape == (10, 4)
    assert vectors.dtype == np.float32
    assert model.batches == [4, 4, 2]


def test_embeddings_max_cosine_takes_the_closest_pair() -> None:
    first = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    second = np.array([[0.6, 0.8]], dtype=np.float32)
    assert max_cosine(first, second) == pytest.approx(0.8)
    assert max_cosine(first, np.zeros((0, 2), dtype=np.float32)) == 0.0


# The real model (multilingual-e5-small, 4-bit), on sentences written for this test.

ENGLISH = "The ferry to the island will not sail again until the harbour wall is repaired."
RUSSIAN = "Паром на остров не выйдет в море, пока не отремонтируют стену гавани."
GERMAN = "Die Fähre zur Insel wird erst wieder fahren, wenn die Hafenmauer repariert ist."
REPORTED = "the island ferry would stay in port until the harbour wall had been repaired"
OTHER = "Fares on the island ferry will go up in the spring to pay for a new engine."
OTHER_RUSSIAN = "Весной цены на билеты на паром вырастут, чтобы оплатить новый двигатель."
UNRELATED = "The school choir won the regional competition for the third year running."


@pytest.mark.slow
def test_embeddings_real_model_vectors_are_normalised() -> None:
    vectors = E5Embedder(batch_size=2).embed([ENGLISH, RUSSIAN, UNRELATED])
    assert vectors.shape == (3, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    together = E5Embedder().embed([ENGLISH, RUSSIAN, UNRELATED])
    assert np.allclose(vectors, together, atol=1e-3)  # batching changes nothing
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


@pytest.mark.slow
def test_embeddings_real_model_builds_families() -> None:
    day = dt.date(2025, 9, 1)
    reports = [
        ("harbour-en.txt", ENGLISH, "en", 0),
        ("harbour-ru.txt", RUSSIAN, "ru", 1),
        ("fares-en.txt", OTHER, "en", 2),
        ("harbour-de.txt", GERMAN, "de", 3),
        ("harbour-reported.txt", REPORTED, "en", 4),
        ("fares-ru.txt", OTHER_RUSSIAN, "ru", 5),
        ("choir.txt", UNRELATED, "en", 6),
    ]
    with SQLiteStore.open(":memory:", embedder=E5Embedder()) as store:
        for origin, remark, language, days in reports:
            report = quoted_report(
                origin, "Mira Castell", [remark], published=day + dt.timedelta(days=days),
                language=language,
            )  # fmt: skip
            store.add_report(report, None, None)
        text = {stored.id: stored.quote.text for stored in store.quotes()}
        found = sorted(
            (sorted(text[i] for i in family.quote_ids) for family in store.quote_families()),
            key=len,
            reverse=True,
        )
    assert found == [sorted([ENGLISH, RUSSIAN, GERMAN, REPORTED]), sorted([OTHER, OTHER_RUSSIAN])]
