"""Clips: titles (template and LLM, prices validated), subtitles, ffmpeg cuts checked with ffprobe,
burned-in subtitles, the font check, and review state (approve, reject, retitle, trim, export)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from copilot.base import ffmpeg as media
from copilot.base.catalog import Catalog
from copilot.base.errors import InputError, LLMError, MediaError
from copilot.base.ffmpeg import ffmpeg_bin, probe, probe_streams
from copilot.media.clips import Clip, check_range, clip_segments, clip_text, cut, llm_text, render_clip, template_text
from copilot.media.highlights import PRICE_RE, Highlight, transcript_from_truth
from copilot.media.review import ClipStore
from copilot.media.transcript import Segment, Transcript, write_outputs

DATA = Path(__file__).parent / "data"
OFFSET = 8.0  # talk_320.mp4 is the sample stream from 8 s to 38 s


@pytest.fixture
def sample_catalog(shared_dir) -> Catalog:
    return Catalog.load(shared_dir / "data" / "sample-stream")


@pytest.fixture
def short_transcript(shared_dir) -> Transcript:
    """The sample stream's true lines, shifted to the committed 30 s clip."""
    truth = json.loads((shared_dir / "data" / "sample-stream" / "truth.json").read_text(encoding="utf-8"))
    t = transcript_from_truth(truth)
    segs = [Segment(s.start - OFFSET, s.end - OFFSET, s.text, id=i) for i, s in enumerate(t.segments)
            if s.start >= OFFSET and s.end <= OFFSET + 30]
    return Transcript(duration=30.0, segments=segs, source=str(DATA / "talk_320.mp4"))


# -- titles -------------------------------------------------------------------------------------


def test_template_text_uses_catalog_price(sample_catalog):
    p = sample_catalog.require("strawberry")
    t = template_text(p, sample_catalog, "talk")
    assert "19.9元/斤" in t.title and "丹东九九草莓" in t.title and len(t.title) <= 30
    assert all(h.startswith("#") for h in t.hashtags) and "#巷口优选" in t.hashtags
    ever = template_text(p, sample_catalog, "talk", evergreen=True)
    assert "19.9" not in ever.title + ever.description and "价" not in ever.title


def test_llm_title_accepted_when_price_matches(fake_llm, sample_catalog):
    p = sample_catalog.require("strawberry")
    fake_llm.enqueue(json.dumps({"title": "丹东草莓凌晨现摘，19.9元一斤", "description": "今天早上刚摘的丹东草莓。",
                                 "hashtags": ["丹东草莓", "#巷口优选"]}, ensure_ascii=False))
    t = clip_text(p, sample_catalog, "第一个，一号链接，丹东九九草莓。", "talk", llm=fake_llm)
    assert t.title.startswith("丹东草莓凌晨现摘") and t.hashtags == ["#丹东草莓", "#巷口优选"]
    system = fake_llm.history[0][0]["content"]
    assert "19.9元/斤" in system and "巷口优选" in system


def test_llm_title_with_wrong_price_falls_back_to_template(fake_llm, sample_catalog):
    p = sample_catalog.require("strawberry")
    fake_llm.enqueue(json.dumps({"title": "丹东草莓只要9.9元", "description": "便宜。", "hashtags": ["#草莓"]},
                                ensure_ascii=False))
    with pytest.raises(InputError, match="9.9元"):
        llm_text(fake_llm, p, sample_catalog, "草莓", "talk", evergreen=False)
    fake_llm.enqueue(json.dumps({"title": "丹东草莓只要9.9元", "description": "便宜。", "hashtags": ["#草莓"]},
                                ensure_ascii=False))
    t = clip_text(p, sample_catalog, "草莓", "talk", llm=fake_llm)
    assert t == template_text(p, sample_catalog, "talk")


def test_llm_evergreen_title_must_not_have_a_price(fake_llm, sample_catalog):
    p = sample_catalog.require("strawberry")
    reply = json.dumps({"title": "丹东草莓19.9元", "description": "好吃。", "hashtags": ["#草莓"]}, ensure_ascii=False)
    fake_llm.enqueue(reply)
    t = clip_text(p, sample_catalog, "草莓", "talk", llm=fake_llm, evergreen=True)
    assert "19.9" not in t.title and "evergreen" not in t.title
    assert "不要出现任何价格" in fake_llm.history[0][0]["content"]


