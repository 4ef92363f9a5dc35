"""Quality gate: entity mention and identity figures on MEANTIME never fall below their floors.

The floors in ``floors_entities.json`` are measured with ``bench/eval_entities.py``
(the real pipeline, all 60 English files); they only ever go up. Skipped when
../shared/data is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FLOORS = Path(__file__).with_name("floors_entities.json")


@pytest.mark.slow
def test_eval_gate_entities_figures_hold_their_floors(data_dir: Path) -> None:
    from bench.eval_entities import evaluate

    meantime = data_dir / "meantime"
    if not meantime.is_dir():
        pytest.skip(f"{meantime} is absent")
    gate = json.loads(FLOORS.read_text(encoding="utf-8"))
    figures = evaluate(meantime, gate["split"])["overall"]
    below = {
        name: (round(figures[name], 4), floor)
        for name, floor in gate["floors"].items()
        if figures[name] < floor
    }
    assert not below, f"below the floor (measured, floor): {below}"
