"""Clips: titles (template and LLM, prices validated), subtitles that fit (wrapping, cues, a 60-character cue
rendered inside the frame), one ffmpeg run per clip checked with ffprobe, burned-in subtitles, the font check,
compliance on clips, review state (approve, reject, retitle, trim, render later) and the zip export."""

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
from copilot.media.clips import Clip, check_range, clip_segments, clip_text, llm_text, render_clip, template_text
from copilot.media.evidence import PRICE_RE
from copilot.media.highlights import Highlight, transcript_from_truth
from copilot.media.render import Job, frames_for, render
from copilot.media.review import ClipStore
from copilot.media.subtitles import Style, cues, display_width, to_srt, wrap
from copilot.media.transcript import Segment, Transcript, Word, write_outputs

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


# -- subtitles that fit (fast) --------------------------------------------------------------------


def test_display_width_counts_cjk_as_full_width():
    assert display_width("草莓") == 4 and display_width("ab1") == 3 and display_width("19.9元") == 6


def test_wrap_is_balanced_breaks_at_punctuation_and_never_starts_a_line_with_it():
    assert wrap("丹东九九草莓") == ["丹东九九草莓"]
    lines = wrap("一二三四五六七八九十" * 2)
    assert [display_width(x) for x in lines] == [20, 20]  # 10 + 10, not 16 + 4
    lines = wrap("到店还活蹦乱跳，每只都在游，一斤大概四十只左右")
    assert lines[0] in ("到店还活蹦乱跳", "到店还活蹦乱跳，每只都在游") and all(display_width(x) <= 32 for x in lines)
    assert not any(x[0] in "，。！？、" for x in wrap("甲" * 15 + "，乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙乙"))


def test_long_sentence_is_split_into_two_line_cues_at_pauses():
    words, t = [], 0.0
    for k, chunk in enumerate(["今天的草莓", "是丹东大棚", "早上现摘的", "下午就到了", "店里大家看", "个头都在二", "十克以上甜", "度十二度"]):
        words.append(Word(t, t + 1.0, chunk))
        t += 1.0 + (0.8 if k == 3 else 0.1)  # a long pause after 下午就到了
    seg = Segment(0.0, t, "".join(w.text for w in words) + "。", words)
    out = cues([seg])
    assert len(out) == 2 and all(len(c.lines) <= 2 for c in out)
    assert all(display_width(x) <= 32 for c in out for x in c.lines)
    assert "".join("".join(c.lines) for c in out) == seg.text.rstrip("。")
    assert "".join(out[0].lines).endswith("下午就到了")  # cut at the pause
    assert out[1].start == pytest.approx(5.1, abs=0.05) and out[0].end == pytest.approx(4.3, abs=0.05)
    srt = to_srt(out)
    assert srt.count("-->") == 2 and "\n" in srt.split("\n\n")[0].split("\n", 2)[2]  # the line break is in the SRT


def test_font_and_margins_follow_the_frame():
    v, h = Style(720, 1280), Style(1280, 720)
    assert v.font_size == round(1280 * 0.042) and h.font_size == round(720 * 0.062)
    assert v.margin_v >= 0.15 * 1280  # clear of the platform's buttons
    assert v.fits(32) and h.fits(32)  # 16 characters a line fit both
    assert not Style(360, 640).fits(60)
    assert "PlayResX=720,PlayResY=1280,WrapStyle=2" in v.force_style("Noto Sans CJK SC")


def test_frames_keep_the_source_up_to_1080p():
    from copilot.base.ffmpeg import MediaInfo

    assert frames_for(MediaInfo("a", 10, True, True, 1280, 720)).vertical == (720, 1280)
    f = frames_for(MediaInfo("a", 10, True, True, 3840, 2160))
    assert (f.width, f.height, f.vertical) == (1920, 1080, (1080, 1920))
    assert (frames_for(MediaInfo("a", 10, True, False)).width, frames_for(MediaInfo("a", 10, True, False)).height) \
        == (1280, 720)


# -- ffmpeg (slow) ------------------------------------------------------------------------------


def _duration(path) -> float:
    streams = probe_streams(path)
    return float(streams[0]["format_duration"])


def _frame(path: Path, at: float):
    """One decoded frame (a numpy array, height x width x 3)."""
    import numpy as np

    info = {s["codec_type"]: s for s in probe_streams(path)}["video"]
    raw = subprocess.run([ffmpeg_bin(), "-v", "error", "-ss", str(at), "-i", str(path), "-frames:v", "1",
                          "-vf", "format=gray", "-f", "rawvideo", "-"], capture_output=True, check=True).stdout
    return np.frombuffer(raw, dtype=np.uint8).reshape(int(info["height"]), int(info["width"]))


