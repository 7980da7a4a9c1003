"""Which of several listings of the same goods a unit said picks: 赣南脐橙（10斤装） and （散称） are one goods in two
packs, so 一箱 is the box; 巴氏鲜牛奶 by the 瓶 and 常温纯牛奶 by the 箱 are two goods, so 牛奶来2瓶 stays for a person.
Read from the catalog's names, units and packs (``sold_in``)."""

from __future__ import annotations

import re

from copilot.base.catalog import Product
from copilot.base.zhnum import NUM_PATTERN, zh_to_number
from copilot.orders.amounts import GRAMS, SAME_COUNT, UNIT_WORDS, Quantity, holds_pieces, to_sale_unit, whole_count
from copilot.orders.classifiers import PACKS, same_count
from copilot.orders.memo import per_catalog

# 单饼, 整提, 整箱, 袋装, 罐装, 散装, 精装 / 平装 / 简装 (a book's binding, a gift's wrapping): how it is packed; 5连包, 三连包: a multipack; 中杯, 大桶: how big a pack
_UNITS = "|".join(UNIT_WORDS)
_PACK_WORD = re.compile(rf"[单整散半大中小](?:{_UNITS})|[单整]|(?:{_UNITS}|散|精|平|简)装|(?:\d+|[两三四五六八十])连包")
# 整箱12桶, 整提6瓶: the pack word with the count it holds (the count says how big, not which goods)
_COUNTED = re.compile(rf"(?<=\D)\d+\s*(?:{_UNITS})$")
# 家庭装, 礼盒装, 杯装: a word of how the goods are packed, said after the goods' name and a space; 10条装, 礼盒4只装:
# the count of pieces the pack holds, with the word of the pack before it or none
_PACKED = re.compile(rf"[\u4e00-\u9fff]{{1,3}}装|[\u4e00-\u9fff]{{0,2}}\d+\s*(?:{_UNITS})装")
_SIZE = re.compile(r"\d+(?:\.\d+)?\s*[A-Za-z]{1,3}")  # 500ml, 1.5L: the size of the pack, no pack word
# 2L of 2L桶装: the size glued before a word of how the goods are packed (the 装 word says the pack)
_SIZE_BEFORE = re.compile(rf"^{_SIZE.pattern}(?={_PACKED.pattern}$)")
BRACKETED = re.compile(r"[（(\[【][^）)\]】]*[）)\]】]")  # the pack of a listing: 赣南脐橙（10斤装）
# 半斤袋, 一斤袋, 2斤坛, 12块瓶装, 30枚盒装: what one pack holds, then the pack it is sold in; 5g×10小包: the size of
# each piece times how many a pack holds; 一提10卷: one pack, then what it holds
_HOLDS = re.compile(rf"(?:{NUM_PATTERN}|半)\s*(?:{_UNITS})\s*(?:{_UNITS})装?|"
                    rf"\d+(?:\.\d+)?\s*[A-Za-z]{{1,3}}\s*[x×*]\s*\d+\s*[大小]?(?:{_UNITS})装?|"
                    rf"[一1]\s*(?:{_UNITS})\s*(?:{NUM_PATTERN})\s*(?:{_UNITS})装?")  # 一提10卷, 一条10副: one pack, what it holds


# 两根 of the 支, 两块 of the 片: a word counting the same single item picks the listing sold by it; not a word of a pack
# or a serving (一件 of trade speech for a case, 袋 / 包, 份 / 碗): those name packs, which another listing may be
_CASES = frozenset({*PACKS, "件", "份", "碗", "盘"})


