"""知识库: see and edit the knowledge files, upload new notes, re-ingest with progress, and ask a
test question to see the answer, its mode, why it was chosen (the aspect and kind of value asked, the
passage and the value it holds) and its sources.

The helpers above ``build`` are plain functions (no Gradio types) so they can be tested directly.
"""

from __future__ import annotations

import logging
from pathlib import Path

import gradio as gr

from copilot.base.catalog import fmt_number
from copilot.base.errors import CopilotError
from copilot.knowledge.files import list_files, read_file, save_file, save_upload, update_product
from copilot.ui import Publish

log = logging.getLogger(__name__)
MODE_LABELS = {"extractive": "📖 知识库原句（离线）", "llm": "🤖 大模型改写（已核对来源）",
               "catalog": "🏷️ 商品目录 / 实时库存", "refused": "🙋 未回答"}
REASON_LABELS = {"not_in_kb": "知识库里没有，转给助理", "injection": "评论里夹带指令，不照做，转给助理",
                 "off_topic": "与店铺无关，不回答", "no_product": "没说是哪个商品"}
SOURCE_HEADERS = ["文件", "商品", "小节", "内容", "得分"]


def source_rows(answer) -> list[list]:
    return [[s.file, s.sku or "门店", " · ".join(x for x in (s.section, s.key) if x), s.text, round(s.score, 3)]
            for s in answer.sources]


def mode_text(answer) -> str:
    """The mode of the reply, then why it was chosen (or why none was): what the assistant checks."""
    label = MODE_LABELS.get(answer.mode, answer.mode)
    if not answer.answered:
        label += f"：{REASON_LABELS.get(answer.reason, answer.reason)}"
    elif answer.reason.startswith("llm_unsupported"):
        label += "（大模型回复含资料里没有的内容，已改用原句）"
    elif answer.reason.startswith("llm_untyped"):
        label += "（大模型回复没说出所问的具体内容，已改用原句）"
    why = getattr(answer, "why", "")
    return f"{label}\n\n**为什么这样回答：** {why}" if why else label


def ask(kb, question: str, sku: str | None, user: str | None, llm=None):
    """(reply, mode label, source rows) for the test box."""
    ans = kb.answer(question, current_sku=sku or None, user=(user or "").strip() or None, llm=llm)
    return ans.text, mode_text(ans), source_rows(ans)


def status_text(kb) -> str:
    kb.ensure_ready()
    files = len({c.file for c in kb.chunks})
    return f"知识库：{len(kb.catalog)} 个商品，{files} 个文件，{len(kb.chunks)} 段资料（目录 `{kb.root}`）"


def product_values(p) -> list:
    """The form's values for product ``p``: price, original price, offer, stock, limit, link."""
    def num(x):
        return "" if x is None else fmt_number(x)

    return [num(p.price), num(p.original_price), p.offer or "", num(p.stock), num(p.limit_per_buyer), str(p.link)]


def save_product(ctx, sku: str, values: dict, actor: str | None = None) -> str:
    """Write the form back to products.yaml, journal the change in the ledger's audit trail, reload the
    catalog (new orders take the new price) and move tonight's stock when it changed. A Chinese summary."""
    from copilot.orders.audit import describe_changes, journal_catalog_edit
    from copilot.plan import compliance

    if not sku:
        raise CopilotError("先选择一个商品")
    root = Path(ctx.settings.knowledge_dir)
    changes = update_product(root, sku, values)
    if not changes:
        return "没有改动"
    catalog = ctx.reload_catalog()
    notes = []
    if "ledger" in ctx.__dict__:  # the open ledger prices new orders from the new catalog
        ctx.ledger.catalog = catalog
    journal_catalog_edit(ctx.ledger, sku, changes, actor)
    if "stock" in changes:
        try:
            ctx.ledger.set_stock(sku, float(changes["stock"][1]), actor=actor)
            notes.append(f"场次 {ctx.stream} 的库存已同步")
        except CopilotError as exc:
            notes.append(f"场次 {ctx.stream} 的库存没有同步：{exc}")
    offer = changes.get("offer", (None, None))[1]
    found = compliance.check(offer or "", catalog=catalog)
    if found:
        notes.append("优惠说明有需要注意的用语：" + "、".join(f"「{v.term}」{v.category}" for v in found))
    return f"已保存：{describe_changes(changes)}。" + "；".join(notes)