def test_llm_failure_falls_back(fake_llm, sample_catalog):
    p = sample_catalog.require("rice")
    fake_llm.enqueue(LLMError("down"))
    assert clip_text(p, sample_catalog, "大米", "talk", llm=fake_llm).title.startswith("五常稻花香大米")


def test_llm_title_through_local_openai_server(settings, sample_catalog):
    from openai_stub import openai_stub

    from copilot.base.llm import OpenAIChatModel

    reply = json.dumps({"title": "五常新米，59元一袋", "description": "去年秋天的新米。", "hashtags": ["#五常大米"]},
                       ensure_ascii=False)
    with openai_stub() as server:
        server.enqueue(reply)
        model = OpenAIChatModel(settings.model_copy(update={"llm_base_url": server.url,
                                                            "llm_model": "stub"}))
        t = clip_text(sample_catalog.require("rice"), sample_catalog, "第二个，二号链接。", "talk", llm=model)
    assert t.title == "五常新米，59元一袋"
    assert server.requests[0]["messages"][0]["role"] == "system"


# -- subtitles and ranges -----------------------------------------------------------------------


def test_clip_segments_shift_and_drop_price():
    segs = [Segment(5, 8, "第一个，"), Segment(9, 12, "直播价一斤十九块九，"), Segment(12.5, 20, "扣一。"),
            Segment(30, 31, "别的。")]
    out = clip_segments(segs, 6.0, 21.0)
    assert [(s.start, s.end, s.text) for s in out] == [(0.0, 2.0, "第一个，"), (3.0, 6.0, "直播价一斤十九块九，"),
                                                       (6.5, 14.0, "扣一。")]
    assert [s.text for s in clip_segments(segs, 6.0, 21.0, drop_price=True)] == ["第一个，", "扣一。"]


@pytest.mark.parametrize("start, end, message", [(-1, 10, "无效"), (10, 5, "无效"), (40, 50, "超出"),
                                                 (1, 2, "太短"), (0, 200, "太长")])
def test_check_range(start, end, message):
    with pytest.raises((InputError, MediaError), match=message):
        check_range(start, end, 30.0)


def test_missing_cjk_font_is_a_clear_error(monkeypatch):
    media.cjk_font.cache_clear()

    class Result:
        stdout = ""

    monkeypatch.setattr(media.subprocess, "run", lambda *a, **k: Result() if "fc-list" in a[0][0] else None)
    monkeypatch.setattr(media.shutil, "which", lambda name: "/usr/bin/fc-list" if name == "fc-list" else None)
    try:
        with pytest.raises(MediaError, match="中文字体") as exc:
            media.cjk_font()
        assert "fonts-noto-cjk" in exc.value.hint
    finally:
        media.cjk_font.cache_clear()


# -- ffmpeg (slow) ------------------------------------------------------------------------------


def _duration(path) -> float:
    streams = probe_streams(path)
    return float(streams[0]["format_duration"])


def _bottom_strip(path: Path, at: float) -> bytes:
    return subprocess.run([ffmpeg_bin(), "-v", "error", "-ss", str(at), "-i", str(path), "-frames:v", "1",
                           "-vf", "crop=iw:ih/5:0:ih*4/5,format=gray", "-f", "rawvideo", "-"],
                          capture_output=True, check=True).stdout


