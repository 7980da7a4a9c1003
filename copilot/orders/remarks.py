"""A remark on the order (备注): once the goods and the quantity are read, a part of the comment that only says how the
buyer wants them is the order's note, on any store, read by the shape of the Chinese, not by the words of one store:

- a request to the seller: 帮我煎好, 帮我穿26磅, 麻烦做特辣的, 帮我切成8块 (the count after 成 is the result, no goods);
- a description said with 的 (要蒸好的, 要薄底的, 卡罗拉的, 海洋味的) or a degree with 一点 (烤焦一点, 面煮久一点);
- a change to a part of the goods: 不要洋葱, 少放辣, 多撒点辣椒粉, 加个溏心蛋, 换燕麦奶, 要L (no quantity in it);
- a flavour, style or colour word: 柠檬味, 古龙款;
- a split of the order's own count by piece: 一张加蛋一张加肠, 2杯少糖1杯全糖, 白色2支黑色1支 (each count in the
  order's unit, together no more than the order's quantity).

Such a part is a note only beside a part that orders (a quantity said), asks nothing, and names no goods of the
catalog; a change (加, 换, 不要 …) may name an ingredient the catalog sells as a pack by weight or volume in another
unit than the order's, with no count of its own (换燕麦奶 on a cup of latte, 加芝士 on a pizza: an add-in, not a bottle
or a bag; 加一瓶椰乳 is another order, and 加个卤蛋 beside a 卤蛋 sold by the 个 one more egg).
A word of one character said with 的 that a name holds picks goods (小的 of 小盆绿萝), and a colour is a note only where
the catalog offers colours to choose (a spec that lists two or more): 百合 sold white only, 2支白的1支粉的 is asked."""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog
from copilot.base.zhnum import NUM_PATTERN
from copilot.orders.amounts import UNIT, read_quantities
from copilot.orders.memo import per_catalog
from copilot.orders.notes import SHADE, split_notes
from copilot.orders.refs import find_refs, mask
from copilot.orders.wording import QUESTION

_SPLIT = re.compile(r"([,，。!！~～;；、\s]+)")
_NOT_WHAT = r"(?![了这那哪个一二两俩三四五六七八九十几\d些要来买拿订份])"  # 不要了, 换一个, 加两份: no remark
# 帮我煎好, 麻烦做特辣的: a request to the seller about the goods (帮我留 / 帮我下单 order, 帮我看看 asks)
_REQUEST = r"(?:帮我|帮忙|麻烦你?|请)(?!留|拍|下单|订|买|看|问|查|算|想|再|也|还)[\u4e00-\u9fff\d]{1,10}"
# 要蒸好的, 卡罗拉的, 要冰镇的: what the goods should be, said with 的 (not 好的, 是的, 我的)
# (主播好漂亮的, 我老公说的: talk about people, no goods described)
_DESCRIBED = (r"(?:我?要|做成?|弄成?)?(?![好是对真我你他她它谁啥哪这那一二两三几\d])(?![^的]*(?:主播|老板|我|你|他|她))"
              r"[\u4e00-\u9fff\d]{1,8}?的")
# 烤焦一点, 面煮久一点, 叉烧多一点: a degree of how it is made (多一点, 便宜一点 alone speak of the quantity or price)
_DEGREE = r"(?![多少便贵再还也])[\u4e00-\u9fff]{1,5}?(?:一)?(?:点|些)(?:儿|的)?"
# 不要洋葱, 多撒点辣椒粉, 加个溏心蛋, 换燕麦奶, 奶换成燕麦的: a part of the goods changed (加油 cheers)
_CHANGED = (r"(?!加油)(?:也|都)?(?:不要|不加|不放|别放?|少放?|多放|多加|少加|多撒|少撒|免|去掉?|换成?|改成?|加)(?:点|个)?"
            rf"{_NOT_WHAT}[\u4e00-\u9fff]{{1,6}}"
            rf"|[\u4e00-\u9fff]{{1,4}}?(?:换成|改成){_NOT_WHAT}[\u4e00-\u9fff]{{1,6}}")  # 椰乳换成燕麦的: a part swapped
