"""取货台: for whoever stands at the counter the day after the stream.

Top: one search box (取货号, 手机尾号, 昵称 or 楼号房号) and the buyers it finds; one buyer is shown with
what to hand over and what to collect, a big 整单取货 button and 撤销 (the last pickup, journalled with
who did it). Below: who has not collected yet, with the reminder for the group, the confirmation
texts (pickup number, items, day and window) and the 取货单 to print.
"""

from __future__ import annotations

import time

import gradio as gr

from copilot.base.errors import CopilotError
from copilot.orders.buyers import items_text, set_contact
from copilot.orders.pickup import PickupDesk, due_stream
from copilot.ui import WhileShown, skip_unchanged

RESULT_HEADERS = ["取货号", "买家", "手机尾号", "楼号房号", "待取的货", "金额", "待收", "状态"]
PENDING_HEADERS = ["取货号", "买家", "手机尾号", "楼号房号", "待取的货", "待收"]
LINE_STATUS = {"reserved": "待取（未付）", "paid": "待取（已付）", "picked_up": "已取货", "waitlist": "候补，不用给"}
REFRESH_SECONDS = 5.0


def buyer_rows(buyers, catalog, pending: bool = False) -> list[list]:
    rows = []
    for b in buyers:
        goods = items_text(b.to_pick or b.lines, catalog)
        row = [b.pickup_no, b.buyer, b.phone_tail, b.address, goods]
        rows.append(row + [b.due] if pending else row + [b.amount, b.due, b.status])
    return rows


def header_md(desk, buyers, schedule) -> str:
    waiting = sum(1 for b in buyers if b.to_pick)
    done = sum(1 for b in buyers if b.status == "已取货")
    late = "　⚠ 已过取货时间" if schedule.overdue() and waiting else ""
    return (f"### 取货台 · 场次 {desk.ledger.stream}\n取货时间 **{schedule.text()}**　"
            f"待取 **{waiting}** 位 · 已取 {done} 位{late}")


def detail_md(buyer, catalog) -> str:
    if buyer is None:
        return "输入取货号、手机尾号、昵称或楼号房号，回车查找；找到多位时点表格里的一行。"
    contact = "　".join(x for x in (f"尾号 {buyer.phone_tail}" if buyer.phone_tail else "", buyer.address) if x)
    rows = ["| 商品 | 数量 | 金额 | 状态 |", "|---|---|---|---|"]
    for ln in buyer.lines:
        p = catalog.get(ln.sku or "")
        state = LINE_STATUS.get(ln.status, ln.status)
        rows.append(f"| {p.name if p else ln.sku} | {ln.qty:g}{ln.unit} | {ln.amount:g} | {state} |")
    money = f"**现场收款 {buyer.due:g} 元**" if buyer.due else "已付款，不用收钱"
    if not buyer.to_pick:
        money = buyer.status
    return "\n".join([f"## {buyer.pickup_no}号 {buyer.buyer}　<small>{contact}</small>", *rows, "", money])


# what a search or an action sends to the page, in this order; a timer refreshes only the lists
VIEWS = ("head", "results", "key", "detail", "confirm", "pending", "reminder", "phone", "address")
LISTS = ("head", "results", "pending", "reminder")


def build(ctx) -> list:
    head = gr.Markdown(elem_id="pickup-header")
    w = _search_panel(ctx)
    w.update(_pending_panel())
    w.update(_contact_panel())
    w["head"] = head

    def desk_of(stream) -> PickupDesk:
        return PickupDesk(ctx.ledger_for(stream or None))

    def views(stream, query, key):
        desk = desk_of(stream)
        buyers = desk.buyers()
        schedule = desk.schedule(buyers)
        found = desk.find(query, buyers) if (query or "").strip() else [b for b in buyers if b.to_pick]
        key = key if any(b.key == key for b in buyers) else None
        if (query or "").strip() and len(found) == 1:
            key = found[0].key
        chosen = next((b for b in buyers if b.key == key), None)
        pending = desk.pending(buyers)
        out = {"head": header_md(desk, buyers, schedule), "results": buyer_rows(found, ctx.catalog), "key": key,
               "detail": detail_md(chosen, ctx.catalog),
               "confirm": desk.confirmation_text(chosen, schedule) if chosen else "",
               "pending": buyer_rows(pending, ctx.catalog, pending=True),
               "reminder": desk.reminder_text(pending, schedule),
               "phone": chosen.phone_tail if chosen else "", "address": chosen.address if chosen else ""}
        return (*(out[k] for k in VIEWS), hash(repr([out[k] for k in LISTS])))

    shown = gr.State(None)  # a digest of the lists on the page, whichever handler sent them last
    outputs = [*(w[k] for k in VIEWS), shown]
    inputs = [w["stream"], w["query"], w["key"]]
    for trigger in (w["query"].submit, w["search"].click, w["stream"].change):
        trigger(views, inputs, outputs)
    _wire_counter(ctx, desk_of, w, views, inputs, outputs)
    _wire_texts(ctx, desk_of, w)

    lists = [*(w[k] for k in LISTS), shown]
    follow = skip_unchanged(views, [VIEWS.index(k) for k in LISTS])

    def streams():  # on every page load: the 场次 list, and the one whose buyers collect today
        return gr.Dropdown(choices=ctx.streams(), value=due_stream(ctx.ledger.engine, ctx.catalog.store) or ctx.stream)

    return [(streams, [w["stream"]]), WhileShown(follow, [*inputs, shown], lists, REFRESH_SECONDS)]


