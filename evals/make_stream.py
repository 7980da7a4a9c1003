"""Make a synthetic livestream for the clips eval from a script: ``stream.yaml`` -> audio.m4a, truth.json,
products.yaml, comments.jsonl and script.md, the same formats as ``evals/data/streams/s1`` (see its README).

Runs with the TTS of ``../shared/tools/zh_tts.py`` in its own virtualenv (its header has the install line;
add ``pyyaml``), never in the app's::

    /tmp/tts-venv/bin/python evals/make_stream.py evals/data/streams/s3/stream.yaml

``stream.yaml``: ``seed``, ``title``, ``store`` and ``products`` (as in products.yaml), ``segments`` (each
``kind``: opening/product/draw/chat/closing, ``sku`` for a product talk, ``case``: the hard case it covers,
``lines``: the sentences) and ``comments`` (``[segment index, seconds into it, user, text]``). Sentences are
one TTS call each at a speed drawn from 0.95-1.1, joined by 0.3-0.8 s of silence inside a segment and
1-2 s between segments, with brown noise and a faint hum underneath (about -48 dBFS), AAC mono 24 kHz.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np
import yaml

TOOLS = Path(__file__).resolve().parents[2] / "shared" / "tools"
RATE = 24000


def synthesize(spec: dict) -> tuple[np.ndarray, dict]:
    sys.path.insert(0, str(TOOLS))
    from zh_tts import MandarinTTS

    with contextlib.redirect_stdout(io.StringIO()):
        tts = MandarinTTS()
    rng = np.random.default_rng(spec["seed"])
    parts, t, segments = [], 0.0, []
    for k, seg in enumerate(spec["segments"]):
        if k:
            gap = rng.uniform(1.0, 2.0)
            parts.append(np.zeros(int(gap * RATE), np.float32))
            t += gap
        lines = []
        for j, text in enumerate(seg["lines"]):
            if j:
                gap = rng.uniform(0.3, 0.8)
                parts.append(np.zeros(int(gap * RATE), np.float32))
                t += gap
            with contextlib.redirect_stdout(io.StringIO()):
                audio = tts.synthesize(text, speed=float(rng.uniform(0.95, 1.1)))
            parts.append(audio.astype(np.float32))
            lines.append({"start": round(t, 2), "end": round(t + len(audio) / RATE, 2), "text": text})
            t += len(audio) / RATE
        segments.append({"kind": seg["kind"], "sku": seg.get("sku"), "start": lines[0]["start"], "lines": lines})
    parts.append(np.zeros(RATE, np.float32))
    t += 1.0
    for a, b in zip(segments, segments[1:]):
        a["end"] = b["start"]
    segments[-1]["end"] = round(t, 2)
    audio = np.concatenate(parts)
    return audio + _noise(len(audio), rng), {"duration": round(t, 2), "segments": [
        {"kind": s["kind"], "sku": s["sku"], "start": s["start"], "end": s["end"], "lines": s["lines"]}
        for s in segments]}


def _noise(n: int, rng) -> np.ndarray:
    brown = np.cumsum(rng.normal(0, 1, n))
    brown -= np.convolve(brown, np.ones(RATE) / RATE, mode="same")  # keep it centred
    brown *= 10 ** (-48 / 20) / (np.sqrt(np.mean(brown ** 2)) or 1.0)
    t = np.arange(n) / RATE
    hum = 10 ** (-60 / 20) * (np.sin(2 * np.pi * 50 * t) + 0.5 * np.sin(2 * np.pi * 100 * t))
    return (brown + hum).astype(np.float32)


def write(spec: dict, out: Path, audio: np.ndarray, truth: dict) -> None:
    wav = out / "audio.wav"
    with wave.open(str(wav), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes((np.clip(audio, -1, 1) * 32767).astype("<i2").tobytes())
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-ac", "1", "-ar", str(RATE), "-c:a", "aac",
                    "-b:a", "48k", str(out / "audio.m4a")], check=True)
    wav.unlink()
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    catalog = {"store": spec["store"], "products": spec["products"]}
    (out / "products.yaml").write_text(f"# {spec['title']} — synthetic livestream (clips eval, tuning set).\n"
                                       + yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")
    comments = []
    for n, (index, offset, user, text) in enumerate(spec.get("comments", []), start=1):
        ts = round(truth["segments"][index]["start"] + offset, 1)
        comments.append({"id": f"c{n:04d}", "user": user, "text": text, "ts": ts})
    comments.sort(key=lambda c: c["ts"])
    (out / "comments.jsonl").write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in comments),
                                        encoding="utf-8")
    md = [f"# {spec['title']} — script as written (generated from stream.yaml)", ""]
    for k, (seg, part) in enumerate(zip(spec["segments"], truth["segments"]), start=1):
        label = f"{seg['kind']}" + (f" — {seg['sku']}" if seg.get("sku") else "")
        md += [f"## {k}. {label}  [{part['start']:.2f}–{part['end']:.2f} s]", "", f"Hard case: {seg.get('case', '-')}", ""]
        md += [f"{j}. {line}" for j, line in enumerate(seg["lines"], start=1)] + [""]
    (out / "script.md").write_text("\n".join(md), encoding="utf-8")


def main() -> None:
    path = Path(sys.argv[1])
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    audio, truth = synthesize(spec)
    write(spec, path.parent, audio, truth)
    print(f"{path.parent}: {truth['duration']:.1f} s, {len(truth['segments'])} segments")


if __name__ == "__main__":
    main()
