"""Compliance eval: precision and recall of ``compliance.check`` on labelled sentences.

``evals/data/compliance.jsonl``: one ``{"text", "violations": [{"term", "category"}]}`` a line, with
clean sentences and traps (第一个, 最后, 最好两天内吃完). A found violation is a true positive when a
labelled one has the same category and one term contains the other.
"""

from __future__ import annotations

import json
import logging

from evals import EVALS_DIR

log = logging.getLogger("copilot.evals.compliance")
DATA = EVALS_DIR / "data" / "compliance.jsonl"


def load(path=DATA) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _match(found, gold) -> bool:
    return found.category == gold["category"] and (gold["term"] in found.term or found.term in gold["term"])


def score(rows: list[dict], progress=None) -> tuple[dict, list[dict]]:
    from copilot.plan.compliance import check

    tp = fp = fn = 0
    clean_ok = clean = 0
    errors = []
    for i, row in enumerate(rows):
        found = check(row["text"])
        gold = list(row["violations"])
        unmatched = list(gold)
        for f in found:
            hit = next((g for g in unmatched if _match(f, g)), None)
            if hit is None:
                fp += 1
                errors.append({"text": row["text"], "false_alarm": f.term, "category": f.category})
            else:
                tp += 1
                unmatched.remove(hit)
        fn += len(unmatched)
        errors += [{"text": row["text"], "missed": g["term"], "category": g["category"]} for g in unmatched]
        if not gold:
            clean += 1
            clean_ok += not found
        if progress:
            progress((i + 1) / len(rows), row["text"])
    metrics = {"sentences": len(rows), "violations": tp + fn,
               "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
               "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
               "clean_sentences_passed": round(clean_ok / clean, 4) if clean else 1.0}
    return metrics, errors


def run(settings, progress=None) -> dict:
    metrics, errors = score(load(), progress)
    for e in errors:
        log.warning("compliance eval error: %s", e)
    return metrics
