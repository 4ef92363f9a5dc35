"""Quotes in Russian reports, read from the text alone (no Russian parser is packaged).

Russian news frames speech in a few fixed ways, and each is a pattern here:

- «Цитата», — сказал Путин.        a quotation, a dash, the verb, the speaker;
- Путин заявил: «Цитата».          the speaker and verb, a colon, the quotation;
- — Цитата, — отметил эксперт.     dash-introduced speech with the attribution inside;
- По словам министра, ...          "according to": the rest of the sentence;
- Министр заявил, что ...          reported speech: the clause after "что".

The speech verbs are listed in their past and present forms (``_VERBS``). Speakers
are the words the pattern captures, resolved to an actor when one of the report's
mentions lies inside them (the gazetteer finds organisations and places in Cyrillic:
"МИД России", "ОДКБ"); people keep their words until a Russian recogniser lands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sitrep.extract.quotes.attributed import Attributed, trim_span
from sitrep.extract.quotes.marks import QuotedSpan, paragraphs
from sitrep.extract.quotes.syntax import CharSpan, Speaker
from sitrep.models import QuoteKind

_STEMS = (
    "сказал заявил отметил подчеркнул сообщил добавил пояснил признал уточнил рассказал "
    "заверил пообещал предупредил указал напомнил заключил констатировал"
)
# "сказал", "сказала", "сказали"; and the present "считает", "говорит", "полагает".
_VERBS = "(?:" + "|".join(f"{stem}(?:а|и)?" for stem in _STEMS.split()) + ")"
_VERBS += "|(?:считает|считают|говорит|говорят|полагает|полагают|уверен|уверена)"
_SPEAKER = r"[^,.:;!?«»\n]{2,120}?"  # the speaker's words, within one clause
# Before the verb the speaker may carry an apposition: "Путин, принимавший коллег, заявил".
_SPEAKER_BEFORE = r"[^.:;!?«»\n]{2,160}?"
_DASH = r"\s*[—–-]\s*"

_AFTER_QUOTATION = re.compile(
    rf"^,?{_DASH}(?P<cue>{_VERBS})\s+(?P<speaker>{_SPEAKER})(?=[.,;!?\n]|$)"
)
_BEFORE_QUOTATION = re.compile(
    rf"(?P<speaker>{_SPEAKER_BEFORE})\s+(?P<cue>{_VERBS})[^.!?«»\n]{{0,60}}:\s*$"
)
_DASH_ATTRIBUTION = re.compile(rf",{_DASH}(?P<cue>{_VERBS})\s+(?P<speaker>{_SPEAKER})\s*[.!?]?\s*$")
_ACCORDING_TO = re.compile(
    r"(?P<cue>[Пп]о словам)\s+(?P<speaker>[^,.\n]{2,120}),\s*(?P<content>[^\n]+?)(?=[.!?](?:\s|$))"
)
_THAT_CLAUSE = re.compile(
    rf"(?P<speaker>{_SPEAKER_BEFORE})\s+(?P<cue>{_VERBS}),\s+что\s+(?P<content>[^\n]+?)(?=[.!?](?:\s|$))"
)
_CONTENT_TAIL = ',;—–-«»"'  # the comma and dash before "— сказал", stray marks
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?…])\s+|\n)")


def russian_quotes(text: str, spans: list[QuotedSpan]) -> list[Attributed]:
    """Direct quotes by their frames, then reported speech that overlaps none of them."""
    direct = [quote for span in spans if (quote := _direct(text, span)) is not None]
    reported: list[Attributed] = []
    for quote in _reported(text):
        if not any(other.overlaps(quote.start, quote.end) for other in [*direct, *reported]):
            reported.append(quote)
    return [*direct, *reported]


def _direct(text: str, span: QuotedSpan) -> Attributed | None:
    start, end = trim_span(text, span.start, span.end, tail=_CONTENT_TAIL)
    if end <= start:
        return None
    if span.by_dash:
        match = _DASH_ATTRIBUTION.search(text, start, end)
        if match is None:
            return None
        content_end = trim_span(text, start, match.start(), tail=_CONTENT_TAIL)[1]
        return _attributed(text, start, content_end, match)
    close = end + 1 if span.closed else end
    after = _AFTER_QUOTATION.search(text[close : close + 160])
    if after is not None:
        return _attributed(text, start, end, after, offset=close)
    line_start = max(text.rfind("\n", 0, span.opening), _sentence_start(text, span.opening))
    before = _BEFORE_QUOTATION.search(text[line_start + 1 : span.opening])
    if before is not None:
        return _attributed(text, start, end, before, offset=line_start + 1)
    return None


def _reported(text: str) -> Iterator[Attributed]:
    for paragraph_start, paragraph_end in paragraphs(text):
        paragraph = text[paragraph_start:paragraph_end]
        for pattern in (_ACCORDING_TO, _THAT_CLAUSE):
            for match in pattern.finditer(paragraph):
                speaker_start = _clause_start(paragraph, match.start("speaker"))
                content = match.span("content")
                yield Attributed(
                    paragraph_start + content[0],
                    paragraph_start + content[1],
                    QuoteKind.INDIRECT,
                    _shift(match.span("cue"), paragraph_start),
                    _speaker(
                        text,
                        (paragraph_start + speaker_start, paragraph_start + match.end("speaker")),
                    ),
                )


def _attributed(
    text: str, start: int, end: int, match: re.Match[str], offset: int = 0
) -> Attributed | None:
    if end <= start:
        return None
    speaker = _speaker(text, _shift(match.span("speaker"), offset))
    return Attributed(start, end, QuoteKind.DIRECT, _shift(match.span("cue"), offset), speaker)


def _speaker(text: str, span: CharSpan) -> Speaker:
    start, end = span
    while start < end and (text[start].isspace() or text[start] in "—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",—–-"):
        end -= 1
    return Speaker((start, end), (start, end), (start, end), "NNP")


def _clause_start(paragraph: str, position: int) -> int:
    """The speaker phrase starts at its sentence, not in the sentence before."""
    sentence = max(
        (m.end() for m in _SENTENCE_START.finditer(paragraph, 0, position + 1)), default=0
    )
    return max(sentence, position)


def _sentence_start(text: str, position: int) -> int:
    found = max(text.rfind(". ", 0, position), text.rfind("! ", 0, position))
    return found + 1 if found != -1 else -1


def _shift(span: CharSpan, offset: int) -> CharSpan:
    return span[0] + offset, span[1] + offset
