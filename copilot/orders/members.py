"""Who wrote a 接龙 entry and where the order starts: a member's nickname read off the front of a numbered line.

Nicknames hold spaces, emoji, digits and brackets (``Lucky 王``, ``小丽（3栋）``, ``小美 520``), sit straight against
the content (``李姐原味2``), or are a product's name (``桃子 排骨1斤``); a remark may come between the nickname and
the order (``小美 已付 苹果5斤``). :func:`split_member` finds the seam; what the content asks for is read by
:mod:`copilot.orders.jielong`.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import normalize, zh_to_number
from copilot.orders.amounts import UNIT_WORDS
from copilot.orders.asides import PAID
from copilot.orders.marked import ends_marked
from copilot.orders.offered import WHOLE_ONLY
from copilot.orders.remarks import COLOUR
from copilot.orders.shorthand import shorthand
from copilot.orders.sizes import METRES, SIZE, counted_beside, size_key, sizes_of
from copilot.orders.spelled import spell_out

# ASKED: a quantity asked for (2, 两斤); VERB_START: a line that starts by asking (来, 要, 同上)
UNIT = "(?:" + "|".join(re.escape(u) for u in UNIT_WORDS) + ")"
ASKED = re.compile(rf"\d|[一两二三四五六七八九十半俩仨]\s*{UNIT}")

_CANCEL_WORDS = re.compile(r"^(?:取消|不要了|不要啦|不要|退了|删除|删掉|算了)")
VERB_START = re.compile(r"^(?:再来|要|来|扣|订|定|买|拿|\+|x|"
                        r"同上|同楼上|同款|楼上同款|(?:跟|和|同)(?:楼上|上面)一样|我?也要|我?也来|我也一样|"
                        r"老样子|老规矩|(?:跟|和|同)上次一样)")  # 同上, 老样子: review
# an unknown word before a quantity (榴莲2斤, pg 2斤) may be a product the line asks for; a single Chinese
# character there is the end of a nickname (Sunny 李 1.5)
_WEAK = re.compile(r"^(?:[\u4e00-\u9fff]{2,8}|[A-Za-z]\w{1,7})\s?(?:\d|[一两二三四五六七八九十半](?:" + UNIT + "|打))")  # 柿饼一打
# one unknown character glued to a quantity with its unit (肉2斤) is a product word, not a nickname's end
_WEAK_CHAR = re.compile(rf"^[\u4e00-\u9fff](?:\d+(?:\.\d+)?|[一两二三四五六七八九十半俩仨]+)\s*{UNIT}")
# flavour initials with counts (原2辣1): the content, even where a character is not the line's product
_PAIRS = re.compile(r"^(?:[\u4e00-\u9fff] ?\d{1,2} ?){2,4}$")
# a word that reads as part of a nickname (二楼 陈姐 6, 陈 师傅 1): a kinship word or title at its end, or 阿
# at its start; 榴莲, tofu or pg may be a product's word
_NAME_WORD = re.compile(r"^(?:[\u4e00-\u9fff]{0,3}(?:姐|哥|妈|爸|姨|叔|婶|伯|嫂|妹|弟|奶奶|爷爷|大爷|师傅|老师|"
                        r"总|宝|宝宝|先生|女士|太太|同学|医生)|阿[\u4e00-\u9fff]{1,2})$")
ICON = re.compile(r"^[^\w\s.+]+(?=\S)")  # 🍎2斤: a product's emoji glued to the order
# a payment or collection remark between the nickname and the order (小美 已付 苹果5斤, 小白 明天下午 苹果2斤)
# (the words of collection and time, REMARK_WORDS, also end an order glued after its count: 3条送货, 2盒明天自提)
REMARK_WORDS = r"自提|送货|送到|送上门|到店|明天|今天|后天|明早|今晚|上午|中午|下午|晚上|周[一二三四五六日天末]"
_REMARK = re.compile(rf"^(?:已付款?|已转账?|已支付|已结|已拍|付了|{REMARK_WORDS})")
# 3 已付: paid, still 3; 已付27, 已转 18元: the amount paid is no quantity (已付 2斤 keeps its 2斤)
PAID_NOTE = re.compile(rf"[(（]?(?:{PAID.pattern}|已付款?|已转账?|已支付|已结|付了|已拍)"  # 钱转了, 付过了 too
                       rf"(?:[¥￥]?\d+(?:\.\d+)?(?:元|块钱?)?(?![\d.]|\s*{UNIT})|\s*[¥￥]?\d+(?:\.\d+)?(?:元|块钱?))?[)）]?")
# 琴姐 一朵: a count in a word of one whole thing that no catalog sells in (朵), ending the line: the order
_WHOLE_COUNT = re.compile(rf"(?:\d+|[一两二三四五六七八九十俩]{{1,3}})\s*[{WHOLE_ONLY}][\s。.!！~～]*$")
_QTY_START = re.compile(rf"^(?:\d|半|[一两二三四五六七八九十俩仨]+\s*(?:{UNIT}|打|$|[。.!！\s]))")  # 一打: a dozen


def as_written(member: str, raw: str) -> str:
    """The nickname as the member wrote it (王叔（3栋）, Ｌｕｃｙ), not its normalized reading: the part of the raw
    line that normalizes to ``member``."""
    if member in raw:
        return member
    for s in (i for i, ch in enumerate(raw) if not ch.isspace()):
        for e in range(s + 1, len(raw) + 1):
            if normalize(raw[s:e]) == member:
                return raw[s:e].strip()
    return member


# 王叔叔 给我爸妈买, 阿梅 帮我留两个: the member speaks (给我 / 帮我: for me or mine), no nickname goes on with it
_FOR_ME = re.compile(r"(?:给|帮|替)(?:我|我们|我家)")


def split_member(body: str, catalog: Catalog, offered: list[Product] = ()) -> tuple[str, str]:
    """:func:`_split` then :func:`_size_ends_name`: ``王姐1.8米 2条`` -> (王姐, 1.8米 2条); ``小K43码 2双`` -> (小K, 43码 2双)."""
    member, content = _split(body, catalog, offered)
    cut = (_size_ends_name(member, catalog, offered) or _worn_ends_name(member, content)
           or _bare_size_ends_name(member, content, offered)) if content else None
    return (member[:cut].strip(), f"{member[cut:]} {content}") if cut else (member, content)


# 43码, 39.5码, 170cm: a size worn (of shoes, clothes), said with its unit
_WORN_END = re.compile(r"(?<![\d.])\d{2,3}(?:\.5)?\s*(?:码|cm|厘米)$", re.IGNORECASE)


def _worn_ends_name(member: str, content: str) -> int | None:
    """小K43码 before a space and a count (2双): a size worn glued to the nickname is the order's size, not the end of
    the nickname (no one is called by a shoe size). The index where it starts, or None."""
    m = _WORN_END.search(member)
    if m is None or not member[:m.start()].strip() or not _closed(member[:m.start()]) or not _QTY_START.match(content):
        return None
    return m.start()


_BARE_END = re.compile(r"(?<![\d.])\d{1,3}$")
_SIZE_UNITS = r"\s*(?:mm|MM|cm|CM|毫米|厘米|公分|寸|码|号|米|L|ml|克|g|kg)"


def _bare_size_ends_name(member: str, content: str, offered: list[Product]) -> int | None:
    """李姐18 2条 in a chain of 真皮表带 18mm / 20mm: a bare number glued to the nickname, before a space and a count,
    that is the size of exactly one offered product (18 of 18mm) is that size, not the end of the nickname (萌萌2019
    holds no offered size). The index where it starts, or None."""
    m = _BARE_END.search(member)
    if m is None or not member[:m.start()].strip() or not _closed(member[:m.start()]) or not _QTY_START.match(content):
        return None
    size = re.compile(rf"(?<![\d.]){m.group(0)}{_SIZE_UNITS}(?![A-Za-z])")
    owners = [p for p in offered if any(size.search(n) for n in p.names)]
    return m.start() if len(owners) == 1 else None


# 红2, 黄的 1, 蓝色2顶: a colour, then the count
_COLOUR_COUNT = re.compile(rf"^{COLOUR.pattern}\s?(?:\d{{1,3}}|[一两二三四五六七八九十俩]{{1,2}})\s*{UNIT}?[\s。.!！~～]*$")


def _colour_then_count(rest: str, before: list[str], catalog: Catalog) -> bool:
    """``阿强 红2`` after a nickname of two characters or more: a colour and a count after the space are the member's
    pick and how many, not the end of the nickname. Not where the colour is a word of a product (红 of 红枣)."""
    return bool(_COLOUR_COUNT.match(rest)) and len(re.sub(r"\W", "", "".join(before))) >= 2 \
        and not catalog.mentions(rest) and not shorthand(catalog).find(rest)


def _size_ends_name(member: str, catalog: Catalog, offered: list[Product]) -> int | None:
    """王姐1.8米, 老周1米8, 阿强1.5米床笠 before a space and a count: a size an offered product's name holds (with, after
    it, a word of that product's name) ends no nickname; the order starts at the size. The index where it starts, or
    None."""
    owners_of = sizes_of(catalog)
    skus = {p.sku for p in offered}
    for m in SIZE.finditer(member):
        said = member[m.start():]
        metres = METRES.sub(r"\1.\2米", said.replace(" ", ""))
        size = SIZE.match(metres)
        owners = [p for p in owners_of.get(size_key(size), ()) if not skus or p.sku in skus] if size else []
        tail = metres[size.end():] if size else ""
        if owners and member[:m.start()].strip() and _closed(member[:m.start()]) \
                and (not tail or any(tail in n.replace(" ", "") for p in owners for n in p.names)):
            return m.start()
    return None


def _split(body: str, catalog: Catalog, offered: list[Product] = ()) -> tuple[str, str]:
    """``Lucky 王 排骨1斤`` -> (Lucky 王, 排骨1斤); ``李姐原味2`` -> (李姐, 原味2); ``小雨2`` -> (小雨, 2).

    Split at the first space after which the rest reads like an order (unless what comes before
    already holds one: ``王阿姨：草莓2斤 59.8元``); else at the first character where a product's name or
    a quantity starts; else the whole line is a name (no entry). A short word of the header's products
    (``offered``) starts an order too: ``Tony 大2`` of 荠菜大馄饨 / 鲜肉小馄饨, ``李姐东北1泰国1`` of 东北大米 / 泰国香米."""
    tokens = body.split(" ")
    for k in range(1, len(tokens)):
        rest = " ".join(tokens[k:]).strip()
        if holds_order(" ".join(tokens[:k]), catalog) or _glued_order(" ".join(tokens[:k]), offered, catalog) \
                or ends_marked(" ".join(tokens[:k]), catalog) or _count_then_size(" ".join(tokens[:k]), offered):
            break  # 李姐红烧1 酸菜1, 李姐5W-30 1桶: the nickname is glued to the first item, the space parts two items
        if _name_digits("", rest, catalog) and re.match(r"\d+\s", rest) or PAID_NOTE.fullmatch(rest):  # 小胖 2三鲜: 三鲜's
            continue  # 小美 520 草莓2斤: 520 is the nickname's; 王奶奶：1 已转28元: a paid remark orders nothing
        if starts_order(ICON.sub("", rest), catalog) or _CANCEL_WORDS.match(rest) or _short_word(rest, offered, catalog) \
                or rest.startswith("第") and (starts_order(rest[1:], catalog) or _short_word(rest[1:], offered, catalog)) \
                or _offer_word_alone(rest, offered, catalog) or _colour_then_count(rest, tokens[:k], catalog) \
                or _FOR_ME.match(rest) \
                or _REMARK.match(rest) and (holds_order(rest, catalog)
                                            or starts_order(_after_remark(rest), catalog)):
            return " ".join(tokens[:k]).strip(), rest  # 小金 🍎2斤, 小美 已付 苹果5斤: the icon, the remark; 乐乐2020
            # 第3册2本: the ordinal's 第 starts the word of the offer (3册)
        if _WEAK.match(rest) or _WEAK_CHAR.match(rest) or _PAIRS.match(rest) and not _count_then_size(rest, offered):
            if _name_then_order(tokens[k:], catalog, alone=_no_name_yet(" ".join(tokens[:k]))):
                continue  # 二楼 陈姐 6, 🌙 Luna 2: the nickname's second word, then the order
            return " ".join(tokens[:k]).strip(), rest
    for i in range(1, len(body)):
        if body[i - 1] != " " and (starts_order(body[i:], catalog) and not _off_offer(body[i:], offered, catalog)
                                   or _PAIRS.match(body[i:]) and not _counted(body[i + 1:], offered, catalog)
                                   or _short_word(body[i:], offered, catalog)) \
                and (not body[i - 1].isdigit() or _name_digits(body[:i], body[i:], catalog)) \
                and not _name_digits("", body[i:], catalog) and _closed(body[:i]):
            return body[:i].strip(), body[i:].strip()
    tail = _WHOLE_COUNT.search(body)
    if tail and body[:tail.start()].strip() and _closed(body[:tail.start()]):
        return body[:tail.start()].strip(), body[tail.start():].strip()  # 琴 姐 一朵: a count no unit list holds
    return body.strip(), ""


def _counted(text: str, offered: list[Product], catalog: Catalog) -> bool:
    """芬2副1米2 of 阿芬2副1米2, 芬2件1米5 of 阿芬2件1米5: the digits after the first character are a count with its
    unit (a unit an offered product is sold in, or any unit word that is no short word of an offered product), so
    that character ends the nickname; it is no flavour initial (原2辣1, where 辣 counts nothing)."""
    m = re.match(rf"\d{{1,2}}\s?({UNIT})", text)
    if m is None:
        return False
    unit = m.group(1)
    if any(p.unit == unit for p in offered):
        return True
    short = shorthand(catalog)
    skus = {p.sku for p in offered}
    initial = unit in short.variants and (not skus or short.variants[unit].sku in skus) \
        or any(not skus or p.sku in skus for p in short.families.get(unit, ()))
    return not initial and not any(unit in n for p in offered for n in p.names)


def _off_offer(text: str, offered: list[Product], catalog: Catalog) -> bool:
    """小雨2 in a chain of 明前 alone: the one-character variant word (雨 of 雨前) that would start the content names
    no product the header offers, so it is the nickname's; a product's whole name still starts an order."""
    if not offered or any(s == 0 for s, _, _ in catalog.mentions(text)):
        return False
    short = shorthand(catalog)
    words = [w for s, _, w in short.find(text) if s == 0 and len(w) == 1]
    skus = {p.sku for p in offered}
    return bool(words) and all(
        (short.variants[w].sku not in skus) if w in short.variants else not any(p.sku in skus for p in short.families.get(w, ()))
        for w in words)


def _glued_order(words: str, offered: list[Product], catalog: Catalog) -> bool:
    """李姐红烧1, 李姐蛋黄4只, 李姐黄的一斤 (before a space): a nickname of two characters or more, then a word of a
    product (a variant word, or a word of one offered product) and its count (in digits or in words), with or without
    its unit, glued together; the line goes on with more of the order."""
    words = counts_in_digits(words)  # 黄的一斤 as 黄的1斤: the count in words closes the item as digits do
    for i in range(2, len(words) - 2) if re.search(rf"[\u4e00-\u9fff]{{2}}\d+{UNIT}?$", words) else ():
        item = words[i:]
        if re.fullmatch(rf"[\u4e00-\u9fff]{{2,}}\d+{UNIT}?", item) and _closed(words[:i]) and (
                any(s == 0 for s, _, _ in shorthand(catalog).find(item)) or _short_word(item, offered, catalog)):
            return True
    return False


def _count_then_size(words: str, offered: list[Product]) -> bool:
    """阿芬1副40 (before a space): a nickname, then a count with its unit and a number an offered product's name holds
    (麻将 40号): the nickname is glued to her first item, quantity first. So 张 2副44 is no pair of initials (原2辣1):
    张 ends the nickname (Lily 张), 2副 of the 44号 is her order."""
    m = re.search(rf"(?<![\d.])\d+\s?{UNIT}(\d{{2,4}})$", words)
    return bool(m) and bool(words[:m.start()].strip()) and _closed(words[:m.start()]) and any(
        re.search(rf"(?<!\d){m.group(1)}(?!\d)", n) for p in offered for n in p.names)


_SHORT_THEN_COUNT = re.compile(rf"[\u4e00-\u9fff]{{1,3}}的?\s?(?:[x×*＊]\s?)?\d|"
                               rf"[\u4e00-\u9fff]{{2,3}}\s?[一两二三四五六七八九十俩](?:\s|$|{UNIT})")


def _short_word(rest: str, offered: list[Product], catalog: Catalog) -> bool:
    """``大2``, ``鲜4 已付``, ``高筋x2``, ``高筋二 低筋一``: a word of one offered product's names, then its quantity (in
    digits, after a times mark, or a word of two characters or more, then a count in words that ends the item or is
    glued before the next item: 高筋一低筋一)."""
    if len(offered) < 2:
        return False
    digits = counts_in_digits(rest, offered, catalog)
    if not _SHORT_THEN_COUNT.match(rest) and not re.match(r"[\u4e00-\u9fff]{2,3}\d", digits):  # 高筋一低筋一
        return False
    spelled = spell_out(digits, offered, catalog)
    return spelled != normalize(digits) and starts_order(spelled, catalog)


# a count in words after a character of goods, before its unit or the item's end: 高筋一袋低筋一袋, 高筋二 低筋一
_WORD_COUNT = re.compile(rf"(?<=[\u4e00-\u9fff])(?<![一两二三四五六七八九十俩第每])([一两二三四五六七八九十俩]{{1,3}})"
                         rf"(?={UNIT}|\s|$)")


_GLUED_COUNT = re.compile(r"(?<=[\u4e00-\u9fff])(?<![一两二三四五六七八九十俩第每])([一两二三四五六七八九十俩]{1,3})(?=[\u4e00-\u9fff])")


def counts_in_digits(text: str, offered: list[Product] = (), catalog: Catalog | None = None) -> str:
    """``text`` with each count in words written straight after a word of goods (高筋一袋, 高筋二) in digits: one run of
    characters (高筋一袋低筋一袋) reads as no word of goods; in digits its items read one by one. With the chain's
    ``offered`` products, also a count glued straight before the next item's word of goods (高筋一低筋一)."""
    out = _WORD_COUNT.sub(lambda m: str(int(n)) if (n := zh_to_number(m.group(1))) else m.group(1), text)
    if catalog is None or not offered:
        return out

    def before_goods(m: re.Match) -> str:
        n = zh_to_number(m.group(1))
        after = spell_out(out[m.end():], offered, catalog)
        return str(int(n)) if n and any(s == 0 for s, _, _ in catalog.mentions(after)) else m.group(1)
    return _GLUED_COUNT.sub(before_goods, out)


