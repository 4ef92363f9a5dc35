"""``clean_page``: the cleaner, the metadata an input states, and the language."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.clean import LanguageIdentifier, clean_page
from sitrep.config import DETECTED_LANGUAGES
from sitrep.errors import EmptyInput
from sitrep.models import PageFormat, PageHints, RawPage

EN = (
    "Leaders of the six member states met in the resort town on Monday to discuss the "
    "border, agreeing that the threat from the south had grown over the summer months."
)
RU = (
    "Лидеры шести государств встретились в понедельник на курорте, чтобы обсудить положение "
    "на границе, и согласились, что угроза с юга за лето выросла."
)
DE = (
    "Die Staatschefs der sechs Mitgliedstaaten trafen sich am Montag in dem Kurort, um über "
    "die Grenze zu sprechen, und waren sich einig, dass die Bedrohung gewachsen ist."
)
FR = (
    "Les dirigeants des six États membres se sont réunis lundi dans la station balnéaire "
    "pour parler de la frontière et ont convenu que la menace venue du sud avait grandi."
)
UK = (
    "Лідери шести держав зустрілися в понеділок на курорті, щоб обговорити ситуацію на "
    "кордоні, і погодилися, що загроза з півдня за літо зросла."
)


@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier(DETECTED_LANGUAGES)


def text_page(text: str, hints: PageHints | None = None) -> RawPage:
    return RawPage("report.txt", text, PageFormat.TEXT, hints=hints or PageHints())


@pytest.mark.parametrize(
    ("body", "language"), [(EN, "en"), (RU, "ru"), (DE, "de"), (FR, "fr"), (UK, "uk")]
)
def test_language_of_each_report(identifier: LanguageIdentifier, body: str, language: str) -> None:
    report = clean_page(text_page(f"Headline\n\n{body}"), identifier)
    assert report.language == language


def test_language_is_read_from_the_article_not_the_furniture(
    identifier: LanguageIdentifier,
) -> None:
    furniture = "\n".join(
        [
            "Перейти к основному содержанию",
            "Реклама",
            "Прямой эфир",
            "",
            "Border fears grow",
            "",
            EN,
            "",
            "Переведено сервисом «Яндекс Переводчик»",
            "Следующая новость",
            "На нашем сайте используются cookie-файлы. Продолжая пользоваться сайтом, вы "
            "соглашаетесь с этим.",
        ]
    )
    report = clean_page(text_page(furniture), identifier)
    assert report.language == "en"
    assert report.machine_translated
    assert report.text == f"Border fears grow\n\n{EN}"


def test_metadata_the_input_states_wins(identifier: LanguageIdentifier) -> None:
    hints = PageHints(
        title="Stated headline",
        url="https://tass.com/world/1",
        source="ТАСС",
        author="Jane Doe",
        published="2013-09-24",
    )
    text = "Another line on top\n\nBy John Roe\n\n23 September 2013\n\n" + EN
    report = clean_page(text_page(text, hints), identifier)
    assert report.title == "Stated headline"
    assert report.text.startswith("Stated headline\n\n")
    assert report.url == "https://tass.com/world/1"
    assert report.source == "TASS"  # the known outlet's own name for an alias
    assert report.author == "Jane Doe"
    assert report.published == dt.date(2013, 9, 24)
    assert report.published_text == "2013-09-24"


def test_outlet_from_the_url_when_nothing_names_it(identifier: LanguageIdentifier) -> None:
    report = clean_page(
        text_page(f"Headline\n\n{EN}", PageHints(url="https://www.themoscowtimes.com/a")),
        identifier,
    )
    assert report.source == "The Moscow Times"


def test_a_page_of_furniture_only_is_empty(identifier: LanguageIdentifier) -> None:
    with pytest.raises(EmptyInput):
        clean_page(text_page("Skip to main content\nAdvertisement\nShare\n12\n"), identifier)


def test_content_hash_ignores_whitespace(identifier: LanguageIdentifier) -> None:
    first = clean_page(text_page(f"Headline\n\n{EN}"), identifier)
    second = clean_page(text_page(f"Headline\n\n\n{EN}   \n"), identifier)
    assert first.content_hash == second.content_hash


@pytest.mark.parametrize("stated", ["1715594400", "sometime last spring", "2025-13-45"])
def test_a_stated_date_that_is_no_date_is_noted_not_dropped_silently(
    identifier: LanguageIdentifier, stated: str
) -> None:
    body = "The ferry resumed its crossings on Tuesday after repairs to the pier were finished."
    report = clean_page(text_page(f"Ferry back\n\n{body}", PageHints(published=stated)), identifier)
    assert report.published is None
    assert report.warnings == (f"the stated date {stated!r} is not a date; left out",)
