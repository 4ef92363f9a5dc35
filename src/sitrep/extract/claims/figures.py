"""Figures in a report: numbers with what they measure, normalised.

"a roughly 1,300-kilometer border" and "1.3 thousand km" are both 1300 km, the first
hedged ``about``; "a 16,000-man strong force" is 16000 ``person``; "$9.4 billion" is
9.4e9 ``USD``; "several hundred of them" is the range 200 to 900; "six member
countries" is 6 ``count`` of "member countries".

Numbers that are not figures are left alone: years and dates (the times layer's
spans, and bare years 1800-2100), clock times, phone numbers, version numbers, list
numbering, article and section numbers, ordinals ("201st"), Roman numerals.

Digits are read in both conventions: "1,300" and "1 300" are thousands, "1,3" (one
comma, then fewer or more than three digits) is a decimal comma, as in Russian.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.extract.claims.units import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    FORCE_SIZE,
    HEDGES,
    NUMBER_WORDS,
    PEOPLE,
    SCALES,
    UNITS,
    VAGUE,
)
from sitrep.models import Approximation, Figure, TextSpan


def _alternatives(forms: Iterable[str]) -> str:
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))


_DIGITS = re.compile(
    r"(?<![\w.,:/-])"
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?!(?!(?:k|K|bn|m)\b)\w|[.,:]\d|-\d)"  # "1.3k", "5bn" keep their scale
)
_WORDS = re.compile(
    rf"(?<![\w-])(?:{_alternatives([*VAGUE, *NUMBER_WORDS])})(?![\w-])", re.IGNORECASE
)
_SCALE_AFTER = re.compile(rf"\s?({_alternatives(SCALES)})(?![\w])", re.IGNORECASE)
_UNIT_AFTER = re.compile(
    rf"(?:\s|-)({_alternatives([*UNITS, *CURRENCY_WORDS])})(?![\w])", re.IGNORECASE
)
_PERCENT = re.compile(r"\s?%")
_HEDGE_BEFORE = re.compile(rf"(?:^|(?<=\W))({_alternatives(HEDGES)})\s+(?:a\s+)?$", re.IGNORECASE)
_SIGN_BEFORE = re.compile(rf"({_alternatives(CURRENCY_SIGNS)})\s?$")
# A word right after a number or its hyphen: "16,000-man", "1.5 thousand militants".
_NEXT_WORD = re.compile(r"(?:\s|-)([^\W\d_][\w-]*)")
# Where a number is a label, not a quantity: "Article 33", "No. 5", "page 4".
_LABEL_BEFORE = re.compile(
    r"(?:article|section|chapter|clause|resolution|paragraph|page|no\.|number|№|ст\.|статья|"
    r"пункт|version|flight|route|highway|unit|base|brigade|division|regiment)\s*$",
    re.IGNORECASE,
)
_PHONE_NEIGHBOUR = re.compile(r"\+?\(?\d{2,4}\)?[\s-]\d{2,4}[\s-]\d{2,4}")
_FIRST_YEAR, _LAST_YEAR = 1800, 2100
_JOINED_PEOPLE = re.compile(r"-([^\W\d_]+)")
_MONTH_NAMES = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec января февраля марта апреля мая июня "
    "июля августа сентября октября ноября декабря"
)
_MONTHS = tuple(_MONTH_NAMES.split())
# Number words are figures only before a noun the parse confirms: "six member
# countries", never "one of them" or "ten" alone.
_NUMERAL_DEPS = frozenset({"nummod", "quantmod"})
# Verbs whose subject is what a length measures: "the border stretches for 1,300 km".
_LENGTH_VERBS = frozenset({"stretch", "run", "extend", "span", "measure", "reach", "total"})
# Links a figure's words may hang by on their way up to the noun ("7,000" -> "strong" ->
# "force" in "a 7,000-strong force").
_ON_THE_WAY_TO_THE_NOUN = frozenset({"compound", "npadvmod", "amod", "nmod", "appos", "advmod"})


@dataclass(frozen=True, slots=True)
class _Number:
    start: int
    end: int
    value: float
    upper: float | None
    is_word: bool


def find_figures(
    text: str, doc: Doc | None = None, dates: Iterable[TextSpan] = ()
) -> tuple[Figure, ...]:
    """Every figure in ``text``, in text order.

    Args:
        text: the clean report text.
        doc: its parse, which names what each figure measures; without it only the
            word after the figure is read ("1.5 thousand militants").
        dates: spans of dates and times (``extract.times``), whose numbers are not figures.
    """
    taken = [(span.start, span.end) for span in dates]
    tokens = _TokenFinder(doc) if doc is not None else None
    figures = []
    for number in _numbers(text):  # digits first: "1,5 тысячи" is not "тысячи" alone
        if any(start < number.end and number.start < end for start, end in taken):
            continue
        figure = _figure(text, number, tokens)
        if figure is not None:
            figures.append(figure)
            taken.append((figure.start, figure.end))
    return tuple(sorted(figures, key=lambda figure: figure.start))


def _numbers(text: str) -> Iterator[_Number]:
    for match in _DIGITS.finditer(text):
        value = _parse_digits(match.group())
        if value is not None:
            yield _Number(match.start(), match.end(), value, None, False)
    for match in _WORDS.finditer(text):
        phrase = match.group().lower()
        if phrase in VAGUE:
            low, high = VAGUE[phrase]
            yield _Number(match.start(), match.end(), low, high, True)
        else:
            yield _Number(match.start(), match.end(), NUMBER_WORDS[phrase], None, True)


def _parse_digits(written: str) -> float | None:
    """ "1,300" -> 1300, "1 300" -> 1300, "1,3" -> 1.3, "9.4" -> 9.4."""
    compact = written.replace("\u00a0", " ").replace("\u202f", " ")
    if " " in compact:
        compact = compact.replace(" ", "")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", compact):
        compact = compact.replace(",", "")
    else:
        compact = compact.replace(",", ".")
    try:
        return float(compact)
    except ValueError:
        return None


def _figure(text: str, number: _Number, tokens: _TokenFinder | None) -> Figure | None:
    start, end, value, upper = number.start, number.end, number.value, number.upper
    before = text[max(0, start - 24) : start]
    if _LABEL_BEFORE.search(before) or _is_list_number(text, start, end):
        return None
    if not number.is_word and (_in_phone_number(text, start, end) or _is_day(text, start, end)):
        return None
    unit: str | None = None
    sign = _SIGN_BEFORE.search(before)
    if sign is not None:
        unit, start = CURRENCY_SIGNS[sign.group(1)], start - len(sign.group(0))
    scale = _SCALE_AFTER.match(text, end)
    if scale is not None and not _scale_is_a_unit(scale.group(1), unit, number):
        factor = SCALES[scale.group(1).lower()]
        value, upper = value * factor, upper * factor if upper is not None else None
        end = scale.end()
    percent = _PERCENT.match(text, end)
    if percent is not None:
        unit, end = "%", percent.end()
    after = _UNIT_AFTER.match(text, end)
    if unit is None and after is not None:
        word = after.group(1).lower()
        unit = UNITS.get(word) or CURRENCY_WORDS.get(word)
        end = after.end()
    joined = _JOINED_PEOPLE.match(text, end)
    if unit is None and joined is not None and joined.group(1).lower() in PEOPLE | FORCE_SIZE:
        unit, end = "person", joined.end()  # "a 16,000-man force", "a 7,000-strong force"
    measured = _measured(text, start, end, number, tokens)
    if unit is None and measured is not None and _is_people(measured[0]):
        unit = "person"
    if unit is None:
        if _is_year(number, text) or (measured is None and number.upper is None):
            return None  # a bare number, or a year, says nothing measurable
        unit = "count"
    approx = Approximation.RANGE if upper is not None else None
    window = max(0, start - 24)
    hedge = _HEDGE_BEFORE.search(text[window:start])
    if hedge is not None and approx is None:
        approx, start = HEDGES[hedge.group(1).lower()], window + hedge.start(1)
    name, name_start, name_end = measured if measured is not None else (None, None, None)
    return Figure(
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        unit=unit,
        upper=upper,
        approx=approx,
        measured=name,
        measured_start=name_start,
        measured_end=name_end,
    )


def _is_day(text: str, start: int, end: int) -> bool:
    """ "23 September", "September 23", "23 сентября": a date the times layer reads."""
    after = text[end : end + 12].lstrip().lower()
    before = text[max(0, start - 12) : start].rstrip().lower()
    return after.startswith(_MONTHS) or before.endswith(_MONTHS)


def _in_phone_number(text: str, start: int, end: int) -> bool:
    """ "+7 (495) 123-45-67": groups of digits joined by hyphens, spaces, brackets."""
    window_start = max(0, start - 12)
    return any(
        match.start() <= start and end <= match.end()
        for match in _PHONE_NEIGHBOUR.finditer(text, window_start, end + 12)
    )


def _scale_is_a_unit(word: str, unit: str | None, number: _Number) -> bool:
    """ "5 m" after a currency sign is five million; alone it is five metres."""
    return word.lower() == "m" and unit is None and not number.is_word


def _is_list_number(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and text[end : end + 2] in {". ", ") "}


def _is_year(number: _Number, text: str) -> bool:
    written = text[number.start : number.end]
    return written.isdigit() and len(written) == 4 and _FIRST_YEAR <= number.value <= _LAST_YEAR


def _is_people(noun: str) -> bool:
    return noun.lower().split()[-1] in PEOPLE


def _measured(
    text: str, start: int, end: int, number: _Number, tokens: _TokenFinder | None
) -> tuple[str, int, int] | None:
    """What the figure counts or measures: from the parse when there is one, else the
    word right after it when that word counts people."""
    if tokens is not None:
        noun = tokens.measured_noun(number.start, end)
        if noun is not None:
            return noun
        if number.is_word:
            return None
    elif number.is_word:
        return None
    word = _NEXT_WORD.match(text, end)
    if word is not None and word.group(1).lower() in PEOPLE:
        return word.group(1), word.start(1), word.end(1)
    return None


class _TokenFinder:
    """The parse's view of a figure: the noun it modifies."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._by_start = {token.idx: token for token in doc}

    def measured_noun(self, start: int, end: int) -> tuple[str, int, int] | None:
        token = self._by_start.get(start)
        if token is None:
            return None
        noun = _head_noun(token, end) or self._apposed_to(start, end) or self._described(end)
        if noun is None:
            return None
        words = [t for t in noun.lefts if t.dep_ == "compound" and t.idx >= end] + [noun]
        first, last = words[0], words[-1]
        span_start, span_end = first.idx, last.idx + len(last)
        if "\n" in self.doc.text[span_start:span_end]:
            return None  # a parse run across a headline, not a noun phrase
        return self.doc.text[span_start:span_end], span_start, span_end

    def _apposed_to(self, start: int, end: int) -> Token | None:
        """The noun a figure stands beside: "the longest border — 1.3 thousand km"."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        for word in span or ():
            if word.dep_ == "appos" and word.head.pos_ == "NOUN" and word.head.idx < start:
                return word.head
        return None

    def _described(self, end: int) -> Token | None:
        """The noun a measure is given of: "1,300 kilometres of frontier", "a frontier of
        1,300 kilometres", "the border stretches for 1,300 kilometres"."""
        span = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        unit = span[-1]
        for child in unit.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                nouns = [t for t in child.children if t.dep_ == "pobj" and t.pos_ == "NOUN"]
                if nouns:
                    return nouns[0]
        preposition = unit.head
        if unit.dep_ != "pobj" or preposition is unit:
            return None
        owner = preposition.head
        if preposition.lower_ == "of" and owner.pos_ == "NOUN":
            return owner
        if owner.lemma_.lower() in _LENGTH_VERBS:
            subjects = [t for t in owner.children if t.dep_ == "nsubj" and t.pos_ == "NOUN"]
            return subjects[0] if subjects else None
        return None


def _head_noun(token: Token, end: int) -> Token | None:
    """The noun a number modifies, past the figure's own words ("kilometer", "thousand")."""
    current = token
    for _ in range(4):
        head = current.head
        if head is current:
            return None
        if head.pos_ in {"NOUN", "PROPN"} and head.idx >= end:
            return head
        if current.dep_ not in _NUMERAL_DEPS | _ON_THE_WAY_TO_THE_NOUN:
            return None
        current = head
    return None
