"""What every page takes: its reader over the store, and the query values it parses."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request

from sitrep.models import TextSpan
from sitrep.report.html import WebLinks
from sitrep.report.views import Reader
from sitrep.serve.stores import StorePool

MAX_PER_PAGE = 200
LINKS = WebLinks()

PageNumber = Annotated[int, Query(ge=1, description="1-based page number")]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE)]
PageParam = Annotated[int, Query(alias="page", ge=1)]


def reader(request: Request) -> Reader:
    """A page's reader over this thread's connection."""
    pool: StorePool = request.app.state.pool
    return Reader(pool.reader())


ReaderDep = Annotated[Reader, Depends(reader)]


def blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def span_param(value: str | None) -> TextSpan | None:
    """``"120-180"`` as a span; anything else is no span (a bad link still opens the page)."""
    if not value:
        return None
    start, _, end = value.partition("-")
    if not (start.isdigit() and end.isdigit()) or int(end) <= int(start):
        return None
    return TextSpan(int(start), int(end))


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"
