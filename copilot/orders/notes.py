"""What a buyer asks for besides the goods: where to deliver, when and how they collect, how to reach
them. The note is kept on the order line (送到3栋502, 尾号6789, 下午5点来拿, 放6栋门卫, 留到明天下午取, 送上楼), and so is
what they ask done to the goods or written on them (切片, 帮我裁短, 要蒸好的, 写宝宝1岁生日快乐, 一盒送人, 不要太甜) and a size, age or
colour of a product listed once for every size (120码, 110的, XL, 3岁, 粉色): the catalog cannot hold it, the pick
list needs it. A size the catalog's names hold, or a price of the catalog, names goods instead (the caller says so).

Two readings, both without a word list per store:

- a whole part of the comment (between spaces or punctuation) that speaks of delivery or collection
  and names no product and no quantity of goods (``烤鸭1只 下午5点来拿``: the note is ``下午5点来拿``);
- a delivery or place phrase glued to the order (``3斤草莓送到3栋``, ``2盒，5栋302``, ``尾号1234``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from copilot.base.zhnum import normalize
from copilot.orders.amounts import UNIT
from copilot.orders.fitted import MODEL_GATE
from copilot.orders.kin import FAMILY
from copilot.orders.wording import PACKING

_STOP = r"[^\s,，。!！?？~～、;；]"
_NO_QTY = rf"(?:(?![\d一二两俩三四五六七八九十半]+\s*{UNIT}){_STOP})"  # a character that starts no quantity
_PLACE = r"(?:小区|花园|公寓|大厦|家园|新村|社区|宿舍|栋|幢|单元|号楼|楼下|门口|门卫|前台|快递柜|驿站|物业|保安|店里|家里|家)"
_SITE = r"(?:小区|花园|公寓|大厦|家园|新村|社区|宿舍|栋|幢|单元|号楼|门卫|快递柜|驿站|物业|前台)"
_DAY = r"(?:今天|明天|后天|明早|明晚|今晚|周[一二三四五六日天末]|星期[一二三四五六日天]|礼拜[一二三四五六日天])"
_TIME = (rf"(?:{_DAY}?(?:早上|上午|中午|下午|晚上|傍晚|晚点|下班后?)|{_DAY})"
         r"(?:\s*(?:\d{1,2}|[一两二三四五六七八九十]{1,3})\s*[点:：]\s*(?:\d{1,2}|半)?分?)?(?:以?[前后]|左右)?"  # 下午三点后
         r"|\d{1,2}\s*[点:：]\s*(?:\d{1,2}|半)?分?(?:以?[前后]|左右)?"
         r"|(?:[一两二三四五\d]个?多?|半个?)(?:小时|钟头)(?:以?[前后]|左右)|\d{1,2}\s*分钟(?:以?[前后]|左右)")
# glued to the order: 送到3栋, 送光明小区, 3栋502, 2单元, 尾号6789, (帮邻居带), 放门卫, 光明路88号, a phone
GLUED = re.compile(
    rf"送到{_NO_QTY}{{1,16}}|(?:送|放|寄)(?:到|在|去|至)?{_NO_QTY}{{0,12}}?{_PLACE}{_STOP}{{0,6}}|送货上门|送上门|"
    r"(?:送|搬|扛|拿)(?:到|上)楼上?|送楼上|"  # 送上楼, 搬到楼上: carried upstairs (water, cases)
    # (上门到2栋取, 上门取3栋: the store comes to the door to collect)
    rf"(?:上门(?:来|去)?[到取收拿]|到){_NO_QTY}{{0,12}}?{_SITE}{_STOP}{{0,6}}|"
    r"(?:送?到|放到?)?\d+\s*(?:栋|幢|号楼)(?:\s*\d+\s*单元)?(?:\s*\d{2,4}\s*[室号]?)?|"
    r"\d+\s*单元(?:\s*\d{2,4})?|(?:手机号?码?|电话号?码?)?尾号\s*\d{3,4}|[（(][^（）()]{1,30}[）)]|"
    r"(?<![\d.\-])\d{1,2}-\d{3,4}(?![\d\-.])|"  # 3-502: building and room
    r"[\u4e00-\u9fff]{1,8}(?:路|街|大道|巷|弄)\s*\d{1,5}\s*号(?:院|楼)?|"
    r"(?:电话|手机|联系电话|联系方式)?[:：]?\s*1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)")
# a part of its own about delivery or collection: 下午5点来拿, 留到明天下午取, 放6栋门卫, 明天来拿, 周六下午来换 (a visit)
_PART = re.compile(
    rf"送到|送至|送货|送上门|送过来|(?:送|搬|扛|拿)(?:到|上)楼|送楼上|(?:帮我|要|需要)送|(?:一起|一块|一道)(?:送|拿|寄|取)|(?:放|寄)(?:到|在)?{_STOP}{{0,10}}{_PLACE}|{_SITE}|地址|备注|"
    r"(?:到货|到了)(?:再|之后|以后|后)(?:给|发|送|拿|通知)|"  # 下周第二批到了再给我: when the goods come in
    rf"从(?:{_DAY}|下?(?:周|星期|礼拜)[一二三四五六日天末]?|下个?月|月[初底]|\d{{1,2}}\s*[号日]|[一二三四五六七八九十]{{1,3}}[号日])"
    r"(?:起|开始)(?:送|配送|上门)?|"  # 包月来一份 从下周六开始: when a subscription or a service starts
    rf"留到|留着|(?:来|过来|到店|晚点|下班)(?:店里|店|门店|铺子|摊位|这边)?(?:拿|取|提)|自提|取货|提货|(?:{_TIME})\s*(?:来|过来|到店)?(?:拿|取|送)|(?:{_TIME})\s*(?:来|过来|到店)(?:换|修|装|贴)|"
    rf"(?:{_TIME})(?:[和或、/]?(?:{_TIME}))*\s*(?:都|才|会)?(?:在家|有人|方便|行|可以)(?=$|[\s,，。!！~～;；、])|"  # 明天下午5点后在家, 周六周日都行: when someone is home
    rf"(?:^|(?<=[\s,，。!！~～;；、]))(?:{_TIME})(?=$|[\s,，。!！~～;；、])")  # 2斤 周日上午: a time alone
# 和奶粉一起送, 跟上次的米一块拿: goods named only to say what to deliver or collect this with, no order of them
# (和A4纸一起送: a model of letters and digits in the goods' name is no quantity)
_WITH = re.compile(rf"(?:和|跟|同|与)(?:[A-Za-z]+\d+|\d+(?!\d|{UNIT})[A-Za-z\u4e00-\u9fff]|[^\d一二两俩三四五六七八九十]){{1,10}}?"
                   r"(?:一起|一块|一道)(?:送|拿|寄|取)"
                   rf"(?:过来|来|吧|哈|呀|啊|到{_NO_QTY}{{1,16}})?")  # 跟数据线一起送到6栋: where, too
# 送到3栋 跟之前的一起: beside a delivery or pickup note (the comment has one), with what to bring it, no verb needed
_ALONG = re.compile(r"(?:和|跟|同|与)(?:之前|上次|前面|刚才|昨天)的?[^\d一二两俩三四五六七八九十]{0,6}?(?:一起|一块|一道)"
                    r"(?:吧|哈|呀|啊)?")
# 我妈, 我家老头, 我们家的孩子: a person the goods are for (a family word)
_PERSON = rf"(?:我|我们)?家?的?(?:{FAMILY}|外孙[子女]?|孙[子女])"  # (给我孙女的: a grandchild is family too)
# 给我妈, 送给我婆婆, 给我妈和我婆婆: whom the goods are for, one person or several
_TO = rf"(?:送给|给){_PERSON}(?:(?:和|跟|、){_PERSON})*"
# 送到2栋 给我婆婆, 帮我妈拿: beside a delivery or pickup note, who the goods are for, part of the note
_FOR = re.compile(rf"(?:{_TO}|帮{_PERSON})的?(?:吧|哈|呀|啊)?")
# 叉烧拼烧鸭, 要白切鸡拼叉烧: two goods 拼 together, what goes into one box of a 双拼 (a choice, no order of either)
_COMBO = re.compile(r"(?:要|选)?(?P<a>[\u4e00-\u9fff]{2,5}?)拼(?P<b>[\u4e00-\u9fff]{2,5})")
# 给我妈和我婆婆: a part of its own after the order that says only whom the goods are for, two people or more
_FOR_BOTH = re.compile(rf"(?:送给|给){_PERSON}(?:(?:和|跟|、){_PERSON})+")
_CHANGE = re.compile(r"改|换|加|减|再|另|还要|要|来|补")
_SPLIT = re.compile(r"([,，。!！~～;；、\s]+)")
# no note without one of these characters (or a phone number)
_HINT = re.compile(r"[始到送放寄卫柜驿留拿取提栋幢楼单尾(（区园寓厦村舍址注点天午晚早周期拜班]|1[3-9]\d[\s-]?\d{4}|\d-\d{3}")


# 卡片写：老婆520快乐, 贺卡上写 妈妈辛苦了, 写宝宝1岁生日快乐, 一个写妈妈生日快乐 一个写爸爸生日快乐, 刻上名字: what to
# write, print or engrave on the goods or the card, to the end of the comment (its numbers and counts are no goods)
# (卡片写什么好, 写字要钱吗: a question, no message; 写错了: a correction)
_CARD = re.compile(r"(?:(?:卡片|贺卡|祝福卡|留言卡)上?(?:写[:：]?|[:：])|(?:^|(?<=[\s,，。;；]))(?:(?:一|另一|\d)\s*[个只盒份件条块瓶]\s*)?"
                   r"(?:上面|上边)?(?:帮我|帮忙|麻烦|请)?(?:写上?|刻上?|印上|绣上?)(?!错|字楼|完|得|的)[:：]?)"
                   r"\s*(?!什么|啥|哪|几|多少)\S(?:.*[^吗呢?？\s])?\s*$")
# 蜡烛多给几根, 多给几个叉子, 多拿几个: more of something, the extra thing named or not (``_asks_for`` tells them apart)
_EXTRA = re.compile(r"(?:多|另)(?:给|放|配|带|送|拿)(?:我|点|些|几)[个根双套份张把支片]?")
# 切片, 要切片的, 帮我切段, 裤脚改短, 蜡烛多给几根, 多放点冰, 不要太甜, 少辣, 一盒送人: what to do to the goods, add to them
# or whom they are for; a part of its own with no goods besides (五花肉切片 names the goods: the order)
SERVICE = re.compile(
    r"(?:帮我|帮忙|麻烦|请|要|需要)?(?:切|剁|劈|砍|斩|杀|宰|去|绞|剪|裁|刮|磨|清理|处理)(?:成|好|开|断|段|片|块|件|丝|碎|末|皮|骨|"
    r"鳞|壳|馅|短|边|干净|小块|大块|粉|粗|细|厚|薄)+(?:一点|一些)?的?|改(?:短|长|小|大|窄|宽)一?点?|"
    # 不要斩, 不用切, 整只拿: left whole, not cut; 要上庄 / 下庄 (the breast or the leg half of a roast bird), 要半肥瘦,
    # 要瘦点的: which part or cut of the meat
    r"(?:不要|不用|别|不)(?:帮我)?(?:切|剁|斩|砍)(?:开|块|件|段)?|整(?:只|块|条|个)(?:拿|要|带走)|"
    r"(?:^|(?<=[\s,，]))(?:要|选)?(?:[上下]庄|半肥瘦|肥瘦相间|(?:偏)?(?:肥|瘦)(?:一点|一些|点)?)的?(?=$|[\s,，。!！~～])|"
    # 要腿, 要鸡胸那边, 要翅膀的: which piece of a bird cut in half or in parts (a part of its own; a store that
    # sells legs as goods reads 要腿 as an order, ``not_a_note``)
    r"(?:^|(?<=[\s,，]))(?:要|选)(?:[鸡鸭鹅])?(?:腿|胸|翅膀?|背)(?:那边|那半|那部分|部分)?的?(?=$|[\s,，。!！~～])|"
    # 洗车用, 装修用的, 家里用: what the buyer will use the goods for, a part of its own after the order (not 好用,
    # 不够用, 天天要用, 做什么用: talk about the goods or a question)
    r"(?:^|(?<=[\s,，]))[\u4e00-\u9fff]{2,4}?(?<![要在会能可不没好够耐常么啥嘛费作使试应享引借管实中顶有无通适以来])用的?"
    r"(?=$|[\s,，。!！~～])|"
    # 要蒸好的, 帮我煎好, 煮熟一点: cooked before it is handed over (a cooking verb with its result)
    r"(?:帮我|帮忙|麻烦|请|要|需要)?(?:蒸|煮|煎|炸|烤|炒|炖|焖|煲|烙|热|加热)(?:好|熟|热|透)(?:一点|一些)?的?|"
    r"(?:^|(?<=[\s,，]))(?:要|做成?)?(?:热|冰|温|常温|去冰|加冰|辣|不辣)的?(?=$|[\s,，])|"  # 热的, 冰的, 要辣的: how it is made
    rf"{_EXTRA.pattern}|"
    r"(?:不要|别放?|少放?|免|去|多放?)太?(?:甜|辣|咸|糖|冰|葱|香菜|蒜|姜|油|盐|奶油)|[微中特]辣|"
    # 少饭, 多放汤, 叉烧多一点, 饭少放点: more or less of a part of the goods, a part of its own (not 少要一份, 多少, 多谢)
    r"(?:^|(?<=[\s,，]))(?:(?:少|多)放?(?![要来买拿加给订留抢谢少多点些一])[\u4e00-\u9fff]{1,3}?|"
    r"(?![再还])[\u4e00-\u9fff]{1,3}?(?:少|多)放?(?:一点|一些|点))(?=$|[\s,，。!！~～])|"
    rf"(?:(?:一|另一|\d)\s*{UNIT}\s*)?(?:送人|送礼|自己(?:吃|喝|用|留|穿|戴|玩)|送(?:给)?我?(?:妈|爸|婆婆|公公|奶奶|"
    r"爷爷|外婆|外公|老公|老婆|女儿|儿子|孩子|朋友|同事|老师|闺蜜|亲戚))|"
    # (not ``kin`` yet: a count before 送 is taken here as a note, so with the whole list three shares of two
    # (两饼 then 一饼送我爸 一饼送我妈 一饼送丈母娘) would be one; the same gap stands for the words listed, 一饼送我婆婆)
    # 我自己带瓶子, 自带袋子, 自己带个空桶: the buyer brings the container the loose goods go in
    rf"(?:我?自己|自)带(?:个|了)?[\u4e00-\u9fff]{{0,3}}?(?:{UNIT}|壶|篮|筐|饭盒)子?|"
    # 要上门安装, 周六上门装, 帮我上门换一下: work the store does at the buyer's home with the goods
    r"(?:帮我|帮忙|麻烦|请|要|需要)?上门(?:来)?(?:安装|装|换|修|维修|组装|拆|调试|测量?|量|清洗|打孔|服务)(?:一下|好)?|"
    # 来十对 给我儿子, 口罩来十只 给我家老头: whom the goods are for, a part of its own after the order
    rf"(?:^|(?<=[\s,，])){_TO}的?(?=$|[\s,，。!！~～])")
# 深蓝, 酒红, 米白, 藏青: the word before a colour that says which shade of it
SHADE = "[深浅亮暗淡奶天宝湖军酒玫藏墨雾烟卡藕雪乳咖香米]"
# the first character of a two-character colour said without 色 (藏青, 枣红, 紫红, 墨绿, 宝蓝, 深灰, 米白, 玫红)
HUE_SHADE = "[深浅亮暗淡天宝湖军酒玫藏墨卡藕雪乳米枣紫桃橘咖驼]"
# 我妈180斤, 体重130斤: what the wearer weighs, to pick the size (no goods: at least 50斤, after the person)
_WEARER_WEIGHT = (rf"(?:体重|我(?:家)?(?:{FAMILY})?|(?<![\u4e00-\u9fff])(?:{FAMILY}))\s*(?:[5-9]\d|[12]\d\d)\s*斤"
                  r"(?:左右|多)?(?=$|[\s,，。!！~～?？、;；])")  # (给我妈50斤大米: the goods go on, a quantity)
WEARER_WEIGHT = re.compile(_WEARER_WEIGHT)
# what a colour said without 色 stands after: nothing, or an order word or a count word (not 桂林米粉 …: a name goes on)
_HUE_AFTER = r"(?:(?<![\u4e00-\u9fff])|(?<=[要选是条件套双顶副个只盒]))"
# 120码, 110的, XL, 37码的, 3岁的, 粉色, 藏青色的: a size, age or colour said with the order of a product listed once for
# every size and colour (a size in the catalog's names names that product instead: 不粘锅 24cm)
_WORN = (r"(?:身高|个子|头围|腰围|胸围|臀围|脚长)\s*\d{2,3}(?:\.\d)?\s*(?:cm|厘米)?(?:左右)?|\d{2,3}\s*(?:码|cm|厘米)|(?<![a-z\d.])(?:\d?X{0,3}[SML]|均码|大码|小码|加大码)(?![a-z])(?:码|号)?|"
         r"(?:\d{1,2}\s*[-~～到至]\s*)?[\d一二两三四五六七八九十]{1,2}\s*岁半?|"  # 3-5岁: an age span
         rf"{SHADE}?[红橙黄绿青蓝紫黑白灰粉棕褐金银米咖啡其驼杏彩]色|"
         # 藏青, 枣红, 宝蓝, 深灰: a shade and its hue, a colour said without 色 (not 奶白菜: a word goes on after it)
         rf"{_HUE_AFTER}{HUE_SHADE}[红橙黄绿青蓝紫黑白灰棕褐](?![\u4e00-\u9fff]|[A-Za-z\d])|"
         rf"{_HUE_AFTER}{HUE_SHADE}[红橙黄绿青蓝紫黑白灰棕褐](?=[一两二三四五六七八九十\d]\s*[件条套双顶副个只]|[的\s]|$)|"
         r"\d{3}\s*/\s*\d{2,3}\s*[ABCY](?![A-Za-z])|"
         rf"{_WEARER_WEIGHT}|"  # 165/88A: the 号型 of a garment (height / chest and build)
         r"(?:腰围|裤长|胸围)\s*[\d一二两三四五六七八九]\s*尺\s*[\d一二三四五六七八九半]?寸?|"  # 腰围2尺6: in 尺 and 寸
         r"(?:玫瑰|香槟|土豪)金色?|"  # 玫瑰金, 香槟金: a metal's colour, said without 色
         r"荧光[红橙黄绿蓝粉紫]色?")  # 荧光黄, 荧光绿: a glowing colour (反光背心, 马克笔), said without 色
# 男款43码, 女款M, 儿童款120: whose cut, said with the size (a short list: the cuts clothes and shoes come in)
ATTRIBUTE = re.compile(rf"(?:\d{{2,3}}的|(?:(?:男|女|儿童|童|男士|女士)款\s*)?(?:{_WORN})(?:的|款)?)", re.IGNORECASE)
# 短袖120码 2件, 粉色短袖1件: a size with its unit, an age or a colour anywhere in the order (a bare 110 only as above)
_PERSON_COUNTED = re.compile(r"(?:\d|[一二两三四五])\s*[个位只]\s*$")  # 一个3岁一个5岁: the children counted, talk
_WORN_GLUED = re.compile(rf"(?:{_WORN})的?", re.IGNORECASE)
# 110的来两件, 给3岁宝宝来一件: the size or age, then the order
# 粉色的给我女儿, 红的给我妈: a colour or size said, then whom the goods are for, in one part
_ATTRIBUTE_FOR = re.compile(rf"(?:{ATTRIBUTE.pattern}|[\u4e00-\u9fff]{{1,4}}的)(?P<f>{_FOR.pattern})", re.IGNORECASE)
_ATTRIBUTE_FIRST = re.compile(rf"^(?:要|来|拿|买|给|帮)?(?P<a>(?:{ATTRIBUTE.pattern})(?:的)?(?:宝宝|孩子|小孩|女儿|儿子|娃|男孩|女孩)?)"
                              r"(?=\s*(?:的|也|还)?\s*(?:要|来|拿|买|订|\d|[一两]))",
                              re.IGNORECASE)


def split_notes(text: str, not_a_note: Callable[[str], bool],
                is_model: Callable[[str], bool] = lambda part: False) -> tuple[str, list[str]]:
    """``text`` without its notes, and the notes in order. ``not_a_note(part)`` says whether a part
    names a product or a quantity of goods (such a part is the order) or asks something; ``is_model(part)`` whether
    a part is only the model of the buyer's own the goods must fit (``fitted.model_said``)."""
    card = _CARD.search(text) if re.search(r"卡|写|刻|印|绣", text) else None
    if card is not None:
        before, written = text[:card.start()], card.group(0)
        count = _COUNT.match(written) if written[:1] not in "写刻印绣卡贺祝留上" else None
        if count and count.group(0).strip() and not not_a_note(before):  # 一个写宝宝生日快乐: the count is the order's
            before, written = f"{before} {count.group(0)}", written[count.end():]
        rest, notes = split_notes(before, not_a_note)
        return rest, [*notes, written.strip()]
    if not ((_HINT.search(text) and (_PART.search(text) or GLUED.search(text))) or SERVICE.search(text)
            or ATTRIBUTE.search(text) or _ADDED.search(text) or MODEL_GATE.search(text) or _FOR_BOTH.search(text)
            or "拼" in text and any(_combo(part, not_a_note) for part in _SPLIT.split(text)[2::2])
            or any(is_model(part) for part in _SPLIT.split(text)[2::2])):  # 脚垫来一套 卡罗拉的: a later part
        return text, []
    found: list[tuple[int, str]] = []
    kept: list[str] = []
    at = 0
    for part in _SPLIT.split(text):
        along = _ALONG.fullmatch(part) or _FOR.fullmatch(part) or _FOR_BOTH.fullmatch(part) \
            or part.strip() != text.strip() and _combo(part, not_a_note)  # (叉烧拼烧鸭 alone: which box? the rules)
        first = _ATTRIBUTE_FIRST.match(part)
        if part and not _SPLIT.fullmatch(part) and (_PART.search(part) or along) \
                and (_WITH.fullmatch(part) or along or not not_a_note(part)) or _asks_for(part, not_a_note) \
                or _ADDED.match(part) and not not_a_note(part) or is_model(part):
            found.append((at, part))
            part = " " * len(part)
        elif first and not not_a_note(first.group("a")):  # 110的来两件, 粉色的来一件: the size, then the order
            found.append((at, first.group("a")))
            part = " " * first.end() + part[first.end():]
        elif (whom := _ATTRIBUTE_FOR.fullmatch(part)) and not not_a_note(whom.group("f")):  # 粉色的给我女儿: the
            found.append((at + whom.start("f"), whom.group("f")))  # colour stays the order's; whom it is for, a note
            part = part[:whom.start("f")] + " " * len(whom.group("f"))
        kept.append(part)
        at += len(part)
    rest = "".join(kept)
    counted = [(i, n) for i, n in found if SERVICE.search(n) and _COUNT.match(n) and not_a_note(n)]
    if counted and not not_a_note(rest):  # 一饼自己喝 一饼送我爸: the only counts are the order's, not a note's
        for i, n in counted:
            rest = rest[:i] + n + rest[i + len(n):]
        found = [f for f in found if f not in counted]
    bracketed = [b.span() for b in re.finditer(r"[（(][^（）()]*[）)]", rest)]  # （两双40码一双38码）: one note, whole
    for m in reversed([m for m in _WORN_GLUED.finditer(rest) if not not_a_note(m.group(0))
                       and not _PERSON_COUNTED.search(rest[:m.start()]) and not any(s < m.start() < e for s, e in bracketed)]):
        found.append((m.start(), m.group(0)))
        rest = rest[:m.start()] + rest[m.end():]  # 来个粉色短袖: 来个短袖, one clause
    glued = [m for m in GLUED.finditer(rest) if not _asks_in_brackets(m.group(0), not_a_note)]
    found += [(m.start(), m.group(0).strip("（）() ")) for m in glued]
    for m in reversed(glued):
        rest = rest[:m.start()] + " " + rest[m.end():]
    return rest.strip(), [n for _, n in sorted(found) if n]


