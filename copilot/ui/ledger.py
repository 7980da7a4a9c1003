"""团购台账: orders with filters, the review queue, paid / picked up, undo, stock and exports.

While the tab is shown the tables follow the live room on a timer (see ``WhileShown``): the
current filters are re-applied and nothing is sent when nothing changed."""

from __future__ import annotations

import time

import gradio as gr

from copilot.base.errors import CopilotError
from copilot.orders.schema import STATUS_ZH
from copilot.orders.summary import stock_summary
from copilot.ui import WhileShown

ORDER_HEADERS = ["ID", "买家", "链接", "商品", "数量", "单位", "单价", "金额", "状态", "原因", "评论"]
STOCK_HEADERS = ["商品", "单位", "库存", "已预留", "已付款", "已取货", "候补", "剩余", "买家数", "金额"]
ALL = "全部"
REFRESH_SECONDS = 3.0


def _product_label(p) -> str:
    return f"{p.link}号 {p.name}"


def order_rows(ledger, sku=None, status=None, buyer=None) -> list[list]:
    rows = []
    for line in ledger.lines(sku=sku or None, status=status or None, buyer=buyer or None):
        p = ledger.catalog.get(line.sku) if line.sku else None
        rows.append([line.id, line.buyer, p.link if p else "", p.name if p else "（未定）",
                     "" if line.qty is None else line.qty, line.unit or "", line.unit_price or "",
                     line.amount, STATUS_ZH.get(line.status, line.status), line.reason or "", line.comment_text])
    return rows


def stock_rows(ledger) -> list[list]:
    return [[r["name"], r["unit"], r["total"], r["reserved"], r["paid"], r["picked_up"], r["waitlist"],
             r["remaining"], r["buyers"], r["amount"]] for r in stock_summary(ledger)]


def parse_ids(text: str) -> list[int]:
    """'3, 5 8-10' -> [3, 5, 8, 9, 10]; anything else is a clear error."""
    ids: list[int] = []
    for part in (text or "").replace("，", ",").replace(",", " ").split():
        lo, _, hi = part.partition("-")
        if not lo.isdigit() or (hi and not hi.isdigit()):
            raise gr.Error(f"订单行号「{part}」无效：请填数字，多个用逗号分开，例如 3,5,8-10")
        ids.extend(range(int(lo), int(hi or lo) + 1))
    if not ids:
        raise gr.Error("请先填写订单行号（表格第一列 ID），或在表格里点选一行")
    return ids


def build(ctx) -> list:
    catalog = ctx.catalog
    gr.Markdown(f"### 团购台账 · 场次 {ctx.stream}　取货：{catalog.store.pickup}")
    w = _orders_panel(ctx)
    w.update(_review_panel(ctx))
    w.update(_stock_panel(ctx))
    outputs = [w["orders"], w["review"], w["stock"]]
    filters = [w["f_sku"], w["f_status"], w["f_buyer"]]

    def views(sku, status, buyer):
        return (order_rows(ctx.ledger, sku, status, buyer), order_rows(ctx.ledger, status="needs_review"),
                stock_rows(ctx.ledger))

    def act(fn):
        def run(*args):
            *rest, sku, status, buyer = args
            try:
                message = fn(*rest)
            except CopilotError as exc:
                raise gr.Error(str(exc)) from None
            return (f"✅ {message}", *views(sku, status, buyer))
        return run

    for trigger in (w["refresh"].click, w["f_sku"].change, w["f_status"].change, w["f_buyer"].submit):
        trigger(views, filters, outputs)
    jielong_panel(ctx, views, filters, outputs)
    _wire_actions(ctx, w, act, filters, [w["status"], *outputs])
    _wire_export(ctx, w)
    shown = gr.State(None)  # a digest of the tables this page last got from the timer

    def follow(sku, status, buyer, last):
        tables = views(sku, status, buyer)
        digest = hash(repr(tables))
        if digest == last:  # unchanged: leave the tables (and the person's selection) alone
            return (*(gr.skip() for _ in outputs), last)
        return (*tables, digest)

    return [WhileShown(follow, [*filters, shown], [*outputs, shown], REFRESH_SECONDS)]


def jielong_panel(ctx, views, filters: list, outputs: list) -> None:
    """The 接龙 paste box (as in 直播间): the whole chain as it stands in the group; idempotent."""
    from copilot.ui.live_sources import apply_jielong, jielong_box

    with gr.Accordion("粘贴群接龙（新行下单、改行改单、删行取消；同一条贴两次不会重复）", open=False):
        box = jielong_box(ctx, "ledger")
        result = gr.Markdown(elem_id="ledger-jielong-result")

    def run(text, *current_filters):
        return (apply_jielong(ctx, text), *views(*current_filters))

    box["jl_go"].click(run, [box["jl_text"], *filters], [result, *outputs])


def _sku_choices(catalog) -> list[tuple[str, str]]:
    return [(_product_label(p), p.sku) for p in catalog]


