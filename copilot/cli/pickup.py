"""``copilot pickup``: the pickup desk (取货台) on the command line."""

from __future__ import annotations

from typing import Annotated

import typer

from copilot.cli.common import JsonOpt, KnowledgeOpt, emit_json, load_catalog, settings_for

pickup = typer.Typer(help="取货台：按取货号、手机尾号、昵称或楼号房号找买家，整单取货（可撤销），看谁还没取。",
                     no_args_is_help=True)

StreamOpt = Annotated[str | None, typer.Option("--stream", help="场次，默认今天取货的那一场（没有就是今天的日期，或 COPILOT_STREAM）")]
ByOpt = Annotated[str, typer.Option("--by", help="谁在操作（撤销时只撤这个人的操作）")]
CLI_ACTOR = "命令行"


def register(app: typer.Typer) -> None:
    app.add_typer(pickup, name="pickup")


def _desk(knowledge, stream):
    """The desk of ``stream``; by default the 场次 whose buyers collect today (else today's)."""
    from copilot.orders.ledger import Ledger
    from copilot.orders.pickup import PickupDesk, due_stream

    settings = settings_for(knowledge)
    catalog = load_catalog(settings)
    ledger = Ledger.open(settings, catalog, stream=stream)
    if not stream and not settings.stream:
        due = due_stream(ledger.engine, catalog.store)
        if due and due != ledger.stream:
            ledger = Ledger.open(settings, catalog, stream=due)
    return PickupDesk(ledger)


def _line(b, catalog) -> str:
    from copilot.orders.buyers import items_text

    contact = " ".join(x for x in (f"尾号{b.phone_tail}" if b.phone_tail else "", b.address) if x)
    money = f"{b.amount:g}元" + (f"（待付 {b.due:g}）" if b.due else "（已付）")
    goods = items_text(b.to_pick or b.lines, catalog)
    return f"{b.pickup_no}号\t{b.buyer}\t{contact or '-'}\t{goods}\t{money}\t{b.status}"


@pickup.command("find")
def find_cmd(query: Annotated[str, typer.Argument(help="取货号（12）、手机尾号（6789）、昵称或楼号房号（3栋502）")],
             knowledge: KnowledgeOpt = None, stream: StreamOpt = None, json_out: JsonOpt = False) -> None:
    """查找买家：取货号、手机尾号、昵称或楼号房号。

    例：copilot pickup find 6789 --json
    """
    desk = _desk(knowledge, stream)
    buyers = desk.buyers()
    found = desk.find(query, buyers)
    if json_out:
        emit_json({"stream": desk.ledger.stream, "query": query, "schedule": desk.schedule(buyers).to_dict(),
                   "buyers": [b.to_dict(desk.catalog) for b in found]})
        return
    for b in found:
        typer.echo(_line(b, desk.catalog))
    typer.echo(f"找到 {len(found)} 位买家" if found else f"没有找到「{query}」")


@pickup.command("done")
def done_cmd(buyer: Annotated[str, typer.Argument(help="取货号、昵称或手机尾号（要能确定是一位买家）")],
             knowledge: KnowledgeOpt = None, stream: StreamOpt = None, by: ByOpt = CLI_ACTOR,
             json_out: JsonOpt = False) -> None:
    """整单取货：把这位买家所有待取的货标记为已取货（copilot pickup undo 撤销）。"""
    desk = _desk(knowledge, stream)
    who = desk.resolve(buyer)
    result = desk.done(who.key, actor=by)
    if json_out:
        after = next(b for b in desk.buyers() if b.key == who.key)
        emit_json({**after.to_dict(desk.catalog), "action_id": result.action_id, "message": result.message})
    else:
        typer.echo(result.message)


@pickup.command("undo")
def undo_cmd(knowledge: KnowledgeOpt = None, stream: StreamOpt = None, by: ByOpt = CLI_ACTOR,
             action: Annotated[int | None, typer.Option("--action", help="撤销这一个操作（done 输出的 action_id）")] = None,
             json_out: JsonOpt = False) -> None:
    """撤销取货（默认撤销 --by 这个人的上一次操作）。"""
    desk = _desk(knowledge, stream)
    message = desk.undo(action, actor=None if action is not None else by)
    emit_json({"undone": message}) if json_out else typer.echo(message)


@pickup.command("pending")
def pending_cmd(knowledge: KnowledgeOpt = None, stream: StreamOpt = None, json_out: JsonOpt = False) -> None:
    """还没取货的买家，和发到群里的取货提醒。"""
    desk = _desk(knowledge, stream)
    buyers = desk.buyers()
    schedule = desk.schedule(buyers)
    pending = desk.pending(buyers)
    reminder = desk.reminder_text(pending, schedule)
    if json_out:
        emit_json({"stream": desk.ledger.stream, "schedule": schedule.to_dict(), "overdue": schedule.overdue(),
                   "buyers": [b.to_dict(desk.catalog) for b in pending], "reminder": reminder})
        return
    typer.echo(f"取货时间 {schedule.text()}{'（已过）' if schedule.overdue() else ''}：还有 {len(pending)} 位没取")
    for b in pending:
        typer.echo(_line(b, desk.catalog))
    if reminder:
        typer.echo("\n--- 取货提醒（复制到群里）---\n" + reminder)


@pickup.command("notice")
def notice_cmd(buyer: Annotated[str | None, typer.Argument(help="只要这位买家的确认消息；省略时输出全群取货通知")] = None,
               knowledge: KnowledgeOpt = None, stream: StreamOpt = None, json_out: JsonOpt = False) -> None:
    """订单确认消息（带取货号和取货时间）：一位买家的，或发到群里的全部取货通知。"""
    desk = _desk(knowledge, stream)
    buyers = desk.buyers()
    schedule = desk.schedule(buyers)
    text = (desk.confirmation_text(desk.resolve(buyer, buyers), schedule) if buyer
            else desk.group_notice(buyers, schedule))
    emit_json({"stream": desk.ledger.stream, "text": text}) if json_out else typer.echo(text or "还没有订单")


@pickup.command("profile")
def profile_cmd(buyer: Annotated[str, typer.Argument(help="取货号、昵称或手机尾号")],
                phone: Annotated[str | None, typer.Option("--phone", help="手机尾号（4 位数字；空字符串清除）")] = None,
                address: Annotated[str | None, typer.Option("--address", help="楼号房号，如 3栋502（空字符串清除）")] = None,
                knowledge: KnowledgeOpt = None, stream: StreamOpt = None, json_out: JsonOpt = False) -> None:
    """记下（或改正）买家的手机尾号和楼号房号；手填的不会被评论里的覆盖。"""
    from copilot.orders.buyers import set_contact

    desk = _desk(knowledge, stream)
    who = desk.resolve(buyer)
    prof = set_contact(desk.ledger, who, phone_tail=phone, address=address)
    out = {"buyer": who.buyer, "buyer_key": who.key, "phone_tail": prof.phone_tail, "address": prof.address}
    emit_json(out) if json_out else typer.echo(f"{who.label()}：尾号 {prof.phone_tail or '-'}，{prof.address or '-'}")
