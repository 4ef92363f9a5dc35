"""The web app's defences, as pure functions the routes and middleware call.

Who may talk to the server (loopback binding, a bearer token compared in constant
time), what the browser may do with its pages (the headers), and what an upload
may be (a bare file name, a capped size). Nothing here knows about FastAPI.
"""

from __future__ import annotations

import hmac
import re
import unicodedata
from collections.abc import Iterable
from ipaddress import IPv6Address

from sitrep.errors import OversizedInput
from sitrep.ingest.addresses import parse_ip
from sitrep.ingest.files import oversized_reason

# The app serves its own CSS and JS from /static and inlines nothing, so nothing
# else is needed; an injected <script> or style attribute then does nothing.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    # A report uploaded as .txt must never be sniffed into HTML and run.
    "X-Content-Type-Options": "nosniff",
    # Page URLs name stories and searches; the sites a dossier links to need not see them.
    "Referrer-Policy": "no-referrer",
    # frame-ancestors says the same to current browsers; this says it to older ones.
    "X-Frame-Options": "DENY",
}

UPLOAD_FALLBACK_NAME = "upload"
_MAX_NAME_CHARS = 255  # the longest file name most file systems take
_MAX_SUFFIX_CHARS = 16  # ".html", ".jsonl"; anything longer is no suffix worth keeping
_DOT_RUNS = re.compile(r"\.{2,}")
# Cc: control characters (NUL, newlines, escape). Cf: invisible format characters,
# among them the right-to-left override that shows "evil\u202egnp.html" as "evilhtml.png".
_STRIPPED_CATEGORIES = frozenset({"Cc", "Cf"})


def is_loopback_host(host: str) -> bool:
    """Whether binding to ``host`` keeps the server on this machine.

    "localhost", 127.0.0.0/8 and ::1 (bracketed or not) are; "0.0.0.0" and "::" are
    not: they bind every address the machine has.
    """
    name = host.strip().lower().removeprefix("[").removesuffix("]").rstrip(".")
    if name == "localhost":
        return True
    address = parse_ip(name)
    if address is None:
        return False
    if isinstance(address, IPv6Address) and address.ipv4_mapped is not None:  # ::ffff:127.0.0.1
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def tokens_match(given: str | None, expected: str) -> bool:
    """Whether ``given`` is the access token, compared in constant time.

    A missing or empty token never matches, not even an empty expected one: an
    unset token must lock the door, not open it.
    """
    if not given or not expected:
        return False
    # hmac.compare_digest takes str only when ASCII; bytes take any token.
    return hmac.compare_digest(given.encode(), expected.encode())


def bearer_token(authorization_header: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, or None.

    The scheme is case-insensitive (RFC 7235); a token with spaces in it, another
    scheme, or no token at all gives None.
    """
    if not authorization_header:
        return None
    scheme, _, token = authorization_header.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or any(char.isspace() for char in token):
        return None
    return token


def safe_upload_name(filename: str | None) -> str:
    """A file name for an upload that names no folder and hides nothing.

    The browser sends whatever name it likes; this keeps the last path part (``/``
    or ``\\``, for names from Windows), drops control and invisible characters,
    folds runs of dots so no ``..`` is left, trims dots and spaces from the ends,
    and falls back to "upload" when nothing remains.
    """
    base = re.split(r"[/\\]", filename or "")[-1]
    visible = "".join(
        char for char in base if unicodedata.category(char) not in _STRIPPED_CATEGORIES
    )
    name = _DOT_RUNS.sub(".", visible).strip(". ")
    if not name:
        return UPLOAD_FALLBACK_NAME
    return _shortened(name)


def read_capped(chunks: Iterable[bytes], max_bytes: int, name: str) -> bytes:
    """The chunks joined, or ``OversizedInput`` naming ``name`` once they pass ``max_bytes``.

    Reads one chunk at a time and stops at the first that crosses the cap, so an
    endless upload costs at most ``max_bytes`` plus one chunk of memory.
    """
    received: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > max_bytes:
            raise OversizedInput(name, oversized_reason("the upload", max_bytes))
        received.append(chunk)
    return b"".join(received)


def _shortened(name: str) -> str:
    """``name`` cut to the longest file name, keeping a short suffix (".html")."""
    if len(name) <= _MAX_NAME_CHARS:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or len(suffix) >= _MAX_SUFFIX_CHARS:
        return name[:_MAX_NAME_CHARS].rstrip(". ")
    return stem[: _MAX_NAME_CHARS - len(suffix) - 1].rstrip(". ") + "." + suffix
