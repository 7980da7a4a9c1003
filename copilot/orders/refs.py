"""What a clause of a comment names: links (3号, 链接5, #4), product names and aliases, the words that
set a product apart from its family (柠檬 of 柠檬凤爪) and family words (凤爪: one of several), and the
unread word a person still reads as one product (a part of its names, a sound-alike or look-alike typo, a
look-alike of the product on screen).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copilot.base.catalog import LINK_RE, Catalog, Product, link_number
from copilot.base.sounds import syllables
from copilot.orders.alike import shape_kin
from copilot.orders.amounts import GRAMS, UNIT_WORDS, VERB, read_quantities
from copilot.orders.categories import category_refs
from copilot.orders.lexicon import also_means, is_thing
from copilot.orders.look_alikes import look_alike, looks_like
from copilot.orders.marked import marked_said, marked_words
from copilot.orders.memo import per_catalog
from copilot.orders.names import numbered_names, plain_name
from copilot.orders.packs import one_goods, sold_in
from copilot.orders.shorthand import shorthand
from copilot.orders.sizes import (
    BARE_MEASURE,
    COUNTED_PART,
    RANGE_SAID,
    SIZE,
    counts_said,
    measured_kin,
    measures_said,
    ranges_said,
    sizes_said,
)
from copilot.orders.specs import spec_named, specs_said
from copilot.orders.suffixed import own_words, suffixed
from copilot.orders.typos import near_products, sounds_near
from copilot.orders.variants import shown_member

_ORDER_WORD = re.compile(VERB + r"|多|少|各|每|都")


@dataclass
class Ref:
    start: int
    end: int
    product: Product | None
    label: str
    family: tuple[Product, ...] = ()  # a word several products share (凤爪): one of them, not known which
    shown: bool = False  # the family's member on screen, picked for the screen alone (LABELS rule 9): a word said
    # beside it that tells the family apart (XL的来一包 纸尿裤) still picks


def find_refs(t: str, catalog: Catalog) -> list[Ref]:
    """Links, names and aliases, then the words that set a product apart from its family (柠檬 of
    柠檬凤爪) and family words (凤爪: one of several products). A link and a word of its product side by side
    (1号T恤, 6号的裙子, 1号的高精面粉) are one reference."""
    refs, out = own_words(t, _find_refs(t, catalog), catalog, Ref), []  # H4远近光: 远近 of its 远近一体, said on
    for r in refs:
        p = out[-1] if out else None
        link, word = (p, r) if p and _LINK_LABEL.search(p.label) else (r, p)
        if p and word and _LINK_GAP.fullmatch(t[p.end:r.start]) and _LINK_LABEL.search(link.label) and \
                link.product and not _LINK_LABEL.search(word.label) and link.product in (word.product, *word.family):
            out[-1] = Ref(p.start, r.end, link.product, t[p.start:r.end])
        else:
            out.append(r)
    return out if len(out) < len(refs) else refs


_LINK_LABEL = re.compile(r"\d\s*号|链接|#\s*\d")
# between a link and a word of its product: nothing, 的, or a word or two of the name that were not read (1号的高精面粉:
# 高精, a slip of 高筋, before the family word 面粉 that link 1 is one of); never a word that joins two things (1号和面粉)
_LINK_GAP = re.compile(r"[\s的]*(?:[^\W\d和跟与及还也或再都_]{1,2}[\s的]*)?")


def _find_refs(t: str, catalog: Catalog) -> list[Ref]:
    named = catalog.mentions(t)
    # 5号电池: a name that holds a link-like number (5号) names its product, not link 5
    refs = [Ref(s, e, p, t[s:e]) for s, e, p, _ in catalog.links(t)
            if not any(ms <= s and e <= me and me - ms > e - s for ms, me, _ in named)]
    for s, e, p in named:
        if not any(s < r.end and e > r.start for r in refs):
            refs.append(Ref(s, e, p, t[s:e]))
    refs = _with_year(t, refs) if named and _YEAR_BEFORE.search(t) else refs
    refs = _shared_tail(t, refs, catalog) if named and len(refs) > 1 else refs
    refs = suffixed(t, refs, catalog, Ref) if refs else refs  # 鸡肉罐头整箱: the case of 鸡肉罐头
    refs = ranges_said(t, refs, catalog, Ref) if RANGE_SAID.search(t) or re.search(r"\d\s*[码号]", t) else refs  # 42-43的: the 42-43码 listing
    refs = measures_said(t, refs, catalog, Ref) if BARE_MEASURE.search(t) or "%" in t else refs
    refs = counts_said(t, refs, catalog, Ref) if COUNTED_PART.search(t) else refs  # 一壶四杯的
    refs = _numbered_by_sound(t, refs, catalog) if _DIGIT_WORD.search(t) else refs
    refs = marked_said(t, refs, catalog, Ref) if marked_words(catalog) else refs  # 9W的, 5号的: names, no counts
    refs = specs_said(t, refs, catalog, Ref)  # LT60, 2.0的, 3-8岁, 90的 of LT-90: specs of the names, no counts
    refs = _numbered_by_homophone(t, refs, catalog) if _DIGITS_NEXT.search(t) else refs  # 嘿色402
    refs = category_refs(t, refs, catalog, Ref)  # 饮料, 蘑菇: a category word said alone, one of several
    short = shorthand(catalog)
    if short.pattern is None and short.singles is None:
        refs = sizes_said(t, refs, catalog, Ref) if SIZE.search(t) else refs
        return sorted(refs, key=lambda r: r.start) if len(refs) > 1 else refs
    for s, e, word in short.find(t):
        if not any(s < r.end and e > r.start for r in refs):
            refs.append(Ref(s, e, short.variants.get(word), word, short.families.get(word, ())))
    refs = _misspelt_around(t, refs, catalog)  # 毛牛肉: 牦牛肉 typed by its sound around 牛肉, a part of its name
    refs = _family_misspelt_around(t, refs, catalog)  # 暖宝包: the family word 暖宝宝 typed by its sound around 暖宝
    refs = sizes_said(t, refs, catalog, Ref) if SIZE.search(t) else refs  # 成猫粮1.5kg, 10公斤的
    refs = _look_alike_names(t, _paired_singles(t, sorted(refs, key=lambda r: r.start), short), catalog)
    if not any(r.family for r in refs):
        return refs
    refs = _family_typos(t, refs, catalog)
    refs = measured_kin(t, refs, catalog, Ref) if BARE_MEASURE.search(t) else refs  # 550的矿泉水
    out: list[Ref] = []
    for r in refs:  # 柠檬的凤爪, 虎皮味凤爪: a family word right after one of its variants names that one
        if out and r.family and out[-1].product in r.family and re.fullmatch(r"[的味口\s]{0,3}", t[out[-1].end:r.start]):
            out[-1] = Ref(out[-1].start, r.end, out[-1].product, t[out[-1].start:r.end])
        elif out and out[-1].family and out[-1].product is None and r.product and (r.product in out[-1].family or any(
                out[-1].label in n for n in r.product.names)) \
                and t[out[-1].end:r.start].strip() in ("", "是") and re.match(r"\s?[的味]", t[r.end:]):
            out[-1] = Ref(out[-1].start, r.end, r.product, t[out[-1].start:r.end])  # 豆浆无糖的, 豆浆是无糖的
        elif out and _one_shared(out[-1], r) and re.fullmatch(r"[的\s]{0,2}", t[out[-1].end:r.start]):
            out[-1] = Ref(out[-1].start, r.end, _one_shared(out[-1], r), t[out[-1].start:r.end])  # 28的炒锅
        else:
            out.append(r)
    return [_family_then_variant(t, r, short) if r.family and r.product is None else r for r in out]


def _one_shared(a: Ref, b: Ref) -> Product | None:
    """28的炒锅 where 28 is a size of a 炒锅 and of a 汤锅 and 炒锅 a word of the 28cm and 32cm 炒锅: two family words side
    by side whose families share exactly one product name it."""
    if a.product is not None or b.product is not None or not a.family or not b.family:
        return None
    shared = [p for p in a.family if p in b.family]
    return shared[0] if len(shared) == 1 else None


_YEAR_BEFORE = re.compile(r"(?<![\d.])(?:(?P<y>(?:19|20)\d{2})年?|(?P<yy>\d{2})年)$|\d{2}年?[\u4e00-\u9fff]")


def _with_year(t: str, refs: list[Ref]) -> list[Ref]:
    """2019寿眉, 23年白牡丹: a year said before a name, where the product's names hold that year (2019年福鼎寿眉饼),
    is the product's own year: part of the name, no quantity."""
    out = []
    for r in refs:
        m = _YEAR_BEFORE.search(t[:r.start]) if r.product else None
        year = m and (m.group("y") or m.group("yy"))
        if year and any(re.search(rf"(?<!\d)(?:19|20)?{year}年", n) for n in r.product.names):
            r = Ref(m.start(), r.end, r.product, t[m.start():r.end])
        out.append(r)
    return out


