"""A size from the products' names said with its unit (成猫粮1.5kg, 10公斤的, 2-10斤的, 5L装, 1.5米的), or a capacity or size of
one product's names said bare (160的, 240也来一个: ``measures_said``): it tells variants apart, it is no quantity.
One product holding that size is that product; several are a family word (one of them, which the other words of the
clause or a person settle), so 成猫粮1.5kg is the one 成猫粮 that is 1.5kg."""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.orders.amounts import SAME_COUNT
from copilot.orders.memo import per_catalog

_UNITS = {"kg": "kg", "公斤": "kg", "千克": "kg", "斤": "斤", "l": "l", "升": "l", "ml": "ml", "毫升": "ml",
          "g": "g", "克": "g", "米": "m", "厘米": "cm", "cm": "cm", "毫米": "mm", "mm": "mm"}  # and lengths: 1.5米的
_NUMBER = r"\d+(?:\.\d+)?"
_UNIT = r"(?:kg|公斤|千克|斤|ml|毫升|l|升|g|克|厘米|毫米|cm|mm|米)(?![a-z])"
SIZE = re.compile(rf"(?<![\d.])({_NUMBER})(?:\s*[-~～到至]\s*({_NUMBER}))?\s*({_UNIT})", re.IGNORECASE)
# said as a name: right after a product's word (成猫粮1.5kg), or then 的 / 装 / 那种 (10kg的, 5L装)
_AS_NAME_AFTER = re.compile(r"\s*(?:[高长宽粗]?的|装|那种|这种|那款|这款|规格)")  # 1.5米高的: the height
# 一壶四杯, 一套六个, 三件套: a word of a name that counts what the product holds (a numeral, then a classifier)
COUNTED_PART = re.compile(r"(?:[一二两三四五六七八九十\d]+[\u4e00-\u9fff]{1,2}){1,3}")
_NAME_PARTS = re.compile(r"[\s()（）\[\]【】·/\-—_]+")


def size_key(m: re.Match) -> str:
    """1.5kg and 1.5公斤, 2-10斤 and 2~10斤: one key."""
    unit = _UNITS[m.group(3).lower()]
    low = str(float(m.group(1)))
    return f"{low}-{float(m.group(2))}{unit}" if m.group(2) else f"{low}{unit}"


@per_catalog
def sizes_of(catalog: Catalog) -> dict[str, tuple[Product, ...]]:
    """size key -> the products whose names hold it."""
    found: dict[str, dict[str, Product]] = {}
    for p in catalog:
        for n in p.names:
            for m in SIZE.finditer(n):
                found.setdefault(size_key(m), {})[p.sku] = p
    return {k: tuple(v.values()) for k, v in found.items()}


def sizes_said(t: str, refs: list, catalog: Catalog, make_ref) -> list:
    """``refs`` with a Ref for each size of the names said as a name (``make_ref(start, end, product, label,
    family)``); a size inside a name already read, or said as a plain quantity (来2斤), is left alone."""
    sizes = sizes_of(catalog)
    out = list(refs)
    for m in SIZE.finditer(t):
        owners = sizes.get(size_key(m), ())
        inside = [r for r in out if m.start() <= r.start and r.end <= m.end() and r.end - r.start < m.end() - m.start()
                  and not r.label[:1].isdigit()]  # L of 6L where 牵引绳 L号 is sold: the size holds it
        if not owners or any(r.start < m.end() and m.start() < r.end for r in out if r not in inside):
            continue  # (24cm的 with link 24 another product: a length the names hold is no link number)
        after_ref = any(r.end == m.start() and (r.product in owners or set(r.family) & set(owners)) for r in out)
        if not (after_ref or m.group(2) or _AS_NAME_AFTER.match(t, m.end()) or counted_beside(t, m, owners)):
            continue
        end = m.end() + (1 if t[m.end():m.end() + 1] in tuple("装高长宽粗") else 0)  # 5L装, 1.5米高: of the size
        out = [r for r in out if r not in inside]
        out.append(owned_ref(make_ref, m.start(), end, t[m.start():end], owners))
    return sorted(out, key=lambda r: r.start) if out != refs else refs


