"""Quality measurements on labelled sets: ``copilot eval [SUITE]``.

Each suite is a module here with ``run(settings, progress=None) -> dict[str, float | int]``;
``"module:function"`` names another function of that module with the same signature.
"""

from __future__ import annotations

import importlib
from pathlib import Path

EVALS_DIR = Path(__file__).resolve().parent
# The comment sets written blind for other stores (products.yaml, comments.jsonl, jielong/), oldest first. All but
# the first were held out once; each README says when it was scored and with which figures. Now they are tuned on.
BLIND_SETS = tuple(EVALS_DIR / "data" / f"intents_blind{n}" for n in ("", *range(2, 76), 78))  # 76, 77: held out

SUITES = {
    "intents": "evals.intents",
    # intents-blind … intents-blind13: one per set of BLIND_SETS (tuning)
    **{root.name.replace('_', '-'): f"evals.intents:run_blind:{root.name}" for root in BLIND_SETS},
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


def _target(name: str) -> tuple[str, str, str]:
    """``"module:function:arg"`` -> (module, function, arg): the function is ``run`` when not named; an arg (a
    set's name) is passed first."""
    module, _, rest = SUITES[name].partition(":")
    func, _, arg = rest.partition(":")
    return module, func or "run", arg


# the held-out suites and their folders (each runner reads its folder here): empty between rounds (a set scored
# twice becomes a tuning set before the next one is written blind)
HELD_OUT = {"intents-holdout": EVALS_DIR / "holdout" / "intents", "jielong-holdout": EVALS_DIR / "holdout" / "intents",
            "kb-stores-holdout": EVALS_DIR / "holdout" / "stores", "clips-holdout": EVALS_DIR / "holdout" / "streams"}


def held_out_sets(folder: Path) -> list[Path]:
    """The comment sets of a held-out folder: the folder itself when it holds one set (products.yaml at its top),
    else each subfolder that does, by name (two rounds can be held out at once, each scored before and after the
    tuning round that runs while it is held out)."""
    if (folder / "products.yaml").exists():
        return [folder]
    return sorted(d for d in folder.glob("*") if (d / "products.yaml").exists())


def empty_held_out(name: str) -> bool:
    """``name`` is a held-out suite whose folder holds no set (nothing but a README)."""
    folder = HELD_OUT.get(name)
    return folder is not None and not any(f.name != "README.md" for f in folder.glob("*"))


def available() -> list[str]:
    return [name for name in SUITES
            if (EVALS_DIR / f"{_target(name)[0].rsplit('.', 1)[1]}.py").exists()]


def run_suite(name: str, settings, progress=None) -> dict:
    if empty_held_out(name):
        from copilot.base.errors import InputError

        folder, root = HELD_OUT[name], EVALS_DIR.parent
        shown = folder.relative_to(root) if folder.is_relative_to(root) else folder
        raise InputError(f"保留集「{name}」现在是空的：上一组记完分已转为调参集",
                         hint=f"先盲写一组新的放进 {shown}（写法见 evals/data 下各组的 README）")
    module, func, arg = _target(name)
    run = getattr(importlib.import_module(module), func)
    return run(arg, settings, progress=progress) if arg else run(settings, progress=progress)