_DIGIT_WORD = re.compile(r"(?<![\d.])(\d{1,3})([\u4e00-\u9fff])")


@per_catalog
def _digit_names(catalog: Catalog) -> dict[str, list]:
    """number -> (the character after it, product) of the names made of a number and one character (1段, 6寸)."""
    named: dict[str, list] = {}
    for p in catalog:
        for n in p.names:
            m = re.fullmatch(r"(\d{1,3})([\u4e00-\u9fff])", n)
            if m:
                named.setdefault(m.group(1), []).append((m.group(2), p))
    return named


def _numbered_by_sound(t: str, refs: list[Ref], catalog: Catalog) -> list[Ref]:
    """2断来一罐 for 2段: a name of a number and one character (1段, 6寸) typed with a character that sounds like
    it (toneless, blurred) and is no unit (2袋 is two bags): that product, when it is the only one it can be."""
    named = _digit_names(catalog)
    out = list(refs)
    for m in _DIGIT_WORD.finditer(t) if named else ():
        ch = m.group(2)
        owners = {p.sku: p for tail, p in named.get(m.group(1), ()) if tail != ch and sounds_near(tail, ch)}
        if len(owners) == 1 and ch not in UNIT_WORDS and not any(r.start < m.end() and m.start() < r.end for r in out):
            out.append(Ref(m.start(), m.end(), next(iter(owners.values())), m.group(0)))
    return sorted(out, key=lambda r: r.start) if len(out) > len(refs) else refs


