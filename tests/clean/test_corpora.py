"""The cleaner on real news text from ../shared/data (each test skips when its set is absent).

The BBC set is one article per file as the BBC printed it, the headline on the first
line, with no furniture at all: every line the cleaner takes out is a line of an
article lost. PolNeAR (US political news) and the Russian RT / Nezavisimaya Gazeta
slice were saved from the web and keep some furniture (embed labels such as
"FACEBOOK.", photo credits, "Подписывайтесь на наш канал"): there, no line of prose
may be taken out, and no kept line may be altered.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from sitrep.clean.plaintext import clean_plain_text
from sitrep.config import Settings
from sitrep.ingest import iter_pages
from sitrep.models import RawPage

SAMPLE_SIZE = 200
# A removed line this long that ends a sentence is prose, whatever it says.
PROSE_WORDS = 12
_SENTENCE_END = re.compile(r"""[.!?…]["'”»’)\]]*\s*$""")


def _folder(data_dir: Path, *parts: str) -> Path:
    folder = data_dir.joinpath(*parts)
    if not folder.exists():
        pytest.skip(f"{folder} is absent")
    return folder


def _sample(paths: list[Path]) -> list[Path]:
    step = max(1, len(paths) // SAMPLE_SIZE)
    return paths[::step][:SAMPLE_SIZE]


def _pages(paths: Iterable[Path]) -> Iterator[tuple[str, str]]:
    for page in iter_pages([str(path) for path in paths], Settings(db=":memory:")):
        assert isinstance(page, RawPage), page
        yield page.origin, page.text


def _altered(origin: str, text: str, clean: str, removed: set[str]) -> list[str]:
    """Lines of the page that are neither in the clean text nor taken out whole."""
    return [
        f"{origin}:{number}: altered: {line.strip()!r}"
        for number, line in enumerate(text.split("\n"), start=1)
        if line.strip() and line.strip() not in clean and line not in removed
    ]


def _bbc_losses(pages: Iterable[tuple[str, str]]) -> list[str]:
    """Every line of a BBC article the cleaner took out or changed, and why."""
    losses = []
    for origin, text in pages:
        cleaned = clean_plain_text(text)
        headline = text.split("\n")[0].strip()
        if cleaned.title != headline:
            losses.append(f"{origin}: title {cleaned.title!r}, expected {headline!r}")
        for removed in cleaned.removed:
            number = text.count("\n", 0, removed.start) + 1
            losses.append(f"{origin}:{number}: removed as {removed.reason}: {removed.text!r}")
        losses += _altered(origin, text, cleaned.text, {line.text for line in cleaned.removed})
    return losses


def _prose_losses(pages: Iterable[tuple[str, str]]) -> list[str]:
    """Lines of prose the cleaner took out, and kept lines it changed."""
    losses = []
    for origin, text in pages:
        cleaned = clean_plain_text(text)
        for removed in cleaned.removed:
            line = removed.text.strip()
            if len(line.split()) >= PROSE_WORDS and _SENTENCE_END.search(line):
                number = text.count("\n", 0, removed.start) + 1
                losses.append(f"{origin}:{number}: removed as {removed.reason}: {line!r}")
        losses += _altered(origin, text, cleaned.text, {line.text for line in cleaned.removed})
    return losses


def test_no_line_of_a_bbc_article_is_removed_sample(data_dir: Path) -> None:
    paths = sorted(_folder(data_dir, "bbc").glob("*/*.txt"))
    losses = _bbc_losses(_pages(_sample(paths)))
    assert not losses, "\n".join(losses)


@pytest.mark.slow
def test_no_line_of_a_bbc_article_is_removed_whole_set(data_dir: Path) -> None:
    losses = _bbc_losses(_pages(sorted(_folder(data_dir, "bbc").glob("*/*.txt"))))
    assert not losses, "\n".join(losses)


def test_no_prose_of_polnear_articles_is_removed(data_dir: Path) -> None:
    paths = sorted(_folder(data_dir, "polnear", "text").glob("*.txt"))
    losses = _prose_losses(_pages(_sample(paths)))
    assert not losses, "\n".join(losses)


@pytest.mark.slow
def test_no_prose_of_russian_news_is_removed(data_dir: Path) -> None:
    path = _folder(data_dir, "ru", "ru_kw_eval_rt_ng", "central_asia_security.jsonl")
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    pages = (
        (record["id"], f"{record.get('title') or ''}\n\n{record.get('text') or ''}")
        for record in records
    )
    losses = _prose_losses(pages)
    assert not losses, "\n".join(losses)
