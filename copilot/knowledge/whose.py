"""Whose value a passage states, and the terms a question names that its answer must say.

- A value of the kind asked may be another thing's: 上了 5 斤的大青鱼 weighs the fish, not the rod (a value
  followed by 的 and a noun is that noun's, unless the question names it); 我们拿货三年了 is how long the shop has
  stocked it, not how long it lasts (an elapsed duration); 挂 5 公斤 / 能装 30 斤 is the load it bears, no weight of
  its own (unless that load is asked: 能挂多重); 质保一年 / 一年内拿来换 is what the shop promises, not
  how long the product is used (a value told in an after-sales clause answers only an after-sales question);
  第二天早上 5:30 is a moment, not how long an order is kept.
- A term with a meaning of its own (保质期, 保修, 颜色) is said by the answer, or by a word for it: a return window
  is no warranty, how long one fill is used is no shelf life, 兑出来 2 升 no colour.

The patterns are data (``guards.yaml``: ``of_noun``, ``elapsed``, ``asks_elapsed``, ``clock_after``,
``after_sales_clause``, ``term_*`` / ``said_*``).
"""

from __future__ import annotations

import functools
import re

from copilot.knowledge.kinds import strict, value_spans
from copilot.knowledge.question import Question, guard
from copilot.knowledge.wordlists import lexicon

CLAUSE = re.compile(r"[，,。！？!?；;\n]|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")   # (voice-typed: spaces)
SENTENCE = re.compile(r"[。！？!?；;\n]")
NUMERIC = ("duration", "count", "weight", "amount", "clock", "day", "time")


def others_values(q: Question, text: str) -> bool:
    """Every value of the (strict) kind asked in ``text`` is another thing's than what was asked."""
    if not strict(q.kind):
        return False
    fixed = lexicon().fix_typos(text)
    spans = value_spans(q.kind, fixed, q.units)
    return bool(spans) and all(_another(q, fixed, s, e) for s, e, _v in spans)


def _another(q: Question, text: str, start: int, end: int) -> bool:
    after = text[end:end + 12]
    m = guard("of_noun").search(after)
    if q.kind == "weight" and guard("asks_borne").search(q.unnamed):
        return not _said_as_load(text, start, end)   # 能坐多重的人: 整把重 1.1kg is its own weight, no load
    if q.kind == "weight" and guard("asks_capacity").search(q.unnamed):
        return bool(guard("own_weight").search(text[:start]))   # 能撑多重 is not answered by 重量 0.9 公斤;
        #                                     能装多重 is by 放 10 斤以内的东西: what it holds
    if q.kind == "weight" and (guard("capacity").search(text[:start]) or guard("bears").search(text[:start])):
        return True       # 一个衣架多重 is not answered by 一个衣架挂 5 公斤以内: the load it bears
    if m and q.kind in ("weight", "size") and not q.measure:
        if not any(ch in q.unnamed for ch in m.group(1)):   # (能装多少斤鱼 names the 鱼 of 20 斤左右的鱼)
            return True   # 5 斤的大青鱼 for 竿子多重
    if q.kind == "duration" and guard("elapsed").search(after) and not guard("asks_elapsed").search(q.unnamed):
        return True       # 拿货三年了 for 能用几年
    if q.kind == "duration" and guard("clock_after").search(after) and not re.search(r"[到至]\s*$", text[:start]):
        return True       # 第二天早上 5:30 以后到店拿 for 留几天 (留到第二天中午 12 点 is how long)
    if q.kind in ("clock", "time") and guard("deadline_after").search(after) and \
            guard("asks_arrival").search(q.unnamed) and not guard("asks_deadline").search(q.unnamed):
        return True       # 下午 4 点前下的单当天送 for 送货几点能送到 (the order's deadline, not the arrival)
    if q.kind == "weight" and guard("pressure_clause").search(text[slice(*_clause(text, start, end))]):
        return True       # 打到 2.5 公斤 (a tyre's pressure) for 轮胎多重
    aspects = lexicon().aspects   # (a question of the shop's rules, 几天不去拿, may be answered by one: 3 天没来取的退款)
    if q.kind in NUMERIC and "aftersales" not in q.soft and \
            all(a in aspects and aspects[a].scope == "product" for a in q.topics) and \
            not guard("term_warranty").search(lexicon().fix_typos(q.text)):
        a, b = _clause(text, start, end)
        if guard("after_sales_clause").search(text[a:b]):
            return True   # 质保一年 for 能用几年
    return False


