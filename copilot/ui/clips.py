"""切片审核: a recording -> its transcript, corrected by the owner -> product clips to review and export.

① 转写 uses the live transcript when one was made while the recording ran (nothing is transcribed
again), otherwise transcribes. The transcript is shown by product segment; a line is edited, a misheard
name replaced everywhere at once (替换全部), catalog suggestions accepted; every change is saved in the
transcript file at once, so it survives a reload. ② 切片 cuts the clips from the corrected text: they
enter the table as soon as they are found, and their videos follow in the background.

Work runs in a background job (one per app), so its progress is our own Chinese text, refreshed on a
timer while the tab is shown, and nothing is lost when the page is reloaded. Media is opened only from
uploads and the allowed folders (``copilot.media.files``).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import gradio as gr

from copilot.base.errors import CopilotError
from copilot.base.settings import PROJECT_DIR
from copilot.live.jobs import Jobs
from copilot.media.files import allowed_file, servable
from copilot.ui import WhileShown

log = logging.getLogger(__name__)
CLIP_HEADERS = ["编号", "商品", "类型", "开始(秒)", "结束(秒)", "时长", "评分", "标题", "合规", "状态"]
LINE_HEADERS = ["句", "时间", "文字", "识别原文"]
STATUS_ZH = {"pending": "待审", "approved": "通过", "rejected": "驳回"}
KIND_ZH = {"talk": "整段讲解", "origin": "产地", "tasting": "口感", "quality": "品质", "offer": "福利"}
SAMPLE = PROJECT_DIR.parent / "shared" / "data" / "sample-stream"
ERROR, INFO = "出错了", "提示"
# Gradio 6's toasts show their type ("Error", "Info", "Warning") as the title whatever title= says: this puts
# Chinese in its place, for the whole page (it belongs in create_app's css; see the report of issue 15).
TOAST_CSS = """<style>
.toast-title.error, .toast-title.info, .toast-title.warning, .toast-title.success { font-size: 0 !important; }
.toast-title.error::before { content: "出错了"; font-size: var(--text-md); }
.toast-title.info::before { content: "提示"; font-size: var(--text-md); }
.toast-title.warning::before { content: "注意"; font-size: var(--text-md); }
.toast-title.success::before { content: "完成"; font-size: var(--text-md); }
</style>"""


def _fail(exc: CopilotError):
    raise gr.Error(f"{exc.message}{'（' + exc.hint + '）' if exc.hint else ''}", title=ERROR)


class Work:
    """The workspace's background job and what it produced (shared by every page of this app)."""

    def __init__(self) -> None:
        self.jobs = Jobs()
        self.text = ""
        self.media = ""
        self.transcript = ""
        self.version = 0  # bumped when the transcript or the clips change
        self.began = 0.0

    def progress(self, frac: float, message: str) -> None:
        spent = int(time.monotonic() - self.began)
        self.text = f"⏳ {message}（{frac * 100:.0f}%，已用 {spent // 60} 分 {spent % 60} 秒）"

    def changed(self, text: str = "") -> None:
        self.version += 1
        if text:
            self.text = text

    def start(self, name: str, target, *args) -> None:
        if self.jobs.running("work"):
            raise gr.Error("上一项工作还没做完，请稍候", title=INFO)
        self.jobs.status, self.began = "", time.monotonic()
        self.jobs.start("work", target, *args)
        self.text = f"⏳ {name}……"


def clip_rows(store, recording: str | None = None) -> list[list]:
    rows = []
    for c in store.list(recording=recording):
        p = store.catalog.get(c.sku)
        name = (p.name if p else c.sku) + ("（不确定）" if c.uncertain else "")
        state = STATUS_ZH.get(c.status, c.status) + ("" if c.rendered else "·成片生成中")
        rows.append([c.id, name, KIND_ZH.get(c.kind, c.kind), round(c.start, 1), round(c.end, 1), c.duration,
                     round(c.score, 2), c.title, f"⚠ {len(c.violations)} 处" if c.violations else "✓", state])
    return rows


