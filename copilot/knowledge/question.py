"""Text side of the knowledge base: chunking, jieba tokens, an in-memory BM25 index, what a
question asks about, and the check that a generated reply states nothing the sources lack.

Pure functions and small classes; no chromadb, no model. ``kb.py`` puts them together.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from copilot.base.zhnum import normalize
from copilot.knowledge.claims import PLACES
from copilot.knowledge.text import STOPWORDS, tokenizer

log = logging.getLogger(__name__)
# What kind of answer a question wants: (question cue, what the answering sentence must contain).
ANSWER_CUES = [
    (re.compile(r"几点|什么时候|啥时候|几号|哪天|何时|多会儿"),
     re.compile(r"\d|早上|上午|中午|下午|晚上|次日|当天|每天|每周|周[一二三四五六日]|第二天|第三天|[一二三四五六七八九十]点")),
    (re.compile(r"多久|几天|多长时间|多少天|几个月|放多长"),
     re.compile(r"\d|[一二两三四五六七八九十半]+\s*个?半?\s*(天|月|小时|钟头|分钟|周|年)|当天")),
    (re.compile(r"在哪|哪里|地址|位置|怎么走|哪儿"),
     re.compile(r"路|街|巷|村|镇|市|县|省|产自|来自|产的|当地|山|岛|" + "|".join(PLACES))),
    (re.compile(r"要钱|收费|运费|配送费|免费"), re.compile(r"元|免费|\d")),
    (re.compile(r"大不大|多大|个头|大吗|小吗|大小|多重|重不重"), re.compile(r"大|小|克|斤|重|厘米|公分|个头")),
    (re.compile(r"几两|几斤|多少斤|多少克|几克|多少肉"), re.compile(r"\d|[一二两三四五六七八九十半]+\s*(斤|两|克)")),
]
# What a question asks about -> section headings that answer it (notes sections, FAQ headings, store
# fact labels). Generic triggers only name the topic; specific ones are content the answer must contain.
TOPICS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "taste": (("甜不甜", "好不好吃", "好吃吗", "好吃", "口感", "味道", "怎么样"),
              ("甜", "酸", "嫩", "肥", "瘦", "香", "脆", "软", "沙", "多汁", "柴", "腥", "糯", "筋道", "纤维", "塞牙"),
              ("口感",)),
    "origin": (("哪里产", "哪产", "产地", "哪里的", "哪儿的", "哪来的", "产自", "什么地方", "从哪"),
               ("品种", "散养", "谁家", "供货", "喂"), ("产地",)),
    "arrival": (("新鲜", "几点到", "什么时候到", "到货", "到店", "采摘", "什么时候摘", "几天到", "到了吗"),
                ("现摘", "屠宰", "宰杀", "现杀", "杀", "出炉", "冷链", "收割", "新米", "捕捞", "生产日期", "当天"),
                ("采摘", "到货")),
    "quality": (("检测", "质检", "检验", "安全吗", "放心", "合格", "品控"),
                ("农残", "检疫", "糖度", "溯源", "添加剂", "防腐剂", "抽检"), ("品控",)),
    "storage": (("保存", "储存", "存放", "放几天", "能放", "放多久", "怎么放", "多久", "放多长"),
                ("冰箱", "冷藏", "冷冻", "保质期", "过夜"), ("储存",)),
    "cooking": (("怎么吃", "怎么做", "吃法", "做法", "怎么烧", "菜谱", "好做", "怎么弄", "怎么处理", "怎么洗",
                 "怎么炖", "怎么煮", "怎么蒸", "怎么炒", "怎么烤", "怎么煎", "怎么泡", "怎么切"),
                ("炖", "煮", "炒", "蒸", "红烧", "烤", "煎", "洗", "泡", "生吃"), ("吃法",)),
    "aftersales": (("坏了", "售后", "退货", "退款", "退换", "能退", "可以退", "换货", "能换", "质量问题", "投诉",
                    "不新鲜", "烂"), ("坏果", "少称", "发霉", "有虫", "变质"), ("售后",)),
    "pickup": (("取货", "自提", "提货", "几点取", "什么时候取", "来拿", "去拿", "到店拿", "能取", "拿货", "取件",
                "可以取", "去取", "来取", "多留", "留一天", "留两天", "留几天", "帮留", "保留", "晚一天", "晚点取",
                "晚点拿", "改天取", "改天拿"),
               ("取不了", "来不了", "留货", "留到"), ("自提",)),
    "delivery": (("送货", "配送", "送上门", "上门", "能送", "送吗", "送不送", "送到", "送达", "要钱", "收费",
                  "配送费", "免费送", "范围", "送多远", "多远", "送哪"), ("外卖", "快递", "包邮", "运费", "起送"), ("送货",)),
    "payment": (("付款", "支付", "付钱", "怎么付", "结账", "给钱"), ("微信", "支付宝", "现金", "转账", "刷卡", "货到付款"),
                ("付款",)),
    "address": (("地址", "在哪", "店在", "位置", "怎么走", "门店"), (), ("地址",)),
    "hours": (("营业", "几点开门", "几点关门", "开门", "关门", "几点开", "几点关", "营业时间", "开到几点"), (),
              ("营业",)),
    "phone": (("电话", "联系方式", "手机号", "打电话", "怎么联系"), (), ("电话", "地址与营业")),
    "group": (("进群", "加群", "拉群", "群", "企业微信", "加微信"), ("会员", "积分", "预告"), ("会员", "进群")),
    "ordering": (("怎么下单", "怎么买", "怎么拍", "下单", "怎么抢", "拍下"),
                 ("扣", "改数量", "改成", "取消", "不要了", "候补"), ("下单",)),
}
# 咋洗 asks what 怎么洗 asks
_generic, _specific, _secs = TOPICS["cooking"]
TOPICS["cooking"] = (_generic + tuple("咋" + w[2:] for w in _generic if w.startswith("怎么") and w != "怎么弄"),
                     _specific, _secs)
# 炖多久 / 蒸几分钟 ask for a cooking time, 养了多久 / 运多久 for something else: not how long it keeps
_DURATION = r"[^，,。？?！!\s]{0,3}?(多久|几分钟|多少分钟|多长时间|几个小时|多少时间)"
COOK_TIME = re.compile(r"[炖煮蒸炒烤煎焖卤熬焯煲]" + _DURATION)
OTHER_TIME = re.compile(r"[养种长运送到等晒腌发]" + _DURATION)
# Viewers' words for what the notes say in other words: a residual word is also found by these.
THESAURUS = {
    "打药": ("农残", "用药", "农药"), "农药": ("农残", "用药"), "喷药": ("农残", "用药", "农药"),
    "腻": ("肥",), "油腻": ("肥",), "远": ("公里",), "距离": ("公里",),
    "整": ("做",), "弄": ("做",),            # northern colloquial verbs
    "排队": ("候补",), "排号": ("候补",), "礼拜": ("周",), "星期": ("周",),
}
# A clause about the viewer, not the product (给娃吃的, 怕腻, 我家离得不远, 明天有事来不了, 求拉):
# left out of what the answer must cover when the comment also has a question clause.
ASKER_CLAUSE = re.compile(r"我|俺|咱|娃|孩子|宝宝|老人|家里|怕|担心|想|求|麻烦|谢谢|拜托|发个|发下|发一下|明天|后天|"
                          r"有事|给.{0,3}(吃|用|买)")
QUESTION_CLAUSE = re.compile(r"吗|嘛|么|呢|吧$|[不没]$|没有$|啥|咋|什么|多少|几|怎|哪|谁|是否|(.)[不没]\1|能不能|有没有|"
                             r"会不会|可不可以|[?？]")
CLAUSE_SPLIT = re.compile(r"[\s，,。！!？?；;～~]+")
QUANTITY = re.compile(r"[\d一二两三四五六七八九十半几每多]*[斤个盒袋只条块把瓶桶箱份枚克两回次趟度]|俩|仨")  # 一斤, 几盒: how much
TIME_OF_DAY = {"早上", "早晨", "上午", "中午", "下午", "傍晚", "晚上", "夜里", "凌晨"}
NOT_TEXT = re.compile(r"[^\w\u4e00-\u9fff]+")  # emoji and symbols
STORE_TOPICS = {"pickup", "delivery", "payment", "address", "hours", "phone", "group", "ordering"}
# Catalog facts answered live from the catalog and the ledger, never from retrieved text.
FACT_PATTERNS = {
    "stock": re.compile(r"还有货|有货吗|还有多少|还有几(?![天点月号周次年分小])|有没有货|还有吗|还有没有|还剩|剩多少|"
                        r"剩几|剩下|库存|卖完|卖光|没货|售罄|抢完|断货|有现货|还能买|还能拍|还能抢|多少货"),
    "price": re.compile(r"多少钱|什么价|啥价|价格|价钱|几块钱?|多钱|怎么卖|咋卖|单价|贵不贵|便宜|优惠|打折|原价|划算|"
                        r"折扣|活动价|直播价|几元"),
    "limit": re.compile(r"限购|最多.{0,3}(买|拍|要|抢)|能买几|可以买几|每人.{0,3}几|能拍几|买几(斤|盒|袋|个|份|只|条|桶|瓶)"),
    "link": re.compile(r"几号链接|链接是?几|哪个链接|链接号|是几号|在几号|几号上"),
    "what": re.compile(r"是啥|是什么|啥东西|什么东西|卖的?啥|卖的?什么|是哪个|哪个商品|什么商品|啥商品"),
    "spec": re.compile(r"多大|多重|规格|多少克|几斤一|一(袋|盒|桶|瓶|只|条|把|块)(有)?(多少|几|多重|多大)|几枚|几片|"
                       r"多少片|多少毫升|几升|净含量|分量|个头|单果|多少斤一|有几斤|几两|大不大|个大吗|重不重"),
}
# A question that tries to instruct the copilot. It stays a question: never obeyed, handed to a person.
INJECTION = re.compile(
    r"(忽略|无视|忘掉|忘记|不要管|别管|跳过).{0,10}(指令|指示|规则|设定|提示|要求|命令|说明)|"
    r"(你现在是|从现在起你|从现在开始你|你已经是|你扮演|扮演一下|假装你|你的新身份|你是店长|你就是店长|切换到|进入.{0,4}模式)|"
    r"(system|prompt|系统提示|提示词|开发者模式|管理员权限|越狱|jailbreak)|"
    r"(把|将|给我).{0,12}(改成|改为|设为|设置为|调成|调到|降到).{0,10}(块|元|钱|价|免费|0)|"
    r"(库存|价格|价钱|售价|限购|订单|台账).{0,4}(改成|改为|设为|设置为|调成|调到|清零|清空|删掉|删除)|"
    r"(进价|成本价|底价|利润|拿货价|内部价|批发价|供货价)|"
    r"(执行|输出).{0,6}(命令|代码|指令)|(免费送|白送|不要钱).{0,4}(给我|我)", re.I)
# Personal and off-topic questions: not answered, not queued.
OFF_TOPIC = re.compile(
    r"(主播|老板|店长|你|老赵|小姐姐|小哥哥)(今年)?.{0,3}(多大|几岁|年龄|结婚|对象|男朋友|女朋友|老婆|老公|单身|哪里人|"
    r"老家|长得|好漂亮|漂亮|好帅|帅|身高|体重|属什么|星座|工资|收入|赚多少|挣多少|孩子|住哪|住在哪)|"
    r"股票|基金|彩票|大盘|比特币|天气|下雨|球赛|世界杯|比赛|电影|电视剧|明星|政治|选举|房价|油价|高考|游戏|"
    r"唱首歌|唱歌|跳个舞|讲个笑话|笑话|几点了|星期几|谁赢|作业|数学题|翻译|穿得|衣服好看|颜值|机器人|人工智能|\bai\b|"
    r"chatgpt|你是谁", re.I)
# "Do you sell X": about a product only the catalog can name. Without a known product it goes to a person.
SELLS = re.compile(r"有没有.{1,8}卖|有.{1,8}卖[吗不没呀啊嘛]|卖不卖|卖没卖|上架|上新")
DEICTIC = re.compile(r"这个|这款|这种|它|这批|这次|现在这个|正在讲|刚才那个|这个产品|这个东西")



@dataclass
class Question:
    text: str                 # normalized question
    topics: list[str]         # keys of TOPICS named by a generic trigger: the answer must come from their sections
    soft: list[str]           # topics only hinted by a specific word: a ranking boost, not a filter
    facts: list[str]          # keys of FACT_PATTERNS
    residual: list[list[str]]  # content words left once names, topic words and stopwords are gone;
                               # each group is satisfied by any of its words ("公鸡还是母鸡")
    cues: list               # regexes the answering sentence must match (a time, a duration, a place)
    deictic: bool
    injection: bool
    off_topic: bool
    unknown: set[str] = field(default_factory=set)  # residual words the knowledge never uses


def clean_question(text: str) -> str:
    text = normalize(text)
    text = re.sub(r"^(@\S+\s*)+", "", text)       # "@主播 芒果甜吗"
    return text.strip()


def analyse(text: str, names: list[str]) -> Question:
    """Topics, live facts and residual content words of a (cleaned) question; ``names`` are the
    product names/aliases/link references found in it, removed before taking the residual."""
    text = text.replace("搁", "放")                 # northern 搁 is 放: 能搁几天
    topics, soft, triggers = [], [], []
    for key, (generic, specific, _sections) in TOPICS.items():
        hit = [w for w in generic if w in text]
        if hit:
            topics.append(key)
            triggers.extend(hit)
        elif any(w in text for w in specific):
            soft.append(key)
    if "cooking" in topics and "taste" in topics and all(w in ("好吃", "怎么样") for w in TOPICS["taste"][0]
                                                         if w in text):
        topics.remove("taste")  # 怎么做好吃 asks for a recipe
    cooking_time = bool(COOK_TIME.search(text))
    if cooking_time or OTHER_TIME.search(text):
        if "storage" in topics and not any(w in text for w in TOPICS["storage"][0]
                                           if w not in ("多久", "多长时间")):
            topics.remove("storage")
        if cooking_time and "cooking" not in topics:
            topics.append("cooking")
            soft = [t for t in soft if t != "cooking"]
    facts = [k for k, rx in FACT_PATTERNS.items() if rx.search(text)]
    spans = [m.span() for rx in FACT_PATTERNS.values() for m in rx.finditer(text)]
    spans += [m.span() for w in names for m in re.finditer(re.escape(w), text)]
    spans += _trigger_spans(text, triggers)
    keep = [True] * len(text)
    for a, b in spans:  # overlapping triggers ("几点取" / "取货") are all removed
        keep[a:b] = [False] * (b - a)
    rest = "".join(ch if k else " " for ch, k in zip(text, keep))
    rest = DEICTIC.sub(" ", rest)
    rest = re.sub(r"(\w)[不没]\1", r" \1 ", rest)  # 肥不肥 -> 肥, 查没查 -> 查 (能不能 -> 能, a stopword)
    residual = _residual(_about_product(text, rest))
    cues = [want for ask, want in ANSWER_CUES if ask.search(text)]
    if ANSWER_CUES[0][1] in cues or {"pickup", "hours", "delivery"} & set(topics):
        # 晚上几点关门, 明天上午能去拿不: the time of day is part of the time asked
        residual = [g for g in residual if not all(w in TIME_OF_DAY for w in g)]
    if "what" in facts and (residual or topics):
        facts.remove("what")                       # 芒果是什么品种 asks about 品种
    return Question(text=text, topics=topics, soft=soft, facts=facts, residual=residual, cues=cues,
                    deictic=bool(DEICTIC.search(text)), injection=bool(INJECTION.search(text)),
                    off_topic=bool(OFF_TOPIC.search(text)))


def _trigger_spans(text: str, triggers: list[str]) -> list[tuple[int, int]]:
    """Where the topic triggers are, except inside a longer dictionary word: 支付宝 names a way to
    pay (the answer must say it), it is not the trigger 支付."""
    words, pos = [], 0
    for w in tokenizer().lcut(text):
        words.append((pos, pos + len(w), w))
        pos += len(w)
    freq = tokenizer().dt.FREQ
    spans = []
    for t in set(triggers):
        for m in re.finditer(re.escape(t), text):
            a, b = m.span()
            inside = any(s <= a and b <= e and e - s > b - a and freq.get(w) and w not in STOPWORDS
                         and not any(t2 in w for t2 in triggers if len(t2) > len(t))
                         for s, e, w in words)
            if not inside:
                spans.append((a, b))
    return spans


def _about_product(text: str, rest: str) -> str:
    """``rest`` without the clauses about the viewer, when the comment also asks something:
    "鲈鱼刺多不多 给娃吃的" asks about the fish's bones, not about the child."""
    clauses, pos = [], 0
    for m in CLAUSE_SPLIT.finditer(text + " "):
        if m.start() > pos:
            clauses.append((pos, m.start()))
        pos = m.end()
    if len(clauses) < 2:
        return rest
    kinds = []
    for a, b in clauses:
        clause = NOT_TEXT.sub("", text[a:b])
        kinds.append("question" if QUESTION_CLAUSE.search(clause) else
                     "asker" if ASKER_CLAUSE.search(clause) else "other")
    if "question" not in kinds or "asker" not in kinds:
        return rest
    keep = [True] * len(rest)
    for (a, b), kind in zip(clauses, kinds):
        if kind == "asker":
            keep[a:b] = [False] * (b - a)
    return "".join(ch if k else " " for ch, k in zip(rest, keep))


