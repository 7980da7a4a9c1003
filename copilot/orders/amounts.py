"""Quantities in a comment and what they mean for a product: 2斤, 一斤半, 500g, 扣2, 来俩, 各一, 柠檬2,
and the checks every ordered quantity passes (the sale unit, whole pieces, limits, stock).

A quantity's unit converts to the product's sale unit only when a person would read it so: weights
between 斤, 公斤 and 克; the sale unit itself, and 份 for a product sold by the box, bag or portion (两份 of a
斤 or 只 product asks how much); 个 for a product sold by the piece, but not for one whose sale unit holds
several pieces (``每盒 6 个``: 6个 is one box, not six); 只 / 枚 for a product sold by one single thing, and
a measure word that counts the same single items as the sale unit (one shape in ``classifiers``: 颗/棵, 听/罐,
支/根/条, 张/片/块, 卷/轴/盘, 串/挂, and 件 of the wholesale trade for a 箱: 整件 is a whole case).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from copilot.base.catalog import WEIGHT_UNITS, Product
from copilot.base.products import PACK_UNITS, SALE_UNITS
from copilot.base.zhnum import NUM_PATTERN, zh_to_number
from copilot.orders.classifiers import GENERAL, ONE_THING, PACKS, SAME_COUNT, SPOKEN, same_count, units_as_meant
from copilot.orders.intent import LIMIT_WORD, ODD_AMOUNT_WORD, Intent, Item, Kind

IMPLAUSIBLE_QTY = 100
# 每盒 6 个: what one sale unit holds (not 可切 8 块, 切成10片: how it can be cut, still one piece)
_SPAN_START = re.compile(r"\d\s*[-~～到至]\s*$")  # the 3- of 3-4 个: a span of pieces, no count
_PIECES = re.compile(r"(?<![切分]\s)(?<![切分成])\d+\s*(?P<w>个|枚|只|片|颗|粒|根|块|支|条|串)")
# the parts a buyer's 个 may mean in a spec of a set, string or pair (not a packed unit): one 套 of 6 个 bowls is not
# 一个; one 套 of 8 支 brushes, a 串 of 6 颗 haws, a 串 of 100 颗 bulbs, a 套 of 1 只 leg + 1 盒 fries is (the spec counts
# the parts in another word, and only ``pack`` converts: knowledge/README.md)
_ONE_LIKE = ("个", "枚")
# one source of the units: every unit a catalog may sell in or declare a pack in (``base.products``: SALE_UNITS,
# PACK_UNITS, so a pack of 10小包 is read as 小包 here too), and the words only viewers say (一升, 一棵); not a
# size (5斤装 names a box and counts none), nor 两, which is "two" as often as a tenth of a 斤 (``_LIANG`` reads
# 8两, 二两, 1斤2两). Longest first, so 公斤 wins over 斤, 千克 over 克, 小包 over 包
_SPOKEN_ONLY = SPOKEN
_NOT_COUNTS = ("斤装", "两")
UNIT_WORDS = tuple(sorted(dict.fromkeys(u for u in (*SALE_UNITS, *PACK_UNITS, *_SPOKEN_ONLY) if u not in _NOT_COUNTS),
                          key=len, reverse=True))
# a number before any classifier is a count in that classifier, never the sale unit by default: 要3片 of a box is
# three slices (a person asks), not three boxes; each classifier a pack may declare (``PACK_UNITS``) is here
# classifiers a shop assistant counts the same (一棵白菜 is one 颗, 6罐 are 6听, 5根雪糕 are 5支, 法棍两条 2根,
# 两碗豆腐脑 are 2份: a 份 of a dish is a bowl, and nobody tells 一包 from 一袋)
# 份 is a portion: it is the sale unit only when that unit is itself a portion or a pack of one (a box, bag, pack,
# bowl, cup, can). Of any other unit a person asks: a 只 of trotters cut in half (a whole one or a half?), a 把 of
# greens or of 10 skewers, a 个 of buns (one bun or a serving?), a case (箱, 提: a case or a can?), a bottle or tub
# (牛奶来2份: a bottle or a poured serving?), a weight (两份 of a 斤 product: how much is a 份?)
_PORTIONS = ("盒", "袋", "包", "份", "碗", "杯", "罐", "听")
# the measure words a person counts the same, and what each counts: ``classifiers`` (件 is the wholesale and drinks
# trade's word for a case: 来一件 of beer sold by the 箱 is one 箱; of a 提, a 瓶 or a 斤 product a person asks)
# units that hold an unsaid number of things: 个 of one (来2个 of a 盒) is a piece or a box? a person asks (not a 份,
# a portion or a service sold as one thing: 来一个 is one 份, as ``knowledge/README.md``'s 个 rule says)
_PACKS = PACKS
_PIECE_WORDS = ("个", "枚", "只", "片", "颗", "粒", "根", "块", "支", "条", "串", "小包")
PIECE_WORDS = _PIECE_WORDS  # the words that count single pieces, public for the readers of a quantity alone
GRAMS = {"克": 1.0, "g": 1.0, "斤": 500.0, "公斤": 1000.0, "千克": 1000.0, "kg": 1000.0}
UNIT = "(?:" + "|".join(re.escape(u) for u in UNIT_WORDS) + ")"
# 配个奶嘴, 配两盒: 配 asks for goods to go with the order (not 搭配, 分配, 配送, 配料)
VERB = r"(?:再来|再要|再加|预定|预订|扣|\+|加|x|\*|来|要|拿|买|订|定|留|抢|切|称|(?<![搭分装调])配(?=\s*(?:个|[一两俩二三四五\d])))"
# quantity with a unit: 2斤, 一斤半, 两斤半, 半斤, 1.5kg, 500g (来个半斤: the 半 of 半斤, not 个半)
_QTY_UNIT = re.compile(rf"(?P<n>{NUM_PATTERN})?\s*(?P<u>{UNIT})(?P<half>半(?!\s*{UNIT}))?|(?P<h>半)\s*(?P<u2>{UNIT})")
# quantity after an order word: 扣2, +2, x2, 来俩, 要3
QTY_MARK = re.compile(rf"(?:{VERB}|各|每样|每种)\s*(?P<n>{NUM_PATTERN})(?!\s*(?:号|{UNIT}|\.\d))")
# 一打, 两打: a dozen pieces (not 打折, 打包, 打错)
_DOZEN = re.compile(rf"(?P<n>{NUM_PATTERN}|半)\s*打(?![折包错电开算卡扰听])")
# 两三斤, 三五个: two numbers side by side are a rough amount, not 23 or 35
_ROUGH = re.compile(r"^(?:一两|一二|两三|二三|三四|三五|四五|五六|六七|七八|八九)$")
# 来袋带鱼, 要盒草莓, 再来份: an order word and a unit with no number before the product (or alone) is one
_ONE_UNIT = re.compile(r"(?<=来|要|拿|买|配)(?P<u>袋|盒|瓶|份|个|只|条|斤|箱|包|桶|罐|把|根|串|提|兜|块|板|杯|颗|棵|听|支|扎|捆|台|部|副|双|套|件|盏|顶|张|片|卷|盘|挂|筒|对)"
                       r"(?=#|$)|(?<=[带留捎])(?P<c>杯|瓶|盒|袋|份|个|只|条|根|支|把|串|顶|盏|张|双|副|桶|罐|包|套|件|块|箱|提)(?=#)")
# a number glued to a masked product name (#): 柠檬2, 2柠檬, 排骨1.5 (a half: 芒果25.6 is more likely a price)
_GLUED = re.compile(r"(?<=#)\s?(?P<n>\d{1,2}|\d\.5)(?![\d.]|\s*[号元])|(?<![\d.])(?P<b>\d{1,2})(?=\s?#)")


# the formal numerals of receipts (来肆瓶, 贰斤): a quantity only before a unit or after an order word (收拾, 队伍
# and 陆 the surname are no numbers)
_FORMAL = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟"
_AS_PLAIN = str.maketrans(_FORMAL, "一二二三三四五六六七八九十百千")
_NUMERAL_RUN = re.compile(rf"[零一二两三四五六七八九十百千{_FORMAL}]+")
_UNIT_AHEAD = re.compile(rf"\s*{UNIT}")
_VERB_BEHIND = re.compile(rf"{VERB}\s*$")


def plain_numerals(t: str) -> str:
    """巴氏鲜奶来肆瓶 -> 巴氏鲜奶来四瓶: formal numerals said as a quantity, written as the everyday ones."""
    if not any(ch in _FORMAL for ch in t):
        return t

    def plain(m: re.Match) -> str:
        run = m.group(0)
        if any(ch in _FORMAL for ch in run) and (_UNIT_AHEAD.match(t, m.end()) or _VERB_BEHIND.search(t[:m.start()])):
            return run.translate(_AS_PLAIN)
        return run
    return _NUMERAL_RUN.sub(plain, t)


# 来5瓶 不对 4瓶, 两提 哦不 三提: a quantity taken back in the same breath, the one said after it is meant (打错了 / 说错了
# speak of a comment sent before: a change, read by ``rules``); the new quantity ends the clause (5斤 不对 4斤都不到 is talk)
_TAKEN_BACK = r"(?:[哦噢喔啊呃额]?不对|[哦噢喔啊呃额]不|不不+)[啦了,，:：\s]*(?:是|应该是|要|来)?\s*"
# (来2两 哦不 来四两: 两 after a number is the weight, a unit taken back too)
# (来一斤 哦不 半斤: 半 is an amount too; 两瓶吧: a particle may close the new one)
_AMOUNT = rf"(?:{NUM_PATTERN}半?|半)"
_SAID_END = r"(?=[吧啊呀哈]*(?:$|[\s,，。!！~～]))"
_RETRACT = re.compile(rf"(?P<old>{_AMOUNT})\s*(?P<u>{UNIT}|两)?[,，\s]*{_TAKEN_BACK}"
                      rf"(?P<new>{_AMOUNT})\s*(?P<nu>{UNIT}|两)?(?P<half>(?<=\S)半)?{_SAID_END}")
# 我要三把红玫瑰 哦不对是两把: the quantity said first, then the goods, then taken back: 两把红玫瑰
_RETRACT_BEFORE = re.compile(rf"(?P<old>{_AMOUNT})\s*(?P<u>{UNIT})(?P<name>[\u4e00-\u9fff]{{2,8}}?)[,，\s]*"
                             rf"{_TAKEN_BACK}(?P<new>{_AMOUNT})\s*(?P<nu>{UNIT})?{_SAID_END}")


# 一整箱, 两整只, 来个整件: a whole case (animal, box) is one of the unit, 整 says whole (not loose, not cut)
_WHOLE = re.compile(rf"(?<=[\d一二两俩三四五六七八九十])\s*整(?={UNIT})|(?<=[来要拿买])个整(?={UNIT})")


def as_said(t: str) -> str:
    """The quantities of a comment as meant: formal numerals written plain, a quantity taken back dropped, 一整箱
    as 一箱."""
    t = units_as_meant(retracted(plain_numerals(t)))
    return _WHOLE.sub(lambda m: "" if "个" not in m.group(0) else "一", t) if "整" in t else t


def retracted(t: str) -> str:
    """牛栏山来5瓶 不对 4瓶 -> 牛栏山来4瓶: the quantity taken back in the same comment is dropped, the new one
    keeps the old one's unit when it says none (来5瓶 不对 4 -> 来4瓶)."""
    if "不" not in t:
        return t
    t = _RETRACT_BEFORE.sub(lambda m: m.group("new") + (m.group("nu") or m.group("u")) + m.group("name"), t)
    return _RETRACT.sub(lambda m: m.group("new") + (m.group("nu") or _unit_kept(m.group("u"), m.group("new")))
                       + (m.group("half") or ""), t)


