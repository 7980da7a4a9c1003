"""直播间: laid out for a person working fast during the stream.

Left: comments in (paste, upload JSONL/CSV, replay a file at real speed for rehearsal) and the feed with
each comment's outcome at a glance. Right: the current product with live stock, running totals, the
question queue with suggested replies, the review queue. Everything refreshes on a timer; one undo
button reverses the session's last action.
"""

from __future__ import annotations

import logging
import time

import gradio as gr

from copilot.base.catalog import fmt_number
from copilot.base.errors import CopilotError
from copilot.live.follow import SAMPLE_COMMENTS, SAMPLE_SCHEDULE, schedule_from_truth
from copilot.live.jobs import Jobs
from copilot.live.records import KIND_ZH
from copilot.orders.ledger import is_rehearsal
from copilot.ui.ledger import ORDER_HEADERS, order_rows
from copilot.ui.live_sources import (
    BEEP_JS,
    alerts,
    apply_jielong,
    jielong_box,
    source_rows,
    sources_panel,
    wire_sources,
)

log = logging.getLogger(__name__)
SPEEDS = {"实时 1×": 1.0, "2×": 2.0, "5×": 5.0, "20×": 20.0, "不等待": 0.0}
FEED_HEADERS = ["#", "时间", "买家", "评论", "结果", "类型", "说明"]
TOTAL_HEADERS = ["链接", "商品", "单价", "已预留", "候补", "待确认", "剩余", "买家数", "金额"]
QUESTION_HEADERS = ["编号", "问题", "人数", "状态", "建议回复", "依据 / 可参考"]
REFRESH_SECONDS = 1.5


def _err(exc: CopilotError) -> gr.Error:
    return gr.Error(str(exc))


def feed_rows(session, limit: int = 200) -> list[list]:
    rows = []
    for it in session.feed_items(limit):
        ts = it.comment.ts
        when = f"{int(ts // 60):02d}:{int(ts % 60):02d}" if ts is not None else ""
        label = ("↶ 已撤销 " if it.undone else "") + it.label
        rows.append([it.seq, when, it.comment.user, it.comment.text[:80], label, KIND_ZH.get(it.kind, it.kind),
                     it.message])
    return rows


def total_rows(session) -> list[list]:
    return [[r["link"], r["name"], f"{fmt_number(r['price'])}/{r['unit']}", r["reserved"], r["waitlist"], r["review"],
             r["remaining"], r["buyers"], r["amount"]]
            for r in session.totals() if r["reserved"] or r["waitlist"] or r["review"] or r["sku"] == session.current_sku]


def question_rows(session) -> list[list]:
    rows = []
    for q in session.question_queue():
        state = "有建议回复" if q.answered else "需人工回答"
        basis = ("来源：" + "、".join(dict.fromkeys(q.sources)) if q.answered and q.sources else
                 "知识库里最接近的（不一定答得上）：" + "；".join(q.hints) if q.hints else "")
        basis = f"{q.why}　{basis}".strip() if q.why else basis
        rows.append([q.id, q.text, len(q.users), state, q.reply or "（知识库没有答案，请人工回复）", basis])
    return rows


SOURCE_ZH = {"assistant": "助理", "transcript": "语音", "schedule": "节目单", "undo": "撤销"}


def history_md(session, n: int = 3) -> str:
    def name(sku):
        p = session.catalog.get(sku or "")
        return f"{p.link}号 {p.aliases[0] if p.aliases else p.name}" if p else "无"

    items = [f"{time.strftime('%H:%M:%S', time.localtime(h.at))} → {name(h.new)}（{SOURCE_ZH.get(h.source, h.source)}）"
             for h in list(session.history)[-n:][::-1]]
    return ("\n\n<small>最近切换：" + "；".join(items) + "</small>") if items else ""


def current_md(ctx, stream: str | None = None) -> str:
    s, ledger = ctx.session_for(stream), ctx.ledger_for(stream)
    p = ctx.catalog.get(s.current_sku or "")
    if p is None:
        return "### 当前商品：未选择\n点右侧的商品按钮切换；“扣1”之类的评论需要知道当前商品。" + history_md(s)
    left = ledger.remaining(p.sku)
    warn = " ⚠ 快卖完了" if left <= max(1, p.stock * 0.1) else ""
    limit = f"，每人限购 {fmt_number(p.limit_per_buyer)}{p.unit}" if p.limit_per_buyer else ""
    return (f"### 当前商品：{p.link}号 {p.name}\n**{fmt_number(p.price)} 元/{p.unit}**{limit}　"
            f"剩余 **{fmt_number(left)}{p.unit}** / 共 {fmt_number(p.stock)}{p.unit}{warn}" + history_md(s))


