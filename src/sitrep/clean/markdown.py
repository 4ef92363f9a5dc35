"""Inline Markdown to plain text, line by line.

Reports saved from the web as "text" often carry Markdown (``# Headline``,
``By [Name](#)``, ``<https://...>``). The marks are not part of what the outlet
wrote, so they go; the words stay.
"""

from __future__ import annotations

import re

# What may stand before an opening emphasis mark: the start, a space, an opening bracket
# or quote.
_OPENS = r"""(?<![^\s(\[«"'“‘])"""
_SUBSTITUTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$"), r"\1"),  # ATX heading
    (re.compile(r"^\s{0,3}>\s?"), ""),  # block quote marker
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # image
    (re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*\)"), r"\1"),  # [text](url)
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # <https://autolink>
    # Emphasis opens before a word and closes after one: "**bold**", "the *six* states".
    # Asterisks that follow a word are footnote marks (Russian outlets star banned
    # organisations: «Талибан»*, ИГ**) or censoring (с*****м), and stay.
    (re.compile(rf"{_OPENS}(\*\*|__)(?=[^\W_])(.+?)(?<=[^\s*_])\1(?![\w*])"), r"\2"),  # strong
    (re.compile(rf"{_OPENS}\*(?=[^\W_])([^*\n]+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"`([^`]+)`"), r"\1"),  # code
)
_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")


def strip_inline_markdown(line: str) -> str:
    """``line`` without Markdown marks; a horizontal rule becomes an empty line."""
    if _RULE.match(line):
        return ""
    for pattern, replacement in _SUBSTITUTIONS:
        line = pattern.sub(replacement, line)
    return line
