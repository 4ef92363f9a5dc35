"""Keys for names: the forms under which two spellings of one name meet.

Three keys, from strict to loose:

- ``alias_key``: one name written two ways ("U.S." and "US", "Organisation" and
  "Organization", "ОДКБ" and "ODKB") gets one key. Exact matches on it are safe.
- ``sound_key``: transliteration variants of one Russian or Central Asian name
  ("Rakhmon", "Rahmon", "Рахмон"; "Dmitriy", "Dmitry", "Dmitrii") get one key. It
  proposes candidates; deciding that they are one actor needs more evidence.
- ``person_name_parts``: the given name and the surname of a person, so that
  "Vladimir Putin" and "Putin" can meet while "Lyudmila Putina" and "Igor Ivanov"
  and "Sergei Ivanov" stay apart.

All of them are pure functions of the text; the gazetteer and the linker build their
indexes on them, so changing a rule here changes which aliases meet everywhere.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

# British spellings that occur in the names of organisations, with the American form.
# A data table rather than suffix rules: "-ise" and "-our" are not reliable suffixes
# ("franchise", "enterprise", "exercise"; "four", "tour", "hour").
_AMERICAN_SPELLING = {
    "organisation": "organization",
    "organisations": "organizations",
    "organised": "organized",
    "defence": "defense",
    "defences": "defenses",
    "offence": "offense",
    "offences": "offenses",
    "licence": "license",
    "programme": "program",
    "programmes": "programs",
    "centre": "center",
    "centres": "centers",
    "theatre": "theater",
    "metre": "meter",
    "fibre": "fiber",
    "calibre": "caliber",
    "labour": "labor",
    "honour": "honor",
    "favour": "favor",
    "armour": "armor",
    "armoured": "armored",
    "harbour": "harbor",
    "neighbour": "neighbor",
    "neighbouring": "neighboring",
    "behaviour": "behavior",
    "endeavour": "endeavor",
    "colour": "color",
    "rumour": "rumor",
    "specialised": "specialized",
    "authorised": "authorized",
    "recognised": "recognized",
    "militarised": "militarized",
    "demilitarised": "demilitarized",
    "analyse": "analyze",
    "catalogue": "catalog",
    "travelling": "traveling",
    "counselling": "counseling",
    "enrolment": "enrollment",
    "judgement": "judgment",
    "ageing": "aging",
    "sceptic": "skeptic",
}
# "-isation" is the one suffix that is always British for "-ization" (organisation,
# stabilisation, privatisation, civilisation), so it is folded without a table entry.
_ISATION = re.compile(r"isation(s?)\b")

# Prefixes written with or without a hyphen ("Co-operation", "Cooperation";
# "Non-Proliferation", "Nonproliferation"): joined to their word.
_JOINED_PREFIX = re.compile(r"\b(co|non|anti|counter|inter|multi|trans|semi)-(?=[a-z])")
_APOSTROPHES = "'’‘ʼ`´"  # anyascii turns the soft sign into one too: "Gogol'"
_POSSESSIVE = re.compile(rf"(?<=\w)[{_APOSTROPHES}]s\b")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def alias_key(text: str) -> str:
    """The exact-match key of a name: one key for one name however it is written.

    Transliterates to ASCII (Cyrillic and accented Latin: "Путин" -> "putin",
    "ОДКБ" -> "odkb", "Bogotá" -> "bogota"), casefolds, drops a possessive ("Putin's"),
    a leading "the", apostrophes and the dots of acronyms ("U.S." -> "us"), joins
    prefixes written with a hyphen ("Co-operation" -> "cooperation"), spells out
    "&" and "+" ("OPEC+" -> "opec plus"), turns other punctuation into spaces
    ("al-Qaeda" -> "al qaeda"), and spells British words the American way
    ("Organisation" -> "organization").

    Examples:
        >>> alias_key("the U.S. State Department's")
        'us state department'
        >>> alias_key("Collective Security Treaty Organisation")
        'collective security treaty organization'
    """
    text = _POSSESSIVE.sub("", unicodedata.normalize("NFC", text))
    text = anyascii(text).casefold().replace("&", " and ").replace("+", " plus ")
    text = _JOINED_PREFIX.sub(r"\1", text)
    for mark in _APOSTROPHES + ".":
        text = text.replace(mark, "")
    words = _NOT_WORD.sub(" ", text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(_ISATION.sub(r"ization\1", _AMERICAN_SPELLING.get(w, w)) for w in words)


# Romanisation variants of Russian and Central Asian names, folded in this order
# (later rules see the output of earlier ones). Each rule names its examples; the
# tests hold every example to its rule.
_SOUND_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"shch|sch", "sh"),  # Shchekin / Schekin / Shekin (Щ)
        (r"dzh|dj|zh", "j"),  # Tadzhik / Tadjik / Tajik; Zhanibek / Janibek (Ж, Ҷ)
        (r"kh", "h"),  # Rakhmon / Rahmon (Х)
        (r"x", "ks"),  # Alexander / Aleksandr
        (r"ck|q", "k"),  # Haqqani / Khakkani; Qurbonov / Kurbonov (Қ)
        (r"tz", "ts"),  # Tzar / Tsar (Ц)
        (r"w", "v"),  # Wladimir / Vladimir; Lawrow / Lavrov (German romanisation)
        (r"(?<=\w)off\b", "ov"),  # Smirnoff / Smirnov
        (r"(?<=\w)yo", "e"),  # Pyotr / Petr; Mirziyoyev / Mirzieev (Ё)
        (r"ye", "e"),  # Yevgeny / Evgeny; Nazarbayev / Nazarbaev (Е)
        (r"y", "i"),  # Dmitry / Dmitri; Yuri / Iuri; Sergey / Sergei (Й, Ы, Ю, Я)
        (r"ij\b", "i"),  # Jurij / Yuri
        (r"ander\b", "andr"),  # Alexander / Aleksandr
        (r"([a-z])\1+", r"\1"),  # Dmitrii / Dmitri; Mariia / Maria; Haqqani / Hakani
    )
)


def sound_key(text: str) -> str:
    """A looser key under which transliteration variants of one name meet.

    Built from ``alias_key`` by the rules in ``_SOUND_RULES``: "Rakhmon", "Rahmon" and
    "Рахмон" give "rahmon"; "Dmitriy", "Dmitry", "Dmitrii" and "Дмитрий" give
    "dmitri". Vowels are kept, so "Rahman" stays apart from "Rahmon" and "Lavrin"
    from "Lavrov", and a feminine surname stays apart from the masculine one
    ("Putina" is not "Putin": they name different people).

    Examples:
        >>> sound_key("Emomali Rakhmon") == sound_key("Эмомали Рахмон")
        True
    """
    key = alias_key(text)
    for pattern, replacement in _SOUND_RULES:
        key = pattern.sub(replacement, key)
    return key


def _word_set(words: str) -> frozenset[str]:
    """A set of words written as one string, the way a reader would list them."""
    return frozenset(words.split())


# Honorifics and ranks written before a name, as alias keys (dots already gone).
_HONORIFICS = _word_set(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady madam monsieur mme sen
    senator rep gov governor gen general lt col colonel maj major capt captain cmdr
    adm admiral sgt cpl pvt brig marshal rev reverend fr father imam mullah hon
    president pm minister
    """
)
# Words written after a name that are not part of it.
_SUFFIXES = _word_set("jr sr ii iii iv phd md")
# Lower-case particles that belong with the surname: "Ursula von der Leyen",
# "Abu Bakr al-Baghdadi", "Charles de Gaulle".
_PARTICLES = _word_set(
    """
    de da di do dos das du del della der den van von ter ten la le bin ibn al el ul
    ud ad
    """
)
# A patronymic ends the name in Russian official order ("Путин Владимир
# Владимирович"): then the surname comes first.
_PATRONYMIC = re.compile(r"(ovich|evich|ovna|evna|ichna|inichna)$")


