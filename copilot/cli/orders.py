"""``copilot orders``: read live comments into order intents and the group-buy ledger."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from copilot.cli.common import JsonOpt, KnowledgeOpt, emit_json, load_catalog, read_input, settings_for

orders = typer.Typer(help="直播评论 → 订单意图 → 团购台账（库存、限购、候补、分拣单、取货单）。",
                     no_args_is_help=True)

StreamOpt = Annotated[str | None, typer.Option("--stream", help="场次，默认今天的日期（或 COPILOT_STREAM）")]
FileArg = Annotated[Path | None, typer.Argument(help="评论 JSONL 文件；省略时从标准输入读")]


def register(app: typer.Typer) -> None:
    app.add_typer(orders, name="orders")


def _read_comments(file: Path | None, catalog) -> list:
    """Comments from a file (JSONL, JSON or CSV) or standard input, validated whole before any is used."""
    from copilot.base.comments import load_comment_file, parse_comment_text

    if file is not None and str(file) != "-":
        return load_comment_file(file, catalog, max_comments=None)
    return parse_comment_text(read_input(None, "评论", "cat comments.jsonl | copilot orders ingest"), "标准输入", catalog)


def _parser(settings, catalog):
    from copilot.base.llm import get_chat_model
    from copilot.orders.parser import IntentParser

    return IntentParser(catalog, get_chat_model(settings))


def _ledger(settings, catalog, stream):
    from copilot.orders.ledger import Ledger

    return Ledger.open(settings, catalog, stream=stream)


@orders.command("parse")
def parse_cmd(file: FileArg = None, knowledge: KnowledgeOpt = None, json_out: JsonOpt = False) -> None:
    """解析评论（JSONL），每条输出一行结果，不写台账。

    例：echo '{"id":"c1","user":"王阿姨","text":"扣1","current_sku":"mango"}' | copilot orders parse --json
    """
    settings = settings_for(knowledge)
    catalog = load_catalog(settings)
    parser = _parser(settings, catalog)
    for c in _read_comments(file, catalog):
        intent = parser(c)
        if json_out:
            emit_json({"id": c.id, **intent.to_dict()})
        else:
            items = "、".join(f"{catalog.get(i.sku).name} {'' if i.qty is None else i.to_dict()['qty']}{i.unit}"
                             for i in intent.items)
            flag = f"  ⚠ 待人工确认：{intent.reason}" if intent.needs_review else ""
            typer.echo(f"{c.id}\t{c.user}\t{c.text}\t→ {intent.kind.value} {items}{flag}")


@orders.command("ingest")
def ingest_cmd(file: FileArg = None, knowledge: KnowledgeOpt = None, stream: StreamOpt = None,
               fmt: Annotated[str, typer.Option("--format", help="comments（评论文件，默认）或 jielong（群接龙全文）")] = "comments",
               chain: Annotated[str | None, typer.Option("--chain", help="接龙名称（可选；默认按接龙的说明和内容认出是哪一条）")] = None,
               json_out: JsonOpt = False) -> None:
    """解析评论并写入台账；同一评论 id 只生效一次（重复导入不会重复下单）。

    --format jielong：FILE 是从群里复制的整条接龙。新的一行下单，改过的一行改单，删掉的一行取消；
    同一条接龙再导入一次不会有任何变化。
    """
    settings = settings_for(knowledge)
    catalog = load_catalog(settings)
    if fmt == "jielong":
        return _ingest_jielong(settings, catalog, file, stream, chain, json_out)
    if fmt != "comments":
        from copilot.base.errors import InputError

        raise InputError(f"不认识的格式「{fmt}」", hint="--format comments（评论文件）或 --format jielong（群接龙）")
    comments = _read_comments(file, catalog)
    parser = _parser(settings, catalog)
    ledger = _ledger(settings, catalog, stream)
    stats = ledger.ingest(((c, parser(c)) for c in comments), progress=None if json_out else _progress)
    if json_out:
        emit_json({"comments": stats.comments, "orders": stats.orders, "review": stats.review,
                   "duplicates": stats.duplicates, "stream": ledger.stream})
    else:
        typer.echo(f"场次 {ledger.stream}：读入评论 {stats.comments} 条，新订单 {stats.orders} 行，"
                   f"待确认 {stats.review} 条，重复 {stats.duplicates} 条")


def _ingest_jielong(settings, catalog, file, stream, chain, json_out: bool) -> None:
    from copilot.orders.chains import apply_chain

    text = read_input(file, "接龙", "copilot orders ingest --format jielong 接龙.txt")
    ledger = _ledger(settings, catalog, stream)
    result = apply_chain(ledger, text, _parser(settings, catalog).parse, chain=chain)
    if json_out:
        emit_json({**result.to_dict(), "stream": ledger.stream})
        return
    for message in result.messages:
        typer.echo(message)
    typer.echo(f"场次 {ledger.stream}：接龙 {result.entries} 行，新增 {result.added}，改动 {result.changed}，"
               f"取消 {result.cancelled}，没变 {result.unchanged}；新订单 {result.orders} 行，待确认 {result.review} 条")


def _progress(fraction: float, message: str) -> None:
    typer.echo(f"\r{fraction:5.0%} {message}", nl=fraction >= 1, err=True)


@orders.command("list")
def list_cmd(knowledge: KnowledgeOpt = None, stream: StreamOpt = None,
             sku: Annotated[str | None, typer.Option(help="只看某个商品的 sku")] = None,
             status: Annotated[str | None, typer.Option(help="reserved/waitlist/needs_review/cancelled/paid/picked_up")] = None,
             buyer: Annotated[str | None, typer.Option(help="只看某个买家")] = None,
             json_out: JsonOpt = False) -> None:
    """列出订单行，可按商品、状态、买家筛选。"""
    settings = settings_for(knowledge)
    catalog = load_catalog(settings)
    lines = _ledger(settings, catalog, stream).lines(sku=sku, status=status, buyer=buyer)
    if json_out:
        for line in lines:
            emit_json(_line_dict(line))
        return
    for line in lines:
        typer.echo(_line_text(line, catalog))
    typer.echo(f"共 {len(lines)} 行")


@orders.command("review")
def review_cmd(knowledge: KnowledgeOpt = None, stream: StreamOpt = None,
               resolve: Annotated[int | None, typer.Option(help="确认这一行（订单行 id），需配合 --sku 和 --qty")] = None,
               sku: Annotated[str | None, typer.Option(help="确认时指定商品 sku")] = None,
               qty: Annotated[float | None, typer.Option(help="确认时指定数量（商品的销售单位）")] = None,
               dismiss: Annotated[int | None, typer.Option(help="驳回这一行（不是订单）")] = None,
               json_out: JsonOpt = False) -> None:
    """待确认队列：列出需要人工确认的评论；--resolve ID --sku S --qty N 确认，--dismiss ID 驳回。"""
    from copilot.base.errors import InputError

    settings = settings_for(knowledge)
    catalog = load_catalog(settings)
    ledger = _ledger(settings, catalog, stream)
    if resolve is not None:
        if not sku or qty is None:
            raise InputError("确认订单需要同时给出 --sku 和 --qty", hint="例如 --resolve 12 --sku mango --qty 2")
        catalog.require(sku)
        result = ledger.resolve_review(resolve, sku, qty)
        emit_json({"message": result.message}) if json_out else typer.echo(result.message)
        return
    if dismiss is not None:
        ledger.dismiss_review(dismiss)
        emit_json({"dismissed": dismiss}) if json_out else typer.echo(f"已驳回第 {dismiss} 行")
        return
    queue = ledger.review_queue()
    if json_out:
        for line in queue:
            emit_json(_line_dict(line))
        return
    for line in queue:
        typer.echo(f"#{line.id}\t{line.buyer}\t「{line.comment_text}」\t原因：{line.reason}")
    typer.echo(f"待确认 {len(queue)} 条")


@orders.command("paid")
def paid_cmd(ids: Annotated[list[int], typer.Argument(help="订单行 id")], knowledge: KnowledgeOpt = None,
             stream: StreamOpt = None, json_out: JsonOpt = False) -> None:
    """标记已付款。"""
    settings = settings_for(knowledge)
    n = _ledger(settings, load_catalog(settings), stream).mark_paid(ids)
    emit_json({"paid": n}) if json_out else typer.echo(f"已标记付款 {n} 行")


@orders.command("picked-up")
def picked_cmd(ids: Annotated[list[int], typer.Argument(help="订单行 id")], knowledge: KnowledgeOpt = None,
               stream: StreamOpt = None, json_out: JsonOpt = False) -> None:
    """标记已取货。"""
    settings = settings_for(knowledge)
    n = _ledger(settings, load_catalog(settings), stream).mark_picked_up(ids)
    emit_json({"picked_up": n}) if json_out else typer.echo(f"已标记取货 {n} 行")


@orders.command("undo")
def undo_cmd(knowledge: KnowledgeOpt = None, stream: StreamOpt = None, json_out: JsonOpt = False) -> None:
    """撤销上一次手工操作（确认、驳回、取消、付款、取货、改库存）。"""
    settings = settings_for(knowledge)
    message = _ledger(settings, load_catalog(settings), stream).undo()
    emit_json({"undone": message}) if json_out else typer.echo(message)


@orders.command("stock")
def stock_cmd(knowledge: KnowledgeOpt = None, stream: StreamOpt = None, json_out: JsonOpt = False) -> None:
    """每个商品的库存、已订、候补和剩余。"""
    settings = settings_for(knowledge)
    from copilot.orders.summary import stock_summary

    rows = stock_summary(_ledger(settings, load_catalog(settings), stream))
    if json_out:
        for row in rows:
            emit_json(row)
        return
    for r in rows:
        typer.echo(f"{r['name']}\t库存 {r['total']:g}{r['unit']}\t已订 {r['reserved']:g}\t"
                   f"候补 {r['waitlist']:g}\t剩余 {r['remaining']:g}")


@orders.command("export")
def export_cmd(knowledge: KnowledgeOpt = None, stream: StreamOpt = None,
               fmt: Annotated[str, typer.Option("--format", help="xlsx 或 csv")] = "xlsx",
               out: Annotated[Path, typer.Option("--out", help="输出目录")] = Path("."),
               json_out: JsonOpt = False) -> None:
    """导出全部订单、分拣单（按商品）和取货单（按买家）。"""
    from copilot.orders.exports import export_ledger

    settings = settings_for(knowledge)
    paths = export_ledger(_ledger(settings, load_catalog(settings), stream), out, fmt)
    if json_out:
        emit_json({"files": [str(p) for p in paths]})
    else:
        for p in paths:
            typer.echo(str(p))


def _line_dict(line) -> dict:
    from copilot.orders.intent import plain_qty

    return {"id": line.id, "buyer": line.buyer, "sku": line.sku, "qty": plain_qty(line.qty), "unit": line.unit,
            "unit_price": line.unit_price, "status": line.status, "reason": line.reason,
            "comment_id": line.comment_id, "comment_text": line.comment_text}


STATUS_ZH = {"reserved": "已预留", "waitlist": "候补", "needs_review": "待确认", "cancelled": "已取消",
             "paid": "已付款", "picked_up": "已取货"}


def _line_text(line, catalog) -> str:
    name = catalog.get(line.sku).name if line.sku and catalog.get(line.sku) else "（未定）"
    qty = "" if line.qty is None else f"{line.qty:g}{line.unit or ''}"
    return f"#{line.id}\t{line.buyer}\t{name} {qty}\t{STATUS_ZH.get(line.status, line.status)}\t「{line.comment_text}」"
