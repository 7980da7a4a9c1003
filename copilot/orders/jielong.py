"""A WeChat group 接龙 chain as the owner pastes it: which lines are members' entries, who wrote each,
and what each asks for.

A chain is a ``#接龙`` line, a header with the offer (and sometimes an indented menu), an example line
(``例：小明 苹果2斤``), then numbered entries ``1. 昵称 内容``. Real chains are messier, and this reads
them as a person would:

- numbering ``1.`` ``1、`` ``1,`` ``1 `` ``①`` ``1️⃣`` ``(1)`` with gaps; the organiser's title numbered as entry 1
  (``1. 群主 今晚接龙开始啦``, ``1. 群主 馒头明早7点出锅``: no quantity, so no entry); rules and a menu
  numbered before the entries, whose numbering then starts again at 1; an example marked at its end
  (``小明 苹果2斤（示例）``) or numbered 0;
- nicknames with spaces and emoji (``Lucky 王 排骨1斤``), written straight against the content
  (``李姐原味2``), a nickname of two words before a bare number (``二楼 陈姐 6``, ``🌙 Luna 2``), or a
  nickname that is a product's name (``桃子 排骨1斤``); a remark or an emoji between the nickname and
  the order (``小美 已付 苹果5斤``, ``小金 🍎2斤``), a bracket inside the nickname (``小丽（3栋） 苹果5斤``);
- several products on one line (``排骨2斤 青菜一把``, ``苹果3斤+牛奶2瓶``, ``豆浆2袋、油条4根``), or on the
  line under it; flavours by their initials (``1原2辣``) or by a part of one offered product's name
  (``韭菜2`` in a chain of 韭菜鸡蛋水饺 and 三鲜水饺); notes (``（3栋502）``, ``送4单元``);
- a chain for a single product whose entries are only a number (``小雨2``, ``阿强 3。``), or a number
  whose unit only one offered product is sold in (``2箱``); ``同上`` (no quantity of its own) to review.

Each entry's content goes through the same comment parser as the live room, so what it cannot read
safely goes to review. Where the nickname ends and the order starts is :mod:`copilot.orders.members`; what
the header offers and a member's short word of it are :mod:`copilot.orders.spelled`; the items of a line the parser
cannot tell apart are :mod:`copilot.orders.line_items`; applying a chain to the ledger is :mod:`copilot.orders.chains`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import NUM_PATTERN, normalize, zh_to_number
from copilot.orders.amounts import UNIT_WORDS, Quantity, as_said, check_items, rough, times_apart
from copilot.orders.held_counts import parts_with_held_counts, weight_of_name
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.kind_measures import kind_counted
from copilot.orders.line_items import counts_of_offer, goods_carried, items_apart, weighed
from copilot.orders.meat_kinds import meat_kind_said
from copilot.orders.members import (
    ASKED,
    ICON,
    PAID_NOTE,
    REMARK_WORDS,
    UNIT,
    VERB_START,
    as_written,
    counts_in_digits,
    holds_order,
    split_member,
)
from copilot.orders.name_heads import heads_written, split_at_heads
from copilot.orders.offer_priced import (
    bare_count_unit,
    counted_in,
    packed_only,
    priced_listings,
    priced_short_names,
    singles_offered,
    unpriced_packs,
)
from copilot.orders.offer_sizes import listed_sizes, listed_specs
from copilot.orders.offered import (
    count_of_whole,
    counts_by_unit,
    counts_of_listings,
    hung_as_string,
    in_offered_pack,
    numbered_short_names,
    sold_by,
)
from copilot.orders.packs import counted_pack_said, one_goods, only_pack_word, same_goods
from copilot.orders.remarks import COLOUR
from copilot.orders.shorthand import shorthand
from copilot.orders.spelled import offered_products, offered_variants, spell_out
from copilot.orders.typos import synonyms_as_named

MAX_CHAIN_CHARS = 100_000
MAX_ENTRIES = 2000
_ENTRY = re.compile(r"^(?P<no>\d{1,4})(?:\s*[.、,，．:：)）]\s*|\s+)(?P<body>\S.*)$")
_EXAMPLE = re.compile(r"^\s*(?:例如|例子|示例|示范|举例|范例|样例|格式|参考|模板|模版|比如|例)\s*[：:]?")
_EXAMPLE_MARK = re.compile(r"[(（【\[]\s*(?:例|例子|示例|示范|举例|范例|样例|格式|参考|模板|模版)\s*[)）】\]]\s*$")
# a time or a date is no quantity (明早7点出锅, 周六10点截单, 21:00截止)
_TITLE = re.compile(r"\d\s*[点时号日月]|周[一二三四五六日天]|接龙|团购|开团|开始|截单|截止|大家|到货|出锅|自提|预[订定]")
_TIME = re.compile(r"\d{1,2}\s*(?:[:：]\s*\d{2}|点|时|号|日|月|分)|周[一二三四五六日天]|从\s*\d{1,3}\s*号?\s*开始")  # 接龙从2开始
_WEIGHT_LIANG = re.compile(r"[一二三四五六七八九]两")
_NUMBER_ONLY = re.compile(rf"^(?P<n>{NUM_PATTERN}|半)\s*(?P<u>{UNIT})?(?P<half>半)?[\s。.!！~～]*$")
# a price on a numbered line is the organiser's menu: 29.9元/斤, 12.8/斤, ¥39.9, 39.9元一盒
_PRICE = re.compile(rf"\d+(?:\.\d+)?\s*(?:元|块钱)|\d+\.\d+\s*块|\d+\s*块\s*(?:每|一)\s*{UNIT}|[¥￥]\s*\d+(?:\.\d+)?|"
                    rf"\d+(?:\.\d+)?\s*/\s*{UNIT}")  # 2块 alone is two pieces (豆腐2块), not a price
_MARKED_NO = re.compile(r"^(?P<indent>\s*)(?:(?P<circled>[①-⑳])|(?P<keycap>(?:\d\ufe0f?\u20e3){1,3})|"
                        r"[(（【\[](?P<bracketed>\d{1,4})[)）】\]])")
_PLACE_NO = re.compile(r"\.\d+\s*(?:栋|幢|号楼|楼|层|单元|座|室|岁)")  # 6.6栋Lisa: entry 6, the member's building
_RULE = re.compile(r"每人|每户|每家|每单|限购|限量|截单|截止|到货|起送|起订|起购")


@dataclass(frozen=True)
class Entry:
    """One member's line of the chain."""
    no: int
    member: str       # the nickname as written
    content: str      # what the member wrote after the nickname
    raw: str          # the whole line
    intent: Intent

    @property
    def key(self) -> tuple[str, str]:
        """Same member, same content: the same entry in the next paste, wherever its number went."""
        return member_key(self.member), content_key(self.content)


