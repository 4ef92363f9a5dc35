"""Roles: the titles news text puts before, after or instead of a name.

"Tajik President Emomali Rakhmon" names a person and gives his role, President of
Tajikistan; "Natalia Kharitonova, press secretary of the CSTO secretariat" gives it
after the name; "Kazakhstan's prime minister" gives the role with no name at all.
The titles are a data table; the functions only read the few tokens around a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Titles as they are written, lower case, longest first when one is a prefix of
# another ("foreign minister" before "minister"). Capitalised in roles.
TITLES: tuple[str, ...] = tuple(
    sorted(
        {
            "president", "vice president", "vice-president", "prime minister",
            "deputy prime minister", "first deputy prime minister", "foreign minister",
            "defence minister", "defense minister", "interior minister", "finance minister",
            "economy minister", "energy minister", "justice minister", "minister",
            "deputy foreign minister", "deputy defence minister", "deputy defense minister",
            "deputy minister", "secretary general", "secretary-general",
            "deputy secretary general", "secretary of state", "defense secretary",
            "defence secretary", "foreign secretary", "home secretary", "press secretary",
            "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy",
            "special envoy", "special representative", "chairman", "chairwoman", "chair",
            "chief executive", "chief executive officer", "ceo", "chief of staff",
            "chief of the general staff", "chief", "head", "director", "director general",
            "director-general", "king", "queen", "emir", "crown prince", "sultan", "sheikh",
            "chancellor", "governor", "mayor", "senator", "sen.", "congressman",
            "congresswoman", "representative", "rep.", "speaker", "leader",
            "supreme leader", "commander", "commander-in-chief", "general", "gen.",
            "lieutenant general", "major general", "colonel", "col.", "admiral",
            "marshal", "analyst", "expert", "professor", "prof.", "judge", "justice",
            "prosecutor", "prosecutor general", "attorney general", "pope", "patriarch",
            "archbishop", "mufti", "imam", "founder", "co-founder", "executive",
            "vice chairman", "vice-chairman", "board member", "chief financial officer",
            "cfo", "chief operating officer", "coo", "deputy",
        },
        key=lambda title: (-len(title.split()), -len(title)),
    )
)  # fmt: skip

# Words that make a following title a description of someone ("the Russian leader").
LEADER_TITLES = frozenset({"president", "leader", "prime minister", "head of state", "premier"})

_TITLE_WORDS = frozenset(word for title in TITLES for word in title.split())


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A title found in a run of words: where it starts and ends, and its canonical form."""

    start: int  # index of its first word
    end: int  # one past its last word
    title: str  # "Foreign Minister"


def canonical_title(words: str) -> str:
    """ "foreign minister" -> "Foreign Minister"; "CEO" stays as written."""
    return " ".join(w if w.isupper() and len(w) > 1 else w.capitalize() for w in words.split())


def title_at_end(words: list[str]) -> TitleMatch | None:
    """The longest title that ``words`` ends with ("... Tajik President" -> President)."""
    lowered = [w.lower() for w in words]
    for title in TITLES:
        parts = title.split()
        if len(parts) <= len(lowered) and lowered[-len(parts) :] == parts:
            start = len(words) - len(parts)
            return TitleMatch(start, len(words), canonical_title(" ".join(words[start:])))
    return None


def title_at_start(words: list[str]) -> TitleMatch | None:
    """The longest title ``words`` begins with ("press secretary of ..." -> Press Secretary)."""
    lowered = [w.lower() for w in words]
    for title in TITLES:
        parts = title.split()
        if lowered[: len(parts)] == parts:
            return TitleMatch(0, len(parts), canonical_title(" ".join(words[: len(parts)])))
    return None


def is_title_word(word: str) -> bool:
    return word.lower() in _TITLE_WORDS


def role_name(title: str, of: str | None) -> str:
    """The role as the dossier shows it: "President of Tajikistan", or just "President"."""
    return f"{title} of {of}" if of else title


# "press secretary of the CSTO secretariat", "head of the department of Central Asia":
# an apposition after a name, up to the next comma, closing bracket or sentence end.
_APPOSITION = re.compile(
    r"^\s*,\s*(?:the\s+|a\s+)?(?P<role>[^,;:()\"“”«»\n]{3,120}?)\s*(?=[,;)\n]|\.\s|\.$)"
)


def apposition_role(after: str, is_title: Callable[[list[str]], TitleMatch | None]) -> str | None:
    """The role an apposition right after a name states, if it starts with a title.

    Args:
        after: the text right after the name.
        is_title: finds the title a run of words starts with (``title_at_start``).
    """
    match = _APPOSITION.match(after)
    if match is None:
        return None
    role = match["role"].strip()
    words = role.split()
    found = is_title(words)
    if found is None:
        return None
    rest = " ".join(words[found.end :])
    return f"{found.title} {rest}".strip() if rest.startswith("of ") else found.title