def _bottom_strip(path: Path, at: float) -> bytes:
    return subprocess.run([ffmpeg_bin(), "-v", "error", "-ss", str(at), "-i", str(path), "-frames:v", "1",
                           "-vf", "crop=iw:ih/5:0:ih*4/5,format=gray", "-f", "rawvideo", "-"],
                          capture_output=True, check=True).stdout


@pytest.mark.slow
@pytest.mark.parametrize("size", ["1280x720", "720x1280"])
def test_a_60_character_cue_stays_inside_the_frame(tmp_path, size):
    """A 60-character sentence on a black frame: its cues are drawn, and no text reaches the edges
    (nor, on 9:16, the bottom 15% where the platform's buttons are)."""
    import numpy as np

    w, h = map(int, size.split("x"))
    black = tmp_path / "black.mp4"
    subprocess.run([ffmpeg_bin(), "-v", "error", "-y", "-f", "lavfi", "-i", f"color=c=black:s={size}:d=12:r=10",
                    "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "12", "-c:v", "libx264", "-c:a", "aac",
                    str(black)], check=True)
    text = "今天给大家带来的是丹东九九草莓大棚现摘个头都在二十克以上甜度十二度左右直播价一斤十九块九每人限购五斤想要的朋友扣一明天到"
    assert len(text) == 60
    out = cues([Segment(0.0, 12.0, text + "。")])
    assert len(out) >= 2 and all(len(c.lines) <= 2 for c in out)
    srt = tmp_path / "cue.srt"
    srt.write_text(to_srt(out), encoding="utf-8")
    info = probe(black)
    render(Job(str(black), info, 0.0, 12.0, tmp_path / "main.mp4", srt=srt))
    for c in out:
        frame = _frame(tmp_path / "main.mp4", (c.start + c.end) / 2)
        assert frame.shape == (h, w)
        ys, xs = np.nonzero(frame > 100)
        assert len(xs) > 200, "no subtitle drawn"
        margin = round(0.02 * w)
        assert xs.min() >= margin and xs.max() < w - margin, (xs.min(), xs.max())
        assert ys.min() > 0.5 * h and ys.max() < (0.85 * h if h > w else h - 0.02 * h), (ys.min(), ys.max())


@pytest.mark.slow
def test_render_clip_files_lengths_and_subtitles(tmp_path, sample_catalog, short_transcript):
    h = Highlight(sku="strawberry", start=2.5, end=28.2, score=0.9, text="第一个，一号链接，丹东九九草莓。")
    clip = render_clip(DATA / "talk_320.mp4", short_transcript, sample_catalog, h, tmp_path, evergreen=True)
    for f in (clip.file, clip.vertical, clip.cover, clip.srt, clip.evergreen):
        assert Path(f).exists() and Path(f).stat().st_size > 0
    assert _duration(clip.file) == pytest.approx(25.7, abs=0.25) and clip.rendered
    kinds = {s["codec_type"]: s for s in probe_streams(clip.file)}
    assert set(kinds) == {"video", "audio"} and (kinds["video"]["width"], kinds["video"]["height"]) == (320, 180)
    vert = {s["codec_type"]: s for s in probe_streams(clip.vertical)}["video"]
    assert (vert["width"], vert["height"]) == (180, 320)  # the source's own resolution, never upscaled
    srt = Path(clip.srt).read_text(encoding="utf-8")
    assert srt.startswith("1\n00:00:00,") and "丹东九九草莓" in srt
    assert all(display_width(line) <= 32 for line in srt.splitlines() if line and "-->" not in line
               and not line.isdigit())
    # the evergreen version stops before tonight's price and has no price in its subtitles
    assert _duration(clip.evergreen) < _duration(clip.file) - 3
    assert "十九块九" not in Path(clip.evergreen).with_suffix(".srt").read_text(encoding="utf-8")
    assert "19.9" in clip.title


@pytest.mark.slow
def test_a_720p_source_keeps_its_resolution(tmp_path, sample_catalog, shared_dir):
    media = shared_dir / "data" / "sample-stream" / "sample-stream.mp4"
    t = transcript_from_truth(json.loads((media.parent / "truth.json").read_text(encoding="utf-8")))
    h = Highlight(sku="strawberry", start=10.5, end=22.0, score=0.9)
    clip = render_clip(media, t, sample_catalog, h, tmp_path)
    main = {s["codec_type"]: s for s in probe_streams(clip.file)}["video"]
    vert = {s["codec_type"]: s for s in probe_streams(clip.vertical)}["video"]
    assert (main["width"], main["height"]) == (1280, 720) and (vert["width"], vert["height"]) == (720, 1280)


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
    assert price.text.rstrip("。，")[:6] not in Path(clip.evergreen).with_suffix(".srt").read_text(encoding="utf-8")