def _unit_kept(unit: str | None, new: str) -> str:
    """The unit of the quantity taken back, for a new one that says none; none when the new numeral ends with the
    weight 两 itself (四两 of 来2两 哦不 来四两)."""
    return "" if not unit or unit == "两" and len(new) > 1 and new.endswith("两") else unit


@dataclass
class Quantity:
    start: int
    end: int
    value: float
    unit: str | None  # None = the product's sale unit
    rough: bool = False  # 两三斤: about that much, a person asks how much
    dozen: bool = False  # 一打, 半打: 个 counted by the dozen (counts only goods sold by the 个 or packed in 个)
    liang: bool = False  # 2两: said in 两, the market's tenth of a 斤 (read as 0.2 斤), no unit a listing is sold in


def rough(number: str | None) -> bool:
    """``两三``, ``三五``: a rough amount (read digit by digit it would be 23, 35)."""
    return bool(number) and bool(_ROUGH.match(number.strip()))


# 8两, 二两, 1斤2两: 两 after a number is the market's tenth of a 斤 (两 alone is "two")
# 一斤二, 1斤2: a 斤 then one numeral ending the quantity is that many 两 (the market's way of saying 1斤2两)
# (10两, 十五两: ten 两 and more are a 斤 and more, not the 0两 of 10两 or the "two" of 十两)
_LIANG = re.compile(r"(?:(?P<j>\d+|[一二两三四五六七八九十]+)斤)?"
                    r"(?<![\d一二三四五六七八九十])(?P<l>[1-9]?\d|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
                    r"两(?![一二两三四五六七八九十\d]|半)|"
                    r"(?P<j2>\d+|[一二两三四五六七八九十]+)斤(?P<l2>\d|[一二三四五六七八九])(?=$|[\s,，。.!！~～、;；+＋])")


