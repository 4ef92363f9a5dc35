"""Names in a report: the model's entities checked against the gazetteer, the names
it missed, and the roles written around person names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

import pycountry
from spacy.tokens import Doc, Span

from sitrep.extract.actors.titles import (
    apposition_role,
    is_title_word,
    role_name,
    title_at_end,
    title_at_start,
)
from sitrep.link.gazetteer import Gazetteer, GazetteerEntry
from sitrep.link.names import is_acronym
from sitrep.models import EntityType, Mention, MentionKind

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
# Head words of places without a government, and of facilities: "the Atlantic
# Ocean", "Changi International Airport" are places, whatever the model says.
_PLACE_HEADS = frozenset(
    {
        "ocean", "sea", "river", "lake", "gulf", "bay", "mountains", "mountain", "valley",
        "desert", "peninsula", "island", "islands", "strait", "canal", "airport", "airbase",
        "base", "station", "bridge", "square", "port", "harbour", "harbor", "pass",
    }
)  # fmt: skip
# Words before a name that say it is where something happens, not who does it.
_LOCATIVES = frozenset({"in", "from", "at", "to", "near", "outside", "across", "into"})
# Codes that look like organisations to the model but name a clock or a currency.
_NOT_ACTORS = frozenset(
    {"UTC", "GMT", "CET", "CEST", "EST", "EDT", "PST", "PDT", "MSK", "BST", "IST"}
    | {currency.alpha_3 for currency in pycountry.currencies}
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
        if span is None or not _looks_like_name(span.text) or _is_code(span):
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
        if not text[start].isupper() or text[start : words[index][1]] in {"The", "A", "An"}:
            index += 1
            continue
        found = _longest_known_name(text, words, index, gazetteer)
        if found is None:
            index += 1
            continue
        length, entry = found
        end = _name_end(text, words[index + length - 1][1])
        if text.startswith("$", end):
            index += length
            continue  # "US$100": a currency
        mentions.append(Mention(start, end, text[start:end], entry.type))
        index += length
    return mentions


def repeated_names(text: str, names: list[Mention]) -> list[Mention]:
    """Further occurrences of names the report already uses, where nothing was found.

    The model finds a name in one sentence and misses it in the next; a name of two
    words or more, an acronym, or the surname of a person named in full is the same
    name wherever the report repeats it ("... or OSTO" then "the OSTO summit";
    "Steve Jobs" then "Jobs").
    """
    types: dict[str, EntityType] = {}
    for mention in names:
        if mention.kind is not MentionKind.NAME:
            continue
        words = mention.text.split()
        if len(words) >= 2 or is_acronym(mention.text):
            types.setdefault(mention.text, mention.type)
        if mention.type is EntityType.PERSON and len(words) >= 2 and len(words[-1]) > 2:
            types.setdefault(words[-1], EntityType.PERSON)
    if not types:
        return []
    alternatives = "|".join(re.escape(surface) for surface in sorted(types, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w$-]|['’]\w\w)")
    return [
        Mention(m.start(), m.end(), m.group(), types[m.group()]) for m in pattern.finditer(text)
    ]


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
    if span[-1].lower_ in _PLACE_HEADS:
        return EntityType.LOC
    if labelled is EntityType.PERSON and heads & _ORGANISATION_HEADS:
        return EntityType.ORG
    if labelled is EntityType.PERSON and _before_title(span):
        return EntityType.ORG  # "Ryanair CEO Michael O'Leary": whose CEO, not a person
    if labelled is EntityType.PERSON and _is_place_after_locative(span, gazetteer):
        return EntityType.GPE  # "lifting off from Toulouse"
    if (
        labelled is not EntityType.PERSON
        and _after_title(span, gazetteer)
        and not heads & _ORGANISATION_HEADS
    ):
        return EntityType.PERSON  # "Secretary General Imangali Tasmagambetov"
    return labelled


def _is_code(span: Span) -> bool:
    """A time zone, a currency, or a country code fused to one ("US$100", "AU$40")."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    fused_currency = (
        following is not None and following.text == "$" and not following.idx > span.end_char
    )
    return span.text in _NOT_ACTORS or fused_currency


