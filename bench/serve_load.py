"""Latency of the web app's pages on a 10,000-report store, under a small concurrent load.

Usage::

    python -m bench.serve_load [--db out/serve_load.db] [--reports 10000] [--base 1000]
                               [--requests 60] [--concurrency 4] [--warm-up 3]
                               [--max-seconds 30] [--host 127.0.0.1] [--port 0]
                               [--json PATH]

The store: the first ``--base`` BBC reports (``../shared/data/bbc``) are processed once by
the real pipeline and replayed with shifted dates until the store holds ``--reports``
reports, exactly as ``bench.story_scale`` grows its stores (``load_base``, ``grow``, with
its ``HashEmbedder`` stand-in), so the pages show real numbers of actors, quotes, claims,
stories and timeline entries. The store is kept at ``--db`` and reused by later runs
once it holds enough reports; the processed base set is kept beside it. How long the
build took is printed.

The load: the real server (``sitrep serve`` of this checkout) runs as a child process on
a free loopback port. For each page kind the heaviest real ids are picked from the store
(the biggest story, the most mentioned actor, the biggest quote family, the biggest
contested claim group, the longest report, the last page of the report list, the most
mentioned actor's name as a search word and a timeline filter), and each HTML page and
its ``/api`` JSON twin gets ``--requests`` requests, ``--concurrency`` at a time, after
``--warm-up`` untimed ones; a page stops early after ``--max-seconds``.
``/healthz``, which touches nothing, is measured first as the baseline.

Printed per page: p50, p95, p99 and max latency in ms, requests per second, and its p50
over ``/healthz``'s; then a verdict per page against the target, p95 under 200 ms. The
client shares the machine's cores with the server, so latencies include its overhead;
the baseline shows how much. The server is one process whose Python work the GIL runs
one request at a time, so with ``--concurrency 4`` a page's latency is up to four times
what it costs to serve; ``--concurrency 1`` shows that cost alone. Only loopback
addresses are accepted for ``--host``.

This is a benchmark, not a test: it prints figures and never fails.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
from bench.ingest import CORPUS, REPO
from bench.story_scale import HashEmbedder, load_base, percentile, replay_copy

from sitrep.errors import AlreadyStored
from sitrep.models import ProcessedReport
from sitrep.serve.security import is_loopback_host
from sitrep.store.sqlite import SQLiteStore

TARGET_P95_MS = 200.0
LIST_PER_PAGE = 50  # the deep list page asks for this many rows, so its page number is known
GROW_CHUNK = 1000  # reports added between two progress lines while building
# Every fourth round of the replay states its figures half as large again: copies of one
# report are otherwise word for word alike, and the store would hold no contested claim
# group for the claim pages to show (measured: none among 79,041 groups at 10,000 reports).
CONTESTED_ROUND_EVERY = 4
CONTESTED_FACTOR = 1.5


# --- where the load may go -------------------------------------------------------------


def base_url(host: str, port: int) -> str:
    bare = host.strip("[]")
    return f"http://[{bare}]:{port}" if ":" in bare else f"http://{bare}:{port}"


def free_port(host: str) -> int:
    """A port free on ``host`` now (the OS picks it; another process could take it first)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.bind((host.strip("[]"), 0))
        return int(probe.getsockname()[1])


# --- the store -------------------------------------------------------------------------


