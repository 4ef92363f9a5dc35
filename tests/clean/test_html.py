"""HTML pages: the article with trafilatura, metadata from the page's own tags.

Every page here is written for the test.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.clean import LanguageIdentifier, clean_page
from sitrep.clean.html import clean_html
from sitrep.errors import NoArticleFound
from sitrep.models import PageFormat, RawPage

P1 = (
    "Leaders of the six member states met in the resort town on Monday to discuss the "
    "border, agreeing that the threat from the south had grown over the summer months and "
    "that more help was needed."
)
P2 = (
    "The host said the bloc would send more help, but gave no figures. Officials from two "
    "delegations said the matter would return at the next meeting in the spring, when the "
    "ministers gather again."
)
P3 = (
    "Observers were not convinced that the promises would be kept this time, noting that "
    "similar pledges had been made at three earlier summits without any visible result."
)


def article_page(
    *,
    head: str = "",
    body_extra: str = "",
    footer: str = "<p>© 2013 Steppe Herald</p>",
    paragraphs: tuple[str, ...] = (P1, P2),
) -> str:
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Border fears dominate the summit | Steppe Herald</title>
{head}
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">All news</a> <a href="/live">Live</a></nav>
</header>
<main><article>
<h1>Border fears dominate the summit</h1>
{body}
<h2>What comes next</h2>
<p>{P3}</p>
{body_extra}
</article></main>
<footer>{footer}</footer>
</body></html>"""


META = """
<meta property="og:title" content="Border fears dominate the summit">
<meta property="og:site_name" content="Steppe Herald">
<meta property="og:url" content="https://news.steppeherald.example/border-fears">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2013-09-23T10:15:00+04:00">
"""


def test_metadata_from_og_and_article_tags() -> None:
    cleaned = clean_html(article_page(head=META), "page.html", None)
    assert cleaned.title == "Border fears dominate the summit"
    assert cleaned.author == "Jane Doe"
    assert cleaned.published == dt.date(2013, 9, 23)
    assert cleaned.source == "Steppe Herald"  # the name the page gives itself
    assert cleaned.url == "https://news.steppeherald.example/border-fears"
    assert not cleaned.machine_translated


def test_article_text_keeps_paragraphs_and_subheads_and_drops_the_chrome() -> None:
    cleaned = clean_html(article_page(head=META), "page.html", None)
    paragraphs = cleaned.text.split("\n\n")
    assert paragraphs == ["Border fears dominate the summit", P1, P2, "What comes next", P3]
    for chrome in ("Home", "All news", "Steppe Herald"):
        assert chrome not in cleaned.text


def test_a_known_outlet_by_its_address() -> None:
    cleaned = clean_html(article_page(), "page.html", "https://tass.com/world/1234567")
    assert cleaned.source == "TASS"
    assert cleaned.url == "https://tass.com/world/1234567"


def test_no_stated_date_is_not_guessed_from_the_text() -> None:
    page = article_page(paragraphs=(P1, "The treaty was signed on 15 May 1992 in Tashkent."))
    cleaned = clean_html(page, "page.html", "https://news.example.org/border")
    assert cleaned.published is None  # inference is a later, flagged step


@pytest.mark.parametrize(
    "page",
    [
        # an index page: nothing but links
        """<html><head><title>News</title></head><body><nav><ul>
        <li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ul></nav></body></html>""",
        # a shell that JavaScript fills in
        """<!DOCTYPE html><html><head><title>App</title></head><body>
        <div id="root"></div><script src="/app.js"></script></body></html>""",
        "<html><body></body></html>",
    ],
)
def test_no_article_found(page: str) -> None:
    with pytest.raises(NoArticleFound):
        clean_html(page, "index.html", None)


@pytest.mark.parametrize(
    "notice",
    [
        "This article was machine-translated from Russian.",
        "Переведено сервисом «Яндекс Переводчик»",
        "Dieser Artikel wurde <b>maschinell übersetzt</b>.",
        "Cet article a été traduit automatiquement.",
    ],
)
def test_machine_translation_notice_in_the_footer_flags_the_page(notice: str) -> None:
    cleaned = clean_html(article_page(footer=f"<p>{notice}</p>"), "page.html", None)
    assert cleaned.machine_translated


def test_an_article_about_machine_translation_is_not_flagged() -> None:
    sentence = "<p>Officials said the treaty had been machine-translated from Chinese.</p>"
    cleaned = clean_html(article_page(body_extra=sentence), "page.html", None)
    assert "machine-translated from Chinese" in cleaned.text
    assert not cleaned.machine_translated


@pytest.fixture(scope="module")
def identifier() -> LanguageIdentifier:
    return LanguageIdentifier(("en", "ru", "de"))


def test_clean_page_on_html(identifier: LanguageIdentifier) -> None:
    page = RawPage("page.html", article_page(head=META), PageFormat.HTML)
    report = clean_page(page, identifier)
    assert report.format is PageFormat.HTML
    assert report.title == "Border fears dominate the summit"
    assert report.language == "en"
    assert report.published == dt.date(2013, 9, 23)
    assert report.text.startswith("Border fears dominate the summit\n\n")