# 柠檬味, 古龙款, 2019款思域: a flavour, style or model word
_STYLE = r"(?:要)?[\u4e00-\u9fff]{1,4}(?:味|口味|款|风味)的?|\d{2,4}年?款[\u4e00-\u9fffA-Za-z\d]{0,6}"  # 2019款思域: a model year
# 三分糖, 七分熟: a degree counted in tenths; 酱分开放, 单独装: parts kept apart
_TENTHS = rf"(?:{NUM_PATTERN}|半)分[\u4e00-\u9fff]{{1,2}}|[\u4e00-\u9fff]{{0,3}}(?:分开|单独)(?:放|装|包|打包)?"
_END = r"(?:吧|哈|哦|呀|啊|谢谢)?"
REMARK = re.compile(rf"(?:{_REQUEST}|{_DESCRIBED}|{_DEGREE}|{_CHANGED}|{_STYLE}|{_TENTHS}){_END}")
_CHANGE = re.compile(rf"(?:{_CHANGED}){_END}")
_ONE_CHAR = re.compile(r"(?:要|来)?([\u4e00-\u9fff])的")  # 小的, 要大的: which of the goods
# 切成8块, 分成两份, 剪成3段: the count after 成 is what the goods are cut into
_RESULT = re.compile(rf"(?<=[切分剪剁砍裁]成)\s*(?:{NUM_PATTERN})\s*{UNIT}")
# 一张加蛋, 2杯少糖, 白色2支: one share of the order's count and its remark
_PIECES = (re.compile(rf"(?:另)?(?P<n>{NUM_PATTERN})\s*(?P<u>{UNIT})\s*(?P<r>[^\d\s,，]{{1,8}}?)(?=$|另|(?:{NUM_PATTERN})\s*{UNIT})"),
           re.compile(rf"(?P<r>[^\d\s,，]{{1,4}}?)\s*(?P<n>{NUM_PATTERN})\s*(?P<u>{UNIT})"))
_NEGATIVE = re.compile(r"不要|不加|不放|别放|少|多|加|换|去")  # 一份不要辣: one share alone, with what differs
_COLOUR = re.compile(rf"{SHADE}?([红橙黄绿青蓝紫黑白灰粉棕褐金银])色?的?")
COLOUR = _COLOUR  # public: a chain line's colour before its count (红2) is its pick too
# 手抓饼加蛋来两张, 牛肉披萨加芝士来一个: an add-in glued before the order word
_GLUED_ADD = re.compile(r"(?<![再还])(?:也|多|要)?加(?:点|个)?(?P<w>[\u4e00-\u9fff]{1,4}?)(?=来|要|拿|买|订)")
# 来一罐柠檬味的, 来一个柠檬味: a flavour glued after the order's count
_GLUED_STYLE = re.compile(r"(?<=[\u4e00-\u9fff\d])(?P<w>[\u4e00-\u9fff]{1,4}(?:味|口味))的?$")
_ANY = "?"


def remark_notes(t: str, catalog: Catalog) -> tuple[str, list[str]]:
    """``t`` without its remarks (each cut out, a space left) and the remarks in order, with the other parts that are
    notes of their own (送到3栋: ``notes.split_notes``) so the notes keep the comment's order; ``t`` as it is when no
    part of it orders."""
    parts = _SPLIT.split(t)
    if not (len(parts) > 2 and any(_shaped(p) for p in parts[::2]) or _GLUED_ADD.search(t) or _GLUED_STYLE.search(t)):
        return t, []  # (the catalog is read only for a comment that has the shape of a remark)
    units = _order_units(t, catalog)
    if not units:
        return t, []
    found, kept, remarked = [], [], False
    for i, part in enumerate(parts):
        # (the products named beside matter only to a description ending in 的: found only then)
        own = _named_beside(parts, i, catalog) if i % 2 == 0 and _RESULT.sub(" ", part).strip().endswith("的") else ()
        remark = i % 2 == 0 and bool(part) and (_remark(part, units, catalog, own) or _pieces(part, t, units, catalog)
                                                 or _each_share(part, t, units, catalog))
        noted = i % 2 == 0 and bool(part) and not remark and _note_of_its_own(part, catalog)
        remarked |= remark
        if remark or noted:
            found.append((part, remark))
            kept.append(" ")
        else:
            kept.append(part)
    rest = "".join(kept) if remarked else t
    if remarked and not read_quantities(mask(rest, find_refs(rest, catalog))):
        return t, []  # 加培根 alone, 要蒸好的 alone: nothing ordered beside it
    rest, glued = _glued(rest, units, catalog)
    notes = [part for part, _ in found] if remarked else []
    return (rest, [*notes, *glued]) if notes or glued else (t, [])


def _shaped(part: str) -> bool:
    """``part`` has the shape of a remark or of a split by piece (what it names not read yet)."""
    return bool(part) and bool(REMARK.fullmatch(_RESULT.sub(" ", part).strip())
                               or any(p.match(part) for p in _PIECES) and (_NEGATIVE.search(part) or _described(part))
                               or _COLOUR.search(part) or "各" in part and _EACH.fullmatch(part))


