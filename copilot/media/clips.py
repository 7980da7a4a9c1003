"""Cuts highlight clips with ffmpeg: frame-accurate re-encoded cuts, burned-in Chinese subtitles,
a 9:16 version, a cover image, and a title/description/hashtags (LLM when configured, templates
otherwise); optionally an evergreen version without tonight's price.
"""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pydantic import BaseModel, Field

from copilot.base.catalog import Catalog, Product, fmt_number
from copilot.base.errors import CopilotError, InputError, MediaError
from copilot.base.ffmpeg import MediaInfo, cjk_font, probe, run_ffmpeg
from copilot.base.llm import complete
from copilot.base.progress import Progress
from copilot.base.prompts import load_prompt
from copilot.base.zhnum import NUM_PATTERN, zh_to_number
from copilot.media.highlights import PRICE_RE, Highlight
from copilot.media.transcript import Segment, Transcript, to_srt

log = logging.getLogger(__name__)
H_HEIGHT = 540
V_SIZE = (540, 960)
MOMENT_WORDS = {"talk": "直播精选", "origin": "产地直击", "tasting": "口感实测", "quality": "品质把关",
                "offer": "今晚福利"}


@dataclass
class Clip:
    source: str
    sku: str
    start: float
    end: float
    score: float
    kind: str = "talk"
    title: str = ""
    description: str = ""
    hashtags: list[str] = field(default_factory=list)
    file: str = ""
    vertical: str = ""
    cover: str = ""
    srt: str = ""
    evergreen: str = ""
    text: str = ""
    status: str = "pending"
    transcript: str = ""  # the recording's transcript JSON (needed to re-cut on trim)
    id: int | None = None

    @property
    def duration(self) -> float:
        return round(self.end - self.start, 2)

    def to_dict(self) -> dict:
        return asdict(self)


class ClipText(BaseModel):
    title: str = Field(min_length=2, max_length=30)
    description: str = Field(min_length=2, max_length=200)
    hashtags: list[str] = Field(min_length=1, max_length=8)


def clip_segments(segments: list[Segment], start: float, end: float, *, drop_price: bool = False) -> list[Segment]:
    """The sentences inside [start, end], shifted to start at 0 (price sentences dropped on request)."""
    out = []
    for s in segments:
        if s.end <= start + 0.05 or s.start >= end - 0.05:
            continue
        if drop_price and PRICE_RE.search(s.text):
            continue
        out.append(Segment(max(s.start, start) - start, min(s.end, end) - start, s.text, id=len(out)))
    return out


def _filter_path(path: Path) -> str:
    """A path quoted for an ffmpeg filter argument."""
    return str(path.resolve()).replace("\\", "\\\\").replace(":", "\\:").replace("'", "\\'")


def _subs_filter(srt: Path, font: str, size: int, margin: int) -> str:
    style = f"FontName={font},FontSize={size},PrimaryColour=&H00FFFFFF,OutlineColour=&H00000000," \
            f"BorderStyle=1,Outline=2,Shadow=0,MarginV={margin}"
    return f"subtitles=filename='{_filter_path(srt)}':charenc=UTF-8:force_style='{style}'"


