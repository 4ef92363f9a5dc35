"""The claims speed benchmark's arithmetic (no corpus, no model)."""

from __future__ import annotations

import pytest
from bench.claims_speed import BUDGET, cost_figures


def test_claims_speed_cost_figures_take_the_extractor_out_of_the_plain_ingest() -> None:
    # 10 reports: 2 s to process (0.1 s of it claims), 0.5 s to store plain, 0.6 s with claims.
    figures = cost_figures(10, 2.0, 0.1, 0.5, 0.6)
    assert figures["ingest_ms_per_report"] == pytest.approx(240.0)  # (2.0 - 0.1 + 0.5) / 10
    assert figures["extract_ms_per_report"] == pytest.approx(10.0)
    assert figures["claims_ms_per_report"] == pytest.approx(20.0)  # 10 + (0.6 - 0.5) / 10
    assert figures["share"] == pytest.approx(20.0 / 240.0)
    assert figures["budget"] == BUDGET == 0.15
