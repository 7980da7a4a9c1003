"""The words the comment rules read as talk rather than goods: a question, a clause that tells a story or
talks about the stream (chatter), and the filler words an order carries besides its product and quantity
(我, 老板, 帮我, 切片, 给孩子尝尝). Plain patterns, no catalog: the rules in ``rules`` decide with them."""

from __future__ import annotations

import re

from copilot.orders.amounts import UNIT, VERB
from copilot.orders.kin import PEOPLE

# 特辣的有多辣, 这个有多甜: how much of a quality, a question (not 多辣 / 多甜 alone: more of it, asked with an order)
HOW_MUCH = re.compile(r"有多(?:辣|麻|甜|咸|酸|苦|香|浓|淡|烫|凉|冰|脆|嫩|软|硬|韧|粘|冲|亮|暗|紧|松|沉|快|慢|吵|响|好用|好吃|好喝)")
QUESTION = re.compile(
    r"[?？]|[吗嘛么呢]$|吗|多少|(?<![来拿整])几|谁|怎么|咋|什么|啥|哪|是不是|有没有|能不能|可不可以|会不会|还有货|还有没|"
    r"还剩|(.)[不没]\1|请问|求问|问下|问一下|为什么|如何|多大|多重|多久|多长|多厚|多粗|多宽|多高|多远|多深|还是(?!\s*(?:要|来|买|拿|订|给我|[\d一二两俩三四五六七八九十半][^吗?？]*吧$|(?:不要|算|别要|不买|不用)[了啦吧]*[^吗?？]*$|(?:这个|那个|这么|那么|一样|老样子|原来的?)[^吗?？]*$))|"
    r"干嘛(?:用|的)|"  # 厚的那面干嘛用的, 这个孔干嘛的: what a part is for
    rf"{HOW_MUCH.pattern}|"
    r"(?<=\w)[不没]有?[^\w]*$|"  # 送货不, 打药没😂: the northern question particle
    # 红烧肉用老抽对吧, 尺寸不一样吧: a tag that asks the host to confirm a guess (那就一对吧, 那就10对吧: pairs)
    r"(?:(?<![一两俩二三四五六七八九十])(?<![就是要来]\d)(?<![就是要来]\d\d)对|是|没错|没问题|不一样|不同)吧[啊呀哈]?$|"
    r"(?<![一两俩二三四五六七八九十\d\s])(?:就|也)够(?:用)?了?吧[啊呀哈]?$|"  # 切水果用小的就够了吧: enough? (not 一斤就够了吧)
    # 穿着不闷脚吧, 用着不卡吧, 不会掉色吧: how the goods are in use, or that they will not go wrong, guessed for the host
    # to confirm (not 不用了吧, 不要了吧: no longer wanted)
    r"(?:[穿用吃戴摸睡坐喝洗背]着|不会)[^,，。?？\s了]{1,5}吧[啊呀哈]?$|"
    # 一对是两只吧, 一提就是3条吧: what a pack holds, guessed for the host to confirm (那就3条吧 says a quantity)
    rf"[一两二三四五六七八九十\d]+\s*{UNIT}\s*(?:就是|是|有)\s*[一两俩二三四五六七八九十\d]+\s*[\u4e00-\u9fff]?吧[啊呀哈]?$")
# 主播酒量怎么样, 主播多大了, 主播结婚了吗: a question about the host as a person is banter, nothing the shop answers;
# so is 刚进来 错过了啥 (what did I miss)
BANTER_QUESTION = re.compile(r"错过了?(?:啥|什么|哪些)|主播(?:你|您)?的?(?:酒量|多大了|几岁|年龄|结婚|对象|男朋友|女朋友|老公|老婆|单身|哪里人|哪儿人|"
                           r"哪的人|身高|体重|星座|属什么|属啥|平时喝|能喝\d*瓶)")