def counts_md(session, jobs: Jobs) -> str:
    n = session.counts()
    parts = [f"🛒 订单 {n['order']}", f"❓ 提问 {n['question']}", f"💬 闲聊 {n['other']}", f"⚠ 待确认 {n['review']}"]
    if n.get("duplicate"):
        parts.append(f"↩ 重复 {n['duplicate']}")
    line = "　".join(parts)
    if jobs.running("replay"):
        line += f"　▶ 重放中 {jobs.done}/{jobs.total}"
    if jobs.running("follow"):
        line += "　🎙 正在跟随直播语音切换商品"
    return line + (f"\n\n{jobs.status}" if jobs.status else "")


def build(ctx) -> None:
    session, jobs = ctx.session, Jobs()
    product_choices = [(f"{p.link}号 {p.aliases[0] if p.aliases else p.name}", p.sku) for p in ctx.catalog]
    w = _top_bar(ctx, jobs, product_choices)
    with gr.Row(equal_height=False, elem_id="live-main"):  # feed, questions, review: one screen at 1366x768
        with gr.Column(scale=5, min_width=340):
            w["feed"] = _feed(session)
        with gr.Column(scale=4, min_width=320):
            w.update(_question_panel(session))
        with gr.Column(scale=4, min_width=320):
            w.update(_review_panel(ctx, product_choices))
    with gr.Row(equal_height=False):
        with gr.Column(scale=5, min_width=340):
            feed_in = _comment_inputs()
        with gr.Column(scale=4, min_width=320):
            w.update(sources_panel(ctx))
            with gr.Accordion("群接龙（粘贴整条：新行下单、改行改单、删行取消）", open=False):
                w.update(jielong_box(ctx, "live"))
        with gr.Column(scale=4, min_width=320):
            w["totals"] = gr.Dataframe(headers=TOTAL_HEADERS, value=total_rows(session), interactive=False,
                                       label="本场累计（按商品）", elem_id="live-totals", max_height=300)
            w.update(_follow_panel())
    views = [w[k] for k in ("counts", "feed", "current", "product", "totals", "questions", "review", "sources")]

    def refresh(stream):
        s = ctx.session_for(stream)
        return (counts_md(s, jobs), feed_rows(s), current_md(ctx, stream), s.current_sku, total_rows(s),
                question_rows(s), order_rows(ctx.ledger_for(stream), status="needs_review"), source_rows(session))

    def act(fn):
        """A handler of the picked 场次: ``fn(stream, *inputs)`` -> message; then the views of that 场次."""
        def run(stream, *args):
            try:
                message = fn(stream, *args)
            except CopilotError as exc:
                raise _err(exc) from None
            return (f"✅ {message}" if message else "", *refresh(stream))
        return run

    seen = gr.State(None)
    timer = gr.Timer(REFRESH_SECONDS)
    timer.tick(refresh, w["stream"], views, show_progress="hidden")
    timer.tick(lambda stream, s: alerts(ctx, s, stream), [w["stream"], seen], [w["alerts"], seen],
               show_progress="hidden").then(None, w["alerts"], None, js=BEEP_JS)
    outs = [w["status"], *views]
    w["stream"].change(lambda stream: ("", *refresh(stream)), w["stream"], outs)
    _wire_inputs(ctx, jobs, feed_in, w, outs, act, refresh)
    _wire_product(ctx, jobs, w, act, outs)
    _wire_queues(ctx, w, act, outs)
    _wire_rehearsal(ctx, jobs, w, outs)
    wire_sources(ctx, w, act, outs)
    w["jl_go"].click(act(lambda stream, text: apply_jielong(ctx, text, stream)), [w["stream"], w["jl_text"]], outs)
    return [(lambda: gr.Dropdown(choices=ctx.streams(), value=ctx.stream), [w["stream"]])]


