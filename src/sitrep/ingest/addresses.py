"""Which hosts a server-side fetch may reach: public addresses only.

A web app that fetches URLs for its users must not become their way into the
machine it runs on or the network behind it (server-side request forgery): a URL
naming ``127.0.0.1``, ``10.0.0.7``, the cloud metadata service at
``169.254.169.254``, or a hostname that resolves to any of them, is refused. The
command-line user fetching their own intranet is another matter; ``Fetcher``
only asks these questions when told to (``allow_private=False``).
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str], list[str]]

# RFC 6598 shared address space (carrier-grade NAT): reachable from inside the
# provider's network only, yet neither ``is_private`` nor ``is_reserved`` says so.
_SHARED_ADDRESS_SPACE = ipaddress.IPv4Network("100.64.0.0/10")
# Legacy IPv4 spellings the C resolver accepts: "127.1", "0x7f.1", "2130706433".
_LEGACY_IPV4 = re.compile(r"(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}")
# RFC 6761: "localhost" and every name under it are the loopback, whatever DNS says.
_LOOPBACK_NAMES = re.compile(r"(?:.+\.)?localhost")


def parse_ip(host: str) -> IPAddress | None:
    """The address ``host`` spells, or None for a hostname.

    Brackets (``[::1]``) and an IPv6 zone (``fe80::1%eth0``) are accepted, as URLs
    and resolvers write them; so are the legacy IPv4 forms ``127.1`` and
    ``2130706433`` that ``getaddrinfo`` would quietly turn into ``127.0.0.1``.
    """
    text = host.strip().lower().removeprefix("[").removesuffix("]").rstrip(".")
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    if not _LEGACY_IPV4.fullmatch(text):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(text))  # parses; no network
    except OSError:
        return None


def is_public_address(ip: str) -> bool:
    """Whether ``ip`` is a globally routable unicast address (False for a non-address)."""
    address = parse_ip(ip)
    return address is not None and _non_public_kind(address) is None


def refusal_reason(host: str, resolve: Resolver) -> str | None:
    """Why a fetch from ``host`` is refused, or None when every address it has is public.

    Args:
        host: the host part of a URL: a name, an IPv4 address or an IPv6 one.
        resolve: the addresses a name resolves to (``resolve_addresses`` in production,
            a fake in tests); it is not called for address literals or "localhost".
    """
    name = host.strip().lower().removeprefix("[").removesuffix("]").rstrip(".")
    if not name:
        return "refused: the URL names no host"
    if (literal := parse_ip(name)) is not None:
        kind = _non_public_kind(literal)
        return None if kind is None else f"refused: {host} is a private address ({kind})"
    if _LOOPBACK_NAMES.fullmatch(name):
        return f"refused: {host} is a private address (loopback)"
    try:
        resolved = resolve(name)
    except (OSError, UnicodeError) as error:
        return f"refused: {host} cannot be resolved to check its address ({error})"
    if not resolved:
        return f"refused: {host} resolves to no address"
    # Every address must be public: the connection may use any of them.
    for text in resolved:
        address = parse_ip(text)
        kind = "not an address" if address is None else _non_public_kind(address)
        if kind is not None:
            return f"refused: {host} is a private address (resolves to {text}, {kind})"
    return None


def resolve_addresses(host: str) -> list[str]:
    """The IPv4 and IPv6 addresses ``host`` resolves to, through the system resolver.

    Raises:
        OSError: (``socket.gaierror``) when the name does not resolve.
    """
    infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    families = {socket.AF_INET, socket.AF_INET6}
    return sorted({str(info[4][0]) for info in infos if info[0] in families})


def _non_public_kind(address: IPAddress) -> str | None:
    """What makes ``address`` non-public ("loopback", "private network", ...), or None."""
    if isinstance(address, ipaddress.IPv6Address):
        # An IPv6 address carrying an IPv4 one reaches that IPv4 host: ::ffff:127.0.0.1
        # is the loopback on a dual-stack socket, 2002:7f00:1:: its 6to4 spelling.
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is not None:
            return _non_public_kind(embedded)
    checks: tuple[tuple[bool, str], ...] = (
        (address.is_unspecified, "unspecified"),
        (address.is_loopback, "loopback"),
        (address.is_link_local, "link-local"),
        (address.is_multicast, "multicast"),
        (address in _SHARED_ADDRESS_SPACE, "shared address space"),
        (isinstance(address, ipaddress.IPv6Address) and address.is_site_local, "site-local"),
        (address.is_private, "private network"),
        (address.is_reserved, "reserved"),
        # Whatever else IANA lists as not globally reachable (documentation ranges...).
        (not address.is_global, "not globally routable"),
    )
    return next((kind for matched, kind in checks if matched), None)