def _search_panel(ctx) -> dict:
    w = {"key": gr.State(None), "last_action": gr.State(None)}
    with gr.Row():
        w["stream"] = gr.Dropdown([ctx.stream], value=ctx.stream, label="场次（默认今天取货的那一场）", scale=1,
                                  allow_custom_value=True, elem_id="pickup-stream")
        w["query"] = gr.Textbox(label="查找买家", placeholder="取货号 12 / 手机尾号 6789 / 昵称 / 楼号房号 3栋502，回车查找",
                                scale=4, elem_id="pickup-query", autofocus=True)
        w["search"] = gr.Button("查找", scale=1, elem_id="pickup-search")
    with gr.Row():
        with gr.Column(scale=3):
            w["results"] = gr.Dataframe(headers=RESULT_HEADERS, interactive=False, label="买家（点一行选中）",
                                        elem_id="pickup-results", max_height=360)
        with gr.Column(scale=2):
            w["detail"] = gr.Markdown(detail_md(None, None), elem_id="pickup-detail")
            with gr.Row():
                w["done"] = gr.Button("✅ 整单取货", variant="primary", size="lg", elem_id="pickup-done")
                w["undo"] = gr.Button("↶ 撤销", size="lg", elem_id="pickup-undo")
            w["status"] = gr.Markdown(elem_id="pickup-status")
            w["confirm"] = gr.Textbox(label="订单确认消息（带取货号，可复制发给买家）", lines=6, interactive=False,
                                      elem_id="pickup-confirm", buttons=["copy"])
    return w


def _pending_panel() -> dict:
    w = {}
    gr.Markdown("#### 还没取货的买家")
    with gr.Row():
        with gr.Column(scale=3):
            w["pending"] = gr.Dataframe(headers=PENDING_HEADERS, interactive=False, label="待取货",
                                        elem_id="pickup-pending", max_height=320)
        with gr.Column(scale=2):
            w["reminder"] = gr.Textbox(label="取货提醒（复制到群里）", lines=6, interactive=False,
                                       elem_id="pickup-reminder", buttons=["copy"])
    with gr.Row():
        w["notice_btn"] = gr.Button("生成全群取货通知")
        w["export"] = gr.Button("导出取货单（xlsx）")
    w["notice"] = gr.Textbox(label="全群取货通知（每位买家的取货号和货，复制到群里）", lines=4, interactive=False,
                             buttons=["copy"], elem_id="pickup-notice")
    w["files"] = gr.File(label="下载", file_count="multiple", elem_id="pickup-files", height=90)
    return w


def _contact_panel() -> dict:
    w = {}
    with gr.Accordion("改正选中买家的手机尾号 / 楼号房号", open=False), gr.Row():
        w["phone"] = gr.Textbox(label="手机尾号", placeholder="4 位数字", scale=1, elem_id="pickup-phone")
        w["address"] = gr.Textbox(label="楼号房号", placeholder="3栋2单元502", scale=2, elem_id="pickup-address")
        w["save"] = gr.Button("保存", scale=0)
    return w


def _wire_counter(ctx, desk_of, w: dict, views, inputs: list, outputs: list) -> None:
    """Pickup and undo are journalled with who did them; undo reverses this page's last pickup."""

    def pick(evt: gr.SelectData, stream, query):
        row = evt.row_value or []
        key = next((b.key for b in desk_of(stream).buyers() if row and str(b.pickup_no) == str(row[0])), None)
        return views(stream, query, key)

    def done(stream, query, key, request: gr.Request):
        if not key:
            raise gr.Error("先查找并选中一位买家")
        try:
            res = desk_of(stream).done(key, actor=ctx.actor(request))
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None
        return (f"✅ {res.message}", res.action_id, *views(stream, query, key))

    def undo(stream, query, key, action_id, request: gr.Request):
        desk = desk_of(stream)
        try:
            msg = desk.undo(action_id) if action_id else desk.undo(actor=ctx.actor(request))
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None
        return (f"↶ {msg}", None, *views(stream, query, key))

    def save(stream, query, key, phone, address):
        desk = desk_of(stream)
        buyer = next((b for b in desk.buyers() if b.key == key), None)
        if buyer is None:
            raise gr.Error("先选中一位买家")
        try:
            set_contact(desk.ledger, buyer, phone_tail=phone or "", address=address or "")
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None
        return (f"已保存 {buyer.label()} 的联系方式", *views(stream, query, key))

    w["results"].select(pick, [w["stream"], w["query"]], outputs)
    w["done"].click(done, inputs, [w["status"], w["last_action"], *outputs])
    w["undo"].click(undo, [*inputs, w["last_action"]], [w["status"], w["last_action"], *outputs])
    w["save"].click(save, [*inputs, w["phone"], w["address"]], [w["status"], *outputs])


def _wire_texts(ctx, desk_of, w: dict) -> None:
    def notice(stream):
        desk = desk_of(stream)
        buyers = desk.buyers()
        return desk.group_notice(buyers, desk.schedule(buyers)) or "还没有待取的订单"

    def export(stream, progress=gr.Progress()):
        from copilot.orders.exports import export_ledger

        progress(0.2, desc="正在导出…")
        ledger = desk_of(stream).ledger
        out = ctx.settings.exports_dir / f"pickup-{ledger.stream}-{time.strftime('%Y%m%d-%H%M%S')}"
        try:
            return [str(p) for p in export_ledger(ledger, out, "xlsx")]
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None

    w["notice_btn"].click(notice, w["stream"], w["notice"])
    w["export"].click(export, w["stream"], w["files"])
