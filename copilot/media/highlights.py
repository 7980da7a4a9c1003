"""Finds the product talks in a stream transcript and the moments in them worth a short video.

A product talk starts where the host introduces a product (第X个 / X号链接 / its name or alias,
matched robustly against recognition errors), runs over the following sentences until the next
introduction, a closing, or trailing chat, and ends on a sentence end. Each talk becomes a clip of
15–90 s with its sku and a score (price stated, call to order, story words, and the order burst in
the comments right after it). Long talks also yield shorter moment clips (origin, tasting, quality,
offer). Greetings, chat and raffles are never product clips.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass, field

from copilot.base.catalog import Catalog, Product
from copilot.base.comments import Comment
from copilot.base.zhnum import NUM_PATTERN
from copilot.media.transcript import Segment, Transcript

log = logging.getLogger(__name__)
MIN_LEN, MAX_LEN = 15.0, 90.0
ORDINAL_RE = re.compile(rf"第\s*{NUM_PATTERN}\s*[个款样号]")
PRICE_RE = re.compile(rf"{NUM_PATTERN}\s*(?:块|元|快|毛)|直播[价架]|[原特]价|优惠|便宜|划算|秒杀")
CTA_RE = re.compile(r"[扣叩口后]\s*[一1]|\+\s*\d|下单|拍下|去拍|抢|想要的|要的朋友|留着|给您留|给你留|上车|接龙|库存|限[购够]|链接")
CLOSING_RE = re.compile(r"今天就到这里|不见不散|下播|明天见|拜拜|再见|感谢大家|谢谢大家的陪伴")
CHAT_RE = re.compile(r"有朋友问|吃过晚饭|边吃边聊|晚上好|欢迎|点个关注|关注一下|抽奖|福袋|红包|点赞|分享|转发|老铁|聊聊|唱|天气")
MOMENTS = {  # kind -> cue words
    "origin": r"产地|原产|基地|大棚|果园|现摘|摘的|采摘|凌晨|早上|到店|到了店|空运|冷链|养了|散养|农户|种的|溯源",
    "tasting": r"甜度|口感|好吃|香味|香甜|入口|脆|嫩|鲜|多汁|糯|软|尝|吃起来|煮出来|做红烧|炖|炒|吃法|做法",
    "quality": r"检测|检验|品控|挑选|个头|克以上|颜色|新鲜|不打|无添加|农残|证书|合格|坏果|包赔|售后|冷藏|保存|储存|泡一下",
    "offer": PRICE_RE.pattern + "|" + CTA_RE.pattern,
}
MOMENT_RES = {k: re.compile(v) for k, v in MOMENTS.items()}
ORDER_RE = re.compile(rf"[扣叩]\s*[一1]|\+\s*\d|^\s*{NUM_PATTERN}\s*$|{NUM_PATTERN}\s*[号斤袋份盒个只块瓶条把桶]|要|来一|拍了|下单")


@dataclass
class Highlight:
    sku: str
    start: float
    end: float
    score: float
    kind: str = "talk"  # talk | origin | tasting | quality | offer
    text: str = ""
    segments: list[int] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    price_stated: bool = False
    orders: int = 0

    @property
    def duration(self) -> float:
        return self.end - self.start


def product_refs(text: str, catalog: Catalog) -> list[Product]:
    """Products referred to in ``text`` by link number, name, alias or a near-miss of a long name."""
    found: dict[str, Product] = {}
    for _, _, p, _n in catalog.links(text):
        if p is not None:
            found.setdefault(p.sku, p)
    for _, _, p in catalog.mentions(text):
        found.setdefault(p.sku, p)
    for p in catalog.products:
        if p.sku not in found and any(_fuzzy_in(name, text) for name in p.names if len(name) >= 3):
            found[p.sku] = p
    return list(found.values())


def _fuzzy_in(name: str, text: str) -> bool:
    """``name`` appears in ``text`` with at most ~30% of its characters misrecognised."""
    n = len(name)
    need = max(2, math.ceil(0.7 * n))
    for i in range(0, max(len(text) - n + 1, 0)):
        if sum(a == b for a, b in zip(name, text[i:i + n])) >= need:
            return True
    return False


def _has_link(text: str, catalog: Catalog) -> bool:
    return any(p is not None for _, _, p, _ in catalog.links(text))


@dataclass
class _Talk:
    product: Product
    first: int  # index of the first segment (ordinal cue or introduction)
    last: int


def find_talks(segments: list[Segment], catalog: Catalog) -> list[_Talk]:
    talks: list[_Talk] = []
    current: _Talk | None = None
    for i, seg in enumerate(segments):
        refs = product_refs(seg.text, catalog)
        intro = _introduces(i, segments, refs, catalog, current)
        if intro is not None:
            if current:
                talks.append(current)
            current = _Talk(intro, _talk_start(i, segments), i)
            continue
        if current is None:
            continue
        if CLOSING_RE.search(seg.text) or ORDINAL_RE.search(seg.text):
            talks.append(current)
            current = None
        elif _relevant(seg.text, current.product):
            current.last = i
        elif _chat_after_offer(i, segments, current):
            talks.append(current)
            current = None
    if current:
        talks.append(current)
    return talks


def _introduces(i: int, segments: list[Segment], refs: list[Product], catalog: Catalog,
                current: _Talk | None) -> Product | None:
    new = [p for p in refs if current is None or p.sku != current.product.sku]
    if not new:
        return None
    text = segments[i].text
    ordinal = any(ORDINAL_RE.search(segments[j].text) for j in range(max(0, i - 2), i + 1))
    if _has_link(text, catalog) or ordinal:
        return new[0]
    if current is None:  # named without a cue: a talk only if product talk follows
        ahead = " ".join(s.text for s in segments[i + 1:i + 4])
        return new[0] if PRICE_RE.search(ahead) or MOMENT_RES["origin"].search(ahead) else None
    return None


def _talk_start(i: int, segments: list[Segment]) -> int:
    for j in range(i, max(-1, i - 3), -1):
        if ORDINAL_RE.search(segments[j].text):
            return j
        if j < i and segments[j + 1].start - segments[j].end > 2.0:
            break
    # an introduction that spans two clauses (一号链接，丹东九九草莓) starts at the link clause
    if i > 0 and CTA_RE.search(segments[i - 1].text) and "链接" in segments[i - 1].text:
        return i - 1
    return i


def _relevant(text: str, product: Product) -> bool:
    if any(n in text for n in product.names) or _has_number_unit(text):
        return True
    return any(r.search(text) for r in MOMENT_RES.values())


def _has_number_unit(text: str) -> bool:
    return bool(re.search(rf"{NUM_PATTERN}\s*(?:斤|袋|克|盒|个|只|瓶|块|条|桶|度|年|点)", text))


def _chat_after_offer(i: int, segments: list[Segment], talk: _Talk) -> bool:
    """Chat right after the talk's offer ends the talk (the next product may come much later)."""
    said = " ".join(s.text for s in segments[talk.first:i])
    if not (PRICE_RE.search(said) or CTA_RE.search(said)):
        return False
    return bool(CHAT_RE.search(segments[i].text)) or i - talk.last >= 3


