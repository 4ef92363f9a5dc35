"""Quality gate: quote attribution figures on PolNeAR never fall below their floors.

The floors in ``floors_quotes.json`` are measured with ``bench/eval_quotes.py`` (the
real pipeline, all 504 articles, our figures only: the textacy baseline is left out
so the gate stays quick); they only ever go up. Skipped when ../shared/data/polnear
is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import hold_floors

FLOORS = Path(__file__).with_name("floors_quotes.json")


@pytest.mark.slow
def test_eval_gate_quotes_figures_hold_their_floors(data_dir: Path) -> None:
    from bench.eval_quotes import evaluate

    hold_floors(FLOORS, data_dir, lambda corpus, split: evaluate(corpus, split, baseline=False))


def test_eval_gate_quotes_floors_stay_ahead_of_textacy() -> None:
    """Every floor is above the textacy baseline measured in the same eval run
    (``make eval`` prints both); raising a floor can only widen the lead."""
    gate = json.loads(FLOORS.read_text(encoding="utf-8"))
    baseline = gate["baseline"]["overall"]
    behind = {
        name: (floor, baseline[name])
        for name, floor in gate["floors"].items()
        if floor <= baseline[name]
    }
    assert not behind, f"floors not ahead of {gate['baseline']['name']}: {behind}"