def sold_in(owners, unit: str | None, word: str = "", amount: float | bool | None = None, *,
            filled: bool = True) -> Product | None:
    """The one of ``owners`` sold in ``unit`` (a weight unit fits a product sold by weight), else None. The unit
    tells apart only packs of the same goods (赣南脐橙（10斤装） / （散称）: 一箱 is the box), or the goods of
    the ``word`` from goods made of it (虾 of 河虾 by the 斤, 虾仁 by the 盒). Two kinds of it (the names ending
    with the word: 巴氏鲜牛奶 by the 瓶, 常温纯牛奶 by the 箱; 卤鸭脖 by the 斤, 风干鸭脖 by the 袋) stay for a
    person: 牛奶来2瓶 may be either, the unit said loosely. A weight (``amount`` of ``unit``) said of goods none sold by
    weight, in packs of a weight, names the one it is one pack of, when it fills no other's packs whole (一斤 of 500克 / 1000克 jars: one 500克; 两斤
    and 三斤 stay for a person). The caller passes it only with a product shown, which it must then be: with none
    shown, 曲奇来一斤 of a 500克 jar and 200克 bags may mean a 斤's worth in either (``filled`` False: never). A weight
    that is no whole pack of a jar (半斤 of a 一斤袋) leaves that jar out of the choice. A weight said of goods sold
    loose by weight beside jars of them (土蜂蜜来两斤 of 散装 by the 斤 and a 500克 瓶) is the loose goods: the unit picks the
    listing sold in it (LABELS rule 2), even when the weight fills jars whole. A single character (虾, 奶) is read as before. 个 counts the pieces of any product: it names none
    when another of them is a pack of pieces (葱油饼来4个 of 现烙 per 个 and 冷冻 per 袋 of 10 片)."""
    whole = _filled(owners, unit, amount) if filled else None
    if whole is not None:
        return whole
    if len(word) > 1 and len({_kind_of(p) for p in owners}) > 1:
        return None  # 香菇来一袋 of 花菇 (袋) / 鲜香菇 (斤): different goods, the viewer may not know how each is sold
    kinds = [p for p in owners if any(BRACKETED.sub("", n).endswith(word) for n in p.names)] if word else owners
    if len(word) != 1 and len({_kind_of(p) for p in kinds or owners}) > 1:
        return None  # one character (虾2斤, 奶来2瓶) is read with the screen first, then by the unit, as before
    weight = unit in ("斤", "公斤", "千克", "kg", "克", "g")
    fits = [p for p in owners if unit and (p.unit == unit or weight and p.is_weight
                                           or p.pack_size == (1, unit) and _fills(p, unit, amount))]
    fits = fits or [p for p in owners if p.unit in SAME_COUNT.get(unit or "", ()) and not {unit, p.unit} & _CASES
                    or unit == "个" and p.unit == "枚"]  # 15个 of eggs by the 枚 beside their 30枚 box
    if unit == "个" and any(holds_pieces(p) and not (len(fits) == 1 and p.pack_size and p.pack_size[1] == fits[0].unit
                                                    and _one_goods(p, fits[0])) for p in owners if p not in fits):
        return None  # (鸡蛋 10个 of 鲜鸡蛋 by the 枚 beside its 30枚 box: the pieces the box holds, the single)
    packed = [p for p in owners if p not in fits and p.pack_size and p.pack_size[1] == unit]
    if fits and any(not _one_goods(p, q) for p in packed for q in fits):
        return None  # 袜子要两双 of 地板袜 (by the 双) and 棉袜5双装 (5双 a 包): two goods, both counted in 双
    return fits[0] if len(fits) == 1 else None


def pack_word(p: Product) -> str:
    """The word of ``p``'s name that says only its pack (半只 of 脆皮烧鹅 半只, 整提 of 熟普 整提), else ''."""
    name = BRACKETED.sub("", p.name).strip()
    goods = _goods_of(p)
    return name[len(goods):].strip() if goods != name and name.startswith(goods) else ""


