"""The public surface is small and pinned: adding to it is a decision, not an accident."""

from __future__ import annotations

import sitrep


def test_exported_members_are_pinned() -> None:
    assert sorted(sitrep.__all__) == [
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


def test_exported_members_all_resolve() -> None:
    for name in sitrep.__all__:
        assert getattr(sitrep, name) is not None, name
