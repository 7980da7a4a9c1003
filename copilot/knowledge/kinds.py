"""Typing of questions and passages with the word lists of ``lexicon/``: the kind of value a question
asks for (duration, count, weight, time, place, method, yes/no, price, who), the aspects a passage
speaks of (from its heading, its key and its own words) and the kinds of value it holds.

    question_kind("酸奶保质期多久")                       -> "duration"
    passage_type("储存", "保质期", "21 天，冷藏").values   -> {"duration"}
    values_of("duration", "冷藏放 2 天，冷冻能放 3 个月")   -> ["2 天", "3 个月"]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from copilot.knowledge.quantities import in_units
from copilot.knowledge.wordlists import cut_cache, lexicon


@dataclass(frozen=True)
class PassageType:
    aspects: frozenset[str]        # every aspect the passage speaks of
    head: frozenset[str]           # the aspects its heading or key name (the strongest evidence)
    values: frozenset[str]         # the kinds of value it holds


def strict(kind: str) -> bool:
    k = lexicon().kinds.get(kind)
    return bool(k and k.strict)


def kind_label(kind: str) -> str:
    k = lexicon().kinds.get(kind)
    return k.label if k else ""


def aspect_label(aspect: str) -> str:
    a = lexicon().aspects.get(aspect)
    return a.label if a else aspect


def question_kind(text: str) -> str:
    """The kind of value ``text`` (a cleaned question without product names) asks for, or ""."""
    fixed = lexicon().fix_typos(text)
    for key, kind in lexicon().kinds.items():
        if kind.ask.search(fixed) or kind.ask.search(text):
            return key
    return ""


BARE = re.compile(r"约|大约|左右|以上|以下|不少于|不低于|不小于|最少|至少|[≥≤><=±~～\s，,.（）()]")


def bare_value(kind: str, units, c) -> bool:
    """A bullet or table row (``c``) whose text is a value of ``kind`` and nothing else (约 6.2 kg, ≥30 min):
    its key names what the value measures."""
    if c.layout not in ("bullet", "table") or not c.key:
        return False
    rest = c.text
    for v in sorted(values_of(kind, c.text, units), key=len, reverse=True):
        rest = rest.replace(v, " ")
    return rest != c.text and not re.search(r"[\u4e00-\u9fffA-Za-z\d]", BARE.sub("", rest))


def same_cue(kind: str, key: str, question: str) -> bool:
    """A Q&A pair's question (``key``) asks the value of ``kind`` by the very cue the question does (多重？ for
    水晶摆台多重, not 多大？ though both ask a weight or size)."""
    k = lexicon().kinds.get(kind)
    if not (k and k.strict and key):
        return False
    mine, asked = k.ask.search(lexicon().fix_typos(key)), k.ask.search(question)
    return bool(mine and asked and mine.group(0) == asked.group(0))


@cut_cache
@functools.lru_cache(maxsize=4096)
def heading_aspects(heading: str) -> frozenset[str]:
    """The aspects a heading, bullet key, table cell or Q&A question names (``咋放`` -> storage)."""
    if not heading:
        return frozenset()
    text = lexicon().fix_typos(heading)
    return frozenset(key for key, a in lexicon().aspects.items()
                     if any(w in text for w in a.heading) or any(w in text for w in a.ask))


def text_aspects(text: str) -> frozenset[str]:
    lex = lexicon()
    fixed = lex.fix_typos(text)
    bare = fixed     # 酸性 (acidic) says nothing of a sour taste: a compound's characters do not count alone
    for w in lex.opaque:
        bare = bare.replace(w, "\0" * len(w))
    return frozenset(key for key, a in lex.aspects.items()
                     if any(w in bare or (w in lex.opaque and w in fixed) for w in a.passage))


@cut_cache
@functools.lru_cache(maxsize=65536)
def conditions(text: str) -> dict[int, frozenset[int]]:
    """The conditions ``text`` names, per group of ``lexicon().contrasts`` (冷冻 -> {0: {0}})."""
    fixed = lexicon().fix_typos(text)
    out: dict[int, frozenset[int]] = {}
    for g, group in enumerate(lexicon().contrasts):
        taken = [False] * len(fixed)    # the longest word says it: 冰箱冷冻 is frozen, not the fridge's 冷藏
        for w in lexicon().opaque:      # 冻干 (freeze-dried) says nothing of the freezer
            for m in re.finditer(re.escape(w), fixed):
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
        named = set()
        for w, c in sorted(((w, c) for c, words in enumerate(group) for w in words), key=lambda x: -len(x[0])):
            for m in re.finditer(re.escape(w), fixed):
                if any(taken[m.start():m.end()]):
                    continue
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
                if _said(w, fixed[max(0, m.start() - 1):m.end()]):
                    named.add(c)
        if named:
            out[g] = frozenset(named)
    return out


def _said(word: str, text: str) -> bool:
    """``word`` is in ``text`` and not negated there (没开封 does not say 开封), unless it says the negation."""
    return any(i == 0 or text[i - 1] not in "没不未别" for i in
               (m.start() for m in re.finditer(re.escape(word), text)))


def contrasted(question: str, passage: str, yesno: bool = False) -> bool:
    """The question names one condition of a group (能冷冻吗, 几点关门) and the passage only others of it
    (冷藏 3 天, 7 点开门): the passage speaks of another condition, it is no answer. A yes/no is answered, though,
    by a passage that denies the condition asked (不水洗) or allows only another (只干洗, 只能冷藏): that is its no."""
    asked = conditions(question)
    if not asked:
        return False
    said = said_conditions(passage)
    return any(len(cs) == 1 and g in said and not cs & said[g] and not (yesno and _denied(g, cs, passage))
               for g, cs in asked.items())


def _denied(g: int, asked: frozenset[int], passage: str) -> bool:
    """``passage`` says a word of the condition asked negated (不水洗) or only another condition of the group
    (只干洗)."""
    group, text = lexicon().contrasts[g], lexicon().fix_typos(passage)
    mine = [w for c in asked for w in group[c]]
    others = [w for c, words in enumerate(group) if c not in asked for w in words]
    denials = (m.group(0) for w in mine for m in re.finditer(f"[不没别未](?:能|可以|要)?{re.escape(w)}", text))
    return any(not any(d in o or o in d for o in others) for d in denials) or \
        any(re.search(f"只(?:能|可以)?{re.escape(w)}", text) for w in others)   # (没拆封 names the other condition)


def said_conditions(text: str) -> dict[int, frozenset[int]]:
    """``conditions`` of ``text``, a group it names widened by what its 24-hour clocks say (``clock_said``):
    ``9:00-21:00，周二中午前不开门`` speaks of the evening and of closing too. A clock never names a group the
    words do not (次日 15:00-20:00 still answers 明天上午能去拿不: the hours are the answer), but a span of hours
    in words (早上九点到晚上八点) says both when it opens and when it closes, under any heading (开门时间)."""
    said, more = conditions(text), conditions(clock_said(text))
    spans = conditions("开门 关门") if WORD_CLOCK_RANGE.search(text) else {}
    return {**spans, **{g: cs | more.get(g, frozenset()) for g, cs in said.items()}}


CLOCK = r"(?<![\d.])([01]?\d|2[0-4])\s*[:：]\s*[0-5]\d"
CLOCK_RANGE = re.compile(CLOCK + r"\s*(?:-|–|—|~|～|到|至)\s*" + CLOCK)
WORD_CLOCK = r"(?:早上|上午|中午|下午|傍晚|晚上)?\s*(?:[一二两三四五六七八九十]{1,3}|\d{1,2})\s*点半?"
WORD_CLOCK_RANGE = re.compile(WORD_CLOCK + r"\s*(?:-|–|—|~|～|到|至)\s*" + WORD_CLOCK)   # 早上九点到晚上八点
DAYPARTS = ((0, 5, "凌晨"), (5, 11, "上午"), (11, 13, "中午"), (13, 18, "下午"), (18, 25, "晚上"))


def clock_said(text: str) -> str:
    """``text`` with the words its 24-hour clocks say unwritten: 20:00 is in the evening (晚上), and a span
    (9:00-21:00) opens and closes (开门, 关门) and covers each time of day between its ends."""
    extra = [w for m in re.finditer(CLOCK, text) for lo, hi, w in DAYPARTS if lo <= int(m.group(1)) < hi]
    for m in CLOCK_RANGE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        extra += ["开门", "关门", *(w for lo, hi, w in DAYPARTS if a < hi and lo <= b)] if a < b else []
    extra += ["开门", "关门"] if WORD_CLOCK_RANGE.search(text) else []   # 早上九点到晚上八点 opens and closes too
    return f"{text} {' '.join(extra)}" if extra else text


LISTED = re.compile(r"[^、，,。；;：:\s]{1,8}、[^、，,。；;：:\s]{1,8}、[^、，,。；;：:\s]{1,8}")   # three items or more
MARKERS = ("产自", "来自", "产于", "印在", "贴在")   # say a place follows; not the place itself


def values_of(kind: str, text: str, units: frozenset[str] | None = None) -> list[str]:
    """The values of ``kind`` stated in ``text`` (``21 天``, ``老杨``, ``海南``); with ``units``, only those
    in one of them (``80 度`` for 多少度, not ``3 次``)."""
    return [v for _s, _e, v in _value_spans(kind, text) if units is None or in_units(v, units)]


def only_asked_values(kind: str, text: str, question: str, units: frozenset[str] | None = None) -> bool:
    """True when ``text`` states values of ``kind`` and each is one the question states itself: 早上 answers
    no 早上几点 (早上 7 点 does: 7 点 is new); only a question that asks the kind by its cue (几点)."""
    k = lexicon().kinds.get(kind)
    if k is None or k.ask is None or not k.ask.search(lexicon().fix_typos(question)):
        return False   # 晚上打吵不吵 asks no time: its 晚上 is the case asked of
    said = {v.replace(" ", "") for v in values_of(kind, question, units)}
    found = [v.replace(" ", "") for v in values_of(kind, text, units)]
    return bool(said and found) and all(v in said for v in found)


def _keyed_cues(k, text: str) -> list[str]:
    """Each cue of kind ``k`` the question asks by, with the two characters before it (纸多厚: the thing before the
    cue may key it)."""
    fixed = lexicon().fix_typos(text)
    return [fixed[max(0, m.start() - 2):m.start()] + m.group(0) for m in k.ask.finditer(fixed)]


def asked_units(kind: str, text: str) -> frozenset[str] | None:
    """The units a question that names its unit wants (几根 -> 根 条 支, 多少年 -> 年), or None: any unit of
    the kind (几个, 多大, 多久)."""
    k = lexicon().kinds.get(kind)
    if k is None or not k.units:
        return None
    found: set[str] = set()
    for cue in _keyed_cues(k, text):
        units = next((us for key, us in k.units if cue.endswith(key)), None)
        if units is None:
            return None
        found.update(units)
    return frozenset(found) or None


def asked_dimension(kind: str, text: str) -> tuple[str, ...]:
    """The words that say the one dimension a size question asks (多厚 -> 厚, 多高 -> 高 海拔), or (): any value
    in its units answers (多长, 多重, and 多厚几克的, which asks a weight too)."""
    k = lexicon().kinds.get(kind)
    if k is None or not k.dimensions:
        return ()
    words: list[str] = []
    for cue in _keyed_cues(k, text):
        said = next((ws for key, ws in k.dimensions if cue.endswith(key)), None)
        if said is None:
            return ()
        words += said
    return tuple(words)


def asked_other_dimensions(kind: str, text: str) -> tuple[str, tuple[str, ...]] | None:
    """(the dimension a size question asks, the words of the other dimensions) when a value is answered unless
    said of another one (多长 -> 长, 直径 宽 厚 高 ...), or None: every cue of the question is such a dimension's."""
    k = lexicon().kinds.get(kind)
    if k is None or not k.other_dimensions:
        return None
    cues = [m.group(0) for m in k.ask.finditer(lexicon().fix_typos(text))]
    found = [next(((key, ws) for key, ws in k.other_dimensions if c.endswith(key)), None) for c in cues]
    return found[0] if found and all(f is not None and f == found[0] for f in found) else None


