"""Score entity mentions and cross-document identity on MEANTIME (English Wikinews).

Reads every CAT XML file under ``../shared/data/meantime/corpus_*`` (four topics,
fifteen articles each), rebuilds each article's plain text (``bench/meantime.py``),
ingests all of them into an in-memory store through the real pipeline, reads back
the stored entity mentions, maps their offsets from the clean text to the rebuilt
text, and prints (over the title and first four body sentences, the part of each
article MEANTIME annotates in full):

- named-mention P/R/F1 for PER, ORG and LOC and together, strict (exact span, same
  type) and relaxed (overlapping span, same type), each gold and predicted mention
  matched at most once, as TempEval-3 scores them; our GPE counts as LOC and NORP is
  not scored (the conventions are in ``bench/entity_scoring.py``);
- B-cubed P/R/F1 of entity identity over the matched gold mentions, across documents
  (MEANTIME's ``instance_id`` against our canonical entity id) and within documents,
  and across documents over all gold mentions with the missed ones as singletons;
- the issue's targets beside the measured figures, and the most frequent misses and
  false positives with their context.

The cleaner takes the dateline out of the text it stores, so stored offsets index a
text that is the rebuilt one minus a line or two; they are mapped back through a
character alignment of the two (``OffsetMap``), and a prediction whose ends fall in
text the rebuilt version lacks is dropped and counted.

Usage::

    python -m bench.eval_entities                # all 60 files (from the repo root)
    python -m bench.eval_entities --split even   # the tuning half; --split odd for the other
    python -m bench.eval_entities --errors 40 --json
"""

from __future__ import annotations

import argparse
import bisect
import collections
import difflib
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from bench.entity_scoring import (
    SCORED_TYPES,
    DocumentMatch,
    Prediction,
    Tally,
    match_mentions,
    score_identities,
)
from bench.meantime import DEFAULT_DATA, Document, instance_spread, iter_documents

from sitrep.models import PageFormat, PageHints, RawPage, StoredMention, StoredReport

# Issue 4's targets: relaxed named-mention F1 over PER+ORG+LOC, cross-document B-cubed F1.
TARGETS = {"relaxed_f1": 0.85, "b_cubed_cross_document_f1": 0.90}


class MentionStore(Protocol):
    """The part of ``sitrep.store.Store`` the driver reads."""

    def mentions(self) -> Iterable[StoredMention]: ...
    def reports(self) -> Iterable[StoredReport]: ...


class OffsetMap:
    """Maps offsets in a clean text to the text it was cleaned from.

    The clean text is near-verbatim a subsequence of the original (lines dropped,
    perhaps whitespace changed), so a character alignment (difflib) gives every
    kept character its place; offsets in changed stretches have none.
    """

    def __init__(self, clean: str, original: str) -> None:
        if clean == original:
            blocks = [(0, 0, len(clean))]
        else:
            matcher = difflib.SequenceMatcher(None, clean, original, autojunk=False)
            blocks = [(a, b, size) for a, b, size in matcher.get_matching_blocks() if size]
        self._starts = [a for a, _, _ in blocks]
        self._blocks = blocks

    def _position(self, index: int) -> int | None:
        block = bisect.bisect_right(self._starts, index) - 1
        if block < 0:
            return None
        a, b, size = self._blocks[block]
        return b + index - a if index < a + size else None

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """``[start, end)`` of the clean text in the original, or None when it cannot be placed."""
        first, last = self._position(start), self._position(end - 1)
        if first is None or last is None or last < first:
            return None
        return first, last + 1


def pages_of(documents: Iterable[Document]) -> Iterator[RawPage]:
    """A plain-text page per document, its dateline given as the stated date."""
    for document in documents:
        published = document.published.isoformat() if document.published else None
        yield RawPage(
            document.name, document.text, PageFormat.TEXT, hints=PageHints(published=published)
        )


def ingest_with_pipeline(documents: Sequence[Document]) -> MentionStore:
    """Ingest the documents into an in-memory store with the real pipeline (slow)."""
    from sitrep.config import Settings
    from sitrep.pipeline import Pipeline
    from sitrep.store import open_store

    store = open_store(":memory:")
    summary = Pipeline(Settings.from_env(None)).ingest(pages_of(documents), store)
    for failure in summary.failures:
        print(f"not ingested: {failure.origin}: {failure.message}", file=sys.stderr)
    return store


