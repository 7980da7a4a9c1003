"""Script eval: drafts over several product sets and themes, measured against the catalog.

Metrics: coverage (every chosen product has a segment with lines), price_correct (every product
segment states its catalog price and no other price), violations (compliance hits in drafts),
numbers_traceable (every number in a draft is in the catalog, notes or store facts), sourced_lines
(lines stating a number carry a source), minutes_exact (segment minutes add up to the request).
Uses the configured LLM when there is one, otherwise the offline templates.
"""

from __future__ import annotations

import datetime as dt
import logging

log = logging.getLogger("copilot.evals.script")
MINUTES = (30, 45, 90)


def product_sets(catalog) -> dict[str, list[str]]:
    skus = [p.sku for p in catalog.products]
    fruit = [p.sku for p in catalog.products if p.category == "水果"][:3] or skus[:3]
    low = [p.sku for p in catalog.products if p.stock <= 15]
    if len(low) < 2:
        low = (low + [s for s in skus if s not in low])[:2]
    mixed = skus[::max(1, len(skus) // 5)][:5]
    return {"fruit3": fruit, "mixed5": mixed, "all": skus, "low_stock": low}


def measure(d, catalog, kn, pool, skus, minutes) -> dict:
    from copilot.plan.model import numbers_in, prices_in

    segs = {s.sku: s for s in d.segments if s.kind == "product" and s.lines}
    covered = sum(1 for s in skus if s in segs)
    price_ok = 0
    for sku, seg in segs.items():
        p = catalog.require(sku)
        stated = set().union(*(prices_in(ln.text) for ln in seg.lines))
        price_ok += p.price in stated and stated <= kn.prices_for(p)
    nums = [(n, ln) for s in d.segments for ln in s.lines for n in numbers_in(ln.text)]
    factual = [ln for s in d.segments for ln in s.lines if numbers_in(ln.text)]
    return {"products": len(skus), "covered": covered, "price_ok": price_ok, "segments": len(segs),
            "violations": len(d.compliance), "numbers": len(nums),
            "traceable": sum(1 for n, _ in nums if n in pool),
            "factual_lines": len(factual), "sourced": sum(1 for ln in factual if ln.source),
            "minutes_ok": abs(sum(s.minutes for s in d.segments) - minutes) < 1e-9,
            "llm": d.mode == "llm"}


def run(settings, progress=None) -> dict:
    from copilot.base.catalog import Catalog
    from copilot.base.llm import get_chat_model
    from copilot.plan.draft import draft
    from copilot.plan.model import THEMES, Knowledge

    catalog = Catalog.load(settings.knowledge_dir)
    kn = Knowledge.load(catalog)
    pool = kn.number_pool()
    model = get_chat_model(settings)
    cases = [(name, skus, theme, m) for name, skus in product_sets(catalog).items()
             for theme in THEMES for m in MINUTES]
    totals: dict[str, float] = {}
    for i, (name, skus, theme, m) in enumerate(cases):
        d = draft(catalog, skus, m, theme, model=model, day=dt.date(2026, 1, 1) + dt.timedelta(days=i))
        for k, v in measure(d, catalog, kn, pool, skus, m).items():
            totals[k] = totals.get(k, 0) + v
        if progress:
            progress((i + 1) / len(cases), f"{name} {theme} {m}")
    return {"drafts": len(cases),
            "coverage": round(totals["covered"] / totals["products"], 4),
            "price_correct": round(totals["price_ok"] / max(1, totals["segments"]), 4),
            "violations": int(totals["violations"]),
            "numbers_traceable": round(totals["traceable"] / max(1, totals["numbers"]), 4),
            "sourced_lines": round(totals["sourced"] / max(1, totals["factual_lines"]), 4),
            "minutes_exact": round(totals["minutes_ok"] / len(cases), 4),
            "llm_drafts": int(totals["llm"])}
