"""Quantities to products inside one clause of a comment (草莓2斤, 要两斤芒果, 草莓芒果各来两斤), and across the
clauses of a comment (草莓，芒果，各2斤; 草莓2斤 芒果: how many mangoes?); a family word and a word of one of its
members, or two family words that share one product, name that one (冰淇淋来一盒香草的, XL的来一包 纸尿裤)."""

from __future__ import annotations

import re

from copilot.base.catalog import Product
from copilot.base.zhnum import zh_to_number
from copilot.orders.amounts import GRAMS, UNIT, Quantity, check_items
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.packs import only_pack_word
from copilot.orders.refs import Ref, unknown_reason
from copilot.orders.shorthand import shorthand

# 小的, 要大号的, 大盆的吧: a clause that only says which size (or state) of the goods, as a word of a name
_WHICH = re.compile(r"(?:要|来)?(?P<w>大|小|中|熟|生|嫩|肥|瘦|甜|软|硬)(?:号|盆|个|只|份|杯|瓶|袋|包|盒|罐|块)?的(?:吧|哦|啊|呀)?")


def one() -> Quantity:
    return Quantity(0, 0, 1.0, None)


Pairs = list[tuple[Product, Quantity]]


def pair_clause(refs: list[Ref], quantities: list[Quantity], each: bool) -> tuple[Pairs | None, list[Product]]:
    """Quantities to products inside one clause: '草莓2斤', '要两斤芒果', '草莓芒果各来两斤'.
    Returns the pairs and the products still waiting for a quantity from the next clause; None
    for the pairs when a quantity belongs to no product or a product gets two (草莓2斤3斤)."""
    if not quantities:
        return [], [r.product for r in refs]
    if each and len(quantities) == 1:
        return [(r.product, quantities[0]) for r in refs], []
    qty_first = quantities[0].start < refs[0].start and not any(q.start > refs[-1].end for q in quantities)
    pairs = []
    for i, ref in enumerate(refs):
        lo, hi = ((refs[i - 1].end if i else 0), ref.start) if qty_first else \
            (ref.end, refs[i + 1].start if i + 1 < len(refs) else 10**9)
        mine = [q for q in quantities if lo <= q.start < hi]
        if len(mine) > 1 or not mine and len(refs) > 1:  # 草莓2斤3斤; 草莓芒果2斤: each, or together?
            return None, []
        pairs.extend((ref.product, q) for q in mine or [one()])
    if sum(1 for _, q in pairs if q.end) < len(quantities):
        return None, []
    return pairs, []


def shared_out(total, others: list, catalog, current: Product | None) -> bool:
    """肉夹馍来三个 纯瘦两个肥瘦一个, 凉皮来两份 一份麻酱一份红油, 来两个 一个纯瘦一个肥瘦: ``total`` says how many in
    all (a count alone, or of a family word) and ``others`` share it out over two or more products, each with its own
    count in the total's unit, adding up to it exactly: the total is that sum, no order of its own. The products are
    members of the family said, or (a count alone) of one family of the catalog or beside the product shown: variants
    of one goods, not other goods bought besides."""
    if total.kind not in ("order", "review") or len(total.quantities) != 1 or total.each or total.asks_each:
        return False
    kinds = [r for r in total.refs if r.family and r.product is None]
    if total.refs and (len(total.refs) != 1 or not kinds):
        return False
    said, pairs = total.quantities[0], []
    for o in others:
        if o.kind != "order" or not o.quantities or not o.refs or any(r.product is None for r in o.refs):
            continue
        got, waiting = pair_clause(o.refs, o.quantities, o.each)
        if not got or waiting or any(not q.end or q.unit not in (said.unit, None) for _, q in got):  # 各一
            return False
        pairs += got
    skus = {p.sku for p, _ in pairs}
    if len(skus) < 2 or len(skus) < len(pairs) or abs(sum(q.value for _, q in pairs) - said.value) > 1e-9:
        return False
    if kinds:
        return all(p in kinds[0].family for p, _ in pairs)
    return current is not None and current.sku in skus or any(
        skus <= {p.sku for p in family} for family in shorthand(catalog).families.values())


