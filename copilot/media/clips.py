"""Clips: a highlight rendered (``render``: one ffmpeg run, subtitles that fit from ``subtitles``, a 9:16
version, a cover, optionally an evergreen version without tonight's price), titled (LLM when configured,
templates otherwise) and checked against the compliance rule packs (``vetting``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pydantic import BaseModel, Field

from copilot.base.catalog import Catalog, Product, fmt_number
from copilot.base.errors import CopilotError, InputError, MediaError
from copilot.base.ffmpeg import MediaInfo, probe
from copilot.base.files import private_dir, write_private
from copilot.base.llm import complete
from copilot.base.progress import Progress
from copilot.base.prompts import load_prompt
from copilot.base.zhnum import NUM_PATTERN, zh_to_number
from copilot.media.evidence import PRICE_RE
from copilot.media.highlights import Highlight
from copilot.media.render import Job, grab_frame, render
from copilot.media.subtitles import cues, to_srt
from copilot.media.transcript import Segment, Transcript, Word
from copilot.media.vetting import vet

log = logging.getLogger(__name__)
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
    uncertain: bool = False  # the product is not clear from the talk
    candidates: list[str] = field(default_factory=list)  # skus it could be, most likely first
    violations: list[dict] = field(default_factory=list)  # compliance: term, category, suggestion, where, rewrite
    layout: str = "blur"  # the 9:16 version: blur | crop | none
    rendered: bool = True  # the video files exist (a queued clip gets them after it is found)
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
    """The sentences inside [start, end] with their words, shifted to start at 0 (price sentences dropped on
    request)."""
    out = []
    for s in segments:
        if s.end <= start + 0.05 or s.start >= end - 0.05:
            continue
        if drop_price and PRICE_RE.search(s.text):
            continue
        words = [Word(w.start - start, w.end - start, w.text, w.probability) for w in s.words]
        out.append(Segment(max(s.start, start) - start, min(s.end, end) - start, s.text, words, id=len(out)))
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
                name: str | None = None, title=None, render_now: bool = True) -> Clip:
    """One clip: its SRT (as burned in), title and compliance check, then every video file in one ffmpeg run
    (subtitled main video, 9:16, cover, optionally the evergreen version). With ``render_now`` false only a
    cover frame is taken; ``render_files`` makes the videos later. ``title``: keep this one (a re-cut)."""
    info = info or probe(media)
    private_dir(out_dir)
    product = catalog.require(h.sku)
    stem = name or f"{h.sku}_{int(h.start * 10):06d}_{int(h.end * 10):06d}"
    end = min(h.end, info.duration) if info.duration else h.end
    segs = clip_segments(transcript.segments, h.start, end)
    srt = out_dir / f"{stem}.srt"
    write_private(srt, to_srt(cues(segs)))
    text = "".join(s.text for s in segs) or h.text
    clip = Clip(source=str(media), sku=h.sku, start=h.start, end=end, score=h.score, kind=h.kind, text=text,
                srt=str(srt), file=str(out_dir / f"{stem}.mp4"), cover=str(out_dir / f"{stem}.jpg"),
                uncertain=h.uncertain, candidates=list(h.candidates), layout=vertical or "none",
                transcript=next((f for f in transcript.files if f.endswith(".json")), ""))
    clip.vertical = str(out_dir / f"{stem}_9x16.mp4") if vertical else ""
    clip.evergreen = str(out_dir / f"{stem}_evergreen.mp4") if evergreen else ""
    words = title or clip_text(product, catalog, text, h.kind, llm=llm)
    clip.title, clip.description, clip.hashtags = words.title, words.description, list(words.hashtags)
    job = _job(clip, info, segs)
    if render_now:
        render(job)
    else:
        grab_frame(media, info, h.start + job.cover_at, Path(clip.cover))
    clip.rendered = render_now
    clip.violations = vet(clip)
    return clip


def _job(clip: Clip, info: MediaInfo, segs: list[Segment]) -> Job:
    job = Job(clip.source, info, clip.start, clip.end, Path(clip.file), srt=Path(clip.srt), cover=Path(clip.cover),
              cover_at=min(1.0, (clip.end - clip.start) / 2))
    if clip.vertical:
        job.vertical, job.vertical_mode = Path(clip.vertical), clip.layout if clip.layout != "none" else "blur"
    if clip.evergreen:
        _evergreen(job, segs, Path(clip.evergreen).with_suffix(".srt"), Path(clip.evergreen))
    return job


def render_files(clip: Clip, info: MediaInfo) -> None:
    """The video files of a clip queued before they were made (from its transcript as corrected now)."""
    segs = []
    if clip.transcript and Path(clip.transcript).exists():
        segs = clip_segments(Transcript.load(clip.transcript).segments, clip.start, clip.end)
    render(_job(clip, info, segs))
    clip.rendered = True


def _evergreen(job: Job, segs: list[Segment], srt: Path, out: Path) -> None:
    """A version without tonight's price: ends before the first price sentence when that leaves >= 10 s,
    otherwise keeps the span, mutes the price sentences and drops them from the subtitles."""
    prices = [(s.start, s.end) for s in segs if PRICE_RE.search(s.text)]  # from the clip start
    end = job.end - job.start
    if prices and prices[0][0] >= 10.0:
        end, prices = prices[0][0] - 0.1, []
    kept = [s for s in clip_segments(segs, 0.0, end) if not PRICE_RE.search(s.text)]
    write_private(srt, to_srt(cues(kept)))
    job.evergreen, job.evergreen_srt, job.evergreen_end, job.mute = out, srt, end, prices


def make_clips(media: str | Path, out_dir: str | Path, transcript: Transcript, catalog: Catalog,
               highlights: list[Highlight], *, llm=None, vertical: str | None = "blur", evergreen: bool = False,
               limit: int | None = None, progress: Progress | None = None, render_now: bool = True) -> list[Clip]:
    """The given highlights (best first) as clips in ``out_dir``; progress per clip."""
    info = probe(media)
    progress = progress or (lambda f, m: None)
    chosen = highlights[:limit] if limit else highlights
    out: list[Clip] = []
    for i, h in enumerate(chosen):
        progress(i / max(len(chosen), 1), f"剪辑第 {i + 1}/{len(chosen)} 段（{catalog.require(h.sku).name}）")
        out.append(render_clip(media, transcript, catalog, h, Path(out_dir), info=info, llm=llm,
                               vertical=vertical, evergreen=evergreen, render_now=render_now))
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
