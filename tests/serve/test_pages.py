"""Every page of the app over the examples, as HTML and as its JSON twin, in process."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape, unescape

import httpx
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.anyio]

PAGES = [
    "/", "/timeline", "/stories", "/stories/1", "/actors", "/actors/1", "/quotes", "/quotes/1",
    "/claims", "/claims/1", "/reports", "/reports/1", "/search?q=border",
]  # fmt: skip


def api(path: str) -> str:
    return "/api/overview" if path == "/" else f"/api{path}"


def text_of(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


@pytest.mark.parametrize("path", PAGES)
async def test_every_page_and_its_json_twin_answer(client: httpx.AsyncClient, path: str) -> None:
    page = await client.get(path)
    twin = await client.get(api(path))
    assert page.status_code == 200, page.text[:500]
    assert page.headers["content-type"].startswith("text/html")
    assert twin.status_code == 200, twin.text[:500]
    assert twin.headers["content-type"] == "application/json"


async def test_overview_shows_what_its_json_says(client: httpx.AsyncClient) -> None:
    overview = (await client.get("/api/overview")).json()
    shown = text_of((await client.get("/")).text)
    assert overview["reports"] == 7  # six examples and the hostile report
    assert all(story["title"] in shown for story in overview["stories"])
    summit = [s for s in overview["stories"] if "Sochi, 23 Sep 2013" in s["title"]]
    assert len(summit) == 1 and summit[0]["sources"] == 2  # a syndicated copy counts once
    assert all(actor["name"] in shown for actor in overview["actors"])
    assert overview["conflicts"], "the examples disagree on what Dushanbe needed"
    assert all(group["status"] == "contested" for group in overview["conflicts"])


async def test_timeline_entries_link_to_their_source_sentences(client: httpx.AsyncClient) -> None:
    view = (await client.get("/api/timeline")).json()
    entries = view["entries"]["items"]
    assert [entry["date"] for entry in entries] == sorted(entry["date"] for entry in entries)
    sochi = next(entry for entry in entries if entry["date"] == "2013-09-23")
    html = (await client.get("/timeline")).text
    first = sochi["evidence"][0]
    href = f"/reports/{first['report']['id']}?hl={first['start']}-{first['end']}#hl"
    assert f'href="{href}"' in html
    target = await client.get(href.split("#")[0])
    mark = re.search(r'<mark class="hl-target" id="hl">(.*?)</mark>', target.text, re.S)
    assert mark is not None
    assert unescape(re.sub(r"<[^>]+>", "", mark[1])) == first["text"]


@pytest.mark.parametrize(
    ("query", "keeps"),
    [
        ({"from": "2013", "to": "2013"}, lambda date: date.startswith("2013")),
        ({"from": "2026"}, lambda date: date >= "2026"),
        ({"actor": "Сочи"}, lambda date: date == "2013-09-23"),  # Sochi in Cyrillic
        ({"place": "Sochi"}, lambda date: date == "2013-09-23"),
    ],
)
async def test_timeline_filters(
    client: httpx.AsyncClient, query: dict[str, str], keeps: Callable[[str], bool]
) -> None:
    everything = (await client.get("/api/timeline")).json()["entries"]["items"]
    view = (await client.get("/api/timeline", params=query)).json()
    kept = [entry["date"] for entry in view["entries"]["items"]]
    assert kept == [entry["date"] for entry in everything if keeps(entry["date"])]
    assert kept and len(kept) < len(everything)


async def test_timeline_zooms_from_years_to_months(client: httpx.AsyncClient) -> None:
    whole = (await client.get("/api/timeline")).json()
    year = (await client.get("/api/timeline", params={"from": "2013", "to": "2013"})).json()
    assert whole["zoom"] in {"decades", "years"}
    assert year["zoom"] == "months"
    assert year["ticks"][0] == {"label": "Jan 2013", "date_from": "2013-01", "date_to": "2013-01"}
    assert year["zoom_out"] == {"label": "2010s", "date_from": "2010", "date_to": "2019"}


async def test_pages_are_paginated(client: httpx.AsyncClient) -> None:
    first = (await client.get("/api/reports", params={"per_page": 3})).json()
    second = (await client.get("/api/reports", params={"per_page": 3, "page": 2})).json()
    assert first["total"] == second["total"] == 7
    assert len(first["items"]) == 3
    assert not {r["id"] for r in first["items"]} & {r["id"] for r in second["items"]}
    assert (await client.get("/api/reports", params={"page": 0})).status_code == 422
    assert (await client.get("/api/reports", params={"per_page": 10_000})).status_code == 422


@pytest.mark.parametrize(
    "path", ["/stories/999", "/actors/999", "/quotes/999", "/claims/999", "/reports/999"]
)
async def test_unknown_records_are_404_in_both_renderings(
    client: httpx.AsyncClient, path: str
) -> None:
    page = await client.get(path)
    twin = await client.get(api(path))
    assert page.status_code == twin.status_code == 404
    assert "Not found" in page.text
    assert twin.json()["detail"].startswith("no ")


async def test_story_shows_its_reports_side_by_side(client: httpx.AsyncClient) -> None:
    stories = (await client.get("/api/stories")).json()["items"]
    summit = next(s for s in stories if "Sochi, 23 Sep 2013" in s["title"])
    page = (await client.get(f"/api/stories/{summit['id']}")).json()
    assert len(page["reports"]) == 3
    assert any(report["quotes"] for report in page["reports"])
    html = (await client.get(f"/stories/{summit['id']}")).text
    assert html.count('class="card story-report"') == 3


async def test_quote_family_marks_what_a_version_changes(client: httpx.AsyncClient) -> None:
    families = (await client.get("/api/quotes", params={"per_page": 200})).json()["items"]
    family = max(families, key=lambda f: len(f["variants"]))
    assert len(family["variants"]) >= 2
    first, *others = family["variants"]
    assert not any(token["marked"] for token in first["tokens"])
    for variant in others:
        assert "".join(token["text"] for token in variant["tokens"]) == variant["quote"]["text"]
    html = (await client.get(f"/quotes/{family['id']}")).text
    marked = [t["text"] for v in others for t in v["tokens"] if t["marked"]]
    assert marked, "the Steppe Herald translates the remark in other words"
    assert f'<ins class="diff">{escape(marked[0])}</ins>' in html


async def test_claims_filter_by_status(client: httpx.AsyncClient) -> None:
    contested = (await client.get("/api/claims", params={"status": "contested"})).json()
    assert contested["total"] == len(contested["items"]) > 0
    assert {group["status"] for group in contested["items"]} == {"contested"}
    assert (await client.get("/api/claims", params={"status": "rumoured"})).status_code == 422


async def test_report_page_highlights_every_kind_of_item(client: httpx.AsyncClient) -> None:
    reports = (await client.get("/api/reports")).json()["items"]
    summit = next(r for r in reports if r["source"] == "Eurasia Wire")
    html = (await client.get(f"/reports/{summit['id']}")).text
    for kind in ("actor", "time", "quote", "claim", "event"):
        assert f"x-{kind}" in html, kind
    assert 'id="hl"' not in html  # nothing targeted without ?hl=
    bad = await client.get(f"/reports/{summit['id']}", params={"hl": "90-10"})
    assert bad.status_code == 200 and 'id="hl"' not in bad.text


async def test_report_page_shows_removed_furniture_on_demand(client: httpx.AsyncClient) -> None:
    reports = (await client.get("/api/reports")).json()["items"]
    page = next(r for r in reports if r["source"] == "Eurasia Wire")
    twin = (await client.get(f"/api/reports/{page['id']}")).json()
    assert twin["removed"], "the wire copy ends in a subscription box and links"
    html = (await client.get(f"/reports/{page['id']}")).text
    furniture = html[html.index('<details class="furniture">') :]
    assert all(line["reason"] in furniture for line in twin["removed"])


async def test_search_finds_reports_quotes_and_claims(client: httpx.AsyncClient) -> None:
    found = (await client.get("/api/search", params={"q": "Rahmon"})).json()
    kinds = {hit["kind"] for hit in found["hits"]["items"]}
    assert "report" in kinds and found["hits"]["total"] >= len(found["hits"]["items"]) > 0
    cyrillic = (await client.get("/api/search", params={"q": "ОДКБ"})).json()
    assert cyrillic["hits"]["total"] > 0
    for weird in ['"', "AND (", "NEAR*", "-", "*"]:
        assert (await client.get("/api/search", params={"q": weird})).status_code == 200
    html = (await client.get("/search", params={"q": "Rahmon"})).text
    assert '<mark class="hit">' in html and 'class="search-hit"' in html


async def test_openapi_documents_every_json_page(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/api/openapi.json")).json()
    paths = set(schema["paths"])
    for path in PAGES:
        route = re.sub(r"/\d+", "/{id}", api(path.split("?")[0]))
        assert any(re.sub(r"\{[a-z_]+\}", "{id}", known) == route for known in paths), route
    assert (await client.get("/api/docs")).status_code == 200
    assert "/healthz" not in paths and "/reports/{report_id}" not in paths
