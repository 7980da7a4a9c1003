"""What of a clause no rule reads: the words left once product names (masked ``#``), quantities, filler
and the buyer's wishes (要大的, 熟一点) are taken out; a number no quantity reads (5+1: how many in all?);
and how those words are read (``read_leftover``: a typo or a part of one product's names, or review)."""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import NUM_PATTERN
from copilot.orders.amounts import GRAMS, UNIT, VERB, Quantity, read_quantities, whole_packs
from copilot.orders.lexicon import also_means, is_person, is_thing
from copilot.orders.memo import per_catalog
from copilot.orders.packs import by_unit_of_kind, pack_of_shown, packs_apart, same_goods, single_of, sold_so
from copilot.orders.pairing import THIS
from copilot.orders.refs import (
    Ref,
    fuzzy_product,
    may_name,
    shown_look_alike,
    spoken_product,
)
from copilot.orders.shorthand import one_of_its_kind, shorthand
from copilot.orders.typos import doubtful_typo, family_typo, near_products
from copilot.orders.variants import shown_member
from copilot.orders.wording import CHATTER_CLAUSE, FILLER

_VERB_END = re.compile(rf"(?:{VERB})\s*$")
_ORDER_TAIL = re.compile(rf"\s*(?:{VERB})?\s*(?:{NUM_PATTERN}|半)\s*{UNIT}?.*$")

_PREFERENCE = re.compile(r"(?:挑|选)?(?P<w>大|小|熟|生|嫩|肥|瘦|甜|软|硬|新鲜|整)(?:个|只|颗|条|块|根)?(?:一?点儿?|些)?的|"
                         r"(?P<v>大|小|熟|生|嫩|肥|瘦|甜|软|硬|新鲜)一?点儿?")


def without_preferences(masked: str, catalog: Catalog) -> str:
    """要大的3斤, 小个的2个, 来2斤熟一点的: how the buyer likes it, no product; unless a product's name holds
    the word (大号 / 小号 鸭脖: 小的 is a product). 草莓好甜 is talk, not a wish."""
    for m in _PREFERENCE.finditer(masked):
        if not any((m.group("w") or m.group("v")) in n for p in catalog for n in p.names):
            masked = masked[:m.start()] + " " * (m.end() - m.start()) + masked[m.end():]
    return masked


_SPEC_SAID = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*([\u4e00-\u9fffA-Za-z]{1,2})的")
_SPEC_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([\u4e00-\u9fffA-Za-z]{1,2})")


@per_catalog
def _specs_said(catalog: Catalog) -> set[str]:
    """the sizes the catalog's specs state (每包 80 抽: 80抽 and 80抽's first character, 80抽 / 80抽)."""
    return {n + w[:k] for p in catalog if p.spec for n, w in _SPEC_PART.findall(p.spec) for k in (1, len(w))}


# 配手提袋和贺卡, 附赠勺子, 送冰袋, 送提袋: what the spec says comes with the goods (not 送到, 送货上门, 送人)
_COMES_WITH = re.compile(r"(?<![搭分装调])(?:附赠|附送|赠送|配有|附|配|赠|送(?![到货上至给人礼去往达过回]))(?P<w>[\u4e00-\u9fff]{2,4}?(?:(?:和|、|及)[\u4e00-\u9fff]{2,4}?)*)"
                         r"(?=$|[，,。;；、\s]|(?:一|两|1|2)?[个只把张份根])")


@per_catalog
def extras_of(catalog: Catalog) -> re.Pattern | None:
    """What the catalog's specs say comes with the goods (配手提袋和贺卡: 手提袋, 贺卡), with a count said before it
    (两个手提袋): asked for with an order (帮我配两个手提袋) it is a wish on that order, no goods and no quantity."""
    words = {w for p in catalog if p.spec for m in _COMES_WITH.finditer(p.spec)
             for w in re.split(r"和|、|及", m.group("w")) if len(w) >= 2}
    words = {w for w in words if not any(w in n for q in catalog for n in q.names)}
    if not words:
        return None
    return re.compile(rf"(?:(?:{NUM_PATTERN})\s*(?:{UNIT})?)?\s*(?:{'|'.join(map(re.escape, sorted(words, key=len, reverse=True)))})")