def shown_goods_pack(label: str, family, current: Product | None, catalog) -> Product | None:
    """来半只 with 脆皮烧鹅 整只 shown beside 烧鹅 / 烧鸭 / 白切鸡 each sold as a 半只 too: a word that is only the pack of
    each listing it names (半只, 整只, 整箱) names the one of the goods on screen (LABELS rule 2: the pack said picks
    the listing of the same goods). None when the word says more than the pack of one of them, or no listing, or
    several, are of the shown goods, or when the word tells apart no packs of the shown goods (大桶 of 纯净水 / 山泉水
    18.9L 大桶, each water sold only so: the kind of barrel, not which water)."""
    if current is None or not label:
        return None
    if any(pack_word(p) != label for p in family):
        return None
    same = [p for p in family if p is current or _one_goods(p, current)]
    return same[0] if len(same) == 1 and same_goods(same[0], catalog) else None


def only_pack_word(word: str) -> bool:
    """整盒, 单支, 散装, 袋装: a word that says only how goods are packed (which pack of them), no goods of its own."""
    return bool(_PACK_WORD.fullmatch(word))


def same_goods(p: Product, catalog) -> list[Product]:
    """The listings of ``catalog`` that sell the goods of ``p`` in another pack (红烧牛肉面 单桶 of 红烧牛肉面 整箱12桶)."""
    return [q for q in _by_goods(catalog).get(p, ()) if q is not p]


@per_catalog
def _by_goods(catalog) -> dict[Product, list[Product]]:
    """Each listing of the catalog with the listings of its goods (``_one_goods``), in catalog order."""
    products = list(catalog)
    return {p: [q for q in products if _one_goods(p, q)] for p in products}


def _one_goods(p: Product, q: Product) -> bool:
    """``p`` and ``q`` sell one goods: their names differ only by the pack (``_goods_of``), or one is the declared
    pack of the other (``_pack_of``)."""
    return _goods_of(p) == _goods_of(q) or _pack_of(p, q) or _pack_of(q, p) or _sized_apart(p, q)


def _sized_apart(p: Product, q: Product) -> bool:
    """动物黄油 200g by the 块 and 动物黄油 454g by the 盒, 高筋面粉 1kg by the 袋 and 高筋面粉（散称） by the 斤: one kind of
    goods (``_kind_of``) in packs of a declared weight (or loose by weight), each sold in its own unit, so the unit
    said tells them apart as it tells packs apart. Not sizes sold in one unit (LED灯 9W / 18W, both by the 个: which
    size, a person asks), nor sizes of a volume or a count (纯净水 18.9L 大桶 / 550ml 24瓶装: a 桶 of 5L is no 18.9L 桶)."""
    weighed = [x for x in (p, q) if x.is_weight or x.pack_size is not None and x.pack_size[1] in GRAMS]
    return len(weighed) == 2 and not (p.is_weight and q.is_weight) and p.unit != q.unit \
        and not same_count(p.unit, q.unit) and _kind_of(p) == _kind_of(q)


def _pack_of(p: Product, q: Product) -> bool:
    """肥牛卷 整箱10盒 (a 箱 whose declared pack is 10盒) of 肥牛卷 500g (by the 盒): ``q`` is sold in another unit, its
    declared pack counts in the unit ``p`` is sold in, and its goods are ``p``'s with ``p``'s size set aside. The
    catalog says outright that the 箱 holds these 盒; a size alone (LED灯 9W / 18W, both by the 个) never joins two."""
    return (q.pack_size is not None and q.unit != p.unit and q.pack_size[1] == p.unit
            and _goods_of(q) != q.name.strip() and _kind_of(p) == _goods_of(q))


def single_of(p: Product, catalog) -> Product | None:
    """The single of the goods of ``p`` (肥牛卷 500g by the 盒 beside its 整箱10盒; 熟普 单饼 beside 熟普 整提): the one
    listing of those goods whose unit another listing's declared pack counts in, or whose name says 单 (单饼, 单听).
    None when the goods have no other listing or the catalog does not say which is the single."""
    goods = [p, *same_goods(p, catalog)]
    if len(goods) < 2:
        return None
    singles = [s for s in goods if any(q.pack_size and q.pack_size[1] == s.unit for q in goods if q is not s)
               or BRACKETED.sub("", s.name).rpartition(" ")[2].startswith("单")]
    return singles[0] if len(singles) == 1 else None


