"""Binding mentions into actors within one report, on our own sentences."""

from __future__ import annotations

from functools import cache

from spacy.language import Language

from sitrep.annotate import load_english
from sitrep.extract.actors import REQUIRES, find_mentions
from sitrep.link.gazetteer import Gazetteer
from sitrep.link.report_entities import bind_mentions
from sitrep.models import EntityType, LocalEntity


@cache
def nlp() -> Language:
    return load_english(REQUIRES)


def actors(text: str) -> list[LocalEntity]:
    gazetteer = Gazetteer.bundled()
    mentions, entities = bind_mentions(text, find_mentions(text, nlp()(text), gazetteer), gazetteer)
    for entity in entities:
        assert all(0 <= position < len(mentions) for position in entity.mentions)
    return list(entities)


def actor_named(entities: list[LocalEntity], alias: str) -> LocalEntity:
    return next(e for e in entities if alias in e.aliases)


def test_a_defined_acronym_binds_to_its_long_form_even_when_misspelled() -> None:
    entities = actors(
        "Leaders of the Collective Security Treaty Organization, or OSTO, met on Monday. "
        "The OSTO summit ended with a statement."
    )
    alliance = actor_named(entities, "OSTO")
    assert alliance.name == "Collective Security Treaty Organization"
    assert len(alliance.mentions) == 3


def test_initials_bind_an_acronym_to_the_long_form() -> None:
    entities = actors(
        "The Shanghai Cooperation Organisation met in Astana. The SCO backed the plan."
    )
    assert actor_named(entities, "SCO") is actor_named(
        entities, "Shanghai Cooperation Organisation"
    )


def test_a_surname_binds_to_the_full_name_even_in_a_headline_before_it() -> None:
    entities = actors(
        "Putin to attend the session\n\nRussian President Vladimir Putin will take part in "
        "the session, the Kremlin said. Putin spoke on Sunday."
    )
    putin = actor_named(entities, "Putin")
    assert putin.name == "Vladimir Putin"
    assert putin.type is EntityType.PERSON
    assert "President of Russia" in putin.roles


def test_two_first_names_with_one_surname_are_two_people() -> None:
    entities = actors(
        "Ilham Aliyev met Heydar Aliyev's biographer. Later Ilham Aliyev left for Baku."
    )
    people = [e for e in entities if e.type is EntityType.PERSON and "Aliyev" in e.name]
    assert {p.name for p in people} >= {"Ilham Aliyev", "Heydar Aliyev"}


def test_a_role_mention_binds_to_the_person_holding_that_role() -> None:
    entities = actors(
        "Tajik President Emomali Rakhmon asked for help. The Tajik president said the "
        "threat was growing."
    )
    rakhmon = actor_named(entities, "Emomali Rakhmon")
    assert len(rakhmon.mentions) == 2


def test_a_role_with_no_holder_stays_a_role_actor() -> None:
    entities = actors("The meeting was attended by Kazakhstan's prime minister.")
    role = next(e for e in entities if e.type is EntityType.PERSON)
    assert role.name == "Prime Minister of Kazakhstan"


def test_a_description_binds_to_the_latest_fitting_organisation() -> None:
    entities = actors(
        "The Collective Security Treaty Organization is worried. The organization said "
        "the border needs work."
    )
    assert len(actor_named(entities, "Collective Security Treaty Organization").mentions) == 2
