"""How viewers shorten a catalog's names, read from the catalog itself (no word lists per store).

When several products share a family word at the end of their names (柠檬凤爪 / 虎皮凤爪 share 凤爪,
原味卤鸭脖 / 香辣卤鸭脖 share 卤鸭脖), viewers name a product by what sets it apart: ``柠檬2 虎皮1``,
``虎皮的来两盒``. The family word alone (``凤爪2盒``) names no product: it is one of several, so it
goes to review, unless the comment asks for each of them (``两种凤爪都来一盒``).

- ``variants``: a word of two or more characters that starts a name of exactly one product, where the
  rest of that name is a family word; the word occurs in no other product's names.
- ``families``: a family word (two or more characters) -> the products whose names end with it, when
  it is not itself the name of a product (老豆腐 / 嫩豆腐 for 豆腐); only when no name ends with it, the
  products whose names start with it (凤爪柠檬 / 凤爪虎皮): 豆腐脑 and 豆腐干 are goods made of 豆腐, not kinds.
- ``partial``: a word a person reads as one product although it is no name of it: a part of the names
  of that product only (基围 of 鲜活基围虾, 广式 of 广式腊肠: only while it is on screen), or the end of
  such a name (虾 of 基围虾, 橘子 of 砂糖橘), unless it is a word of how goods are and a character that ends
  other products' names too (大米 of 东北大米 beside 香米 and 小米: the kind, ``kind_of_many``), or an animal's
  meat where another product is a cut of it (牛肉 of 咖喱牛肉 beside 番茄牛腩).
- ``singles``: a variant of one character (公 / 母 of 大闸蟹（公） and 大闸蟹（母）), found only where it
  stands as a word: before 的, 各, a number or the other variant (公的, 1公1母, 公母各2只), after a number, a
  unit or an order word (4只公的, 要母的); never inside a word (1公斤, 老公的). Two-character names that share
  their last character are such a pair too (青椒 / 红椒: 红的来一斤). A character that starts or ends another
  product's name (红 of 红薯) is no variant, unless said as 卤的 beside another member of its family, in the comment
  or on screen (卤的泡椒的各来一盒, 卤的来一盒 with 泡椒凤爪 shown: 卤 of 卤鸡爪, although 卤牛肉 starts with it); one in the middle of it (红 of 西红柿) still is. ``不辣的`` names the one
  member of a family of two whose names say 辣 and the other's do not (麻辣 / 蒜蓉小龙虾: 蒜蓉).
- ``sound_alike``: a variant word typed with a homophone (芋尼 for 芋泥 of 芋泥面包).
- ``one_of_its_kind``: a word said with 的 that starts one product's names picks that one of its kind (泰国的 of
  泰国茉莉香米 beside 东北大米).
- look-alike names (亡果 for 芒果, 凤抓 for 凤爪, 馄炖 for 馄饨) are read in ``copilot.orders.look_alikes`` from the names
  built here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from copilot.base.catalog import Catalog, Product, whole_latin
from copilot.base.zhnum import ZH_DIGITS, zh_to_number
from copilot.orders.amounts import GRAMS, UNIT_WORDS, Quantity, to_sale_unit
from copilot.orders.categories import category_families
from copilot.orders.heads import headed, heads_word
from copilot.orders.memo import per_catalog
from copilot.orders.names import ending_in, nouns_ending
from copilot.orders.packs import BRACKETED, one_goods, sold_in
from copilot.orders.services import goods_worked_on
from copilot.orders.specs import without_specs

_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_PARTS_OF_NAME = re.compile(r"[\s()（）\[\]【】·/\-—_]+")
# 6寸, 8寸 of 6寸蛋糕 / 8寸蛋糕; 一斤装, 两斤 of 一斤装槐花蜜 / 两斤装槐花蜜 (numerals as said)
# (6mm, 10cm of 瑜伽垫 6mm / 加厚10mm: a thickness or length in Latin letters, as 6毫米 is one)
_SIZE = re.compile(r"^(?:\d{1,3}|[一二两俩三四五六七八九十半])(?P<m>[\u4e00-\u9fff]{1,2}|(?i:mm|cm))$")
# XL of 纸尿裤XL码, A5 of A5笔记本 (the size with its digits, not A of A4 and A5); not ml of 160ml
_LATIN_WORD = re.compile(r"(?<![A-Za-z\d.])[A-Za-z]+(?:\d+(?![\d.]))?(?![A-Za-z])[码号]?")


@dataclass(frozen=True)
class Shorthand:
    variants: dict[str, Product]
    families: dict[str, tuple[Product, ...]]
    pattern: re.Pattern | None  # variants and families, longest first
    names: tuple[tuple[str, Product], ...]
    heads: dict[str, Product]  # last characters of one product's names, found in no other product's names
    singles: re.Pattern | None = None  # one-character variants where they stand as a word (see the docstring)
    sounds: dict = field(default_factory=dict)  # pinyin of the variant words, filled on the first question
    # one-character variants another product's name starts or ends with (卤 of 卤鸡爪 beside 卤牛肉): read only
    # as 卤的 beside another member of their family, said or on screen (卤的泡椒的各来一盒): char -> (product, family)
    paired: dict = field(default_factory=dict)

    def sound_alike(self, word: str) -> list[Product]:
        """芋尼 for 芋泥 (of 芋泥面包 / 红豆面包): a variant word typed with a homophone, as ``Catalog.sound_alikes``
        reads names: the same sound, at least half of the characters the same."""
        if len(word) < 2 or not _CJK.match(word):
            return []
        from pypinyin import lazy_pinyin

        if not self.sounds:
            for w, p in self.variants.items():
                if len(w) >= 2 and _CJK.match(w):
                    self.sounds.setdefault(tuple(lazy_pinyin(w)), []).append((w, p))
        found = {p.sku: p for w, p in self.sounds.get(tuple(lazy_pinyin(word)), ())
                 if len(w) == len(word) and len(word) <= _same(w, word) * 2 < len(word) * 2}
        return list(found.values())

    def family_sound_alike(self, word: str) -> list[str]:
        """湿今 for 湿巾 (of 手口湿巾 / 湿巾整提): the family words ``word`` reads like, tones aside, at least half of
        the characters the same; which member it is, the screen or the unit says (``partial``)."""
        if len(word) < 2 or not _CJK.match(word):
            return []
        from pypinyin import lazy_pinyin

        sound = tuple(lazy_pinyin(word))
        return [w for w in self.families if len(w) == len(word) and _CJK.match(w) and w != word
                and len(word) <= _same(w, word) * 2 and tuple(lazy_pinyin(w)) == sound]

    def partial(self, word: str, current: Product | None = None, unit: str | None = None,
                qualifier: bool = False) -> Product | None:
        """The one product ``word`` stands for as a part of its names (see the module's docstring). A word
        inside or at the start of a name (广式 of 广式腊肠, 新鲜 of 新鲜鸡蛋) may be an adjective: it names
        only the product on screen; the end of a name (腊肠, 虾) names its product anywhere.

        A word in the names of several products (虾 of 基围虾, 虾仁 and 小龙虾) is, when one character, the one
        on screen when that is one of them and no variant of it (蟹 of 大闸蟹（公） and （母）: which one?), and
        when the word ends the names of several of them (their kind: 蛋 of 卤蛋 and 卤鹌鹑蛋) only if the unit
        said fits it alone (虾2斤: 基围虾 by the 斤, not 小龙虾 by the 份; 蛋来6个: 个 counts quail eggs too); a longer
        word (栗子 of 糖炒栗子 and 栗子仁) is never settled by the screen; else the one sold in the ``unit`` the
        comment says, with none of them on screen (虾2斤: only 基围虾 is sold by weight); else none (a person asks). A single character only so when it ends one of the names
        (虾, 鱼: the kind of goods)."""
        if word in self.paired and current is not None and current in self.paired[word][1] \
                and self.paired[word][1] in self.families.values():  # not 红 of 红椒 / 青椒 beside 红薯: only said
            return self.paired[word][0]  # 卤的来一盒 with 泡椒凤爪 on screen: 卤 of its sibling 卤鸡爪
        if _pack_of_many(word, (p for _, p in self.names)):
            return None  # 套装 of 骨瓷套装 beside other goods sold by the 套
        if len(word) == 2 and word[1] in "子儿" and word[0] in self.heads:
            return self.heads[word[0]]
        if len(word) == 2 and word[1] in "子儿" and _CJK.match(word[0]) and not any(word in n for n, _ in self.names):
            return self._zi_word(word[0], current, unit)
        if len(word) == 1 and word in self.heads:
            return self.heads[word]
        if not _CJK.match(word) or zh_to_number(word) is not None:
            return None
        owners = {p.sku: p for n, p in self.names if word in n}
        if len(word) > 1 and not qualifier:  # 帐篷 beside 帐篷绳: the one it heads (``heads``); not 蛋黄的 (a qualifier)
            owners = {p.sku: p for p in headed(word, list(owners.values()), unit and (
                lambda q: to_sale_unit(Quantity(0, 0, 1.0, unit), q) is not None))}
        if len(owners) > 1:
            if len(word) == 1 and not any(n.endswith(word) for n, _ in self.names):
                return None
            if len(word) == 1 and current is not None and {q.sku for n, q in self.names if n.endswith(word)
                                                           and q.sku in owners} == {current.sku} \
                    and (unit is None or to_sale_unit(Quantity(0, 0, 1.0, unit), current) is not None):
                return current  # 鸡 of 土鸡 beside 土鸡蛋, the 土鸡 shown: the kind of the shown one alone, not a modifier
            if current is not None and current.sku in owners and self._sibling(current, owners):
                return None  # 蟹 with 大闸蟹（公） on screen: which of the pair is not said
            if current is not None and current.sku in owners and _kinds(word, owners, self.names) > 1:
                return _by_unit(sold_in(list(owners.values()), unit, word), current, owners)  # 蛋 of 卤蛋 / 鹌鹑蛋
            if current is not None and current.sku in owners and len(word) > 1:
                return None  # 栗子 +2 of 糖炒栗子 / 栗子仁 with 糖炒栗子 on screen: the screen does not tell them apart
            if len(word) > 1:  # 千层饼 of 现做 / 速冻千层饼生坯: the kind of both, told apart by the unit only
                return _by_unit(sold_in(list(owners.values()), unit, word), current, owners)
            return _by_screen_or_unit(list(owners.values()), current, unit, word)
        if len(owners) != 1 or len(word) == 1:
            return None
        p = next(iter(owners.values()))
        # (运动鞋 of 运动鞋清洗: the goods a service works on head its name as well, ``services``)
        head = any(n.endswith(word) or goods_worked_on(n).endswith(word) for n, q in self.names if q.sku == p.sku)
        if head and self.kind_of_many(word, p):
            return None  # 大米 of 东北大米 beside 香米, 小米: a state and the kind of several products
        if not head and self._qualifies(word, p):
            return None  # 腊鸭 of 腊鸭腿 beside 板鸭 on screen: a duck, the leg's or the other one
        return p if head or current is not None and current.sku == p.sku else None

    def _zi_word(self, ch: str, current: Product | None, unit: str | None) -> Product | None:
        """桌子, 橙子, 梅子: the noun ``ch`` said with 子. Of several goods whose names end in it (梅 of 话梅, 陈皮梅, 情人梅;
        袋 of 保鲜袋 and 垃圾袋) it is a family (LABELS rule 5); of one listing whose own name ends in it (桌 of 折叠麻将桌,
        not of 麻将桌布; not 橘 of a 耙耙柑 nicknamed 丑橘: other tangerines may be 橘子 too) that listing; else the one
        of its goods the unit picks (橙子 of 脐橙 整箱 / 散称, 包子)."""
        if nouns_ending(ch, self.names) > 1:
            return None
        owners = {p.sku for n, p in self.names if ch in n}
        ending = list(ending_in(ch, [(p.name, p) for _, p in self.names]))
        one = next(p for _, p in self.names if p.sku == ending[0]) if len(ending) == 1 else None
        return _by_unit(one or self.partial(ch, None, unit), current, owners)

    def _qualifies(self, word: str, p: Product) -> bool:
        """``word`` only qualifies a part of one character in ``p``'s names (腊鸭 of 腊鸭腿; not 煲汤 of 煲汤老鸭) and
        its last character ends a word of another product's name (南安板鸭): said alone it is that kind of goods,
        either of them."""
        part = re.compile(re.escape(word) + r"[\u4e00-\u9fff](?![\u4e00-\u9fff])")
        if len(word) < 2 or not all(part.search(n) for n, q in self.names if q is p and word in n):
            return False
        return any(q is not p and t.endswith(word[-1]) for n, q in self.names for t in BRACKETED.sub("", n).split())

    def kind_of_many(self, word: str, p: Product) -> bool:
        """``word``, which ends a name of ``p``, says a kind of goods other products are too (``of_kind``)."""
        return len(self.of_kind(word, p)) > 1

    def of_kind(self, word: str, p: Product) -> list[Product]:
        """The products of the kind ``word`` says, ``p`` first. 大米 of 东北大米 where 香米, 小米 and 糯米 are sold
        too: a word of how goods are (大, 鲜, 老) and a character that ends other products' names too says the kind
        of goods (rice), not the one product; so does that character with 子 or 儿 (鸭子 of 老鸭子 beside 麻鸭: duck,
        any of them). 牛肉 of 咖喱牛肉 beside 番茄牛腩: the meat of an animal is any cut of it (牛腩, 牛排, 牛腱)."""
        if len(word) == 2 and word[1] == "肉" and _CJK.match(word[0]):
            kind = re.compile(re.escape(word[0]) + f"[{_CUTS}]")
            cuts = [q for n, q in self.names if q.sku != p.sku and word not in n and kind.search(n)]
        else:
            kind = word[1] if len(word) == 2 and word[0] in STATES else word[0] if len(word) == 2 and word[1] in "子儿" else ""
            cuts = [q for n, q in self.names if kind and q.sku != p.sku and BRACKETED.sub("", n).strip().endswith(kind)]
        short = self._shortened(word, p)  # 普洱 of 生普洱 where 生普 names it too and 熟普 another: 普 is 普洱
        cuts += [q for q in {q.sku: q for _, q in self.names}.values()  # 筷 of 合金筷 heads no 筷子笼: a cage
                 if short and q.sku != p.sku and heads_word(short, q)]
        piece = self._piece(word, p)  # 作业本 of 田字格作业本 named 田字格本 too: any 本 (练习本, 笔记本)
        cuts += [q for n, q in self.names if piece and q.sku != p.sku and n.endswith(piece)
                 and piece in (q.unit, (q.pack_size or (0, ""))[1])]
        return list({q.sku: q for q in [p, *cuts]}.values())

    def _piece(self, word: str, p: Product) -> str:
        """The piece ``word`` ends with, when ``p`` is a pack of such pieces (pack ``10本``) and its own short name
        keeps only that piece after the qualifier (田字格作业本 -> 田字格本): the owner reads 作业本 as 本, so it says
        the kind of every product counted in 本. '' otherwise."""
        size = p.pack_size
        if len(word) < 2 or size is None or size[1] != word[-1]:
            return ""
        names = [n for n, q in self.names if q.sku == p.sku]
        leads = {n[-len(word) - 1] for n in names if len(n) > len(word) and n.endswith(word)}
        return word[-1] if any(m.endswith(lead + word[-1]) for lead in leads for m in names) else ""

    def _shortened(self, word: str, p: Product) -> str:
        """The short form the catalog writes ``word`` in: 普 when ``p`` is named both 生普洱 and 生普 (the qualifier
        and the word's first characters), as Chinese shortens a kind after a qualifier (生普洱 -> 生普, 熟普洱 -> 熟普);
        the short form in another product's names then says the same kind. '' when the catalog shows none."""
        names = [n for n, q in self.names if q.sku == p.sku]
        for n in names:
            if len(n) > len(word) and n.endswith(word):
                lead = n[-len(word) - 1]
                return next((word[:k] for k in range(len(word) - 1, 0, -1)
                             if any(m.endswith(lead + word[:k]) for m in names)), "")
        return ""

    def _sibling(self, p: Product, owners: dict[str, Product]) -> bool:
        """Another of ``owners`` is a variant of ``p`` (they share a family word)."""
        return any(p in fam and any(q.sku in owners and q.sku != p.sku for q in fam) for fam in self.families.values())

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of every variant or family word in ``text``, left to right."""
        found = [(m.start(), m.end(), m.group(0)) for m in self.pattern.finditer(text)] if self.pattern else []
        if self.singles is not None:
            taken = [(s, e) for s, e, _ in found]
            found += [(m.start(), m.end(), m.group(0)) for m in self.singles.finditer(text)
                      if not any(s < m.end() and m.start() < e for s, e in taken)]
            found.sort()
        return found


def _kinds(word: str, owners: dict[str, Product], names) -> int:
    """How many of ``owners`` have a name ending with ``word`` (their kind: 蛋 of 卤蛋 and 卤鹌鹑蛋)."""
    return len({p.sku for n, p in names if p.sku in owners and BRACKETED.sub("", n).strip().endswith(word)})


def _same(a: str, b: str) -> int:
    return sum(x == y for x, y in zip(a, b))


def _by_unit(p: Product | None, current: Product | None, owners) -> Product | None:
    """The one product a kind word's unit names, unless another of its kind is on screen (橙子3斤 with the 10斤
    box on screen: the loose ones, or 3斤 of the box? a person asks)."""
    return p if current is None or current.sku not in owners or p is None or p.sku == current.sku else None


def _by_screen_or_unit(owners: list[Product], current: Product | None, unit: str | None, word: str) -> Product | None:
    if current is not None and any(p.sku == current.sku for p in owners):
        return current
    return sold_in(owners, unit, word)


@per_catalog
def shorthand(catalog: Catalog) -> Shorthand:
    """The catalog's variant and family words, computed once per catalog."""
    return _build(catalog)


def _build(catalog: Catalog) -> Shorthand:
    exact = {n for p in catalog for n in p.names}
    names = tuple((f, p) for p in catalog for f in dict.fromkeys(_forms(p)))
    ends: dict[str, set[str]] = {}
    starts: dict[str, set[str]] = {}
    for n, p in names:
        for k in range(2, len(n)):
            ends.setdefault(n[-k:], set()).add(p.sku)   # a family at the end: 柠檬凤爪 / 虎皮凤爪
            starts.setdefault(n[:k], set()).add(p.sku)  # or at the start: 凤爪柠檬 / 凤爪虎皮
    families: dict[str, tuple[Product, ...]] = {}
    for owners in (starts, ends):  # 老豆腐 / 嫩豆腐 are kinds of 豆腐; 豆腐脑, 豆腐干 are not: the head word wins
        families.update((word, tuple(p for p in catalog if p.sku in skus)) for word, skus in owners.items()
                        if len(skus) > 1 and word not in exact and _CJK.match(word) and not _measure(word))
    variants: dict[str, Product] = {}
    for n, p in names:
        rests = [n] if n not in exact else []  # 柠檬凤爪 of 凤爪(柠檬) is no name, but names it
        for k in range(2, len(n)):
            rests += [n[:-k]] if len(ends.get(n[-k:], ())) > 1 and n[-k:] in families else []
            rests += [n[k:]] if len(starts.get(n[:k], ())) > 1 and n[:k] in families else []
        variants.update((w, p) for w in rests if len(w) >= 2 and _distinct(w, p, names, exact)
                        and not _cuts_measure(n, w) and not _pack_of_many(w, catalog))
    _latin_words(names, exact, variants, families)
    category_families(catalog, exact, variants, families)  # 肉卷 over 羊肉卷 and 肥牛卷, 饮料 over 可乐 and 雪碧
    words = sorted([*variants, *families], key=len, reverse=True)
    pattern = re.compile("|".join(whole_latin(w) for w in words)) if words else None
    paired: dict[str, tuple[Product, tuple[Product, ...]]] = {}
    singles = _singles(catalog, names, exact, variants, families, paired)
    return Shorthand(variants, families, pattern, names, _heads(names), singles, paired=paired)


# a measure said in names (10枝一扎, 盆径12厘米, 高30厘米): numerals and units only, how much or how big, never a kind
_MEASURE_WORD = re.compile(rf"(?:[{''.join(ZH_DIGITS)}]|厘米|毫米|公分|米|寸|{'|'.join(UNIT_WORDS)})+")

_COUNTS_OR_LENGTH = re.compile(rf"[{''.join(ZH_DIGITS)}]|厘米|毫米|公分|米|寸")


def _measure(word: str) -> bool:
    """一扎 / 枝一扎 of 10枝一扎 and 20枝一扎, 厘米 of 12厘米 and 60厘米: the end of several names that only says a
    measure names no family of goods (the unit said is of a product, 来一扎 with the roses shown is the roses)."""
    return bool(_MEASURE_WORD.fullmatch(word)) and bool(_COUNTS_OR_LENGTH.search(word)) \
        or word in GRAMS  # 公斤 of 狗粮 10公斤 and 狗粮 5公斤: a weight; not 卷饼: two unit words


def _latin_words(names, exact: set[str], variants: dict, families: dict) -> None:
    """A size or model written in Latin letters inside names (M码, XL码, PPSU): the word of one product's names
    is a variant of it (L of 纸尿裤L码, read as a whole word: never inside XL); the word of several products' names
    is their family (XL of 纸尿裤XL码 and 拉拉裤XL码). Not a unit glued to a number (160ml, 5L, 500g)."""
    owners: dict[str, dict[str, Product]] = {}
    for n, p in names:
        for m in _LATIN_WORD.finditer(n):  # M and M码: the size with or without its 码 / 号
            for word in {m.group(0), m.group(0).rstrip("码号")}:
                owners.setdefault(word, {})[p.sku] = p
    for word, found in owners.items():
        if word in exact or word in variants or word in families:
            continue
        if len(found) == 1:
            variants[word] = next(iter(found.values()))
        else:
            families[word] = tuple(found.values())


def _heads(names) -> dict[str, Product]:
    """The last characters of one product's names found in no other product's names (橙 of 脐橙: 橙子 is it).
    Not when another of its names ends with a kind other products end with too: 丑橘 is 耙耙柑, a 柑 as 沃柑
    is, so the catalog itself says 橘 and 柑 are one kind here and 橘子 may be either (a person asks)."""
    # 钓鱼伞 2.2米 ends with 伞, not with its length; 雪地靴清洗 with 靴, the goods it works on (``services``)
    names = [(goods_worked_on(without_specs(n)), p) for n, p in names]
    shared = {m[-1] for m, q in names for n, p in names if q.sku != p.sku and n[-1] == m[-1]}
    heads = {}
    for n, p in names:
        ch = n[-1]
        if ch not in UNIT_WORDS and ch not in ZH_DIGITS and ch not in "子儿头" and _CJK.match(ch) \
                and all(ch not in m for m, q in names if q.sku != p.sku) \
                and not any(m[-1] in shared for m, q in names if q.sku == p.sku):
            heads[ch] = p
    return heads


STATES = "生熟鲜活冻干老嫩肥瘦软硬大小"  # words of how goods are (要生的, 熟一点的), no variant of a short name
_CUTS = "腩腱排柳腿胸脊肋臀丁"  # cuts of meat (牛腩, 猪肋排, 鸡腿, 鸡丁): an animal's 肉 is any of them, not 牛奶 or 鸡蛋
_SINGLE_UNITS = "".join(u for u in UNIT_WORDS if len(u) == 1 and "\u4e00" <= u <= "\u9fff")


def _singles(catalog: Catalog, names, exact: set[str], variants: dict, families: dict,
             paired: dict) -> re.Pattern | None:
    """One-character variants and 不辣的 (see the module's docstring); adds them to ``variants``, and those
    another product's name starts or ends with to ``paired``."""
    chars: dict[str, Product] = {}
    pairs = [(word, p, owners) for word, owners in families.items() for p in owners]
    for n, p in names:  # 青椒 / 红椒: 青 and 红 tell two short names apart; 生菜 / 白菜: 生的 is how it is wanted
        pair = tuple({q.sku: q for m, q in names if len(m) == 2 and m[1] == n[1]}.values()) if len(n) == 2 else ()
        pairs += [(n[1], p, pair)] if len(pair) > 1 and n[0] not in STATES else []
    clash: set[str] = set()
    for word, p, owners in pairs:
        for n, q in names:
            rest = n[len(word):] if n.startswith(word) else n[:-len(word)] if n.endswith(word) else ""
            if q.sku != p.sku or len(rest) != 1 or not _CJK.match(rest) or rest in UNIT_WORDS \
                    or rest in ZH_DIGITS or rest in "的味子儿头个大小":
                continue
            if not any(m.startswith(rest) or m.endswith(rest) for m, o in names if o.sku != p.sku):
                chars[rest] = p  # 红 of 红椒 although 西红柿 holds it: no one shortens 西红柿 to 红
            elif owners and n.endswith(word) and not any(rest in m for m, o in names if o in owners and o.sku != p.sku):
                clash |= {rest} if paired.get(rest, (p,))[0].sku != p.sku else set()
                paired[rest] = (p, owners)  # 卤 of 卤鸡爪 (卤牛肉 starts with it too): only beside its family
    chars.update(_plain_colours(variants, names, chars))
    for rest in clash | set(chars):
        paired.pop(rest, None)
    mild = {p.sku: p for owners in families.values() if len(owners) == 2
            for p in owners if not any("辣" in n for n in p.names)
            and any("辣" in n for o in owners if o.sku != p.sku for n in o.names)}
    alts = []
    if chars:
        cs, ps = "".join(chars), "".join(paired)  # 红黑各一盒: 红 beside 黑 of 黑笔 (paired) stands as a word; 就白的: the one settled on
        alts.append(rf"(?:(?<![\u4e00-\u9fff])|(?<=[{_SINGLE_UNITS}{''.join(ZH_DIGITS)}{cs}{ps}来要拿买订有是就的和跟与]))[{cs}]"
                    rf"(?=$|[^\u4e00-\u9fff]|[的各{cs}{ps}])")
        variants.update(chars)
    if len(mild) == 1:
        variants["不辣的"] = variants["不辣"] = next(iter(mild.values()))
        alts.append(r"不辣的|(?<=[\d份盒只个来要])不辣(?![\u4e00-\u9fff])")
    sizes = _sizes(families)
    if sizes:
        said = {w: p for w, p in sizes.items() if w in ("大的", "小的") or not any(w in n for n, _ in names)}
        variants.update(said)
        alts.append("|".join(sorted(said, key=len, reverse=True)))
    return re.compile("|".join(alts)) if alts else None


_PLAIN_COLOURS = "红橙黄绿青蓝紫黑白灰粉棕"


def _plain_colours(variants: dict, names, taken: dict) -> dict[str, Product]:
    """红 of 羊毛围巾 酒红 beside 驼色: the plain colour a shade ends with (酒红 is a red) names that listing, where the
    catalog writes the shade as a colour (酒红色, or its sibling's 驼色) and no other product's names hold the colour."""
    found: dict[str, Product] = {}
    for word, p in variants.items():
        colour = word[-1:]
        if len(word) != 2 or colour not in _PLAIN_COLOURS or word[0] in _PLAIN_COLOURS or colour in taken \
                or any(colour in n for n, q in names if q.sku != p.sku):
            continue
        if any(f"{word}色" in n for n, q in names if q.sku == p.sku) or _sibling_colour(p, variants):
            found[colour] = p if found.get(colour, p).sku == p.sku else None
    return {c: p for c, p in found.items() if p is not None}


def _sibling_colour(p: Product, variants: dict) -> bool:
    """Another listing's variant word is a colour written with 色 (驼色), so ``p``'s variant is a colour too."""
    return any(len(w) == 2 and w.endswith("色") and q.sku != p.sku for w, q in variants.items())


def _sizes(families: dict) -> dict[str, Product]:
    """大的 / 小的: the one family of two whose names tell them apart by 大 and 小 (荠菜大馄饨 / 鲜肉小馄饨); and 大 or 小
    said with the last character of the kind's word, its head noun (小缸 / 大缸 of 桌面鱼缸 alias 小鱼缸 / 生态鱼缸 alias
    大鱼缸)."""
    found = []
    kinds: dict[tuple, tuple] = {}
    heads: dict[tuple, set[str]] = {}
    for w, o in families.items():  # 馄饨 ends both names: a kind, not 鲜肉
        if len(o) == 2 and all(any(n.endswith(w) for n in p.names) for p in o):
            key = tuple(p.sku for p in o)
            kinds[key] = o
            heads.setdefault(key, set()).update(  # not 大包 / 小子: a unit (一大包) or a suffix of many nouns
                [w[-1]] if w[-1] not in UNIT_WORDS and w[-1] not in ZH_DIGITS and w[-1] not in "子儿头" else [])
    for key, owners in kinds.items():
        says = [{c for c in "大小" if any(c in n for n in p.names)} for p in owners]
        if sorted(map(sorted, says)) == [["大"], ["小"]]:
            found.append({f"{c}{h}": p for w, p in zip(says, owners) for c in w for h in ("的", *sorted(heads[key]))})
    return found[0] if len(found) == 1 else {}


def _forms(p: Product) -> list[str]:
    """A product's names as viewers say them: 凤爪（柠檬） and 凤爪-柠檬 are also 柠檬凤爪 and 凤爪柠檬."""
    out = []
    for n in p.names:
        parts = [x for x in _PARTS_OF_NAME.split(n) if x]
        out += [n] if len(parts) < 2 else ["".join(parts), "".join(reversed(parts))]
    return out


def _cuts_measure(name: str, word: str) -> bool:
    """``word``, the start or end of ``name``, cuts a measure of it in two (10公 of 10公斤哑铃, 6毫 of 6毫米瑜伽垫):
    the rest of the unit follows in a comment (来10公斤: ten kilos), so it is no word a viewer shortens the name to."""
    cut = len(word) if name.startswith(word) else len(name) - len(word)
    return any(m.start() < cut < m.end() for m in _MEASURE_IN_NAME.finditer(name))


# a number and a unit of two characters or letters (10公斤, 十公斤, 6毫米, 700ml): cut in two, neither half is a word
_MEASURE_IN_NAME = re.compile(rf"(?:\d+(?:\.\d+)?|[{''.join(ZH_DIGITS)}十百千]+)\s*(?:公斤|千克|毫升|厘米|毫米|公分|kg|ml|cm|mm)",
                              re.IGNORECASE)


def _pack_of_many(word: str, products) -> bool:
    """套装 of 骨瓷套装 (sold by the 套) beside a 茶具 and a 保鲜碗 also sold by the 套: a word that says only the unit
    its goods are sold in (the unit and 装) is no word for one of them when other goods are sold in that unit too
    (ordinary speech calls any of them so: a person asks). Not 瓶装 of 瓶装啤酒 sold by the 箱 (beside 听装), nor
    袋装 of 曲奇 袋装 beside its 罐装: the word tells how those goods are packed."""
    if word[-1:] != "装" or word[:-1] not in UNIT_WORDS:
        return False
    unit, ps = word[:-1], list({p.sku: p for p in products}.values())
    holders = [p for p in ps if any(word in n for n in p.names)]
    if any(q not in holders and one_goods([h, q]) for h in holders for q in ps):
        return False  # 袋装 of 黄油曲奇 袋装 beside its 罐装: the pack word tells the two packs of one goods apart
    return bool(holders) and all(p.unit == unit for p in holders) and any(p.unit == unit for p in ps if p not in holders)


def _distinct(word: str, p: Product, names, exact: set[str]) -> bool:
    """A variant word of ``p``: CJK or a size (6寸, 一斤装; never a quantity such as 2斤 or 两斤, which 来两斤 says
    of the product on screen, nor a link such as 3号), not a number, not a name itself, in no other product's names."""
    size = _SIZE.match(word)
    packed = size is not None and size.group("m").endswith("装")  # 2斤装, 6支装: the size of a pack, no quantity
    if size and not packed and (size.group("m")[0] in "号元块" or any(size.group("m").startswith(u) for u in UNIT_WORDS)):
        return False
    if word in exact or not (size or _CJK.match(word)) or zh_to_number(word) is not None:
        return False
    return not any(word in n for n, q in names if q.sku != p.sku)


def one_of_its_kind(word: str, masked: str, owners: list[Product], catalog: Catalog, current: Product | None,
                    unit: str | None) -> bool:
    """泰国的也来一袋 (泰国茉莉香米 beside 东北大米), 新疆的来一个 (新疆哈密瓜 beside 海南西瓜): a word said with 的
    that starts one product's names, where other products are of its kind (their names end alike), picks that one
    of the kind while goods of another kind are on screen. With one of its kind shown (川味的 beside 广式腊肠) it may
    say how the shown one is wanted; a word of how goods are (大的, 鲜的) picks none, nor does a unit it is not
    sold in."""
    if len(owners) != 1 or len(word) < 2 or word + "的" not in masked or any(ch in STATES for ch in word):
        return False
    p = owners[0]
    if not all(n.startswith(word) for n in p.names if word in n):
        return False
    kind = {n[-1] for n in p.names}
    if current is not None and current.sku != p.sku and any(n[-1] in kind for n in current.names):
        return False
    return any(q.sku != p.sku and any(n[-1] in kind for n in q.names) for q in catalog) \
        and (unit is None or to_sale_unit(Quantity(0, 0, 1.0, unit), p) is not None)
