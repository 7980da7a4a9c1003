"""切片审核: transcribe a recording, cut product clips, review them (approve, reject, trim, retitle), export.

Click-to-seek: selecting a transcript line sets the whole-recording player's ``playback_position``
(Gradio 6 ``gr.Video(playback_position=...)``) to the start of that line; selecting a clip loads
its subtitled 16:9 and 9:16 files. Files outside the working directory and the temp dir are
copied into a temp folder before they are shown (Gradio only serves those places).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

import gradio as gr

from ..config import PROJECT_DIR
from ..errors import CopilotError

log = logging.getLogger("copilot.ui.clips")

CLIP_HEADERS = ["编号", "商品", "类型", "开始(秒)", "结束(秒)", "时长", "评分", "标题", "状态"]
TRANSCRIPT_HEADERS = ["开始", "结束", "文字"]
STATUS_ZH = {"pending": "待审", "approved": "通过", "rejected": "驳回"}
KIND_ZH = {"talk": "整段讲解", "origin": "产地", "tasting": "口感", "quality": "品质", "offer": "福利"}
SAMPLE = PROJECT_DIR.parent / "shared" / "data" / "sample-stream"


def servable(path: str | None) -> str | None:
    """A path Gradio may serve: files under cwd or the temp dir as they are, others copied to temp."""
    if not path or not Path(path).exists():
        return None
    p = Path(path).resolve()
    roots = [Path(tempfile.gettempdir()).resolve(), Path.cwd().resolve()]
    if any(p.is_relative_to(r) and not any(part.startswith(".") for part in p.relative_to(r).parts)
           for r in roots):
        return str(p)
    key = hashlib.sha1(f"{p}:{p.stat().st_mtime_ns}".encode()).hexdigest()[:10]
    target = Path(tempfile.gettempdir()) / "copilot-media" / f"{key}_{p.name}"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(p, target)
        except OSError:
            shutil.copy2(p, target)
    return str(target)


def clip_rows(store, recording: str | None = None) -> list[list]:
    return [[c.id, c.sku, KIND_ZH.get(c.kind, c.kind), round(c.start, 1), round(c.end, 1), c.duration,
             round(c.score, 2), c.title, STATUS_ZH.get(c.status, c.status)] for c in store.list(recording=recording)]


def transcript_rows(transcript) -> list[list]:
    from ..transcribe import fmt_ts

    return [[fmt_ts(s.start), fmt_ts(s.end), s.text] for s in transcript.segments]


def build(ctx) -> None:
    holder: dict = {}

    def store():
        if "store" not in holder:
            from ..clip_review import ClipStore

            holder["store"] = ClipStore(ctx.settings, ctx.catalog)
        return holder["store"]

    gr.Markdown(f"### 切片审核：把直播录像剪成带字幕的商品短视频　<small>标题：{ctx.llm_label}</small>")
    with gr.Row():
        upload = gr.File(label="上传录像（mp4 / flv / mov / m4a / wav / mp3）", type="filepath", scale=2,
                         elem_id="clips-upload")
        with gr.Column(scale=2):
            path_box = gr.Textbox(label="或填写录像路径", placeholder="/path/to/stream.mp4", elem_id="clips-path")
            comments_box = gr.Textbox(label="评论 JSONL（可选，用于下单高峰加分）", placeholder="/path/to/comments.jsonl")
            sample_btn = gr.Button("载入示例直播录像", visible=(SAMPLE / "sample-stream.mp4").exists(), size="sm")
        with gr.Column(scale=1):
            vertical = gr.Radio([("模糊背景", "blur"), ("居中裁切", "crop"), ("不要竖版", "none")], value="blur",
                                label="竖版 9:16")
            evergreen = gr.Checkbox(label="另出不含价格的长期版", value=False)
            run_btn = gr.Button("转写并切片", variant="primary", elem_id="clips-run")
    status = gr.Markdown(elem_id="clips-status")
    recording = gr.State("")
    transcript_path = gr.State("")
    selected = gr.State(None)

    clips_table = gr.Dataframe(headers=CLIP_HEADERS, value=lambda: clip_rows(store()), interactive=False,
                               label="切片（点一行查看）", elem_id="clips-table", max_height=320)
    with gr.Row():
        player = gr.Video(label="切片（16:9，已烧录字幕）", elem_id="clips-player", scale=3)
        vplayer = gr.Video(label="竖版 9:16", elem_id="clips-vertical", scale=2)
        with gr.Column(scale=2):
            info = gr.Markdown("先在上面的表格里选一个切片。", elem_id="clips-info")
            title = gr.Textbox(label="标题", elem_id="clips-title")
            retitle_btn = gr.Button("保存标题")
            with gr.Row():
                approve_btn = gr.Button("通过", variant="primary", elem_id="clips-approve")
                reject_btn = gr.Button("驳回", variant="stop", elem_id="clips-reject")
            with gr.Row():
                t_start = gr.Number(label="开始（秒，整场录像）", precision=1)
                t_end = gr.Number(label="结束（秒）", precision=1)
            trim_btn = gr.Button("按新起止重新剪辑")
            cover_img = gr.Image(label="封面", type="filepath", height=140, interactive=False)
    with gr.Row():
        export_btn = gr.Button("导出已通过的切片", variant="secondary", elem_id="clips-export")
        export_files = gr.File(label="导出结果（manifest.json 与视频）", file_count="multiple", elem_id="clips-files")

    gr.Markdown("#### 转写全文（点一句，整场录像跳到那里播放）")
    with gr.Row():
        transcript_table = gr.Dataframe(headers=TRANSCRIPT_HEADERS, interactive=False, elem_id="clips-transcript",
                                        max_height=360, scale=3)
        full_player = gr.Video(label="整场录像", elem_id="clips-full", scale=2)
    seg_starts = gr.State([])

    def fail(exc: CopilotError):
        raise gr.Error(f"{exc.message}{'（' + exc.hint + '）' if exc.hint else ''}")

    def run(up, typed, comments_path, vert, ever, progress=gr.Progress()):
        from ..clips import clip_recording
        from ..highlights import load_comments

        media = up or (typed or "").strip()
        if not media:
            raise gr.Error("请先上传录像，或填写录像路径")
        try:
            rows = load_comments(comments_path.strip()) if comments_path and comments_path.strip() else None
            out = ctx.settings.data_dir / "clips" / f"{Path(media).stem}-{time.strftime('%Y%m%d-%H%M%S')}"
            transcript, clips = clip_recording(
                media, out, ctx.settings, ctx.catalog, comments=rows, llm=ctx.llm,
                vertical=None if vert == "none" else vert, evergreen=ever,
                progress=lambda f, m: progress(f, desc=m))
            for c in clips:
                store().add(c)
        except CopilotError as exc:
            fail(exc)
        json_path = next((f for f in transcript.files if f.endswith(".json")), "")
        msg = f"转写 {len(transcript.segments)} 句，找到 {len(clips)} 段商品切片。" if clips else \
            "没有找到商品讲解（需要提到商品名、别名或链接号）。"
        return (msg, str(media), json_path, clip_rows(store()), transcript_rows(transcript),
                [s.start for s in transcript.segments], servable(str(media)))

    run_btn.click(run, [upload, path_box, comments_box, vertical, evergreen],
                  [status, recording, transcript_path, clips_table, transcript_table, seg_starts, full_player])

    def load_sample():
        return str(SAMPLE / "sample-stream.mp4"), str(SAMPLE / "comments.jsonl")

    sample_btn.click(load_sample, None, [path_box, comments_box])

    def show(clip_id):
        c = store().get(clip_id)
        text = (f"**#{c.id} {c.sku}**　{KIND_ZH.get(c.kind, c.kind)}　{c.start:.1f}–{c.end:.1f} 秒　"
                f"评分 {c.score:.2f}　状态：{STATUS_ZH.get(c.status)}\n\n{c.description}\n\n{' '.join(c.hashtags)}")
        return (c.id, gr.update(value=servable(c.file)), gr.update(value=servable(c.vertical)), text, c.title,
                c.start, c.end, servable(c.cover))

    detail = [selected, player, vplayer, info, title, t_start, t_end, cover_img]

    def pick(evt: gr.SelectData):
        row = evt.row_value or []
        if not row or row[0] in ("", None):
            raise gr.Error("这一行没有切片编号")
        return show(int(row[0]))

    clips_table.select(pick, None, detail)

    def act(fn):
        def handler(clip_id, *args):
            if clip_id is None:
                raise gr.Error("请先在表格里选一个切片")
            try:
                fn(int(clip_id), *args)
            except CopilotError as exc:
                fail(exc)
            return (*show(int(clip_id)), clip_rows(store()))
        return handler

    outs = [*detail, clips_table]
    approve_btn.click(act(lambda i: store().approve(i)), [selected], outs)
    reject_btn.click(act(lambda i: store().reject(i)), [selected], outs)
    retitle_btn.click(act(lambda i, t: store().retitle(i, t)), [selected, title], outs)

    def trim(i, start, end):
        if start is None or end is None:
            raise gr.Error("请填写开始和结束秒数")
        store().trim(i, float(start), float(end))

    trim_btn.click(act(trim), [selected, t_start, t_end], outs)

    def export():
        out = Path(tempfile.mkdtemp(prefix="copilot-clips-export-"))
        try:
            manifest = store().export(out)
        except CopilotError as exc:
            fail(exc)
        files = [str(manifest)] + sorted(str(p) for p in out.iterdir() if p != manifest)
        gr.Info(f"已导出 {len(files) - 1} 个文件")
        return files

    export_btn.click(export, None, export_files)

    def seek(starts, media, evt: gr.SelectData):
        row = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        if not media or row is None or row >= len(starts):
            raise gr.Error("先转写一段录像")
        return gr.update(value=servable(media), playback_position=float(starts[row]))

    transcript_table.select(seek, [seg_starts, recording], full_player)
