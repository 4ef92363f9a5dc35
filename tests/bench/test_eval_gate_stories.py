"""Quality gate: story clustering figures on ECB+ never fall below their floors.

The floors in ``floors_stories.json`` are measured with ``python -m bench.eval_stories``
(the real pipeline, all 510 reports, B-cubed and pairwise figures at sub-event level);
they only ever go up. Ingesting the corpus takes about a minute. Skipped when
../shared/data/ecbplus is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.eval_stories import figures
from tests.conftest import hold_floors

FLOORS = Path(__file__).with_name("floors_stories.json")


@pytest.mark.slow
def test_eval_gate_stories_figures_hold_their_floors(data_dir: Path) -> None:
    from bench.eval_stories import evaluate

    hold_floors(FLOORS, data_dir, evaluate)


def test_eval_gate_stories_floors_name_figures_the_benchmark_prints() -> None:
    gate = json.loads(FLOORS.read_text(encoding="utf-8"))
    known = set(figures({"a": "x"}, {"a": 1}))
    assert set(gate["floors"]) <= known, set(gate["floors"]) - known
    assert all(0.0 <= floor <= 1.0 for floor in gate["floors"].values())
