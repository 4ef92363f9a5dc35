"""JSON and JSONL inputs: each object with a ``text`` field is one report."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from sitrep.errors import InputError, MalformedRecord
from sitrep.models import PageFormat, PageHints, RawPage

_HINT_FIELDS = ("title", "url", "source", "author", "published")


def parse_records(text: str, origin: str) -> Iterator[RawPage | InputError]:
    """Reports from a JSON document (an object or an array of them) or JSON Lines.

    Each record becomes its own page named ``origin#N`` (N counts from 1: the item
    of an array, the line of a JSON Lines file), so one bad line is reported on its
    own and the others still go in. A lone object keeps the file's name. A broken
    document is one error, not one per line.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        if text.lstrip().startswith("[") or not _is_json_lines(text):
            yield MalformedRecord(origin, f"not valid JSON: {error}")
            return
        yield from _parse_lines(text, origin)
        return
    if not isinstance(document, list):
        yield _page_from(document, origin)
        return
    if not document:
        yield MalformedRecord(origin, "the JSON array holds no records")
    for number, item in enumerate(document, start=1):
        yield _page_from(item, f"{origin}#{number}")


def _parse_lines(text: str, origin: str) -> Iterator[RawPage | InputError]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield MalformedRecord(
                f"{origin}#{number}", f"not valid JSON: {error.msg} (column {error.colno})"
            )
            continue
        yield _page_from(item, f"{origin}#{number}")


def _is_json_lines(text: str) -> bool:
    """Whether any line is a JSON object on its own, as every line of JSON Lines is.

    No line of a pretty-printed object (``{``, ``"title": "...",``) is one.
    """
    for line in text.split("\n"):
        if line.lstrip().startswith("{"):
            try:
                if isinstance(json.loads(line), dict):
                    return True
            except json.JSONDecodeError:
                continue
    return False


def _page_from(item: Any, origin: str) -> RawPage | InputError:
    if not isinstance(item, dict):
        return MalformedRecord(origin, "a record must be a JSON object with a 'text' field")
    body = item.get("text")
    if not isinstance(body, str) or not body.strip():
        return MalformedRecord(origin, "the record has no 'text' (or it is empty)")
    hints = {name: _as_text(item.get(name)) for name in _HINT_FIELDS}
    warnings: tuple[str, ...] = ()
    if hints["url"] is not None and not _parses_as_url(hints["url"]):
        # Left in, it stopped the whole batch where the outlet is read from the host.
        warnings = (f"the record's url {hints['url']!r} is not a valid URL; left out",)
        hints["url"] = None
    return RawPage(
        origin=origin,
        text=body,
        format=PageFormat.RECORD,
        hints=PageHints(**hints),
        warnings=warnings,
    )


def _parses_as_url(text: str) -> bool:
    """Whether ``text`` splits as a URL: IPv6 brackets closed, the port a port."""
    try:
        _ = urlsplit(text).port  # reading the port checks it
    except ValueError:
        return False
    return True


def _as_text(value: Any) -> str | None:
    """A field as text, or None when it holds none.

    Strings and numbers as written; ``{"name": ...}`` (how news APIs give the outlet)
    by its name; a list of names joined; anything else is absent rather than a Python
    repr in the dossier.
    """
    if isinstance(value, dict):
        value = value.get("name")
    elif isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        value = ", ".join(item.strip() for item in value if item.strip())
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = str(value).strip()
    return text or None
