"""``sitrep stories``, ``sitrep timeline`` and the story sections of ``sitrep export``,
over our own examples/."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from sitrep.cli import app
from sitrep.config import Settings
from sitrep.ingest import iter_pages
from sitrep.store.sqlite import SQLiteStore

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def db(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Path:
    path = tmp_path_factory.mktemp("stories") / "examples.db"
    files = [str(p) for p in sorted(examples_dir.iterdir()) if not p.name.startswith(".")]
    # The real sentence model: whether the reports of one summit meet is what is tested.
    with SQLiteStore.open(str(path)) as store:
        assert pipeline.ingest(iter_pages(files, Settings()), store).failed == 0
    return path


def invoke(*arguments: str | Path) -> Result:
    return CliRunner().invoke(app, [str(argument) for argument in arguments])


def test_cli_stories_groups_the_summit_reports(db: Path) -> None:
    result = invoke("stories", "--db", db)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("storyline 1: ")
    summit = [line for line in lines if "Sochi, 23 Sep 2013" in line]
    assert len(summit) == 1 and "#2, #3, #6" in summit[0]
    assert "2 sources" in summit[0]  # the Pamir Post copy counts with its original


def test_cli_timeline_in_date_order_with_sources(db: Path) -> None:
    result = invoke("timeline", "--db", db)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    summit = [line for line in lines if line.startswith("23 Sep 2013") and "Sochi" in line]
    assert len(summit) == 1
    plans = [line for line in lines if line.startswith("2026-2027")]
    assert plans and "planned" in plans[0]


@pytest.mark.parametrize(
    ("arguments", "first", "last"),
    [
        (("--from", "2021", "--to", "2027"), "2021", "2027"),
        (("--from", "2013-09", "--to", "2013-09"), "2013", "2013"),
    ],
)
def test_cli_timeline_between_dates(
    db: Path, arguments: tuple[str, ...], first: str, last: str
) -> None:
    result = invoke("timeline", "--db", db, *arguments, "--format", "json")
    assert result.exit_code == 0, result.stderr
    dates = [entry["date"] for entry in json.loads(result.stdout)]
    assert dates and all(first <= date[:4] <= last for date in dates)


def test_cli_timeline_of_one_actor_by_any_name(db: Path) -> None:
    english = json.loads(invoke("timeline", "--db", db, "--actor", "Sochi", "-f", "json").stdout)
    russian = json.loads(invoke("timeline", "--db", db, "--actor", "Сочи", "-f", "json").stdout)
    assert english and english == russian
    assert (
        json.loads(invoke("timeline", "--db", db, "--actor", "Atlantis", "-f", "json").stdout) == []
    )


def test_cli_timeline_refuses_a_bad_date(db: Path) -> None:
    result = invoke("timeline", "--db", db, "--from", "last week")
    assert result.exit_code != 0 and "not a date" in result.stderr


def test_export_has_stories_storylines_and_a_sourced_timeline(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "dossier.json"
    assert invoke("export", "--db", db, "-o", out).exit_code == 0
    dossier = json.loads(out.read_text(encoding="utf-8"))
    texts = {document["id"]: document["text"] for document in dossier["documents"]}
    assert {doc for story in dossier["stories"] for doc in story["docs"]} == set(texts)
    (line,) = dossier["storylines"]
    assert sorted(line["stories"]) == sorted(story["id"] for story in dossier["stories"])
    for entry in dossier["timeline"]:
        for evidence in entry["evidence"]:
            start, end = evidence["trigger"]
            assert evidence["start"] <= start < end <= evidence["end"]
            assert texts[evidence["doc"]][start:end].strip()
    dates = [entry["date"] for entry in dossier["timeline"]]
    assert dates == sorted(dates)


def test_export_markdown_shows_the_timeline(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "dossier.md"
    assert invoke("export", "--db", db, "--format", "md", "-o", out).exit_code == 0
    markdown = out.read_text(encoding="utf-8")
    timeline = markdown.split("## Timeline", 1)[1].split("\n## ", 1)[0]
    assert "| 23 Sep 2013 | happened |" in timeline
    assert "| 2026-2027 | planned |" in timeline
