"""团购台账: orders with filters, the review queue, paid / picked up, undo, stock and exports; the buyers
of the 场次 with their totals, the unpaid list with a reminder, and bulk paid from a list (preview first).

The orders table shows the newest lines first, a page at a time, and searches by buyer. While the tab
is shown the tables follow the live room on a timer (see ``WhileShown``): the current filters and
page are re-applied and nothing is sent when nothing changed."""

from __future__ import annotations

import time

import gradio as gr

from copilot.base.errors import CopilotError
from copilot.orders.browse import PAGE_SIZE, page_lines
from copilot.orders.pickup import PickupSchedule
from copilot.orders.schema import STATUS_ZH
from copilot.orders.summary import stock_summary
from copilot.ui import WhileShown, skip_unchanged

ORDER_HEADERS = ["ID", "买家", "链接", "商品", "数量", "单位", "单价", "金额", "状态", "原因", "评论"]
STOCK_HEADERS = ["商品", "单位", "库存", "已预留", "已付款", "已取货", "候补", "剩余", "买家数", "金额"]
BUYER_HEADERS = ["取货号", "买家", "手机尾号", "楼号房号", "金额", "已付", "待付", "状态"]
UNPAID_HEADERS = ["取货号", "买家", "待付"]
PREVIEW_HEADERS = ["行", "名单上的昵称", "金额", "对上的买家", "应付", "结果"]
PURCHASE_HEADERS = ["供货商", "商品", "单位", "已订", "候补", "店里现有（可改）", "需采购"]
ALL = "全部"
REFRESH_SECONDS = 3.0


def _product_label(p) -> str:
    return f"{p.link}号 {p.name}"


def order_rows(ledger, sku=None, status=None, buyer=None, lines=None) -> list[list]:
    rows = []
    lines = ledger.lines(sku=sku or None, status=status or None, buyer=buyer or None) if lines is None else lines
    for line in lines:
        p = ledger.catalog.get(line.sku) if line.sku else None
        rows.append([line.id, line.buyer, p.link if p else "", p.name if p else "（未定）",
                     "" if line.qty is None else line.qty, line.unit or "", line.unit_price or "",
                     line.amount, STATUS_ZH.get(line.status, line.status), line.reason or "", line.comment_text])
    return rows


def page_view(ledger, sku=None, status=None, buyer=None, page=1) -> tuple[list[list], str, int]:
    """One page of the orders table (newest first): its rows, the caption and the page shown."""
    pg = page_lines(ledger, sku=sku or None, status=status or None, buyer=buyer or None, page=int(page or 1),
                    size=PAGE_SIZE)
    return order_rows(ledger, lines=pg.lines), pg.caption(), pg.page


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
    gr.Markdown(f"### 团购台账　<small>今晚的场次 {ctx.stream}，取货：{PickupSchedule.of(catalog.store, ctx.stream).text()}"
                "；上面可以切到彩排或以前的场次</small>")
    w = _orders_panel(ctx)
    w.update(_review_panel(ctx))
    w.update(_stock_panel(ctx))
    shown = gr.State(None)  # a digest of the tables on the page, whichever handler sent them last
    outputs = [w["orders"], w["review"], w["stock"], w["caption"], w["page"], shown]
    filters = [w["stream"], w["f_sku"], w["f_status"], w["f_buyer"], w["page"]]

    def views(stream, sku, status, buyer, page=1):
        ledger = ctx.ledger_for(stream)
        rows, caption, page = page_view(ledger, sku, status, buyer, page)
        tables = (rows, order_rows(ledger, status="needs_review"), stock_rows(ledger), caption, page)
        return (*tables, hash(repr(tables)))

    def act(fn):
        """``fn(ledger_of_the_picked_场次, *inputs)`` -> message; then that 场次's tables."""
        def run(*args):
            *rest, stream, sku, status, buyer, page = args
            try:
                message = fn(ctx.ledger_for(stream), *rest)
            except CopilotError as exc:
                raise gr.Error(str(exc)) from None
            return (f"✅ {message}", *views(stream, sku, status, buyer, page))
        return run

    for trigger in (w["refresh"].click, w["stream"].change, w["f_sku"].change, w["f_status"].change,
                    w["f_buyer"].submit):
        trigger(lambda stream, sku, status, buyer, _page: views(stream, sku, status, buyer, 1), filters, outputs)
    _wire_pages(w, views, filters, outputs)
    jielong_panel(ctx, views, filters, outputs)
    _wire_payments(ctx, _payments_panel(ctx), w["stream"])
    _wire_purchase(ctx, _purchase_panel(ctx), w["stream"])
    _wire_actions(ctx, w, act, filters, [w["status"], *outputs])
    _wire_export(ctx, w)

    streams = (lambda: gr.Dropdown(choices=ctx.streams(), value=ctx.stream), [w["stream"]])  # on page load
    return [streams, WhileShown(skip_unchanged(views), [*filters, shown], outputs, REFRESH_SECONDS)]


