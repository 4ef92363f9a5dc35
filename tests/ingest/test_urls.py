"""Remote inputs through an injected ``httpx.MockTransport``: no test touches the network."""

from __future__ import annotations

import gzip
import json
import socket
import time
from collections.abc import Callable, Iterator

import httpx
import pytest

from sitrep.config import Settings
from sitrep.errors import FetchFailed, InputError, OversizedInput
from sitrep.ingest import iter_pages
from sitrep.ingest.urls import USER_AGENT, Fetcher, is_url
from sitrep.models import PageFormat, RawPage

ARTICLE = (
    "<html><head><title>Bridge closed</title></head><body><article><h1>Bridge closed</h1>"
    "<p>Residents of the river town said the bridge had been closed since Tuesday.</p>"
    "</article></body></html>"
)
CAP = 4096
Handler = Callable[[httpx.Request], httpx.Response]


def _fetcher(handler: Handler, max_redirects: int = 5, max_bytes: int = CAP) -> Fetcher:
    return Fetcher(
        timeout_s=5.0,
        max_redirects=max_redirects,
        max_bytes=max_bytes,
        transport=httpx.MockTransport(handler),
    )


def _refusal(handler: Handler, url: str, expected: type[InputError], **limits: int) -> InputError:
    """The error fetching ``url`` raises, checked to be of the ``expected`` class."""
    with _fetcher(handler, **limits) as fetcher, pytest.raises(expected) as caught:
        fetcher.fetch(url)
    return caught.value


def _redirects(hops: int) -> Handler:
    """/0 redirects to /1, ... /hops serves the article."""

    def handler(request: httpx.Request) -> httpx.Response:
        step = int(request.url.path.strip("/"))
        if step < hops:
            return httpx.Response(302, headers={"Location": f"/{step + 1}"})
        return httpx.Response(200, html=ARTICLE)

    return handler


def test_urls_fetch_an_html_page() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, html=ARTICLE)

    with _fetcher(handler) as fetcher:
        page = fetcher.fetch("https://example.org/news/bridge")
    assert page.url == "https://example.org/news/bridge"
    assert page.data == ARTICLE.encode()
    assert page.format is PageFormat.HTML
    assert page.declared_encoding == "utf-8"
    assert seen[0].headers["User-Agent"] == USER_AGENT


@pytest.mark.parametrize("hops", [1, 3, 5])
def test_urls_follow_redirects_within_the_limit(hops: int) -> None:
    with _fetcher(_redirects(hops), max_redirects=5) as fetcher:
        page = fetcher.fetch("https://example.org/0")
    assert page.url == f"https://example.org/{hops}"
    assert page.data == ARTICLE.encode()


@pytest.mark.parametrize(
    ("handler", "max_redirects"),
    [
        pytest.param(_redirects(6), 5, id="chain-one-too-long"),
        pytest.param(_redirects(1), 0, id="none-allowed"),
        pytest.param(
            lambda request: httpx.Response(301, headers={"Location": str(request.url)}),
            5,
            id="loop",
        ),
    ],
)
def test_urls_give_up_after_too_many_redirects(handler: Handler, max_redirects: int) -> None:
    error = _refusal(handler, "https://example.org/0", FetchFailed, max_redirects=max_redirects)
    assert error.origin == "https://example.org/0"  # the URL as given
    assert error.reason == "too many redirects"


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (404, "the server answered HTTP 404 Not Found"),
        (403, "the server answered HTTP 403 Forbidden"),
        (410, "the server answered HTTP 410 Gone"),
        (500, "the server answered HTTP 500 Internal Server Error"),
        (503, "the server answered HTTP 503 Service Unavailable"),
    ],
)
def test_urls_error_status(status: int, reason: str) -> None:
    def handler(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, html="<p>Oops</p>")

    error = _refusal(handler, "https://example.org/gone", FetchFailed)
    assert error.origin == "https://example.org/gone"
    assert error.reason == reason


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        pytest.param(httpx.ReadTimeout, "timed out", id="read-timeout"),
        pytest.param(httpx.ConnectTimeout, "timed out", id="connect-timeout"),
        pytest.param(httpx.ConnectError, "cannot be fetched: refused", id="unreachable"),
        pytest.param(httpx.RemoteProtocolError, "cannot be fetched: refused", id="protocol"),
    ],
)
def test_urls_network_failure(error: type[httpx.TransportError], reason: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error("refused", request=request)

    refusal = _refusal(handler, "https://example.org/slow", FetchFailed)
    assert refusal.origin == "https://example.org/slow"
    assert refusal.reason.startswith(reason)


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1/news",  # an unclosed IPv6 bracket
        "http://xn--a.example/news",  # a punycode label that decodes to nothing valid
        "http://exam\x00ple.org/news",
    ],
)
def test_urls_malformed_url_is_an_input_error(url: str) -> None:
    # These raised httpx.InvalidURL or an IDNA ValueError, which ended the whole batch.
    error = _refusal(lambda _request: httpx.Response(200, html=ARTICLE), url, FetchFailed)
    assert error.origin == url
    assert error.reason.startswith("not a valid URL")


