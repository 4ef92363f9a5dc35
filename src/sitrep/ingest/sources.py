"""From command-line arguments to decoded pages, one failure at a time.

``iter_pages`` never raises for a bad input: it yields the ``InputError`` in the
input's place so the batch goes on and the summary can name it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from sitrep.config import Settings
from sitrep.errors import InputError, UnreadableInput
from sitrep.ingest.decode import decode_bytes
from sitrep.ingest.files import expand_path, format_of, read_file
from sitrep.ingest.records import parse_records
from sitrep.ingest.urls import Fetcher, is_url
from sitrep.models import PageFormat, PageHints, RawPage

_JSON_OPENING = re.compile(r"[\[{][ \t]*(?:[\"{\[\]}]|\n)")
_HTML_TAG = re.compile(r"<(?:!doctype html|html|head|body|article|meta|title|div|p)\b")


def iter_pages(
    arguments: Iterable[str], settings: Settings, fetcher: Fetcher | None = None
) -> Iterator[RawPage | InputError]:
    """Every report the arguments name, or the error that kept it out.

    Args:
        arguments: paths, folders, globs and http(s) URLs, as typed.
        settings: the input cap and fetch limits.
        fetcher: fetches URLs; one is made from the settings (limits and
            ``allow_private_urls``) when URLs are given. One handed in keeps its own.
    """
    owned_fetcher: Fetcher | None = None
    seen: set[Path] = set()  # a file named twice (by two globs, or a link) is read once
    # The store itself (sitrep.db in the working folder by default) is no report: a
    # folder or glob that takes it in (`sitrep ingest .`) passes it by.
    store_files = _store_files(settings)
    try:
        for argument in arguments:
            if is_url(argument):
                if fetcher is None:
                    owned_fetcher = fetcher = Fetcher(
                        settings.fetch_timeout_s,
                        settings.max_redirects,
                        settings.max_input_bytes,
                        allow_private=settings.allow_private_urls,
                    )
                yield from _pages_from_url(argument, fetcher)
                continue
            for path in expand_path(argument):
                if isinstance(path, InputError):
                    yield path
                elif (real := path.resolve()) in store_files:
                    if Path(argument).resolve() == real:
                        yield UnreadableInput(argument, "this is the store itself (--db)")
                elif real not in seen:
                    seen.add(real)
                    yield from _pages_from_file(path, settings.max_input_bytes)
    finally:
        if owned_fetcher is not None:
            owned_fetcher.__exit__()


def _store_files(settings: Settings) -> frozenset[Path]:
    """The SQLite file of the store and the journal files beside it."""
    if settings.db_path is None:
        return frozenset()
    database = settings.db_path.resolve()
    journals = (database.with_name(database.name + end) for end in ("-wal", "-shm", "-journal"))
    return frozenset({database, *journals})


def _pages_from_file(path: Path, max_bytes: int) -> Iterator[RawPage | InputError]:
    try:
        data = read_file(path, max_bytes)
    except InputError as error:
        yield error
        return
    yield from pages_from_bytes(data, str(path))


def pages_from_bytes(data: bytes, origin: str) -> Iterator[RawPage | InputError]:
    """The reports in one file's bytes (an upload, a file read): a page, or each record of
    a JSON or JSON-lines file; ``origin`` names it and its suffix says its format."""
    try:
        decoded = decode_bytes(data, origin)
    except InputError as error:
        yield error
        return
    page_format = format_of(Path(origin)) or sniff_format(decoded.text)
    warnings = _encoding_warnings(decoded.encoding)
    encoding = None if not warnings else decoded.encoding
    if page_format is PageFormat.RECORD:
        for page in parse_records(decoded.text, origin):
            if isinstance(page, RawPage):
                yield replace(page, encoding=encoding, warnings=(*warnings, *page.warnings))
            else:
                yield page
        return
    yield RawPage(origin, decoded.text, page_format, encoding, PageHints(), warnings)


def _pages_from_url(url: str, fetcher: Fetcher) -> Iterator[RawPage | InputError]:
    try:
        fetched = fetcher.fetch(url)
        decoded = decode_bytes(fetched.data, url, fetched.declared_encoding)
    except InputError as error:
        yield error
        return
    warnings = _encoding_warnings(decoded.encoding)
    encoding = None if not warnings else decoded.encoding
    if fetched.format is PageFormat.RECORD:
        for page in parse_records(decoded.text, url):
            yield page if isinstance(page, InputError) else RawPage(
                page.origin, page.text, page.format, encoding,
                PageHints(page.hints.title, page.hints.url or fetched.url, page.hints.source,
                          page.hints.author, page.hints.published),
                (*warnings, *page.warnings),
            )  # fmt: skip
        return
    yield RawPage(url, decoded.text, fetched.format, encoding, PageHints(url=fetched.url), warnings)


def sniff_format(text: str) -> PageFormat:
    """The format of a file whose suffix says nothing (``.txt``, none, ``.php``).

    A page is HTML when it opens with markup and an HTML tag comes early, even after
    an XML declaration or the "saved from url" comment browsers put first. Records
    are recognised by how JSON opens (``{"``, ``[{``, a bracket alone on its line),
    not by the bracket alone: a report may well open with "[Updated]".
    """
    stripped = text.lstrip()
    head = stripped[:1024].lower()
    if (head.startswith("<") and _HTML_TAG.search(head)) or "<body" in head:
        return PageFormat.HTML
    if _JSON_OPENING.match(stripped):
        return PageFormat.RECORD
    return PageFormat.TEXT


def _encoding_warnings(encoding: str) -> tuple[str, ...]:
    if encoding in {"utf-8", "utf-8-sig"}:
        return ()
    return (f"decoded as {encoding} (not UTF-8)",)
