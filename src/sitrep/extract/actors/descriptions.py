"""Mentions without a name: roles ("Kazakhstan's prime minister", "the Russian
president") and short descriptions of an actor named before ("the organization").

Whether a role mention is someone the report names ("the Tajik president" after
"Tajik President Emomali Rakhmon") is for the report's binding to decide; a
description it cannot bind is dropped there.
"""

from __future__ import annotations

import re

from sitrep.extract.actors.titles import TITLES, canonical_title, role_name
from sitrep.link.gazetteer import Gazetteer
from sitrep.models import EntityType, Mention, MentionKind

# Titles that stand for one office holder: "the Russian president", not "the expert".
_OFFICE_TITLES = tuple(
    title
    for title in TITLES
    if title.split()[-1]
    in {"president", "minister", "secretary", "secretary-general", "general", "chancellor",
        "king", "queen", "emir", "leader", "premier", "spokesman", "spokeswoman",
        "spokesperson", "ambassador", "envoy", "chairman", "governor", "mayor", "prince"}
)  # fmt: skip
_TITLE_PATTERN = "|".join(re.escape(title) for title in (*_OFFICE_TITLES, "leader", "premier"))

# "Kazakhstan's prime minister", "the Russian president", "the president"; not when
# a name follows ("the Russian president Vladimir Putin" is a name with a role).
_ROLE = re.compile(
    r"\b(?:(?P<owner>[A-Z][\w.-]+(?: [A-Z][\w.-]+)?)['’]s"
    r"|(?P<the>[Tt]he)(?: (?P<adjective>[A-Z][\w-]+))?)"
    rf" (?P<title>(?i:{_TITLE_PATTERN}))\b(?!['’]?\s*[A-Z]|-)",
)
# "the organization", "the alliance": an organisation named before.
_ORGANISATION_NOUNS = (
    "organization", "organisation", "alliance", "bloc", "movement", "group", "company",
    "ministry", "agency", "secretariat", "council", "committee",
)  # fmt: skip
_DESCRIPTION = re.compile(
    rf"\b[Tt]he (?P<noun>{'|'.join(_ORGANISATION_NOUNS)})\b(?!['’]?\s*(?:[A-Z]|of\b))"
)


def descriptions_and_roles(text: str, names: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Role mentions and organisation descriptions in ``text`` that no person name overlaps."""
    people = [(m.start, m.end) for m in names if m.type is EntityType.PERSON]
    found = [*_roles(text, gazetteer), *_organisation_descriptions(text)]
    return [
        mention
        for mention in found
        if not any(start < mention.end and mention.start < end for start, end in people)
    ]


def _roles(text: str, gazetteer: Gazetteer) -> list[Mention]:
    mentions: list[Mention] = []
    for match in _ROLE.finditer(text):
        holder = _holder_name(match["owner"] or match["adjective"], gazetteer)
        if (match["owner"] or match["adjective"]) and holder is None:
            continue  # "the Sochi president" or "Monday's leader": not a role we can read
        title = canonical_title(match["title"].lower())
        kind = MentionKind.ROLE if holder else MentionKind.DESCRIPTION
        mentions.append(
            Mention(match.start(), match.end(), match.group(), EntityType.PERSON, kind,
                    role_name(title, holder))
        )  # fmt: skip
    return mentions


def _holder_name(word: str | None, gazetteer: Gazetteer) -> str | None:
    if not word or not word[0].isupper():
        return None
    country = gazetteer.country_of_adjective(word)
    if country is not None:
        return country.name
    entries = [e for e in gazetteer.lookup(word) if e.type in {EntityType.GPE, EntityType.ORG}]
    return entries[0].name if entries else None


def _organisation_descriptions(text: str) -> list[Mention]:
    return [
        Mention(match.start(), match.end(), match.group(), EntityType.ORG, MentionKind.DESCRIPTION)
        for match in _DESCRIPTION.finditer(text)
    ]