def _paired_singles(t: str, refs: list[Ref], short) -> list[Ref]:
    """卤的泡椒的各来一盒: a one-character variant another product's name also starts with (卤 of 卤鸡爪, and of
    卤牛肉) names its product when said as 卤的 beside another member of its family (泡椒的) or a family word holding it
    and another member (凤爪; 中性笔 of 黑笔 / 红笔: 中性笔 黑的); so when it stands
    against a number or another one-character variant (红黑各一盒, 1黑1红, 黑1红1 beside 红笔: 黑 of 黑笔, not of 黑色笔芯)."""
    if not short.paired:
        return refs
    added = []
    ps, cs = "".join(short.paired), "".join(w for w in short.variants if len(w) == 1) or "的"
    for m in re.finditer(f"[{ps}](?=的|各|[\\d{cs}])|(?<=[\\d{cs}])[{ps}]", t):
        p, family = short.paired[m.group(0)]
        if any(r.product in family and r.product is not p or p in r.family and len(set(r.family) & set(family)) > 1
               for r in refs) \
                and not any(r.start < m.end() and m.start() < r.end for r in refs):
            added.append(Ref(m.start(), m.end(), p, m.group(0)))
    return sorted(refs + added, key=lambda r: r.start) if added else refs


def _misspelt_around(t: str, refs: list[Ref], catalog: Catalog) -> list[Ref]:
    """盐局腰果 (盐焗腰果), 花生苏 (花生酥 beside 花生), 011吉他玄 (011吉他弦 beside 011): a longer name typed with a
    homophone (23寸 read digit by digit) or a look-alike (``looks_like``) around a shorter name
    said exactly is the longer name's product: the span reads like it, shares at least half its characters, takes in
    no other name, adds no order word or quantity (猪耳多要一斤: 多 of 多要, not 朵 of 猪耳朵), and reads like the
    names of one product only."""
    found: dict[tuple[int, int], set] = {}
    for r in refs:
        for name, off, p in _holding(r.label, catalog) if r.product is not None else ():
            s, e = r.start - off, r.start - off + len(name)
            if s < 0 or e > len(t) or sum(a == b for a, b in zip(t[s:e], name)) * 2 < len(name) \
                    or any(q is not r and q.start < e and s < q.end and not _family_part(q, p, name[q.start - s:q.end - s])
                           for q in refs):
                continue
            if (syllables(t[s:e]) == syllables(name) or looks_like(t[s:e], name)) and not _says_more(t, s, e, r):
                found.setdefault((s, e), {})[p.sku] = p
    for (s, e), products in found.items():
        if len(products) == 1 and all(s <= r.start and r.end <= e for r in refs if r.start < e and s < r.end):
            refs = [r for r in refs if not (r.start < e and s < r.end)] + [Ref(s, e, next(iter(products.values())), t[s:e])]
    return sorted(refs, key=lambda r: r.start) if found else refs


