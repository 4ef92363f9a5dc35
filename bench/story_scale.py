"""Cost of adding one report to a store of 1k, 10k and 100k reports, and the memory it takes.

Usage::

    python -m bench.story_scale [--sizes 1000,10000,100000] [--probe 500] [--json]
                                [--base 500] [--store PATH] [--max-minutes M] [--without-claims]

The first ``--base`` BBC reports (``../shared/data/bbc``, categories interleaved as in
``bench.ingest.corpus_files``) are cleaned, annotated and processed once by the real
pipeline, in a child process so that spaCy's memory is not counted here. A SQLite
store is then grown by replaying them: report number n of the store is a copy of
base report ``n % base`` under a new origin and content hash, published on
``REPLAY_START + 7 * round + (n % 7)`` days, ``round = n // base``, so that 100,000
reports from 500 span about four years of weekly rounds, and dated lookups (quote
families, and stories and timeline once they land) meet a realistic number of
neighbours, not the whole store. Every copy goes through ``SQLiteStore.add_report``,
one transaction each, as ingest stores a report.

What a copy shifts with its date (``replay_copy``): the publication date (stated, so
no inference evidence is kept), the TIMEX3 values of its times, the dates of its events
and the ``time`` of its claims (calendar values only; see ``shift_timex``); and its LSH
band keys are made its own, so that the near-duplicate lookup sees distinct reports. Times
the pipeline left unanchored because the BBC reports are undated ("Monday",
``XXXX-WXX-1``) stay unanchored: the copies are dated, the parse was not redone.
What a copy does not change: its text, actors, quotes, claims and events, so a base report's
copies meet each other every week (the same speakers, the same claims): a worst case
for anything that groups across reports. Claim groups meet it first: ``--without-claims``
stores the copies without their claims, to see what the rest of ``add_report`` costs
(give it a store of its own: a resumed store mixes the two).

At each size, ``--probe`` more copies are added and each ``add_report`` is timed;
the near-duplicate lookup ingest runs first (``duplicate_candidates``) is timed apart.
The default, one whole round of the base set, times every base report once: the
slow ones are a few reports with many actors (50 probes missed a 10-second one).
Printed: per-report latency (median, mean, p95, max) and its ratio to the smallest size
(the baseline, measured in the same run), the process's RSS now and at its peak, and
the store's size on disk. Quote families use ``HashEmbedder``, a cheap stand-in for
multilingual-e5-small, so that the model's time does not hide the store's.

Growing to 100,000 reports takes minutes: after each size the time to the next is
estimated from the costs so far. ``--store PATH`` keeps the store (and the processed
base set beside it, ``PATH.base.pickle``) so that a later run resumes growing it;
``--max-minutes`` stops before a size whose estimated growing time exceeds it.

This is a benchmark, not a test: it prints figures and ratios and never fails.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import pickle
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from bench.ingest import CORPUS, REPO, _peak_rss_kib, _rss_now_kib

from sitrep.errors import AlreadyStored
from sitrep.models import ProcessedReport, TimeExpression
from sitrep.store.sqlite import SQLiteStore

REPLAY_START = dt.date(2005, 1, 3)  # the BBC reports are from 2004-2005; a Monday
ROUND_DAYS = 7
WARM_UP = 20  # reports added untimed before probing a resumed store
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-.*)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})(-[A-Z]\w*)?$")  # 2004, or a season or half: 2004-SU, 2004-H1


class HashEmbedder:
    """Unit vectors drawn from a seed hashed from the text: equal texts, equal vectors.

    Costs microseconds where multilingual-e5-small costs milliseconds, so quote families
    add their reads and writes to the store's time but not the model's. The same idea as
    ``FakeEmbedder`` in ``tests/conftest.py``, without its table of meanings.
    """

    name = "bench-hash"
    dimension = 384  # as multilingual-e5-small's, so stored rows weigh the same

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = np.empty((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            seed = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest())
            vectors[row] = np.random.default_rng(seed).standard_normal(self.dimension)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


# --- replaying the base set with shifted dates ------------------------------------------


def replay_date(number: int, base: int) -> dt.date:
    """Publication date of report ``number`` (from 0) of a store replaying ``base`` reports."""
    return REPLAY_START + dt.timedelta(days=ROUND_DAYS * (number // base) + number % ROUND_DAYS)


def shift_timex(value: str | None, days: int) -> str | None:
    """A TIMEX3 calendar value moved by ``days``, at the granularity it states.

    A day (with any time of day) moves by exactly ``days``; a week, month, quarter or
    year (with any season or half) becomes the one holding its first day moved by
    ``days``; each end of an interval ("2004/2005") moves alike. Anything without a
    calendar anchor (``PRESENT_REF``, ``P3M``, ``XXXX-09``, the decade ``199``) is
    returned unchanged, as is a value that would leave the calendar.
    """
    if value is None:
        return None
    if "/" in value:
        return "/".join(str(shift_timex(part, days)) for part in value.split("/"))
    try:
        return _shift_calendar(value, dt.timedelta(days=days))
    except (ValueError, OverflowError):
        return value


def _shift_calendar(value: str, delta: dt.timedelta) -> str:
    if match := _DAY.match(value):
        day = dt.date(int(match[1]), int(match[2]), int(match[3])) + delta
        return day.isoformat() + (match[4] or "")
    if match := _WEEK.match(value):
        year, week, _ = (
            dt.date.fromisocalendar(int(match[1]), int(match[2]), 1) + delta
        ).isocalendar()
        return f"{year:04d}-W{week:02d}{match[3] or ''}"
    if match := _QUARTER.match(value):
        day = dt.date(int(match[1]), 3 * int(match[2]) - 2, 1) + delta
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if match := _MONTH.match(value):
        day = dt.date(int(match[1]), int(match[2]), 1) + delta
        return f"{day.year:04d}-{day.month:02d}"
    if match := _YEAR.match(value):
        return f"{(dt.date(int(match[1]), 1, 1) + delta).year:04d}{match[2] or ''}"
    return value


def shift_time(expression: TimeExpression, days: int) -> TimeExpression:
    """A time expression with its value, ends and parts moved by ``days``."""
    return replace(
        expression,
        value=shift_timex(expression.value, days),
        begin_value=shift_timex(expression.begin_value, days),
        end_value=shift_timex(expression.end_value, days),
        parts=tuple(shift_time(part, days) for part in expression.parts),
    )


def replay_copy(base: Sequence[ProcessedReport], number: int) -> ProcessedReport:
    """Report ``number`` of the replayed store: a copy of ``base[number % len(base)]``."""
    original = base[number % len(base)]
    published = replay_date(number, len(base))
    days = (published - (original.publication.value or REPLAY_START)).days
    clean = replace(
        original.clean,
        origin=f"replay/{number}/{original.clean.origin}",
        content_hash=f"replay-{number}-{original.clean.content_hash[:16]}",
        published=published,
    )
    publication = replace(
        original.publication, value=published, inferred=False, window=None, evidence=()
    )
    fingerprint = replace(
        original.fingerprint,
        band_keys=tuple(f"{key}/{number}" for key in original.fingerprint.band_keys),
    )
    return replace(
        original,
        clean=clean,
        publication=publication,
        fingerprint=fingerprint,
        times=tuple(shift_time(expression, days) for expression in original.times),
        events=tuple(
            replace(
                event,
                date=shift_timex(event.date, days),
                date_end=shift_timex(event.date_end, days),
            )
            for event in original.events
        ),
        claims=tuple(
            replace(claim, time=shift_timex(claim.time, days)) for claim in original.claims
        ),
    )


# --- figures -----------------------------------------------------------------------------


def percentile(values: Sequence[float], fraction: float) -> float:
    """The ``fraction`` quantile (0 to 1), interpolated between the two nearest ranks."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    rank = fraction * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def latency_ms(seconds: Sequence[float]) -> dict[str, float]:
    """Median, p95, max and mean of per-report times, in milliseconds."""
    return {
        "mean_ms": 1000 * sum(seconds) / len(seconds),
        "median_ms": 1000 * percentile(seconds, 0.5),
        "p95_ms": 1000 * percentile(seconds, 0.95),
        "max_ms": 1000 * max(seconds),
    }


