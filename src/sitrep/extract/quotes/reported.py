"""Reported speech: "X said that ...", "X told Y ...", "according to X, ...".

A reporting verb (``cues.REPORTING``) with a speaker and a reported clause is an
``indirect`` quote, its content the clause. A clause that holds quoted words is a
``partial`` quote. Sentences that only mention speaking have no reported clause
("the issue was raised", "he spoke at length") and give nothing; nor does speech
with no one speaking ("it was reported that ..."), nor "I think" and "you know"
inside somebody's words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from sitrep.extract.quotes.attributed import Attributed, trim_span
from sitrep.extract.quotes.cues import (
    ADDRESSEE_VERBS,
    EVIDENCE,
    QUOTATION_ONLY,
    REPORTING,
    SPEECH,
    STANCE,
    THOUGHT,
)
from sitrep.extract.quotes.marks import QuotedSpan, paragraphs
from sitrep.extract.quotes.syntax import (
    Speaker,
    TokenIndex,
    attribution_at_end,
    complement_of,
    governed_after,
    speaker_of,
)
from sitrep.models import QuoteKind

_FIRST_AND_SECOND_PERSON = frozenset({"i", "we", "you"})
_SHORTEST = 10  # characters: "he said so" reports nothing


def reported_speech(
    index: TokenIndex, taken: list[Attributed], quoted: list[QuotedSpan]
) -> list[Attributed]:
    """Reported statements that no quotation in ``taken`` already covers.

    Args:
        index: the parsed report.
        taken: the quotations found before; reported speech never overlaps one.
        quoted: the report's quoted words that are speech (names and titles left
            out): a reported clause holding one is a partial quote.
    """
    doc = index.doc
    paragraph_spans = list(paragraphs(doc.text))
    found: list[Attributed] = []
    candidates = [
        *_according_to(doc),
        *_after_reporting_verbs(doc),
        *_attributed_at_sentence_end(index),
    ]
    for candidate in candidates:
        quote = _within_paragraph(candidate, paragraph_spans)
        if quote.end - quote.start < _SHORTEST:
            continue
        if any(other.overlaps(quote.start, quote.end) for other in [*taken, *found]):
            continue
        if any(quote.start <= span.start and span.end <= quote.end for span in quoted):
            quote = replace(quote, kind=QuoteKind.PARTIAL)
        found.append(quote)
    return found


def _within_paragraph(quote: Attributed, paragraph_spans: list[tuple[int, int]]) -> Attributed:
    """The content cut to the paragraph of its cue: the parser sometimes runs a headline
    into the sentence under it."""
    if quote.cue is None:
        return quote
    for start, end in paragraph_spans:
        if start <= quote.cue[0] < end:
            return replace(quote, start=max(quote.start, start), end=min(quote.end, end))
    return quote


def _attributed_at_sentence_end(index: TokenIndex) -> Iterator[Attributed]:
    """'..., Sergei Koshelev told reporters.' where the parse missed the clause: the
    sentence before the attribution's comma is what was said."""
    for sentence in index.doc.sents:
        found = attribution_at_end(index, sentence.start_char, sentence.end_char, SPEECH)
        if found is None:
            continue
        comma, verb, speaker = found
        handled = complement_of(verb) is not None and speaker_of(verb) is not None
        if handled or _says_something(verb):
            continue  # the verb rule reads it, or the verb's object is what was said
        yield Attributed(
            sentence.start_char,
            comma,
            QuoteKind.INDIRECT,
            (verb.idx, verb.idx + len(verb)),
            speaker,
        )


def _after_reporting_verbs(doc: Doc) -> Iterator[Attributed]:
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_ in QUOTATION_ONLY or _negated(verb):
            continue
        if verb.lemma_ in REPORTING:
            complement = complement_of(verb) or _speech_object(verb)
        elif verb.lemma_ in STANCE:
            complement = governed_after(verb)
        else:
            continue
        if complement is None:
            continue
        speaker = speaker_of(verb)
        if speaker is None or not _speaks_for_someone(doc, verb, speaker):
            continue
        yield Attributed(
            complement.start_char,
            complement.end_char,
            QuoteKind.INDIRECT,
            (verb.idx, verb.idx + len(verb)),
            speaker,
        )


def _speech_object(verb: Token) -> Span | None:
    """What a speech act with an object is about: "accused the president of
    politicizing the tragedy", "announced new measures", "denied the report"."""
    if verb.lemma_ not in SPEECH or verb.lemma_ in ADDRESSEE_VERBS:
        return None
    if not any(child.dep_ == "dobj" for child in verb.children):
        return None
    return governed_after(verb)


def _negated(verb: Token) -> bool:
    """ "have not disclosed how ...", "did not say whether ...": nothing was said."""
    return any(child.dep_ == "neg" for child in verb.children)


def _says_something(verb: Token) -> bool:
    """An object that is what was said ("announced the decision"), not who was told
    ("told reporters")."""
    if verb.lemma_ in ADDRESSEE_VERBS:
        return False
    return any(child.dep_ == "dobj" for child in verb.children)


def _speaks_for_someone(doc: Doc, verb: Token, speaker: Speaker) -> bool:
    """First and second persons only think aloud ("I think", "you know"), and "you"
    is the reader, not a source."""
    head = doc.char_span(*speaker.head, alignment_mode="expand")
    word = head.text.lower() if head is not None else ""
    if word == "you":
        return False  # the reader addressed: "by continuing to browse you agree ..."
    return not (word in _FIRST_AND_SECOND_PERSON and verb.lemma_ in THOUGHT | EVIDENCE)


def _according_to(doc: Doc) -> Iterator[Attributed]:
    """'According to X, CLAUSE' and 'CLAUSE, according to X': the rest of the sentence
    is what X says."""
    for token in doc:
        if token.lower_ != "according":
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        if to is None or source is None:
            continue
        phrase = list(token.subtree)
        phrase_start = min(t.idx for t in phrase)
        phrase_end = max(t.idx + len(t) for t in phrase)
        sentence = token.sent
        before = (sentence.start_char, phrase_start)
        after = (phrase_end, sentence.end_char)
        start, end = max(before, after, key=lambda span: span[1] - span[0])
        start, end = trim_span(doc.text, start, end, lead=",;-—–", tail=",;.-—–")
        if end - start < 10:
            continue
        reach = (source.left_edge.idx, source.right_edge.idx + len(source.right_edge))
        speaker = Speaker(reach, reach, (source.idx, source.idx + len(source)), source.tag_)
        yield Attributed(start, end, QuoteKind.INDIRECT, (token.idx, to.idx + len(to)), speaker)