def _family_misspelt_around(t: str, refs: list[Ref], catalog: Catalog) -> list[Ref]:
    """暖宝包来20片 (暖宝宝), 电热摊 (电热毯), 热水代 (热水袋): a longer family word typed with a homophone around a shorter
    one said exactly (暖宝, 电热, 热水) is the longer word, of its members (the same, or fewer: 洗衣夜 of 洗衣液 around
    洗衣 of 洗衣液 and 洗衣凝珠): which member, the unit or a person says
    (``_misspelt_around`` does the same for one product's names). The span takes in no other ref, starts a word and
    adds no order word or quantity."""
    families = shorthand(catalog).families
    out = list(refs)
    for r in refs:
        if r.product is not None or not r.family:
            continue
        found = {}
        for word, members in families.items():
            off = word.find(r.label)
            s, e = r.start - off, r.start - off + len(word)
            if off < 0 or len(word) <= len(r.label) or s < 0 or e > len(t) or not set(members) <= set(r.family) \
                    or any(q is not r and q.start < e and s < q.end for q in refs) or _inside_word(t, s):
                continue
            if syllables(t[s:e]) == syllables(word) and t[s:e] != word and not _says_more(t, s, e, r):
                found[(s, e)] = word
        if len(found) == 1:
            (s, e), word = next(iter(found.items()))
            members = families[word] if set(families[word]) != set(r.family) else r.family
            out = [q for q in out if q is not r] + [Ref(s, e, None, word, members)]
    return sorted(out, key=lambda r: r.start) if out != refs else refs


def _inside_word(t: str, s: int) -> bool:
    """The span starting at ``s`` starts inside a run of characters (狼豪毛笔: 豪毛笔 is the end of 狼毫毛笔 typed by its
    sound, a slip of a name ``typos`` reads, not the family word 毫毛笔); after an order word it starts a word."""
    return s > 0 and bool(re.match(r"[\u4e00-\u9fff]", t[s - 1])) and t[s - 1] not in "来要拿买订给和跟"


def _family_part(q: Ref, p: Product, under: str) -> bool:
    """``q``, inside the span of a longer name of ``p``, is a family word of ``p`` that the name holds right there
    (克里里 of 23寸优克里里, the family's 尤克里里 typed by its sound): part of the same name, no other goods."""
    return q.product is None and p in q.family and under == q.label


def _says_more(t: str, s: int, e: int, r: Ref) -> bool:
    """The characters a longer name would add around ``r`` hold an order word or a quantity."""
    said = [(m.start(), m.end()) for m in _ORDER_WORD.finditer(t)] + [(q.start, q.end) for q in read_quantities(t)]
    return any(a < b2 and a2 < b for a, b in said for a2, b2 in ((s, r.start), (r.end, e)) if a2 < b2)


