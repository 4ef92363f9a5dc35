"""Page furniture by kind and language, and the near misses that are article text."""

from __future__ import annotations

import pytest

from sitrep.clean.furniture import (
    furniture_reason,
    is_cookie_notice,
    is_tag_line,
    leads_to_another_story,
)

# (line, reason): furniture wherever it stands, in the body of an article too.
ANYWHERE = [
    # navigation
    ("Skip to main content", "navigation"),
    ("Перейти к основному содержанию", "navigation"),
    ("Zum Inhalt springen", "navigation"),
    ("Aller au contenu principal", "navigation"),
    ("All news", "navigation"),
    ("Все новости", "navigation"),
    ("Alle Nachrichten", "navigation"),
    ("Toutes les actualités", "navigation"),
    ("Read also: Leaders gather for a border summit", "navigation"),
    ("Читайте также: Лидеры собрались на саммит", "navigation"),
    ("Lesen Sie auch: Gipfel in Sotschi", "navigation"),
    ("À lire aussi : Sommet à Sotchi", "navigation"),
    ("Next news", "navigation"),
    ("Следующая новость", "navigation"),
    ("Nächster Artikel", "navigation"),
    ("Article suivant", "navigation"),
    # advertisements
    ("Advertisement", "advertisement"),
    ("ADVERTISEMENT", "advertisement"),
    ("— Advertisement —", "advertisement"),
    ("Реклама", "advertisement"),
    ("Anzeige", "advertisement"),
    ("Publicité", "advertisement"),
    ("Sponsored content", "advertisement"),
    # live broadcast
    ("Live broadcast", "live broadcast"),
    ("Прямой эфир", "live broadcast"),
    ("Liveticker", "live broadcast"),
    ("En direct", "live broadcast"),
    # share widgets
    ("and share via", "share widget"),
    ("Share this article", "share widget"),
    ("Share: Facebook | X | Email", "share widget"),
    ("Facebook Twitter Telegram", "share widget"),
    ("Поделиться", "share widget"),
    ("Teilen", "share widget"),
    ("Partager sur Facebook", "share widget"),
    # photo credits
    ("Photo: Example Agency/Jane Doe", "photo credit"),
    ("Photo : AFP", "photo credit"),
    ("Photo by Jane Doe/Reuters", "photo credit"),
    ("AFP/Getty Images", "photo credit"),
    ("Фото: Иван Петров / ТАСС", "photo credit"),
    ("Foto: dpa", "photo credit"),
    ("Crédit photo : AFP", "photo credit"),
    ("© Jane Doe / Example Agency", "photo credit"),
    # toggles (the labelled kind)
    ("Select important", "toggle"),
    ("Show more", "toggle"),
    ("Выбрать важное", "toggle"),
    ("Mehr anzeigen", "toggle"),
    ("Voir plus", "toggle"),
    # comments
    ("Leave a comment", "comments"),
    ("Оставить комментарий", "comments"),
    ("Kommentieren", "comments"),
    # subscription prompts
    ("Subscribe to our Telegram channel", "subscription prompt"),
    ("Follow us on X", "subscription prompt"),
    ("Подписывайтесь на наш канал в Telegram", "subscription prompt"),
    ("Folgen Sie uns auf Instagram", "subscription prompt"),
    ("Abonnez-vous à notre newsletter", "subscription prompt"),
    # copyright
    ("© 2024 Example Media", "copyright notice"),
    ("All rights reserved.", "copyright notice"),
    ("Все права защищены", "copyright notice"),
    ("Alle Rechte vorbehalten", "copyright notice"),
    ("Tous droits réservés", "copyright notice"),
    # author contact
    ("Contact the author at j.doe@example.com", "author contact"),
    ("j.doe@example.com", "author contact"),
    ("The author can be reached at j.doe@example.com", "author contact"),
    ("Связаться с автором: ivan@example.ru", "author contact"),
    ("Kontakt zum Autor: hans@example.de", "author contact"),
    # cookie notices
    ("We use cookies to improve your experience. By continuing to browse you agree.",
     "cookie notice"),
    ("Accept cookies", "cookie notice"),
    ("На нашем сайте используются файлы cookie. Продолжая пользоваться сайтом, вы "
     "соглашаетесь с их использованием.", "cookie notice"),
    ("Diese Website verwendet Cookies. Wenn Sie die Website weiter nutzen, stimmen Sie "
     "der Verwendung von Cookies zu.", "cookie notice"),
    ("Ce site utilise des cookies. En poursuivant votre navigation, vous acceptez leur "
     "utilisation.", "cookie notice"),
    ("Este sitio web utiliza cookies. Al continuar navegando, acepta su uso.",
     "cookie notice"),
    # tags with a label
    ("Tags: summit, border, security", "tags"),
    ("Теги: саммит, граница", "tags"),
    ("Schlagwörter: Gipfel, Grenze", "tags"),
    ("Mots-clés : sommet, frontière", "tags"),
]  # fmt: skip