def without_extras(part: str, catalog: Catalog) -> str:
    found = extras_of(catalog)
    return part if found is None else found.sub(" ", part)


_ASK_EXTRA = re.compile(r"(?:帮我|帮忙|麻烦|请)?(?:多|再|另)?(?:要|配|给|拿|带|放)?(?:我)?")


def extra_asked(part: str, catalog: Catalog) -> bool:
    """要提袋, 帮我多配两个提袋, 多给两个提袋: a part that only asks for what the catalog's specs say comes with the goods
    (``extras_of``), how many of it or none: a wish on the order, kept as its note."""
    found = extras_of(catalog)
    said = part.strip(" 。.!！~～吧哈呀啊")
    m = _ASK_EXTRA.match(said) if found is not None else None
    return m is not None and bool(found.fullmatch(said, m.end()))


def without_specs(masked: str, catalog: Catalog) -> str:
    """湿巾要80抽的两包, 要500g的, 150x200的: a size the catalog's specs state (每包 80 抽) or a name or spec writes as
    width by length, said with 的, describes the goods: no quantity and no unknown word."""
    if "的" not in masked or not any(ch.isdigit() for ch in masked):
        return masked
    said = _specs_said(catalog)
    for m in reversed(list(_SPEC_SAID.finditer(masked))):
        if m.group(1) + m.group(2) in said or m.group(1) + m.group(2)[:1] in said:
            masked = masked[:m.start()] + " " * (m.end() - m.start()) + masked[m.end():]
    for m in reversed(list(_DIMENSIONS.finditer(masked))):  # 150x200的: the size a name or spec writes
        if f"{m.group(1)}x{m.group(2)}" in _dimensions(catalog):
            masked = masked[:m.start()] + " " * (m.end() - m.start()) + masked[m.end():]
    return masked


_DIMENSIONS = re.compile(r"(?<![\d.])(\d{2,4})\s*[xX×*]\s*(\d{2,4})(?![\d.])")


@per_catalog
def _dimensions(catalog: Catalog) -> set[str]:
    """150x200, 48×74: the sizes the names and specs write as width by length."""
    return {f"{a}x{b}" for p in catalog for text in (*p.names, p.spec or "") for a, b in _DIMENSIONS.findall(text)}


def unread(masked: str) -> str:
    return rest_of(masked, read_quantities(masked))


def stray_number(masked: str, quantities: list[Quantity]) -> bool:
    """5+1, 2+3个: a number beside the quantity that no quantity reads (how many in all?)."""
    return bool(re.search(r"\d", _blanked(masked, quantities)))


def rest_of(masked: str, quantities: list[Quantity]) -> str:
    rest = FILLER.sub(" ", _blanked(masked, quantities)).replace("#", " ")
    return re.sub(r"[\s+.,，、;；。!！:：*/\-~～x\d]+", "", rest)


def _blanked(masked: str, quantities: list[Quantity]) -> str:
    """``masked`` with the quantities read blanked out (positions kept), and the 打 before a weight (打二两, 打一斤:
    loose goods scooped by weight, as 打酱油 or 打散酒 say; a dozen is said after its number, 一打)."""
    chars = list(masked)
    for q in quantities:
        chars[q.start:q.end] = " " * (q.end - q.start)
        if q.unit in GRAMS and q.start and masked[q.start - 1] == "打":
            chars[q.start - 1] = " "
    return "".join(chars)


def as_typed(leftover: str, masked: str, catalog: Catalog, current: Product | None) -> str:
    """纸皮和桃 x2: the unread word as typed when taking the filler characters out of it (和) breaks a typo of a
    name that the word as typed still reads as (纸皮核桃)."""
    if not leftover:
        return leftover
    head = _ORDER_TAIL.sub("", masked)  # 金抢鱼来两罐: the word before 来两罐, 抢 (an order word) kept as typed
    typed = [w for w in dict.fromkeys("".join(re.findall(r"[\u4e00-\u9fff]+", m)) for m in (masked, head))
             if w != leftover and 2 <= len(w) <= 8 and may_name(w, catalog)]
    if not typed or fuzzy_product(leftover, catalog, current, qualifier=f"{leftover}的" in masked) is not None:
        return leftover
    return next((w for w in typed if fuzzy_product(w, catalog, current) is not None), leftover)


