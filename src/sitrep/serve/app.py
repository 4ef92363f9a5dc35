"""The web app: every page of the dossier as HTML and, under ``/api``, as JSON, both
served by the same ``Reader`` query; adding reports when a write token is set.

Who may do what:
- reads need nothing on loopback; beyond it (``token_for_reads``) every request needs
  the token, as a bearer header or the cookie that ``?token=`` sets;
- writes need the write token itself, in the form or a bearer header (never a cookie, so
  another site cannot make a visitor's browser post reports);
- every answer carries the security headers (a strict Content-Security-Policy).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from importlib import resources
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from sitrep.report.views import NotFound
from sitrep.serve.api import api_router
from sitrep.serve.config import ServeConfig
from sitrep.serve.guards import BodyLimit, guard, not_found
from sitrep.serve.ingest import Ingester
from sitrep.serve.pages import page_router
from sitrep.serve.stores import StoreOpener, StorePool
from sitrep.store import open_store


def create_app(config: ServeConfig, open_reader: StoreOpener | None = None) -> FastAPI:
    """The app over ``config``'s store; ``open_reader`` opens a store (tests pass one with a
    stand-in embedder), by default the configured one."""
    opener = open_reader or (lambda: open_store(config.settings.db))
    pool = StorePool(opener)
    ingester = Ingester(config, pool)
    app = FastAPI(
        lifespan=_lifespan(pool),
        title="sitrep",
        summary="A sourced situation report over a store of news reports.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.config = config
    app.state.pool = pool

    app.include_router(api_router(ingester, config), prefix="/api")
    app.include_router(page_router(ingester, config))
    static = resources.files("sitrep.report").joinpath("static")
    app.mount("/static", StaticFiles(directory=Path(str(static))), name="static")
    app.add_exception_handler(NotFound, not_found)
    app.middleware("http")(guard(config))
    app.add_middleware(BodyLimit, max_bytes=config.max_upload_bytes)
    return app


# Page handlers are synchronous and run in a thread pool, one store connection per thread.
# The GIL runs their Python one at a time anyway, so a few threads serve as fast as
# anyio's default 40, and each keeps a warm SQLite page cache instead of forty cold ones.
READER_THREADS = 4


def _lifespan(pool: StorePool) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = READER_THREADS
        yield
        pool.close()

    return lifespan
