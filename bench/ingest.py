"""Ingest throughput and memory on the BBC corpus, against bare ``nlp.pipe`` in the same run.

Usage::

    python bench/ingest.py [--limit N] [--repeat R] [--json] [--keep-db PATH]

The corpus is ``../shared/data/bbc`` beside the repository (2,225 reports in five
category folders; the top-level README.TXT is not a report). When it is absent the
script says so and exits 0.

Each variant runs in a fresh subprocess, so its peak RSS is its own:

* ``nlp.pipe``: the spaCy pipeline sitrep loads (``load_english(REQUIRED_COMPONENTS)``)
  run bare over the same files, read and decoded the same way, with the same batch size.
* ``sitrep``: ``Pipeline(settings).ingest(iter_pages(paths), store)`` into a fresh SQLite
  file: decoding, cleaning, language detection, annotation, date inference, MinHash,
  near-duplicate lookup and one transaction per report.
* ``... N/4``: both again on the first quarter of the files, to show whether memory
  grows with the corpus (and how much of that growth is spaCy's own).

Loading the models (and one warm-up document, so lazily loaded models are in memory)
is timed apart from the ingest. Whatever else loads lazily stays in the timed part,
as a user meets it: dateparser's locale data, loaded at the first line that might be
a dateline, costs a one-off second or two. Besides wall-clock reports/s, each
worker's CPU time is reported: on a shared machine it is the steadier figure. With
``--repeat`` the variants run interleaved and the best run of each counts (noise only
ever adds time). RSS is also sampled after every eighth of the reports, to tell
growth with the corpus from a peak set by one large batch.

The target from the issue: sitrep at >= 0.8x the bare ``nlp.pipe`` throughput, and
peak memory flat in corpus size.

This is a benchmark, not a test: it prints figures and ratios, and missing the target
does not make it fail.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "bbc"
TARGET_RATIO = 0.8


def corpus_files(root: Path, limit: int | None = None) -> list[Path]:
    """The report files, categories interleaved so that any prefix is a representative mix.

    ``business/001.txt, entertainment/001.txt, ..., business/002.txt, ...``: the first
    N/4 files then hold the same mix of categories (and lengths) as all N.
    """
    folders = sorted(folder for folder in root.iterdir() if folder.is_dir())
    per_folder = [sorted(folder.glob("*.txt")) for folder in folders]
    interleaved = [
        files[index]
        for index in range(max((len(files) for files in per_folder), default=0))
        for files in per_folder
        if index < len(files)
    ]
    return interleaved if limit is None else interleaved[:limit]


# --- the workers: each runs in its own process and prints one JSON line ---------------


def _rss_now_kib() -> int:
    """Resident set size now, from /proc (peak RSS where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return _peak_rss_kib()


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _peak_rss_kib() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # bytes on macOS, KiB elsewhere


class _RssCurve:
    """RSS after each eighth of the reports: flat, or growing with the corpus?"""

    def __init__(self, total: int, points: int = 8) -> None:
        self._every = max(1, total // points)
        self._done = 0
        self.points: list[int] = []

    def step(self) -> None:
        self._done += 1
        if self._done % self._every == 0:
            self.points.append(_rss_now_kib())


def _run_baseline(paths: list[Path]) -> dict[str, Any]:
    from sitrep.annotate import load_english
    from sitrep.config import Settings
    from sitrep.ingest.decode import decode_bytes
    from sitrep.pipeline import REQUIRED_COMPONENTS

    settings = Settings()

    def texts() -> Iterator[str]:
        for path in paths:  # read and decode as sitrep does, one file at a time
            yield decode_bytes(path.read_bytes(), str(path)).text

    loading = time.perf_counter()
    nlp = load_english(REQUIRED_COMPONENTS, settings.max_input_bytes)
    nlp(next(texts()))  # warm-up, as the sitrep worker does
    started, rss_loaded, cpu = time.perf_counter(), _rss_now_kib(), _cpu_s()
    tokens, curve = 0, _RssCurve(len(paths))
    for doc in nlp.pipe(texts(), batch_size=settings.nlp_batch_size):
        tokens += len(doc)
        curve.step()
    finished = time.perf_counter()
    return {
        "reports": len(paths),
        "annotated": len(paths),
        "tokens": tokens,
        "load_s": started - loading,
        "ingest_s": finished - started,
        "cpu_s": _cpu_s() - cpu,
        "rss_loaded_kib": rss_loaded,
        "peak_rss_kib": _peak_rss_kib(),
        "rss_curve_kib": curve.points,
        "pipeline": list(nlp.pipe_names),
    }


def _run_sitrep(paths: list[Path], keep_db: str | None) -> dict[str, Any]:
    from sitrep.config import Settings
    from sitrep.ingest import iter_pages
    from sitrep.pipeline import Pipeline
    from sitrep.store import open_store

    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as folder:
        settings = Settings(db=keep_db or str(Path(folder) / "bench.db"))
        loading = time.perf_counter()
        pipeline = Pipeline(settings)
        # Warm-up without storing: loads lingua's models and anything else loaded lazily.
        warm_up = next(iter(iter_pages([str(paths[0])], settings)))
        if not isinstance(warm_up, Exception):
            pipeline.preview(warm_up)
        pipeline.settle_models()  # as `sitrep ingest` does
        with open_store(settings.db) as store:
            curve = _RssCurve(len(paths))
            started, rss_loaded, cpu = time.perf_counter(), _rss_now_kib(), _cpu_s()
            summary = pipeline.ingest(
                iter_pages([str(path) for path in paths], settings),
                store,
                lambda _outcome: curve.step(),
            )
            finished, cpu = time.perf_counter(), _cpu_s() - cpu
            counts = store.counts()
        db_bytes = sum(
            Path(settings.db + suffix).stat().st_size
            for suffix in ("", "-wal")
            if Path(settings.db + suffix).exists()
        )
    return {
        "reports": len(paths),
        "annotated": summary.ingested,  # exact duplicates are not annotated again
        "load_s": started - loading,
        "ingest_s": finished - started,
        "cpu_s": cpu,
        "rss_loaded_kib": rss_loaded,
        "peak_rss_kib": _peak_rss_kib(),
        "rss_curve_kib": curve.points,
        "pipeline": list(pipeline.annotator.english.pipe_names),
        "ingested": summary.ingested,
        "duplicates": summary.duplicates,
        "near_duplicates": summary.near_duplicates,
        "failed": summary.failed,
        "failures": [[outcome.origin, outcome.message] for outcome in summary.failures],
        "languages": counts.languages,
        "db_bytes": db_bytes,
    }


def _worker(variant: str, limit: int | None, keep_db: str | None) -> None:
    paths = corpus_files(CORPUS, limit)
    result = _run_baseline(paths) if variant == "baseline" else _run_sitrep(paths, keep_db)
    print(json.dumps(result))


# --- the driver ------------------------------------------------------------------------


def _spawn(variant: str, limit: int | None, keep_db: str | None = None) -> dict[str, Any]:
    """Run one variant in a fresh interpreter on this repository's own source."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", variant]
    if limit is not None:
        command += ["--limit", str(limit)]
    if keep_db:
        command += ["--keep-db", keep_db]
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(
        part for part in (str(REPO / "src"), environment.get("PYTHONPATH")) if part
    )
    completed = subprocess.run(command, env=environment, capture_output=True, text=True)
    if completed.returncode != 0:
        sys.exit(f"the {variant} worker failed:\n{completed.stderr}")
    return dict(json.loads(completed.stdout.strip().splitlines()[-1]))


def _summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The best of the repeats (noise only ever adds time), and the largest peak RSS."""
    fastest = min(runs, key=lambda run: run["ingest_s"])
    return {
        "reports": fastest["reports"],
        "annotated": fastest["annotated"],
        "reports_per_s": fastest["reports"] / fastest["ingest_s"],
        "reports_per_s_runs": [run["reports"] / run["ingest_s"] for run in runs],
        "cpu_ms_per_report": min(1000 * run["cpu_s"] / run["reports"] for run in runs),
        "load_s": min(run["load_s"] for run in runs),
        "rss_loaded_mib": max(run["rss_loaded_kib"] for run in runs) / 1024,
        "peak_rss_mib": max(run["peak_rss_kib"] for run in runs) / 1024,
        "rss_curve_mib": [kib / 1024 for kib in fastest["rss_curve_kib"]],
        "last_run": runs[-1],
    }


def _table(results: dict[str, dict[str, Any]]) -> str:
    header = (
        f"{'variant':<16}{'reports':>8}{'reports/s':>11}{'ratio':>7}{'CPU ms/rep':>12}"
        f"{'load s':>8}{'RSS loaded':>12}{'peak RSS':>10}"
    )
    lines = [header, "-" * len(header)]
    for name, result in results.items():
        base = results["nlp.pipe N/4" if name.endswith("N/4") else "nlp.pipe"]
        lines.append(
            f"{name:<16}{result['reports']:>8}{result['reports_per_s']:>11.1f}"
            f"{result['reports_per_s'] / base['reports_per_s']:>6.2f}x"
            f"{result['cpu_ms_per_report']:>12.1f}{result['load_s']:>8.1f}"
            f"{result['rss_loaded_mib']:>8.0f} MiB{result['peak_rss_mib']:>6.0f} MiB"
        )
    return "\n".join(lines)


def _figures(results: dict[str, dict[str, Any]]) -> dict[str, float]:
    sitrep, bare = results["sitrep"], results["nlp.pipe"]
    annotated_share = sitrep["annotated"] / sitrep["reports"]
    return {
        "throughput_ratio": sitrep["reports_per_s"] / bare["reports_per_s"],
        "cpu_ratio": bare["cpu_ms_per_report"] / sitrep["cpu_ms_per_report"],
        # sitrep skips NLP for exact duplicates; the ratio per report it did annotate:
        "throughput_ratio_per_annotated": annotated_share
        * sitrep["reports_per_s"]
        / bare["reports_per_s"],
        "sitrep_peak_rss_ratio_n_vs_quarter": sitrep["peak_rss_mib"]
        / results["sitrep N/4"]["peak_rss_mib"],
        "bare_peak_rss_ratio_n_vs_quarter": bare["peak_rss_mib"]
        / results["nlp.pipe N/4"]["peak_rss_mib"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="use only the first N reports")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each variant (best)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--keep-db", help="keep the full sitrep run's store at this path")
    parser.add_argument("--worker", choices=("baseline", "sitrep"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.worker:
        _worker(arguments.worker, arguments.limit, arguments.keep_db)
        return
    if not CORPUS.is_dir():
        print(f"skipped: the BBC corpus is not at {CORPUS}")
        return
    if arguments.keep_db and Path(arguments.keep_db).exists():
        sys.exit(f"{arguments.keep_db} exists; give a new path to --keep-db")
    count = len(corpus_files(CORPUS, arguments.limit))
    quarter = max(1, count // 4)
    plan = {
        "nlp.pipe": ("baseline", count),
        "sitrep": ("sitrep", count),
        "nlp.pipe N/4": ("baseline", quarter),
        "sitrep N/4": ("sitrep", quarter),
    }
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in plan}
    for repeat in range(arguments.repeat):
        # Interleaved, so that a noisy neighbour slows every variant alike.
        for name, (variant, limit) in plan.items():
            keep = arguments.keep_db if name == "sitrep" and repeat == 0 else None
            runs[name].append(_spawn(variant, limit, keep))
    results = {name: _summarise(variant_runs) for name, variant_runs in runs.items()}
    figures = _figures(results)
    if arguments.json:
        report = {"corpus": str(CORPUS), "repeat": arguments.repeat, "variants": results}
        print(json.dumps({**report, **figures, "target_ratio": TARGET_RATIO}, indent=2))
        return
    sitrep = results["sitrep"]["last_run"]
    print(f"BBC corpus: {CORPUS} ({count} reports; best of {arguments.repeat} run(s))")
    print(f"spaCy pipeline: {', '.join(sitrep['pipeline'])}")
    print()
    print(_table(results))
    print()
    ratio = figures["throughput_ratio"]
    verdict = "meets" if ratio >= TARGET_RATIO else "misses"
    print(f"throughput sitrep / nlp.pipe: {ratio:.2f}x ({verdict} the {TARGET_RATIO}x target)")
    print(
        f"  by CPU time: {figures['cpu_ratio']:.2f}x; per report annotated "
        f"({sitrep['annotated']} of {count}, exact copies are not annotated again): "
        f"{figures['throughput_ratio_per_annotated']:.2f}x"
    )
    print(
        f"peak RSS at N / at N/4: sitrep {figures['sitrep_peak_rss_ratio_n_vs_quarter']:.2f}, "
        f"bare nlp.pipe {figures['bare_peak_rss_ratio_n_vs_quarter']:.2f}"
    )
    for name in ("nlp.pipe", "sitrep"):
        curve = " ".join(f"{mib:.0f}" for mib in results[name]["rss_curve_mib"])
        print(f"  RSS (MiB) after each eighth of the reports, {name}: {curve}")
    print(
        f"sitrep: {sitrep['ingested']} ingested ({sitrep['near_duplicates']} marked as "
        f"near-duplicates), {sitrep['duplicates']} exact duplicates, {sitrep['failed']} failed; "
        f"languages {sitrep['languages']}"
    )
    for origin, message in sitrep["failures"][:10]:
        print(f"  failed: {origin}: {message}")


if __name__ == "__main__":
    main()
