"""The short names a 接龙 header gives its products: a word the whole shop shares (柠檬 of 柠檬香洗衣液 and
柠檬洗洁精, 5号 of link 5 and 5号电池) names the one product of the chain's offer it belongs to; a unit only one
offered product is sold in (提 of 整提, 饼 of 单饼 sold by the 个 with ``pack: 1饼``) names that product, and so do a
size several of the shop's goods hold (1L) and 单 with the single's unit (单瓶) where one offered product fits; goods named
by a listing the chain does not offer are asked in the pack of them it does (脐橙10斤 of a chain of 整箱10斤)."""

from __future__ import annotations

import re
from dataclasses import replace

from copilot.base.catalog import LINK_RE, Catalog, Product, link_number
from copilot.base.zhnum import NUM_PATTERN, normalize, zh_to_number
from copilot.orders.amounts import UNIT_WORDS, Quantity, check_items, rough
from copilot.orders.classifiers import WHOLE, same_count
from copilot.orders.intent import Intent, Kind
from copilot.orders.names import numbered_names, plain_name
from copilot.orders.packs import pack_word, same_goods, singles_of
from copilot.orders.shorthand import shorthand
from copilot.orders.sizes import SIZE, counted_beside, size_key, sizes_of

_UNIT_WORDS = "|".join(re.escape(u) for u in UNIT_WORDS)


def offered_short_names(t: str, offered: list[Product], catalog: Catalog) -> str:
    """``t`` with each family word (柠檬) and each link-like number that starts names (5号) written as the name of
    the one offered product it can be; left as written when it can be several of the offer, or is a link number
    whose own product is on offer too."""
    if not offered:
        return t
    skus = {p.sku for p in offered}
    named = [(s, e) for s, e, _ in catalog.mentions(t)]
    short = shorthand(catalog)
    spans: list[tuple[int, int, Product]] = []
    for s, e, word in short.find(t):
        owners = [p for p in short.families.get(word, ()) if p.sku in skus] if word not in short.variants else []
        owners = _counted_in(owners, t[e:], catalog) if len(owners) > 1 else owners
        if len(owners) == 1 and not any(a < e and s < b for a, b in named):
            spans.append((s, e, owners[0]))
    for m in LINK_RE.finditer(t):
        n = link_number(m)
        if n is None or "号" not in m.group(0) or "链接" in m.group(0) or any(a < m.end() and m.start() < b for a, b in named):
            continue
        owners = list(dict.fromkeys(q for _, q in numbered_names(catalog).get(n, ()) if q.sku in skus))
        shown = catalog.by_link(n)
        if len(owners) == 1 and (shown is None or shown.sku not in skus):
            spans.append((m.start(), m.end(), owners[0]))
    spans += _numbered_words(t, named, skus, catalog) + _single_said(t, named, offered, catalog) \
        + _sizes_offered(t, named, offered, catalog)
    for s, e, p in sorted(spans, key=lambda x: x[0], reverse=True):
        if not any(a < e and s < b for a, b, _ in spans if (a, b) != (s, e)):
            t = t[:s] + plain_name(p) + t[e:]
    return t


# 单瓶, 单盒的, 单的: the single of goods sold in several packs, said before a count, 的 or the line's end
SINGLE = re.compile(rf"(?<![\d\u4e00-\u9fff])单(?P<u>{_UNIT_WORDS})?(?=的|\s*(?:{NUM_PATTERN}|半)|\s*$)")


def _single_said(t: str, named: list[tuple[int, int]], offered: list[Product], catalog: Catalog) -> list[tuple[int, int, Product]]:
    """单瓶3瓶 in a chain that offers 椰子水 by the 瓶 and its 整箱 of 6瓶: 单 (with the single's unit, or 的) said of goods
    the chain offers in several packs names the single of them (``single_of``, LABELS rule 2: 单的 / 单盒的 names the
    single), when the chain offers exactly one such single."""
    singles = [s for s in singles_of(offered, catalog) if s in offered]
    if len(singles) != 1:
        return []
    return [(m.start(), m.end(), singles[0]) for m in SINGLE.finditer(t) if m.group("u") in (None, singles[0].unit)
            and not any(a < m.end() and m.start() < b for a, b in named)]


_COUNT_AFTER = re.compile(rf"\s*(?:来|要)?\s*(?:{NUM_PATTERN}|半)\s*(?P<u>{_UNIT_WORDS})")


