"""Remote inputs: fetch http(s) URLs with timeouts, a size cap and limited redirects.

The HTTP transport and the DNS resolver are injected so tests hand in
``httpx.MockTransport`` and a dictionary rather than touching the network.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from sitrep.errors import FetchFailed, OversizedInput
from sitrep.ingest.addresses import Resolver, refusal_reason, resolve_addresses
from sitrep.ingest.files import human_size, oversized_reason
from sitrep.models import PageFormat

_DEADLINE_FACTOR = 3  # the whole body may take three per-read timeouts, no more
USER_AGENT = "sitrep/0.1 (+https://pypi.org/project/sitrep/)"


def is_url(argument: str) -> bool:
    return argument[:8].lower().startswith(("http://", "https://"))


class _Refused(Exception):
    """A request hop to a private address, stopped before it was sent."""

    def __init__(self, reason: str, hop_url: httpx.URL) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hop_url = hop_url


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # after redirects
    data: bytes
    format: PageFormat
    declared_encoding: str | None


class Fetcher:
    """Fetches pages over one connection pool; use as a context manager.

    Args:
        timeout_s: per connect and per read; the whole body gets three of these.
        max_redirects: redirects followed before a URL is given up.
        max_bytes: bodies larger than this are refused, not truncated.
        transport: the HTTP transport (``httpx.MockTransport`` in tests).
        allow_private: fetch loopback, private, link-local and other non-public
            addresses too. True for the command line, whose user may well mean their
            intranet; False where the URL comes from someone else (the web app).
        resolve: a host's addresses, checked when ``allow_private`` is False;
            ``socket.getaddrinfo`` by default, a fake in tests.
    """

    def __init__(
        self,
        timeout_s: float,
        max_redirects: int,
        max_bytes: int,
        transport: httpx.BaseTransport | None = None,
        *,
        allow_private: bool = True,
        resolve: Resolver | None = None,
    ) -> None:
        self._max_bytes = max_bytes
        self._resolve = resolve or resolve_addresses
        # httpx calls "request" hooks before every hop, redirects included, so a
        # public page that redirects to http://127.0.0.1/ is stopped at that hop.
        #
        # The limit, honestly: the check resolves the name, then httpx resolves it
        # again to connect. A DNS server that answers a public address to us and a
        # private one a moment later (DNS rebinding, TTL 0) slips through that gap.
        # Closing it means connecting to the very address checked (a custom
        # transport pinning it); until then this refuses the plain cases: literal
        # addresses, "localhost", names that resolve privately, redirects to them.
        # Behind an HTTP proxy (httpx honours HTTP(S)_PROXY) the proxy resolves the
        # name itself, and the check is only as good as that agreement.
        hooks: dict[str, list[Callable[[httpx.Request], None]]]
        hooks = {} if allow_private else {"request": [self._refuse_private]}
        # httpx's timeout bounds each connect and read; a server that trickles a byte
        # just inside it could hold a fetch forever, so the whole body has a deadline.
        self._deadline_s = timeout_s * _DEADLINE_FACTOR
        self._client = httpx.Client(
            timeout=timeout_s,
            follow_redirects=True,
            max_redirects=max_redirects,
            headers={"User-Agent": USER_AGENT},
            transport=transport,
            event_hooks=hooks,
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
        except _Refused as refused:
            redirected = refused.hop_url != httpx.URL(url)
            hop = f"; reached by a redirect to {refused.hop_url}" if redirected else ""
            raise FetchFailed(url, refused.reason + hop) from refused
        except httpx.TooManyRedirects as error:
            raise FetchFailed(url, "too many redirects") from error
        except httpx.TimeoutException as error:
            raise FetchFailed(url, "timed out; the site may be slow or down") from error
        except httpx.HTTPError as error:
            raise FetchFailed(url, f"cannot be fetched: {error}") from error
        except (httpx.InvalidURL, ValueError) as error:  # IDNA errors are ValueErrors too
            raise FetchFailed(url, f"not a valid URL: {error}") from error

    def _refuse_private(self, request: httpx.Request) -> None:
        # raw_host is the ASCII (IDNA) form the resolver takes, without IPv6 brackets.
        host = request.url.raw_host.decode("ascii")
        if (reason := refusal_reason(host, self._resolve)) is not None:
            raise _Refused(reason, request.url)

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
