"""接龙 chains applied to a fresh ledger, paste after paste (the ``jielong/*.json`` of each blind set).

Each case is a list of pastes of one chain as it grew and changed in the group, and for every paste
the expected state: each member's total per product (reserved, waiting or paid) and the members
whose lines wait for a person. Metrics: pastes whose state is exactly right, cases right from the
first paste to the last, quantities booked that no member asked for (false_orders), and whether
pasting the last chain once more changes anything (repeat_changes, must be 0).
"""

from __future__ import annotations

import json
import string
import tempfile
from pathlib import Path

from copilot.base.catalog import Catalog
from copilot.base.db import dispose_engine
from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.ledger import Ledger
from copilot.orders.parser import IntentParser
from copilot.orders.schema import REVIEW
from evals import BLIND_SETS, HELD_OUT, held_out_sets

HOLDOUT = HELD_OUT["jielong-holdout"]


def load_cases(root: Path) -> list[dict]:
    return [{"name": p.stem, **json.loads(p.read_text(encoding="utf-8"))} for p in sorted((root / "jielong").glob("*.json"))]


def state(ledger) -> dict:
    orders = {m: {s: round(q, 3) for s, q in skus.items() if q} for m, skus in chain_state(ledger).items()}
    review = sorted({ln.buyer for ln in ledger.lines(status=REVIEW)})
    return {"orders": {m: s for m, s in orders.items() if s}, "review": review}


def _norm(expected: dict) -> dict:
    orders = {m: {s: round(float(q), 3) for s, q in skus.items()} for m, skus in expected.get("orders", {}).items()}
    return {"orders": {m: s for m, s in orders.items() if s}, "review": sorted(expected.get("review", []))}


def _false(got: dict, want: dict) -> float:
    """Quantity booked beyond what the members asked for."""
    extra = 0.0
    for member, skus in got["orders"].items():
        for sku, qty in skus.items():
            extra += max(0.0, qty - want["orders"].get(member, {}).get(sku, 0.0))
    return extra


def run_case(case: dict, catalog: Catalog, workdir: Path) -> tuple[list[bool], float, int, list[dict]]:
    url = f"sqlite:///{workdir / (case['name'] + '.db')}"
    ledger = Ledger(url, catalog, "eval")
    parser = IntentParser(catalog)
    ok, false_qty, misses = [], 0.0, []
    try:
        for n, (paste, expected) in enumerate(zip(case["pastes"], case["expected"]), start=1):
            apply_chain(ledger, paste, parser.parse)
            got, want = state(ledger), _norm(expected)
            ok.append(got == want)
            false_qty += _false(got, want)
            if got != want:
                misses.append({"case": case["name"], "paste": n, "got": got, "want": want})
        before = ledger.lines()
        again = apply_chain(ledger, case["pastes"][-1], parser.parse)
        changes = again.added + again.changed + again.cancelled + int(ledger.lines() != before)
    finally:
        dispose_engine(url)
    return ok, false_qty, changes, misses


def score(root: Path) -> tuple[dict, list[dict]]:
    catalog = Catalog.load(root)
    cases = load_cases(root)
    pastes = cases_ok = repeats = 0
    pastes_ok, false_qty, misses = 0, 0.0, []
    with tempfile.TemporaryDirectory(prefix="copilot-eval-jielong-") as tmp:
        for case in cases:
            ok, extra, changes, miss = run_case(case, catalog, Path(tmp))
            pastes += len(ok)
            pastes_ok += sum(ok)
            cases_ok += all(ok)
            false_qty += extra
            repeats += changes
            misses += miss
    metrics = {"pastes_exact": round(pastes_ok / max(1, pastes), 4), "cases_exact": round(cases_ok / max(1, len(cases)), 4),
               "false_orders_qty": round(false_qty, 3), "repeat_changes": repeats, "cases": len(cases), "pastes": pastes}
    return metrics, misses


def set_label(i: int) -> str:
    """a, b, … z, then aa, ab …: the sets in the order they were written (the 27th set is not dropped)."""
    letters = string.ascii_lowercase
    return letters[i] if i < len(letters) else set_label(i // len(letters) - 1) + letters[i % len(letters)]


def run(settings=None, progress=None) -> dict:
    """``copilot eval jielong``: the chains of every blind tuning set."""
    out = {}
    for i, root in enumerate(BLIND_SETS):
        metrics, _ = score(root)
        name = set_label(i)
        out.update({f"{name}_{k}": v for k, v in metrics.items()})
    if progress:
        progress(1.0, "jielong done")
    return out


def run_holdout(settings=None, progress=None) -> dict:
    """``copilot eval jielong-holdout``: figures only; never tune on it. Several held-out sets are reported each
    under its folder's name."""
    roots = held_out_sets(HOLDOUT)
    if len(roots) == 1:
        metrics, _ = score(roots[0])
    else:
        metrics = {f"{root.name}_{k}": v for root in roots for k, v in score(root)[0].items()}
    if progress:
        progress(1.0, "jielong-holdout done")
    return metrics


if __name__ == "__main__":  # python -m evals.jielong: the tuning sets' misses too
    for root in BLIND_SETS:
        m, miss = score(root)
        for x in miss:
            print(json.dumps(x, ensure_ascii=False))
        print(root.name, json.dumps(m, ensure_ascii=False))