def section_topics(section: str) -> set[str]:
    """The topics a section heading answers (``口感`` -> taste; ``自提时间`` -> pickup)."""
    return {key for key, (_g, _s, secs) in TOPICS.items() if any(s in section for s in secs)}


def _words(text: str) -> list[str]:
    out = []
    for w in tokenizer().lcut(text):
        w = w.strip()
        w = NOT_TEXT.sub("", w)          # 😂
        if len(w) == 2 and w[0] == w[1]:
            w = w[0]                         # 洗洗 -> 洗, 黄黄 -> 黄
        if len(w) == 2 and not tokenizer().dt.FREQ.get(w) and (w[0] in STOPWORDS) != (w[1] in STOPWORDS):
            w = w[1] if w[0] in STOPWORDS else w[0]   # a particle jieba glued on: 能付 -> 付
        if not w or w in STOPWORDS or re.fullmatch(r"[\d.a-z_]+", w) or QUANTITY.fullmatch(w):
            continue
        if len(w) == 2 and w[1] in "多少大小高低长短" and w[0] not in STOPWORDS:
            w = w[0]                       # 刺多 -> 刺: the answer may say 少
        out.append(w)
    return out


def _residual(rest: str) -> list[list[str]]:
    parts = rest.split("还是")
    if len(parts) == 2:                    # A还是B: either word found answers it
        both = _words(parts[0])[-1:] + _words(parts[1])[:1]
        others = _words(parts[0])[:-1] + _words(parts[1])[1:]
        return ([both] if both else []) + [[w] for w in others]
    return [[w] for w in _words(rest)]