# 面包两个都要, 两样都来, 口琴两支都要: the number counts the products wanted (both of them), not how many of each
_COUNTED_BOTH = re.compile(rf"(?:两|俩|二|2|三|3|四|4)\s*(?:个|样|种|款|{UNIT})?\s*都(?:要|来|拿|订)")


def _counts_both(c) -> bool:
    """面包两个都要: the clause's one quantity is the count of the products wanted (not 两种都来一袋: a 袋 of each)."""
    m = _COUNTED_BOTH.search(c.text)
    return m is not None and any(m.start() <= q.start < m.end() for q in c.quantities)


def _not_named_in(pending: list[Product], refs) -> list[Product]:
    """我说的是6号链接 中国结来一个: a product named alone, then named again with its quantity in the next clause, is
    that one order (the products waiting for a quantity without the ones this clause names)."""
    return [p for p in pending if all(r.product is not p for r in refs)]


def order_of(clauses, current: Product | None) -> Intent:
    """The order of a comment from its clauses as ``rules`` read them (``kind``, ``refs``, ``quantities``, ``each``,
    ``asks_each``, ``named``, ``reason``): every product with its own quantity, or review saying what is unclear."""
    review = next((c for c in clauses if c.kind == "review"), None)
    if review is not None:
        return _review(Kind.ORDER, review.reason, undecided=True)
    orders = [c for c in clauses if c.kind == "order"]
    if any(c.asks_each for c in orders) and not any(c.quantities for c in orders):  # 5号和6号都要: how many each?
        return _review(Kind.ORDER, "说了“都要”，但没说每样要几份，请确认", undecided=True)
    if sum(len(c.quantities) for c in orders) == 1 and any(c.asks_each and _counts_both(c) for c in orders):
        return _review(Kind.ORDER, "说了“几个都要”（数的是商品），没说每样要几份，请确认", undecided=True)  # 面包两个都要
    if not any(c.refs for c in orders) and sum(len(c.quantities) for c in orders) > 1:
        return _review(Kind.ORDER, "重复的数量，不确定要几份", undecided=True)  # 扣1扣1扣1, +1 +1
    pairs: list[tuple[Product, Quantity]] = []
    pending: list[Product] = []
    named = False  # the pending products were only named (草莓，芒果2斤): no quantity of their own
    last: Product | None = None
    for c in orders:
        each = c.each and len(c.quantities) == 1 or c.asks_each and not c.quantities
        unknown = next((r for r in c.refs if r.product is None), None)
        if c.named and unknown is not None:  # 碧根果 2袋: which of the family (or no such link)?
            return _review(Kind.ORDER, unknown_reason(unknown), undecided=True)
        if c.named and (named or not pending):  # 草莓，芒果，各2斤: names waiting for one quantity
            pending, named = pending + [r.product for r in c.refs], True
            continue
        if pending and (named and not each and c.refs or len(pending) > 1 and not each and not c.refs):
            return _review(Kind.ORDER, "有的商品没说数量，请确认每样要几份", undecided=True)
        if c.refs:
            pending = pending if each or not c.quantities else _not_named_in(pending, c.refs)
            pairs.extend((p, c.quantities[0] if each and c.quantities else one()) for p in pending)
            (got, pending), named = pair_clause(c.refs, c.quantities, c.each), False
            if got is None:
                return _review(Kind.ORDER, "数量和商品对不上，不确定每样要几份", undecided=True)
            pairs.extend(got)
            last = (pending or [p for p, _ in got] or [last])[-1]
        elif c.quantities:
            if not pending and last is not None:  # 芒果2斤 3斤, 芒果2斤→3斤: a second quantity for it
                return _review(Kind.ORDER, "同一个商品说了两个数量，不确定要几份", undecided=True)
            if each and pending:  # 草莓，芒果，各2斤
                pairs.extend((p, c.quantities[0]) for p in pending)
                pending = []
                continue
            target = pending[:1] or ([current] if current else [])
            if not target:
                return _review(Kind.ORDER, "没有正在讲解的商品，无法确定买的是哪个")
            pairs.extend((target[0], q) for q in c.quantities[:1])
            pending = []
    if pending and named:
        return _review(Kind.ORDER, "有的商品没说数量，请确认每样要几份", undecided=True)
    pairs.extend((p, one()) for p in pending)
    if not pairs:
        if current is None:
            return _review(Kind.ORDER, "没有正在讲解的商品，无法确定买的是哪个")
        pairs = [(current, one())]
    pairs = _restated(pairs, orders, current)
    if len({p.sku for p, _ in pairs}) < len(pairs):  # 苹果5斤 橙子1箱 苹果2斤: 7斤, or 5 changed to 2?
        return _review(Kind.ORDER, "同一个商品说了两次，不确定一共要几份", undecided=True)
    if len(pairs) > 1 and any(not q.end for _, q in pairs):  # 草莓2斤 芒果, 5号和6号都要: one of each, or how many?
        return _review(Kind.ORDER, "有的商品没说数量，请确认每样要几份", undecided=True)
    return check_items(Kind.ORDER, pairs)