def shown_values(kind: str, text: str) -> list[str]:
    """The values as the assistant reads them: touching matches joined (海南 + 乐东 -> 海南乐东), the
    words that only announce a value (产自) left out."""
    out: list[list] = []
    for s, e, _v in _value_spans(kind, text):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    fixed = lexicon().fix_typos(text)
    values = [fixed[s:e].strip() for s, e in out]
    for m in MARKERS:
        values = [v[len(m):].strip() if v.startswith(m) else v for v in values]
    return [v for v in values if v]


def value_spans(kind: str, text: str, units: frozenset[str] | None = None) -> list[tuple[int, int, str]]:
    """(start, end, value) of the values of ``kind`` in ``fix_typos(text)`` (in the units asked, if any)."""
    return [sp for sp in _value_spans(kind, text) if units is None or in_units(sp[2], units)]


def _value_spans(kind: str, text: str) -> list[tuple[int, int, str]]:
    lex = lexicon()
    k = lex.kinds.get(kind)
    if k is None:
        return []
    fixed = lex.fix_typos(text)
    found = [(m.start(), m.end(), m.group(0)) for m in k.value.finditer(fixed)] if k.value is not None else []
    if kind == "place":   # 开封 of 开了封一个月内用完 is a state, not the city: such a place after 产自 / 来自 only
        states = _state_words(lex)
        found += [(m.start(), m.end(), m.group(0)) for m in lex.place_re.finditer(fixed)
                  if m.group(0) not in states or fixed[:m.start()].rstrip().endswith(MARKERS)]
    return sorted(f for f in found if f[2].strip())


