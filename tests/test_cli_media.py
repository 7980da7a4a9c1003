"""`copilot transcribe`, `copilot clips` and `copilot clips-review` through the Typer app."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copilot.base.errors import InputError, MediaError
from copilot.cli import app

DATA = Path(__file__).parent / "data"
runner = CliRunner()


@pytest.fixture
def env(data_dir, shared_dir):
    return {"COPILOT_HOME": str(data_dir), "COPILOT_KNOWLEDGE": str(shared_dir / "data" / "sample-stream")}


def invoke(args, env):
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def _transcript_file(tmp_path, shared_dir) -> Path:
    """The sample stream's true lines as a transcript JSON, shifted to the committed 30 s clip."""
    truth = json.loads((shared_dir / "data" / "sample-stream" / "truth.json").read_text(encoding="utf-8"))
    segs = [{"start": ln["start"] - 8, "end": ln["end"] - 8, "text": ln["text"]}
            for part in truth["segments"] for ln in part["lines"] if ln["start"] >= 8 and ln["end"] <= 38]
    path = tmp_path / "talk.json"
    path.write_text(json.dumps({"duration": 30.0, "segments": segs}, ensure_ascii=False), encoding="utf-8")
    return path


def test_help_lists_media_commands():
    out = runner.invoke(app, ["--help"]).output
    assert "transcribe" in out and "clips" in out and "clips-review" in out


def test_transcribe_bad_media_is_a_clear_error(env, tmp_path):
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["transcribe", str(empty), "--out", str(tmp_path / "o")], env=env)
    assert isinstance(result.exception, MediaError) and "空的" in result.exception.message


def test_bad_media_message_without_traceback(tmp_path, data_dir):
    """Outside tests the boundary prints the Chinese message and hint, exit code 2, no traceback."""
    bad = tmp_path / "notes.mp4"
    bad.write_text("not a video", encoding="utf-8")
    run_env = {**os.environ, "COPILOT_HOME": str(data_dir)}
    run_env.pop("COPILOT_RAISE", None)
    proc = subprocess.run([sys.executable, "-c", "from copilot.cli import main; main()", "transcribe", str(bad)],
                          capture_output=True, text=True, env=run_env, timeout=120)
    assert proc.returncode == 2
    assert "不是音视频文件" in proc.stderr and "怎么办" in proc.stderr and "Traceback" not in proc.stderr


def test_clips_bad_vertical_option(env, tmp_path):
    result = runner.invoke(app, ["clips", str(DATA / "talk_320.mp4"), "--vertical", "square"], env=env)
    assert isinstance(result.exception, InputError)


@pytest.mark.slow
def test_clips_json_contract_and_review_flow(env, tmp_path, shared_dir):
    out_dir = tmp_path / "clips"
    out = json.loads(invoke(["clips", str(DATA / "talk_320.mp4"), "--out", str(out_dir), "--transcript",
                             str(_transcript_file(tmp_path, shared_dir)), "--vertical", "none", "--json"], env))
    assert len(out["clips"]) == 1
    c = out["clips"][0]
    assert {"file", "start", "end", "sku", "title", "score", "srt"} <= set(c)
    assert c["sku"] == "strawberry" and 15 <= c["end"] - c["start"] <= 90
    assert Path(c["file"]).exists() and Path(c["srt"]).exists() and "19.9" in c["title"]

    listed = json.loads(invoke(["clips-review", "list", "--json"], env))["clips"]
    assert [x["status"] for x in listed] == ["pending"]
    invoke(["clips-review", "approve", str(c["id"])], env)
    invoke(["clips-review", "retitle", str(c["id"]), "丹东草莓现摘直送"], env)
    bundle = json.loads(invoke(["clips-review", "export", "--out", str(tmp_path / "exp"), "--json"], env))["zip"]
    import zipfile

    with zipfile.ZipFile(bundle) as z:
        data = json.loads(z.read("manifest.json").decode("utf-8"))
    assert data["clips"][0]["title"] == "丹东草莓现摘直送" and data["clips"][0]["product"] == "丹东九九草莓"
    result = runner.invoke(app, ["clips-review", "trim", str(c["id"]), "20", "10"], env=env)
    assert isinstance(result.exception, InputError)


@pytest.mark.slow
def test_transcribe_json_contract(env, tmp_path):
    out = json.loads(invoke(["transcribe", str(DATA / "strawberry_intro.m4a"), "--out", str(tmp_path), "--json"], env))
    assert set(out) >= {"duration", "language", "segments", "files"}
    assert out["language"] == "zh" and 9 < out["duration"] < 10
    assert all(set(s) >= {"start", "end", "text"} for s in out["segments"])
    assert "草莓" in "".join(s["text"] for s in out["segments"])
    assert sorted(Path(f).suffix for f in out["files"]) == [".json", ".srt", ".vtt"]
    assert all(Path(f).exists() for f in out["files"])


# -- the fast path: clips cut from the live transcript, nothing transcribed again --------------------


def test_clips_are_cut_from_the_live_transcript_without_transcribing(settings, tmp_path, shared_dir, monkeypatch):
    import shutil

    from copilot.base.catalog import Catalog
    from copilot.media import pipeline
    from copilot.media.live_asr import LiveRecord
    from copilot.media.review import ClipStore
    from copilot.media.transcript import Segment, Transcript

    media = tmp_path / "tonight.mp4"
    shutil.copy(DATA / "talk_320.mp4", media)
    truth = json.loads((shared_dir / "data" / "sample-stream" / "truth.json").read_text(encoding="utf-8"))
    record = LiveRecord(settings, media, every=0.0)  # what transcribe_live keeps while the stream runs
    segs = [Segment(ln["start"] - 8, ln["end"] - 8, ln["text"]) for part in truth["segments"] for ln in part["lines"]
            if ln["start"] >= 8 and ln["end"] <= 38]
    for s in segs:
        record.add(s, s.end)
    record.save(Transcript(duration=30.0, segments=segs, source=str(media)))
    assert record.path.is_relative_to(settings.data_dir)

    def no_transcribing(*a, **k):
        raise AssertionError("the recording was transcribed again")

    monkeypatch.setattr(pipeline, "transcribe_file", no_transcribing)
    catalog = Catalog.load(shared_dir / "data" / "sample-stream")
    store = ClipStore(settings, catalog)
    transcript, clips = pipeline.clip_recording(media, tmp_path / "clips", settings, catalog, review=store,
                                                render_now=False)
    assert [c.sku for c in clips] == ["strawberry"] and clips[0].transcript == str(record.path)
    assert len(transcript.segments) == len(segs)
    queued = store.list(recording=str(media))
    assert [c.sku for c in queued] == ["strawberry"] and not queued[0].rendered
    assert Path(queued[0].srt).exists() and Path(queued[0].cover).exists()


def test_without_a_live_transcript_the_recording_is_transcribed(settings, tmp_path, shared_dir, monkeypatch):
    from copilot.base.catalog import Catalog
    from copilot.media import pipeline
    from copilot.media.review import ClipStore
    from copilot.media.transcript import Segment, Transcript

    calls = []

    def fake(media, *a, **k):
        calls.append(media)
        return Transcript(duration=30.0, segments=[Segment(0, 2, "大家好。")], source=str(media))

    monkeypatch.setattr(pipeline, "transcribe_file", fake)
    catalog = Catalog.load(shared_dir / "data" / "sample-stream")
    _, clips = pipeline.clip_recording(DATA / "talk_320.mp4", tmp_path / "c", settings, catalog,
                                       review=ClipStore(settings, catalog), render_now=False)
    assert calls and clips == []
