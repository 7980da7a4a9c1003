"""今晚直播: a starting plan from the last stream's data (unmet demand, unanswered questions, fast
sellers: the owner still chooses); pick products, length and theme; draft the script; edit it with
compliance marks that follow the typing (claimed original prices checked against the catalog); the
draft and the edits are autosaved per 场次 and 生成脚本 asks before replacing edited text; export
the host's cue cards (a clean reader view; Markdown, HTML, PDF) and warm-up posts."""

from __future__ import annotations

import logging
import tempfile
import time
from pathlib import Path

import gradio as gr

from copilot.base.catalog import fmt_number
from copilot.base.errors import CopilotError
from copilot.plan import compliance
from copilot.plan.autosave import PlanStore
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


def marks(text: str, catalog=None):
    """(highlighted pieces, summary markdown) for the compliance panel."""
    found = compliance.check(text or "", catalog=catalog)
    lines = [compliance.summary(found)]
    lines += [f"- 「{v.term}」{v.category} → **{v.suggestion or '删去'}**　{v.advice}" for v in found[:30]]
    pieces = [(piece, lab.split("→")[0] if lab else None) for piece, lab in compliance.highlights(text or "", found)]
    return pieces, "\n".join(lines)


def on_draft(ctx, skus, minutes, theme, host, faq=None):
    if not skus:
        raise gr.Error("请先勾选今晚要上的商品")
    try:
        d = draft(ctx.catalog, list(skus), minutes, theme, host or None, model=ctx.llm, faq=faq)
        posts = warmup(ctx.catalog, list(skus), theme, host or None)
    except CopilotError as exc:
        raise _error(exc) from None
    text = d.to_text()
    pieces, summary = marks(text, ctx.catalog)
    return (d, text, pieces, summary, draft_head(ctx, d), run_of_show(d),
            posts["group_post"], posts["one_to_one"], posts["poster_line"])


def draft_head(ctx, d: ScriptDraft) -> str:
    head = f"**{d.title}**　{mode_label(ctx, d)}　共 {len(d.segments)} 段、{fmt_number(d.minutes)} 分钟"
    notes = "\n".join(f"- {n}" for n in d.notices)
    return head + ("\n" + notes if notes else "")


def run_of_show(d: ScriptDraft) -> list[list]:
    from copilot.plan.model import clock

    return [[f"{clock(s.start_min)}-{clock(s.start_min + s.minutes)}", fmt_number(s.minutes), s.title, len(s.lines)]
            for s in d.segments]


def on_fix(text, catalog=None):
    fixed = compliance.rewrite(text or "", catalog=catalog)
    pieces, summary = marks(fixed, catalog)
    return fixed, pieces, summary


def on_export(d: ScriptDraft | None, text: str, pdf: bool, catalog=None, out_dir: Path | None = None):
    from copilot.plan.cuecards import write_cards

    if d is None:
        raise gr.Error("请先生成脚本")
    try:
        edited = apply_text(d, text or "", catalog)
        out = (Path(out_dir) / f"cuecards-{time.strftime('%Y%m%d-%H%M%S')}" if out_dir
               else Path(tempfile.mkdtemp(prefix="cuecards-")))
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
    return [str(f) for f in files], f"已导出 {len(files)} 个文件（给主播看的提词卡，不含内部出处）。{msg}"


def plan_store(ctx) -> PlanStore:
    return PlanStore(ctx.settings.data_dir / "plans")


def suggestions(ctx):
    """The starting plan from the last stream's data (report.nextplan), or None when unavailable."""
    from copilot.report.nextplan import suggest

    try:
        kb = ctx.kb
        kb.ensure_ready()
    except CopilotError as exc:
        log.warning("knowledge base not ready for the plan: %s", exc)
        kb = None
    try:
        return suggest(ctx.settings.ledger_url, ctx.catalog, kb=kb, exclude=ctx.stream)
    except CopilotError as exc:
        log.warning("no suggestions from the last stream: %s", exc)
        return None


def restore(ctx) -> tuple:
    """What the tab shows after a reload: the saved draft of tonight's 场次, its text and choices."""
    saved = plan_store(ctx).load(ctx.stream)
    if saved is None or saved.draft is None:
        return (None, "", [], "", "", [], gr.update(), gr.update(), gr.update(), gr.update(), "")
    pieces, summary = marks(saved.text, ctx.catalog)
    c = saved.choices
    note = f"已恢复 {ctx.stream} 的脚本（自动保存于 {saved.saved_at[:16].replace('T', ' ')} UTC）"
    return (saved.draft, saved.text, pieces, summary, draft_head(ctx, saved.draft), run_of_show(saved.draft),
            gr.update(value=c.get("skus", [])), gr.update(value=c.get("minutes", 45)),
            gr.update(value=c.get("theme", DEFAULT_THEME)), gr.update(value=c.get("host") or guess_host(ctx.catalog)),
            note)