def test_urls_refuse_a_declared_length_over_the_cap() -> None:
    body = b"x" * (CAP + 1)
    error = _refusal(
        lambda _request: httpx.Response(200, content=body),
        "https://example.org/big",
        OversizedInput,
    )
    assert error.origin == "https://example.org/big"
    assert error.reason.startswith("the page (4.0 KB) is over the 4.0 KB cap")


def test_urls_stop_reading_a_stream_over_the_cap() -> None:
    sent = 0

    def endless() -> Iterator[bytes]:
        nonlocal sent
        while True:
            sent += 1024
            yield b"<p>" + b"x" * 1017 + b"</p>"

    error = _refusal(
        lambda _request: httpx.Response(200, content=endless()),
        "https://example.org/endless",
        OversizedInput,
    )
    assert error.reason.startswith("the page is over the 4.0 KB cap")
    assert sent <= CAP + 1024  # stopped at the cap, not at the end of the stream


def test_urls_cap_counts_decompressed_bytes() -> None:
    # 40 KB of zeros gzip to a few hundred bytes: the declared length is no guide.
    body = gzip.compress(b"0" * (10 * CAP))
    response = httpx.Response(200, content=body, headers={"Content-Encoding": "gzip"})
    assert len(body) < CAP
    _refusal(lambda _request: response, "https://example.org/bomb", OversizedInput)


@pytest.mark.parametrize(
    ("content_type", "expected_format", "expected_charset"),
    [
        ("text/html; charset=windows-1251", PageFormat.HTML, "windows-1251"),
        ("text/html", PageFormat.HTML, None),
        ("application/xhtml+xml", PageFormat.HTML, None),
        ("application/json", PageFormat.RECORD, None),
        ("application/x-ndjson", PageFormat.RECORD, None),
        ("text/plain; charset=utf-8", PageFormat.TEXT, "utf-8"),
        ("text/markdown", PageFormat.MARKDOWN, None),
        ("", PageFormat.HTML, None),
    ],
)
def test_urls_content_type(
    content_type: str, expected_format: PageFormat, expected_charset: str | None
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    response = httpx.Response(200, content=b"Bridge closed", headers=headers)
    with _fetcher(lambda _request: response) as fetcher:
        page = fetcher.fetch("https://example.org/a")
    assert page.format is expected_format
    assert page.declared_encoding == expected_charset


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        ("https://example.org/a", True),
        ("http://example.org/a", True),
        ("HTTPS://EXAMPLE.ORG/A", True),
        ("ftp://example.org/a", False),
        ("example.org/a", False),
        ("reports/http-notes.txt", False),
    ],
)
def test_urls_is_url(argument: str, expected: bool) -> None:
    assert is_url(argument) is expected


# Through iter_pages, as the CLI uses them.


def _pages(arguments: list[str], handler: Handler) -> list[RawPage | InputError]:
    settings = Settings(db=":memory:", max_input_bytes=CAP)
    with _fetcher(handler) as fetcher:
        return list(iter_pages(arguments, settings, fetcher))


