"""Intent parser quality on labelled live comments (evals/data/intents.jsonl).

Metrics: accuracy per gold kind, exact accuracy (kind, needs_review and — for decided comments —
the items as a multiset of (sku, qty)), and false_orders: non-orders (questions, chatter) that the
parser turned into orders. Targets: exact >= 0.97, false_orders == 0.

A cancel that names several listings (烧鸭取消 with a whole and a half duck in the catalog) is scored by what the
ledger does with it: it drops the named listings the buyer holds (``orders.handlers.cancel``). What a buyer holds is
read from the labels alone: the listings of their earlier decided orders and changes in the set, less those they
cancelled, plus the listings the cancel's label names (a pre-stream order the comment refers to). So 烧鸭取消 read
as both ducks is right when the buyer holds only the whole one, and wrong when they also ordered the half earlier.
A cancel read or labelled without listings is compared as it is.
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


def is_exact(case: dict, got: dict, held: frozenset[str] = frozenset()) -> bool:
    """``held``: the listings the buyer holds before this comment, by the labels (see :class:`Holdings`)."""
    if got["kind"] != case["kind"] or got["needs_review"] != bool(case.get("needs_review")):
        return False
    if case.get("order_note") and _squash(case["order_note"]) not in _squash(got.get("note", "")):
        return False
    if got["needs_review"]:
        return True
    if case["kind"] == "cancel" and case.get("items") and got["items"]:
        return _cancelled(got["items"], held | _skus(case["items"])) == _skus(case["items"])
    return _items(got["items"]) == _items(case.get("items", []), case.get("relative", False))


def _skus(items) -> frozenset[str]:
    return frozenset(i["sku"] for i in items if i.get("sku"))


def _cancelled(items, held: frozenset[str]) -> frozenset[str]:
    """What the ledger drops for a cancel naming ``items``: the named listings the buyer holds."""
    return _skus(items) & held


class Holdings:
    """Per buyer, the listings they hold by the labels of the comments seen so far (in the set's order)."""

    def __init__(self) -> None:
        self._held: dict[str, set[str]] = {}

    def of(self, case: dict) -> frozenset[str]:
        return frozenset(self._held.get(case.get("user", ""), ()))

    def see(self, case: dict) -> None:
        if case.get("needs_review"):
            return
        held = self._held.setdefault(case.get("user", ""), set())
        if case["kind"] in ("order", "modify"):
            held |= _skus(case.get("items", []))
        elif case["kind"] == "cancel":
            held -= _skus(case.get("items", []))


def outcomes(cases: list[dict], parser: IntentParser):
    """(case, what the parser read, exact?) for each comment, in order."""
    holdings = Holdings()
    for case in cases:
        got = parser.parse(case["text"], case.get("current_sku")).to_dict()
        yield case, got, is_exact(case, got, holdings.of(case))
        holdings.see(case)


def _squash(text: str) -> str:
    return "".join(str(text).split())


def score(cases: list[dict], parser: IntentParser) -> tuple[dict, list[dict]]:
    per_kind_total: Counter = Counter()
    per_kind_ok: Counter = Counter()
    exact = false_orders = unreviewed = 0
    misses = []
    for case, got, ok in outcomes(cases, parser):
        per_kind_total[case["kind"]] += 1
        per_kind_ok[case["kind"]] += got["kind"] == case["kind"]
        if got["kind"] == "order" and case["kind"] in ("question", "other"):
            false_orders += 1
        if case.get("needs_review") and not got["needs_review"] and got["kind"] in ("order", "modify", "cancel"):
            unreviewed += 1  # a doubtful comment booked without a person looking
        if ok:
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
