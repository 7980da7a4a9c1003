"""What a comment says beside the goods that changes how it is booked: a payment (钱转过去了 两提可乐的: what an
earlier order was paid for, no new order; 已付 两斤梨: an earlier order or a new one? a person asks) and the buyer's
usual order (老样子, 跟上次一样: which goods and how many only the assistant knows). ``aside`` reads a comment
before the rules, ``second_thought`` looks again at an order the rules read; ``without_shares`` leaves out how the
goods said are shared out (来两块 一块放学校一块放家里)."""

from __future__ import annotations

import re
from dataclasses import replace

from copilot.base.catalog import Catalog
from copilot.base.zhnum import NUM_PATTERN, zh_to_number
from copilot.orders.amounts import UNIT, VERB, read_quantities
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.kin import CIRCLE, FAMILY, YOUNG
from copilot.orders.notes import HUE_SHADE, SHADE
from copilot.orders.refs import find_refs, mask

# 老样子, 老规矩, 跟上次一样: the buyer's usual order, said alone; which goods and how many only the assistant knows
# (还是老样子好吃, 跟上次一样甜吗 say how the goods are)
USUAL = re.compile(r"(?:老板|主播)?[,，\s]*(?:我|我的|我家)?(?:还是|照)?(?:老样子|老规矩|(?:跟|和|同|照)(?:上次|上回|以前|往常)(?:的|那样)?(?:一样)?)"
                   r"(?:来|要|拿)?(?:一份|一单)?[吧哈呀啊哦呗]*")
# 钱转过去了 两提可乐的, 草莓的钱已付: the buyer says what a payment was for (an order placed before), no new order
_PAID = (r"(?:钱|款|货款)(?:已经?|都)?(?:转|付|给)(?:过去|过|好|完)?了|(?:已经?|都)(?:转账?|付款?|支付)了?|"
         r"(?:转|付)(?:过去|过|好)了|(?:微信|支付宝)?转账了|付款了|"
         r"(?:已经?)?(?:转|付)给?(?:你|您|老板)\s*(?:\d+(?:\.\d+)?\s*(?:元|块钱?)?)?了")  # 转你89了
_PAID_FOR = r"[^\s,，。!！?？]{1,14}?的(?:钱|款|货款)?"
_PAID_REMARK = re.compile(rf"(?:{_PAID})[,，。\s]*(?P<a>{_PAID_FOR})[啦哈呀。!！~～]*|"
                          rf"(?P<b>{_PAID_FOR})[,，\s]*(?:{_PAID})[啦哈呀。!！~～]*")
_ORDER_VERB = re.compile(VERB)
_USUAL_HINT = re.compile(r"老样子|老规矩|上次|上回|以前|往常")  # a cheap look first: most comments say none of it
_SEP = re.compile(r"[,，、;；。!！~～\n()（）\s]+")
PAID = re.compile(_PAID)  # 钱转了, 转过去了, 付过了, 转你89了: a payment said


def _paid_remark(t: str) -> bool:
    """钱转过去了 两提可乐的: a payment and what it was for (goods said with 的, no order word): no new order."""
    m = _PAID_REMARK.fullmatch(t) if "的" in t else None
    return m is not None and not _ORDER_VERB.search(m.group("a") or m.group("b"))


def _said_paid(t: str) -> bool:
    """已付 两斤梨, 梨2斤 钱转了: a payment said beside goods and no order word: the goods may be an order placed
    before (booking them again counts them twice) or a new one; 已付 再来两斤 orders."""
    m = PAID.search(t) if "付" in t or "转" in t else None
    return m is not None and not _ORDER_VERB.search(t[:m.start()] + " " + t[m.end():])


def aside(t: str, catalog: Catalog) -> Intent | None:
    """A payment and what it was for (other); the usual alone, or of goods named (review, never the goods on
    screen); None for the rules to read."""
    if _paid_remark(t):
        return Intent(Kind.OTHER, reason="付款的说明")
    m = USUAL.search(t) if _USUAL_HINT.search(t) else None
    if m is None:
        return None
    rest = t[:m.start()] + " " + t[m.end():]
    refs = find_refs(rest, catalog)
    if re.sub(r"[#\s,，、和跟]+", "", mask(rest, refs)):
        return None  # 还是老样子好吃: how the goods are
    items = tuple(dict.fromkeys(Item(r.product.sku, None, r.product.unit) for r in refs if r.product))
    return Intent(Kind.ORDER, items, True, f"「{m.group(0).strip()}」没说要多少（要的是以前常买的），请确认", undecided=True)


