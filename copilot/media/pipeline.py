"""After the stream, end to end: transcript -> product talks -> clips in the review queue -> their videos.

The transcript is, in this order: the one given; the live transcript written while this recording was made
(the fast path: nothing is transcribed again); a new transcription. Product talks are found on the
transcript with every catalog correction applied (直播架 -> 直播价 helps no one find a talk, 练结 -> 链接
does); the clips' subtitles and titles use the transcript as the owner corrected it.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from copilot.base.catalog import Catalog
from copilot.base.comments import Comment
from copilot.base.ffmpeg import probe
from copilot.base.progress import Progress, scaled
from copilot.media.clips import Clip, make_clips
from copilot.media.correct import apply_all
from copilot.media.highlights import find_highlights
from copilot.media.library import load
from copilot.media.review import ClipStore
from copilot.media.transcribe import transcribe_file
from copilot.media.transcript import Transcript, write_outputs

log = logging.getLogger(__name__)


def obtain_transcript(media: str | Path, out_dir: Path, settings, catalog: Catalog, store: ClipStore,
                      transcript: Transcript | str | Path | None = None,
                      progress: Progress | None = None) -> tuple[Transcript, str]:
    """The recording's transcript, saved and registered, and where it came from (given / live / transcribed)."""
    info = probe(media)
    if isinstance(transcript, Transcript):
        how = "given"
    elif transcript is not None:
        transcript, how = load(transcript), "given"
    else:
        live = store.library.live_for(media, info.duration)
        if live is not None:
            log.info("fast path: clips of %s cut from its live transcript %s", media, live.path)
            transcript, how = load(live.path), "live"
        else:
            transcript, how = transcribe_file(media, settings, catalog, progress=progress), "transcribed"
    if not any(f.endswith(".json") for f in transcript.files):
        write_outputs(transcript, out_dir, stem=Path(media).stem)
    path = next(f for f in transcript.files if f.endswith(".json"))
    store.library.register(media, path, transcript, kind={"live": "live", "transcribed": "file"}.get(how))
    return transcript, how


def clip_recording(media: str | Path, out_dir: str | Path, settings, catalog: Catalog, *,
                   transcript: Transcript | str | Path | None = None, comments: list[Comment] | None = None,
                   llm=None, vertical: str | None = "blur", evergreen: bool = False, limit: int | None = None,
                   review: ClipStore | None = None, progress: Progress | None = None,
                   render_now: bool = True) -> tuple[Transcript, list[Clip]]:
    """Transcribe (unless a transcript is given or was made live), find the product talks, make their clips
    and, with ``review``, queue them for 切片审核 (replacing the recording's clips not yet reviewed). With
    ``render_now`` false the clips are queued before their videos are made (``ClipStore.render``).
    ``copilot clips`` and the 切片审核 workspace both run this."""
    began = time.perf_counter()
    out = Path(out_dir)
    store = review or ClipStore(settings, catalog)
    transcript, how = obtain_transcript(media, out, settings, catalog, store, transcript, scaled(progress, 0, 0.7))
    done = 0.7 if how == "transcribed" else 0.05
    report = scaled(progress, done, 1.0)
    report(0.0, "查找商品讲解")
    found = find_highlights(apply_all(transcript, catalog), catalog, comments)
    clips = make_clips(media, out, transcript, catalog, found, llm=llm, vertical=vertical, evergreen=evergreen,
                       limit=limit, progress=report, render_now=render_now)
    json_path = next(f for f in transcript.files if f.endswith(".json"))
    if review is not None:
        review.drop_pending(str(media))
    for c in clips:
        c.transcript = json_path
        if review is not None:
            review.add(c)
    log.info("clipped %s: %d clips from a %s transcript in %.1f s", media, len(clips), how,
             time.perf_counter() - began)
    return transcript, clips


def render_pending(store: ClipStore, recording: str | None = None, progress: Progress | None = None,
                   stop=None) -> int:
    """Make the videos of the queued clips (best first); returns how many were made."""
    report = progress or (lambda f, m: None)
    todo = sorted(store.pending_renders(recording), key=lambda c: -c.score)
    for i, c in enumerate(todo):
        if stop is not None and stop.is_set():
            return i
        product = store.catalog.get(c.sku)
        report(i / max(len(todo), 1), f"生成成片 {i + 1}/{len(todo)}（{product.name if product else c.sku}）")
        store.render(c.id)
    report(1.0, f"已生成 {len(todo)} 段成片")
    return len(todo)
