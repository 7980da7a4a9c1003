"""What a 接龙 chain offers, and a word of an offered product spelled out as its name.

``offered_products`` reads the header (and menu) for the products on offer: by name or alias, by a word only
some products share, by most of one product's name, or by a word and a size of the names. ``spell_out`` turns a
member's short word (韭菜2 in a chain of 韭菜鸡蛋水饺 and 三鲜水饺) into the one offered product's name, so the
comment parser reads it. Reading the chain's lines is :mod:`copilot.orders.jielong`.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.nouns import nouns
from copilot.base.zhnum import normalize, zh_to_number
from copilot.orders.amounts import UNIT_WORDS
from copilot.orders.categories import covers, lexicon
from copilot.orders.lexicon import also_means
from copilot.orders.names import plain_name
from copilot.orders.offered import offered_short_names
from copilot.orders.packs import only_pack_word, same_goods
from copilot.orders.shorthand import shorthand
from copilot.orders.sizes import SIZE, size_key, sizes_of

_UNIT = "(?:" + "|".join(re.escape(u) for u in UNIT_WORDS) + ")"
_RUN = re.compile(r"[\u4e00-\u9fff]+")
_RUN_EDGES = re.compile(rf"^(?:再来|要|来|{_UNIT})|的$")  # 2袋韭菜 / 要韭菜的: the word is 韭菜


def offered_products(text: str, catalog: Catalog) -> list[Product]:
    """Products the header names, by name or alias, by a word only some products share (卤鸭脖
    names both 原味卤鸭脖 and 香辣卤鸭脖: both are on offer), or by most of one product's name (西湖龙井 of
    西湖龙井茶)."""
    t = normalize(text)
    named = catalog.mentions(t)
    found = {p.sku: p for _, _, p in named}
    short = shorthand(catalog)
    words: list[set[str]] = []
    spans: list[tuple[int, int]] = []  # where each word of ``words`` is written (a size: none)
    labels: list[str] = []  # each word of ``words`` as written (a size: none)
    rest = _MIXED.sub(lambda m: " " * len(m.group(0)), _strip_names(t, catalog)) if named else _strip_names(t, catalog)
    for s, e, word in short.find(rest):  # 柠檬 / 虎皮, 凤爪两种口味
        if _measure_after_number(rest, s, word):
            continue  # 500克袋装: 克袋 of every 250克袋 and 200克袋 is the number's unit and the pack, no goods
        if any((e == ns or s == ne) and any(word in n for n in p.names) for ns, ne, p in named):
            continue  # 小熊纯棉T恤: 纯棉 written against the T恤's name is a word of that T恤, not the 纯棉 睡衣
        if word in short.variants and only_pack_word(word) and named and _pack_of_other(short.variants[word], named, catalog):
            continue  # 香草冰淇淋整盒团: 整盒 is how the named goods are sold, not the 西冷整盒 that word alone would name
        family = [short.variants[word]] if word in short.variants else _gauged(t[:s], short.families[word])
        words.append({p.sku for p in family})
        spans.append((s, e))
        labels.append(word)
    for m in re.finditer(r"[\u4e00-\u9fff]{2,8}", rest):
        if _measure_after_number(rest, m.start(), m.group(0)):
            continue
        sharing = catalog.holding(m.group(0))
        if only_pack_word(m.group(0)) and named and all(_pack_of_other(p, named, catalog) for p in sharing):
            continue  # 小猪的十个朋友 精装29.8元: 精装 is how the named book is bound, not the 精装 of another title
        if 1 < len(sharing) < len(catalog) or len(sharing) == 1 and _most_of_a_name(m.group(0), sharing[0]):
            words.append({p.sku for p in sharing})
            spans.append(m.span())
            labels.append(m.group(0))
    sized = _sized_words(t, catalog)
    words += sized
    spans += [(-1, -1)] * len(sized)
    labels += [""] * len(sized)
    kin = _kin_of_named(t, named, short)
    for k, skus in enumerate(words):  # 洗衣液团购 薰衣草 柠檬: 柠檬 is the 洗衣液 the header offers, not 柠檬洗洁精
        # the other words only: two readings of one written word (纯净水 as a family and as a word the names hold)
        # tell each other nothing, so neither widens the offer to the whole family; nor does the same word written
        # again (袋装 of 500克袋装 and of 袋装每人限4袋: the 九制话梅袋装 it may name is not offered by the other)
        context = set(found).union(*(w for j, w in enumerate(words) if w != skus and len(w) < len(catalog)
                                     and not _overlap(spans[j], spans[k]) and not (labels[j] and labels[j] == labels[k])
                                     and not only_pack_word(labels[j])))  # 散称 tells 袋装 no goods
        shown = skus & context or (skus & kin if len(skus) > 1 and not isinstance(skus, frozenset) else set())
        if not shown and only_pack_word(labels[k]) and context - set(skus) and not any(
                catalog.get(q) in same_goods(catalog.get(p), catalog) for p in skus for q in context):
            continue  # 动物黄油 454g一盒 盒装限3盒: 盒装 is how the offered butter is packed, not the 盒装 酵母
        found.update((sku, catalog.get(sku)) for sku in (shown or ([] if isinstance(skus, frozenset) else skus)))
    return [p for p in catalog if p.sku in found]


def _pack_of_other(p: Product, named, catalog: Catalog) -> bool:
    """``p``, the product a pack word alone names (整盒 of 西冷整盒), sells none of the goods the header names."""
    return all(p is not q and p not in same_goods(q, catalog) for _, _, q in named)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two words written over the same characters of the header (a size's span is none)."""
    return a[0] >= 0 and b[0] >= 0 and a[0] < b[1] and b[0] < a[1]