def _combo(part: str, not_a_note: Callable[[str], bool]) -> bool:
    """叉烧拼烧鸭: a part of its own that is two goods words joined by 拼, each naming goods (not 恐龙拼图, a name)."""
    m = _COMBO.fullmatch(part) if "拼" in part else None
    return bool(m) and not_a_note(m.group("a")) and not_a_note(m.group("b")) and not not_a_note(f"拼{m.group('b')}"[:2])


def _asks_for(part: str, not_a_note: Callable[[str], bool]) -> bool:
    """切片, 一盒送人, XL, 粉色的: a part that is a service asked or a size or colour, with no goods besides."""
    said = _SAID_ATTRIBUTE.fullmatch(part.strip())
    if said:  # 我要粉色的: the size or colour, no goods (24cm的 of 不粘锅 24cm names the goods)
        return not not_a_note(said.group("a"))
    extra = _EXTRA.search(part)  # 蜡烛多给几根, 多给几个叉子: the extra thing is named (多拿几个: more of the goods)
    if extra and not re.search(r"[\u4e00-\u9fff]{2}", part[:extra.start()] + " " + part[extra.end():]):
        return False
    rest = SERVICE.sub(" ", part)  # 微辣 of 香辣酱（微辣）, 切片 of 切片面包: the words name goods, no service
    said = [_COUNT.sub(" ", m.group(0)).strip() for m in SERVICE.finditer(part)]
    said += [_COUNT.sub(" ", part[m.start():m.end() + 1]).strip() for m in SERVICE.finditer(part)  # 斩骨刀不要了: 斩骨刀
             if re.match(r"[\u4e00-\u9fff]", part[m.end():m.end() + 1])]
    return rest != part and not not_a_note(rest) and not _CHANGE_ONLY.fullmatch(rest.strip()) \
        and not any(w and not_a_note(w) for w in said)


