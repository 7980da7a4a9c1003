"""Conditions a question binds its value to, and whether a passage states the value under that condition.

- An amount that names a condition (``4 斤的猫``, ``3 个月大的狗``, ``大狗（40 斤以上）``) is told apart from
  the value asked: ``4 斤的猫一天喂多少克`` is not answered by ``4 公斤的猫一天喂 60 克`` (8 斤), nor
  ``10 斤的小狗几粒`` by ``大狗（40 斤以上）一天 2 粒``. Units are converted (斤/公斤/克, 个月/岁).
- A time is told of an event (直播, 自提, 到货, 生产 ...): ``几点直播`` is not answered by ``下单后第二天
  9:00-20:00 到店自提``, a time of another event.
- Exclusive conditions (冷藏/冷冻/常温, 开封前/后) are bound per sentence: in ``没开封的常温放 1 个月。开封以后
  放冰箱冷藏 3 个月`` no sentence speaks of 没开封 + 冰箱.

The word lists are data: ``lexicon/words.yaml`` (``condition_units``, ``events``, ``contrasts``).
"""

from __future__ import annotations

import functools
import re

from copilot.base.zhnum import zh_to_number
from copilot.knowledge.binding import CLAUSE, SENTENCE
from copilot.knowledge.kinds import conditions, said_conditions, value_spans
from copilot.knowledge.sizes import asked_sizes, same_measure, stated_sizes
from copilot.knowledge.text import COMPOUND, decimal_lengths
from copilot.knowledge.wordlists import lexicon