def contest_figures(copy: ProcessedReport, number: int, base_size: int) -> ProcessedReport:
    """Replay copy ``number`` with its figures raised when its round is a contested one.

    Only the numbers change, not the text, so the claim groups of its figures turn
    contested ("figures differ: 40 vs 60 ...") while the pages show the same words.
    """
    if (number // base_size) % CONTESTED_ROUND_EVERY != CONTESTED_ROUND_EVERY - 1:
        return copy
    claims = tuple(
        replace(
            claim,
            figure=replace(
                claim.figure,
                value=claim.figure.value * CONTESTED_FACTOR,
                upper=claim.figure.upper * CONTESTED_FACTOR if claim.figure.upper else None,
            ),
        )
        if claim.figure is not None
        else claim
        for claim in copy.claims
    )
    return replace(copy, claims=claims)


def grow_contested(
    store: SQLiteStore, base: Sequence[ProcessedReport], start: int, stop: int
) -> float:
    """``bench.story_scale.grow`` with ``contest_figures``: seconds to add copies
    ``start`` to ``stop - 1``, one ``add_report`` each."""
    started = time.perf_counter()
    for number in range(start, stop):
        copy = contest_figures(replay_copy(base, number), number, len(base))
        with contextlib.suppress(AlreadyStored):  # a number stored by an earlier run
            store.add_report(copy, None, None)
    return time.perf_counter() - started


def build_store(
    db: Path, reports: int, base_size: int, say: Callable[[str], None]
) -> dict[str, Any]:
    """Grow the store at ``db`` to ``reports`` reports unless it holds them already.

    Returns the figures of the build: reports before and after, and the seconds spent
    processing the base set (0 when its pickle existed) and growing the store.
    """
    with SQLiteStore.open(str(db), embedder=HashEmbedder()) as store:
        before = store.counts().reports
        figures: dict[str, Any] = {"reports_before": before, "process_s": 0.0, "grow_s": 0.0}
        if before >= reports:
            say(f"reusing {db}: it holds {before} reports (>= {reports})")
            return {**figures, "reports": before}
        pickle_path = db.with_name(f"{db.name}.base{base_size}.pickle")
        if not pickle_path.exists():
            say(f"processing {base_size} BBC reports with the real pipeline (minutes)...")
        started = time.perf_counter()
        base = load_base(base_size, pickle_path)
        figures["process_s"] = time.perf_counter() - started
        say(f"base set of {len(base)} processed reports ready in {figures['process_s']:.0f} s")
        count = before
        while count < reports:
            stop = min(count + GROW_CHUNK, reports)
            seconds = grow_contested(store, base, count, stop)
            figures["grow_s"] += seconds
            say(f"grown to {stop} reports ({1000 * seconds / (stop - count):.1f} ms/report)")
            count = stop
        return {**figures, "reports": store.counts().reports}


@dataclass(frozen=True, slots=True)
class StoreIds:
    """The heaviest real ids of each page kind, or None when the store has none."""

    reports: int
    story: int | None
    actor: int | None
    family: int | None
    claim_group: int | None
    claim_status: str | None
    report: int | None
    search_word: str | None


# The bench reads the store's tables itself, not through the store's queries: it picks
# the worst cases (biggest, longest, most mentioned), which no page asks for, and it must
# not lean on the code whose speed it measures.
_REPORTS = "SELECT COUNT(*) FROM reports"
_STORY = "SELECT id FROM stories ORDER BY size DESC, id LIMIT 1"
_ACTOR = "SELECT entity_id FROM mentions GROUP BY entity_id ORDER BY COUNT(*) DESC LIMIT 1"
_ACTOR_NAME = "SELECT name FROM entities WHERE id = ?"
_FAMILY = (
    "SELECT family_id FROM quotes WHERE family_id IS NOT NULL "
    "GROUP BY family_id ORDER BY COUNT(*) DESC, family_id LIMIT 1"
)
# A contested group first (its page shows both sides), the biggest of those.
_CLAIM_GROUP = (
    "SELECT g.id, g.status FROM claim_groups g JOIN claims c ON c.group_id = g.id "
    "GROUP BY g.id ORDER BY g.status = 'contested' DESC, COUNT(*) DESC, g.id LIMIT 1"
)
_REPORT = "SELECT id FROM reports ORDER BY length(text) DESC, id LIMIT 1"


def pick_ids(db: Path) -> StoreIds:
    """The ids the load asks for, read from the SQLite file (read-only)."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:

        def row(sql: str, *parameters: Any) -> tuple[Any, ...]:
            found: tuple[Any, ...] | None = connection.execute(sql, parameters).fetchone()
            return found or (None, None)

        actor = row(_ACTOR)[0]
        # The most mentioned actor's name: a search that matches many reports.
        name = row(_ACTOR_NAME, actor)[0] if actor is not None else None
        group, status = row(_CLAIM_GROUP)
        return StoreIds(
            reports=int(row(_REPORTS)[0] or 0), story=row(_STORY)[0], actor=actor,
            family=row(_FAMILY)[0], claim_group=group, claim_status=status,
            report=row(_REPORT)[0], search_word=name,
        )  # fmt: skip
    finally:
        connection.close()


@dataclass(frozen=True, slots=True)
class Page:
    kind: str  # "story", "api story": the table's first column
    path: str


def pages_for(ids: StoreIds) -> list[Page]:
    """Every HTML page with the picked ids, each followed by its JSON twin under ``/api``.

    A page whose kind the store has no id for (no claims, say) is left out.
    """
    last_page = max(1, math.ceil(ids.reports / LIST_PER_PAGE))
    name = quote(ids.search_word) if ids.search_word else None
    html: list[tuple[str, str | None]] = [
        ("overview", "/"),
        ("timeline", "/timeline"),
        # Filtering by an actor goes through name matching, not an id: its own cost.
        ("timeline of actor", f"/timeline?actor={name}" if name else None),
        ("stories", "/stories"),
        ("story", f"/stories/{ids.story}" if ids.story is not None else None),
        ("actors", "/actors"),
        ("actor", f"/actors/{ids.actor}" if ids.actor is not None else None),
        ("quote families", "/quotes"),
        ("quote family", f"/quotes/{ids.family}" if ids.family is not None else None),
        ("claims", "/claims"),
        ("claim group", f"/claims/{ids.claim_group}" if ids.claim_group is not None else None),
        ("reports", "/reports"),
        ("reports last page", f"/reports?page={last_page}&per_page={LIST_PER_PAGE}"),
        ("report", f"/reports/{ids.report}" if ids.report is not None else None),
        ("search", f"/search?q={name}" if name else None),
    ]
    pages: list[Page] = []
    for kind, path in html:
        if path is None:
            continue
        pages.append(Page(kind, path))
        pages.append(Page(f"api {kind}", "/api/overview" if path == "/" else f"/api{path}"))
    return pages


# --- the server ------------------------------------------------------------------------


def child_environment() -> dict[str, str]:
    """This checkout's code first on the child's path, whichever sitrep is installed."""
    environment = dict(os.environ)
    parts = (str(REPO / "src"), str(REPO), environment.get("PYTHONPATH"))
    environment["PYTHONPATH"] = os.pathsep.join(part for part in parts if part)
    return environment


def server_command(db: Path, host: str, port: int) -> list[str]:
    """``sitrep serve`` of this checkout (``python -m sitrep``), as a user starts it."""
    return [sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--host", host,
            "--port", str(port)]  # fmt: skip


@contextlib.contextmanager
def running_server(command: Sequence[str], url: str, log: Path, timeout_s: float) -> Iterator[None]:
    """Run ``command`` until the block ends, once ``url/healthz`` answers ``{"ok": true}``."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, env=child_environment(), stdout=output, stderr=subprocess.STDOUT
        )
    try:
        wait_until_healthy(process, url, log, timeout_s)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_healthy(
    process: subprocess.Popen[bytes], url: str, log: Path, timeout_s: float
) -> None:
    deadline = time.monotonic() + timeout_s
    with httpx.Client(base_url=url, timeout=2.0) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                tail = log.read_text(errors="replace")[-3000:]
                raise ServerDidNotStart(
                    f"the server exited ({process.returncode}) before answering:\n{tail}"
                )
            with contextlib.suppress(httpx.HTTPError):
                answer = client.get("/healthz")
                if answer.status_code == 200 and answer.json() == {"ok": True}:
                    return
            time.sleep(0.2)
    tail = log.read_text(errors="replace")[-3000:]
    raise ServerDidNotStart(f"the server did not answer /healthz within {timeout_s:g} s:\n{tail}")