CHATTER_CLAUSE = re.compile(
    r"昨天|前天|上次|上回|之前|以前|上周|上个月|去年|那天|刚才|刚刚|(?:买|吃|喝|订|拿|扣|抢|来|煎|炒|煮|蒸|炖|烤)(?:了|过)|要过|来啦|给[了过]我|"
    r"(?<!我)要了|要了(?!$)|收到|已经|家里?(?:还)?有|"
    # 今天买的 明天一起来拿, 早上订的到了没: goods bought at a time, named by 的 (no new order; 今天买两袋 is one)
    r"(?:今天|今晚|今早|早上|上午|中午|下午|晚上|白天|昨晚|前几天|开播前)我?(?:在直播间|在群里|在店里)?"
    r"(?:买|订|下单|抢|扣|要)的(?=$|[\s,，。!！~～]|(?:东西|货|那些|那个|都|也|就|一起))|"
    r"(?:她|他|人家|别人|楼上|大家|说)[都也]?(?:要|买|订|扣|想)|"
    r"(?:大家|家人们|姐妹们|宝宝们|宝子们|朋友们|集美们|你们|他们|各位)(?:都|快|赶紧|也)+(?:来|买|抢|冲|拍)|"
    r"要是|如果|假如|的话|下次|再说|考虑|卖|便宜|太贵|贵了|(?:[好有点真]|[这那]么)贵|开玩笑|不够吃|吃不完|吃不了|"
    r"点赞|点个赞|关注主播|(?:已|刚)关注|关注(?:了|啦)|"
    # 明天还来, 下次再来看: the viewer will be back, no goods
    r"(?:明天|明儿|明早|明晚|后天|改天|回头|以后|下次|下回|下周|晚上|天天)(?:还|再|也|都)?会?来(?:看|逛|捧场|支持)?[了啦哈呀啊的哦]*$|"
    r"来(?:看|逛|瞧|捧场|凑热闹|围观)|"  # 也来看直播了, 下班了来看看: the viewer comes to watch, 来 asks for no goods
    r"转发|打赏|刷礼物|小心心|灯牌|粉丝团|一波|"  # the stream itself, no goods
    r"(?:来|上|发|给|求|要)个?链接(?![\s#]*(?:\d|[一二三四五六七八九十]))|"  # 来个链接: post the link
    rf"(?<!链接)(?<![#\d.])\d+(?:\.\d+)?(?:元|块钱?)?(?:一|每)\s*{UNIT}|"  # 排骨38一斤贵了: a price
    r"[个口位](?:孩子|小孩|娃|人|朋友|客人|同事|大人|老人|家人|亲戚)|岁|栋|单元|楼|\d\s*(?:个多?|多个?)?(?:小时|钟头|分钟|星期|礼拜|月)|"
    # 每天一瓶, 一天要喝掉小半罐, 一天要换七八片: how much the household uses, no order
    # 一次放一颗: how much is used each time; 一周才接5件: how much the shop takes in a week; no order either
    r"(?:每天|天天|每周|每晚|一天|一周|每顿|一顿|每次|一次)\s*(?:能|要|得|都|才|只|就)?(?:吃|喝|用|换|穿|洗|抽|放|倒|接)?"
    r"(?:掉|完)?\s*[小大]?"
    r"(?:\d|[一两二三四五六七八九十半俩](?!点))|"
    # 宝宝17斤, 体重20斤, 孩子1米2, 我家猫8斤: a person's or a pet's weight or height, no goods
    r"体重|身高|(?:宝宝|孩子|小孩|娃|儿子|女儿|闺女|我们?家的?(?:(?![要来买拿订留给])[\u4e00-\u9fff]){0,3}?)"
    r"(?:现在|已经|才|有|快|刚好|刚|都)*\s*(?:\d|[一两二三四五六七八九十半俩])"
    r"[\d.一两二三四五六七八九十半俩]*\s*(?:斤|公斤|kg|米|厘米|cm)|"
    # 两只猫, 三个娃: the household's pets and children counted; 一只6斤一只12斤: each of them weighed; no goods
    r"(?:\d|[一两二三四五六七八九十俩仨])\s*[只条个位](?:小)?(?:猫咪?|狗狗?|娃|孩子|小孩|宝宝|兔子|仓鼠|鹦鹉|老人)|"
    r"(?:一|另一)[只条个]\s*(?:\d+(?:\.\d+)?|[一两二三四五六七八九十]+)\s*(?:斤|公斤|kg)\s*[,，、]?\s*(?:一|另一)[只条个]|"
    # 我家两只猫, 家里养了三条狗: who lives in the household, counted, no goods
    r"(?:我们?家|家里)(?:养了?|有)?\s*(?:\d|[一两二三四五六七八九十俩仨])\s*[只条个位口](?![\u4e00-\u9fff]*(?:要|来|买|拿))|"
    r"(?:每天|天天|每次|次次|每场|场场|每晚|每周|经常|一直)都(?:来|在|看|买|吃)"
    r"(?!\s*(?:\d|[一两二三四五六七八九十半俩仨](?!点)))|"  # 每天都来: visits
    # 一对才9块, 一斤就15元: what one unit costs, said after it (no 的: 一斤15块的 picks the goods at that price)
    rf"(?<![来要拿买订留抢])一\s*{UNIT}\s*(?:才|就|只要|只|也就|不到)\s*(?:\d+(?:\.\d+)?|[一两二三四五六七八九十百]+)\s*"
    r"(?:元|块钱?|毛钱?)(?!\s*的)|"
    # 一盒够戴一年, 两斤够吃一周: how long that much lasts, no order
    r"够\s*(?:吃|喝|用|戴|穿|玩|洗|擦|涂|抽|烧|养)(?:上|好)?\s*(?:\d+|好?[一两二三四五六七八九十半几]+)\s*(?:个多?|多个?)?"
    r"(?:年|月|周|星期|礼拜|天|阵子|辈子|季)|"
    # 六个位够用了, 两层就够用: the goods hold enough, a remark on them with no order word (来两个够用了 orders)
    r"^[^来要拿买订留扣]*?够用(?:了|啦)?[吧呀哈啊的]*$|"
    # 我有一个同款, 我也有两条: what the viewer already owns, counted, no order
    r"我们?(?:也|都|已经|早就?|本来就?)*有\s*(?:\d|[一两二三四五六七八九十俩仨好几]+)|"
    # 给我妈买的, 帮同事订的: whom the goods are for, said alone (给我妈买一条 orders)
    r"(?:给|帮|替|为)[\u4e00-\u9fff]{1,4}?(?:买|订|要|挑|选)的[吧呀哈啊了哦呢]*$")
