"""The benchmark's stand-in for the quote extractor, on a report built by hand."""

from __future__ import annotations

import dataclasses

from bench.quote_families import stand_in_quotes
from tests.conftest import quoted_report

from sitrep.models import EntityType, LocalEntity, Mention


def test_stand_in_quotes_take_the_last_person_named_before() -> None:
    base = quoted_report("x.txt", "Nobody", [], published=None)
    text = (
        'Ada Brook said "the lock gates will open at dawn tomorrow" and then left. '
        'Later Omar Vale replied "not before the river drops a metre" to "no" questions.'
    )
    ada, omar = text.index("Ada Brook"), text.index("Omar Vale")
    report = dataclasses.replace(
        base,
        clean=dataclasses.replace(base.clean, text=text),
        mentions=(
            Mention(ada, ada + 9, "Ada Brook", EntityType.PERSON),
            Mention(omar, omar + 9, "Omar Vale", EntityType.PERSON),
        ),
        entities=(
            LocalEntity("Ada Brook", EntityType.PERSON, ("Ada Brook",), (0,)),
            LocalEntity("Omar Vale", EntityType.PERSON, ("Omar Vale",), (1,)),
        ),
    )
    quotes = stand_in_quotes(report)
    assert [(q.text, q.speaker_entity) for q in quotes] == [
        ("the lock gates will open at dawn tomorrow", 0),
        ("not before the river drops a metre", 1),
    ]  # "no" is too short to stand in for a quote
    assert all(text[q.start : q.end] == q.text for q in quotes)
