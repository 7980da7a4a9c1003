"""One goods in several sizes or colours (LABELS rule 9): 章丘铁锅 32cm / 34cm, 麻将桌布 墨绿 / 宝蓝, 抓夹 大号 / 小号,
鲜榨橙汁 中杯 / 大杯. A word of those goods said without the size (铁锅来一个, 桌布 x2), with one of them on screen, is
the one on screen: the viewer names the goods the host is holding up, as 扣1 does. With none of them shown it stays
for a person, and so does a family of *different* goods (锅 of a wok and a soup pot, 锅铲 of steel and silicone: rule 5).

Listings are one goods in sizes or colours when their names differ only by words of a size or a colour: a number with
a unit of size (32cm, 40号, 39码, 5kg, 500ml), a letter size (L, XL), a word of ``data/variant_words.txt`` (大号, 中杯,
墨绿, 樱花粉, a grind: 细 / 粗), a colour with the part of the goods it colours (黑盘, 金边: ``data/variant_parts.txt``),
each a word of its own in the name; a range of sizes one listing fits (38-39码) and a
pack's weight written with its container (500克瓶, 5kg袋: ``data/variant_packs.txt``) are such words too. The rest of
the names is the same, and they are sold in one unit.

A size number several listings' names hold, said as a word (32的来两个 of 章丘铁锅 32cm and 不粘锅 32cm), with one
of them shown, is the one shown in the same way.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from copilot.base.catalog import Product
from copilot.orders.amounts import Quantity, to_sale_unit, whole_count
from copilot.orders.classifiers import GENERAL, same_count
from copilot.orders.packs import BRACKETED, one_goods, only_pack_word

_UNITS = r"cm|CM|mm|MM|厘米|毫米|公分|米|寸|英寸|码|kg|KG|g|克|公斤|千克|斤|ml|ML|毫升|L|升|W|瓦"
_NUMBER = r"\d+(?:\.\d+)?"
# 32cm, 40号, and a range of sizes one listing fits (38-39码, 160~165cm)
_SIZE_NUMBER = rf"{_NUMBER}(?:\s*[-~～至到]\s*{_NUMBER})?\s*(?:{_UNITS}|号)"
_LETTER_SIZE = r"(?<![A-Za-z])(?:\d?X{0,3}[SML]|X{1,3}L)(?:码|号)?(?![A-Za-z])"


@cache
def _listed(file: str) -> tuple[str, ...]:
    """The words of a word list in ``data/`` (one or more a line, ``#`` comments), longest first."""
    text = (Path(__file__).parent / "data" / file).read_text(encoding="utf-8")
    words = {w for line in text.splitlines() if not line.startswith("#") for w in line.split()}
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _variant_word() -> re.Pattern:
    """One name word made only of size and colour words (大号11cm, 中杯, 樱花粉, 42号, 38-39码, 500克瓶, XL)."""
    listed = "|".join(map(re.escape, _listed("variant_words.txt")))
    packs = "|".join(map(re.escape, _listed("variant_packs.txt")))  # the containers a pack's size is written with
    parts = "|".join(map(re.escape, _listed("variant_parts.txt")))  # 黑盘, 金边: a colour of one part of it
    piece = rf"(?:{_SIZE_NUMBER}(?:{packs})?|{_LETTER_SIZE}|(?:{listed})色?(?:{parts})?)"
    return re.compile(rf"(?:{piece}\s*)+")


def _core(name: str) -> tuple[str, int]:
    """A name without its words of a size or a colour, and how many such words it had."""
    words = BRACKETED.sub(" ", name).split()
    kept = [w for w in words if not _variant_word().fullmatch(w)]
    return " ".join(kept), len(words) - len(kept)


def sizes_of_one_goods(products) -> bool:
    """``products`` (two or more) are one goods in sizes or colours: their names differ only by such words and they
    are sold in one unit."""
    ps = list(products)
    if len(ps) < 2 or any(not same_count(p.unit, ps[0].unit) for p in ps):
        return False
    cores = [_core(p.name) for p in ps]
    return all(n > 0 and core for core, n in cores) and len({core for core, _ in cores}) == 1


# 32, 32cm, 32的, XL的: a size said as a word (not N号: a link number too, LABELS rule 3 weighs it)
_SIZE_SAID = re.compile(rf"\s*(?:\d+(?:\.\d+)?\s*(?:{_UNITS})?|{_LETTER_SIZE})\s*的?\s*")


def _counts(unit: str, p: Product) -> bool:
    """``unit`` counts ``p`` as sold: its unit, a word counting the same items, or 个 of goods sold by the 只."""
    return same_count(unit, p.unit) or unit in GENERAL and p.unit in GENERAL


def _counts_one(unit: str, p: Product) -> bool:
    """``_counts``, or 个 of one thing that holds no counted pieces (洗衣液来两个 of bottles: two bottles, the 个 rule of
    ``to_sale_unit``): how a word of one goods in sizes is counted."""
    return _counts(unit, p) or unit == "个" and to_sale_unit(Quantity(0, 0, 1.0, unit), p) is not None


def shown_member(owners, current: Product | None, unit: str | None = None) -> Product | None:
    """The listing on screen, when ``owners`` (the listings a word said may name) are one goods in sizes or colours and
    it is one of them; a unit said leaves out the listings of those goods in another pack (橙汁来一杯 of 中杯 / 大杯 by
    the 杯 beside the 1L家庭装 by the 瓶: the cups), not goods of another kind (rule 5). None otherwise."""
    if current is None or current not in owners:
        return None
    fit = [p for p in owners if _counts_one(unit, p)] if unit else list(owners)
    if current not in fit or not sizes_of_one_goods(fit) or len(fit) < len(owners) and not one_goods(owners):
        return None  # (龙井来一斤 of 250克 / 500克 jars: a weight says which size, one jar or two; a person asks)
    return current


def shown_variant(ref, current: Product | None, make_ref, unit: str | None = None):
    """``ref`` (a family word: one of several listings) as the listing on screen, when the family is one goods in sizes
    or colours (铁锅 of 章丘铁锅 32cm / 34cm), or the word is a size several listings' names hold (32 of 铁锅 32cm and
    不粘锅 32cm), and one of them is shown, said in no unit or in the one the shown listing is sold in (1.8的来一个 of a mat
    sold by the 张: a person asks); else ``ref`` as it is."""
    if ref.product is not None or not ref.family or current is None:
        return ref
    if current not in ref.family:
        return _kin_of_shown(ref, current, make_ref, unit)
    if shown_member(ref.family, current, unit) is not None \
            or _SIZE_SAID.fullmatch(ref.label) and (unit is None or _counts(unit, current)):
        return make_ref(ref.start, ref.end, current, ref.label, ref.family, shown=True)
    return ref


_LOOSE = re.compile(r"散[称卖]")  # sold loose, weighed out: 散称 as 散装


def _kin_of_shown(ref, current: Product, make_ref, unit: str | None):
    """散装的来两斤 with 牛肉丸 500克袋 shown beside 牛肉丸（散称）, 牛筋丸（散称）…: a word of a pack several listings hold,
    said of the goods on screen, names the one of them that sells those goods in that pack (as 单的 names their single,
    LABELS rule 2), said in no unit or in its own; else ``ref``. Not a size (32的 with 不粘锅 30cm shown beside 铁锅 32cm
    and 不粘锅 32cm: rule 9 reads it only with one of them shown)."""
    if not only_pack_word(ref.label) and not _LOOSE.fullmatch(ref.label):
        return ref
    kin = [p for p in ref.family if one_goods([current, p])]
    if len(kin) != 1 or unit is not None and not _counts(unit, kin[0]):
        return ref
    return make_ref(ref.start, ref.end, kin[0], ref.label, ref.family, shown=True)


_NUMBER_OF = re.compile(r"(?<![\d.#])(\d{1,3})(?=\s*的)")


def shown_size_said(text: str, refs: list, current: Product | None, make_ref) -> list:
    """5的来一副 with 实木象棋 5cm shown beside the 6cm: a number said with 的 that the shown listing's name holds as its
    size (5cm, 39码, 40号) names the shown listing, no quantity and no link (``make_ref(start, end, product, label)``)."""
    if current is None or "的" not in text:
        return refs
    out = list(refs)
    for m in _NUMBER_OF.finditer(text):
        size = re.compile(rf"(?<![\d.]){m.group(1)}\s*(?:{_UNITS}|号)(?![A-Za-z\d])")
        if any(size.search(n) for n in current.names) and not any(r.start < m.end() and m.start() < r.end for r in out):
            out.append(make_ref(m.start(), m.end(), current, m.group(1)))
    return sorted(out, key=lambda r: r.start) if len(out) > len(refs) else refs


def size_rival(current: Product, q, catalog) -> Product | None:
    """来300克 with 虾滑 150克 shown beside 虾滑 300克 (one goods in two sizes, both by the 盒): an amount said in another
    unit that is two or more packs of the shown size and exactly one pack of another size (two small boxes, or the big
    one?) is that size, for a person to ask, as 虾滑来300克 is (``shown_member``); None otherwise (来600克 with the 300克
    shown: two of it; 来一斤 of 虾仁 大号 500g beside 中号 500g: one of the one shown)."""
    shown = to_sale_unit(q, current)
    if not q.unit or same_count(q.unit, current.unit) or not whole_count(shown) or shown < 2:
        return None
    return next((p for p in catalog if p is not current and p.unit == current.unit and p.pack_size
                 and sizes_of_one_goods([current, p]) and to_sale_unit(q, p) == 1), None)


_HUE = re.compile(r"[黑白红粉蓝绿黄紫灰棕褐橙青金银米咖驼杏]")


def _in_colours(listings) -> bool:
    """The listings tell one goods apart by colour (黑色 / 樱花粉, 蓝盖 / 红盖), not only by size (拉杆箱 20寸 / 24寸: a
    colour said of them is the buyer's remark)."""
    return any(_HUE.search(w) for q in listings for w in BRACKETED.sub(" ", q.name).split() if _variant_word().fullmatch(w))


def colour_outside(note: str, products, catalog) -> str | None:
    """红色的来一把 with 三折自动伞 黑色 shown beside its 樱花粉: a colour or size word of ``data/variant_words.txt`` said
    in the order's note that neither the listing booked nor any other listing of those goods in colours holds names
    goods the shop does not sell: the reason a person asks which is meant, else None (来一个 黑色 of 拉杆箱 20寸 / 24寸,
    sold in sizes only: a remark)."""
    for said in re.findall(r"[\u4e00-\u9fff]+", note or ""):
        word = re.sub(r"色?的?$", "", said)
        if word not in _listed("variant_words.txt"):
            continue
        for p in products:
            kin = [q for q in catalog if q is p or sizes_of_one_goods([p, q])]
            if len(kin) > 1 and _in_colours(kin) and not any(word in n for q in kin for n in q.names):
                return f"说的是{said}，{'、'.join(q.name for q in kin[:4])}里没有这个，请确认要哪一种"
    return None


# 两种颜色, 两个尺码, 三种大小: how many colours or sizes of the goods are said
_KINDS_OF_SHOWN = re.compile(r"(?P<n>[两俩二三四五六2-6])\s*(?:种|个|款)?\s*(?:颜色|色|尺寸|尺码|码|大小|规格)")


def shown_kinds(text: str, current: Product | None, catalog) -> tuple[list[Product], tuple[int, int]]:
    """两种颜色都来一张 with 麻将桌布 墨绿 shown beside 宝蓝: a count of the colours (or sizes) that is how many the shown
    goods are sold in names them all (LABELS rule 5: a count of kinds that is the family's size); the listings and
    where the words are said, else ([], (0, 0))."""
    m = _KINDS_OF_SHOWN.search(text) if current is not None else None
    if m is None:
        return [], (0, 0)
    kin = [p for p in catalog if p is current or sizes_of_one_goods([current, p])]
    n = {"两": 2, "俩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}.get(m.group("n")) or int(m.group("n"))
    return (kin, m.span()) if len(kin) == n > 1 and sizes_of_one_goods(kin) else ([], (0, 0))


__all__ = ["colour_outside", "shown_kinds", "shown_member", "shown_size_said", "shown_variant", "size_rival", "sizes_of_one_goods"]
