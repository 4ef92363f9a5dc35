"""Ingest: turn paths, folders, globs and URLs into decoded ``RawPage`` records."""

from sitrep.ingest.sources import iter_pages

__all__ = ["iter_pages"]
