"""Transcription speed: real-time factor (processing seconds / audio seconds) of the configured
Whisper model (default: bundled base, int8, VAD, 2 CPU threads) on the sample stream (95 s) and on a
~5 minute recording made by concatenating it; plus the lag of live transcription of a growing file
fed in real time. Target: RTF <= 0.15 (a one-hour stream in at most nine minutes); live lag <= 5 s.
Model loading is excluded (loaded once before timing). Prints the numbers and writes
benchmarks/results/asr.json.

    .venv/bin/python benchmarks/bench_asr.py [--beams 5,1] [--repeat 3] [--no-live]
"""

from __future__ import annotations

import argparse
import os
import platform
import struct
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from common import ROOT, record

from copilot.base.catalog import Catalog
from copilot.base.ffmpeg import ffmpeg_bin, probe
from copilot.base.settings import load_settings
from copilot.media.live_asr import transcribe_live
from copilot.media.models import load_model
from copilot.media.transcribe import transcribe_file
from evals.asr import cer, stream_reference

SAMPLE = ROOT.parent / "shared" / "data" / "sample-stream"


def concat(src: Path, times: int, out: Path) -> Path:
    lst = out.with_suffix(".txt")
    lst.write_text("".join(f"file '{src}'\n" for _ in range(times)), encoding="utf-8")
    subprocess.run([ffmpeg_bin(), "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", str(lst), "-vn",
                    "-c:a", "aac", "-b:a", "64k", str(out)], check=True)
    return out


def rtf(path: Path, settings, catalog, beam: int) -> dict:
    dur = probe(path).duration
    start = time.perf_counter()
    t = transcribe_file(path, settings, catalog, beam_size=beam)
    secs = time.perf_counter() - start
    return {"file": path.name, "audio_s": round(dur, 1), "seconds": round(secs, 2), "rtf": round(secs / dur, 3),
            "segments": len(t.segments), "beam": beam}


def live_lag(settings, catalog, seconds: float = 96.0) -> dict:
    pcm = subprocess.run([ffmpeg_bin(), "-v", "error", "-i", str(SAMPLE / "sample-stream.mp4"), "-t", str(seconds),
                          "-ac", "1", "-ar", "16000", "-f", "s16le", "-"], capture_output=True, check=True).stdout
    path = Path(tempfile.mkdtemp()) / "growing.wav"
    path.write_bytes(b"RIFF" + struct.pack("<I", 0xFFFFFFFF) + b"WAVEfmt "
                     + struct.pack("<IHHIIHH", 16, 1, 1, 16000, 32000, 2, 16) + b"data" + struct.pack("<I", 0xFFFFFFFF))
    t0 = time.monotonic()

    def writer():
        for i in range(0, len(pcm), 8000):  # 0.25 s at a time, in real time
            with open(path, "ab") as f:
                f.write(pcm[i:i + 8000])
            time.sleep(max(0.0, t0 + (i + 8000) / 32000 - time.monotonic()))

    threading.Thread(target=writer, daemon=True).start()
    lags = []
    live = transcribe_live(str(path), settings, catalog,
                           on_segment=lambda s: lags.append(time.monotonic() - t0 - s.end), idle_timeout=2.0)
    lags.sort()
    result = {"audio_s": seconds, "segments": len(lags), "lag_median_s": round(lags[len(lags) // 2], 2),
              "lag_max_s": round(lags[-1], 2), "lag_p90_s": round(lags[int(len(lags) * 0.9)], 2)}
    if seconds >= probe(SAMPLE / "sample-stream.mp4").duration - 1:  # the whole stream: its CER too
        errors, total = cer(stream_reference(SAMPLE.parent), live.text)
        result["cer"] = round(errors / total, 3)
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--beams", default="5")
    ap.add_argument("--repeat", type=int, default=3, help="copies of the sample stream in the long file")
    ap.add_argument("--no-live", action="store_true")
    args = ap.parse_args()
    settings = load_settings()
    catalog = Catalog.load(SAMPLE)
    load_model(settings)  # excluded from timing
    tmp = Path(tempfile.mkdtemp())
    long = concat(SAMPLE / "sample-stream.mp4", args.repeat, tmp / "long.m4a")
    runs = []
    for beam in [int(b) for b in args.beams.split(",")]:
        for path in (SAMPLE / "sample-stream.mp4", long):
            r = rtf(path, settings, catalog, beam)
            print(f"{r['file']:<22} beam={beam} audio {r['audio_s']:7.1f}s  took {r['seconds']:6.1f}s  RTF {r['rtf']:.3f}")
            runs.append(r)
    result = {"model": settings.whisper_model, "device": settings.whisper_device,
              "compute_type": settings.whisper_compute_type, "cpu_threads": 2, "cpus": os.cpu_count(),
              "load_avg": round(os.getloadavg()[0], 2), "machine": platform.platform(), "runs": runs}
    if not args.no_live:
        result["live"] = live_lag(settings, catalog)
        lv = result["live"]
        print(f"live growing file: {lv['segments']} sentences, lag median {lv['lag_median_s']}s, "
              f"p90 {lv['lag_p90_s']}s, max {lv['lag_max_s']}s, CER {lv.get('cer', '-')}")
    record("asr", result)


if __name__ == "__main__":
    main()
