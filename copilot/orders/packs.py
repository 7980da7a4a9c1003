"""Which of several listings of the same goods a unit said picks: 赣南脐橙（10斤装） and （散称） are one goods in two
packs, so 一箱 is the box; 巴氏鲜牛奶 by the 瓶 and 常温纯牛奶 by the 箱 are two goods, so 牛奶来2瓶 stays for a person.
Read from the catalog's names, units and packs (``sold_in``)."""

from __future__ import annotations

import re

from copilot.base.catalog import Product
from copilot.orders.amounts import GRAMS, SAME_COUNT, UNIT_WORDS, Quantity, holds_pieces, to_sale_unit
from copilot.orders.memo import per_catalog

# 单饼, 整提, 整箱, 袋装, 罐装, 散装: how it is packed; 5连包, 三连包: a multipack
_UNITS = "|".join(UNIT_WORDS)
_PACK_WORD = re.compile(rf"[单整散半](?:{_UNITS})|[单整]|(?:{_UNITS}|散)装|(?:\d+|[两三四五六八十])连包")
# a pack word said inside a longer word (整箱的, 单罐的, 10片装的): it names that pack, not the goods
_NAMES_PACK = re.compile(rf"[单整散半](?:{_UNITS})|(?:{_UNITS}|散)装|\d+(?:{_UNITS})装")
# 家庭装, 礼盒装, 杯装: a word of how the goods are packed, said as a word of its own
_PACKED = re.compile(r"[\u4e00-\u9fff]{1,3}装")
# the count of a pack, anywhere in a name: 整箱30袋's 30袋, 330ml×12瓶's ×12瓶, 3罐装, 20支装, 1斤装
_COUNT = re.compile(rf"[×xX*]?\d+(?:\.\d+)?\s*(?:{'|'.join(u for u in UNIT_WORDS if not u.isascii())})装?")
# the size of a pack or of the goods: 200g, 1.5L, 500ml, 60x60, 9W; a number with 号 (5号, a model) or with another
# word (3人份) says which goods, so it stays
_SIZE = re.compile(r"\d+(?:\.\d+)?(?:\s*[×xX*]\s*\d+(?:\.\d+)?)+(?:[A-Za-z]{1,2})?|\d+(?:\.\d+)?\s*(?:[A-Za-z]{1,3}(?![A-Za-z])|毫升|升)")
BRACKETED = re.compile(r"[（(\[【][^）)\]】]*[）)\]】]")  # the pack of a listing: 赣南脐橙（10斤装）


def sold_in(owners, unit: str | None, word: str = "", amount: float | bool | None = None) -> Product | None:
    """The one of ``owners`` sold in ``unit`` (a weight unit fits a product sold by weight), else None. The unit
    tells apart only packs of the same goods (赣南脐橙（10斤装） / （散称）: 一箱 is the box), or the goods of
    the ``word`` from goods made of it (虾 of 河虾 by the 斤, 虾仁 by the 盒). Two kinds of it (the names ending
    with the word: 巴氏鲜牛奶 by the 瓶, 常温纯牛奶 by the 箱; 卤鸭脖 by the 斤, 风干鸭脖 by the 袋) stay for a
    person: 牛奶来2瓶 may be either, the unit said loosely. A weight (``amount`` of ``unit``) said of goods none sold by
    weight, in packs of a weight, names the one it is one pack of, when it fills no other's packs whole (一斤 of 500克 / 1000克 jars: one 500克; 两斤
    and 三斤 stay for a person). The caller passes it only with a product shown, which it must then be: with none
    shown, 曲奇来一斤 of a 500克 jar and 200克 bags may mean a 斤's worth in either. A single character (虾, 奶) is read as before. 个 counts the pieces of any product: it names none
    when another of them is a pack of pieces (葱油饼来4个 of 现烙 per 个 and 冷冻 per 袋 of 10 片)."""
    whole = _filled(owners, unit, amount)
    if whole is not None:
        return whole
    if len(word) > 1 and _differ(owners):
        return None  # 香菇来一袋 of 花菇 (袋) / 鲜香菇 (斤): different goods, the viewer may not know how each is sold
    kinds = [p for p in owners if any(BRACKETED.sub("", n).endswith(word) for n in p.names)] if word else owners
    if len(word) != 1 and _differ(kinds or owners):
        return None  # one character (虾2斤, 奶来2瓶) is read with the screen first, then by the unit, as before
    weight = unit in ("斤", "公斤", "千克", "kg", "克", "g")
    fits = [p for p in owners if unit and (p.unit == unit or weight and p.is_weight or p.pack_size == (1, unit))]
    if unit == "个" and any(holds_pieces(p) for p in owners if p not in fits):
        return None
    if weight and any(p.is_weight for p in fits) and any(_jar_by_weight(p) for p in owners if p not in fits):
        return None  # 土蜂蜜来一斤 of 散装 (by the 斤) and 瓶装 (a 500克 jar): one 斤 loose, or one jar of a 斤?
    packed = [p for p in owners if p not in fits and p.pack_size and p.pack_size[1] == unit]
    goods = _goods(owners)
    if fits and any(goods[p] != goods[q] for p in packed for q in fits):
        return None  # 袜子要两双 of 地板袜 (by the 双) and 棉袜5双装 (5双 a 包): two goods, both counted in 双
    return fits[0] if len(fits) == 1 else None