_SPAN_OF_TIME = re.compile(r"\s*(?:月|星期|礼拜|小时|钟头|工作日)")


def read_quantities(masked: str) -> list[Quantity]:
    """The quantities of a clause whose product names are masked with ``#``."""
    out: list[Quantity] = []
    for m in _LIANG.finditer(masked):
        j = m.group("j") or m.group("j2")
        jin = zh_to_number(j) if j else 0.0
        tenths = zh_to_number(m.group("l") or m.group("l2"))
        if jin is not None and tenths is not None:
            out.append(Quantity(m.start(), m.end(), round(jin + tenths / 10, 3), "斤", liang=not j))
    for m in _QTY_UNIT.finditer(masked):
        if _covered(out, m.start()) or masked[max(m.start() - 1, 0):m.start()] == "第":
            continue  # 第3个: an ordinal, no quantity
        unit = m.group("u") or m.group("u2")
        if unit == "件" and masked.startswith("事", m.end()):
            continue  # 说一件事: a matter, no goods
        if m.group("h"):
            value = 0.5
        elif m.group("n") is None:
            if unit != "斤" or not m.group("half"):  # "斤半" = 1.5 斤
                continue
            value = 1.0
        else:
            value = zh_to_number(m.group("n"))
            if value is None:
                continue
        if m.group("half"):
            value += 0.5
        span = _SPAN_OF_TIME.match(masked, m.end()) if unit == "个" and not m.group("half") else None
        end = span.end() if span else m.end()  # 两个月, 三个星期: a span of time, it converts to no goods (a person asks)
        out.append(Quantity(m.start(), end, value, unit + span.group(0).strip() if span else unit, rough(m.group("n"))))
    for m in _DOZEN.finditer(masked) if "打" in masked else ():
        value = 0.5 if m.group("n") == "半" else zh_to_number(m.group("n"))
        if value is not None and not _covered(out, m.start()):
            out.append(Quantity(m.start(), m.end(), value * 12, "个", rough(m.group("n")), dozen=True))
    for m in _ONE_UNIT.finditer(masked):
        if not _covered(out, m.start()):
            out.append(Quantity(m.start(), m.end(), 1.0, m.group("u") or m.group("c")))
    for m in QTY_MARK.finditer(masked):
        if _covered(out, m.start("n")):
            continue
        value = zh_to_number(m.group("n"))
        if value is not None:
            out.append(Quantity(m.start(), m.end(), value, None, rough(m.group("n"))))
    for m in _GLUED.finditer(masked) if "#" in masked else ():
        n = "n" if m.group("n") else "b"
        if not _covered(out, m.start(n)):
            out.append(Quantity(m.start(n), m.end(n), float(m.group(n)), None))
    return sorted(out, key=lambda q: q.start)