@pytest.mark.slow
def test_render_clip_files_lengths_and_subtitles(tmp_path, sample_catalog, short_transcript):
    h = Highlight(sku="strawberry", start=2.5, end=28.2, score=0.9, text="第一个，一号链接，丹东九九草莓。")
    clip = render_clip(DATA / "talk_320.mp4", short_transcript, sample_catalog, h, tmp_path, evergreen=True)
    for f in (clip.file, clip.vertical, clip.cover, clip.srt, clip.evergreen):
        assert Path(f).exists() and Path(f).stat().st_size > 0
    assert _duration(clip.file) == pytest.approx(25.7, abs=0.25)
    kinds = {s["codec_type"]: s for s in probe_streams(clip.file)}
    assert set(kinds) == {"video", "audio"} and kinds["video"]["height"] == 540
    vert = {s["codec_type"]: s for s in probe_streams(clip.vertical)}["video"]
    assert (vert["width"], vert["height"]) == (540, 960)
    srt = Path(clip.srt).read_text(encoding="utf-8")
    assert srt.startswith("1\n00:00:00,") and "丹东九九草莓" in srt
    # the evergreen version stops before tonight's price and has no price in its subtitles
    assert _duration(clip.evergreen) < _duration(clip.file) - 3
    assert "十九块九" not in Path(clip.evergreen).with_suffix(".srt").read_text(encoding="utf-8")
    assert "19.9" in clip.title


def _max_volume(path, start: float, end: float) -> float:
    """The loudest sample (dB) of the audio in [start, end] of ``path``."""
    err = subprocess.run([ffmpeg_bin(), "-v", "info", "-ss", str(start), "-t", str(end - start), "-i", str(path),
                          "-vn", "-af", "volumedetect", "-f", "null", "-"], capture_output=True, text=True).stderr
    found = re.search(r"max_volume: (-?[\d.]+|-inf) dB", err)
    assert found, err[-400:]
    return float(found.group(1).replace("-inf", "-200"))


@pytest.mark.slow
def test_evergreen_mutes_a_price_said_early(tmp_path, sample_catalog, short_transcript):
    """When the price comes too early to end the clip before it, it is silenced and left out of the subtitles."""
    price = next(x for x in short_transcript.segments if PRICE_RE.search(x.text))
    start = max(0.0, price.start - 3.0)
    end = min(short_transcript.duration, price.end + 12.0)
    h = Highlight(sku="strawberry", start=start, end=end, score=0.9, text=price.text)
    clip = render_clip(DATA / "talk_320.mp4", short_transcript, sample_catalog, h, tmp_path, evergreen=True,
                       vertical=None)
    assert _duration(clip.evergreen) == pytest.approx(end - start, abs=0.25)  # kept whole
    a, b = price.start - start + 0.1, price.end - start - 0.1
    assert _max_volume(clip.file, a, b) > -30  # the host is heard in the normal clip
    assert _max_volume(clip.evergreen, a, b) < -60  # and silent in the evergreen one
    assert _max_volume(clip.evergreen, b + 0.5, b + 3.0) > -30  # the talk after the price is kept
    assert price.text.rstrip("。，") not in Path(clip.evergreen).with_suffix(".srt").read_text(encoding="utf-8")


@pytest.mark.slow
def test_subtitles_are_burned_in(tmp_path, sample_catalog, short_transcript):
    info = probe(DATA / "talk_320.mp4")
    srt = tmp_path / "s.srt"
    srt.write_text("1\n00:00:00,000 --> 00:00:04,000\n丹东九九草莓现摘直送\n", encoding="utf-8")
    with_subs = cut(DATA / "talk_320.mp4", info, 3.0, 8.0, tmp_path / "a.mp4", srt=srt)
    plain = cut(DATA / "talk_320.mp4", info, 3.0, 8.0, tmp_path / "b.mp4")
    a, b = _bottom_strip(with_subs, 2.0), _bottom_strip(plain, 2.0)
    diff = sum(abs(x - y) for x, y in zip(a, b)) / len(a)
    assert diff > 3, "no visible subtitle in the bottom of the frame"
    a_late, b_late = _bottom_strip(with_subs, 4.5), _bottom_strip(plain, 4.5)
    assert sum(abs(x - y) for x, y in zip(a_late, b_late)) / len(a) < diff / 2  # the cue has ended
    assert _duration(with_subs) == pytest.approx(5.0, abs=0.2)