def build(ctx):
    holder: dict = {}
    work = holder["work"] = Work()

    def store():
        if "store" not in holder:
            from copilot.media.review import ClipStore

            holder["store"] = ClipStore(ctx.settings, ctx.catalog)
        return holder["store"]

    gr.Markdown(f"### 切片审核：把直播录像剪成带字幕的商品短视频　<small>标题：{ctx.llm_label}</small>")
    gr.HTML(TOAST_CSS, padding=False, elem_id="clips-toast-zh")
    w = _input_panel(ctx, store)
    w.update(_transcript_panel())
    w.update(_review_panel())
    _wire_run(ctx, store, work, w)
    _wire_review(ctx, store, work, w)
    view = _view(ctx, store, work)
    outs = [w["status"], w["version"], w["parts"], w["lines"], w["suggestions"], w["table"], w["full"]]
    _wire_transcript(ctx, store, work, w, view, outs)

    return [(lambda: view(-1), outs), WhileShown(view, [w["version"]], outs, 2.0)]


def _input_panel(ctx, store) -> dict:
    w = {}
    with gr.Row():
        w["upload"] = gr.File(label="上传录像（mp4 / flv / mov / m4a / wav / mp3）", type="filepath", scale=2,
                              elem_id="clips-upload")
        with gr.Column(scale=2):
            w["path"] = gr.Textbox(label="或填写录像路径（允许的文件夹里）", placeholder="录像.mp4", elem_id="clips-path")
            w["comments"] = gr.Textbox(label="评论 JSONL（可选，用于下单高峰加分）", placeholder="comments.jsonl")
            w["sample"] = gr.Button("载入示例直播录像", visible=(SAMPLE / "sample-stream.mp4").exists(), size="sm")
        with gr.Column(scale=2):
            w["vertical"] = gr.Radio([("模糊背景", "blur"), ("居中裁切", "crop"), ("不要竖版", "none")], value="blur",
                                     label="竖版 9:16")
            w["evergreen"] = gr.Checkbox(label="另出不含价格的长期版", value=False)
            with gr.Row():
                w["transcribe"] = gr.Button("① 转写", elem_id="clips-transcribe")
                w["run"] = gr.Button("② 按校对后的文字切片", variant="primary", elem_id="clips-run")
    w["status"] = gr.Markdown(elem_id="clips-status")
    w["version"] = gr.State(-1)
    w["selected"] = gr.State(None)
    w["line"] = gr.State(None)
    return w


def _transcript_panel() -> dict:
    w = {}
    gr.Markdown("#### 转写校对：按商品分段；改一句、替换全部、采纳建议都会立即保存，切片的字幕和标题用校对后的文字")
    with gr.Row():
        with gr.Column(scale=3):
            w["parts"] = gr.Dropdown(label="商品分段", choices=[], elem_id="clips-parts")
            w["lines"] = gr.Dataframe(headers=LINE_HEADERS, interactive=False, elem_id="clips-transcript",
                                      max_height=320, wrap=True)
            with gr.Row():
                w["line_text"] = gr.Textbox(label="选中的一句（改好后保存）", scale=4, elem_id="clips-line")
                w["save_line"] = gr.Button("保存这一句", scale=1, elem_id="clips-save-line")
            with gr.Row():
                w["find"] = gr.Textbox(label="把", placeholder="草霉", scale=2, elem_id="clips-find")
                w["replace"] = gr.Textbox(label="全部替换成", placeholder="草莓", scale=2, elem_id="clips-replace")
                w["replace_all"] = gr.Button("替换全部", scale=1, elem_id="clips-replace-all")
        with gr.Column(scale=2):
            w["suggestions"] = gr.CheckboxGroup(label="按商品清单的纠错建议（勾选后采纳）", choices=[],
                                                elem_id="clips-suggestions")
            with gr.Row():
                w["accept"] = gr.Button("采纳选中的建议", size="sm", elem_id="clips-accept")
                w["accept_all"] = gr.Button("全部采纳", size="sm")
            w["full"] = gr.Video(label="整场录像（点一句跳到那里）", elem_id="clips-full")
    return w


