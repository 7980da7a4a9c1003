"""What else a comment says that picks or counts the goods: the price it names (35一斤的排骨: the goods sold
at that price, no quantity and no talk about prices), a unit said as one (来只鸭 is 来一只鸭) and a count glued to a
typo of a name (特拉1)."""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import NUM_PATTERN, normalize, zh_to_number
from copilot.orders.amounts import UNIT, VERB, Quantity, read_quantities, to_sale_unit
from copilot.orders.intent import Intent
from copilot.orders.memo import per_catalog
from copilot.orders.refs import find_refs, fuzzy_product

_VERB = re.compile(VERB)

# 35一斤的排骨, 19.9元/斤的芒果: a price with its unit, then 的: which goods, not how many
PRICE_OF = re.compile(rf"(?<![\d.])(?P<p>\d+(?:\.\d+)?)\s*(?:元|块钱?)?\s*(?:一|每|/)\s*{UNIT}\s*的")
# 5毛一根, 10元/斤, 三块钱一个: a price with its unit (小时候5毛一根: talk about prices), no quantity of goods
PRICE_PER = re.compile(rf"(?<![\d.])(?:\d+(?:\.\d+)?|{NUM_PATTERN})\s*(?:元|块钱|毛钱?|角钱?|块(?=\s*(?:每|/)))\s*(?:一|每|/)\s*"
                       rf"(?:{UNIT}|两)")
# 22一盒 两盒四十四: a price per unit (22一盒, 15元/斤), then a quantity in that unit and what it comes to
_UNIT_PRICE = re.compile(rf"(?<![\d.#])(?P<p>\d+(?:\.\d+)?)\s*(?:元|块钱?)?\s*(?:一|每|/)\s*(?P<u>{UNIT})")
_SUM = re.compile(rf"(?P<q>{NUM_PATTERN})\s*(?P<u>{UNIT})\s*(?P<w>就|是|才|只要|共|一共|总共)?\s*(?P<m>{NUM_PATTERN})"
                  rf"\s*(?:元|块钱?)?(?![\d.]|\s*{UNIT})")
# 一袋才16, 一斤就20: what one unit costs, said with 才 / 就 / 只要 (talk about the price, no quantity ordered)
_ONE_COSTS = frozenset({"就", "才", "只要"})
_COST_AFTER_UNIT = re.compile(rf"{UNIT}\s*(?:就|是|才|只要|共|一共|总共)?\s*[\d零〇一幺二两俩三仨四五六七八九十百千]")
_ASKED = re.compile(VERB + r"\s*$")
# 米2, 特拉1: a word and a count glued (not a building, a date, a price)
WORD_AND_COUNT = re.compile(r"(?![\u4e00-\u9fff]*(?:栋|幢|楼|号|点|天|月|日|岁|周|年|元|块|单元|尾号))[\u4e00-\u9fff]{1,6}\d{1,2}")
_ONE_OF = re.compile(r"(?:来|要|拿|买)(?P<u>只|条|个|块|袋|盒|瓶|把|根|份|箱|包|桶|板|颗|棵)"
                     r"(?P<w>[\u4e00-\u9fff]{1,4})[吧呀哈啊]?$")


def price_checked(intent: Intent, text: str, catalog: Catalog) -> Intent:
    """35一斤的排骨来2斤: the price said picks the goods; when it is the price of no product read (42元一袋的
    with the 22-元 bag on screen), a person checks which one is meant, unless the goods are named and the price
    is no other product's either (糖炒栗子来2斤 35一斤的那个, sold at 28: the name says which, the price is
    misremembered)."""
    said = _said(text)
    if not said or intent.needs_review or not intent.items:
        return intent
    others = {x for p in catalog for x in (p.price, p.original_price) if x}
    named = {r.product.sku for r in find_refs(normalize(text), catalog) if r.product}
    for p in (catalog.get(i.sku) for i in intent.items):
        prices = [x for x in (p.price, p.original_price) if x] if p is not None else []
        if p is not None and p.sku in named and not any(abs(s - x) < 0.01 for s in said for x in others):
            continue
        if prices and not any(abs(s - x) < 0.01 for s in said for x in prices):
            return Intent(intent.kind, intent.items, needs_review=True, note=intent.note,
                          reason=f"说的价格和{p.name}的价格（{p.price:g}元）对不上，请确认要的是哪个")
    return intent