_MEASURES = frozenset(u for u in (*UNIT_WORDS, "克", "斤", "两", "升", "米") if len(u) == 1)  # one-character units


def _measure_after_number(text: str, start: int, word: str) -> bool:
    """``word`` at ``start`` begins with a unit right after a number (克袋 of 500克袋装): the number's, no goods."""
    return start > 0 and text[start - 1].isdigit() and word[:1] in _MEASURES


# 原味香辣各一半 beside a named 全家桶: what the named product holds, half and half, is no offer of those flavours
_MIXED = re.compile(r"[\u4e00-\u9fff]{2,8}各(?:一)?半")
_GAUGE = re.compile(r"(\d+号)[\u4e00-\u9fff]*$")


def _gauged(before: str, family: list[Product]) -> list[Product]:
    """10号大红灯笼 in a header: a family word (灯笼) after a gauge (10号) that one member's name holds
    (10号植绒灯笼) offers that member, not the family."""
    m = _GAUGE.search(before)
    held = [p for p in family if m and any(m.group(1) in n for n in p.names)]
    return held if len(held) == 1 else list(family)


def offered_variants(content: str, offered: list[Product], catalog: Catalog) -> tuple[str, set[str]]:
    """H7一对 in a chain that offers LED大灯 H7 and H4: a variant word (H7) of an offered product, not inside a name,
    spelled out as that product's name; with the skus of the words spelled. Not a category word that covers two
    offered products (项链 of 珍珠项链 beside 锁骨链: ``_kind_of_offered``)."""
    t = normalize(content)
    named = [(s, e) for s, e, _ in catalog.mentions(t)]
    skus = {p.sku for p in offered}
    short = shorthand(catalog)
    spans = [(s, e, short.variants[w]) for s, e, w in short.find(t) if w in short.variants
             and short.variants[w].sku in skus and not any(a < e and s < b for a, b in named)
             and not _kind_of_offered(w, offered)]
    for s, e, p in sorted(spans, key=lambda x: x[0], reverse=True):
        t = t[:s] + plain_name(p) + t[e:]
    return t, {p.sku for _, _, p in spans}


