"""Metadata lines of a plain-text page: bylines, datelines, source credits, notices.

Each reader takes one line (Markdown already stripped) and returns what it states,
or None when the line is something else.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import cache

from sitrep.clean.dates import parse_date
from sitrep.clean.outlets import known_outlet_names, outlet_named

_NAME = r"[A-ZА-ЯЁ][\w'’.-]*(?:\s+(?:[A-ZА-ЯЁ][\w'’.-]*|van|von|de|der|al|bin|ibn|da|di|le))*"
_BYLINE = re.compile(
    rf"^\s*(?:by|written by|reporting by|text by|автор:?|текст:?|von|par|por)\s+"
    rf"(?P<names>{_NAME}(?:\s*(?:,|and|&|и)\s*{_NAME})*)\s*$",
    re.IGNORECASE,
)
_SOURCE_CREDIT = re.compile(
    r"^\s*(?:based on (?:the )?materials (?:from|of|by)|according to materials (?:from|of)|"
    r"source|sources|по материалам|источник|originally published (?:by|in|at|on)|"
    r"this (?:article|story) (?:was|first) (?:originally )?(?:published|appeared) (?:by|in|on|at))"
    r"\s*:?\s+(?P<source>.{2,80}?)\s*\.?\s*$",
    re.IGNORECASE,
)
_URL_LABEL = re.compile(
    r"^\s*(?:original (?:url|link|article)|source (?:url|link)|read (?:the )?original|"
    r"read more at|originally published at|url|link|оригинал|источник)\s*:\s*(?P<url>\S+)?\s*$",
    re.IGNORECASE,
)
_URL_ONLY = re.compile(r"^\s*<?(?P<url>https?://[^\s<>]+?)>?\s*$")
_MACHINE_TRANSLATION = re.compile(
    r"machine[- ]translat|automatic(?:ally)?[- ]translat|translated (?:by|with|using|via) "
    r"(?:google|yandex|deepl|bing|microsoft|a machine)|google translate|deepl translat|"
    r"переведено (?:сервисом|автоматически|с помощью|машин)|машинн\w* перевод|"
    r"автоматическ\w* перевод|яндекс[\s.]*переводчик|перекладено автоматично|"
    r"машинн\w* переклад|автоматичн\w* переклад|traduit automatiquement|traduction automatique|"
    r"maschinell übersetzt|automatisch übersetzt|maschinelle übersetzung|"
    r"traducción automática|traducido automáticamente|traduzione automatica|"
    r"tradotto automaticamente|tradução automática|traduzido automaticamente|"
    r"automatycznie przetłumacz|tłumaczenie maszynowe|otomatik çeviri|makine çevirisi",
    re.IGNORECASE,
)
_MAX_METADATA_WORDS = 12
_MAX_NOTICE_WORDS = 40
_MIN_OUTLET_ATTRIBUTIONS = 2


def read_byline(line: str) -> str | None:
    """The author(s) a byline names ("By Jane Doe and John Roe"), or None."""
    if len(line.split()) > _MAX_METADATA_WORDS:
        return None
    found = _BYLINE.match(line)
    return found.group("names").strip() if found else None


def read_dateline(line: str, languages: tuple[str, ...] | None = None) -> dt.date | None:
    """The date a dateline states ("28 September 2013, 14:07"), or None."""
    if len(line.split()) > _MAX_METADATA_WORDS:
        return None
    return parse_date(line, languages)


def read_source_credit(line: str) -> str | None:
    """The outlet a credit line names ("Based on materials from TASS"), or None."""
    if len(line.split()) > _MAX_METADATA_WORDS:
        return None
    found = _SOURCE_CREDIT.match(line)
    if not found or found.group("source").lower().startswith("http"):
        return None
    source = found.group("source").strip(" .")
    return outlet_named(source) or source


def read_url_label(line: str) -> tuple[bool, str | None]:
    """Whether the line labels the original URL ("Original url:"), and the URL if on it."""
    found = _URL_LABEL.match(line)
    if not found:
        return False, None
    url = found.group("url")
    if url is not None and not url.startswith(("http://", "https://")):
        return False, None
    return True, url.strip("<>") if url else None


def read_url(line: str) -> str | None:
    """The URL a line consists of, or None."""
    found = _URL_ONLY.match(line)
    return found.group("url") if found else None


def is_machine_translation_notice(line: str) -> bool:
    """A notice, in any of the languages we know, that the text was machine-translated."""
    return len(line.split()) <= _MAX_NOTICE_WORDS and bool(_MACHINE_TRANSLATION.search(line))


def outlet_from_attributions(text: str) -> str | None:
    """The outlet the text keeps naming as the recipient of statements.

    Reports that an outlet gathered itself say so repeatedly: "the secretariat told
    Izvestia", "said in an interview with the Voice of Russia". Two or more such
    attributions to one known outlet name it; a single one may be a citation.
    """
    counts = Counter(
        outlet_named(found.group("outlet")) for found in _attribution_pattern().finditer(text)
    )
    counts.pop(None, None)
    if not counts:
        return None
    outlet, count = counts.most_common(1)[0]
    return outlet if count >= _MIN_OUTLET_ATTRIBUTIONS else None


@cache
def _attribution_pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(name) for name in known_outlet_names())
    return re.compile(
        rf"\b(?:told|said to|in an interview (?:with|to)|interviewed by|speaking to)\s+"
        rf"(?:the\s+)?(?P<outlet>{names})\b",
        re.IGNORECASE,
    )