def _orders_panel(ctx) -> dict:
    status_choices = [(ALL, "")] + [(zh, code) for code, zh in STATUS_ZH.items()]
    w = {}
    with gr.Row():
        w["f_sku"] = gr.Dropdown([(ALL, "")] + _sku_choices(ctx.catalog), value="", label="商品", scale=2)
        w["f_status"] = gr.Dropdown(status_choices, value="", label="状态", scale=1)
        w["f_buyer"] = gr.Textbox(label="买家", placeholder="输入买家昵称筛选", scale=1, elem_id="ledger-buyer")
        w["refresh"] = gr.Button("刷新", scale=0)
    w["orders"] = gr.Dataframe(headers=ORDER_HEADERS, value=lambda: order_rows(ctx.ledger), interactive=False,
                               label="订单", elem_id="ledger-orders", max_height=420)
    with gr.Row():
        w["ids"] = gr.Textbox(label="订单行号", placeholder="例如 3,5,8-10（点表格中的行自动填入）", scale=3)
        w["paid"] = gr.Button("标记已付款", scale=1)
        w["picked"] = gr.Button("标记已取货", scale=1)
        w["cancel"] = gr.Button("取消这一行", scale=1)
        w["undo"] = gr.Button("撤销上一步", variant="secondary", scale=1)
    w["status"] = gr.Markdown(elem_id="ledger-status")
    return w


def _review_panel(ctx) -> dict:
    w = {}
    gr.Markdown("#### 待确认（系统拿不准的评论，由人来定）")
    w["review"] = gr.Dataframe(headers=ORDER_HEADERS, value=lambda: order_rows(ctx.ledger, status="needs_review"),
                               interactive=False, label="待确认队列", elem_id="ledger-review", max_height=300)
    with gr.Row():
        w["r_id"] = gr.Number(label="行号", precision=0, scale=1)
        w["r_sku"] = gr.Dropdown(_sku_choices(ctx.catalog), label="确认为商品", scale=2)
        w["r_qty"] = gr.Number(label="数量（商品的销售单位）", value=1, minimum=0, scale=1)
        w["r_ok"] = gr.Button("确认下单", variant="primary", scale=1)
        w["r_no"] = gr.Button("驳回（不是订单）", scale=1)
    return w


def _stock_panel(ctx) -> dict:
    w = {}
    gr.Markdown("#### 库存与分拣")
    w["stock"] = gr.Dataframe(headers=STOCK_HEADERS, value=lambda: stock_rows(ctx.ledger), interactive=False,
                              label="库存", elem_id="ledger-stock")
    with gr.Row():
        w["fmt"] = gr.Radio(["xlsx", "csv"], value="xlsx", label="导出格式")
        w["export"] = gr.Button("导出订单 / 分拣单 / 取货单", variant="primary")
    w["files"] = gr.File(label="下载", file_count="multiple", elem_id="ledger-files")
    return w


def _wire_actions(ctx, w: dict, act, filters: list, outs: list) -> None:
    """Every change is journalled with who made it, so 撤销上一步 undoes that person's last action."""

    def paid(t, sku, status, buyer, request: gr.Request):
        who = ctx.actor(request)
        return act(lambda: f"已标记付款 {ctx.ledger.mark_paid(parse_ids(t), actor=who)} 行")(sku, status, buyer)

    def picked(t, sku, status, buyer, request: gr.Request):
        who = ctx.actor(request)
        return act(lambda: f"已标记取货 {ctx.ledger.mark_picked_up(parse_ids(t), actor=who)} 行")(sku, status, buyer)

    def cancel(t, sku, status, buyer, request: gr.Request):
        who = ctx.actor(request)
        return act(lambda: "；".join(ctx.ledger.cancel_line(i, actor=who).message for i in parse_ids(t)))(
            sku, status, buyer)

    def undo(sku, status, buyer, request: gr.Request):
        return act(lambda: ctx.ledger.undo(actor=ctx.actor(request)))(sku, status, buyer)

    def resolve(line_id, sku_pick, qty, sku, status, buyer, request: gr.Request):
        if not line_id or not sku_pick:
            raise gr.Error("请填写行号并选择商品")
        who = ctx.actor(request)
        return act(lambda: ctx.ledger.resolve_review(int(line_id), sku_pick, float(qty or 0), actor=who).message)(
            sku, status, buyer)

    def dismiss(line_id, sku, status, buyer, request: gr.Request):
        if not line_id:
            raise gr.Error("请填写要驳回的行号")
        return act(lambda: ctx.ledger.dismiss_review(int(line_id), actor=ctx.actor(request)).message)(
            sku, status, buyer)

    w["paid"].click(paid, [w["ids"], *filters], outs)
    w["picked"].click(picked, [w["ids"], *filters], outs)
    w["cancel"].click(cancel, [w["ids"], *filters], outs)
    w["undo"].click(undo, filters, outs)
    w["r_ok"].click(resolve, [w["r_id"], w["r_sku"], w["r_qty"], *filters], outs)
    w["r_no"].click(dismiss, [w["r_id"], *filters], outs)

    def pick_order(evt: gr.SelectData):
        return str(evt.row_value[0]) if evt.row_value else ""

    def pick_review(evt: gr.SelectData):
        row = evt.row_value or []
        sku = next((p.sku for p in ctx.catalog if row and p.name == row[3]), None)
        return (row[0] if row else None), sku, (row[4] if row and row[4] != "" else 1)

    w["orders"].select(pick_order, None, w["ids"])
    w["review"].select(pick_review, None, [w["r_id"], w["r_sku"], w["r_qty"]])


def _wire_export(ctx, w: dict) -> None:
    def do_export(fmt_value, progress=gr.Progress()):
        from copilot.orders.exports import export_ledger

        progress(0.2, desc="正在导出…")
        out = ctx.settings.exports_dir / f"{ctx.ledger.stream}-{time.strftime('%Y%m%d-%H%M%S')}"
        try:
            paths = export_ledger(ctx.ledger, out, fmt_value)
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None
        return [str(p) for p in paths]

    w["export"].click(do_export, w["fmt"], w["files"])
