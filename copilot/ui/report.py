"""复盘: the day after a 场次 — charts (comments and orders per minute with the product switches,
revenue and sell-through, questions per product, repeat buyers per stream), the per-product table,
the knowledge gaps with a one-click "补进资料" that opens the product's notes in 知识库, buyers over
time with tiers, and the HTML + xlsx export.

The helpers above ``build`` take plain values (no Gradio types) so they can be tested directly.
"""

from __future__ import annotations

import logging
from pathlib import Path

import gradio as gr

from copilot.base.errors import CopilotError
from copilot.knowledge.files import read_file
from copilot.report.buyers import TIERS, buyers_history, repeat_by_stream, tier_counts
from copilot.report.charts import report_charts
from copilot.report.export import buyer_rows, product_rows, write_buyers_xlsx, write_report
from copilot.report.review import StreamReport, build_report
from copilot.report.source import list_streams, open_engine
from copilot.ui import AfterBuild, WhileShown

log = logging.getLogger(__name__)
PRODUCT_HEADERS = ["链接", "商品", "讲解(分钟)", "评论", "提问", "知识库已答", "转人工", "没回答", "订单", "数量", "单位",
                   "买家", "候补", "候补数量", "取消", "库存", "售罄率%", "销售额", "售罄(分钟)", "切片"]
GAP_HEADERS = ["商品", "问题", "问的人数", "状态", "操作"]
ADD_NOTE = "➕ 补进资料"
BUYER_HEADERS = ["买家", "编号", "分层", "场次", "订单", "金额", "已取货", "取货率%", "取消", "首次", "最近"]
ALL = "全部"
CHARTS = ("minutes", "products", "questions", "repeat")


def streams(ctx) -> list[str]:
    return list_streams(open_engine(ctx.settings.ledger_url))


def kpis_md(rep: StreamReport) -> str:
    started = rep.started_at.astimezone().strftime("%Y-%m-%d %H:%M") if rep.started_at else "—"
    lines = [f"**场次 {rep.stream}**（开播 {started}）　销售额 **{rep.revenue:.2f} 元** · 订单 {rep.orders} 笔 · "
             f"买家 {rep.buyers} 人（回头客 {rep.repeat_buyers} 人，{rep.repeat_share}%）· 评论 {rep.comments} 条 · "
             f"提问 {rep.questions} 个 · 待确认 {rep.review} 条"]
    lines += [f"> {n}" for n in rep.notices]
    return "\n\n".join(lines)


def gap_rows(rep: StreamReport) -> list[list]:
    return [[g.name, g.text, g.asks, "已人工回复" if g.handled else "没有回答", ADD_NOTE] for g in rep.gaps]


def report_view(ctx, stream: str) -> tuple:
    """(report, kpis, figures by name, product rows, gap rows) of ``stream``."""
    rep = build_report(ctx.settings.ledger_url, ctx.catalog, stream)
    figs = report_charts(rep, repeat_by_stream(ctx.settings.ledger_url))
    return rep, kpis_md(rep), figs, product_rows(rep), gap_rows(rep)


def note_draft(root: Path, catalog, sku: str | None, question: str) -> tuple[str, str]:
    """The notes file of ``sku`` (or the store FAQ) with the question appended, ready for the answer:
    (relative path, text). Nothing is saved: the owner writes the answer and clicks 保存."""
    p = catalog.get(sku or "")
    rel = (p.notes if p and p.notes else f"notes/{p.sku}.md") if p else "faq.md"
    try:
        text = read_file(root, rel)
    except CopilotError:
        text = f"# {p.name if p else '门店常见问题'}\n"
    if question in text:
        return rel, text
    block = f"问：{question}\n答：（在这里写上答案，保存后点“重新导入知识库”）\n"
    head = "## 常见问题"
    text = text.rstrip("\n") + ("\n" + block if head in text else f"\n\n{head}\n{block}")
    return rel, text


def buyers_view(ctx, tier: str | None) -> tuple[str, list[list], list]:
    people = buyers_history(ctx.settings.ledger_url)
    counts = "，".join(f"{t} {n} 人" for t, n in tier_counts(people).items())
    shown = [b for b in people if not tier or tier == ALL or b.tier == tier]
    return f"共 {len(people)} 位买家：{counts}（沉睡：超过 30 天没下单）", buyer_rows(shown), shown


def _err(exc: CopilotError):
    return gr.Error(str(exc))


