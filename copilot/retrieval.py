"""Text side of the knowledge base: chunking, jieba tokens, an in-memory BM25 index, what a
question asks about, and the check that a generated reply states nothing the sources lack.

Pure functions and small classes; no chromadb, no model. ``kb.py`` puts them together.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from .zhnum import normalize, zh_to_number

log = logging.getLogger("copilot.retrieval")

SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")
PUNCT = re.compile(r"[\s，。！？、；：,.!?;:（）()【】\[\]「」“”\"'~～…—\-·/]+")

# Words that carry no content in a viewer's question.
STOPWORDS = set("""
请问 请 问问 问下 问一下 想问 吗 呢 啊 呀 吧 哈 哦 嘛 么 的 了 是 不是 是不是 有 没 没有 有没有 能 能不能 可以 可不可以
怎么 怎么样 怎样 如何 什么 啥 咋 多少 几 哪 哪里 哪儿 这个 那个 这 那 它 这款 那款 这种 你们 你家 你 我 我们 咱们 咱
主播 老板 店长 一下 还 都 就 要 会 和 跟 给 在 个 一般 大概 到底 现在 今天 今晚 家 们 下 买 吃 好 不 也 又 真的 真 有点
多 点 大家 谁 知道 告诉 说说 说 讲讲 讲 看看 看 一 上 里 用 让 被 把 得 着 过 等 呗 嗯 噢 喔 哇 诶 额 求 姐 哥 亲
能不能 可不可以 会不会 有没有 要不要 好不好 行不行 对不对 帮忙 帮 帮我 需要 能否 一起 其实 感觉 东西 产品 问题 情况
几点 什么时候 时候 啥时候 几号 哪天 多久 几天 多长时间 多少天 几个月 哪里 哪儿 在哪 在哪里 什么样 怎么样
意思 什么意思 这边 那边 你们家 比较 特别 非常 很 太 挺 还是 或者 然后 那么 这么 怎么办 是否 该 应该 得 拿 来 去 啦 么样
""".split())

# What kind of answer a question wants: (question cue, what the answering sentence must contain).
ANSWER_CUES = [
    (re.compile(r"几点|什么时候|啥时候|几号|哪天|何时|多会儿"),
     re.compile(r"\d|早上|上午|中午|下午|晚上|次日|当天|每天|每周|周[一二三四五六日]|第二天|第三天|[一二三四五六七八九十]点")),
    (re.compile(r"多久|几天|多长时间|多少天|几个月|放多长"),
     re.compile(r"\d|[一二两三四五六七八九十半]+\s*(天|个月|小时|周|年)|当天")),
    (re.compile(r"在哪|哪里|地址|位置|怎么走|哪儿"), re.compile(r"路|街|巷|村|镇|市|县|省|产自|来自|山|岛")),
    (re.compile(r"要钱|收费|运费|配送费|免费"), re.compile(r"元|免费|\d")),
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
                "可以取", "去取", "来取"),
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
STORE_TOPICS = {"pickup", "delivery", "payment", "address", "hours", "phone", "group", "ordering"}

# Catalog facts answered live from the catalog and the ledger, never from retrieved text.
FACT_PATTERNS = {
    "stock": re.compile(r"还有货|有货吗|有没有货|还有吗|还有没有|还剩|剩多少|剩几|剩下|库存|卖完|卖光|没货|售罄|"
                        r"抢完|断货|有现货|还能买|还能拍|还能抢|多少货"),
    "price": re.compile(r"多少钱|什么价|啥价|价格|价钱|几块|多钱|怎么卖|咋卖|单价|贵不贵|便宜|优惠|打折|原价|划算|"
                        r"折扣|活动价|直播价|几元"),
    "limit": re.compile(r"限购|最多.{0,3}(买|拍|要|抢)|能买几|可以买几|每人.{0,3}几|能拍几|买几(斤|盒|袋|个|份|只|条|桶|瓶)"),
    "link": re.compile(r"几号链接|链接是?几|哪个链接|链接号|是几号|在几号|几号上"),
    "spec": re.compile(r"多大|多重|规格|多少克|几斤一|一(袋|盒|桶|瓶|只|条|把|块)(有)?(多少|几|多重|多大)|几枚|几片|"
                       r"多少片|多少毫升|几升|净含量|分量|个头|单果|多少斤一|有几斤|几两|大不大|个大吗|重不重"),
}

# A question that tries to instruct the copilot. It stays a question: never obeyed, handed to a person.
INJECTION = re.compile(
    r"(忽略|无视|忘掉|忘记|不要管|别管|跳过).{0,10}(指令|指示|规则|设定|提示|要求|命令|说明)|"
    r"(你现在是|从现在起你|从现在开始你|你已经是|你扮演|扮演一下|假装你|你的新身份|你是店长|你就是店长|切换到|进入.{0,4}模式)|"
    r"(system|prompt|系统提示|提示词|开发者模式|管理员权限|越狱|jailbreak)|"
    r"(把|将|给我).{0,12}(改成|改为|设为|设置为|调成|调到|降到).{0,10}(块|元|钱|价|免费|0)|"
    r"(进价|成本价|底价|利润|拿货价|内部价|批发价|供货价)|"
    r"(执行|输出).{0,6}(命令|代码|指令)|(免费送|白送|不要钱).{0,4}(给我|我)", re.I)

# Personal and off-topic questions: not answered, not queued.
OFF_TOPIC = re.compile(
    r"(主播|老板|店长|你|老赵|小姐姐|小哥哥)(今年)?.{0,3}(多大|几岁|年龄|结婚|对象|男朋友|女朋友|老婆|老公|单身|哪里人|"
    r"老家|长得|好漂亮|漂亮|好帅|帅|身高|体重|属什么|星座|工资|收入|赚多少|挣多少|孩子|住哪|住在哪)|"
    r"股票|基金|彩票|大盘|比特币|天气|下雨|球赛|世界杯|比赛|电影|电视剧|明星|政治|选举|房价|油价|高考|游戏|"
    r"唱首歌|唱歌|跳个舞|讲个笑话|笑话|几点了|星期几|谁赢|作业|数学题|翻译|穿得|衣服好看|颜值|机器人|人工智能|\bai\b|"
    r"chatgpt|你是谁", re.I)

DEICTIC = re.compile(r"这个|这款|这种|它|这批|这次|现在这个|正在讲|刚才那个|这个产品|这个东西")


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


# -- chunking -------------------------------------------------------------------------------------


@dataclass
class Piece:
    """One chunk before it is stored: a sentence (or two short ones) with its section heading."""
    section: str
    text: str


def split_markdown(text: str, min_len: int = 8) -> tuple[str, list[Piece]]:
    """(title, pieces): ``# title``, ``## section`` headings; each line split into sentences,
    very short sentences merged into the next so every piece says one complete thing."""
    title, section, pieces = "", "", []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("<!--"):
            continue
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            heading = line.lstrip("#").strip()
            if level == 1 and not title:
                title = heading
            else:
                section = heading
            continue
        line = re.sub(r"^([-*+]|\d+[.、])\s*", "", line)
        buf = ""
        for sent in (s.strip() for s in SENTENCE_END.split(line)):
            if not sent:
                continue
            buf += sent
            if len(buf) >= min_len:
                pieces.append(Piece(section, buf))
                buf = ""
        if buf:
            if pieces and pieces[-1].section == section and len(buf) < min_len:
                pieces[-1] = Piece(section, pieces[-1].text + buf)
            else:
                pieces.append(Piece(section, buf))
    return title, pieces


# -- tokens and BM25 ----------------------------------------------------------------------------

_jieba = None


def _tokenizer():
    global _jieba
    if _jieba is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _jieba = jieba
    return _jieba


def add_words(words) -> None:
    """Teach jieba the product names and aliases so they stay whole tokens."""
    jb = _tokenizer()
    for w in words:
        if w and len(w) > 1:
            jb.add_word(w, freq=2000)


def tokens(text: str) -> list[str]:
    """Search tokens: jieba words (search mode) plus the single CJK characters, minus stopwords."""
    text = normalize(text).lower()
    out = []
    for w in _tokenizer().lcut_for_search(text):
        w = w.strip()
        if not w or PUNCT.fullmatch(w) or w in STOPWORDS:
            continue
        out.append(w)
        if len(w) > 1 and re.fullmatch(r"[\u4e00-\u9fff]+", w):
            out.extend(f"#{ch}" for ch in w if ch not in STOPWORDS)
    return out


class BM25Index:
    """Okapi BM25 over an inverted index, so scoring costs the postings of the query's tokens
    rather than the whole corpus; ``allowed`` restricts scoring to a subset of documents."""

    def __init__(self, docs: list[list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.n = len(docs)
        self.lengths = [len(d) for d in docs]
        self.avg = (sum(self.lengths) / self.n) if self.n else 1.0
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            counts: dict[str, int] = defaultdict(int)
            for t in doc:
                counts[t] += 1
            for t, c in counts.items():
                self.postings[t].append((i, c))
        self.idf = {t: math.log(1 + (self.n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}

    def scores(self, query: list[str], allowed: set[int] | None = None) -> dict[int, float]:
        out: dict[int, float] = defaultdict(float)
        for t in set(query):
            idf = self.idf.get(t)
            if idf is None:
                continue
            for i, tf in self.postings[t]:
                if allowed is not None and i not in allowed:
                    continue
                norm = tf + self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avg)
                out[i] += idf * tf * (self.k1 + 1) / norm
        return out


# -- what a question asks ---------------------------------------------------------------------


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


def clean_question(text: str) -> str:
    text = normalize(text)
    text = re.sub(r"^(@\S+\s*)+", "", text)       # "@主播 芒果甜吗"
    return text.strip()


def analyse(text: str, names: list[str]) -> Question:
    """Topics, live facts and residual content words of a (cleaned) question; ``names`` are the
    product names/aliases/link references found in it, removed before taking the residual."""
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
    facts = [k for k, rx in FACT_PATTERNS.items() if rx.search(text)]
    spans = [m.span() for rx in FACT_PATTERNS.values() for m in rx.finditer(text)]
    for w in {*names, *triggers}:
        spans += [m.span() for m in re.finditer(re.escape(w), text)]
    keep = [True] * len(text)
    for a, b in spans:  # overlapping triggers ("几点取" / "取货") are all removed
        keep[a:b] = [False] * (b - a)
    rest = "".join(ch if k else " " for ch, k in zip(text, keep))
    rest = DEICTIC.sub(" ", rest)
    rest = re.sub(r"(\w)不\1", r" \1 ", rest)      # 肥不肥 -> 肥 (能不能 -> 能, a stopword)
    residual = _residual(rest)
    cues = [want for ask, want in ANSWER_CUES if ask.search(text)]
    return Question(text=text, topics=topics, soft=soft, facts=facts, residual=residual, cues=cues,
                    deictic=bool(DEICTIC.search(text)), injection=bool(INJECTION.search(text)),
                    off_topic=bool(OFF_TOPIC.search(text)))


def section_topics(section: str) -> set[str]:
    """The topics a section heading answers (``口感`` -> taste; ``自提时间`` -> pickup)."""
    return {key for key, (_g, _s, secs) in TOPICS.items() if any(s in section for s in secs)}


def _words(text: str) -> list[str]:
    out = []
    for w in _tokenizer().lcut(text):
        w = w.strip()
        if not w or PUNCT.fullmatch(w) or w in STOPWORDS or re.fullmatch(r"[\d.a-z]+", w):
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


def coverage(residual: list[list[str]], text: str) -> float:
    """Share of the residual word groups (longer words weigh more) found in ``text``."""
    if not residual:
        return 1.0
    total = sum(max(len(w) for w in g) for g in residual)
    found = sum(max(len(w) for w in g) for g in residual if any(word_in(w, text) for w in g))
    return found / total


def word_in(word: str, text: str) -> bool:
    """``付现金`` is found by ``现金``; ``积分`` by ``积 1 分``; otherwise the word itself."""
    if word in text:
        return True
    if len(word) >= 3:  # the head of a compound: 付现金 -> 现金 (never 开发票 -> 开发)
        return any(word[i:] in text for i in range(1, len(word) - 1))
    if len(word) == 2:
        return re.search(re.escape(word[0]) + r".{0,3}" + re.escape(word[1]), text) is not None
    return False


# -- verifying a generated reply ----------------------------------------------------------------

ZH_NUM_UNIT = re.compile(r"([零〇一二两三四五六七八九十百千]+)(?=[个只斤块元度天小时点分钟克号月日年岁周次倍成%斤两袋盒瓶桶条把枚片升])")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
PLACES = ("北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 "
          "贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 三亚 丹东 烟台 寿光 阿克苏 五常 赣州 赣南 "
          "攀枝花 大连 泰国 越南 智利 日本 澳洲 澳大利亚 新西兰 美国 进口 乐东 金寨 佛山 莒南 大别山 东港 库尔勒 "
          "哈密 吐鲁番 昆明 成都 杭州 苏州 南京 广州 深圳 福州 厦门 漳州 莆田 眉山 蒲江 砀山 洛川 栖霞 静宁 黄岩 "
          "临安 东北 西北 江南 本地 外地 国外").split()
PLACE_SUFFIX = re.compile(r"[\u4e00-\u9fff]{1,5}(?:省|市|县|镇|乡|村|岛)")


def numbers_in(text: str) -> set[float]:
    text = normalize(text)
    text = re.sub(r"(\d+)块(\d)(?!\d)", r"\1.\2", text)            # 19块9 -> 19.9
    text = ZH_NUM_UNIT.sub(lambda m: _zh(m.group(1)), text)
    return {float(x) for x in _NUMBER.findall(text)}


def _zh(s: str) -> str:
    v = zh_to_number(s)
    if v is None:
        return s
    return str(int(v)) if v == int(v) else str(v)


def places_in(text: str) -> set[str]:
    found = {p for p in PLACES if p in text}
    found |= {m.group(0) for m in PLACE_SUFFIX.finditer(text)}
    return found


def unsupported_claims(reply: str, evidence: str) -> list[str]:
    """Numbers and places stated in ``reply`` that ``evidence`` does not contain."""
    have = numbers_in(evidence)
    bad = [_fmt(n) for n in sorted(numbers_in(reply)) if n not in have]
    bad += sorted(p for p in places_in(reply) if not _place_supported(p, evidence))
    return bad


def _place_supported(place: str, evidence: str) -> bool:
    # "产自东港市" is supported by "东港市": some tail of the match of 3+ characters is in the evidence
    if place in evidence:
        return True
    return len(place) > 3 and any(place[i:] in evidence for i in range(1, len(place) - 2))


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


# -- grouping near-duplicate questions -------------------------------------------------------------


@dataclass
class QuestionGroup:
    id: int
    text: str                 # the first question of the group
    users: list[str]
    first_ts: float
    last_ts: float
    grams: set = field(default_factory=set, repr=False)


class QuestionGrouper:
    """Groups near-duplicate questions within a time window so one answer serves them all.

    ``add(user, text, ts) -> (group_id, is_new)``; similarity is the Jaccard overlap of character
    bigrams of the normalized text (particles, punctuation and @mentions removed)."""

    def __init__(self, window: float = 60.0, threshold: float = 0.5) -> None:
        self.window = window
        self.threshold = threshold
        self.groups: dict[int, QuestionGroup] = {}
        self._next = 1

    def add(self, user: str, text: str, ts: float) -> tuple[int, bool]:
        grams = _bigrams(text)
        best, best_sim = None, 0.0
        for g in self.groups.values():
            if ts - g.last_ts > self.window:
                continue
            sim = len(grams & g.grams) / max(len(grams | g.grams), 1)
            if sim > best_sim:
                best, best_sim = g, sim
        if best is not None and best_sim >= self.threshold:
            best.users.append(user)
            best.last_ts = max(best.last_ts, ts)
            return best.id, False
        g = QuestionGroup(self._next, text, [user], ts, ts, grams)
        self.groups[g.id] = g
        self._next += 1
        return g.id, True

    def members(self, group_id: int) -> list[str]:
        g = self.groups.get(group_id)
        return list(g.users) if g else []


_PARTICLES = re.compile(r"[吗呢啊呀吧哈哦嘛么啦的了请问主播老板]|@\S+|[\s\W_]+")


def _bigrams(text: str) -> set[str]:
    t = _PARTICLES.sub("", normalize(text).lower())
    if len(t) < 2:
        return {t} if t else set()
    return {t[i:i + 2] for i in range(len(t) - 1)}
