"""Clip export speed: seconds per clip for the sample stream's product clips (subtitled 540p 16:9,
9:16 with blurred background, cover; titles from templates), and for the 16:9 file alone.
Uses the true transcript (truth.json) so that no speech model runs. Prints the numbers and writes
benchmarks/results/clips.json.

    .venv/bin/python benchmarks/bench_clips.py
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.base.catalog import Catalog  # noqa: E402
from copilot.base.comments import load_comment_file
from copilot.media.clips import make_clips  # noqa: E402
from copilot.media.highlights import find_highlights, transcript_from_truth  # noqa: E402

SAMPLE = ROOT.parent / "shared" / "data" / "sample-stream"


def main() -> None:
    catalog = Catalog.load(SAMPLE)
    truth = json.loads((SAMPLE / "truth.json").read_text(encoding="utf-8"))
    transcript = transcript_from_truth(truth)
    found = find_highlights(transcript, catalog, load_comment_file(SAMPLE / "comments.jsonl"))
    media = SAMPLE / "sample-stream.mp4"
    result = {"clips": len(found), "clip_seconds": round(sum(h.duration for h in found), 1),
              "cpus": os.cpu_count(), "load_avg": round(os.getloadavg()[0], 2)}
    for label, vertical in (("full", "blur"), ("horizontal_only", None)):
        out = Path(tempfile.mkdtemp())
        start = time.perf_counter()
        clips = make_clips(media, out, transcript, catalog, found, vertical=vertical)
        secs = time.perf_counter() - start
        result[label] = {"seconds": round(secs, 2), "seconds_per_clip": round(secs / len(clips), 2),
                         "seconds_per_clip_second": round(secs / sum(c.duration for c in clips), 3)}
        print(f"{label:<16} {len(clips)} clips ({result['clip_seconds']}s of video) in {secs:.1f}s: "
              f"{secs / len(clips):.1f}s per clip")
    path = ROOT / "benchmarks" / "results" / "clips.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
