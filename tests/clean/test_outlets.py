"""Outlet names: known outlets by URL or alias, unknown ones as their pages spell them."""

from __future__ import annotations

import pytest

from sitrep.clean.outlets import outlet_for_url, outlet_named, outlet_spelled_in


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.themoscowtimes.com/2013/09/23/a-story", "The Moscow Times"),
        ("https://tass.com/politics/1", "TASS"),
        ("https://news.bbc.co.uk/2/hi/world/1.stm", "BBC"),
        ("https://www.unknown-paper.example.net/a", "unknown-paper.example.net"),
        ("not a url", None),
    ],
)
def test_outlets_for_url(url: str, outlet: str | None) -> None:
    assert outlet_for_url(url) == outlet


@pytest.mark.parametrize(
    ("text", "outlet"),
    [("ITAR-TASS", "TASS"), ("the Voice of Russia", "Voice of Russia"), ("Известия", "Izvestia"),
     ("The Guardian", "The Guardian"), ("Daily Planet", None)],
)  # fmt: skip
def test_outlets_named_by_alias(text: str, outlet: str | None) -> None:
    assert outlet_named(text) == outlet


@pytest.mark.parametrize(
    ("host", "page", "outlet"),
    [
        ("eurasiawire.example.org", "ALMATY (Eurasia Wire) — Talks resumed.", "Eurasia Wire"),
        ("northbaycourier.example.com", "© 2020 Northbay-Courier. All rights.", "Northbay-Courier"),
        ("thedailyplanet.example.com", "Read The Daily Planet every day.", "The Daily Planet"),
        # The host itself, written as a host, is no spelling of a name.
        ("eurasiawire.example.org", "See eurasiawire.example.org for more.", None),
        # A lower-case run of words that happens to spell the label is not a name.
        ("paperclip.example.com", "a paper clip was found", None),
        # Short labels spell too many ordinary words to be trusted.
        ("abcd.example.com", "The A B C D", None),
    ],
)
def test_outlets_spelled_in_page(host: str, page: str, outlet: str | None) -> None:
    assert outlet_spelled_in(host, page) == outlet
