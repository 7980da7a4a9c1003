"""What a viewer's question asks: its aspects (storage, origin, pickup ...), the kind of value it wants
(a duration, a count, a place ...), the live catalog facts it asks for, and the content words left
once names, aspect words and stopwords are gone (what the answer must contain). The word lists are
data: ``copilot/knowledge/lexicon/*.yaml`` (``wordlists.lexicon()``).

Pure functions; no chromadb, no model. ``kb.py`` puts them together.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field

from copilot.base.zhnum import normalize
from copilot.knowledge.asks import aspects_asked, guard, trigger_spans
from copilot.knowledge.binding import negated_in, one_of, said, window_forbidden
from copilot.knowledge.kinds import asked_units, conditions, question_kind, values_of
from copilot.knowledge.text import decimal_lengths, tokenizer
from copilot.knowledge.wordlists import cut_cache, lexicon

log = logging.getLogger(__name__)
CLAUSE_SPLIT = re.compile(r"[\s，,。！!？?；;～~]+")
QUANTITY = re.compile(r"[\d一二两三四五六七八九十半几每多]*[斤个盒袋只条块把瓶桶箱份枚克两回次趟度杯支张卷片颗包板提段根粒串罐双件]|俩|仨")
# (洗双鞋要几天: 双 counts the pair washed, an amount, no word the answer must say)
TIME_OF_DAY = {"早上", "早晨", "上午", "中午", "下午", "傍晚", "晚上", "夜里", "凌晨", "天天", "每天"}
MEASURE_UNITS = "箱|盒|袋|包|瓶|桶|提|板|罐|斤|把|份|串|杯|筐|扎|捆|篮|兜|块|只|条|根|片|段|枝|朵|棵|盆"
# 一大包 is the package itself (大 only stresses it); 一小袋 is a smaller one inside it, a measure of its own
MEASURE = re.compile(rf"[一每]\s*(?:大\s*)?((?:小\s*)?(?:{MEASURE_UNITS}))")
WHEN = re.compile("|".join(TIME_OF_DAY) + r"|周末|(?:周|星期|礼拜)[一二三四五六日天1-7]")
TIMED = ("duration", "time", "day", "clock")   # kinds of value that say when or how long
NOT_TEXT = re.compile(r"[^\w\u4e00-\u9fff]+")  # emoji and symbols
CJK = re.compile(r"[\u4e00-\u9fff]+")
ADVERBS = "还都也就能会要可又再才"
# numbers and short latin (ml, kg) carry no content, nor an amount with its unit (500ml); a latin word of three letters
# or more (typec, usb) does, and so does a model or grade said with a number (4k, 1080p, a4)
# (an electric rating, 60v / 12ah / 1000w, names which one: the passage must say it, in any case: 60V)
LATIN_DROPPED = re.compile(r"[\d._]+|[a-z_]{1,2}|[\d.]+(?:ml|kg|mg|g|l|m|cm|mm|km|h|min|s|mb|gb|tb|℃)?")   # 还给, 能吃: an adverb or auxiliary and a stopword are how it is asked
SECOND_KINDS = ("duration", "count", "weight", "amount", "clock")   # a second value asked along (多少度 ……多久)
# 炖多久 / 蒸几分钟 ask for a cooking time: the verb just before the duration asked


@dataclass
class Question:
    text: str                 # normalized question
    topics: list[str]         # aspects named by a question word: the answer must be a passage of one of them
    soft: list[str]           # aspects only hinted by a specific word: a ranking boost, not a filter
    facts: list[str]          # live catalog facts asked (price, stock, limit, link, what, spec)
    residual: list[list[str]]  # content words left once names, aspect words and stopwords are gone;
                               # each group is satisfied by any of its words ("公鸡还是母鸡")
    kind: str                 # the kind of value asked ("duration", "place", ... or "")
    deictic: bool
    injection: bool
    off_topic: bool
    unknown: set[str] = field(default_factory=set)  # residual words the knowledge never uses
    unnamed: str = ""         # the question with the product names blanked
    chosen: str = ""          # the passage that answered it (set by the knowledge base)
    fact_spans: dict = field(default_factory=dict)  # where each live catalog fact is asked
    units: frozenset[str] | None = None  # the units a value must carry when the question names one (几根)
    measure: str = ""         # what is counted or weighed (一箱几斤: 箱): the answer must speak of it

    @property
    def negated(self) -> frozenset[str]:
        """Residual words the question says only negated (没切的能放几天): the answer must say them so too."""
        return frozenset(w for g in self.residual for w in g if negated_in(w, self.text))

    def bind_words(self) -> list[str]:
        """The residual words the value asked must belong to: those of the clause that asks for it
        (牛奶哪个牧场的 远不远: 远 is a second question, not what the 牧场 is of)."""
        words = [w for g in self.residual for w in g]
        k = lexicon().kinds.get(self.kind)
        m = k.ask.search(self.unnamed) if k is not None else None
        if m is None:
            return words
        clauses = [(c.start(), c.end()) for c in re.finditer(r"[^\s，,。！!？?；;～~]+", self.text)]
        if len(clauses) < 2:
            return words
        a, b = next(((a, b) for a, b in clauses if a <= m.start() < b), (0, len(self.text)))
        said = [w for w in words if any(w in self.text[x:y] for x, y in clauses)]
        return [w for w in words if w not in said or w in self.text[a:b]]

    def second_reading(self) -> bool:
        """Read a cue of two meanings the other way once the first found nothing (``SECOND_READINGS``): 加多少 said
        bare after a case (三件套加多少) as the sum that case adds, not an amount put in (盐加多少); 一节多长 as how long
        a session lasts, not a length. True when the question is read so now."""
        for first, second, cue in SECOND_READINGS:
            if self.kind == first and guard(cue).search(self.unnamed):
                self.kind, self.units = second, asked_units(second, self.unnamed)
                return True
        return False

    def retype(self, facts: list[str]) -> None:
        """The kind of value asked once the catalog has answered ``facts`` (多少钱 肥不肥 -> yes/no)."""
        rest = _blank(self.unnamed, [sp for f in facts for sp in self.fact_spans.get(f, [])])
        self.kind = question_kind(rest)
        self.units = asked_units(self.kind, rest)


# (kind read first, kind read second, the guard of the cue that may mean either)
SECOND_READINGS = (("amount", "price", "surcharge_asked"), ("weight", "duration", "session_length_asked"))


def clean_question(text: str) -> str:
    text = decimal_lengths(normalize(text))   # 1米5的床: 1.5 米
    text = re.sub(r"^(@\S+\s*)+", "", text)       # "@主播 芒果甜不甜"
    return text.strip()


def analyse(text: str, names: list[str]) -> Question:
    """Aspects, kind, live facts and residual content words of a (cleaned) question; ``names`` are the
    product names/aliases/link references found in it, removed before taking the residual."""
    lex = lexicon()
    raw = text
    text = lex.fix_typos(text)
    names = [lex.fix_typos(n) for n in names]
    facts = [k for k, rx in lex.catalog.items() if rx.search(text)]   # 买两包送啥: a gift, no delivery (包送)
    topics, soft, triggers = aspects_asked(_blank(text, [m.span() for m in lex.catalog["offer"].finditer(text)]))
    spans = [m.span() for w in names for m in re.finditer(re.escape(w), text)]
    unnamed = _blank(text, spans)
    kind = question_kind(unnamed)
    case = _stock_case(text, kind, facts)   # 没货要等几天: the time's case, no stock asked
    fact_spans = {k: [m.span() for m in rx.finditer(text)] for k, rx in lex.catalog.items() if k in facts}
    spans += [sp for v in fact_spans.values() for sp in v]
    # 谁家米厂的: the words that ask for a value are no content (烤生蚝多少度烤多久 asks two)
    spans += [m.span() for k in lex.kinds.values() if k.strict and k.key in (kind, *SECOND_KINDS)
              for m in k.ask.finditer(text) if m.end() > m.start()]
    spans += trigger_spans(text, triggers)
    rest = _blank(text, spans)
    rest = guard("idle").sub(" ", guard("deictic").sub(" ", rest))   # 不用的时候咋收: when idle, no content
    rest = re.sub(r"(\w)[不没]\1", r" \1 ", rest)  # 肥不肥 -> 肥, 查没查 -> 查 (能不能 -> 能, a stopword)
    residual = _residual(_about_product(text, rest))
    residual += [[w] for w in case if not any(w in g for g in residual)]
    taste = lex.aspects.get("taste")
    if taste and "taste" in topics and residual and set(triggers) & set(taste.ask) <= {"怎么样"} and not any(
            w in (*taste.hint, *taste.heading, *taste.passage) for g in residual for w in g):
        topics.remove("taste")   # 防水咋样 asks how it keeps water out, not how it tastes
    _form_words(text, kind, residual)
    if kind in ("time", "clock", "day") or {"pickup", "hours", "delivery", "live"} & set(topics):
        # 晚上几点关门, 明天上午能去拿不: the time of day is part of the time asked
        residual = [g for g in residual if not all(w in TIME_OF_DAY for w in g)]
    if kind and lex.kinds[kind].strict:  # 每天几点开播, 汤圆哪里做的: the frame of the value asked, not content
        frame, kin = set(lex.kinds[kind].frame), ("time",) if kind in ("clock", "day", "time") else (kind,)
        residual = [g for g in residual if not all(any(values_of(k, w) for k in (kind, *kin)) or w in frame
                                                   for w in g) or any(guard("occasion").match(w) for w in g)]
    measure, residual = _measure(kind, text, unnamed, residual)
    if kind == "yesno" and WHEN.search(unnamed) and (topics or all(w in TIME_OF_DAY for g in residual for w in g)):
        # 上午能来拿吗, 周末直播吗: a yes/no about a time of day or a day asks when (the answer states one);
        # 晚上看得清吗 asks how the thing does at that time (no store matter asked): still a yes/no
        kind = "time"
        residual = [g for g in residual if not all(w in ("天天", "每天") for w in g)]  # 天天有吗: which days
    if kind == "day" and not topics and not residual and re.search(r"(?<!有)几号\s*[?？]?\s*$", unnamed):
        # 有松子吗 几号 / 松子几号: nothing else asked, the number is the link's (鱼钩有几号 asks the sizes it comes in)
        facts.append("link")
        kind = ""
    if kind == "yesno" and not topics and guard("asks_included").search(unnamed.strip()):
        residual = [g for g in residual if g not in (["送"], ["赠"], ["配"], ["带"], ["附送"])]   # 送屉布不: 不带屉布
    if "what" in facts and (residual or topics):
        facts.remove("what")                       # 芒果是什么品种 asks about 品种
    return Question(text=text, topics=topics, soft=soft, facts=facts, residual=residual, kind=kind,
                    unnamed=unnamed, fact_spans=fact_spans, units=asked_units(kind, unnamed), measure=measure,
                    deictic=bool(guard("deictic").search(text)), injection=bool(guard("injection").search(raw)),
                    off_topic=bool(guard("off_topic").search(raw)))


def _form_words(text: str, kind: str, residual: list[list[str]]) -> None:
    """Add to ``residual`` the words the question's form makes the passage say."""
    used, verb = guard("used_for").search(text), guard("verb_asked").search(text)
    if used and not any(used.group(1) + "的" in g for g in residual):
        residual.append([used.group(1) + "的"])     # 用啥点的: the passage says 点的 (石膏点的, 点的是盐卤)
    if verb and not any(verb.group(1) in w for g in residual for w in g):
        residual.append([verb.group(1)])             # 取货报啥: the passage says 报 (报手机后 4 位)
    if guard("lasting_after").search(text) and not any("用" in w for g in residual for w in g):
        residual.append(["用"])                     # 贴了能用多久: the passage says how long it is used (能用两年)
    thing = guard("nominal_thing").search(text) if kind == "yesno" else None
    if thing and not any(thing.group(0) in g for g in residual):
        residual.append([thing.group(0)])            # 吃的能寄吗: the passage must say 吃的, not only 寄


