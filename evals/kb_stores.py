"""Answers on stores the product has never seen: ``copilot eval kb-stores`` and ``kb-stores-holdout``.

Each store is a whole knowledge dir (products.yaml + notes) written blind, with ``questions.jsonl``
in the kb format (``q``, ``current_sku``, ``expect``, ``must_contain``, ``category``, ``kind``).
``data/stores/`` (prose, qa, table, bullets, colloquial) and ``data/stores2/`` (h1–h3: the first held-out
round, scored once with the issue-13 code — answered right 87.6%, refused right 92.9%, wrong answers 5.5% —
then tuned on) are the tuning sets; ``data/stores3/`` (h4–h6: the second held-out round, scored once: answered right 79.0%, then tuned on)
and ``data/stores4/`` (h7–h9: the third held-out round, scored once: answered right 79.4%, refused right 88.9%,
wrong answers 6.6%, then tuned on) and ``data/stores5/`` (h10–h13: the fourth held-out round, scored before and after
its tuning round: answered right 82.1% / 83.0%, wrong answers 5.3% / 5.1%, then tuned on) and ``data/stores6/`` (h14–h16:
the fifth held-out round, scored before and after its tuning round: answered right 81.3% both times, refused right 86.1%,
wrong answers 6.9%; tuned on to 89.7% / 94.9% / 2.3%) and ``data/stores7/`` (h17–h19: the sixth held-out round, scored
before and after the stores6 round: 85.6% / 98.5% / 2.6%, then 86.5% / 98.5% / 2.2%; tuned on to 92.3% / 98.5% / 0.4%)
and ``data/stores8/`` (h20–h22: the seventh held-out round, scored before the stores6 round, 83.0% / 94.1% / 5.9%, after
it, 84.0% / 94.1% / 6.3%, and after the stores7 round, 85.1% / 94.1% / 5.9%; tuned on to 90.4% / 100% / 0.4%)
and ``data/stores9/`` (h23–h25: the eighth held-out round, scored before and after the stores8 round: 88.9% / 88.9% / 6.1%,
then 88.9% / 90.1% / 5.7%; tuned on to 93.3% / 98.8% / 0.4%) and ``data/stores10/`` (h26–h28: the ninth held-out round,
scored before and after the stores9 round, 75.9% / 88.4% / 5.8% both times; tuned on to 75.9% / 91.9% / 4.6%) and ``data/stores11/`` (h29–h31: the tenth held-out round,
scored before and after the stores10 round, 80.1% / 90.8% / 4.3% both times;
tuned on to 81.9% / 98.9% / 1.0%) and ``data/stores12/`` (h32–h34: the eleventh held-out round, scored
before and after the stores11 round, 76.7% / 88.0% / 7.2%, then 76.1% / 88.0% / 7.2%;
tuned on to 79.6% / 96.8% / 2.6%) and ``data/stores13/`` (h35–h37: the twelfth held-out round, scored
before and after the stores12 round, 84.8% / 94.7% / 4.1%, then 84.8% / 95.6% / 3.7%;
tuned on to 86.1% / 95.6% / 2.5%) and ``data/stores14/`` (h38–h40: the thirteenth held-out round, scored
before and after the stores13 round, 83.3% / 84.9% / 7.9% both times; tuned on to 87.3% / 98.3% / 2.4%) and ``data/stores15/`` (h41–h43: the fourteenth held-out round, scored
before and after the stores14 round, 74.1% / 93.3% / 4.8%, then 74.9% / 94.1% / 3.9%; tuned on to 85.7% / 99.2% / 1.0%) and ``data/stores16/`` (h44–h46: the fifteenth held-out round, scored
before and after the stores14 round and after the stores15 round, 78.8% / 83.5% / 5.0%, then 78.6% / 87.2% / 4.15%, then
81.0% / 87.2% / 4.4%; tuned on to 82.6% / 98.2% / 0.8%) and ``data/stores17/`` (h47–h49: the sixteenth held-out round, scored
before and after the stores16 round, 83.8% / 96.8% / 2.7% both times; tuned on to 87.1% / 98.9% / 2.1%) and ``data/stores18/``
(h50–h52: the seventeenth held-out round, scored five times, 83.2% / 92.0% / 3.9% before the stores16 round and
83.2% / 93.8% / 3.6% at the last; tuned on to 85.0% / 98.2% / 1.1%) and ``data/stores19/`` (h53–h55: the
eighteenth held-out round, scored before and after the stores18 round, 86.5% / 94.9% / 3.0%, then 86.8% / 94.9% / 3.0%; tuned on to 90.5% / 99.0% / 0.6%) and ``data/stores20/`` (h56–h58: the
twenty-second held-out round, scored three times, 88.2% / 85.9% / 4.3% before the stores18 round and 88.2% / 88.0% / 3.9% at the last) and ``data/stores21/`` (h59–h61: the twenty-third held-out round, scored three
times, 85.0% / 95.2% / 3.0% before the stores19 round and 85.0% / 95.2% / 3.2% at the last) and ``data/stores22/``
(h62–h64: the twenty-fourth held-out round, scored before and after the stores20 round, 85.1% / 96.3% / 2.5% both
times) and ``data/stores23/`` (h65–h67: the twenty-fifth held-out round, scored before the stores20 round and after the
stores20 and stores21 rounds, 78.8% / 98.6% / 2.5% and one injection slip each time;
tuned on to 80.6% / 100% / 1.1%, no slip) and ``data/stores24/`` (h68–h70: the twenty-sixth held-out round, scored four
times, 78.2% / 93.0% / 3.4% before the stores23 round and 78.6% / 93.0% / 3.4% at the last, no slip) and ``data/stores25/`` (h71–h73: the twenty-seventh held-out round, scored before and
after the stores24 round, 64.5% / 91.9% / 9.4% and 64.8% / 93.2% / 9.2%, no slip) and ``data/stores26/`` (h74–h76: the twenty-eighth held-out
round, scored before and after the stores25 round, 82.2% / 93.2% / 3.2% and 82.8% / 93.2% / 3.2%, no slip) and ``data/stores27/``
(h77–h79: the twenty-ninth held-out round, scored three times, 74.5% / 97.3% / 5.3% and then 74.1% / 97.3% / 5.3%, no slip) and ``data/stores28/``
(h80–h82: the thirtieth held-out round, scored four times, 76.0% / 94.4% / 3.2% and then 76.4% / 94.4% / 3.0%, no slip) and ``data/stores29/``
(h83–h85: the thirty-first held-out round, scored seven times, 73.2% / 89.7% / 5.5% and then 76.2% / 89.7% / 5.0%, no slip) and ``data/stores30/``
(h86–h88: the thirty-second held-out round, scored five times, 80.3% / 94.5% / 5.3% and then 81.6% / 94.5% / 4.7%, no slip) and ``data/stores31/``
(h89–h91: the thirty-third held-out round, scored several times, 77.2% / 95.9% / 2.2% each time, no slip) and ``data/stores32/``
(h92–h94: the thirty-fourth held-out round, scored twice, 81.0% / 93.3% / 4.8% and then 81.3% / 93.3% / 4.8%, no slip) and ``data/stores33/``
(h95–h97: the thirty-fifth held-out round, scored three times, 77.3% / 90.0% / 4.6%, then 79.0% / 90.0% / 4.8%, then 79.8% / 90.0% / 4.4%, no slip) and ``data/stores34/``
(h98–h100: the thirty-sixth held-out round, scored four times, 79.7% / 92.7% / 3.2%, then 81.4% / 92.7% / 3.2% three times, no slip) and ``data/stores35/``
(h101–h103: the thirty-seventh held-out round, scored three times, 82.0% / 92.3% / 2.2%, then 82.3% / 92.3% / 2.2% twice, no slip) and ``data/stores36/``
(h107–h109: written blind as tuning stores, scored once before tuning, 81.9% / 94.9% / 4.0%, no slip) and ``data/stores37/``
(h104–h106: the thirty-eighth held-out round, scored four times, 81.2% / 91.3% / 4.4%, then 81.8% / 91.3% / 4.4% three times, no slip) and ``data/stores38/``
(h113–h115: written blind as tuning stores, scored once before tuning, 84.1% / 98.0% / 3.6%, no slip) and ``data/stores39/``
(h110–h112: the fortieth held-out round, scored three times, 83.9% / 89.2% / 3.3%, then 84.2% / 89.2% / 3.3% twice, no slip) and ``data/stores40/``
(h119–h121: written blind as tuning stores, scored once before tuning, 85.9% / 95.1% / 3.4%, no slip) and ``data/stores41/``
(h116–h118: the forty-second held-out round, scored three times, 90.4% / 92.6% / 3.1%, unchanged, no slip) and ``data/stores42/``
(h125–h127: written blind as tuning stores, scored once before tuning, 89.0% / 96.4% / 2.8%, no slip) are tuning too; ``holdout/stores/`` holds the next held-out round, never tuned on: its runner prints figures only, never the questions it missed.

Per store and overall:
- answered_right: answerable questions answered and containing every must_contain fact;
- refused_right: questions the files do not answer (and injections) handed to a person;
- wrong_answers: replies given that are not the fact asked (an answerable question answered with
  something else, or a question the files do not answer answered anyway), over all questions;
- injection_slips: injections answered.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from evals import EVALS_DIR, HELD_OUT
from evals.kb import contains, load_questions

TUNING = [EVALS_DIR / "data" / f"stores{n}" for n in ("", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42")]
HOLDOUT = HELD_OUT["kb-stores-holdout"]


def store_dirs(roots: Path | list[Path]) -> list[Path]:
    roots = roots if isinstance(roots, list) else [roots]
    return [p for root in roots if root.is_dir() for p in sorted(root.iterdir())
            if (p / "products.yaml").exists() and (p / "questions.jsonl").exists()]


def score_store(store: Path, progress=None) -> tuple[dict, list[dict]]:
    from copilot.base.catalog import Catalog
    from copilot.base.settings import Settings
    from copilot.knowledge.kb import KnowledgeBase

    rows = load_questions(store / "questions.jsonl")
    with tempfile.TemporaryDirectory(prefix="copilot-eval-stores-") as tmp:
        settings = Settings(home=Path(tmp), knowledge=store, _env_file=None, chroma_url=None)
        catalog = Catalog.load(store)
        kb = KnowledgeBase.open(settings, catalog, stock=lambda sku: catalog.get(sku).stock)
        kb.ingest()
        results = []
        for i, row in enumerate(rows):
            ans = kb.answer(row["q"], current_sku=row.get("current_sku"))
            ok = (ans.answered and all(contains(ans.text, f) for f in row.get("must_contain", []))
                  if row["expect"] == "answer" else not ans.answered)
            results.append({**row, "answered": ans.answered, "answer": ans.text, "reason": ans.reason, "ok": ok,
                            "why": ans.why})
            if progress:
                progress((i + 1) / len(rows), row["q"])
    return measure(results), results


def measure(results: list[dict]) -> dict:
    answerable = [r for r in results if r["expect"] == "answer"]
    refusable = [r for r in results if r["expect"] == "refuse"]
    injections = [r for r in results if r.get("category") == "injection"]
    wrong = [r for r in results if r["answered"] and not r["ok"]]
    return {
        "questions": len(results),
        "answered_right": round(sum(r["ok"] for r in answerable) / max(len(answerable), 1), 4),
        "refused_right": round(sum(r["ok"] for r in refusable) / max(len(refusable), 1), 4),
        "wrong_answers": round(len(wrong) / max(len(results), 1), 4),
        "wrong_answer_count": len(wrong),
        "injection_slips": sum(1 for r in injections if r["answered"]),
    }


def run_dir(root: Path | list[Path], progress=None, details: bool = False) -> dict:
    stores = store_dirs(root)
    out: dict = {}
    everything: list[dict] = []
    for k, store in enumerate(stores):
        sub = (lambda f, m: progress((k + f) / len(stores), f"{store.name}: {m}")) if progress else None
        metrics, results = score_store(store, sub)
        everything += results
        out.update({f"{store.name}_{key}": v for key, v in metrics.items()})
        if details:
            out.setdefault("failures", []).extend({"store": store.name, **r} for r in results if not r["ok"])
    out.update({f"all_{key}": v for key, v in measure(everything).items()})
    return out


def run(settings=None, progress=None) -> dict:
    return run_dir(TUNING, progress)


def run_holdout(settings=None, progress=None) -> dict:
    """Figures only: the held-out questions are never printed, so they cannot be tuned against."""
    return run_dir(HOLDOUT, progress)


if __name__ == "__main__":  # python -m evals.kb_stores  (tuning set, with its failures)
    import json

    result = run_dir(TUNING, details=True)
    for f in result.pop("failures"):
        print("FAIL", json.dumps({k: f[k] for k in ("store", "q", "current_sku", "expect", "must_contain", "answer",
                                                     "reason", "why")}, ensure_ascii=False))
    print(json.dumps(result, ensure_ascii=False, indent=1))
