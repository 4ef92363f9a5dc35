"""Fixtures shared by the whole suite.

Inputs that are not ours (../shared/seeds, ../shared/data) are read in place and
their tests skip cleanly when the folder is absent; nothing of them is copied here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from sitrep.clean.fingerprint import content_hash, fingerprint
from sitrep.config import Settings
from sitrep.link.embeddings import Embeddings
from sitrep.models import (
    Annotation,
    CleanReport,
    EntityType,
    LocalEntity,
    Mention,
    PageFormat,
    ProcessedReport,
    PublicationDate,
    Quote,
    QuoteKind,
    TextSpan,
)
from sitrep.store.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the clone, as CI has it; SITREP_SHARED points elsewhere.
SHARED = Path(os.environ.get("SITREP_SHARED") or REPO.parent / "shared")
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five real sample reports; the test is skipped when they are not beside the repo."""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent")
    return SEEDS


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"{DATA} is absent")
    return DATA


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


def hold_floors(
    floors: Path, data_dir: Path, evaluate: Callable[[Path, str], Mapping[str, Any]]
) -> None:
    """The quality gate: every figure ``floors`` names is at least its floor.

    ``floors`` is a JSON file naming the data set under ``data_dir`` (``data``), the
    split to score (``split``) and the floors (``floors``); ``evaluate(corpus, split)``
    returns the figures under ``overall``. Skipped when the data set is absent.
    """
    gate = json.loads(floors.read_text(encoding="utf-8"))
    corpus = data_dir / gate["data"]
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent")
    figures = evaluate(corpus, gate["split"])["overall"]
    below = {
        name: (round(figures[name], 4), floor)
        for name, floor in gate["floors"].items()
        if figures[name] < floor
    }
    assert not below, f"below the floor (measured, floor): {below}"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "sitrep.db"))


@pytest.fixture
def memory_store() -> Iterator[SQLiteStore]:
    """An empty store in memory whose sentence model is a fake: no model loads."""
    store = SQLiteStore.open(":memory:", embedder=FakeEmbedder())
    yield store
    store.close()


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """The real pipeline with the real spaCy model, loaded once for the session (slow)."""
    from sitrep.pipeline import Pipeline

    return Pipeline(Settings(db=":memory:"))


class FakeEmbedder:
    """Sentence vectors from a table of meanings, counting every text it embeds.

    Sentences given one meaning score a cosine of 0.95 (the same remark, translated);
    any two other sentences 0.85 (another remark on the topic), as multilingual-e5
    scores them; a sentence with itself 1.0.
    """

    name = "fake"
    _SHARED, _MEANING, _OWN = 0.85, 0.10, 0.05  # squared weights: they add up to 1

    def __init__(self, meanings: Mapping[str, str] | None = None) -> None:
        self.meanings = dict(meanings or {})
        self.calls: list[list[str]] = []
        self._axes: dict[str, int] = {"": 0}

    @property
    def embedded(self) -> list[str]:
        return [text for call in self.calls for text in call]

    def embed(self, texts: Sequence[str]) -> Embeddings:
        self.calls.append(list(texts))
        vectors = np.zeros((len(texts), 256), dtype=np.float32)
        for row, text in enumerate(texts):
            vectors[row, 0] = self._SHARED**0.5
            vectors[row, self._axis("meaning:" + self.meanings.get(text, text))] = (
                self._MEANING**0.5
            )
            vectors[row, self._axis("text:" + text)] = self._OWN**0.5
        return vectors

    def _axis(self, key: str) -> int:
        return self._axes.setdefault(key, len(self._axes))


LEAD = "Remarks reported from"  # how a ``quoted_report`` begins


def quoted_report(
    origin: str,
    speaker: str,
    remarks: Sequence[str],
    *,
    published: dt.date | None,
    language: str | None = "en",
    source: str | None = None,
    kind: QuoteKind = QuoteKind.DIRECT,
) -> ProcessedReport:
    """A report in which ``speaker`` (one actor) says each remark, quoted directly.

    Built by hand as the extractor would leave it: one mention of the speaker per
    remark, the speaker bound to the report's only actor, offsets into the text.
    """
    text, mentions, quotes = f"{LEAD} {origin}", [], []
    for remark in remarks:
        text += "\n\n"
        mentions.append(Mention(len(text), len(text) + len(speaker), speaker, EntityType.PERSON))
        text += f"{speaker} said: “"
        quotes.append(
            Quote(
                len(text), len(text) + len(remark), remark, kind, "said",
                mentions[-1].end + 1, mentions[-1].end + 5, speaker,
                mentions[-1].start, mentions[-1].end, 0,
            )
        )  # fmt: skip
        text += f"{remark}”"
    clean = CleanReport(
        origin=origin, format=PageFormat.TEXT, text=text, title=None, url=None, source=source,
        author=None, published=published, published_text=None, language=language,
        machine_translated=False, removed=(), content_hash=content_hash(text),
    )  # fmt: skip
    entity = LocalEntity(speaker, EntityType.PERSON, (speaker,), tuple(range(len(mentions))))
    return ProcessedReport(
        clean=clean,
        annotation=Annotation("test", (TextSpan(0, len(text)),), ()),
        publication=PublicationDate(published, inferred=False, window=None),
        fingerprint=fingerprint(text),
        mentions=tuple(mentions),
        entities=(entity,) if mentions else (),
        quotes=tuple(quotes),
    )


def with_quote(processed: ProcessedReport, speaker: str, remark: str) -> ProcessedReport:
    """``processed`` with one more actor, ``speaker``, who says ``remark`` (found in its text)."""
    start = processed.clean.text.find(remark)
    assert start >= 0, remark
    mention = Mention(0, len(speaker), speaker, EntityType.PERSON)
    entity = LocalEntity(speaker, EntityType.PERSON, (speaker,), (len(processed.mentions),))
    quote = Quote(start, start + len(remark), remark, QuoteKind.INDIRECT, "said",
                  speaker_text=speaker, speaker_entity=len(processed.entities))  # fmt: skip
    return dataclasses.replace(
        processed,
        mentions=(*processed.mentions, mention),
        entities=(*processed.entities, entity),
        quotes=(*processed.quotes, quote),
    )


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()