def priced_sku(text: str, catalog: Catalog) -> str | None:
    """29.9一斤的来2斤 with no product on screen (a 接龙 line): the one product sold at the price said."""
    said = _said(text)
    if not said:  # most comments say no price: no look at the catalog
        return None
    found = {sku for x, sku in _prices(catalog) if any(abs(s - x) < 0.01 for s in said)}
    return next(iter(found)) if len(found) == 1 else None


@per_catalog
def _prices(catalog: Catalog) -> list[tuple[float, str]]:
    """Every price and original price of the catalog, with its product."""
    return [(x, p.sku) for p in catalog for x in (p.price, p.original_price) if x]


def _said(text: str) -> list[float]:
    return [float(m.group("p")) for m in PRICE_OF.finditer(normalize(text or ""))] if "的" in (text or "") else []


def without_sums(text: str) -> str:
    """22一盒 两盒四十四 划算, 一盒22 两盒44: a quantity followed by what it costs (两盒四十四) is a sum worked out
    aloud, no quantity ordered, when the comment says the price of one unit (22一盒) or another such sum at the same
    price (一盒22): the sums are blanked out, and so is the price of one unit said with 才 / 就 / 只要 (一袋才16). A number that is no such product (22一盒 两盒40: a deal asked for?),
    a sum said alone (两盒44) or a quantity after an order word (要两盒 44对吧) stays for the rules."""
    if not _COST_AFTER_UNIT.search(text):
        return text  # most comments: no number right after a unit, so no sum
    sums = [(m, _per_unit(m)) for m in _SUM.finditer(text) if not _ASKED.search(text[:m.start()])]
    said = [(round(float(m.group("p")), 2), m.group("u")) for m in _UNIT_PRICE.finditer(text)]
    prices = said + [price for _, price in sums if price and [p for _, p in sums].count(price) > 1]
    for m, price in reversed(sums):
        if price in prices or m.group("w") in _ONE_COSTS and zh_to_number(m.group("q")) == 1 \
                and text[m.start() - 1:m.start()] in ("", " ", ",", "，", "。", "!", "！", "~", "～"):  # not 7饼一提 才850
            text = text[:m.start()] + " " + text[m.end():]
    return text


def _per_unit(m: re.Match) -> tuple[float, str] | None:
    q, total = zh_to_number(m.group("q")), zh_to_number(m.group("m"))
    return (round(total / q, 2), m.group("u")) if q and total is not None else None


def one_of_word(masked: str, catalog: Catalog, current: Product | None) -> list[Quantity]:
    """来只鸭, 要瓶奶: an order word, a unit and a word for one product is one of it (来一只); 来个赞 is none."""
    m = _ONE_OF.search(masked)
    if m is None or fuzzy_product(m.group("w"), catalog, current, m.group("u")) is None:
        return []
    return [Quantity(m.start("u"), m.end("u"), 1.0, m.group("u"))]


_IN_STOCK = re.compile(r"还有(?:吗|么|没有|没|嘛)")


def stock_question_product(clauses, current: Product | None) -> Product | None:
    """三鲜的还有吗 再来一袋: the one product a stock question names (clauses with ``kind``, ``text``, ``refs`` and
    ``quantities``), when it is the only product of the comment, every order clause comes after the question and
    names no product, and each quantity is in that product's unit but not in the unit of the one on screen
    (清蒸小龙虾还有吗 要2份 with 麻辣 on screen: whose 2份? a person asks)."""
    first = next((i for i, c in enumerate(clauses) if c.kind == "order"), None)
    asked = {r.product.sku: r.product for c in clauses[:first] if c.kind == "question" and _IN_STOCK.search(c.text)
             for r in c.refs if r.product}
    named = {r.product.sku for c in clauses for r in c.refs if r.product}
    if len(asked) != 1 or len(named) != 1:
        return None
    p = next(iter(asked.values()))
    units = [q.unit for c in clauses[first:] if c.kind == "order" for q in c.quantities]
    if not units or any(u != p.unit or current is not None and u == current.unit for u in units) \
            or any(c.refs for c in clauses[first:] if c.kind == "order"):
        return None
    return p


# 能剪开卖吗, 拆开卖吗, 散卖吗, 零卖吗: whether the goods are sold in parts
_PART_SALE = re.compile(r"(?:剪|拆|切|分|掰)(?:开|散|零)?(?:卖|零售)|散(?:装)?卖|零(?:卖|售)|单(?:个|独|支|根)?卖|拆零")