def _stock_case(text: str, kind: str, facts: list[str]) -> list[str]:
    """没货要等几天: a stock word in the clause that asks a time is the case of that time, which the passage must
    say (the stock count holds no time); said in a clause of its own (有现货吗 几天到) it still asks the stock.
    The stock words of the case are returned and ``stock`` leaves ``facts``."""
    if kind not in TIMED or "stock" not in facts:
        return []
    rx, case = lexicon().catalog["stock"], []
    for clause in CLAUSE_SPLIT.split(text):
        said = [m.group(0) for m in rx.finditer(clause)]
        if said and question_kind(clause) not in TIMED:
            return []
        case += said
    if case:
        facts.remove("stock")
    return case


def _measure(kind: str, text: str, unnamed: str, residual: list[list[str]]) -> tuple[str, list[list[str]]]:
    """What is counted or weighed (一箱几斤: 箱; 一小袋多重: 小袋) and the residual without the words that only frame
    the value asked: the measure itself, and the load a thing bears (能坐多重的人: 承重 150 公斤 answers it)."""
    m = MEASURE.search(unnamed) if kind in ("count", "weight", "amount", "size") else None
    if m is None and kind == "weight":   # 一个饺子多重: one piece is weighed, not the bag
        m = re.search(r"[一每]\s*(个|颗|只|粒)", unnamed)
    frame = [m.group(0).replace(" ", "")] if m else []
    load = guard("asks_borne").search(text) if kind == "weight" else None
    frame += [load.group(0)] if load else []
    residual = [g for g in residual if not any(all(w in f for w in g) for f in frame)]
    return (re.sub(r"\s+", "", m.group(1)) if m else ""), residual


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    keep = [True] * len(text)
    for a, b in spans:  # overlapping spans ("几点取" / "取货") are all removed
        keep[a:b] = [False] * (b - a)
    return "".join(ch if k else " " for ch, k in zip(text, keep))


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
        kinds.append("question" if guard("question_clause").search(clause) else
                     "asker" if guard("asker_clause").search(clause) else "other")
    if "question" not in kinds or "asker" not in kinds:
        return rest
    keep = [True] * len(rest)
    for (a, b), kind in zip(clauses, kinds):
        if kind == "asker":
            keep[a:b] = [False] * (b - a)
    return "".join(ch if k else " " for ch, k in zip(rest, keep))


