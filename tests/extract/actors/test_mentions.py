"""Actor mentions on our own news-style sentences: what the model gets right, and the
corrections for where it errs on news text."""

from __future__ import annotations

from functools import cache

import pytest
from spacy.language import Language

from sitrep.annotate import load_english
from sitrep.extract.actors import REQUIRES, find_mentions
from sitrep.link.gazetteer import Gazetteer
from sitrep.models import EntityType, Mention, MentionKind

PERSON, ORG, GPE, NORP = EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.NORP


@cache
def nlp() -> Language:
    return load_english(REQUIRES)


def mentions(text: str) -> list[Mention]:
    return list(find_mentions(text, nlp()(text), Gazetteer.bundled()))


def found(text: str) -> dict[str, tuple[EntityType, MentionKind, str | None]]:
    return {m.text: (m.type, m.kind, m.role) for m in mentions(text)}


@pytest.mark.parametrize(
    ("text", "surface", "kind", "role"),
    [
        (
            "Tajik President Emomali Rakhmon asked the allies for help at the meeting.",
            "Emomali Rakhmon",
            PERSON,
            "President of Tajikistan",
        ),
        (
            "Russian Foreign Minister Sergei Lavrov urged the member states to act.",
            "Sergei Lavrov",
            PERSON,
            "Foreign Minister of Russia",
        ),
        (
            "President Vladimir Putin opened the talks in the resort town.",
            "Vladimir Putin",
            PERSON,
            "President",
        ),
        (
            "Aigul Sadykova, press secretary of the alliance secretariat, spoke to reporters.",
            "Aigul Sadykova",
            PERSON,
            "Press Secretary of the alliance secretariat",
        ),
    ],
)
def test_a_title_around_a_name_gives_the_person_a_role(
    text: str, surface: str, kind: EntityType, role: str
) -> None:
    assert found(text)[surface] == (kind, MentionKind.NAME, role)


@pytest.mark.parametrize(
    ("text", "surface", "label", "expected"),
    [
        ("Tajik President Emomali Rakhmon spoke first.", "Tajik", "PERSON", NORP),
        ("The leaders met in Dushanbe on Friday.", "Dushanbe", "ORG", GPE),
        ("Troops from Tajikistan took part in the drills.", "Tajikistan", "NORP", GPE),
        ("Leaders of Armenia attended the summit.", "Armenia", "PERSON", GPE),
        ("The Shanghai Cooperation Organisation met.", "Shanghai Cooperation Organisation",
         "WORK_OF_ART", ORG),
        ("The state daily Rossiyskaya Gazeta reported it.", "Rossiyskaya Gazeta", "PERSON", ORG),
        ("CSTO Secretary General Imangali Tasmagambetov said so.", "Imangali Tasmagambetov",
         "ORG", PERSON),
        ("The Secretary General of the bloc, Imangali Tasmagambetov, came.",
         "Imangali Tasmagambetov", "ORG", PERSON),
        ("The airliner crashed into the Atlantic Ocean in June.", "Atlantic Ocean", "PERSON",
         EntityType.LOC),
        ("Ryanair CEO Michael O'Leary defended the order.", "Ryanair", "PERSON", ORG),
        ("The jet took off from Toulouse in the morning.", "Toulouse", "PERSON", GPE),
        ("Analyst Nikita Mendkovich disagreed.", "Nikita Mendkovich", "FAC", PERSON),
    ],
)  # fmt: skip
def test_the_model_s_label_is_corrected_where_news_text_trips_it(
    text: str, surface: str, label: str, expected: EntityType
) -> None:
    doc = nlp()(text)
    start = text.index(surface)
    doc.ents = [doc.char_span(start, start + len(surface), label=label)]
    result = {m.text: m.type for m in find_mentions(text, doc, Gazetteer.bundled())}
    assert result[surface] is expected


def test_a_name_the_model_labels_a_person_once_is_a_person_everywhere_in_the_report() -> None:
    text = "Nikita Mendkovich spoke. Later Nikita Mendkovich left."
    doc = nlp()(text)
    second = text.rindex("Nikita")
    doc.ents = [
        doc.char_span(0, 17, label="PERSON"),
        doc.char_span(second, second + 17, label="FAC"),
    ]
    kinds = [m.type for m in find_mentions(text, doc, Gazetteer.bundled())]
    assert kinds == [PERSON, PERSON]


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        ("The speech began at 16:00 UTC on Monday.", "UTC", "ORG"),
        ("The programme costs $99 (USD) a year.", "USD", "ORG"),
    ],
)
def test_clocks_and_currencies_are_not_actors(text: str, surface: str, label: str) -> None:
    doc = nlp()(text)
    start = text.index(surface)
    doc.ents = [doc.char_span(start, start + len(surface), label=label)]
    assert surface not in {m.text for m in find_mentions(text, doc, Gazetteer.bundled())}


def test_a_country_code_fused_to_a_dollar_sign_is_a_currency() -> None:
    text = "The contract could reach US$100 billion, the US said."
    found = [m.start for m in find_mentions(text, None, Gazetteer.bundled())]
    assert found == [text.rindex("US")]


def test_a_role_without_a_name_is_a_role_mention() -> None:
    text = "The summit was attended by Kazakhstan's prime minister and five presidents."
    assert found(text)["Kazakhstan's prime minister"] == (
        PERSON,
        MentionKind.ROLE,
        "Prime Minister of Kazakhstan",
    )


def test_an_acronym_the_report_defines_is_a_mention_even_when_misspelled() -> None:
    text = (
        "Members of the Collective Security Treaty Organization, or OSTO, met in the "
        "city on Monday."
    )
    assert found(text)["OSTO"][0] is ORG


def test_names_in_another_script_come_from_the_gazetteer_without_a_parse() -> None:
    text = "Саммит ОДКБ прошёл в Сочи."
    result = {m.text: m.type for m in find_mentions(text, None, Gazetteer.bundled())}
    assert result == {"ОДКБ": ORG, "Сочи": GPE}


def test_a_named_exercise_is_not_an_actor() -> None:
    text = 'The allies held the "Channel" anti-drug exercise in the region last week.'
    assert "Channel" not in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no names at all here, just lower case words.",
        "\x00\x01 ??? ### 1234",
        "Путин " * 2000,
    ],
)
def test_odd_input_never_crashes(text: str) -> None:
    find_mentions(text, nlp()(text), Gazetteer.bundled())
    find_mentions(text, None, Gazetteer.bundled())
