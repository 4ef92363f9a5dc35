"""Metadata lines of a plain-text page: bylines, datelines, source credits, notices.

Each reader takes one line (Markdown already stripped) and returns what it states,
or None when the line is something else.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import cache

from sitrep.clean.dates import has_dateline_label, is_calendar_name, is_dateline, parse_date
from sitrep.clean.outlets import known_outlet_names, outlet_named

# Names are matched case-sensitively (a capital starts every part), the words around
# them are not: "By the numbers" and "by air and sea" are not bylines.
_NAME_WORD = r"[A-ZА-ЯЁІЇЄ][\w'’.-]*"
_PARTICLE = r"van|von|de|der|den|del|al|el|bin|ibn|da|di|du|le|la"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_PARTICLE}))*"
_BYLINE = re.compile(
    r"^\s*(?i:by|written by|reporting by|text by|story by|words by|автор:?|текст:?|"
    r"авторы:?|von|par|por|автор[иа]?:?)\s+"
    rf"(?P<names>{_NAME}(?:\s*(?:,|(?i:and)|&|и|und|et|y|та|і)\s*{_NAME})*)"
    # An outlet or a role after the names: "By Jane Doe, Reuters", "By Jane Doe | TASS".
    r"(?:\s*(?:,|\||—|–|-|/)\s*(?P<affiliation>[^,|]{2,60}))?\s*$"
)
# Capitalised words that start phrases, not names: "By Monday", "By The Numbers".
_NOT_NAMES = frozenset(
    {
        "the", "a", "an", "this", "that", "these", "those", "then", "now", "far", "all",
        "way", "contrast", "comparison", "next", "last", "end", "early", "late", "mid",
        "tomorrow", "today", "tonight", "noon", "midnight", "air", "sea", "land", "road",
        "rail", "phone", "telephone", "email", "mail", "law", "decree", "order", "default",
        "design", "chance", "night", "day", "morning", "evening",
    }
)  # fmt: skip
# Bare "Source:" / "Источник:" need their colon; "Based on materials from" does not.
_SOURCE_CREDIT = re.compile(
    r"^\s*(?:(?:based on (?:the )?materials (?:from|of|by)|according to materials (?:from|of)|"
    r"по материалам|за матеріалами|originally published (?:by|in|at|on)|"
    r"this (?:article|story) (?:was|first) (?:originally )?(?:published|appeared) (?:by|in|on|at)|"
    r"mit material(?:ien)? (?:von|aus)|d'après|avec)\s*:?|"
    r"(?:source|sources|источник|источники|джерело|quelle|quellen|fuente|fuentes|fonte)\s*:)"
    r"\s*(?P<source>.{2,80}?)\s*\.?\s*$",
    re.IGNORECASE,
)
_URL_LABEL = re.compile(
    r"^\s*(?:original (?:url|link|article)|source (?:url|link)|read (?:the )?original|"
    r"read (?:more|the full (?:article|story)) at|originally published at|url|link|"
    r"оригинал(?: статьи)?|ссылка на (?:источник|оригинал)|подробнее|источник|source|"
    r"originalartikel|quelle|article original|lien|fuente)"
    r"(?:\s*:\s*|\s+)(?P<url><?\S+?>?)?\s*$",
    re.IGNORECASE,
)
_URL_ONLY = re.compile(r"^\s*<?(?P<url>https?://[^\s<>]+?)>?\s*$")
_URL_IN_TEXT = re.compile(r"https?://[^\s<>()\[\]\"'«»]+[^\s<>()\[\]\"'«».,;:!?]")
# A machine-translation notice says the text was translated (a participle or the
# noun) and by what: a machine, automatically, or a named service. Mentioning a
# service ("Google Translate is used by millions") is not a notice.
_MACHINE_TRANSLATION = re.compile(
    r"machine[- ]translat|automatic(?:ally)?[- ]translat|translated automatically|"
    r"(?:translated|translation) (?:by|with|using|via|from) (?:the )?(?:google|yandex|deepl|bing|"
    r"microsoft|a machine|machine|an? (?:automatic|automated|ai)|automatic|ai)|"
    r"(?:google|yandex|deepl|bing|microsoft) translat(?:ion|ed)|"
    r"переве(?:де|дё)н\w* (?:сервисом|автоматически|с помощью|машин|нейросет|google|яндекс)|"
    r"автоматически переве(?:де|дё)н|машинн\w* перевод|автоматическ\w* перевод|"
    r"перекладено (?:автоматично|сервісом|за допомогою)|машинн\w* переклад|"
    r"автоматичн\w* переклад|traduit automatiquement|traduction automatique|"
    r"traduit (?:par|avec) (?:google|deepl|yandex)|"
    r"maschinell übersetzt|automatisch übersetzt|maschinelle übersetzung|"
    r"automatische übersetzung|übersetzt (?:von|mit) (?:google|deepl|yandex)|"
    r"traducción automática|traducido automáticamente|"
    r"traducido (?:por|con) (?:google|deepl|yandex)|traduzione automatica|"
    r"tradotto automaticamente|tradução automática|traduzido automaticamente|"
    r"automatycznie przetłumacz|tłumaczenie maszynowe|otomatik çeviri|makine çevirisi",
    re.IGNORECASE,
)
_MAX_METADATA_WORDS = 12
_MAX_NOTICE_WORDS = 40
_MIN_OUTLET_ATTRIBUTIONS = 2


def read_byline(line: str) -> str | None:
    """The author(s) a byline names ("By Jane Doe and John Roe"), or None.

    An outlet or role after the names ("By Jane Doe, Reuters") is not part of them.
    """
    if len(line.split()) > _MAX_METADATA_WORDS:
        return None
    found = _BYLINE.match(line)
    if not found:
        return None
    names = found.group("names").strip()
    first = names.split()[0].lower()
    if first in _NOT_NAMES or is_calendar_name(first):
        return None
    # "By Jane Doe, Moscow Times": the last of a list of names may be the outlet.
    head, separator, last = names.rpartition(",")
    if separator and outlet_named(last):
        return head.strip()
    return names


def read_dateline(
    line: str, languages: tuple[str, ...] | None = None, *, labelled: bool = False
) -> dt.date | None:
    """The date a dateline states ("28 September 2013, 14:07"), or None.

    The line must be a date and little else: a headline with a date in it is not a
    dateline. With ``labelled``, only a line that says what its date is counts
    ("Published: 23 September 2013"): below an article, a bare date more likely
    belongs to a link to another story.
    """
    if len(line.split()) > _MAX_METADATA_WORDS or not is_dateline(line):
        return None
    if labelled and not has_dateline_label(line):
        return None
    return parse_date(line, languages)


def read_source_credit(line: str) -> str | None:
    """The outlet a credit line names ("Based on materials from TASS"), or None."""
    if len(line.split()) > _MAX_METADATA_WORDS:
        return None
    found = _SOURCE_CREDIT.match(line)
    if not found or "http" in found.group("source").lower():
        return None
    source = found.group("source").strip(" .")
    return outlet_named(source) or source


def read_url_label(line: str) -> tuple[bool, str | None]:
    """Whether the line labels the original URL ("Original url:"), and the URL if on it.

    A bare label ("Original url:") says the URL follows on a later line; a label
    that could also introduce a name ("Source:", "Источник:") only counts with a URL.
    """
    found = _URL_LABEL.match(line)
    if not found:
        return False, None
    url = found.group("url")
    if url is not None:
        url = url.strip("<>")
        if not url.startswith(("http://", "https://")):
            return False, None
        return True, url
    if not line.rstrip().endswith(":") or _AMBIGUOUS_LABEL.match(line):
        return False, None
    return True, None


_AMBIGUOUS_LABEL = re.compile(
    r"^\s*(?:source|источник|quelle|fuente|подробнее|lien|link)\s*:?\s*$", re.IGNORECASE
)


def is_url_label(line: str) -> bool:
    """Whether the line is nothing but a label for the original's address ("Original article").

    Such a line carries the address in its link when the page was saved as Markdown.
    """
    return bool(_URL_LABEL_ONLY.match(line))


_URL_LABEL_ONLY = re.compile(
    r"^\s*(?:original(?: (?:url|link|article|story))?|source(?: (?:url|link))?|"
    r"read (?:the )?original|read (?:more|the full (?:article|story))(?: at \S+)?|"
    r"оригинал(?: статьи)?|источник|ссылка на (?:источник|оригинал)|подробнее|"
    r"originalartikel|quelle|article original|lien|fuente|link)\s*:?\s*$",
    re.IGNORECASE,
)


def read_url_in_line(line: str) -> str | None:
    """The first web address written anywhere in a line (raw, before Markdown is stripped)."""
    found = _URL_IN_TEXT.search(line)
    return found.group(0) if found else None


def read_url(line: str) -> str | None:
    """The URL a line consists of, or None."""
    found = _URL_ONLY.match(line)
    return found.group("url") if found else None


def is_machine_translation_notice(line: str) -> bool:
    """A notice, in any of the languages we know, that the text was machine-translated.

    A notice opens on the translation ("Machine translation", "Переведено сервисом
    ..."), speaks of the text itself ("This article was machine-translated"), or names
    the service that did it ("Translated with DeepL"). A sentence of news that mentions
    machine translation ("Officials said the treaty had been machine-translated") does
    none of these.
    """
    if len(line.split()) > _MAX_NOTICE_WORDS:
        return False
    found = _MACHINE_TRANSLATION.search(line)
    if found is None:
        return False
    opening = " ".join(line.split()[:2])
    return (
        found.start() <= len(line) - len(line.lstrip()) + len(opening)
        or bool(_SELF_REFERENCE.search(line))
        or bool(_TRANSLATION_SERVICE.search(line))
    )


# "This article", "Данный материал", "Dieser Artikel", "Cet article", "Este artículo".
_SELF_REFERENCE = re.compile(
    r"\b(?:this|the) (?:article|text|story|page|piece|news item|material|report|translation)\b|"
    r"(?:^|\s)(?:эт\w+|данн\w+|ця|цей|цю) (?:стать|текст|материал|новост|публикац|"
    r"статт|матеріал|новин)|^\W*(?:статья|текст|материал|новость|стаття|матеріал|новина)\b|"
    r"\bdies\w* (?:artikel|text|beitrag|seite)\b|^\W*(?:der )?(?:artikel|text|beitrag)\b|"
    r"\bcet(?:te)? (?:article|texte|page|dépêche)\b|^\W*(?:l'|le )?(?:article|texte)\b|"
    r"\best[ae] (?:artículo|texto|noticia|página)\b|^\W*(?:el )?(?:artículo|texto)\b",
    re.IGNORECASE,
)
_TRANSLATION_SERVICE = re.compile(
    r"\b(?:google|yandex|deepl|bing|microsoft)\b|яндекс|переводчик|перекладач", re.IGNORECASE
)


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