# 帮我分两包装, 单独包装, 帮我分开写卡片, 帮我系个红丝带, 麻烦挑个头大的: how to pack, wrap or pick it, no goods and no
# quantity (挑 only asked of the shop: 挑红的 alone may choose a product)
PACKING = re.compile(r"(?:帮我|麻烦)?(?:分成?(?:[一两二三四五六七八九十\d]\s*[袋盒份包个兜])?|分开|单独|各自)(?:装|包)|装一起|一起装|"
                     r"(?:帮我|麻烦|请)?分开写(?:卡片|贺卡)?|"
                     r"(?:帮我|麻烦|请)?(?:系|绑|打)(?:一?[个条根])?[\u4e00-\u9fff]{0,2}?(?:丝带|绸带|彩带|缎带|蝴蝶结)|"
                     r"(?:帮我|帮忙|麻烦|请)挑(?:一下|一些|些|点)?(?:(?![\d两俩三四五六七八九十]|一(?!点|些))[^\s,，。!！?？]){0,6}?的|"
                     # 挑头瘤大的, 挑颜色艳的: a part of its own asking which of the goods to pick (挑大的来一个 picks goods)
                     r"(?:^|(?<=[\s,，]))挑(?:(?![\d两俩三四五六七八九十]|一(?!点|些))[^\s,，。!！?？]){2,6}?的(?=$|[\s,，。!！~～])")