def owned_ref(make_ref, start: int, end: int, label: str, owners):
    """The ref of a word the names of ``owners`` hold: that product when one holds it, else their family (one of them,
    which the clause or a person settles)."""
    return make_ref(start, end, owners[0], label, ()) if len(owners) == 1 else make_ref(start, end, None, label,
                                                                                          tuple(owners))


def counted_beside(t: str, m: re.Match, owners) -> bool:
    """1.8米1套, 1套1.8米, 8斤 2条, 64G来一张: a size of the names right beside a count in a unit its products are sold in, or
    a word counting the same items (LABELS rule 1: 3.6米 1支 of a rod sold by the 根; not the size's own unit), is which
    goods, and the count how many; 来2斤 alone stays a quantity."""
    sold = {u for p in owners for u in (p.unit, p.pack_size[1] if p.pack_size else None) if u}
    units = {w for u in sold for w in SAME_COUNT.get(u, {u}) if w != m.group(3)}  # 1根 or 1支 of a rod sold by the 根
    if not units:
        return False
    unit = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    return bool(re.match(rf"\s*(?:来|要|拿|买|订)?\s*(?:\d+(?:\.\d+)?|[一二两俩三四五六七八九十]{{1,3}})\s*(?:{unit})", t[m.end():])
                or re.search(rf"\d+(?:\.\d+)?\s*(?:{unit})\s*$", t[:m.start()]))


def whole_dimension(refs: list, text: str, make_ref) -> list:
    """毛毯150x200的: a word of the names read up to its 150x (a part of 法兰绒毛毯 150x200) takes the rest of the size
    written there, and names the products whose names write the whole size (``make_ref(start, end, product, label,
    family)``); 200 is no quantity."""
    out = []
    for r in refs:
        width = re.search(r"(\d{2,4})\s*[xX×*]$", text[r.start:r.end])
        m = re.match(r"\d{2,4}(?![\d.])", text[r.end:]) if width else None
        owners = [p for p in (r.family or ([r.product] if r.product else []))
                  if m and any(f"{width.group(1)}x{m.group(0)}" in n.replace("×", "x") for n in p.names)]
        end = r.end + m.end() if m else r.end
        out.append(owned_ref(make_ref, r.start, end, text[r.start:end], owners) if owners else r)
    return out


def size_member(family, label: str, unit: str | None) -> Product | None:
    """1.8的来一套, 1米8的来两套 of 四件套 1.8米床 (套) and 床笠 1.8米 (件): a size several products' names hold is no kind of
    goods, so the unit said tells them apart: the one member sold in it (its unit or its pack word), if only one is.
    20的来一桶 of the grade 0W-20 (by the 桶) beside link 20 (a pump by the 台): the same (``specs.specs_said``)."""
    if not unit or not (re.fullmatch(r"\d+(?:\.\d+)?", label) or SIZE.fullmatch(label)  # not 5号: a link, or a size?
                        or _LENGTH.fullmatch(label)):  # 16寸 of 儿童自行车 16寸 (辆) and 16寸内胎 (条)
        return None
    fits = [p for p in family if p.unit == unit or p.pack_size and p.pack_size[1] == unit]
    return fits[0] if len(fits) == 1 else None


# 6寸, 24cm, 37码, 3岁, 1.5米: a size, length, shoe size or age inside a name (never a count of it)
_LENGTH = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:寸|英寸|cm|厘米|mm|毫米|米|码|岁)")


_NUMBER_THEN_CHAR = re.compile(r"(?<![\d.])(\d+)([\u4e00-\u9fff])")


@per_catalog
def _said_units(catalog: Catalog) -> set[tuple[str, str]]:
    """(number, size unit) of the sizes in names that end in a unit a keyboard can mistype (6寸, 37码, 3岁, 1.5米)."""
    return {(m.group(1), m.group(0)[-1]) for p in catalog for n in p.names
            for m in _LENGTH.finditer(n) if m.group(0)[-1] in "寸码岁米"}