def build(ctx) -> list:
    root = Path(ctx.settings.knowledge_dir)
    choices = [("（不指定）", "")] + [(f"{p.link}号 {p.name}", p.sku) for p in ctx.catalog.products]
    gr.Markdown("### 知识库　<small>商品资料、常见问题；改完点“重新导入”</small>")
    status = gr.Markdown(lambda: _status(ctx), elem_id="kb-status")  # a callable value runs on each page load
    with gr.Row():
        with gr.Column(scale=3):
            files = gr.Dropdown(list_files(root), label="文件", value=None, elem_id="kb-files")
            editor = gr.Code(label="内容（Markdown / YAML）", language="markdown", lines=18, interactive=True,
                             elem_id="kb-editor")
            with gr.Row():
                save = gr.Button("保存", variant="primary", elem_id="kb-save")
                refresh = gr.Button("刷新列表", elem_id="kb-refresh")
            upload = gr.File(label="上传新的资料（.md，以 sku 命名的放进 notes/）", file_types=[".md"],
                             file_count="multiple", elem_id="kb-upload")
            reingest = gr.Button("重新导入知识库", variant="secondary", elem_id="kb-ingest")
        with gr.Column(scale=2):
            gr.Markdown(f"#### 试问一个问题　<small>{ctx.llm_label}</small>")
            question = gr.Textbox(label="问题", placeholder="例如：芒果甜不甜 / 几点取货 / 这个还有货吗",
                                  elem_id="kb-question")
            with gr.Row():
                product = gr.Dropdown(choices, value="", label="正在讲的商品（“这个”指它）")
                user = gr.Textbox(label="观众昵称", placeholder="王阿姨")
            use_llm = gr.Checkbox(label="使用大模型改写", value=ctx.llm is not None, interactive=ctx.llm is not None)
            ask_btn = gr.Button("回答", variant="primary", elem_id="kb-ask")
            reply = gr.Textbox(label="回复", lines=2, buttons=["copy"], elem_id="kb-reply")
            mode = gr.Markdown(elem_id="kb-mode")
            sources = gr.Dataframe(headers=SOURCE_HEADERS, label="来源", wrap=True, interactive=False,
                                   elem_id="kb-sources")
    _wire(ctx, root, status, files, editor, save, refresh, upload, reingest)
    _product_form(ctx)
    ask_btn.click(lambda q, s, u, l: _ask(ctx, q, s, u, l), [question, product, user, use_llm],
                  [reply, mode, sources])
    question.submit(lambda q, s, u, l: _ask(ctx, q, s, u, l), [question, product, user, use_llm],
                    [reply, mode, sources])
    return [Publish("knowledge.file", files), Publish("knowledge.editor", editor)]


FORM_HELP = ("改价格、原价、优惠、库存、限购或链接号，不用碰 YAML：保存时先检查，再写回 products.yaml（保留注释和顺序），"
             "改动记入台账的操作记录。原价、限购留空表示没有。")


def _product_form(ctx) -> None:
    gr.Markdown(f"#### 商品表单　<small>{FORM_HELP}</small>")
    choices = [(f"{p.link}号 {p.name}", p.sku) for p in ctx.catalog.products]
    with gr.Row():
        sku = gr.Dropdown(choices, value=None, label="商品", scale=2, elem_id="kb-form-sku")
        price = gr.Textbox(label="价格（元）", elem_id="kb-form-price")
        original = gr.Textbox(label="原价（元，可空）", elem_id="kb-form-original")
        stock = gr.Textbox(label="库存", elem_id="kb-form-stock")
        limit = gr.Textbox(label="每人限购（可空）", elem_id="kb-form-limit")
        link = gr.Textbox(label="链接号", elem_id="kb-form-link")
    offer = gr.Textbox(label="优惠说明（可空）", placeholder="例如：直播间价，每人限购 5 斤", elem_id="kb-form-offer")
    save = gr.Button("保存商品", variant="primary", elem_id="kb-form-save")
    result = gr.Markdown(elem_id="kb-form-result")
    fields = [price, original, offer, stock, limit, link]

    def pick(s):
        p = ctx.catalog.get(s or "")
        return product_values(p) if p else [""] * len(fields)

    def do_save(s, pr, orig, off, st, lim, ln, request: gr.Request):
        ctx.require_owner(request, "修改商品、价格或库存")
        values = {"price": pr, "original_price": orig, "offer": off, "stock": st, "limit_per_buyer": lim, "link": ln}
        try:
            msg = save_product(ctx, s, values, ctx.actor(request))
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None
        gr.Info(msg)
        return msg

    sku.input(pick, sku, fields)
    save.click(do_save, [sku, *fields], result)


def _wire(ctx, root, status, files, editor, save, refresh, upload, reingest) -> None:
    def open_file(rel):
        if not rel:
            return gr.update(value="", language="markdown")
        try:
            return gr.update(value=read_file(root, rel), language="yaml" if rel.endswith(".yaml") else "markdown")
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None

    def do_save(rel, text, request: gr.Request):
        ctx.require_owner(request, "修改知识库")
        try:
            save_file(root, rel, text or "")
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None
        if rel == "products.yaml":
            ctx.reload_catalog()
        gr.Info(f"已保存 {rel}，点“重新导入知识库”后生效")

    def do_upload(paths, request: gr.Request):
        ctx.require_owner(request, "上传知识库资料")
        saved = []
        for p in paths or []:
            try:
                saved.append(save_upload(root, p, {x.sku for x in ctx.catalog.products}))
            except CopilotError as exc:
                gr.Warning(str(exc))
        if saved:
            gr.Info(f"已上传：{'、'.join(saved)}，点“重新导入知识库”后生效")
        return gr.update(choices=list_files(root)), None

    def do_ingest(request: gr.Request, progress=gr.Progress()):
        ctx.require_owner(request, "重新导入知识库")
        try:
            stats = ctx.kb.ingest(progress=lambda f, m: progress(f, desc=m))
        except CopilotError as exc:
            raise gr.Error(str(exc)) from None
        gr.Info(f"导入完成：新增 {stats['added']} 段，删除 {stats['removed']} 段，未变 {stats['unchanged']} 段")
        return _status(ctx)

    files.input(open_file, files, editor)  # typed by a person; 复盘's 补进资料 sets it with the text
    save.click(do_save, [files, editor], None)
    refresh.click(lambda: (gr.update(choices=list_files(root)), _status(ctx)), None, [files, status])
    upload.upload(do_upload, upload, [files, upload])
    reingest.click(do_ingest, None, status)


def _status(ctx) -> str:
    try:
        return status_text(ctx.kb)
    except CopilotError as exc:
        return f"⚠️ {exc}"


def _ask(ctx, question, sku, user, use_llm):
    try:
        return ask(ctx.kb, question or "", sku, user, llm=ctx.llm if use_llm else None)
    except CopilotError as exc:
        raise gr.Error(str(exc)) from None
