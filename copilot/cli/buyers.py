"""``copilot buyers list|show``: buyers over time across every 场次, with tiers (新客, 回头客, 沉睡)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from copilot.cli.common import JsonOpt, KnowledgeOpt, emit_json, settings_for

buyers = typer.Typer(help="买家：跨场次的订单、金额、取货率，回头客和分层（新客、回头客、沉睡）。", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(buyers, name="buyers")


def _all(knowledge):
    from copilot.report.buyers import buyers_history

    return buyers_history(settings_for(knowledge).ledger_url)


@buyers.command("list")
def list_cmd(
    tier: Annotated[str | None, typer.Option("--tier", help="只看一个分层：新客、回头客 或 沉睡")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="导出为 xlsx 文件（如 买家.xlsx）")] = None,
    knowledge: KnowledgeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """所有买家，按金额从高到低：场次、订单、金额、取货率、分层。"""
    from copilot.base.errors import InputError
    from copilot.report.buyers import TIERS, tier_counts

    people = _all(knowledge)
    if tier and tier not in TIERS:
        raise InputError(f"没有「{tier}」这个分层", hint=f"可选：{'、'.join(TIERS)}")
    shown = [b for b in people if not tier or b.tier == tier]
    files = []
    if out is not None:
        from copilot.report.export import write_buyers_xlsx

        files = [str(write_buyers_xlsx(shown, out))]
    if json_out:
        emit_json({"buyers": [b.to_dict() for b in shown], "tiers": tier_counts(people), "files": files})
        return
    counts = "，".join(f"{t} {n}" for t, n in tier_counts(people).items())
    typer.echo(f"共 {len(people)} 位买家（{counts}）")
    for b in shown:
        typer.echo(f"{b.name}\t{b.tier}\t{b.streams} 场\t{b.orders} 笔\t{b.amount:.2f} 元\t取货率 {b.pickup_rate}%"
                   f"\t最近 {b.last.date() if b.last else '—'}")
    for f in files:
        typer.echo(f"已导出 {f}")


@buyers.command("show")
def show_cmd(buyer: Annotated[str, typer.Argument(help="买家昵称（或 buyers list --json 里的 key）")],
             knowledge: KnowledgeOpt = None, json_out: JsonOpt = False) -> None:
    """一位买家的每场记录：订单、数量、金额、已取货。"""
    from copilot.report.buyers import find_buyer

    b = find_buyer(_all(knowledge), buyer)
    if json_out:
        emit_json(b.to_dict(history=True))
        return
    typer.echo(f"{b.name}（{b.key}）{b.tier}：{b.streams} 场，{b.orders} 笔，{b.amount:.2f} 元，取货率 {b.pickup_rate}%")
    for h in b.history:
        typer.echo(f"  {h.stream}\t{h.orders} 笔\t{h.qty:g}\t{h.amount:.2f} 元\t已取货 {h.picked_up} 笔")