FILLER = re.compile(
    r"(?:要|说|指|拍|买)的(?:就)?是|"  # 开关要的是一开单控: which one was meant, said
    r"(?:就是|正是)(?=\s*(?:屏幕|画面|镜头|这|那|\d|[一二两三四五六七八九十]号|#))|"  # 就是这个5号拉链: namely the one shown
    r"(?:屏幕|画面|镜头|直播间)(?:上|里)(?:的|正在(?:讲|说|介绍|展示)的?)?|"  # 屏幕上这个: the product shown
    r"(?:手里|手上|手中)(?:拿|举|端|捧)?着?|(?:拿|举|端|捧)着|正在(?:讲|说|介绍)|刚(?:讲|说|介绍)|这次|这回|大一?点的?|小一?点的?|肥一?点的?|瘦一?点的?|嫩一?点的?|新鲜一?点的?|切[片块丝好]|剁[块开好]|杀好|处理好|"
    r"(?:切|剁|劈|砍|杀|宰|去|绞|剪|刮|清理|处理)(?:成|好|开|断|段|片|块|丝|碎|末|皮|骨|鳞|壳|馅|干净|小块|大块)+|"
    rf"(?:{PEOPLE})|"  # 给老妈也来一副, 给我家老头子留根: who the goods are for (``kin``), no goods
    r"(?:带|捎)(?=\s*#|\s+$)|"  # 带杯美式, 捎顶帐篷: an order word before a measure word and the goods
    r"(?<![不没])(?:穿|戴)(?=\s*#)|"  # 我老公穿XL 我穿L: who wears which of the goods named
    r"帮我[挑选切剁杀]|凑单|凑满减|邻居|同事|朋友|公司|单位|团建|我|也|的|给|帮|一下|吧|哈|呀|啊|哦|喔|嗯|了|谢谢|谢|老板|主播|"
    r"老赵|再|还有|还是|不过|但是|还|先|各|共|一共|就行了?|行了|就|好|请|家|妈|爸|奶奶|爷爷|姐|哥|婆婆|老公|老婆|备|想|都|可以|麻烦|那个|这个|"
    r"孩子|小孩|娃|老人|家人|宝宝|今年|今儿|左右|大概|大约|差不多|总共|够了?|同样|同款|拍|秒杀|秒|冲|蹲|预定|预订|下单|"
    r"这款|[这那](?:件|条|双|盒|袋|份|瓶|只|根|支|套|杯|罐|束|盆|箱|包|把|台|顶|副)(?=[来要拿买也的\s]|$)|这|那|个|链接|号|(?<![搭分装调])配(?=\s|个|[一两俩二三四五\d])|呗|哟|啦|滴|哒|亲|宝|买|要|来|拿|订|定|留|抢|扣|加|切|称|和|跟|与|及|然后|"
    r"(?<=[居事友妈爸姐哥婆人帮])(?:带|捎)|以及|今天|今晚|明天|明早|明晚|明儿|今早|后天|早上|上午|中午|下午|晚上|取|自提|送|感谢|所以|那就|带的|代购|捎的|尝尝鲜|尝鲜|尝尝|尝一下|尝个鲜|试试|试一下|先试|"
    r"(?:跟|和|同)?(?:楼上|上面|前面)的?一样|一样|[两俩三四五几每]?[种样款]|口味|(?<=#)味|"  # 柠檬味的: the flavour's 味, not 川味's
    r"(?:差点|刚才)?(?:忘|漏)(?:记|说|拍)?了(?![拿取带付给])")  # 书皮忘了 来一包: the goods forgotten are ordered now
# 谁不想要金钱呢😂, 哪个不爱吃甜的啊: a question that wants no answer (nobody does not), the whole comment: chatter
# 谁不爱吃呢 (everyone does), 五仁的谁爱吃啊 哈哈 (nobody does): who would, said to mean all or none, no question
RHETORICAL = re.compile(r"^(?:(?:谁|哪个|哪位|谁家)(?:会|能)?不(?:想|爱|喜欢)[^?？吗\d\s,，。]{0,12}(?:呢|啊|呀|嘛)|"
                        r"[^?？吗\d\s,，。]{0,8}的谁(?:会|还)?(?:爱|喜欢)(?:吃|喝|用|穿)?(?:啊|呀))[^\w]*(?:\s+[哈呵嘿]+)?[^\w]*$")
# 去年还卖52呢, 上次都抢光了呢: a 呢 that stresses what was (a past time, then 还 / 都 / 才), no question
_PAST_REMARK = re.compile(r"(?:去年|以前|之前|上次|上回|昨天|前天|上周|上个月|那天|原来|本来)[^?？吗]*(?:还|都|才)[^?？]*呢$"
                          # 正愁呢, 正在晒呢: what is going on right now, told with 正 (在) … 呢, no question either
                          r"|(?:^|(?<=[\s,，]))正在?[\u4e00-\u9fff]{1,3}着?呢$")


# 400克那种, 一提六包: a clause that only says a size or what a pack holds, beside a question, tells what is asked
# 400克那种, 10kg太大了 (a size and what the buyer thinks of it): what the question is about
_DESCRIBED = re.compile(r"(?:那种|这种|那款|这款|的那个|规格|(?:太|有点儿?|有些|挺|真)(?:大|小|多|少|重|沉)[了啊呀]?)$")


def describes(text: str, quantities: list) -> bool:
    """A clause with no order word that states a size (400克那种) or what a pack holds (一提六包): in a comment that
    asks, it is part of the question, no quantity ordered."""
    return bool(quantities) and not _ORDERED.search(text) and (len(quantities) >= 2 or bool(_DESCRIBED.search(text)))


_ORDERED = re.compile(VERB)


def past_remark(text: str) -> bool:
    """A clause that asks only by its closing 呢, after telling what was (去年还卖52呢) or what is going on (正愁呢): a
    remark, not a question."""
    return bool(_PAST_REMARK.search(text)) and not QUESTION.search(text[:-1])
