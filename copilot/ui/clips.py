"""切片审核: transcribe a recording, cut product clips, review them (approve, reject, trim, retitle), export.

Click-to-seek: selecting a transcript line sets the whole-recording player's ``playback_position``
(Gradio 6 ``gr.Video(playback_position=...)``) to the start of that line; selecting a clip loads
its subtitled 16:9 and 9:16 files. Files outside the working directory and the temp dir are
copied into a temp folder before they are shown (Gradio only serves those places).
"""

from __future__ import annotations

import logging
import tempfile
import time
from pathlib import Path

import gradio as gr

from copilot.base.errors import CopilotError
from copilot.base.settings import PROJECT_DIR
from copilot.media.files import servable

log = logging.getLogger(__name__)
CLIP_HEADERS = ["编号", "商品", "类型", "开始(秒)", "结束(秒)", "时长", "评分", "标题", "状态"]
TRANSCRIPT_HEADERS = ["开始", "结束", "文字"]
STATUS_ZH = {"pending": "待审", "approved": "通过", "rejected": "驳回"}
KIND_ZH = {"talk": "整段讲解", "origin": "产地", "tasting": "口感", "quality": "品质", "offer": "福利"}
SAMPLE = PROJECT_DIR.parent / "shared" / "data" / "sample-stream"


def clip_rows(store, recording: str | None = None) -> list[list]:
    return [[c.id, c.sku, KIND_ZH.get(c.kind, c.kind), round(c.start, 1), round(c.end, 1), c.duration,
             round(c.score, 2), c.title, STATUS_ZH.get(c.status, c.status)] for c in store.list(recording=recording)]


def transcript_rows(transcript) -> list[list]:
    from copilot.media.transcript import fmt_ts

    return [[fmt_ts(s.start), fmt_ts(s.end), s.text] for s in transcript.segments]


def build(ctx) -> None:
    holder: dict = {}

    def store():
        if "store" not in holder:
            from copilot.media.review import ClipStore

            holder["store"] = ClipStore(ctx.settings, ctx.catalog)
        return holder["store"]

    gr.Markdown(f"### 切片审核：把直播录像剪成带字幕的商品短视频　<small>标题：{ctx.llm_label}</small>")
    w = _input_panel()
    w.update(_review_panel(store))
    w.update(_transcript_panel())
    _wire_run(ctx, store, w)
    _wire_review(store, w)
    _wire_transcript(w)


def _fail(exc: CopilotError):
    raise gr.Error(f"{exc.message}{'（' + exc.hint + '）' if exc.hint else ''}")



def _input_panel() -> dict:
    w = {}
    with gr.Row():
        w["upload"] = gr.File(label="上传录像（mp4 / flv / mov / m4a / wav / mp3）", type="filepath", scale=2,
                              elem_id="clips-upload")
        with gr.Column(scale=2):
            w["path"] = gr.Textbox(label="或填写录像路径", placeholder="/path/to/stream.mp4", elem_id="clips-path")
            w["comments"] = gr.Textbox(label="评论 JSONL（可选，用于下单高峰加分）", placeholder="/path/to/comments.jsonl")
            w["sample"] = gr.Button("载入示例直播录像", visible=(SAMPLE / "sample-stream.mp4").exists(), size="sm")
        with gr.Column(scale=1):
            w["vertical"] = gr.Radio([("模糊背景", "blur"), ("居中裁切", "crop"), ("不要竖版", "none")], value="blur",
                                     label="竖版 9:16")
            w["evergreen"] = gr.Checkbox(label="另出不含价格的长期版", value=False)
            w["run"] = gr.Button("转写并切片", variant="primary", elem_id="clips-run")
    w["status"] = gr.Markdown(elem_id="clips-status")
    w["recording"] = gr.State("")
    w["transcript_path"] = gr.State("")
    w["selected"] = gr.State(None)
    return w


def _review_panel(store) -> dict:
    w = {}
    w["table"] = gr.Dataframe(headers=CLIP_HEADERS, value=lambda: clip_rows(store()), interactive=False,
                              label="切片（点一行查看）", elem_id="clips-table", max_height=320)
    with gr.Row():
        w["player"] = gr.Video(label="切片（16:9，已烧录字幕）", elem_id="clips-player", scale=3)
        w["vplayer"] = gr.Video(label="竖版 9:16", elem_id="clips-vertical", scale=2)
        with gr.Column(scale=2):
            w["info"] = gr.Markdown("先在上面的表格里选一个切片。", elem_id="clips-info")
            w["title"] = gr.Textbox(label="标题", elem_id="clips-title")
            w["retitle"] = gr.Button("保存标题")
            with gr.Row():
                w["approve"] = gr.Button("通过", variant="primary", elem_id="clips-approve")
                w["reject"] = gr.Button("驳回", variant="stop", elem_id="clips-reject")
            with gr.Row():
                w["t_start"] = gr.Number(label="开始（秒，整场录像）", precision=1)
                w["t_end"] = gr.Number(label="结束（秒）", precision=1)
            w["trim"] = gr.Button("按新起止重新剪辑")
            w["cover"] = gr.Image(label="封面", type="filepath", height=140, interactive=False)
    with gr.Row():
        w["export"] = gr.Button("导出已通过的切片", variant="secondary", elem_id="clips-export")
        w["files"] = gr.File(label="导出结果（manifest.json 与视频）", file_count="multiple", elem_id="clips-files")
    return w


