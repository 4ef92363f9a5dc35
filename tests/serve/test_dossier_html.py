"""``sitrep report -o dossier.html``: one self-contained file whose sources all land."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dossier(served_db: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    output = tmp_path_factory.mktemp("dossier") / "dossier.html"
    result = CliRunner().invoke(app, ["report", "--db", str(served_db), "-o", str(output)])
    assert result.exit_code == 0, result.output
    return output.read_text(encoding="utf-8")


def test_the_file_needs_nothing_from_outside(dossier: str) -> None:
    assert "<style>" in dossier and "<script>" in dossier
    assert not re.search(r"""<(?:link|script|img)[^>]+(?:href|src)=["']?(?:https?:)?//""", dossier)
    assert 'href="/' not in dossier  # no link back to a server


@pytest.mark.parametrize(
    "section", ["page-overview", "page-timeline", "page-stories", "page-actors",
                "page-quotes", "page-claims", "page-reports"],
)  # fmt: skip
def test_the_file_has_every_part(dossier: str, section: str) -> None:
    assert f'id="{section}"' in dossier


def test_every_source_link_lands_on_a_report_in_the_file(dossier: str) -> None:
    sources = set(re.findall(r'href="#report-(\d+):(\d+)-(\d+)"', dossier))
    assert len(sources) > 20
    for report_id, _start, _end in sources:
        assert f'id="report-{report_id}"' in dossier
    for anchor in set(re.findall(r'href="#((?:story|quote-family|claim-group)-\d+)"', dossier)):
        assert f'id="{anchor}"' in dossier, anchor


def test_markup_in_a_report_stays_text(dossier: str) -> None:
    assert "<script>alert" not in dossier and "&lt;script&gt;alert" in dossier


def test_report_needs_a_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["report", "--db", str(tmp_path / "none.db"), "-o", str(tmp_path / "d.html")]
    )
    assert result.exit_code == 2
    assert "no store here" in result.output
    assert not (tmp_path / "d.html").exists()
