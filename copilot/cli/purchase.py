"""``copilot purchase``: the purchase list (采购单, 以销定采) per supplier."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from copilot.cli.common import JsonOpt, KnowledgeOpt, emit_json, load_catalog, settings_for

FORMATS = ("text", "xlsx")
CutoffOpt = Annotated[str | None, typer.Option(
    "--cutoff", help="截单时间，如 22:00 或 2026-11-22 22:00；“无”为不截单；默认 products.yaml 的 order_cutoff")]
OnHandOpt = Annotated[list[str] | None, typer.Option(
    "--on-hand", help="店里现有库存，商品=数量（可多次），记在这个场次上")]


def register(app: typer.Typer) -> None:
    app.command("purchase")(purchase_cmd)


def purchase_cmd(knowledge: KnowledgeOpt = None,
                 stream: Annotated[str | None, typer.Option("--stream", help="场次，默认今天的日期（或 COPILOT_STREAM）")] = None,
                 fmt: Annotated[str, typer.Option("--format", help="text（要货消息）或 xlsx（表格）")] = "text",
                 out: Annotated[Path | None, typer.Option("--out", help="xlsx 的输出目录，默认数据目录的 exports/")] = None,
                 cutoff: CutoffOpt = None, on_hand: OnHandOpt = None,
                 json_out: JsonOpt = False) -> None:
    """采购单（以销定采）：每个供货商要订多少（已订 + 候补 - 店里现有），带截单时间；输出要货消息或 xlsx。

    例：copilot purchase --stream 2026-11-22 --format xlsx --json
    """
    from copilot.base.errors import InputError
    from copilot.orders.counter import save_on_hand
    from copilot.orders.exports import export_purchase
    from copilot.orders.ledger import Ledger
    from copilot.orders.purchase import parse_on_hand, purchase_plan, supplier_message

    fmt = (fmt or "").lower()
    if fmt not in FORMATS:
        raise InputError(f"不支持的格式「{fmt}」", hint="可选 text 或 xlsx")
    settings = settings_for(knowledge)
    catalog = load_catalog(settings)
    ledger = Ledger.open(settings, catalog, stream=stream)
    if on_hand:
        save_on_hand(ledger.engine, ledger.stream, parse_on_hand(on_hand, catalog), actor="命令行")
    plan = purchase_plan(ledger, cutoff=cutoff)
    files = [str(export_purchase(plan, out or settings.exports_dir))] if fmt == "xlsx" else []
    messages = [{"supplier": o.supplier, "text": supplier_message(plan, o)} for o in plan.suppliers]
    if json_out:
        emit_json({**plan.to_dict(), "messages": messages, "files": files})
        return
    cut = f"截单 {plan.cutoff:%m-%d %H:%M}" if plan.cutoff else "不截单"
    typer.echo(f"场次 {plan.stream} 采购单（{cut}；截单后 {plan.late_lines} 笔、待确认 {plan.review_lines} 笔未计入）")
    for m in messages:
        typer.echo(f"\n== {m['supplier']} ==\n{m['text']}")
    if not messages:
        typer.echo("没有要采购的商品")
    for f in files:
        typer.echo(f)