def _holding(label: str, catalog: Catalog) -> list:
    """The longer names holding ``label`` (see ``_longer_names``): a name's from the table; a part of a name read as
    its product (牛肉 of 牦牛肉, 毛牛肉 typed) is held by the names it is a part of."""
    longer = _longer_names(catalog)
    if label in longer or len(label) < 2:
        return longer.get(label, [])
    return [(name, name.index(label), p) for name, p in shorthand(catalog).names if label in name and name != label]


@per_catalog
def _longer_names(catalog: Catalog) -> dict[str, list]:
    """name -> (a longer name holding it, where it starts in it, its product)."""
    names = shorthand(catalog).names
    got: dict[str, list] = {}
    for short, _ in names:
        for name, p in names:
            if short != name and short in name and len(short) >= 2:
                got.setdefault(short, []).append((name, name.index(short), p))
    return got


def _family_then_variant(t: str, r: Ref, short) -> Ref:
    """豆浆甜的, 包子肉的: the family word, then the word of one of its members with 的 / 味: that member."""
    for word, p in short.variants.items():
        if p in r.family and re.match(re.escape(word) + r"\s?[的味]", t[r.end:]):
            return Ref(r.start, r.end + len(word), p, t[r.start:r.end + len(word)])
    return r


def _look_alike_names(t: str, refs: list[Ref], catalog: Catalog) -> list[Ref]:
    """齐菜馄饨, 荠菜大混沌: a whole name typed with a look-alike character (齐 for 荠, 混沌 for 馄饨), where a part
    of it was read as a variant or family word; the span names one product and takes in no other's name."""
    short = [r for r in refs if r.family or r.product is not None and r.label in shorthand(catalog).variants]
    if not short:
        return refs
    lengths = {len(n) for n, _ in shorthand(catalog).names if len(n) >= 4}
    for m in re.finditer(r"[\u4e00-\u9fff]{4,}", t):
        for k in sorted(lengths, reverse=True):
            for s in range(m.start(), m.end() - k + 1):
                e = s + k
                if not any(r.start >= s and r.end <= e for r in short) \
                        or any(r not in short and r.start < e and s < r.end for r in refs):
                    continue
                found = look_alike(t[s:e], catalog)
                if len(found) == 1:
                    kept = [r for r in refs if not (r.start < e and s < r.end)]
                    return sorted(kept + [Ref(s, e, found[0], t[s:e])], key=lambda r: r.start)
    return refs


_DIGITS_NEXT = re.compile(r"[\u4e00-\u9fff]\d|\d[\u4e00-\u9fff]")


def _numbered_by_homophone(t: str, refs: list[Ref], catalog: Catalog) -> list[Ref]:
    """嘿色402 for 黑色402: a name that holds a number, typed with a homophone for a character of its words, is that
    name's product when the span names one product and overlaps no reference read (the number is the name's, no
    quantity and no link)."""
    spans = [(s, e, p) for s, e, p in catalog.sound_alikes(t) if any(ch.isdigit() for ch in t[s:e])]
    for s, e, p in spans:
        if len({q.sku for a, b, q in spans if (a, b) == (s, e)}) == 1 \
                and not any(r.start < e and s < r.end and r.end - r.start >= e - s for r in refs):
            refs = sorted([r for r in refs if not (r.start < e and s < r.end)] + [Ref(s, e, p, t[s:e])],
                          key=lambda r: r.start)
    return refs


def _family_typos(t: str, refs: list[Ref], catalog: Catalog) -> list[Ref]:
    """内脂豆腐, 豆腐闹: a family word (豆腐) inside a name typed with a homophone (内酯豆腐, 豆腐脑) is that
    name's product, when the sound-alike span takes in the whole family word and names one product."""
    spans = [(s, e, p) for s, e, p in catalog.sound_alikes(t)
             if any(r.family and r.product is None and s <= r.start and r.end <= e and (s, e) != (r.start, r.end)
                    for r in refs)]
    for s, e, p in spans:
        if len({q.sku for a, b, q in spans if (a, b) == (s, e)}) == 1 \
                and not any(r.product and r.start < e and s < r.end for r in refs):
            refs = sorted([r for r in refs if not (r.start < e and s < r.end)] + [Ref(s, e, p, t[s:e])],
                          key=lambda r: r.start)
    return refs


