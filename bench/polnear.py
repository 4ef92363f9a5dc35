"""Read PolNeAR (political news attribution) as plain texts plus gold attributions.

The corpus folder holds ``text/<name>.txt`` (one article each), brat standoff
annotations ``attributions/<name>_<annotator>.ann`` and ``metadata.tsv`` (one row
per article: compartment, publisher, publication date, ...).

Brat standoff as PolNeAR writes it:

- ``T`` lines are text-bound spans, ``T7<TAB>Label START END[;START END...]<TAB>text``.
  The labels that matter here are ``Source``, ``Cue``, ``Content`` and the trigger
  ``Attribution`` / ``Attribution-no-source``; ``Discuss`` and ``Discard`` mark text
  an annotator set aside and are ignored. A span may be discontinuous (fragments
  separated by ``;``); brat joins the fragments' text with a space, and a fragment
  that crosses a line break carries that break into the ``.ann`` file, so a record
  can run over several physical lines.
- ``E`` lines bind one attribution: ``E3<TAB>Attribution:T12 Content:T11 Cue:T10
  Source:T9``, roles in any order. Some attributions have no ``Source``
  (``Attribution-no-source``), a few have a second content (``Content2``), a
  handful none at all. The same ``E`` line is sometimes written twice.
- ``#`` lines are annotator notes; ``A``/``R``/``M``/``N`` lines are not used.

Conventions of this reader:

- Offsets are characters of the text file decoded as UTF-8 exactly as stored (no
  newline translation), which is what brat counts.
- An attribution's content, cue and source are tuples of ``(start, end)``
  fragments in text order; ``Content`` and ``Content2`` together form the content.
  An attribution with no content cannot be scored and is counted
  (``Document.without_content``), not returned.
- Each ``T`` record's text is checked against the article: it must equal the
  fragments' text modulo whitespace. Mismatches are recorded
  (``Document.offset_mismatches``), never fatal; the offsets are kept.
- Twelve articles (the annotator-training ones) were annotated by six annotators
  each. Exactly one file per article is read, the first annotator id in sorted
  order, so that no attribution counts twice.
- Splits: ``even``/``odd`` take the even/odd positions of the sorted article names,
  as ``bench/meantime.py`` does; ``all`` takes every article.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# ../shared/data/polnear beside the clone, as bench/meantime.py finds MEANTIME.
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear"

Span = tuple[int, int]

# A record starts with an id (T12, E3, #1, ...) and a tab; any other line continues it.
_RECORD_START = re.compile(r"[TERAMN#]\d+\t")
_ANNOTATION_FILE = re.compile(r"(?P<text>.+)_(?P<annotator>[0-9a-f]+)")
_TRIGGERS = frozenset({"Attribution", "Attribution-no-source"})


@dataclass(frozen=True)
class TextBound:
    """A brat ``T`` record: its label, fragments (in the order written) and their text."""

    id: str
    label: str
    spans: tuple[Span, ...]
    text: str


@dataclass(frozen=True)
class GoldAttribution:
    """One attribution: what was said (content), the cue, and who said it (source).

    Attributes:
        id: the brat ``E`` id, unique within its file.
        content: the content's fragments, in text order.
        cue: the cue's fragments; empty when the annotator marked none.
        source: the source's fragments; empty when the attribution has none.
    """

    id: str
    content: tuple[Span, ...]
    cue: tuple[Span, ...]
    source: tuple[Span, ...]

    @property
    def has_source(self) -> bool:
        return bool(self.source)


@dataclass(frozen=True)
class Metadata:
    compartment: str  # train, dev, test, annotator-training, parc3-replication
    publisher: str
    published: dt.date | None


@dataclass(frozen=True)
class Document:
    """One article with the attributions of the one annotation file read for it."""

    name: str
    text: str
    annotator: str
    metadata: Metadata | None
    attributions: tuple[GoldAttribution, ...]
    without_content: int  # attributions left out: no content to score
    offset_mismatches: tuple[str, ...]  # T ids whose stored text is not the article's

    def fragment_text(self, spans: tuple[Span, ...]) -> str:
        """The text of ``spans`` joined with a space, as brat joins fragments."""
        return " ".join(self.text[start:end] for start, end in spans)


def split_records(ann: str) -> list[str]:
    """The records of a ``.ann`` file, continuation lines joined back with their newline."""
    records: list[str] = []
    for line in ann.split("\n"):
        if _RECORD_START.match(line) or not records:
            records.append(line)
        else:
            records[-1] += "\n" + line
    if records and records[-1].endswith("\n"):  # the file's own final newline
        records[-1] = records[-1][:-1]
    return [record for record in records if record.strip()]


def parse_text_bound(record: str) -> TextBound:
    """A ``T`` record; raises ValueError when it is not one."""
    identifier, middle, text = record.split("\t", 2)
    label, _, offsets = middle.partition(" ")
    spans = []
    for fragment in offsets.split(";"):
        start, end = fragment.split()
        spans.append((int(start), int(end)))
    return TextBound(identifier, label, tuple(spans), text)


def parse_event(record: str) -> tuple[str, list[tuple[str, str]]]:
    """An ``E`` record as its id and its ``(role, T id)`` arguments, trigger first."""
    identifier, arguments = record.split("\t", 1)
    pairs = [argument.split(":", 1) for argument in arguments.split()]
    return identifier, [(role, target) for role, target in pairs]


def _role(name: str) -> str:
    """``Content2`` -> ``Content``: brat numbers a repeated role."""
    return name.rstrip("0123456789")


def _same_modulo_whitespace(a: str, b: str) -> bool:
    return "".join(a.split()) == "".join(b.split())


@dataclass(frozen=True)
class Annotations:
    attributions: tuple[GoldAttribution, ...]
    without_content: int
    offset_mismatches: tuple[str, ...]


def read_attributions(ann: str, text: str) -> Annotations:
    """The attributions of one ``.ann`` file over ``text`` (see the module docstring)."""
    bounds: dict[str, TextBound] = {}
    events: dict[str, list[tuple[str, str]]] = {}
    for record in split_records(ann):
        if record.startswith("T"):
            bound = parse_text_bound(record)
            bounds[bound.id] = bound
        elif record.startswith("E"):
            identifier, arguments = parse_event(record)
            events.setdefault(identifier, arguments)  # a repeated E line counts once
    mismatches = tuple(
        bound.id
        for bound in bounds.values()
        if not _same_modulo_whitespace(
            " ".join(text[start:end] for start, end in bound.spans), bound.text
        )
    )
    attributions: list[GoldAttribution] = []
    without_content = 0
    for identifier, arguments in events.items():
        if not arguments or arguments[0][0] not in _TRIGGERS:
            continue
        parts: dict[str, list[Span]] = {"Content": [], "Cue": [], "Source": []}
        for role, target in arguments[1:]:
            argument = bounds.get(target)
            if argument is not None and _role(role) in parts:
                parts[_role(role)].extend(argument.spans)
        if not parts["Content"]:
            without_content += 1
            continue
        attributions.append(
            GoldAttribution(
                identifier,
                tuple(sorted(parts["Content"])),
                tuple(sorted(parts["Cue"])),
                tuple(sorted(parts["Source"])),
            )
        )
    attributions.sort(key=lambda attribution: attribution.content)
    return Annotations(tuple(attributions), without_content, mismatches)


def annotation_files(data: Path) -> dict[str, Path]:
    """Article name -> its ``.ann`` file: the first annotator's in sorted order."""
    chosen: dict[str, Path] = {}
    for path in sorted((data / "attributions").glob("*.ann")):
        match = _ANNOTATION_FILE.fullmatch(path.stem)
        if match is not None:
            chosen.setdefault(match["text"], path)  # sorted: the first annotator comes first
    return chosen