def _covered(found: list[Quantity], pos: int) -> bool:
    """``pos`` lies inside a quantity already read (8两 before 两, 2斤 before 扣2's mark)."""
    return any(q.start <= pos < q.end for q in found)


def to_sale_unit(q: Quantity, p: Product) -> float | None:
    """The quantity in the product's sale unit, or None when the unit does not convert. Only the sale unit (or
    a word a shop assistant counts the same), a weight for goods sold by weight, and what the catalog declares
    (``pack: 500克``: 要一斤 is 1 袋) convert; a weight for a bag, 个 for a box of pieces: a person asks."""
    if q.unit is None or q.unit == p.unit:
        return q.value
    size = p.pack_size
    if size is not None and size[1] == q.unit:
        return _declared(q, p)  # 保鲜剂20袋 of a 包 of 10袋: 2 包, though 袋 and 包 are otherwise told the same
    if size is not None and size[1].endswith(q.unit) and size[1] not in GRAMS:  # (not 斤 of a 公斤)
        return None  # 来两包 of a 袋 of 5小包: two bags or two 小包? (a person asks; 包 is not told from 袋 here)
    if q.unit == "份" and _portion(p) or same_count(q.unit, p.unit) and (p.unit not in GENERAL or not holds_pieces(p)):
        return q.value  # 两份 of a 斤 product: how much is a 份? (a person asks)
    unit = {"千克": "公斤", "kg": "公斤", "g": "克"}.get(q.unit, q.unit)
    if p.is_weight:
        jin = {"斤": q.value, "公斤": q.value * 2, "克": q.value / 500}.get(unit)
        return None if jin is None else round(jin / WEIGHT_UNITS[p.unit], 3)
    declared = _declared(q, p)
    if declared is not None:
        return declared
    if unit == "个" and p.unit == "枚":
        return q.value  # 10个, 一打 of eggs sold by the 枚: one piece each (LABELS rule 4)
    if unit == "个" and p.unit not in _PACKS and not holds_pieces(p) and not q.dozen and not pair_of_parts(p) \
            or unit in ("只", "枚") and (p.unit == "个" or p.unit in ONE_THING and not holds_pieces(p)):
        return q.value  # 个 is the everyday classifier for one thing (两只猪蹄, 6枚鸡蛋 are so many 个); a dozen of 瓶: a person asks
    return None