def build(ctx) -> list:
    gr.Markdown("### 复盘　<small>每场直播的数据：讲解、评论、提问、订单、售罄、回头客；答不上的问题补进资料</small>")
    with gr.Row():
        stream = gr.Dropdown([], label="场次", allow_custom_value=True, scale=3, elem_id="report-stream")
        show = gr.Button("生成复盘", variant="primary", scale=1, elem_id="report-show")
        export = gr.Button("导出 HTML + Excel", scale=1, elem_id="report-export")
    kpis = gr.Markdown(elem_id="report-kpis")
    files = gr.File(label="复盘文件", file_count="multiple", visible=True, elem_id="report-files")
    with gr.Row():
        minutes = gr.Plot(label="每分钟评论和下单", elem_id="report-chart-minutes")
    with gr.Row():
        products = gr.Plot(label="销售额和售罄率", elem_id="report-chart-products")
        questions = gr.Plot(label="提问", elem_id="report-chart-questions")
    repeat = gr.Plot(label="回头客占比", elem_id="report-chart-repeat")
    table = gr.Dataframe(headers=PRODUCT_HEADERS, interactive=False, wrap=True, label="各商品",
                         elem_id="report-products")
    gr.Markdown("#### 知识缺口　<small>知识库答不上的问题；点“➕ 补进资料”，在知识库里写上答案（也可以点一行再点下面的按钮）</small>")
    gaps = gr.Dataframe(headers=GAP_HEADERS, interactive=False, wrap=True, elem_id="report-gaps")
    picked = gr.State(None)
    with gr.Row():
        picked_md = gr.Markdown("（先在上表点选一个问题）", elem_id="report-gap-picked")
        add_note = gr.Button("补进资料", elem_id="report-add-note")
    state = gr.State(None)
    charts = [minutes, products, questions, repeat]

    def load_streams(current=None):
        try:
            names = streams(ctx)
        except CopilotError as exc:
            log.warning("streams not available: %s", exc)
            names = []
        return gr.update(choices=names, value=current if current in names else (names[0] if names else None))

    def on_show(name):
        if not name:
            raise gr.Error("还没有场次：直播间接入评论、有了订单后再来复盘")
        try:
            rep, md, figs, rows, grows = report_view(ctx, name)
        except CopilotError as exc:
            raise _err(exc) from None
        return [rep, md, *[figs.get(k) for k in CHARTS], rows, grows, None, "（先在上表点选一个问题）"]

    def on_export(rep):
        if rep is None:
            raise gr.Error("先点“生成复盘”")
        try:
            out = write_report(rep, ctx.settings.exports_dir, repeat_by_stream(ctx.settings.ledger_url))
        except CopilotError as exc:
            raise _err(exc) from None
        return [str(f) for f in out]

    def on_pick(rep, evt: gr.SelectData):
        if rep is None or not rep.gaps:
            return None, "（先在上表点选一个问题）"
        gap = rep.gaps[min(evt.index[0], len(rep.gaps) - 1)]
        return gap, f"已选：{gap.name}「{gap.text}」"

    show.click(on_show, stream, [state, kpis, *charts, table, gaps, picked, picked_md])
    stream.input(on_show, stream, [state, kpis, *charts, table, gaps, picked, picked_md])
    export.click(on_export, state, files)
    gaps.select(on_pick, state, [picked, picked_md])
    _buyers_panel(ctx)
    return [WhileShown(load_streams, [stream], [stream], seconds=30.0),
            AfterBuild(lambda tabs, parts: _wire_add_note(ctx, tabs, parts, add_note, picked, gaps, state))]


def _buyers_panel(ctx) -> None:
    gr.Markdown("#### 买家　<small>所有场次：订单、金额、取货率；新客（只买过一场）、回头客、沉睡</small>")
    with gr.Row():
        tier = gr.Dropdown([ALL, *TIERS], value=ALL, label="分层", scale=1, elem_id="report-tier")
        load = gr.Button("查看买家", scale=1, elem_id="report-buyers-show")
        export = gr.Button("导出买家 Excel", scale=1, elem_id="report-buyers-export")
    summary = gr.Markdown(elem_id="report-buyers-summary")
    table = gr.Dataframe(headers=BUYER_HEADERS, interactive=False, wrap=True, elem_id="report-buyers")
    out = gr.File(label="买家表", elem_id="report-buyers-file")
    shown = gr.State([])

    def on_load(t):
        try:
            md, rows, people = buyers_view(ctx, t)
        except CopilotError as exc:
            raise _err(exc) from None
        return md, rows, people

    def on_export(t):
        md, rows, people = on_load(t)
        return str(write_buyers_xlsx(people, ctx.settings.exports_dir / "买家.xlsx"))

    load.click(on_load, tier, [summary, table, shown])
    tier.input(on_load, tier, [summary, table, shown])
    export.click(on_export, tier, out)


def _wire_add_note(ctx, tabs, parts, button, picked, gaps, state) -> None:
    """"补进资料" (the button, or one click on a gap's ➕ cell): switch to 知识库 with the product's notes
    open and the question appended, ready for the answer."""
    file, editor = parts.get("knowledge.file"), parts.get("knowledge.editor")
    if file is None or editor is None:
        return

    def go(gap, request: gr.Request):
        if gap is None:
            raise gr.Error("先在知识缺口表里点选一个问题")
        ctx.require_owner(request, "修改知识库")
        root = Path(ctx.settings.knowledge_dir)
        rel, text = note_draft(root, ctx.catalog, gap.sku, gap.text)
        gr.Info(f"已打开 {rel}，在末尾写上答案后点“保存”，再“重新导入知识库”")
        from copilot.knowledge.files import list_files

        choices = list(dict.fromkeys([*list_files(root), rel]))
        return gr.Tabs(selected="knowledge"), gr.update(choices=choices, value=rel), \
            gr.update(value=text, language="markdown")

    def cell(rep, evt: gr.SelectData, request: gr.Request):
        if rep is None or not rep.gaps or evt.index[1] != len(GAP_HEADERS) - 1:
            return gr.skip(), gr.skip(), gr.skip()
        return go(rep.gaps[min(evt.index[0], len(rep.gaps) - 1)], request)

    button.click(go, picked, [tabs, file, editor])
    gaps.select(cell, state, [tabs, file, editor])
