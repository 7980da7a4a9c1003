"""`copilot kb ingest` and `copilot ask`: build the knowledge base, answer questions from it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from copilot.cli.common import JsonOpt, KnowledgeOpt, emit_json, load_catalog, read_input, settings_for

kb_app = typer.Typer(help="知识库：导入商品资料、常见问题，供直播间回答提问。", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(kb_app, name="kb")
    app.command("ask")(ask_cmd)


def _open_kb(knowledge: Path | None):
    from copilot.knowledge.kb import KnowledgeBase

    settings = settings_for(knowledge)
    return settings, KnowledgeBase.open(settings, load_catalog(settings))


def _progress(enabled: bool):
    if not enabled:
        return None
    last = {"pct": -1}

    def report(fraction: float, message: str) -> None:
        pct = int(fraction * 100)
        if pct != last["pct"]:
            last["pct"] = pct
            typer.echo(f"\r[{pct:3d}%] {message[:60]:<60}", nl=False, err=True)
            if fraction >= 1.0:
                typer.echo("", err=True)
    return report


@kb_app.command("ingest")
def ingest_cmd(knowledge: KnowledgeOpt = None, json_out: JsonOpt = False) -> None:
    """（重新）导入知识库：商品目录、门店信息、notes 和其他 .md 文件；只重新处理改过的文件。"""
    _settings, kb = _open_kb(knowledge)
    stats = kb.ingest(progress=_progress(not json_out))
    if json_out:
        emit_json(stats)
        return
    typer.echo(f"知识库已更新：{stats['products']} 个商品，共 {stats['chunks']} 段资料"
               f"（新增 {stats['added']}，删除 {stats['removed']}，未变 {stats['unchanged']}）")


def ask_cmd(
    question: Annotated[str | None, typer.Argument(help="要回答的问题，例如 “芒果甜不甜”")] = None,
    batch: Annotated[Path | None, typer.Option("--batch", help="问题文件，每行一个问题（- 表示标准输入）")] = None,
    current: Annotated[str | None, typer.Option("--current", help="正在讲的商品 sku（“这个”指它）")] = None,
    user: Annotated[str | None, typer.Option("--user", help="提问的观众昵称，回复前加 @昵称")] = None,
    offline: Annotated[bool, typer.Option("--offline", help="不调用大模型，只用知识库原句回答")] = False,
    knowledge: KnowledgeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """回答观众的问题：知识库里的原句（或大模型改写）、实时库存和价格，附来源；查不到就转人工。"""
    from copilot.base.errors import InputError
    from copilot.base.llm import get_chat_model

    if (question is None) == (batch is None):
        raise InputError("请给一个问题，或者用 --batch 给问题文件（二选一）",
                         hint="例如：copilot ask \"芒果甜不甜\"，或 copilot ask --batch questions.txt")
    settings, kb = _open_kb(knowledge)
    if current and kb.catalog.get(current) is None:
        kb.catalog.require(current)  # raises with the list of skus
    llm = None if offline else get_chat_model(settings)
    questions = [question] if question is not None else _read_batch(batch)
    kb.ensure_ready(progress=_progress(not json_out))
    for q in questions:
        result = _answer_one(kb, q, current, user, llm, strict=batch is None)
        if json_out:
            emit_json(result)
        else:
            _print_answer(q, result, many=batch is not None)


def _read_batch(path: Path) -> list[str]:
    from copilot.base.errors import InputError

    text = read_input(path, "问题", "cat 问题.txt | copilot ask --batch -")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise InputError(f"问题文件 {path} 是空的", hint="每行写一个问题")
    return lines


def _answer_one(kb, q: str, current, user, llm, strict: bool) -> dict:
    from copilot.base.errors import InputError

    try:
        return kb.answer(q, current_sku=current, user=user, llm=llm).to_dict()
    except InputError as exc:
        if strict:
            raise
        # one bad line of a batch must not stop the others: it gets its own refused line
        return {"answered": False, "answer": "", "sources": [], "mode": "refused", "reason": "invalid",
                "error": exc.message}


def _print_answer(q: str, result: dict, many: bool) -> None:
    if many:
        typer.echo(f"问：{q}")
    mode = {"extractive": "知识库原句（离线）", "llm": "大模型改写", "catalog": "商品目录/实时库存",
            "refused": "未回答"}.get(result.get("mode", ""), result.get("mode", ""))
    if result["answered"]:
        typer.echo(f"答：{result['answer']}　[{mode}]")
        if result.get("why"):
            typer.echo(f"  为什么：{result['why']}")
    else:
        why = {"not_in_kb": "知识库里没有，已转给助理", "injection": "评论里有指令，不照做，转给助理",
               "off_topic": "与店铺无关，不回答", "no_product": "没说是哪个商品", "invalid": result.get("error", "")}
        typer.echo(f"未回答（{why.get(result.get('reason', ''), result.get('reason', ''))}）"
                   + (f"：{result['answer']}" if result["answer"] else ""))
    for s in result["sources"][:3]:
        typer.echo(f"  来源：{s['file']}{' · ' + s['section'] if s.get('section') else ''}：{s['text']}")
    if many:
        typer.echo("")
