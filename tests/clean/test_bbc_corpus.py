"""The cleaner on real news text: the BBC set (../shared/data/bbc, skipped when absent).

Each file is one article as the BBC printed it: the headline on the first line, then
the paragraphs, some ending in line-ups, results or lists of nominees. There is no
furniture in them, so every line the cleaner takes out is a line of an article lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.clean.plaintext import clean_plain_text
from sitrep.config import Settings
from sitrep.ingest import iter_pages
from sitrep.models import RawPage

SAMPLE_SIZE = 200


def _bbc_files(data_dir: Path) -> list[Path]:
    folder = data_dir / "bbc"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    return sorted(folder.glob("*/*.txt"))


def _losses(paths: list[Path]) -> list[str]:
    """Every line of an article that the cleaner took out or changed, and why."""
    losses = []
    settings = Settings(db=":memory:")
    for page in iter_pages([str(path) for path in paths], settings):
        assert isinstance(page, RawPage), page
        cleaned = clean_plain_text(page.text)
        lines = page.text.splitlines()
        headline = lines[0].strip()
        if cleaned.title != headline:
            losses.append(f"{page.origin}: title {cleaned.title!r}, expected {headline!r}")
        for removed in cleaned.removed:
            number = page.text.count("\n", 0, removed.start) + 1
            losses.append(f"{page.origin}:{number}: removed as {removed.reason}: {removed.text!r}")
        for number, line in enumerate(lines, start=1):
            if line.strip() and line.strip() not in cleaned.text:
                losses.append(f"{page.origin}:{number}: not in the clean text: {line.strip()!r}")
    return losses


def test_no_line_of_a_bbc_article_is_removed_sample(data_dir: Path) -> None:
    paths = _bbc_files(data_dir)
    step = max(1, len(paths) // SAMPLE_SIZE)
    losses = _losses(paths[::step][:SAMPLE_SIZE])
    assert not losses, "\n".join(losses)


@pytest.mark.slow
def test_no_line_of_a_bbc_article_is_removed_whole_set(data_dir: Path) -> None:
    losses = _losses(_bbc_files(data_dir))
    assert not losses, "\n".join(losses)