def singles_of(products, catalog) -> list[Product]:
    """The singles (``single_of``) of the goods of ``products``, each once, in their order."""
    return list({s.sku: s for p in products for s in [single_of(p, catalog)] if s is not None}.values())


def _other_pack(p: Product, unit: str, catalog, amount: float | None = None) -> Product | None:
    """The other listing of the goods of ``p`` that is sold in ``unit`` (``sold_in``; ``amount`` the quantity said, when
    known), else None."""
    others = same_goods(p, catalog)
    q = sold_in([p, *others], unit, amount=amount, filled=False) if others else None  # 要一斤 of a 200克 bag shown
    # beside a 500克 jar: a part of bags, not the jar by its weight (LABELS rule 2)
    return q if q is not None and q is not p else None


def sold_so(p: Product, label: str, unit: str | None, catalog) -> Product | None:
    """泡面来两桶, where 泡面 is a word of 整箱泡面 (a 箱 of 12桶) only, beside 红烧牛肉面 单桶: a part of one listing's
    names (not a whole name, which names its pack) said with the unit another listing of the same goods is sold in
    names that listing (a unit that tells apart packs of the same goods picks the one sold in it). None otherwise."""
    if not unit or p.unit == unit or label in p.names and label not in _goods_of(p):
        return None  # (红绿灯 of 红绿灯鱼 单条: a name of it that says no pack, as 红绿灯鱼 says none)
    return _other_pack(p, unit, catalog)


def pack_of_shown(current: Product, q: Quantity, catalog) -> Product | None:
    """来一箱 with 红烧牛肉面 单桶 shown beside its 整箱12桶, 来6桶 with the 整箱 shown: a unit that another listing of
    the shown goods is sold in picks that listing (LABELS rule 2, on screen or not). None when the shown listing is
    sold in the unit (or a word counted the same), or its declared pack makes the quantity whole packs (要12包 with
    a 提 of 6包 shown: 2 提, rule 1); when no other or two listings of the goods are sold so, so a part pack stays
    for a person (3饼 of a 7饼 提 with no listing by the 饼), and so does a weight in 两 unless a listing of the goods
    is sold by the 两 (来2两 of a 250克 bag shown beside the loose goods by the 斤: a person asks)."""
    unit = q.unit
    if not unit or current.unit == unit or current.unit in SAME_COUNT.get(unit, ()):
        return None
    if q.liang:  # 来二两 of a 半斤袋 shown: the goods sold by the 两 only (a weight in 两 names no listing by the 斤)
        by_liang = [p for p in same_goods(current, catalog) if p.unit == "两"]
        return by_liang[0] if len(by_liang) == 1 else None
    whole = to_sale_unit(q, current)
    if whole_count(whole):
        return None
    exact = [p for p in same_goods(current, catalog) if p.unit == unit or unit == "个" and p.unit == "枚"]
    if len(exact) == 1 and whole is not None:  # 来3个 with 饭碗 礼盒4只装 shown: the bowl sold by the 个 (a part pack)
        return _in_whole_units(q, exact[0])
    return _in_whole_units(q, _other_pack(current, unit, catalog, q.value))


def _in_whole_units(q: Quantity, other: Product | None) -> Product | None:
    """``other`` when ``q`` is a whole number of its units: 来3两 (0.3 斤) or 来半斤 with a 盒 / 袋 of a weight shown
    beside the loose goods by the 斤 is no whole 斤 of the loose one either; a person asks which is meant."""
    return other if other is not None and whole_count(to_sale_unit(q, other)) else None