def over_count(word: str, masked: str) -> bool:
    """枕头2个 read as 枕头个, one character off 枕头套: the word as typed runs over a count, and its unit (个) is no
    character of the goods' name; a name read so is a guess (a person looks), never a booking."""
    def joined(text: str) -> str:
        return "".join(re.findall(r"[\u4e00-\u9fff]+", text))
    return bool(word) and word not in joined(_without_counts(masked)) and word in joined(masked)


def _without_counts(text: str) -> str:
    spans = [(q.start, q.end) for q in read_quantities(text) if q.unit]
    for s, e in reversed(spans):  # 枕头来2个: the order word of the count too
        text = _VERB_END.sub("", text[:s]) + " " + text[e:]
    return text


def other_goods(clauses: list) -> str:
    """草莓 2罐, 核桃 x2 in a shop that sells neither: a word alone that names a thing (a common noun, no name of the
    catalog) right before a quantity that names no goods is the goods asked for, not the product on screen."""
    for c, nxt in zip(clauses, clauses[1:]):
        word = c.text.strip()
        if c.kind == "chatter" and not c.refs and nxt.kind == "order" and nxt.quantities and not nxt.refs \
                and re.fullmatch(r"[\u4e00-\u9fff]{2,6}", word) and not CHATTER_CLAUSE.search(word) and is_thing(word):
            return word
    return ""


def goods_word(word: str, catalog: Catalog, current: Product | None) -> bool:
    """红早, 栗子: a clause of a word alone that reads as goods (a typo of one product, a part of some products'
    names), no talk: it is read with the quantity of the next clause, or goes to review, never dropped."""
    return 2 <= len(word) <= 8 and may_name(word, catalog) and (
        bool(catalog.holding(word)) or fuzzy_product(word, catalog, current) is not None
        or bool(shorthand(catalog).family_sound_alike(word)))  # 灯龙 x1: the family 灯笼 typed by its sound


def _spec_owner(word: str, masked: str, catalog: Catalog, current: Product | None, refs: list) -> Product | None:
    """恐龙的来一套: a word said with 的 that only one listing's spec holds (蓝色恐龙印花), and no name, is that
    listing, as the owner described it on screen: the one shown, a sibling of it, or of the family word said."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", word) or f"{word}的" not in masked or catalog.holding(word):
        return None
    owners = [p for p in catalog if p.spec and word in p.spec]
    near = {r.product for r in refs if r.product} | {p for r in refs for p in r.family}
    if current is not None:
        near |= {current, *(p for fam in shorthand(catalog).families.values() if current in fam for p in fam)}
    return owners[0] if len(owners) == 1 and owners[0] in near else None


def _single_said(clause, leftover: str, masked: str, catalog: Catalog, current: Product | None,
                 unit: str | None) -> bool:
    """那来两盒单的吧 with 肥牛卷 整箱10盒 shown, 单盒的来两盒: 单的 / 单X的 said of goods sold in several packs names
    the single of them (``single_of``), the goods named in the clause or else the ones shown, when the unit said (if
    any) is the single's own. False otherwise (the word is read as before)."""
    if not re.fullmatch(rf"单{UNIT}?", leftover) or f"{leftover}的" not in masked:
        return False
    named = [r.product for r in clause.refs if r.product] + [p for r in clause.refs for p in r.family]
    base = named[0] if named else current
    single = single_of(base, catalog) if base is not None else None
    if single is None or unit not in (None, single.unit) or leftover[1:] not in ("", single.unit):
        return False
    if any(p is not single and p not in same_goods(single, catalog) for p in named):
        return False  # 羊肉卷单的 of goods that are not the single's
    clause.refs = [r for r in clause.refs if r.product is None and single not in r.family and not r.family]
    clause.refs.append(Ref(0, 0, single, leftover))
    return True