def _before_title(span: Span) -> bool:
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return following is not None and is_title_word(following.text) and following.text[0].isupper()


def _is_place_after_locative(span: Span, gazetteer: Gazetteer) -> bool:
    after_locative = span.start > 0 and span.doc[span.start - 1].lower_ in _LOCATIVES
    return len(span) == 1 and after_locative and gazetteer.is_known_place(span.text)


def _after_title(span: Span, gazetteer: Gazetteer) -> bool:
    """A short capitalised name right after a title ("analyst Nikita Mendkovich",
    "the Secretary General of the organization, Imangali Tasmagambetov")."""
    if not 2 <= len(span) <= 3 or not all(token.is_title for token in span):
        return False
    return preceding_role(span.doc.text, span.start_char, gazetteer) is not None


def _consistent_people(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A surface the report mostly tags as a person is a person everywhere in it.

    The model's label for one name flips between sentences ("Nikita Mendkovich" as
    a person, then as a building); the majority of its labels for that surface
    decides, and a person's surname alone counts as the person ("Rahmon").
    """
    votes: dict[str, Counter[EntityType]] = {}
    for mention in mentions:
        votes.setdefault(mention.text, Counter())[mention.type] += 1
    people = {
        text
        for text, counts in votes.items()
        if not gazetteer.lookup(text)
        and (
            counts[EntityType.PERSON] * 2 > sum(counts.values())
            or (counts[EntityType.PERSON] * 2 == sum(counts.values()) and _reads_as_person(text))
        )
    }
    surnames = {text.split()[-1] for text in people if len(text.split()) > 1}
    return [
        replace(m, type=EntityType.PERSON)
        if m.type is not EntityType.PERSON
        and (m.text in people or (m.text in surnames and not gazetteer.lookup(m.text)))
        else replace(m, type=_most_common_other(votes[m.text], m.type))
        if m.type is EntityType.PERSON and m.text not in people
        else m
        for m in mentions
    ]


def _reads_as_person(text: str) -> bool:
    """Two or three capitalised words, none a title or an organisation or place head."""
    words = text.split()
    return 2 <= len(words) <= 3 and all(
        word[:1].isupper()
        and not is_title_word(word)
        and word.lower() not in _ORGANISATION_HEADS | _PLACE_HEADS
        for word in words
    )


def _most_common_other(counts: Counter[EntityType], fallback: EntityType) -> EntityType:
    """The label a minority person tag gives way to: the surface's most common one."""
    label, _ = counts.most_common(1)[0]
    return label if counts[label] > counts[EntityType.PERSON] else fallback


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
    return preceding_role(text, person.start, gazetteer) or apposition_role(
        text[person.end : person.end + 160], title_at_start
    )


def preceding_role(text: str, start: int, gazetteer: Gazetteer) -> str | None:
    """The role written right before a name: "Tajik President ..." or "the Secretary
    General of the organization, ..." (an apposition before the name)."""
    window = text[max(0, start - 160) : start]
    pieces = re.split(r"[,;:()\"“”«»\n]", window)
    words = pieces[-1].split()
    if words:
        title = title_at_end(words)
        return role_name(title.title, _holder(words[: title.start], gazetteer)) if title else None
    if len(pieces) < 2 or not window.rstrip().endswith(","):
        return None
    before = pieces[-2].split()
    if before and before[0].lower() in _LEADING_WORDS:
        before = before[1:]
    title = title_at_start(before)
    if title is None:
        return None
    rest = " ".join(before[title.end :])
    if rest and not rest.startswith("of "):
        return None
    return f"{title.title} {rest}".strip()


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