def _offer_word_alone(rest: str, offered: list[Product], catalog: Catalog) -> bool:
    """``小美 高筋`` in a chain of 高筋 / 低筋 面粉: after a space, only a word (two characters or more) of one offered
    product's names, no count: the member names goods (her line goes to review for how many), no second word of her
    nickname."""
    if len(offered) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", rest):
        return False
    spelled = spell_out(rest, offered, catalog)
    return spelled != rest and any(s == 0 and e == len(spelled) for s, e, _ in catalog.mentions(spelled))


def _after_remark(rest: str) -> str:
    """What follows a leading remark: 已付 苹果5斤 -> 苹果5斤; 已转28元 (the amount is the remark's) -> nothing."""
    paid = PAID_NOTE.match(rest)
    return (rest[paid.end():] if paid else _REMARK.sub("", rest)).strip(" ,，")


def _name_digits(name: str, rest: str, catalog: Catalog) -> bool:
    """小王88草莓2斤, 小美 520 草莓2斤: digits right before a product that has a quantity of its own are the end
    of the nickname, not a quantity (2草莓, where the product has none, is two of it). ``name`` ends with
    the digits, or ``rest`` starts with them."""
    m = re.search(r"\d+\s?$", name) if name else re.match(r"\d+\s?", rest)
    if m is None or name and not name[:m.start()].strip():
        return False
    after = rest if name else rest[m.end():]
    return any(s == 0 for s, _, _ in catalog.mentions(after)) and holds_order(after, catalog) \
        and not counts_first(after, catalog)


