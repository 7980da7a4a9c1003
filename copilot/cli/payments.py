"""``copilot payments``: per-buyer totals, the unpaid list, and marking paid in bulk (preview first)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from copilot.cli.common import JsonOpt, KnowledgeOpt, emit_json, load_catalog, read_input, settings_for

payments = typer.Typer(help="付款：每位买家的金额、未付款名单和催付文案、按名单批量标记已付款（先预览）。",
                       no_args_is_help=True)
StreamOpt = Annotated[str | None, typer.Option("--stream", help="场次，默认今天的日期（或 COPILOT_STREAM）")]


def register(app: typer.Typer) -> None:
    app.add_typer(payments, name="payments")


def _ledger(knowledge, stream):
    from copilot.orders.ledger import Ledger

    settings = settings_for(knowledge)
    return Ledger.open(settings, load_catalog(settings), stream=stream)


@payments.command("totals")
def totals_cmd(knowledge: KnowledgeOpt = None, stream: StreamOpt = None, json_out: JsonOpt = False) -> None:
    """每位买家的订单金额、已付、待付（与台账逐笔对得上）。"""
    from copilot.orders.buyers import stream_buyers
    from copilot.orders.payments import buyer_totals

    ledger = _ledger(knowledge, stream)
    buyers = stream_buyers(ledger)
    if json_out:
        emit_json({"stream": ledger.stream, **buyer_totals(buyers),
                   "per_buyer": [{k: v for k, v in b.to_dict().items() if k != "lines"} for b in buyers]})
        return
    for b in buyers:
        typer.echo(f"{b.pickup_no}号\t{b.buyer}\t金额 {b.amount:g}\t已付 {b.paid:g}\t待付 {b.due:g}\t{b.status}")
    t = buyer_totals(buyers)
    typer.echo(f"共 {t['buyers']} 位买家：金额 {t['amount']:g} 元，已付 {t['paid']:g}，待付 {t['due']:g}")


@payments.command("unpaid")
def unpaid_cmd(knowledge: KnowledgeOpt = None, stream: StreamOpt = None, json_out: JsonOpt = False) -> None:
    """还没付款的买家，和发到群里的付款提醒。"""
    from copilot.orders.buyers import stream_buyers
    from copilot.orders.payments import unpaid, unpaid_reminder

    ledger = _ledger(knowledge, stream)
    buyers = stream_buyers(ledger)
    owing, text = unpaid(buyers), unpaid_reminder(ledger, buyers)
    if json_out:
        emit_json({"stream": ledger.stream, "buyers": [{k: v for k, v in b.to_dict().items() if k != "lines"}
                                                        for b in owing], "reminder": text})
        return
    for b in owing:
        typer.echo(f"{b.pickup_no}号\t{b.buyer}\t待付 {b.due:g} 元")
    typer.echo(f"\n--- 付款提醒（复制到群里）---\n{text}" if text else "都付过了")


@payments.command("import")
def import_cmd(file: Annotated[Path | None, typer.Argument(help="付款名单：每行“昵称 金额”，或 CSV（昵称,金额）；省略时从标准输入读")] = None,
               apply: Annotated[bool, typer.Option("--apply", help="确认标记（不加只预览，不改台账）")] = False,
               by: Annotated[str, typer.Option("--by", help="谁在操作（撤销用）")] = "命令行",
               knowledge: KnowledgeOpt = None, stream: StreamOpt = None, json_out: JsonOpt = False) -> None:
    """按付款名单批量标记已付款：先预览每一行对上了谁，加 --apply 才标记（金额对得上的才标记）。"""
    from copilot.orders.payments import apply_payments, parse_payments, preview_payments, read_payment_file

    entries = (read_payment_file(file) if file is not None and str(file) != "-"
               else parse_payments(read_input(None, "付款名单", "echo '王阿姨 98.8' | copilot payments import")))
    ledger = _ledger(knowledge, stream)
    preview = preview_payments(ledger, entries)
    message, action = apply_payments(ledger, preview, actor=by) if apply else (None, None)
    if json_out:
        emit_json({**preview.to_dict(), "applied": bool(apply and action), "action_id": action, "message": message})
        return
    for r in preview.rows:
        who = r.buyer.label() if r.buyer else "-"
        typer.echo(f"第{r.entry.row}行\t{r.entry.name}\t{r.entry.amount:g}元\t→ {who}\t{r.message}")
    if apply:
        typer.echo(message)
    else:
        typer.echo(f"预览：{len(preview.to_apply)} 位可标记，共 {preview.total:g} 元；确认请加 --apply")
