"""ffmpeg and ffprobe helpers: find the binaries, probe a recording, run a command, find a CJK font.

The system ``ffmpeg``/``ffprobe`` are used when on PATH; otherwise the ffmpeg shipped in
imageio-ffmpeg, with probing done by PyAV (imageio-ffmpeg has no ffprobe). Every failure becomes
a MediaError whose Chinese message names the problem and the fix.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from copilot.base.errors import MediaError

log = logging.getLogger(__name__)
CJK_FONT = "Noto Sans CJK SC"
NOT_MEDIA_FORMATS = {"tty", "txt", "ansi", "image2", "png_pipe", "jpeg_pipe", "svg_pipe"}
STREAM_PREFIXES = ("rtmp://", "rtmps://", "http://", "https://", "srt://", "udp://", "rtsp://")


@dataclass(frozen=True)
class MediaInfo:
    path: str
    duration: float
    has_audio: bool
    has_video: bool
    width: int = 0
    height: int = 0
    format: str = ""


@lru_cache(maxsize=1)
def ffmpeg_bin() -> str:
    found = shutil.which("ffmpeg")
    if found:
        return found
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except Exception:  # noqa: BLE001 - missing package or binary
        raise MediaError("找不到 ffmpeg", hint="安装 ffmpeg（apt-get install ffmpeg）或 pip install imageio-ffmpeg") from None


@lru_cache(maxsize=1)
def ffprobe_bin() -> str | None:
    return shutil.which("ffprobe")


def is_stream_url(source: str) -> bool:
    return str(source).lower().startswith(STREAM_PREFIXES)


def probe(path: str | Path, *, need_audio: bool = True) -> MediaInfo:
    """Check that ``path`` is a readable recording (with an audio track when ``need_audio``)."""
    p = Path(path)
    if not p.exists():
        raise MediaError(f"找不到文件 {p}", hint="检查路径是否正确")
    if p.is_dir():
        raise MediaError(f"{p} 是一个目录，不是录像文件", hint="请指定一个 mp4/flv/mov/m4a/wav/mp3 文件")
    if p.stat().st_size == 0:
        raise MediaError(f"文件 {p.name} 是空的（0 字节）", hint="重新导出或重新下载这段录像")
    info = _probe_ffprobe(p) if ffprobe_bin() else _probe_av(p)
    if need_audio and not info.has_audio:
        raise MediaError(f"文件 {p.name} 没有音轨，无法转写",
                         hint="确认录制时开启了麦克风，或换一个带声音的文件")
    return info


def _not_media(p: Path, detail: str = "") -> MediaError:
    log.info("probe failed for %s: %s", p, detail[-300:])
    return MediaError(f"无法读取 {p.name}：不是音视频文件，或文件已损坏",
                      hint="请提供 ffmpeg 能打开的 mp4/flv/mov/m4a/wav/mp3 文件；损坏的录像请重新导出")


def _probe_ffprobe(p: Path) -> MediaInfo:
    cmd = [ffprobe_bin(), "-v", "error", "-show_format", "-show_streams", "-of", "json", str(p)]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    if res.returncode != 0:
        raise _not_media(p, res.stderr)
    data = json.loads(res.stdout or "{}")
    fmt = data.get("format", {})
    streams = data.get("streams", [])
    return _info(p, fmt.get("format_name", ""), fmt.get("duration"), streams)


def _probe_av(p: Path) -> MediaInfo:
    import av

    try:
        with av.open(str(p)) as container:
            streams = [{"codec_type": s.type, "width": getattr(s.codec_context, "width", 0),
                        "height": getattr(s.codec_context, "height", 0)} for s in container.streams]
            duration = container.duration / 1_000_000 if container.duration else None
            return _info(p, container.format.name, duration, streams)
    except av.FFmpegError as exc:
        raise _not_media(p, str(exc)) from None


def _info(p: Path, fmt: str, duration, streams: list[dict]) -> MediaInfo:
    if any(f in NOT_MEDIA_FORMATS for f in fmt.split(",")) or not streams:
        raise _not_media(p, f"format={fmt}")
    try:
        dur = float(duration)
    except (TypeError, ValueError):
        dur = 0.0
    audio = [s for s in streams if s.get("codec_type") == "audio"]
    video = [s for s in streams if s.get("codec_type") == "video"
             and s.get("disposition", {}).get("attached_pic", 0) == 0]
    if dur <= 0 and audio:
        raise _not_media(p, "no duration")
    w = int(video[0].get("width") or 0) if video else 0
    h = int(video[0].get("height") or 0) if video else 0
    return MediaInfo(str(p), dur, bool(audio), bool(video), w, h, fmt)


def run_ffmpeg(args: list[str], *, what: str = "处理视频", timeout: float = 3600) -> None:
    """Run ffmpeg with ``args`` (without the binary); raise MediaError with the tail of stderr."""
    cmd = [ffmpeg_bin(), "-hide_banner", "-nostdin", "-y", "-loglevel", "error", *args]
    log.debug("ffmpeg %s", " ".join(cmd[1:]))
    try:
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise MediaError(f"{what}超时", hint="文件可能过大或损坏") from None
    if res.returncode != 0:
        tail = (res.stderr or "").strip().splitlines()[-3:]
        log.warning("ffmpeg failed (%s): %s", what, " | ".join(tail))
        raise MediaError(f"{what}失败：{' '.join(tail)[-200:]}", hint="确认文件完整可播放；必要时重新导出")


def probe_streams(path: str | Path) -> list[dict]:
    """The raw stream list of a file (for checks in tests and evals)."""
    if ffprobe_bin():
        res = subprocess.run([ffprobe_bin(), "-v", "error", "-show_streams", "-show_format", "-of", "json",
                              str(path)], capture_output=True, text=True, timeout=60)
        data = json.loads(res.stdout or "{}")
        streams = data.get("streams", [])
        for s in streams:
            s.setdefault("format_duration", data.get("format", {}).get("duration"))
        return streams
    info = _probe_av(Path(path))
    return [{"codec_type": "video", "width": info.width, "height": info.height, "format_duration": info.duration}]


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """The CJK font family for burned-in subtitles; MediaError when none is installed."""
    fc = shutil.which("fc-list")
    if fc:
        res = subprocess.run([fc, ":lang=zh", "family"], capture_output=True, text=True, timeout=30)
        families = {f.strip() for line in res.stdout.splitlines() for f in line.split(",")}
        if CJK_FONT in families:
            return CJK_FONT
        sans = sorted(f for f in families if re.search(r"Sans.*(SC|CN)|Hei|WenQuanYi", f))
        if sans:
            return sans[0]
        if families - {""}:
            return sorted(families - {""})[0]
    raise MediaError("没有找到中文字体，无法烧录字幕",
                     hint="安装 fonts-noto-cjk（apt-get install fonts-noto-cjk）后重试")
