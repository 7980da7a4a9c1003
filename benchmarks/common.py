"""What every benchmark shares: the repository on the import path, the percentile and median timings they report, and
the results file each writes (``benchmarks/results/<name>.json``, not committed: numbers belong to a machine and a
load, and the README quotes them with both).

Benchmarks run as scripts (``.venv/bin/python benchmarks/bench_x.py``), so this module is imported as ``common``
from the script's own folder; importing it puts the repository root and ``tests/`` (the generated data the
benchmarks share with the tests) on ``sys.path``.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
for _path in (str(ROOT / "tests"), str(ROOT)):
    if _path not in sys.path:
        sys.path.insert(0, _path)


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank q-quantile (0 < q < 1) of ``values`` (in any order); 0.0 when there are none."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def median_seconds(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    """Runs ``fn`` ``runs`` times; the median wall time in seconds and the last run's value."""
    times, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def record(name: str, result: dict) -> Path:
    """Prints ``result`` and writes it to ``benchmarks/results/<name>.json``; returns that path."""
    text = json.dumps(result, ensure_ascii=False, indent=1)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {path}")
    return path
