"""`copilot transcribe`, `copilot clips` and `copilot clips-review`: after the stream."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from copilot.cli.common import JsonOpt, KnowledgeOpt, emit_json, load_catalog, settings_for

OutOpt = Annotated[Path, typer.Option("--out", "-o", help="输出目录（转写文件、切片视频、字幕、封面）")]


def _bar(quiet: bool):
    def progress(frac: float, message: str) -> None:
        if not quiet:
            typer.echo(f"[{frac * 100:5.1f}%] {message}", err=True)
    return progress


def transcribe_cmd(
    media: Annotated[str, typer.Argument(help="录像/录音文件（mp4 flv mov m4a wav mp3），或直播地址（rtmp/hls/flv）")],
    out: OutOpt = Path("transcripts"),
    live: Annotated[bool, typer.Option("--live", help="实时转写直播地址或正在写入的文件（按 Ctrl+C 结束）")] = False,
    no_prompt: Annotated[bool, typer.Option("--no-prompt", help="不把商品名放进识别提示（对比用）")] = False,
    knowledge: KnowledgeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """把录像转成文字：JSON（分句和逐词时间）、SRT 和 VTT 字幕。"""
    from copilot.base.ffmpeg import is_stream_url
    from copilot.media.live_asr import transcribe_live
    from copilot.media.transcribe import transcribe_file
    from copilot.media.transcript import fmt_ts, write_outputs

    settings = settings_for(knowledge)
    catalog = load_catalog(settings)

    def show(seg) -> None:
        if not json_out:
            typer.echo(f"[{fmt_ts(seg.start)}–{fmt_ts(seg.end)}] {seg.text}")

    if live or is_stream_url(media):
        try:
            transcript = transcribe_live(media, settings, catalog, on_segment=show)
        except KeyboardInterrupt:
            return
    else:
        transcript = transcribe_file(Path(media), settings, None if no_prompt else catalog,
                                     progress=_bar(json_out), on_segment=show)
    files = write_outputs(transcript, out, stem=Path(media).stem if not is_stream_url(media) else "live")
    if json_out:
        d = transcript.to_dict(words=False)
        emit_json({"duration": d["duration"], "language": d["language"], "segments": d["segments"], "files": files})
        return
    typer.echo(f"\n共 {len(transcript.segments)} 句，时长 {fmt_ts(transcript.duration)}")
    for f in files:
        typer.echo(f"已写出：{f}")


def clips_cmd(
    media: Annotated[Path, typer.Argument(help="直播录像文件")],
    out: OutOpt = Path("clips"),
    transcript: Annotated[Path | None, typer.Option("--transcript", help="已有的转写 JSON（跳过转写）")] = None,
    comments: Annotated[Path | None, typer.Option("--comments", help="评论 JSONL（含 ts 秒数），下单高峰提高评分")] = None,
    vertical: Annotated[str, typer.Option("--vertical", help="竖版 9:16：blur（模糊背景，默认）、crop（居中裁切）、none")] = "blur",
    evergreen: Annotated[bool, typer.Option("--evergreen", help="另出一个不含今晚价格的长期版本")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="最多生成几段（按评分）")] = None,
    no_review: Annotated[bool, typer.Option("--no-review", help="不写入切片审核队列")] = False,
    offline: Annotated[bool, typer.Option("--offline", help="不调用大模型，标题用模板")] = False,
    knowledge: KnowledgeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """从直播录像里找出每个商品的讲解，剪成带中文字幕的短视频（含竖版和封面），并放进审核队列。"""
    from copilot.base.comments import load_comment_file
    from copilot.base.errors import InputError
    from copilot.base.llm import get_chat_model
    from copilot.media.pipeline import clip_recording

    if vertical not in ("blur", "crop", "none"):
        raise InputError(f"--vertical 只能是 blur、crop 或 none（现在是 {vertical}）", hint="例如 --vertical crop")
    settings = settings_for(knowledge)
    catalog = load_catalog(settings)
    rows = load_comment_file(comments) if comments else None
    llm = None if offline else get_chat_model(settings)
    from copilot.media.review import ClipStore

    _, clips = clip_recording(media, out, settings, catalog, transcript=transcript, comments=rows, llm=llm,
                              vertical=None if vertical == "none" else vertical, evergreen=evergreen,
                              limit=limit, review=None if no_review else ClipStore(settings, catalog),
                              progress=_bar(json_out))
    if json_out:
        emit_json({"clips": [{"id": c.id, "file": c.file, "start": c.start, "end": c.end, "sku": c.sku,
                              "name": catalog.require(c.sku).name, "kind": c.kind, "title": c.title,
                              "score": c.score, "srt": c.srt, "vertical": c.vertical, "cover": c.cover,
                              "evergreen": c.evergreen, "description": c.description, "hashtags": c.hashtags,
                              "uncertain": c.uncertain, "violations": c.violations} for c in clips]})
        return
    if not clips:
        typer.echo("没有找到商品讲解片段（需要提到商品名、别名或链接号）。")
    for c in clips:
        typer.echo(f"#{c.id or '-'} {_label(catalog, c)} {c.start:7.1f}–{c.end:7.1f}s 评分 {c.score:.2f}  {c.title}")
        typer.echo(f"    {c.file}")
        for v in c.violations:
            typer.echo(f"    ⚠ {v['category']}（{v['where']}）：{v['term']} → {v['suggestion'] or '删除'}；建议：{v['rewrite']}")


def _label(catalog, c) -> str:
    p = catalog.get(c.sku)
    return f"{p.name if p else c.sku}{'（商品不确定）' if c.uncertain else ''}"


review = typer.Typer(help="切片审核：查看、通过、驳回、修剪、改标题、重做字幕、生成成片、导出。", no_args_is_help=True)


def _store(knowledge):
    from copilot.media.review import ClipStore

    return ClipStore(settings_for(knowledge))


def _show(c, store) -> dict:
    p = store.catalog.get(c.sku)
    return {"id": c.id, "sku": c.sku, "name": p.name if p else c.sku, "kind": c.kind, "start": c.start,
            "end": c.end, "score": c.score, "title": c.title, "status": c.status, "file": c.file,
            "uncertain": c.uncertain, "violations": c.violations, "rendered": c.rendered}


@review.command("list")
def review_list(
    status: Annotated[str | None, typer.Option("--status", help="pending / approved / rejected")] = None,
    knowledge: KnowledgeOpt = None,
    json_out: JsonOpt = False,
) -> None:
    """列出切片及审核状态。"""
    store = _store(knowledge)
    clips = store.list(status=status)
    if json_out:
        emit_json({"clips": [_show(c, store) for c in clips]})
        return
    labels = {"pending": "待审", "approved": "通过", "rejected": "驳回"}
    for c in clips:
        marks = ("" if c.rendered else " 成片未生成") + (f" ⚠合规 {len(c.violations)} 处" if c.violations else "")
        typer.echo(f"#{c.id:<4} {labels[c.status]} {_label(store.catalog, c)} {c.start:7.1f}–{c.end:7.1f}s "
                   f"{c.score:.2f} {c.title}{marks}")
    if not clips:
        typer.echo("还没有切片。先运行 copilot clips 录像.mp4 --out 目录")


def _act(action: str, clip_id: int, knowledge, json_out: bool, *args) -> None:
    store = _store(knowledge)
    c = getattr(store, action)(clip_id, *args)
    if json_out:
        emit_json(_show(c, store))
    else:
        typer.echo(f"#{c.id} {_label(store.catalog, c)} {c.status} {c.start:.1f}–{c.end:.1f}s {c.title}")


@review.command("approve")
def review_approve(clip_id: int, knowledge: KnowledgeOpt = None, json_out: JsonOpt = False) -> None:
    """通过一个切片。"""
    _act("approve", clip_id, knowledge, json_out)


@review.command("reject")
def review_reject(clip_id: int, knowledge: KnowledgeOpt = None, json_out: JsonOpt = False) -> None:
    """驳回一个切片。"""
    _act("reject", clip_id, knowledge, json_out)


@review.command("retitle")
def review_retitle(clip_id: int, title: str, knowledge: KnowledgeOpt = None, json_out: JsonOpt = False) -> None:
    """修改切片标题。"""
    _act("retitle", clip_id, knowledge, json_out, title)


@review.command("trim")
def review_trim(clip_id: int, start: float, end: float, knowledge: KnowledgeOpt = None,
                json_out: JsonOpt = False) -> None:
    """按新的起止秒数（相对整场录像）重新剪辑切片。"""
    _act("trim", clip_id, knowledge, json_out, start, end)


@review.command("redo")
def review_redo(clip_id: int, knowledge: KnowledgeOpt = None, json_out: JsonOpt = False) -> None:
    """用校对后的转写重新生成切片的字幕和视频（起止不变）。"""
    _act("redo", clip_id, knowledge, json_out)


@review.command("render")
def review_render(knowledge: KnowledgeOpt = None, json_out: JsonOpt = False) -> None:
    """生成还没有成片的切片视频（先进审核队列、后出成片的切片）。"""
    from copilot.media.pipeline import render_pending

    made = render_pending(_store(knowledge), progress=_bar(json_out))
    if json_out:
        emit_json({"rendered": made})
    else:
        typer.echo(f"已生成 {made} 段成片")


@review.command("export")
def review_export(out: Annotated[Path | None, typer.Option("--out", "-o", help="zip 放在哪个目录（默认数据目录的 exports/）")] = None,
                  knowledge: KnowledgeOpt = None, json_out: JsonOpt = False) -> None:
    """把已通过的切片导出成一个 zip：视频、封面、字幕、manifest.json 和 manifest.csv。"""
    bundle = _store(knowledge).export(out)
    if json_out:
        emit_json({"zip": str(bundle)})
    else:
        typer.echo(f"已导出：{bundle}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the root app."""
    app.command("transcribe")(transcribe_cmd)
    app.command("clips")(clips_cmd)
    app.add_typer(review, name="clips-review")
