"""``sitrep quotes`` and the quotes in ``sitrep export``, over a store built by hand (fast)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from sitrep.cli import app
from sitrep.report.dossier import quote_record
from sitrep.store.sqlite import SQLiteStore
from tests.conftest import FakeEmbedder, quoted_report

DAY = dt.date(2025, 2, 3)
ENGLISH = "The mountain road will stay closed to lorries until the bridge has been inspected."
RUSSIAN = "Горная дорога останется закрытой для грузовиков, пока мост не проверят."
OTHER = "We have asked the army engineers to build a temporary crossing downstream."
LONG = "Nobody was hurt when the slope gave way, " + "and the villagers acted fast, " * 6 + "too."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cases.db"
    embedder = FakeEmbedder(dict.fromkeys((ENGLISH, RUSSIAN), "road"))
    with SQLiteStore.open(str(path), embedder=embedder) as store:
        for report in (
            quoted_report("road-en.txt", "Pavel Orlik", [ENGLISH, OTHER], published=DAY),
            quoted_report("road-ru.txt", "Pavel Orlik", [RUSSIAN], published=DAY, language="ru"),
            quoted_report("slope.txt", "Dana Wren", [LONG], published=DAY),
        ):
            store.add_report(report, None, None)
    return path


def invoke(*arguments: str | Path) -> Result:
    return CliRunner().invoke(app, [str(argument) for argument in arguments])


def test_cli_quotes_lists_who_said_what(db: Path) -> None:
    result = invoke("quotes", "--db", db)
    assert result.exit_code == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["id", "speaker", "kind", "report", "family", "text"]
    assert len(rows) == 4
    assert rows[0].split()[:5] == ["1", "Pavel", "Orlik", "direct", "1"]
    assert rows[0].split()[5] == "1"  # the family of the English and the Russian quote
    assert f"“{ENGLISH[:60]}" in rows[0]
    assert rows[1].split()[5].startswith("“")  # no family
    assert rows[3].endswith("…”")  # a long quote is shortened
    assert len(rows[3]) < len(LONG)


def test_cli_quotes_of_one_speaker_by_any_case(db: Path) -> None:
    result = invoke("quotes", "--speaker", "dana WREN", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert [row.split()[1:3] for row in result.stdout.splitlines()[1:]] == [["Dana", "Wren"]]
    nobody = invoke("quotes", "--speaker", "Nobody Known", "--db", db)
    assert nobody.exit_code == 0
    assert nobody.stdout.startswith("No quotes by Nobody Known in ")


def test_cli_quotes_limit(db: Path) -> None:
    result = invoke("quotes", "--db", db, "--limit", "2")
    assert len(result.stdout.splitlines()) == 4  # header, two quotes, "and more"
    assert result.stdout.splitlines()[-1].startswith("... and more")


def test_cli_quotes_as_json_has_the_dossier_fields(db: Path) -> None:
    result = invoke("quotes", "--db", db, "--format", "json", "--speaker", "Pavel Orlik")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    with SQLiteStore.open(str(db)) as store:
        expected = [quote_record(item) for item in store.quotes(speaker="Pavel Orlik")]
    assert [{k: v for k, v in r.items() if k != "speaker_name"} for r in records] == expected
    assert {record["speaker_name"] for record in records} == {"Pavel Orlik"}
    assert [record["family"] for record in records] == [1, None, 1]


def test_cli_quotes_refuses_a_missing_store(tmp_path: Path) -> None:
    result = invoke("quotes", "--db", tmp_path / "none.db")
    assert result.exit_code == 2
    assert "no store here" in result.stderr


def test_cli_export_carries_the_quotes(db: Path, tmp_path: Path) -> None:
    assert invoke("export", "--db", db, "-o", tmp_path / "d.json").exit_code == 0
    dossier = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert [quote["text"] for quote in dossier["quotes"]] == [ENGLISH, OTHER, RUSSIAN, LONG]
    assert dossier["quote_families"] == [{"id": 1, "speaker": 1, "quotes": [1, 3]}]
    assert invoke("export", "--db", db, "--format", "md", "-o", tmp_path / "d.md").exit_code == 0
    markdown = (tmp_path / "d.md").read_text(encoding="utf-8")
    assert "\n## Quotes\n\n### Pavel Orlik\n" in markdown
    assert f"  - also “{RUSSIAN}”" in markdown
