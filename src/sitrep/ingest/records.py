"""JSON and JSONL inputs: each object with a ``text`` field is one report."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sitrep.errors import InputError, MalformedRecord
from sitrep.models import PageFormat, PageHints, RawPage

_HINT_FIELDS = ("title", "url", "source", "author", "published")


def parse_records(text: str, origin: str) -> Iterator[RawPage | InputError]:
    """Reports from a JSON document (an object or an array of them) or JSON Lines.

    Each record becomes its own page named ``origin#N`` (N counts from 1), so one bad
    line is reported on its own and the others still go in.
    """
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as error:
            yield MalformedRecord(origin, f"not valid JSON: {error}")
            return
        for number, item in enumerate(items, start=1):
            yield _page_from(item, f"{origin}#{number}")
        return
    if stripped.startswith("{") and _is_single_document(text):
        yield _page_from(json.loads(text), origin)
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield MalformedRecord(f"{origin}#{number}", f"not valid JSON: {error.msg}")
            continue
        yield _page_from(item, f"{origin}#{number}")


def _is_single_document(text: str) -> bool:
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return False
    return True


def _page_from(item: Any, origin: str) -> RawPage | InputError:
    if not isinstance(item, dict):
        return MalformedRecord(origin, "a record must be a JSON object with a 'text' field")
    body = item.get("text")
    if not isinstance(body, str) or not body.strip():
        return MalformedRecord(origin, "the record has no 'text' (or it is empty)")
    hints = {name: _as_text(item.get(name)) for name in _HINT_FIELDS}
    return RawPage(origin=origin, text=body, format=PageFormat.RECORD, hints=PageHints(**hints))


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
