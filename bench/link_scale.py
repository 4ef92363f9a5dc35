"""Cost of linking one report's actors as the store grows: it should stay flat.

Usage::

    python bench/link_scale.py [--sizes 1000,10000,100000] [--repeat 20] [--json]

For each size N, a fresh SQLite store is filled with N synthetic reports, each
naming ten actors drawn from a population of N/2 people and organisations (plus a
few that every report shares, like a real corpus's "Russia"), written straight into
the actor tables the way ingest leaves them. Then the examples' reports, processed
once, are linked into it again and again (each time under a new content hash), and
the time of the store's ``add_report`` (which resolves every actor through the alias
index inside the report's transaction) is measured. The baseline is the smallest
store, measured in the same run; the target is a per-report cost that does not grow
with N (ratio about 1x).

This is a benchmark, not a test: it prints figures and ratios and never fails.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from sitrep.config import Settings
from sitrep.ingest import iter_pages
from sitrep.link.actors import actor_keys
from sitrep.models import EntityType, LocalEntity, ProcessedReport, RawPage
from sitrep.pipeline import Pipeline
from sitrep.store.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
_GIVEN = ["Anna", "Boris", "Dilnoza", "Farid", "Gulnara", "Ilya", "Jamshed", "Karim", "Lola"]
_SHARED = ["Russia", "Afghanistan", "Tajikistan", "United Nations"]


def processed_examples() -> list[ProcessedReport]:
    pipeline = Pipeline(Settings.from_env(None))
    pages = list(iter_pages([str(EXAMPLES)], pipeline.settings))
    return [pipeline.examine(page) for page in pages if isinstance(page, RawPage)]


def synthetic_entity(number: int) -> LocalEntity:
    if number % 2:
        name = f"{_GIVEN[number % len(_GIVEN)]} Surname{number}"
        return LocalEntity(name, EntityType.PERSON, (name,), ())
    return LocalEntity(f"Agency Number {number}", EntityType.ORG, (f"Agency Number {number}",), ())


def fill(connection: sqlite3.Connection, reports: int, seed: int = 7) -> None:
    """N reports with ten actors each, written the way ingest writes them."""
    rng = random.Random(seed)
    population = max(reports // 2, 10)
    connection.execute("BEGIN")
    connection.executemany(
        "INSERT INTO reports (id, origin, text, format, content_hash, ingested_at) "
        "VALUES (?, ?, '', 'text', ?, '2026-01-01T00:00:00')",
        ((i, f"synthetic/{i}", f"hash-{i}") for i in range(1, reports + 1)),
    )
    shared = [LocalEntity(n, EntityType.GPE, (n,), ()) for n in _SHARED]
    entities = [*shared, *(synthetic_entity(i) for i in range(population))]
    connection.executemany(
        "INSERT INTO entities (id, name, type) VALUES (?, ?, ?)",
        ((i + 1, e.name, e.type.value) for i, e in enumerate(entities)),
    )
    connection.executemany(
        "INSERT INTO entity_aliases (entity_id, alias, mentions) VALUES (?, ?, 1)",
        ((i + 1, e.name) for i, e in enumerate(entities)),
    )
    connection.executemany(
        "INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)",
        ((key, i + 1) for i, e in enumerate(entities) for key in actor_keys(e)),
    )
    rows = []
    for report in range(1, reports + 1):
        chosen = [*rng.sample(range(len(shared)), 2), *rng.sample(range(len(entities)), 8)]
        rows.extend(
            (report, position, 0, 1, entities[e].name, entities[e].type.value, "name", e + 1)
            for position, e in enumerate(chosen)
        )
    connection.executemany(
        'INSERT INTO mentions (report_id, position, start, "end", text, type, kind, entity_id) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    connection.execute("COMMIT")


def per_report_seconds(store: SQLiteStore, reports: list[ProcessedReport], repeat: int) -> float:
    timings: list[float] = []
    for round_number in range(repeat):
        for number, processed in enumerate(reports):
            copy = replace(
                processed,
                clean=replace(processed.clean, content_hash=f"bench-{round_number}-{number}"),
            )
            started = time.perf_counter()
            store.add_report(copy, None, None)
            timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    reports = processed_examples()
    results: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"store-{size}.db"
            store = SQLiteStore.open(str(path))
            fill(store._connection, size)
            seconds = per_report_seconds(store, reports, args.repeat)
            store.close()
            results.append({"reports": size, "ms_per_report": seconds * 1000})
    baseline = results[0]["ms_per_report"]
    for row in results:
        row["ratio"] = row["ms_per_report"] / baseline
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"add_report (with actor linking), median of {args.repeat} x {len(reports)} reports")
    for row in results:
        print(
            f"  store of {int(row['reports']):>7} reports: {row['ms_per_report']:7.2f} ms/report"
            f"  ({row['ratio']:.2f}x the {sizes[0]}-report store)"
        )
    print("target: flat (about 1x) as the store grows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
