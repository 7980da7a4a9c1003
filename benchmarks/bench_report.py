"""复盘 and buyers speed on generated data booked through the real ledger (SQLite file):

- the 复盘 of one 场次 with 5,000 orders (plus chatter, cancels, switches and questions): the report's
  numbers, its charts, and the HTML + xlsx export, each timed;
- the buyers view for a month (20 场次, 300 buyers, 5,000 orders): every buyer's history and tier, and
  the repeat share per stream.

Targets on the 2-core machine: the 复盘 of one 场次 (numbers and charts) <= 2 s; the buyers view <= 2 s.

    .venv/bin/python benchmarks/bench_report.py [--runs 5]

Writes benchmarks/results/report.json.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from common import median_seconds, record
from month import evening, make_month

from copilot.base.catalog import Catalog
from copilot.base.settings import BUNDLED_KNOWLEDGE
from copilot.report.buyers import buyers_history, repeat_by_stream
from copilot.report.charts import report_charts
from copilot.report.export import write_report
from copilot.report.review import build_report

TARGET_S = 2.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    catalog = Catalog.load(BUNDLED_KNOWLEDGE)
    tmp = Path(tempfile.mkdtemp(prefix="bench-report-"))
    url = f"sqlite:///{tmp / 'ledger.db'}"
    people = [(f"u{i}", f"邻居{i}") for i in range(600)]
    big = "2026-12-01"
    evening(url, catalog, big, datetime(2026, 12, 1, 11, tzinfo=timezone.utc), random.Random(3), people, 5000, 120)
    report_s, rep = median_seconds(lambda: build_report(url, catalog, big), args.runs)
    charts_s, _ = median_seconds(lambda: report_charts(rep, repeat_by_stream(url)), args.runs)
    export_s, _ = median_seconds(lambda: write_report(rep, tmp / "out", repeat_by_stream(url)), args.runs)

    month_url = f"sqlite:///{tmp / 'month.db'}"
    make_month(month_url, catalog, streams=20, buyers=300, orders=5000)
    buyers_s, people_seen = median_seconds(lambda: buyers_history(month_url), args.runs)
    repeat_s, _ = median_seconds(lambda: repeat_by_stream(month_url), args.runs)
    result = {
        "stream_order_comments": 5000,
        "stream_order_lines": sum(p.orders + p.waitlist + p.cancelled for p in rep.products) + rep.review,
        "report_numbers_s_median": round(report_s, 3),
        "report_charts_s_median": round(charts_s, 3),
        "report_numbers_and_charts_s": round(report_s + charts_s, 3),
        "report_export_html_xlsx_s_median": round(export_s, 3),
        "month_buyers": len(people_seen),
        "buyers_view_s_median": round(buyers_s + repeat_s, 3),
        "target_s": TARGET_S,
    }
    record("report", result)


if __name__ == "__main__":
    main()