def same_goods(p: Product, catalog) -> list[Product]:
    """The listings of ``catalog`` that sell the goods of ``p`` in another pack (红烧牛肉面 单桶 of 红烧牛肉面 整箱12桶)."""
    table, goods = _by_goods(catalog)
    return [q for q in table.get(goods.get(p, _stem(p)), ()) if q is not p]


@per_catalog
def _by_goods(catalog) -> tuple[dict[str, list[Product]], dict[Product, str]]:
    """The catalog's listings by the goods they sell (``_goods``), in catalog order, and each listing's goods."""
    goods = _goods(list(catalog))
    table: dict[str, list[Product]] = {}
    for q in catalog:
        table.setdefault(goods[q], []).append(q)
    return table, goods


def _other_pack(p: Product, unit: str, catalog) -> Product | None:
    """The other listing of the goods of ``p`` that is sold in ``unit`` (``sold_in``), else None."""
    others = same_goods(p, catalog)
    q = sold_in([p, *others], unit) if others else None
    return q if q is not None and q is not p else None


def sold_so(p: Product, label: str, unit: str | None, catalog) -> Product | None:
    """泡面来两桶, where 泡面 is a word of 整箱泡面 (a 箱 of 12桶) only, beside 红烧牛肉面 单桶: a part of one listing's
    names (not a whole name, which names its pack) said with the unit another listing of the same goods is sold in
    names that listing (a unit that tells apart packs of the same goods picks the one sold in it). None otherwise,
    and when the part said is a pack word of the listing (整箱的来48罐: 2 of the 整箱 itself, rule 1)."""
    if not unit or p.unit == unit or label in p.names or _NAMES_PACK.search(label):
        return None  # 整箱的来48罐 of the 整箱: the word names this pack itself
    return _other_pack(p, unit, catalog)


def pack_of_shown(current: Product, q: Quantity, catalog) -> Product | None:
    """来一箱 with 红烧牛肉面 单桶 shown beside its 整箱12桶, 来6桶 with the 整箱 shown: a unit that another listing of
    the shown goods is sold in picks that listing (LABELS rule 2, on screen or not). None when the shown listing is
    sold in the unit (or a word counted the same), or its declared pack makes the quantity whole packs (要12包 with
    a 提 of 6包 shown: 2 提, rule 1); when no other or two listings of the goods are sold so, so a part pack stays
    for a person (3饼 of a 7饼 提 with no listing by the 饼)."""
    unit = q.unit
    if not unit or current.unit == unit or current.unit in SAME_COUNT.get(unit, ()):
        return None
    whole = to_sale_unit(q, current)
    if whole is not None and whole > 0 and float(whole).is_integer():
        return None
    return _other_pack(current, unit, catalog)


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
    goods = _goods([picked, *owners])
    rivals = [p for p in owners if goods[p] != goods[picked] and (p.unit == unit or p.pack_size == (1, unit))]
    return None if rivals else picked


