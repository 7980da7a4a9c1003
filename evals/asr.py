"""ASR eval: character error rate of the configured Whisper model, with and without the catalog's names
in the prompt, on the shared human Mandarin clips (../shared/data/speech) and on the sample stream
(reference: the lines of its truth.json); and on the tuning streams of the clips eval. Every figure also
``_corrected``: after catalog-aware correction (``copilot.media.correct``, every suggestion accepted).

CER normalisation on both sides: Simplified Chinese (zhconv), punctuation and spaces removed, Chinese
numerals rewritten as Arabic digits (十九 -> 19, 一号 -> 1号), so 19 and 十九 count as the same.
The sample stream's transcripts are cached in the data dir (``eval-cache/``) for ``copilot eval clips``.
"""

from __future__ import annotations

import csv
import json
import logging
import re
import time
from pathlib import Path

from copilot.base.settings import PROJECT_DIR

log = logging.getLogger("copilot.evals.asr")
SHARED_DATA = PROJECT_DIR.parent / "shared" / "data"
_ZH_NUM = re.compile(r"[零〇一二两三四五六七八九十百千]+")


def shared_data() -> Path:
    from copilot.base.errors import InputError

    if not (SHARED_DATA / "sample-stream" / "truth.json").exists():
        raise InputError(f"找不到评测数据 {SHARED_DATA}", hint="把 shared/ 目录放在项目目录旁边（../shared/data）")
    return SHARED_DATA


def normalize(text: str) -> str:
    import zhconv

    from copilot.base.zhnum import as_int, zh_to_number

    text = zhconv.convert(text, "zh-cn").lower()
    text = re.sub(r"[^\w]|_", "", text)

    def digits(m: re.Match) -> str:
        value = as_int(zh_to_number(m.group(0)))
        return str(value) if value is not None else m.group(0)

    return _ZH_NUM.sub(digits, text)


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]


def cer(reference: str, hypothesis: str) -> tuple[int, int]:
    """(edits, reference length) after normalisation."""
    ref, hyp = normalize(reference), normalize(hypothesis)
    return edit_distance(ref, hyp), max(len(ref), 1)


def stream_reference(root: Path) -> str:
    truth = json.loads((root / "sample-stream" / "truth.json").read_text(encoding="utf-8"))
    return "".join(line["text"] for part in truth["segments"] for line in part["lines"])


def sample_transcript(settings, *, prompt: bool = True):
    """The sample stream transcribed with (or without) its catalog's names, cached in the data dir."""
    from copilot.base.catalog import Catalog

    root = shared_data() / "sample-stream"
    return stream_transcript(settings, root / "sample-stream.mp4", Catalog.load(root) if prompt else None)


def stream_transcript(settings, media: Path, catalog=None):
    """``media`` transcribed by the configured model (with ``catalog``'s names in the prompt when given),
    cached in the data dir's ``eval-cache/`` by file, prompt, model and transcriber version."""
    from copilot.media import transcribe
    from copilot.media.transcript import Transcript

    tag = re.sub(r"\W", "_", str(settings.whisper_model))[-40:]
    version = getattr(transcribe, "TRANSCRIBER_VERSION", "1")
    name = "sample-stream" if media.name == "sample-stream.mp4" else f"{media.parent.name}-{media.stem}"
    kind = "prompt" if catalog is not None else "noprompt"
    cache = settings.data_dir / "eval-cache" / f"{name}-{kind}-{tag}-v{version}.json"
    stamp = f"{media.stat().st_size}:{media.stat().st_mtime_ns}"
    if cache.exists():
        data = json.loads(cache.read_text(encoding="utf-8"))
        if data.get("stamp") == stamp:
            return Transcript.from_dict(data), data.get("seconds", 0.0)
    start = time.perf_counter()
    t = transcribe.transcribe_file(media, settings, catalog)
    seconds = time.perf_counter() - start
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps({**t.to_dict(), "stamp": stamp, "seconds": seconds}, ensure_ascii=False),
                     encoding="utf-8")
    return t, seconds


def speech_clips(root: Path) -> list[tuple[Path, str]]:
    with open(root / "speech" / "manifest.tsv", encoding="utf-8") as f:
        return [(root / "speech" / row["file"], row["reference_transcript"]) for row in csv.DictReader(f, delimiter="\t")]


def run(settings, progress=None) -> dict:
    from copilot.base.catalog import Catalog
    from copilot.media.correct import apply_all
    from copilot.media.transcribe import transcribe_file

    progress = progress or (lambda f, m: None)
    root = shared_data()
    catalog = Catalog.load(settings.knowledge_dir)
    sample_catalog = Catalog.load(root / "sample-stream")
    clips = speech_clips(root)
    metrics: dict = {}
    for use_prompt in (True, False):
        edits = fixed = total = 0
        per_file = []
        for i, (path, ref) in enumerate(clips):
            progress(i / len(clips) / 3, f"speech {path.name}")
            t = transcribe_file(path, settings, catalog if use_prompt else None)
            e, n = cer(ref, t.text)
            edits, total, fixed = edits + e, total + n, fixed + cer(ref, apply_all(t, catalog).text)[0]
            per_file.append(e / n)
            log.info("cer %s prompt=%s %.3f | %s", path.name, use_prompt, e / n, t.text)
        key = "prompt" if use_prompt else "noprompt"
        metrics[f"speech_cer_{key}"] = round(edits / total, 4)
        metrics[f"speech_cer_{key}_corrected"] = round(fixed / total, 4)
        metrics[f"speech_cer_mean_{key}"] = round(sum(per_file) / len(per_file), 4)
        t, seconds = sample_transcript(settings, prompt=use_prompt)
        e, n = cer(stream_reference(root), t.text)
        metrics[f"stream_cer_{key}"] = round(e / n, 4)
        metrics[f"stream_cer_{key}_corrected"] = round(cer(stream_reference(root), apply_all(t, sample_catalog).text)[0] / n, 4)
        if seconds:
            metrics[f"stream_rtf_{key}"] = round(seconds / t.duration, 3)
    metrics.update(tuning_streams_cer(settings, lambda f, m: progress(2 / 3 + f / 3, m)))
    metrics["speech_files"] = len(clips)
    progress(1.0, "done")
    return metrics


def tuning_streams_cer(settings, progress=None) -> dict:
    """CER of the tuning streams (evals/data/streams, with their catalogs in the prompt), before and after
    catalog-aware correction."""
    from copilot.base.catalog import Catalog
    from copilot.media.correct import apply_all
    from evals.clips import TUNING, reference_text, stream_dirs, stream_media

    edits = fixed = total = 0
    folders = stream_dirs(TUNING)
    for k, folder in enumerate(folders):
        if progress:
            progress(k / max(len(folders), 1), f"stream {folder.name}")
        catalog = Catalog.load(folder)
        ref = reference_text(json.loads((folder / "truth.json").read_text(encoding="utf-8")))
        t, _ = stream_transcript(settings, stream_media(folder), catalog)
        e, n = cer(ref, t.text)
        edits, total, fixed = edits + e, total + n, fixed + cer(ref, apply_all(t, catalog).text)[0]
    return {"streams": len(folders), "streams_cer": round(edits / max(total, 1), 4),
            "streams_cer_corrected": round(fixed / max(total, 1), 4)}
