"""Metadata lines of a plain-text page: bylines, datelines, credits, URLs, notices,
and the outlet a report keeps naming as the one it spoke to."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.clean.metadata import (
    is_machine_translation_notice,
    is_url_label,
    outlet_from_attributions,
    read_byline,
    read_dateline,
    read_source_credit,
    read_url,
    read_url_in_line,
    read_url_label,
)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("by Jane Doe", "Jane Doe"),
        ("BY JANE DOE", "JANE DOE"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("By Jane Doe, John Roe", "Jane Doe, John Roe"),
        ("By Jean-Luc de la Fontaine", "Jean-Luc de la Fontaine"),
        ("Written by Anna O'Neill", "Anna O'Neill"),
        ("Text by Anna Ivanova", "Anna Ivanova"),
        ("By Jane Doe, Reuters", "Jane Doe"),  # the outlet after the name is not an author
        ("By Jane Doe | TASS", "Jane Doe"),
        ("By Anna Ivanova and Oleg Petrov, staff correspondents", "Anna Ivanova and Oleg Petrov"),
        ("Автор: Иван Петров", "Иван Петров"),
        ("Текст: Мария Смирнова и Олег Иванов", "Мария Смирнова и Олег Иванов"),
        ("Von Hans Müller", "Hans Müller"),
        ("Par Jean Dupont", "Jean Dupont"),
        ("Por María López", "María López"),
    ],
)
def test_bylines(line: str, author: str) -> None:
    assert read_byline(line) == author


@pytest.mark.parametrize(
    "line",
    [
        "By the numbers",  # a subhead
        "By The Numbers",
        "by air and sea",
        "By Monday",
        "By September",
        "Jane Doe",  # a name alone is not a byline
        "By Jane Doe the talks had ended, and the delegations went home to their capitals",
        "Bystanders gathered",
    ],
)
def test_not_bylines(line: str) -> None:
    assert read_byline(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("September 23, 2013", dt.date(2013, 9, 23)),
        ("28 September 2013, 14:07", dt.date(2013, 9, 28)),
        ("23 August 2021", dt.date(2021, 8, 23)),
        ("Sochi, 23 September 2013", dt.date(2013, 9, 23)),
        ("Published: 23.09.2013 14:07", dt.date(2013, 9, 23)),
        ("23 сентября 2013, 14:07", dt.date(2013, 9, 23)),
        ("Publié le 23 septembre 2013", dt.date(2013, 9, 23)),
        ("Опубліковано: 12 травня 2025", dt.date(2025, 5, 12)),
        ("Оновлено: 12 травня 2025, 14:07", dt.date(2025, 5, 12)),
        ("Дата публикации: 12.05.2025", dt.date(2025, 5, 12)),
        ("Published on September 23, 2013", dt.date(2013, 9, 23)),
    ],
)
def test_datelines(line: str, expected: dt.date) -> None:
    assert read_dateline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Elections set for 4 December 2011",
        "Putin wins on 4 March 2012",
        "September 2013",
        "The talks on 23 September 2013 in Sochi ended without a joint statement",
    ],
)
def test_not_datelines(line: str) -> None:
    assert read_dateline(line) is None


def test_labelled_datelines() -> None:
    assert read_dateline("Published: 23 September 2013", labelled=True) == dt.date(2013, 9, 23)
    assert read_dateline("Опубликовано 23.09.2013", labelled=True) == dt.date(2013, 9, 23)
    assert read_dateline("23 September 2013", labelled=True) is None


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("Based on materials from TASS", "TASS"),
        ("Based on materials from Interfax.", "Interfax"),
        ("According to materials from RIA Novosti", "RIA Novosti"),
        ("Source: Interfax", "Interfax"),
        ("Source: The Moscow Times", "The Moscow Times"),
        ("Источник: РИА Новости", "RIA Novosti"),
        ("По материалам ТАСС", "TASS"),
        ("За матеріалами Укрінформ", "Укрінформ"),
        ("Mit Material von Reuters", "Reuters"),
        ("Quelle: dpa", "dpa"),
        ("Fuente: EFE", "EFE"),
        ("This article was originally published by Eurasianet.", "Eurasianet"),
    ],
)
def test_source_credits(line: str, source: str) -> None:
    assert read_source_credit(line) == source


@pytest.mark.parametrize(
    "line",
    [
        "Source close to the Kremlin said the talks had failed",  # a sentence
        "Sources say the talks failed",
        "Source: https://tass.com/politics/1",  # a URL, read as one
        "Based on materials from a long list of outlets that we cannot name here at all",
    ],
)
def test_not_source_credits(line: str) -> None:
    assert read_source_credit(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Original url:", (True, None)),  # the URL is on a later line
        ("Original URL: https://example.org/a", (True, "https://example.org/a")),
        ("Original link: <https://example.org/a>", (True, "https://example.org/a")),
        ("Source URL: <https://tass.com/x>", (True, "https://tass.com/x")),
        ("Source: https://tass.com/x", (True, "https://tass.com/x")),
        ("Read more at https://example.org/a", (True, "https://example.org/a")),
        ("Оригинал: https://iz.ru/1", (True, "https://iz.ru/1")),
        ("Подробнее: https://ria.ru/20130923/1.html", (True, "https://ria.ru/20130923/1.html")),
        ("Source:", (False, None)),  # may introduce a name, not a URL
        ("Source: TASS", (False, None)),
        ("Original article", (False, None)),
        ("URL", (False, None)),
    ],
)
def test_url_labels(line: str, expected: tuple[bool, str | None]) -> None:
    assert read_url_label(line) == expected


@pytest.mark.parametrize(
    ("line", "url"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("<https://example.org/a>", "https://example.org/a"),
        ("  http://example.org/a?b=1  ", "http://example.org/a?b=1"),
        ("see https://example.org/a", None),
        ("example.org", None),
    ],
)
def test_url_lines(line: str, url: str | None) -> None:
    assert read_url(line) == url


def test_url_in_a_markdown_link_and_labels_around_it() -> None:
    assert read_url_in_line("[Original article](https://tass.com/world/1.)") == (
        "https://tass.com/world/1"
    )
    assert read_url_in_line("no address here") is None
    assert is_url_label("Original article")
    assert is_url_label("Источник:")
    assert not is_url_label("Original thinking about the border")


@pytest.mark.parametrize(
    "line",
    [
        # en
        "This article was machine-translated.",
        "Translated by Google Translate",
        "Translated automatically from Russian",
        "Machine translation",
        "Translated with DeepL",
        # ru
        "Переведено сервисом «Яндекс Переводчик»",
        "Текст переведён автоматически",
        "Статья автоматически переведена с английского",
        "Машинный перевод",
        # uk
        "Перекладено автоматично",
        "Машинний переклад",
        # de
        "Dieser Artikel wurde maschinell übersetzt.",
        "Automatisch übersetzt mit DeepL",
        # fr
        "Cet article a été traduit automatiquement.",
        "Traduction automatique",
        # es
        "Este artículo fue traducido automáticamente.",
        "Traducción automática",
    ],
)
def test_machine_translation_notices(line: str) -> None:
    assert is_machine_translation_notice(line)


@pytest.mark.parametrize(
    "line",
    [
        "Google Translate is a popular service used by millions.",
        "Translated from Russian by our staff",
        "Translated by Anna Ivanova",
        "Перевод с русского: Анна Иванова",
        "Übersetzt von Hans Müller",
        "Yandex opened an office in Minsk.",
        "Officials said the treaty had been machine-translated from Chinese.",
        "The ministry complained about the automatic translation of the decree.",
        "Чиновники заявили, что договор был переведён автоматически и с ошибками.",
    ],
)
def test_not_machine_translation_notices(line: str) -> None:
    assert not is_machine_translation_notice(line)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The secretariat told Izvestia. Later the minister told Izvestia again.", "Izvestia"),
        ("He said in an interview with the Voice of Russia, then told the Voice of Russia more.",
         "Voice of Russia"),
        ("An aide told RIA Novosti. A source told РИА Новости the same.", "RIA Novosti"),
        ("She told Izvestia. He told reporters.", None),  # one attribution may be a citation
        ("He told reporters and she told the press.", None),
        ("He told Izvestia, she told Kommersant.", None),
    ],
)  # fmt: skip
def test_outlet_from_repeated_attributions(text: str, outlet: str | None) -> None:
    assert outlet_from_attributions(text) == outlet
