"""What each line of a stream transcript says about the catalog.

References to a product: its link number (一号链接 3.0, a bare 一号 2.0), its full name (3.0) or an
alias (2.5), also as misheard (湛江基围虾 heard as 战将机围虾: by sound and characters, discounted). A
link number that does not exist is no evidence; a near miss (十二号 when the links are 1-5) weighs
0.5 for the product whose number it ends with. Facts of a product: its price said (19.9 as 十九块九,
1.5) and its origin (丹东, 1.0). Cues: an introduction (第二个, 接着看, 最后一个, 先说说), a call to
order, a viewer's question, chat, a lucky draw, the closing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from copilot.base.catalog import Catalog
from copilot.base.zhnum import NUM_PATTERN, zh_to_number
from copilot.media.phonetic import best_window, fuzzy_syllable, is_cjk, syllables
from copilot.media.transcript import Segment

ORDINAL_RE = re.compile(rf"第\s*{NUM_PATTERN}\s*[个款样号]")
INTRO_RE = re.compile(rf"^[，,。\s]*(?:好[，,]?\s*)?(?:第\s*{NUM_PATTERN}\s*[个款样]|最后一[个款样]|下一[个款样]|接着(?:看|说|来)|"
                      r"先(?:说说|看看|来看|给大家)|再(?:来)?(?:看看|说说|来一)|来看看|给大家(?:介绍|推荐|看看)|这一?款|咱们(?:来)?看)")
PRICE_RE = re.compile(rf"{NUM_PATTERN}\s*(?:块|元|快|毛)|直播[价架]|[原特]价|优惠|便宜|划算|秒杀")
CTA_RE = re.compile(r"[扣叩口]\s*[一1衣]|(?<![最然之以])后\s*[一1]|\+\s*\d|下单|拍下|去拍|直接拍|抢|想要的|要的朋友|留着|给您留|给你留|上车|接龙|库存|"
                    r"限[购够]|链接|登记|先到先得")
ASKED_RE = re.compile(r"(?:有|好多|很多|不少)[^，。！？,]{0,5}?[问说](?!明)|(?:朋友|邻居)们?[在再]问")
CHAT_RE = re.compile(r"吃过晚饭|边吃边聊|天气|下雨|风挺大|带把伞|点个?关注|关注一下|老板娘|几点能来|取货|备注|楼号|聊聊|唱歌|欢迎")
DRAW_RE = re.compile(r"抽个奖|来抽奖|开始抽奖|抽奖了|抽[一二两三四五六七八九十\d]+[位个名]|福袋|红包|点赞[到过]|截屏|倒数|幸运观众|奖品")
CLOSING_RE = re.compile(r"就到这里|下播|不见不散|明天见|晚上见|拜拜|再见|谢谢大家的陪伴")
PRICE_VALUE_RE = re.compile(rf"({NUM_PATTERN})\s*(?:块|元|快)钱?\s*(?:([零一二两三四五六七八九\d]|[酒久吧把爸期其留流舞午散伞])(?=$|[，。！？、,.!?\s毛角一]))?")
LINK_WORD_RE = re.compile(r"链接|练[结街接节]")
REF_NAME, REF_ALIAS, REF_LINK, REF_NUMBER, REF_NEAR = 3.0, 2.5, 3.0, 2.0, 0.5
FUZZY_DISCOUNT = 0.8


@dataclass
class Line:
    """One clause of the transcript with what it says about the catalog."""
    seg: Segment
    pause: float = 0.0  # silence before it (s)
    refs: dict[str, float] = field(default_factory=dict)  # sku -> strongest reference
    facts: dict[str, float] = field(default_factory=dict)  # sku -> facts stated
    intro: bool = False
    cta: bool = False
    asked: bool = False  # 有朋友问 / 有邻居说: a viewer's question or remark (about this product or not)
    chat: bool = False  # small talk: the weather, pickup times, 点个关注
    draw: bool = False
    closing: bool = False

    @property
    def text(self) -> str:
        return self.seg.text

    def evidence(self, sku: str) -> float:
        return self.refs.get(sku, 0.0) + self.facts.get(sku, 0.0)


class Matcher:
    """Finds the catalog in text: exact, misheard, by link number, by facts."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.names = [(n, p.sku, REF_NAME if n == p.name else REF_ALIAS) for p in catalog.products
                      for n in p.names if len(n) >= 2]
        self.sounds = {n: {fuzzy_syllable(s) for s in syllables(n) if s} for n, _, _ in self.names}
        self.origins = {p.sku: {p.origin[i:i + 2] for i in range(len(p.origin) - 1)} for p in catalog.products
                        if p.origin}
        self.prices = {p.sku: p.price for p in catalog.products}

    def refs(self, text: str) -> dict[str, float]:
        out: dict[str, float] = {}

        def add(sku: str, weight: float) -> None:
            out[sku] = max(out.get(sku, 0.0), weight)

        for start, end, p in self.catalog.mentions(text):
            add(p.sku, REF_NAME if text[start:end] == p.name else REF_ALIAS)
        for start, end, p, n in self.catalog.links(text):
            if p is not None:
                add(p.sku, REF_LINK if LINK_WORD_RE.search(text[end:end + 3] + text[max(0, start - 3):start])
                    else REF_NUMBER)
            elif n is not None and n >= 10 and self.catalog.by_link(n % 10) is not None:
                add(self.catalog.by_link(n % 10).sku, REF_NEAR)  # 十二号 for 二号: weak at most
        self._misheard(text, add)
        return out

    def _misheard(self, text: str, add) -> None:
        reading = None
        heard = None
        for name, sku, weight in self.names:
            if name in text or len(text) < len(name):
                continue
            heard = heard if heard is not None else {fuzzy_syllable(s) for s in syllables(text) if s}
            if len(self.sounds[name] & heard) * 2 < len(self.sounds[name]):
                continue
            reading = reading or syllables(text)
            score, _ = best_window(text, name, reading)
            if score >= (0.85 if len(name) == 2 else 0.7):
                add(sku, weight * FUZZY_DISCOUNT * score)

    def facts(self, text: str) -> dict[str, float]:
        out: dict[str, float] = {}
        for sku, grams in self.origins.items():
            if any(g in text for g in grams if all(is_cjk(c) for c in g)):
                out[sku] = out.get(sku, 0.0) + 1.0
        said = price_values(text)
        for sku, price in self.prices.items():
            if any(abs(v - price) < 0.005 for v in said):
                out[sku] = out.get(sku, 0.0) + 1.5
        return out

    def lines(self, segments: list[Segment]) -> list[Line]:
        out = []
        for i, seg in enumerate(segments):
            text = seg.text
            intro = bool(INTRO_RE.search(text))
            out.append(Line(seg=seg, pause=seg.start - segments[i - 1].end if i else seg.start,
                            refs=self.refs(text), facts=self.facts(text), intro=intro,
                            cta=bool(CTA_RE.search(text)), asked=bool(ASKED_RE.search(text)),
                            chat=bool(CHAT_RE.search(text)),
                            draw=not intro and bool(DRAW_RE.search(text)), closing=bool(CLOSING_RE.search(text))))
        return out


_HOMOPHONE_DIGITS = {"酒": "九", "久": "九", "吧": "八", "把": "八", "爸": "八", "期": "七", "其": "七", "留": "六",
                     "流": "六", "舞": "五", "午": "五", "散": "三", "伞": "三"}  # a misheard digit after 块


def price_values(text: str) -> list[float]:
    """Prices said in ``text``: 十九块九 -> 19.9, 49块酒 -> 49.9 (a misheard 九), 二十六块 -> 26."""
    out = []
    for m in PRICE_VALUE_RE.finditer(text):
        whole = zh_to_number(m.group(1))
        if whole is None:
            continue
        tail = m.group(2)
        if tail:
            tenth = zh_to_number(_HOMOPHONE_DIGITS.get(tail, tail))
            if tenth is not None and tenth < 10:
                whole += tenth / 10
        out.append(round(whole, 2))
    return out
