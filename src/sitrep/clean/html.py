"""Clean an HTML page: main text and metadata with trafilatura, the date with htmldate."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import htmldate
import lxml.html
import trafilatura
from lxml.etree import ParserError

from sitrep.clean.metadata import is_machine_translation_notice
from sitrep.clean.outlets import host_of, outlet_for_url, outlet_named
from sitrep.clean.plaintext import CleanedText, clean_plain_text
from sitrep.errors import NoArticleFound


def clean_html(
    html: str, origin: str, url: str | None, languages: tuple[str, ...] | None = None
) -> CleanedText:
    """The article of an HTML page, its metadata, and what was stripped from its text.

    Raises:
        NoArticleFound: the page has no article text (an index page, an empty shell
            filled in by JavaScript, or markup too broken to parse).
    """
    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, ParserError) as error:
        raise NoArticleFound(origin, f"the HTML cannot be parsed: {error}") from error
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not _has_prose(body):
        raise NoArticleFound(
            origin,
            "no article text in this page (an index page, or one built by JavaScript?); "
            "save the article itself, or its text",
        )
    cleaned = clean_plain_text(_paragraphs(body), languages)
    title = _text_or_none(getattr(extracted, "title", None)) or cleaned.title
    page_url = url or _text_or_none(getattr(extracted, "url", None))
    text = cleaned.text
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return replace(
        cleaned,
        text=text,
        title=title,
        author=_text_or_none(getattr(extracted, "author", None)) or cleaned.author,
        source=_outlet(extracted, page_url) or cleaned.source,
        url=page_url or cleaned.url,
        published=_publication_date(html, page_url) or cleaned.published,
        machine_translated=cleaned.machine_translated or _has_translation_notice(html, body),
        # Offsets of removed lines index trafilatura's text, not the page: keep the lines
        # for the analyst but only as text.
        removed=tuple(replace(line, start=0, end=0) for line in cleaned.removed),
    )


# An article has at least one sentence of this many words; an index page, whose text
# trafilatura gives as its link labels ("World", "Sport", "Read more"), has none.
_MIN_SENTENCE_WORDS = 6
_SENTENCE = re.compile(r"[.!?…]")


def _has_prose(body: str) -> bool:
    return any(
        len(line.split()) >= _MIN_SENTENCE_WORDS and _SENTENCE.search(line)
        for line in body.splitlines()
    )


def _paragraphs(body: str) -> str:
    """trafilatura's text, one paragraph per line, with paragraphs a blank line apart.

    A blank line is what marks a paragraph in our clean text and in the plain-text
    cleaner; without it the whole article read as one paragraph, headline included.
    """
    return "\n\n".join(line for line in body.split("\n") if line.strip())


def _publication_date(html: str, url: str | None) -> dt.date | None:
    # Only the page's markup and URL, never dates found in the running text: a date
    # guessed from the body would be a silent guess (inference is a later, flagged step).
    found = htmldate.find_date(
        html, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d"
    )
    return dt.date.fromisoformat(found) if found else None


def _outlet(extracted: object, url: str | None) -> str | None:
    """A known outlet by name or domain, else the name the page gives itself, else the host."""
    sitename = _text_or_none(getattr(extracted, "sitename", None))
    if sitename and (known := outlet_named(sitename)):
        return known
    by_url = outlet_for_url(url) if url else None
    if sitename and (url is None or by_url == host_of(url)):
        return sitename  # "Steppe Herald" (og:site_name) says more than steppeherald.example.com
    return by_url


def _has_translation_notice(html: str, article: str) -> bool:
    """Whether the page, outside its article, says the article was machine-translated.

    Notices sit in page furniture that trafilatura drops (a footer, a banner). A
    sentence of the article itself that mentions machine translation is news, not a
    notice; where the notice did make it into the article text, the plain-text cleaner
    has judged it by its place.
    """
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, ParserError):
        return False
    article = " ".join(article.split())
    for element in tree.iter(*_NOTICE_ELEMENTS):
        text = " ".join(element.text_content().split())
        if text and text not in article and is_machine_translation_notice(text):
            return True
    return False


# Elements a notice is printed in; a notice split by inline markup ("was <b>machine
# translated</b>") is read whole from the element around it.
_NOTICE_ELEMENTS = (
    "p", "div", "span", "small", "footer", "aside", "section", "header", "li", "em", "i",
    "strong", "b", "td", "figcaption", "address",
)  # fmt: skip


def _text_or_none(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None