def _transcript_panel() -> dict:
    w = {}
    gr.Markdown("#### 转写全文（点一句，整场录像跳到那里播放）")
    with gr.Row():
        w["transcript"] = gr.Dataframe(headers=TRANSCRIPT_HEADERS, interactive=False, elem_id="clips-transcript",
                                       max_height=360, scale=3)
        w["full"] = gr.Video(label="整场录像", elem_id="clips-full", scale=2)
    w["starts"] = gr.State([])
    return w


def _wire_run(ctx, store, w: dict) -> None:
    def run(up, typed, comments_path, vert, ever, progress=gr.Progress()):
        from copilot.base.comments import load_comment_file
        from copilot.media.pipeline import clip_recording

        media = up or (typed or "").strip()
        if not media:
            raise gr.Error("请先上传录像，或填写录像路径")
        try:
            rows = load_comment_file(comments_path.strip()) if comments_path and comments_path.strip() else None
            out = ctx.settings.data_dir / "clips" / f"{Path(media).stem}-{time.strftime('%Y%m%d-%H%M%S')}"
            transcript, clips = clip_recording(
                media, out, ctx.settings, ctx.catalog, comments=rows, llm=ctx.llm,
                vertical=None if vert == "none" else vert, evergreen=ever, review=store(),
                progress=lambda f, m: progress(f, desc=m))
        except CopilotError as exc:
            _fail(exc)
        json_path = next((f for f in transcript.files if f.endswith(".json")), "")
        msg = f"转写 {len(transcript.segments)} 句，找到 {len(clips)} 段商品切片。" if clips else \
            "没有找到商品讲解（需要提到商品名、别名或链接号）。"
        return (msg, str(media), json_path, clip_rows(store()), transcript_rows(transcript),
                [s.start for s in transcript.segments], servable(str(media)))

    w["run"].click(run, [w["upload"], w["path"], w["comments"], w["vertical"], w["evergreen"]],
                   [w["status"], w["recording"], w["transcript_path"], w["table"], w["transcript"], w["starts"],
                    w["full"]])
    w["sample"].click(lambda: (str(SAMPLE / "sample-stream.mp4"), str(SAMPLE / "comments.jsonl")), None,
                      [w["path"], w["comments"]])


def _wire_review(store, w: dict) -> None:
    def show(clip_id):
        c = store().get(clip_id)
        text = (f"**#{c.id} {c.sku}**　{KIND_ZH.get(c.kind, c.kind)}　{c.start:.1f}–{c.end:.1f} 秒　"
                f"评分 {c.score:.2f}　状态：{STATUS_ZH.get(c.status)}\n\n{c.description}\n\n{' '.join(c.hashtags)}")
        return (c.id, gr.update(value=servable(c.file)), gr.update(value=servable(c.vertical)), text, c.title,
                c.start, c.end, servable(c.cover))

    detail = [w[k] for k in ("selected", "player", "vplayer", "info", "title", "t_start", "t_end", "cover")]

    def pick(evt: gr.SelectData):
        row = evt.row_value or []
        if not row or row[0] in ("", None):
            raise gr.Error("这一行没有切片编号")
        return show(int(row[0]))

    w["table"].select(pick, None, detail)

    def act(fn):
        def handler(clip_id, *args):
            if clip_id is None:
                raise gr.Error("请先在表格里选一个切片")
            try:
                fn(int(clip_id), *args)
            except CopilotError as exc:
                _fail(exc)
            return (*show(int(clip_id)), clip_rows(store()))
        return handler

    def trim(i, start, end):
        if start is None or end is None:
            raise gr.Error("请填写开始和结束秒数")
        store().trim(i, float(start), float(end))

    outs = [*detail, w["table"]]
    w["approve"].click(act(lambda i: store().approve(i)), [w["selected"]], outs)
    w["reject"].click(act(lambda i: store().reject(i)), [w["selected"]], outs)
    w["retitle"].click(act(lambda i, t: store().retitle(i, t)), [w["selected"], w["title"]], outs)
    w["trim"].click(act(trim), [w["selected"], w["t_start"], w["t_end"]], outs)

    def export():
        out = Path(tempfile.mkdtemp(prefix="copilot-clips-export-"))
        try:
            manifest = store().export(out)
        except CopilotError as exc:
            _fail(exc)
        files = [str(manifest)] + sorted(str(p) for p in out.iterdir() if p != manifest)
        gr.Info(f"已导出 {len(files) - 1} 个文件")
        return files

    w["export"].click(export, None, w["files"])


def _wire_transcript(w: dict) -> None:
    def seek(starts, media, evt: gr.SelectData):
        row = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        if not media or row is None or row >= len(starts):
            raise gr.Error("先转写一段录像")
        return gr.update(value=servable(media), playback_position=float(starts[row]))

    w["transcript"].select(seek, [w["starts"], w["recording"]], w["full"])