def jielong_panel(ctx, views, filters: list, outputs: list) -> None:
    """The 接龙 paste box (as in 直播间): the whole chain as it stands in the group; idempotent."""
    from copilot.ui.live_sources import apply_jielong, jielong_box

    with gr.Accordion("粘贴群接龙（新行下单、改行改单、删行取消；同一条贴两次不会重复）", open=False):
        box = jielong_box(ctx, "ledger")
        result = gr.Markdown(elem_id="ledger-jielong-result")

    def run(text, *current_filters):
        return (apply_jielong(ctx, text, current_filters[0]), *views(*current_filters))

    box["jl_go"].click(run, [box["jl_text"], *filters], [result, *outputs])


def buyer_views(ledger) -> tuple[list[list], str, list[list], str]:
    """Per-buyer totals (by pickup number), their sum, the unpaid list and its reminder text."""
    from copilot.orders.buyers import stream_buyers
    from copilot.orders.payments import buyer_totals, unpaid, unpaid_reminder

    buyers = stream_buyers(ledger)
    t = buyer_totals(buyers)
    summary = (f"{t['buyers']} 位买家 · 金额 {t['amount']:g} 元 · 已付 {t['paid']:g} 元 · "
               f"待付 {t['due']:g} 元（{t['unpaid_buyers']} 位）")
    rows = [[b.pickup_no, b.buyer, b.phone_tail, b.address, b.amount, b.paid, b.due, b.status] for b in buyers]
    owing = [[b.pickup_no, b.buyer, b.due] for b in unpaid(buyers)]
    return rows, summary, owing, unpaid_reminder(ledger, buyers)


def preview_rows(preview) -> list[list]:
    return [[r.entry.row, r.entry.name, r.entry.amount, r.buyer.label() if r.buyer else "",
             r.due if r.buyer else "", r.message] for r in preview.rows]


def purchase_views(ledger, cutoff: str | None) -> tuple[list[list], str, str]:
    """The purchase list: a row per product with demand or stock on hand, a summary line, and the
    message for every supplier."""
    from copilot.orders.purchase import purchase_plan, supplier_message

    plan = purchase_plan(ledger, cutoff=(cutoff or "").strip() or None)
    rows = [[i.supplier, i.name, i.unit, i.ordered, i.waitlist, i.on_hand, i.qty] for i in plan.items]
    cut = f"截单 {plan.cutoff:%m-%d %H:%M}" if plan.cutoff else "不截单"
    summary = (f"{cut} · {len(plan.suppliers)} 个供货商要订货 · 截单后 {plan.late_lines} 笔、"
               f"待确认 {plan.review_lines} 笔未计入 · 到货：{plan.delivery.text()} 之前")
    messages = "\n\n".join(f"【{o.supplier}】\n{supplier_message(plan, o)}" for o in plan.suppliers)
    return rows, summary, messages or "没有要采购的商品"