# Furniture above or below an article, but plausible article text inside it: one-word
# subheads ("Search" in a piece about Google), table cells, a year heading a timeline.
AROUND_THE_ARTICLE = [
    ("Home", "navigation"),
    ("Search", "navigation"),
    ("Menu", "navigation"),
    ("Главная", "navigation"),
    ("Startseite", "navigation"),
    ("Accueil", "navigation"),
    ("Most read", "navigation"),
    ("Advertising", "advertisement"),
    ("Live", "live broadcast"),
    ("On", "toggle"),
    ("Off", "toggle"),
    ("Вкл", "toggle"),
    ("0", "counter"),
    ("12", "counter"),
    ("2013", "counter"),
    ("12 comments", "counter"),
    ("1.2K views", "counter"),
    ("Комментарии", "counter"),
    ("summit border security leaders", "tags"),
    ("саммит граница безопасность", "tags"),
]


@pytest.mark.parametrize(("line", "reason"), ANYWHERE)
def test_furniture_anywhere(line: str, reason: str) -> None:
    assert furniture_reason(line) == reason
    assert furniture_reason(line, in_body=True) == reason


@pytest.mark.parametrize(("line", "reason"), AROUND_THE_ARTICLE)
def test_furniture_only_around_the_article(line: str, reason: str) -> None:
    assert furniture_reason(line) == reason
    assert furniture_reason(line, in_body=True) is None


@pytest.mark.parametrize(
    "line",
    [
        # cookies in passing, not a banner that speaks to the reader
        "The regulator said websites that set cookies without consent would be fined under "
        "the new privacy policy.",
        "The cookies were baked for the summit, and guests accepted them gladly.",
        "Регулятор оштрафовал сайты, которые используют cookie без согласия пользователей.",
        # 'live', 'share', 'photo', 'next' and friends opening real sentences
        "Live coverage of the talks continued into the evening.",
        "Share prices fell 3% on Monday.",
        "He shared the photo: it showed the border post.",
        "Photo opportunities were rare at the summit: no cameras were allowed.",
        "Image of a toothless organisation haunts the bloc.",
        "Next year the programme will begin.",
        "Home affairs ministers met in Minsk.",
        "Search teams found the wreckage on Tuesday.",
        "On Monday the leaders met in Sochi.",
        "Off the record, one diplomat was gloomier.",
        "Advertising revenue rose by a fifth.",
        "Contact the authorities if you see anything, police said.",
        "Getty Images said on Monday it had bought a rival agency.",
        "Follow the money, the investigators say.",
        "Read the statement in full below.",
        "Subscribers to the service were told nothing.",
        "All news outlets were barred from the hall.",
        # subheads and short lines of articles
        "Background",
        "The risks of terrorism in Central Asia",
        "Reaction",
        "1,300",
        "Tashkent",
        "Putin listening at a meeting of leaders.",
    ],
)
def test_near_misses_are_article_text(line: str) -> None:
    assert furniture_reason(line) is None
    assert furniture_reason(line, in_body=True) is None


def test_cookie_notice_needs_cookies_and_an_address_to_the_reader() -> None:
    assert is_cookie_notice("By continuing you agree to our cookie policy.")
    assert not is_cookie_notice("By continuing the talks, the sides agreed a deal.")
    long_notice = "We use cookies. " + "More words here. " * 60
    assert not is_cookie_notice(long_notice)  # a paragraph that long is an article


@pytest.mark.parametrize(
    ("line", "is_tags"),
    [
        ("putin csto summit leaders", True),
        ("путин одкб саммит встреча лидеры", True),
        ("summit", False),  # one word
        ("Putin csto summit", False),  # a capital: a heading, not keywords
        ("the leaders met, and agreed.", False),
        ("summit 2013 leaders", False),
    ],
)
def test_tag_lines(line: str, is_tags: bool) -> None:
    assert is_tag_line(line) is is_tags


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Next news", True),
        ("Следующая новость", True),
        ("Article suivant", True),
        ("Nächster Artikel »", True),
        ("Read also: Leaders gather for a border summit", False),  # mid-article link
        ("Related news", False),
        ("Next year the programme will begin.", False),
    ],
)
def test_next_story_links(line: str, expected: bool) -> None:
    assert leads_to_another_story(line) is expected


def test_blank_lines_are_not_furniture() -> None:
    assert furniture_reason("") is None
    assert furniture_reason("   ") is None
