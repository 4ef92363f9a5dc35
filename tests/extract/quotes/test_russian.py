"""Quotes in Russian reports, read by pattern (no Russian parser is packaged): the
frames Russian news puts around speech, on our own sentences."""

from __future__ import annotations

import pytest

from sitrep.extract.quotes import find_quotes
from sitrep.models import QuoteKind

DIRECT, INDIRECT = QuoteKind.DIRECT, QuoteKind.INDIRECT


def quotes_in(text: str) -> list[tuple[QuoteKind, str, str | None, str | None]]:
    found = find_quotes(text, None, (), (), language="ru")
    for quote in found:
        assert text[quote.start : quote.end] == quote.text
        assert text[quote.cue_start : quote.cue_end] == quote.cue
        assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_text
    return [(q.kind, q.text, q.speaker_text, q.cue) for q in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "«Граница под нашим контролем», — заявил командующий округом Иван Седов.",
            (DIRECT, "Граница под нашим контролем", "командующий округом Иван Седов", "заявил"),
        ),
        (
            "Министр Анна Берг сказала журналистам: «Переговоры продолжатся в мае».",
            (DIRECT, "Переговоры продолжатся в мае", "Министр Анна Берг", "сказала"),
        ),
        (
            "Итоги встречи.\n\n— Мы готовы помочь союзникам, — подчеркнул посол Олег Лис.",
            (DIRECT, "Мы готовы помочь союзникам", "посол Олег Лис", "подчеркнул"),
        ),
        (
            "По словам пресс-секретаря, делегации соберутся в Бишкеке осенью.",
            (INDIRECT, "делегации соберутся в Бишкеке осенью", "пресс-секретаря", "По словам"),
        ),
        (
            "Генерал Омар Саид, прибывший в Душанбе, заявил, что учения пройдут в июне.",
            (
                INDIRECT,
                "учения пройдут в июне",
                "Генерал Омар Саид, прибывший в Душанбе",
                "заявил",
            ),
        ),
    ],
    ids=["quote-dash-verb", "verb-colon-quote", "dash-speech", "po-slovam", "chto-clause"],
)
def test_russian_speech_frames(text: str, expected: tuple[QuoteKind, str, str, str]) -> None:
    assert quotes_in(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Учения под названием «Канал» пройдут в сентябре.",
        "Вопрос обсуждался на встрече в Женеве.",
        "«" * 5_000 + "»" * 5_000,
    ],
    ids=["name-in-marks", "no-speaker", "marks-only"],
)
def test_russian_text_without_speech(text: str) -> None:
    assert quotes_in(text) == []


def test_other_unparsed_languages_give_no_quotes() -> None:
    text = "«Wir sind bereit», sagte der Minister."
    assert find_quotes(text, None, (), (), language="de") == ()