def _top_bar(ctx, jobs, product_choices) -> dict:
    session = ctx.session
    w = {}
    with gr.Row(equal_height=False, elem_id="live-top"):
        with gr.Column(scale=4, min_width=300):
            w["current"] = gr.Markdown(current_md(ctx), elem_id="live-current")
        with gr.Column(scale=5, min_width=300):
            w["counts"] = gr.Markdown(counts_md(session, jobs), elem_id="live-counts")
            w["alerts"] = gr.HTML('<div class="live-alert"></div>', elem_id="live-alerts")
            w["status"] = gr.Markdown(elem_id="live-status")
        with gr.Column(scale=2, min_width=160):
            w["clear"] = gr.Button("不讲商品（闲聊中）", size="sm")
            w["undo"] = gr.Button("↶ 撤销上一步", variant="stop", size="sm", elem_id="live-undo")
            w["wipe"] = gr.Button("清空这个彩排场次", size="sm", visible=False, elem_id="live-wipe")
            with gr.Row(visible=False) as w["wipe_confirm"]:
                w["wipe_yes"] = gr.Button("确认清空", variant="stop", size="sm", elem_id="live-wipe-yes")
                w["wipe_no"] = gr.Button("取消", size="sm")
    with gr.Row(equal_height=True):
        w["product"] = gr.Radio(product_choices, value=session.current_sku, show_label=False,
                                label="当前商品（一键切换）", elem_id="live-product", scale=8)
        w["stream"] = gr.Dropdown([ctx.stream], value=ctx.stream, label="场次", show_label=False, container=False,
                                  scale=1, min_width=150, elem_id="live-stream")
    return w


def _feed(session):
    return gr.Dataframe(headers=FEED_HEADERS, value=feed_rows(session), interactive=False, wrap=True,
                        label="评论流（最新在上）", elem_id="live-feed", max_height=330,
                        column_widths=["6%", "9%", "12%", "25%", "12%", "8%", "28%"])


def _follow_panel() -> dict:
    w = {}
    with gr.Accordion("跟随直播语音自动切换商品", open=False):
        w["source"] = gr.Textbox(label="直播源（rtmp/hls/flv 地址，或正在录制的文件路径）")
        with gr.Row():
            w["follow"] = gr.Button("开始跟随", size="sm")
            w["unfollow"] = gr.Button("停止跟随", size="sm")
    return w


def _wire_product(ctx, jobs: Jobs, w: dict, act, outs: list) -> None:
    def switch(stream, sku, request: gr.Request):
        return act(lambda st: _switch(ctx.session_for(st), sku, ctx.actor(request)))(stream)

    def no_product(stream, request: gr.Request):
        return switch(stream, None, request)

    def undo_mine(stream, request: gr.Request):
        return act(lambda st: ctx.session_for(st).undo_last(ctx.actor(request)))(stream)

    w["product"].input(switch, [w["stream"], w["product"]], outs)
    w["clear"].click(no_product, w["stream"], outs)
    w["undo"].click(undo_mine, w["stream"], outs)
    w["follow"].click(act(lambda _st, src: _start_follow(ctx, jobs, src)), [w["stream"], w["source"]], outs)
    w["unfollow"].click(act(lambda _st: "已停止跟随" if jobs.stop("follow") else "没有在跟随"), w["stream"], outs)


def _wire_queues(ctx, w: dict, act, outs: list) -> None:
    def pick_question(evt: gr.SelectData):
        row = evt.row_value or []
        return (row[0] if row else None), (row[4] if len(row) > 4 else "")

    def mark_done(stream, qid):
        if not qid:
            raise gr.Error("先在问题队列里点选一条问题")
        return f"已标记回答：{ctx.session_for(stream).mark_answered(int(qid)).text}"

    def resolve(stream, i, s, q, request: gr.Request):
        return act(lambda st: _resolve(ctx.session_for(st), i, s, q, ctx.actor(request)))(stream)

    def dismiss(stream, i, request: gr.Request):
        return act(lambda st: _dismiss(ctx.session_for(st), i, ctx.actor(request)))(stream)

    def pick_review(evt: gr.SelectData):
        row = evt.row_value or []
        sku = next((p.sku for p in ctx.catalog if row and p.name == row[3]), None)
        return (row[0] if row else None), sku, (row[4] if row and row[4] != "" else 1)

    w["questions"].select(pick_question, None, [w["q_id"], w["reply"]])
    w["q_done"].click(act(mark_done), [w["stream"], w["q_id"]], outs)
    w["r_ok"].click(resolve, [w["stream"], w["r_id"], w["r_sku"], w["r_qty"]], outs)
    w["r_no"].click(dismiss, [w["stream"], w["r_id"]], outs)
    w["review"].select(pick_review, None, [w["r_id"], w["r_sku"], w["r_qty"]])