@pytest.mark.slow
def test_subtitles_are_burned_in(tmp_path):
    info = probe(DATA / "talk_320.mp4")
    srt = tmp_path / "s.srt"
    srt.write_text("1\n00:00:00,000 --> 00:00:04,000\n丹东九九草莓现摘直送\n", encoding="utf-8")
    render(Job(str(DATA / "talk_320.mp4"), info, 3.0, 8.0, tmp_path / "a.mp4", srt=srt))
    render(Job(str(DATA / "talk_320.mp4"), info, 3.0, 8.0, tmp_path / "b.mp4"))
    with_subs, plain = tmp_path / "a.mp4", tmp_path / "b.mp4"
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
    kinds = {s["codec_type"]: s for s in probe_streams(clip.file)}
    assert set(kinds) == {"video", "audio"} and _duration(clip.file) == pytest.approx(17.5, abs=0.25)
    assert (kinds["video"]["width"], kinds["video"]["height"]) == (1280, 720)


# -- compliance on clips --------------------------------------------------------------------------


def test_a_clip_that_breaks_the_rules_is_marked_with_the_rewrite(tmp_path, sample_catalog):
    from copilot.media.vetting import vet

    srt = tmp_path / "c.srt"
    srt.write_text(to_srt(cues([Segment(0, 4, "这是全网最低价，"), Segment(4, 8, "吃了能治失眠。"),
                                Segment(8, 10, "今天十九块九。")])), encoding="utf-8")
    clip = Clip(source="x.mp4", sku="strawberry", start=0, end=10, score=0.5, srt=str(srt),
                title="最好吃的草莓", description="丹东草莓。")
    found = vet(clip)
    assert {v["where"] for v in found} == {"字幕", "标题"}
    price = next(v for v in found if v["term"].endswith("最低价"))
    assert price["category"] == "虚假价格" and "最低价" not in price["rewrite"]
    title = next(v for v in found if v["where"] == "标题")
    assert title["rewrite"] != clip.title and "最好吃" not in title["rewrite"]
    assert vet(Clip(source="x", sku="rice", start=0, end=1, score=0, title="五常新米")) == []


# -- review state -------------------------------------------------------------------------------


def _fake_clip(tmp_path, sku="rice", start=44.0, end=64.0) -> Clip:
    files = {}
    for key, ext in (("file", ".mp4"), ("cover", ".jpg"), ("srt", ".srt")):
        p = tmp_path / f"{sku}_{start}{ext}"
        p.write_bytes(b"x")
        files[key] = str(p)
    return Clip(source=str(tmp_path / "stream.mp4"), sku=sku, start=start, end=end, score=0.8, title="五常大米",
                **files)


def test_review_approve_reject_retitle(settings, tmp_path):
    store = ClipStore(settings)
    a = store.add(_fake_clip(tmp_path))
    b = store.add(_fake_clip(tmp_path, "pork", 65.0, 86.0))
    assert [c.status for c in store.list()] == ["pending", "pending"]
    store.approve(a.id)
    store.reject(b.id)
    assert store.retitle(a.id, "  五常新米到店  ").title == "五常新米到店"
    flagged = store.retitle(b.id, "全网最低价的土猪肉")
    assert [v["where"] for v in flagged.violations] == ["标题"] and flagged.violations[0]["rewrite"]
    assert [c.id for c in store.list(status="approved")] == [a.id]
    # state persists across store instances (the database, not memory)
    assert ClipStore(settings).get(a.id).status == "approved"
    assert ClipStore(settings).get(b.id).violations == flagged.violations