def read_leftover(clause, masked: str, leftover: str, catalog: Catalog, current: Product | None,
                   strong: bool) -> bool:
    """The words of a clause no name reads: a typo or a part of one product's names is that product (芋尼面包:
    芋泥 of the 面包 family); a part of several products' names (栗子 of 糖炒栗子 and 栗子仁) or a word
    nothing reads, said with an order word or a short quantity, goes to review. False: the clause is done."""
    if family_typo(leftover, clause.refs, catalog) or is_person(leftover) or _qualifier_said(leftover, masked, catalog):
        return True  # 车里子2斤装一盒: the family's word again, typed by its sound; 裙子给我闺女来一件: who, no goods
    unit = clause.quantities[0].unit if clause.quantities else None
    if _single_said(clause, leftover, masked, catalog, current, unit) \
            or _rest_of_named(leftover, masked, clause.refs, catalog):  # 黑米发榚: the 发糕 of the 黑米 one, named
        return True
    product, word = fuzzy_product(leftover, catalog, current, unit, f"{leftover}的" in masked), leftover
    spoken = spoken_product(masked, catalog, unread)  # 宝鱼: 宝 is also a filler (宝宝), 鱼 a kind
    if spoken and (product is None or spoken[0].sku == product.sku):
        product, word = spoken
    product = product or _spec_owner(leftover, masked, catalog, current, clause.refs)  # 恐龙的 of 蓝色恐龙印花
    shown = shown_look_alike(masked, current, unread) if product is None else None
    if shown:  # 恰宝两桶 with 怡宝 on screen
        product, word = shown
    if product is not None and (doubtful_typo(word, product, catalog) or over_count(word, masked)):  # 老鸦要一只
        clause.doubt = f"「{word}」像是{product.name}，不太确定，请确认"  # 老鸭 1, a person looks
    if product is not None:
        product = sold_so(product, word, unit, catalog) or product  # 泡面来两桶 of 整箱泡面: the 单桶 of the goods
        clause.refs = [r for r in clause.refs if not (r.product is None and product in r.family)]
        clause.refs.append(Ref(0, 0, product, leftover))
        carried = None if clause.quantities else re.search(rf"[带留捎]\s*(?P<u>{UNIT})\s*{re.escape(leftover)}", masked)
        if carried:  # 给我妈带个保温杯: 带 and a measure word before the goods, no number, is one (as 带杯美式)
            clause.quantities = [Quantity(carried.start("u"), carried.end("u"), 1.0, carried.group("u"))]
        return True
    owners = catalog.holding(leftover) if len(leftover) >= 2 else [  # 蛋 of 卤蛋 and 卤鹌鹑蛋: their kind
        p for p in catalog if leftover.strip() and any(n.endswith(leftover) for n in p.names)]
    owners += [q for q in also_means(leftover, catalog) if q not in owners]  # 插座: 插线板 too
    kind = re.fullmatch(r"([\u4e00-\u9fff])[子儿]", leftover.strip())
    if kind and not owners:  # 袜子要两双: 袜 ends 地板袜 and 棉袜, told apart by no unit: the message names them
        owners = [p for p in catalog if any(n.endswith(kind.group(1)) for n in p.names)]
        owners = owners if len(owners) > 1 else []
    if one_of_its_kind(leftover, masked, owners, catalog, current, unit):
        clause.refs.append(Ref(0, 0, owners[0], leftover))
        return True
    picked = by_unit_of_kind(leftover, owners, unit, catalog) or _shown_of(owners, current, unit) \
        or _shown_of_kind(owners, current, clause, catalog)
    if picked is not None:  # 泡面来两桶 of 整箱泡面, beside a 火鸡面 by the 袋: the 单桶, the one 泡面 sold by the 桶
        clause.refs.append(Ref(0, 0, picked, leftover))
        return True
    if len(owners) == 1 and shorthand(catalog).kind_of_many(leftover, owners[0]):  # 大米: any rice of the shop
        owners = shorthand(catalog).of_kind(leftover, owners[0])
    if current in owners and len(owners) > 1 and THIS.search(masked[:max(0, masked.find(leftover))]):
        clause.refs.append(Ref(0, 0, current, leftover))  # 这个本子来一本 with the 笔记本 shown: that one of the kind
        return True
    alone = not re.search(r"[\u4e00-\u9fff\d]", clause.text.replace(leftover, ""))  # not 七号蓝球: a member's size said
    kinds = shorthand(catalog).family_sound_alike(leftover) if alone and not owners else []
    if kinds:  # 灯龙 x1 with the 6号灯笼 shown: the family 灯笼 typed by its sound, which one is not said
        clause.kind, clause.reason = "review", f"「{leftover[:12]}」像是{kinds[0]}，没说要哪一种，请确认"
    elif len(owners) >= 2 or len(leftover) >= 2 and owners:
        clause.kind, clause.reason = "review", f"「{leftover[:12]}」可能是{'、'.join(p.name for p in owners[:4])}，请确认"
        clause.maybe = tuple(owners)
    elif strong or (clause.quantities and len(leftover) <= 3):
        clause.kind, clause.reason = "review", f"有看不懂的内容「{leftover[:12]}」，可能是未上架的商品"
    return False


