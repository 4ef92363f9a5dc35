"""Fixtures shared by the whole suite.

Inputs that are not ours (../shared/seeds, ../shared/data) are read in place and
their tests skip cleanly when the folder is absent; nothing of them is copied here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from sitrep.config import Settings
from sitrep.store import open_store
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
    store = open_store("sqlite:///:memory:")
    assert isinstance(store, SQLiteStore)
    yield store
    store.close()


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """The real pipeline with the real spaCy model, loaded once for the session (slow)."""
    from sitrep.pipeline import Pipeline

    return Pipeline(Settings(db=":memory:"))
