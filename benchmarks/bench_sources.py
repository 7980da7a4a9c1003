"""Comment sources, end to end: from a message leaving a seller's tool to its order in the ledger.

A fake oba-live-tool WebSocket server (the real protocol: one JSON frame per message) sends order
comments at a steady rate; the oba source takes them, the live session routes them and the SQLite
ledger commits them. Latency = commit time of the comment's ledger transaction - the time its frame
was sent. Target: p95 <= 500 ms at 20 comments/s on 2 cores (a busy community stream peaks at a few
per second). Then the most comments per second one source sustains: frames sent as fast as the
server can, measured from the first send to the last commit.

    .venv/bin/python benchmarks/bench_sources.py                 # 20/s for 10 minutes, then the burst
    .venv/bin/python benchmarks/bench_sources.py --ci            # 20/s for 30 s (CI), burst of 2000

Prints the numbers and writes benchmarks/results/sources.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import tempfile
import threading
import time
from pathlib import Path

from common import percentile, record

from copilot.base.catalog import Catalog
from copilot.base.settings import BUNDLED_KNOWLEDGE, Settings
from copilot.live.session import LiveSession
from copilot.live.sources.base import Backoff
from copilot.live.sources.websocket import ObaSource
from copilot.orders.ledger import Ledger

TEXTS = ["扣1", "+2", "要两斤", "1号链接3斤", "2号一袋", "五花肉2斤", "大米两袋", "扣1", "+1", "主播晚上好", "草莓甜不甜"]


def frame(i: int, prefix: str, rng: random.Random) -> str:
    return json.dumps({"msg_type": "wechat_channel_live_msg", "msg_id": f"{prefix}{i}", "nick_name": f"买家{rng.randrange(500)}",
                       "user_id": f"u{rng.randrange(500)}", "content": rng.choice(TEXTS),
                       "time": int(time.time() * 1000)}, ensure_ascii=False)


class Sender:
    """The fake tool: sends ``n`` frames at ``rate`` per second (0 = as fast as it can)."""

    def __init__(self, n: int, rate: float, prefix: str) -> None:
        from websockets.sync.server import serve

        self.n, self.rate, self.prefix, self.sent_at = n, rate, prefix, {}
        self.server = serve(self._handle, "127.0.0.1", 0)
        self.port = self.server.socket.getsockname()[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _handle(self, ws) -> None:
        rng = random.Random(7)
        start = time.perf_counter()
        for i in range(self.n):
            if self.rate:
                wait = start + i / self.rate - time.perf_counter()
                if wait > 0:
                    time.sleep(wait)
            self.sent_at[f"{self.prefix}{i}"] = time.perf_counter()
            ws.send(frame(i, self.prefix, rng))
        for _ in ws:
            pass


def run(n: int, rate: float, prefix: str, home: Path) -> dict:
    settings = Settings(home=home, knowledge=BUNDLED_KNOWLEDGE, _env_file=None)
    catalog = Catalog.load(BUNDLED_KNOWLEDGE)
    ledger = Ledger.open(settings, catalog, f"bench-{prefix}")
    for p in catalog:
        ledger.set_stock(p.sku, 900_000)
    session = LiveSession(settings, catalog, ledger)
    session.current_sku = "eggs"
    committed: dict[str, float] = {}

    def sink(comments):
        out = session.receive_batch(comments)
        now = time.perf_counter()
        for c in comments:
            committed[c.id] = now
        return out

    sender = Sender(n, rate, prefix)
    source = ObaSource(sink, url=f"ws://127.0.0.1:{sender.port}", backoff=Backoff(0.05, 0.5))
    stop = threading.Event()
    threading.Thread(target=source.run, args=(stop,), daemon=True).start()
    deadline = time.time() + max(60.0, n / max(rate, 1) * 2)
    while len(committed) < n and time.time() < deadline:
        time.sleep(0.05)
    stop.set()
    sender.server.shutdown()
    lat = sorted((committed[k] - sender.sent_at[k]) * 1000 for k in committed if k in sender.sent_at)
    span = max(committed.values()) - min(sender.sent_at.values()) if committed else 0.0
    orders = len(ledger.lines(status=("reserved", "waitlist", "needs_review")))
    return {"comments": n, "rate": rate, "received": len(committed), "lost": n - len(committed),
            "duplicates": source.duplicates, "orders_in_ledger": orders,
            "p50_ms": round(percentile(lat, 0.50), 1), "p95_ms": round(percentile(lat, 0.95), 1),
            "max_ms": round(max(lat, default=0.0), 1),
            "per_second": round(len(committed) / span, 1) if span else 0.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ci", action="store_true", help="a short run: 30 s at 20/s and a burst of 2000")
    ap.add_argument("--seconds", type=float, default=600.0)
    ap.add_argument("--rate", type=float, default=20.0)
    ap.add_argument("--burst", type=int, default=10_000)
    args = ap.parse_args()
    seconds, burst = (30.0, 2000) if args.ci else (args.seconds, args.burst)
    with tempfile.TemporaryDirectory(prefix="copilot-bench-sources-") as tmp:
        steady = run(int(seconds * args.rate), args.rate, "s", Path(tmp) / "steady")
        print(f"steady {args.rate:g}/s for {seconds:g} s: p50 {steady['p50_ms']} ms, p95 {steady['p95_ms']} ms, "
              f"max {steady['max_ms']} ms, lost {steady['lost']}", flush=True)
        most = run(burst, 0, "b", Path(tmp) / "burst")
        print(f"burst of {burst}: {most['per_second']} comments/s sustained by one source, lost {most['lost']}")
    result = {"steady": {**steady, "seconds": seconds}, "burst": most, "cpus": os.cpu_count(),
              "python": platform.python_version(), "mode": "ci" if args.ci else "full"}
    record("sources", result)


if __name__ == "__main__":
    main()
