"""Claims in one report, on our own news-style sentences: statements with their subject,
polarity and modality; figures with their owner; what is not a claim."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from spacy.language import Language

from sitrep.annotate import load_english
from sitrep.extract import actors, claims, quotes, times
from sitrep.link.gazetteer import Gazetteer
from sitrep.link.report_entities import bind_mentions
from sitrep.models import Claim, ClaimKind, Modality, TextSpan

HAPPENED, PLANNED, POSSIBLE, REPORTED = (
    Modality.HAPPENED,
    Modality.PLANNED,
    Modality.POSSIBLE,
    Modality.REPORTED,
)
PUBLISHED = dt.date(2013, 9, 23)


@cache
def nlp() -> Language:
    wanted = set(actors.REQUIRES) | set(quotes.REQUIRES) | set(claims.REQUIRES)
    return load_english(wanted | set(times.REQUIRES))


def claims_in(text: str) -> list[tuple[Claim, str | None]]:
    """Each claim with the name of its subject."""
    doc = nlp()(text)
    gazetteer = Gazetteer.bundled()
    mentions, entities = bind_mentions(text, actors.find_mentions(text, doc, gazetteer), gazetteer)
    found_times = times.extract_times(text, PUBLISHED, doc)
    found_quotes = quotes.find_quotes(text, doc, mentions, entities)
    sentences = [TextSpan(s.start_char, s.end_char) for s in doc.sents]
    found = claims.find_claims(
        text, doc, sentences, mentions, entities, found_times, found_quotes, gazetteer
    )
    for claim in found:
        assert text[claim.start : claim.end] == claim.text
        assert claim.sentence.start <= claim.start < claim.end <= claim.sentence.end
        assert "\n\n" not in text[claim.sentence.start : claim.sentence.end]
    return [
        (claim, entities[claim.subject].name if claim.subject is not None else None)
        for claim in found
    ]


def statements_in(text: str) -> list[tuple[str | None, str, bool, Modality, str | None]]:
    return [
        (subject, c.predicate, c.negated, c.modality, c.party)
        for c, subject in claims_in(text)
        if c.kind is ClaimKind.STATEMENT
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tajik President Emomali Rahmon requested military aid from Moscow.",
            ("Emomali Rahmon", "request", False, HAPPENED, "TJ"),  # his office's country
        ),
        (
            "Kyrgyzstan did not send troops to the border.",
            ("Kyrgyzstan", "send", True, HAPPENED, "KG"),
        ),
        (
            "The minister said that Bishkek needed no new weapons.",
            ("Bishkek", "need", True, REPORTED, "KG"),  # a capital stands for its country
        ),
        (
            "Russia will deliver two helicopters to Kyrgyzstan.",
            ("Russia", "deliver", False, PLANNED, "RU"),
        ),
        (
            "Uzbekistan may join the exercises.",
            ("Uzbekistan", "join", False, POSSIBLE, "UZ"),
        ),
        (
            "Russia intends to develop military cooperation with Kyrgyzstan.",
            ("Russia", "develop", False, PLANNED, "RU"),
        ),
        (
            "The CSTO is due to approve a joint programme to assist Dushanbe.",
            ("Collective Security Treaty Organization", "approve", False, PLANNED, None),
        ),
        (
            "Philadelphia never hosted the summit.",
            ("Philadelphia", "host", True, HAPPENED, None),  # a city that is not a capital
        ),
    ],
)
def test_statements(text: str, expected: tuple[str, str, bool, Modality, str | None]) -> None:
    assert expected in statements_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "The weather was cold and the roads were closed.",  # no actor
        "It was reported that the talks had failed.",
        "Officials do not believe that Russia sent troops.",  # asserts neither way
    ],
)
def test_no_statement_without_an_actor_or_an_assertion(text: str) -> None:
    assert statements_in(text) == []


def test_a_reporting_verb_is_an_attribution_not_a_statement() -> None:
    found = statements_in("Vladimir Putin said that Tajikistan needed help.")
    assert [predicate for _, predicate, *_ in found] == ["need"]
    ((claim, subject),) = claims_in("Vladimir Putin said that Tajikistan needed help.")
    assert subject == "Tajikistan"
    assert claim.speaker is not None and claim.modality is REPORTED


def test_statement_text_leaves_out_the_clauses_hanging_from_it() -> None:
    ((claim, _),) = [
        item
        for item in claims_in(
            "Tajik President Emomali Rahmon requested help with border security, saying the "
            "threat was growing."
        )
        if item[0].predicate == "request"
    ]
    assert claim.text == "Tajik President Emomali Rahmon requested help with border security"
    assert claim.object == "help with border security"


@pytest.mark.parametrize(
    ("text", "value", "owner", "predicate", "measured"),
    [
        (
            "Tajikistan shares a 1,344-kilometer border with Afghanistan.",
            1344,
            "Tajikistan",
            "share",
            "border",
        ),
        (
            "A 7,000-strong CSTO force guards the frontier.",
            7000,
            "Collective Security Treaty Organization",
            "guard",
            "CSTO force",
        ),
        (
            "The CSTO now has six members.",
            6,
            "Collective Security Treaty Organization",
            "have",
            "members",
        ),
        # members belong to the organisation the report is about, not to the speaker
        (
            "The CSTO met in Sochi. The CSTO leaders talked for hours. Vladimir Putin said the six "
            "member countries must act.",
            6,
            "Collective Security Treaty Organization",
            "act",
            "member countries",
        ),
        # the owner of a figure in a clause attached to a noun is the main clause's subject
        (
            "Tajikistan guards an area which is separated from Afghanistan by a long border — "
            "1.3 thousand km.",
            1300,
            "Tajikistan",
            "separate",
            "border",
        ),
    ],
)
def test_figure_owner(text: str, value: float, owner: str, predicate: str, measured: str) -> None:
    figures = [(c, s) for c, s in claims_in(text) if c.kind is ClaimKind.FIGURE]
    assert [
        (c.figure.value if c.figure else None, s, c.predicate, c.object) for c, s in figures
    ] == [(value, owner, predicate, measured)]


def test_a_figure_with_no_actor_in_reach_has_no_owner() -> None:
    ((claim, owner),) = claims_in("About 40 people were injured in the blast.")
    assert claim.kind is ClaimKind.FIGURE and owner is None and claim.party is None


def test_figures_a_report_gives_several_values_for_vary() -> None:
    found = [
        claim
        for claim, _ in claims_in(
            "Kyrgyzstan lost 40 soldiers in May. Kyrgyzstan lost 120 soldiers in June. "
            "Kyrgyzstan has 300 border posts."
        )
        if claim.figure is not None
    ]
    assert [(claim.figure.value, claim.varies) for claim in found if claim.figure] == [
        (40, True),
        (120, True),
        (300, False),
    ]
    assert [claim.time for claim in found] == ["2013-05", "2013-06", None]


def test_quoted_first_person_is_the_speaker() -> None:
    found = claims_in('"We will send more troops," Russian President Vladimir Putin said.')
    assert [(c.predicate, s, c.modality) for c, s in found if c.kind is ClaimKind.STATEMENT] == [
        ("send", "Vladimir Putin", PLANNED)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "III",
        "Call +7 495 123-45-67 for details.",
        "In 2013 the CSTO met. It meets every year.",
        "Over 1,3 тыс. военных и 1.3k единиц техники.",
        "\n\n\n" + "1. 2. 3. " * 50,
    ],
)
def test_odd_input_gives_no_false_figure_and_never_crashes(text: str) -> None:
    found = claims_in(text)
    assert all(
        claim.figure is None or not (1800 <= claim.figure.value <= 2100) for claim, _ in found
    )
    assert all(claim.figure is None or claim.figure.value != 495 for claim, _ in found)


def test_a_headline_run_into_the_first_sentence_is_cut_off() -> None:
    text = "Border plan adopted\n\nTajikistan shares a 1,344-kilometer border with Afghanistan."
    ((claim, _),) = [item for item in claims_in(text) if item[0].figure is not None]
    assert text[claim.sentence.start : claim.sentence.end] == text.split("\n\n")[1]
