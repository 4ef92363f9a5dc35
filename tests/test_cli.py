"""``sitrep ingest`` as a user runs it: one line per failure, a summary, the exit code.

Slow: the command runs the real pipeline. Most tests hand it the session pipeline
(models loaded once); ``test_cli_ingest_builds_its_own_pipeline`` lets it load its own.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from sitrep.cli import app
from sitrep.store.migrations import LATEST_VERSION
from tests.test_pipeline import BRIDGE, BRIDGE_COPY, MARKET, RALLY_RU, bad_batch, write

pytestmark = pytest.mark.slow

CAP_MB = "0.004"  # 4.1 KB: the oversized input of bad_batch is over it, the others not


@pytest.fixture
def run(pipeline: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    """Run ``sitrep`` in ``tmp_path`` with no SITREP_* set, reusing the loaded models."""
    monkeypatch.setattr("sitrep.pipeline.Pipeline", lambda _settings: pipeline)
    monkeypatch.chdir(tmp_path)
    for name in ("SITREP_DB", "SITREP_MAX_INPUT_MB"):
        monkeypatch.delenv(name, raising=False)

    def invoke(*arguments: str | Path, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(app, [str(argument) for argument in arguments], env=env)

    return invoke


def _reports(db: Path) -> list[tuple[int, str, int | None]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT id, origin, duplicate_of FROM reports ORDER BY id"
        ).fetchall()


def _summary(result: Result) -> tuple[int, int, int]:
    match = re.search(r"Ingested (\d+).*?, (\d+) already stored, (\d+) failed\.", result.stderr)
    assert match, result.stderr
    ingested, duplicates, failed = (int(group) for group in match.groups())
    return ingested, duplicates, failed


def test_cli_ingest_a_batch_with_bad_inputs(run: Any, tmp_path: Path) -> None:
    batch = bad_batch(tmp_path / "in")
    db = tmp_path / "cases.db"
    result = run("ingest", *batch.values(), "--db", db, "--max-input-mb", CAP_MB)

    assert result.exit_code == 1
    assert result.stdout == ""  # stdout stays clean for scripts
    lines = result.stderr.splitlines()
    errors = [line for line in lines if line.startswith("error: ")]
    expected = {
        "missing": "no such file or folder",
        "empty": "the input is empty; nothing to ingest",
        "binary": "this is a PNG image, not a text report",
        "oversized": "7.5 KB is over the 4.1 KB cap; raise it with --max-input-mb",
        "no_article": "no article text in this page",
    }
    assert len(errors) == len(expected)  # one line per failure
    for name, reason in expected.items():
        [line] = [line for line in errors if line.startswith(f"error: {batch[name]}: ")]
        assert reason in line, line
    assert f"note: {batch['rally']}: decoded as cp1251 (not UTF-8)" in lines
    assert lines[-1] == f"Ingested 3, 0 already stored, 5 failed. The store {db} holds 3 reports."
    assert [origin for _, origin, _ in _reports(db)] == [
        str(batch["bridge"]),
        str(batch["market"]),
        str(batch["rally"]),
    ]


def test_cli_reingest_changes_nothing(run: Any, tmp_path: Path) -> None:
    paths = [write(tmp_path, "in/bridge.txt", BRIDGE), write(tmp_path, "in/market.txt", MARKET)]
    first = run("ingest", tmp_path / "in")
    assert first.exit_code == 0, first.stderr
    db = tmp_path / "sitrep.db"  # the default: sitrep.db in the working folder
    before = _reports(db)

    again = run("ingest", tmp_path / "in")
    assert again.exit_code == 0, again.stderr
    assert _summary(again) == (0, 2, 0)
    for path in paths:
        assert f"skipped: {path}: same text as report" in again.stderr
    assert "holds 2 reports" in again.stderr
    assert _reports(db) == before


def test_cli_ingest_the_working_folder_with_its_store(run: Any, tmp_path: Path) -> None:
    # sitrep.db and its WAL files sit beside the reports: they are no reports.
    write(tmp_path, "bridge.txt", BRIDGE)
    assert run("ingest", ".").exit_code == 0
    write(tmp_path, "market.txt", MARKET)
    result = run("ingest", ".")
    assert result.exit_code == 0, result.stderr
    assert _summary(result) == (1, 1, 0)


def test_cli_exact_copy_under_another_name_is_a_duplicate(run: Any, tmp_path: Path) -> None:
    original = write(tmp_path, "gazette/bridge.txt", BRIDGE)
    copy = write(tmp_path, "downloads/bridge (1).txt", BRIDGE)
    later = write(tmp_path, "mail/attachment.txt", BRIDGE)
    result = run("ingest", original, copy)
    assert result.exit_code == 0, result.stderr
    assert _summary(result) == (1, 1, 0)
    assert f"skipped: {copy}: same text as another input of this batch" in result.stderr

    result = run("ingest", later)
    assert result.exit_code == 0
    assert _summary(result) == (0, 1, 0)
    assert f"skipped: {later}: same text as report 1; nothing changed" in result.stderr
    assert len(_reports(tmp_path / "sitrep.db")) == 1


def test_cli_near_duplicate_is_stored_as_a_copy(run: Any, tmp_path: Path) -> None:
    original = write(tmp_path, "gazette/bridge.txt", BRIDGE)
    copy = write(tmp_path, "wire/bridge.txt", BRIDGE_COPY)
    result = run("ingest", original, copy)
    assert result.exit_code == 0, result.stderr
    assert f"copy: {copy}: stored as report 2, a near-duplicate of report 1" in result.stderr
    assert "Ingested 2 (1 marked as copies), 0 already stored, 0 failed." in result.stderr
    assert _reports(tmp_path / "sitrep.db") == [(1, str(original), None), (2, str(copy), 1)]


def test_cli_sitrep_db_is_honoured(run: Any, tmp_path: Path) -> None:
    report = write(tmp_path, "bridge.txt", BRIDGE)
    from_env = tmp_path / "env.db"
    result = run("ingest", report, env={"SITREP_DB": str(from_env)})
    assert result.exit_code == 0, result.stderr
    assert len(_reports(from_env)) == 1
    assert not (tmp_path / "sitrep.db").exists()

    # --db wins over the environment.
    from_option = tmp_path / "option.db"
    result = run("ingest", report, "--db", from_option, env={"SITREP_DB": str(from_env)})
    assert result.exit_code == 0
    assert len(_reports(from_option)) == 1
    assert "holds 1 reports" in result.stderr


def test_cli_sitrep_max_input_mb_is_honoured(run: Any, tmp_path: Path) -> None:
    report = write(tmp_path, "bridge.txt", BRIDGE)
    result = run("ingest", report, env={"SITREP_MAX_INPUT_MB": "0.001"})
    assert result.exit_code == 1
    assert "is over the 1.0 KB cap" in result.stderr


def test_cli_quiet_prints_nothing_on_success(run: Any, tmp_path: Path) -> None:
    rally = write(tmp_path, "rally.txt", RALLY_RU.encode("cp1251"))  # a note, normally
    result = run("ingest", rally, write(tmp_path, "bridge.txt", BRIDGE), "--quiet")
    assert result.exit_code == 0
    assert (result.stdout, result.stderr) == ("", "")
    result = run("ingest", rally, "-q")  # a duplicate is no failure either
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_cli_quiet_still_names_failures(run: Any, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = run("ingest", write(tmp_path, "bridge.txt", BRIDGE), missing, "--quiet")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {missing}: no such file or folder",
        "Ingested 1, 0 already stored, 1 failed. The store sitrep.db holds 1 reports.",
    ]


@pytest.mark.parametrize("name", ["report [draft].txt", "notes [/b].txt", "[bold]x[/bold].txt"])
def test_cli_names_with_brackets_print_as_written(run: Any, tmp_path: Path, name: str) -> None:
    # rich read "[draft]" as a style tag and dropped it; "[/b]" crashed the command.
    path = write(tmp_path, name, b"")
    result = run("ingest", path)
    assert result.exit_code == 1
    assert f"error: {path}: the input is empty; nothing to ingest" in result.stderr.splitlines()


@pytest.mark.parametrize(
    ("arguments", "env", "message"),
    [
        pytest.param(["--db", ""], {}, "the store location is empty", id="empty-db"),
        pytest.param(["--db", "nowhere/cases.db"], {}, "does not exist", id="missing-folder"),
        pytest.param(["--db", "."], {}, "cannot be opened", id="db-is-a-folder"),
        pytest.param(["--max-input-mb", "0"], {}, "must be positive", id="zero-cap"),
        pytest.param(["--max-input-mb", "inf"], {}, "number of megabytes", id="infinite-cap"),
        pytest.param([], {"SITREP_MAX_INPUT_MB": "lots"}, "must be a number", id="env-cap"),
    ],
)
def test_cli_bad_settings_exit_2(
    run: Any, tmp_path: Path, arguments: list[str], env: dict[str, str], message: str
) -> None:
    report = write(tmp_path, "bridge.txt", BRIDGE)
    result = run("ingest", report, *arguments, env=env)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("error: ")
    assert message in line


def test_cli_database_of_a_newer_sitrep(run: Any, tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    assert run("ingest", write(tmp_path, "bridge.txt", BRIDGE), "--db", db).exit_code == 0
    with sqlite3.connect(db) as connection:
        connection.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    result = run("ingest", write(tmp_path, "market.txt", MARKET), "--db", db)
    assert result.exit_code == 2
    assert "upgrade sitrep" in result.stderr


def test_cli_extract_refuses_a_folder(run: Any, tmp_path: Path) -> None:
    result = run("extract", "metadata", tmp_path)
    assert result.exit_code == 2
    assert "is a directory" in " ".join(result.stderr.replace("│", " ").split())


def test_cli_ingest_builds_its_own_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SITREP_DB", raising=False)
    rally = write(tmp_path, "rally.txt", RALLY_RU.encode("cp1251"))
    result = CliRunner().invoke(app, ["ingest", str(rally), str(tmp_path / "gone.txt")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / 'gone.txt'}: no such file or folder",
        f"note: {rally}: decoded as cp1251 (not UTF-8)",
        "Ingested 1, 0 already stored, 1 failed. The store sitrep.db holds 1 reports.",
    ]


def test_cli_progress_bar_on_a_terminal(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The bar only shows on a terminal, which a test run never is: pretend it is one.
    from rich.console import Console

    import sitrep.cli

    terminal = Console(
        stderr=True, force_terminal=True, highlight=False, soft_wrap=True, markup=False
    )
    monkeypatch.setattr(sitrep.cli, "_errors", terminal)
    result = run("ingest", write(tmp_path, "bridge.txt", BRIDGE), tmp_path / "gone.txt")
    assert result.exit_code == 1
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", result.stderr)  # colours, cursor moves
    assert "Ingesting" in shown  # the bar was drawn
    assert f"error: {tmp_path / 'gone.txt'}: no such file or folder" in shown
    assert "Ingested 1, 0 already stored, 1 failed." in shown
    # --quiet draws no bar.
    quiet = run("ingest", write(tmp_path, "market.txt", MARKET), "--quiet")
    assert (quiet.exit_code, quiet.stderr) == (0, "")


@pytest.mark.parametrize("command", [["export", "--format", "json"], ["status"]])
def test_cli_reading_commands_do_not_create_a_store(
    run: Any, tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "typo.db"
    result = run(*command, "--db", missing)
    assert result.exit_code == 2
    assert "no store here" in result.stderr
    assert not missing.exists()


def test_cli_extract_entities_prints_each_mention_with_its_actor(run: Any, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "Alliance leaders meet in Dushanbe\n\n"
        "Tajik President Emomali Rakhmon hosted the Collective Security Treaty "
        "Organization, or CSTO, in Dushanbe on Monday. Rakhmon asked the CSTO for help.\n",
        encoding="utf-8",
    )
    result = run("extract", "entities", report, "--clean")
    assert result.exit_code == 0, result.stderr
    mentions = json.loads(result.stdout)
    text = report.read_text(encoding="utf-8")
    by_text = {m["text"]: m for m in mentions}
    assert by_text["Rakhmon"]["name"] == "Emomali Rakhmon"
    assert by_text["Emomali Rakhmon"]["role"] == "President of Tajikistan"
    assert by_text["CSTO"]["name"] == "Collective Security Treaty Organization"
    assert by_text["Dushanbe"]["type"] == "GPE"
    # --clean offsets index the clean text, which here is the file's text minus nothing
    assert all(text[m["start"] : m["end"]] == m["text"] for m in mentions)


def test_cli_entities_lists_actors_across_reports(
    run: Any, tmp_path: Path, examples_dir: Path
) -> None:
    db = tmp_path / "cases.db"
    assert run("ingest", examples_dir, "--db", db, "--quiet").exit_code == 0
    result = run("entities", "--db", db)
    assert result.exit_code == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split()[:4] == ["id", "type", "reports", "mentions"]
    counts = [int(row.split()[2]) for row in rows if row[:1] == " "]
    assert counts == sorted(counts, reverse=True)  # most reported first
    assert any("Tajikistan" in row for row in rows)


def test_cli_entities_refuses_a_missing_store(run: Any, tmp_path: Path) -> None:
    result = run("entities", "--db", tmp_path / "none.db")
    assert result.exit_code == 2
    assert "no store here" in result.stderr


QUOTE_FIELDS = ["id", "doc", "start", "end", "text", "kind", "speaker", "speaker_text", "cue",
                "family"]  # fmt: skip


def test_cli_extract_quotes_prints_the_dossier_fields(run: Any, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "Harbour to reopen\n\n"
        "“The harbour will reopen on Monday,” the port director Ana Beltran said.\n",
        encoding="utf-8",
    )
    result = run("extract", "quotes", report, "--clean", "--format", "json")
    assert result.exit_code == 0, result.stderr
    quotes = json.loads(result.stdout)
    assert isinstance(quotes, list)  # empty until the quote extractor is wired in
    text = report.read_text(encoding="utf-8")
    for quote in quotes:
        assert list(quote) == QUOTE_FIELDS
        assert (quote["id"], quote["doc"], quote["family"]) == (None, None, None)
        assert quote["speaker"] is None or isinstance(quote["speaker"], str)
        assert text[quote["start"] : quote["end"]] == quote["text"]
