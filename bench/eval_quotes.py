"""Score quote attribution on PolNeAR, with textacy's direct quotations as a baseline.

Reads the articles and one annotation file per article under
``../shared/data/polnear`` (``bench/polnear.py``), runs every article through the
real pipeline and reads ``ProcessedReport.quotes``, runs textacy's
``direct_quotations`` over the same English model's parse of the same text, and
prints for both, beside the issue's targets (the conventions are in
``bench/quote_scoring.py``):

- direct quotations: precision, recall and speaker accuracy;
- all reported speech: precision, recall and speaker accuracy, and the recall of
  the indirect gold alone;
- the gold counts, offset mismatches between the ``.ann`` files and the texts,
  the wall time of each system, and with ``--errors N`` up to N examples per kind
  of error (missed and spurious, direct and indirect, wrong speaker) with context.

Offsets: each article is examined with ``clean=False``, so the report's text is the
file's text exactly and the quotes' offsets index it as the gold's do. An article a
system fails on (or whose processed text differs) is listed, and scored as one where
it found nothing: its gold still counts. textacy gives up on any article with an odd
number of quotation marks (a quotation running over several paragraphs reopens
without closing), about a third of PolNeAR; that is its own limit and is scored so.

textacy is an evaluation-only dependency (``requirements-eval.lock``, installed by
``make eval``); without it the baseline is skipped with the reason.

Usage::

    python -m bench.eval_quotes                   # all 504 articles (from the repo root)
    python -m bench.eval_quotes --split even      # the tuning half; --split odd for the other
    python -m bench.eval_quotes --limit 20 --errors 10
    python -m bench.eval_quotes --no-baseline --json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.polnear import DEFAULT_DATA, Document, iter_documents
from bench.quote_scoring import DocumentScore, PredictedQuote, figures, score_document

from sitrep.models import LocalEntity, Mention, PageFormat, Quote, RawPage

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from sitrep.pipeline import Pipeline

# Issue 5's targets.
TARGETS = {
    "direct_precision": 0.90,
    "direct_recall": 0.90,
    "direct_speaker_accuracy": 0.85,
    "reported_recall": 0.60,
}
FIGURE_LABELS = {
    "direct_precision": "direct precision",
    "direct_recall": "direct recall",
    "direct_speaker_accuracy": "direct speaker accuracy",
    "reported_precision": "reported precision",
    "reported_recall": "reported recall",
    "reported_speaker_accuracy": "reported speaker accuracy",
    "indirect_recall": "indirect-only recall",
}


@dataclass
class Run:
    """One system's predictions by document name, what went wrong, and its wall time."""

    name: str
    predictions: dict[str, list[PredictedQuote]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


Predictor = Callable[[Sequence[Document]], Run]


def predictions_of(
    quotes: Sequence[Quote], mentions: Sequence[Mention], entities: Sequence[LocalEntity]
) -> list[PredictedQuote]:
    """A report's quotes as scoring records, each with its speaker's actor's mentions."""
    predicted = []
    for quote in quotes:
        speaker = (
            (quote.speaker_start, quote.speaker_end)
            if quote.speaker_start is not None and quote.speaker_end is not None
            else None
        )
        resolved: tuple[tuple[int, int], ...] = ()
        if quote.speaker_entity is not None and 0 <= quote.speaker_entity < len(entities):
            resolved = tuple(
                (mentions[index].start, mentions[index].end)
                for index in entities[quote.speaker_entity].mentions
                if 0 <= index < len(mentions)
            )
        predicted.append(
            PredictedQuote(((quote.start, quote.end),), quote.kind.value, speaker, resolved)
        )
    return predicted


def pipeline_predictor(pipeline: Pipeline) -> Predictor:
    """Our system: every article examined as it is (``clean=False``), one at a time."""
    from sitrep.annotate import SENTENCIZER

    def predict(documents: Sequence[Document]) -> Run:
        run = Run("ours")
        started = time.perf_counter()
        for document in documents:
            page = RawPage(document.name, document.text, PageFormat.TEXT)
            published = document.metadata.published if document.metadata else None
            try:
                processed = pipeline.examine(page, published, clean=False)
            except Exception as error:  # one bad article must not stop the evaluation
                run.problems.append(f"{document.name}: {type(error).__name__}: {error}")
                continue
            if processed.clean.text != document.text:
                run.problems.append(f"{document.name}: the processed text is not the file's")
                continue
            if processed.annotation.model == SENTENCIZER:
                run.problems.append(f"{document.name}: not parsed ({processed.clean.language})")
            run.predictions[document.name] = predictions_of(
                processed.quotes, processed.mentions, processed.entities
            )
        run.seconds = time.perf_counter() - started
        return run

    return predict


def textacy_predictions(doc: Doc) -> list[PredictedQuote]:
    """textacy's direct quotations of a parsed ``Doc``, all of kind direct.

    The speaker span runs from the first to the last of textacy's speaker tokens;
    the content is textacy's content span (its quotation marks are trimmed when
    scoring).
    """
    from textacy.extract.triples import direct_quotations

    predicted = []
    for triple in direct_quotations(doc):
        speaker = (
            (
                min(token.idx for token in triple.speaker),
                max(token.idx + len(token) for token in triple.speaker),
            )
            if triple.speaker
            else None
        )
        content = ((triple.content.start_char, triple.content.end_char),)
        predicted.append(PredictedQuote(content, "direct", speaker))
    return predicted


def textacy_predictor(nlp: Language) -> Predictor | str:
    """textacy over ``nlp``'s parse of each article, or why it cannot run."""
    try:
        import textacy
        from textacy.extract.triples import direct_quotations  # noqa: F401
    except Exception as error:  # ImportError, or a broken install of its dependencies
        return (
            f"textacy is not importable ({type(error).__name__}: {error}); "
            "`make eval` installs it from requirements-eval.lock"
        )

    def predict(documents: Sequence[Document]) -> Run:
        run = Run(f"textacy {textacy.__version__}")
        started = time.perf_counter()
        docs = nlp.pipe(document.text for document in documents)
        for document, doc in zip(documents, docs, strict=True):
            try:
                run.predictions[document.name] = textacy_predictions(doc)
            except Exception as error:  # one article textacy trips on must not stop the rest
                run.problems.append(f"{document.name}: {type(error).__name__}: {error}")
        run.seconds = time.perf_counter() - started
        return run

    return predict


@dataclass(frozen=True)
class Error:
    kind: str  # missed direct, spurious direct, missed indirect, spurious indirect, wrong speaker
    document: str
    context: str  # the content in brackets, with text either side
    detail: str = ""


def _excerpt(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else f"{text[: limit - 50]} ... {text[-45:]}"


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    before = " ".join(text[max(0, start - width) : start].split())
    after = " ".join(text[end : end + width].split())
    return f"...{before} [{_excerpt(text[start:end])}] {after}..."


def _span_text(text: str, spans: Sequence[tuple[int, int]]) -> str:
    return " ... ".join(text[start:end] for start, end in spans)


def errors_of(
    document: Document, predictions: Sequence[PredictedQuote], score: DocumentScore
) -> list[Error]:
    """The errors behind one document's score, for reading."""
    text, gold = document.text, document.attributions
    errors: list[Error] = []

    def gold_error(kind: str, index: int) -> Error:
        attribution = gold[index]
        start, end = attribution.content[0][0], attribution.content[-1][1]
        source = _span_text(text, attribution.source) or "(no source)"
        return Error(kind, document.name, _context(text, start, end), f"source: {source}")

    def predicted_error(kind: str, index: int) -> Error:
        item = predictions[index]
        start, end = item.content[0][0], item.content[-1][1]
        speaker = _span_text(text, [item.speaker]) if item.speaker else "(none)"
        return Error(kind, document.name, _context(text, start, end), f"speaker: {speaker}")

    errors += [gold_error("missed direct", index) for index in score.missed_direct]
    errors += [predicted_error("spurious direct", index) for index in score.spurious_direct]
    errors += [gold_error("missed indirect", index) for index in score.missed_indirect]
    errors += [predicted_error("spurious indirect", index) for index in score.spurious_indirect]
    for gold_index, index in score.wrong_speaker:
        item = predictions[index]
        ours = _span_text(text, [item.speaker]) if item.speaker else "(none)"
        gold_source = _span_text(text, gold[gold_index].source)
        attribution = gold[gold_index]
        start, end = attribution.content[0][0], attribution.content[-1][1]
        errors.append(
            Error(
                "wrong speaker",
                document.name,
                _context(text, start, end),
                f"gold: {gold_source} / predicted: {ours}",
            )
        )
    return errors


def score_run(documents: Sequence[Document], run: Run) -> tuple[dict[str, Any], list[Error]]:
    """Figures and counts of one system over the documents, and its errors.

    A document the system produced nothing for (it failed) still counts its gold.
    """
    total = DocumentScore()
    errors: list[Error] = []
    for document in documents:
        predictions = run.predictions.get(document.name, [])
        score = score_document(document.text, document.attributions, predictions)
        total.add(score)
        errors += errors_of(document, predictions, score)
    counts = {
        "predicted": total.reported.predicted,
        "predicted_direct": total.direct.predicted,
        "matched": total.reported.predicted_matched,
        "matched_direct_predictions": total.direct.predicted_matched,
        "speaker_scored_direct": total.direct.speaker_scored,
        "speaker_scored_reported": total.reported.speaker_scored,
    }
    result = {
        "name": run.name,
        "overall": figures(total),
        "counts": counts,
        "seconds": round(run.seconds, 1),
        "problems": run.problems,
    }
    return result, errors


def gold_counts(documents: Sequence[Document]) -> dict[str, int]:
    total = DocumentScore()
    for document in documents:
        total.add(score_document(document.text, document.attributions, []))
    return {
        "attributions": total.reported.gold,
        "direct": total.direct.gold,
        "indirect": total.indirect.gold,
        "with_source": sum(
            attribution.has_source
            for document in documents
            for attribution in document.attributions
        ),
        "without_content_skipped": sum(document.without_content for document in documents),
        "offset_mismatches": sum(len(document.offset_mismatches) for document in documents),
    }


def run_systems(
    documents: Sequence[Document], ours: Predictor, baseline: Predictor | str | None
) -> dict[str, Any]:
    """Score ``ours`` and the baseline (a predictor, the reason it was skipped, or None)."""
    scores, errors = score_run(documents, ours(documents))
    result: dict[str, Any] = {
        "documents": len(documents),
        "gold": gold_counts(documents),
        "offset_mismatches": [
            f"{document.name}: {identifier}"
            for document in documents
            for identifier in document.offset_mismatches
        ],
        **scores,
        "targets": {
            name: {"target": target, "measured": scores["overall"][name]}
            for name, target in TARGETS.items()
        },
        "errors": errors,
    }
    if isinstance(baseline, str):
        result["baseline_skipped"] = baseline
    elif baseline is not None:
        baseline_scores, _ = score_run(documents, baseline(documents))
        result["baseline"] = baseline_scores
    return result


def evaluate(
    data_dir: Path, split: str, *, baseline: bool, limit: int | None = None
) -> dict[str, Any]:
    """Read the split, run our pipeline (and textacy when ``baseline``) over it, score both."""
    from sitrep.config import Settings
    from sitrep.pipeline import Pipeline

    documents = list(iter_documents(data_dir, split, limit))
    started = time.perf_counter()
    pipeline = Pipeline(Settings(db=":memory:"))
    load_seconds = time.perf_counter() - started
    chosen = textacy_predictor(pipeline.annotator.english) if baseline else None
    result = run_systems(documents, pipeline_predictor(pipeline), chosen)
    return {"split": split, "model_load_seconds": round(load_seconds, 1), **result}


def _print_report(result: dict[str, Any], error_count: int) -> None:
    gold = result["gold"]
    print(
        f"split={result['split']} documents={result['documents']} "
        f"gold attributions={gold['attributions']} direct={gold['direct']} "
        f"indirect={gold['indirect']} with source={gold['with_source']} "
        f"(left out without content: {gold['without_content_skipped']}; "
        f"offset mismatches: {gold['offset_mismatches']})"
    )
    baseline = result.get("baseline")
    name = baseline["name"] if baseline else "textacy"
    print(f"\n{'':28} {'ours':>7} {name:>15} {'target':>8}")
    for key, label in FIGURE_LABELS.items():
        theirs = f"{baseline['overall'][key]:.3f}" if baseline else "-"
        target = f">= {TARGETS[key]:.2f}" if key in TARGETS else ""
        print(f"{label:28} {result['overall'][key]:7.3f} {theirs:>15} {target:>8}")
    systems = [("ours", result), *([(name, baseline)] if baseline else [])]
    for system, scores in systems:
        counts = scores["counts"]
        print(
            f"\n{system}: {counts['predicted']} quotes ({counts['predicted_direct']} direct or "
            f"partial), {counts['matched']} matched; {scores['seconds']:.1f} s "
            f"for {result['documents']} documents"
        )
        if system == "ours" and "model_load_seconds" in result:
            print(f"  (models loaded once before that, in {result['model_load_seconds']} s)")
        problems = scores["problems"]
        if problems:
            print(f"  {len(problems)} documents with a problem, e.g.:")
        for problem in problems[:5]:
            print(f"    {_excerpt(problem, 150)}")
    if "baseline_skipped" in result:
        print(f"\nbaseline skipped: {result['baseline_skipped']}")
    print("\ntargets (issue 5)")
    for key, figures_ in result["targets"].items():
        verdict = "met" if figures_["measured"] >= figures_["target"] else "NOT met"
        print(f"  {key:26} {figures_['measured']:.3f} >= {figures_['target']:.2f}  {verdict}")
    for mismatch in result["offset_mismatches"][:20]:
        print(f"  offset mismatch: {mismatch}")
    if error_count:
        for kind, (total, chosen) in sample_errors(result["errors"], error_count).items():
            print(f"\n{kind} ({total}), {len(chosen)} of them:")
            for error in chosen:
                print(f"  {error.document}: {error.context}\n      {error.detail}")


def _print_json(result: dict[str, Any], error_count: int) -> None:
    """The figures as JSON, with ``error_count`` examples of each kind of error when asked."""
    printable = {key: value for key, value in result.items() if key != "errors"}
    if error_count:
        printable["errors"] = {
            kind: {"total": total, "examples": [asdict(error) for error in chosen]}
            for kind, (total, chosen) in sample_errors(result["errors"], error_count).items()
        }
    print(json.dumps(printable, indent=2))


ERROR_KINDS = ("missed direct", "spurious direct", "wrong speaker", "missed indirect",
               "spurious indirect")  # fmt: skip


def sample_errors(errors: Sequence[Error], count: int) -> dict[str, tuple[int, list[Error]]]:
    """Per kind: how many there are, and ``count`` of them evenly spaced over the corpus."""
    sampled = {}
    for kind in ERROR_KINDS:
        found = [error for error in errors if error.kind == kind]
        if found:
            step = max(1, len(found) // count)  # not just the first few articles
            sampled[kind] = (len(found), found[::step][:count])
    return sampled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("all", "even", "odd"), default="all")
    parser.add_argument("--limit", type=int, default=None, help="the first N articles only")
    parser.add_argument("--errors", type=int, default=0, help="error examples per kind")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-baseline", action="store_true", help="skip textacy")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"{args.data} is absent", file=sys.stderr)
        return 2
    result = evaluate(args.data, args.split, baseline=not args.no_baseline, limit=args.limit)
    show = _print_json if args.json else _print_report
    show(result, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