def _counted_in(owners: list[Product], after: str, catalog: Catalog) -> list[Product]:
    """卡片10张 in a chain that offers the 卡片 单包 (a 包 of 5张) and the 卡片 整盒 (a 盒 of 20包): a family word of several
    offered packs of the same goods, then a count whose unit only one of them counts in (its sale unit, or else the
    piece its declared pack counts), names that one (LABELS rule 2: the unit tells apart packs of the same goods; the
    count goes through its pack, whole packs only). ``owners`` as they are otherwise."""
    m = _COUNT_AFTER.match(after)
    if m is None or any(q not in same_goods(owners[0], catalog) for q in owners[1:]):
        return owners
    unit = m.group("u")
    sold = [p for p in owners if p.unit == unit] or [p for p in owners if p.pack_size and p.pack_size[1] == unit]
    return sold if len(sold) == 1 else owners


# a number and the one character (or the letters) after it that a name writes as its size or model (14寸, 48V): no
# count, link or size of the parser's own (2斤, 5号, 1.8米, 3栋, 2kg are read elsewhere; the x of 14x2.50 is times)
_NUMBERED_WORD = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?:[\u4e00-\u9fff]|(?!x)[a-z]{1,2}(?![a-z]))", re.IGNORECASE)


def _numbered_words(t: str, named: list[tuple[int, int]], skus: set[str], catalog: Catalog) -> list[tuple[int, int, Product]]:
    """14寸 in a chain of 内胎 14x2.50 (alias 14寸内胎), where the shop also sells a 14寸外胎 and a 16寸 bike: a number and
    its character that several of the shop's names hold and exactly one offered product does, written outside
    any name, is that product's short name (the offer tells which of the shop's 14寸 goods the member means)."""
    out = []
    for m in _NUMBERED_WORD.finditer(t):
        word = m.group(0)
        if word[-1] in UNIT_WORDS or word[-1] in _NOT_A_WORD or SIZE.fullmatch(word) \
                or any(a < m.end() and m.start() < b for a, b in named):
            continue
        holders = [p for p in catalog if any(word.lower() in n.lower() for n in p.names)]  # 48v of 48V
        owners = [p for p in holders if p.sku in skus]
        if len(holders) > 1 and len(owners) == 1:
            out.append((m.start(), m.end(), owners[0]))
    return out


def numbered_short_names(content: str, offered: list[Product], catalog: Catalog) -> str:
    """``content`` with each number-and-character word of :func:`_numbered_words` written as the offered product's
    name (李姐 20寸1个 -> 铝框拉杆箱 20x40 1个), before the line is read: the parser alone may take the word for another of
    the shop's goods that holds it (a 20寸 cover); as written when there is none."""
    t = normalize(content)
    named = [(s, e) for s, e, _ in catalog.mentions(t)]
    spans = _numbered_words(t, named, {p.sku for p in offered}, catalog) + _sizes_short(t, named, offered) \
        + _bare_numbers(t, named, offered, catalog)
    if not spans:
        return content
    for s, e, p in sorted(spans, key=lambda x: x[0], reverse=True):
        t = t[:s] + plain_name(p) + t[e:]
    return t


# 32的, 304的; 2个32 (a number ending the line after a count), 18 2条: a number of the names said bare (not the 20 of
# 0W-20, a model), as a name
_COUNTED = re.compile(rf"(?:\d+|[一二两俩三四五六七八九十])\s*(?:{_UNIT_WORDS})")
_BARE_NUMBER = re.compile(rf"(?<![\d.#A-Za-z\-])(?P<n>\d{{2,4}})(?=\s*的|\s*$|(?P<next>\s+{_COUNTED.pattern}))")  # 18 2条


def _bare_numbers(t: str, named: list[tuple[int, int]], offered: list[Product], catalog: Catalog) -> list[tuple[int, int, Product]]:
    """32的1个, 2个32 in a chain that offers 铁锅 32cm, where the shop also sells a 不粘锅 32cm (304的1把 of a 304锅铲
    beside a 304汤锅): a number several of the shop's names hold on its own (no digit glued to it), said bare before
    的 (or ending the line after a count of its own), outside any name, that exactly one offered product's names hold,
    is that product's short name. Not a link number of another offered product."""
    out = []
    for m in _BARE_NUMBER.finditer(t):
        if any(a < m.end() and m.start() < b for a, b in named) \
                or not t.startswith("的", m.end()) and not m.group("next") and not _COUNTED.search(t[:m.start()]):
            continue
        own = re.compile(rf"(?<![\d.]){m.group('n')}(?![\d.])")
        holders = [p for p in catalog if any(own.search(n) for n in p.names)]
        owners = [p for p in holders if p in offered]
        linked = catalog.by_link(int(m.group("n")))  # 1条18 with link 18 the 怀表, not offered: the 18mm 表带
        if (len(holders) > 1 or linked is not None and linked not in offered) and len(owners) == 1 \
                and (linked is None or linked is owners[0] or linked not in offered):
            out.append((m.start(), m.end(), owners[0]))
    return out


