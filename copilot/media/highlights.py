"""Finds the product talks in a stream transcript: every talk is a clip, of the product it is about.

A talk starts at the line that introduces a product (第二个 / 接着看 / 先说说, a link number, its name
or an alias, also misheard) and runs to the last line before the next introduction, the closing, a
lucky draw or chat. Chat ends a talk only when the lines after it do not come back to the product
("有朋友问带鱼，带鱼明天才到，今天先看螃蟹" stays in the crab talk); after the call to order, a pause or
another product ends it too.

Which product a talk is about is weighed over the talk (``evidence``): the name, alias or link said at
its start count half as much again, then the product's facts (its price, its origin) and later
mentions. A passing mention of another product does not switch the talk unless that product's
evidence outweighs the current one's; a prize named in a lucky draw is no introduction. When two
products weigh about the same, or little points at any, the clip is marked uncertain for review.

Each talk becomes one clip, trimmed to its densest 90 s only when longer; long talks also yield
moment clips (origin, tasting, quality, offer). The score rewards a stated price, a call to order,
story words and the order burst in the comments right after the talk.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from copilot.base.catalog import Catalog, Product
from copilot.base.comments import Comment
from copilot.base.zhnum import NUM_PATTERN
from copilot.media.evidence import CTA_RE, PRICE_RE, Line, Matcher
from copilot.media.transcript import Segment, Transcript

log = logging.getLogger(__name__)
MAX_LEN = 90.0
PAD_S = 0.5  # the most a clip is padded around its speech (0.2 s before, 0.3 s after): inside max_len
MIN_TALK = 5.0  # shorter "talks" are a name said in passing
MOMENT_TALK = 60.0  # talks at least this long also yield moment clips
AHEAD_S = 25.0  # a product named without an introduction must be talked about within this
BACK_S = 15.0  # chat inside a talk: the talk goes on if it comes back to its product within this
ASK_RE = re.compile(r"[扣叩口后]\s*[一二三1-3衣]|\+\s*\d|下单|拍下|去拍|直接拍|要的朋友|想要的|留着|给您留|给你留|登记|先到先得|上车|接龙")
PRIZE_RE = re.compile(r"送|奖|抽中")
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
    uncertain: bool = False  # the product is not clear from the talk: say so in review
    candidates: list[str] = field(default_factory=list)  # skus it could be, most likely first

    @property
    def duration(self) -> float:
        return self.end - self.start


@dataclass
class Talk:
    sku: str
    first: int  # index of the introducing line
    last: int
    scores: dict[str, float]
    asked: bool = False  # the call to order was made

    @property
    def ranked(self) -> list[str]:
        return sorted(self.scores, key=lambda s: -self.scores[s])

    @property
    def uncertain(self) -> bool:
        top = self.scores.get(self.sku, 0.0)
        second = max((v for k, v in self.scores.items() if k != self.sku), default=0.0)
        return top < 3.0 or second > 0.6 * top


def product_refs(text: str, catalog: Catalog) -> list[Product]:
    """Products referred to in ``text`` (link number, name, alias, misheard name), strongest first."""
    refs = Matcher(catalog).refs(text)
    return [catalog.require(s) for s in sorted(refs, key=lambda s: -refs[s]) if refs[s] >= 1.0]


def find_talks(segments: list[Segment], catalog: Catalog) -> list[Talk]:
    lines = Matcher(catalog).lines(segments)
    talks: list[Talk] = []
    cur: Talk | None = None
    for i, line in enumerate(lines):
        if cur is not None:
            new = _switch(lines, i, cur)
            if new is None and not _ends_before(lines, i, cur):
                cur.last = i
                cur.asked = cur.asked or (i > cur.first + 1 and bool(ASK_RE.search(line.text)))
                continue
            talks.append(cur)
            cur = new
            if cur is not None:
                continue
        cur = _intro(lines, i)
    if cur is not None:
        talks.append(cur)
    return [t for t in talks if segments[t.last].end - segments[t.first].start >= MIN_TALK]


def _within(lines: list[Line], i: int, end: int, seconds: float) -> int:
    """The end of the lines after ``i`` (before ``end``) that start within ``seconds`` of line ``i``'s end."""
    limit = lines[i].seg.end + seconds
    j = i + 1
    while j < end and lines[j].seg.start <= limit:
        j += 1
    return j


