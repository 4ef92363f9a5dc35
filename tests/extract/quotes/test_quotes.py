"""Who said what, on our own news-style sentences: direct, reported and partial quotes,
their speakers through names, pronouns and descriptions, and what is not a quote."""

from __future__ import annotations

from functools import cache

import pytest
from spacy.language import Language

from sitrep.annotate import load_english
from sitrep.extract import actors, quotes
from sitrep.link.gazetteer import Gazetteer
from sitrep.link.report_entities import bind_mentions
from sitrep.models import Quote, QuoteKind

DIRECT, INDIRECT, PARTIAL = QuoteKind.DIRECT, QuoteKind.INDIRECT, QuoteKind.PARTIAL


@cache
def nlp() -> Language:
    return load_english(set(actors.REQUIRES) | set(quotes.REQUIRES))


def quotes_in(text: str) -> list[tuple[QuoteKind, str, str | None, str | None]]:
    """(kind, content, speaker as written, the actor it resolves to) for each quote."""
    doc = nlp()(text)
    gazetteer = Gazetteer.bundled()
    mentions, entities = bind_mentions(text, actors.find_mentions(text, doc, gazetteer), gazetteer)
    found = quotes.find_quotes(text, doc, mentions, entities)
    _check_offsets(text, found)
    return [
        (
            q.kind,
            q.text,
            q.speaker_text,
            entities[q.speaker_entity].name if q.speaker_entity is not None else None,
        )
        for q in found
    ]


def _check_offsets(text: str, found: tuple[Quote, ...]) -> None:
    for quote in found:
        assert text[quote.start : quote.end] == quote.text
        if quote.cue is not None:
            assert text[quote.cue_start : quote.cue_end] == quote.cue
        if quote.speaker_start is not None:
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_text


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ('"We will not retreat from the border," Defence Minister Anton Vale said.',
         "We will not retreat from the border", "Anton Vale"),
        ("“The border is calm tonight,” said Colonel Ivan Sidorov, the district commander.",
         "The border is calm tonight", "Ivan Sidorov"),
        ("Foreign Minister Lena Berg said: «We are ready to help our allies at once.»",
         "We are ready to help our allies at once.", "Lena Berg"),
        ("Prime Minister Karl Dorn told reporters: „The agreement will be signed in May.“",
         "The agreement will be signed in May.", "Karl Dorn"),
        ('"The deal is done, Maria Lopez says. We expect the first deliveries in spring."',
         "The deal is done, Maria Lopez says. We expect the first deliveries in spring.",
         "Maria Lopez"),
        ("— The situation remains tense along the whole river, Olga Marin, spokeswoman for"
         " the mission, told reporters.",
         "The situation remains tense along the whole river", "Olga Marin"),
    ],
    ids=["straight-after", "curly-inverted", "guillemets-colon", "low-high-colon", "inline",
         "speech-dash"],
)  # fmt: skip
def test_direct_quotes_and_their_speakers(text: str, content: str, speaker: str) -> None:
    found = quotes_in(text)
    assert (DIRECT, content) in [(kind, text) for kind, text, _, _ in found]
    assert any(name == speaker for _, text_, _, name in found if text_ == content)


def test_a_pronoun_speaks_for_the_person_named_before() -> None:
    text = (
        'President Amir Talbani arrived in the capital on Tuesday. "We came to listen '
        'to our neighbours," he said.'
    )
    assert quotes_in(text) == [
        (DIRECT, "We came to listen to our neighbours", "he", "Amir Talbani")
    ]


def test_a_description_speaks_for_the_speaker_before() -> None:
    text = (
        "The river will stay calm this year, Sara Quist, a researcher at the Polar "
        "Institute, told the newspaper. There is no need for more troops, the expert believes."
    )
    found = quotes_in(text)
    assert [(kind, name) for kind, _, _, name in found] == [
        (INDIRECT, "Sara Quist"),
        (INDIRECT, "Sara Quist"),
    ]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Foreign Minister Lena Berg said that the embassy would reopen next month.",
         "the embassy would reopen next month", "Lena Berg"),
        ("According to the defence ministry, three hundred troops crossed the border.",
         "three hundred troops crossed the border", "defence ministry"),
        ("The ministry said in a statement that talks would resume on Friday.",
         "talks would resume on Friday", "ministry"),
        ("General Omar Said urged the allies to send more helicopters.",
         "the allies to send more helicopters", "Omar Said"),
    ],
    ids=["said-that", "according-to", "in-a-statement", "urged-to"],
)  # fmt: skip
def test_reported_speech(text: str, content: str, speaker: str) -> None:
    found = quotes_in(text)
    assert [(kind, text_) for kind, text_, _, _ in found] == [(INDIRECT, content)]
    assert speaker in (found[0][2] or "")


def test_quoted_words_inside_reported_speech_are_a_partial_quote() -> None:
    text = (
        "Chancellor Ida Holm vowed that the alliance would send "
        '"every available unit" to the frontier.'
    )
    assert quotes_in(text) == [
        (
            PARTIAL,
            'the alliance would send "every available unit" to the frontier',
            "Chancellor Ida Holm",
            "Ida Holm",
        )
    ]


def test_a_whole_paragraph_after_a_quotation_goes_on_as_one_quote() -> None:
    text = (
        '"The first stage is finished and the second begins soon," said envoy Ben Ode.\n\n'
        '"Nobody expected the talks to move this quickly, least of all our partners."'
    )
    ((kind, content, _, name),) = quotes_in(text)
    assert (kind, name) == (DIRECT, "Ben Ode")
    assert content.startswith("The first stage") and content.endswith("our partners.")


def test_a_quotation_interrupted_by_its_attribution_is_one_quote() -> None:
    text = '"We will hold the line," General Omar Said told reporters, "whatever it costs us."'
    ((kind, content, _, name),) = quotes_in(text)
    assert (kind, name) == (DIRECT, "Omar Said")
    assert content.startswith("We will hold") and content.endswith("whatever it costs us.")


@pytest.mark.parametrize(
    "text",
    [
        'The drill, called "Shield", starts in May.',
        'An anti-drug operation code-named "Channel" was also planned for the autumn.',
        'The so-called "spillover" of the conflict worries the region.',
        "The issue was raised at the meeting in Geneva.",
        "It was reported that the road was closed again.",
        "The delegates spoke at length about the weather.",
        "Officials have not disclosed how the money will be shared among the members.",
    ],
    ids=["called", "code-named", "scare", "raised", "expletive", "spoke-about", "negated"],
)
def test_not_quotes(text: str) -> None:
    assert quotes_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'He said "this never closes and goes on and on',
        '" " " " "' * 2_000,
        "“Outer ‘inner “deep” inner’ outer,” said Anna Kay.",
        ('"A quote," said Tom Lee. ' * 300),
        "— " * 500,
    ],
    ids=["unclosed", "marks-only", "nested", "many-quotes", "dashes-only"],
)
def test_bad_input_gives_sane_quotes(text: str) -> None:
    found = quotes_in(text)  # checks every offset against the text
    assert all(content.strip() for _, content, _, _ in found)
