"""Markdown marks go, the words stay; asterisks that are not markup stay too."""

from __future__ import annotations

import pytest

from sitrep.clean.markdown import strip_inline_markdown


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("# Border fears grow", "Border fears grow"),
        ("### Subhead ###", "Subhead"),
        ("By [Jane Doe](#)", "By Jane Doe"),
        ("See [the report](https://example.org/a_(b)) today", "See the report today"),
        ("![a picture](https://example.org/p.jpg)", ""),
        ("<https://example.org/a>", "https://example.org/a"),
        ("**bold** and __strong__", "bold and strong"),
        ("the *six* member states", "the six member states"),
        ("(*aside*)", "(aside)"),
        ("`code`", "code"),
        ("> quoted", "quoted"),
        ("---", ""),
        # footnote marks and censoring in Russian news are text, not emphasis
        ("«Талибан»* и ИГ**, «Нусра»***", "«Талибан»* и ИГ**, «Нусра»***"),
        ("назвал его «с*****м сыном»", "назвал его «с*****м сыном»"),
        ("***** «Талибан» — организация запрещена", "***** «Талибан» — организация запрещена"),
        ("2*3*4 = 24", "2*3*4 = 24"),
        ("snake_case_name and other_name", "snake_case_name and other_name"),
        ("#hashtag stays", "#hashtag stays"),
    ],
)
def test_strip_inline_markdown(line: str, expected: str) -> None:
    assert strip_inline_markdown(line) == expected
