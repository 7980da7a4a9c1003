"""Where the speech is, and whether the transcript heard all of it.

A recording is read through ffmpeg as 16 kHz mono PCM a window at a time (``pcm_windows``), so a
2-hour stream never sits in memory whole; each window is cut at a pause (``cut_at_pause``) so no
word is split between two windows. ``speech_spans`` runs the Silero VAD bundled with faster-whisper;
``uncovered`` lists the stretches of speech that no recognised word covers, which are decoded again
(a single decode of a 30 s chunk sometimes skips part of it).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from copilot.base.errors import MediaError
from copilot.base.ffmpeg import ffmpeg_bin

SAMPLE_RATE = 16000


def pcm_windows(path: str | Path, seconds: float) -> Iterator[np.ndarray]:
    """The audio of ``path`` as float32 arrays of ``seconds`` each (the last one shorter)."""
    cmd = [ffmpeg_bin(), "-hide_banner", "-nostdin", "-loglevel", "error", "-i", str(path), "-vn", "-ac", "1",
           "-ar", str(SAMPLE_RATE), "-f", "s16le", "pipe:1"]
    size = int(seconds * SAMPLE_RATE) * 2
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        while True:
            raw = _read(proc.stdout, size)
            if raw:
                yield np.frombuffer(raw, dtype=np.int16).astype(np.float32) / 32768.0
            if len(raw) < size:
                break
        err = proc.stderr.read().decode("utf-8", "replace").strip() if proc.stderr else ""
        if proc.wait(timeout=60) != 0:
            raise MediaError(f"无法解码 {Path(path).name} 的声音：{err.splitlines()[-1][-160:] if err else '未知错误'}",
                             hint="用播放器确认能正常播放，必要时重新导出录像")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=5)


def _read(stream, size: int) -> bytes:
    out = bytearray()
    while len(out) < size:
        chunk = stream.read(size - len(out))
        if not chunk:
            break
        out += chunk
    return bytes(out)


def speech_spans(audio: np.ndarray) -> list[tuple[float, float]]:
    """Speech in ``audio`` (seconds), as the VAD of faster-whisper finds it (padded 0.4 s each side)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    if len(audio) < SAMPLE_RATE // 10:
        return []
    found = get_speech_timestamps(audio, VadOptions(min_silence_duration_ms=160, max_speech_duration_s=30))
    return [(t["start"] / SAMPLE_RATE, t["end"] / SAMPLE_RATE) for t in found]


def cut_at_pause(spans: list[tuple[float, float]], length: float, *, search: float = 120.0) -> float:
    """Where to end a window of ``length`` s: the middle of its last pause (within ``search`` s of the
    end), else the end of its last finished speech, else the whole window."""
    if not spans:
        return max(0.0, length - 1.0)
    gaps = [(a[1], b[0]) for a, b in zip(spans, spans[1:]) if b[0] - a[1] > 0.05]
    if spans[-1][1] < length - 0.5:
        gaps.append((spans[-1][1], length))
    for a, b in reversed(gaps):
        if (a + b) / 2 >= length - search:
            return min((a + b) / 2, a + 1.0)
    return length


def uncovered(spans: list[tuple[float, float]], words: list, *, pad: float = 0.5,
              min_len: float = 1.0) -> list[tuple[float, float]]:
    """The parts of ``spans`` at least ``min_len`` s long that no word (±``pad`` s) covers."""
    covered = sorted((w.start - pad, w.end + pad) for w in words)
    out = []
    for start, end in spans:
        pos = start
        for a, b in covered:
            if b <= pos or a >= end:
                continue
            if a - pos >= min_len:
                out.append((pos, a))
            pos = max(pos, b)
        if end - pos >= min_len:
            out.append((pos, end))
    return out