NUM = r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百半]+)"
RANGE = NUM + r"(?:\s*(?:-|–|—|~|～|到|至)\s*" + NUM + r")?"
TIME_KINDS = ("clock", "day", "time")
# CLAUSE without the break at a clock's colon: 早上 8:30 开门 is one clause, whose condition is its own
CLOCK_CLAUSE = re.compile(r"[，,。！？!?；;\n]|(?<!\d)[：:]|[：:](?!\d)|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    table = lexicon().condition_units

    def alts(names) -> str:
        return "|".join(re.escape(u) for u in sorted(names, key=len, reverse=True)) or "(?!)"

    units, always = alts(table), alts(u for u, (_d, _b, a) in table.items() if a)
    holders = alts(lexicon().condition_holders)
    # 一岁半 / 1公斤那么大的 / 10个月宝宝: the amount, a half after its unit, then what it is of
    asked = re.compile(NUM + rf"\s*(?:({units})(半?)\s*大?\s*(?=以上|以下|以内|之内|左右的|{holders})|({always})(半?))")
    # 小孩（3-6 岁）, 整块（500 克）, 约 60 克一块: an amount stated as the row's condition
    stated = re.compile(RANGE + rf"\s*(?:({units})\s*(?:左右)?\s*(?:及|或)?\s*(以上|以下|以内|之内|的|[）)]|"
                                rf"(?=一[块个只条根片段]))|({always})\s*(?:及|或)?\s*(以上|以下)?)")
    return asked, stated


@functools.lru_cache(maxsize=1)
def _led() -> re.Pattern:
    """An amount a comparison word leads (超过 30 公斤的走物流, 不到 5 斤): a bound, not the amount itself."""
    units = "|".join(re.escape(u) for u in sorted(_led_units(), key=len, reverse=True)) or "(?!)"
    lead = f"(?:{lexicon().guards['bound_below'].pattern})|(?:{lexicon().guards['bound_above'].pattern})"
    return re.compile(f"({lead})" + r"\s*" + RANGE + rf"\s*({units})")


@functools.lru_cache(maxsize=1)
def _led_units() -> dict:
    """The units an amount led by a comparison word may carry: a condition's (30 公斤) or a size's (超过 1.5 平米的)."""
    return {**lexicon().span_units, **lexicon().condition_units}


def _led_amounts(text: str) -> list[tuple[int, int, str, float, float]]:
    """(start, end, what it measures, low, high) of each amount led by a comparison word."""
    out = []
    for m in _led().finditer(text):
        lo = _number(m.group(2))
        if lo is None:
            continue
        dim, base = _led_units()[m.group(4)][:2]
        below = lexicon().guards["bound_below"].fullmatch(m.group(1)) is not None
        out.append((m.start(), m.end(), dim, 0.0 if below else lo * base, lo * base if below else float("inf")))
    return out


ZH_DIGITS = "一两三四五六七八九"


def _number(s: str) -> float | None:
    """``s`` as a number; two neighbouring numerals (两三, 四五) say about that many: the larger."""
    try:
        return float(s)
    except ValueError:
        pass
    if len(s) == 2 and all(ch in ZH_DIGITS for ch in s) and ZH_DIGITS.index(s[1]) - ZH_DIGITS.index(s[0]) == 1:
        return zh_to_number(s[1])
    return zh_to_number(s)


def asked_amounts(question: str) -> list[tuple[str, float]]:
    """(what it measures, size in the base unit) of each amount the question names as a condition."""
    text = decimal_lengths(lexicon().fix_typos(question))
    sizes = asked_sizes(text)
    out = [(dim, v) for _s, _e, dim, v in sizes]
    for m in _patterns()[0].finditer(text):
        if any(s <= m.start() < e for s, e, _d, _v in sizes):
            continue
        n = _number(m.group(1))
        dim, base, _a = lexicon().condition_units[m.group(2) or m.group(4)]
        if n is not None:
            out.append((dim, (n + (0.5 if m.group(3) or m.group(5) else 0)) * base))
    return out


def amount_texts(question: str) -> list[str]:
    """The amounts the question names as its condition, as said (两岁, 10个月, 一岁半): its words there are
    said by a row stated for that amount (1-3 岁, 1 岁以下)."""
    text = decimal_lengths(lexicon().fix_typos(question))
    sizes = asked_sizes(text)
    return [text[s:e] for s, e, _d, _v in sizes] + \
        [m.group(0) for m in _patterns()[0].finditer(text) if not any(s <= m.start() < e for s, e, _d, _v in sizes)]


def stated_amounts(text: str) -> list[tuple[str, float, float]]:
    """(what it measures, low, high) of each amount a passage names as a condition (以上: no upper bound)."""
    text = decimal_lengths(lexicon().fix_typos(text))
    sizes = stated_sizes(text)
    out = [(dim, lo, hi) for _s, _e, dim, lo, hi in sizes]
    led = _led_amounts(text)
    out += [(dim, lo, hi) for s, e, dim, lo, hi in led if not any(a <= s < b for a, b, *_r in sizes)]
    spans = unit_spans(text)
    out += [(dim, lo, hi) for _s, _e, dim, lo, hi in spans]
    sizes = [*sizes, *led, *spans]
    for m in _patterns()[1].finditer(text):
        if any(s <= m.start() < e for s, e, _d, _l, _h in sizes):
            continue
        lo, hi = _number(m.group(1)), _number(m.group(2)) if m.group(2) else None
        if lo is None:
            continue
        dim, base, _a = lexicon().condition_units[m.group(3) or m.group(5)]
        bound = m.group(4) or m.group(6)
        lo, hi = lo * base, (hi if hi is not None else lo) * base
        if bound == "以上":
            hi = float("inf")
        elif bound in ("以下", "以内", "之内"):
            lo = 0.0
        out.append((dim, lo, hi))
    return out


def unit_spans(text: str) -> list[tuple[int, int, str, float, float]]:
    """(start, end, what it measures, low, high) of each span said with its unit at both ends, a half after either
    (3岁半到12岁, 6个月到1岁): the span, not its first end alone."""
    table = lexicon().condition_units
    units = "|".join(re.escape(u) for u in sorted(table, key=len, reverse=True)) or "(?!)"
    out = []
    for m in re.finditer(NUM + rf"\s*({units})(半?)\s*(?:-|–|—|~|～|到|至)\s*" + NUM + rf"\s*({units})(半?)", text):
        lo, hi = _number(m.group(1)), _number(m.group(4))
        (dim, base, _a), (dim2, base2, _b) = table[m.group(2)], table[m.group(5)]
        if lo is None or hi is None or dim != dim2:
            continue
        out.append((m.start(), m.end(), dim, (lo + 0.5 * bool(m.group(3))) * base, (hi + 0.5 * bool(m.group(6))) * base2))
    return out


def amount_match(question: str, text: str) -> bool:
    """The passage states the value for the amount the question names (7 楼: 6 楼及以上)."""
    return amount_fit(question, text) > 0


def amount_fit(question: str, text: str) -> int:
    """How the passage's stated amounts hold the amount the question names: 2 inside a span (2.6 尺 in 2.5 到 2.8
    尺), 1 only at its edge (within 5%: 2.6 尺 by 2.2 到 2.5 尺), 0 not at all."""
    return _fit(asked_amounts(question), stated_amounts(text))


def _fit(asked: list[tuple[str, float]], stated: list[tuple[str, float, float]]) -> int:
    fits = [2 if lo <= v <= hi else 1 for dim, v in asked for d, lo, hi in stated
            if same_measure(d, dim) and lo * 0.95 <= v <= hi * 1.05]
    return max(fits, default=0)


def amount_words(question: str, text: str) -> list[str]:
    """The question's words a passage says by stating its value for the amount the question names (none when it
    states none for it): the amounts, converted and as worded (1.7 米, 一米七), and, with a span holding the viewer's
    own size (身高 165 到 175 厘米 for 一米七), the words that only frame choosing that row (穿, 戴, 屋子)."""
    stated = stated_amounts(text)
    if not _fit(asked_amounts(question), stated):
        return []
    fixed = lexicon().fix_typos(question)
    words = amount_texts(question) + [m.group(0) for m in COMPOUND.finditer(fixed)]
    if any(same_measure(d, dim) and lo <= v <= hi for _s, _e, dim, v in asked_sizes(decimal_lengths(fixed))
           for d, lo, hi in stated):
        words += [w for w in lexicon().size_framing if w in fixed]
    return words


def amount_clash(question: str, text: str) -> bool:
    """The question names a condition amount (4 斤的猫) and the passage states the value only for other
    amounts of the same measure (4 公斤的猫, 40 斤以上)."""
    asked = asked_amounts(question)
    if not asked:
        return False
    stated = stated_amounts(text)
    for dim, v in asked:
        same = [(lo, hi) for d, lo, hi in stated if same_measure(d, dim)]
        if same and not any(lo * 0.95 <= v <= hi * 1.05 for lo, hi in same):
            return True
    return False


def _event_words() -> list[tuple[str, int]]:
    return sorted(((w, g) for g, group in enumerate(lexicon().events) for w in group), key=lambda x: -len(x[0]))


def events_in(text: str) -> set[int]:
    """The events ``text`` names (the longest word wins: 送到摊位 is an arrival, not a delivery); an event word
    right before another one only qualifies it (直播下单 is an order, not the stream)."""
    fixed = lexicon().fix_typos(text)
    taken = [False] * len(fixed)
    found: list[tuple[int, int, int]] = []
    for w, g in _event_words():
        for m in re.finditer(re.escape(w), fixed):
            if not any(taken[m.start():m.end()]):
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
                found.append((m.start(), m.end(), g))
    starts = {s for s, _e, _g in found}
    return {g for s, e, g in found if e not in starts}


def event_head(section: str, key: str) -> str:
    """The heading that tells whose times a passage holds: its key when the key names an event (下单截止 under
    下单和取货 is the order's), else its section and key."""
    fix = lexicon().fix_typos
    return fix(key) if key and events_in(key) else fix(f"{section} {key}")


def event_clash(question: str, head: str, text: str, kind: str) -> bool:
    """A time question names an event (几点直播) and every time the passage holds is told of other events:
    the events of its clause (到店自提), or, with none there, of its sentence, or of its heading."""
    if kind not in TIME_KINDS:
        return False
    asked = events_in(question)
    if not asked:
        return False
    fixed = lexicon().fix_typos(text)
    spans = value_spans(kind, fixed)
    if not spans:
        return False
    head_events = events_in(head)
    if head_events & asked:
        return False
    for vs, _ve, _v in spans:
        named = events_in(_around(fixed, vs, CLAUSE)) or events_in(_around(fixed, vs, SENTENCE)) or head_events
        if not named or named & asked:
            return False
    return True


def _around(text: str, at: int, cut: re.Pattern) -> str:
    """The clause (or sentence) of ``text`` that holds position ``at``."""
    start = max((m.end() for m in cut.finditer(text, 0, at)), default=0)
    end = next((m.start() for m in cut.finditer(text, at)), len(text))
    return text[start:end]


def condition_clash(question: str, head: str, text: str, kind: str, units) -> bool:
    """Each value of the kind asked is stated under another condition than the question's (冷藏/冷冻/常温,
    开封前/后): the one its clause names, or the sentence before it, or its heading (``保质期`` heading
    ``十个月，开袋了半个月之内吃完``: 十个月 is the unopened shelf life)."""
    timed = []
    for sentence in SENTENCE.split(text):
        clauses = CLOCK_CLAUSE.split(sentence)
        for i, clause in enumerate(clauses):
            if value_spans(kind, clause, units):
                said = next((cl for cl in reversed(clauses[:i + 1]) if conditions(cl)), "")
                timed.append(said)
    return bool(timed) and all(_contrasted_under(question, head, s) for s in timed)


def _contrasted_under(question: str, head: str, sentence: str) -> bool:
    """``contrasted`` for a sentence read with its heading, the sentence deciding each group of conditions
    it names itself: under ``要冷冻吗？`` the sentence ``没开封的冷藏能放 6 个月`` speaks of 冷藏, not 冷冻."""
    asked = conditions(question)
    said = {**conditions(head), **said_conditions(sentence)}
    return any(len(cs) == 1 and g in said and not cs & said[g] for g, cs in asked.items())


AFTER_ASKED = re.compile(r"(?:过了|超过|晚于)\s*(\d{1,2})\s*(?:[:：]\d{2}|点)|(\d{1,2})\s*(?:[:：]\d{2}|点半?)\s*(?:以后|之后|过后|后)")
AFTER_STATED = re.compile(r"(?:过了|超过|晚于|过)\s*(\d{1,2})\s*(?:[:：]\d{2}|点)|(\d{1,2})\s*(?:[:：]\d{2}|点半?)\s*(?:以后|之后|过后|后)")


def _after_hours(text: str, rx: re.Pattern) -> set[int]:
    return {int(a or b) % 12 for a, b in rx.findall(lexicon().fix_typos(text))}


def after_clash(question: str, text: str) -> bool:
    """The question asks about after a time of day (7点以后没去拿, 过了8点) and the passage tells times but
    none as "after it" (超过 19:00, 19:00 以后): ``16:00-19:00 自提`` says nothing of after 7."""
    asked = _after_hours(question, AFTER_ASKED)
    if not asked or not value_spans("clock", lexicon().fix_typos(text)):
        return False
    return not asked & _after_hours(text, AFTER_STATED)


def after_match(question: str, text: str) -> bool:
    """The passage says what happens after the time the question asks about (超过 19:00 for 7点以后)."""
    return bool(_after_hours(question, AFTER_ASKED) & _after_hours(text, AFTER_STATED))


def conditioned_clause(question: str, text: str, kind: str, units=None) -> str:
    """The clause of ``text`` that states the value asked under the question's condition (冷冻能放 3 个月 of
    ``冷藏 2 天，冷冻 3 个月`` for 冷冻能放多久), or "" when the question names none or no clause fits."""
    asked = conditions(question)
    if not asked:
        return ""
    fixed = lexicon().fix_typos(text)
    for clause in CLAUSE.split(fixed):
        said = conditions(clause)
        if value_spans(kind, clause, units) and any(g in said and cs <= said[g] for g, cs in asked.items()):
            return clause
    return ""