def _review_panel() -> dict:
    w = {}
    gr.Markdown("#### 切片")
    w["table"] = gr.Dataframe(headers=CLIP_HEADERS, interactive=False, label="切片（点一行查看）",
                              elem_id="clips-table", max_height=320, wrap=True)
    with gr.Row():
        w["player"] = gr.Video(label="切片（16:9，已烧录字幕）", elem_id="clips-player", scale=3)
        w["vplayer"] = gr.Video(label="竖版 9:16", elem_id="clips-vertical", scale=2)
        with gr.Column(scale=3):
            w["info"] = gr.Markdown("先在上面的表格里选一个切片。", elem_id="clips-info")
            w["title"] = gr.Textbox(label="标题", elem_id="clips-title")
            with gr.Row():
                w["retitle"] = gr.Button("保存标题", size="sm")
                w["use_rewrite"] = gr.Button("采用合规改写的标题", size="sm", elem_id="clips-use-rewrite")
            with gr.Row():
                w["approve"] = gr.Button("通过", variant="primary", elem_id="clips-approve")
                w["reject"] = gr.Button("驳回", variant="stop", elem_id="clips-reject")
            with gr.Row():
                w["t_start"] = gr.Number(label="开始（秒，整场录像）", precision=1)
                w["t_end"] = gr.Number(label="结束（秒）", precision=1)
            with gr.Row():
                w["trim"] = gr.Button("按新起止重新剪辑", size="sm")
                w["redo"] = gr.Button("用校对后的文字重做字幕", size="sm", elem_id="clips-redo")
            w["cover"] = gr.Image(label="封面", type="filepath", height=140, interactive=False)
    with gr.Row():
        w["export"] = gr.Button("导出已通过的切片（一个 zip）", variant="secondary", elem_id="clips-export")
        w["files"] = gr.File(label="导出结果：视频、封面、字幕、manifest.json 与 manifest.csv", elem_id="clips-files")
    return w


def _media(ctx, up, typed) -> str:
    """The recording to open: an upload, the bundled sample, or a file under an allowed folder."""
    if up:
        return str(allowed_file(up, ctx.settings))
    typed = (typed or "").strip()
    if not typed:
        raise gr.Error("请先上传录像，或填写录像路径", title=INFO)
    return str(allowed_file(typed, ctx.settings, extra=(SAMPLE,)))


def _wire_run(ctx, store, work: Work, w: dict) -> None:
    def transcribe_job(stop, media):
        from copilot.media.pipeline import obtain_transcript

        out = ctx.settings.data_dir / "clips" / f"{Path(media).stem}-{time.strftime('%Y%m%d-%H%M%S')}"
        t, how = obtain_transcript(media, out, ctx.settings, ctx.catalog, store(), progress=work.progress)
        work.media, work.transcript = media, next(f for f in t.files if f.endswith(".json"))
        origin = "直播时的实时转写（没有重新转写）" if how == "live" else "转写"
        work.changed(f"✅ {origin}完成：{len(t.segments)} 句。请在下面校对，再点「② 按校对后的文字切片」。")

    def transcribe(up, typed):
        try:
            media = _media(ctx, up, typed)
        except CopilotError as exc:
            _fail(exc)
        work.start("准备转写", transcribe_job, media)
        return work.text

    def cut_job(stop, comments_path, vert, ever):
        from copilot.base.comments import load_comment_file
        from copilot.media.pipeline import clip_recording, render_pending

        rows = load_comment_file(comments_path) if comments_path else None
        out = ctx.settings.data_dir / "clips" / f"{Path(work.media).stem}-{time.strftime('%Y%m%d-%H%M%S')}"
        _, clips = clip_recording(work.media, out, ctx.settings, ctx.catalog, transcript=work.transcript,
                                  comments=rows, llm=ctx.llm, vertical=None if vert == "none" else vert,
                                  evergreen=ever, review=store(), progress=work.progress, render_now=False)
        work.changed(f"✅ 找到 {len(clips)} 段商品讲解，已放进下面的表格，可以开始审核；成片在后台生成。" if clips
                     else "没有找到商品讲解（需要提到商品名、别名或链接号）。")
        made = render_pending(store(), work.media, progress=work.progress, stop=stop)
        work.changed(f"✅ {len(clips)} 段切片都已生成成片（本次生成 {made} 段），可以审核和导出。")

    def cut(comments_path, vert, ever):
        if not work.transcript:
            raise gr.Error("请先点「① 转写」", title=INFO)
        try:
            path = str(allowed_file(comments_path, ctx.settings, extra=(SAMPLE,), what="评论文件")) \
                if (comments_path or "").strip() else ""
        except CopilotError as exc:
            _fail(exc)
        work.start("切片", cut_job, path, vert, ever)
        return work.text

    w["transcribe"].click(transcribe, [w["upload"], w["path"]], w["status"], show_progress="hidden")
    w["run"].click(cut, [w["comments"], w["vertical"], w["evergreen"]], w["status"], show_progress="hidden")
    w["sample"].click(lambda: (str(SAMPLE / "sample-stream.mp4"), str(SAMPLE / "comments.jsonl")), None,
                      [w["path"], w["comments"]])