class ServerDidNotStart(RuntimeError):
    """The server exited or never answered; the message ends with its log."""


def say(line: str) -> None:
    """Progress, on stderr so that stdout holds only the figures."""
    print(line, file=sys.stderr, flush=True)


# --- the load --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageRun:
    """The timed requests to one page: seconds of each that succeeded, and the failures."""

    page: Page
    seconds: tuple[float, ...]
    errors: int
    first_error: str | None
    wall_s: float


def fire(
    client: httpx.Client, page: Page, requests: int, concurrency: int, max_seconds: float
) -> PageRun:
    """``requests`` GETs of ``page``, ``concurrency`` in flight, stopping after ``max_seconds``."""
    lock = threading.Lock()
    issued = 0
    seconds: list[float] = []
    errors: list[str] = []
    deadline = time.monotonic() + max_seconds

    def worker() -> None:
        nonlocal issued
        while True:
            with lock:
                if issued >= requests or time.monotonic() > deadline:
                    return
                issued += 1
            started = time.perf_counter()
            try:
                answer = client.get(page.path)
                answer.read()
                failure = f"HTTP {answer.status_code}" if answer.status_code >= 400 else None
            except httpx.HTTPError as error:
                failure = f"{type(error).__name__}: {error}"
            elapsed = time.perf_counter() - started
            with lock:
                (errors.append(failure) if failure else seconds.append(elapsed))

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for future in [pool.submit(worker) for _ in range(concurrency)]:
            future.result()
    wall_s = time.perf_counter() - started
    return PageRun(page, tuple(seconds), len(errors), errors[0] if errors else None, wall_s)


