"""One ffmpeg run per clip: the recording is decoded once and encoded into every file of the clip.

Outputs keep the source resolution up to 1080p (the short side): a 1280x720 source gives a 1280x720 clip
and a 720x1280 vertical one; an audio-only recording gets a plain 1280x720 background. The subtitles are
the clip's SRT burned in with ``subtitles.burn_filter`` (font from the frame height, safe margins); the
cover is a frame of the subtitled clip; the evergreen version may end earlier and mutes spans of audio.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from copilot.base.ffmpeg import MediaInfo, cjk_font, run_ffmpeg
from copilot.media.subtitles import Style, burn_filter

MAX_SHORT_SIDE = 1080
AUDIO_ONLY_SIZE = (1280, 720)
BACKGROUND = "0x203020"
VIDEO_ARGS = ["-c:v", "libx264", "-preset", "ultrafast", "-crf", "23", "-pix_fmt", "yuv420p", "-movflags", "+faststart"]
AUDIO_ARGS = ["-c:a", "aac", "-b:a", "128k"]


def _even(x: float) -> int:
    return max(2, int(round(x / 2)) * 2)


@dataclass(frozen=True)
class Frames:
    """The sizes of a clip's videos: the main one (the source's shape) and the 9:16 one."""
    width: int
    height: int

    @property
    def vertical(self) -> tuple[int, int]:
        short = min(self.width, self.height)
        return short, _even(short * 16 / 9)


def frames_for(info: MediaInfo) -> Frames:
    if not info.has_video or not info.width or not info.height:
        return Frames(*AUDIO_ONLY_SIZE)
    scale = min(1.0, MAX_SHORT_SIDE / min(info.width, info.height))
    return Frames(_even(info.width * scale), _even(info.height * scale))


@dataclass
class Job:
    """What to render for one clip (times in seconds of the recording; spans relative to the clip)."""
    media: str
    info: MediaInfo
    start: float
    end: float
    main: Path
    srt: Path | None = None
    vertical: Path | None = None
    vertical_mode: str = "blur"  # blur | crop
    cover: Path | None = None
    cover_at: float = 1.0
    evergreen: Path | None = None
    evergreen_srt: Path | None = None
    evergreen_end: float | None = None  # seconds from the clip start
    mute: list[tuple[float, float]] = field(default_factory=list)  # evergreen: silenced spans


def render(job: Job) -> None:
    """Decode [start, end] of the recording once; write every output of ``job``."""
    frames = frames_for(job.info)
    dur = max(job.end - job.start, 0.1)
    font = cjk_font() if job.srt else ""
    if job.info.has_video:
        inputs = ["-ss", f"{job.start:.3f}", "-t", f"{dur:.3f}", "-i", str(job.media)]
        video, audio = "[0:v]", "0:a"
    else:
        w, h = frames.width, frames.height
        inputs = ["-f", "lavfi", "-t", f"{dur:.3f}", "-i", f"color=c={BACKGROUND}:s={w}x{h}:r=25",
                  "-ss", f"{job.start:.3f}", "-t", f"{dur:.3f}", "-i", str(job.media)]
        video, audio = "[0:v]", "1:a"
    graph, maps = _graph(job, frames, video, audio, font)
    run_ffmpeg([*inputs, "-filter_complex", ";".join(graph), *maps], what="剪辑片段")


def _graph(job: Job, frames: Frames, video: str, audio: str, font: str) -> tuple[list[str], list[str]]:
    branches = ["main"] + (["vertical"] if job.vertical else []) + (["evergreen"] if job.evergreen else [])
    w, h = frames.width, frames.height
    same = job.info.has_video and (job.info.width, job.info.height) == (w, h)
    scale = "" if same else f"scale={w}:{h}:flags=bicubic,"
    graph = [f"{video}{scale}setsar=1,split={len(branches)}" + "".join(f"[{b}]" for b in branches)]
    maps: list[str] = []
    subs = f",{burn_filter(str(job.srt.resolve()), Style(w, h), font)}" if job.srt else ""
    if job.cover:
        graph.append(f"[main]null{subs},split=2[mainout][cov]")
        graph.append(f"[cov]trim=start={job.cover_at:.2f},setpts=PTS-STARTPTS[coverout]")
    else:
        graph.append(f"[main]null{subs}[mainout]")
    maps += ["-map", "[mainout]", "-map", f"{audio}?", *VIDEO_ARGS, *AUDIO_ARGS, str(job.main)]
    if job.cover:
        maps += ["-map", "[coverout]", "-frames:v", "1", "-q:v", "3", str(job.cover)]
    if job.vertical:
        graph.append(_vertical(job, frames, font))
        maps += ["-map", "[verticalout]", "-map", f"{audio}?", *VIDEO_ARGS, *AUDIO_ARGS, str(job.vertical)]
    if job.evergreen:
        graph += _evergreen(job, frames, audio, font)
        maps += ["-map", "[evergreenout]", "-map", "[evergreenaudio]", *VIDEO_ARGS, *AUDIO_ARGS, str(job.evergreen)]
    return graph, maps


def _vertical(job: Job, frames: Frames, font: str) -> str:
    vw, vh = frames.vertical
    subs = f",{burn_filter(str(job.srt.resolve()), Style(vw, vh), font)}" if job.srt else ""
    if job.vertical_mode == "crop" or not job.info.has_video:
        return f"[vertical]scale={vw}:{vh}:force_original_aspect_ratio=increase,crop={vw}:{vh},setsar=1{subs}[verticalout]"
    bw, bh = _even(vw / 8), _even(vh / 8)
    return (f"[vertical]split=2[vbg][vfg];[vbg]scale={bw}:{bh}:force_original_aspect_ratio=increase:flags=fast_bilinear,"
            f"crop={bw}:{bh},boxblur=4:1,scale={vw}:{vh}:flags=fast_bilinear,setsar=1[vblur];"
            f"[vfg]scale={vw}:-2:flags=bicubic,setsar=1[vfront];"
            f"[vblur][vfront]overlay=(W-w)/2:(H-h)/2{subs}[verticalout]")


def _evergreen(job: Job, frames: Frames, audio: str, font: str) -> list[str]:
    end = job.evergreen_end if job.evergreen_end is not None else job.end - job.start
    subs = (f",{burn_filter(str(job.evergreen_srt.resolve()), Style(frames.width, frames.height), font)}"
            if job.evergreen_srt else "")
    mute = ("," + "volume=0:enable='" + "+".join(f"between(t,{a:.2f},{b:.2f})" for a, b in job.mute) + "'"
            if job.mute else "")
    return [f"[evergreen]trim=end={end:.3f},setpts=PTS-STARTPTS{subs}[evergreenout]",
            f"[{audio}]atrim=end={end:.3f},asetpts=PTS-STARTPTS{mute}[evergreenaudio]"]


def grab_frame(media: str | Path, info: MediaInfo, at: float, out: Path) -> Path:
    """One frame of the recording at ``at`` s as a JPEG (a cover before the clip is rendered)."""
    frames = frames_for(info)
    if info.has_video:
        run_ffmpeg(["-ss", f"{max(at, 0):.2f}", "-i", str(media), "-frames:v", "1", "-vf",
                    f"scale={frames.width}:{frames.height}", "-q:v", "3", str(out)], what="生成封面")
    else:
        run_ffmpeg(["-f", "lavfi", "-i", f"color=c={BACKGROUND}:s={frames.width}x{frames.height}", "-frames:v", "1",
                    str(out)], what="生成封面")
    return out
