"""Intent parser quality on labelled live comments (evals/data/intents.jsonl).

Metrics: accuracy per gold kind, exact accuracy (kind, needs_review and — for decided comments —
the items as a multiset of (sku, qty)), and false_orders: non-orders (questions, chatter) that the
parser turned into orders. Targets: exact >= 0.97, false_orders == 0.
"""

from __future__ import annotations

import json
from collections import Counter

from copilot.base.catalog import Catalog
from copilot.orders.parser import IntentParser
from evals import BLIND_SETS, EVALS_DIR, HELD_OUT, held_out_sets

DATA = EVALS_DIR / "data" / "intents.jsonl"


def load_cases(path=DATA) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _items(items, relative_default: bool = False) -> Counter:
    return Counter((i["sku"], None if i.get("qty") is None else round(float(i["qty"]), 3),
                    bool(i.get("relative", relative_default))) for i in items)


def is_exact(case: dict, got: dict) -> bool:
    if got["kind"] != case["kind"] or got["needs_review"] != bool(case.get("needs_review")):
        return False
    if case.get("order_note") and _squash(case["order_note"]) not in _squash(got.get("note", "")):
        return False
    return got["needs_review"] or _items(got["items"]) == _items(case.get("items", []), case.get("relative", False))


def _squash(text: str) -> str:
    return "".join(str(text).split())


def score(cases: list[dict], parser: IntentParser) -> tuple[dict, list[dict]]:
    per_kind_total: Counter = Counter()
    per_kind_ok: Counter = Counter()
    exact = false_orders = unreviewed = 0
    misses = []
    for case in cases:
        got = parser.parse(case["text"], case.get("current_sku")).to_dict()
        per_kind_total[case["kind"]] += 1
        per_kind_ok[case["kind"]] += got["kind"] == case["kind"]
        if got["kind"] == "order" and case["kind"] in ("question", "other"):
            false_orders += 1
        if case.get("needs_review") and not got["needs_review"] and got["kind"] in ("order", "modify", "cancel"):
            unreviewed += 1  # a doubtful comment booked without a person looking
        if is_exact(case, got):
            exact += 1
        else:
            misses.append({"case": case, "got": got})
    metrics = {f"accuracy_{k}": round(per_kind_ok[k] / n, 4) for k, n in sorted(per_kind_total.items())}
    metrics.update({"exact": round(exact / len(cases), 4), "false_orders": false_orders,
                    "doubtful_booked": unreviewed, "n": len(cases)})
    return metrics, misses


def run(settings, progress=None) -> dict:
    catalog = Catalog.load(settings.knowledge_dir)
    metrics, _ = score(load_cases(), IntentParser(catalog))
    if progress:
        progress(1.0, "intents done")
    return metrics


HOLDOUT = HELD_OUT["intents-holdout"]  # the newest blind set, never tuned on


def run_set(root, progress=None) -> dict:
    """A blind set: its own store (products.yaml) and comments.jsonl written before looking at the parser."""
    metrics, _ = score(load_cases(root / "comments.jsonl"), IntentParser(Catalog.load(root)))
    if progress:
        progress(1.0, f"{root.name} done")
    return metrics


def run_blind(name: str, settings=None, progress=None) -> dict:
    """``copilot eval intents-blind…``: one of the blind tuning sets (``evals.BLIND_SETS``), by its folder name."""
    return run_set(EVALS_DIR / "data" / name, progress)


def run_holdout(settings=None, progress=None) -> dict:
    """``copilot eval intents-holdout``: figures only; never tune on it. Several held-out sets are reported each
    under its folder's name."""
    roots = held_out_sets(HOLDOUT)
    if len(roots) == 1:
        return run_set(roots[0], progress)
    return {f"{root.name}_{k}": v for root in roots for k, v in run_set(root, progress).items()}


def _print_misses(misses: list[dict]) -> None:
    for x in misses:
        print(json.dumps({"text": x["case"]["text"], "cur": x["case"].get("current_sku"),
                          "want": [x["case"]["kind"], x["case"].get("items"), x["case"].get("needs_review"),
                                   x["case"].get("order_note")],
                          "got": [x["got"]["kind"], x["got"]["items"], x["got"]["needs_review"], x["got"]["reason"],
                                  x["got"].get("note")]},
                         ensure_ascii=False))


if __name__ == "__main__":  # python -m evals.intents [--details]: the demo set's misses (and the blind sets')
    import sys

    from copilot.base.settings import load_settings

    m, miss = score(load_cases(), IntentParser(Catalog.load(load_settings().knowledge_dir)))
    _print_misses(miss)
    print(json.dumps(m, ensure_ascii=False))
    if "--details" in sys.argv[1:]:  # the blind tuning sets (never the held-out one)
        for root in BLIND_SETS:
            m, miss = score(load_cases(root / "comments.jsonl"), IntentParser(Catalog.load(root)))
            print(f"--- {root.name}")
            _print_misses(miss)
            print(json.dumps(m, ensure_ascii=False))