def test_export_is_one_zip_with_a_utf8_manifest_and_csv(settings, tmp_path):
    import csv
    import io
    import zipfile

    store = ClipStore(settings)
    a = store.add(_fake_clip(tmp_path))
    b = store.add(_fake_clip(tmp_path, "pork", 65.0, 86.0))
    store.approve(a.id)
    store.retitle(a.id, "=HYPERLINK(\"http://x\",\"点我\")")
    store.add(_fake_clip(tmp_path, "strawberry", 10.0, 30.0))  # pending: not exported
    path = store.export()
    assert path.parent == settings.exports_dir and path.suffix == ".zip" and oct(path.stat().st_mode)[-3:] == "600"
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        raw = z.read("manifest.json")
        manifest = json.loads(raw.decode("utf-8"))
        table = list(csv.reader(io.StringIO(z.read("manifest.csv").decode("utf-8-sig"))))
    assert "五常稻花香大米".encode("utf-8") in raw and b"\\u" not in raw  # Chinese as it is, not \u codes
    (item,) = manifest["clips"]
    assert item["product"] == "五常稻花香大米" and item["file"] in names and item["cover"] in names
    assert item["srt"] in names and item["file"].startswith(f"{a.id:04d}_五常稻花香大米")
    assert table[0][:2] == ["编号", "商品"] and table[1][1] == "五常稻花香大米"
    assert table[1][6].startswith("'=")  # a title that would be a formula stays text
    assert b.id not in [c["id"] for c in manifest["clips"]]
    store.reject(a.id)
    with pytest.raises(InputError, match="还没有通过审核"):
        store.export()


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
    assert (trimmed.start, trimmed.end) == (6.0, 22.0) and trimmed.title == clip.title
    assert _duration(trimmed.file) == pytest.approx(16.0, abs=0.25)
    assert "00:00:00," in Path(trimmed.srt).read_text(encoding="utf-8")
    with pytest.raises(InputError):
        store.trim(clip.id, 20.0, 10.0)


@pytest.mark.slow
def test_a_clip_queued_first_gets_its_videos_later(settings, tmp_path, sample_catalog, short_transcript):
    files = write_outputs(short_transcript, tmp_path / "t", stem="talk")
    h = Highlight(sku="strawberry", start=2.5, end=20.0, score=0.9)
    clip = render_clip(DATA / "talk_320.mp4", short_transcript, sample_catalog, h, tmp_path / "c", render_now=False)
    assert not clip.rendered and Path(clip.cover).exists() and Path(clip.srt).exists()
    assert not Path(clip.file).exists() and not Path(clip.vertical).exists()
    clip.transcript = files[0]
    store = ClipStore(settings, sample_catalog)
    store.add(clip)
    assert [c.id for c in store.pending_renders()] == [clip.id]
    done = store.render(clip.id)
    assert done.rendered and Path(done.file).exists() and Path(done.vertical).exists()
    assert store.pending_renders() == []


# -- 切片审核 workspace -------------------------------------------------------------------------


def test_ui_workspace_builds_and_serves_files(settings, tmp_path, monkeypatch):
    import gradio as gr

    from copilot.media.files import allowed_file, servable
    from copilot.ui import clips as ui
    from copilot.ui.context import AppContext

    ctx = AppContext(settings)
    with gr.Blocks() as demo:
        ui.build(ctx)
    assert len(demo.fns) >= 12
    clip = settings.data_dir / "clips" / "a.mp4"
    clip.parent.mkdir(parents=True)
    clip.write_bytes(b"x")
    served = servable(str(clip), settings)
    assert served != str(clip) and Path(served).read_bytes() == b"x"
    assert Path(served).is_relative_to(settings.data_dir)  # under COPILOT_HOME, never /tmp
    assert servable(str(tmp_path / "missing.mp4"), settings) is None
    allowed = settings.data_dir / "recordings" / "s.mp4"
    allowed.parent.mkdir(parents=True, exist_ok=True)
    allowed.write_bytes(b"x")
    assert allowed_file(str(allowed), settings) == allowed.resolve()


@pytest.mark.parametrize("path", ["/etc/passwd", "/etc/no-such-file", "../../etc/shadow", "~/.ssh/id_rsa", ""])
def test_the_workspace_opens_only_uploads_and_allowed_folders(settings, path):
    """Outside the allowed folders the message is the same whether the file exists or not."""
    from copilot.media.files import allowed_file

    with pytest.raises(InputError) as exc:
        allowed_file(path, settings)
    assert exc.value.message == "只能打开上传的录像，或放在允许的文件夹里的录像"
    assert "recordings" in exc.value.hint


def test_a_link_out_of_an_allowed_folder_is_refused(settings, tmp_path):
    from copilot.media.files import allowed_file

    inside = settings.data_dir / "recordings"
    inside.mkdir(parents=True, exist_ok=True)
    (inside / "escape.mp4").symlink_to("/etc/passwd")
    with pytest.raises(InputError, match="只能打开"):
        allowed_file(str(inside / "escape.mp4"), settings)
