"""Every outcome of the tuning sets in one file, and what changed between two such files.

``python -m evals.snapshot save OUT.json [--only comments|kb]`` records, for each tuning comment set, whether each
comment is exact and what the parser read; for each 接龙 case, which pastes were right; for each tuning store, whether
each question was right and what was replied. ``python -m evals.snapshot compare OLD.json NEW.json`` lists what a change
fixed and what it broke (a change is merged with nothing broken). Held-out sets are never read here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _comments() -> dict:
    from copilot.base.catalog import Catalog
    from copilot.orders.parser import IntentParser
    from evals import BLIND_SETS
    from evals.intents import load_cases, outcomes
    from evals.jielong import score as score_chains

    out: dict = {}
    for root in BLIND_SETS:
        parser = IntentParser(Catalog.load(root))
        for n, (case, got, ok) in enumerate(outcomes(load_cases(root / "comments.jsonl"), parser)):
            read = [got["kind"], got["needs_review"], sorted((i["sku"], i.get("qty")) for i in got["items"])]
            out[f"{root.name}#{n} {case['text']}"] = {"ok": ok, "got": read}
        if (root / "jielong").is_dir():
            _, misses = score_chains(root)
            wrong = {(m["case"], m["paste"]) for m in misses}
            for p in sorted((root / "jielong").glob("*.json")):
                pastes = len(json.loads(p.read_text(encoding="utf-8"))["pastes"])
                for k in range(1, pastes + 1):
                    out[f"{root.name}/jielong/{p.stem}@{k}"] = {"ok": (p.stem, k) not in wrong, "got": None}
    return out


def _kb() -> dict:
    from evals.kb_stores import TUNING, score_store, store_dirs

    out: dict = {}
    for store in store_dirs(TUNING):
        _, results = score_store(store)
        for n, r in enumerate(results):
            out[f"{store.parent.name}/{store.name}#{n} {r['q']}"] = {"ok": r["ok"], "got": r["answer"] if r["answered"] else None}
    return out


def save(path: Path, only: str | None = None) -> None:
    data = {}
    if only in (None, "comments"):
        data.update(_comments())
    if only in (None, "kb"):
        data.update(_kb())
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{sum(v['ok'] for v in data.values())}/{len(data)} right -> {path}")


def compare(old: Path, new: Path) -> int:
    a = json.loads(old.read_text(encoding="utf-8"))
    b = json.loads(new.read_text(encoding="utf-8"))
    broke = [k for k in b if k in a and a[k]["ok"] and not b[k]["ok"]]
    fixed = [k for k in b if k in a and not a[k]["ok"] and b[k]["ok"]]
    moved = [k for k in b if k in a and not a[k]["ok"] and not b[k]["ok"] and a[k]["got"] != b[k]["got"]]
    for label, keys in (("BROKE", broke), ("FIXED", fixed), ("STILL WRONG, READ DIFFERENTLY", moved)):
        for k in keys:
            print(label, k, json.dumps(a[k]["got"], ensure_ascii=False), "->", json.dumps(b[k]["got"], ensure_ascii=False))
    print(f"fixed {len(fixed)}, broke {len(broke)}, still wrong but changed {len(moved)}; "
          f"right {sum(v['ok'] for v in a.values())} -> {sum(v['ok'] for v in b.values())}")
    return 1 if broke else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["save"] and len(args) in (2, 4):
        save(Path(args[1]), args[3] if len(args) == 4 and args[2] == "--only" else None)
    elif args[:1] == ["compare"] and len(args) == 3:
        sys.exit(compare(Path(args[1]), Path(args[2])))
    else:
        sys.exit(__doc__)