def _restated(pairs: Pairs, orders: list, current: Product | None) -> Pairs:
    """给我妈买一个 14号来一个 with link 14 on screen: a quantity said with no goods, then the same quantity of the
    goods shown said with their name or link, is one order said twice over (the name says what the first meant). Not
    when a clause adds (14号也来一个, 再来一个) or the quantities differ (买两个 14号来一个: a person asks)."""
    bare = [q for c in orders if not c.refs for q in c.quantities]
    shown = {i for i, (p, q) in enumerate(pairs) if p is current and any(q is b for b in bare)}
    if not shown or any(_ADDS.search(c.text) for c in orders if c.refs):
        return pairs
    def said_again(i: int) -> bool:
        p, q = pairs[i]
        return any(j != i and j not in shown and o is p and (r.value, r.unit) == (q.value, q.unit)
                   for j, (o, r) in enumerate(pairs))
    return [pq for i, pq in enumerate(pairs) if i not in shown or not said_again(i)]


_ADDS = re.compile(r"[也再还另又]")


def _review(kind: Kind, reason: str, items: tuple[Item, ...] = (), undecided: bool = False) -> Intent:
    return Intent(kind, items, needs_review=True, reason=reason, undecided=undecided)


def kind_then_member(refs: list[Ref]) -> list[Ref]:
    """冰淇淋再来一盒香草的: the family word says the kind, the word of one of its members later in the clause says
    which one (both stay masked: neither is an unread word). XL的来一包 纸尿裤: two family words whose families
    share one product name that one."""
    kinds = [r for r in refs if r.family and r.product is None]
    shared = set.intersection(*({p.sku for p in r.family} for r in kinds)) if len(kinds) > 1 else set()
    if len(shared) == 1 and not any(r.product for r in refs):
        k = kinds[0]
        return [Ref(k.start, k.end, next(p for p in k.family if p.sku in shared), k.label)]
    if len(kinds) != 1:
        return refs
    members = {r.product.sku for r in refs if r.product is not None and r.product in kinds[0].family}
    return [r for r in refs if r is not kinds[0]] if len(members) == 1 else refs


def said_once(refs: list[Ref], text: str) -> list[Ref]:
    """8斤的冬被, 3条装的毛巾, 蛋糕6寸的: a size or count of one product's names said right beside its name (only 的, 装
    or a space between) names that product once; two refs of it would ask for two quantities."""
    out: list[Ref] = []
    for r in refs:
        last = out[-1] if out else None
        if last is not None and r.product is not None and last.product is not None and r.product.sku == last.product.sku \
                and re.fullmatch(r"[\s的装]*", text[last.end:r.start] if r.start >= last.end else "x"):
            out[-1] = Ref(last.start, r.end, last.product, text[last.start:r.end])
            continue
        out.append(r)
    return out