def mask(t: str, refs: list[Ref]) -> str:
    """Blank out product references so their digits are not read as quantities."""
    chars = list(t)
    for r in refs:
        chars[r.start:r.end] = "#" * (r.end - r.start)
    return "".join(chars)


def fuzzy_product(word: str, catalog: Catalog, current: Product | None = None,
                  unit: str | None = None, qualifier: bool = False) -> Product | None:
    """A name a person still reads without doubt: a part of one product's names only (基围, 虾: see
    ``shorthand.partial``), one character off a name of 3+ characters (贵妃忙 -> 贵妃芒), sounding
    like a name (排古 -> 排骨, 牛乃 -> 牛奶) or looking like it (亡果 -> 芒果). Two close products: None."""
    if len(word) > 8:
        return None
    partial = shorthand(catalog).partial(word, current, unit, qualifier)  # 蛋黄的: said as a qualifier
    if partial is not None and also_means(word, catalog, partial):
        return None  # 插座 of 五孔插座 beside 插线板: a socket or a strip, a person asks
    if partial is not None or len(word) < 2:
        return partial
    hits = {p.sku: p for p in catalog for n in p.names
            if len(word) >= 3 and len(n) == len(word) and sum(a != b for a, b in zip(n, word)) == 1}
    if not hits:
        hits = {p.sku: p for s, e, p in catalog.sound_alikes(word) if s == 0 and e == len(word)}
        hits.update((p.sku, p) for p in look_alike(word, catalog))
        hits.update((p.sku, p) for p in shorthand(catalog).sound_alike(word))
    if not hits:  # 湿今来3包: the family's word typed by its sound, the member told by the screen or the unit
        short = shorthand(catalog)
        for w in short.family_sound_alike(word):
            members = short.families[w]
            p = sold_in(members, unit, w) or shown_member(members, current, unit)  # 像棋来两副: the size shown
            if p is not None and not (current is not None and current in members and p is not current):
                hits[p.sku] = p
    if not hits and len(word) >= 3:  # 扒丹木 for 巴旦木: three sounds or more all the same, not by chance
        hits = {p.sku: p for p in catalog.homophones(word)
                if any(a == b for n in p.names if len(n) == len(word) for a, b in zip(n, word))}
    if not hits:  # 羊豪 for 羊毫, 笔冼 for 笔洗, 镇尺 for 镇纸: the one general reading of a slip or a synonym
        hits = {p.sku: p for p in near_products(word, catalog)}
    if len(hits) > 1 and one_goods(hits.values()):
        return _pack_of_slip(list(hits.values()), current, unit)
    return next(iter(hits.values())) if len(hits) == 1 else None


def _pack_of_slip(packs: list[Product], current: Product | None, unit: str | None) -> Product | None:
    """雪采来一斤, 鸡旦来15个: a slip of a word the listings of one goods in several packs share (雪菜 of 雪菜（散称） and
    雪菜 一斤袋): the listing the unit said picks (``sold_in``), else the shown one of them when it alone is sold in
    that unit itself (a weight of goods sold by weight) or no unit is said; None otherwise (护里液来一瓶 of two
    bottles, the one on screen or the other: a person asks)."""
    picked = sold_in(packs, unit) if unit else None
    if picked is not None and current in packs and picked is not current:
        return None  # 抽之巾来一提 with the single pack shown: a slip against the screen, a person confirms
    if picked is not None or current is None or current not in packs:
        return picked
    if unit is None:
        return current
    own = [p for p in packs if p.unit == unit or unit in GRAMS and p.is_weight]
    return current if own == [current] else None


@per_catalog
def _name_chars(catalog: Catalog) -> frozenset[str]:
    return frozenset(ch for p in catalog for n in p.names for ch in n)