def _filled(owners, unit: str | None, amount: float | None) -> Product | None:
    if not amount or unit not in GRAMS or any(p.is_weight for p in owners) or not all(_jar_by_weight(p) for p in owners):
        return None
    grams = amount * GRAMS[unit]
    whole = [p for p in owners if abs(grams / _grams(p) % 1) < 1e-9]
    return whole[0] if len(whole) == 1 and abs(grams - _grams(whole[0])) < 1e-9 else None  # 三斤: 3 small or 1 + 1?


def _grams(p: Product) -> float:
    return p.pack_size[0] * GRAMS[p.pack_size[1]]


def _jar_by_weight(p: Product) -> bool:
    """A pack a person names by its weight (一斤装, 两斤的): a weight of at most a 公斤, not a box of 10斤."""
    return p.pack_size is not None and p.pack_size[1] in GRAMS and _grams(p) <= 1000


def _stem(p: Product, sizes: bool = True) -> str:
    """The name of a listing without the words of its pack, read by grammar wherever they stand: counts (30袋, ×12瓶,
    3罐装), pack words said as a word of their own (单罐, 整箱, 家庭装, 5连包) and, with ``sizes``, sizes (85g, 1.5L).
    金枪鱼猫罐头 85g 单罐, 金枪鱼猫罐头 整箱24罐 and 红薯宽粉250g×5袋 keep 金枪鱼猫罐头 / 红薯宽粉; 巴氏鲜牛奶 and 常温纯牛奶
    stay two."""
    name = _COUNT.sub(" ", BRACKETED.sub(" ", p.name))
    words = [w for w in (_SIZE.sub(" ", name) if sizes else name).split()
             if not _PACK_WORD.fullmatch(w) and not _PACKED.fullmatch(w)]
    return " ".join(words) or p.name.strip()


def _goods(products) -> dict[Product, str]:
    """The goods each of ``products`` sells: listings whose names differ only by pack words, counts and sizes
    (``_stem``) are one goods in two packs when they are sold in different units (杨枝甘露 杯装 500ml by the 杯, 家庭装
    1.5L by the 桶) or their sizes agree; two sizes sold alike are two goods (LED灯 9W / 18W, both by the 个). A listing
    whose declared ``pack`` counts in the unit another is sold in is that goods' pack when one stem holds the other
    (重庆酸辣粉 by the 桶, 酸辣粉 5连包 of 5桶): the catalog says so outright. Kinds that share a word stay two."""
    products = list(dict.fromkeys(products))
    root = {p: p for p in products}

    def find(p: Product) -> Product:
        while root[p] is not p:
            p = root[p]
        return p

    bare = {p: _stem(p) for p in products}
    for i, p in enumerate(products):
        for q in products[i + 1:]:
            if bare[p] == bare[q] and (_stem(p, False) == _stem(q, False) or not _alike(p.unit, q.unit)) \
                    or _pack_of(q, p, bare) or _pack_of(p, q, bare):
                root[find(q)] = find(p)
    return {p: _stem(find(p), False) for p in products}


def _alike(unit: str, other: str) -> bool:
    return unit == other or unit in SAME_COUNT.get(other, ())


def _pack_of(q: Product, p: Product, bare: dict[Product, str]) -> bool:
    """``q`` declares a pack counted in the unit ``p`` is sold in, and one's stem holds the other's."""
    return (q.pack_size is not None and not p.pack_size and _alike(p.unit, q.pack_size[1])
            and (bare[q] in bare[p] or bare[p] in bare[q]))


def _differ(products) -> bool:
    """``products`` sell more than one goods (``_goods``)."""
    return len(set(_goods(products).values())) > 1


def one_goods(products) -> bool:
    """``products`` are listings of one goods in different packs (熟普 单饼 / 熟普 整提, 重庆酸辣粉 桶装 / 5连包)."""
    return not _differ(products)


__all__ = ["BRACKETED", "by_unit_of_kind", "one_goods", "pack_of_shown", "same_goods", "sold_in", "sold_so"]
