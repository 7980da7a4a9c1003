"""Live-room speed: how many comments per second the session routes into the SQLite ledger, and the
HTTP intake's latency for one comment and for a batch (in-process, FastAPI TestClient, no network).
A busy community stream peaks at a few comments per second; the target is p95 <= 50 ms per comment.
Prints the numbers and writes benchmarks/results/live.json.

    .venv/bin/python benchmarks/bench_live.py [--comments 2000]
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import tempfile
import time
from pathlib import Path

from common import percentile, record

from copilot.base.catalog import Catalog
from copilot.base.comments import Comment
from copilot.base.settings import BUNDLED_KNOWLEDGE, Settings
from copilot.live.session import LiveSession
from copilot.orders.ledger import Ledger

TEXTS = ["扣1", "+2", "要两斤", "1号链接3斤", "主播辛苦了", "晚上好", "666", "2号一袋", "不要了", "改成3斤",
         "大米两袋", "五花肉2斤", "哈哈哈", "来了来了"]


def comments(n: int, prefix: str) -> list[Comment]:
    rng = random.Random(7)
    return [Comment(f"{prefix}{i}", f"买家{rng.randrange(400)}", rng.choice(TEXTS), ts=i * 0.3) for i in range(n)]


def session(home: Path) -> LiveSession:
    settings = Settings(home=home, knowledge=BUNDLED_KNOWLEDGE, _env_file=None)
    catalog = Catalog.load(BUNDLED_KNOWLEDGE)
    s = LiveSession(settings, catalog, Ledger.open(settings, catalog, "bench"))
    s.current_sku = "eggs"
    return s


def bench_receive(n: int) -> dict:
    s = session(Path(tempfile.mkdtemp(prefix="bench-live-")))
    times = []
    start = time.perf_counter()
    for c in comments(n, "r"):
        t = time.perf_counter()
        s.receive(c)
        times.append((time.perf_counter() - t) * 1000)
    total = time.perf_counter() - start
    return {"comments": n, "per_second": round(n / total, 1), "p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(percentile(times, 0.95), 2)}


def bench_http(n: int) -> dict:
    from fastapi.testclient import TestClient

    from copilot.live.api import create_api

    s = session(Path(tempfile.mkdtemp(prefix="bench-api-")))
    client = TestClient(create_api(lambda: s, lambda: "t", lambda: {}, catalog=s.catalog))
    auth = {"Authorization": "Bearer t"}
    single = []
    for c in comments(n, "h"):
        t = time.perf_counter()
        r = client.post("/api/comments", json={"id": c.id, "user": c.user, "text": c.text}, headers=auth)
        single.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200
    batch = [{"id": f"b{i}", "user": f"买家{i % 300}", "text": TEXTS[i % len(TEXTS)]} for i in range(500)]
    t = time.perf_counter()
    assert client.post("/api/comments", json={"comments": batch}, headers=auth).status_code == 200
    batch_s = time.perf_counter() - t
    return {"single_p50_ms": round(statistics.median(single), 2), "single_p95_ms": round(percentile(single, 0.95), 2),
            "batch_500_s": round(batch_s, 3), "batch_per_second": round(500 / batch_s, 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--comments", type=int, default=2000)
    args = ap.parse_args()
    result = {"receive": bench_receive(args.comments), "http": bench_http(min(args.comments, 500)),
              "machine": platform.platform(), "python": platform.python_version()}
    record("live", result)


if __name__ == "__main__":
    main()