def _view(ctx, store, work: Work):
    """The refresh: status always; transcript, suggestions and clips only when they changed (``part``: the
    product segment shown)."""
    def view(seen, part=None, player=True):
        text = work.jobs.status or work.text
        if seen == work.version:
            return (text, seen, *([gr.update()] * 5))
        if not work.transcript:
            latest = store().library.recent(limit=1)
            if latest:
                work.media, work.transcript = latest[0].recording, latest[0].path
        parts, lines, suggestions = _transcript_view(ctx, work.transcript, part)
        full = servable(work.media, ctx.settings) if player and work.media and "://" not in work.media else None
        return (text, work.version, parts, lines, suggestions, clip_rows(store()), full if player else gr.update())
    return view


def _transcript_view(ctx, path: str, part: int | None = None):
    """The product segments, the lines of ``part`` (all when None or -1) and the catalog suggestions."""
    from copilot.media.correct import suggest
    from copilot.media.library import by_product, load

    if not path or not Path(path).exists():
        return gr.update(choices=[], value=None), [], gr.update(choices=[], value=[])
    t = load(path)
    parts = by_product(t, ctx.catalog)
    choices = [("全部", -1)] + [(f"{label}（第 {a + 1}–{b + 1} 句）", k) for k, (label, a, b) in enumerate(parts)]
    part = -1 if part is None or part >= len(parts) else part
    a, b = (0, len(t.segments) - 1) if part < 0 else parts[part][1:]
    lines = _line_rows(t, a, b)
    found = suggest(t, ctx.catalog)
    labels = [(f"第 {s.segment + 1} 句：{s.wrong} → {s.right}（{s.reason}）", str(k)) for k, s in enumerate(found)]
    return gr.update(choices=choices, value=part), lines, gr.update(choices=labels, value=[])


def _line_rows(t, a: int, b: int) -> list[list]:
    from copilot.media.transcript import fmt_ts

    return [[i + 1, f"{fmt_ts(s.start)}–{fmt_ts(s.end)}", s.text, s.asr if s.asr and s.asr != s.text else ""]
            for i, s in enumerate(t.segments[a:b + 1], start=a)]


def _wire_transcript(ctx, store, work: Work, w: dict, view, outs: list) -> None:
    from copilot.media import library

    def show_part(part):
        if not work.transcript or part is None:
            return []
        t = library.load(work.transcript)
        parts = library.by_product(t, ctx.catalog)
        a, b = (0, len(t.segments) - 1) if part < 0 else parts[part][1:]
        return _line_rows(t, a, b)

    w["parts"].input(show_part, w["parts"], w["lines"])

    def pick(evt: gr.SelectData):
        row = evt.row_value or []
        if not row or not work.transcript:
            raise gr.Error("先转写一段录像", title=INFO)
        index = int(row[0]) - 1
        seg = library.load(work.transcript).segments[index]
        full = servable(work.media, ctx.settings) if work.media and "://" not in work.media else None
        return index, seg.text, gr.update(value=full, playback_position=float(seg.start))

    w["lines"].select(pick, None, [w["line"], w["line_text"], w["full"]])

    def edit(fn):
        def handler(part, *args):
            if not work.transcript:
                raise gr.Error("先转写一段录像", title=INFO)
            try:
                message = fn(*args)
            except CopilotError as exc:
                _fail(exc)
            gr.Info(message, title=INFO)
            work.changed()
            return view(-1, part, player=False)  # the saved transcript, in the segment being corrected
        return handler

    def save_line(index, text):
        if index is None:
            raise gr.Error("先在转写表里点一句", title=INFO)
        library.edit_line(work.transcript, int(index), text)
        return f"第 {int(index) + 1} 句已保存"

    def replace(find, to):
        _, n = library.replace_all(work.transcript, find, to)
        return f"已把 {n} 句里的「{find.strip()}」替换成「{to.strip()}」" if n else f"没有找到「{find.strip()}」"

    def accept(chosen, everything=False):
        from copilot.media.correct import suggest

        found = suggest(library.load(work.transcript), ctx.catalog)
        picked = found if everything else [found[int(k)] for k in chosen or [] if int(k) < len(found)]
        if not picked:
            return "没有选中要采纳的建议"
        library.accept(work.transcript, picked)
        return f"已采纳 {len(picked)} 条纠错建议"

    part = w["parts"]
    w["save_line"].click(edit(save_line), [part, w["line"], w["line_text"]], outs)
    w["replace_all"].click(edit(replace), [part, w["find"], w["replace"]], outs)
    w["accept"].click(edit(accept), [part, w["suggestions"]], outs)
    w["accept_all"].click(edit(lambda: accept(None, True)), [part], outs)


