"""直播间 helpers: the 来源 panel (start and stop the comment sources, their states) and the alerts that
mark a new question, a new review item or a product running low (a highlight and a short beep).

Layout and wiring only; the sources are ``copilot.live.sources``."""

from __future__ import annotations

import time

import gradio as gr

from copilot.base.catalog import fmt_number
from copilot.base.errors import CopilotError
from copilot.live.sources.hub import LABELS, hub_for

SOURCE_HEADERS = ["来源", "状态", "评论", "订单", "最后评论", "最后错误"]
URL_HINTS = {"wechat-channels": "默认打开视频号助手直播控制台（扫码登录一次，以后自动登录）",
             "oba": "默认 ws://127.0.0.1:12354（oba 在另一台电脑时填它的地址）",
             "douyin-grab": "默认 ws://127.0.0.1:8888",
             "wxlivespy": "wxlivespy 把评论推到本程序，不用填；把下面的转发地址填进它的 forward_url"}
LOW_SHARE = 0.1  # a product with a tenth of its stock left is running low
FLASH_SECONDS = 8.0
BEEP_JS = """(html) => {
  if (!html || !html.includes('data-new="1"')) return;
  try {
    const ctx = new (window.AudioContext || window.webkitAudioContext)();
    const osc = ctx.createOscillator(); const gain = ctx.createGain();
    osc.frequency.value = 880; gain.gain.value = 0.08; osc.connect(gain); gain.connect(ctx.destination);
    osc.start(); osc.stop(ctx.currentTime + 0.18);
  } catch (e) {}
}"""


def source_rows(session) -> list[list]:
    rows = []
    for st in hub_for(session).statuses():
        last = time.strftime("%H:%M:%S", time.localtime(st["last_comment_at"])) if st["last_comment_at"] else "—"
        rows.append([st["label"], st["state_zh"], st["comments"], st["orders"], last, st["last_error"] or ""])
    return rows


def forward_url(ctx) -> str:
    return f"http://127.0.0.1:7860/api/sources/wxlivespy?token={ctx.api_token}"


def sources_panel(ctx) -> dict:
    w = {}
    with gr.Accordion("来源：视频号 / 抖音 / oba / wxlivespy", open=True, elem_id="live-sources-box"):
        with gr.Row():
            w["kind"] = gr.Dropdown([(label, kind) for kind, label in LABELS.items()], value="wechat-channels",
                                    label="来源", scale=2, elem_id="live-source-kind", interactive=True)
            w["url"] = gr.Textbox(label="地址（可不填）", placeholder=URL_HINTS["wechat-channels"], scale=3,
                                  elem_id="live-source-url")
        with gr.Row():
            w["start"] = gr.Button("连接", variant="primary", size="sm", elem_id="live-source-start")
            w["stop"] = gr.Button("断开", size="sm", elem_id="live-source-stop")
        w["sources"] = gr.Dataframe(headers=SOURCE_HEADERS, value=source_rows(ctx.session), interactive=False,
                                    wrap=True, label="来源状态", elem_id="live-sources", max_height=180)
        gr.Markdown(f"<small>wxlivespy 的 forward_url 填：`{forward_url(ctx)}`（端口按实际修改）</small>")
    return w


def wire_sources(ctx, w: dict, act, outs: list) -> None:
    hub = hub_for(ctx.session)

    def start(_stream, kind, url):  # sources always feed tonight's 场次, whichever one the page shows
        source = hub.start(kind, url=(url or "").strip())
        return f"正在连接 {source.label}（{source.url}）"

    def stop(_stream, kind):
        return f"已断开 {LABELS.get(kind, kind)}" if hub.stop(kind) else f"{LABELS.get(kind, kind)} 没有在运行"

    w["start"].click(act(start), [w["stream"], w["kind"], w["url"]], outs)
    w["stop"].click(act(stop), [w["stream"], w["kind"]], outs)
    w["kind"].change(lambda k: gr.Textbox(placeholder=URL_HINTS.get(k, "")), w["kind"], w["url"])


def jielong_box(ctx, prefix: str) -> dict:
    """The 接龙 paste box (直播间 and 团购台账): the whole chain as it stands in the group."""
    w = {}
    w["jl_text"] = gr.Textbox(lines=4, label="粘贴群接龙（整条，从 #接龙 开始）", elem_id=f"{prefix}-jielong",
                              placeholder="#接龙 明天到货 草莓 芒果\n例：小明 草莓2斤\n1. 王阿姨 草莓2斤\n2. 小雨 芒果3斤")
    w["jl_go"] = gr.Button("导入接龙", variant="primary", size="sm", elem_id=f"{prefix}-jielong-go")
    return w


def apply_jielong(ctx, text: str, stream: str | None = None) -> str:
    from copilot.orders.chains import apply_chain

    if not (text or "").strip():
        raise gr.Error("先把群里的接龙整条复制到框里")
    try:
        r = apply_chain(ctx.ledger_for(stream), text, ctx.session.parser.parse)
    except CopilotError as exc:
        raise gr.Error(str(exc)) from None
    return (f"接龙 {r.entries} 行：新增 {r.added}，改动 {r.changed}，取消 {r.cancelled}，没变 {r.unchanged}；"
            f"新订单 {r.orders} 行，待确认 {r.review} 条" + ("\n\n" + "；".join(r.messages[:8]) if r.messages else ""))


def alerts(ctx, seen: dict | None, stream: str | None = None) -> tuple[str, dict]:
    """What is new since this page last looked: questions, review items, products running low."""
    session = ctx.session_for(stream)
    questions = {q.id for q in session.question_queue()}
    review = {ln.id for ln in ctx.ledger_for(stream).review_queue()}
    low = {r["sku"]: r for r in session.totals() if r["total"] and r["remaining"] <= max(1.0, r["total"] * LOW_SHARE)
           and (r["reserved"] or r["waitlist"])}
    now = {"q": sorted(questions), "r": sorted(review), "low": sorted(low)}
    if seen is None:
        seen = {**now, "flash": [], "until": 0.0}
    new_q = questions - set(seen["q"])
    new_r = review - set(seen["r"])
    new_low = set(low) - set(seen["low"])
    parts = []
    if new_q:
        parts.append(f"🔔 新提问 {len(new_q)} 条")
    if new_r:
        parts.append(f"⚠ 新待确认 {len(new_r)} 条")
    parts += [f"📦 {low[s]['name']}快卖完了（剩 {fmt_number(low[s]['remaining'])}{low[s]['unit']}）" for s in sorted(new_low)]
    flash, until = (parts, time.time() + FLASH_SECONDS) if parts else (seen.get("flash", []), seen.get("until", 0.0))
    now.update(flash=flash, until=until)
    standing = [f"📦 {r['name']} 剩 {fmt_number(r['remaining'])}{r['unit']}" for r in low.values()]
    if flash and time.time() < until:
        html = (f'<div data-new="{1 if parts else 0}" class="live-alert live-alert-new" style="background:#fff3cd;'
                f'border:2px solid #f0ad4e;border-radius:6px;padding:4px 10px;font-weight:600">'
                f'{"　".join(flash)}</div>')
    elif standing:
        html = f'<div data-new="0" class="live-alert" style="color:#a15c00">{"　".join(standing)}</div>'
    else:
        html = '<div data-new="0" class="live-alert">　</div>'
    return html, now