def cut(media: str | Path, info: MediaInfo, start: float, end: float, out: Path, *, srt: Path | None = None,
        vertical: str | None = None, mute: list[tuple[float, float]] = ()) -> Path:
    """Re-encode [start, end] of ``media`` into ``out``: 540p (or 9:16 with ``vertical`` = blur/crop).

    The seek before ``-i`` is frame-accurate because the stream is re-encoded; timestamps then
    start at 0, which is what the clip's SRT (shifted to the clip start) expects. ``mute`` silences
    the audio over those spans (seconds from the clip start)."""
    dur = max(end - start, 0.1)
    font = cjk_font() if srt else ""
    if vertical:
        w, h = V_SIZE
        if vertical == "crop":
            chain = f"[0:v]scale=-2:{h},crop={w}:{h}"
        else:
            chain = (f"[0:v]split=2[a][b];[a]scale={w // 4}:{h // 4}:force_original_aspect_ratio=increase,"
                     f"crop={w // 4}:{h // 4},boxblur=8:1,scale={w}:{h}[bg];[b]scale={w}:-2[fg];"
                     f"[bg][fg]overlay=(W-w)/2:(H-h)/2")
        subs = f",{_subs_filter(srt, font, 13, 60)}" if srt else ""
    else:
        chain = f"[0:v]scale=-2:{H_HEIGHT}"
        subs = f",{_subs_filter(srt, font, 18, 22)}" if srt else ""
    graph = f"{chain},setsar=1{subs}[v]"
    if info.has_video:
        inputs = ["-ss", f"{start:.3f}", "-i", str(media), "-t", f"{dur:.3f}"]
        amap = "0:a?"
    else:  # audio-only recording: subtitles on a plain background
        size = f"{V_SIZE[0]}x{V_SIZE[1]}" if vertical else f"960x{H_HEIGHT}"
        inputs = ["-f", "lavfi", "-i", f"color=c=0x203020:s={size}:r=25", "-ss", f"{start:.3f}", "-i", str(media),
                  "-t", f"{dur:.3f}"]
        amap = "1:a?"
    silence = ["-af", "volume=0:enable='" + "+".join(f"between(t,{a:.2f},{b:.2f})" for a, b in mute) + "'"] \
        if mute else []
    run_ffmpeg([*inputs, "-filter_complex", graph, "-map", "[v]", "-map", amap, *silence, "-t", f"{dur:.3f}",
                "-c:v", "libx264", "-preset", "superfast", "-crf", "26", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "96k", "-ac", "1", "-movflags", "+faststart", str(out)], what="剪辑片段")
    return out


def cover(clip_file: Path, out: Path, at: float = 1.0) -> Path:
    run_ffmpeg(["-ss", f"{at:.2f}", "-i", str(clip_file), "-frames:v", "1", "-q:v", "3", str(out)], what="生成封面")
    return out


def template_text(product: Product, catalog: Catalog, kind: str = "talk", *, evergreen: bool = False) -> ClipText:
    """Title, description and hashtags from the catalog (the offline path)."""
    where = product.origin or ""
    moment = MOMENT_WORDS.get(kind, "直播精选")
    title = f"{where}{product.name}｜{moment}" if where and where not in product.name else f"{product.name}｜{moment}"
    if not evergreen and kind in ("talk", "offer"):
        title = f"{product.name}｜直播价{product.price_text()}"
    desc = [f"{catalog.store.name}直播间：{product.name}"]
    if where:
        desc.append(f"产地{where}")
    if not evergreen:
        desc.append(f"今晚直播价{product.price_text()}" + (f"，每人限购{fmt_number(product.limit_per_buyer)}{product.unit}"
                                                        if product.limit_per_buyer else ""))
    if catalog.store.pickup:
        desc.append(catalog.store.pickup)
    tags = [catalog.store.name, product.aliases[0] if product.aliases else product.name]
    tags += [where] if where else []
    tags += ["社区团购", "产地直发" if where else "新鲜到店"]
    return ClipText(title=title[:30], description="，".join(desc) + "。",
                    hashtags=[f"#{t}" for t in dict.fromkeys(tags)])


def llm_text(llm, product: Product, catalog: Catalog, text: str, kind: str, *, evergreen: bool) -> ClipText:
    """Title etc. from the LLM, validated: no price other than the catalog's (none when evergreen)."""
    result = complete(llm, load_prompt("clip_title"), ClipText, store=catalog.store.name, name=product.name,
                      origin=product.origin or "", price=product.price_text(), kind=MOMENT_WORDS.get(kind, ""),
                      transcript=text[:600], evergreen=evergreen)
    for field_text in (result.title, result.description):
        bad = _bad_prices(field_text, product, evergreen)
        if bad:
            raise InputError(f"大模型标题里的价格 {bad} 与商品库不符", hint="已改用模板标题")
    result.hashtags = [t if t.startswith("#") else f"#{t}" for t in result.hashtags]
    return result


def _bad_prices(text: str, product: Product, evergreen: bool) -> list[str]:
    found = [m.group(0) for m in re.finditer(rf"({NUM_PATTERN})\s*(?:元|块|¥)|[¥￥]\s*(\d+(?:\.\d+)?)", text)]
    if evergreen:
        return found
    out = []
    for f in found:
        num = re.search(NUM_PATTERN, f)
        val = zh_to_number(num.group(0)) if num else None
        if val is None or abs(val - product.price) > 0.001:
            out.append(f)
    return out


def clip_text(product: Product, catalog: Catalog, text: str, kind: str, *, llm=None,
              evergreen: bool = False) -> ClipText:
    if llm is not None:
        try:
            return llm_text(llm, product, catalog, text, kind, evergreen=evergreen)
        except CopilotError as exc:
            log.warning("clip title from llm rejected, using template: %s", exc)
    return template_text(product, catalog, kind, evergreen=evergreen)