THIS = re.compile(r"(?:这个|这款|这种|这份|这盒|这袋|这件|这条|这|手上的|手里的)\s*$")


def this_one(refs: list[Ref], text: str, current: Product | None) -> list[Ref]:
    """这个面包来两个 with 红豆面包 on screen: a family word right after 这个 points at the product shown, when it is one
    of the family (这个吐司 of 原味 / 全麦 / 红豆吐司); otherwise the family stays for a person. So does a pack size
    said after 这个 that the product shown has (这个一斤装的 with a 500克 jar shown), whatever other listing the
    size word is in the names of (一斤装龙井); a size several listings hold (500克的 of 龙井 500克 and 红茶 500克), one of them
    shown, is the one shown even without 这个: the size tells the shown goods' packs apart, not the goods."""
    if current is None or "这" not in text and "手" not in text and not any(r.family for r in refs):
        return refs
    return [Ref(r.start, r.end, current, r.label) if _means_shown(r, text, current) else r for r in refs]


def _means_shown(r: Ref, text: str, current: Product) -> bool:
    """``r`` points at the product shown: a family it belongs to said as a pack size, or said after 这个; a family word
    the shown product's name holds, said after 这个 (这个山泉水的 with 山泉水水票 shown); or a pack size that the shown
    product's pack weighs, said after 这个."""
    of_family = bool(r.family) and r.product is None and current in r.family
    packed_so = only_pack_word(r.label.strip()) and text.startswith("的", r.end)
    if of_family and (_PACK_SAID.fullmatch(r.label) or packed_so):
        return True  # 一斤装的, 盒装的 (the boxed one): how the shown listing is packed, whatever else is packed so too
    held = r.product is None and any(r.label in n for n in current.names)  # 这个山泉水的 with 山泉水水票 shown
    return (of_family or held or r.product is not current and _pack_of(r.label, current)) \
        and bool(THIS.search(text[:r.start]))


_PACK_SAID = re.compile(r"(?P<n>\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)\s*(?P<u>斤|公斤|千克|kg|克|g)装?的?")


def _pack_of(label: str, p: Product) -> bool:
    """``label`` is a weight (一斤装, 500克的) that the pack of ``p`` weighs."""
    m = _PACK_SAID.fullmatch(label.strip())
    size = p.pack_size
    if m is None or size is None or size[1] not in GRAMS:
        return False
    n = float(m.group("n")) if m.group("n")[0].isdigit() else zh_to_number(m.group("n"))
    return n is not None and abs(n * GRAMS[m.group("u")] - size[0] * GRAMS[size[1]]) < 1e-6


def _size_said(o, family) -> list[Product]:
    """四件套1套 要1.5米的: a clause that only says a size of one member's name (要…的) says which, as 要大号的 does."""
    refs = [r for r in o.refs if r.product in family]
    if o.quantities or len(refs) != 1 or len(o.refs) != 1 or not refs[0].label[:1].isdigit():
        return []
    rest = o.text[:refs[0].start] + o.text[refs[0].end:]
    return [refs[0].product] if re.fullmatch(r"\s*(?:要|来)?\s*的(?:吧|哦|啊|呀)?\s*", rest) else []