# 一副两只, 一对 2 个: the spec counts the two pieces a pair is made of (护膝, 车灯, 哑铃), so 来一个 may be one piece or one
# pair (a person asks); a pair whose spec counts no pieces (一副眼镜, 一副耳机) is one thing, and 个 counts it
_PAIR_PARTS = re.compile(r"[一1]\s*[双副对]\s*[两二2]\s*[只个枚片块]")


def pair_of_parts(p: Product) -> bool:
    """``p`` is sold by the pair (双 / 副 / 对) and its spec says the pair is two pieces."""
    return p.unit in SAME_COUNT.get("对", ()) | {"对"} and bool(_PAIR_PARTS.search(p.spec or ""))


def whole_packs(q: Quantity, p: Product) -> bool:
    """``q``, said in another unit than ``p``'s, is whole packs of ``p`` by its declared ``pack`` (10双 of a 盒 of
    5双: 2 盒)."""
    return whole_count(_declared(q, p) if q.unit != p.unit else None)


def whole_count(qty: float | None) -> bool:
    """``qty`` is a whole number of units, at least one (2.0, not 0, 1.5 or unknown)."""
    return qty is not None and qty > 0 and float(qty).is_integer()


def _declared(q: Quantity, p: Product) -> float | None:
    """The quantity in sale units by the catalog's ``pack`` (500克, 20个), or None: 要1斤 of a 500-克 袋 is 1,
    要半斤 is 0.5 (not a whole bag: ``check_items`` sends it to review), 要40个 of a 20-个 板 is 2."""
    size = p.pack_size
    if size is None:
        return None
    n, u = size
    if q.dozen and u != "个":
        return None  # 一打 of a 桶 of 12只, of a 箱 of 12瓶: a dozen counts 个, through another count word a person asks
    if q.unit in GRAMS and u in GRAMS:
        return round(q.value * GRAMS[q.unit] / (n * GRAMS[u]), 3)
    if q.unit in ("个", "枚") and u == "只" and p.unit in SAME_COUNT.get("对", ()):
        return None  # 来两个 of wings sold by the 对 of 2只: two wings or two pairs (a pair is one thing too)? a person asks
    if q.unit == u or u in SAME_COUNT.get(q.unit, ()) or q.unit in ("个", "枚") and u in _PIECE_WORDS \
            or q.unit == "只" and u == "个":  # 来18只 of a 套 of 6个: 只 counts as 个, as for the sale unit
        return round(q.value / n, 3)
    return None