# 1米2的, 1米5高: a length said as people say a price (1块2): 1.2米, 1.5米 (then 的, 高, 长, 左右, the end, or a count
# in words with its measure word: 3米6一根)
_METRES = re.compile(r"(?<![\d.])(\d)\s*米\s*([1-9])(?=\s*(?:的|高|长|宽|左右|以上|以下|[,，。\s]|$|"
                     r"[一两二三四五六七八九十俩仨][\u4e00-\u9fff]))")
METRES = _METRES  # public: the names hold such lengths too (地膜 1米2宽)


def size_homophones(t: str, catalog: Catalog) -> str:
    """8存的来一个 where 蛋糕 8寸 is listed: a size unit typed with a character of its sound (存 for 寸, 马 for 码) right
    after a number the names hold with that unit is that size (a pinyin keyboard's slip); any other character stays.
    1米2的 is 1.2米的 (三米六, 1米25, 六十厘米: ``specs.spoken_lengths``, read before)."""
    t = _METRES.sub(r"\1.\2米", t)
    if not _NUMBER_THEN_CHAR.search(t):
        return t
    units = _said_units(catalog)
    if not units:
        return t
    from pypinyin import lazy_pinyin

    def fix(m: re.Match) -> str:
        said = [u for n, u in units if n == m.group(1) and u != m.group(2) and lazy_pinyin(u) == lazy_pinyin(m.group(2))]
        return m.group(1) + said[0] if len(said) == 1 else m.group(0)

    return _NUMBER_THEN_CHAR.sub(fix, t)


def sized(product: Product, number: int | None) -> bool:
    """The product's names hold a size of this number (10 of 成猫粮10kg, of 驱虫滴剂10-20斤, 6 of 水果蛋糕 6寸, 24 of
    炒锅 24cm, 37 of 帆布鞋37码)."""
    return number is not None and (any(
        float(n) == number for name in product.names
        for m in (*SIZE.finditer(name), *_LENGTH.finditer(name)) for n in m.groups()[:2] if n)
        or any(low <= number <= high for low, high in _ranges_named(product)))  # 38 of 棉拖鞋 38-39码


_SIZED_LISTING = re.compile(r"尺码|码|身高|鞋|cm|厘米|岁", re.IGNORECASE)


def sized_in(text: str, catalog: Catalog, shown: Product | None = None) -> bool:
    """A number of ``text`` is a size of some product's names (24cm的 where 不粘锅 24cm is listed) or a price (68的
    of the 68-yuan box), or its letters or colour are in a name (XXL的 of 纸尿裤 XXL, 粉色 of 粉色保温杯): it names goods,
    no size said beside them. A bare number (110的) is a size only of a listing shown that speaks of sizes (尺码 90-150)."""
    bare = re.fullmatch(r"\s*(\d+)\s*的?\s*", text)
    if bare and (shown is None or not _SIZED_LISTING.search(f"{shown.name} {shown.spec or ''}")
                 or any(float(bare.group(1)) in (p.price, p.original_price) for p in catalog)):
        return True
    words = [w.lower() for w in re.findall(r"[a-zA-Z]+|[\u4e00-\u9fff]{0,2}色", text)]
    names = [SIZE.sub(" ", n).lower() for p in catalog for n in p.names] if words else []  # the L of 1L, the m of 6mm:
    lettered = any(_LETTER_SIZE.fullmatch(w) for w in words) and any(  # measures, no letters of a size
        _LETTER_SIZE.search(n) for n in names)  # 要XXL的 where XL and L are listings: a size the store sells as products
    hues = {m.group(1)[-1] for m in _HUE.finditer(text)} - _offered_hues(shown)  # 红色的 where 红提 and 绿提 are
    if hues and any(h in n for h in hues for p in catalog for n in p.names):  # listed: the colour may name the goods,
        return True  # a person asks; not a colour the shown listing offers to choose (银色 of a ring in 金色、银色)
    units = {u for _, u in re.findall(r"(\d+)\s*(码|cm|厘米|寸|岁)", text)}  # 40码 where 38码 and 39码 are listings:
    listed = units and any(m.group(0)[len(m.group(1)):].strip() in units  # a size the store sells as products
                           for p in catalog for n in p.names for m in _LENGTH.finditer(n))
    return lettered or bool(listed) or any(sized(p, int(n)) for n in re.findall(r"\d+", text) for p in catalog) or any(
        w in n for w in words if w for n in names)


