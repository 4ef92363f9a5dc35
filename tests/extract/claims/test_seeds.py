"""The figures a careful reader notes in the five seed reports, found and normalised,
and no figure made of a year or a date. Reads ../shared/seeds in place (skipped when
absent); only the expected values are written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.clean import clean_page
from sitrep.extract.claims import find_figures
from sitrep.ingest import iter_pages
from sitrep.models import Figure, RawPage, TextSpan
from sitrep.pipeline import process

pytestmark = [pytest.mark.seeds, pytest.mark.slow]

# (seed, value, unit, what it measures or None)
FIGURES = [
    ("000", 1300, "km", "border"),
    ("000", 6, "count", "member countries"),
    ("001", 16000, "person", None),
    ("003", 1300, "km", None),
    ("003", 3, "count", "stages"),
    ("003", 1500, "person", "militants"),
    ("003", 200, "count", None),  # several hundred: the range 200-900
    ("003", 9.4e9, "USD", None),
    ("003", 144, "km", None),
    ("004", 6, "count", "members"),
]


@pytest.fixture(scope="module")
def seed_figures(seeds_dir: Path, pipeline) -> dict[str, list[Figure]]:  # type: ignore[no-untyped-def]
    found: dict[str, list[Figure]] = {}
    for page in iter_pages([str(p) for p in sorted(seeds_dir.iterdir())], pipeline.settings):
        assert isinstance(page, RawPage)
        report = clean_page(page, pipeline.identifier, pipeline.settings.languages)
        (annotated,) = pipeline.annotator.annotate([report])
        dates = [TextSpan(t.start, t.end) for t in process(annotated, pipeline.gazetteer).times]
        found[Path(page.origin).name[:3]] = list(find_figures(report.text, annotated.doc, dates))
    return found


@pytest.mark.parametrize(("seed", "value", "unit", "measured"), FIGURES)
def test_seed_figures(
    seed_figures: dict[str, list[Figure]], seed: str, value: float, unit: str, measured: str | None
) -> None:
    matches = [f for f in seed_figures[seed] if f.value == value and f.unit == unit]
    assert matches, f"{seed}: no {value} {unit} in {[f.text for f in seed_figures[seed]]}"
    if measured is not None:
        assert any(f.measured == measured for f in matches), [f.measured for f in matches]


def test_seed_years_and_dates_are_not_figures(seed_figures: dict[str, list[Figure]]) -> None:
    for seed, found in seed_figures.items():
        for figure in found:
            assert not (1900 <= figure.value <= 2100 and figure.unit == "count"), (seed, figure)
