"""Known news outlets: their names, web domains and the short names they go by.

Used to name the outlet of a plain-text report from a URL in it, a masthead line,
or a "told <outlet>" attribution. Written by us from the outlets' own sites; a
domain we do not know still names its outlet by the domain itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    domains: tuple[str, ...]
    aliases: tuple[str, ...] = ()


OUTLETS: tuple[Outlet, ...] = (
    Outlet("The Moscow Times", ("themoscowtimes.com",), ("Moscow Times",)),
    Outlet("TASS", ("tass.com", "tass.ru", "itar-tass.com"), ("ITAR-TASS", "ТАСС")),
    Outlet("RIA Novosti", ("ria.ru",), ("RIA", "РИА Новости")),
    Outlet("Izvestia", ("iz.ru",), ("Известия",)),
    Outlet("Interfax", ("interfax.ru", "interfax.com"), ("Интерфакс",)),
    Outlet("Kommersant", ("kommersant.ru",), ("Коммерсантъ",)),
    Outlet("Vedomosti", ("vedomosti.ru",), ("Ведомости",)),
    Outlet("Rossiyskaya Gazeta", ("rg.ru",), ("Российская газета",)),
    Outlet("Nezavisimaya Gazeta", ("ng.ru",), ("Независимая газета",)),
    Outlet("RT", ("rt.com", "russian.rt.com"), ("Russia Today",)),
    Outlet("Sputnik", ("sputniknews.com",), ()),
    Outlet("Voice of Russia", ("ruvr.ru", "voiceofrussia.com"), ("Голос России",)),
    Outlet("NEWSru.com", ("newsru.com",), ()),
    Outlet("Meduza", ("meduza.io",), ("Медуза",)),
    Outlet("Radio Free Europe/Radio Liberty", ("rferl.org",), ("RFE/RL", "Radio Liberty")),
    Outlet("Eurasianet", ("eurasianet.org",), ()),
    Outlet("Asia-Plus", ("asiaplustj.info",), ("Asia Plus",)),
    Outlet("Khovar", ("khovar.tj",), ()),
    Outlet("AKIpress", ("akipress.com", "akipress.org"), ()),
    Outlet("24.kg", ("24.kg",), ()),
    Outlet("Kazinform", ("inform.kz", "kazinform.kz"), ()),
    Outlet("Kun.uz", ("kun.uz",), ()),
    Outlet("Reuters", ("reuters.com",), ()),
    Outlet("Associated Press", ("apnews.com",), ("AP",)),
    Outlet("Agence France-Presse", ("afp.com",), ("AFP",)),
    Outlet("BBC", ("bbc.co.uk", "bbc.com"), ("BBC News",)),
    Outlet("Al Jazeera", ("aljazeera.com",), ()),
    Outlet("The Guardian", ("theguardian.com",), ("Guardian",)),
    Outlet("The New York Times", ("nytimes.com",), ("New York Times",)),
    Outlet("The Washington Post", ("washingtonpost.com",), ("Washington Post",)),
    Outlet("The Wall Street Journal", ("wsj.com",), ("Wall Street Journal",)),
    Outlet("Financial Times", ("ft.com",), ()),
    Outlet("Bloomberg", ("bloomberg.com",), ()),
    Outlet("CNN", ("cnn.com",), ()),
    Outlet("Xinhua", ("xinhuanet.com", "news.cn"), ()),
    Outlet("The Diplomat", ("thediplomat.com",), ()),
    Outlet("Deutsche Welle", ("dw.com",), ("DW",)),
)

_MIN_LABEL_CHARS = 5  # shorter labels ("bbc", "ft") spell too many ordinary words

_BY_DOMAIN = {domain: outlet for outlet in OUTLETS for domain in outlet.domains}
_BY_NAME = {
    name.casefold(): outlet for outlet in OUTLETS for name in (outlet.name, *outlet.aliases)
}


def host_of(url: str) -> str | None:
    """The host of a URL without ``www.``, or None when it has none."""
    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def outlet_for_url(url: str) -> str | None:
    """The outlet a URL belongs to: a known name, else its host (``example.org``)."""
    host = host_of(url)
    if host is None:
        return None
    labels = host.split(".")
    for cut in range(len(labels) - 1):  # news.example.org, then example.org
        outlet = _BY_DOMAIN.get(".".join(labels[cut:]))
        if outlet is not None:
            return outlet.name
    return host


def outlet_named(text: str) -> str | None:
    """The canonical name of a known outlet written as ``text`` (any alias), or None."""
    outlet = _BY_NAME.get(text.strip().removeprefix("the ").removeprefix("The ").casefold())
    if outlet is None:
        outlet = _BY_NAME.get(text.strip().casefold())
    return outlet.name if outlet else None


def outlet_spelled_in(host: str, text: str) -> str | None:
    """The outlet's name as the page spells it, for a host we do not know.

    Pages name their own outlet in datelines, credits and copyright lines
    ("SOCHI (Eurasia Wire) —", "© 2013 The Moscow Times"), and the name is usually
    the host's label with spaces: ``eurasiawire.example.org`` is "Eurasia Wire".
    """
    for label in sorted(host.split(".")[:-1], key=len, reverse=True):
        if len(label) < _MIN_LABEL_CHARS or not label.isalpha():
            continue
        spaced = r"[\s-]?".join(re.escape(letter) for letter in label)
        for found in re.finditer(rf"\b{spaced}\b", text, re.IGNORECASE):
            name = found.group(0)
            if name[0].isupper() and any(separator in name for separator in " -"):
                return " ".join(name.split())
    return None


def known_outlet_names() -> tuple[str, ...]:
    """Every name and alias we know, longest first (for building alternations)."""
    return tuple(sorted(_BY_NAME, key=len, reverse=True))