def _wire_rehearsal(ctx, jobs: Jobs, w: dict, outs: list) -> None:
    """A rehearsal 场次 can be emptied in one action, after a confirmation; tonight's never. A replay still
    feeding it is stopped first, or its next comments would fill the emptied 场次 again."""
    def picked(stream):
        return gr.update(visible=is_rehearsal(stream or "")), gr.update(visible=False)

    def wipe(stream):
        if is_rehearsal(stream or "") and jobs.stop("replay"):
            jobs.join("replay", timeout=10)
        try:
            n = ctx.clear_rehearsal(stream)
        except CopilotError as exc:
            raise _err(exc) from None
        gr.Info(f"已清空彩排场次 {stream}（{n} 笔订单）")
        return gr.update(visible=False), gr.update(value=ctx.stream, choices=ctx.streams())

    w["stream"].change(picked, w["stream"], [w["wipe"], w["wipe_confirm"]])
    w["wipe"].click(lambda: gr.update(visible=True), None, w["wipe_confirm"])
    w["wipe_no"].click(lambda: gr.update(visible=False), None, w["wipe_confirm"])
    w["wipe_yes"].click(wipe, w["stream"], [w["wipe_confirm"], w["stream"]])


def _comment_inputs() -> dict:
    with gr.Group():
        paste = gr.Textbox(lines=3, label="粘贴评论（每行一条，可写成“昵称：内容”）", elem_id="live-paste",
                           placeholder="王阿姨：扣2\n李姐：芒果甜不甜")
        with gr.Row():
            user = gr.Textbox(label="默认昵称（可选）", scale=2, elem_id="live-user")
            send = gr.Button("发送", variant="primary", scale=1, elem_id="live-send")
    with gr.Accordion("上传评论文件 / 重放排练", open=True):
        upload = gr.File(label="评论文件（JSONL 或 CSV：id,user,text,ts,current_sku）",
                         file_types=[".jsonl", ".csv", ".json", ".txt"], elem_id="live-upload", height=90)
        with gr.Row():
            speed = gr.Radio(list(SPEEDS), value="实时 1×", label="重放速度", elem_id="live-speed", scale=3)
            schedule = gr.Checkbox(value=True, label="示例按节目单切换商品", scale=1)
        with gr.Row():
            ingest = gr.Button("立即导入", elem_id="live-ingest")
            replay = gr.Button("▶ 按时间重放", elem_id="live-replay")
            sample = gr.Button("▶ 重放示例评论", elem_id="live-sample")
            stop = gr.Button("■ 停止", elem_id="live-stop")
    return {"paste": paste, "user": user, "send": send, "upload": upload, "speed": speed,
            "schedule": schedule, "ingest": ingest, "replay": replay, "sample": sample, "stop": stop}


def _question_panel(session):
    questions = gr.Dataframe(headers=QUESTION_HEADERS, value=question_rows(session), interactive=False, wrap=True,
                             label="问题队列（点一条，复制建议回复）", elem_id="live-questions", max_height=250)
    with gr.Row():
        q_id = gr.Number(label="编号", precision=0, scale=1, elem_id="live-q-id")
        q_done = gr.Button("标记已回答", scale=1, elem_id="live-q-done")
    reply = gr.Textbox(label="建议回复（可修改后复制到直播间）", lines=2, max_lines=3, buttons=["copy"],
                       elem_id="live-reply")
    return {"questions": questions, "q_id": q_id, "reply": reply, "q_done": q_done}


def _review_panel(ctx, product_choices):
    review = gr.Dataframe(headers=ORDER_HEADERS, value=order_rows(ctx.ledger, status="needs_review"),
                          interactive=False, wrap=True, label="待确认订单（系统拿不准的，由你来定）",
                          elem_id="live-review", max_height=250)
    with gr.Row():
        r_id = gr.Number(label="行号", precision=0, scale=1)
        r_sku = gr.Dropdown(product_choices, value=None, label="商品", scale=2)
        r_qty = gr.Number(label="数量", value=1, minimum=0, scale=1)
    with gr.Row():
        r_ok = gr.Button("确认下单", variant="primary", size="sm")
        r_no = gr.Button("驳回", size="sm")
    return {"review": review, "r_id": r_id, "r_sku": r_sku, "r_qty": r_qty, "r_ok": r_ok, "r_no": r_no}