def render_clip(media: str | Path, transcript: Transcript, catalog: Catalog, h: Highlight, out_dir: Path, *,
                info: MediaInfo | None = None, llm=None, vertical: str | None = "blur", evergreen: bool = False,
                name: str | None = None) -> Clip:
    """Every file of one clip: subtitled 16:9 mp4, SRT, 9:16 mp4, cover, and optionally evergreen."""
    info = info or probe(media)
    out_dir.mkdir(parents=True, exist_ok=True)
    product = catalog.require(h.sku)
    stem = name or f"{h.sku}_{int(h.start * 10):06d}_{int(h.end * 10):06d}"
    end = min(h.end, info.duration) if info.duration else h.end
    segs = clip_segments(transcript.segments, h.start, end)
    srt = out_dir / f"{stem}.srt"
    srt.write_text(to_srt(segs), encoding="utf-8")
    clip = Clip(source=str(media), sku=h.sku, start=h.start, end=end, score=h.score, kind=h.kind,
                text=h.text, srt=str(srt))
    clip.file = str(cut(media, info, h.start, end, out_dir / f"{stem}.mp4", srt=srt))
    clip.cover = str(cover(Path(clip.file), out_dir / f"{stem}.jpg", at=min(1.0, (end - h.start) / 2)))
    if vertical:
        clip.vertical = str(cut(media, info, h.start, end, out_dir / f"{stem}_9x16.mp4", srt=srt, vertical=vertical))
    text = clip_text(product, catalog, h.text, h.kind, llm=llm)
    clip.title, clip.description, clip.hashtags = text.title, text.description, text.hashtags
    if evergreen:
        clip.evergreen = str(render_evergreen(media, info, transcript, h.start, end, out_dir, stem))
    return clip


def render_evergreen(media, info: MediaInfo, transcript: Transcript, start: float, end: float, out_dir: Path,
                     stem: str) -> Path:
    """A version without tonight's price: ends before the first price sentence when that leaves ≥ 10 s,
    otherwise keeps the span, mutes the price sentences and drops them from the subtitles."""
    segs = clip_segments(transcript.segments, start, end)
    prices = [(s.start, s.end) for s in segs if PRICE_RE.search(s.text)]  # from the clip start
    if prices and prices[0][0] >= 10.0:
        end, prices = start + prices[0][0] - 0.1, []
    srt = out_dir / f"{stem}_evergreen.srt"
    srt.write_text(to_srt(clip_segments(transcript.segments, start, end, drop_price=True)), encoding="utf-8")
    return cut(media, info, start, end, out_dir / f"{stem}_evergreen.mp4", srt=srt, mute=prices)


def make_clips(media: str | Path, out_dir: str | Path, transcript: Transcript, catalog: Catalog,
               highlights: list[Highlight], *, llm=None, vertical: str | None = "blur", evergreen: bool = False,
               limit: int | None = None, progress: Progress | None = None) -> list[Clip]:
    """Render the given highlights (best first) into ``out_dir``; progress per clip."""
    info = probe(media)
    progress = progress or (lambda f, m: None)
    chosen = highlights[:limit] if limit else highlights
    out: list[Clip] = []
    for i, h in enumerate(chosen):
        progress(i / max(len(chosen), 1), f"剪辑第 {i + 1}/{len(chosen)} 段（{h.sku}）")
        out.append(render_clip(media, transcript, catalog, h, Path(out_dir), info=info, llm=llm,
                               vertical=vertical, evergreen=evergreen))
    progress(1.0, f"已生成 {len(out)} 段切片")
    if not out:
        log.info("no product talk found in %s", media)
    return out


def check_range(start: float, end: float, duration: float) -> None:
    if start < 0 or end <= start:
        raise InputError(f"起止时间无效：{start:.1f}–{end:.1f} 秒", hint="结束时间必须大于开始时间，且不小于 0")
    if duration and start >= duration:
        raise InputError(f"开始时间 {start:.1f} 秒超出录像长度 {duration:.1f} 秒", hint="请在录像时长内选择")
    if end - start < 3:
        raise InputError("片段太短（不足 3 秒）", hint="请把结束时间往后调")
    if end - start > 180:
        raise MediaError("片段太长（超过 3 分钟）", hint="短视频建议 15–90 秒")
