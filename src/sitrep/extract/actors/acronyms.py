"""Acronyms a report defines itself: "Collective Security Treaty Organization, or CSTO",
"Collective Security Treaty Organisation (CSTO)", "CSTO (Collective Security ...)".

A definition binds the two forms within the report even when the acronym is not
the long form's initials ("..., or OSTO"), which is how a typo gets its meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.models import EntityType, Mention

# An acronym as written: capitals (Latin or Cyrillic), digits, "&" and "-" inside.
_ACRONYM = r"[A-ZА-ЯЁ][A-ZА-ЯЁ0-9&-]{1,9}"
_AFTER_LONG_FORM = re.compile(
    rf"\s*(?:,\s*(?:or|also known as|known as)\s+|\(\s*)(?P<acronym>{_ACRONYM})\b"
)
_LONG_FORM_IN_BRACKETS = re.compile(r"\s*\(\s*(?P<long>[A-ZА-ЯЁ][^()\n]{5,120}?)\s*\)")


@dataclass(frozen=True, slots=True)
class AcronymDefinition:
    long_form: Mention
    acronym: Mention


def acronym_definitions(text: str, mentions: list[Mention]) -> list[AcronymDefinition]:
    """Every definition next to an organisation mention, with the acronym as a mention.

    Args:
        text: the report text the mentions index.
        mentions: the report's name mentions; organisations among them are long
            forms ("... Organization, or CSTO") or acronyms ("CSTO (Collective ...)").
    """
    definitions: list[AcronymDefinition] = []
    for mention in mentions:
        if mention.type is not EntityType.ORG:
            continue
        after = text[mention.end : mention.end + 140]
        if not _is_acronym(mention.text) and (match := _AFTER_LONG_FORM.match(after)):
            start = mention.end + match.start("acronym")
            acronym = Mention(
                start, start + len(match["acronym"]), match["acronym"], EntityType.ORG
            )
            definitions.append(AcronymDefinition(mention, acronym))
        elif _is_acronym(mention.text) and (match := _LONG_FORM_IN_BRACKETS.match(after)):
            start = mention.end + match.start("long")
            long_form = Mention(start, start + len(match["long"]), match["long"], EntityType.ORG)
            if _is_plausible_long_form(match["long"]):
                definitions.append(AcronymDefinition(long_form, mention))
    return definitions


def _is_acronym(text: str) -> bool:
    return re.fullmatch(_ACRONYM, text) is not None


def _is_plausible_long_form(text: str) -> bool:
    """Two or more words, mostly capitalised: a name, not an aside in brackets."""
    words = text.split()
    capitalised = sum(word[:1].isupper() for word in words)
    return len(words) >= 2 and capitalised * 2 > len(words)
