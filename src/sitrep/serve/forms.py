"""Writes from the app: the ingest form read within the caps, and who may send it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from sitrep.errors import OversizedInput
from sitrep.models import IngestOutcome
from sitrep.serve.config import ServeConfig
from sitrep.serve.ingest import Ingester, Upload
from sitrep.serve.security import (
    bearer_token,
    read_capped,
    tokens_match,
)


@dataclass(frozen=True, slots=True)
class IngestForm:
    token: str | None
    uploads: list[Upload]
    urls: list[str]
    error: str | None = None  # a file over the cap: nothing of the form is ingested


async def read_ingest_form(request: Request, config: ServeConfig) -> IngestForm:
    """The token, uploads and URLs of an ingest form, each file read within the cap."""
    form = await request.form(max_files=100, max_fields=20)
    try:
        token = _text(form.get("token")) or bearer_token(request.headers.get("authorization"))
        urls = (_text(form.get("urls")) or "").splitlines()
        uploads: list[Upload] = []
        for item in form.getlist("files"):
            if isinstance(item, str) or not item.filename:
                continue
            chunks = [chunk async for chunk in _chunks(item, config.settings.max_input_bytes)]
            uploads.append((item.filename, read_capped(chunks, config.settings.max_input_bytes,
                                                       item.filename)))  # fmt: skip
    except OversizedInput as error:
        return IngestForm(token, [], [], f"{error.origin}: {error.reason}")
    finally:
        await form.close()
    return IngestForm(token, uploads, urls)


async def _chunks(upload: UploadFile, max_bytes: int, size: int = 1 << 16) -> AsyncIterator[bytes]:
    """An upload's bytes in chunks, stopping one chunk past ``max_bytes`` (enough for the
    cap to see it is over)."""
    read = 0
    while chunk := await upload.read(size):
        yield chunk
        read += len(chunk)
        if read > max_bytes:
            return


async def run_ingest(
    ingester: Ingester, uploads: list[Upload], urls: list[str]
) -> list[IngestOutcome]:

    return await run_in_threadpool(ingester.ingest, uploads, urls)


def outcome_record(outcome: IngestOutcome) -> dict[str, Any]:
    return {"origin": outcome.origin, "status": outcome.status.value,
            "report_id": outcome.report_id, "message": outcome.message}  # fmt: skip


def may_write(config: ServeConfig, token: str | None) -> bool:
    return config.write_token is not None and tokens_match(token, config.write_token)


def write_refusal(config: ServeConfig) -> str:
    if not config.writes:
        return (
            "adding reports is off: start sitrep serve with --write-token (or SITREP_WRITE_TOKEN)"
        )
    return "the write token is missing or wrong"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
