"""From arguments to pages: one failure at a time, each file read once."""

from __future__ import annotations

from pathlib import Path

from sitrep.config import Settings
from sitrep.ingest import iter_pages
from sitrep.models import RawPage

REPORT = "Residents of the river town said the bridge had been closed since Tuesday.\n"


def _origins(arguments: list[str], settings: Settings) -> list[str]:
    return [
        page.origin if isinstance(page, RawPage) else f"{type(page).__name__} {page.origin}"
        for page in iter_pages(arguments, settings)
    ]


def test_sources_read_a_file_named_twice_once(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "reports").mkdir()
    report = tmp_path / "reports" / "a.txt"
    report.write_text(REPORT, encoding="utf-8")
    (tmp_path / "reports" / "same.txt").symlink_to(report)
    arguments = [str(report), str(tmp_path / "reports"), str(tmp_path / "**" / "*.txt")]
    assert _origins(arguments, settings) == [str(report)]


def test_sources_go_on_past_a_bad_input(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    pages = list(
        iter_pages(
            [str(tmp_path / "missing.txt"), str(tmp_path / "empty.txt"), str(tmp_path)],
            settings,
        )
    )
    assert [type(page).__name__ for page in pages] == [
        "MissingInput",
        "EmptyInput",  # named once: given directly, then found again in the folder
        "RawPage",
    ]