def page_figures(run: PageRun, baseline_p50_ms: float | None) -> dict[str, Any]:
    """A run's latencies in ms, its throughput and its p50 over the baseline's."""
    figures: dict[str, Any] = {
        "kind": run.page.kind,
        "path": run.page.path,
        "requests": len(run.seconds),
        "errors": run.errors,
        "first_error": run.first_error,
        "requests_per_s": len(run.seconds) / run.wall_s if run.wall_s else 0.0,
    }
    if not run.seconds:
        return {**figures, "p50_ms": None, "p95_ms": None, "p99_ms": None, "max_ms": None,
                "ratio": None}  # fmt: skip
    p50 = 1000 * percentile(run.seconds, 0.5)
    return {
        **figures,
        "p50_ms": p50,
        "p95_ms": 1000 * percentile(run.seconds, 0.95),
        "p99_ms": 1000 * percentile(run.seconds, 0.99),
        "max_ms": 1000 * max(run.seconds),
        "ratio": p50 / baseline_p50_ms if baseline_p50_ms else None,
    }


def verdict(row: dict[str, Any], target_ms: float = TARGET_P95_MS) -> str:
    """One line: whether the page's p95 is under the target."""
    if row["p95_ms"] is None:
        return f"FAIL  {row['path']}: no request succeeded ({row['first_error']})"
    line = f"{row['path']}: p95 {row['p95_ms']:.0f} ms (target < {target_ms:.0f} ms)"
    if row["errors"]:
        return f"FAIL  {line}, {row['errors']} errors ({row['first_error']})"
    return f"{'ok  ' if row['p95_ms'] < target_ms else 'SLOW'}  {line}"