def _block_end(lines: list[Line], i: int, limit: int = 20) -> int:
    """The line after the block that starts at ``i``: the next introduction, chat, draw or closing."""
    for j in range(i + 1, min(len(lines), i + limit)):
        if lines[j].intro or lines[j].chat or lines[j].asked or lines[j].draw or lines[j].closing:
            return j
    return min(len(lines), i + limit)


def _weigh(lines: list[Line], a: int, b: int) -> dict[str, float]:
    """Evidence for each product over lines [a, b): what is said at the start counts half as much again."""
    scores: dict[str, float] = {}
    for j in range(a, b):
        line = lines[j]
        if _prize(lines, j):
            continue
        lead = 1.5 if j < a + 3 else 0.6  # named at the start, or in passing later
        for sku, w in line.refs.items():
            scores[sku] = scores.get(sku, 0.0) + lead * w
        for sku, w in line.facts.items():
            scores[sku] = scores.get(sku, 0.0) + w
    return scores


def _prize(lines: list[Line], j: int) -> bool:
    """A product named as a lucky-draw prize (送两只大闸蟹 right after 抽三位朋友)."""
    line = lines[j]
    if line.intro:
        return False
    return line.draw or (bool(PRIZE_RE.search(line.text)) and any(lines[k].draw for k in range(max(0, j - 2), j)))


def _intro(lines: list[Line], i: int) -> Talk | None:
    line = lines[i]
    if line.chat or line.draw or line.closing or _prize(lines, i) or (line.asked and not line.intro):
        return None
    end = _block_end(lines, i)
    if line.intro:
        scores = _weigh(lines, i, end)
    elif max(line.refs.values(), default=0.0) >= 1.5:
        scores = _weigh(lines, i, _within(lines, i, end, AHEAD_S))
        top = max(scores, key=scores.get)
        if top not in line.refs or _weigh(lines, i + 1, _within(lines, i, end, AHEAD_S)).get(top, 0.0) < 1.0:
            return None  # named in passing: nothing about it follows
    else:
        return None
    if not scores or max(scores.values()) < 1.5:
        return None
    top = max(scores, key=scores.get)
    return Talk(top, i, i, scores)


def _switch(lines: list[Line], i: int, cur: Talk) -> Talk | None:
    """A new talk starting at line ``i`` (an introduction, or another product that outweighs this one)."""
    line = lines[i]
    if line.intro:
        new = _intro(lines, i)
        return new if new is not None and new.sku != cur.sku else None
    others = [s for s, w in line.refs.items() if s != cur.sku and w >= 2.0]
    if not others or line.chat or line.asked or line.draw or _prize(lines, i):
        return None
    ahead = _weigh(lines, i, min(_block_end(lines, i), i + 5))
    best = max(others, key=lambda s: ahead.get(s, 0.0))
    if ahead.get(best, 0.0) - 1.5 * line.refs[best] >= 1.0 and ahead[best] >= ahead.get(cur.sku, 0.0) + 2.0:
        return Talk(best, i, i, ahead)
    return None