# 帮我配两个手提袋, 再附张贺卡: a part that asks something added to the order (what, ``not_a_note`` reads: what the
# listing says comes with it is no goods)
_ADDED = re.compile(r"(?:^|(?<=[\s,，。!！~～;；、]))(?:帮我|帮忙|麻烦|请|再)?(?:配|附|多给|多放)(?![\s,，。]|$)")
_CHANGE_ONLY = re.compile(r"[再还]?(?:加|减|改|换).*")
_COUNT = re.compile(rf"(?:\d+|[一两二三四五六七八九十几]|另一)\s*(?:{UNIT})?")
_SAID_ATTRIBUTE = re.compile(rf"(?:我?(?:要|来|拿|买|选|穿))?(?P<a>{ATTRIBUTE.pattern})", re.IGNORECASE)


def _asks_in_brackets(glued: str, not_a_note: Callable[[str], bool]) -> bool:
    """苹果5斤（已改3斤）, 2盒（再加1盒）: brackets that change or add goods are part of the order, not a
    note (帮邻居带, 3栋502 and 6个 stay notes)."""
    inner = glued.strip("（）() ")
    return glued[:1] in "（(" and bool(_CHANGE.search(inner)) and not_a_note(inner)


def as_written(note: str, text: str) -> str:
    """The note as the buyer typed it in ``text`` (卡片写：老婆520快乐 keeps its full-width colon, ２栋 its
    full-width digit): the rules read the normalized comment, the card and the slip print what was written. The
    note as read when no span of ``text`` reads as it (two notes joined)."""
    if not note or note in text:
        return note
    for start in (i for i, ch in enumerate(text) if normalize(ch) == note[:1]):
        for end in range(start + len(note) // 2, min(len(text), start + 2 * len(note)) + 1):
            if normalize(text[start:end]) == note:
                return text[start:end]
    return note


def packing_notes(text: str, note: str) -> str:
    """``note`` with how the buyer wants the goods packed, wrapped or picked (帮我分两包装, 单独包装, 分开装, 帮我系个丝带,
    麻烦挑大个的): the rules read no goods in it (its 两包 is no quantity), the packer reads it on the order line, from
    where it starts (百合帮我挑含苞的: 帮我挑含苞的)."""
    said = [PACKING.search(p) for p in _SPLIT.split(normalize(text))] if re.search(r"[装包写带结挑]", text) else []
    parts = [m.string[m.start():] for m in said if m]
    return " ".join([note, *parts]).strip() if parts else note