def _said_as_load(text: str, start: int, end: int) -> bool:
    """The weight at ``start`` is said as a load a body puts on the thing: 承重 150 公斤, 能坐 120 公斤, 最多承受 200
    斤, 一个挂钩挂 5 公斤 (in its own clause, before the value)."""
    before = text[_clause(text, start, end)[0]:start]
    return any(guard(name).search(before) for name in ("capacity", "bears", "asks_capacity"))


def others_sentence(q: Question, text: str, mine: list[str], others: list[str]) -> bool:
    """Every value of the (strict) kind asked in a store passage is told in a sentence that names another product
    (``others``) and not the one asked (``mine``): 四人帐篷 50 块一天 is the tent's rent, not the table's."""
    if not strict(q.kind) or not others:
        return False
    fixed = lexicon().fix_typos(text)
    spans = value_spans(q.kind, fixed, q.units)
    if not spans:
        return False
    for s, e, _v in spans:
        a = max((m.end() for m in SENTENCE.finditer(fixed, 0, s)), default=0)
        m = SENTENCE.search(fixed, e)
        sentence = text[a:m.start() if m else len(fixed)]   # (typos fixed keep their length; names are as said)
        if any(n in sentence for n in mine) or not any(n in sentence for n in others):
            return False
    return True


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    a = max((m.end() for m in CLAUSE.finditer(text, 0, start)), default=0)
    m = CLAUSE.search(text, end)
    return a, (m.start() if m else len(text))


def term_unsaid(q: Question, said_text: str) -> bool:
    """The question names a term (保质期, 保修) that ``said_text`` (a passage with its heading) never says."""
    guards = lexicon().guards
    fixed_q, fixed = lexicon().fix_typos(q.text), lexicon().fix_typos(said_text)
    for name, asked in guards.items():
        if name.startswith("term_") and asked.search(fixed_q):
            said = guards.get("said_" + name[5:])
            if said is not None and not said.search(fixed):
                return True
    return False


PART_LEAD = re.compile(r"^\s*([\u4e00-\u9fff]{2,3}?)(?:是|用的是|都是|用|采用)")


def part_named(question: str, key: str, text: str, layout: str, names: tuple[str, ...]) -> str:
    """The part of the product a passage states its material of (吸管是硅胶的: 吸管; the row ``帽子 | 帽檐是透明的``:
    帽子), when the question asks what the product is made of (``made_of``) and names no such part, or "": a part's
    material is no answer about the whole (杯子啥材料 is answered by 杯身 PPSU, not by the straw's). Not a part: a word for the whole (杯身, 整体: ``whole_ends``), the
    product itself (杯子 of 学饮杯), or a word for what is asked about it (材质, 保质期: an aspect or kind word)."""
    if not any(w in question for w in lexicon().made_of):
        return ""
    lead = key if layout in ("bullet", "table") and key else ""
    if not lead:
        m = PART_LEAD.match(lexicon().fix_typos(text))
        lead = m.group(1) if m else ""
    lead = lexicon().fix_typos(lead).strip()
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", lead) or lead in question or lead[-1] in lexicon().whole_ends:
        return ""
    if any(n.endswith(lead) or n.endswith(lead.rstrip("子")) for n in names) or lead in _attribute_words():
        return ""
    if lead in lexicon().stopwords or any(ch in question and not any(ch in n for n in names) for ch in lead
                                          if ch != "子"):   # 盖子啥材料 names 杯盖 (菜刀啥材质 not 刀柄: 刀 is 菜刀's)
        return ""
    return lead


@functools.cache
def _attribute_words() -> frozenset[str]:
    """Words for what is asked about a product (材质, 保质期, 颜色, 重量): a key of one names no part."""
    lex = lexicon()
    words = {w for a in lex.aspects.values() for w in (*a.ask, *a.hint, *a.heading)}
    words |= {w for k in lex.kinds.values() for w in k.keys}
    words |= {w for k, vs in lex.thesaurus.items() for w in (k, *vs)}
    return frozenset(words | set(lex.materials))
