"""Rehearsal and following: a replay schedule from a run-of-show, the sample evening shipped for
rehearsals, and following the live transcript to switch the current product."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

from copilot.live.session import LiveSession
from copilot.media.live_asr import transcribe_live

SAMPLES = Path(__file__).parent / "samples"
SAMPLE_COMMENTS = SAMPLES / "comments.jsonl"
SAMPLE_SCHEDULE = SAMPLES / "schedule.json"


def schedule_from_truth(path: str | Path) -> list[tuple[float, str | None]]:
    """A rehearsal schedule [(ts, sku)] from a truth/run-of-show JSON with segments {start, sku}.
    Segments without a product (chat, closing) keep the last product, as the assistant would."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [(float(s["start"]), s["sku"]) for s in data.get("segments", []) if "start" in s and s.get("sku")]


def follow_live(session: LiveSession, source: str, settings, stop_event: threading.Event,
                on_segment: Callable | None = None):
    """Transcribe a live source and let each segment steer the current product."""
    def seg(segment) -> None:
        session.follow_transcript(segment)
        if on_segment:
            on_segment(segment)

    return transcribe_live(source, settings, session.catalog, on_segment=seg, stop_event=stop_event)