def with_ratios(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each row with ``ratio``: its median over the first row's (the baseline)."""
    baseline = rows[0]["median_ms"] if rows else 0.0
    return [{**row, "ratio": row["median_ms"] / baseline if baseline else 0.0} for row in rows]


def estimate_seconds(costs: Sequence[tuple[int, float]], start: int, stop: int) -> float:
    """Time to grow the store from ``start`` to ``stop`` reports.

    ``costs`` are (store size, seconds per report) measured so far; the cost per report
    is extrapolated along the line through the last two (never falling), as growing
    stores have so far cost more per report, not less.
    """
    if not costs or stop <= start:
        return 0.0
    size, cost = costs[-1]
    slope = 0.0
    if len(costs) > 1 and size > costs[-2][0]:
        slope = max(0.0, (cost - costs[-2][1]) / (size - costs[-2][0]))
    midway = (start + stop) / 2  # the line's mean cost over the growth is its cost midway
    return (stop - start) * (cost + slope * max(0.0, midway - size))


def table(rows: Sequence[dict[str, Any]]) -> str:
    header = (
        f"{'reports':>8}{'median ms':>11}{'mean ms':>9}{'p95 ms':>9}{'max ms':>9}{'ratio':>8}"
        f"{'lookup ms':>11}{'RSS MiB':>9}{'peak MiB':>10}{'store MiB':>11}"
    )
    lines = [header, "-" * len(header)]
    lines += [
        f"{row['reports']:>8}{row['median_ms']:>11.2f}{row['mean_ms']:>9.2f}"
        f"{row['p95_ms']:>9.2f}{row['max_ms']:>9.2f}"
        f"{row['ratio']:>7.2f}x{row['lookup_ms']:>11.2f}{row['rss_mib']:>9.0f}"
        f"{row['peak_rss_mib']:>10.0f}{row['store_mib']:>11.1f}"
        for row in rows
    ]
    return "\n".join(lines)


# --- growing and probing the store -------------------------------------------------------


def grow(store: SQLiteStore, base: Sequence[ProcessedReport], start: int, stop: int) -> float:
    """Add reports ``start`` to ``stop - 1`` of the replay; the seconds it took."""
    started = time.perf_counter()
    for number in range(start, stop):
        with contextlib.suppress(AlreadyStored):  # a store added to by hand: skip the number
            store.add_report(replay_copy(base, number), None, None)
    return time.perf_counter() - started


def probe(
    store: SQLiteStore, base: Sequence[ProcessedReport], start: int, count: int
) -> tuple[list[float], list[float]]:
    """Add ``count`` more reports, timing each ``add_report`` and, apart, the
    near-duplicate lookup ingest makes before it."""
    adds, lookups = [], []
    for number in range(start, start + count):
        copy = replay_copy(base, number)
        started = time.perf_counter()
        store.duplicate_candidates(copy.fingerprint.band_keys)
        lookups.append(time.perf_counter() - started)
        started = time.perf_counter()
        try:
            store.add_report(copy, None, None)
        except AlreadyStored:
            continue
        adds.append(time.perf_counter() - started)
    return adds, lookups


def store_mib(path: Path) -> float:
    files = (path, path.with_name(path.name + "-wal"))
    return sum(file.stat().st_size for file in files if file.exists()) / 2**20


def measure(
    store: SQLiteStore, path: Path, base: Sequence[ProcessedReport], sizes: Sequence[int],
    probes: int, max_minutes: float | None, say: Callable[[str], None],
) -> list[dict[str, Any]]:  # fmt: skip
    """Grow the store through ``sizes``, probing at each; a row of figures per size."""
    rows: list[dict[str, Any]] = []
    count = store.counts().reports
    for size in sizes:
        if count < size and rows:
            costs = [(row["reports"], row["mean_ms"] / 1000) for row in rows]
            minutes = estimate_seconds(costs, count, size) / 60
            say(f"growing {count} -> {size} reports: about {minutes:.1f} min")
            if max_minutes is not None and minutes > max_minutes:
                say(f"stopped: over --max-minutes {max_minutes:g}; resume with --store")
                break
        grow_s = grow(store, base, count, max(size, count)) if count < size else 0.0
        if count < size:
            per_report_ms = 1000 * grow_s / (size - count)
            say(f"grown to {size} in {grow_s:.0f} s ({per_report_ms:.1f} ms/report)")
        if count >= size and not rows:  # a resumed store: nothing has warmed the caches yet
            grow(store, base, count, count + WARM_UP)
            count += WARM_UP
        reports = max(size, count)
        adds, lookups = probe(store, base, reports, probes)
        count = reports + probes
        rows.append(
            {
                "reports": reports,
                **latency_ms(adds),
                "lookup_ms": 1000 * percentile(lookups, 0.5),
                "rss_mib": _rss_now_kib() / 1024,
                "peak_rss_mib": _peak_rss_kib() / 1024,
                "store_mib": store_mib(path),
                "grow_s": grow_s,
            }
        )
        say(
            f"at {reports} reports: add_report median {rows[-1]['median_ms']:.1f} ms, "
            f"mean {rows[-1]['mean_ms']:.1f} ms, max {rows[-1]['max_ms']:.0f} ms; "
            f"RSS {rows[-1]['rss_mib']:.0f} MiB"
        )
    return with_ratios(rows)


# --- the base set, processed in a child process ------------------------------------------


def prepare_base(limit: int, output: Path) -> None:
    """Process the first ``limit`` BBC reports with the real pipeline and pickle them."""
    from bench.bbc import process_corpus  # loads spaCy: only in the child that needs it

    processed = process_corpus(limit).processed
    output.write_bytes(pickle.dumps(processed, protocol=pickle.HIGHEST_PROTOCOL))


def load_base(limit: int, path: Path) -> list[ProcessedReport]:
    """The processed base set: read from ``path``, made there first if missing."""
    if not path.exists():
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            part for part in (str(REPO / "src"), str(REPO), environment.get("PYTHONPATH")) if part
        )
        command = [sys.executable, "-m", "bench.story_scale", "--base", str(limit)]
        command += ["--prepare", str(path)]
        completed = subprocess.run(command, env=environment, capture_output=True, text=True)
        if completed.returncode != 0:
            sys.exit(f"processing the base set failed:\n{completed.stderr}")
    base: list[ProcessedReport] = pickle.loads(path.read_bytes())
    return base


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="store sizes to probe at")
    parser.add_argument("--probe", type=int, default=500, help="reports timed at each size")
    parser.add_argument("--base", type=int, default=500, help="BBC reports to replay")
    parser.add_argument("--store", type=Path, help="keep (or resume) the store at this path")
    parser.add_argument("--max-minutes", type=float, help="stop before a longer growth")
    parser.add_argument(
        "--without-claims", action="store_true", help="store the copies without their claims"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.prepare:
        prepare_base(arguments.base, arguments.prepare)
        return 0
    if not CORPUS.is_dir():
        print(f"skipped: the BBC corpus is not at {CORPUS}")
        return 0
    if arguments.store and not arguments.store.parent.is_dir():
        sys.exit(f"{arguments.store}: the folder {arguments.store.parent} does not exist")
    sizes = sorted(int(size) for size in arguments.sizes.split(","))
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as folder:
        path = arguments.store or Path(folder) / "replay.db"
        base = load_base(arguments.base, path.with_name(path.name + ".base.pickle"))
        if arguments.without_claims:
            base = [replace(report, claims=()) for report in base]
        rss_base_mib = _rss_now_kib() / 1024
        with SQLiteStore.open(str(path), embedder=HashEmbedder()) as store:
            rows = measure(
                store, path, base, sizes, arguments.probe, arguments.max_minutes,
                lambda line: print(line, file=sys.stderr, flush=True),
            )  # fmt: skip
    figures = {"base_reports": len(base), "probe": arguments.probe, "rss_base_mib": rss_base_mib}
    if arguments.json:
        print(json.dumps({**figures, "sizes": rows}, indent=2))
        return 0
    print(
        f"add_report on a store replaying {len(base)} BBC reports with shifted dates; "
        f"{arguments.probe} reports timed at each size"
    )
    print(f"RSS with the processed base set loaded, before the store: {rss_base_mib:.0f} MiB")
    print(table(rows))
    print("ratio: median over the smallest store's; target: well under a second, about flat")
    return 0


if __name__ == "__main__":
    sys.exit(main())
