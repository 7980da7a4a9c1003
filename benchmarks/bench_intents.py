"""Comments per second: parsing alone, and parsing + durable ingest into a fresh SQLite ledger.

    .venv/bin/python benchmarks/bench_intents.py [--n 100000]

Targets on the 2-core machine: >= 5,000/s parse, >= 2,000/s ingest. Writes benchmarks/results/intents.json.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from common import record

from copilot.base.catalog import Catalog
from copilot.base.comments import Comment
from copilot.base.settings import BUNDLED_KNOWLEDGE
from copilot.orders.ledger import Ledger
from copilot.orders.parser import IntentParser

ORDER_FORMS = ["扣1", "+1", "+2", "1", "我也要", "来一份", "来俩", "要{n}{unit}", "{link}号链接来{n}份", "{alias}{n}{unit}",
               "{alias}{n}{unit}，{alias2}{n}{unit}", "要一斤半", "x3", "给我妈也来一份"]
OTHER_FORMS = ["主播好漂亮", "666", "晚上好", "哈哈哈", "🌹🌹", "来了来了", "昨天买的{alias}很甜", "主播辛苦了",
               "{alias}多少钱一{unit}", "还有货吗", "{link}号链接甜吗", "几点取货", "不要了", "改成{n}{unit}"]


def generate(catalog: Catalog, n: int, seed: int = 7) -> list[Comment]:
    rng = random.Random(seed)
    products = catalog.products
    out = []
    for i in range(n):
        p, p2 = rng.choice(products), rng.choice(products)
        form = rng.choice(ORDER_FORMS) if rng.random() < 0.3 else rng.choice(OTHER_FORMS)
        text = form.format(n=rng.randint(1, 3), unit=p.unit, link=p.link, alias=(p.aliases or (p.name,))[0],
                           alias2=(p2.aliases or (p2.name,))[0])
        out.append(Comment(id=f"b{i:06d}", user=f"邻居{rng.randint(1, 5000)}", text=text, ts=i * 0.05,
                           current_sku=p.sku))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=100_000)
    args = ap.parse_args()
    catalog = Catalog.load(BUNDLED_KNOWLEDGE)
    # plenty of stock so the run measures ingest, not sell-outs
    big = Catalog(catalog.store, [p.__class__(**{**p.__dict__, "stock": 10**6}) for p in catalog], catalog.root)
    comments = generate(big, args.n)
    parser = IntentParser(big)

    start = time.perf_counter()
    intents = [parser(c) for c in comments]
    parse_s = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        ledger = Ledger(f"sqlite:///{Path(tmp) / 'ledger.db'}", big, "bench")
        start = time.perf_counter()
        stats = ledger.ingest((c, parser(c)) for c in comments)
        ingest_s = time.perf_counter() - start

    result = {
        "comments": args.n,
        "parse_per_s": round(args.n / parse_s),
        "parse_and_ingest_per_s": round(args.n / ingest_s),
        "orders": stats.orders, "review": stats.review, "duplicates": stats.duplicates,
        "kinds": {k: sum(1 for i in intents if i.kind.value == k) for k in ("order", "cancel", "modify", "question", "other")},
        "targets": {"parse_per_s": 5000, "parse_and_ingest_per_s": 2000},
    }
    record("intents", result)


if __name__ == "__main__":
    main()
