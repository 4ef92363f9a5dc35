"""Actors across the five seed reports: one entity per real actor, with all its variants,
and no two people merged. Reads ../shared/seeds in place (skipped when absent); only
names are written here, never the reports' text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.ingest import iter_pages
from sitrep.models import Entity, EntityType
from sitrep.store.sqlite import SQLiteStore

pytestmark = [pytest.mark.seeds, pytest.mark.slow]


@pytest.fixture(scope="module")
def actors(seeds_dir: Path, pipeline) -> Iterator[list[Entity]]:  # type: ignore[no-untyped-def]
    store = SQLiteStore.open(":memory:")
    summary = pipeline.ingest(iter_pages([str(seeds_dir)], pipeline.settings), store)
    assert summary.ingested == 5
    yield list(store.entities())
    store.close()


def the_one(actors: list[Entity], alias: str) -> Entity:
    holders = [actor for actor in actors if alias in actor.aliases]
    assert len(holders) == 1, f"{alias}: {[a.name for a in holders]}"
    return holders[0]


@pytest.mark.parametrize(
    ("name", "variants", "kind", "reports"),
    [
        ("Vladimir Putin", {"Putin"}, EntityType.PERSON, 4),
        ("Emomali Rakhmon", {"Emomali Rahmon", "Rahmon"}, EntityType.PERSON, 4),
        ("Sergei Lavrov", set(), EntityType.PERSON, 2),
        (
            "Collective Security Treaty Organization",
            {"CSTO", "Collective Security Treaty Organisation", "OSTO"},
            EntityType.ORG,
            5,
        ),
        ("Taliban", set(), EntityType.ORG, 2),
        ("Commonwealth of Independent States", {"CIS"}, EntityType.ORG, 2),
    ],
)
def test_an_actor_named_in_several_reports_is_one_entity_with_all_its_variants(
    actors: list[Entity], name: str, variants: set[str], kind: EntityType, reports: int
) -> None:
    actor = the_one(actors, name)
    assert actor.name == name
    assert variants <= set(actor.aliases)
    assert actor.type is kind
    assert actor.report_count >= reports


def test_the_tajik_president_s_role_is_kept(actors: list[Entity]) -> None:
    roles = {held.role for held in the_one(actors, "Emomali Rakhmon").roles}
    assert "President of Tajikistan" in roles


def test_no_two_people_are_merged(actors: list[Entity]) -> None:
    for actor in actors:
        if actor.type is EntityType.PERSON:
            surnames = {alias.split()[-1] for alias in actor.aliases if len(alias.split()) > 1}
            # Rakhmon and Rahmon are one surname written two ways; anything else is a merge.
            assert len({s.replace("kh", "h") for s in surnames}) <= 1, actor.aliases


def test_the_council_is_not_the_organisation(actors: list[Entity]) -> None:
    alliance = the_one(actors, "Collective Security Treaty Organization")
    assert not any("Council" in alias for alias in alliance.aliases)
