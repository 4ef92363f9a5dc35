"""sitrep: turn a pile of news reports into a sourced situation report (dossier).

The public surface, for use from Python::

    from sitrep import Pipeline, Settings, iter_pages, open_store

    settings = Settings(db="cases.db")
    with open_store(settings.db) as store:  # doctest: +SKIP
        summary = Pipeline(settings).ingest(iter_pages(["reports/"], settings), store)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sitrep.config import Settings
from sitrep.errors import InputError, SitrepError, StoreError
from sitrep.ingest import iter_pages
from sitrep.store import Store, open_store

if TYPE_CHECKING:
    from sitrep.pipeline import IngestSummary, Pipeline

__version__ = "0.1.0"

__all__ = [
    "IngestSummary",
    "InputError",
    "Pipeline",
    "Settings",
    "SitrepError",
    "Store",
    "StoreError",
    "__version__",
    "iter_pages",
    "open_store",
]


def __getattr__(name: str) -> Any:
    # The pipeline imports spaCy; load it only for the callers that need it, so that
    # `sitrep export` and friends start in a blink.
    if name in {"Pipeline", "IngestSummary"}:
        from sitrep import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'sitrep' has no attribute {name!r}")