def table(rows: Sequence[dict[str, Any]]) -> str:
    header = (
        f"{'page':<23}{'path':<44}{'n':>5}{'err':>5}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
        f"{'max ms':>9}{'req/s':>8}{'x healthz':>11}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        path = row["path"] if len(row["path"]) < 43 else row["path"][:40] + "..."
        start = f"{row['kind']:<23}{path:<44}{row['requests']:>5}{row['errors']:>5}"
        if row["p50_ms"] is None:
            lines.append(f"{start}{'-':>9}{'-':>9}{'-':>9}{'-':>9}{row['requests_per_s']:>8.1f}")
            continue
        ratio = f"{row['ratio']:.1f}x" if row["ratio"] is not None else "-"
        lines.append(
            f"{start}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}{row['p99_ms']:>9.1f}"
            f"{row['max_ms']:>9.1f}{row['requests_per_s']:>8.1f}{ratio:>11}"
        )
    return "\n".join(lines)


def load(
    client: httpx.Client, pages: Sequence[Page], requests: int, concurrency: int, warm_up: int,
    max_seconds: float, say: Callable[[str], None],
) -> list[dict[str, Any]]:  # fmt: skip
    """The baseline first, then every page: a row of figures each."""
    rows: list[dict[str, Any]] = []
    baseline: float | None = None
    for page in [Page("healthz (baseline)", "/healthz"), *pages]:
        for _ in range(warm_up):  # compiled templates, warm caches: not what a user waits for
            with contextlib.suppress(httpx.HTTPError):
                client.get(page.path)
        row = page_figures(fire(client, page, requests, concurrency, max_seconds), baseline)
        if baseline is None:
            baseline = row["p50_ms"]
            row["ratio"] = 1.0 if baseline else None
        rows.append(row)
        p95 = f"{row['p95_ms']:.0f} ms" if row["p95_ms"] is not None else "-"
        say(f"{page.path}: {row['requests']} requests, p95 {p95}, {row['errors']} errors")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--db", type=Path, default=REPO / "out" / "serve_load.db",
        help="the store to serve: built there first, reused once big enough",
    )  # fmt: skip
    parser.add_argument("--reports", type=int, default=10_000, help="reports the store holds")
    parser.add_argument("--base", type=int, default=1000, help="BBC reports to replay")
    parser.add_argument("--requests", type=int, default=60, help="timed requests per page")
    parser.add_argument("--concurrency", type=int, default=4, help="requests in flight")
    parser.add_argument("--warm-up", type=int, default=3, help="untimed requests per page")
    parser.add_argument("--max-seconds", type=float, default=30.0,
                        help="stop firing at a page after this long")  # fmt: skip
    parser.add_argument("--host", default="127.0.0.1", help="a loopback address")
    parser.add_argument("--port", type=int, default=0, help="0: a free port")
    parser.add_argument("--startup-seconds", type=float, default=120.0,
                        help="how long the server may take to answer /healthz")  # fmt: skip
    parser.add_argument("--build-only", action="store_true", help="build the store, no load")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    arguments = parser.parse_args(argv)
    if not is_loopback_host(arguments.host):
        parser.error(
            f"--host {arguments.host}: not a loopback address. The load run only targets a "
            "server of its own on this machine: use 127.0.0.1, ::1 or localhost."
        )
    if not arguments.db.parent.is_dir():
        parser.error(f"--db {arguments.db}: the folder {arguments.db.parent} does not exist")
    if not arguments.db.exists() and not CORPUS.is_dir():
        print(f"skipped: no store at {arguments.db} and the BBC corpus is not at {CORPUS}")
        return 0
    build = build_store(arguments.db, arguments.reports, arguments.base, say)
    ids = pick_ids(arguments.db)
    say(f"picked: {asdict(ids)}")
    if arguments.build_only:
        print(json.dumps({"build": build, "ids": asdict(ids)}, indent=2))
        return 0
    port = arguments.port or free_port(arguments.host)
    url = base_url(arguments.host, port)
    command = server_command(arguments.db, arguments.host, port)
    # The server's log stays beside the store, to read when a page fails.
    log = arguments.db.with_name(f"{arguments.db.name}.server.log")
    limits = httpx.Limits(
        max_connections=arguments.concurrency, max_keepalive_connections=arguments.concurrency
    )
    with (
        running_server(command, url, log, arguments.startup_seconds),
        httpx.Client(base_url=url, timeout=60.0, limits=limits) as client,
    ):
        rows = load(
            client, pages_for(ids), arguments.requests, arguments.concurrency,
            arguments.warm_up, arguments.max_seconds, say,
        )  # fmt: skip
    built = (
        f"built in {build['process_s'] + build['grow_s']:.0f} s (processing the base set "
        f"{build['process_s']:.0f} s, growing {build['grow_s']:.0f} s)"
        if build["reports"] > build["reports_before"]
        else "reused"
    )
    print(f"store: {arguments.db}, {build['reports']} reports, {built}")
    print(
        f"load: {arguments.requests} requests per page, {arguments.concurrency} at a time, "
        f"{arguments.warm_up} warm-up; server: {' '.join(command[:4])}"
    )
    print(table(rows))
    print(f"verdict (p95 under {TARGET_P95_MS:.0f} ms):")
    for row in rows[1:]:
        print(verdict(row))
    if arguments.json:
        figures = {"build": build, "ids": asdict(ids), "target_p95_ms": TARGET_P95_MS,
                   "requests": arguments.requests, "concurrency": arguments.concurrency,
                   "pages": rows}  # fmt: skip
        arguments.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ServerDidNotStart as error:
        sys.exit(str(error))