def read_metadata(data: Path) -> dict[str, Metadata]:
    """``metadata.tsv`` by article name; an unreadable date is None."""
    path = data / "metadata.tsv"
    if not path.is_file():
        return {}
    found: dict[str, Metadata] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            try:
                published: dt.date | None = dt.date.fromisoformat(row["publication_date"])
            except (KeyError, TypeError, ValueError):
                published = None
            found[row["filename"]] = Metadata(
                row.get("compartment", ""), row.get("publisher", ""), published
            )
    return found


def read_text(path: Path) -> str:
    """A text file as brat counts it: UTF-8, line ends untranslated."""
    return path.read_bytes().decode("utf-8")


def document_files(data: Path, split: str) -> list[tuple[Path, Path]]:
    """``(text, annotation)`` paths of a split, by article name; unannotated texts are left out."""
    annotated = annotation_files(data)
    pairs = [
        (path, annotated[path.stem])
        for path in sorted((data / "text").glob("*.txt"))
        if path.stem in annotated
    ]
    if split == "even":
        return pairs[::2]
    if split == "odd":
        return pairs[1::2]
    return pairs


def read_document(text_path: Path, ann_path: Path, metadata: Metadata | None = None) -> Document:
    """One article and the attributions of ``ann_path`` over it."""
    text = read_text(text_path)
    annotations = read_attributions(read_text(ann_path), text)
    match = _ANNOTATION_FILE.fullmatch(ann_path.stem)
    return Document(
        text_path.stem,
        text,
        match["annotator"] if match else "",
        metadata,
        annotations.attributions,
        annotations.without_content,
        annotations.offset_mismatches,
    )


def iter_documents(data: Path, split: str, limit: int | None = None) -> Iterator[Document]:
    """The documents of a split in name order, the first ``limit`` of them when given."""
    metadata = read_metadata(data)
    pairs = document_files(data, split)
    for text_path, ann_path in pairs if limit is None else pairs[:limit]:
        yield read_document(text_path, ann_path, metadata.get(text_path.stem))
