"""What the app lets through: escaping, headers, paths, tokens, uploads and URLs."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import httpx
import pytest
from tests.serve.conftest import HOSTILE_TITLE, AppFactory, client_for

from sitrep.config import Settings
from sitrep.serve.app import create_app
from sitrep.serve.config import ServeConfig
from sitrep.serve.security import CONTENT_SECURITY_POLICY

pytestmark = [pytest.mark.slow, pytest.mark.anyio]

TOKEN = "correct-horse-battery-staple"


async def hostile_report_id(client: httpx.AsyncClient) -> int:
    reports = (await client.get("/api/reports", params={"per_page": 200})).json()["items"]
    return next(r["id"] for r in reports if r["title"] and "<script>" in r["title"])


@pytest.mark.parametrize("path", ["/", "/reports", "/report", "/search?q=crossings", "/stories"])
async def test_markup_in_a_report_renders_as_text(client: httpx.AsyncClient, path: str) -> None:
    if path == "/report":
        path = f"/reports/{await hostile_report_id(client)}"
    html = (await client.get(path)).text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html  # the title, as text


async def test_the_report_page_keeps_the_markup_words(client: httpx.AsyncClient) -> None:
    report_id = await hostile_report_id(client)
    twin = (await client.get(f"/api/reports/{report_id}")).json()
    assert twin["report"]["title"] == HOSTILE_TITLE
    text = "".join(s["text"] for p in twin["paragraphs"] for s in p["segments"])
    assert "<img src=x onerror=alert(2)>" in text


@pytest.mark.parametrize("path", ["/", "/api/overview", "/static/sitrep.css", "/nowhere"])
async def test_every_answer_carries_the_security_headers(
    client: httpx.AsyncClient, path: str
) -> None:
    response = await client.get(path)
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_pages_need_nothing_inline(client: httpx.AsyncClient) -> None:
    """The policy allows no inline script or style: the pages must not rely on any."""
    html = (await client.get("/")).text + (await client.get("/timeline")).text
    assert not re.search(r"<script>|<style>|\sstyle=|\son[a-z]+=", html)


@pytest.mark.parametrize(
    "path",
    ["/static/../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
     "/static/..%2f..%2fpyproject.toml", "/static/%2fetc%2fpasswd"],
)  # fmt: skip
async def test_no_path_traversal(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert "root:" not in response.text and "[project]" not in response.text


async def test_loopback_reads_need_no_token(make_app: AppFactory) -> None:
    async with client_for(make_app(write_token=TOKEN)) as client:
        assert (await client.get("/api/overview")).status_code == 200


async def test_beyond_loopback_everything_needs_the_token(make_app: AppFactory) -> None:
    async with client_for(make_app(write_token=TOKEN, token_for_reads=True)) as client:
        for path in ("/", "/api/overview", "/static/sitrep.css", "/reports/1"):
            refused = await client.get(path)
            assert refused.status_code == 401, path
        wrong = await client.get("/", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        bearer = await client.get("/api/overview", headers={"Authorization": f"Bearer {TOKEN}"})
        assert bearer.status_code == 200
        signed_in = await client.get("/timeline", params={"token": TOKEN})
        assert signed_in.status_code == 303
        assert "token" not in signed_in.headers["location"]
        assert (await client.get("/timeline")).status_code == 200  # the cookie now


async def test_writes_are_off_without_a_token(client: httpx.AsyncClient) -> None:
    refused = await client.post("/api/ingest", files={"files": ("a.txt", b"Some report.")})
    assert refused.status_code == 403
    assert "--write-token" in refused.json()["detail"]
    assert (await client.post("/ingest", data={"token": "x"})).status_code == 403


async def test_a_wrong_write_token_is_refused(make_app: AppFactory) -> None:
    async with client_for(make_app(write_token=TOKEN)) as client:
        refused = await client.post(
            "/api/ingest", files={"files": ("a.txt", b"Some report.")},
            headers={"Authorization": "Bearer wrong"},
        )  # fmt: skip
        assert refused.status_code == 403


async def test_an_upload_over_the_request_cap_is_refused(make_app: AppFactory) -> None:
    async with client_for(make_app(write_token=TOKEN, max_upload_bytes=10_000)) as client:
        refused = await client.post(
            "/api/ingest", files={"files": ("big.txt", b"word " * 10_000)},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )  # fmt: skip
        assert refused.status_code == 413
        assert "cap" in refused.json()["detail"]


async def test_a_file_over_the_input_cap_is_refused_by_name(
    make_app: AppFactory, served_db: Path
) -> None:
    settings = Settings(db=str(served_db), max_input_bytes=1_000)
    async with client_for(make_app(write_token=TOKEN, settings=settings)) as client:
        refused = await client.post(
            "/api/ingest", files={"files": ("long-report.txt", b"word " * 1_000)},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )  # fmt: skip
        assert refused.status_code == 413
        assert "long-report.txt" in refused.json()["detail"]


async def test_upload_and_url_ingestion(served_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "writable.db"
    with sqlite3.connect(served_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)  # whatever the served store's open readers hold in its WAL
    settings = Settings(db=str(copy))
    report = (
        b"Khorog, 12 May 2025. Border guards opened a new post on the Panj river, "
        b"the regional governor said on Monday."
    )
    # The store's stories hold multilingual-e5 vectors: the writer compares with the same model.
    app = create_app(ServeConfig(settings=settings, write_token=TOKEN))
    async with client_for(app) as client:
        done = await client.post(
            "/api/ingest",
            files=[("files", ("../../etc/khorog-post.txt", report)),
                   ("files", ("empty.txt", b""))],
            data={"urls": "http://127.0.0.1:9/report\nhttp://10.0.0.7/x\nnot a url"},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )  # fmt: skip
        assert done.status_code == 200, done.text
        outcomes = {item["origin"]: item for item in done.json()}
        stored = outcomes["upload:khorog-post.txt"]  # the path parts are dropped
        assert stored["status"] == "ingested" and stored["report_id"], stored
        assert outcomes["upload:empty.txt"]["status"] == "failed"
        for url in ("http://127.0.0.1:9/report", "http://10.0.0.7/x"):
            assert outcomes[url]["status"] == "failed"
            assert "private address" in outcomes[url]["message"]
        assert outcomes["not a url"]["status"] == "failed"
        page = await client.get(f"/reports/{stored['report_id']}")
        assert "Border guards opened a new post" in page.text
        found = (await client.get("/api/search", params={"q": "Khorog"})).json()
        assert found["hits"]["total"] >= 1
