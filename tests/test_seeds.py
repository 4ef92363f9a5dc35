"""The five sample reports in ../shared/seeds, read as a careful reader would.

What is checked is what a person reading each report would say about it: its
headline, the outlet where the report states it, the author, the date or the window
the date must lie in, the language, whether it says it was machine-translated, that
the page furniture is gone and that every line of the article is kept.

Nothing of the reports is copied here: lines are named by their number in the file
(1-based), and the texts are read from ../shared/seeds at run time. The tests skip
when the folder is absent.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from sitrep.clean import LanguageIdentifier, clean_page
from sitrep.clean.dates import parse_date
from sitrep.clean.markdown import strip_inline_markdown
from sitrep.config import Settings
from sitrep.ingest import iter_pages
from sitrep.models import CleanReport, RawPage, StoredReport

pytestmark = pytest.mark.seeds

D = dt.date
SEEDS = ("000", "001", "002", "003", "004")

# Line number of the headline in each file.
TITLE_LINE = {"000": 3, "001": 3, "002": 3, "003": 5, "004": 1}

# The outlet, where the report states it: an "Original url" trailer (000), the outlet
# the report's sources keep talking to (003), a "Based on materials from" credit (004).
OUTLET = {"000": "The Moscow Times", "001": None, "002": None, "003": "Izvestia", "004": "TASS"}

AUTHOR = {"000": "Ezekiel Pfeifer", "001": None, "002": None, "003": None, "004": None}

# Dates the pages state.
STATED = {"000": D(2013, 9, 23), "001": D(2013, 9, 28), "004": D(2021, 8, 23)}

# Pages that state no date, and days the true date lies among: 002 appeared in the days
# after the summit of Monday 23 September 2013; 003 some time in 2025.
UNDATED = {
    "002": (D(2013, 9, 23), D(2013, 9, 27)),
    "003": (D(2025, 1, 1), D(2025, 12, 31)),
}

MACHINE_TRANSLATED = {"000": False, "001": False, "002": False, "003": True, "004": False}

# Every line of page furniture and metadata, by line number, with what it is. Every
# other non-blank line of the file is the article's and must be kept.
FURNITURE: dict[str, dict[int, str]] = {
    "000": {
        5: "byline",
        7: "dateline",
        11: "photo caption",
        37: "author contact",
        39: "original URL",
        41: "original URL",
    },
    "001": {1: "dateline", 5: "tags", 27: "share widget"},
    "002": {1: "navigation"},
    "003": {
        1: "navigation",  # skip to main content
        2: "advertisement",
        3: "live broadcast",
        8: "counter",
        9: "photo credit",
        10: "toggle",  # select important
        11: "toggle",  # on
        12: "toggle",  # off
        50: "machine translation notice",
        52: "live broadcast",
        53: "navigation",  # next news
        54: "cookie notice",
    },
    "004": {
        3: "dateline",
        36: "page footer",  # the site's own name among its trailing furniture
        38: "photo credit",
        40: "source credit",
    },
}

# Short lines of the article that stand as paragraphs of their own: standfirsts and
# subheads (their text is checked like every kept line; here, that they stay apart).
OWN_PARAGRAPH = {"000": [], "001": [], "002": [5], "003": [7, 16, 32], "004": [15]}

LONG_LINE_WORDS = 25


def _seed_path(seeds_dir: Path, seed: str) -> Path:
    (path,) = seeds_dir.glob(f"{seed}_*.txt")
    return path


def _page(path: Path) -> RawPage:
    (page,) = iter_pages([str(path)], Settings(db=":memory:"))
    assert isinstance(page, RawPage), page
    return page


def _lines(page: RawPage) -> dict[int, str]:
    """The file's non-blank lines by number, Markdown marks and outer spaces removed."""
    lines = {}
    for number, raw in enumerate(page.text.split("\n"), start=1):
        text = strip_inline_markdown(raw).strip()
        if text:
            lines[number] = text
    return lines


@pytest.fixture(scope="module")
def pages(seeds_dir: Path) -> dict[str, RawPage]:
    return {seed: _page(_seed_path(seeds_dir, seed)) for seed in SEEDS}


@pytest.fixture(scope="module")
def cleaned(pages: dict[str, RawPage]) -> dict[str, CleanReport]:
    identifier = LanguageIdentifier(Settings().languages)
    return {seed: clean_page(page, identifier) for seed, page in pages.items()}


@pytest.fixture(scope="module")
def previews(pages: dict[str, RawPage], pipeline: Any) -> dict[str, StoredReport]:
    return {seed: pipeline.preview(page) for seed, page in pages.items()}


@pytest.mark.parametrize("seed", SEEDS)
def test_title(seed: str, pages: dict[str, RawPage], cleaned: dict[str, CleanReport]) -> None:
    headline = _lines(pages[seed])[TITLE_LINE[seed]]
    assert cleaned[seed].title == headline
    assert cleaned[seed].text.startswith(f"{headline}\n\n")


@pytest.mark.parametrize("seed", SEEDS)
def test_outlet_where_stated(seed: str, cleaned: dict[str, CleanReport]) -> None:
    assert cleaned[seed].source == OUTLET[seed]