# a size span said without its unit before 的 (5-7的 of 松茸 5-7厘米, 12-15的 of 花盆 12-15厘米)
_SPAN_SHORT = re.compile(r"(?<![\d.\-~～])(?P<a>\d+(?:\.\d+)?)\s*[-~～到至]\s*(?P<b>\d+(?:\.\d+)?)(?=\s*的)")


def _sizes_short(t: str, named: list[tuple[int, int]], offered: list[Product]) -> list[tuple[int, int, Product]]:
    """5-7的 in a chain whose menu offers 松茸 5-7厘米 and 松茸 7-9厘米: a span of a size said before 的 without its unit,
    outside any name, is the size of the one offered product whose name holds that span with a unit (SIZE); none
    where two offered products hold it, or none does. (A single number, 24的 of 不粘锅 24cm, the parser reads.)"""
    out = []
    for m in _SPAN_SHORT.finditer(t):
        if any(a < m.end() and m.start() < b for a, b in named):
            continue
        said = (float(m.group("a")), float(m.group("b")))
        owners = [p for p in offered if any(s.group(2) and (float(s.group(1)), float(s.group(2))) == said
                                            for n in p.names for s in SIZE.finditer(n))]
        if len(owners) == 1:
            out.append((m.start(), m.end(), owners[0]))
    return out


def _sizes_offered(t: str, named: list[tuple[int, int]], offered: list[Product], catalog: Catalog) -> list[tuple[int, int, Product]]:
    """1L 2瓶 in a chain that offers 鲜榨橙汁 1L家庭装, where the shop also sells a 椰子水 1L: a size of the names said as
    a name (right before a count in a unit its one offered holder is sold in, or before 的 / 装), outside any name, that
    several of the shop's products hold and exactly one offered product does, is that product's short name (the offer
    tells which of the shop's 1L goods the member means, as ``_numbered_words`` does for 14寸). Read where the line alone
    is not clear (``spell_out``): a size whose holders the count's unit already tells apart (1套1.8米) stays as written."""
    out = []
    for m in SIZE.finditer(t):
        if any(a < m.end() and m.start() < b for a, b in named):
            continue
        holders = sizes_of(catalog).get(size_key(m), ())
        owners = [p for p in holders if p in offered]
        if len(holders) > 1 and len(owners) == 1 and (_AS_NAME.match(t, m.end()) or counted_beside(t, m, owners)):
            out.append((m.start(), m.end(), owners[0]))
    return out


_AS_NAME = re.compile(r"\s*(?:的|装)")
_NOT_A_WORD = set("号栋幢楼层单元室岁点时日月分周")  # a link, an address, an age or a time

_UNIT = "(?:" + "|".join(re.escape(u) for u in UNIT_WORDS) + ")"
_COUNT = re.compile(rf"(?P<n>{NUM_PATTERN}|半)\s*(?P<u>{_UNIT})(?P<half>半)?[\s,，、+]*")


def sold_by(unit: str | None, offered: list[Product]) -> Product | None:
    """The one offered product sold in ``unit``: its sale unit, or a declared pack of one of it (1饼 of a 个)."""
    owners = [p for p in offered if unit and (p.unit == unit or p.pack_size == (1, unit))]
    return owners[0] if len(owners) == 1 else None


_HUNG = re.compile(r"(?<=[\d零〇一幺二两俩三仨四五六七八九十百千半])\s*挂")


def hung_as_string(content: str, catalog: Catalog) -> str:
    """鞭炮1挂, 一挂鞭炮: 挂 after a count is ordinary Chinese for a string of things hung together (一挂鞭炮, 一挂葡萄), the
    same count as 串; where the 挂 is part of a product's name the line writes (2本挂历, 挂面2把 and a 挂钩 sold as
    such), it stays that name."""
    if "挂" not in content:
        return content
    held = [(s, e) for s, e, _ in catalog.mentions(content)]
    return _HUNG.sub(lambda m: m.group(0) if any(s <= m.end() - 1 < e for s, e in held)
                     else m.group(0)[:-1] + "串", content)


