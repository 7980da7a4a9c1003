"""Quality measurements on labelled sets: ``copilot eval [SUITE]``.

Each suite is a module here with ``run(settings, progress=None) -> dict[str, float | int]``.
"""

from __future__ import annotations

import importlib
from pathlib import Path

EVALS_DIR = Path(__file__).resolve().parent

SUITES = {
    "intents": "evals.intents",
    "kb": "evals.kb",
    "script": "evals.script",
    "compliance": "evals.compliance",
    "asr": "evals.asr",
    "clips": "evals.clips",
}


def available() -> list[str]:
    return [name for name, mod in SUITES.items()
            if (EVALS_DIR / f"{mod.rsplit('.', 1)[1]}.py").exists()]


def run_suite(name: str, settings, progress=None) -> dict:
    module = importlib.import_module(SUITES[name])
    return module.run(settings, progress=progress)
