"""The entity eval driver, run against a fake store on the synthetic corpus (no model)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from bench.entity_scoring import Prediction, scored_gold
from bench.eval_entities import (
    Collected,
    OffsetMap,
    collect_predictions,
    evaluate,
    main,
    pages_of,
    score_documents,
)
from bench.meantime import Document, iter_documents

from sitrep.models import EntityType, Mention, PageFormat, StoredMention


def stored(
    report_id: int, start: int, end: int, text: str, label: str, entity_id: int
) -> StoredMention:
    return StoredMention(report_id, Mention(start, end, text, EntityType(label)), entity_id)


class FakeStore:
    """What the pipeline's store would hold: clean texts (dateline dropped) and mentions."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self.texts: dict[int, tuple[str, str]] = {}
        self.stored: list[StoredMention] = []
        entity_ids: dict[str, int] = {}
        for report_id, document in enumerate(documents, start=1):
            paragraphs = document.text.split("\n\n")
            prefix = "Advertisement\n\n"  # furniture the rebuilt text lacks
            clean = prefix + "\n\n".join([paragraphs[0], *paragraphs[2:]])
            self.texts[report_id] = (document.name, clean)
            dateline = len(paragraphs[1]) + 2
            for mention in scored_gold(document.gold):
                in_title = mention.start < len(paragraphs[0])
                start = mention.start + len(prefix) - (0 if in_title else dateline)
                # Every name found, one id per gold instance, except that the fake tags
                # people as organisations.
                entity = entity_ids.setdefault(mention.instance_id, len(entity_ids) + 1)
                label = {"PER": "ORG", "LOC": "GPE"}.get(mention.type, mention.type)
                self.stored.append(
                    stored(report_id, start, start + len(mention.text), mention.text,
                           label, entity)
                )  # fmt: skip
            self.stored.append(stored(report_id, 0, 13, "Advertisement", "ORG", 99))
            said = clean.find(" said")
            if said >= 0:
                self.stored.append(stored(report_id, said + 1, said + 5, "said", "ORG", 98))

    def mentions(self) -> Iterator[StoredMention]:
        return iter(self.stored)

    def reports(self) -> Iterator[Any]:
        for report_id, (origin, text) in self.texts.items():
            yield SimpleNamespace(id=report_id, origin=origin, text=text)


def test_eval_entities_offset_map_places_clean_spans_in_the_original() -> None:
    original = "Title\n\nMay 4, 2011\n\nAda Varga spoke."
    clean = "Title\n\nAda Varga spoke."
    offsets = OffsetMap(clean, original)
    start = clean.index("Ada Varga")
    assert offsets.span(start, start + 9) == (original.index("Ada"), original.index(" spoke"))
    assert offsets.span(0, 5) == (0, 5)
    assert OffsetMap("Ada Varga", "Ada Varga").span(4, 9) == (4, 9)
    assert OffsetMap("Advert\nAda", "Ada").span(0, 6) is None


def test_eval_entities_pages_carry_the_dateline_as_stated_date(corpus: Path) -> None:
    pages = list(pages_of(iter_documents(corpus, "all")))
    assert [page.origin for page in pages] == ["2_varga", "1_norvale"]
    assert {page.format for page in pages} == {PageFormat.TEXT}
    assert [page.hints.published for page in pages] == [None, "2011-05-04"]


def test_eval_entities_collect_predictions_maps_offsets_and_counts_drops(corpus: Path) -> None:
    documents = list(iter_documents(corpus, "all"))
    collected = collect_predictions(documents, FakeStore(documents))
    assert collected.unmapped == 2  # "Advertisement" is in no rebuilt text
    assert collected.not_stored == []
    for document in documents:
        predictions = collected.predictions[document.name]
        assert all(document.text[p.start : p.end] == p.text for p in predictions)
        assert "Norvale Freight" in {p.text for p in predictions}


def test_eval_entities_evaluate_scores_the_fake_system(corpus: Path) -> None:
    result = evaluate(corpus, "all", FakeStore)
    overall, counts = result["overall"], result["counts"]
    assert result["documents"] == 2
    assert counts["gold"] == 7  # the outer "Logistics firm Norvale Freight" is left out
    assert counts["by_type"]["PER"] == {"gold": 3, "system": 0, "strict": 0, "relaxed": 0}
    assert overall["org_relaxed_recall"] == 1.0
    assert overall["org_strict_precision"] == pytest.approx(3 / 7)  # 3 people + 1 "said"
    assert overall["loc_strict_f1"] == 1.0
    assert overall["b_cubed_cross_document_f1"] == 1.0
    assert overall["b_cubed_all_gold_recall"] < 1.0  # Varga's three mentions were missed
    assert result["gold_instances"] == 3
    assert result["gold_instances_in_two_or_more_documents"] == 2
    assert {error.text for error in result["errors"] if error.kind == "spurious"} >= {"said"}


def test_eval_entities_main_prints_table_and_json(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data", str(corpus), "--errors", "3"], FakeStore) == 0
    table = capsys.readouterr().out
    for expected in ("PER", "ORG", "LOC", "all", "cross-document, matched", "targets", "missed"):
        assert expected in table
    assert main(["--data", str(corpus), "--split", "odd", "--json"], FakeStore) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["documents"] == 1
    assert set(figures["targets"]) == {"relaxed_f1", "b_cubed_cross_document_f1"}


def test_eval_entities_absent_data_is_reported(tmp_path: Path) -> None:
    assert main(["--data", str(tmp_path / "nowhere")], FakeStore) == 2


def test_eval_entities_names_past_the_annotated_sentences_are_not_scored() -> None:
    text = "Title\n\nMay 4, 2011\n\nBody.\n\nNorvale came later."
    document = Document("doc", "topic", text, None, (), annotated_end=text.index("Norvale"))
    start = text.index("Norvale")
    collected = Collected({"doc": [Prediction(start, start + 7, "Norvale", "ORG", 1)]}, 0, 0, [])
    scores, errors = score_documents([document], collected)
    assert scores["counts"]["predictions_past_annotated_sentences"] == 1
    assert scores["counts"]["system"] == 0
    assert errors == []
