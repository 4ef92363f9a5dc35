"""A report's text cut into paragraphs of segments for highlighting: every character kept,
each piece listing the items over it, the sentence a page was opened on flagged."""

from __future__ import annotations

import pytest

from sitrep.models import TextSpan
from sitrep.report.highlight import Highlight, paragraphs
from sitrep.report.pages import Paragraph

CLAIM = (
    "Officials said the bridge would reopen. "
    "Mayor Ana Petrova said “Ana Petrova will not wait for the ministry” on Monday."
)
SECOND = "Repairs began in April 2025 and will end in 2026."
TEXT = f"{CLAIM}\n\n{SECOND}"


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def highlight(
    text: str, part: str, kind: str, label: str, actor_id: int | None = None, after: int = 0
) -> Highlight:
    start, end = span(text, part, after)
    return Highlight(start, end, kind, label, actor_id)


def joined(result: list[Paragraph]) -> list[str]:
    return ["".join(segment.text for segment in paragraph.segments) for paragraph in result]


def nested() -> list[Highlight]:
    """An actor inside a quote inside a claim's sentence, a second actor before the quote,
    and two times in the second paragraph."""
    quote = "Ana Petrova will not wait for the ministry"
    sentence = "Mayor Ana Petrova said “Ana Petrova will not wait for the ministry” on Monday."
    return [
        highlight(TEXT, sentence, "claim", "claim: will not wait"),
        highlight(TEXT, quote, "quote", "quote by Ana Petrova"),
        highlight(TEXT, "Ana Petrova", "actor", "Ana Petrova (speaker)", 7),
        highlight(TEXT, "Ana Petrova", "actor", "Ana Petrova (in quote)", 8, after=TEXT.index("“")),
        highlight(TEXT, "April 2025", "time", "2025-04"),
        highlight(TEXT, "2026", "time", "2026"),
    ]


@pytest.mark.parametrize(
    ("text", "paragraph_texts"),
    [
        (TEXT, [CLAIM, SECOND]),
        ("One line.\nAnother line.", ["One line.", "Another line."]),
        ("First.\n  \n\nSecond.\n", ["First.", "Second."]),  # blank lines with spaces
        ("\n\nAfter a leading break.", ["After a leading break."]),
        ("  Indented paragraph.", ["  Indented paragraph."]),
        (
            "Министр заявил об этом.\n\nПереговоры продолжатся.",
            ["Министр заявил об этом.", "Переговоры продолжатся."],
        ),
    ],
)
def test_highlight_segments_give_back_each_paragraph(text: str, paragraph_texts: list[str]) -> None:
    items = [Highlight(0, len(text), "claim", "all of it"), Highlight(2, 9, "actor", "someone")]
    assert joined(paragraphs(text, [])) == paragraph_texts
    assert joined(paragraphs(text, items)) == paragraph_texts
    assert joined(paragraphs(text, nested() if text == TEXT else [])) == paragraph_texts


def test_highlight_nested_items_list_every_kind_innermost_label_first() -> None:
    result = paragraphs(TEXT, nested())
    first = result[0].segments
    texts = [segment.text for segment in first]
    assert texts == [
        "Officials said the bridge would reopen. ",
        "Mayor ",
        "Ana Petrova",
        " said “",
        "Ana Petrova",
        " will not wait for the ministry",
        "” on Monday.",
    ]
    described = [(segment.kinds, segment.labels, segment.actor_id) for segment in first]
    assert described == [
        ([], [], None),
        (["claim"], ["claim: will not wait"], None),
        (["actor", "claim"], ["Ana Petrova (speaker)", "claim: will not wait"], 7),
        (["claim"], ["claim: will not wait"], None),
        (["actor", "claim", "quote"],
         ["Ana Petrova (in quote)", "quote by Ana Petrova", "claim: will not wait"], 8),
        (["claim", "quote"], ["quote by Ana Petrova", "claim: will not wait"], None),
        (["claim"], ["claim: will not wait"], None),
    ]  # fmt: skip
    second = [(segment.text, segment.kinds) for segment in result[1].segments]
    assert second == [
        ("Repairs began in ", []),
        ("April 2025", ["time"]),
        (" and will end in ", []),
        ("2026", ["time"]),
        (".", []),
    ]