def counts_by_unit(content: str, offered: list[Product]) -> Intent | None:
    """1提2饼, 1提，3饼 in a chain of 单饼 (by the 饼) and 整提 (by the 提): counts only, each unit naming one offered
    product, two or more products: an order of each. None when a count is not that (a person or the parser reads it)."""
    at, pairs = 0, []
    for m in _COUNT.finditer(content):
        if m.start() == at and any(pack_word(q) == m.group("u") for q in offered) \
                or any(pack_word(q) == content[m.start("n"):m.end("u")] for q in offered):
            return None  # 半只1份 of 烧鹅 整只 / 半只: 半只 names the listing, no half of a 只
        p = sold_by(m.group("u"), offered) if m.start() == at else None
        if p is None or any(p is q for q, _ in pairs):
            return None
        value = 0.5 if m.group("n") == "半" else zh_to_number(m.group("n")) or 0
        pairs.append((p, Quantity(0, 0, value + (0.5 if m.group("half") else 0), m.group("u"), rough(m.group("n")))))
        at = m.end()
    return check_items(Kind.ORDER, pairs) if len(pairs) >= 2 and at == len(content) else None


_LISTING_COUNT = re.compile(r"(?P<n>\d+|[一两二三四五六七八九十俩])\s*(?:个|份)?\s*(?P<w>[\u4e00-\u9fff]{2,3})[\s,，、+]*")


def counts_of_listings(content: str, offered: list[Product]) -> Intent | None:
    """1整只1半只, 2半只 in a chain of 烧鹅 整只 and 烧鹅 半只: counts each before the word that tells one offered listing
    from the others of its goods (its pack word, ``packs.pack_word``): an order of each. None when the line is not
    only such counts."""
    words = {pack_word(p): p for p in offered}
    words.pop("", None)
    at, pairs = 0, []
    for m in _LISTING_COUNT.finditer(content) if len(words) > 1 else ():
        p = words.get(m.group("w")) if m.start() == at else None
        if p is None or any(p is q for q, _ in pairs):
            return None
        pairs.append((p, Quantity(0, 0, float(zh_to_number(m.group("n")) or 0), p.unit)))
        at = m.end()
    return check_items(Kind.ORDER, pairs) if pairs and at == len(content) else None


# the words of one whole thing (``classifiers.WHOLE``) that no catalog sells in: 朵
WHOLE_ONLY = "".join(sorted(w for w in WHOLE if w not in UNIT_WORDS))
_WHOLE_ONLY_COUNT = re.compile(rf"^(?P<n>\d+|[一两二三四五六七八九十俩]{{1,3}})\s*(?P<u>[{WHOLE_ONLY}])[\s。.!！~～]*$")


def count_of_whole(counts: str, product: Product | None) -> Intent | None:
    """一朵 in a chain of one product sold by the 个: a count in a word of one whole thing that no catalog sells in (朵
    of a flower or a mushroom's head) counts the product's single items where that word does (``same_count``: a 个,
    no pack that holds several); else the line goes to a person, never dropped. None when the line is not such a
    count alone."""
    m = _WHOLE_ONLY_COUNT.match(counts)
    if m is None:
        return None
    value = zh_to_number(m.group("n"))
    if product is not None and product.pack is None and value and same_count(m.group("u"), product.unit):
        return check_items(Kind.ORDER, [(product, Quantity(0, 0, float(value), product.unit))])
    return Intent(Kind.ORDER, needs_review=True, reason=f"「{m.group(0)}」换算不了，请确认")


def in_offered_pack(intent: Intent, offered: list[Product], catalog: Catalog) -> Intent:
    """脐橙10斤 in a chain that offers only 赣南脐橙 整箱10斤: an item of goods the chain offers in another pack (the one
    offered listing of the same goods, LABELS rule 2: the chain's offer is its screen) is asked in that pack; the
    quantity said converts through it, whole packs only (10斤 = 1 箱; 5斤: review)."""
    if intent.kind is not Kind.ORDER or intent.needs_review or not offered:
        return intent
    skus = {p.sku for p in offered}
    pairs, moved = [], False
    for i in intent.items:
        p = catalog.get(i.sku) if i.sku and i.qty is not None else None
        packs = [q for q in same_goods(p, catalog) if q.sku in skus] if p is not None and i.sku not in skus else []
        if len(packs) == 1:
            pairs.append((packs[0], Quantity(0, 0, float(i.qty), p.unit)))
            moved = True
        else:
            pairs.append((catalog.get(i.sku), Quantity(0, 0, float(i.qty or 0), None)))
    if not moved or any(p is None for p, _ in pairs):
        return intent
    return replace(check_items(Kind.ORDER, pairs), note=intent.note)