@dataclass
class Collected:
    predictions: dict[str, list[Prediction]]
    unmapped: int  # predictions whose offsets could not be placed in the rebuilt text
    unknown_reports: int  # mentions of a report that is none of the documents
    not_stored: list[str]  # documents with no stored report (failed, or a duplicate)


def collect_predictions(documents: Sequence[Document], store: MentionStore) -> Collected:
    """The store's mentions per document, offsets mapped into each rebuilt text."""
    by_name = {document.name: document for document in documents}
    placed: dict[int, tuple[Document, OffsetMap]] = {}
    for report in store.reports():
        document = by_name.get(report.origin)
        if document is not None:
            placed[report.id] = (document, OffsetMap(report.text, document.text))
    predictions: dict[str, list[Prediction]] = {name: [] for name in by_name}
    unmapped = unknown = 0
    for row in store.mentions():
        if row.report_id not in placed:
            unknown += 1
            continue
        document, offsets = placed[row.report_id]
        span = offsets.span(row.mention.start, row.mention.end)
        if span is None:
            unmapped += 1
            continue
        start, end = span
        predictions[document.name].append(
            Prediction(start, end, document.text[start:end], row.mention.type.value, row.entity_id)
        )
    stored = {document.name for document, _ in placed.values()}
    not_stored = [name for name in by_name if name not in stored]
    return Collected(predictions, unmapped, unknown, not_stored)


@dataclass(frozen=True)
class Error:
    kind: str  # "missed" or "spurious"
    document: str
    text: str
    type: str
    context: str


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    before = text[max(0, start - width) : start].replace("\n", " ")
    after = text[end : end + width].replace("\n", " ")
    return f"...{before}[{text[start:end]}]{after}..."


def score_documents(
    documents: Sequence[Document], collected: Collected
) -> tuple[dict[str, Any], list[Error]]:
    """Mention and identity figures over all documents, with the errors behind them."""
    by_type = {name: Tally() for name in SCORED_TYPES}
    matches: list[tuple[str, DocumentMatch, Sequence[Prediction]]] = []
    errors: list[Error] = []
    neutral = norp_over_loc = unannotated = 0
    for document in documents:
        found = collected.predictions.get(document.name, [])
        # Past the fully annotated sentences a name can be neither right nor wrong.
        predictions = [item for item in found if item.start < document.annotated_end]
        unannotated += len(found) - len(predictions)
        match = match_mentions(document.gold, predictions)
        matches.append((document.name, match, predictions))
        for name, tally in match.by_type.items():
            by_type[name].add(tally)
        neutral += len(match.neutral)
        norp_over_loc += match.norp_over_gold_loc
        for index in match.missed:
            gold = match.gold[index]
            errors.append(
                Error(
                    "missed",
                    document.name,
                    gold.text,
                    gold.type,
                    _context(document.text, gold.start, gold.end),
                )
            )
        for index in match.false_positives:
            item = predictions[index]
            errors.append(
                Error(
                    "spurious",
                    document.name,
                    item.text,
                    item.type,
                    _context(document.text, item.start, item.end),
                )
            )
    total = Tally()
    for tally in by_type.values():
        total.add(tally)
    identities = score_identities(matches)
    overall: dict[str, float] = {}
    for prefix, tally in [("", total), *((f"{name.lower()}_", by_type[name]) for name in by_type)]:
        for mode in ("strict", "relaxed"):
            figures = tally.figures(relaxed=mode == "relaxed")
            overall[f"{prefix}{mode}_precision"] = figures.precision
            overall[f"{prefix}{mode}_recall"] = figures.recall
            overall[f"{prefix}{mode}_f1"] = figures.f1
    for variant in ("cross_document", "within_document", "all_gold"):
        figures = getattr(identities, variant)
        for measure in ("precision", "recall", "f1"):
            overall[f"b_cubed_{variant}_{measure}"] = getattr(figures, measure)
    counts = {
        "gold": total.gold,
        "system": total.system,
        "strict": total.strict,
        "relaxed": total.relaxed,
        "by_type": {name: asdict(tally) for name, tally in by_type.items()},
        "neutral_predictions": neutral,
        "predictions_past_annotated_sentences": unannotated,
        "norp_over_gold_loc": norp_over_loc,
        "unmapped_predictions": collected.unmapped,
        "unknown_report_mentions": collected.unknown_reports,
        "documents_not_stored": collected.not_stored,
        "identity_matched_mentions": identities.matched_mentions,
    }
    return {"overall": overall, "counts": counts}, errors


