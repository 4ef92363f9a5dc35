"""Names in a report: the model's entities checked against the gazetteer, the names
it missed, and the roles written around person names."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from sitrep.extract.actors.titles import (
    apposition_role,
    is_title_word,
    role_name,
    title_at_end,
    title_at_start,
)
from sitrep.link.gazetteer import Gazetteer, GazetteerEntry
from sitrep.models import EntityType, Mention

_ACTOR_LABELS = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORG,
    "GPE": EntityType.GPE,
    "LOC": EntityType.LOC,
    "NORP": EntityType.NORP,
    "FAC": EntityType.LOC,  # airports, bases, bridges: places to an analyst
}
# Labels the model also puts on actors it misreads ("The Collective Security Treaty
# Organization" as a work of art): kept only when the gazetteer knows the name.
_MISREAD_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"})
# Head words that make a name an organisation, whatever the model says ("Rossiyskaya Gazeta").
_ORGANISATION_HEADS = frozenset(
    {
        "agency",
        "army",
        "assembly",
        "association",
        "bank",
        "battalion",
        "board",
        "brigade",
        "bureau",
        "club",
        "college",
        "commission",
        "committee",
        "company",
        "corporation",
        "council",
        "court",
        "department",
        "directorate",
        "forces",
        "front",
        "gazeta",
        "group",
        "guard",
        "inc",
        "institute",
        "jamaat",
        "league",
        "ltd",
        "ministry",
        "movement",
        "network",
        "office",
        "organisation",
        "organization",
        "parliament",
        "party",
        "police",
        "post",
        "press",
        "service",
        "times",
        "union",
        "university",
    }
)
_LEADING_WORDS = frozenset({"the", "a", "an"})
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Words the gazetteer scan may start a name with: capitalised, Latin or Cyrillic.
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*")
_LONGEST_NAME_WORDS = 7


def model_names(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """The model's actor entities, trimmed, retyped where it errs, consistent per surface."""
    mentions: list[Mention] = []
    for entity in doc.ents:
        if entity.label_ not in _ACTOR_LABELS and entity.label_ not in _MISREAD_LABELS:
            continue
        span = _trimmed(entity)
        if span is None or not _looks_like_name(span.text):
            continue
        kind = _corrected_type(span, _ACTOR_LABELS.get(entity.label_), gazetteer)
        if kind is not None:
            mentions.append(Mention(span.start_char, span.end_char, span.text, kind))
    return _consistent_people(mentions, gazetteer)