def find_highlights(transcript: Transcript, catalog: Catalog, comments: list[Comment] | None = None, *,
                    min_len: float = MIN_LEN, max_len: float = MAX_LEN, moments: bool = True) -> list[Highlight]:
    """Every product talk as a clip (plus moment clips inside long talks), best first."""
    segs = transcript.segments
    out: list[Highlight] = []
    for talk in find_talks(segs, catalog):
        first, last = _fit(segs, talk.first, talk.last, min_len, max_len, transcript.duration)
        out.append(_highlight(segs, first, last, talk.product, "talk", comments))
        if moments and segs[talk.last].end - segs[talk.first].start >= 2.5 * min_len:
            out.extend(_moments(segs, talk, comments, min_len, min(60.0, max_len)))
    out.sort(key=lambda h: (-h.score, h.start))
    log.info("found %d highlights in %d segments", len(out), len(segs))
    return out


def _fit(segs: list[Segment], first: int, last: int, min_len: float, max_len: float,
         duration: float) -> tuple[int, int]:
    """Grow a too-short span over neighbouring sentences, shrink a too-long one, on sentence ends."""
    while segs[last].end - segs[first].start < min_len:
        can_next = last + 1 < len(segs)
        can_prev = first > 0
        if not (can_next or can_prev):
            break
        gap_next = segs[last + 1].end - segs[last].end if can_next else math.inf
        gap_prev = segs[first].start - segs[first - 1].start if can_prev else math.inf
        if can_next and gap_next <= gap_prev:
            last += 1
        else:
            first -= 1
    while segs[last].end - segs[first].start > max_len and last > first:
        last -= 1
    return first, last


