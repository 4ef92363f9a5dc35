"""Adding reports from the app: uploaded files and pasted URLs through the same pipeline
as ``sitrep ingest``, one batch at a time, each report in its own transaction."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from sitrep.errors import InputError, UnreadableInput
from sitrep.ingest import iter_pages
from sitrep.ingest.sources import pages_from_bytes
from sitrep.ingest.urls import is_url
from sitrep.models import IngestOutcome, RawPage
from sitrep.serve.config import ServeConfig
from sitrep.serve.security import safe_upload_name
from sitrep.serve.stores import StorePool

if TYPE_CHECKING:
    from sitrep.pipeline import Pipeline

Upload = tuple[str | None, bytes]  # the file name the browser sent, and the bytes


class Ingester:
    """Runs uploads and URLs through the pipeline, loaded on first use (spaCy takes
    seconds to load; a read-only session never pays for it)."""

    def __init__(self, config: ServeConfig, pool: StorePool) -> None:
        self._config = config
        self._pool = pool
        self._pipeline_lock = threading.Lock()
        self._pipeline: Pipeline | None = None

    def ingest(self, uploads: Iterable[Upload], urls: Iterable[str]) -> list[IngestOutcome]:
        pipeline = self._loaded()
        outcomes: list[IngestOutcome] = []
        with self._pool.writer() as store:
            pipeline.ingest(self._pages(uploads, urls), store, outcomes.append)
        return outcomes

    def _pages(
        self, uploads: Iterable[Upload], urls: Iterable[str]
    ) -> Iterator[RawPage | InputError]:
        for name, data in uploads:
            yield from pages_from_bytes(data, f"upload:{safe_upload_name(name)}")
        wanted = [url.strip() for url in urls if url.strip()]
        for url in wanted:
            if not is_url(url):
                yield UnreadableInput(url, "not an http(s) URL")
        settings = replace(
            self._config.settings, allow_private_urls=self._config.allow_private_urls
        )
        yield from iter_pages([url for url in wanted if is_url(url)], settings)

    def _loaded(self) -> Pipeline:
        from sitrep.pipeline import Pipeline  # loads spaCy: only when a write comes

        with self._pipeline_lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(self._config.settings)
            return self._pipeline
