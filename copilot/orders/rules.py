"""A live comment -> an Intent: order, cancel, modify, question or other.

Rules first (fast, deterministic); when an LLM is configured, only the comments the rules leave
undecided may be sent to it, and its answer is validated against the catalog.

An order is booked without a person only when every part is read: each product by a name, a link or one word
of one product (a word of several products' names is settled neither by the screen nor, then, by the unit, and
never by the unit when the products are two kinds of goods: 牛奶 of 鲜牛奶 and 纯牛奶); each
quantity in a unit a person reads the same or the catalog declares (``amounts.to_sale_unit``); each product its
own quantity; a clause of a word alone that reads as goods is never dropped as talk. The rest goes to review.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import NUM_PATTERN, normalize
from copilot.orders.abbreviated import abbreviated_pairs, looks_abbreviated
from copilot.orders.amount_talk import without_unit_prices
from copilot.orders.amounts import QTY_MARK, UNIT, VERB, as_said, read_quantities, times_apart
from copilot.orders.asides import aside, placed_was, second_thought, size_shares, without_shares
from copilot.orders.changes import named_before, parse_cancel, parse_modify, parse_relative, without_recap
from copilot.orders.clarify import clarified
from copilot.orders.clauses import ANY_VERB, PLACED, STRONG_MARK, Clause, classify
from copilot.orders.corrections import correction
from copilot.orders.cues import (
    PRICE_OF,
    PRICE_PER,
    WORD_AND_COUNT,
    asked_part_sale,
    price_checked,
    priced_sku,
    stock_question_product,
    without_sums,
)
from copilot.orders.fitted import model_asked, model_said
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.kind_measures import kind_counted, singles_counted
from copilot.orders.leftover import extra_asked, other_goods, without_extras
from copilot.orders.memo import per_catalog
from copilot.orders.names import plain_names, simplified
from copilot.orders.notes import ATTRIBUTE, SERVICE, WEARER_WEIGHT, as_written, packing_notes, split_notes
from copilot.orders.packs import pack_of_shown
from copilot.orders.pairing import kind_said_apart, order_of, shared_out
from copilot.orders.refs import find_refs, mask
from copilot.orders.services import WORK
from copilot.orders.shades import said_shades
from copilot.orders.sizes import size_homophones, sized_in
from copilot.orders.specs import spoken_lengths
from copilot.orders.toppings import topping_notes
from copilot.orders.typos import synonyms_as_named
from copilot.orders.variants import colour_outside, size_rival
from copilot.orders.wording import BANTER_QUESTION, CHATTER_CLAUSE, HOW_MUCH, PACKING, QUESTION, RHETORICAL, describes
from copilot.orders.worn import bare_sizes, size_alone, size_change, size_outside

log = logging.getLogger(__name__)
MAX_COMMENT_CHARS = 300
_TYPOS = [(re.compile(r"[寇口抠叩蔻]\s*(?=[1一])"), "扣"),
          (re.compile(r"(?<=[\d一两二三四五六七八九十])付(?![款钱费账了过清完])"), "副"),  # 一付眼镜: 一副, written by its sound
          (re.compile(r"(?<![\d.])\.(?=\d)"), "0."),  # .5斤 is half a 斤, not 5
          # 鸡蛋 x 6, 5L x2: a times mark apart from the name is *, joined to its count (not 5Lx2, a word)
          (re.compile(r"(?:(?<=\s)|^)[xX×]\s*(?=\d)"), "*"),
          # 大小各来一个, 大中小各一杯: the big one and the small one, each (大的小的各来一个)
          (re.compile(r"(?<![\u4e00-\u9fff])(?:([大中小])(?!\1))(?:([大中小])(?!\2))([大中小])?(?=\s*各)"),
           lambda m: "".join(f"{c}的" for c in m.groups() if c))]
# emoji and decorations: keep CJK, letters, digits and the punctuation the rules read
_NOISE = re.compile(r"[^\w\u4e00-\u9fff\s+.,，、;；。!！?？:：#*/\-~～()（）%]")  # 5%的: a concentration
_SEP = re.compile(r"[,，、;；。!！~～\n()（）]+|\s+|(?<=[?？])(?![?？])")  # 还有吗？要2份: the ? stays with its clause
_DURATION = re.compile(r"(?:[一两二三四五\d]个?多?|半个?)(?:小时|钟头)|\d+\s*分钟")
_RETURN_SOME = re.compile(r"退\s*(?:\d|[一两二三四五六七八九十半俩])")  # 退2: a part, even with no unit said
# 再考虑一下, 有货的话 (a clause that is only a condition, after the order: 来两箱 如果有赠品的话), 来2袋 不对 (taken
# back, no new number said): not made up yet
_UNDECIDED = re.compile(r"再(?:确认|决定|定|考虑|看看?|想想)|考虑一下|考虑考虑|先不要|先别|还没想好|没想好|犹豫|的话[吧呢呀啊哈]*$|"
                        # 是1米5还是1米8我忘了, 不记得要大的还是小的: the buyer does not know which of two
                        r"还是[^,，。]{0,10}(?:忘了|忘记了|不记得|记不清|不确定|拿不准)|(?:不记得|记不清|不确定|拿不准)[^,，。]{0,8}还是|"
                        r"^(?:不对|[哦噢喔啊呃额]不|不不+)[啦了吧,，。!！\s]*$")  # 来2袋 不对: and then?
_STORY = re.compile(r"(?:买|吃|喝|泡|煮|用|穿|洗)(?:了|过)")  # what the buyer did with goods: a story, not an order
_KEEP = re.compile(r"还要|照要|继续要|要的|不变|照旧|留着|保留|不取消|不退")
_QTY_GAP = re.compile(rf"(?:^|(?<=\s))(?:我?{VERB})?(?:{NUM_PATTERN}|半)\s*{UNIT}半?(?P<gap>\s+)")
# (雪地靴 洗一双: the work of a service, said before the count, goes with the name: ``services``)
_NAME_GAP = re.compile(rf"\s+(?=(?:[x*]\s*|{WORK}\s*)?(?:\d|[一二两俩三四五六七八九十半]))")
_JOKE = re.compile(r"(?<![不没])(?:开玩笑|逗你玩|说着玩|闹着玩)")
# 不要芒果要草莓2斤, 鲈鱼1条不要 要2斤花甲: the product said not to be wanted is no order
_NEGATED = re.compile(r"不要(?P<what>[^\s，,。要了]{1,8}?)(?=[，,\s]*要)|[^\s，,。]{1,8}?不要[了啦]?(?=[，,\s]+要)")
_LATIN = re.compile(r"(?<![a-z])(?!kg(?![a-z]))[a-z]{2,}", re.IGNORECASE)  # 10kg的: kg against Chinese too
# a quantity in pinyin or English (3 jin, 2 boxes): an order the rules cannot read
_LATIN_QTY = re.compile(r"\d\s*(?:jin|gongjin|he|dai|ge|xiang|ping|fen|bao|tong|tiao|zhi|kuai|pcs|pieces?|box(?:es)?|"
                        r"bags?|bottles?|packs?|lbs?|catty|catties)\b", re.IGNORECASE)
# 分两袋装, 分开装, 单独装: how to pack it, no second quantity and no goods
_ENOUGH = re.compile(r"(?:就|也)(?:够|行|好|可以)|够了|足够")  # 一斤就够: the quantity said again, confirmed
_SHARE = re.compile(r"一半|[一二两三四五]分之[一二三]")  # 能混口味吗 要一半金枪鱼: how a mix is wanted, asked
_WISH = re.compile(r"[好真超很]?想要(?:想要)*[啊呀哈吧了呢]*")  # 好想要: a wish
_CHATTER = re.compile(r"^(\d)\1{2,}$|^[1]{2,}$|^[68]{2,}$|^[哈呵嘿嘻]+$")


def parse(text: str, catalog: Catalog, current_sku: str | None = None) -> Intent:
    """One comment -> one Intent, by the rules alone (deterministic, no I/O)."""
    current_sku = current_sku or priced_sku(text, catalog)
    intent = price_checked(_parse_comment(text, catalog, current_sku), text, catalog)
    if intent.kind in (Kind.ORDER, Kind.MODIFY) and intent.items:
        intent = replace(intent, note=packing_notes(text, intent.note))  # 来一斤 帮我分两包装
    return replace(intent, note=as_written(intent.note, text)) if intent.note else intent


def _parse_comment(text: str, catalog: Catalog, current_sku: str | None) -> Intent:
    current, text = catalog.get(current_sku) if current_sku else None, simplified(text or "")
    bare, sizes = bare_sizes(as_said(normalize(text)), catalog, current)  # 来一套 130, 一双24一双26: no prices
    heard = as_said(normalize(text))
    if not sizes and size_shares(heard, catalog) == heard:  # 02豆沙来一支, 口红来一支 05号: the shade the counter picks,
        bare, sizes = said_shades(heard, catalog, current)  # no count and no link; not 一件黑色一件蓝色 (a share)
    shown = [current] if current else []
    t = singles_counted(kind_counted(_clean(bare if sizes else text), catalog, shown), catalog, shown)  # 来一口, 来两层
    if "公" in t and "母" in t and not _sexes_sold(catalog):
        t = _MATED.sub(lambda m: f"{m.group(1)}对", t)
    if sizes and size_alone(t) and current is not None:  # 110 with the T恤 on screen: which size, not how many
        return replace(_review(Kind.ORDER, f"只说了尺码（{sizes[0]}），没说要几{current.unit}，请确认",
                               (Item(current.sku, None, current.unit),), True), note=sizes[0])
    changed = size_change(t, catalog, current)
    if changed:  # 改成120的: the size of the goods held, how many unchanged; a person applies it
        p, size = changed
        return replace(_review(Kind.MODIFY, f"要把{p.name}的尺码改成{size}，数量不变，请确认",
                               (Item(p.sku, None, p.unit),), True), note=size)
    if not t:
        return Intent(Kind.OTHER, reason="空评论")
    if len(t) > MAX_COMMENT_CHARS:
        return _review(Kind.ORDER, f"评论过长（{len(t)} 字），请人工查看") if QTY_MARK.search(t) \
            else Intent(Kind.OTHER, reason="评论过长")
    if _CHATTER.match(t) or _JOKE.search(t) or RHETORICAL.match(t):  # 开玩笑的 200个吃不完: no order
        return Intent(Kind.OTHER, reason="闲聊")
    said = aside(t, catalog)  # 钱转过去了 两提可乐的, 老样子
    if said is not None:
        return said
    if _LATIN_QTY.search(t) and not QUESTION.search(t):
        return _review(Kind.ORDER, "评论里的数量是拼音或外文，请人工确认", undecided=True)
    t = without_shares(clarified(placed_was(size_homophones(spoken_lengths(plain_names(synonyms_as_named(t, catalog), catalog), catalog), catalog)), catalog), catalog)  # 三米六 of 3.6米; 8存的 of 8寸; 一块放学校一块放家里
    intent = (_with_note(t, catalog, current) or correction(t, catalog, current, _parse_text)
              or abbreviated_pairs(t, catalog) or _parse_text(t, catalog, current))
    if intent.kind is Kind.ORDER and intent.items and QUESTION.search(t):  # 还有30码吗 我想要一双: the size asked
        sizes += [m.group(0) for part in _SEP.split(t) if QUESTION.search(part) for m in ATTRIBUTE.finditer(part)
                  if not sized_in(m.group(0), catalog, current) and m.group(0) not in intent.note]
    if sizes and intent.kind in (Kind.ORDER, Kind.MODIFY) and intent.items:
        intent = replace(intent, note=" ".join([*sizes, intent.note]).strip())
    booked = [catalog.get(i.sku) for i in intent.items]
    outside = (size_outside(intent.note, booked) or colour_outside(intent.note, booked, catalog)) \
        if intent.kind is Kind.ORDER else None
    if outside:  # 40的来一双 of 棉拖鞋 38-39码 beside 42-43码: a size neither holds (LABELS rule 8); 红色的 of 黑 / 粉
        return _review(Kind.ORDER, outside)
    if intent.kind is Kind.ORDER and intent.items and "想要" in t and QUESTION.search(t) \
            and not read_quantities(mask(t, find_refs(t, catalog))):  # 明天还播吗 想要8寸的模具: a wish beside the
        return Intent(Kind.QUESTION, reason="提问")  # question, no count said: the question is what they ask
    intent = second_thought(t, intent)  # 老样子 再加一袋, 已付 两斤梨
    if intent.kind is Kind.OTHER and looks_abbreviated(t):  # 2牛1羊 where 牛 and 羊 are each in two products
        return _review(Kind.ORDER, "简写的下单（数字加一个字），看不出是哪几个商品，请确认", undecided=True)
    if intent.kind is Kind.OTHER and WORD_AND_COUNT.fullmatch(t):  # 米2 of 大米 and 小米: an order, of which?
        word = re.match(r"[\u4e00-\u9fff]+", t).group(0)
        owners = [p.name for p in catalog.holding(word)]
        if owners and not CHATTER_CLAUSE.search(t):
            return _review(Kind.ORDER, f"「{word}」可能是{'、'.join(owners[:4])}，请确认", undecided=True)
    return intent


def _parse_text(t: str, catalog: Catalog, current: Product | None) -> Intent:
    intent = _read_clauses(t, catalog, current)
    declined = tuple(dict.fromkeys(r.product.sku for m in _NEGATED.finditer(t) for r in find_refs(m.group(0), catalog)
                                   if r.product))
    if declined and intent.kind is Kind.ORDER:  # 巴旦木不要了 要2盒腰果: the ledger asks when 巴旦木 was ordered
        return replace(intent, declined=declined)
    return intent


def _read_clauses(t: str, catalog: Catalog, current: Product | None) -> Intent:
    parts = [c for c in _SEP.split(_NEGATED.sub(" ", _join_name_and_qty(t, catalog))) if c]
    clauses = kind_said_apart(_without_restated([classify(c, catalog, current, alone=len(parts) == 1)
                                                  for c in parts], catalog, current))
    _asked_about(clauses, current)
    _wishes(clauses)
    clauses, current = without_recap(clauses, current)  # 8寸的我前面留了一个 再加一个: told, then the change
    kinds = {c.kind for c in clauses}
    if "cancel" in kinds and "order" in kinds:  # 油条不要了 豆浆还要: the kept product is no new order
        kept = [c for c in clauses if c.kind == "order" and not c.quantities and _KEEP.search(c.text)]
        clauses = [c for c in clauses if c not in kept]
        kinds = {c.kind for c in clauses}
    if "order" in kinds or any(c.asks_each for c in clauses):
        clauses = _without_said_again(clauses)
        for c in clauses:
            if c.named:
                c.kind = "order"
    if "vague" not in kinds and any(c.asks_each for c in clauses) and \
            len({r.product.sku if r.product else r.label for c in clauses for r in c.refs}) < 2:
        kinds.add("vague")  # 两个都要, 两样各一盒: each of which?
        clauses[0].kind, clauses[0].reason = "vague", "说了“都要/各”，但没说清楚是哪几个商品"
    if "vague" in kinds and "question" in kinds:  # 下单了 怎么付款, 拍了老鸭 总共多少钱: the question is what they ask
        for c in clauses:  # 三张床都要除螨 能打折吗: "all of them" of things no two products, told with the question
            if c.kind == "vague" and (PLACED.search(c.text) or c.asks_each and len({r.label for r in c.refs}) < 2):
                c.kind = "chatter"
        kinds = {c.kind for c in clauses}
    if "vague" in kinds and any(c.kind == "order" and c.quantities for c in clauses):
        clauses = [c for i, c in enumerate(clauses) if c.kind != "vague" or not _said_after(clauses, i)]
        kinds = {c.kind for c in clauses}
    if "vague" in kinds:
        reason = next(c.reason for c in clauses if c.kind == "vague")
        named = list(dict.fromkeys(r.product for c in clauses for r in c.refs if r.product))  # 来点腐乳, 腐乳拍了
        family = any(r.family and r.product is None for c in clauses for r in c.refs)  # 电池: which one? not the shown
        items = tuple(Item(p.sku, None, p.unit) for p in named or ([current] if current and not family else []))
        return _review(Kind.ORDER, reason, items, True)
    if "swap" in kinds:
        return _review(Kind.MODIFY, next(c.reason for c in clauses if c.kind == "swap"), undecided=True)
    said = [c for c in clauses if c.kind != "question"]  # 2B铅笔来2盒 HB的有吗: a grade asked; not AA的有吗 来两个
    ordered = " ".join(c.text for c in said) if any(c.refs for c in said) else t
    if kinds & {"order", "review"} and _LATIN.search(ordered) and _LATIN.search(mask(ordered, find_refs(ordered, catalog))):
        return _review(Kind.ORDER, "评论里有看不懂的外文", undecided=True)  # AA电池
    if kinds & {"order", "review"}:
        clauses = _never_mind_then(clauses)
        return _orders(clauses, {c.kind for c in clauses}, current, catalog)
    if "modify" in kinds:
        return parse_modify(next(c for c in clauses if c.kind == "modify"), catalog, current)
    if "relative" in kinds:
        return parse_relative(named_before(clauses, next(c for c in clauses if c.kind == "relative")), current, catalog)
    if "cancel" in kinds:  # 草莓 不要了: the product may stand apart; 芒果留着 / 芒果不变 is kept, not cancelled
        intent = parse_cancel(" ".join(c.text for c in clauses if c.kind == "cancel" or not _KEEP.search(c.text)),
                               catalog, current)
        if not intent.needs_review and any(c.quantities or _RETURN_SOME.search(c.text)
                                           for c in clauses if c.kind == "cancel"):
            # 取消一斤: a part of the order, not all of it; the assistant changes the quantity by hand
            items = intent.items or ((Item(current.sku, None, current.unit),) if current else ())
            return _review(Kind.CANCEL, "只取消一部分（说了数量）：请在团购台账里改这位买家的数量，再点“驳回”", items)
        return intent
    if "question" in kinds and not (BANTER_QUESTION.search(t) and not any(c.refs for c in clauses)):
        return Intent(Kind.QUESTION, reason="提问")  # 主播酒量怎么样: banter about the host, unless goods are named
    return Intent(Kind.OTHER, reason="闲聊")


def _without_said_again(clauses: list[Clause]) -> list[Clause]:
    """老鸭来一只 煲汤, 红绳来两条 孙子本命年: a clause that only names goods another clause orders with a quantity (by
    their name, or by a word of their name read in doubt) is the goods said again, no second order and no doubt."""
    ordered = {r.product.sku for c in clauses if c.kind == "order" and c.quantities for r in c.refs if r.product}
    return [c for c in clauses if not (c.named and c.refs and all(r.product and r.product.sku in ordered for r in c.refs))
            and not (c.kind == "review" and c.maybe and not c.quantities and all(p.sku in ordered for p in c.maybe))]


def _asked_about(clauses: list[Clause], current: Product | None) -> None:
    """3段有没有小罐的 400克那种: beside a question, a clause that states a size is what is asked about, no order; so
    is the part said beside a question whether the goods are sold in parts (能剪开卖吗 我只要20米)."""
    if any(c.kind == "question" for c in clauses):
        for c in clauses:
            if c.kind in ("order", "review") and (describes(c.text, c.quantities) or _SHARE.search(c.text)):
                c.kind = "chatter"
        asked_part_sale(clauses, current)


def _wishes(clauses: list[Clause]) -> None:
    """这个椅子颜值好高 想要😍: 想要 alone (no goods, no count) beside praise or a question is a wish, talk; alone it is
    still an order of the shown goods."""
    if any(c.kind in ("chatter", "question") for c in clauses):
        for c in clauses:
            if c.kind == "order" and not c.refs and not c.quantities and _WISH.fullmatch(c.text.strip()):
                c.kind = "chatter"


def _without_restated(clauses: list[Clause], catalog: Catalog, current: Product | None) -> list[Clause]:
    """开心果一斤 一斤就够, 2盒 2盒就行: a clause that says the order's quantity again and that it is enough
    confirms it, no second quantity (2斤 1斤就够 is still two quantities: a person asks). 要10盒 红的黑的各5盒: a
    total that the share of each named product adds up to exactly is that sum, no third quantity; so is a total
    shared out over variants (肉夹馍来三个 纯瘦两个肥瘦一个: ``pairing.shared_out``)."""
    out: list[Clause] = []
    for i, c in enumerate(clauses):
        said = next((o.quantities for o in reversed(out) if o.kind == "order" and o.quantities), [])
        alone = c.kind == "order" and not c.refs and len(c.quantities) == 1
        if alone and len(said) == 1 and _ENOUGH.search(c.text) \
                and (c.quantities[0].value, c.quantities[0].unit) == (said[0].value, said[0].unit):
            continue
        if alone and any(o.kind == "order" and o.each and len(o.quantities) == 1 and o.quantities[0].unit == c.quantities[0].unit
                         and o.quantities[0].value * len({r.product.sku for r in o.refs if r.product}) == c.quantities[0].value
                         for o in clauses[i + 1:]) or shared_out(c, clauses[:i] + clauses[i + 1:], catalog, current):
            continue
        out.append(c)
    return out


# 算了, 那算了吧: "never mind" said alone before a new order (算了 就这个耳罩 一个): it drops the wish before, not this one
_NEVER_MIND = re.compile(r"(?:那|哎|唉|好吧)?\s*算了吧?")
_SETTLED_ON = re.compile(r"(?:那)?(?:就|还是)")  # 就这个耳罩 一个, 还是要帽子 一顶: the one settled on


def _never_mind_then(clauses: list[Clause]) -> list[Clause]:
    """算了 就这个耳罩 一个: a first clause that is only 算了, then orders settled on (就, 还是) that name their goods and quantities, is those
    orders (LABELS rule 7: the viewer's own next words carry the booking); else the clauses as they are."""
    rest = clauses[1:]
    if len(clauses) < 2 or clauses[0].kind != "cancel" or not _NEVER_MIND.fullmatch(clauses[0].text.strip()) \
            or not all(c.kind == "order" and c.refs and c.quantities for c in rest) \
            or not _SETTLED_ON.match(rest[0].text.strip()):  # 算了 耳罩来两个: instead of what they hold? a person asks
        return clauses
    return rest


def _orders(clauses: list[Clause], kinds: set[str], current: Product | None, catalog: Catalog) -> Intent:
    if kinds & {"cancel", "modify", "relative"}:
        return _review(Kind.ORDER, "一条评论里既有下单又有取消/修改", undecided=True)
    if any(c.kind == "chatter" and _STORY.search(c.text) for c in clauses) and not any(
            c.refs or ANY_VERB.search(c.text) or STRONG_MARK.search(c.text) for c in clauses):
        return Intent(Kind.OTHER, reason="闲聊")  # 水泡了 七泡还有味: a count in a story told, no order word
    talked = {r.product.name for c in clauses if c.kind == "chatter" and not CHATTER_CLAUSE.search(c.text)
              or c.kind == "question" for r in c.refs if r.product} - {current.name if current else ""}
    asked = stock_question_product(clauses, current)
    if asked is not None:
        current, talked = asked, set()  # 三鲜的还有吗 再来一袋 (a 袋 of 三鲜, not of the 瓶 on screen)
    if talked and not any(c.refs for c in clauses if c.kind == "order"):  # 草莓好甜 来2斤, 芒果 on screen
        return _review(Kind.ORDER, f"说到了{'、'.join(sorted(talked))}，数量是哪个商品的不清楚", undecided=True)
    said = {q.value for c in clauses if c.kind == "order" for q in c.quantities}
    if any(c.kind == "chatter" and re.fullmatch(r"\d{1,3}", c.text) and float(c.text) not in said
           and not _CHATTER.match(c.text) for c in clauses):  # 来2袋 666: cheering, no number of goods
        return _review(Kind.ORDER, "数量不止一个，不确定要几份", undecided=True)  # 来2袋 3: which one?
    unread = next((c.text for c in clauses if c.kind == "chatter" and WORD_AND_COUNT.fullmatch(c.text)), "") \
        or other_goods(clauses)
    if unread:  # 梅干菜1 香菇1: 香菇 is no product we know, and its count is asked for too
        return _review(Kind.ORDER, f"有看不懂的内容「{unread[:12]}」，可能是未上架的商品", undecided=True)
    rival = _size_rival(clauses, current, catalog)
    if rival is not None:  # 来300克 with 虾滑 150克 shown beside 虾滑 300克: two small or one big?
        return _review(Kind.ORDER, f"说的量正好是一{rival.unit}{rival.name}，也是几{current.unit}{current.name}，请确认要哪个",
                       undecided=True)
    return _doubted(order_of(clauses, _shown_pack(clauses, current, catalog)), clauses)


def _shown_pack(clauses: list[Clause], current: Product | None, catalog: Catalog) -> Product | None:
    """The listing a quantity said alone is of: the shown one, or the listing of the shown goods sold in the unit said
    (来一箱 with the 单桶 shown beside its 整箱; LABELS rule 2)."""
    said = [q for c in clauses if c.kind == "order" for q in c.quantities]
    if current is None or len(said) != 1 or any(c.refs for c in clauses if c.kind == "order"):
        return current
    return pack_of_shown(current, said[0], catalog) or current


def _size_rival(clauses: list[Clause], current: Product | None, catalog: Catalog) -> Product | None:
    """The other size of the shown goods that one quantity said alone is exactly one pack of (``variants.size_rival``)."""
    said = [q for c in clauses if c.kind == "order" for q in c.quantities]
    if current is None or len(said) != 1 or any(c.refs for c in clauses if c.kind == "order"):
        return None
    return size_rival(current, said[0], catalog)


def _said_after(clauses: list[Clause], i: int) -> bool:
    """同上 2斤, 我妈也要 2斤: the quantity said after a vague clause is its own; 草莓2斤 我老公也要 (after it) and
    芒果也来点 (other goods) are not."""
    return any(c.kind == "order" and c.quantities for c in clauses[i + 1:]) \
        and not any(r.product is None or r.product not in _products(clauses) for r in clauses[i].refs)


def _products(clauses: list[Clause]) -> list[Product]:
    return [r.product for c in clauses if c.kind == "order" for r in c.refs]


def _join_name_and_qty(t: str, catalog: Catalog) -> str:
    """苹果 两斤, 鸡蛋 x3, 3斤 奇异果, 16寸的 两条, 全麦的 一箱: a product's name (or its size, or a word of several
    listings, with 的) and its quantity written apart are one clause."""
    for m in reversed(list(_NAME_GAP.finditer(t))):  # not 两包湿巾 一包L码: the name has its quantity already
        left = t[:m.start()].rsplit(" ", 1)[-1]
        refs = find_refs(left, catalog)
        if not refs and re.search(r"\d\s*[A-Za-z\u4e00-\u9fff]{1,3}$", left):  # 64G 2张: a size of the names, by the count
            joined = left + t[m.end():].split(" ", 1)[0]
            refs = [r for r in find_refs(joined, catalog) if r.end == len(left)]
        if any((r.end == len(left) or r.end == len(left) - 1 and left.endswith("的")  # 16寸的 两条, 钛钢的 一盒 (of
                and (r.label[:1].isdigit() or r.product is None and r.family))  # two packs: the unit picks one)
               and not r.label[-1:].isdigit() for r in refs) and not read_quantities(mask(left, refs)):
            t = t[:m.start()] + t[m.end():]
    for m in reversed(list(_QTY_GAP.finditer(t))):
        right = t[m.end():].split(" ", 1)[0]
        refs = find_refs(right, catalog)
        if refs and refs[0].start == 0 and refs[0].end == len(right) and refs[0].product:
            t = t[:m.start("gap")] + t[m.end():]
    return t


def _with_note(t: str, catalog: Catalog, current: Product | None) -> Intent | None:
    """老板我要3斤草莓送到3栋, 烤鸭1只 下午5点来拿: an order with a delivery or pickup note, kept on
    the order line. A comment that is only a note (明天来拿, 我住3栋) orders nothing."""
    t, added = topping_notes(t, catalog)  # 烧仙草来两杯 加芋圆: a wish on the order
    rest, notes = split_notes(t, lambda part: _names_goods(without_extras(part, catalog), catalog)  # 配两个手提袋
                              or bool(QUESTION.search(part))
                              or bool(ATTRIBUTE.fullmatch(part.strip())) and sized_in(part, catalog, current),
                              lambda part: extra_asked(part, catalog) or model_said(part, catalog)  # 要提袋
                              or model_asked(part, current)
                              and not _names_goods(part, catalog) and not QUESTION.search(part)
                              and bool(read_quantities(t[:max(0, t.find(part))])))  # after the order's count
    notes = [*added, *notes]
    if not notes or QUESTION.search(SERVICE.sub(" ", t)) or HOW_MUCH.search(t):  # 多给几个叉子: no question; 有多辣 is
        return None
    intent = Intent(Kind.OTHER, reason="送货或取货的说明") if not rest else (
        correction(rest, catalog, current, _parse_text) or abbreviated_pairs(rest, catalog) or _parse_text(rest, catalog, current))
    if intent.kind not in (Kind.ORDER, Kind.MODIFY) and current and all(ATTRIBUTE.search(n) for n in notes) \
            and re.fullmatch(r"(?:我?(?:要|来|拿|买|选)?[个件双条套]?)?", rest):
        return replace(_review(Kind.ORDER, f"只说了尺码或颜色（{notes[0]}），没说要几{current.unit}，请确认",  # 120的
                               (Item(current.sku, None, current.unit),), True), note=" ".join(notes))
    if intent.kind not in (Kind.ORDER, Kind.MODIFY):
        return intent
    return replace(intent, note=" ".join(notes))


# 一公一母, 两公两母: as many males as females, each male with its female, are that many pairs (一对, 两对), where
# the catalog does not sell the males and the females apart (大闸蟹（公） / （母）: 1公1母 is one of each)
_MATED = re.compile(r"(?<![\d一两二三四五六七八九十])([\d一两二三四五六七八九十])\s*[只条个]?公\s*\1\s*[只条个]?母"
                    r"(?=$|[^\u4e00-\u9fff]|[吧呀哈啊哦的吗呢])")


@per_catalog
def _sexes_sold(catalog: Catalog) -> bool:
    return any("公" in n or "母" in n for p in catalog for n in p.names)


def _names_goods(part: str, catalog: Catalog) -> bool:
    part = WEARER_WEIGHT.sub(" ", _DURATION.sub(" ", part))  # 一个小时后来拿, 我妈130斤: a length of time, a weight
    # of the wearer, no goods
    refs = find_refs(part, catalog)
    return bool(refs) or bool(read_quantities(mask(part, refs)))


# 是这个 老式桃酥 来一斤: a demonstrative and a word alone after it, between spaces, are one phrase (clauses split at spaces)
_THIS_APART = re.compile(r"(?<=这个|这款|这种)\s+(?=[\u4e00-\u9fff]{2,8}\s)(?![一二两俩三四五六七八九十半来要拿买])")


def _clean(text: str) -> str:
    t = _THIS_APART.sub("", as_said(normalize(times_apart(text or ""))))
    for pattern, repl in _TYPOS:
        t = pattern.sub(repl, t)
    t = without_unit_prices(without_sums(_NOISE.sub(" ", t)))  # 一包45 比单买便宜一点: what one costs (amount_talk)
    return PRICE_PER.sub(" ", PRICE_OF.sub(" ", PACKING.sub(" ", t))).strip()


def _review(kind: Kind, reason: str, items: tuple[Item, ...] = (), undecided: bool = False) -> Intent:
    return Intent(kind, items, needs_review=True, reason=reason, undecided=undecided)


def _doubted(intent: Intent, clauses: list[Clause]) -> Intent:
    """老鸦要一只: read as 老鸭 1, booked for a person to look at (see ``typos.doubtful_typo``); 来2斤 再考虑一下,
    留2斤 明天再确认: the buyer has not made up their mind."""
    doubt = next((c.doubt for c in clauses if c.doubt), "") or next(
        (f"买家还没拿定主意（{c.text[:12]}），请确认要不要" for c in clauses if c.kind != "order" and _UNDECIDED.search(c.text)), "")
    if not doubt or intent.needs_review or not intent.items:
        return intent
    return replace(intent, needs_review=True, reason=doubt, undecided=True)