@pytest.mark.slow
def test_audio_only_recording_gets_a_video(tmp_path, sample_catalog, short_transcript):
    audio = tmp_path / "talk.m4a"
    subprocess.run([ffmpeg_bin(), "-v", "error", "-i", str(DATA / "talk_320.mp4"), "-vn", "-c:a", "copy", str(audio)],
                   check=True)
    h = Highlight(sku="strawberry", start=2.5, end=20.0, score=0.9)
    clip = render_clip(audio, short_transcript, sample_catalog, h, tmp_path, vertical=None)
    kinds = {s["codec_type"] for s in probe_streams(clip.file)}
    assert kinds == {"video", "audio"} and _duration(clip.file) == pytest.approx(17.5, abs=0.25)


# -- review state -------------------------------------------------------------------------------


def _fake_clip(tmp_path, sku="rice", start=44.0, end=64.0) -> Clip:
    files = {}
    for key, ext in (("file", ".mp4"), ("cover", ".jpg"), ("srt", ".srt")):
        p = tmp_path / f"{sku}_{start}{ext}"
        p.write_bytes(b"x")
        files[key] = str(p)
    return Clip(source=str(tmp_path / "stream.mp4"), sku=sku, start=start, end=end, score=0.8, title="五常大米",
                **files)


def test_review_approve_reject_retitle_export(settings, tmp_path):
    store = ClipStore(settings)
    a = store.add(_fake_clip(tmp_path))
    b = store.add(_fake_clip(tmp_path, "pork", 65.0, 86.0))
    assert [c.status for c in store.list()] == ["pending", "pending"]
    store.approve(a.id)
    store.reject(b.id)
    assert store.retitle(a.id, "  五常新米到店  ").title == "五常新米到店"
    assert [c.id for c in store.list(status="approved")] == [a.id]
    manifest = store.export(tmp_path / "export")
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert [c["sku"] for c in data["clips"]] == ["rice"] and data["clips"][0]["title"] == "五常新米到店"
    assert (manifest.parent / data["clips"][0]["file"]).exists()
    assert (manifest.parent / data["clips"][0]["cover"]).exists()
    # state persists across store instances (the database, not memory)
    assert ClipStore(settings).get(a.id).status == "approved"


def test_review_errors(settings, tmp_path):
    store = ClipStore(settings)
    with pytest.raises(InputError, match="没有编号为 99"):
        store.approve(99)
    c = store.add(_fake_clip(tmp_path))
    with pytest.raises(InputError, match="标题不能为空"):
        store.retitle(c.id, "   ")
    with pytest.raises(InputError, match="状态"):
        store.list(status="maybe")


@pytest.mark.slow
def test_trim_recuts_the_clip(settings, tmp_path, sample_catalog, short_transcript):
    files = write_outputs(short_transcript, tmp_path / "t", stem="talk")
    h = Highlight(sku="strawberry", start=2.5, end=28.2, score=0.9)
    clip = render_clip(DATA / "talk_320.mp4", short_transcript, sample_catalog, h, tmp_path / "clips", vertical=None)
    clip.transcript = files[0]
    store = ClipStore(settings, sample_catalog)
    store.add(clip)
    trimmed = store.trim(clip.id, 6.0, 22.0)
    assert (trimmed.start, trimmed.end) == (6.0, 22.0)
    assert _duration(trimmed.file) == pytest.approx(16.0, abs=0.25)
    assert "00:00:00," in Path(trimmed.srt).read_text(encoding="utf-8")
    with pytest.raises(InputError):
        store.trim(clip.id, 20.0, 10.0)


# -- 切片审核 workspace -------------------------------------------------------------------------


def test_ui_workspace_builds_and_serves_files(settings, tmp_path, monkeypatch):
    import gradio as gr

    from copilot.ui import clips as ui
    from copilot.ui.context import AppContext

    ctx = AppContext(settings)
    with gr.Blocks() as demo:
        ui.build(ctx)
    assert len(demo.fns) >= 8
    hidden = tmp_path / ".copilot" / "a.mp4"  # a dot-directory: Gradio will not serve it as it is
    hidden.parent.mkdir()
    hidden.write_bytes(b"x")
    served = ui.servable(str(hidden))
    assert served != str(hidden) and Path(served).read_bytes() == b"x"
    assert ui.servable(str(tmp_path / "missing.mp4")) is None