def _offered_hues(shown: Product | None) -> set[str]:
    """The colours the shown listing's spec offers to choose, when it lists two or more (金色、银色两色): a colour said
    with its order is that choice, a note, even where another listing's name holds the hue (925银耳圈)."""
    said = {m.group(1)[-1] for m in _HUE.finditer(shown.spec or "")} if shown is not None else set()
    return said if len(said) > 1 else set()


_HUE = re.compile(r"([深浅亮暗淡奶天宝湖军酒玫藏墨雾烟卡藕雪乳咖香]?[红橙黄绿青蓝紫黑白灰粉棕褐金银米咖啡其驼杏彩])色")
_LETTER_SIZE = re.compile(r"(?<![a-zA-Z])\d?[xX]{0,3}[sSmMlL](?![a-zA-Z])")


# 160的, 240也来一个, 240 1个: a number said as a word of its own (then 的, 也, 还, 都, 不要, or a space and a count)
# (0.5的: a decimal only with 的, never 来1.5 of goods sold by weight)
BARE_MEASURE = re.compile(r"(?<![\d.#])(\d{1,3}\.\d{1,2}(?=\s*的)|\d{2,4})(?=\s*(?:的|也|还|都|不要|$)|\s+[x*]?\s*(?:\d|[一两俩二三四五六七八九十]))")
# 160ml, 500克, 6寸, 0.5mm, 36色, 128G, 280粒, 44号 inside a name: a capacity, weight, size or count (colours, grains) that
# tells products apart (a number of two digits or more with 号 is a size, 麻将 44号; a link only where that link is its own)
_MEASURE = re.compile(r"(?<![\d.])(\d{1,3}\.\d{1,2}|\d{2,4})\s*(?:ml|ML|mL|毫升|L|升|g|G|GB|T|TB|克|寸|cm|厘米|mm|毫米|W|瓦|mAh|码|色|米|粒|枚|抽|号)")


_PERCENT = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d)?)\s*%")


@per_catalog
def _percents(catalog: Catalog) -> dict[str, tuple[Product, ...]]:
    """a concentration in names (5%烟酰胺精华液: 5, never the 5 of 15%) -> the products whose names hold it."""
    found: dict[str, dict[str, Product]] = {}
    for p in catalog:
        for n in p.names:
            for m in _PERCENT.finditer(n):
                found.setdefault(m.group(1), {})[p.sku] = p
    return {k: tuple(v.values()) for k, v in found.items()}


@per_catalog
def _measures(catalog: Catalog) -> dict[str, dict[str, Product]]:
    """bare number -> the products whose names hold it as a capacity, weight or size (宽口径奶瓶160ml: 160)."""
    sizes: dict[str, dict[str, Product]] = {}
    for p in catalog:
        for n in p.names:
            for m in _MEASURE.finditer(n):
                sizes.setdefault(m.group(1), {})[p.sku] = p
        for low, high in _ranges_named(p):  # 38-39码: 38 too, each size the range holds (LABELS rule 8)
            for size in range(low, high + 1):
                sizes.setdefault(str(size), {})[p.sku] = p
    return sizes


_SIZE_RANGE = re.compile(r"(?<![\d.])(\d{2})\s*[-~～]\s*(\d{2})\s*码")


