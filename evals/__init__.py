"""Quality measurements on labelled sets: ``copilot eval [SUITE]``.

Each suite is a module here with ``run(settings, progress=None) -> dict[str, float | int]``;
``"module:function"`` names another function of that module with the same signature.
"""

from __future__ import annotations

import importlib
from pathlib import Path

EVALS_DIR = Path(__file__).resolve().parent

SUITES = {
    "intents": "evals.intents",
    "intents-blind": "evals.intents:run_blind",  # a blind set of another store (tuning)
    "intents-blind2": "evals.intents:run_blind2",  # the first held-out set, now tuning
    "intents-blind3": "evals.intents:run_blind3",  # the second held-out set, now tuning
    "intents-blind4": "evals.intents:run_blind4",  # the third held-out set, now tuning
    "intents-blind5": "evals.intents:run_blind5",  # the fourth held-out set, now tuning
    "intents-blind6": "evals.intents:run_blind6",  # the fifth held-out set, now tuning
    "intents-blind7": "evals.intents:run_blind7",  # the sixth held-out set, now tuning
    "intents-blind8": "evals.intents:run_blind8",  # the seventh held-out set, now tuning
    "intents-blind9": "evals.intents:run_blind9",  # the eighth held-out set, now tuning
    "intents-blind10": "evals.intents:run_blind10",  # the ninth held-out set, now tuning
    "intents-blind11": "evals.intents:run_blind11",  # the tenth held-out set, now tuning
    "intents-blind12": "evals.intents:run_blind12",  # the eleventh held-out set, now tuning
    "intents-blind13": "evals.intents:run_blind13",  # the twelfth held-out set, now tuning
    "intents-holdout": "evals.intents:run_holdout",  # a blind set never tuned on
    "jielong": "evals.jielong",  # 接龙 chains of the blind store, paste after paste (tuning)
    "jielong-holdout": "evals.jielong:run_holdout",  # chains never tuned on: figures only
    "kb": "evals.kb",
    "kb-holdout": "evals.kb:run_holdout",  # held-out questions, never used for tuning
    "kb-stores": "evals.kb_stores",  # five blind stores, one notes layout each (tuning)
    "kb-stores-holdout": "evals.kb_stores:run_holdout",  # three blind stores, never tuned on
    "script": "evals.script",
    "compliance": "evals.compliance",
    "asr": "evals.asr",
    "clips": "evals.clips",  # the sample stream and the tuning streams (data/streams)
    "clips-holdout": "evals.clips:run_holdout",  # held-out streams, never tuned on: figures only
}


def _target(name: str) -> tuple[str, str]:
    module, _, func = SUITES[name].partition(":")
    return module, func or "run"


def available() -> list[str]:
    return [name for name in SUITES
            if (EVALS_DIR / f"{_target(name)[0].rsplit('.', 1)[1]}.py").exists()]


def run_suite(name: str, settings, progress=None) -> dict:
    module, func = _target(name)
    return getattr(importlib.import_module(module), func)(settings, progress=progress)
