"""The day after, at the counter: how long the pickup desk, payments and the purchase list take on a
big 场次 (300 buyers, 5,000 orders plus cancels and changes, in a fresh SQLite file).

Measures, each the median of a few runs:
- the buyers of the 场次 (what the 取货台 and the payment panels load: lines, pickup numbers, contacts);
- a search at the counter (by 手机尾号), and one whole-order pickup followed by its undo;
- a bulk-paid preview of every unpaid buyer;
- the purchase list, and the xlsx of the ledger (with the 取货单) and of the purchase list.
Target: every step a person waits for at the counter <= 1 s on a 2-core machine.

    .venv/bin/python benchmarks/bench_counter.py [--buyers 300] [--orders 5000] [--url URL]

Prints the numbers and writes benchmarks/results/counter.json.
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path

import yaml
from common import median_seconds, record
from counter_data import generated_pairs

from copilot.base.catalog import Catalog
from copilot.base.settings import BUNDLED_KNOWLEDGE
from copilot.orders.buyers import stream_buyers
from copilot.orders.exports import export_ledger, export_purchase
from copilot.orders.ledger import Ledger
from copilot.orders.payments import parse_payments, preview_payments, unpaid
from copilot.orders.pickup import PickupDesk
from copilot.orders.purchase import purchase_plan

TARGET_S = 1.0


def timed(fn, runs: int = 5) -> float:
    return median_seconds(fn, runs)[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--buyers", type=int, default=300)
    ap.add_argument("--orders", type=int, default=5000)
    ap.add_argument("--url", help="a ledger database URL (default: a fresh SQLite file)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-counter-"))
    data = yaml.safe_load((BUNDLED_KNOWLEDGE / "products.yaml").read_text(encoding="utf-8"))
    for p in data["products"]:  # enough stock that most orders are reserved, as on a good evening
        p["stock"], _ = p["stock"] * 25, p.pop("notes", None)
    catalog = Catalog.from_dict(data)
    ledger = Ledger(args.url or f"sqlite:///{tmp / 'ledger.db'}", catalog, "2026-11-22")
    pairs, _ = generated_pairs(catalog, buyers=args.buyers, orders=args.orders)
    t = time.perf_counter()
    ledger.ingest(pairs)
    ingest_s = time.perf_counter() - t
    desk = PickupDesk(ledger)
    buyers = desk.buyers()  # first call: numbers handed out, contacts read
    phone = next(b.phone_tail for b in buyers if b.phone_tail and b.to_pick)
    key = desk.find(phone)[0].key
    listed = "\n".join(f"{b.pickup_no}号 {b.due}" for b in unpaid(buyers))

    def pickup_and_undo():
        desk.undo(desk.done(key, actor="bench").action_id)

    results = {
        "buyers_s": timed(lambda: stream_buyers(ledger)),
        "find_s": timed(lambda: desk.find(phone)),
        "pickup_and_undo_s": timed(pickup_and_undo),
        "paid_preview_s": timed(lambda: preview_payments(ledger, parse_payments(listed)), runs=3),
        "purchase_s": timed(lambda: purchase_plan(ledger, cutoff="无")),
        "export_ledger_xlsx_s": timed(lambda: export_ledger(ledger, tmp / "out", "xlsx"), runs=3),
        "export_purchase_xlsx_s": timed(lambda: export_purchase(purchase_plan(ledger, cutoff="无"), tmp / "out"), runs=3),
    }
    counter_steps = ("buyers_s", "find_s", "pickup_and_undo_s", "purchase_s")
    out = {"buyers": len(buyers), "lines": len(ledger.lines()), "comments": len(pairs), "ingest_s": round(ingest_s, 2),
           **{k: round(v, 3) for k, v in results.items()}, "target_s": TARGET_S,
           "ok": all(results[k] <= TARGET_S for k in counter_steps),
           "backend": ledger.engine.dialect.name, "machine": f"{platform.machine()} {platform.processor() or ''}".strip()}
    record("counter", out)


if __name__ == "__main__":
    main()
