"""What one clause of a comment is, read on its own: an order (its products and quantities), a question, a
cancel, a change, a swap, a copy of someone's order with no quantity (vague), talk about goods, or chatter.

``rules`` splits a comment into clauses, reads each with :func:`classify`, then weighs them together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import zh_to_number
from copilot.orders.amount_talk import says_enough
from copilot.orders.amounts import (
    GRAMS,
    UNIT,
    VERB,
    Quantity,
    holds_pieces,
    read_quantities,
    to_sale_unit,
    whole_count,
    whole_packs,
)
from copilot.orders.changes import CANCEL, IF_NONE_LEFT, MODIFY, relative_match
from copilot.orders.classifiers import GENERAL
from copilot.orders.cues import count_of_shown, count_or_name, one_of_word, states_pack, typo_count
from copilot.orders.heads import shown_kind
from copilot.orders.kinds_shown import kinds_of_noun, kinds_of_shown
from copilot.orders.leftover import (
    as_typed,
    goods_word,
    read_leftover,
    rest_of,
    stray_number,
    without_preferences,
    without_specs,
)
from copilot.orders.link_refs import link_by_unit, number_or_link, shown_link_or_name
from copilot.orders.notes import WEARER_WEIGHT
from copilot.orders.packs import one_goods, packs_apart, shown_goods_pack, sold_in, sold_so
from copilot.orders.pairing import each_member, kind_then_member, said_once, this_one
from copilot.orders.refs import (
    Ref,
    as_named,
    find_refs,
    mask,
    unknown_reason,
)
from copilot.orders.services import work_of
from copilot.orders.sizes import size_member, whole_dimension
from copilot.orders.statements import states_not_asks
from copilot.orders.variants import shown_kinds, shown_size_said, shown_variant
from copilot.orders.wording import CHATTER_CLAUSE, QUESTION, past_remark

_MARK = r"(?:扣|\+|x|\*)"
_BARE = re.compile(r"^\d+$")
_EACH = re.compile(r"各|每样|每种|都|全要|[两俩三四五几]种|[两俩三四五几]样|(?<![上面])一样(?:来|要)")
_SWAP = re.compile(r"换成|换为|改成|改为|改要|换个")  # 虾换成带鱼: another product, no quantity said
_KIND_SWAP = re.compile(r"[\u4e00-\u9fff]{1,3}的\s*(?:换成|换为|改成|改为|改要)\s*[\u4e00-\u9fff]{1,3}的")  # 鲜的换成冻的
# 已拍, 拍了, 下单了: the buyer says they ordered (on the shop's link), how much not said
PLACED = re.compile(r"已拍|拍好了|拍了|拍下了|已下单|下单了|下好单了|已经下单")
# no quantity of its own: 我也要 / 同上 copy someone else's order, 这个我要了 takes it without a number
_VAGUE = re.compile(rf"(?:来|拿|整)几\s*{UNIT}|来点|来些|整点|(?:正好|顺便|顺手|刚好|那就)买[点些](?!了)|来一点|要一点|{PLACED.pattern}|(?:这个|那个|这款)(?:也行|也可以)|也要|也来|同上|"
                    r"我也一样|我要了$|(?:跟|和|同)?(?:楼上|上面|前面)(?:的)?一样|同楼上|同款")
_COPY = re.compile(r"楼上|上面|前面")  # 跟楼上一样: a copy of someone's order, not talk about the building
_DEFER = re.compile(r"(?:再说|再决定|再定|再看看?|考虑一下|考虑考虑)[吧哈啦了呀]*$")  # 看看还有没有再说: no question
# 刚才那个米粉也来一盒: an order of goods shown before, which one the words alone do not say (not 刚才买了: a story)
_EARLIER = re.compile(r"(?:刚才|刚刚|之前|前面)(?:那个|那款|那种|讲的|说的|介绍的|的)")  # 刚才的1.8米四件套 too
_TOLD = re.compile(r"(?:买|吃|喝|订|拿|扣|抢|来|要|拍)(?:了|过)")  # 刚才那个大姐扣了3只鸡: a story, no order
# 两种凤爪, 三样: how many kinds the comment counts (几: as many as there are)
_KINDS_COUNTED = re.compile(r"(?P<n>[两俩二三四五六几2-6])\s*[种样款]")
# 明早来拿冰块, 下午过来取: the viewer says when they will collect (goods already ordered), no count: no new order
_FETCH = re.compile(r"(?:来|过来|回来|去|再来)(?:拿|取|提)(?!\s*[几点些])")
_BOTH = re.compile(r"都要|都来|都拿|都订|(?<![上面])一样(?:来|要)")
_NO_NEED = re.compile(r"不用了|别要了|不需要了")  # 排骨不用了: with a product named, a cancel
STRONG_MARK = re.compile(_MARK + r"\s*\d")
ANY_VERB = re.compile(VERB)
_DENIED = re.compile(r"不要|不是|别|除了|没有")  # 冰淇淋不要香草的来一盒: the member named is not the one wanted


@dataclass
class Clause:
    text: str
    kind: str  # order / review / question / cancel / modify / chatter
    refs: list[Ref]
    quantities: list[Quantity]
    reason: str = ""
    each: bool = False  # 各: every product gets the quantity
    asks_each: bool = False  # 都要, 各来一盒: asks for each of several products (named in any clause)
    named: bool = False  # only a product's name: talk about it, unless another clause orders
    doubt: str = ""  # the product is read from a word that may mean something else: booked for review
    maybe: tuple[Product, ...] = ()  # review: the products the word read may name (本命年 of 本命年红绳手链)


def _member_sold_in(r: Ref, q: Quantity, current: Product | None) -> Ref:
    """脐橙来一箱: a family word's member sold in the unit said (槐花蜜来一斤, the 500克 jar shown: one pack of the
    shown); not when another member is shown, but packs of one goods are picked by the unit even so (酸辣粉来一提 with
    the 桶 shown: the 5连包, LABELS rule 2)."""
    if not r.family or r.product is not None:
        return r
    picked = sold_in(r.family, q.unit, r.label, q.value, filled=current is not None) \
        or _shown_of_packs(r.family, q, current)  # 两斤麻花 of 散称 and 400克袋: no whole bag, the loose (none shown)
    if picked is None or current is not None and current in r.family and not one_goods(r.family) and picked != current:
        return r
    return Ref(r.start, r.end, picked, r.label, r.family)


def _shown_of_packs(family, q: Quantity, current: Product | None) -> Product | None:
    """鸡蛋来一打 with 鲜鸡蛋（散卖） by the 枚 shown beside its 30枚 box: a family word of one goods in packs told apart by
    their units, said in the shown listing's own unit (a weight of goods sold by weight, 个 of a 枚) that no other
    listing of the family takes whole, is the shown listing. 土蜂蜜来两斤 with the loose honey shown beside 500克 jars
    (two jars, or two 斤 loose?), 生椰来一个 (个 of a 听 or of a 箱?) and 橙汁来一杯 of 中杯 / 大杯 stay for a person."""
    if current is None or current not in family or not q.unit or len({p.unit for p in family}) < 2 \
            or not one_goods(family):
        return None
    own = q.unit == current.unit or q.unit in GRAMS and current.is_weight or q.unit == "个" and current.unit == "枚"
    if not own or any(whole_count(to_sale_unit(q, p)) for p in family if p is not current):
        return None
    if q.unit == "个" and any(holds_pieces(p) and not (p.pack_size and _counts_alike(p.pack_size[1], current.unit))
                             for p in family if p is not current):
        return None  # 红玫瑰来3个 beside a 扎 of 11支: 个 counts the roses of a bunch too, a person asks
    return current if whole_count(to_sale_unit(q, current)) else None


def _counts_alike(a: str, b: str) -> bool:
    """枚 and 个 (a 6枚 box beside the single by the 个): the same unit, or two general classifiers of one thing."""
    return a == b or a in GENERAL and b in GENERAL


def _pack_said(r: Ref, q: Quantity, catalog: Catalog) -> Ref:
    """红绿灯再加一袋, 红绿灯 a name of the 单条 that says no pack, beside the 10条装 sold by the 袋: the listing of those
    goods sold in the unit said (LABELS rule 2; ``packs.sold_so``). Not when the named listing's declared pack makes
    the quantity whole packs of it (5双装10双 of a 5双 盒 beside the single by the 双: 2 盒, rule 2's pack clause)."""
    if r.product is None or not q.unit or whole_packs(q, r.product):
        return r
    picked = sold_so(r.product, r.label, q.unit, catalog)
    return Ref(r.start, r.end, picked, r.label, r.family) if picked is not None else r


def _shown_goods(r: Ref, current: Product | None, catalog: Catalog) -> Ref:
    """来半只 with the 烧鹅 整只 shown: a word that is only the pack of each listing it names (半只 of 烧鹅 / 烧鸭 半只)
    names the one of the goods on screen (``packs.shown_goods_pack``)."""
    if not r.family or r.product is not None:
        return r
    picked = shown_goods_pack(r.label, r.family, current, catalog)
    return Ref(r.start, r.end, picked, r.label) if picked is not None else r


def _shown_pack(r: Ref, current: Product) -> Ref:
    """A family word of packs of one goods, each sold in its own unit (西瓜汁 of 西瓜汁 杯装 and 西瓜汁 2L桶装), said with
    a count and no unit, one of its packs shown: the shown pack, as a count said alone is of the product shown (not
    sizes to choose from: 哑铃 x1 with the 5kg shown stays for a person)."""
    if not r.family or r.product is not None or current not in r.family or not packs_apart(r.family):
        return r
    return Ref(r.start, r.end, current, r.label, r.family)


def classify(text: str, catalog: Catalog, current: Product | None, alone: bool = True) -> Clause:
    """What one clause of a comment is, read on its own."""
    if WEARER_WEIGHT.fullmatch(text.strip()) or says_enough(text):  # 我妈180斤: what the wearer weighs, talk beside a
        return Clause(text, "chatter", [], [])  # size asked; 一盒都不够, 我儿子能吃两碗: how much is enough (amount_talk)
    refs = this_one([_shown_goods(shown_kind(number_or_link(r, catalog, current), current, Ref), current, catalog)
                     for r in shown_size_said(text, find_refs(text, catalog), current, Ref)], text, current)  # 5的
    refs = each_member([r for r in refs if not count_of_shown(text, r, current)], text, catalog)  # 来12张 of a 6张 套; 各
    refs = whole_dimension(refs, text, Ref) if "x" in text or "X" in text or "×" in text else refs  # 150x200的
    masked = without_specs(mask(text, refs), catalog)  # 80抽的: the spec's size, no quantity
    quantities = read_quantities(masked)
    if len(quantities) == 1:  # 5号来一条 with link 5 shown beside 5号拉链: either; 3号来两包 with link 3 by the 卷
        refs = [link_by_unit(shown_link_or_name(r, catalog, current, quantities[0].unit) if current is not None else r,
                             quantities[0].unit, current) for r in refs]  # and a 3号 hook by the 包: the one sold so
    each = bool((quantities or refs) and _EACH.search(masked))
    refs = said_once(refs if each or _DENIED.search(text) else kind_then_member(refs), text)
    if len(quantities) == 1 and quantities[0].unit:  # 1.8的来一套: the size's member sold in the unit said
        refs = [Ref(r.start, r.end, size_member(r.family, r.label, quantities[0].unit), r.label)
                if r.product is None and size_member(r.family, r.label, quantities[0].unit) else r for r in refs]
    if each and len(quantities) == 1 and quantities[0].unit and len(refs) > 1:  # 生普和熟普各来一饼: the unit
        refs = [Ref(r.start, r.end, sold_in(r.family, quantities[0].unit, r.label), r.label)  # picks the member
                if r.family and r.product is None and sold_in(r.family, quantities[0].unit, r.label) else r
                for r in refs]
    if each:
        refs, masked = _each_kind(masked, refs, quantities, current, catalog)
    if not each and len(quantities) == 1 and quantities[0].unit:  # 脐橙来一箱: the family's member sold so,
        refs = [_pack_said(_member_sold_in(r, quantities[0], current), quantities[0], catalog) for r in refs]
    elif not each and len(quantities) == 1 and current is not None:  # 西瓜汁 x2 with its 杯装 shown: that pack
        refs = [_shown_pack(r, current) for r in refs]
    clause = Clause(text, "chatter", refs, quantities, each=each)
    said = as_named(text, catalog)  # 乌几1只: 乌鸡 typed with a homophone, no 几 (how many)
    if QUESTION.search(said) and not _DEFER.search(text) and not past_remark(said) and not states_not_asks(said):
        clause.kind = "question"
    elif MODIFY.search(masked):
        clause.kind = "modify"
    elif (refs or _KIND_SWAP.search(masked)) and not quantities and _SWAP.search(masked):
        clause.kind, clause.reason = "swap", "要换成别的商品，请确认换什么、要多少"
    elif relative_match(masked) and (not CHATTER_CLAUSE.search(text) or _named_talk(text, refs)  # 刚才的苹果线再加一根:
                                     or _EARLIER.search(text) and refs and all(r.product for r in refs)):  # more of them
        clause.kind = "relative"
    elif CANCEL.search(said) and not IF_NONE_LEFT.search(said) or refs and _NO_NEED.search(text):
        clause.kind = "cancel"
    elif _EARLIER.search(text) and quantities and ANY_VERB.search(masked) and not _TOLD.search(text):  # 刚才那个米粉也给我来一盒: which?
        if refs and all(r.product for r in refs):  # 刚才那个高铁米粉来一盒: the name says it
            _order_clause(clause, _EARLIER.sub(lambda m: " " * len(m.group(0)), masked), catalog, current, alone)
        else:
            clause.kind, clause.reason = "vague", "说的是之前讲过的商品，请确认是哪一个"
    elif _FETCH.search(masked) and not quantities:
        pass  # 明早来拿冰块: a visit to collect, chatter
    elif states_pack(masked, quantities, [r.product for r in refs if r.product] or ([current] if current else [])):
        pass  # 7饼一提: what a 提 holds, said, no order
    elif not CHATTER_CLAUSE.search(said) or _COPY.search(text) and _VAGUE.search(text) \
            or _named_talk(text, refs, bool(quantities and ANY_VERB.search(masked))):  # 全卖吐司: 全麦, no 卖
        clause.asks_each = bool(_BOTH.search(text)) or each and bool(quantities)
        vague = _vague(text, quantities)
        if vague:
            clause.kind, clause.reason = "vague", vague
        else:
            _order_clause(clause, masked, catalog, current, alone)
    return clause


def _each_kind(masked: str, refs: list[Ref], quantities: list, current: Product | None,
               catalog: Catalog) -> tuple[list[Ref], str]:
    """各 / 都 over kinds: the colours or sizes of the goods shown (两种颜色都来一张, ``variants.shown_kinds``), each goods of a
    family counted (两种凤爪都来一盒; 两种桃酥都来一袋: each goods, by unit), or the kinds of the goods shown (那两种各来一杯,
    大小各来一个)."""
    if not refs:
        kinds, span = shown_kinds(masked, current, catalog)
        refs, masked = _kinds_said(masked, kinds, span, quantities) or (refs, masked)
    if kinds := _all_of(masked, refs, quantities):
        refs = [x for r in refs for x in ([Ref(r.start, r.end, p, r.label) for p in kinds] if r.family else [r])]
    shown = kinds_of_shown(masked, current, catalog) or kinds_of_noun(masked, catalog) if not refs else None
    if shown:
        refs, masked = _kinds_said(masked, shown[1], shown[0].span(), quantities) or (refs, masked)
    return refs, masked


def _kinds_said(masked: str, kinds: list[Product], span: tuple[int, int],
                quantities: list[Quantity]) -> tuple[list[Ref], str] | None:
    """The listings the words at ``span`` count (两种颜色, 那两种, 大小), when a quantity of each is said besides them
    (两个颜色都要: how many of each? None); the words blanked so they are read as no unknown goods."""
    s, e = span
    if not kinds or not any(q.end <= s or q.start >= e for q in quantities):
        return None
    return [Ref(s, e, p, masked[s:e]) for p in kinds], masked[:s] + "#" * (e - s) + masked[e:]


def _named_talk(text: str, refs: list[Ref], ordered: bool = False) -> bool:
    """小猪的十个朋友来一本: the clause names products (or a family, when it ``ordered`` with a count and an order word)
    and every word of talk in it is inside those names (``_talk_inside_names``): no talk."""
    return bool(refs) and (all(r.product for r in refs) or ordered) and _talk_inside_names(text, refs)


def _talk_inside_names(text: str, refs: list[Ref]) -> bool:
    """Every word of talk in ``text`` (``CHATTER_CLAUSE``: 个朋友, 七只小猫) lies inside a name read (小猪的十个朋友,
    七只小猫去旅行): the title's words, no talk."""
    return all(any(r.start <= m.start() and m.end() <= r.end for r in refs) for m in CHATTER_CLAUSE.finditer(text))


def _all_of(masked: str, refs: list[Ref], quantities: list[Quantity]) -> list[Product] | None:
    """两种凤爪都来一盒, 凤爪两样各来一盒: the comment counts the family's products, as many kinds as the family holds: those
    products. A family word with 各, 每样 or 都 alone is no clear set, however many products the family holds (火锅都来一份,
    肉夹馍各来一个, 奶粉每样来一罐: which ones, all of the kind? a person asks; LABELS rules 5 and 7); nor is a count
    of kinds the family does not hold (两种 of three): the set must be said, by its members or by its number. Kinds are
    goods: 两种桃酥都来一袋 of 老式桃酥 (loose and bagged) and 无糖桃酥 counts two, each in the listing the unit said picks
    (``_each_goods``). None when the count is not the family's, or ``refs`` hold no family word or several."""
    if sum(1 for r in refs if r.family) != 1:
        return None
    family = next(r.family for r in refs if r.family)
    said = [m.group("n") for m in _KINDS_COUNTED.finditer(masked)]
    n = None if len(said) != 1 or said[0] == "几" else zh_to_number(said[0].replace("俩", "两"))
    if len(said) == 1 and (said[0] == "几" or n == len(family)):
        return list(family)
    return _each_goods(family, quantities, n) if n else None


def _each_goods(family, quantities: list[Quantity], kinds: float) -> list[Product] | None:
    """The listing of each goods of ``family`` that the one unit said picks (its only listing, or the one ``sold_in``
    that unit), when the family holds ``kinds`` goods; None when it holds another number, or a goods has no such
    listing."""
    unit = quantities[0].unit if len(quantities) == 1 else None
    groups: list[list[Product]] = []
    for p in family:
        group = next((g for g in groups if one_goods([g[0], p])), None)
        group.append(p) if group is not None else groups.append([p])
    picked = [g[0] if len(g) == 1 else sold_in(g, unit, filled=False) for g in groups] if unit else []
    return picked if len(picked) == kinds and all(picked) and len(picked) < len(family) else None


def _vague(text: str, quantities: list[Quantity]) -> str:
    """给我也来点, 拍了, 我妈也要: an order without a readable quantity."""
    m = _VAGUE.search(text)
    if m and not quantities:
        return f"「{m.group(0)}」没有说数量，请确认"
    return ""


def _order_clause(clause: Clause, masked: str, catalog: Catalog, current: Product | None, alone: bool) -> None:
    bare = _BARE.match(masked.strip()) if alone else None
    if bare and not clause.refs:
        n = int(bare.group(0))
        if 1 <= n <= 9:
            clause.quantities = [Quantity(0, len(masked), float(n), None)]
        else:
            clause.kind, clause.reason = "review", f"单独的数字「{n}」含义不明确"
            return
    if not clause.quantities and not clause.refs:
        clause.quantities = one_of_word(masked, catalog, current) or typo_count(masked, catalog, current)
    leftover = rest_of(without_preferences(masked, catalog), clause.quantities)
    if leftover and any(leftover in n for r in clause.refs if r.product for n in r.product.names) or leftover and any(
            all(any(leftover in n for n in p.names) for p in r.family) for r in clause.refs if r.family and not r.product):
        leftover = ""  # 金龙鱼的面粉: the brand of the product named (金龙鱼面粉), nothing unknown; 四 of 四件套 (family)
    if leftover and current is not None and not clause.refs and clause.quantities and work_of(leftover, current):
        leftover = ""  # 洗两双 with the 雪地靴清洗 shown: the work of the service shown, said with its count
    if clause.quantities and stray_number(masked, clause.quantities):
        clause.kind, clause.reason = "review", "数量不止一个，不确定要几份"
        return
    strong = bool(bare) or bool(STRONG_MARK.search(masked)) or (
        bool(ANY_VERB.search(masked)) and (bool(clause.quantities) or not leftover))
    weak = bool(clause.quantities or clause.refs)
    leftover = as_typed(leftover, masked, catalog, current)
    if not strong and not weak and not goods_word(leftover, catalog, current):
        return
    if leftover and not read_leftover(clause, masked, leftover, catalog, current, strong):
        return
    if not strong and not clause.quantities and not all(r.label.isdigit() or "号" in r.label or "链接" in r.label
                                                        or r.label.startswith("#") for r in clause.refs):
        clause.named = True  # a product named without a quantity or an order word is talk about it, not
        return  # an order, unless another clause of the comment orders (草莓 来2斤, 草莓，芒果各2斤)
    if not clause.each:  # 铁锅来一个 with the 32cm shown beside the 34cm: the one on screen (LABELS rule 9)
        unit = clause.quantities[0].unit if len(clause.quantities) == 1 else None
        clause.refs = [shown_variant(r, current, Ref, unit) for r in clause.refs]
    unknown = [r for r in clause.refs if r.product is None]
    if unknown:
        if strong or clause.quantities:
            clause.kind, clause.reason = "review", unknown_reason(unknown[0])
        return
    clause.reason = count_or_name(masked, clause.refs, clause.quantities)  # 来11朵: 11 loose, or the 11朵 bouquet?
    clause.kind = "review" if clause.reason else "order"
