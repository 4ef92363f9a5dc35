"""Clean: from a decoded page to a ``CleanReport`` (main text, metadata, language)."""

from __future__ import annotations

from dataclasses import replace

from sitrep.clean.dates import parse_date
from sitrep.clean.fingerprint import content_hash
from sitrep.clean.html import clean_html
from sitrep.clean.language import LanguageIdentifier
from sitrep.clean.outlets import host_of, outlet_for_url, outlet_named, outlet_spelled_in
from sitrep.clean.plaintext import CleanedText, clean_plain_text
from sitrep.errors import EmptyInput
from sitrep.models import CleanReport, PageFormat, RawPage

__all__ = ["LanguageIdentifier", "clean_page"]


def clean_page(
    page: RawPage, identifier: LanguageIdentifier, languages: tuple[str, ...] | None = None
) -> CleanReport:
    """Clean one page: main text, metadata the page states, language.

    Metadata the input states outright (JSON fields, the URL it was fetched from)
    wins over what is read from the text. ``languages`` are the ones datelines may be
    written in (dateparser's choice; None lets it try all it knows).

    Raises:
        NoArticleFound: an HTML page with no article in it.
        EmptyInput: nothing is left once the furniture is gone.
    """
    if page.format is PageFormat.HTML:
        cleaned = clean_html(page.text, page.origin, page.hints.url, languages)
    else:
        cleaned = clean_plain_text(page.text, languages)
    cleaned = _with_stated_title(cleaned, page.hints.title)
    if not cleaned.text.strip():
        raise EmptyInput(page.origin, "nothing but page furniture; no article text is left")
    hints = page.hints
    url = hints.url or cleaned.url
    published = parse_date(hints.published, languages) if hints.published else None
    warnings = page.warnings
    if hints.published and published is None:
        warnings = (*warnings, f"the stated date {hints.published!r} is not a date; left out")
    return CleanReport(
        origin=page.origin,
        format=page.format,
        text=cleaned.text,
        title=cleaned.title,
        url=url,
        source=_source(hints.source, cleaned.source, url, page.text),
        author=hints.author or cleaned.author,
        published=published or cleaned.published,
        published_text=hints.published if published else cleaned.published_text,
        language=identifier.identify(cleaned.text),
        machine_translated=cleaned.machine_translated,
        removed=cleaned.removed,
        content_hash=content_hash(cleaned.text),
        encoding=page.encoding,
        warnings=warnings,
    )


def _with_stated_title(cleaned: CleanedText, title: str | None) -> CleanedText:
    """Put a title the input states at the head of the text, where the cleaner puts headlines."""
    if not title:
        return cleaned
    text = cleaned.text if cleaned.text.startswith(title) else f"{title}\n\n{cleaned.text}"
    return replace(cleaned, text=text, title=title)


def _source(stated: str | None, found: str | None, url: str | None, page: str) -> str | None:
    if stated:
        return outlet_named(stated) or stated
    found = found or (outlet_for_url(url) if url else None)
    if found and (host := host_of(url or "")) and found == host:
        return outlet_spelled_in(host, page) or host
    return found
