"""The web app's defences, one pure function at a time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sitrep.errors import OversizedInput
from sitrep.serve.security import (
    CONTENT_SECURITY_POLICY,
    SECURITY_HEADERS,
    bearer_token,
    is_loopback_host,
    read_capped,
    safe_upload_name,
    tokens_match,
)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", True),
        ("127.4.5.6", True),
        ("127.255.255.254", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("::1", True),
        ("[::1]", True),
        ("::ffff:127.0.0.1", True),
        ("0.0.0.0", False),  # every address, not the loopback
        ("::", False),  # likewise for IPv6
        ("[::]", False),
        ("192.168.1.5", False),
        ("10.0.0.1", False),
        ("93.184.216.34", False),
        ("example.org", False),
        ("localhost.example.org", False),
        ("", False),
    ],
)
def test_security_is_loopback_host(host: str, expected: bool) -> None:
    assert is_loopback_host(host) is expected


@pytest.mark.parametrize(
    ("given", "expected", "matches"),
    [
        ("s3cret-token", "s3cret-token", True),
        ("s3cret-toke", "s3cret-token", False),
        ("s3cret-tokenX", "s3cret-token", False),
        ("S3CRET-TOKEN", "s3cret-token", False),
        ("jeton-été", "jeton-été", True),  # non-ASCII: compare_digest on str would raise
        (None, "s3cret-token", False),
        ("", "s3cret-token", False),
        ("", "", False),  # an unset token locks the door
        (None, "", False),
    ],
)
def test_security_tokens_match(given: str | None, expected: str, matches: bool) -> None:
    assert tokens_match(given, expected) is matches


@pytest.mark.parametrize(
    ("header", "token"),
    [
        ("Bearer abc.def-123", "abc.def-123"),
        ("bearer abc", "abc"),
        ("BEARER abc", "abc"),
        ("Bearer   abc  ", "abc"),
        ("  Bearer abc", "abc"),
        ("Bearer", None),
        ("Bearer ", None),
        ("Bearer a b", None),
        ("Basic dXNlcjpwYXNz", None),
        ("Bearerabc", None),
        ("abc", None),
        ("", None),
        (None, None),
    ],
)
def test_security_bearer_token(header: str | None, token: str | None) -> None:
    assert bearer_token(header) == token


def test_security_content_security_policy_is_strict() -> None:
    directives = dict(
        directive.strip().split(" ", 1) for directive in CONTENT_SECURITY_POLICY.split(";")
    )
    assert directives == {
        "default-src": "'none'",
        "script-src": "'self'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "connect-src": "'self'",
        "form-action": "'self'",
        "base-uri": "'none'",
        "frame-ancestors": "'none'",
    }
    assert "unsafe" not in CONTENT_SECURITY_POLICY  # no inline script or style, no eval


def test_security_headers() -> None:
    assert SECURITY_HEADERS == {
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
    }


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("report.html", "report.html"),
        ("Отчёт о митинге.txt", "Отчёт о митинге.txt"),
        ("../../etc/passwd", "passwd"),
        ("/etc/passwd", "passwd"),
        ("C:\\x\\y.html", "y.html"),
        ("..\\..\\windows\\win.ini", "win.ini"),
        ("folder/", "upload"),
        ("..", "upload"),
        ("...", "upload"),
        ("../..", "upload"),
        ("a..b.txt", "a.b.txt"),
        (".hidden", "hidden"),
        ("report.txt.", "report.txt"),
        ("re\x00port\n.txt", "report.txt"),
        ("evil\u202egnp.html", "evilgnp.html"),  # right-to-left override removed
        ("\x00\x01", "upload"),
        ("   ", "upload"),
        ("", "upload"),
        (None, "upload"),
    ],
)
def test_security_safe_upload_name(filename: str | None, expected: str) -> None:
    assert safe_upload_name(filename) == expected


@pytest.mark.parametrize(
    "filename",
    ["../../etc/passwd", "..\\..", "a/../../b", "x\\..\\..\\y", "....//....//z", ". . ./.."],
)
def test_security_safe_upload_name_never_names_a_folder(filename: str) -> None:
    name = safe_upload_name(filename)
    assert name
    assert "/" not in name and "\\" not in name and ".." not in name


def test_security_safe_upload_name_keeps_the_suffix_of_a_long_name() -> None:
    name = safe_upload_name("x" * 300 + ".html")
    assert len(name) == 255
    assert name.endswith("xxx.html")


def test_security_read_capped_joins_chunks_within_the_cap() -> None:
    assert read_capped([b"abc", b"", b"def"], max_bytes=6, name="a.txt") == b"abcdef"
    assert read_capped([], max_bytes=0, name="empty.txt") == b""


def test_security_read_capped_stops_at_the_cap() -> None:
    pulled = 0

    def endless() -> Iterator[bytes]:
        nonlocal pulled
        while True:
            pulled += 1
            yield b"x" * 1024

    with pytest.raises(OversizedInput) as caught:
        read_capped(endless(), max_bytes=4096, name="huge.html")
    assert caught.value.origin == "huge.html"
    assert caught.value.reason.startswith("the upload is over the 4.0 KB cap")
    assert pulled == 5  # the chunk that crossed the cap, and not one more
