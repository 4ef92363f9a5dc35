"""One store connection per server thread for reads, and one writer at a time.

SQLite in WAL mode lets many readers run beside one writer, but a connection must not
be used by two threads at once: FastAPI runs page handlers in a thread pool, so each
thread opens its own, once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sitrep.store import Store

StoreOpener = Callable[[], Store]


class StorePool:
    def __init__(self, open_store: StoreOpener) -> None:
        self._open = open_store
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()

    def reader(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._open()
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """A connection of its own for one batch of ingestion, one batch at a time."""
        with self._write_lock:
            store = self._open()
            try:
                yield store
            finally:
                store.close()

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()
