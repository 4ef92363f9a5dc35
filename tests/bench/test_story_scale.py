"""The story scale benchmark's replay, arithmetic and loop (no corpus, no model)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import numpy as np
import pytest
from bench.story_scale import (
    REPLAY_START,
    HashEmbedder,
    estimate_seconds,
    latency_ms,
    measure,
    percentile,
    replay_copy,
    replay_date,
    shift_time,
    shift_timex,
    table,
    with_ratios,
)
from tests.conftest import quoted_report

from sitrep.models import (
    Event,
    EventStatus,
    ProcessedReport,
    TextSpan,
    TimeExpression,
    TimeType,
)
from sitrep.store.sqlite import SQLiteStore


def _base() -> list[ProcessedReport]:
    """Two reports, one undated and one dated, each with a dated time and event."""
    year = TimeExpression(0, 4, "2004", TimeType.DATE, "2004")
    event = Event(
        0, 4, "said", TextSpan(0, 10), "statement", (0,), None, "2004-05-01", "2004-06", None,
        EventStatus.HAPPENED,
    )  # fmt: skip
    undated = quoted_report("a.txt", "Ada Varga", ["We will build the bridge."], published=None)
    dated = quoted_report(
        "b.txt", "Mara Tolvik", ["The port is open again."], published=dt.date(2004, 6, 1)
    )
    return [
        dataclasses.replace(report, times=(year,), events=(event,)) for report in (undated, dated)
    ]


def test_story_scale_replay_date_moves_a_week_each_round_and_spreads_over_years() -> None:
    assert replay_date(0, 500) == REPLAY_START
    assert replay_date(3, 500) == REPLAY_START + dt.timedelta(days=3)
    assert replay_date(7, 500) == REPLAY_START  # a round's reports fall on its week's 7 days
    assert replay_date(500, 500) == REPLAY_START + dt.timedelta(days=7 + 500 % 7)
    # 100,000 reports replaying 500: 200 weekly rounds, almost four years.
    assert (replay_date(99_999, 500) - REPLAY_START).days == 7 * 199 + 99_999 % 7


@pytest.mark.parametrize(
    ("value", "days", "shifted"),
    [
        ("2004-12-30", 3, "2005-01-02"),
        ("2005-01-01", -1, "2004-12-31"),
        ("2004-12-30T14:07", 3, "2005-01-02T14:07"),
        ("2004-W52", 7, "2004-W53"),  # 2004 has 53 ISO weeks
        ("2004-W53-WE", 7, "2005-W01-WE"),
        ("2004-Q4", 91, "2004-Q4"),  # 1 October + 91 days is 31 December
        ("2004-Q4", 92, "2005-Q1"),
        ("2004-12", 31, "2005-01"),
        ("2004", 365, "2004"),  # a leap year: 1 January + 365 days is 31 December
        ("2004", 366, "2005"),
        ("2004-SU", 400, "2005-SU"),
        ("2004/2005", 366, "2005/2006"),
        ("2004-11/2005-01", 30, "2004-12/2005-01"),
    ],
)
def test_story_scale_shift_timex_moves_calendar_values_at_their_granularity(
    value: str, days: int, shifted: str
) -> None:
    assert shift_timex(value, days) == shifted


@pytest.mark.parametrize(
    "value", [None, "PRESENT_REF", "P3M", "XXXX-09", "XXXX-WXX-1", "199", "9999-12-31"]
)
def test_story_scale_shift_timex_leaves_values_without_a_calendar_anchor(
    value: str | None,
) -> None:
    assert shift_timex(value, 400) == value


def test_story_scale_shift_time_moves_the_ends_and_parts_of_an_interval() -> None:
    start = TimeExpression(5, 9, "2026", TimeType.DATE, "2026")
    end = TimeExpression(10, 14, "2027", TimeType.DATE, "2027")
    interval = TimeExpression(
        5, 14, "2026-2027", TimeType.DATE, "2026/2027", begin_value="2026", end_value="2027",
        parts=(start, end),
    )  # fmt: skip
    moved = shift_time(interval, 366)
    assert (moved.value, moved.begin_value, moved.end_value) == ("2027/2028", "2027", "2028")
    assert [part.value for part in moved.parts] == ["2027", "2028"]
    assert (moved.start, moved.end, moved.text) == (5, 14, "2026-2027")


def test_story_scale_replay_copy_is_a_new_dated_report_with_the_same_text() -> None:
    base = _base()
    first, later = replay_copy(base, 0), replay_copy(base, 1002)  # both copy base[0]
    assert later.clean.text == base[0].clean.text
    assert later.quotes == base[0].quotes
    assert (
        len({base[0].clean.content_hash, first.clean.content_hash, later.clean.content_hash}) == 3
    )
    assert first.clean.origin != later.clean.origin
    published = REPLAY_START + dt.timedelta(days=7 * 501 + 1002 % 7)
    assert later.publication.value == later.clean.published == published
    assert not later.publication.inferred and later.publication.evidence == ()
    assert not set(later.fingerprint.band_keys) & set(first.fingerprint.band_keys)
    # Undated: times move by the copy's distance from the replay's start...
    assert later.times[0].value == f"{(dt.date(2004, 1, 1) + (published - REPLAY_START)).year}"
    moved = published - REPLAY_START
    assert later.events[0].date == (dt.date(2004, 5, 1) + moved).isoformat()
    assert later.events[0].date_end == f"{dt.date(2004, 6, 1) + moved:%Y-%m}"
    # ...dated: by its distance from the original's date (here 7 months back: still 2004).
    dated = replay_copy(base, 1)
    assert dated.publication.value == REPLAY_START + dt.timedelta(days=1)
    assert dated.times[0].value == "2004"


def test_story_scale_hash_embedder_gives_unit_vectors_equal_for_equal_texts() -> None:
    vectors = HashEmbedder().embed(["one remark", "another", "one remark"])
    assert vectors.shape == (3, HashEmbedder.dimension) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert np.array_equal(vectors[0], vectors[2])
    assert abs(float(vectors[0] @ vectors[1])) < 0.5


def test_story_scale_percentile_interpolates_between_ranks() -> None:
    values = [5.0, 1.0, 3.0, 2.0, 4.0]
    assert percentile(values, 0.0) == 1.0
    assert percentile(values, 0.5) == 3.0
    assert percentile(values, 0.95) == pytest.approx(4.8)
    assert percentile(values, 1.0) == 5.0
    assert percentile([7.0], 0.95) == 7.0
    with pytest.raises(ValueError):
        percentile([], 0.5)


def test_story_scale_latency_ratios_and_estimate() -> None:
    figures = latency_ms([0.001, 0.002, 0.003, 0.010])
    assert figures == pytest.approx(
        {"mean_ms": 4.0, "median_ms": 2.5, "p95_ms": 8.95, "max_ms": 10.0}
    )
    rows = with_ratios([{"median_ms": 2.0}, {"median_ms": 3.0}])
    assert [row["ratio"] for row in rows] == [1.0, 1.5]


def test_story_scale_estimate_extrapolates_the_cost_per_report_and_never_lowers_it() -> None:
    assert estimate_seconds([], 0, 1000) == 0.0
    assert estimate_seconds([(1000, 0.005)], 1000, 10_000) == pytest.approx(45.0)
    # 5 ms at 1k, 16 ms at 10k: the line costs 28.25 ms halfway from 10,050 to 30,000.
    rising = [(1000, 0.005), (10_000, 0.016)]
    assert estimate_seconds(rising, 10_050, 30_000) == pytest.approx(
        19_950 * (0.016 + 0.011 / 9000 * 10_025)
    )
    assert estimate_seconds([(1000, 0.005), (10_000, 0.004)], 10_000, 20_000) == pytest.approx(40.0)
    assert estimate_seconds(rising, 500, 500) == 0.0


def test_story_scale_table_prints_a_row_per_size() -> None:
    row = {
        "reports": 1000, "median_ms": 4.25, "mean_ms": 6.0, "p95_ms": 9.5, "max_ms": 20.0,
        "ratio": 1.0, "lookup_ms": 0.07, "rss_mib": 170.4, "peak_rss_mib": 180.0,
        "store_mib": 30.25,
    }  # fmt: skip
    lines = table([row, {**row, "reports": 10_000, "ratio": 1.234}]).splitlines()
    assert len(lines) == 4 and "median ms" in lines[0]
    expected = "1000 4.25 6.00 9.50 20.00 1.00x 0.07 170 180 30.2"
    assert lines[2].split() == expected.split()
    assert "1.23x" in lines[3]


def test_story_scale_measure_grows_the_store_through_add_report_and_probes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "replay.db"
    said: list[str] = []
    with SQLiteStore.open(str(path), embedder=HashEmbedder()) as store:
        rows = measure(store, path, _base(), [4, 8], 2, None, said.append)
        assert store.counts().reports == 10  # 4, 2 probed, grown to 8, 2 probed
        assert len(list(store.quotes())) == 10
    assert [row["reports"] for row in rows] == [4, 8]
    assert rows[0]["ratio"] == 1.0 and rows[1]["store_mib"] > 0
    assert any(line.startswith("growing 6 -> 8 reports") for line in said)


def test_story_scale_measure_resumes_a_store_and_stops_at_the_time_budget(
    tmp_path: Path,
) -> None:
    path = tmp_path / "replay.db"
    with SQLiteStore.open(str(path), embedder=HashEmbedder()) as store:
        measure(store, path, _base(), [3], 1, None, lambda _: None)
    said: list[str] = []
    with SQLiteStore.open(str(path), embedder=HashEmbedder()) as store:
        rows = measure(store, path, _base(), [2, 30], 1, 0.0, said.append)
        # Resumed at 4 reports: 20 added to warm up and 1 probed; then the budget of
        # 0 minutes stops it before growing to 30.
        assert store.counts().reports == 25
    assert [row["reports"] for row in rows] == [24]
    assert said[-2].startswith("growing 25 -> 30 reports: about")
    assert "stopped" in said[-1]