def _clip_md(store, c) -> str:
    p = store.catalog.get(c.sku)
    lines = [f"**#{c.id} {p.name if p else c.sku}**　{KIND_ZH.get(c.kind, c.kind)}　{c.start:.1f}–{c.end:.1f} 秒　"
             f"评分 {c.score:.2f}　状态：{STATUS_ZH.get(c.status)}" + ("" if c.rendered else "　（成片生成中）")]
    if c.uncertain:
        names = "、".join(store.catalog.get(s).name for s in c.candidates if store.catalog.get(s))
        lines.append(f"⚠ **商品不确定**：这段讲解也可能是 {names or '别的商品'}，请看一遍再决定通过或驳回。")
    for v in c.violations:
        lines.append(f"⚠ **{v['category']}**（{v['where']}）：「{v['term']}」→「{v['suggestion'] or '删除'}」。"
                     f"建议改成：{v['rewrite']}")
    lines.append(f"{c.description}\n\n{' '.join(c.hashtags)}")
    return "\n\n".join(lines)


def _wire_review(ctx, store, work: Work, w: dict) -> None:
    def show(clip_id):
        c = store().get(clip_id)
        main = servable(c.file, ctx.settings) if c.rendered else None
        if main is None and "://" not in c.source:  # not rendered yet: the recording at the clip's start
            return (c.id, gr.update(value=servable(c.source, ctx.settings), playback_position=float(c.start)),
                    None, _clip_md(store(), c), c.title, c.start, c.end, servable(c.cover, ctx.settings))
        return (c.id, gr.update(value=main, playback_position=0.0), servable(c.vertical, ctx.settings),
                _clip_md(store(), c), c.title, c.start, c.end, servable(c.cover, ctx.settings))

    detail = [w[k] for k in ("selected", "player", "vplayer", "info", "title", "t_start", "t_end", "cover")]

    def pick(evt: gr.SelectData):
        row = evt.row_value or []
        if not row or row[0] in ("", None):
            raise gr.Error("这一行没有切片编号", title=INFO)
        return show(int(row[0]))

    w["table"].select(pick, None, detail)

    def act(fn):
        def handler(clip_id, *args):
            if clip_id is None:
                raise gr.Error("请先在表格里选一个切片", title=INFO)
            try:
                fn(int(clip_id), *args)
            except CopilotError as exc:
                _fail(exc)
            work.changed()
            return (*show(int(clip_id)), clip_rows(store()))
        return handler

    def trim(i, start, end):
        if start is None or end is None:
            raise gr.Error("请填写开始和结束秒数", title=INFO)
        store().trim(i, float(start), float(end))

    def use_rewrite(i):
        fixed = next((v["rewrite"] for v in store().get(i).violations if v["where"] == "标题"), None)
        if fixed is None:
            raise gr.Error("这个标题没有合规问题", title=INFO)
        store().retitle(i, fixed)

    outs = [*detail, w["table"]]
    w["approve"].click(act(lambda i: store().approve(i)), [w["selected"]], outs)
    w["reject"].click(act(lambda i: store().reject(i)), [w["selected"]], outs)
    w["retitle"].click(act(lambda i, t: store().retitle(i, t)), [w["selected"], w["title"]], outs)
    w["use_rewrite"].click(act(use_rewrite), [w["selected"]], outs)
    w["trim"].click(act(trim), [w["selected"], w["t_start"], w["t_end"]], outs)
    w["redo"].click(act(lambda i: store().redo(i)), [w["selected"]], outs)

    def export():
        try:
            path = store().export()
        except CopilotError as exc:
            _fail(exc)
        gr.Info(f"已导出 {Path(path).name}（视频、封面、字幕和清单都在里面）", title=INFO)
        return servable(str(path), ctx.settings)

    w["export"].click(export, None, w["files"])

