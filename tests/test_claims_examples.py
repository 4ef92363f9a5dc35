"""Claims over our own examples/, against a gold set written by reading them: every
figure with its owner, the claims two or more outlets make, and where they disagree.
Also the commands that show them: ``sitrep claims``, ``sitrep extract claims`` and
the claims sections of ``sitrep export``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from sitrep.cli import app
from sitrep.config import Settings
from sitrep.ingest import iter_pages
from sitrep.models import ClaimStatus
from sitrep.store.sqlite import SQLiteStore
from tests.conftest import FakeEmbedder

pytestmark = pytest.mark.slow

CASPIAN, EURASIA, COPY, TIEN_SHAN, RUSSIAN, STEPPE = (
    "caspian-monitor-border-programme.txt",
    "eurasia-wire-sochi-summit.txt",
    "records.jsonl#1",  # Pamir Post's copy of the Eurasia Wire report
    "records.jsonl#2",
    "ru-sammit-odkb.txt",
    "steppe-herald-sochi.html",
)

# Every figure a careful reader notes: (report, value, unit, owner or None).
GOLD_FIGURES = {
    (CASPIAN, 1300, "km", "Tajikistan"),
    (CASPIAN, 3, "count", None),  # three stages of the programme
    (EURASIA, 1300, "km", "Tajikistan"),
    (EURASIA, 7000, "person", "Russia"),
    (COPY, 6, "count", "Collective Security Treaty Organization"),  # six former Soviet republics
    (COPY, 1300, "km", "Tajikistan"),
    (COPY, 7000, "person", "Russia"),
    (TIEN_SHAN, 1300, "km", "Emomali Rahmon"),  # "whose 1,300-kilometre border": party TJ
    (RUSSIAN, 1300, "km", None),  # no parse of Russian, so no owner
    (STEPPE, 1300, "km", "Tajikistan"),
    (STEPPE, 5000, "person", "Russia"),
    (STEPPE, 100, "%", None),  # "one hundred per cent certainty"
}
# Floors from the run that wrote this file; they only go up.
FIGURE_PRECISION, FIGURE_RECALL, OWNER_ACCURACY = 1.0, 1.0, 0.9  # owners: 11 of 12

# The claims made by two or more independent outlets, and the disagreements, by the
# reports behind them; the copy adds no source.
CORROBORATED = [{CASPIAN, EURASIA, TIEN_SHAN, STEPPE}]  # the border, about 1,300 km
CONTESTED = [
    ({EURASIA, STEPPE}, "figures differ: about 7,000 vs some 5,000 troops"),
    (
        {EURASIA, STEPPE},
        "President Emomali Rahmon asked his partners for equipment, training "
        "and money; another (Steppe Herald, report 6): Dushanbe needed no reinforcements",
    ),
]


@pytest.fixture(scope="module")
def db(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Path:
    path = tmp_path_factory.mktemp("claims") / "examples.db"
    files = [str(p) for p in sorted(examples_dir.iterdir()) if not p.name.startswith(".")]
    with SQLiteStore.open(str(path), embedder=FakeEmbedder()) as store:
        summary = pipeline.ingest(iter_pages(files, Settings()), store)
    assert summary.failed == 0
    return path


@pytest.fixture(scope="module")
def names(db: Path) -> dict[int, str]:
    with SQLiteStore.open(str(db)) as store:
        return {report.id: report.origin.rsplit("/", 1)[-1] for report in store.reports()}


def invoke(*arguments: str | Path) -> Result:
    return CliRunner().invoke(app, [str(argument) for argument in arguments])


def test_figures_against_gold(db: Path, names: dict[int, str]) -> None:
    with SQLiteStore.open(str(db)) as store:
        actors = {entity.id: entity.name for entity in store.entities()}
        found = {
            (
                names[item.report_id],
                item.claim.figure.value,
                item.claim.figure.unit,
                actors.get(item.subject_entity_id or 0),
            )
            for item in store.claims()
            if item.claim.figure is not None
        }
    figures = {(report, value, unit) for report, value, unit, _ in found}
    gold = {(report, value, unit) for report, value, unit, _ in GOLD_FIGURES}
    assert len(figures & gold) / len(figures) >= FIGURE_PRECISION, figures - gold
    assert len(figures & gold) / len(gold) >= FIGURE_RECALL, gold - figures
    owners_right = len(found & GOLD_FIGURES) / len(GOLD_FIGURES)
    assert owners_right >= OWNER_ACCURACY, sorted(found - GOLD_FIGURES, key=str)


def _groups(db: Path, names: dict[int, str], status: ClaimStatus) -> list[tuple[set[str], str]]:
    with SQLiteStore.open(str(db)) as store:
        return [
            ({names[source] for source in group.sources}, group.explanation or "")
            for group in store.claim_groups()
            if group.status is status
        ]


def test_the_border_is_corroborated_by_four_outlets_and_the_copy_adds_none(
    db: Path, names: dict[int, str]
) -> None:
    assert [sources for sources, _ in _groups(db, names, ClaimStatus.CORROBORATED)] == (
        CORROBORATED
    )


def test_the_two_disagreements_are_flagged_and_nothing_else(
    db: Path, names: dict[int, str]
) -> None:
    contested = _groups(db, names, ClaimStatus.CONTESTED)
    assert len(contested) == len(CONTESTED)
    for sources, explanation in CONTESTED:
        assert any(found == sources and explanation in why for found, why in contested), contested


def test_cli_claims_lists_groups_of_two_or_more_sources(db: Path) -> None:
    result = invoke("claims", "--db", db)
    assert result.exit_code == 0, result.stderr
    headers = [line for line in result.stdout.splitlines() if line.startswith("group ")]
    assert [header.split(maxsplit=2)[2] for header in headers] == [
        "corroborated, 4 sources",
        "contested, 2 sources",
        "contested, 2 sources",
    ]
    assert "Tajikistan: about 1,300 km frontier" in result.stdout  # its first claim's words
    assert "“Dushanbe needed no reinforcements from abroad”" in result.stdout


def test_cli_claims_contested_as_json(db: Path) -> None:
    result = invoke("claims", "--contested", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.stderr
    groups = json.loads(result.stdout)
    assert [group["status"] for group in groups] == ["contested", "contested"]
    figures = [c for group in groups for c in group["claims"] if c["kind"] == "figure"]
    assert sorted(claim["value"] for claim in figures) == [5000, 7000, 7000]
    assert {claim["approx"] for claim in figures} == {"about"}


def test_cli_claims_all_includes_single_source(db: Path) -> None:
    many = invoke("claims", "--all", "--db", db, "--limit", "500").stdout
    assert many.count("single-source") > 10


def test_export_json_has_claims_groups_and_conflicts(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "dossier.json"
    assert invoke("export", "--db", db, "-o", out).exit_code == 0
    dossier = json.loads(out.read_text(encoding="utf-8"))
    claims = {claim["id"]: claim for claim in dossier["claims"]}
    texts = {document["id"]: document["text"] for document in dossier["documents"]}
    for claim in claims.values():
        assert texts[claim["doc"]][claim["start"] : claim["end"]] == claim["text"]
    groups = {group["id"]: group for group in dossier["claim_groups"]}
    assert {claim["group"] for claim in claims.values()} == set(groups)
    assert len(dossier["conflicts"]) == 2
    for conflict in dossier["conflicts"]:
        assert groups[conflict["group"]]["status"] == "contested"
        assert set(conflict["claims"]) <= set(groups[conflict["group"]]["claims"])


def test_export_markdown_shows_contested_then_corroborated(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "dossier.md"
    assert invoke("export", "--db", db, "--format", "md", "-o", out).exit_code == 0
    markdown = out.read_text(encoding="utf-8")
    contested = markdown.index("## Contested claims")
    assert contested < markdown.index("## Corroborated claims") < markdown.index("## Quotes")
    assert "figures differ: about 7,000 vs some 5,000 troops" in markdown


def test_cli_extract_claims(examples_dir: Path) -> None:
    result = invoke("extract", "claims", examples_dir / EURASIA, "--clean")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    figures = [record for record in records if record["kind"] == "figure"]
    assert [(f["value"], f["unit"], f["subject"]) for f in figures] == [
        (1300, "km", "Tajikistan"),
        (7000, "person", "Russia"),
    ]
    assert all(record["id"] is None and record["group"] is None for record in records)
    asked = [record for record in records if record["predicate"] == "ask"]
    assert asked and asked[0]["object"] == "equipment, training and money"
