"""A comment that changes an order already placed: a cancel (草莓不要了, 凤爪不要了: whichever of the family),
a change to a new total (改成3斤, 还是2斤吧) or by a signed amount (再加一斤 +1, 少要一袋 -1). The clause is read by
``rules`` (its ``text``, ``refs`` and ``quantities``); the product is the one named, a word of its names, or the one
on screen."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import NUM_PATTERN, zh_to_number
from copilot.orders.amounts import PIECE_WORDS, UNIT, Quantity, check_items, read_quantities, rough
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.leftover import rest_of
from copilot.orders.packs import one_goods, pack_of_shown, sold_in
from copilot.orders.refs import Ref, find_refs, fuzzy_product, mask


class Clause(Protocol):
    """What ``rules`` read of one clause of a comment."""
    text: str
    refs: list[Ref]
    quantities: list[Quantity]


CANCEL = re.compile(r"不要了|不要啦|不要(?=\S{0,8}了)|取消|退掉|退了|撤回|撤销|算了|不买了|不订了|别给我留|删掉|删了|"
                     r"退(?=\s*(?:\d|[一两二三四五六七八九十半俩]))")  # 退一斤: a part of the order
# 没货了就算了, 抢不到就不要了: a cancel on a condition (if sold out, never mind) withdraws nothing now, talk
IF_NONE_LEFT = re.compile(r"(?:没货|没有|没了|卖完|卖光|抢不到|买不到|断货|缺货)了?(?:的话)?[就那]?(?:算了|不要了|不要啦)"
                          # 没有鸡腿就算了, 没抢到就算了: no such goods (or none won), then never mind: the same condition
                          r"|(?:没有|没)(?![了有])[\u4e00-\u9fff]{1,6}?(?:的话)?就(?:算了|不要了|不要啦)")
# a quantity said alone may count in any word a quantity is read in: a sale unit, a piece (30条 of a 30条 袋), a dozen
COUNTED = rf"(?:{UNIT}|打|两|{'|'.join(PIECE_WORDS)})"  # (10两: the tenth of a 斤)
# 改成3斤, 只要2盒; 还是2斤吧: the buyer settles on a new total
MODIFY = re.compile(rf"(?:改成|改为|改到|改|换成|减到|减为|加到|增加到|调成|只要|"
                     rf"(?:还是|那就|那还是)(?:(?:要|来)?(?=\s*(?:{NUM_PATTERN}|半)\s*{COUNTED}?\s*吧)"
                     rf"|(?=\s*(?:{NUM_PATTERN}|半)\s*{COUNTED}?\s*$))"  # 好吧 那就一个, 那就一打吧 (a dozen): the clause ends on the number
                     # 刚才说的是一瓶, 刚才拍的是一袋: what the buyer said (or placed) before, set right (the clause ends on the quantity)
                     rf"|(?:刚才|刚刚|之前|前面)(?:说|讲|要|拍了?|下单了?|订了?)的(?:是|其实是)(?=\s*(?:{NUM_PATTERN}|半)\s*{COUNTED}\s*[了啊呀哈]?$))"
                     rf"\s*(?P<n>{NUM_PATTERN}|半)(?!下)")  # 那就2盒吧 too
RELATIVE = re.compile(rf"(?P<op>再多要|再多来|再加|多加|多要|多来|多买|多拿|少要|少来|少拿|少买|减少|减掉|减去|减|加|"
                       rf"再多|(?<![至最差不许很好太])多|(?<![多至最不缺])少)\s*"
                       rf"(?P<n>{NUM_PATTERN}|半)\s*(?P<u>{UNIT})?(?!\s*[号元])")


def relative_match(masked: str) -> re.Match | None:
    for m in RELATIVE.finditer(masked):
        if m.group("op") in ("加", "减", "少", "多", "再多") and not m.group("u"):
            continue  # 加2 is "+2", an order; 减10 is more likely a price; 少1斤, 再多1斤 say their unit
        return m
    return None


def parse_cancel(t: str, catalog: Catalog, current: Product | None) -> Intent:
    refs = find_refs(t, catalog)
    if any(r.product is None and not r.family for r in refs):
        return _review(Kind.CANCEL, "要取消的链接不存在")
    if len(refs) > 1 and re.search(r"(?:^|\s)(?:换|改)", t):  # 草莓不要了 换芒果: one for another, not both
        return _review(Kind.MODIFY, "要换成别的商品，请确认换什么、要多少", undecided=True)
    # 凤爪不要了: whichever of the family the buyer ordered
    skus = list(dict.fromkeys(p.sku for r in refs for p in (r.family or (r.product,))))
    if not skus:  # 虾不要了: a part of one product's names
        word = rest_of(CANCEL.sub(" ", t), [])
        product = fuzzy_product(word, catalog, current) if word else None
        skus = [product.sku] if product else _kind_members(word, catalog)
    return Intent(Kind.CANCEL, tuple(Item(s, None, catalog.get(s).unit) for s in skus))


def _kind_members(word: str, catalog: Catalog) -> list[str]:
    """帽子不要了, 鞋子不要了: the kind of goods (帽 ends 渔夫帽 and 棒球帽) names every product of that kind; the
    ledger cancels the one the buyer holds."""
    m = re.fullmatch(r"([\u4e00-\u9fff])[子儿]?", word.strip())
    owners = [p.sku for p in catalog if m and any(n.endswith(m.group(1)) for n in p.names)] if m else []
    return owners if len(owners) > 1 else []


def parse_modify(c: Clause, catalog: Catalog, current: Product | None) -> Intent:
    if any(r.product is None for r in c.refs):
        return _review(Kind.MODIFY, "要修改的链接不存在")
    m = MODIFY.search(mask(c.text, c.refs))
    product = c.refs[0].product if c.refs else _named_by_word(c, m, catalog, current)
    if product is None:
        return _review(Kind.MODIFY, "没有正在讲解的商品，不知道改哪个")
    after = [q for q in c.quantities if q.start >= m.start("n")]
    if len({r.product.sku for r in c.refs}) > 1:
        return _review(Kind.MODIFY, "一次改了几个商品，请人工确认", undecided=True)
    n = m.group("n")
    q = after[0] if after else Quantity(0, 0, 0.5 if n == "半" else zh_to_number(n) or 0, None, rough(n))
    if not c.refs and product is current and current is not None:  # 还是20罐吧 with the 整箱28罐 shown: the single
        product = pack_of_shown(current, q, catalog) or current  # sold by the 罐 (LABELS rule 2), as in an order
    return check_items(Kind.MODIFY, [(product, q)])


def _named_by_word(c: Clause, m: re.Match, catalog: Catalog, current: Product | None) -> Product | None:
    """虾还是2斤吧, 虾少1斤: a part of a product's name before the change names it (see ``fuzzy_product``);
    else (数量改成2, 刚才的改成3把) the product on screen."""
    masked = mask(c.text, c.refs)
    after = [q for q in c.quantities if q.start >= m.start()]
    word = rest_of(masked[:m.start()] + " " * (m.end() - m.start()) + masked[m.end():], c.quantities)
    unit = m.groupdict().get("u") or (after[0].unit if after else None)
    return (fuzzy_product(word, catalog, current, unit) if word else None) or current


# 我前面留了一个, 刚才已经拍了两盒: what the buyer ordered before, told beside a change (no new order)
_RECAP = re.compile(r"(?:前面|刚才|刚刚|之前|已经|早上|上午|昨天|开播前)\S{0,4}?(?:留|要|拍|订|买|扣|下单|下)了")


def without_recap(clauses: list, current: Product | None) -> tuple[list, Product | None]:
    """8寸的我前面留了一个 再加一个: a clause that tells what was ordered before, beside a change, is no order; the
    product it names is the one the change is to (of one product only; else the clauses stay for a person)."""
    recaps = [c for c in clauses if c.kind in ("order", "review") and _RECAP.search(c.text)]
    if not recaps or not any(c.kind in ("modify", "relative") for c in clauses) or any(c.kind in ("order", "review") and c not in recaps for c in clauses):
        return clauses, current
    named = {r.product for c in recaps for r in c.refs if r.product}
    if len(named) > 1 or any(r.product is None for c in recaps for r in c.refs):
        return clauses, current
    return [c for c in clauses if c not in recaps], next(iter(named)) if named else current


def parse_relative(c: Clause, current: Product | None, catalog: Catalog) -> Intent:
    """再加一斤 +1, 少要一袋 -1: a signed change to the buyer's current order of the product. 榨菜少要五两 of 榨菜（散称）
    by the 两 and 榨菜 半斤袋: the unit of the change picks among packs of one goods, as in an order (LABELS rule 2)."""
    c = _pack_by_unit(c)
    if any(r.product is None for r in c.refs):
        return _review(Kind.MODIFY, "要修改的链接不存在")
    if len({r.product.sku for r in c.refs}) > 1:
        return _review(Kind.MODIFY, "一次改了几个商品，请人工确认", undecided=True)
    m = relative_match(mask(c.text, c.refs))
    product = c.refs[0].product if c.refs else _named_by_word(c, m, catalog, current)
    if product is None:
        return _review(Kind.MODIFY, "没有正在讲解的商品，不知道加减哪个")
    amount = _amount_changed(m, mask(c.text, c.refs))
    if product is current and not c.refs:  # 再加一条 with the 单副 shown beside the 一条10副: the 条 (LABELS rule 2)
        product = pack_of_shown(current, amount, catalog) or product
    checked = check_items(Kind.MODIFY, [(product, amount)])
    if checked.needs_review:
        return checked
    item = checked.items[0]
    sign = -1 if m.group("op").startswith(("少", "减")) else 1
    return Intent(Kind.MODIFY, (Item(item.sku, sign * item.qty, item.unit, relative=True),), reason="加减数量")


def _pack_by_unit(c):
    """``c`` with a family word of packs of one goods (``packs.one_goods``) read as the listing sold in the unit of the
    change (``packs.sold_in``); ``c`` as it is otherwise."""
    if not any(r.product is None and r.family and one_goods(r.family) for r in c.refs):
        return c
    m = relative_match(mask(c.text, c.refs))
    if m is None:
        return c
    q = _amount_changed(m, mask(c.text, c.refs))
    refs = [Ref(r.start, r.end, sold_in(r.family, q.unit, r.label, q.value), r.label)
            if r.product is None and r.family and one_goods(r.family) and sold_in(r.family, q.unit, r.label, q.value)
            else r for r in c.refs]
    return replace(c, refs=refs)


def _amount_changed(m: re.Match, masked: str) -> Quantity:
    """The amount a change adds or takes off, read as any quantity is (再加二两: 2 两, a tenth of a 斤 each, not 22;
    少要半打: 6 个, 再加一斤半: 1.5 斤), else as the change's own pattern reads it."""
    said = next(iter(read_quantities(masked[m.start("n"):])), None)  # 再加一斤半: the 半 after the unit too
    if said is not None and said.start == 0 and said.end >= m.end() - m.start("n"):
        return said
    value = 0.5 if m.group("n") == "半" else zh_to_number(m.group("n")) or 0
    return Quantity(0, 0, value, m.group("u"), rough(m.group("n")))


def named_before(clauses: list, change):
    """冬款的 少要一顶: a change that names no product, after a clause that only names one (no quantity, no other
    word of an order), is a change of that product; ``change`` itself otherwise."""
    if change.refs:
        return change
    named = {r.product.sku: r for c in clauses[:clauses.index(change)] if c.named and not c.quantities
             for r in c.refs if r.product}
    if len(named) != 1:
        return change
    r = next(iter(named.values()))
    return replace(change, refs=[Ref(0, 0, r.product, r.label)])


def _review(kind: Kind, reason: str, items: tuple[Item, ...] = (), undecided: bool = False) -> Intent:
    return Intent(kind, items, needs_review=True, reason=reason, undecided=undecided)
