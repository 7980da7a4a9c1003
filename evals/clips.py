"""Clips eval: ``copilot eval clips`` (the sample stream and the tuning streams) and ``clips-holdout``.

Each stream is a folder with ``products.yaml``, ``truth.json`` (the true spans of the opening, product
talks, draws, chat and closing), ``comments.jsonl`` and its recording (``sample-stream.mp4`` or
``audio.m4a``). The recording is transcribed once with the configured model (cached in the data dir's
``eval-cache/``); the product talks are found on that transcript (audio is all the finder needs, so
audio-only streams need no video here). Per stream and over all streams:

- talks_found: product talks with a talk clip of the right product and IoU >= 0.7 against the true span;
- mean_iou: the best IoU of each talk with a talk clip of its product, averaged over the talks;
- clips_in_chat: clips centred in (or mostly inside) a non-product segment (opening, draw, chat, closing);
- clips_wrong_sku: clips that overlap no true talk of their product;
- clips_uncertain: clips the finder itself reports as uncertain (shown as such in 切片审核);
- lengths_ok: no clip longer than 90 s (a talk clip is the whole talk, however short; only longer ones are
  trimmed to their densest 90 s);
- cer / cer_corrected: the transcript's character error rate before and after catalog-aware correction.

The same measures on the true text (no speech model) show what the finder does on perfect recognition.
``clips-holdout`` runs the held-out streams and prints figures only.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from evals import EVALS_DIR, HELD_OUT

log = logging.getLogger("copilot.evals.clips")
IOU_MIN = 0.7
TUNING = EVALS_DIR / "data" / "streams"
HOLDOUT = HELD_OUT["clips-holdout"]
MEDIA_NAMES = ("sample-stream.mp4", "audio.m4a", "recording.mp4", "audio.wav")


def measure(highlights, truth: dict) -> dict:
    from copilot.media.highlights import iou

    talks = [s for s in truth["segments"] if s["kind"] == "product"]
    other = [s for s in truth["segments"] if s["kind"] != "product"]
    found, ious = 0, []
    for seg in talks:
        best = max((iou((h.start, h.end), (seg["start"], seg["end"])) for h in highlights
                    if h.sku == seg["sku"] and h.kind == "talk"), default=0.0)
        ious.append(best)
        found += best >= IOU_MIN
    in_chat = 0
    for h in highlights:
        mid = (h.start + h.end) / 2
        inside = sum(max(0.0, min(h.end, s["end"]) - max(h.start, s["start"])) for s in other)
        in_chat += bool(any(s["start"] <= mid < s["end"] for s in other) or inside > 0.5 * h.duration)
    wrong_sku = sum(1 for h in highlights if not any(
        s["sku"] == h.sku and iou((h.start, h.end), (s["start"], s["end"])) > 0 for s in talks))
    return {"talks": len(talks), "talks_found": found, "recall": round(found / max(len(talks), 1), 3),
            "mean_iou": round(sum(ious) / max(len(ious), 1), 3), "clips": len(highlights),
            "clips_in_chat": in_chat, "clips_wrong_sku": wrong_sku,
            "clips_uncertain": sum(1 for h in highlights if getattr(h, "uncertain", False)),
            "lengths_ok": all(h.duration <= 90 for h in highlights), "ious": [round(x, 3) for x in ious]}


def stream_dirs(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "truth.json").exists() and (p / "products.yaml").exists()
                  and stream_media(p) is not None)


def stream_media(folder: Path) -> Path | None:
    return next((folder / n for n in MEDIA_NAMES if (folder / n).exists()), None)


def reference_text(truth: dict) -> str:
    return "".join(line["text"] for part in truth["segments"] for line in part["lines"])


def _correct(transcript, catalog):
    """The transcript with every catalog-aware suggestion applied (None before that existed)."""
    try:
        from copilot.media.correct import apply_all
    except ImportError:
        return None
    return apply_all(transcript, catalog)


def score_stream(settings, folder: Path, progress=None) -> dict:
    from copilot.base.catalog import Catalog
    from copilot.base.comments import load_comment_file
    from copilot.media.highlights import find_highlights, transcript_from_truth
    from evals.asr import cer, stream_transcript

    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    catalog = Catalog.load(folder)
    comments = load_comment_file(folder / "comments.jsonl") if (folder / "comments.jsonl").exists() else None
    if progress:
        progress(0.1, f"{folder.name}: transcribing")
    transcript, _ = stream_transcript(settings, stream_media(folder), catalog)
    corrected = _correct(transcript, catalog)
    # as the pipeline does: talks are found on the transcript with the catalog corrections applied
    metrics = measure(find_highlights(corrected or transcript, catalog, comments), truth)
    e, n = cer(reference_text(truth), transcript.text)
    metrics["cer"] = round(e / n, 4)
    if corrected is not None:
        e, n = cer(reference_text(truth), corrected.text)
        metrics["cer_corrected"] = round(e / n, 4)
    reference = measure(find_highlights(transcript_from_truth(truth), catalog, comments), truth)
    metrics.update({f"truth_text_{k}": v for k, v in reference.items()
                    if k in ("talks_found", "mean_iou", "clips_in_chat", "clips_wrong_sku")})
    return metrics


def _streams(settings) -> list[Path]:
    from evals.asr import shared_data

    return [shared_data() / "sample-stream", *stream_dirs(TUNING)]


def run_streams(settings, folders: list[Path], progress=None, *, per_stream: bool = True) -> dict:
    out: dict = {}
    totals = {"talks": 0, "talks_found": 0, "clips": 0, "clips_in_chat": 0, "clips_wrong_sku": 0,
              "clips_uncertain": 0}
    ious: list[float] = []
    for k, folder in enumerate(folders):
        sub = (lambda f, m: progress((k + f) / len(folders), m)) if progress else None
        m = score_stream(settings, folder, sub)
        ious += m.pop("ious")
        for key in totals:
            totals[key] += m[key]
        if per_stream:
            name = "sample" if folder.name == "sample-stream" else folder.name
            out.update({f"{name}_{key}": v for key, v in m.items()})
    out.update({f"all_{key}": v for key, v in totals.items()})
    out["all_mean_iou"] = round(sum(ious) / max(len(ious), 1), 3)
    if progress:
        progress(1.0, "done")
    return out


def run(settings, progress=None) -> dict:
    """The sample stream and the tuning streams, per stream and overall."""
    return run_streams(settings, _streams(settings), progress)


def run_holdout(settings, progress=None) -> dict:
    """Held-out streams: per-stream and overall figures only, never the lines or spans it missed."""
    return run_streams(settings, stream_dirs(HOLDOUT), progress)
