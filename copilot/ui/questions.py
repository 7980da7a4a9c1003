"""A reusable question panel: incoming viewer questions (near-duplicates grouped), the suggested
reply (edit, copy with one click) and the queue of questions the knowledge base could not answer.

Embed it in any workspace::

    from .questions import build_question_panel, new_question_state

    questions_state = gr.State(new_question_state())
    panel = build_question_panel(ctx, questions_state, current_sku=current_sku_component)

``panel`` is a dict of the components (``incoming``, ``queue``, ``selected``, ``reply``, ``done``, ``user``,
``text``, ``send``) plus ``refresh`` (a function ``state -> (incoming_rows, queue_rows)``) so the host
can wire its own events, e.g. a timer: ``timer.tick(panel["refresh"], questions_state,
[panel["incoming"], panel["queue"]])``. Questions arriving from elsewhere (a comment stream) go in with
``add_question(ctx.kb, state, user, text, current_sku=..., ts=...)`` — a plain function, no Gradio.
"""

from __future__ import annotations

import time

import gradio as gr

from ..errors import CopilotError
from ..kb import QuestionGrouper

INCOMING_HEADERS = ["编号", "问题", "提问人", "状态", "建议回复"]
QUEUE_HEADERS = ["编号", "问题", "提问人", "原因"]
REASONS = {"not_in_kb": "知识库没有", "injection": "夹带指令", "no_product": "没说商品", "error": "出错"}


def new_question_state(window: float = 60.0) -> dict:
    """What the panel keeps per browser session: the grouper and one item per question group."""
    return {"grouper": QuestionGrouper(window=window), "items": {}, "start": time.time()}


def add_question(kb, state: dict, user: str, text: str, current_sku: str | None = None,
                 ts: float | None = None, llm=None) -> tuple[int, bool]:
    """Group the question with near-duplicates; a new group is answered once from the knowledge base."""
    ts = (time.time() - state["start"]) if ts is None else ts
    gid, is_new = state["grouper"].add(user, text, ts)
    if not is_new:
        item = state["items"][gid]
        item["users"].append(user)
        return gid, False
    try:
        ans = kb.answer(text, current_sku=current_sku, user=None, llm=llm)
        answered, reply, reason = ans.answered, ans.text, ans.reason
    except CopilotError as exc:
        answered, reply, reason = False, "", "error"
        state.setdefault("errors", []).append(str(exc))
    state["items"][gid] = {"id": gid, "text": text, "users": [user], "answered": answered,
                           "reply": reply if answered else "", "reason": reason, "done": False,
                           "hidden": reason == "off_topic"}
    return gid, True


def _mention(users: list[str]) -> str:
    unique = list(dict.fromkeys(u for u in users if u))
    return " ".join(f"@{u}" for u in unique[:5])


def reply_for(state: dict, gid: int) -> str:
    """The suggested reply addressed to everyone who asked this question."""
    item = state["items"].get(int(gid))
    if item is None:
        return ""
    body = item["reply"] or "这个我确认一下，稍后回复您"
    return f"{_mention(item['users'])} {body}".strip()


def incoming_rows(state: dict) -> list[list]:
    rows = []
    for item in sorted(state["items"].values(), key=lambda i: -i["id"]):
        if item["hidden"]:
            continue
        status = "✅ 已回复" if item["done"] else ("💡 有建议" if item["answered"] else "🙋 待人工")
        rows.append([item["id"], item["text"], f"{len(item['users'])} 人", status, item["reply"]])
    return rows


def queue_rows(state: dict) -> list[list]:
    return [[i["id"], i["text"], _mention(i["users"]), REASONS.get(i["reason"], i["reason"])]
            for i in sorted(state["items"].values(), key=lambda i: i["id"])
            if not i["answered"] and not i["done"] and not i["hidden"]]


def mark_done(state: dict, gid: int, reply: str = "") -> None:
    item = state["items"].get(int(gid))
    if item is None:
        from ..errors import InputError

        raise InputError(f"没有编号为 {gid} 的问题", hint="先在列表里点选一条问题")
    item["done"] = True
    if reply:
        item["reply"] = reply


def build_question_panel(ctx, questions_state, current_sku=None) -> dict:
    """Lay out the panel inside the caller's Blocks; ``current_sku`` is an optional component
    holding the sku being presented (so “这个” means it)."""
    gr.Markdown("#### 观众提问")
    with gr.Row():
        user = gr.Textbox(label="观众", placeholder="王阿姨", scale=1)
        text = gr.Textbox(label="问题", placeholder="芒果甜不甜", scale=3)
        send = gr.Button("加入", scale=1, elem_id="q-send")
    incoming = gr.Dataframe(headers=INCOMING_HEADERS, value=[], interactive=False, wrap=True,
                            label="收到的问题（同类问题合并）", elem_id="q-incoming", max_height=280)
    with gr.Row():
        selected = gr.Number(label="编号", precision=0, scale=1, elem_id="q-selected")
        done = gr.Button("标记已回复", scale=1, elem_id="q-done")
    reply = gr.Textbox(label="建议回复（可修改，一键复制到直播间）", lines=2, buttons=["copy"], interactive=True,
                       elem_id="q-reply")
    gr.Markdown("#### 待人工回答")
    queue = gr.Dataframe(headers=QUEUE_HEADERS, value=[], interactive=False, wrap=True, label="知识库答不了的问题",
                         elem_id="q-queue", max_height=220)

    def refresh(state):
        return incoming_rows(state), queue_rows(state)

    def on_send(state, who, question, sku=None):
        if not (question or "").strip():
            raise gr.Error("问题是空的")
        try:
            gid, _new = add_question(ctx.kb, state, (who or "").strip() or "观众", question, current_sku=sku or None,
                                     llm=ctx.llm)
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None
        return state, *refresh(state), gid, reply_for(state, gid), ""

    def on_select(state, evt: gr.SelectData):
        row = evt.row_value or []
        gid = int(row[0]) if row else None
        return (gid, reply_for(state, gid)) if gid is not None else (None, "")

    def on_done(state, gid, text_now):
        try:
            mark_done(state, gid, text_now)
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None
        return state, *refresh(state)

    inputs = [questions_state, user, text] + ([current_sku] if current_sku is not None else [])
    outputs = [questions_state, incoming, queue, selected, reply, text]
    send.click(on_send, inputs, outputs)
    text.submit(on_send, inputs, outputs)
    incoming.select(on_select, questions_state, [selected, reply])
    queue.select(on_select, questions_state, [selected, reply])
    done.click(on_done, [questions_state, selected, reply], [questions_state, incoming, queue])
    return {"incoming": incoming, "queue": queue, "selected": selected, "reply": reply, "done": done,
            "user": user, "text": text, "send": send, "refresh": refresh}