def counts_first(text: str, catalog: Catalog) -> bool:
    """五仁1莲蓉 after 小雨1 (小雨1五仁1莲蓉): a line whose items are each written count first (1五仁 1莲蓉): every
    product after the first follows a count straight, and the line ends with a product's name, not with a count of
    its own; the digits before the first product are then its count, as the others are, not the nickname's end
    (小王88草莓2斤 苹果3斤 ends with a count: 88 is the nickname's)."""
    text = re.sub(r"[\s。.!！~～,，、;；+＋]+$", "", text)
    spans = {(s, e) for s, e, _ in catalog.mentions(text)} | {(s, e) for s, e, _ in shorthand(catalog).find(text)}
    found = sorted(x for x in spans if not any(a <= x[0] and x[1] <= b and (a, b) != x for a, b in spans))  # 玉米 too
    if len(found) < 2 or found[0][0] != 0 or found[-1][1] != len(text):
        return False
    return all(re.search(r"\d\s?[、,，+＋]?\s?$", text[:s]) for s, _ in found[1:])


def _closed(name: str) -> bool:
    """小丽(3栋): a bracket opened in the nickname is closed before its content starts."""
    return name.count("(") + name.count("（") <= name.count(")") + name.count("）")


def _no_name_yet(words: str) -> bool:
    """An emoji (🌙) or one Chinese character (阿 of 阿 May, 小 of 小 Kiki) before a space: no nickname yet, the
    Latin word after it is the nickname's."""
    return not re.search(r"\w", words) or bool(re.fullmatch(r"[\u4e00-\u9fff]", words.strip()))


