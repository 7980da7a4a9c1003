"""``copilot report``: the 复盘 of one 场次, written as a self-contained HTML page with charts and an xlsx."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from copilot.cli.common import JsonOpt, KnowledgeOpt, emit_json, load_catalog, settings_for

StreamOpt = Annotated[str | None, typer.Option("--stream", help="场次，默认今天的日期（或 COPILOT_STREAM）")]
OutOpt = Annotated[Path | None, typer.Option("--out", help="写到这个目录，默认数据目录的 exports/")]


def report_cmd(stream: StreamOpt = None, out: OutOpt = None, knowledge: KnowledgeOpt = None,
               json_out: JsonOpt = False) -> None:
    """直播复盘：每个商品的讲解时长、评论、提问、订单、候补、取消、售罄率、销售额和切片，每分钟评论和下单，
    知识缺口，回头客占比；写出带图表的 HTML（离线可打开）和 xlsx。"""
    from copilot.orders.ledger import default_stream
    from copilot.report.buyers import buyers_history, repeat_by_stream
    from copilot.report.export import write_report
    from copilot.report.review import build_report

    settings = settings_for(knowledge)
    catalog = load_catalog(settings)
    stream = stream or settings.stream or default_stream()
    rep = build_report(settings.ledger_url, catalog, stream)
    history = repeat_by_stream(settings.ledger_url)
    buyers = [b for b in buyers_history(settings.ledger_url) if any(h.stream == stream for h in b.history)]
    files = write_report(rep, out or settings.exports_dir, history, buyers)
    if json_out:
        emit_json({"files": [str(f) for f in files], **rep.to_dict()})
        return
    typer.echo(f"场次 {rep.stream} 复盘：销售额 {rep.revenue:.2f} 元，订单 {rep.orders} 笔，买家 {rep.buyers} 人"
               f"（回头客 {rep.repeat_share}%），评论 {rep.comments} 条，提问 {rep.questions} 个")
    for p in rep.products:
        if p.orders or p.questions or p.waitlist:
            typer.echo(f"  {p.link}号 {p.name}：{p.orders} 笔 {p.qty:g}{p.unit}，{p.revenue:.2f} 元，"
                       f"售罄率 {p.sell_through}%，候补 {p.waitlist} 笔，提问 {p.questions}（没回答 {p.unanswered}）")
    if rep.gaps:
        typer.echo("知识缺口（补进商品资料）：" + "；".join(f"{g.name}「{g.text}」×{g.asks}" for g in rep.gaps[:5]))
    for n in rep.notices:
        typer.echo(f"提示：{n}")
    for f in files:
        typer.echo(f"已写出 {f}")


def register(app: typer.Typer) -> None:
    app.command("report")(report_cmd)