def coverage(residual: list[list[str]], text: str, unknown: frozenset[str] | set[str] = frozenset(),
             extra: str = "") -> float:
    """Share of the residual word groups found in ``text`` (or, words of two characters or more, in
    ``extra``: the next sentence). Longer words weigh more, and words the knowledge never uses
    (``unknown``) half as much again: they are most likely what it cannot answer."""
    if not residual:
        return 1.0

    def weight(g: list[str]) -> float:
        return max(len(w) for w in g) * (1.5 if all(w in unknown for w in g) else 1.0)

    total = sum(weight(g) for g in residual)
    found = 0.0
    for g in residual:
        if any(word_in(w, text) or (extra and len(w) > 1 and word_in(w, extra)) for w in g):
            found += weight(g)
        elif any(len(w) == 2 and any(ch in text or ch in extra for ch in w if ch not in STOPWORDS) for w in g):
            found += 0.5 * weight(g)     # 爆炒 / 快炒, 超过 / 超出: half a match
    return found / total


def word_in(word: str, text: str) -> bool:
    """``付现金`` is found by ``现金``; ``积分`` by ``积 1 分``; otherwise the word itself."""
    if word in text or any(alt in text for alt in THESAURUS.get(word, ())):
        return True
    if len(word) >= 3:  # the head of a compound: 付现金 -> 现金 (never 开发票 -> 开发)
        return any(word[i:] in text for i in range(1, len(word) - 1))
    if len(word) == 2:
        return re.search(re.escape(word[0]) + r".{0,3}" + re.escape(word[1]), text) is not None
    return False