def test_original_url_of_000(cleaned: dict[str, CleanReport], pages: dict[str, RawPage]) -> None:
    url = cleaned["000"].url
    assert url is not None
    assert url.startswith("https://www.themoscowtimes.com/")
    assert url in pages["000"].text


@pytest.mark.parametrize("seed", SEEDS)
def test_author(seed: str, cleaned: dict[str, CleanReport]) -> None:
    assert cleaned[seed].author == AUTHOR[seed]


@pytest.mark.parametrize("seed", SEEDS)
def test_stated_date(seed: str, pages: dict[str, RawPage], cleaned: dict[str, CleanReport]) -> None:
    report = cleaned[seed]
    assert report.published == STATED.get(seed)
    if report.published is not None:  # read from a line the page prints, never guessed
        assert report.published_text is not None
        assert report.published_text in pages[seed].text
        assert parse_date(report.published_text) == report.published


@pytest.mark.parametrize("seed", SEEDS)
def test_language(seed: str, cleaned: dict[str, CleanReport]) -> None:
    assert cleaned[seed].language == "en"


@pytest.mark.parametrize("seed", SEEDS)
def test_machine_translated(seed: str, cleaned: dict[str, CleanReport]) -> None:
    assert cleaned[seed].machine_translated is MACHINE_TRANSLATED[seed]


@pytest.mark.parametrize(
    ("seed", "number"),
    [(seed, number) for seed in SEEDS for number in FURNITURE[seed]],
)
def test_furniture_is_gone(
    seed: str, number: int, pages: dict[str, RawPage], cleaned: dict[str, CleanReport]
) -> None:
    line = _lines(pages[seed])[number]
    report = cleaned[seed]
    reasons = {removed.text.strip(): removed.reason for removed in report.removed}
    raw = pages[seed].text.split("\n")[number - 1].strip()
    assert reasons.get(raw) == FURNITURE[seed][number]
    assert line not in report.text.split("\n")
    if len(line.split()) >= 3:
        assert line not in report.text


@pytest.mark.parametrize("seed", SEEDS)
def test_every_article_line_is_kept(
    seed: str, pages: dict[str, RawPage], cleaned: dict[str, CleanReport]
) -> None:
    text = cleaned[seed].text
    lost = {
        number: line
        for number, line in _lines(pages[seed]).items()
        if number not in FURNITURE[seed] and line not in text
    }
    assert not lost, f"lines of the article lost: {sorted(lost)}"


@pytest.mark.parametrize("seed", SEEDS)
def test_long_lines_are_whole_paragraphs(
    seed: str, pages: dict[str, RawPage], cleaned: dict[str, CleanReport]
) -> None:
    paragraphs = set(cleaned[seed].text.split("\n\n"))
    long_lines = [
        number
        for number, line in _lines(pages[seed]).items()
        if len(line.split()) >= LONG_LINE_WORDS and number not in FURNITURE[seed]
    ]
    assert long_lines
    assert [number for number in long_lines if _lines(pages[seed])[number] not in paragraphs] == []


@pytest.mark.parametrize(
    ("seed", "number"),
    [(seed, number) for seed in SEEDS for number in OWN_PARAGRAPH[seed]],
)
def test_standfirsts_and_subheads_stay_apart(
    seed: str, number: int, pages: dict[str, RawPage], cleaned: dict[str, CleanReport]
) -> None:
    assert _lines(pages[seed])[number] in cleaned[seed].text.split("\n\n")


@pytest.mark.parametrize("seed", SEEDS)
def test_removed_offsets_point_into_the_page(
    seed: str, pages: dict[str, RawPage], cleaned: dict[str, CleanReport]
) -> None:
    for removed in cleaned[seed].removed:
        assert pages[seed].text[removed.start : removed.end] == removed.text


def test_no_stray_furniture_words_left(cleaned: dict[str, CleanReport]) -> None:
    """No line of any clean text is a bare widget word, number or toggle."""
    bare = re.compile(r"\W*(?:\d+|on|off|live broadcast|advertisement)\W*", re.IGNORECASE)
    stray = [
        (seed, line)
        for seed, report in cleaned.items()
        for line in report.text.split("\n")
        if bare.fullmatch(line)
    ]
    assert stray == []


# -- publication dates through the whole pipeline (spaCy) -------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("seed", sorted(STATED))
def test_stated_dates_through_the_pipeline(seed: str, previews: dict[str, StoredReport]) -> None:
    report = previews[seed]
    assert report.published == STATED[seed]
    assert not report.published_inferred
    assert report.published_window is None


@pytest.mark.slow
@pytest.mark.parametrize("seed", sorted(UNDATED))
def test_undated_reports_get_a_flagged_window(seed: str, previews: dict[str, StoredReport]) -> None:
    report = previews[seed]
    first, last = UNDATED[seed]
    assert report.published_inferred
    window = report.published_window
    assert window is not None
    assert window.contains(first)
    assert window.contains(last)
    if report.published is not None:  # the earliest day the evidence allows, in the window
        assert window.contains(report.published)


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS)
def test_never_a_silent_guess(
    seed: str, previews: dict[str, StoredReport], cleaned: dict[str, CleanReport]
) -> None:
    report = previews[seed]
    if report.published_inferred:
        assert report.published_window is not None
    else:
        # not inferred: a date the page states, or none at all
        assert report.published == cleaned[seed].published
