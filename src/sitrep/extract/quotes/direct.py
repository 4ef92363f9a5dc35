"""Quotations: who each one belongs to, and which quoted words are not speech at all.

A quotation (``marks.quoted_spans``) is attributed by the first rule that fits:

1. the attribution is inside it, between commas: "..., Sergei Lavrov says. I am
   certain ...";
2. a speech verb follows it with only its speaker between: '"...," Putin said',
   '"...," said the ministry's official';
3. a speech verb before it ends with a colon or comma: 'Putin said: "..."';
4. a reporting verb governs it in the parse. When the verb's clause reaches well
   beyond the quoted words, the whole clause is a ``partial`` quote: 'vowed that the
   CSTO would provide "additional collective assistance" to Tajikistan';
5. a name and a colon introduce it ('Mark Blumenthal: “...”', transcripts);
6. the words a source uses hang from a verb whose subject can speak: 'rails against
   its “Great Wall of Protectionism”' (a partial quote);
7. it is a whole sentence or paragraph right after another quotation: the same
   speaker goes on.

A quotation interrupted by its attribution ('“We will win,” he said, “and soon.”')
or continued by the next paragraph is one quote, its span holding the interruption.

Anything else is not speech: scare quotes ("the “spilling over” of terrorism"),
titles and names ('an exercise called "Channel"'). Dash-introduced speech carries
its attribution in its last sentence: "— The Allies ..., Natalia Kharitonova, press
secretary of the CSTO secretariat, told Izvestia."
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from sitrep.extract.quotes.attributed import Attributed, trim_span
from sitrep.extract.quotes.cues import (
    PERSON_NOUNS,
    REPORTING,
    SPEECH,
    SPOKES_NOUNS,
    THOUGHT,
    words,
)
from sitrep.extract.quotes.marks import ALL_MARKS, QuotedSpan
from sitrep.extract.quotes.syntax import (
    Speaker,
    TokenIndex,
    attribution_at_end,
    complement_of,
    governed_after,
    speaker_of,
)
from sitrep.models import QuoteKind

# A quotation right after these is a name or a title: 'an exercise called "Channel"'.
_NAMED_BEFORE = re.compile(
    r"\b(?:called|named|dubbed|titled|entitled|so-called|so called|known as|code-?named|"
    r"nicknamed|labell?ed|branded|the word|the term|the phrase)\s*$",
    re.IGNORECASE,
)
# "..., Sergei Lavrov says. I am ...": translated Russian press puts the attribution
# inside the quotation marks.
_INLINE_ATTRIBUTION = re.compile(
    r",\s+(?P<speaker>(?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'-]+)\s+"
    r"(?P<cue>says|said|adds|added|stresses|stressed|notes|noted|believes|explains|"
    r"explained|insists|insisted|continues|continued|emphasizes|emphasized|recalls)"
    r"(?=\s*[.,;:!?])"
)
# Between a quotation and its speech verb: the speaker, nothing that is a clause.
_FRAME_POS = frozenset({"PUNCT", "DET", "ADJ", "NOUN", "PROPN", "PRON", "ADP", "NUM", "PART"})
_FRAME_WIDTH = 12  # tokens between a closing mark and its speech verb, at most
_SHORT_FRAME = 4
# A quoted stretch inside a clause is a partial quote when the clause reaches a word
# beyond it ('called it "shameful"'); otherwise the clause is the quotation.
_PARTIAL_MARGIN = 3
# A quotation continues the previous speaker's only this close after it.
_CONTINUATION_GAP = 400
# The most text an attribution interrupting one quotation takes ("..., he said, ...").
_INTERRUPTION = 200
_MAX_NAME_WORDS = 6
_SENTENCE_ENDS = frozenset({".", "!", "?"})
_CONTENT_TAIL = ",;"  # '"We are ready," he said': the comma is the frame's
_SOURCE_PRONOUNS = words("he she they we i")
_CLAUSE_END = frozenset({",", ".", "!", "?", "…", "—", "–", ";", ":"})
_CIRCUMSTANCE_PREPOSITIONS = frozenset(
    {"on", "in", "at", "during", "after", "before", "from", "with", "via", "through", "since"}
)
# Short words a title in Title Case leaves in lower case: "Voice of America".
_TITLE_FUNCTION_WORDS = words("a an the of and or in on at to for by with de")


def direct_quotes(text: str, index: TokenIndex, spans: list[QuotedSpan]) -> list[Attributed]:
    """Attribute every quotation that is speech; drop scare quotes and names."""
    found: list[Attributed] = []
    for span in spans:
        start, end = trim_span(text, span.start, span.end, tail=_CONTENT_TAIL)
        if end <= start:
            continue
        if span.by_dash:
            quote = _dash_speech(text, index, start, end)
        else:
            quote = _attribute(text, index, span, start, end)
            if quote is None and found:
                quote = _continuation(text, found[-1], span, start, end)
        if quote is None or any(_within(quote, other) for other in found):
            continue
        if found and _goes_on(text, found[-1], quote):
            found[-1] = replace(found[-1], end=quote.end)
        else:
            found.append(quote)
    return found


def _goes_on(text: str, previous: Attributed, quote: Attributed) -> bool:
    """One quotation interrupted by its attribution or a paragraph break is one quote
    ('“We will win,” he said. “And soon.”'), as annotators and readers take it: the
    second part continues the first, or hangs on the same speech verb."""
    if previous.kind is not QuoteKind.DIRECT or quote.kind is not QuoteKind.DIRECT:
        return False
    if quote.start - previous.end > _INTERRUPTION:
        return False
    if not _ends_clause(text, previous.end):
        return False  # quoted words inside a sentence are not interrupted, they end
    if quote.continues:
        return True
    # '“We will win,” he said, “and soon.”': the second part opens after a comma or a
    # full stop, not inside the clause ('urging them to “give him time”').
    before = text[max(0, quote.start - 4) : quote.start].rstrip("".join(ALL_MARKS) + " ")
    opens_clause = not before or before[-1] in ",.:;!?\n"
    return opens_clause and quote.cue is not None and quote.cue == previous.cue


def _ends_clause(text: str, end: int) -> bool:
    """Whether a quotation ending at ``end`` closes a clause: its last character is
    punctuation, or the first one after its closing marks is."""
    after = end
    while after < len(text) and text[after] in ALL_MARKS:
        after += 1
    return text[end - 1 : end] in _CLAUSE_END or text[after : after + 1] in _CLAUSE_END


def _within(quote: Attributed, other: Attributed) -> bool:
    """Quoted words inside a partial quote found before ("... “a basket case” and
    “a liar”" is one partial quote, not two)."""
    return other.start <= quote.start and quote.end <= other.end


def _attribute(
    text: str, index: TokenIndex, span: QuotedSpan, start: int, end: int
) -> Attributed | None:
    if is_name(text, span):
        return None
    inline = _inline(text, start, end)
    if inline is not None:
        return inline
    after = _speech_verb_after(text, index, span)
    if after is not None:
        return _direct(start, end, after)
    before = _speech_verb_before(text, index, span)
    if before is not None:
        return _direct(start, end, before)
    return (
        _governed(index, start, end)
        or _name_before_colon(text, index, span)
        or _borrowed_words(text, index, start, end)
    )


def _direct(start: int, end: int, verb: Token) -> Attributed:
    return Attributed(start, end, QuoteKind.DIRECT, _token_span(verb), speaker_of(verb))


def is_name(text: str, span: QuotedSpan) -> bool:
    """Quoted words that name something: 'an exercise called "Channel"'."""
    start, end = trim_span(text, span.start, span.end, tail=_CONTENT_TAIL)
    words = text[start:end].split()
    if len(words) > _MAX_NAME_WORDS:
        return False
    if len(words) >= 2 and all(_title_word(word) for word in words):
        return True  # "Sunday Morning Futures", "Silent Night"
    return _NAMED_BEFORE.search(text, max(0, span.opening - 30), span.opening) is not None


def _title_word(word: str) -> bool:
    return word[:1].isupper() or word.lower() in _TITLE_FUNCTION_WORDS


def _inline(text: str, start: int, end: int) -> Attributed | None:
    match = _INLINE_ATTRIBUTION.search(text, start, end)
    if match is None:
        return None
    name = match.span("speaker")
    last_word = text.rfind(" ", *name) + 1 or name[0]
    speaker = Speaker(name, name, (max(last_word, name[0]), name[1]))
    return Attributed(start, end, QuoteKind.DIRECT, match.span("cue"), speaker)


def _speech_verb_after(text: str, index: TokenIndex, span: QuotedSpan) -> Token | None:
    """A speech verb just after the closing mark, with only its speaker in between.

    The quotation must end a clause ('...," she said', '...?" he asked'); quoted words
    that run on into the sentence ('"owes it to" the state to answer') are not framed.
    """
    if not span.closed:
        return None
    if not _ends_clause(text, span.end):
        return None
    first = index.at(span.end + 1)
    if first is None:
        return None
    doc = index.doc
    # A quotation that ends its sentence ('“... arbitrary.”') takes an attribution only
    # as a short sentence of its own ('“...” I confessed.'), not the next sentence's
    # subject and verb.
    width = _FRAME_WIDTH if text[span.end - 1 : span.end] != "." else _SHORT_FRAME
    for token in doc[first.i : min(len(doc), first.i + width)]:
        if token.text in ALL_MARKS or "\n\n" in token.whitespace_ + token.text:
            return None
        if token.pos_ == "VERB" and token.lemma_ in SPEECH:
            return token
        if token.pos_ not in _FRAME_POS or (token.is_sent_start and token.i != first.i):
            return None
    return None


def _speech_verb_before(text: str, index: TokenIndex, span: QuotedSpan) -> Token | None:
    """A speech verb before the opening mark that introduces it: 'said: "', 'told
    reporters, "'. A colon may end the paragraph before ('Dr. Ward stated:' and the
    quotation below it)."""
    before = text[max(0, span.opening - 4) : span.opening].rstrip()
    if not before.endswith((":", ",")):
        return None
    opening = index.at(span.opening)
    if opening is None or opening.i == 0:
        return None
    for token in reversed(index.doc[max(0, opening.i - _FRAME_WIDTH) : opening.i]):
        if token.text in ALL_MARKS or token.text in _SENTENCE_ENDS:
            return None
        if token.pos_ == "VERB" and token.lemma_ in SPEECH:
            return token
    return None


def _name_before_colon(text: str, index: TokenIndex, span: QuotedSpan) -> Attributed | None:
    """'Mark Blumenthal and Jon Cohen: “...”', 'More from Jones: “...”': a name and a
    colon introduce the quotation, as in transcripts and digests."""
    colon = text.rfind(":", max(0, span.opening - 4), span.opening)
    if colon == -1 or text[colon + 1 : span.opening].strip():
        return None
    last = index.at(colon - 1)
    if last is None or last.pos_ != "PROPN" or last.idx + len(last) != colon:
        return None
    first = last
    while first.i > 0 and first.nbor(-1).pos_ == "PROPN" and first.nbor(-1).whitespace_:
        first = first.nbor(-1)
    name = (first.idx, colon)
    speaker = Speaker(name, name, (last.idx, colon))
    start, end = trim_span(text, span.start, span.end, tail=_CONTENT_TAIL)
    return Attributed(start, end, QuoteKind.DIRECT, (colon, colon + 1), speaker)


def _governed(index: TokenIndex, start: int, end: int) -> Attributed | None:
    """The reporting verb the quoted words hang from in the parse, if any.

    What the verb reports is its clause ("said [that ...]") or, for verbs that take
    no clause, everything it governs after itself ("called [the plan “a disaster”]",
    "described [his skills as a “work in progress”]"). When that reaches well beyond
    the quoted words, the whole of it is a partial quote.
    """
    inside = index.between(start, end)
    if not len(inside):
        return None
    for verb in _reporting_ancestors(inside):
        speaker = speaker_of(verb)
        if speaker is None:
            continue
        reported = complement_of(verb, strict=False) or governed_after(verb)
        if reported is None or not _contains(reported, start, end):
            if verb.lemma_ in THOUGHT:
                continue  # "believes" attributes a clause, not loose quoted words
            return Attributed(start, end, QuoteKind.DIRECT, _token_span(verb), speaker)
        clause_start, clause_end = reported.start_char, reported.end_char
        if start - clause_start + clause_end - end >= _PARTIAL_MARGIN:
            return Attributed(
                clause_start, clause_end, QuoteKind.PARTIAL, _token_span(verb), speaker
            )
        return Attributed(start, end, QuoteKind.DIRECT, _token_span(verb), speaker)
    return None


def _borrowed_words(text: str, index: TokenIndex, start: int, end: int) -> Attributed | None:
    """Quoted words a source uses without a speech verb: 'rails against its “Great
    Wall of Protectionism”', 'took credit for “being right”'. The verb they hang from
    and its subject carry the attribution, when that subject can be a source (a name,
    a person pronoun, a title)."""
    inside = index.between(start, end)
    if not len(inside):
        return None
    anchor = next((t for t in inside if not inside.start <= t.head.i < inside.end), None)
    if anchor is None:
        return None
    for verb in _ancestors(anchor, 4):
        if verb.pos_ != "VERB":
            continue
        speaker = speaker_of(verb)
        if speaker is None or not _can_speak(text, speaker):
            return None
        governed = governed_after(verb)
        if governed is None or not _contains(governed, start, end):
            return None
        return Attributed(
            governed.start_char, governed.end_char, QuoteKind.PARTIAL, _token_span(verb), speaker
        )
    return None


def _can_speak(text: str, speaker: Speaker) -> bool:
    head = text[speaker.head[0] : speaker.head[1]]
    return (
        head[:1].isupper()
        or head.lower() in _SOURCE_PRONOUNS
        or head.lower().rstrip("s") in PERSON_NOUNS | SPOKES_NOUNS
    )


def _reporting_ancestors(inside: Span) -> Iterator[Token]:
    """Reporting verbs outside the quoted words that its words hang from, nearest first.

    Words under a preposition of circumstance are not what was said: 'said on
    “Sunday Morning Futures”', 'spoke in “the hall of fame”'.
    """
    seen: set[int] = set()
    for token in inside:
        if inside.start <= token.head.i < inside.end and token.head is not token:
            continue  # not where the quotation attaches to its sentence
        path = [token]
        for ancestor in _ancestors(token, 4):
            child_on_path = path[-1]
            path.append(ancestor)
            if inside.start <= ancestor.i < inside.end or ancestor.i in seen:
                continue
            seen.add(ancestor.i)
            if ancestor.pos_ == "VERB" and ancestor.lemma_ in REPORTING:
                if not _circumstance(child_on_path):
                    yield ancestor
                break


def _circumstance(child: Token) -> bool:
    return child.dep_ == "prep" and child.lower_ in _CIRCUMSTANCE_PREPOSITIONS


def _ancestors(token: Token, limit: int) -> Iterator[Token]:
    for count, ancestor in enumerate(token.ancestors):
        if count >= limit:
            return
        yield ancestor


def _contains(span: Span, start: int, end: int) -> bool:
    return span.start_char <= start + 1 and end - 1 <= span.end_char


def _continuation(
    text: str,
    previous: Attributed,
    span: QuotedSpan,
    start: int,
    end: int,
) -> Attributed | None:
    """A whole sentence or paragraph in quotation marks right after another quotation
    goes on in the same voice."""
    if previous.kind is QuoteKind.INDIRECT or span.opening - previous.end > _CONTINUATION_GAP:
        return None
    content = text[start:end]
    whole_sentence = content[:1].isupper() and len(content.split()) >= 4
    if not whole_sentence or _opens_mid_sentence(text, span.opening):
        return None
    speaker = previous.speaker
    return Attributed(start, end, QuoteKind.DIRECT, None, speaker, continues=True)


def _opens_mid_sentence(text: str, opening: int) -> bool:
    before = text[max(0, opening - 3) : opening].rstrip()
    return bool(before) and before[-1] not in '.!?:\n”"»'


def _dash_speech(text: str, index: TokenIndex, start: int, end: int) -> Attributed | None:
    """Dash-introduced speech, attributed at its end: "..., explains Nikita Mendkovich,
    head of the Eurasian Analytical Club." The content ends at the comma before."""
    found = attribution_at_end(index, start, end, SPEECH | THOUGHT)
    if found is None:
        return None
    content_end, verb, speaker = found
    while content_end > start and text[content_end - 1] in ALL_MARKS | {" "}:
        content_end -= 1  # a stray closing mark the translation left behind
    return Attributed(start, content_end, QuoteKind.DIRECT, _token_span(verb), speaker)


def _token_span(token: Token) -> tuple[int, int]:
    return token.idx, token.idx + len(token)