def second_thought(t: str, intent: Intent) -> Intent:
    """老样子 再加一袋猫砂 (the usual besides what is read), 已付 两斤梨 (paid for an earlier order?): an order or a
    change the rules read whole goes to review with what was read."""
    if intent.kind not in (Kind.ORDER, Kind.MODIFY) or not intent.items or intent.needs_review:
        return intent
    if _USUAL_HINT.search(t) and any(USUAL.fullmatch(c) for c in _SEP.split(t) if c):
        return replace(intent, needs_review=True, reason="说了「老样子」：以前常买的要哪些、多少？请确认", undecided=True)
    if _said_paid(t):
        return replace(intent, needs_review=True, reason="说了已付款：是新下单，还是付的之前的订单？请确认", undecided=True)
    return intent


# 一块放学校一块放家里, 一盒给奶奶一盒给外婆, 一束送我妈 一束送婆婆: the goods said, shared out part by part (a count,
# a unit, where or whom)
_GIVE = r"(?:放|给|留|带|送)(?:到|在|去)?"
_SHARES = re.compile(rf"(?:{NUM_PATTERN}\s*{UNIT}{_GIVE}[^\s,，。、\d零〇一二两俩三四五六七八九十]{{1,6}}[\s,，、]*){{2,4}}")
_SHARE = re.compile(rf"({NUM_PATTERN})\s*({UNIT}){_GIVE}")
# 一支送一个孙子, 每人一盒: one for each person (how many people: not said, or said before); 给3个闺女各分一点: a little
# each, from the goods ordered
_EACH_ONE = re.compile(rf"(?:^|(?<=[\s,，。]))(?:(?:一|每)\s*(?P<u>{UNIT})\s*{_GIVE}\s*(?:一|每)\s*[个位名]|(?:(?:给|帮)[\u4e00-\u9fff]{{1,4}}?)?[每一]人一\s*(?P<u2>{UNIT}))"
                       r"[\u4e00-\u9fff]{0,4}(?=$|[\s,，。])")
_PEOPLE = re.compile(r"[\d一二两俩三四五六七八九十]+\s*[个位名口]\s*人")
_A_LITTLE_EACH = re.compile(r"(?:^|(?<=[\s,，。]))(?:给|帮)?[\d一二两俩三四五六七八九十]+\s*[个位]\s*[\u4e00-\u9fff]{1,4}?各(?:分|拿|送|尝)?"
                            r"(?:一点|一些|点|些)(?=$|[\s,，。])")


def without_shares(t: str, catalog: Catalog | None = None) -> str:
    """来两块 一块放学校一块放家里, 来两盏 客厅一盏卧室一盏, 来三个 厨房两个 阳台一个: parts whose counts add up to a
    quantity said before them, in its unit, say how the goods are shared out (between places or people): no more goods
    and nothing for the store to do, left out. Parts that add up to anything else (来两块 一块放学校一块放家里一块给老师)
    stay for the rules, and a person. So do one for each person (来6支 一支送一个孙子) and a little for each (来一扎
    给3个闺女各分一点) after a quantity said in that unit, or any. Colours that share the quantity (2卷 红蓝各1) are
    what to pick: a note (in brackets, for ``notes``), unless a colour starts a name of the catalog (红 of 红豆)."""
    t = _part_given(size_shares(_colour_shares(_per_person(t), catalog), catalog))
    for m in _SHARES.finditer(t) if re.search(_GIVE, t) else ():
        if _adds_up(t, m, _SHARE.findall(m.group(0))):
            return t[:m.start()] + " " + t[m.end():]
    for m in _WHERE_SHARES.finditer(t) if _WHERE.search(t) else ():
        if _adds_up(t, m, _WHERE_SHARE.findall(m.group(0))):
            return t[:m.start()] + " " + t[m.end():]
    return t


def _adds_up(t: str, m: re.Match, parts: list[tuple[str, str]]) -> bool:
    """The counts of the parts, in one unit, add up to a quantity said before them in that unit or in none (来俩
    一条枣红一条灰色: the parts say the unit)."""
    counts = [(zh_to_number(n), u) for n, u in parts]
    total = sum(n or 0 for n, _ in counts)
    return len({u for _, u in counts}) == 1 and any(q.value == total and q.unit in (counts[0][1], None)
                                                    for q in read_quantities(t[:m.start()]))


