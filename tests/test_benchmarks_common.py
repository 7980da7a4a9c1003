"""The benchmarks' shared helpers, and that every benchmark script still imports (they run outside the suite)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))
import common  # noqa: E402


def test_percentile_is_nearest_rank_of_any_order_and_zero_when_empty():
    values = [5.0, 1.0, 4.0, 2.0, 3.0, 10.0, 9.0, 8.0, 7.0, 6.0]
    assert common.percentile(values, 0.5) == 6.0
    assert common.percentile(values, 0.95) == 10.0
    assert common.percentile(values, 0.0) == 1.0
    assert common.percentile([], 0.95) == 0.0
    assert values[0] == 5.0  # the caller's list is not sorted in place


def test_median_seconds_returns_the_last_value():
    calls = []
    seconds, value = common.median_seconds(lambda: calls.append(1) or len(calls), 3)
    assert value == 3 and len(calls) == 3 and seconds >= 0.0


def test_record_writes_the_named_results_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(common, "RESULTS", tmp_path / "results")
    path = common.record("demo", {"p95_ms": 1.5, "门店": "测试"})
    assert path == tmp_path / "results" / "demo.json"
    assert json.loads(path.read_text(encoding="utf-8")) == {"p95_ms": 1.5, "门店": "测试"}
    assert "测试" in capsys.readouterr().out


@pytest.mark.parametrize("script", sorted(BENCH.glob("bench_*.py")), ids=lambda p: p.stem)
def test_every_benchmark_imports(script):
    spec = importlib.util.spec_from_file_location(f"bench_import_{script.stem}", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # main() is guarded by __name__; this checks the imports and module constants
    assert callable(module.main)