def test_highlight_actor_link_goes_to_the_innermost_actor() -> None:
    """An organisation's mention holding a person's: the person is the innermost actor."""
    text = "The office of Ana Petrova declined to comment."
    items = [
        highlight(text, "The office of Ana Petrova", "actor", "Mayor's office", 3),
        highlight(text, "Ana Petrova", "actor", "Ana Petrova", 7),
        highlight(text, "Ana Petrova declined to comment", "event", "statement"),
    ]
    segments = {segment.text: segment for segment in paragraphs(text, items)[0].segments}
    assert segments["Ana Petrova"].actor_id == 7
    assert segments["Ana Petrova"].labels == ["Ana Petrova", "Mayor's office", "statement"]
    assert segments["The office of "].actor_id == 3
    assert segments[" declined to comment"].actor_id is None  # the event links nobody


@pytest.mark.parametrize(
    ("target", "flagged"),
    [
        (span(TEXT, "Officials said the bridge would reopen."),
         ["Officials said the bridge would reopen."]),
        (span(TEXT, CLAIM.split(". ", 1)[1]),
         ["Mayor ", "Ana Petrova", " said “", "Ana Petrova", " will not wait for the ministry",
          "” on Monday."]),
        (span(TEXT, "wait for the"), ["wait for the"]),  # a target cutting inside items
        (span(TEXT, "on Monday.\n\nRepairs began"), ["on Monday.", "Repairs began"]),
        ((0, len(TEXT)), None),  # everything
        ((len(TEXT) + 5, len(TEXT) + 40), []),  # outside the text: ignored
    ],
)  # fmt: skip
def test_highlight_target_flags_exactly_the_segments_inside_it(
    target: tuple[int, int], flagged: list[str] | None
) -> None:
    result = paragraphs(TEXT, nested(), TextSpan(*target))
    segments = [segment for paragraph in result for segment in paragraph.segments]
    expected = [segment.text for segment in segments] if flagged is None else flagged
    assert [segment.text for segment in segments if segment.target] == expected
    assert joined(result) == [CLAIM, SECOND]


def test_highlight_without_target_flags_nothing() -> None:
    segments = [s for paragraph in paragraphs(TEXT, nested()) for s in paragraph.segments]
    assert not any(segment.target for segment in segments)


@pytest.mark.parametrize(
    "item",
    [
        Highlight(-3, 4, "actor", "before the start"),
        Highlight(10, len(TEXT) + 1, "claim", "past the end"),
        Highlight(12, 12, "time", "empty"),
        Highlight(20, 10, "quote", "backwards"),
    ],
)
def test_highlight_items_out_of_range_are_dropped(item: Highlight) -> None:
    assert paragraphs(TEXT, [item]) == paragraphs(TEXT, [])


def test_highlight_item_edges_inside_a_paragraph_break_keep_the_break() -> None:
    """A sentence span that takes in the first newline of a blank line still leaves two
    paragraphs, and no segment holds a line break."""
    text = "The port reopened.\n\nShips are queueing."
    items = [Highlight(0, 19, "claim", "reopened"), Highlight(19, len(text), "claim", "queue")]
    result = paragraphs(text, items, TextSpan(0, 19))
    assert joined(result) == ["The port reopened.", "Ships are queueing."]
    assert [(s.text, s.labels, s.target) for p in result for s in p.segments] == [
        ("The port reopened.", ["reopened"], True),
        ("Ships are queueing.", ["queue"], False),
    ]


def test_highlight_empty_text() -> None:
    assert paragraphs("", []) == []
    assert paragraphs("", [Highlight(0, 3, "actor", "nothing there")], TextSpan(0, 0)) == []


def test_highlight_cyrillic_text_is_cut_at_characters() -> None:
    text = "Президент Эмомали Рахмон заявил: «Мы не отступим».\n\nВстреча прошла в Душанбе."
    items = [
        highlight(text, "Эмомали Рахмон", "actor", "Эмомали Рахмон", 1),
        highlight(text, "Мы не отступим", "quote", "цитата"),
        highlight(text, "Душанбе", "actor", "Душанбе", 2),
    ]
    result = paragraphs(text, items)
    assert joined(result) == text.split("\n\n")
    marked = [(s.text, s.actor_id) for p in result for s in p.segments if s.kinds]
    assert marked == [("Эмомали Рахмон", 1), ("Мы не отступим", None), ("Душанбе", 2)]
