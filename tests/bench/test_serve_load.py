"""The serve load benchmark's pure parts: figures, loopback refusal, id picking, the load
loop over a mock transport (no corpus, no server)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import httpx
import pytest
from bench.serve_load import (
    CONTESTED_FACTOR,
    Page,
    PageRun,
    StoreIds,
    base_url,
    contest_figures,
    fire,
    grow_contested,
    load,
    main,
    page_figures,
    pages_for,
    pick_ids,
    table,
    verdict,
)
from bench.story_scale import HashEmbedder
from tests.conftest import quoted_report

from sitrep.models import (
    Claim,
    ClaimKind,
    ClaimStatus,
    EntityType,
    Figure,
    LocalEntity,
    Mention,
    Modality,
    ProcessedReport,
    TextSpan,
)
from sitrep.store.sqlite import SQLiteStore


def _report_with_figure() -> ProcessedReport:
    """A report saying "Russia has 7,000 troops in Tajikistan.", the figure Russia's."""
    base = quoted_report("a.txt", "nobody", [], published=dt.date(2005, 1, 3))
    text = base.clean.text + "\n\nRussia has 7,000 troops in Tajikistan."
    start, number = text.index("Russia has"), text.index("7,000")
    figure = Figure(number, number + 5, "7,000", 7000.0, "person", measured="troops")
    claim = Claim(
        kind=ClaimKind.FIGURE, start=number, end=number + 5, text="7,000",
        sentence=TextSpan(start, len(text)), subject=0, party="RU", predicate="have",
        object="troops", negated=False, modality=Modality.HAPPENED, actors=(0,), figure=figure,
    )  # fmt: skip
    return dataclasses.replace(
        base,
        clean=dataclasses.replace(base.clean, text=text, content_hash="hash-a"),
        mentions=(Mention(start, start + 6, "Russia", EntityType.GPE),),
        entities=(LocalEntity("Russia", EntityType.GPE, ("Russia",), (0,), (), "country:RU"),),
        claims=(claim,),
    )


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "example.org"])
def test_serve_load_refuses_a_host_that_is_not_loopback(
    host: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--host", host, "--db", str(tmp_path / "never.db")])
    assert stopped.value.code == 2
    assert f"--host {host}: not a loopback address" in capsys.readouterr().err
    assert not (tmp_path / "never.db").exists()  # refused before anything was built


def test_serve_load_base_url_brackets_ipv6() -> None:
    assert base_url("127.0.0.1", 8123) == "http://127.0.0.1:8123"
    assert base_url("::1", 8123) == "http://[::1]:8123"


def test_serve_load_page_figures_are_percentiles_in_ms_with_the_baseline_ratio() -> None:
    seconds = tuple(i / 1000 for i in range(1, 101))  # 1 ms to 100 ms
    run = PageRun(Page("story", "/stories/1"), seconds, 2, "HTTP 500", wall_s=4.0)
    row = page_figures(run, baseline_p50_ms=5.05)
    assert row["p50_ms"] == pytest.approx(50.5)
    assert row["p95_ms"] == pytest.approx(95.05)
    assert row["p99_ms"] == pytest.approx(99.01)
    assert row["max_ms"] == pytest.approx(100.0)
    assert row["ratio"] == pytest.approx(10.0)
    assert row["requests_per_s"] == pytest.approx(25.0)
    assert (row["requests"], row["errors"], row["first_error"]) == (100, 2, "HTTP 500")


def test_serve_load_verdict_holds_p95_to_the_target_and_fails_on_errors() -> None:
    run = PageRun(Page("story", "/stories/1"), (0.05, 0.25), 0, None, 1.0)
    slow = page_figures(run, None)
    assert verdict(slow).startswith("SLOW  /stories/1: p95 240 ms")
    assert verdict(slow, target_ms=300).startswith("ok  ")
    failing = page_figures(PageRun(Page("x", "/x"), (0.01,), 1, "HTTP 404", 1.0), None)
    assert verdict(failing).startswith("FAIL") and "HTTP 404" in verdict(failing)
    empty = page_figures(PageRun(Page("x", "/x"), (), 3, "HTTP 500", 1.0), None)
    assert empty["p95_ms"] is None and verdict(empty).startswith("FAIL")
    lines = table([slow, empty]).splitlines()
    assert len(lines) == 4 and "p95 ms" in lines[0] and "/stories/1" in lines[2]


def test_serve_load_pages_pair_each_html_page_with_its_api_twin_and_skip_missing_ids() -> None:
    ids = StoreIds(
        reports=120, story=4, actor=7, family=None, claim_group=None, claim_status=None,
        report=9, search_word="Tony Blair",
    )  # fmt: skip
    paths = [page.path for page in pages_for(ids)]
    assert paths[:2] == ["/", "/api/overview"]
    assert "/stories/4" in paths and "/api/stories/4" in paths
    assert "/actors/7" in paths and "/api/actors/7" in paths
    assert "/reports?page=3&per_page=50" in paths  # 120 reports, 50 a page: the last is 3
    assert "/search?q=Tony%20Blair" in paths and "/api/search?q=Tony%20Blair" in paths
    assert not any(path.startswith(("/quotes/", "/claims/")) for path in paths)
    assert "/timeline?actor=Tony%20Blair" in paths
    assert len(paths) == 2 * 13


def test_serve_load_pick_ids_finds_the_heaviest_of_a_tiny_store(tmp_path: Path) -> None:
    path = tmp_path / "tiny.db"
    day = dt.date(2005, 3, 1)
    remark = "The bridge will open in May."
    with SQLiteStore.open(str(path), embedder=HashEmbedder()) as store:
        store.add_report(quoted_report("a.txt", "Ada Varga", [remark], published=day), None, None)
        store.add_report(
            quoted_report("b.txt", "Ada Varga", [remark, "Tolls stay."], published=day), None, None
        )
        store.add_report(quoted_report("c.txt", "Mara Tolvik", ["No."], published=day), None, None)
    ids = pick_ids(path)
    assert ids.reports == 3
    assert ids.search_word == "Ada Varga"  # three mentions against one
    assert ids.report == 2  # the longest text
    assert ids.claim_group is None  # these reports make no claims
    with sqlite3.connect(path) as connection:
        family_texts = connection.execute(
            "SELECT text FROM quotes WHERE family_id = ?", (ids.family,)
        ).fetchall()
    assert family_texts == [(remark,), (remark,)]  # the remark two reports repeat


def test_serve_load_load_measures_the_baseline_then_each_page() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/healthz":
            return httpx.Response(200, json={"ok": True})
        if request.url.path == "/missing":
            return httpx.Response(404)
        return httpx.Response(200, text="<html></html>")

    transport = httpx.MockTransport(answer)
    with httpx.Client(transport=transport, base_url="http://127.0.0.1:1") as client:
        run = fire(client, Page("story", "/stories/1"), 10, 3, 30.0)
        assert len(run.seconds) == 10 and run.errors == 0
        said: list[str] = []
        rows = load(client, [Page("x", "/x"), Page("gone", "/missing")], 5, 2, 1, 30.0, said.append)
    assert [row["path"] for row in rows] == ["/healthz", "/x", "/missing"]
    assert rows[0]["ratio"] == 1.0 and rows[1]["requests"] == 5
    assert rows[2]["errors"] == 5 and rows[2]["first_error"] == "HTTP 404"
    assert len(said) == 3


def test_serve_load_every_fourth_round_raises_its_figures_and_contests_their_group(
    tmp_path: Path,
) -> None:
    base = [_report_with_figure()]
    values = [contest_figures(base[0], number, 1).claims[0].figure for number in range(8)]
    raised = [number for number, figure in enumerate(values) if figure and figure.value != 7000]
    assert raised == [3, 7]  # rounds of one report each: the fourth and the eighth
    assert values[3] is not None and values[3].value == 7000 * CONTESTED_FACTOR
    assert contest_figures(base[0], 3, 1).clean.text == base[0].clean.text
    path = tmp_path / "contested.db"
    with SQLiteStore.open(str(path), embedder=HashEmbedder()) as store:
        grow_contested(store, base, 0, 5)
        assert store.counts().reports == 5
        assert [group.status for group in store.claim_groups()] == [ClaimStatus.CONTESTED]
    ids = pick_ids(path)
    assert (ids.claim_group, ids.claim_status) == (1, "contested")