def _tokens(text: str) -> list[str]:
    """jieba's words, except the ones it makes up from characters it does not know together (妈拿行, 柴熏,
    能付): those are read a character at a time."""
    freq, known = tokenizer().dt.FREQ, lexicon().vocabulary
    out = []
    for w in tokenizer().lcut(text):
        w = NOT_TEXT.sub("", w.strip())          # 😂
        if len(w) > 1 and w.endswith("的"):
            w = w[:-1]                       # 白白的 -> 白白
        if len(w) >= 2 and not freq.get(w) and w not in known and CJK.fullmatch(w) and not (len(w) == 2 and w[0] == w[1]):
            out.extend(w)
        else:
            out.append(w)
    return out


def _words(text: str) -> list[str]:
    lex = lexicon()
    stop = lex.stopwords | lex.filler
    out, prev = [], ""
    for w in _tokens(text):
        prev, before = w, prev
        if guard("negated_doing").fullmatch(before + w):
            out.append("没" + w)             # 几天不拿: the pickup missed is the case asked (没拿, said 没来取 too)
            continue
        if len(w) == 2 and w[0] == w[1] and w not in TIME_OF_DAY:
            w = w[0]                         # 洗洗 -> 洗, 黄黄 -> 黄 (天天 is a time)
        if len(w) == 2 and w[1] in "着了" and w[0] not in stop:
            w = w[0]                         # 挂着 -> 挂, 化了 -> 化
        if len(w) == 2 and w[0] in ADVERBS and w[1] in stop:
            continue                         # 还给 (还给留吗), 能吃: how it is asked
        if not w or w in stop or LATIN_DROPPED.fullmatch(w) or QUANTITY.fullmatch(w):
            continue
        if len(w) == 2 and w[1] in "多少大小高低长短" and w[0] not in stop:
            w = w[0]                       # 刺多 -> 刺: the answer may say 少
        elif len(w) == 2 and w[1] == "里" and w[0] not in stop and w not in TIME_OF_DAY:
            w = w[0]                       # 村里 -> 村: the place, not the preposition
        out.append(w)
    return out