def _kin_of_named(t: str, named, short) -> set[str]:
    """现做拿铁 中杯 named in the header: the longest family word the name is written with (现做拿铁) brings its
    family into the context, so 大杯 beside it is the 大杯 of that family, not another product's 大杯."""
    out: set[str] = set()
    for s, e, p in named:
        span = t[s:e].replace(" ", "")
        families = [w for w in short.families if len(w) > 1 and w in span and p in short.families[w]]
        if families:
            out |= {q.sku for q in short.families[max(families, key=len)]}
    return out


def _sized_words(t: str, catalog: Catalog) -> list[set[str]]:
    """成猫1.5kg 65/袋 幼猫1.5kg 72/袋: a word of the names and a size of them, the products holding both; 1.8米床: a size
    then the word after it, the one product whose name writes both; a size alone, the products of that size the other words name too (a frozenset: never
    offered on the size alone)."""
    out = []
    for m in SIZE.finditer(t):
        run = re.search(r"[\u4e00-\u9fff]{2,8}$", t[:m.start()])
        owners = sizes_of(catalog).get(size_key(m), ())
        for k in range(len(run.group(0)), 1, -1) if owners and run else ():
            holding = {p.sku for p in owners if any(run.group(0)[-k:] in n for n in p.names)}
            if holding:
                out.append(holding)
                break
        else:  # 1.8米床（大号）: the size and the word after it, as the one name holding both writes them
            after = re.match(r"[\u4e00-\u9fff]{1,4}", t[m.end():]) if owners and not run else None
            for k in range(len(after.group(0)) if after else 0, 0, -1):
                holding = {p.sku for p in owners if any(t[m.start():m.end() + k] in n for n in p.names)}
                if len(holding) == 1:
                    out.append(holding)
                    break
            else:  # 1.8米（大号）: the products of that size, when the header's other words tell which
                out += [frozenset(p.sku for p in owners)] if len(owners) > 1 and not run else []
    return out


def _most_of_a_name(word: str, p: Product) -> bool:
    """西湖龙井 of 西湖龙井茶: three characters or more, at least half of a name of the one product holding them."""
    return len(word) >= 3 and any(word in n and len(word) * 2 >= len(n) for n in p.names)


def _strip_names(t: str, catalog: Catalog) -> str:
    chars = list(t)
    for s, e, _ in catalog.mentions(t):
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def spell_out(content: str, offered: list[Product], catalog: Catalog) -> str:
    """韭菜2 / 肉5 枣5 / 小的2盒 in a chain of 猪肉白菜水饺, 韭菜鸡蛋水饺 (鲜肉粽, 蜜枣粽; 大号鸭脖, 小号鸭脖): a
    word that is a part of the names of exactly one product on offer, spelled out as that product's name. Not
    a name's last character (肉 of 五花肉 is any meat: 肋排 too), which is what kind of goods it is, unless the name
    writes it apart after its goods (青 of 线椒 青: the pick, 1青1红); a word of
    two characters may end a name (白菜 of 猪肉白菜 in a chain of dumplings), unless it says the kind of several
    products (大米 of 东北大米 beside 香米: ``Shorthand.kind_of_many``; 牛肉 of 咖喱牛肉 beside 番茄牛腩) or ends it
    while another product of the shop, not on offer, holds it too (排骨 of 糖醋排骨 beside 玉米排骨汤)."""
    t = offered_short_names(normalize(content), offered, catalog)
    taken = [(s, e) for s, e, _ in catalog.mentions(t)] + [(s, e) for s, e, _ in shorthand(catalog).find(t)]
    out, at = [], 0
    for m in _RUN.finditer(t):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        owner = _unit_as_variant(m.group(0), t[:m.start()], offered, catalog)
        if owner is not None:  # 1中2根 in a chain of 翅中 (盒) and 翅根 (斤): 根 is no unit sold here
            out.append(t[at:m.start()] + plain_name(owner))
            at = m.end()
            continue
        word = _RUN_EDGES.sub("", m.group(0))
        if not word or len(word) > 4 or word in UNIT_WORDS or zh_to_number(word) is not None:
            continue
        owners = [p for p in offered if any(word in n for n in p.names)]
        if len(owners) == 1 and (len(word) > 1 or all(word in n[:-1] for n in owners[0].names if word in n)
                                 and not _inside_a_noun(word, owners[0])
                                 or any(_written_apart(word, n) for n in owners[0].names)) \
                and not shorthand(catalog).kind_of_many(word, owners[0]) and not _kind_sold_apart(word, owners[0], catalog) \
                and not _kind_of_offered(word, offered):
            out.append(t[at:m.start()] + m.group(0).replace(word, plain_name(owners[0]), 1))
            at = m.end()
    return "".join(out) + t[at:]