def _sku_choices(catalog) -> list[tuple[str, str]]:
    return [(_product_label(p), p.sku) for p in catalog]


def _orders_panel(ctx) -> dict:
    status_choices = [(ALL, "")] + [(zh, code) for code, zh in STATUS_ZH.items()]
    w = {}
    with gr.Row():
        w["stream"] = gr.Dropdown([ctx.stream], value=ctx.stream, label="场次", scale=1, elem_id="ledger-stream")
        w["f_sku"] = gr.Dropdown([(ALL, "")] + _sku_choices(ctx.catalog), value="", label="商品", scale=2)
        w["f_status"] = gr.Dropdown(status_choices, value="", label="状态", scale=1)
        w["f_buyer"] = gr.Textbox(label="买家", placeholder="昵称的一部分，回车搜索", scale=1, elem_id="ledger-buyer")
        w["refresh"] = gr.Button("刷新", scale=0)
    w["orders"] = gr.Dataframe(headers=ORDER_HEADERS, value=lambda: page_view(ctx.ledger)[0], interactive=False,
                               label="订单（最新的在前）", elem_id="ledger-orders", max_height=420)
    w.update(_pager_panel(ctx))
    with gr.Row():
        w["ids"] = gr.Textbox(label="订单行号", placeholder="例如 3,5,8-10（点表格中的行自动填入）", scale=3)
        w["paid"] = gr.Button("标记已付款", scale=1)
        w["picked"] = gr.Button("标记已取货", scale=1)
        w["cancel"] = gr.Button("取消这一行", scale=1)
        w["undo"] = gr.Button("撤销上一步", variant="secondary", scale=1)
    w["status"] = gr.Markdown(elem_id="ledger-status")
    return w


def _pager_panel(ctx) -> dict:
    w = {}
    with gr.Row():
        w["prev"] = gr.Button("‹ 上一页", scale=0, size="sm", min_width=90, elem_id="ledger-prev")
        w["page"] = gr.Number(value=1, precision=0, minimum=1, show_label=False, scale=0, min_width=80,
                              elem_id="ledger-page")
        w["next"] = gr.Button("下一页 ›", scale=0, size="sm", min_width=90, elem_id="ledger-next")
        w["caption"] = gr.Markdown(value=lambda: page_view(ctx.ledger)[1], elem_id="ledger-caption")
    return w


def _wire_pages(w: dict, views, filters: list, outputs: list) -> None:
    def go(delta: int):
        def run(stream, sku, status, buyer, page):
            return views(stream, sku, status, buyer, int(page or 1) + delta)
        return run

    w["prev"].click(go(-1), filters, outputs)
    w["next"].click(go(1), filters, outputs)
    w["page"].submit(go(0), filters, outputs)


def _payments_panel(ctx) -> dict:
    w = {"preview": gr.State(None)}
    with gr.Accordion("买家与付款：每位买家的金额、未付款名单、批量标记已付款", open=False) as w["acc"]:
        with gr.Row():
            w["b_refresh"] = gr.Button("刷新", scale=0)
            w["b_summary"] = gr.Markdown(elem_id="ledger-buyer-summary")
        with gr.Row():
            w["buyers"] = gr.Dataframe(headers=BUYER_HEADERS, interactive=False, label="每位买家（按取货号）",
                                       elem_id="ledger-buyers", max_height=360, scale=3)
            with gr.Column(scale=2):
                w["unpaid"] = gr.Dataframe(headers=UNPAID_HEADERS, interactive=False, label="未付款",
                                           elem_id="ledger-unpaid", max_height=220)
                w["unpaid_text"] = gr.Textbox(label="付款提醒（复制到群里）", lines=5, interactive=False,
                                              buttons=["copy"], elem_id="ledger-unpaid-text")
        gr.Markdown("**批量标记已付款**：粘贴付款名单（每行“昵称 金额”，昵称也可以写取货号）或上传 CSV（昵称,金额）。"
                    "先预览每行对上了谁，确认后才标记；只有金额和应付一致的买家会被标记，其余请人工核对。")
        with gr.Row():
            w["pay_text"] = gr.Textbox(label="付款名单", lines=5, placeholder="王阿姨 98.8\n李叔 59", scale=3,
                                       elem_id="ledger-pay-text")
            w["pay_file"] = gr.File(label="或上传 CSV / TXT", file_types=[".csv", ".txt"], scale=1,
                                    elem_id="ledger-pay-file")
        with gr.Row():
            w["pay_preview"] = gr.Button("预览匹配", elem_id="ledger-pay-preview")
            w["pay_apply"] = gr.Button("确认标记已付款", variant="primary", interactive=False, elem_id="ledger-pay-apply")
        w["pay_rows"] = gr.Dataframe(headers=PREVIEW_HEADERS, interactive=False, label="预览（还没有改动台账）",
                                     elem_id="ledger-pay-rows")
        w["pay_status"] = gr.Markdown(elem_id="ledger-pay-status")
    return w


