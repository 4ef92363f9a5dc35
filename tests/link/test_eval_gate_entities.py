"""Quality gate: entity mention and identity figures on MEANTIME never fall below their floors.

The floors in ``floors_entities.json`` are measured with ``bench/eval_entities.py``
(the real pipeline, all 60 English files); they only ever go up. Skipped when
../shared/data is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import hold_floors

FLOORS = Path(__file__).with_name("floors_entities.json")


@pytest.mark.slow
def test_eval_gate_entities_figures_hold_their_floors(data_dir: Path) -> None:
    from bench.eval_entities import evaluate

    hold_floors(FLOORS, data_dir, evaluate)
