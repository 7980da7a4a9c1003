"""今晚直播: pick products, length and theme; draft the script; edit it with compliance marks that
follow the typing; export cue cards (Markdown, HTML, PDF) and warm-up posts."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import gradio as gr

from copilot.base.catalog import fmt_number
from copilot.base.errors import CopilotError
from copilot.plan import compliance
from copilot.plan.draft import apply_text, draft, guess_host, warmup
from copilot.plan.model import DEFAULT_THEME, THEMES, ScriptDraft

log = logging.getLogger(__name__)

COLORS = {"广告法极限词": "#f87171", "医疗功效": "#fb923c", "虚假价格": "#facc15", "平台导流": "#60a5fa"}


def product_label(p) -> str:
    return f"{p.link}号 {p.name} {fmt_number(p.price)}元/{p.unit} 库存{fmt_number(p.stock)}"


def mode_label(ctx, d: ScriptDraft | None = None) -> str:
    if d is not None and d.mode == "template":
        return "离线模板" if ctx.llm is None else "离线模板（大模型草稿未通过校验）"
    return ctx.llm_label if ctx.llm is not None else "离线模板"


def _error(exc: CopilotError):
    return gr.Error(f"{exc.message}（{exc.hint}）" if exc.hint else exc.message)


def marks(text: str):
    """(highlighted pieces, summary markdown) for the compliance panel."""
    found = compliance.check(text or "")
    lines = [compliance.summary(found)]
    lines += [f"- 「{v.term}」{v.category} → **{v.suggestion or '删去'}**　{v.advice}" for v in found[:30]]
    pieces = [(piece, lab.split("→")[0] if lab else None) for piece, lab in compliance.highlights(text or "", found)]
    return pieces, "\n".join(lines)


def on_draft(ctx, skus, minutes, theme, host):
    if not skus:
        raise gr.Error("请先勾选今晚要上的商品")
    try:
        d = draft(ctx.catalog, list(skus), minutes, theme, host or None, model=ctx.llm)
        posts = warmup(ctx.catalog, list(skus), theme, host or None)
    except CopilotError as exc:
        raise _error(exc) from None
    text = d.to_text()
    pieces, summary = marks(text)
    head = f"**{d.title}**　{mode_label(ctx, d)}　共 {len(d.segments)} 段、{fmt_number(d.minutes)} 分钟"
    notes = "\n".join(f"- {n}" for n in d.notices)
    return (d, text, pieces, summary, head + ("\n" + notes if notes else ""), run_of_show(d),
            posts["group_post"], posts["one_to_one"], posts["poster_line"])


def run_of_show(d: ScriptDraft) -> list[list]:
    from copilot.plan.model import clock

    return [[f"{clock(s.start_min)}-{clock(s.start_min + s.minutes)}", fmt_number(s.minutes), s.title, len(s.lines)]
            for s in d.segments]


def on_fix(text):
    fixed = compliance.rewrite(text or "")
    pieces, summary = marks(fixed)
    return fixed, pieces, summary


def on_export(d: ScriptDraft | None, text: str, pdf: bool, out_root: Path):
    from copilot.plan.cuecards import write_cards

    if d is None:
        raise gr.Error("请先生成脚本")
    try:
        edited = apply_text(d, text or "")
        out = out_root / f"cuecards-{time.strftime('%Y%m%d-%H%M%S')}"
        files = write_cards(edited, out, pdf=False)
        msg = compliance.summary(edited.compliance)
        if pdf:
            from copilot.plan.cuecards import pdf_cards

            try:
                files.append(pdf_cards(edited, out / "cuecards.pdf"))
            except CopilotError as exc:
                msg += f"；PDF：{exc.message}（{exc.hint}）"
    except CopilotError as exc:
        raise _error(exc) from None
    return [str(f) for f in files], f"已导出 {len(files)} 个文件。{msg}"


def build(ctx) -> None:
    catalog = ctx.catalog
    choices = [(product_label(p), p.sku) for p in catalog]
    gr.Markdown(f"### 今晚直播 · 选品、脚本、合规检查、预热文案　<small>{mode_label(ctx)}</small>")
    with gr.Row():
        with gr.Column(scale=3):
            skus = gr.CheckboxGroup(choices, label="今晚上哪些商品（价格、库存来自商品目录）", elem_id="plan-skus")
        with gr.Column(scale=2):
            minutes = gr.Slider(10, 240, value=45, step=5, label="直播时长（分钟）", elem_id="plan-minutes")
            theme = gr.Dropdown(list(THEMES), value=DEFAULT_THEME, label="主题", elem_id="plan-theme")
            host = gr.Textbox(value=guess_host(catalog), label="主播称呼", elem_id="plan-host")
            go = gr.Button("生成脚本", variant="primary", elem_id="plan-draft")
    head = gr.Markdown(elem_id="plan-head")
    state = gr.State(None)
    with gr.Row():
        with gr.Column(scale=3):
            script_box = gr.Textbox(label="脚本（可直接修改；【时间 标题】行请保留）", lines=28, max_lines=60,
                                    interactive=True, elem_id="plan-script")
        with gr.Column(scale=2):
            ros = gr.Dataframe(headers=["时间", "分钟", "环节", "句数"], interactive=False, label="流程",
                               elem_id="plan-ros")
            summary = gr.Markdown(elem_id="plan-summary")
            fix = gr.Button("按建议一键改写", elem_id="plan-fix")
    hl = gr.HighlightedText(label="合规标注（随输入更新）", color_map=COLORS, show_legend=True,
                            combine_adjacent=False, elem_id="plan-marks")
    with gr.Row():
        want_pdf = gr.Checkbox(label="同时生成 PDF（需要本机有 chromium）", value=False)
        export = gr.Button("导出提词卡", elem_id="plan-export")
    files = gr.File(label="提词卡下载（Markdown / HTML / PDF）", file_count="multiple", elem_id="plan-files")
    export_msg = gr.Markdown()
    gr.Markdown("#### 预热文案（发到群里和私聊；已检查广告法用语）")
    with gr.Row():
        group_post = gr.Textbox(label="群公告", lines=8, buttons=["copy"], elem_id="plan-group-post")
        one_to_one = gr.Textbox(label="一对一私信", lines=8, buttons=["copy"], elem_id="plan-one-to-one")
        poster = gr.Textbox(label="海报一句话", lines=3, buttons=["copy"], elem_id="plan-poster")

    go.click(lambda *a: on_draft(ctx, *a), [skus, minutes, theme, host],
             [state, script_box, hl, summary, head, ros, group_post, one_to_one, poster])
    script_box.input(marks, script_box, [hl, summary], show_progress="hidden")
    fix.click(on_fix, script_box, [script_box, hl, summary])
    export.click(lambda d, text, pdf: on_export(d, text, pdf, ctx.settings.exports_dir), [state, script_box, want_pdf],
                 [files, export_msg])
