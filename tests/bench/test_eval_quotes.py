"""The quote eval driver on the synthetic PolNeAR corpus, with fake systems (no model)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from bench.eval_quotes import (
    Run,
    _print_json,
    _print_report,
    pipeline_predictor,
    predictions_of,
    run_systems,
    sample_errors,
    textacy_predictions,
)
from bench.polnear import Document, iter_documents
from bench.quote_scoring import PredictedQuote, is_direct

from sitrep.models import EntityType, LocalEntity, Mention, PageFormat, Quote, QuoteKind, RawPage

TOLVIK = "“We will not stop here,” said Mara Tolvik, the mayor of Dunsby. She added"


def test_eval_quotes_predictions_of_reads_speaker_spans_and_resolved_mentions() -> None:
    text = TOLVIK
    mentions = (
        Mention(text.index("Mara"), text.index(", the"), "Mara Tolvik", EntityType.PERSON),
        Mention(text.index("Dunsby"), text.index(". She"), "Dunsby", EntityType.GPE),
        Mention(text.index("She"), text.index(" added"), "She", EntityType.PERSON),
    )
    entities = (
        LocalEntity("Dunsby", EntityType.GPE, ("Dunsby",), (1,)),
        LocalEntity("Mara Tolvik", EntityType.PERSON, ("Mara Tolvik",), (0, 2)),
    )
    said = Quote(
        1, 23, "We will not stop here,", QuoteKind.DIRECT, cue="said", cue_start=25, cue_end=29,
        speaker_text="Mara Tolvik", speaker_start=30, speaker_end=41, speaker_entity=1,
    )  # fmt: skip
    quotes = (
        said,
        Quote(1, 23, "We will not stop here,", QuoteKind.PARTIAL),
        Quote(1, 23, "We will not stop here,", QuoteKind.INDIRECT, speaker_entity=7),
    )
    first, second, third = predictions_of(quotes, mentions, entities)
    assert first == PredictedQuote(
        ((1, 23),), "direct", (30, 41), ((30, 41), (text.index("She"), text.index(" added")))
    )
    assert second == PredictedQuote(((1, 23),), "partial")
    assert third == PredictedQuote(((1, 23),), "indirect")  # an index past the entities


def gold_predictor(documents: Sequence[Document]) -> Run:
    """A perfect system: every gold attribution, quotations direct, speaker the source."""
    run = Run("perfect", seconds=0.5)
    for document in documents:
        run.predictions[document.name] = [
            PredictedQuote(
                ((attribution.content[0][0], attribution.content[-1][1]),),
                "direct" if is_direct(document.fragment_text(attribution.content)) else "indirect",
                attribution.source[0] if attribution.source else None,
            )
            for attribution in document.attributions
        ]
    return run


def silent_predictor(documents: Sequence[Document]) -> Run:
    """A system that finds nothing and fails on one article."""
    return Run("silent", problems=[f"{documents[0].name}: ValueError: no"])


def test_eval_quotes_a_perfect_system_scores_one(polnear_corpus: Path) -> None:
    documents = list(iter_documents(polnear_corpus, "all"))
    result = run_systems(documents, gold_predictor, silent_predictor)
    assert result["gold"] == {
        "attributions": 7,
        "direct": 4,  # Tolvik, reckless, the councillor, the harbour master
        "indirect": 3,
        "with_source": 6,
        "without_content_skipped": 0,
        "offset_mismatches": 0,
    }
    assert all(value == 1.0 for value in result["overall"].values()), result["overall"]
    assert result["counts"]["predicted"] == 7
    assert result["errors"] == []
    assert result["targets"]["direct_recall"] == {"target": 0.9, "measured": 1.0}
    baseline = result["baseline"]
    assert baseline["name"] == "silent"
    assert all(value == 0.0 for value in baseline["overall"].values())
    assert len(baseline["problems"]) == 1


def test_eval_quotes_errors_name_what_was_missed_and_where(polnear_corpus: Path) -> None:
    documents = list(iter_documents(polnear_corpus, "all"))
    result = run_systems(documents, silent_predictor, "textacy is not importable (test)")
    assert result["baseline_skipped"] == "textacy is not importable (test)"
    assert "baseline" not in result
    kinds = {error.kind for error in result["errors"]}
    assert kinds == {"missed direct", "missed indirect"}
    sampled = sample_errors(result["errors"], 2)
    total, examples = sampled["missed direct"]
    assert total == 4 and len(examples) == 2
    tolvik = [error for error in examples if "[“We will not stop here,”]" in error.context]
    assert [error.detail for error in tolvik] == ["source: Mara Tolvik"]


def test_eval_quotes_report_prints_both_systems_and_the_targets(
    polnear_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    documents = list(iter_documents(polnear_corpus, "even"))
    result = {"split": "even", **run_systems(documents, silent_predictor, gold_predictor)}
    _print_report(result, error_count=3)
    printed = capsys.readouterr().out
    assert "split=even documents=2" in printed
    assert "direct precision" in printed and ">= 0.90" in printed
    assert "perfect" in printed  # the baseline's column
    assert "NOT met" in printed
    assert "missed direct (" in printed


def fake_pipeline(processed: dict[str, Any]) -> Any:
    """Something with ``examine`` that returns (or raises) what ``processed`` says per text."""

    def examine(page: Any, published: dt.date | None, *, clean: bool) -> Any:
        assert clean is False
        outcome = processed[page.origin]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return SimpleNamespace(examine=examine)


def processed_report(text: str, quotes: tuple[Quote, ...] = (), model: str = "en") -> Any:
    return SimpleNamespace(
        clean=SimpleNamespace(text=text, language="en"),
        annotation=SimpleNamespace(model=model),
        quotes=quotes,
        mentions=(),
        entities=(),
    )


def test_eval_quotes_pipeline_predictor_reports_problems_and_goes_on(polnear_corpus: Path) -> None:
    from sitrep.annotate import SENTENCIZER

    dunsby, ferry, port = iter_documents(polnear_corpus, "all")
    start = port.text.index("the port")
    quote = Quote(start, start + len("the port is open again."), "", QuoteKind.DIRECT)
    predict = pipeline_predictor(
        fake_pipeline(
            {
                dunsby.name: RuntimeError("the parser fell over"),
                ferry.name: processed_report(ferry.text + "\n", model="en"),  # not the file's
                port.name: processed_report(port.text, (quote,), model=SENTENCIZER),
            }
        )
    )
    run = predict([dunsby, ferry, port])
    assert run.name == "ours"
    assert list(run.predictions) == [port.name]
    assert run.predictions[port.name] == [
        PredictedQuote(((start, start + 23),), "direct", None, ())
    ]
    assert [problem.split(":")[0] for problem in run.problems] == [
        dunsby.name,
        ferry.name,
        port.name,
    ]
    assert "the parser fell over" in run.problems[0]
    assert "not parsed" in run.problems[2]


@pytest.mark.slow
def test_eval_quotes_pipeline_offsets_index_the_file_text(pipeline: Any) -> None:
    text = "Port reopens\n\nThe harbour master said: “The port is open again.”\n"
    processed = pipeline.examine(RawPage("x", text, PageFormat.TEXT), None, clean=False)
    assert processed.clean.text == text
    for quote in processed.quotes:
        assert text[quote.start : quote.end] == quote.text


@pytest.mark.slow
def test_eval_quotes_textacy_predictions_are_direct_with_speaker_spans(pipeline: Any) -> None:
    pytest.importorskip("textacy")
    text = "“We will not stop here,” said Mara Tolvik. “The bridge opens in May,” she added."
    doc = pipeline.annotator.english(text)
    predictions = textacy_predictions(doc)
    assert predictions, "textacy found no quotation"
    for prediction in predictions:
        assert prediction.kind == "direct"
        ((start, end),) = prediction.content
        assert text[start:end].strip("“” ,.") in {
            "We will not stop here",
            "The bridge opens in May",
        }
    speakers = {text[slice(*item.speaker)] for item in predictions if item.speaker}
    assert speakers <= {"Mara Tolvik", "she"}


def test_eval_quotes_json_holds_the_figures_and_sampled_errors(
    polnear_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    documents = list(iter_documents(polnear_corpus, "all"))
    result = {"split": "all", **run_systems(documents, silent_predictor, None)}
    _print_json(result, 0)
    printed = json.loads(capsys.readouterr().out)
    assert printed["gold"]["direct"] == 4
    assert printed["overall"]["direct_recall"] == 0.0
    assert "errors" not in printed and "baseline" not in printed
    _print_json(result, 1)
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert errors["missed direct"]["total"] == 4
    assert len(errors["missed direct"]["examples"]) == 1