def build(ctx) -> list:
    catalog = ctx.catalog
    choices = [(product_label(p), p.sku) for p in catalog]
    gr.Markdown(f"### 今晚直播 · 选品、脚本、合规检查、预热文案　<small>{mode_label(ctx)}　场次 {ctx.stream}</small>")
    with gr.Accordion("根据上一场的数据：建议的商品和要补答的问题", open=True):
        advice = gr.Markdown("（点“看建议”）", elem_id="plan-advice")
        with gr.Row():
            look = gr.Button("看建议", size="sm", elem_id="plan-advice-load")
            take = gr.Button("采用建议的商品", size="sm", elem_id="plan-advice-take")
            use_faq = gr.Checkbox(value=True, label="把补上答案的问题写进脚本", elem_id="plan-advice-faq")
    nextplan = gr.State(None)
    with gr.Row():
        with gr.Column(scale=3):
            skus = gr.CheckboxGroup(choices, label="今晚上哪些商品（价格、库存来自商品目录）", elem_id="plan-skus")
        with gr.Column(scale=2):
            minutes = gr.Slider(10, 240, value=45, step=5, label="直播时长（分钟）", elem_id="plan-minutes")
            theme = gr.Dropdown(list(THEMES), value=DEFAULT_THEME, label="主题", elem_id="plan-theme")
            host = gr.Textbox(value=guess_host(catalog), label="主播称呼", elem_id="plan-host")
            go = gr.Button("生成脚本", variant="primary", elem_id="plan-draft")
    with gr.Row(visible=False, elem_id="plan-confirm") as confirm:
        gr.Markdown("⚠️ 脚本已经手动改过。重新生成会替换掉这些修改，确定吗？")
        replace = gr.Button("替换为新脚本", variant="stop", size="sm", elem_id="plan-confirm-replace")
        keep = gr.Button("保留我的修改", size="sm", elem_id="plan-confirm-keep")
    head = gr.Markdown(elem_id="plan-head")
    saved_note = gr.Markdown(elem_id="plan-saved")
    state = gr.State(None)
    with gr.Row():
        with gr.Column(scale=3):
            script_box = gr.Textbox(label="脚本（可直接修改，自动保存；【时间 标题】行请保留）", lines=28, max_lines=60,
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
    ui = dict(advice=advice, look=look, take=take, use_faq=use_faq, nextplan=nextplan, skus=skus, minutes=minutes,
              theme=theme, host=host, go=go, confirm=confirm, replace=replace, keep=keep, head=head,
              saved_note=saved_note, state=state, script_box=script_box, ros=ros, summary=summary, fix=fix, hl=hl,
              want_pdf=want_pdf, export=export, files=files, export_msg=export_msg, group_post=group_post,
              one_to_one=one_to_one, poster=poster)
    _wire_draft(ctx, ui)
    _wire_edit(ctx, ui)
    restored = [state, script_box, hl, summary, head, ros, skus, minutes, theme, host, saved_note]
    return [(lambda: restore(ctx), restored)]


def _wire_draft(ctx, ui: dict) -> None:
    """看建议 / 采用建议的商品, and 生成脚本 (asking first when the text was edited), autosaved."""
    drafted = [ui[k] for k in ("state", "script_box", "hl", "summary", "head", "ros", "group_post", "one_to_one",
                               "poster")]
    inputs = [ui[k] for k in ("skus", "minutes", "theme", "host", "nextplan", "use_faq")]

    def look():
        plan = suggestions(ctx)
        return plan, plan.markdown() if plan else "暂时拿不到上一场的数据（见日志）"

    def take(plan, current):
        if plan is None or not plan.skus:
            raise gr.Error("没有可采用的建议：先点“看建议”")
        return list(dict.fromkeys([*plan.skus, *(current or [])]))

    def run(skus, minutes, theme, host, plan, use_faq):
        faq = plan.faq_answered() if plan is not None and use_faq else None
        out = on_draft(ctx, skus, minutes, theme, host, faq)
        d, text = out[0], out[1]
        plan_store(ctx).save(ctx.stream, d, text, generated=text,
                             choices={"skus": list(skus), "minutes": minutes, "theme": theme, "host": host})
        return (*out, gr.update(visible=False), f"已自动保存（场次 {ctx.stream}）")

    def go(text, *args):
        saved = plan_store(ctx).load(ctx.stream)
        if saved is not None and text and text.strip() != saved.generated.strip():
            return (*[gr.skip()] * len(drafted), gr.update(visible=True), gr.skip())
        return run(*args)

    ui["look"].click(look, None, [ui["nextplan"], ui["advice"]])
    ui["take"].click(take, [ui["nextplan"], ui["skus"]], ui["skus"])
    ui["go"].click(go, [ui["script_box"], *inputs], [*drafted, ui["confirm"], ui["saved_note"]])
    ui["replace"].click(run, inputs, [*drafted, ui["confirm"], ui["saved_note"]])
    ui["keep"].click(lambda: gr.update(visible=False), None, ui["confirm"])


def _wire_edit(ctx, ui: dict) -> None:
    """Typing re-checks and autosaves; 一键改写 and 导出提词卡."""
    def typed(d, text):
        pieces, summary = marks(text, ctx.catalog)
        if d is not None:
            plan_store(ctx).save(ctx.stream, d, text or "")
        return pieces, summary, f"已自动保存（场次 {ctx.stream}）" if d is not None else ""

    def fixed(d, text):
        out = on_fix(text, ctx.catalog)
        if d is not None:
            plan_store(ctx).save(ctx.stream, d, out[0])
        return out

    ui["script_box"].input(typed, [ui["state"], ui["script_box"]], [ui["hl"], ui["summary"], ui["saved_note"]],
                           show_progress="hidden")
    ui["fix"].click(fixed, [ui["state"], ui["script_box"]], [ui["script_box"], ui["hl"], ui["summary"]])
    ui["export"].click(lambda d, t, p: on_export(d, t, p, ctx.catalog, ctx.settings.exports_dir),
                       [ui["state"], ui["script_box"], ui["want_pdf"]], [ui["files"], ui["export_msg"]])