def by_unit_of_kind(word: str, owners, unit: str | None, catalog) -> Product | None:
    """泡面来两桶, where 泡面 is a word of 整箱泡面 only and means any instant noodles in speech (红烧牛肉面 单桶, 火鸡面 by
    the 袋): the listing of the goods whose name holds the word sold in the unit said (``sold_so``), when none of the
    other goods the word means is sold in that unit. None otherwise (泡面来两袋: the 火鸡面? a person asks)."""
    held = [p for p in owners if any(word in n for n in p.names)]
    if not unit or len(held) != 1 or not same_goods(held[0], catalog):
        return None  # only a word of one of several packs of one goods
    picked = held[0] if held[0].unit == unit else sold_so(held[0], word, unit, catalog)  # 泡面1箱: 整箱泡面 itself
    if picked is None:
        return None
    rivals = [p for p in owners if not _one_goods(p, picked) and (p.unit == unit or p.pack_size == (1, unit))]
    return None if rivals else picked


def _filled(owners, unit: str | None, amount: float | None) -> Product | None:
    if not amount or unit not in GRAMS or any(p.is_weight for p in owners) or not all(_jar_by_weight(p) for p in owners):
        return None
    grams = amount * GRAMS[unit]
    whole = [p for p in owners if abs(grams / _grams(p) % 1) < 1e-9]
    return whole[0] if len(whole) == 1 and abs(grams - _grams(whole[0])) < 1e-9 else None  # 三斤: 3 small or 1 + 1?


def _fills(p: Product, unit: str, amount: float | bool | None) -> bool:
    """The weight said (``amount`` of ``unit``; unknown when None or a bool) is whole packs of ``p`` or may be."""
    if amount is None or isinstance(amount, bool) or unit not in GRAMS:
        return True
    packs = amount * GRAMS[unit] / _grams(p)
    return abs(packs - round(packs)) < 1e-9 and round(packs) > 0


def _grams(p: Product) -> float:
    return p.pack_size[0] * GRAMS[p.pack_size[1]]


def _jar_by_weight(p: Product) -> bool:
    """A pack a person names by its weight (一斤装, 两斤的): a weight of at most a 公斤, not a box of 10斤."""
    return p.pack_size is not None and p.pack_size[1] in GRAMS and _grams(p) <= 1000


def one_goods(products) -> bool:
    """``products`` are listings of one goods in different packs (熟普 单饼 / 熟普 整提, 重庆酸辣粉 桶装 / 5连包)."""
    return len({_kind_of(p) for p in products}) == 1


def packs_apart(products) -> bool:
    """``products`` are listings of one goods in packs each sold in its own unit (西瓜汁 杯装 by the 杯, 西瓜汁 2L桶装 by
    the 桶); not sizes to choose from (哑铃 5kg / 10kg, 中杯 / 大杯 both by the 杯)."""
    ps = list(products)
    return len({p.unit for p in ps}) == len(ps) > 1 and all(_one_goods(ps[0], q) for q in ps[1:])


def _goods_of(p: Product) -> str:
    """The goods a listing sells, without its pack: 赣南脐橙（10斤装） and 熟普 单饼 / 熟普 整提 (the pack said after a
    space, a word of one unit: 单饼, 整提, 整箱, with its count: 整箱12桶, or a 装 word with the size it holds: 2L桶装) are
    one goods; 巴氏鲜牛奶 and 常温纯牛奶 are two."""
    name = BRACKETED.sub("", p.name).strip()
    head, _, tail = name.rpartition(" ")
    if head and _SIZE.fullmatch(tail) and " " in head:  # 杨枝甘露 杯装 500ml: the size said after the pack word
        head, _, tail = head.rpartition(" ")
    packed = _PACK_WORD.fullmatch(_COUNTED.sub("", tail)) or _PACKED.fullmatch(_SIZE_BEFORE.sub("", tail)) \
        or _counted_pack(p, tail) or _HOLDS.fullmatch(tail)
    goods = head if head and packed else name
    gift = f"礼{p.unit}"  # 鲜肉月饼礼盒 sold by the 盒: the goods in a gift box, as 鲜肉月饼 盒装 would be
    return goods[:-len(gift)] if goods.endswith(gift) and len(goods) > len(gift) + 1 and p.pack_size else goods