def _residual(rest: str) -> list[list[str]]:
    parts = rest.split("还是")
    if len(parts) == 2:                    # A还是B: either word found answers it
        both = _words(parts[0])[-1:] + _words(parts[1])[:1]
        others = _words(parts[0])[:-1] + _words(parts[1])[1:]
        return ([both] if both else []) + [[w] for w in others]
    return [[w] for w in _words(rest)]


def unglued(residual: list[list[str]], corpus: str) -> list[list[str]]:
    """A word jieba glued to the modal after it (水能 of 水能浇花吗, 老鼠会 of 老鼠会咬吗, 放行 of 放行不) that the
    knowledge never says, while it says the word before the modal: that word is what was asked about."""
    glued = guard("glued_modal")
    out = []
    for g in residual:
        stems = [(w, w[:m.start()] if (m := glued.search(w)) else "") for w in g]
        out.append([s if s and not word_in(w, corpus) and word_in(s, corpus) else w for w, s in stems])
    return out


def coverage(residual: list[list[str]], text: str, unknown: frozenset[str] | set[str] = frozenset(),
             extra: str = "", solo: str | None = None, plain: bool = False, half: bool = True,
             negated: frozenset[str] = frozenset()) -> float:
    """Share of the residual word groups found in ``text`` (or, words of two characters or more, in
    ``extra``: the next sentence). Longer words weigh more, and words the knowledge never uses
    (``unknown``) half as much again: they are most likely what it cannot answer. ``solo``: ``text``
    without any product's names, where a one-character word must be found (生 is not in 花生油).
    ``plain``: a word only said negated does not count (切开的能放几天 is not answered by 没切开的……), and a
    word the question says negated (``negated``: 没开封的) counts only said negated;
    ``half``: a word sharing one character counts half, except a word for a person by any but the person itself
    (小孩能戴吗 is not half said by 4 个小时; 老人 is by 家里人)."""
    if not residual:
        return 1.0

    def weight(g: list[str]) -> float:
        return max(len(w) for w in g) * (1.5 if all(w in unknown for w in g) else 1.0)

    stop = lexicon().stopwords
    singles = frozenset(w for g in residual for w in g if len(w) == 1)
    total = sum(weight(g) for g in residual)
    found = 0.0
    for g in residual:
        if any((word_in(w, text) and (len(w) > 1 or _one_said(w, text, solo, singles))
                and (not plain or _as_asked(w, text, negated)))
               or (extra and len(w) > 1 and word_in(w, extra)) or (plain and condition_said(w, w in negated, text))
               for w in g):
            found += weight(g)
        elif half and not all(guard("person").fullmatch(w) and w[-1] not in text for w in g) and any(
                len(w) == 2 and (not plain or _as_asked(w, text, negated)) and
                any(ch in text for ch in w if ch not in stop) for w in g):
            found += 0.5 * weight(g)     # 爆炒 / 快炒, 超过 / 超出: half a match
    return found / total