def kind_said_apart(clauses: list) -> list:
    """XL的来一包 纸尿裤: the order names a family (XL: the 纸尿裤 or the 拉拉裤), a clause that only says the kind
    beside it (a family word of its own) tells which; when exactly one product is in both, the order is of it and
    the naming clause is no second order; so does a clause that only says a word of one member's name (绿萝来一盆 小的:
    小盆绿萝). A member said apart (凤爪要2盒 虎皮的) may be a second order: asked."""
    for i, c in enumerate(clauses):
        kinds = [r for r in c.refs if r.family and (r.product is None or r.shown)]  # (or the one shown: rule 9)
        if c.kind not in ("order", "review") or not c.quantities or len(kinds) != 1 or len(c.refs) != 1:
            continue
        for o in clauses[i + 1:i + 2] + clauses[max(i - 1, 0):i]:
            which = _WHICH.fullmatch(o.text) if not o.quantities and all(r.product in kinds[0].family
                                                                          for r in o.refs) else None
            named = [p for p in kinds[0].family if which and any(which.group("w") in n for n in p.names)] or \
                _size_said(o, kinds[0].family)
            if len(named) == 1:  # 绿萝来一盆 小的: the one member whose name holds the word (小盆绿萝)
                c.refs, c.kind, c.reason = [Ref(kinds[0].start, kinds[0].end, named[0], kinds[0].label)], "order", ""
                return [x for x in clauses if x is not o]
            if not o.refs or any(r.product for r in o.refs):
                continue
            said = {p.sku for r in o.refs for p in r.family}
            shared = [p for p in kinds[0].family if p.sku in said]
            if o.named and not o.quantities and len(shared) == 1:
                r = kinds[0]
                c.refs, c.kind, c.reason = [Ref(r.start, r.end, shared[0], r.label)], "order", ""
                return [x for x in clauses if x is not o]
    return clauses


_EACH_SAID = re.compile(r"各|每样|每种")
_ATTRIBUTE_SAID = re.compile(r"([\u4e00-\u9fffA-Za-z\d.]{1,6}?)的")  # 番茄的, 9寸的: a word said with 的


def each_member(refs: list[Ref], text: str, catalog) -> list[Ref]:
    """黑芝麻的鲜肉的各来一袋, 3号6号各来一包, 榴莲披萨9寸12寸各来一个: with 各, words that each pick one member of one
    family of the catalog (the products whose names share a family word: 汤圆, 鱼钩) name those members, whatever else
    a word may name on its own (鲜肉 of 鲜肉粽 too, link 3); a word said with 的 that a name holds counts as such a word
    (番茄的奶油的 of 番茄肉酱意面 and 奶油蘑菇意面), and the family word said with them (榴莲披萨) only says the kind.
    Unchanged unless exactly one reading of that kind is found."""
    if not _EACH_SAID.search(text):
        return refs
    said = list(refs)
    for m in _ATTRIBUTE_SAID.finditer(text):
        if not any(r.start < m.end(1) and m.start(1) < r.end for r in refs) and catalog.holding(m.group(1)):
            said.append(Ref(m.start(1), m.end(1), None, m.group(1), tuple(catalog.holding(m.group(1)))))
    if len(said) < 2:
        return refs
    readings = {}
    for family in {tuple(f) for f in shorthand(catalog).families.values()}:
        picked = _members_in(said, set(family))
        if picked is not None:
            readings[tuple((r.start, r.product.sku) for r in picked)] = picked
    if len(readings) != 1:
        return refs
    picked = next(iter(readings.values()))
    return picked if [(r.start, r.product) for r in picked] != [(r.start, r.product) for r in refs] else refs


def _members_in(said: list[Ref], family: set) -> list[Ref] | None:
    """Each word's one member of ``family`` (a family word whose products are all of it is the kind, dropped), or
    None when a word picks none or several, two words pick one, or fewer than two are picked."""
    out = []
    for r in sorted(said, key=lambda r: r.start):
        if r.product is None and r.family and set(r.family) <= family and len(r.family) > 1 and len(said) > 2:
            continue  # 榴莲披萨 of 榴莲披萨 9寸 and 12寸: the kind said, the sizes say which
        word = r.label.removesuffix("的")
        own = [r.product] if r.product in family else [p for p in r.family if p in family]
        found = own or [p for p in family if any(word in n for n in p.names)]
        if len(found) != 1:
            return None
        out.append(Ref(r.start, r.end, found[0], r.label))
    return out if len(out) >= 2 and len({r.product.sku for r in out}) == len(out) else None