def _wire_payments(ctx, w: dict, stream) -> None:
    """Preview changes nothing; apply marks exactly what the preview showed, as one undoable action."""
    from copilot.orders.payments import apply_payments, parse_payments, preview_payments, read_payment_file

    views = [w["buyers"], w["b_summary"], w["unpaid"], w["unpaid_text"]]
    for trigger in (w["b_refresh"].click, w["acc"].expand):
        trigger(lambda st: buyer_views(ctx.ledger_for(st)), stream, views)

    def preview(st, text, file):
        try:
            entries = read_payment_file(file) if file else parse_payments(text)
            pv = preview_payments(ctx.ledger_for(st), entries)
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None
        msg = (f"可以标记 **{len(pv.to_apply)}** 位，共 {pv.total:g} 元；其余 {len(pv.rows) - len(pv.to_apply)} 行"
               "需要人工核对。确认无误再点“确认标记已付款”。")
        return pv, preview_rows(pv), msg, gr.Button(interactive=bool(pv.to_apply))

    def apply(st, pv, request: gr.Request):
        if pv is None:
            raise gr.Error("先点“预览匹配”")
        try:
            msg, _ = apply_payments(ctx.ledger_for(st), pv, actor=ctx.actor(request))
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None
        return (None, f"✅ {msg}（点上方“撤销上一步”可整批撤销）", gr.Button(interactive=False),
                *buyer_views(ctx.ledger_for(st)))

    w["pay_preview"].click(preview, [stream, w["pay_text"], w["pay_file"]],
                           [w["preview"], w["pay_rows"], w["pay_status"], w["pay_apply"]])
    w["pay_apply"].click(apply, [stream, w["preview"]], [w["preview"], w["pay_status"], w["pay_apply"], *views])


def _purchase_panel(ctx) -> dict:
    w = {}
    with gr.Accordion("采购单（以销定采）：每个供货商要订多少，要货消息和表格", open=False) as w["acc"]:
        with gr.Row():
            w["cutoff"] = gr.Textbox(value=ctx.catalog.store.order_cutoff, label="截单时间",
                                     placeholder="22:00；不截单写“无”", scale=1, elem_id="ledger-cutoff")
            w["refresh"] = gr.Button("重新计算", scale=0)
            w["save"] = gr.Button("保存店里现有库存并重算", scale=0)
            w["export"] = gr.Button("导出采购单（xlsx）", variant="primary", scale=0)
        w["summary"] = gr.Markdown(elem_id="ledger-purchase-summary")
        w["table"] = gr.Dataframe(headers=PURCHASE_HEADERS, type="array", interactive=True,
                                  static_columns=[0, 1, 2, 3, 4, 6], label="需采购 = 已订 + 候补 - 店里现有",
                                  elem_id="ledger-purchase", max_height=360)
        with gr.Row():
            w["messages"] = gr.Textbox(label="要货消息（按供货商，复制发给对方）", lines=8, interactive=False,
                                       buttons=["copy"], elem_id="ledger-purchase-messages", scale=3)
            w["file"] = gr.File(label="下载", elem_id="ledger-purchase-file", height=90, scale=1)
    return w