def _described(part: str) -> bool:
    """两瓶冰的一瓶常温, 一个辣的一个不辣: shares of the count, one said with 的 (how that share should be)."""
    return any(REMARK.fullmatch(m.group("r")) for p in _PIECES for m in p.finditer(part))


def _note_of_its_own(part: str, catalog: Catalog) -> bool:
    """送到3栋, 下午5点来拿: a whole part ``notes.split_notes`` reads as a note, naming no goods."""
    rest, notes = split_notes(part, lambda p: bool(find_refs(p, catalog) or read_quantities(p) or QUESTION.search(p)))
    return bool(notes) and not rest.strip()


def _order_units(t: str, catalog: Catalog) -> set[str]:
    """The units of the quantities the comment says (来两杯: 杯); of a count with no unit (x2, 扣1), the units of the
    goods named, or ``_ANY`` (no goods can be told an add-in by their unit); empty when nothing is ordered."""
    refs = find_refs(t, catalog)
    said = read_quantities(mask(t, refs))
    units = {q.unit for q in said if q.unit}
    if said and not units:
        units = {p.unit for r in refs for p in ([r.product] if r.product else r.family)} or {_ANY}
    return units


def _goods(text: str, catalog: Catalog) -> list:
    """The goods ``text`` names: by a name, alias or family word, or by a word of two characters or more that a name
    holds (芝士 of 马苏里拉芝士碎, 幼猫 of 幼猫粮)."""
    refs = find_refs(text, catalog)
    out = [p for r in refs for p in ([r.product] if r.product else r.family)]
    words = {run[i:i + 2] for run in re.findall(r"[\u4e00-\u9fff]{2,}", mask(text, refs)) for i in range(len(run) - 1)}
    return out + [p for p in catalog if any(w in n for w in words for n in p.names)] if words else out


def _named_beside(parts: list[str], i: int, catalog: Catalog) -> frozenset:
    """The products the other parts of the comment name outright (by a name or alias, not a family word)."""
    rest = "".join(p if j != i else " " for j, p in enumerate(parts))
    return frozenset(r.product.sku for r in find_refs(rest, catalog) if r.product is not None)


def _remark(part: str, units: set[str], catalog: Catalog, own=frozenset()) -> bool:
    """A whole part shaped as a remark that asks nothing and names no goods, or a change that names only add-ins.
    A description said with 的 whose words a name holds only of the goods the comment orders by name is about those
    goods (草金来两条 要红白花多的, 红白 of 红白草金): how the buyer wants them, no other goods."""
    said = _RESULT.sub(" ", part).strip()
    one = _ONE_CHAR.fullmatch(said)
    if not REMARK.fullmatch(said) or QUESTION.search(said) or one and any(one.group(1) in n for p in catalog for n in p.names) \
            or _COLOUR.fullmatch(said) and not _offered(_COLOUR.fullmatch(said).group(1), catalog):
        return False
    if own and said.endswith("的") and not read_quantities(mask(said, find_refs(said, catalog))) \
            and len(said.removeprefix("要").removeprefix("我要")) > 3 and not find_refs(said, catalog) \
            and all(p.sku in own for p in _goods(said, catalog)):
        return True
    return _names_nothing(said, units, catalog, bool(_CHANGE.fullmatch(said)))


def _names_nothing(text: str, units: set[str], catalog: Catalog, change: bool) -> bool:
    """``text`` orders nothing: no quantity, and no goods, or (``change``) only goods sold in none of ``units``, by
    the unit or the pack (an add-in)."""
    if read_quantities(mask(text, find_refs(text, catalog))):
        return False
    goods = _goods(text, catalog)
    return not goods or change and _ANY not in units and all(
        _BULK.search(" ".join((*p.names, p.spec or ""))) and p.unit not in units
        and (p.pack_size is None or p.pack_size[1] not in units) for p in goods)


# 芝士碎 200g, 燕麦奶 1L: goods sold as a pack of an ingredient by weight or volume (加芝士 on a pizza is a spoonful of
# it, not the bag); 卤蛋 by the 个, 猫碗 13cm, 薯条 中份 are goods of their own (加个卤蛋: one more egg bought)
_BULK = re.compile(r"\d+(?:\.\d+)?\s*(?:g|kg|克|千克|公斤|斤|ml|毫升|l|升)(?![a-z])", re.IGNORECASE)


@per_catalog
def _colours(catalog: Catalog) -> frozenset[str]:
    """The colours the catalog offers to choose: those of a spec or name that lists two or more (珍珠白、曜石黑)."""
    out: set[str] = set()
    for p in catalog:
        for text in (p.spec or "", *p.names):
            said = set(re.findall(r"([红橙黄绿青蓝紫黑白灰粉棕褐金银])色?", text))
            out |= said if len(said) > 1 else set()
    return frozenset(out)