def _ranges_named(p: Product) -> set[tuple[int, int]]:
    """The ranges of sizes the product's names state (棉拖鞋 38-39码: (38, 39))."""
    return {(int(m.group(1)), int(m.group(2))) for n in p.names for m in _SIZE_RANGE.finditer(n)}
# 42-43, 38-39码, 38-39的 as said: a range of sizes, its 码 optional
RANGE_SAID = re.compile(r"(?<![\d.])(\d{2})\s*[-~～]\s*(\d{2})(?:\s*码)?(?![\d.])")


@per_catalog
def _size_ranges(catalog: Catalog) -> dict[tuple[int, int], Product | None]:
    """(38, 39) -> the listing whose names state that range of sizes (棉拖鞋 38-39码); None when several do."""
    found: dict[tuple[int, int], Product | None] = {}
    for p in catalog:
        for key in _ranges_named(p):
            found[key] = p if key not in found else None
    return found


def ranges_said(t: str, refs: list, catalog: Catalog, make_ref) -> list:
    """1双42-43, 38-39的也来一双: a range of sizes said whole names the one listing whose name states it (LABELS rule 8),
    never a quantity; the shorter refs read inside it (43码) give way (``make_ref(start, end, product, label, family)``)."""
    ranges = _size_ranges(catalog)
    out = list(refs)
    for m in RANGE_SAID.finditer(t) if ranges else ():
        owner = ranges.get((int(m.group(1)), int(m.group(2))))
        inside = [r for r in out if m.start() <= r.start and r.end <= m.end()]
        if owner is None or any(r.start < m.end() and m.start() < r.end for r in out if r not in inside):
            continue
        out = [r for r in out if r not in inside] + [make_ref(m.start(), m.end(), owner, m.group(0), ())]
    for m in _ONE_SIZE_SAID.finditer(t) if ranges else ():  # 38码的 of 棉拖鞋 38-39码: the one range holding it
        owners = {p.sku: p for (low, high), p in ranges.items() if p and low <= int(m.group(1)) <= high}
        linked = m.group(2) == "号" and catalog.by_link(int(m.group(1))) is not None  # 39号 of no link 39: the size
        missing = [r for r in out if r.product is None and not r.family and (r.start, r.end) == m.span()]  # LABELS 3
        if len(owners) == 1 and not linked and not any(r.start < m.end() and m.start() < r.end
                                                       for r in out if r not in missing):
            out = [r for r in out if r not in missing]
            out.append(make_ref(m.start(), m.end(), next(iter(owners.values())), m.group(0), ()))
    return sorted(out, key=lambda r: r.start) if out != refs else refs


_ONE_SIZE_SAID = re.compile(r"(?<![\d.\-~～])(\d{2})\s*([码号])(?!\s*[-~～\d])")


def measures_said(t: str, refs: list, catalog: Catalog, make_ref) -> list:
    """160的来一个, 240也来一个, 240 1个, 5%的来一瓶: a concentration, capacity, weight or size of one product's names (宽口径奶瓶160ml), said bare,
    names that product, never a quantity; a number in several products' names said with one of them (0.5的黑笔 of
    黑色中性笔 0.5mm beside 红色 0.5mm) is a word of that name; else, or a link of another product, it is left as it
    is (``make_ref(start, end, product, label, family)``)."""
    sizes = _measures(catalog)
    out = list(refs)
    for m in _PERCENT.finditer(t) if "%" in t else ():  # 5%的来一瓶 of 5%烟酰胺精华 beside 15%维C: that product
        owners = _percents(catalog).get(m.group(1), ())
        if len(owners) == 1 and not any(r.start < m.end() and m.start() < r.end for r in out):
            out.append(make_ref(m.start(), m.end(), owners[0], m.group(0), ()))
    for m in BARE_MEASURE.finditer(t):
        owners = sizes.get(m.group(1), {})
        linked = None if "." in m.group(1) else catalog.by_link(int(m.group(1)))  # 1.5 is never link 1
        if any(r.start < m.end() and m.start() < r.end for r in out):
            continue
        if len(owners) == 1 and (linked is None or linked.sku in owners):
            out.append(make_ref(m.start(1), m.end(1), next(iter(owners.values())), m.group(1), ()))
            continue
        beside = [r for r in out if r.product and r.product.sku in owners and _next_to(t, m, r)]
        if len(beside) == 1:  # 0.5的黑笔, 黑笔0.5的: the one the number is said with
            r = beside[0]
            start, end = min(r.start, m.start(1)), max(r.end, m.end(1))
            out[out.index(r)] = make_ref(start, end, r.product, t[start:end], ())
        elif len(owners) > 1 and not beside and m.group(1)[0] != "0" and ("." in m.group(1) or linked is None):
            # 1.8的 of 四件套 1.8米床 and 床笠 1.8米, 28的 of two 28cm pans (no link 28): one of them, the unit may tell
            out.append(make_ref(m.start(1), m.end(1), None, m.group(1), tuple(owners.values())))
    return sorted(out, key=lambda r: r.start) if out != refs else refs


