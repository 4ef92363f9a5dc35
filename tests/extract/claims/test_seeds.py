"""The figures a careful reader notes in the five seed reports, found and normalised,
and no figure made of a year or a date; across the reports, the figures two outlets
agree on and the one thing two outlets contradict each other about. Reads
../shared/seeds in place (skipped when absent); only the expected values are written here."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import FakeEmbedder

from sitrep.clean import clean_page
from sitrep.extract.claims import find_figures
from sitrep.ingest import iter_pages
from sitrep.models import ClaimGroup, ClaimStatus, Figure, RawPage, TextSpan
from sitrep.pipeline import process
from sitrep.store.sqlite import SQLiteStore

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


@pytest.fixture(scope="module")
def seed_store(seeds_dir: Path, pipeline, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    files = [str(p) for p in sorted(seeds_dir.iterdir())]
    with SQLiteStore.open(str(path), embedder=FakeEmbedder()) as store:
        assert pipeline.ingest(iter_pages(files, pipeline.settings), store).failed == 0
        origins = {report.id: Path(report.origin).name[:3] for report in store.reports()}
        claims = {claim.id: claim for claim in store.claims()}
        yield origins, claims, list(store.claim_groups())


def _sources(group: ClaimGroup, origins: dict[int, str]) -> set[str]:
    return {origins[source] for source in group.sources}


def test_seed_border_and_members_are_each_corroborated_by_two_outlets(seed_store) -> None:  # type: ignore[no-untyped-def]
    origins, claims, groups = seed_store
    corroborated = [g for g in groups if g.status is ClaimStatus.CORROBORATED]
    figures = {
        (claims[g.claim_ids[0]].claim.figure.unit, frozenset(_sources(g, origins)))  # type: ignore[union-attr]
        for g in corroborated
        if claims[g.claim_ids[0]].claim.figure is not None
    }
    # The Moscow Times' roughly 1,300-kilometer border and Izvestia's 1.3 thousand km;
    # The Moscow Times' six member countries and TASS's six members.
    assert ("km", frozenset({"000", "003"})) in figures
    assert ("count", frozenset({"000", "004"})) in figures


def test_seed_disagreement_over_what_tajikistan_asked_for_is_flagged(seed_store) -> None:  # type: ignore[no-untyped-def]
    origins, claims, groups = seed_store
    contested = [g for g in groups if g.status is ClaimStatus.CONTESTED]
    asked = [g for g in contested if _sources(g, origins) == {"000", "001"}]
    assert len(asked) == 1
    predicates = {claims[claim_id].claim.predicate for claim_id in asked[0].conflicting}
    assert predicates == {"request", "need"}
    assert asked[0].explanation and "needed no reinforcements" in asked[0].explanation
    # No false conflicts on the seeds: this is the only one.
    assert len(contested) == 1
