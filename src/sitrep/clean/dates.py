"""Calendar dates as news pages write them: datelines and absolute references.

Two jobs, both pure: ``parse_date`` reads a stated publication date in any common
form and language ("September 23, 2013", "28 September 2013, 14:07", "23.08.2021",
"23 августа 2021"); ``find_dated_references`` finds the absolute calendar references
in running text ("in November 2024", "since 2013", "2026-2027") with the range of
days each covers, which publication-date inference reasons about.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import dateparser

_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|\.)?"

# Absolute references, most specific first so that "23 September 2013" is not also
# read as "September 2013".
_REFERENCE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month_num>[01]\d)-(?P<day>[0-3]\d)\b"),
    # 23.08.2021: day first, as in Russian and most European writing.
    re.compile(
        r"(?<![\d.,])(?P<day>[0-3]?\d)\.(?P<month_num>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"
        r"(?![.,]\d)"
    ),
    re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.IGNORECASE),
    # 2026-2027, 2013-14, 2013/14: a span of years. Not a number range such as
    # "2,000-3,000", which the digit guards keep out.
    re.compile(
        r"(?<![\d.,])(?P<year>(?:19|20)\d\d)\s*[-–—/]\s*"
        r"(?:(?P<year_end>(?:19|20)\d\d)|(?P<year_end_short>\d\d))\b(?![.,]\d)"
    ),
    re.compile(
        r"\bbetween\s+(?P<year>(?:19|20)\d\d)\s+and\s+(?P<year_end>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
    # A bare year only after a word that makes it a time ("in 2014", "since 2013",
    # "mid-2014", "at the end of 2013"), and not when a unit follows ("in 2000 troops").
    re.compile(
        r"\b(?:(?:in|since|until|till|by|from|for|of|to|up to|before|after|during|early|late|"
        r"at|throughout)\s+(?:(?:the\s+)?(?:end|beginning|start|middle|first half|"
        r"second half|spring|summer|autumn|fall|winter)\s+of\s+)?|mid-?\s*)"
        r"(?P<year>(?:19|20)\d\d)\b(?![.,]\d)"
        r"(?!\s*[-–—]?\s*(?:km|kilomet|men|people|troops|soldiers|servicemen|%|percent))",
        re.IGNORECASE,
    ),
)
_DATELINE_PREFIX = re.compile(
    r"^\s*(?:(?:last )?(?:published|updated|posted|modified)(?: on| at)?|date|dated|"
    r"опубликовано|обновлено|дата публикации|опубліковано|оновлено|дата публікації|"
    r"(?:veröffentlicht|aktualisiert|zuletzt aktualisiert)(?: am)?|"
    r"(?:publié|mis à jour)(?: le)?|(?:publicado|actualizado)(?: el)?)\s*[:\-]?\s*",
    re.IGNORECASE,
)
_HAS_YEAR = re.compile(r"(?:19|20)\d\d")
# The words a dateline is made of besides numbers: month and weekday names in the
# languages we read (stems, for the inflected ones), time zones, and the particles
# around them ("в 14:07", "um 14 Uhr", "г."). Anything else is a word of a sentence.
_WEEKDAYS = {
    name.lower()
    for number in range(7)
    for name in (calendar.day_name[number], calendar.day_abbr[number])
}
_DATE_PARTICLES = frozenset(
    {
        *_MONTHS, "sept", *_WEEKDAYS, "tues", "thur", "thurs",
        "gmt", "utc", "bst", "cet", "cest", "msk", "edt", "est", "pdt", "pst",
        "am", "pm", "a.m", "p.m", "at", "on", "of", "the", "в", "г", "год", "года", "гг",
        "um", "uhr", "le", "à", "de", "del", "el", "published", "updated", "posted",
        "modified", "created", "last", "date", "опубликовано", "обновлено", "veröffentlicht",
        "aktualisiert", "publié", "mis", "jour", "publicado", "actualizado",
    }
)  # fmt: skip
_DATE_STEMS = re.compile(
    r"^(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
    r"понедельник|вторник|сред[аыу]|четверг|пятниц|суббот|воскресень|"
    r"січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд|"
    r"понеділ|вівтор|серед|четвер|п.ятниц|субот|неділ|"
    r"januar|jänner|februar|märz|mai|juni|juli|august|september|oktober|november|dezember|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre|lunes|martes|miércoles|jueves|viernes|sábado|domingo)",
    re.IGNORECASE,
)
# A dateline may name one thing besides the date: its place ("MOSCOW, Sept. 23, 2013").
_MAX_DATELINE_OTHER_WORDS = 1
_PLACE_SEPARATOR = re.compile(r"\s*[,|—–/(]|\s+-\s")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """An absolute calendar reference found in text: its span and the days it covers."""

    start: int
    end: int
    text: str
    earliest: dt.date
    latest: dt.date


def parse_date(text: str, languages: tuple[str, ...] | None = None) -> dt.date | None:
    """The calendar date a short string states, or None when it states no full date.

    Takes ISO dates and timestamps, the common English forms, and (through
    dateparser) numeric and non-English forms. A day, a month and a year are all
    required: "September 2013" is not a publication date.
    """
    cleaned = _DATELINE_PREFIX.sub("", text).strip().strip("|·•—-").strip()
    if not cleaned or not _HAS_YEAR.search(cleaned) or len(cleaned) > 60:
        return None
    iso = _parse_iso(cleaned)
    if iso is not None:
        return iso
    for match in _iter_matches(cleaned):
        if match.earliest == match.latest:
            return match.earliest
    return _parse_with_dateparser(cleaned, languages)


def is_dateline(text: str) -> bool:
    """Whether a short line is a date and little else, as a dateline is.

    "Sochi, 23 September 2013" and "Updated: Mon 23 Sep 2013 14:07 GMT" are; a
    headline or standfirst that contains a date ("Elections set for 4 December
    2011") is not, and must not be taken out of the text as one.
    """
    unlabelled = _DATELINE_PREFIX.sub("", text, count=1)  # "Опубліковано:", "Published on"
    others = [
        found
        for found in re.finditer(r"[^\W\d_]+(?:['’.][^\W\d_]+)*", unlabelled)
        if found.group(0).lower() not in _DATE_PARTICLES and not _DATE_STEMS.match(found.group(0))
    ]
    if len(others) > _MAX_DATELINE_OTHER_WORDS:
        return False
    # The one other word is a place set off from the date ("Sochi, 23 September"), not
    # the subject of a headline ("Elections on 4 December 2011").
    return all(_PLACE_SEPARATOR.match(unlabelled, found.end()) for found in others)


def has_dateline_label(text: str) -> bool:
    """Whether the line says what its date is ("Published: ...", "Опубликовано ...")."""
    return bool(_DATELINE_PREFIX.match(text))


def is_calendar_name(word: str) -> bool:
    """Whether ``word`` is an English month or weekday name or abbreviation ("Sept", "Monday")."""
    return word.lower().rstrip(".") in _MONTHS or word.lower().rstrip(".") in _WEEKDAYS


def find_dated_references(text: str) -> list[DateMatch]:
    """Every absolute calendar reference in ``text``, without overlaps, in text order."""
    return sorted(_iter_matches(text), key=lambda match: match.start)


def _iter_matches(text: str) -> Iterator[DateMatch]:
    taken: list[tuple[int, int]] = []
    for pattern in _REFERENCE_PATTERNS:
        for found in pattern.finditer(text):
            start, end = found.span()
            if any(start < taken_end and taken_start < end for taken_start, taken_end in taken):
                continue
            days = _days_covered(found.groupdict())
            if days is None:
                continue
            taken.append((start, end))
            yield DateMatch(start, end, found.group(0), *days)


def _days_covered(groups: dict[str, str | None]) -> tuple[dt.date, dt.date] | None:
    year = int(groups["year"] or 0)
    if groups.get("year_end") or groups.get("year_end_short"):
        year_end = int(groups["year_end"] or 0)
        if groups.get("year_end_short"):  # 2013-14: the century of the first year
            year_end = year - year % 100 + int(groups["year_end_short"] or 0)
        if not 0 < year_end - year <= 50:  # "1941-1945" is a range; "2020-1990" is not
            return None
        return dt.date(year, 1, 1), dt.date(year_end, 12, 31)
    month = _month_number(groups)
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if groups.get("day"):
        try:
            day = dt.date(year, month, int(groups["day"] or 0))
        except ValueError:
            return None
        return day, day
    last_day = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last_day)


def _month_number(groups: dict[str, str | None]) -> int | None:
    if groups.get("month_num"):
        return int(groups["month_num"] or 0)
    if groups.get("month"):
        return _MONTHS[(groups["month"] or "").lower().rstrip(".")]
    return None


def _parse_iso(text: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _parse_with_dateparser(text: str, languages: tuple[str, ...] | None) -> dt.date | None:
    parsed = _dateparser(text, languages)
    return parsed.date() if parsed else None


@lru_cache(maxsize=4096)
def _dateparser(text: str, languages: tuple[str, ...] | None) -> dt.datetime | None:
    return dateparser.parse(
        text,
        languages=list(languages) if languages else None,
        settings={
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DATES_FROM": "past",
            "DATE_ORDER": "DMY",
        },
    )
