"""Which hosts a server-side fetch may reach; resolvers are dictionaries, never DNS."""

from __future__ import annotations

import socket

import pytest

from sitrep.ingest.addresses import Resolver, is_public_address, parse_ip, refusal_reason


def _resolver(table: dict[str, list[str]]) -> Resolver:
    """A resolver answering from ``table``, and as DNS does for names not in it."""

    def resolve(host: str) -> list[str]:
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return table[host]

    return resolve


def _no_dns(host: str) -> list[str]:
    raise AssertionError(f"{host} should not have been resolved")


@pytest.mark.parametrize(
    "ip",
    [
        "93.184.216.34",  # example.org
        "8.8.8.8",
        "1.1.1.1",
        "2606:4700:4700::1111",
        "2a00:1450:4001:82a::200e",
    ],
)
def test_addresses_public(ip: str) -> None:
    assert is_public_address(ip)


@pytest.mark.parametrize(
    "ip",
    [
        pytest.param("127.0.0.1", id="loopback"),
        pytest.param("127.8.9.10", id="loopback-range"),
        pytest.param("10.0.0.7", id="private-10"),
        pytest.param("172.16.0.1", id="private-172"),
        pytest.param("192.168.1.5", id="private-192"),
        pytest.param("169.254.169.254", id="cloud-metadata-link-local"),
        pytest.param("100.64.0.1", id="shared-cgnat"),
        pytest.param("100.127.255.254", id="shared-cgnat-top"),
        pytest.param("0.0.0.0", id="unspecified"),
        pytest.param("224.0.0.1", id="multicast"),
        pytest.param("240.0.0.1", id="reserved"),
        pytest.param("255.255.255.255", id="broadcast"),
        pytest.param("192.0.2.1", id="documentation"),
        pytest.param("::1", id="ipv6-loopback"),
        pytest.param("[::1]", id="ipv6-bracketed"),
        pytest.param("::", id="ipv6-unspecified"),
        pytest.param("fe80::1", id="ipv6-link-local"),
        pytest.param("fe80::1%eth0", id="ipv6-link-local-zone"),
        pytest.param("fc00::1", id="ipv6-unique-local"),
        pytest.param("fd12:3456::1", id="ipv6-unique-local-fd"),
        pytest.param("fec0::1", id="ipv6-site-local"),
        pytest.param("ff02::1", id="ipv6-multicast"),
        pytest.param("::ffff:127.0.0.1", id="ipv4-mapped-loopback"),
        pytest.param("::ffff:192.168.0.1", id="ipv4-mapped-private"),
        pytest.param("::ffff:7f00:1", id="ipv4-mapped-hex"),
        pytest.param("2002:7f00:1::", id="6to4-loopback"),
        pytest.param("2002:a00:7::", id="6to4-private"),
        pytest.param("64:ff9b::7f00:1", id="nat64-loopback"),
        pytest.param("2001:db8::1", id="ipv6-documentation"),
        pytest.param("127.1", id="legacy-short"),
        pytest.param("2130706433", id="legacy-integer"),
        pytest.param("0x7f.1", id="legacy-hex"),
        pytest.param("example.org", id="not-an-address"),
        pytest.param("", id="empty"),
    ],
)
def test_addresses_not_public(ip: str) -> None:
    assert not is_public_address(ip)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("[::1]", "::1"),
        ("::FFFF:127.0.0.1", "::ffff:7f00:1"),
        ("2130706433", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("example.org", None),
        ("cafe", None),  # hex digits, but a hostname: inet_aton wants 0x
        ("1.2.3.4.5", None),
    ],
)
def test_addresses_parse_ip(host: str, expected: str | None) -> None:
    address = parse_ip(host)
    assert (None if address is None else str(address)) == expected


@pytest.mark.parametrize(
    ("host", "reason"),
    [
        ("127.0.0.1", "refused: 127.0.0.1 is a private address (loopback)"),
        ("10.1.2.3", "refused: 10.1.2.3 is a private address (private network)"),
        ("169.254.169.254", "refused: 169.254.169.254 is a private address (link-local)"),
        ("100.64.1.1", "refused: 100.64.1.1 is a private address (shared address space)"),
        ("0.0.0.0", "refused: 0.0.0.0 is a private address (unspecified)"),
        ("::1", "refused: ::1 is a private address (loopback)"),
        ("::ffff:10.0.0.1", "refused: ::ffff:10.0.0.1 is a private address (private network)"),
        ("localhost", "refused: localhost is a private address (loopback)"),
        ("LOCALHOST.", "refused: LOCALHOST. is a private address (loopback)"),
        ("admin.localhost", "refused: admin.localhost is a private address (loopback)"),
        ("", "refused: the URL names no host"),
    ],
)
def test_addresses_refuse_without_resolving(host: str, reason: str) -> None:
    assert refusal_reason(host, _no_dns) == reason


def test_addresses_allow_a_public_literal_without_resolving() -> None:
    assert refusal_reason("93.184.216.34", _no_dns) is None
    assert refusal_reason("2606:4700:4700::1111", _no_dns) is None


@pytest.mark.parametrize(
    ("addresses", "reason"),
    [
        (["93.184.216.34"], None),
        (["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"], None),
        (["10.0.0.5"], "refused: intranet.example is a private address "
                       "(resolves to 10.0.0.5, private network)"),
        # One private address among public ones is enough: the connection may pick it.
        (["93.184.216.34", "127.0.0.1"], "refused: intranet.example is a private address "
                                         "(resolves to 127.0.0.1, loopback)"),
        (["::ffff:10.0.0.5"], "refused: intranet.example is a private address "
                              "(resolves to ::ffff:10.0.0.5, private network)"),
        ([], "refused: intranet.example resolves to no address"),
    ],
)  # fmt: skip
def test_addresses_check_every_resolved_address(addresses: list[str], reason: str | None) -> None:
    resolve = _resolver({"intranet.example": addresses})
    assert refusal_reason("intranet.example", resolve) == reason


def test_addresses_refuse_a_name_that_does_not_resolve() -> None:
    reason = refusal_reason("nowhere.invalid", _resolver({}))
    assert reason is not None
    assert reason.startswith("refused: nowhere.invalid cannot be resolved to check its address")