def test_urls_charset_from_the_header_decodes_the_page() -> None:
    # Too short for detection to tell Windows-1251 from KOI8-R: the header decides.
    html = "<html><body><p>Митинг прошёл</p></body></html>"
    response = httpx.Response(
        200, content=html.encode("cp1251"), headers={"Content-Type": "text/html; charset=cp1251"}
    )
    [page] = _pages(["https://example.org/ru/1"], lambda _request: response)
    assert isinstance(page, RawPage)
    assert page.text == html
    assert page.encoding == "cp1251"
    assert page.warnings == ("decoded as cp1251 (not UTF-8)",)


def test_urls_json_records_get_the_url() -> None:
    records = [
        {"title": "Bridge closed", "text": "Residents said the bridge was closed."},
        {"text": "Traders said flour rose.", "url": "https://example.org/market"},
        {"title": "No text"},
    ]
    response = httpx.Response(200, json=records)
    pages = _pages(["https://example.org/feed.json"], lambda _request: response)
    assert [page.origin for page in pages] == [
        "https://example.org/feed.json#1",
        "https://example.org/feed.json#2",
        "https://example.org/feed.json#3",
    ]
    first, second, third = pages
    assert isinstance(first, RawPage) and isinstance(second, RawPage)
    assert first.hints.url == "https://example.org/feed.json"  # where it was fetched
    assert second.hints.url == "https://example.org/market"  # the record's own, stated
    assert isinstance(third, InputError)


def test_urls_batch_goes_on_past_failed_urls() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/missing":
            return httpx.Response(404)
        if request.url.path == "/slow":
            raise httpx.ReadTimeout("slow", request=request)
        if request.url.path == "/empty":
            return httpx.Response(200, content=b"")
        return httpx.Response(200, html=ARTICLE)

    urls = [f"https://example.org/{name}" for name in ("missing", "slow", "empty", "ok")]
    pages = _pages([*urls, "http://[::1/bad"], handler)
    assert [type(page).__name__ for page in pages] == [
        "FetchFailed",
        "FetchFailed",
        "EmptyInput",
        "RawPage",
        "FetchFailed",
    ]
    assert [page.origin for page in pages] == [*urls, "http://[::1/bad"]


def test_urls_records_over_the_cap() -> None:
    records = [{"text": "x" * CAP}]
    response = httpx.Response(200, content=json.dumps(records).encode())
    [page] = _pages(["https://example.org/feed.json"], lambda _request: response)
    assert isinstance(page, OversizedInput)


def test_urls_a_trickling_body_hits_the_whole_fetch_deadline() -> None:
    # Each chunk arrives within the per-read timeout, but the body as a whole never ends.
    def trickle() -> Iterator[bytes]:
        while True:
            time.sleep(0.02)
            yield b"<p>x</p>"

    fetcher = Fetcher(
        timeout_s=0.05,
        max_redirects=5,
        max_bytes=10**9,
        transport=httpx.MockTransport(lambda _request: httpx.Response(200, content=trickle())),
    )
    with fetcher, pytest.raises(FetchFailed) as caught:
        fetcher.fetch("https://example.org/slow")
    assert "to arrive" in caught.value.reason


# Private addresses, refused when the URL comes from someone else (allow_private=False).

DNS = {
    "example.org": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
    "intranet.example": ["10.0.0.5"],
    "rebound.example": ["93.184.216.34", "127.0.0.1"],
}


def _fake_dns(host: str) -> list[str]:
    """Answers from ``DNS``; no test resolves a real name."""
    if host not in DNS:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return DNS[host]


def _public_only(handler: Handler, allow_private: bool = False) -> Fetcher:
    return Fetcher(
        timeout_s=5.0,
        max_redirects=5,
        max_bytes=CAP,
        transport=httpx.MockTransport(handler),
        allow_private=allow_private,
        resolve=_fake_dns,
    )