def _portion(p: Product) -> bool:
    """一份 is one sale unit only when the unit is a portion or a pack (盒, 袋, 包, 份, 碗, 杯, 罐, 听); of a whole
    thing (只, 个, 块), a bundle (把), a case, a bottle or a weight, a 份 may be the unit or a part of it."""
    return p.unit in _PORTIONS and not _SERVINGS.search(p.name)


# 料包 3人份, 火锅底料 2-3人份, 4份装: the name counts the servings inside one sale unit, so 来3份 may be three packs
# or one pack of 3 servings (a person asks)
_SERVINGS = re.compile(r"\d\s*(?:人份|份装)")


def holds_pieces(p: Product) -> bool:
    """``每盒 6 个``, ``每盒 30 枚`` (or ``pack: 6个``): one sale unit holds several pieces, so 个 is not the sale unit.
    Not a piece sold by itself (a 支, 根, 只) whose spec only counts its parts as a span (每支 3-4 个花苞, 每串 20-30 颗):
    no count a buyer orders by, so 来5个 of it is 5 of the pieces sold. Nor a set or bottle (not a pack unit) whose spec
    counts parts a 个 cannot mean (一套 12 支批头, 一瓶 60 片): 来一个 is one set."""
    size = p.pack_size
    return p.unit != "个" and (_spec_counts(p.unit, p.spec or "")  # a pack of one (1碗, 1件) holds one piece
                               or size is not None and size[1] not in GRAMS and size[0] > 1)


@functools.lru_cache(maxsize=1024)
def _spec_counts(unit: str, spec: str) -> bool:
    found = [m.start() for m in _PIECES.finditer(spec) if unit in _PACKS or m.group("w") in _ONE_LIKE]
    return bool(found) and not (unit in _PIECE_WORDS and all(_SPAN_START.search(spec[:at]) for at in found))


def check_items(kind: Kind, pairs) -> Intent:
    merged: dict[str, float] = {}
    products: dict[str, Product] = {}
    for product, q in pairs:
        if q.rough:
            return _review(kind, "数量说的是个大概（两三、三五这样），请确认要多少")
        qty = to_sale_unit(q, product)
        if qty is None:
            return _review(kind, f"{product.name}按{product.unit}卖，「{fmt_qty(q.value)}{q.unit}」换算不了")
        merged[product.sku] = merged.get(product.sku, 0.0) + qty
        products[product.sku] = product
    items = tuple(Item(sku, qty, products[sku].unit) for sku, qty in merged.items())
    for item in items:
        p = products[item.sku]
        if item.qty <= 0:
            return _review(kind, "数量为零", items)
        if (not p.is_weight or whole_units_only(p)) and not float(item.qty).is_integer():
            return _review(kind, f"{p.name}按{p.unit}卖，数量{fmt_qty(item.qty)}不是整数", items)
        if p.limit_per_buyer and item.qty > p.limit_per_buyer:
            return _review(kind, f"{p.name}{LIMIT_WORD}{fmt_qty(p.limit_per_buyer)}{p.unit}，"
                                 f"这条要{fmt_qty(item.qty)}{p.unit}", items)
        if item.qty >= IMPLAUSIBLE_QTY or item.qty > p.stock:
            return _review(kind, f"{ODD_AMOUNT_WORD}：{fmt_qty(item.qty)}{p.unit}（库存{fmt_qty(p.stock)}）", items)
    return Intent(kind, items)


def whole_units_only(p: Product) -> bool:
    """散称按整斤卖, 只卖整斤: goods the listing says it sells by whole units only, though sold by weight (半斤 and
    一斤半 of them are for a person)."""
    u = re.escape(p.unit)
    return bool(p.spec and re.search(rf"按整{u}|只卖整{u}|整{u}卖", p.spec))


def _review(kind: Kind, reason: str, items: tuple[Item, ...] = ()) -> Intent:
    return Intent(kind, items, needs_review=True, reason=reason)


def fmt_qty(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


# 65W×2: the multiplication sign is never a letter, so even glued to a name's letters it is the times mark (65Wx2 is
# a word: the rules read x as times only apart from the name)
_TIMES = re.compile(r"[×✕✖]\s*(?=[\d０-９])")


def times_apart(text: str) -> str:
    """``text`` with each multiplication sign before a count set apart as x (65W×2 -> 65W x2), before normalizing
    (which reads × as the letter x)."""
    return _TIMES.sub(" x", text) if "×" in text or "✕" in text or "✖" in text else text
