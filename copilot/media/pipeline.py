"""After the stream, end to end: transcript -> product talks -> rendered clips -> the review queue."""

from __future__ import annotations

import logging
from pathlib import Path

from copilot.base.catalog import Catalog
from copilot.base.comments import Comment
from copilot.base.ffmpeg import probe
from copilot.base.progress import Progress
from copilot.media.clips import Clip, make_clips
from copilot.media.highlights import find_highlights
from copilot.media.review import ClipStore
from copilot.media.transcribe import transcribe_file
from copilot.media.transcript import Transcript, write_outputs

log = logging.getLogger(__name__)


def clip_recording(media: str | Path, out_dir: str | Path, settings, catalog: Catalog, *,
                   transcript: Transcript | str | Path | None = None, comments: list[Comment] | None = None,
                   llm=None, vertical: str | None = "blur", evergreen: bool = False, limit: int | None = None,
                   review: ClipStore | None = None, progress: Progress | None = None) -> tuple[Transcript, list[Clip]]:
    """Transcribe (unless a transcript is given), find the product talks, render their clips and, with
    ``review``, queue them for 切片审核. ``copilot clips`` and the 切片审核 workspace both run this."""
    out = Path(out_dir)
    progress = progress or (lambda f, m: None)
    info = probe(media)
    if transcript is None:
        transcript = transcribe_file(media, settings, catalog, progress=lambda f, m: progress(0.7 * f, m))
        write_outputs(transcript, out)
    elif not isinstance(transcript, Transcript):
        path = Path(transcript)
        transcript = Transcript.load(path)
        transcript.files = [str(path)]
    if not transcript.files:
        write_outputs(transcript, out, stem=Path(media).stem)
    found = find_highlights(transcript, catalog, comments)
    clips = make_clips(media, out, transcript, catalog, found, llm=llm, vertical=vertical, evergreen=evergreen,
                       limit=limit, progress=lambda f, m: progress(0.7 + 0.3 * f, m))
    json_path = next((f for f in transcript.files if f.endswith(".json")), "")
    for c in clips:
        c.transcript = json_path
        if review is not None:
            review.add(c)
    log.info("clipped %s: %d clips (%.0f s of media)", media, len(clips), info.duration)
    return transcript, clips
