"""Clips eval on the sample stream (real model transcript, cached by ``evals.asr``): every product talk
has a clip with its sku and IoU >= 0.7 against the true span; no product clip inside chat, opening or
closing. The same measures on the true text (no speech model) show what the highlight finder does on
perfect recognition.
"""

from __future__ import annotations

import json
import logging

log = logging.getLogger("copilot.evals.clips")
IOU_MIN = 0.7


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
            "lengths_ok": all(15 <= h.duration <= 90 for h in highlights)}


def run(settings, progress=None) -> dict:
    from copilot.base.catalog import Catalog
    from copilot.base.comments import load_comment_file
    from copilot.media.highlights import find_highlights, transcript_from_truth
    from evals.asr import sample_transcript, shared_data

    progress = progress or (lambda f, m: None)
    root = shared_data() / "sample-stream"
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    catalog = Catalog.load(root)
    comments = load_comment_file(root / "comments.jsonl")
    progress(0.1, "transcribing the sample stream")
    transcript, _ = sample_transcript(settings, prompt=True)
    metrics = measure(find_highlights(transcript, catalog, comments), truth)
    reference = measure(find_highlights(transcript_from_truth(truth), catalog, comments), truth)
    metrics.update({f"truth_text_{k}": v for k, v in reference.items() if k in ("recall", "mean_iou", "clips_in_chat")})
    progress(1.0, "done")
    return metrics
