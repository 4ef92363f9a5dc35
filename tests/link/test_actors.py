"""Choosing the stored actor a report's entity is (pure rules, over a fake index)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from sitrep.link.actors import KnownActor, actor_keys, choose_actor
from sitrep.models import EntityType, LocalEntity

PERSON, ORG, GPE = EntityType.PERSON, EntityType.ORG, EntityType.GPE


class FakeIndex:
    """Actors and the other actors they share reports with."""

    def __init__(self, actors: list[KnownActor], together: dict[int, set[int]] | None = None):
        self.actors = actors
        self.together = together or {}

    def actors_with_keys(self, keys: Sequence[str]) -> list[KnownActor]:
        wanted = set(keys)
        return [
            actor
            for actor in self.actors
            if wanted
            & set(
                actor_keys(
                    LocalEntity(actor.name, actor.type, actor.aliases, (), (), actor.gazetteer_id)
                )
            )
        ]

    def shared_reports(self, actor_id: int, others: Sequence[int]) -> int:
        return len(self.together.get(actor_id, set()) & set(others))


def local(
    name: str, kind: EntityType, *aliases: str, gazetteer_id: str | None = None
) -> LocalEntity:
    return LocalEntity(name, kind, (name, *aliases), (0,), (), gazetteer_id)


def choose(entity: LocalEntity, index: FakeIndex, context: Sequence[int] = ()) -> int | None:
    found = choose_actor(entity, index.actors_with_keys(actor_keys(entity)), index, context)
    return None if found is None else found.id


RAKHMON = KnownActor(1, "Emomali Rakhmon", PERSON, ("Emomali Rakhmon", "Rakhmon"), None)
CSTO = KnownActor(2, "Collective Security Treaty Organization", ORG,
                  ("Collective Security Treaty Organization", "CSTO"), "org:csto")  # fmt: skip
ILHAM = KnownActor(3, "Ilham Aliyev", PERSON, ("Ilham Aliyev",), None)
HEYDAR = KnownActor(4, "Heydar Aliyev", PERSON, ("Heydar Aliyev",), None)


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        (local("Emomali Rahmon", PERSON), 1),  # transliteration variant
        (local("Rahmon", PERSON), 1),  # a bare surname, one person stored with it
        (local("Эмомали Рахмон", PERSON), 1),  # Cyrillic
        (local("Collective Security Treaty Organisation", ORG), 2),  # British spelling
        (local("ОДКБ", ORG, gazetteer_id="org:csto"), 2),  # one gazetteer id
        (local("Rakhmon Holdings", ORG), None),  # a person's name in a company: not the person
        (local("Ilham Aliyev", PERSON), 3),
        (local("Heydar Aliyev", PERSON), 4),
        (local("Mehriban Aliyeva", PERSON), None),
        (local("Zarina Aliyev", PERSON), None),  # different first name: a different person
    ],
)
def test_choose_actor(entity: LocalEntity, expected: int | None) -> None:
    assert choose(entity, FakeIndex([RAKHMON, CSTO, ILHAM, HEYDAR])) == expected


def test_a_bare_surname_shared_by_two_people_needs_context() -> None:
    index = FakeIndex([ILHAM, HEYDAR], together={3: {10, 11}, 4: {12}})
    assert choose(local("Aliyev", PERSON), index) is None
    assert choose(local("Aliyev", PERSON), index, context=[10, 11]) == 3


def test_a_typo_of_an_acronym_needs_shared_context() -> None:
    index = FakeIndex([CSTO], together={2: {20, 21, 22}})
    typo = local("OSTO", ORG)
    assert choose(typo, index, context=[20]) is None
    assert choose(typo, index, context=[20, 21]) == 2