@per_catalog
def _counted_parts(catalog: Catalog) -> dict[str, Product]:
    """a word of one product's names that counts what it holds (一壶四杯, 三件套) -> that product."""
    found: dict[str, dict[str, Product]] = {}
    for p in catalog:
        for n in p.names:
            for w in _NAME_PARTS.split(n):
                if len(w) >= 2 and COUNTED_PART.fullmatch(w) and not SIZE.fullmatch(w):
                    found.setdefault(w, {})[p.sku] = p
    held = {w: {q.sku for q in catalog if any(w in n for n in q.names)} for w in found}  # 16寸 of 16寸内胎 too
    return {w: next(iter(v.values())) for w, v in found.items() if len(v) == 1 and len(held[w]) == 1}


def counts_said(t: str, refs: list, catalog: Catalog, make_ref) -> list:
    """一壶四杯的来两套, 要一套六个的, 6头的来一盆: a word of one product's name that counts what it holds (便携旅行茶具
    一壶四杯, 多肉拼盘 6头; a short one only with 的) names that product; its numbers are no quantity (``make_ref(start, end, product, label, family)``)."""
    out = list(refs)
    for w, p in _counted_parts(catalog).items():
        at = t.find(w)
        if len(w) == 2 and not t.startswith("的", at + 2) or at > 0 and t[at - 1].isdigit():
            continue  # 6头 of 多肉拼盘 6头: the name only with 的 (6头的); 来6头 may count heads
        if at >= 0 and not any(r.start < at + len(w) and at < r.end for r in out):
            out.append(make_ref(at, at + len(w), p, w, ()))
    return sorted(out, key=lambda r: r.start) if len(out) > len(refs) else refs


def _next_to(t: str, m: re.Match, r) -> bool:
    """The number ``m`` is said right before or after the reference ``r`` (0.5的黑笔, 黑笔0.5的)."""
    return bool(re.fullmatch(r"\s*的?\s*", t[m.end(1):r.start] if r.start >= m.end(1) else t[r.end:m.start(1)]))


def measured_kin(t: str, refs: list, catalog: Catalog, make_ref) -> list:
    """550的矿泉水, 16的内胎: a number of several products' names (a capacity or size, ``_measures``) said right
    beside a family word names the one member of that family whose name holds it; never a quantity."""
    out = list(refs)
    for m in BARE_MEASURE.finditer(t):
        owners = _measures(catalog).get(m.group(1), {})
        if len(owners) < 2 or any(r.start < m.end(1) and m.start(1) < r.end for r in out):
            continue
        kin = [(r, held) for r in out if r.product is None and r.family and _next_to(t, m, r)
               and len(held := [p for p in r.family if p.sku in owners]) == 1]
        if len(kin) == 1:
            r, product = kin[0]
            start, end = min(r.start, m.start(1)), max(r.end, m.end(1))
            out[out.index(r)] = make_ref(start, end, product[0], t[start:end], ())
    return out