def _wire_purchase(ctx, w: dict, stream) -> None:
    """Stock on hand typed into the table is kept for the 场次 (and shown next time)."""
    from copilot.orders.counter import save_on_hand

    outs = [w["table"], w["summary"], w["messages"]]

    def views(st, cutoff):
        try:
            return purchase_views(ctx.ledger_for(st), cutoff)
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None

    def save(st, table, cutoff, request: gr.Request):
        by_name = {p.name: p.sku for p in ctx.catalog}
        counted = {}
        for row in table or []:
            if row and row[1] in by_name:
                try:
                    counted[by_name[row[1]]] = max(0.0, float(row[5] or 0))
                except (TypeError, ValueError):
                    raise gr.Error(f"{row[1]} 的店里现有库存「{row[5]}」不是数字") from None
        ledger = ctx.ledger_for(st)
        save_on_hand(ledger.engine, ledger.stream, counted, actor=ctx.actor(request))
        return views(st, cutoff)

    def export(st, cutoff):
        from copilot.orders.exports import export_purchase
        from copilot.orders.purchase import purchase_plan

        try:
            plan = purchase_plan(ctx.ledger_for(st), cutoff=(cutoff or "").strip() or None)
            return str(export_purchase(plan, ctx.settings.exports_dir))
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None

    for trigger in (w["acc"].expand, w["refresh"].click, w["cutoff"].submit):
        trigger(views, [stream, w["cutoff"]], outs)
    w["save"].click(save, [stream, w["table"], w["cutoff"]], outs)
    w["export"].click(export, [stream, w["cutoff"]], w["file"])


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

    def paid(t, stream, sku, status, buyer, page, request: gr.Request):
        return act(lambda led: f"已标记付款 {led.mark_paid(parse_ids(t), actor=ctx.actor(request))} 行")(
            stream, sku, status, buyer, page)

    def picked(t, stream, sku, status, buyer, page, request: gr.Request):
        return act(lambda led: f"已标记取货 {led.mark_picked_up(parse_ids(t), actor=ctx.actor(request))} 行")(
            stream, sku, status, buyer, page)

    def cancel(t, stream, sku, status, buyer, page, request: gr.Request):
        who = ctx.actor(request)
        return act(lambda led: "；".join(led.cancel_line(i, actor=who).message for i in parse_ids(t)))(
            stream, sku, status, buyer, page)

    def undo(stream, sku, status, buyer, page, request: gr.Request):
        return act(lambda led: led.undo(actor=ctx.actor(request)))(stream, sku, status, buyer, page)

    def resolve(line_id, sku_pick, qty, stream, sku, status, buyer, page, request: gr.Request):
        if not line_id or not sku_pick:
            raise gr.Error("请填写行号并选择商品")
        who = ctx.actor(request)
        return act(lambda led: led.resolve_review(int(line_id), sku_pick, float(qty or 0), actor=who).message)(
            stream, sku, status, buyer, page)

    def dismiss(line_id, stream, sku, status, buyer, page, request: gr.Request):
        if not line_id:
            raise gr.Error("请填写要驳回的行号")
        return act(lambda led: led.dismiss_review(int(line_id), actor=ctx.actor(request)).message)(
            stream, sku, status, buyer, page)

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
    def do_export(stream, fmt_value, progress=gr.Progress()):
        from copilot.orders.exports import export_ledger

        progress(0.2, desc="正在导出…")
        ledger = ctx.ledger_for(stream)
        out = ctx.settings.exports_dir / f"{ledger.stream}-{time.strftime('%Y%m%d-%H%M%S')}"
        try:
            paths = export_ledger(ledger, out, fmt_value)
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None
        return [str(p) for p in paths]

    w["export"].click(do_export, [w["stream"], w["fmt"]], w["files"])