@dataclass
class Chain:
    header: str                                   # the lines before the first entry (the offer)
    offered: list[Product]                        # the products the header and menu name
    entries: list[Entry] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # title, example and menu lines

    @property
    def default(self) -> Product | None:
        """The product of a single-product chain, where entries may be only a number."""
        return self.offered[0] if len(self.offered) == 1 else None


def content_key(text: str) -> str:
    return re.sub(r"[\s。.!！~～,，;；]+", "", normalize(text))


def member_key(member: str) -> str:
    """One member across pastes, however the nickname's brackets or letters are typed (王叔（3栋） / 王叔(3栋))."""
    return normalize(member)


def read_chain(text: str, catalog: Catalog, parse) -> Chain:
    """The chain ``text`` -> its entries. ``parse(content, current_sku) -> Intent`` reads each entry."""
    lines = _latest_copy((text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    header, numbered, skipped = [], [], []
    lines = [_plain_number(times_apart(raw)) for raw in lines]  # 65W×2: times, not the letter x
    example = next((i for i, raw in enumerate(lines) if _is_example(normalize(raw))), -1)
    last = -2  # the index of the line the last entry ended on
    for i, raw in enumerate(lines):
        line = normalize(raw)
        if not line:
            continue
        m = _ENTRY.match(line) if not raw[:1].isspace() else None
        if m is None and last == i - 1 and _continues(raw, line, numbered[-1][1], catalog):
            no, body, first = numbered[-1]  # 小美 苹果5斤 / 橙子1箱 on the next line: her entry goes on
            numbered[-1], last = (no, f"{body} {line}", f"{first} {raw.strip()}"), i
            continue
        if m and (_decimal(line, m) or i < example or not numbered and _menu(m.group("body"))):
            m = None  # 9.9元一斤; a numbered menu (1. 草莓 29.9元/斤) above the example line or the entries
        if m is None or _example(m.group("body")) or int(m.group("no")) == 0:  # 0. 小明 2: the template
            (skipped if numbered or _example(line) or raw[:1].isspace() else header).append(line)
            continue
        numbered.append((int(m.group("no")), m.group("body"), raw.strip()))
        last = i
    numbered = _after_restart(numbered, header, skipped, catalog, parse)
    chain = Chain("\n".join(header), _offer(header + skipped, catalog))
    for k, (no, body, raw) in enumerate(numbered):
        entry = _entry(no, body, raw, catalog, chain, parse, first=k == 0)
        if entry is None:
            skipped.append(raw)
        else:
            chain.entries.append(entry)
    chain.skipped = skipped
    return chain


def _offer(lines: list[str], catalog: Catalog) -> list[Product]:
    """The products the header and menu ``lines`` offer. An example line (例：小明 红烧肉套餐1份 白米饭1碗) adds the
    products it names but narrows no word of the offer: 米饭另加 in the header still offers every 米饭, so a member's
    米饭2碗 is not taken for the 白米饭 the example happened to write. Sizes listed after one name (纯棉床笠 1.5米 / 1.8米)
    offer each size (:mod:`copilot.orders.offer_sizes`); goods priced per unit (行李牌5元/个) offer the listing sold in
    that unit, not the same goods' other pack (:mod:`copilot.orders.offer_priced`); a pack of the goods offered, named by
    the count it holds (三条装一盒39 of 全棉毛巾 3条装), is offered too."""
    lines = [_contents_apart(x, catalog) for x in lines]
    plain = "\n".join(x for x in lines if not _is_example(x))
    header = offered_products(plain, catalog)
    examples = "\n".join(_PACK_ALONE.sub(_blank_pack, x) if _is_example(x) else x for x in lines)  # 例：小明 散装2斤:
    found = {p.sku for p in header} | {q.sku for q in offered_products(examples, catalog)  # 散装 names no goods
                                       if not any(one_goods([q, p]) for p in header)}  # 例：小明 高筋2袋 of a header
    # offering 高筋面粉1kg: the example's word of the same goods in other sizes offers none of them
    found |= {p.sku for p in heads_written(plain, catalog)}  # 细米粉 of 细米粉 2斤装
    found |= {p.sku for p in listed_sizes(plain, [p for p in catalog if p.sku in found], catalog)}
    found |= {p.sku for p in listed_specs(plain, [p for p in catalog if p.sku in found], catalog)}  # 9W … 18W
    found |= {p.sku for p in priced_listings(plain, catalog)}  # 钥匙扣8元/个 beside 5个装35元/包: the single too
    found |= {p.sku for p in singles_offered(plain, [p for p in catalog if p.sku in found], catalog)}  # 单瓶5元 整箱12瓶
    found -= unpriced_packs(plain, [p for p in catalog if p.sku in found], catalog)  # 行李牌5元/个: not its 4个装
    found -= packed_only(plain, [p for p in catalog if p.sku in found], catalog)  # 青团(6只/盒): not its single
    found |= {q.sku for p in catalog if p.sku in found for q in same_goods(p, catalog)
              if counted_pack_said(q, plain)}  # 全棉毛巾 单条15 三条装一盒39: the 3条装 too
    return [p for p in catalog if p.sku in found]


# a word of its own (not glued after a name) of two or three characters: 散装, 袋装, 整箱
_PACK_ALONE = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,3}")


def _blank_pack(m: re.Match) -> str:
    """A word that only says how goods are packed (散装 of an example line), blanked: it names no goods."""
    return " " * len(m.group(0)) if only_pack_word(m.group(0)) else m.group(0)


_BRACKET = re.compile(r"[(（【\[][^)）】\]]*[)）】\]]")


def _contents_apart(line: str, catalog: Catalog) -> str:
    """刀具三件套（切片刀+斩骨刀+水果刀）199元: a bracket right after a product's name that names other products says what
    that product holds, and offers none of them; it is left out of the offer (a bracket of its pack, 蛋黄酥(6枚/盒),
    names no product and stays)."""
    t = normalize(line)
    ends = {e for _, e, _ in catalog.mentions(t)}
    for m in reversed(list(_BRACKET.finditer(t))):
        if m.start() in ends and catalog.mentions(m.group(0)):
            t = t[:m.start()] + " " + t[m.end():]
    return t


def _latest_copy(lines: list[str]) -> list[str]:
    """The same chain copied twice into one paste (an older and a newer copy, each from its ``#接龙`` line):
    the last copy is the chain as it stands; reading both would book every member twice."""
    heads = [i for i, raw in enumerate(lines) if normalize(raw).startswith("#接龙")]

    def title(i: int) -> tuple[str, ...]:  # the #接龙 line and the line after it that is not empty
        return tuple([normalize(x) for x in lines[i:i + 6] if normalize(x)][:2])

    if len(heads) > 1 and title(heads[-1]) in {title(i) for i in heads[:-1]}:
        return lines[heads[-1]:]
    return lines


def _continues(raw: str, line: str, above: str, catalog: Catalog) -> bool:
    """A line straight under an entry that asks for something itself (not a title), not indented, that asks
    for a product and names no price."""
    return not raw[:1].isspace() and not _example(line) and not _PRICE.search(line) \
        and holds_order(line, catalog) and bool(ASKED.search(_TIME.sub(" ", above)))


def _after_restart(numbered: list, header: list[str], skipped: list[str], catalog: Catalog, parse) -> list:
    """1. 周六10点截单 / 2. 苹果4.98元/斤 ... then 1. 小美 苹果5斤: when the numbering starts again at 1,
    the lines before are the organiser's rules and menu, unless one of them reads as a member's order
    (a slip in the numbering must not drop anyone's line)."""
    cut = max((k for k, (no, _, _) in enumerate(numbered) if k and no == 1), default=0)
    if not cut:
        return numbered
    before = [raw for _, _, raw in numbered[:cut]]
    trial = Chain("\n".join(header + before), _offer(header + before + skipped, catalog))
    for no, body, raw in numbered[:cut]:
        entry = _entry(no, body, raw, catalog, trial, parse)
        if entry is not None and entry.intent.kind is Kind.ORDER and not entry.intent.needs_review:
            return numbered
    header.extend(normalize(raw) for raw in before)
    return numbered[cut:]


def _example(text: str) -> bool:
    """例：小明 苹果2斤, or 小明 苹果2斤（示例）."""
    return bool(_EXAMPLE.match(text) or _EXAMPLE_MARK.search(text))


def _plain_number(raw: str) -> str:
    """①, ⑫, 1️⃣, (3), 【3】 numbering -> ``1. `` (the leading indent kept: an indented line is no entry)."""
    m = _MARKED_NO.match(raw)
    if m is None:
        return raw
    digits = m.group("circled") and str(ord(m.group("circled")) - ord("①") + 1) \
        or re.sub(r"\D", "", m.group("keycap") or m.group("bracketed"))
    return f"{m.group('indent')}{digits}. {raw[m.end():].lstrip()}"


def _menu(body: str) -> bool:
    """草莓 29.9元/斤: a product and its price, no quantity asked for (小美 草莓2斤 59.8元 is an entry)."""
    return bool(_PRICE.search(body)) and not ASKED.search(_PRICE.sub(" ", body))


def _is_example(line: str) -> bool:
    m = _ENTRY.match(line)
    return _example(m.group("body") if m else line)


def _decimal(line: str, m: re.Match) -> bool:
    """``9.9元一斤`` is a price, not entry 9; ``6.6栋Lisa 2袋`` is entry 6 by the member 6栋Lisa (a number of a
    building, floor or room, or an age, is no price)."""
    rest = line[m.end("no"):]
    return rest[:1] == "." and rest[1:2].isdigit() and not _PLACE_NO.match(rest)


def _entry(no: int, body: str, raw: str, catalog: Catalog, chain: Chain, parse, first: bool = False) -> Entry | None:
    said = kind_counted(hung_as_string(body, catalog), catalog, chain.offered)  # 老刘2口32: 2个, a count
    member, content = split_at_heads(said, catalog, chain.offered)
    member = member.rstrip(":：,，、-—/｜| ").lstrip("@")
    if not member or not content or _RULE.search(member):
        return None  # a title, a member's name alone, or the organiser's rule (每人限购2箱): nothing asked for
    intent = _read_content(content, catalog, chain, parse, title=first)
    if intent is None or intent.needs_review or intent.kind is not Kind.ORDER:
        intent = _read_in_digits(content, catalog, chain, parse) or intent
    if intent is None:
        return None
    return Entry(no, as_written(member, raw)[:64], content, raw, intent)


def _read_in_digits(content: str, catalog: Catalog, chain: Chain, parse) -> Intent | None:
    """高筋一袋低筋一袋 (no space, counts in words): one run of characters, so no word of it is read as a product; the
    same line with its counts in digits (高筋1袋低筋1袋) reads item by item. Only a reading that books without doubt."""
    digits = counts_in_digits(content, chain.offered, catalog)
    if digits == content:
        return None
    again = _read_content(digits, catalog, chain, parse)
    return again if again is not None and again.kind is Kind.ORDER and not again.needs_review and again.items else None


# a count of any kind in a line (2, 两, 个 of 来个): a chain line with none (王叔叔 给我爸妈买) says not how many
_ANY_COUNT = re.compile(r"[\d一二两俩三四五六七八九十半几个只份]")


def _read_content(content: str, catalog: Catalog, chain: Chain, parse, title: bool = False) -> Intent | None:
    """What the entry asks for; None for a line that asks nothing (a remark, or the first line ``title``
    that names the product and a time but asks for no quantity: 1. 群主 馒头明早7点出锅)."""
    product = chain.default
    counts = as_said(ICON.sub("", PAID_NOTE.sub(" ", normalize(content)).strip(" ,，、;；")))  # 2整提: 2 提
    m = _NUMBER_ONLY.match(counts)
    if m and _WEIGHT_LIANG.fullmatch(m.group("n")):
        m = None  # 二两: a count and the weight 两 (a tenth of a 斤), read by the parser, not the number 22
    if m:
        product = product or weighed(m.group("n"), m.group("u"), chain.offered) \
            or sold_by(m.group("u"), chain.offered) \
            or (None if m.group("u") else sold_by(bare_count_unit(chain.header), chain.offered))  # 2箱 where only 橙子
        # is sold by the 箱; 1公斤 (a weight: the goods sold loose by weight before a 一斤袋); 小雨2 in a chain of 鸡蛋 单枚 and 30枚盒 that says 写几盒就行 or 每人限2盒: 2 盒
        if product is None and spell_out(content, chain.offered, catalog) == normalize(content):
            return Intent(Kind.ORDER, needs_review=True, reason="只写了数量，接龙里有几个商品，不知道是哪个")
        value = 0.5 if m.group("n") == "半" else zh_to_number(m.group("n")) or 0
        unit = m.group("u") or counted_in(chain.header)  # 按斤接龙 写几斤就行: 1 is a 斤 of the 叉烧 sold by the 两
        return parse(spell_out(content, chain.offered, catalog), None) if product is None else check_items(Kind.ORDER, [(product, Quantity(0, 0, value + (0.5 if m.group("half") else 0),
                                                           unit, rough(m.group("n"))))])
    whole = count_of_whole(counts, product)  # 一朵 of a 猴头菇 by the 个
    if whole is not None:
        return whole
    by_unit = counts_by_unit(counts.strip(), chain.offered) or counts_of_listings(normalize(content).strip(), chain.offered) \
        if not product and len(chain.offered) > 1 else None
    if by_unit is not None:
        return by_unit  # 1提2饼: the 提 of 整提, the 饼 of 单饼
    unpaid = _options_apart(_remark_apart(PAID_NOTE.sub(" ", content).strip() or content, catalog), chain.header, catalog)
    unpaid = numbered_short_names(synonyms_as_named(unpaid, catalog), chain.offered, catalog)  # 20寸1个: the 20寸 offered
    unpaid = priced_short_names(unpaid, chain.header, chain.offered, catalog)  # 上衣1件 of 上衣119/件
    intent = _offered_pack(parse(unpaid, product.sku if product else None), product, unpaid, catalog)  # 2斤已付
    if (intent.needs_review or intent.kind is Kind.OTHER) and product is not None:
        intent = _count_then_remark(counts, product, catalog) or intent  # 1套 CR-V, 3 黄的, 红2
    if (intent.needs_review or intent.kind is Kind.OTHER) and chain.offered:
        spelled = spell_out(unpaid, chain.offered, catalog)  # 芝麻2 花生1 已付45; 钥匙扣3个 of the one 单个 offered
        again = parse(spelled, None) if spelled != normalize(unpaid) else intent
        intent = again if again.kind is Kind.ORDER and not again.needs_review else intent
    intent = (not intent.items and weight_of_name(counts, catalog)) or intent
    intent = parts_with_held_counts(counts, intent, catalog, parse) if intent.needs_review else intent
    intent = items_apart(unpaid, intent, product, parse) if intent.needs_review else intent
    intent = goods_carried(unpaid, intent, product, parse) if intent.needs_review else intent
    intent = counts_of_offer(unpaid, intent, chain.offered, parse) if intent.needs_review else intent  # 3盒 单双2双
    intent = _variants_read(unpaid, intent, product, catalog, chain, parse)
    intent = _none_dropped(unpaid, intent, catalog)
    intent = meat_kind_said(unpaid, intent, chain.offered, catalog)  # 肉卷 of 羊肉卷 beside 肥牛卷
    intent = in_offered_pack(intent, chain.offered, catalog)  # 脐橙10斤 of a chain of 整箱10斤: 1 箱
    if intent.kind is Kind.MODIFY:  # 桃子改成3斤 in a chain line: the line now says 3
        if any(i.relative for i in intent.items):
            return Intent(Kind.ORDER, intent.items, True, "接龙里写了加减，请人工确认", note=intent.note)
        return Intent(Kind.ORDER, intent.items, intent.needs_review, intent.reason, note=intent.note)
    if intent.kind is Kind.ORDER and intent.items and not intent.needs_review and not _ANY_COUNT.search(counts):
        return Intent(Kind.ORDER, needs_review=True, reason=f"这一行没写要几份：「{content[:20]}」")  # 给我爸妈买
    if intent.kind in (Kind.QUESTION, Kind.OTHER):
        if title and _TITLE.search(content) and not ASKED.search(_TIME.sub(" ", normalize(content))):
            return None
        if catalog.mentions(normalize(content)) or re.search(r"\d", content) or VERB_START.match(normalize(content)) \
                or spell_out(content, chain.offered, catalog) != normalize(content):  # a word of the offer: no silent drop
            return Intent(Kind.ORDER, needs_review=True, reason=f"看不懂这一行：「{content[:20]}」")
        return None
    return intent


def _offered_pack(intent: Intent, product: Product | None, content: str, catalog: Catalog) -> Intent:
    """In a chain of one pack (湿巾 单包, 散装 蜂蜜), a line the parser reads as another pack of those goods by its unit
    alone (来一提, 要一瓶) asks for what the chain does not offer: the organiser's offer is the chain's screen, so it
    stays for a person, as ``1提`` alone does (LABELS rule 2 picks among the packs the chain offers)."""
    if product is None or intent.needs_review or not intent.items:
        return intent
    named = {p.sku for _, _, p in catalog.mentions(normalize(content))}
    other = next((i for i in intent.items if i.sku != product.sku and i.sku not in named
                  and catalog.get(i.sku) in same_goods(product, catalog)), None)
    if other is None:
        return intent
    return Intent(Kind.ORDER, needs_review=True, reason=f"接龙卖的是{product.name}，这一行的单位是{other.unit}，请确认")


_TAKE_BACK = re.compile(r"不要|取消|算了|退|删|改成|改为|换成|再加|再来|少要|多要|或者|还是|不对|[?？]")
_LEAD_COUNT = re.compile(rf"^(?P<n>\d{{1,3}}|[一两二三四五六七八九十])\s*(?P<u>{UNIT})?\s+(?P<rest>\S.*)$")
# 红2, 黄的1顶, 蓝色 2: a colour, then the count (in the product's unit or none) and nothing else
_COLOUR_LEAD = re.compile(rf"^(?P<rest>{COLOUR.pattern})\s*(?P<n>\d{{1,3}}|[一两二三四五六七八九十])\s*(?P<u>{UNIT})?"
                          rf"[\s。.!！~～]*$")


# 要带挂钩的, 要红色的: which kind of the goods the member wants, said after the count (no count, no goods of its own)
_WISHED_KIND = re.compile(r"要[^\d一二两三四五六七八九十俩半几]{1,8}的[。.!！~～]*")


def _count_then_remark(counts: str, product: Product, catalog: Catalog) -> Intent | None:
    """1套 CR-V 5座, 3 黄的 in a chain of one product: the count (in the product's own unit, or none: the chain's unit)
    first, then after a space a remark (a car model, a colour) that names no product, no link and no count of its own;
    or a colour first and the count after it (红2, 黄的1顶): that count of the product. None when the rest could be
    anything more (a product, a number, a cancel)."""
    m = _LEAD_COUNT.match(counts) or _COLOUR_LEAD.match(counts)
    if m is None or m.group("u") not in (None, product.unit):
        return None
    rest = m.group("rest")
    if catalog.mentions(rest) or catalog.links(rest) or shorthand(catalog).find(rest) or _TAKE_BACK.search(rest) \
            or VERB_START.match(rest) and not _WISHED_KIND.fullmatch(rest) or re.search(rf"(?<![\w-])\d+(?:\.\d+)?(?![\w-])|\d\s*{UNIT}|[+＋x×*]", rest):
        return None
    return check_items(Kind.ORDER, [(product, Quantity(0, 0, float(zh_to_number(m.group("n")) or 0), m.group("u")))])


_COUNT_AFTER = re.compile(r"\s*[x×*]?\s*[\d一二两俩三四五六七八九十半]")
_COUNT_BEFORE = re.compile(rf"[\d一二两俩三四五六七八九十半]\s*{UNIT}\s*$")


def _none_dropped(content: str, intent: Intent, catalog: Catalog) -> Intent:
    """鲜奶250一箱 酸奶200两箱 read as the 酸奶 alone: a line that names a product by its name or alias which its reading
    books nothing of (nor of the same goods in another pack), with a count written beside the name, is not booked in
    part; it goes to a person."""
    if intent.kind is not Kind.ORDER or intent.needs_review or not intent.items:
        return intent
    booked, t = {i.sku for i in intent.items}, normalize(content)
    for s, e, p in catalog.mentions(t):  # with a count beside it: 换燕麦奶 is a remark, 燕麦奶1盒 an item
        counted = _COUNT_AFTER.match(t, e) or _COUNT_BEFORE.search(t[:s])
        if counted and p.sku not in booked and not booked & {q.sku for q in same_goods(p, catalog)}:
            return Intent(Kind.ORDER, needs_review=True, reason=f"这一行写了{p.name}，没读出要几份：「{content[:20]}」")
    return intent


_REMARK_AFTER = re.compile(rf"(?<=\d)(\s*{UNIT})(?=(?:{REMARK_WORDS}))")


def _remark_apart(content: str, catalog: Catalog) -> str:
    """3条送货, 2盒明天自提: a remark of collection or time glued after a count with its unit is set apart, as one would
    write it (3条 送货); where a product's name starts there, it stays the name."""
    starts = {s for s, _, _ in catalog.mentions(content)}
    return _REMARK_AFTER.sub(lambda m: m.group(1) if m.end() in starts else m.group(1) + " ", content)


_UNIT_ENDS = "".join(sorted({u[-1] for u in UNIT_WORDS if re.fullmatch(r"[\u4e00-\u9fff]+", u)}))
_OPTIONS = re.compile(r"[\u4e00-\u9fff]{1,6}(?:\s*[/／]\s*[\u4e00-\u9fff]{1,6})+")


def _options_apart(content: str, header: str, catalog: Catalog) -> str:
    """香薰1个古龙 in a chain whose header lists the choices (海洋/柠檬/古龙): a choice the header lists, glued after a
    count, is the member's pick (a remark), set apart as one would write it (香薰1个 古龙), not an unknown product."""
    words = {w for m in _OPTIONS.finditer(normalize(header)) for w in re.split(r"\s*[/／]\s*", m.group(0))
             if len(w) > 1 and not catalog.mentions(w) and not catalog.holding(w)}
    for w in sorted(words, key=len, reverse=True):
        content = re.sub(rf"(?<=[\d{_UNIT_ENDS}])({re.escape(w)})", r" \1", content) if w in content else content
    return content


def _variants_read(content: str, intent: Intent, product: Product | None, catalog: Catalog, chain: Chain,
                   parse) -> Intent:
    """H7一对、洗车液1瓶: a variant word of an offered product (H7) that the line's reading left out is read as that
    product's name; when that reading still leaves it out, or is not a clean order, the line goes to review, so
    no product the member wrote is silently dropped."""
    if intent.kind not in (Kind.ORDER, Kind.OTHER):
        return intent
    spelled, skus = offered_variants(content, chain.offered, catalog)
    if not skus - {i.sku for i in intent.items}:
        return intent
    again = parse(spelled, product.sku if product else None)
    if again.kind is Kind.ORDER and not again.needs_review and skus <= {i.sku for i in again.items}:
        return again  # E14一只+胶布2卷 (read as chatter): E14灯泡一只+胶布2卷
    if intent.kind is Kind.ORDER and not intent.needs_review:
        return Intent(Kind.ORDER, needs_review=True, reason=f"这一行有没读懂的商品：「{content[:20]}」")
    return intent


def entry_items(intent: Intent) -> dict[str, float]:
    return {i.sku: float(i.qty) for i in intent.items if i.sku and i.qty is not None}


__all__ = ["Chain", "Entry", "Item", "content_key", "entry_items", "offered_products", "read_chain",
           "spell_out", "split_member"]