def _serving(seen: list[str]) -> Handler:
    """Serves the article, noting each URL the transport was asked for."""

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, html=ARTICLE)

    return handler


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        pytest.param(
            "http://127.0.0.1:8000/admin",
            "refused: 127.0.0.1 is a private address (loopback)",
            id="ipv4-loopback",
        ),
        pytest.param(
            "http://192.168.1.1/",
            "refused: 192.168.1.1 is a private address (private network)",
            id="ipv4-private",
        ),
        pytest.param(
            "http://169.254.169.254/latest/meta-data/",
            "refused: 169.254.169.254 is a private address (link-local)",
            id="cloud-metadata",
        ),
        pytest.param(
            "http://[::1]/", "refused: ::1 is a private address (loopback)", id="ipv6-loopback"
        ),
        pytest.param(
            "http://[::ffff:192.168.0.1]/",
            "refused: ::ffff:192.168.0.1 is a private address (private network)",
            id="ipv4-mapped-ipv6",
        ),
        pytest.param(
            "http://localhost:5432/",
            "refused: localhost is a private address (loopback)",
            id="localhost",
        ),
        pytest.param(
            "https://intranet.example/wiki",
            "refused: intranet.example is a private address "
            "(resolves to 10.0.0.5, private network)",
            id="name-resolving-to-10",
        ),
        pytest.param(
            "https://rebound.example/",
            "refused: rebound.example is a private address (resolves to 127.0.0.1, loopback)",
            id="one-private-among-public",
        ),
        pytest.param(
            "http://2130706433/",
            "refused: 2130706433 is a private address (loopback)",
            id="integer-ipv4",
        ),
    ],
)
def test_urls_refuse_private_addresses(url: str, reason: str) -> None:
    seen: list[str] = []
    with _public_only(_serving(seen)) as fetcher, pytest.raises(FetchFailed) as caught:
        fetcher.fetch(url)
    assert caught.value.origin == url
    assert caught.value.reason == reason
    assert seen == []  # refused before any request was sent


def test_urls_public_host_is_fetched_when_private_ones_are_refused() -> None:
    seen: list[str] = []
    with _public_only(_serving(seen)) as fetcher:
        page = fetcher.fetch("https://example.org/news/bridge")
    assert page.data == ARTICLE.encode()
    assert seen == ["https://example.org/news/bridge"]


def test_urls_refuse_a_name_that_does_not_resolve() -> None:
    seen: list[str] = []
    with _public_only(_serving(seen)) as fetcher, pytest.raises(FetchFailed) as caught:
        fetcher.fetch("https://nowhere.invalid/")
    assert caught.value.reason.startswith("refused: nowhere.invalid cannot be resolved")
    assert seen == []


@pytest.mark.parametrize(
    ("location", "reason"),
    [
        (
            "http://127.0.0.1/admin",
            "refused: 127.0.0.1 is a private address (loopback); "
            "reached by a redirect to http://127.0.0.1/admin",
        ),
        (
            "http://intranet.example/secret",
            "refused: intranet.example is a private address (resolves to 10.0.0.5, "
            "private network); reached by a redirect to http://intranet.example/secret",
        ),
    ],
)
def test_urls_refuse_a_redirect_to_a_private_address(location: str, reason: str) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.host == "example.org":
            return httpx.Response(302, headers={"Location": location})
        return httpx.Response(200, html=ARTICLE)

    with _public_only(handler) as fetcher, pytest.raises(FetchFailed) as caught:
        fetcher.fetch("https://example.org/short-link")
    assert caught.value.origin == "https://example.org/short-link"  # the URL as given
    assert caught.value.reason == reason
    assert seen == ["https://example.org/short-link"]  # the private hop was never sent


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://[::1]/",
        "http://[::ffff:192.168.0.1]/",
        "http://localhost/",
        "https://intranet.example/wiki",
    ],
)
def test_urls_allow_private_lets_private_addresses_through(url: str) -> None:
    seen: list[str] = []

    def no_dns(host: str) -> list[str]:
        raise AssertionError(f"{host} resolved although private addresses are allowed")

    fetcher = Fetcher(
        timeout_s=5.0,
        max_redirects=5,
        max_bytes=CAP,
        transport=httpx.MockTransport(_serving(seen)),
        resolve=no_dns,
    )  # allow_private defaults to True: the command line fetches the user's intranet
    with fetcher:
        page = fetcher.fetch(url)
    assert page.data == ARTICLE.encode()
    assert len(seen) == 1


def test_urls_iter_pages_passes_the_private_url_setting() -> None:
    settings = Settings(db=":memory:", allow_private_urls=False)
    [page] = list(iter_pages(["http://127.0.0.1:9/"], settings))  # nothing listens on 9
    assert isinstance(page, FetchFailed)
    assert page.reason == "refused: 127.0.0.1 is a private address (loopback)"
