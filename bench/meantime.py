"""Read the MEANTIME corpus (NewsReader, English Wikinews) as plain text plus gold entity mentions.

Each CAT XML file holds the article as ``<token t_id sentence number>`` elements,
then ``<Markables>`` (``ENTITY_MENTION`` with ``token_anchor`` children, and
``ENTITY`` with ``ent_type``, the cross-document ``instance_id`` and a
``TAG_DESCRIPTOR``), then ``<Relations>`` whose ``REFERS_TO`` links mentions to an
entity. ``read_document`` rebuilds readable text from the tokens and gives every
mention linked to an entity a character span into that text.

The rebuilt text has one sentence a line and a blank line between sentences, so
the title (sentence 0) and the dateline (sentence 1, "March 01, 2008") stand as
paragraphs of their own the way a news page has them. Tokens are joined with the
spacing of ordinary English: no space before ``, . ; : ) 's n't %``, none after
``( $ US$`` or an opening quote, and PTB quotes (````, ``''``) become ``"``.

MEANTIME mentions are whole noun phrases ("U.S. President Barack Obama", "the
provincial government of Ontario"), not NER name spans; ``syntactic_type`` says
which are names (``NAM``), which premodifiers (``PRE.NAM``: "U.S." in "U.S.
automaker"), descriptions (``NOM``), pronouns (``PRO``); some mentions added in the
cross-document pass carry no ``syntactic_type`` at all (read as ``""``).

Only the title, the dateline and the first four body sentences (sentences 0 to 5)
are annotated in full; later sentences hold only the mentions the cross-document
pass added, none of them typed NAM, so a name found there can be neither right
nor wrong (``Document.annotated_end``).
"""

from __future__ import annotations

import collections
import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# ../shared/data/meantime beside the clone, as eval_times.py finds TimeBank.
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "meantime"
# Sentences 0-5 carry the document-level annotation; checked on all 60 English files:
# no NAM mention and no TIMEX3 lies beyond sentence 5.
ANNOTATED_SENTENCES = 6


@dataclass(frozen=True)
class GoldMention:
    """A mention linked to an entity; ``start``/``end`` index ``Document.text``.

    Attributes:
        type: the entity's ``ent_type``: PER, ORG, LOC, PRO, FIN or MIX.
        syntactic_type: NAM, PRE.NAM, NOM, PRO, APP, CONJ, ... or "" when unstated.
        instance_id: the cross-document identity; entities the cross-document pass did
            not reach have none, and get ``"<document>#<m_id>"`` so they stay singletons.
    """

    start: int
    end: int
    text: str
    type: str
    syntactic_type: str
    instance_id: str


@dataclass(frozen=True)
class Document:
    name: str
    topic: str  # the corpus folder: airbus, apple, gm, stock
    text: str
    published: dt.date | None
    gold: tuple[GoldMention, ...]
    annotated_end: int  # where the fully annotated sentences end in ``text``

    @property
    def title(self) -> str:
        return self.text.split("\n", 1)[0]


@dataclass(frozen=True)
class _Token:
    text: str
    sentence: str


# Tokens that attach to the word before them ("Boeing 's", "47 %", "( EADS )").
_NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "'", "..."})
_CLITIC = re.compile(r"(?:'|’)(?:s|S|re|ve|ll|d|m)|n(?:'|’)t")
# Tokens the next word attaches to ("( EADS", "$ 40", "US$ 40", "CA$ 1").
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "#"})
_CURRENCY = re.compile(r"[A-Z]{0,3}\$")
_OPENING_QUOTES = frozenset({"``", "“", "‘", "`"})
_CLOSING_QUOTES = frozenset({"''", "”", "’"})
_DATELINE = re.compile(r"([A-Z][a-z]+) (\d{1,2}), (\d{4})")