def _wire_inputs(ctx, jobs: Jobs, w: dict, page: dict, outs: list, act, refresh) -> None:
    """Paste and files go to the picked 场次; a replay (a rehearsal) always goes to the rehearsal 场次."""
    def send(stream, text, user, request: gr.Request):
        def run(st):
            out = ctx.session_for(st).paste(text, user, actor=ctx.actor(request))
            n = {s: sum(o.status == s for o in out) for s in ("order", "question", "review")}
            return f"已处理 {len(out)} 条：订单 {n['order']}，提问 {n['question']}，待确认 {n['review']}"
        return act(run)(stream)

    def ingest(stream, path, progress=gr.Progress()):
        if not path:
            raise gr.Error("请先上传评论文件（JSONL 或 CSV）")
        session = ctx.session_for(stream)
        try:
            comments = session.load_uploaded(path)
            progress(0, desc=f"共 {len(comments)} 条评论")
            out = session.ingest_many(comments, lambda f, m: progress(f, desc=m))
        except CopilotError as exc:
            raise _err(exc) from None
        orders = sum(o.status == "order" for o in out)
        return (f"✅ 已导入 {len(out)} 条评论（场次 {stream}），订单 {orders} 条", *refresh(stream))

    def start_replay(path, speed, use_schedule, sample=False):
        rehearsal = ctx.rehearsal_stream
        session = ctx.session_for(rehearsal)
        path = SAMPLE_COMMENTS if sample else path
        if not path:
            raise gr.Error("请先上传评论文件，或点“重放示例评论”")
        comments = session.load_uploaded(path)
        plan = schedule_from_truth(SAMPLE_SCHEDULE) if sample and use_schedule else None
        if plan is None and session.current_sku is None and not any(c.current_sku for c in comments):
            gr.Warning("还没选当前商品：“扣1”这类评论会转人工确认。可在右侧点选商品后再重放。")
        jobs.done, jobs.total, jobs.status = 0, len(comments), ""

        def run(stop):
            def tick(_):
                jobs.done += 1
            session.replay(comments, speed=SPEEDS.get(speed, 1.0), stop_event=stop, on_item=tick, schedule=plan)
            jobs.status = f"重放结束：{jobs.done}/{jobs.total} 条（彩排场次 {rehearsal}）"

        jobs.start("replay", run)
        return (f"开始在彩排场次 {rehearsal} 重放 {len(comments)} 条评论（{speed}），不会进今晚的台账",
                gr.update(choices=ctx.streams(), value=rehearsal))

    def replay(stream, path, speed, use_schedule, sample=False):
        try:
            message, picker = start_replay(path, speed, use_schedule, sample)
        except CopilotError as exc:
            raise _err(exc) from None
        return picker, f"✅ {message}"

    w["send"].click(send, [page["stream"], w["paste"], w["user"]], outs).then(lambda: "", None, w["paste"])
    w["ingest"].click(ingest, [page["stream"], w["upload"]], outs)
    w["replay"].click(replay, [page["stream"], w["upload"], w["speed"], w["schedule"]],
                      [page["stream"], page["status"]])
    w["sample"].click(lambda st, s, u: replay(st, None, s, u, sample=True), [page["stream"], w["speed"], w["schedule"]],
                      [page["stream"], page["status"]])
    w["stop"].click(act(lambda _st: "已停止重放" if jobs.stop("replay") else "没有正在进行的重放"), page["stream"], outs)


def _switch(session, sku, actor: str) -> str:
    session.set_current(sku or None, "assistant", actor=actor)
    p = session.catalog.get(sku or "")
    return f"当前商品：{p.link}号 {p.name}" if p else "当前没有讲解商品"


def _start_follow(ctx, jobs: Jobs, source: str) -> str:
    from copilot.live.follow import follow_live

    if not (source or "").strip():
        raise gr.Error("请填写直播源地址或录制中的文件路径")
    jobs.start("follow", lambda stop: follow_live(ctx.session, source.strip(), ctx.settings, stop))
    time.sleep(0.2)
    return "开始跟随直播语音：讲到哪个商品就切到哪个"


def _resolve(session, line_id, sku, qty, actor: str) -> str:
    if not line_id or not sku:
        raise gr.Error("请填写行号并选择商品（点选待确认表格中的一行会自动填入）")
    return session.resolve_review(int(line_id), sku, float(qty or 0), actor=actor)


def _dismiss(session, line_id, actor: str) -> str:
    if not line_id:
        raise gr.Error("请填写要驳回的行号")
    return session.dismiss_review(int(line_id), actor=actor)
