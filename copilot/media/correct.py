"""Catalog-aware correction of a transcript: what recognition got wrong, suggested for the owner to accept.

Three kinds, each checked by sound and by characters (``phonetic``):

- product names, aliases and origins that sound like the catalog's (草霉 -> 草莓, 战将机围虾 -> 湛江基围虾,
  江西赶中 -> 江西赣州): a span at least as close as a near homophone, never one that already names
  another product;
- the words of a live sale, when every syllable matches (直播架 -> 直播价, 练结 -> 链接, 口衣 -> 扣一,
  公平 -> 公屏, 电力 -> 店里);
- prices: 快 after a number is 块 (十九快九 -> 十九块九), and a digit misheard after 块 (49块酒 -> 49块九)
  is corrected only when the result is the price of a product named in the lines before.

``suggest`` lists the suggestions; ``apply`` makes the accepted ones (the owner's choice in 切片审核),
``apply_all`` all of them (for measuring the CER with correction).
"""

from __future__ import annotations

import copy
import re
from dataclasses import asdict, dataclass

from copilot.base.catalog import Catalog
from copilot.base.zhnum import NUM_PATTERN
from copilot.media.evidence import Matcher, price_values
from copilot.media.phonetic import best_window, char_similarity, is_cjk, syllables
from copilot.media.transcript import Segment, Transcript

SALE_TERMS = ("直播价", "直播间", "链接", "扣一", "扣二", "限购", "自提", "公屏", "店里", "现摘", "包邮", "截屏",
              "点赞", "秒杀", "福袋", "溯源码")
PRICE_DIGIT_RE = re.compile(rf"({NUM_PATTERN})\s*(快|块|元)(钱?)\s*([零一二两三四五六七八九\d酒久吧把爸期其留流舞午散伞])?"
                            r"(?=$|[，。！？、,.!?\s毛角一])")
DIGITS = {"酒": "九", "久": "九", "吧": "八", "把": "八", "爸": "八", "期": "七", "其": "七", "留": "六", "流": "六",
          "舞": "五", "午": "五", "散": "三", "伞": "三"}
CONTEXT_LINES = 12  # a price is checked against the products named this many lines before


@dataclass
class Suggestion:
    segment: int  # index in transcript.segments
    start: int  # characters in the segment's text
    end: int
    wrong: str
    right: str
    reason: str  # 商品名 / 产地 / 直播用语 / 价格

    def to_dict(self) -> dict:
        return asdict(self)


def suggest(transcript: Transcript, catalog: Catalog) -> list[Suggestion]:
    """Every correction the catalog suggests, in transcript order."""
    matcher = Matcher(catalog)
    targets = _targets(catalog)
    out: list[Suggestion] = []
    recent: list[set[str]] = []
    for i, seg in enumerate(transcript.segments):
        found = _names(i, seg.text, targets, catalog) + _terms(i, seg.text)
        recent = (recent + [set(matcher.refs(seg.text))])[-CONTEXT_LINES:]
        prices = {p.price for p in catalog.products if any(p.sku in r for r in recent)}
        found += _prices(i, seg.text, prices)
        out += _without_overlaps(found)
    return out


def _targets(catalog: Catalog) -> list[tuple[str, str]]:
    """(text, reason): names and aliases longest first, then origins."""
    names = sorted({n for p in catalog.products for n in p.names if len(n) >= 2}, key=len, reverse=True)
    origins = sorted({p.origin for p in catalog.products if p.origin and len(p.origin) >= 3}, key=len, reverse=True)
    return [(n, "商品名") for n in names] + [(o, "产地") for o in origins]


def _names(i: int, text: str, targets: list[tuple[str, str]], catalog: Catalog) -> list[Suggestion]:
    exact = [(s, e) for s, e, _ in catalog.mentions(text)]
    exact += [(m.start(), m.end()) for o in {p.origin for p in catalog.products if p.origin}
              for m in re.finditer(re.escape(o), text)]
    reading = syllables(text)
    out = []
    for name, reason in targets:
        score, at = best_window(text, name, reading)
        if at < 0 or text[at:at + len(name)] == name:
            continue
        span = text[at:at + len(name)]
        if not all(is_cjk(c) for c in span) or any(s < at + len(name) and at < e for s, e in exact):
            continue
        alike = [char_similarity(a, b) for a, b in zip(span, name)]
        same = sum(a == 1.0 for a in alike)
        close = sum(a >= 0.85 for a in alike)
        need = 0.9 if len(name) == 2 else 0.75
        if score >= need and same >= 1 and close * 2 > len(name) and min(alike) > 0:  # every character sounds alike
            out.append(Suggestion(i, at, at + len(name), span, name, reason))
    return out


def _terms(i: int, text: str) -> list[Suggestion]:
    reading = syllables(text)
    out = []
    for term in SALE_TERMS:
        sound = syllables(term)
        n = len(term)
        for at in range(len(text) - n + 1):
            span = text[at:at + n]
            if span != term and reading[at:at + n] == sound and all(is_cjk(c) for c in span):
                out.append(Suggestion(i, at, at + n, span, term, "直播用语"))
    return out


def _prices(i: int, text: str, prices: set[float]) -> list[Suggestion]:
    out = []
    for m in PRICE_DIGIT_RE.finditer(text):
        number, unit, money, digit = m.groups()
        fixed_unit = "块" if unit == "快" else unit
        fixed_digit = DIGITS.get(digit, digit) if digit else ""
        if fixed_unit == unit and fixed_digit == (digit or ""):
            continue
        right = f"{number}{fixed_unit}{money}{fixed_digit}"
        if digit and not any(abs(v - p) < 0.005 for v in price_values(right) for p in prices):
            right = f"{number}{fixed_unit}{money}{digit}"  # the digit only when it gives a catalog price
            if right == m.group(0):
                continue
        out.append(Suggestion(i, m.start(), m.end(), m.group(0), right, "价格"))
    return out


def _without_overlaps(found: list[Suggestion]) -> list[Suggestion]:
    """Longest first; a suggestion overlapping a kept one is dropped."""
    kept: list[Suggestion] = []
    for s in sorted(found, key=lambda s: (-(s.end - s.start), s.start)):
        if not any(s.start < k.end and k.start < s.end for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: s.start)


def apply(transcript: Transcript, suggestions: list[Suggestion]) -> Transcript:
    """A copy of ``transcript`` with ``suggestions`` made (right to left within a line)."""
    out = copy.deepcopy(transcript)
    for s in sorted(suggestions, key=lambda s: (s.segment, -s.start)):
        seg: Segment = out.segments[s.segment]
        if seg.text[s.start:s.end] == s.wrong:
            seg.text = seg.text[:s.start] + s.right + seg.text[s.end:]
    return out


def apply_all(transcript: Transcript, catalog: Catalog) -> Transcript:
    return apply(transcript, suggest(transcript, catalog))