def condition_said(word: str, negated: bool, text: str) -> bool:
    """A condition word of the question (没开封) is said by another word of that condition (保质期)."""
    asked = conditions(("没" if negated else "") + word)
    if not asked:
        return False
    said = conditions(text)
    return any(len(cs) == 1 and cs <= said.get(g, frozenset()) for g, cs in asked.items())


def _one_said(ch: str, text: str, solo: str | None, singles: frozenset[str]) -> bool:
    """A one-character word is said by another word for it (宰: 杀), or by itself where no product's name
    (``solo``: 生 is not in 花生油) nor a longer word (干燥剂) hides it."""
    if any(alt in text for alt in lexicon().thesaurus.get(ch, ())):
        return True
    return ch in (solo if solo is not None else text) and ch not in hidden_chars(text, singles)


@cut_cache
@functools.lru_cache(maxsize=16384)
def hidden_chars(text: str, asked: frozenset[str] = frozenset()) -> frozenset[str]:
    """The characters ``text`` says only inside a longer word (干 in 干燥剂, 高 in 高筋粉), a place's name (海 in
    威海) or a time of day (下 in 下午): a question's one-character word (蔓越莓干, 热量高不, 哪天下的) is not said by them. A word
    with other characters ``asked`` is the question's own word read a character at a time (云闪付, 老舒家); the
    last character of a compound is what it names (蜂 of 中华蜂)."""
    stop = lexicon().stopwords
    free: set[str] = set()
    bound: set[str] = set()
    places = {ch for m in lexicon().place_re.finditer(text) for ch in m.group(0)}   # 海 of 威海: a place name
    text = lexicon().place_re.sub(" ", text) if places else text
    text = re.sub(r"(\d\s*[天年月日号点岁])", r"\1 ", text)   # 28 天生一次: the unit closes its number (no 天生)
    for w in tokenizer().lcut(text):
        for ch in w:
            others = {x for x in w if x != ch and x not in stop}
            # a compound's last character is what it is (中华蜂 is a 蜂, 有点咸 is 咸): only a modifier is hidden
            hides = w in TIME_OF_DAY or w in lexicon().opaque or (len(w) >= 3 and not w.endswith(ch) and others and not others & asked)
            (bound if hides else free).add(ch)
    return frozenset((bound | places) - free)


