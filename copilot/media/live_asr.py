"""Live transcription: a stream URL or a growing file decoded by ffmpeg as it comes, transcribed in steps
by the batched pipeline, each clause emitted once after a pause or a full stop.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Callable

from copilot.base.errors import MediaError
from copilot.base.ffmpeg import ffmpeg_bin, is_stream_url
from copilot.base.settings import Settings
from copilot.media.models import batched_pipeline, load_model
from copilot.media.speech import SAMPLE_RATE, speech_spans, uncovered
from copilot.media.transcribe import SENT_END, build_prompt, is_repeat, split_sentences
from copilot.media.transcript import Segment, Transcript

log = logging.getLogger(__name__)
MAX_STEP_TOKENS = 200


def transcribe_live(source: str | Path, settings: Settings, catalog=None,
                    on_segment: Callable[[Segment], None] | None = None,
                    stop_event: threading.Event | None = None, *, window: float = 1.0,
                    idle_timeout: float = 5.0, keep: bool = True) -> Transcript:
    """Transcribe a URL (rtmp/hls/flv) or a growing file in near real time (≤ ~5 s behind).

    Audio is read through ffmpeg as 16 kHz PCM; every ``window`` seconds the pending audio is
    transcribed and the words that are safely before its end are emitted. Stops at end of stream,
    after ``idle_timeout`` seconds without new data in a growing file, or when ``stop_event`` is set.
    With ``keep`` the transcript is saved under the data dir as it grows (``LiveRecord``), so the clips can
    be cut from it the moment the stream ends.
    """
    stop_event = stop_event or threading.Event()
    if not is_stream_url(str(source)) and not Path(source).exists():
        raise MediaError(f"找不到直播源 {source}", hint="填写 rtmp/hls/flv 地址，或正在录制的文件路径")
    worker = LiveTranscriber(batched_pipeline(load_model(settings)), build_prompt(catalog), window=window)
    record = LiveRecord(settings, source) if keep else None

    def emit(seg: Segment) -> None:
        if on_segment:
            on_segment(seg)
        if record is not None:
            record.add(seg, worker.position)

    segments = worker.run(_pcm_command(str(source), idle_timeout), emit, stop_event)
    transcript = Transcript(duration=worker.position, segments=segments, source=str(source),
                            model=str(settings.whisper_model))
    if record is not None:
        record.save(transcript)
    return transcript


class LiveRecord:
    """The live transcript on disk (``<data dir>/transcripts/live-*.json``), rewritten every ``every`` s and
    at the end, and registered with the recording it belongs to (the fast path of ``pipeline``)."""

    def __init__(self, settings: Settings, source: str | Path, every: float = 20.0) -> None:
        from copilot.base.files import private_dir

        self.settings, self.source, self.every = settings, str(source), every
        self.path = private_dir(settings.data_dir / "transcripts") / f"live-{time.strftime('%Y%m%d-%H%M%S')}.json"
        self.segments: list[Segment] = []
        self.saved = time.monotonic()

    def add(self, seg: Segment, position: float) -> None:
        self.segments.append(seg)
        if time.monotonic() - self.saved >= self.every:
            self.save(Transcript(duration=position, segments=list(self.segments), source=self.source,
                                 model=str(self.settings.whisper_model)))

    def save(self, transcript: Transcript) -> None:
        from copilot.media.review import ClipStore
        from copilot.media.transcript import save

        transcript.files = [str(self.path)]
        save(transcript, self.path)
        try:
            ClipStore(self.settings).library.register(self.source, self.path, transcript, kind="live")
        except Exception as exc:  # noqa: BLE001 - the transcript file is kept either way
            log.warning("could not register the live transcript %s: %s", self.path, exc)
        self.saved = time.monotonic()


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
        words = self._words(audio, length, vad_filter=True)
        missing = [(a, b) for a, b in uncovered(speech_spans(audio), words) if b <= length - self.hold]
        if missing:  # a decode can skip part of its audio: hear those stretches again on their own
            clips = [{"start": max(0.0, a - 0.3), "end": min(length, b + 0.3)} for a, b in missing]
            words = sorted(words + self._words(audio, length, clip_timestamps=clips), key=lambda w: w.start)
        self.step_seconds.append(time.perf_counter() - began)
        log.debug("live step: %.1fs pending at %.1fs received, %d words in %.2fs", length, self.position,
                  len(words), self.step_seconds[-1])
        done, cut = _final_clauses(split_sentences(words, "", 0.0, 0.0), length, self.hold, final, self.max_buffer)
        for s in done:
            s.start, s.end = s.start + self.offset, s.end + self.offset
            for w in s.words:
                w.start, w.end = w.start + self.offset, w.end + self.offset
            if not is_repeat(s, self.segments):
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

    def _words(self, audio, length: float, **kw) -> list:
        # One greedy pass, no temperature fallback: a fallback re-decodes up to five more times and
        # once took 19 s for 5 s of audio. The batched pipeline encodes each speech chunk once; the
        # sequential one re-encodes a whole 30 s window for the tail after the last word (2.4 s a step
        # instead of 1.3 s). Tokens are capped well above speech rate, against loops (and below 448
        # minus the longest prompt Whisper keeps, 224 tokens).
        raw, _ = self.model.transcribe(audio, language="zh", word_timestamps=True, initial_prompt=self.prompt,
                                       beam_size=5, temperature=0.0, condition_on_previous_text=False,
                                       batch_size=1, max_new_tokens=min(MAX_STEP_TOKENS, int(12 * length) + 20),
                                       **kw)
        return [w for seg in raw for w in (seg.words or [])]


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
