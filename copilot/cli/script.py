"""`copilot script draft|check|warmup`: tonight's run-of-show and script, and the compliance check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from copilot.cli.common import JsonOpt, KnowledgeOpt, emit_json, load_catalog, read_input, settings_for

MAX_CHECK_CHARS = 200_000


def _skus(raw: str) -> list[str]:
    return [s for s in raw.replace("，", ",").split(",") if s.strip()]


def draft_cmd(
    skus: Annotated[str, typer.Option("--skus", help="商品 sku（或链接号、商品名），逗号分隔，例如 mango,strawberry")],
    minutes: Annotated[float, typer.Option("--minutes", help="直播总时长（分钟，10-240）")] = 45,
    theme: Annotated[str, typer.Option("--theme", help="主题：源头探访、后场探秘、门店日常、晚市特惠、新品试吃")] = "门店日常",
    host: Annotated[str, typer.Option("--host", help="主播称呼，默认从门店资料里找（如 老赵）")] = "",
    out: Annotated[Path | None, typer.Option("--out", help="把提词卡（cuecards.md / cuecards.html）写到这个目录")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="同时用 chromium 生成 cuecards.pdf（需配合 --out）")] = False,
    offline: Annotated[bool, typer.Option("--offline", help="不调用大模型，只用离线模板")] = False,
    knowledge: KnowledgeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """生成今晚的直播流程和脚本（已做合规检查）。"""
    from copilot.base.llm import describe, get_chat_model
    from copilot.plan.draft import draft

    settings = settings_for(knowledge)
    catalog = load_catalog(settings)
    model = None if offline else get_chat_model(settings)
    result = draft(catalog, _skus(skus), minutes, theme, host or None, model=model)
    files = []
    if out is not None:
        from copilot.plan.cuecards import write_cards

        files = [str(p) for p in write_cards(result, out, pdf=pdf)]
    if json_out:
        emit_json({**result.to_contract(), "files": files})
        return
    label = "离线模板" if result.mode == "template" else describe(settings)
    typer.echo(f"{result.title}（{label}）\n")
    typer.echo(result.to_text())
    _print_summary(result, files)


def _print_summary(result, files: list[str]) -> None:
    from copilot.plan.compliance import summary

    typer.echo("")
    for n in result.notices:
        typer.echo(f"提示：{n}")
    typer.echo(summary(result.compliance))
    for v in result.compliance:
        typer.echo(f"  第{v.segment + 1}段第{v.line + 1}句「{v.term}」{v.category} → {v.suggestion or '删去'}")
    for f in files:
        typer.echo(f"已写出：{f}")


def _read_text(file: Path | None) -> str:
    from copilot.base.errors import InputError

    text = read_input(file, "要检查的文字", "echo 文字 | copilot script check")
    if len(text) > MAX_CHECK_CHARS:
        raise InputError(f"文字太长（{len(text)} 字），一次最多检查 {MAX_CHECK_CHARS} 字", hint="分成几段分别检查")
    return text


def check_cmd(
    file: Annotated[Path | None, typer.Argument(help="要检查的文本文件；不给则从标准输入读")] = None,
    rewrite: Annotated[bool, typer.Option("--rewrite", help="同时输出按建议改好的文字")] = False,
    knowledge: KnowledgeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """检查直播话术是否违反广告法、功效宣传、价格和平台导流规则；说的原价/划线价与商品目录对照。"""
    from copilot.plan import compliance

    text = _read_text(file)
    catalog = load_catalog(settings_for(knowledge))
    found = compliance.check(text, catalog=catalog)
    if json_out:
        obj = {"violations": [v.to_dict() for v in found]}
        if rewrite:
            obj["rewritten"] = compliance.rewrite(text, catalog=catalog)
        emit_json(obj)
        return
    typer.echo(compliance.summary(found))
    for v in found:
        typer.echo(f"  [{v.start}-{v.end}]「{v.term}」{v.category} → {v.suggestion or '删去'}　{v.advice}")
    if rewrite:
        typer.echo("\n改好的文字：\n" + compliance.rewrite(text, catalog=catalog))


def warmup_cmd(
    skus: Annotated[str, typer.Option("--skus", help="商品 sku，逗号分隔")],
    theme: Annotated[str, typer.Option("--theme", help="主题")] = "门店日常",
    host: Annotated[str, typer.Option("--host", help="主播称呼")] = "",
    knowledge: KnowledgeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """生成今晚的预热文案：群公告、一对一私信、海报一句话。"""
    from copilot.plan.draft import warmup

    catalog = load_catalog(settings_for(knowledge))
    posts = warmup(catalog, _skus(skus), theme, host or None)
    if json_out:
        emit_json(posts)
        return
    for label, key in (("群公告", "group_post"), ("一对一", "one_to_one"), ("海报", "poster_line")):
        typer.echo(f"【{label}】\n{posts[key]}\n")


def register(app: typer.Typer) -> None:
    """Add the ``script`` sub-app (draft, check, warmup) to the root app."""
    sub = typer.Typer(help="今晚直播：流程、脚本、合规检查、预热文案", no_args_is_help=True)
    sub.command("draft")(draft_cmd)
    sub.command("check")(check_cmd)
    sub.command("warmup")(warmup_cmd)
    app.add_typer(sub, name="script")
