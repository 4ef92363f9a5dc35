"""The web app as a user meets it: a store built by the real CLI, served by ``sitrep serve``
in a subprocess, driven by Debian's Chromium through Playwright.

No browser is downloaded: Playwright launches the system Chromium (``/usr/bin/chromium``,
or ``$SITREP_CHROMIUM``). Without it the browser tests are skipped, unless
``SITREP_REQUIRE_BROWSER=1`` (CI sets it), when they fail instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from bench.serve_load import (
    ServerDidNotStart,
    child_environment,
    free_port,
    running_server,
    server_command,
)

from sitrep.store import open_store
from tests.conftest import REPO

SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
SERVER_START_TIMEOUT_S = 60.0
VIEWPORT = {"width": 1280, "height": 800}

# A report whose text and title carry markup: the pages must show it as text.
HOSTILE_TITLE = "Panj river patrols <script>alert('title')</script> stay quiet"
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMAGE = "<img src=x onerror=alert(2)>"
HOSTILE_REPORT = f"""{HOSTILE_TITLE}

By Staff Reporter

Border guards on the Panj river reported a quiet week on Monday, officials said. A forum \
post quoted in the local press read {HOSTILE_SCRIPT} and the guards said they would ignore \
it. Another post carried {HOSTILE_IMAGE} as its signature.

The guards said patrols would continue through the winter.
"""


@dataclass(frozen=True)
class Corpus:
    """The examples and one hostile report, ingested by ``sitrep ingest`` into ``db``."""

    db: Path
    texts: dict[int, str]  # cleaned text by report id: what ``?hl=S-E`` offsets point into
    hostile_id: int


@dataclass(frozen=True)
class Server:
    """``sitrep serve`` over the corpus, listening at ``url``."""

    url: str
    corpus: Corpus

    def at(self, path: str) -> str:
        return self.url + path


@dataclass
class PageErrors:
    """What went wrong in the page while a test drove it: script errors, console errors
    (a CSP violation is one), and any dialog a script opened."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def console(self, message: Any) -> None:
        source = message.location.get("url", "")
        # Chromium asks every site for /favicon.ico by itself; the pages never link it.
        if message.type == "error" and not source.endswith("/favicon.ico"):
            self.errors.append(f"console error: {message.text} ({source})")


def _run_sitrep(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitrep", *arguments],
        cwd=cwd,
        env=child_environment(),
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def corpus(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("e2e")
    hostile = folder / "hostile-markup.txt"
    hostile.write_text(HOSTILE_REPORT, encoding="utf-8")
    db = folder / "e2e.db"
    ingest = _run_sitrep("ingest", str(examples_dir), str(hostile), "--db", str(db), cwd=folder)
    assert ingest.returncode == 0, f"sitrep ingest failed:\n{ingest.stdout}\n{ingest.stderr}"
    store = open_store(str(db))
    try:
        texts = {report.id: report.text for report in store.reports()}
    finally:
        store.close()
    hostile_ids = [id_ for id_, text in texts.items() if HOSTILE_SCRIPT in text]
    assert len(hostile_ids) == 1, f"the hostile report's text lost its markup: {texts}"
    return Corpus(db=db, texts=texts, hostile_id=hostile_ids[0])


@pytest.fixture(scope="session")
def server(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``sitrep serve`` on a free port, up once ``/healthz`` answers; stopped at the end."""
    port = free_port("127.0.0.1")
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    url = f"http://127.0.0.1:{port}"
    try:
        with running_server(server_command(corpus.db, "127.0.0.1", port), url, log,
                            SERVER_START_TIMEOUT_S):  # fmt: skip
            yield Server(url=url, corpus=corpus)
    except ServerDidNotStart as error:
        pytest.fail(f"`sitrep serve` did not start: {error}")


def _chromium() -> str | None:
    configured = os.environ.get("SITREP_CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    return shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None
    )


# Per module, not per session: Playwright's sync API keeps an event loop running in this
# thread while it lives, and the in-process API tests (anyio) need the thread's loop free.
@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium through Playwright's sync API, one for the session."""
    executable = _chromium()
    if executable is None:
        reason = "Chromium is not installed (apt-get install chromium, or set SITREP_CHROMIUM)"
        if os.environ.get("SITREP_REQUIRE_BROWSER") == "1":
            pytest.fail(f"SITREP_REQUIRE_BROWSER=1 but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        # --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=["--no-sandbox"]
        )
        yield chromium
        chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def page_errors() -> PageErrors:
    return PageErrors()


@pytest.fixture
def page(browser: Any, server: Server, page_errors: PageErrors) -> Iterator[Any]:
    """A fresh page (own cookies and storage) in a light-scheme desktop window.

    Fails the test at teardown if a script threw, the console logged an error (a CSP
    violation or a missing file) or a dialog opened.
    """
    context = browser.new_context(viewport=VIEWPORT, color_scheme="light")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.on("pageerror", lambda error: page_errors.errors.append(f"page error: {error}"))
    page.on("console", lambda message: page_errors.console(message))
    page.on(
        "response",
        lambda response: (
            page_errors.errors.append(f"HTTP {response.status}: {response.url}")
            if response.status >= 400
            else None
        ),
    )

    def dismiss(dialog: Any) -> None:
        page_errors.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", dismiss)
    yield page
    context.close()
    assert not page_errors.dialogs, f"a script opened a dialog: {page_errors.dialogs}"
    assert not page_errors.errors, "the page reported errors:\n" + "\n".join(page_errors.errors)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where the screenshots go (test-artifacts/screenshots, kept by CI as artifacts)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