def gazetteer_names(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Names the gazetteer knows, longest first at each capitalised word, in any script."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    mentions: list[Mention] = []
    index = 0
    while index < len(words):
        start = words[index][0]
        if not text[start].isupper():
            index += 1
            continue
        found = _longest_known_name(text, words, index, gazetteer)
        if found is None:
            index += 1
            continue
        length, entry = found
        end = _name_end(text, words[index + length - 1][1])
        mentions.append(Mention(start, end, text[start:end], entry.type))
        index += length
    return mentions


def with_roles(text: str, names: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Person names with the role the words around them give ("Tajik President ...")."""
    return [
        replace(mention, role=_role_around(text, mention, gazetteer))
        if mention.type is EntityType.PERSON
        else mention
        for mention in names
    ]


def entry_for(
    surface: str, gazetteer: Gazetteer, preferred: EntityType | None
) -> GazetteerEntry | None:
    """The gazetteer entry a surface names, preferring one of the type the text suggests."""
    entries = gazetteer.lookup(surface)
    if not entries:
        return None
    return next((e for e in entries if e.type is preferred), entries[0])


def _trimmed(entity: Span) -> Span | None:
    """The entity without a leading article, a trailing possessive or trailing lowercase words."""
    start, end = entity.start, entity.end
    doc = entity.doc
    while start < end and (doc[start].lower_ in _LEADING_WORDS or doc[start].is_punct):
        start += 1
    while end > start and (
        doc[end - 1].text in _POSSESSIVES
        or doc[end - 1].is_punct
        or (doc[end - 1].is_lower and doc[end - 1].is_alpha and end - 1 > start)
    ):
        end -= 1
    return doc[start:end] if end > start else None


def _looks_like_name(text: str) -> bool:
    return len(text) > 1 and text[0].isupper() and any(c.isalpha() for c in text)


def _corrected_type(
    span: Span, labelled: EntityType | None, gazetteer: Gazetteer
) -> EntityType | None:
    entry = entry_for(span.text, gazetteer, labelled)
    if entry is not None:
        return entry.type
    if gazetteer.country_of_adjective(span.text) is not None:
        return EntityType.NORP  # "Tajik", "Russians": a group, never a person
    if labelled is None:
        return None  # a work of art or product the gazetteer does not know
    heads = {token.lower_ for token in span}
    if labelled is EntityType.PERSON and heads & _ORGANISATION_HEADS:
        return EntityType.ORG
    if labelled is not EntityType.PERSON and _after_title(span) and not heads & _ORGANISATION_HEADS:
        return EntityType.PERSON  # "Secretary General Imangali Tasmagambetov"
    return labelled


def _after_title(span: Span) -> bool:
    """A short capitalised name right after a title word ("analyst Nikita Mendkovich")."""
    if span.start == 0 or not 2 <= len(span) <= 3:
        return False
    previous = span.doc[span.start - 1]
    return is_title_word(previous.text) and all(token.is_title for token in span)


def _consistent_people(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A surface the report tags as a person somewhere is a person everywhere in it.

    The model's label for one name flips between sentences ("Nikita Mendkovich" as
    a person, then as a building); the surname alone counts too ("Rahmon").
    """
    people = {m.text for m in mentions if m.type is EntityType.PERSON}
    surnames = {text.split()[-1] for text in people if len(text.split()) > 1}
    return [
        replace(m, type=EntityType.PERSON)
        if m.type is not EntityType.PERSON
        and (m.text in people or m.text in surnames)
        and not gazetteer.lookup(m.text)
        else m
        for m in mentions
    ]


def _longest_known_name(
    text: str, words: list[tuple[int, int]], index: int, gazetteer: Gazetteer
) -> tuple[int, GazetteerEntry] | None:
    start = words[index][0]
    last = min(len(words), index + _LONGEST_NAME_WORDS)
    for stop in range(last, index, -1):
        gaps = (text[words[i][1] : words[i + 1][0]] for i in range(index, stop - 1))
        if any(gap not in {" ", "-"} for gap in gaps):
            continue  # a name does not run across punctuation or lines
        entry = entry_for(_name_text(text[start : words[stop - 1][1]]), gazetteer, None)
        if entry is not None:
            return stop - index, entry
    return None


def _name_text(surface: str) -> str:
    return surface.rstrip(".'’") if not surface.endswith(".S.") else surface


def _name_end(text: str, end: int) -> int:
    """Where a gazetteer name ends: without the sentence's full stop or a possessive."""
    name = text[:end]
    for suffix in ("'s", "’s", "'", "’"):
        if name.endswith(suffix):
            return end - len(suffix)
    if name.endswith(".") and not re.search(r"\b(?:[A-Z]\.){2,}$", name):
        return end - 1
    return end


def _role_around(text: str, person: Mention, gazetteer: Gazetteer) -> str | None:
    before = re.split(r"[,;:()\"“”«»\n]", text[max(0, person.start - 100) : person.start])[-1]
    words = before.split()
    title = title_at_end(words) if words else None
    if title is not None:
        return role_name(title.title, _holder(words[: title.start], gazetteer))
    return apposition_role(text[person.end : person.end + 160], title_at_start)


def _holder(words: list[str], gazetteer: Gazetteer) -> str | None:
    """Whose the title is, from the words before it: "Tajik", "Kazakhstan's", "CSTO"."""
    if not words:
        return None
    last = words[-1]
    country = gazetteer.country_of_adjective(last)
    if country is not None:
        return country.name
    owner = last[:-2] if last.endswith(("'s", "’s")) else last
    if owner[:1].isupper():
        entry = entry_for(owner, gazetteer, None)
        if entry is not None and entry.type in {EntityType.GPE, EntityType.ORG}:
            return entry.name
    return None
