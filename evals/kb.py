"""Knowledge-base answers on labelled questions over the demo store: ``copilot eval kb`` and
``copilot eval kb-holdout``.

Each line of ``data/kb_questions.jsonl``: ``{"q", "current_sku"?, "expect": "answer"|"refuse",
"must_contain": [...], "category"}``; an item of ``must_contain`` may list alternatives as ``A|B``.
``kb_questions.jsonl`` (289) is the tuning set: the KB's rules and thresholds (``--calibrate``) were
chosen on it. It grew in rounds: 123 written with the KB, then three held-out sets (50, 60, 60), each
written blind from the knowledge files alone as viewers type in a comment stream, scored once, and
only then looked at and tuned on, which is why they are in here now.
``data/kb_holdout.jsonl`` (78, same format) is the fourth such set, scored once with the shipped code
and never tuned on: 62.3% of the answerable answered correctly (33.9% before the colloquial-question
work), 96% of the rest refused, 0 fabrications. Never calibrate on it or tune against it, or it stops
being a held-out measurement; write a new one instead.

Metrics
- answer_accuracy: answerable questions answered AND containing every must_contain fact
- refusal_accuracy: unanswerable, off-topic and injection questions not answered
- fabrications: answers stating a number or place that their sources do not contain
The KB is built in a temporary data dir from the bundled demo knowledge with the real embedder.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "kb_questions.jsonl"
HOLDOUT = Path(__file__).resolve().parent / "data" / "kb_holdout.jsonl"


def load_questions(path: Path = DATA) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for i, row in enumerate(rows, 1):
        if row.get("expect") not in ("answer", "refuse") or not row.get("q"):
            raise ValueError(f"{path.name} line {i}: needs q and expect answer/refuse")
    return rows


def build_kb(home: Path, embedder=None):
    from copilot.base.catalog import Catalog
    from copilot.base.settings import BUNDLED_KNOWLEDGE, Settings
    from copilot.knowledge.kb import KnowledgeBase

    settings = Settings(home=home, knowledge=BUNDLED_KNOWLEDGE, _env_file=None, chroma_url=None)
    return KnowledgeBase.open(settings, Catalog.load(BUNDLED_KNOWLEDGE), embedder=embedder)


def contains(text: str, fact: str) -> bool:
    norm = text.replace(" ", "")
    return any(alt.replace(" ", "") in norm for alt in fact.split("|"))


def fabricated(answer, names=()) -> list[str]:
    """Numbers and places the reply states that its sources do not (product names are no claims)."""
    from copilot.knowledge.claims import unsupported_claims

    body = answer.text.split(" ", 1)[1] if answer.text.startswith("@") else answer.text
    return unsupported_claims(body, "\n".join(s.text for s in answer.sources), names=names)


def score(kb, rows: list[dict], progress=None) -> tuple[dict, list[dict]]:
    results, latencies = [], []
    names = [n for p in kb.catalog.products for n in p.names]
    for i, row in enumerate(rows):
        start = time.perf_counter()
        ans = kb.answer(row["q"], current_sku=row.get("current_sku"))
        latencies.append((time.perf_counter() - start) * 1000)
        ok = (ans.answered and all(contains(ans.text, f) for f in row.get("must_contain", []))
              if row["expect"] == "answer" else not ans.answered)
        results.append({**row, "answered": ans.answered, "answer": ans.text, "mode": ans.mode,
                        "reason": ans.reason, "ok": ok, "fabricated": fabricated(ans, names) if ans.answered else []})
        if progress:
            progress((i + 1) / len(rows), row["q"])
    answerable = [r for r in results if r["expect"] == "answer"]
    refusable = [r for r in results if r["expect"] == "refuse"]
    metrics = {
        "questions": len(results),
        "answer_accuracy": round(sum(r["ok"] for r in answerable) / max(len(answerable), 1), 4),
        "refusal_accuracy": round(sum(r["ok"] for r in refusable) / max(len(refusable), 1), 4),
        "fabrications": sum(1 for r in results if r["fabricated"]),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else 0.0,
    }
    for cat in sorted({r.get("category", "") for r in results}):
        sub = [r for r in results if r.get("category", "") == cat]
        metrics[f"acc_{cat}"] = round(sum(r["ok"] for r in sub) / len(sub), 4)
    return metrics, results


def calibrate(kb, rows: list[dict], coverages=(0.4, 0.5, 0.6, 0.7, 0.8, 1.0),
              denses=(0.70, 0.75, 0.80, 0.82, 0.84, 0.86)) -> list[dict]:
    """Answer/refusal accuracy over a grid of the two refusal thresholds (for choosing them)."""
    table = []
    for cov in coverages:
        for dense in denses:
            kb.min_coverage, kb.min_dense = cov, dense
            m, _ = score(kb, rows)
            table.append({"min_coverage": cov, "min_dense": dense, **{k: m[k] for k in
                          ("answer_accuracy", "refusal_accuracy", "fabrications")}})
    return table


def run(settings=None, progress=None, details: bool = False, path: Path = DATA) -> dict:
    """Metrics on the labelled questions in ``path``, with the KB's shipped thresholds."""
    rows = load_questions(path)
    with tempfile.TemporaryDirectory(prefix="copilot-eval-kb-") as tmp:
        kb = build_kb(Path(tmp))
        kb.ingest(progress=(lambda f, m: progress(0.5 * f, m)) if progress else None)
        metrics, results = score(kb, rows, progress=(lambda f, m: progress(0.5 + 0.5 * f, m)) if progress else None)
    if details:
        metrics["failures"] = [r for r in results if not r["ok"] or r["fabricated"]]
    return metrics


def run_holdout(settings=None, progress=None, details: bool = False) -> dict:
    """``copilot eval kb-holdout``: the same metrics on the held-out questions (no calibration)."""
    return run(settings, progress=progress, details=details, path=HOLDOUT)


if __name__ == "__main__":  # python -m evals.kb [--calibrate | --holdout]
    import sys

    if "--calibrate" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            kb = build_kb(Path(tmp))
            kb.ingest()
            for line in calibrate(kb, load_questions()):
                print(json.dumps(line))
    else:
        out = run(details=True, path=HOLDOUT if "--holdout" in sys.argv else DATA)
        for f in out.pop("failures"):
            print("FAIL", json.dumps({k: f[k] for k in ("q", "expect", "must_contain", "answer", "reason",
                                                         "fabricated")}, ensure_ascii=False))
        print(json.dumps(out, ensure_ascii=False, indent=1))