def _highlight(segs: list[Segment], first: int, last: int, product: Product, kind: str,
               comments: list[Comment] | None) -> Highlight:
    text = "".join(s.text for s in segs[first:last + 1])
    start = max(0.0, segs[first].start - 0.2)
    end = segs[last].end + 0.3
    if last + 1 < len(segs):
        end = min(end, (segs[last].end + segs[last + 1].start) / 2)
    h = Highlight(sku=product.sku, start=round(start, 2), end=round(end, 2), score=0.0, kind=kind, text=text,
                  segments=list(range(first, last + 1)))
    _score(h, product, comments)
    return h


def _score(h: Highlight, product: Product, comments: list[Comment] | None) -> None:
    score, reasons = 0.3, []
    if PRICE_RE.search(h.text):
        h.price_stated = True
        score += 0.15
        reasons.append("报价")
    if CTA_RE.search(h.text):
        score += 0.1
        reasons.append("引导下单")
    story = [k for k in ("origin", "tasting", "quality") if MOMENT_RES[k].search(h.text)]
    score += 0.07 * len(story)
    reasons += [{"origin": "产地故事", "tasting": "口感吃法", "quality": "品质展示"}[k] for k in story]
    if comments:
        h.orders = order_burst(comments, h.start, h.end + 30.0, product)
        if h.orders:
            score += min(0.25, 0.05 * h.orders)
            reasons.append(f"下单高峰 {h.orders} 条")
    h.score = round(min(score, 1.0), 3)
    h.reasons = reasons


def order_burst(comments: list[Comment], start: float, end: float, product: Product | None = None) -> int:
    """Order-like comments between ``start`` and ``end`` (seconds from the stream's start)."""
    n = 0
    for c in comments:
        ts = c.ts
        if ts is None or not (start <= ts <= end):
            continue
        text = c.text
        if c.current_sku and product and c.current_sku != product.sku:
            continue
        if ORDER_RE.search(text) and "?" not in text and "吗" not in text:
            n += 1
    return n


def _moments(segs: list[Segment], talk: _Talk, comments, min_len: float, max_len: float) -> list[Highlight]:
    """Runs of sentences dominated by one kind of moment, 15–60 s, inside a long talk."""
    kinds = [_kind(segs[i].text) for i in range(talk.first, talk.last + 1)]
    out, i = [], 0
    while i < len(kinds):
        if kinds[i] is None:
            i += 1
            continue
        j = i
        while j + 1 < len(kinds) and kinds[j + 1] in (kinds[i], None):
            j += 1
        first, last = talk.first + i, talk.first + j
        strong = sum(1 for k in kinds[i:j + 1] if k == kinds[i])
        if strong >= 2 or segs[last].end - segs[first].start >= min_len * 0.5:
            while segs[last].end - segs[first].start < min_len and last < talk.last:
                last += 1
            if min_len <= segs[last].end - segs[first].start <= max_len:
                out.append(_highlight(segs, first, last, talk.product, kinds[i], comments))
        i = j + 1
    best: dict[str, Highlight] = {}  # one moment of each kind per talk: the best, then the earliest
    for h in out:
        if h.kind not in best or h.score > best[h.kind].score:
            best[h.kind] = h
    return list(best.values())


def _kind(text: str) -> str | None:
    for k in ("offer", "origin", "quality", "tasting"):
        if MOMENT_RES[k].search(text):
            return k
    return None


def iou(a: tuple[float, float], b: tuple[float, float]) -> float:
    inter = max(0.0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def transcript_from_truth(truth: dict) -> Transcript:
    """A Transcript made of a truth.json's lines (for tests and evals without the speech model)."""
    segs = [Segment(float(line["start"]), float(line["end"]), line["text"])
            for part in truth["segments"] for line in part["lines"]]
    for i, s in enumerate(segs):
        s.id = i
    return Transcript(duration=float(truth.get("duration", segs[-1].end if segs else 0)), segments=segs)
