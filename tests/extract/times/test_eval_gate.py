"""Quality gate: TempEval-3 figures on TimeBank/AQUAINT never fall below their floors.

The floors in ``floors.json`` were measured with ``bench/eval_times.py`` (tense from
the spaCy parse, all files); they only ever go up. Skipped when ../shared/data is
absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import hold_floors

FLOORS = Path(__file__).with_name("floors.json")


@pytest.mark.slow
def test_eval_gate_times_figures_hold_their_floors(data_dir: Path) -> None:
    from bench.eval_times import evaluate

    hold_floors(FLOORS, data_dir, lambda corpus, split: evaluate(corpus, split, use_nlp=True))