def person_name_parts(name: str) -> tuple[str | None, str]:
    """The given name and the surname of a person, as alias keys.

    Honorifics and ranks before the name ("Mr", "Dr", "Sen.", "Gen.") and suffixes
    after it ("Jr.") are dropped; middle names and patronymics are skipped; particles
    stay with the surname ("von der Leyen", "al Baghdadi"). A name in Russian
    official order, surname first and ending in a patronymic ("Путин Владимир
    Владимирович"), and a name written "Surname, Given" are read the same way. The
    given name is None when only one name is written; an initial ("V. Putin") is
    returned as its single letter, for the caller to treat as compatible with any
    given name starting with it.

    Examples:
        >>> person_name_parts("Vladimir Vladimirovich Putin")
        ('vladimir', 'putin')
        >>> person_name_parts("Putin")
        (None, 'putin')
    """
    if name.count(",") == 1:
        surname_part, given_part = name.split(",")
        if given_part.strip() and alias_key(given_part) not in _SUFFIXES:
            name = f"{given_part} {surname_part}"
    words = alias_key(name).split()
    while len(words) > 1 and words[0] in _HONORIFICS:
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    if not words:
        return None, ""
    if len(words) == 1:
        return None, words[0]
    if len(words) == 3 and _PATRONYMIC.search(words[2]):
        return words[1], words[0]
    surname_start = len(words) - 1
    while surname_start > 1 and words[surname_start - 1] in _PARTICLES:
        surname_start -= 1
    return words[0], " ".join(words[surname_start:])


# Words an acronym skips, English and Russian ("Организация Договора о коллективной
# безопасности" -> "ОДКБ").
_ACRONYM_SKIPS = _word_set(
    """
    of the and for in on at to a an by with de du des la le et и о об в во на по для
    """
)
_ACRONYM_WORD = re.compile(r"[^\W\d_][\w'’]*|\d+", re.UNICODE)


def acronym_of(long_form: str) -> str:
    """The initials of the significant words of a long name, upper case.

    Function words are skipped ("of", "the", "and", "for", Russian "о", "по"...). In a
    hyphenated word, a part counts only when it is capitalised: "Asia-Pacific
    Economic Cooperation" is APEC, "Organization for Security and Co-operation in
    Europe" is OSCE. Digits stand for themselves (the "Group of 20" is not an
    acronym of initials; callers compare the result against what the text has).

    Examples:
        >>> acronym_of("North Atlantic Treaty Organization")
        'NATO'
        >>> acronym_of("Организация Договора о коллективной безопасности")
        'ОДКБ'
    """
    letters: list[str] = []
    for word in long_form.split():
        parts = [part for part in word.split("-") if part]
        for index, part in enumerate(parts):
            match = _ACRONYM_WORD.search(part)
            if match is None:
                continue
            token = match.group()
            if token.casefold() in _ACRONYM_SKIPS:
                continue
            if index > 0 and not token[0].isupper():
                continue
            letters.append(token if token.isdigit() else token[0].upper())
    return "".join(letters)


def is_acronym(text: str, shortest: int = 2, longest: int = 10) -> bool:
    """Capital letters only, dots and "&" aside ("CSTO", "U.S.", "AT&T"), within a length."""
    letters = text.replace(".", "").replace("&", "")
    return shortest <= len(letters) <= longest and letters.isalpha() and letters.isupper()