@functools.lru_cache(maxsize=4)
def _state_words(lex) -> frozenset[str]:
    """Words the aspects use (开封, 冷藏 ...): a place named by one of them is said as a place only after a marker."""
    return frozenset(w for a in lex.aspects.values() for w in (*a.ask, *a.hint, *a.heading, *a.passage))


@cut_cache
@functools.lru_cache(maxsize=65536)
def passage_type(section: str, key: str, text: str) -> PassageType:
    lex = lexicon()
    head = heading_aspects(section) | heading_aspects(key)
    aspects = head | text_aspects(text)
    values = {kind for kind in lex.kinds if values_of(kind, text)}
    fixed_key = lex.fix_typos(key)
    values |= {kind for kind, k in lex.kinds.items() if k.keys and fixed_key and any(w in fixed_key for w in k.keys)
               and kind in ("who", "place")}
    if "ingredients" in lex.aspects and LISTED.search(text) and any(w in fixed_key or w in section
                                                                     for w in lex.materials):
        aspects |= {"ingredients"}       # 原料：牛肝菌、鸡枞、茶树菇 lists what it is made of
    if "aftersales" in lex.aspects and lex.guards["warranty_term"].search(lex.fix_typos(text)):
        aspects |= {"aftersales"}        # 换好的鞋跟保3个月: a warranty's term
    if values & {"who", "place"} and "origin" in lex.aspects and (not head or head & {"origin", "ingredients"}):
        aspects |= {"origin"}            # naming a place or a supplier is what an origin passage does (under
        #                                  a heading of another aspect, 坏了找阿强 names who to ask, not the source;
        #                                  under 啥做的, 绿豆是白城的 is where what it is made of comes from)
    return PassageType(aspects=frozenset(aspects), head=frozenset(head), values=frozenset(values))