def detokenize(tokens: Sequence[tuple[str, str]]) -> tuple[str, list[tuple[int, int]]]:
    """Join ``(text, sentence)`` tokens into plain text; returns it with each token's span.

    A change of sentence number starts a new paragraph (a blank line). A straight
    double quote opens when none is open and closes otherwise, across sentences,
    since a quotation often runs over several.
    """
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    sentence: str | None = None
    attach_next = False  # the token before wants no space after it
    quote_open = False
    for raw, number in tokens:
        if raw == '"':
            role = "close" if quote_open else "open"
        elif raw in _OPENING_QUOTES:
            role = "open"
        elif raw in _CLOSING_QUOTES:
            role = "close"
        else:
            role = ""
        if role:
            quote_open = role == "open"
        if sentence is None:
            separator = ""
        elif number != sentence:
            separator = "\n\n"
        elif attach_next or role == "close" or raw in _NO_SPACE_BEFORE or _CLITIC.fullmatch(raw):
            separator = ""
        else:
            separator = " "
        text = '"' if raw in ("``", "''") else raw
        length += len(separator)
        pieces += (separator, text)
        spans.append((length, length + len(text)))
        length += len(text)
        attach_next = role == "open" or raw in _NO_SPACE_AFTER or bool(_CURRENCY.fullmatch(raw))
        sentence = number
    return "".join(pieces), spans


def read_document(path: Path) -> Document:
    """The rebuilt text of one CAT XML file with its gold mentions, in text order."""
    root = ET.parse(path).getroot()
    tokens = [
        _Token(element.text or "", element.get("sentence", "")) for element in root.iter("token")
    ]
    token_index = {
        element.get("t_id", ""): index for index, element in enumerate(root.iter("token"))
    }
    text, spans = detokenize([(token.text, token.sentence) for token in tokens])
    markables = root.find("Markables")
    relations = root.find("Relations")
    if markables is None or relations is None:
        raise ValueError(f"{path}: no <Markables> or <Relations>")
    entities = {entity.get("m_id", ""): entity for entity in markables.iter("ENTITY")}
    entity_of: dict[str, ET.Element] = {}
    for relation in relations.iter("REFERS_TO"):
        target = relation.find("target")
        entity = entities.get(target.get("m_id", "") if target is not None else "")
        if entity is None:  # REFERS_TO also binds event mentions to events
            continue
        for source in relation.iter("source"):
            # Two mentions in the corpus point at two entities; the first link wins.
            entity_of.setdefault(source.get("m_id", ""), entity)
    name = path.stem
    gold: list[GoldMention] = []
    for mention in markables.iter("ENTITY_MENTION"):
        entity = entity_of.get(mention.get("m_id", ""))
        anchors = [token_index[anchor.get("t_id", "")] for anchor in mention.iter("token_anchor")]
        if entity is None or not anchors:
            continue
        # A handful of mentions are discontinuous ("Boeing ... Launch Systems"): their span
        # runs from the first token to the last.
        start, end = spans[min(anchors)][0], spans[max(anchors)][1]
        gold.append(
            GoldMention(
                start,
                end,
                text[start:end],
                entity.get("ent_type", ""),
                mention.get("syntactic_type") or "",
                entity.get("instance_id") or f"{name}#{entity.get('m_id')}",
            )
        )
    gold.sort(key=lambda mention: (mention.start, -mention.end))
    sentences = text.split("\n\n")
    published = _parse_dateline(sentences[1]) if len(sentences) > 1 else None
    annotated_end = next(
        (
            span[0]
            for span, token in zip(spans, tokens, strict=True)
            if token.sentence.isdigit() and int(token.sentence) >= ANNOTATED_SENTENCES
        ),
        len(text),
    )
    return Document(
        name, path.parent.name.removeprefix("corpus_"), text, published, tuple(gold), annotated_end
    )


def _parse_dateline(line: str) -> dt.date | None:
    """The dateline ("March 01, 2008") as a date; None when the line is not one."""
    match = _DATELINE.fullmatch(line.strip())
    if match is None:
        return None
    try:
        return dt.datetime.strptime(" ".join(match.groups()), "%B %d %Y").date()
    except ValueError:
        return None


def document_paths(data: Path, split: str) -> list[Path]:
    """The corpus files of a split: all, or the even/odd positions of the sorted list."""
    paths = sorted(data.glob("corpus_*/*.xml"))
    if split == "even":
        return paths[::2]
    if split == "odd":
        return paths[1::2]
    return paths


def iter_documents(data: Path, split: str) -> Iterator[Document]:
    for path in document_paths(data, split):
        yield read_document(path)


def instance_spread(documents: Sequence[Document], types: frozenset[str]) -> dict[str, int]:
    """How many documents each instance of ``types`` is named (NAM) in."""
    found: dict[str, set[str]] = collections.defaultdict(set)
    for document in documents:
        for mention in document.gold:
            if mention.syntactic_type == "NAM" and mention.type in types:
                found[mention.instance_id].add(document.name)
    return {instance: len(names) for instance, names in found.items()}