def _qualifier_said(leftover: str, masked: str, catalog: Catalog) -> bool:
    """潮汕牛肉丸 with 潮汕沙茶酱 an alias of 沙茶酱: a word that its products' names hold only right before another of
    their own names (a place or a maker: 潮汕 of 潮汕沙茶酱, which is 沙茶酱), said glued before other goods named, says
    where those goods are from, no goods of its own."""
    at = masked.find(leftover)
    owners = catalog.holding(leftover) if len(leftover) >= 2 and at >= 0 else []
    return bool(owners) and masked.startswith("#", at + len(leftover)) and all(
        n.startswith(leftover) and n[len(leftover):] in p.names for p in owners for n in p.names if leftover in n)


def _shown_of(owners: list[Product], current: Product | None, unit: str | None) -> Product | None:
    """熊来一只 with the 30cm 毛绒小熊 shown beside the 60cm: a word of listings of one goods in sizes or colours is the
    one shown (LABELS rule 9); 柿饼来俩 with the single shown beside the 8个 box: a count alone of a word of packs of
    one goods is of the pack shown."""
    if len(owners) < 2:
        return None
    return shown_member(owners, current, unit) or (current if not unit and current in owners and packs_apart(owners)
                                                   else None)


def _shown_of_kind(owners, current: Product | None, clause, catalog: Catalog) -> Product | None:
    """袜子10双 with 羊毛袜 5双装 shown beside its 单双: a kind word of packs of one goods (each sold in its own unit), the
    one shown, and a quantity that is whole packs of it (2 盒) stays the one shown; a part pack (袜子3双) is the listing
    of the goods sold in the unit said (LABELS rule 2). None when the goods differ, or nothing settles it."""
    if current not in owners or not packs_apart(owners) or len(clause.quantities) != 1:
        return None  # (熊 of 30cm / 60cm bears both by the 只: sizes, not packs)
    q = clause.quantities[0]
    if q.unit is None or not (q.unit == current.unit or whole_packs(q, current)):
        return pack_of_shown(current, q, catalog) if q.unit else None
    return current


def _rest_of_named(leftover: str, masked: str, refs, catalog: Catalog) -> bool:
    """海盐焦糖布町 of 海盐焦糖布丁 beside a 香草布丁: a slip of a word several names share (布町 for 布丁,
    ``typos.near_products``), glued right after the word that names one of them: the rest of that product's name,
    no other goods (the clause names it already)."""
    named = [r for r in refs if r.product is not None]
    if len(named) != 1 or len(leftover) < 2 or masked.find(leftover) != named[0].end:
        return False
    near = near_products(leftover, catalog)
    return len(near) > 1 and named[0].product in near
