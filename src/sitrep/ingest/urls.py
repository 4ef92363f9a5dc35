"""Remote inputs: fetch http(s) URLs with timeouts, a size cap and limited redirects.

The HTTP transport is injected so tests hand in ``httpx.MockTransport`` rather than
touching the network.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from sitrep.errors import FetchFailed, OversizedInput
from sitrep.ingest.files import human_size, oversized_reason
from sitrep.models import PageFormat

_DEADLINE_FACTOR = 3  # the whole body may take three per-read timeouts, no more
USER_AGENT = "sitrep/0.1 (+https://pypi.org/project/sitrep/)"


def is_url(argument: str) -> bool:
    return argument[:8].lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # after redirects
    data: bytes
    format: PageFormat
    declared_encoding: str | None


class Fetcher:
    """Fetches pages over one connection pool; use as a context manager."""

    def __init__(
        self,
        timeout_s: float,
        max_redirects: int,
        max_bytes: int,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._max_bytes = max_bytes
        # httpx's timeout bounds each connect and read; a server that trickles a byte
        # just inside it could hold a fetch forever, so the whole body has a deadline.
        self._deadline_s = timeout_s * _DEADLINE_FACTOR
        self._client = httpx.Client(
            timeout=timeout_s,
            follow_redirects=True,
            max_redirects=max_redirects,
            headers={"User-Agent": USER_AGENT},
            transport=transport,
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._client.close()

    def fetch(self, url: str) -> FetchedPage:
        """The body of ``url``; raises ``FetchFailed`` or ``OversizedInput`` naming it."""
        try:
            with self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    status = f"{response.status_code} {response.reason_phrase}".strip()
                    raise FetchFailed(url, f"the server answered HTTP {status}")
                data = self._read_capped(response, url)
                content_type = response.headers.get("content-type", "")
                return FetchedPage(
                    url=str(response.url),
                    data=data,
                    format=_format_of(content_type),
                    declared_encoding=response.charset_encoding,
                )
        except httpx.TooManyRedirects as error:
            raise FetchFailed(url, "too many redirects") from error
        except httpx.TimeoutException as error:
            raise FetchFailed(url, "timed out; the site may be slow or down") from error
        except httpx.HTTPError as error:
            raise FetchFailed(url, f"cannot be fetched: {error}") from error
        except (httpx.InvalidURL, ValueError) as error:  # IDNA errors are ValueErrors too
            raise FetchFailed(url, f"not a valid URL: {error}") from error

    def _read_capped(self, response: httpx.Response, url: str) -> bytes:
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self._max_bytes:
            raise OversizedInput(
                url, oversized_reason(f"the page ({human_size(int(declared))})", self._max_bytes)
            )
        chunks: list[bytes] = []
        received = 0
        started = time.monotonic()
        for chunk in response.iter_bytes():
            if time.monotonic() - started > self._deadline_s:
                raise FetchFailed(
                    url, f"the page took over {self._deadline_s:.0f} s to arrive; giving up"
                )
            received += len(chunk)
            if received > self._max_bytes:  # no length declared, or a false one
                raise OversizedInput(url, oversized_reason("the page", self._max_bytes))
            chunks.append(chunk)
        return b"".join(chunks)


def _format_of(content_type: str) -> PageFormat:
    media_type = content_type.split(";")[0].strip().lower()
    if media_type in {"application/json", "application/x-ndjson", "application/jsonl"}:
        return PageFormat.RECORD
    if media_type == "text/markdown":
        return PageFormat.MARKDOWN
    if media_type == "text/plain":
        return PageFormat.TEXT
    return PageFormat.HTML
