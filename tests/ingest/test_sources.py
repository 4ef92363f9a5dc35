"""From arguments to pages: one failure at a time, each file read once."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.config import Settings
from sitrep.ingest import iter_pages
from sitrep.ingest.sources import sniff_format
from sitrep.models import PageFormat, RawPage

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html>\n<html><body><p>Text</p></body></html>", PageFormat.HTML),
        ("  <html lang='en'><head><title>T</title></head>", PageFormat.HTML),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">',
            PageFormat.HTML,
        ),
        # Browsers put this comment first when they save a page.
        (
            "<!-- saved from url=(0031)https://example.org/n/1 -->\n<html>" + " " * 2000,
            PageFormat.HTML,
        ),
        ("<article><h1>Bridge closed</h1><p>Residents said.</p></article>", PageFormat.HTML),
        ('{"title": "Bridge closed", "text": "Residents said."}', PageFormat.RECORD),
        ('[{"text": "Residents said."}]', PageFormat.RECORD),
        ('[\n  {\n    "text": "Residents said."\n  }\n]', PageFormat.RECORD),
        ('{"text": "One."}\n{"text": "Two."}\n', PageFormat.RECORD),
        ("Bridge closed\n\nResidents said the bridge was closed.", PageFormat.TEXT),
        # Brackets open many reports; they are not JSON.
        ("[Updated] Bridge closed\n\nResidents said the bridge was closed.", PageFormat.TEXT),
        ("{Reuters} - Residents said the bridge was closed.", PageFormat.TEXT),
        ("[1] Residents said the bridge was closed.", PageFormat.TEXT),
        ("# Bridge closed\n\nResidents said the bridge was closed.", PageFormat.TEXT),
        ("<b>Breaking</b>: residents said the bridge was closed.", PageFormat.TEXT),
    ],
    ids=[
        "html-doctype",
        "html-tag",
        "xhtml-after-xml-declaration",
        "html-saved-by-a-browser",
        "html-fragment",
        "json-object",
        "json-array",
        "json-pretty",
        "json-lines",
        "plain-text",
        "text-opening-with-a-bracketed-word",
        "text-opening-with-a-brace",
        "text-opening-with-a-footnote",
        "markdown",
        "text-with-an-inline-tag",
    ],
)
def test_sources_sniff_format(text: str, expected: PageFormat) -> None:
    assert sniff_format(text) is expected


def test_sources_text_report_opening_with_a_bracket_is_ingested(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "report.txt"
    path.write_text("[Updated] Bridge closed\n\n" + REPORT, encoding="utf-8")
    [page] = iter_pages([str(path)], settings)
    assert isinstance(page, RawPage)
    assert page.format is PageFormat.TEXT


def test_sources_records_in_a_txt_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "export.txt"
    path.write_text('{"text": "One report."}\n{"text": "Another report."}\n', encoding="utf-8")
    assert _origins([str(path)], settings) == [f"{path}#1", f"{path}#2"]


@pytest.mark.parametrize(
    ("encoding", "stated", "warnings"),
    [
        ("utf-8", None, ()),
        ("utf-8-sig", None, ()),
        ("cp1251", "cp1251", ("decoded as cp1251 (not UTF-8)",)),
        ("utf-16", "utf-16", ("decoded as utf-16 (not UTF-8)",)),
    ],
)
def test_sources_say_when_a_file_was_not_utf8(
    tmp_path: Path,
    settings: Settings,
    encoding: str,
    stated: str | None,
    warnings: tuple[str, ...],
) -> None:
    text = "Вчера вечером в центре города прошёл митинг. Полиция задержала участников.\n"
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(encoding))
    [page] = iter_pages([str(path)], settings)
    assert isinstance(page, RawPage)
    assert page.text == text
    assert page.encoding == stated
    assert page.warnings == warnings


def test_sources_records_carry_the_encoding_note(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "records.jsonl"
    lines = [
        '{"text": "Митинг прошёл в центре города вчера вечером."}',
        '{"text": "Полиция задержала нескольких участников."}',
    ]
    path.write_bytes("\n".join(lines).encode("cp1251"))
    pages = list(iter_pages([str(path)], settings))
    assert [page.origin for page in pages] == [f"{path}#1", f"{path}#2"]
    for page in pages:
        assert isinstance(page, RawPage)
        assert page.encoding == "cp1251"
        assert page.warnings == ("decoded as cp1251 (not UTF-8)",)


def test_sources_pass_the_store_by(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `sitrep ingest .` in the folder holding sitrep.db (the default store) read the
    # database and its WAL files as reports and failed on each, every time.
    monkeypatch.chdir(tmp_path)
    for name in ("sitrep.db", "sitrep.db-wal", "sitrep.db-shm"):
        (tmp_path / name).write_bytes(b"SQLite format 3\x00")
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    settings = Settings()  # the default store, sitrep.db here
    assert _origins(["."], settings) == ["report.txt"]
    assert _origins(["*"], settings) == ["report.txt"]
    # Named outright, it is refused with a reason rather than passed by in silence.
    assert _origins(["sitrep.db"], settings) == ["UnreadableInput sitrep.db"]
    # Another database is not the store: it is refused as binary like any other.
    assert _origins(["."], Settings(db=str(tmp_path / "elsewhere.db"))) == [
        "report.txt",
        "BinaryInput sitrep.db",
        "BinaryInput sitrep.db-shm",
        "BinaryInput sitrep.db-wal",
    ]