def _offered(colour: str, catalog: Catalog) -> bool:
    return colour in _colours(catalog)


def _pieces(part: str, t: str, units: set[str], catalog: Catalog) -> bool:
    """一张加蛋一张加肠, 2杯少糖1杯全糖, 白色2支黑色1支: shares of the order's count, each in its unit (or 个), each
    naming no goods (or an add-in, with a change), one at least a remark, together no more than the quantity the rest
    of the comment orders; shares said apart (来3杯 一杯去冰 两杯少冰) count together, none of them that quantity."""
    shares = _shares_of(part)
    if not shares or len(shares) < 2 and not _NEGATIVE.search(part):
        return False
    rest, others = t.replace(part, " ", 1), []
    for other in (o for o in _SPLIT.split(rest)[::2] if o and _remarked_shares(o)):  # 一杯去冰 两杯少冰: apart too
        rest, others = rest.replace(other, " ", 1), others + _shares_of(other)
    ordered = [q for q in read_quantities(mask(rest, find_refs(rest, catalog))) if q.unit in units]
    if len(ordered) != 1:
        return False
    total = sum(q[0].value for m in others for q in [read_quantities(f"{m.group('n')}{m.group('u')}")] if q)
    for m in shares:
        r, q = m.group("r"), read_quantities(f"{m.group('n')}{m.group('u')}")
        colour = _COLOUR.fullmatch(r)
        if not q or m.group("u") not in units and m.group("u") != "个" or QUESTION.search(r) \
                or colour and not _offered(colour.group(1), catalog) \
                or not _names_nothing(r, units, catalog, bool(_CHANGE.fullmatch(r))):
            return False
        total += q[0].value
    said = any(REMARK.fullmatch(m.group("r")) or _COLOUR.fullmatch(m.group("r")) for m in shares)
    return said and total <= ordered[0].value


# 小猫小狗各一个, 红蓝各一支: the patterns or colours the order's count comes in, each as many (not goods)
_EACH = re.compile(rf"(?P<r>[\u4e00-\u9fff]{{2,8}}?)各(?:要|来)?(?P<n>{NUM_PATTERN})\s*(?P<u>{UNIT})")


def _each_share(part: str, t: str, units: set[str], catalog: Catalog) -> bool:
    """那就两个吧 小猫小狗各一个: a part of its own that splits the order's count among words that name no goods, each
    as many, in the order's unit (or 个), beside one quantity the rest of the comment orders, of at least two such
    shares: how the buyer wants the count made up, a note (小猫 and 小狗 are patterns, no goods of the shop)."""
    m = _EACH.fullmatch(part)
    if m is None or m.group("u") not in units and m.group("u") != "个" \
            or find_refs(m.group("r"), catalog) or _goods(m.group("r"), catalog) or QUESTION.search(part):
        return False
    rest = t.replace(part, " ", 1)
    ordered = read_quantities(mask(rest, find_refs(rest, catalog)))
    each = read_quantities(f"{m.group('n')}{m.group('u')}")
    return len(ordered) == 1 and bool(each) and ordered[0].value >= 2 * each[0].value \
        and (ordered[0].unit or "个") in {m.group("u"), *units}


def _shares_of(part: str) -> list[re.Match]:
    """The shares ``part`` is made of whole (一杯去冰, 2杯少糖1杯全糖), else none."""
    return next((found for found in (list(p.finditer(part)) for p in _PIECES)
                 if found and "".join(m.group(0) for m in found) == part), [])


def _remarked_shares(part: str) -> bool:
    """``part`` is shares of a count each said with a remark (两杯少冰), not an order (来3杯)."""
    shares = _shares_of(part)
    return bool(shares) and all(REMARK.fullmatch(m.group("r")) or _NEGATIVE.search(m.group("r")) for m in shares)


def _glued(t: str, units: set[str], catalog: Catalog) -> tuple[str, list[str]]:
    """手抓饼加蛋来两张 (蛋 of 卤蛋 by the 个, the order by the 张), 来一罐柠檬味的: a remark inside the ordering clause."""
    found = []
    for m in reversed([*_GLUED_ADD.finditer(t), *_GLUED_STYLE.finditer(t)]):
        word = m.group("w")
        named = _goods(word, catalog)
        if named and m.re is _GLUED_ADD and _names_nothing(word, units, catalog, True) \
                or not named and (m.re is _GLUED_STYLE or len(word) == 1):
            found.append((m.start(), m.group(0)))
            t = t[:m.start()] + " " + t[m.end():]
    return t, [n for _, n in sorted(found)]