StoreFactory = Callable[[Sequence[Document]], MentionStore]


def evaluate(data: Path, split: str, ingest: StoreFactory = ingest_with_pipeline) -> dict[str, Any]:
    """Read the split, run it through ``ingest`` (the real pipeline by default), score it."""
    documents = list(iter_documents(data, split))
    store = ingest(documents)
    collected = collect_predictions(documents, store)
    scores, errors = score_documents(documents, collected)
    spread = instance_spread(documents, frozenset(SCORED_TYPES))
    return {
        "split": split,
        "documents": len(documents),
        **scores,
        "gold_instances": len(spread),
        "gold_instances_in_two_or_more_documents": sum(count >= 2 for count in spread.values()),
        "targets": {
            name: {"target": target, "measured": scores["overall"][name]}
            for name, target in TARGETS.items()
        },
        "errors": errors,
    }


def _print_report(result: dict[str, Any], error_count: int) -> None:
    overall, counts = result["overall"], result["counts"]
    print(
        f"split={result['split']} documents={result['documents']} "
        f"gold named mentions={counts['gold']} system={counts['system']} "
        f"gold instances={result['gold_instances']} "
        f"(in 2+ documents: {result['gold_instances_in_two_or_more_documents']})"
    )
    print(f"\n{'':6} {'gold':>5} {'sys':>5}   strict P    R     F1   relaxed P    R     F1")
    for name in (*SCORED_TYPES, "all"):
        prefix = "" if name == "all" else f"{name.lower()}_"
        tally = counts if name == "all" else counts["by_type"][name]
        row = [overall[f"{prefix}{mode}_{measure}"] for mode in ("strict", "relaxed")
               for measure in ("precision", "recall", "f1")]  # fmt: skip
        print(
            f"{name:6} {tally['gold']:5} {tally['system']:5}   "
            + "  {:.3f} {:.3f} {:.3f}   ".format(*row[:3])
            + "    {:.3f} {:.3f} {:.3f}".format(*row[3:])
        )
    print(f"\nB-cubed identity ({counts['identity_matched_mentions']} matched mentions)")
    for variant, label in (
        ("cross_document", "cross-document, matched"),
        ("within_document", "within-document, matched"),
        ("all_gold", "cross-document, all gold"),
    ):
        print(
            f"  {label:26} P={overall[f'b_cubed_{variant}_precision']:.3f} "
            f"R={overall[f'b_cubed_{variant}_recall']:.3f} "
            f"F1={overall[f'b_cubed_{variant}_f1']:.3f}"
        )
    print("\ntargets (issue 4)")
    for name, figures in result["targets"].items():
        verdict = "met" if figures["measured"] >= figures["target"] else "NOT met"
        print(f"  {name:26} {figures['measured']:.3f} >= {figures['target']:.2f}  {verdict}")
    print(
        "\npredictions past the annotated sentences="
        f"{counts['predictions_past_annotated_sentences']} "
        f"neutral predictions={counts['neutral_predictions']} "
        f"NORP over gold LOC={counts['norp_over_gold_loc']} "
        f"unmapped predictions dropped={counts['unmapped_predictions']} "
        f"mentions of unknown reports={counts['unknown_report_mentions']} "
        f"documents not stored={len(counts['documents_not_stored'])}"
    )
    for name in counts["documents_not_stored"]:
        print(f"  not stored: {name}")
    errors: list[Error] = result["errors"]
    for kind in ("missed", "spurious"):
        grouped: dict[tuple[str, str], list[Error]] = collections.defaultdict(list)
        for error in errors:
            if error.kind == kind:
                grouped[(error.text, error.type)].append(error)
        if not grouped or not error_count:
            continue
        print(f"\nmost frequent {kind} ({sum(len(group) for group in grouped.values())}):")
        ranked = sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0]))
        for (text, type_), group in ranked[:error_count]:
            print(f"  {len(group):3} {type_:6} {text!r:36} {group[0].context}")


def main(argv: list[str] | None = None, ingest: StoreFactory = ingest_with_pipeline) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("all", "even", "odd"), default="all")
    parser.add_argument("--errors", type=int, default=15, help="error examples per kind")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data} is absent", file=sys.stderr)
        return 2
    result = evaluate(args.data, args.split, ingest)
    if args.json:
        printable = {key: value for key, value in result.items() if key != "errors"}
        print(json.dumps(printable, indent=2))
    else:
        _print_report(result, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