def _inside_a_noun(ch: str, p: Product) -> bool:
    """子 of 亲子雨披: one character that, wherever ``p``'s names hold it, ends a two-character common noun (亲子), is
    part of that word, no word of its own; a member's 大(胖)子1单人 keeps it in the nickname. 大 of 大号鸭脖 starts
    the noun 大号 and stays a word of the offer (大2)."""
    spots = [n[i - 1:i + 1] for n in p.names for i, c in enumerate(n) if c == ch]
    return bool(spots) and all(len(s) == 2 and s in nouns() for s in spots)


def _kind_of_offered(word: str, offered: list[Product]) -> bool:
    """项链 in a chain that offers 珍珠项链 and 锁骨链: a category word of general Chinese (``categories``) that covers two
    or more offered products is their family, though only one name holds it; a person asks which."""
    return any(word in words for words, _ in lexicon()) and sum(covers(word, p) for p in offered) >= 2


def _kind_sold_apart(word: str, p: Product, catalog: Catalog) -> bool:
    """排骨 of 糖醋排骨 in a chain that offers it alone, where the shop also sells 玉米排骨汤: the word ends the
    offered product's name (what kind of goods it is) and is in another product's names, so the member may want
    that one; the offer does not settle it (a person asks). 韭菜 of 韭菜鸡蛋水饺 starts the name: a filling. A word
    one of the product's names writes apart after its goods (白色 of ``毛巾 白色``, beside a 浴巾 白色 or a 米白色
    yarn) is no kind, even where an alias glues it on (白毛巾 … 大毛巾白色): it is the pick among the goods, which
    the chain's offer settles."""
    return any(n.endswith(word) for n in p.names) and not any(_written_apart(word, n) for n in p.names) \
        and any(q.sku != p.sku for q in catalog.holding(word)) \
        or bool(also_means(word, catalog, p))  # 插座 of 五孔插座, said in a chain that offers 插线板 too


def _written_apart(word: str, name: str) -> bool:
    """白色 of ``毛巾 白色``: the word is the whole last word of a name of several words, written after a space."""
    head, _, last = name.rpartition(" ")
    return bool(head.strip()) and last == word


def _unit_as_variant(run: str, before: str, offered: list[Product], catalog: Catalog) -> Product | None:
    """根 after a number (2根, 1中2根) in a chain of 鸡翅中 and 鸡翅根: a unit word no offered product is sold in,
    which ends the name of exactly one of them after a family word another offered product shares (鸡翅), is
    that product's short name, as the header writes it."""
    if len(run) != 1 or run not in UNIT_WORDS or not re.search(r"\d\s*$", before) or any(p.unit == run for p in offered):
        return None
    families = shorthand(catalog).families
    owners = [p for p in offered if any(n.endswith(run) and any(q in offered and q.sku != p.sku for q in
                                                                families.get(n[:-1], ())) for n in p.names)]
    return owners[0] if len(owners) == 1 else None