def may_name(word: str, catalog: Catalog) -> bool:
    """``word`` shares a character with some product's names: a cheap first look before ``fuzzy_product``
    (主播好漂亮 shares none, so no sound or shape is compared)."""
    chars = _name_chars(catalog)
    return any(ch in chars for ch in word)


def unknown_reason(ref: Ref) -> str:
    if ref.family:
        return f"「{ref.label}」有{len(ref.family)}种（{'、'.join(p.name for p in ref.family)}），没说要哪一种"
    return f"没有「{ref.label}」这个链接"


def spoken_product(masked: str, catalog: Catalog, unread) -> tuple[Product, str] | None:
    """称子一斤半: a sound-alike of a name that takes in an order word (称 of 称子 is also 称 = weigh), found
    in the whole clause; the product and the word as written, when blanking that word leaves nothing unread
    (``unread(masked)`` is what no rule reads)."""
    found: dict[str, tuple[Product, str]] = {}
    for s, e, p in catalog.sound_alikes(masked):
        if not unread(masked[:s] + "#" * (e - s) + masked[e:]):
            found[p.sku] = (p, masked[s:e])
    return next(iter(found.values())) if len(found) == 1 else None


def shown_look_alike(masked: str, current: Product | None, unread) -> tuple[Product, str] | None:
    """恰宝两桶 while 怡宝 is on screen: a name of the product shown, typed with one character a hurried eye takes
    for the right one (``shorthand.shape_kin``), that is no word of its own; the product and the word as written,
    when blanking it leaves nothing unread. Off screen the same typo is not settled (a person looks)."""
    if current is None:
        return None
    for n in current.names:
        for s in range(len(masked) - len(n) + 1) if len(n) >= 2 else ():
            word = masked[s:s + len(n)]
            diff = [(a, b) for a, b in zip(word, n) if a != b]
            if len(diff) == 1 and shape_kin(*diff[0]) and not is_thing(word) \
                    and not unread(masked[:s] + "#" * len(n) + masked[s + len(n):]):
                return current, word
    return None


_QTY_NEXT = re.compile(r"\s*(?:来|要|拿|订|买)?\s*[x*×]?\s*(?:\d|[一二两俩三四五六七八九十半])")


def as_named(text: str, catalog: Catalog) -> str:
    """乌几1只, 琵琶退一袋: a name typed with a homophone and followed by its quantity (or 来 and a quantity) reads as that name before any
    word inside it is read (几 asks how many, 退 returns goods: not here). The text with such spans written as the
    name, for the rules that read a clause's kind; a span that reads like two products' names stays as typed."""
    spans: dict[tuple[int, int], set] = {}
    for s, e, p in catalog.sound_alikes(text):
        if _QTY_NEXT.match(text, e):
            spans.setdefault((s, e), {})[p.sku] = p
    for (s, e), products in sorted(spans.items(), reverse=True):
        if len(products) == 1:
            text = text[:s] + plain_name(next(iter(products.values()))) + text[e:]
    return spec_named(text, catalog)  # 3-8岁的: the 儿童餐, no talk of an age


def _shared_tail(t: str, refs: list[Ref], catalog: Catalog) -> list[Ref]:
    """5号和7号电池各来一板: a link-like number joined to a name that starts with another one (7号电池) and
    whose rest (电池) makes a name with this number too: the two names share that rest."""
    numbered = numbered_names(catalog)
    if not numbered:
        return refs
    out = list(refs)
    for i, r in enumerate(refs[:-1]):
        nxt, m = refs[i + 1], LINK_RE.fullmatch(r.label)
        if m is None or "号" not in r.label or not re.fullmatch(r"\s*[和跟与、/+]\s*", t[r.end:nxt.start]):
            continue
        tails = [rest for rest, q in numbered.get(link_number(LINK_RE.match(nxt.label)) or -1, ()) if q is nxt.product
                 and nxt.label.endswith(rest)] if LINK_RE.match(nxt.label) else []
        mine = [q for rest, q in numbered.get(link_number(m), ()) if rest in tails and q is not nxt.product]
        if len(set(mine)) == 1:
            out[i] = Ref(r.start, r.end, mine[0], r.label)
    return out
