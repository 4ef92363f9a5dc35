"""Score temporal-expression extraction on TimeBank + AQUAINT, TempEval-3 style.

Reads every ``.tml`` file under ``../shared/data/timebank`` (TempEval-3 cleaned
TBAQ), turns the ``<TEXT>`` element into plain text plus gold TIMEX3 spans, runs
``extract_times`` on the plain text with the ``<DCT>`` value as the publication
date, and prints:

- strict span P/R/F1 (exact character match) and relaxed span P/R/F1 (any overlap),
  each gold and system expression matched at most once, as TempEval-3 scores them;
- type and value accuracy over relaxed-matched pairs, and value F1
  (relaxed F1 x value accuracy, TempEval-3's "value" score);
- a per-type breakdown and the most frequent error categories.

The DCT itself sits outside ``<TEXT>`` and is never scored. Interval expressions
("from 1990 to 1995") are scored through their endpoints, which is how TimeML
annotates them.

Usage::

    python bench/eval_times.py                # all files, tense from spaCy
    python bench/eval_times.py --split even   # the tuning half; --split odd for the other
    python bench/eval_times.py --no-nlp --errors 40 --json
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.extract.times import extract_times
from sitrep.models import TimeExpression

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "timebank"


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    name: str
    text: str
    dct: dt.date
    gold: tuple[Gold, ...]


def read_document(path: Path) -> Document:
    """Plain text of ``<TEXT>`` with the gold TIMEX3 spans, and the DCT."""
    root = ET.parse(path).getroot()
    dct_timex = root.find("DCT/TIMEX3")
    if dct_timex is None:
        raise ValueError(f"{path}: no <DCT>")
    dct = dt.date.fromisoformat(dct_timex.get("value", "")[:10])
    text_element = root.find("TEXT")
    if text_element is None:
        raise ValueError(f"{path}: no <TEXT>")
    pieces: list[str] = []
    gold: list[Gold] = []
    length = 0

    def walk(element: ET.Element) -> None:
        nonlocal length
        start = length
        if element.text:
            pieces.append(element.text)
            length += len(element.text)
        for child in element:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)
        if element.tag == "TIMEX3":
            covered = "".join(pieces)[start:length]
            gold.append(
                Gold(start, length, covered, element.get("type", ""), element.get("value", ""))
            )

    walk(text_element)
    return Document(path.stem, "".join(pieces), dct, tuple(gold))


def iter_documents(data: Path, split: str) -> Iterator[Document]:
    paths = sorted(data.rglob("*.tml"))
    for index, path in enumerate(paths):
        if split == "even" and index % 2:
            continue
        if split == "odd" and not index % 2:
            continue
        yield read_document(path)


def scored_items(found: Iterable[TimeExpression]) -> list[TimeExpression]:
    """What gets scored: an interval counts through its endpoints, as TimeML annotates it."""
    items: list[TimeExpression] = []
    for expression in found:
        if expression.parts:
            items.extend(expression.parts)
        else:
            items.append(expression)
    return items


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_right: int = 0
    value_right: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float]:
        def prf(matched: int) -> tuple[float, float, float]:
            precision = matched / self.system if self.system else 0.0
            recall = matched / self.gold if self.gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            return precision, recall, f1

        strict, relaxed = prf(self.strict), prf(self.relaxed)
        value_accuracy = self.value_right / self.relaxed if self.relaxed else 0.0
        type_accuracy = self.type_right / self.relaxed if self.relaxed else 0.0
        return {
            "strict_precision": strict[0],
            "strict_recall": strict[1],
            "strict_f1": strict[2],
            "relaxed_precision": relaxed[0],
            "relaxed_recall": relaxed[1],
            "relaxed_f1": relaxed[2],
            "type_accuracy": type_accuracy,
            "value_accuracy": value_accuracy,
            "value_f1": relaxed[2] * value_accuracy,
        }


@dataclass(frozen=True)
class Error:
    kind: str  # "missed", "spurious", "value", "type", "span"
    document: str
    text: str
    gold: str
    system: str


def score_document(
    document: Document, items: list[TimeExpression]
) -> tuple[Tally, dict[str, Tally], list[Error]]:
    tally = Tally(gold=len(document.gold), system=len(items))
    by_type: dict[str, Tally] = collections.defaultdict(Tally)
    errors: list[Error] = []
    for gold in document.gold:
        by_type[gold.type].gold += 1
    for item in items:
        by_type[item.type.value].system += 1
    used: set[int] = set()
    for gold in document.gold:
        match = _best_match(gold, items, used)
        if match is None:
            errors.append(Error("missed", document.name, gold.text, gold.value, ""))
            continue
        used.add(match)
        item = items[match]
        tally.relaxed += 1
        by_type[gold.type].relaxed += 1
        if (item.start, item.end) == (gold.start, gold.end):
            tally.strict += 1
            by_type[gold.type].strict += 1
        else:
            errors.append(Error("span", document.name, gold.text, gold.text, item.text))
        if item.type.value == gold.type:
            tally.type_right += 1
            by_type[gold.type].type_right += 1
        if item.value == gold.value:
            tally.value_right += 1
            by_type[gold.type].value_right += 1
        else:
            errors.append(Error("value", document.name, gold.text, gold.value, str(item.value)))
    for index, item in enumerate(items):
        if index not in used:
            errors.append(Error("spurious", document.name, item.text, "", str(item.value)))
    return tally, by_type, errors


def _best_match(gold: Gold, items: list[TimeExpression], used: set[int]) -> int | None:
    """The unused system item overlapping ``gold`` most (exact spans first)."""
    best, best_overlap = None, 0
    for index, item in enumerate(items):
        if index in used:
            continue
        overlap = min(gold.end, item.end) - max(gold.start, item.start)
        if overlap <= 0:
            continue
        if (item.start, item.end) == (gold.start, gold.end):
            return index
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def evaluate(data: Path, split: str, use_nlp: bool) -> dict[str, Any]:
    documents = list(iter_documents(data, split))
    docs: list[Any] = [None] * len(documents)
    if use_nlp:
        from sitrep.annotate import load_english
        from sitrep.extract.times import REQUIRES

        nlp = load_english(REQUIRES)
        docs = list(nlp.pipe((document.text for document in documents), batch_size=16))
    total = Tally()
    by_type: dict[str, Tally] = collections.defaultdict(Tally)
    errors: list[Error] = []
    for document, doc in zip(documents, docs, strict=True):
        found = extract_times(document.text, document.dct, doc)
        tally, types, document_errors = score_document(document, scored_items(found))
        total.add(tally)
        for name, counts in types.items():
            by_type[name].add(counts)
        errors.extend(document_errors)
    return {
        "split": split,
        "documents": len(documents),
        "gold": total.gold,
        "system": total.system,
        "overall": total.figures(),
        "by_type": {name: by_type[name].figures() for name in sorted(by_type)},
        "errors": errors,
    }


def _print_report(result: dict[str, Any], error_count: int) -> None:
    overall = result["overall"]
    print(
        f"split={result['split']} documents={result['documents']} "
        f"gold={result['gold']} system={result['system']}"
    )
    print(
        "strict  P={strict_precision:.3f} R={strict_recall:.3f} F1={strict_f1:.3f}".format(
            **overall
        )
    )
    print(
        "relaxed P={relaxed_precision:.3f} R={relaxed_recall:.3f} F1={relaxed_f1:.3f}".format(
            **overall
        )
    )
    print(
        "type accuracy={type_accuracy:.3f} value accuracy={value_accuracy:.3f} "
        "value F1={value_f1:.3f}".format(**overall)
    )
    print("\nby gold type (P counts system items of that type)")
    for name, figures in result["by_type"].items():
        print(
            f"  {name:9} relaxed F1={figures['relaxed_f1']:.3f} "
            f"strict F1={figures['strict_f1']:.3f} value acc={figures['value_accuracy']:.3f}"
        )
    errors: list[Error] = result["errors"]
    kinds = collections.Counter(error.kind for error in errors)
    print("\nerrors by kind:", dict(kinds.most_common()))
    for kind in ("missed", "spurious", "value", "span"):
        common = collections.Counter(
            (error.text.lower(), error.gold, error.system) for error in errors if error.kind == kind
        ).most_common(error_count)
        if not common:
            continue
        print(f"\nmost frequent {kind}:")
        for (text, gold, system), count in common:
            print(f"  {count:3} {text!r:40} gold={gold!r} system={system!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("all", "even", "odd"), default="all")
    parser.add_argument("--no-nlp", action="store_true", help="tense from rules, not spaCy")
    parser.add_argument("--errors", type=int, default=15, help="error examples per kind")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data} is absent", file=sys.stderr)
        return 2
    result = evaluate(args.data, args.split, use_nlp=not args.no_nlp)
    if args.json:
        printable = {key: value for key, value in result.items() if key != "errors"}
        print(json.dumps(printable, indent=2))
    else:
        _print_report(result, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
