"""知识库: see and edit the knowledge files, upload new notes, re-ingest with progress, and ask a
test question to see the answer, its mode and its sources.

The helpers above ``build`` are plain functions (no Gradio types) so they can be tested directly.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import gradio as gr

from ..errors import CopilotError, InputError

log = logging.getLogger("copilot.ui.knowledge")

MAX_UPLOAD_BYTES = 200_000
MODE_LABELS = {"extractive": "📖 知识库原句（离线）", "llm": "🤖 大模型改写（已核对来源）",
               "catalog": "🏷️ 商品目录 / 实时库存", "refused": "🙋 未回答"}
REASON_LABELS = {"not_in_kb": "知识库里没有，转给助理", "injection": "评论里夹带指令，不照做，转给助理",
                 "off_topic": "与店铺无关，不回答", "no_product": "没说是哪个商品"}
SOURCE_HEADERS = ["文件", "商品", "小节", "内容", "得分"]


# -- files --------------------------------------------------------------------------------------


def list_files(root: Path) -> list[str]:
    """products.yaml first, then the store's other .md files, then the notes."""
    root = Path(root)
    files = [p.relative_to(root).as_posix() for p in sorted(root.rglob("*.md"))
             if not any(part.startswith(".") for part in p.relative_to(root).parts)]
    top = [f for f in files if "/" not in f]
    return (["products.yaml"] if (root / "products.yaml").exists() else []) + top + \
        [f for f in files if "/" in f]


def resolve(root: Path, rel: str) -> Path:
    """The path of a knowledge file, refusing anything outside the knowledge dir or not .md/.yaml."""
    if not rel or not str(rel).strip():
        raise InputError("没有选择文件", hint="先在左边的列表里选一个文件")
    root = Path(root).resolve()
    path = (root / rel).resolve()
    if root not in path.parents:
        raise InputError(f"文件 {rel} 不在知识库目录里", hint="只能编辑知识库目录下的文件")
    if path.suffix not in (".md", ".yaml"):
        raise InputError(f"只能编辑 .md 资料文件和 products.yaml，不能编辑 {rel}")
    return path


def read_file(root: Path, rel: str) -> str:
    path = resolve(root, rel)
    if not path.exists():
        raise InputError(f"文件 {rel} 不存在", hint="点“刷新列表”看看最新的文件")
    return path.read_text(encoding="utf-8")


def save_file(root: Path, rel: str, text: str) -> Path:
    """Write a knowledge file; products.yaml is validated first so a typo never breaks the store."""
    path = resolve(root, rel)
    if not text.strip():
        raise InputError(f"{rel} 的内容是空的", hint="要删除资料，请在知识库目录里删除文件")
    if path.name == "products.yaml":
        import yaml

        from ..catalog import Catalog
        from ..errors import CatalogError

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise CatalogError(f"products.yaml 不是有效的 YAML：{getattr(exc, 'problem', exc)}",
                               hint="检查缩进和冒号，没有保存") from None
        Catalog.from_dict(data, root=Path(root), source="products.yaml")
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    log.info("knowledge file saved: %s", rel)
    return path


def save_upload(root: Path, src: str | Path, skus: set[str]) -> str:
    """Copy an uploaded .md into the knowledge dir: notes/<sku>.md when named after a product."""
    src = Path(src)
    name = re.sub(r"[^\w.\-]+", "_", src.name)
    if src.suffix.lower() != ".md":
        raise InputError(f"{src.name} 不是 .md 文件", hint="资料请写成 Markdown（.md）再上传")
    if src.stat().st_size > MAX_UPLOAD_BYTES:
        raise InputError(f"{src.name} 太大（超过 200 KB）", hint="把资料拆成几个小文件")
    try:
        text = src.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{src.name} 不是 UTF-8 编码", hint="用 UTF-8 编码另存后再上传") from None
    if not text.strip():
        raise InputError(f"{src.name} 是空文件")
    rel = f"notes/{name}" if Path(name).stem in skus else name
    path = resolve(root, rel)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return rel


# -- answers ------------------------------------------------------------------------------------


def source_rows(answer) -> list[list]:
    return [[s.file, s.sku or "门店", s.section, s.text, round(s.score, 3)] for s in answer.sources]


def mode_text(answer) -> str:
    label = MODE_LABELS.get(answer.mode, answer.mode)
    if not answer.answered:
        label += f"：{REASON_LABELS.get(answer.reason, answer.reason)}"
    elif answer.reason.startswith("llm_unsupported"):
        label += "（大模型回复含资料里没有的内容，已改用原句）"
    return label


def ask(kb, question: str, sku: str | None, user: str | None, llm=None):
    """(reply, mode label, source rows) for the test box."""
    ans = kb.answer(question, current_sku=sku or None, user=(user or "").strip() or None, llm=llm)
    return ans.text, mode_text(ans), source_rows(ans)


def status_text(kb) -> str:
    kb.ensure_ready()
    files = len({c.file for c in kb.chunks})
    return f"知识库：{len(kb.catalog)} 个商品，{files} 个文件，{len(kb.chunks)} 段资料（目录 `{kb.root}`）"


# -- layout -------------------------------------------------------------------------------------


def build(ctx) -> None:
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
    ask_btn.click(lambda q, s, u, l: _ask(ctx, q, s, u, l), [question, product, user, use_llm],
                  [reply, mode, sources])
    question.submit(lambda q, s, u, l: _ask(ctx, q, s, u, l), [question, product, user, use_llm],
                    [reply, mode, sources])


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

    files.change(open_file, files, editor)
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
