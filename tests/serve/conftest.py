"""A store of the examples plus one hostile report, and the app over it, in process."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from tests.conftest import FakeEmbedder

from sitrep.config import Settings
from sitrep.ingest import iter_pages
from sitrep.serve.app import create_app
from sitrep.serve.config import ServeConfig
from sitrep.store.sqlite import SQLiteStore

# A plain-text report whose words are markup: the pages must show them, never run them.
HOSTILE_TITLE = '<script>alert("title")</script> Border talks resume'
HOSTILE = f"""{HOSTILE_TITLE}

Dushanbe, 3 March 2025. Border officials met again on Monday <script>alert(1)</script> to
discuss the river crossings. "We will keep the posts open <img src=x onerror=alert(2)>,"
the deputy minister said.
"""


@pytest.fixture(scope="session")
def served_db(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Path:
    folder = tmp_path_factory.mktemp("served")
    hostile = folder / "hostile-markup.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    files = [str(p) for p in sorted(examples_dir.iterdir()) if not p.name.startswith(".")]
    path = folder / "examples.db"
    # The real sentence model: whether three outlets' versions of one remark meet is shown.
    with SQLiteStore.open(str(path)) as store:
        assert pipeline.ingest(iter_pages([*files, str(hostile)], Settings()), store).failed == 0
    return path


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


AppFactory = Callable[..., FastAPI]


@pytest.fixture
def make_app(served_db: Path) -> AppFactory:
    """The app over the served store, configured as a test needs."""

    def make(**config: Any) -> FastAPI:
        settings = config.pop("settings", Settings(db=str(served_db)))
        return create_app(
            ServeConfig(settings=settings, **config),
            open_reader=lambda: SQLiteStore.open(settings.db, embedder=FakeEmbedder()),
        )

    return make


@pytest.fixture
async def client(make_app: AppFactory) -> AsyncIterator[httpx.AsyncClient]:
    async with _client(make_app()) as reading:
        yield reading


def _client(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1")


client_for = _client