def _ends_before(lines: list[Line], i: int, cur: Talk) -> bool:
    """Line ``i`` is no longer this talk: the closing, or chat / a draw / after the call to order a
    pause or another product, with nothing about this product in the lines that follow."""
    line = lines[i]
    if line.closing:
        return True
    if line.intro:
        return False
    other = any(s != cur.sku and w >= 1.5 for s, w in line.refs.items())
    # a viewer's question before the call to order is about this product unless it names another one
    if not (line.chat or line.draw or (line.asked and (cur.asked or other))
            or (cur.asked and (line.pause >= 1.0 or other))):
        return False
    for j in range(i, max(_within(lines, i, len(lines), BACK_S), min(len(lines), i + 4))):
        if j > i and (lines[j].intro or lines[j].closing):
            break
        if lines[j].evidence(cur.sku) >= 1.0 and not _prize(lines, j):
            return False
    return True


def find_highlights(transcript: Transcript, catalog: Catalog, comments: list[Comment] | None = None, *,
                    max_len: float = MAX_LEN, moments: bool = True) -> list[Highlight]:
    """Every product talk as a clip (plus moment clips inside long talks), best first."""
    segs = transcript.segments
    out: list[Highlight] = []
    for talk in find_talks(segs, catalog):
        product = catalog.require(talk.sku)
        first, last = _densest(segs, talk, max_len)
        h = _highlight(segs, first, last, product, "talk", comments)
        h.uncertain, h.candidates = talk.uncertain, [s for s in talk.ranked if talk.scores[s] > 0][:3]
        out.append(h)
        if moments and segs[talk.last].end - segs[talk.first].start >= MOMENT_TALK:
            out.extend(_moments(segs, talk, product, comments, min(60.0, max_len)))
    out.sort(key=lambda h: (-h.score, h.start))
    log.info("found %d highlights in %d segments", len(out), len(segs))
    return out


def _densest(segs: list[Segment], talk: Talk, max_len: float) -> tuple[int, int]:
    """The whole talk, or its densest ``max_len`` s (product words, facts, prices, calls) when longer."""
    first, last = talk.first, talk.last
    max_len -= PAD_S
    if segs[last].end - segs[first].start <= max_len:
        return first, last
    weight = [0.1 + sum(bool(r.search(segs[k].text)) for r in MOMENT_RES.values()) for k in range(first, last + 1)]
    weight[0] += 2.0  # the introduction
    best, span, j, total = -1.0, (first, first), first, 0.0
    for i in range(first, last + 1):
        while j <= last and segs[j].end - segs[i].start <= max_len:
            total += weight[j - first]
            j += 1
        if total > best:
            best, span = total, (i, j - 1)
        total -= weight[i - first]
    return span if span[1] >= span[0] else (first, first)


def _highlight(segs: list[Segment], first: int, last: int, product: Product, kind: str,
               comments: list[Comment] | None) -> Highlight:
    text = "".join(s.text for s in segs[first:last + 1])
    start = max(0.0, segs[first].start - 0.2)
    if first > 0:
        start = max(start, (segs[first - 1].end + segs[first].start) / 2)
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
        if c.current_sku and product and c.current_sku != product.sku:
            continue
        if ORDER_RE.search(c.text) and "?" not in c.text and "吗" not in c.text:
            n += 1
    return n


def _moments(segs: list[Segment], talk: Talk, product: Product, comments, max_len: float) -> list[Highlight]:
    """Runs of sentences dominated by one kind of moment, 15–60 s, inside a long talk: the best of each kind."""
    kinds = [_kind(segs[i].text) for i in range(talk.first, talk.last + 1)]
    best: dict[str, Highlight] = {}
    i = 0
    while i < len(kinds):
        if kinds[i] is None:
            i += 1
            continue
        j = i
        while j + 1 < len(kinds) and kinds[j + 1] in (kinds[i], None):
            j += 1
        first, last = talk.first + i, talk.first + j
        while segs[last].end - segs[first].start < 15.0 and last < talk.last:
            last += 1
        if 15.0 <= segs[last].end - segs[first].start <= max_len:
            h = _highlight(segs, first, last, product, kinds[i], comments)
            if h.kind not in best or h.score > best[h.kind].score:
                best[h.kind] = h
        i = j + 1
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
