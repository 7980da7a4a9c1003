"""``copilot eval [SUITE]``: run the labelled evaluation suites and print their metrics."""

from __future__ import annotations

from typing import Annotated

import typer

from copilot.cli.common import JsonOpt, KnowledgeOpt, emit_json, settings_for


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_cmd)


def eval_cmd(suite: Annotated[str | None, typer.Argument(help="intents / kb / kb-holdout / script / compliance / asr / clips；省略则全部运行")] = None,
             knowledge: KnowledgeOpt = None, json_out: JsonOpt = False) -> None:
    """运行评测集并打印指标（准确率、拒答、编造、违规、CER、IoU 等）。"""
    import evals
    from copilot.base.errors import InputError

    names = evals.available()
    if suite is not None and suite not in names:
        raise InputError(f"没有评测集「{suite}」", hint=f"可用：{', '.join(names)}")
    settings = settings_for(knowledge)
    results = {}
    for name in [suite] if suite else [n for n in names if not evals.empty_held_out(n)]:
        if not json_out:
            typer.echo(f"== {name}", err=True)
        results[name] = evals.run_suite(name, settings)
        if not json_out:
            for key, value in results[name].items():
                typer.echo(f"{name}.{key}\t{value}")
    if json_out:
        emit_json(results)