# 来两罐 一罐给我爸, 要3盒 一盒给我婆婆, 来两根 一根给我孙子: one part of the goods said, given to a person (family, a
# child or grandchild, a friend; the rest kept): a use remark
_GIVEN = re.compile(rf"(?:^|(?<=[\s,，。]))(?P<n>{NUM_PATTERN})\s*(?P<u>{UNIT})\s*(?:是|要)?(?:给|留给|带给)(?:我|我们)?家?的?"
                    rf"(?:{YOUNG}|{FAMILY}|{CIRCLE})(?:的|尝尝|吃|喝|用|玩)?(?=$|[\s,，。!！])")


def _part_given(t: str) -> str:
    """来两罐 一罐给我爸: one part, fewer than a quantity said before it in that unit, given to a person, is left out."""
    m = _GIVEN.search(t) if "给" in t else None
    if m is None or len(_GIVEN.findall(t)) > 1:
        return t
    n = zh_to_number(m.group("n"))
    if n and any(q.unit == m.group("u") and q.value > n for q in read_quantities(t[:m.start()])):
        return t[:m.start()] + " " * (m.end() - m.start()) + t[m.end():]
    return t


# 客厅一盏, 厨房两个, 我妈一盒: a room, a place of the buyer's or a person, then a count (the goods' share)
_WHERE = re.compile(r"(?:放|给|在)?(?:客厅|大厅|卧室|主卧|次卧|厨房|阳台|卫生间|洗手间|厕所|浴室|书房|餐厅|玄关|门口|楼道|过道|走廊|"
                    r"车库|院子|阁楼|儿童房|老人房|店里|家里|公司|办公室|学校|车上|老家|仓库|工地|宿舍|楼上|楼下|"
                    r"我|自己|我妈|我爸|爸妈|老人|孩子|老公|老婆|儿子|女儿|邻居)")
_WHERE_SHARE = re.compile(rf"{_WHERE.pattern}\s*({NUM_PATTERN})\s*({UNIT})")
_WHERE_SHARES = re.compile(rf"(?:(?<![\u4e00-\u9fff]){_WHERE.pattern}\s*{NUM_PATTERN}\s*{UNIT}[\s,，、]*"
                           rf"(?:{_WHERE.pattern}\s*{NUM_PATTERN}\s*{UNIT}[\s,，、]*){{1,3}})")
_HUES = "红橙黄绿青蓝紫黑白灰粉棕褐金银"
# 红蓝各1, 红的蓝的各一卷, 黑白各两个: colours, each the same count
_COLOUR_SHARE = re.compile(rf"(?<![\u4e00-\u9fff])(?P<c>(?:[{_HUES}]色?的?[和跟、/]?){{2,4}})各(?:来|要|拿)?\s*(?P<n>{NUM_PATTERN})\s*"
                           rf"(?P<u>{UNIT})?(?![\u4e00-\u9fff\d])")


# 两双40码一双38码, 1件110 1件120, 一件黑色一件蓝色: counts of the goods each in a size worn (码, cm, 岁, S/M/L) or a colour
_WORN_SIZE = r"(?:\d{2,3}(?:\.\d)?\s*(?:码|cm|厘米)|[\d一二两三四五六七八九十]{1,2}\s*岁|(?<![a-zA-Z])\d?[xX]{0,3}[SMLsml]码?(?![a-zA-Z])|" \
    rf"{SHADE}?[{_HUES}驼杏咖米]色|{HUE_SHADE}[红橙黄绿青蓝紫黑白灰棕褐](?=[一两二三四五六七八九十\d]|[的\s]|$))"  # 一条枣红一条灰色
_SIZE_SHARE = re.compile(rf"({NUM_PATTERN})\s*({UNIT})\s*的?\s*{_WORN_SIZE}的?")
_SIZE_SHARES = re.compile(rf"(?:{_SIZE_SHARE.pattern}[\s,，、]*){{2,4}}")


