"""Quality gate: TempEval-3 figures on TimeBank/AQUAINT never fall below their floors.

The floors in ``floors.json`` were measured with ``bench/eval_times.py`` (tense from
the spaCy parse, all files); they only ever go up. Skipped when ../shared/data is
absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FLOORS = Path(__file__).with_name("floors.json")


@pytest.mark.slow
def test_eval_gate_times_figures_hold_their_floors(data_dir: Path) -> None:
    from bench.eval_times import evaluate

    timebank = data_dir / "timebank"
    if not timebank.is_dir():
        pytest.skip(f"{timebank} is absent")
    gate = json.loads(FLOORS.read_text(encoding="utf-8"))
    figures = evaluate(timebank, gate["split"], use_nlp=True)["overall"]
    below = {
        name: (round(figures[name], 4), floor)
        for name, floor in gate["floors"].items()
        if figures[name] < floor
    }
    assert not below, f"below the floor (measured, floor): {below}"