def asked_part_sale(clauses, current: Product | None) -> None:
    """电线能剪开卖吗 我只要20米: beside a question whether the goods are sold in parts, a clause whose quantities are
    in a unit the goods are not sold in (米 of a wire sold by the 卷) says the part asked about: no order."""
    if not any(c.kind == "question" and _PART_SALE.search(c.text) for c in clauses):
        return
    for c in clauses:
        goods = [r.product for r in c.refs if r.product] or ([current] if current else [])
        if c.kind in ("order", "review", "modify") and goods and c.quantities and all(
                _MEASURE_AFTER.match(c.text, q.end) if q.unit is None else to_sale_unit(q, p) is None
                for q in c.quantities for p in goods):
            c.kind = "chatter"


_MEASURE_AFTER = re.compile(r"\s*(?:米|厘米|公分|毫米|尺|寸|毫升|ml|cm|mm)", re.IGNORECASE)  # 20米: no sale unit, no count


def typo_count(masked: str, catalog: Catalog, current: Product | None) -> list[Quantity]:
    """特拉1, 排古2: a count glued to a typo of one product's name is that product's count, as it is glued to the
    name itself (柠檬2); the typo is then read (or doubted) like any other."""
    m = WORD_AND_COUNT.fullmatch(masked.strip())
    word = re.match(r"[\u4e00-\u9fff]+", masked.strip()) if m else None
    if word is None or len(word.group(0)) < 2 or fuzzy_product(word.group(0), catalog, current) is None:
        return []
    return [Quantity(word.end(), len(masked.strip()), float(masked.strip()[word.end():]), None)]


def states_pack(masked: str, quantities: list[Quantity], products: list[Product]) -> bool:
    """7饼一提, 一箱12瓶, 一盒20包: one of the sale unit and the count the catalog declares for it (``pack``), with no
    order word, says what a pack holds, no order (来一提7饼 orders)."""
    if len(quantities) != 2 or _VERB.search(masked):
        return False
    one = [q for q in quantities if q.value == 1 and q.unit]
    count = [q for q in quantities if q not in one[:1]]
    return bool(one) and len(count) == 1 and any(
        p.unit == one[0].unit and p.pack_size == (count[0].value, count[0].unit) for p in products)


# 11朵 of 11朵红玫瑰花束, 6头 of 多肉拼盘 6头: a name that is a count of things (not a size: 6寸, 37码, 1米)
_COUNT_NAME = re.compile(r"(?:\d{1,3}|[零一二两三四五六七八九十]{1,3})(?![寸码岁米号克升斤])[\u4e00-\u9fff]")


def count_or_name(text: str, refs: list, quantities: list[Quantity]) -> str:
    """来11朵 with the 11朵 bouquet on screen: a name that is a count of things, said alone after the order word
    (nothing after it, no 的, no other quantity), reads as that many loose things as well as one of the product; a
    person asks. 11朵的来一束, 来11朵的: the name, with its quantity or 的."""
    if quantities:
        return ""
    for r in refs:
        if r.product and _COUNT_NAME.fullmatch(r.label) and not text[r.end:].strip() \
                and _VERB.search(text[:r.start]) and r.label[-1] not in (r.product.unit, (r.product.pack_size or (0, ""))[1]):
            return f"「{r.label}」可能是商品名，也可能是数量，请确认要几{r.product.unit}"
    return ""


_COUNT_LABEL = re.compile(rf"\d{{1,3}}\s*{UNIT}")


def count_of_shown(text: str, ref, current: Product | None) -> bool:
    """来12张 with the 6张 套 shown beside a 剪纸窗花 12张: the count in another product's name, said alone after the
    order word, that makes whole packs of the shown product (its ``pack``) is a quantity of the shown product
    (LABELS rule 2: the shown product stays when its pack makes the quantity whole packs); 12张的来一套 names it."""
    if current is None or current.pack_size is None or ref.product is None or ref.product is current \
            or not _COUNT_LABEL.fullmatch(ref.label) or text[ref.end:].strip() or not _VERB.search(text[:ref.start]):
        return False
    said = read_quantities(ref.label)
    if len(said) != 1 or said[0].unit != current.pack_size[1]:
        return False
    whole = to_sale_unit(said[0], current)
    return whole is not None and whole >= 1 and float(whole).is_integer()
