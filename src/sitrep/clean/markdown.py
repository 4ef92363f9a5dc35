"""Inline Markdown to plain text, line by line.

Reports saved from the web as "text" often carry Markdown (``# Headline``,
``By [Name](#)``, ``<https://...>``). The marks are not part of what the outlet
wrote, so they go; the words stay.
"""

from __future__ import annotations

import re

_SUBSTITUTIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$"), r"\1"),  # ATX heading
    (re.compile(r"^\s{0,3}>\s?"), ""),  # block quote marker
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # image
    (re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*\)"), r"\1"),  # [text](url)
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # <https://autolink>
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
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