def size_shares(t: str, catalog: Catalog | None) -> str:
    """拖鞋来3双 两双40码一双38码 -> 来3双 （两双40码一双38码）: counts in sizes worn (or colours: 一件黑色一件蓝色) that
    make the quantity said before them are which sizes to pick, the note; a size or colour the catalog lists as goods
    (帆布鞋40码, 黑色雨衣) is left to the rules."""
    m = _SIZE_SHARES.search(t)
    if m is None or catalog is None or not _adds_up(t, m, [(s.group(1), s.group(2)) for s in _SIZE_SHARE.finditer(m.group(0))]):
        return t
    if any(re.sub(r"\s", "", w) in n for w in re.findall(_WORN_SIZE, m.group(0)) for p in catalog for n in p.names):
        return t
    return t[:m.start()] + f"（{m.group(0).strip()}）" + t[m.end():]


def _colour_shares(t: str, catalog: Catalog | None) -> str:
    """2卷 红蓝各1 -> 2卷（红蓝各1）: colours whose counts make the quantity said before them, kept as the note."""
    m = _COLOUR_SHARE.search(t) if "各" in t else None
    if m is None or catalog is None:
        return t
    hues = [h for h in m.group("c") if h in _HUES]
    if any(n.startswith(h) or n.endswith(h) for h in hues for p in catalog for n in p.names):
        return t  # 红黑各一盒 where 红笔 and 黑笔 are listed: the goods, read by the rules
    n = zh_to_number(m.group("n"))
    said = [q for q in read_quantities(t[:m.start()]) if m.group("u") in (None, q.unit)]
    if n is None or len(said) != 1 or said[0].value != n * len(hues):
        return t
    share = f"（{m.group('c')}各{m.group('n')}{m.group('u') or ''}）"
    return t[:m.start()] + share + t[m.end():]


# 刚才拍的是康乃馨 两扎, 刚才拍了的是黑笔 来一盒, 刚才扣1是要面包 来一袋 (扣的1是): what the buyer's 拍了 (or 扣1) was, said with its
# quantity: that order
_PLACED_WAS = re.compile(r"^我?(?:刚才|刚刚|之前|前面)?(?:(?:拍|下单|下|订|扣)了?的|扣\s*的?\s*[1１])(?:是要|就是|是)"
                         r"(?=[\u4e00-\u9fffA-Za-z\d])"
                         # 刚才拍的是一袋: only a quantity said, no goods: a change of that order (``changes.MODIFY``)
                         rf"(?!\s*(?:{NUM_PATTERN}|半)\s*{UNIT}\s*[了啊呀哈]?$)")


# 刚才拍的壳是一个: how many of the goods the earlier 拍了 was, stated: that order's quantity (a change to it)
_PLACED_COUNT = re.compile(rf"^我?(?:刚才|刚刚|之前|前面)(?:拍|下单|下|订)了?的(?P<what>[\u4e00-\u9fffA-Za-z]{{1,8}}?)(?:是|就是)"
                           rf"(?=\s*(?:{NUM_PATTERN})\s*{UNIT})")


def placed_was(t: str) -> str:
    """刚才拍的是康乃馨 两扎: the goods and quantity of an earlier 拍了, said: read as the order it is (the 拍了 alone
    went to a person and booked nothing); said without a quantity (刚才拍的是康乃馨) it is 康乃馨拍了: that product,
    how many asked. 刚才拍的壳是一个 states the quantity of the goods placed: 壳改成一个. 刚才扣1是要T恤, no other
    quantity said: 扣1 is the count (T恤 扣1)."""
    m = _PLACED_WAS.match(t)
    if m and re.search(r"扣\s*的?\s*[1１]", m.group(0)) and not read_quantities(t[m.end():]):  # (刚才扣的1是: the same)
        return f"{t[m.end():]} 扣1"
    return _PLACED_WAS.sub("拍了 ", _PLACED_COUNT.sub(r"\g<what>改成", t))


def _per_person(t: str) -> str:
    if not ("每" in t or "各" in t or "一" in t) or _PEOPLE.search(t):  # 我们3个人 来2盒 每人一盒: the sum asked
        return t
    m = _EACH_ONE.search(t) or _A_LITTLE_EACH.search(t)
    if m is None:
        return t
    unit = m.groupdict().get("u") or m.groupdict().get("u2")  # none said for a little each: any quantity before
    said = read_quantities(t[:m.start()])
    return t[:m.start()] + " " + t[m.end():] if said and (unit is None or any(q.unit == unit for q in said)) else t