def _counted_pack(p: Product, tail: str) -> bool:
    """10条捆 of 纯棉毛巾 10条捆 (a 捆 of 10条), 6瓶箱: what the listing's declared pack holds, then its own unit."""
    size = p.pack_size
    return size is not None and tail.replace(" ", "") == f"{size[0]:g}{size[1]}{p.unit}"


# 三条装, 5双装: a count of pieces before the word of a pack (said in Chinese numerals or digits)
_COUNT_PACKED = re.compile(rf"(?P<n>[一二两三四五六七八九十]+|\d+)\s*(?P<u>{_UNITS})装")


def counted_pack_said(p: Product, text: str) -> bool:
    """The count of pieces ``p``'s name packs (3条装 of 全棉毛巾 3条装) is said in ``text`` (三条装一盒39 or 3条装): the
    text names that listing among the packs of its goods, not by its unit alone."""
    name = BRACKETED.sub("", p.name).strip()
    goods = _goods_of(p)
    tail = name[len(goods):].strip() if goods != name and name.startswith(goods) else ""
    own = _COUNT_PACKED.search(tail)
    if own is None:
        return False
    said = {(m.group("u"), zh_to_number(m.group("n"))) for m in _COUNT_PACKED.finditer(text)}
    return (own.group("u"), zh_to_number(own.group("n"))) in said


def _kind_of(p: Product) -> str:
    """The goods a listing sells, its size set aside too: listings that say the size they hold (纯净水 18.9L 大桶,
    纯净水 550ml 24瓶装, 纯净水 4.5L) are one kind of goods, 纯净水, in other sizes and packs, which a unit said tells
    apart (纯净水来一提); every word after the first that only says the size or the pack is set aside wherever it
    stands. No pack of the other (``same_goods``): a 桶 of 5L is no 18.9L 桶."""
    head, *rest = BRACKETED.sub("", p.name).split()
    if rest and all(_spec_word(w) for w in rest) and any(_SIZE_WORD.match(w) for w in rest):
        return head
    return _goods_of(p)


# 18.9L, 550ml, 14x2.50, 4.5寸, 20厘米: the size of what a listing holds
_SIZE_WORD = re.compile(r"\d+(?:\.\d+)?\s*(?:[A-Za-z]{1,3}|[x×*]\s*\d+(?:\.\d+)?|寸|厘米|公分|毫米|毫升)")
# 24瓶装, 10张, 6瓶, 大桶 / 中桶, 2L桶装: a word of a name that says only how big the pack is or what it holds
_SPEC_WORD = re.compile(rf"(?:{_SIZE_WORD.pattern})\s*(?:{_UNITS})?装|{_SIZE_WORD.pattern}|\d+\s*(?:{_UNITS})装?|"
                        rf"[大中小](?:{_UNITS})")


def _spec_word(w: str) -> bool:
    return bool(_SPEC_WORD.fullmatch(w) or _PACK_WORD.fullmatch(_COUNTED.sub("", w)) or _PACKED.fullmatch(w)
                or bool(_ONE_OF.fullmatch(w)) and w[1:] not in _UNITS.split("|"))


# 单层, 单格: one tier, one compartment (no sale unit: 单饼 is the pack word of a 饼), as a name says one of a set is sold
_ONE_OF = re.compile(r"单[\u4e00-\u9fff]")


__all__ = ["BRACKETED", "by_unit_of_kind", "counted_pack_said", "one_goods", "only_pack_word", "pack_of_shown", "pack_word", "packs_apart", "same_goods", "shown_goods_pack", "single_of", "singles_of",
           "sold_in", "sold_so"]