def _as_asked(word: str, text: str, negated: frozenset[str]) -> bool:
    """``word`` is said in ``text`` as the question says it: somewhere not negated, or, when the question
    negates it (没切的), somewhere negated. A single character is checked only when the question negates it."""
    if (len(word) == 1 and word not in negated) or word not in text:
        return True
    if word not in negated and any(window_forbidden(text, m.start()) for m in re.finditer(re.escape(word), text)):
        return True   # 24 小时内别洗车 says when it may be washed: after (打完多久能洗车)
    return said(word, text, word in negated)


def asked_said(word: str, text: str) -> bool:
    """``text`` says a word asked: a word by ``word_in``, a single character by itself (车 in 放车里)."""
    return word_in(word, text) if len(word) > 1 else word in text


def word_in(word: str, text: str) -> bool:
    """``付现金`` is found by ``现金``; ``积分`` by ``积 1 分``; ``typec`` by ``Type-C``; otherwise the word itself."""
    if word.isascii() and word.isalpha():
        return word.lower() in re.sub(r"[\s_-]", "", text).lower()
    if word.isascii() and word.isalnum():   # 60v by 60V, as a whole (48v20 is not said by 48V20Ah)
        return re.search(rf"(?<![a-z0-9.]){re.escape(word.lower())}(?![a-z0-9])", text.lower()) is not None
    if word in text or any(alt in text for alt in lexicon().thesaurus.get(word, ())):
        return True
    if word[:1].isdigit() and (word.replace(" ", "") in re.sub(r"\s+", "", text) or _threshold_said(word, text)):
        return True   # 1.5米 is said by 1.5 米床; 3.5米 by 超过 2.8 米的
    if any(a in text for a in one_of(word)):
        return True   # 一个班 is said 一班 (一班6人以内)
    if len(word) >= 3:  # the head of a compound: 付现金 -> 现金 (never 开发票 -> 开发); a shorter one only when what
        # it drops is a listed word itself (送货上门 by 上门; 分期付款 is not said by 付款, 以旧换新 not by 换新)
        # (皮沙发 is not said by 沙发 without 皮: a material names a kind of the thing)
        return word[1:] in text and (word[0] in text or not guard("material_kind").match(word)) or any(
            word[i:] in text for i in range(2, len(word) - 1) if word[:i] in lexicon().vocabulary)
    if len(word) == 2:
        if word[0] in "一每" and "一每".replace(word[0], "") + word[1] in text:
            return True   # 一天 / 每天, 每次 / 一次: per day said either way
        return re.search(re.escape(word[0]) + r".{0,3}" + re.escape(word[1]), text) is not None
    return False


def _threshold_said(word: str, text: str) -> bool:
    """A size with its unit (3.5米) is said by a threshold of the same unit that holds it (超过 2.8 米的, 2 米以内)."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([^\d\s.]{1,2})", word)
    if m is None:
        return False
    v, unit = float(m.group(1)), re.escape(m.group(2))
    above = rf"(?:超过|超出|大于|多于)\s*(\d+(?:\.\d+)?)\s*{unit}|(\d+(?:\.\d+)?)\s*{unit}\s*(?:以上|及以上)"
    below = rf"(?:不到|小于|不超过|少于)\s*(\d+(?:\.\d+)?)\s*{unit}|(\d+(?:\.\d+)?)\s*{unit}\s*(?:以下|以内|之内)"
    return any(v > float(t.group(1) or t.group(2)) for t in re.finditer(above, text)) or \
        any(v < float(t.group(1) or t.group(2)) for t in re.finditer(below, text))


# 不放油, 没加糖, 无糖: a thing not used (不甜 is a taste: 甜的咸的 is answered by it)
DENIAL = re.compile(r"(?:(?:没有|没|不|别|未)(?:放|加|用|含|添加)|不用|无)$")


def denied_out(text: str, q: Question) -> str:
    """``text`` without the question's words it says only denied (平底锅不放油): it does not say what oil is used.
    (A yes/no question is answered by the denial: 放糖吗 by 不加糖.)"""
    for w in {w for g in q.residual for w in g if w not in q.negated}:
        at = [m.start() for m in re.finditer(re.escape(w), text)]
        if at and all(DENIAL.search(text[max(0, i - 4):i]) for i in at):
            text = text.replace(w, " ")
    return text
