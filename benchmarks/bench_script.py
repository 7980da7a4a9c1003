"""Drafting and compliance speed: template drafts per second, and compliance checks of a full script
(what the 今晚直播 editor runs on every keystroke).

    .venv/bin/python benchmarks/bench_script.py [--n 50]

Targets on the 2-core machine: a 45-minute draft of 5 products < 200 ms; checking a full script
(~3,000 characters) < 50 ms. Writes benchmarks/results/script.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

from common import record

from copilot.base.catalog import Catalog
from copilot.base.settings import BUNDLED_KNOWLEDGE
from copilot.plan import compliance
from copilot.plan.draft import draft


def timed(fn, n: int) -> list[float]:
    out = []
    for i in range(n):
        start = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=50)
    args = ap.parse_args()
    catalog = Catalog.load(BUNDLED_KNOWLEDGE)
    five = ["strawberry", "rice", "pork", "mango", "bass"]
    every = [p.sku for p in catalog.products]
    day = dt.date(2026, 1, 1)
    compliance.check("预热")  # load the rule packs once
    d5 = timed(lambda i: draft(catalog, five, 45, day=day + dt.timedelta(days=i)), args.n)
    d14 = timed(lambda i: draft(catalog, every, 120, day=day + dt.timedelta(days=i)), args.n)
    text = draft(catalog, five, 45, day=day).to_text()
    big = draft(catalog, every, 120, day=day).to_text()
    c5 = timed(lambda i: compliance.check(text), args.n * 4)
    c14 = timed(lambda i: compliance.check(big), args.n * 4)
    result = {
        "draft_5_products_45min_ms_median": round(statistics.median(d5), 2),
        "draft_14_products_120min_ms_median": round(statistics.median(d14), 2),
        "check_script_chars": len(text),
        "check_script_ms_median": round(statistics.median(c5), 2),
        "check_long_script_chars": len(big),
        "check_long_script_ms_median": round(statistics.median(c14), 2),
    }
    record("script", result)


if __name__ == "__main__":
    main()