def _name_then_order(tokens: list[str], catalog: Catalog, alone: bool) -> bool:
    """A word that reads as part of a nickname, then a token that starts an order: ``陈姐 6``; after an emoji
    ``alone`` (no nickname yet), a Latin name too: ``🌙 Luna 2``."""
    name = _NAME_WORD.match(tokens[0]) or alone and re.fullmatch(r"[A-Za-z]{2,12}", tokens[0]) \
        and not catalog.mentions(tokens[0]) and not shorthand(catalog).find(tokens[0])  # a letter word of a product's
    return len(tokens) > 1 and bool(name) and starts_order(" ".join(tokens[1:]), catalog)


def holds_order(text: str, catalog: Catalog) -> bool:
    """A name then a quantity (排骨1斤), or a size of the names beside a count (老刘1.8米1套: 1.8米 of 四件套 1.8米床)."""
    return any(ASKED.search(text[e:]) for _, e, _ in catalog.mentions(text)) or any(
        counted_beside(text, m, sizes_of(catalog).get(size_key(m), ())) for m in SIZE.finditer(text))


def starts_order(text: str, catalog: Catalog) -> bool:
    if not text:
        return False
    if _QTY_START.match(text) or VERB_START.match(text) or _CANCEL_WORDS.match(text):
        return True
    return any(s == 0 for s, _, _ in catalog.mentions(text)) or any(s == 0 for s, _, _, _ in catalog.links(text)) \
        or any(s == 0 for s, _, _ in shorthand(catalog).find(text))
