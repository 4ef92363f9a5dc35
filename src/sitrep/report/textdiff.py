"""Word-level differences between versions of one text (a quote as different outlets
carry it), for highlighting what one version says that the first does not."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from sitrep.report.pages import Token

_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]+|\s+")


def marked_differences(reference: str, version: str) -> list[Token]:
    """``version`` as tokens (words, punctuation and the spaces between them, so joining
    them gives it back), each marked when it is not in ``reference`` at that place.

    Words are compared case-blind and apostrophe-blind; spaces and punctuation are never
    marked, so a version that only re-punctuates shows no difference.
    """
    tokens = _WORD.findall(version)
    words = [index for index, token in enumerate(tokens) if _is_word(token)]
    reference_words = [_key(token) for token in _WORD.findall(reference) if _is_word(token)]
    version_words = [_key(tokens[index]) for index in words]
    same: set[int] = set()
    matcher = SequenceMatcher(a=reference_words, b=version_words, autojunk=False)
    for block in matcher.get_matching_blocks():
        same.update(words[block.b : block.b + block.size])
    word_positions = set(words)
    return [
        Token(text=token, marked=index in word_positions and index not in same)
        for index, token in enumerate(tokens)
    ]


def _key(word: str) -> str:
    # Outlets differ in apostrophes as in punctuation: "won’t" is "won't".
    return word.casefold().replace("’", "'")


def _is_word(token: str) -> bool:
    return token[:1].isalnum() or token[:1] == "_"


def runs(tokens: list[Token]) -> list[Token]:
    """Neighbouring tokens of one kind (marked or not) merged: the same text in far fewer
    pieces to send and render."""
    merged: list[Token] = []
    for token in tokens:
        if merged and merged[-1].marked == token.marked:
            merged[-1] = Token(text=merged[-1].text + token.text, marked=token.marked)
        else:
            merged.append(token)
    return merged
