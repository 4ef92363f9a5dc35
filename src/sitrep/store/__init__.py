"""Store: the only code that speaks SQL. One module per backend, one contract.

``open_store`` picks the backend from the location: a path or ``sqlite:///...``
opens SQLite (the default, embedded); ``postgresql://...`` names the PostgreSQL
backend, which will be another module implementing the same ``Store`` protocol.
"""

from __future__ import annotations

from sitrep.errors import StoreError
from sitrep.link.embeddings import SentenceEmbedder
from sitrep.store.base import ReportCounts, Store
from sitrep.store.sqlite import SQLiteStore

__all__ = ["ReportCounts", "Store", "open_store"]


def open_store(location: str, embedder: SentenceEmbedder | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``location``.

    ``embedder`` compares quotes for quote families (default: multilingual-e5-small,
    loaded when first needed); tests pass a fake.
    """
    if location.startswith(("postgresql://", "postgres://")):
        raise StoreError(
            f"{location}: the PostgreSQL backend is not part of this release yet; "
            "use a SQLite path (the default, sitrep.db) for now"
        )
    if "://" in location and not location.startswith("sqlite://"):
        raise StoreError(f"{location}: unknown store; give a file path or sqlite:///PATH")
    path = location.removeprefix("sqlite:///").removeprefix("sqlite://")
    return SQLiteStore.open(path, embedder)
