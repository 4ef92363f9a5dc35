"""The Markdown dossier: a table of sources first, then each report; and the docs stay true."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from typing import Any

from sitrep.models import DateWindow
from sitrep.report import write_markdown
from sitrep.store.sqlite import SQLiteStore
from tests.conftest import REPO
from tests.report.conftest import (
    COPY_URL,
    GENERATED_AT,
    OTHER_REMARK,
    QUOTE_SPEAKER,
    REMARK_EN,
    REMARK_FR,
    REMARK_RU,
    processed_report,
    store_report,
)

DOCS = REPO / "docs"


def render(store: SQLiteStore) -> str:
    out = io.StringIO()
    write_markdown(store.reports(), out, GENERATED_AT)
    return out.getvalue()


def sources_table(markdown: str) -> list[list[str]]:
    """The rows of the sources table, cells split on unescaped pipes and unescaped."""
    section = markdown.split("## Sources\n\n", 1)[1].split("\n\n", 1)[0]
    header, rule, *rows = section.splitlines()
    assert header == "| # | Published | Outlet | Title | Language | Notes |"
    assert rule == "|---|---|---|---|---|---|"
    return [
        [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row)[1:-1]]
        for row in rows
    ]


def report_section(markdown: str, report_id: int) -> str:
    return markdown.split(f"\n### {report_id}. ", 1)[1].split("\n### ", 1)[0]


def test_markdown_starts_with_the_sources_table(dossier_store: SQLiteStore) -> None:
    markdown = render(dossier_store)
    assert markdown.startswith(
        "# Situation report\n\n"
        "Generated 2025-06-02 09:15 UTC from 4 reports (3 independent).\n\n"
        "## Sources\n\n| # |"
    )
    assert markdown.index("## Sources") < markdown.index("## Reports")


def test_markdown_has_one_row_per_document(dossier_store: SQLiteStore) -> None:
    rows = sources_table(render(dossier_store))
    assert [row[0] for row in rows] == ["1", "2", "3", "4"]
    assert all(len(row) == 6 for row in rows)
    assert rows[0] == [
        "1",
        "2025-04-01 to 2026-12-31 (inferred)",
        "Northbay Courier",
        "Ferry link to Kessel Island to reopen after storm repairs",
        "en",
        "",
    ]


def test_markdown_escapes_pipes_in_titles(dossier_store: SQLiteStore) -> None:
    markdown = render(dossier_store)
    row = next(line for line in markdown.splitlines() if line.startswith("| 3 |"))
    assert "Ministry: “no change” \\| island subsidies" in row
    assert sources_table(markdown)[2][3] == "Ministry: “no change” | island subsidies"


def test_markdown_shows_inferred_windows(dossier_store: SQLiteStore) -> None:
    rows = {row[0]: row for row in sources_table(render(dossier_store))}
    assert rows["1"][1] == "2025-04-01 to 2026-12-31 (inferred)"
    assert rows["4"][1] == "on or before 2027-12-31 (inferred)"
    assert rows["2"][1] == "2025-05-13"  # stated: no flag


def test_markdown_window_open_at_the_end_and_undated(memory_store: SQLiteStore) -> None:
    store_report(
        memory_store,
        processed_report(
            "Kessel pier reopened\n\nThe pier reopened after repairs that began in May 2025.",
            origin="a.txt",
            title="Kessel pier reopened",
            window=DateWindow(dt.date(2025, 5, 1), None),
        ),
    )
    store_report(
        memory_store,
        processed_report("Undated note\n\nNothing in it is dated at all.", origin="b.txt"),
    )
    rows = sources_table(render(memory_store))
    assert rows[0][1] == "on or after 2025-05-01 (inferred)"
    assert rows[1][1] == "undated"


def test_markdown_marks_copies_and_counts_them_once(dossier_store: SQLiteStore) -> None:
    markdown = render(dossier_store)
    rows = {row[0]: row for row in sources_table(markdown)}
    assert rows["2"][5] == "copy of #1"
    assert rows["1"][5] == ""
    assert "from 4 reports (3 independent)" in markdown
    assert "Note: copy of #1" in report_section(markdown, 2)


def test_markdown_flags_machine_translation_and_encoding(dossier_store: SQLiteStore) -> None:
    markdown = render(dossier_store)
    rows = {row[0]: row for row in sources_table(markdown)}
    assert rows["3"][5] == "machine-translated"
    assert rows["3"][4] == "ru"
    assert rows["4"][5] == "decoded from cp1251"
    assert rows["4"][2] == "unknown"  # no outlet
    assert rows["4"][4] == "unknown"  # no language


def test_markdown_report_sections(dossier_store: SQLiteStore) -> None:
    markdown = render(dossier_store)
    ferry = report_section(markdown, 1)
    assert ferry.startswith("Ferry link to Kessel Island to reopen after storm repairs\n\n")
    assert "*Northbay Courier, Marta Lindqvist, 2025-04-01 to 2026-12-31 (inferred)*" in ferry
    assert "`reports/kessel-ferry.txt`" in ferry
    # The lead is the first paragraph of prose, not the headline again.
    assert "\n> The passenger ferry between Port Aldern" in ferry
    assert "> Ferry link" not in ferry
    assert f"<{COPY_URL}>" in report_section(markdown, 2)
    # A record that states its URL shows both where it is online and where it was read.
    ministry = report_section(markdown, 3)
    assert "<https://news.example.org/2025/06/03/субсидии>" in ministry
    assert "`feeds/ministry.jsonl#3`" in ministry
    assert "> Министерство транспорта заявило" in ministry


def test_markdown_one_report_is_singular(memory_store: SQLiteStore) -> None:
    store_report(
        memory_store, processed_report("Note\n\nOne short report.", origin="c.txt", title="Note")
    )
    assert "from 1 report.\n" in render(memory_store)


def test_markdown_path_with_backticks_stays_one_code_span(memory_store: SQLiteStore) -> None:
    store_report(
        memory_store,
        processed_report("Odd name\n\nA file with a backtick.", origin="odd`name.txt"),
    )
    assert "``odd`name.txt``" in render(memory_store)


def test_markdown_of_an_empty_store(memory_store: SQLiteStore) -> None:
    markdown = render(memory_store)
    assert "from 0 reports.\n" in markdown
    assert sources_table(markdown) == []


def render_with_quotes(store: SQLiteStore) -> str:
    out = io.StringIO()
    speakers = {entity.id: entity.name for entity in store.entities()}
    write_markdown(store.reports(), out, GENERATED_AT, quotes=store.quotes(), speakers=speakers)
    return out.getvalue()


def quotes_section(markdown: str) -> str:
    return markdown.split("\n## Quotes\n", 1)[1].split("\n## ", 1)[0]


def test_markdown_quotes_by_speaker_with_families_together(quoted_store: SQLiteStore) -> None:
    markdown = render_with_quotes(quoted_store)
    assert markdown.index("## Sources") < markdown.index("## Quotes") < markdown.index("## Reports")
    section = quotes_section(markdown)
    speaker, unknown = section.split("\n### ")[1:]
    assert speaker.startswith(f"{QUOTE_SPEAKER}\n\n")
    items = speaker.strip().split("\n")[2:]
    # The family is one item: the first report's words, then every other report's.
    assert items == [
        f"- “{REMARK_EN}” (direct; #1 Coast Herald, 2025-05-20)",
        f"  - also “{REMARK_RU}” (direct; #2 Vestnik, 2025-05-20)",
        f"  - also “{REMARK_FR}” (indirect; #3 unknown outlet, 2025-05-21)",
        f"- “{OTHER_REMARK}” (direct; #1 Coast Herald, 2025-05-20)",
    ]
    assert unknown.startswith("Speakers not identified\n\n")
    assert "- “Nothing is decided yet.” (an official, direct; #4 unknown outlet" in unknown


def test_markdown_without_quotes_has_no_quotes_section(dossier_store: SQLiteStore) -> None:
    assert "## Quotes" not in render_with_quotes(dossier_store)


# --- docs/dossier.md stays true to docs/dossier.schema.json ---


def _property_names(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                yield from value
            yield from _property_names(value)
    elif isinstance(node, list):
        for item in node:
            yield from _property_names(item)


def test_docs_mention_every_schema_property() -> None:
    schema = json.loads((DOCS / "dossier.schema.json").read_text(encoding="utf-8"))
    prose = (DOCS / "dossier.md").read_text(encoding="utf-8")
    names = set(_property_names(schema))
    assert {"text", "published_window", "duplicate_of", "doc", "start", "end"} <= names
    missing = sorted(name for name in names if f"`{name}`" not in prose)
    assert missing == []


def test_docs_describe_every_section_of_the_schema() -> None:
    schema = json.loads((DOCS / "dossier.schema.json").read_text(encoding="utf-8"))
    prose = (DOCS / "dossier.md").read_text(encoding="utf-8")
    top = prose.split("## Top level", 1)[1].split("\n## ", 1)[0]
    assert sorted(schema["properties"]) == sorted(schema["required"])
    assert all(f"| `{name}` |" in top for name in schema["properties"])
