"""Per what a value is stated: 每袋 1 公斤 weighs a bag, 每斤约 100 颗 counts a jin, 能装 30 斤 is what it holds.

Pure functions; no chromadb, no model. Split out of ``question.py``.
"""

from __future__ import annotations

import re

from copilot.knowledge.question import MEASURE_UNITS, guard
from copilot.knowledge.wordlists import lexicon


def measured(measure: str, text: str, unit: str = "") -> bool:
    """``text`` states something per ``measure`` (每袋, 一块, 整箱, 盒装, 炖 1 斤肉, 每 500 克 for 一斤): 每袋 1 公斤，
    切成 10 块 weighs no 块. A small pack (小袋) of a product sold by another ``unit`` (盒) is said bare too (每盒 10 小袋，
    每袋 30 克); of one sold by that pack (包) the bare 每包 is the big one."""
    alts = _measure_alts(measure)
    if measure.startswith("小") and len(measure) > 1 and unit and measure[1:] != unit:
        alts += "|" + _measure_alts(measure[1:])
    return re.search(rf"(?:[每一单整]|(?<![\d.])1)\s*(?:大\s*)?(?:{alts})|{re.escape(measure)}装", text) is not None


def other_measure(measure: str, text: str) -> bool:
    """``text`` states its value per another measure than ``measure`` (每斤约 100 颗, 炖 1 斤肉放 2 颗 for 一袋几颗;
    每批抽 20 个 counts a batch's sample, not a box)."""
    for m in re.finditer(rf"(?:每|(?<![\d.])[一1])\s*((?:[大小]\s*)?(?:{MEASURE_UNITS}|批))", text):
        per = m.group(0)[0] == "每" or re.match(r"[\u4e00-\u9fff]", text[m.end():m.end() + 1])  # 1 斤肉, not 1 公斤，
        if per and not measured(measure, m.group(0)):
            return True
    return False


PER = re.compile(rf"(?:每|(?<![\d.])[一1])\s*(?:大\s*)?((?:小\s*)?(?:{MEASURE_UNITS}|杯|勺|碗))")


def per_another(kind: str, text: str, measure: str, unit: str = "") -> bool:
    """Every value of ``kind`` in ``text`` is stated per another measure than the one asked, in its clause before
    it: 一小袋 13 克 weighs the small bag inside, no answer to 一大包多少克; 每包 260 克 none to 一小袋多重."""
    from copilot.knowledge.kinds import value_spans

    fixed = lexicon().fix_typos(text)
    spans = value_spans(kind, fixed)
    for vs, _ve, _v in spans:
        clause = re.split(r"[，,。；;：:！!？?\n]", fixed[:vs])[-1]
        pers = list(PER.finditer(clause))
        if not pers or measured(measure, pers[-1].group(0), unit):
            return False
    return bool(spans)


def per_other(kind: str, text: str, unit: str, units=None) -> bool:
    """Every value of ``kind`` in ``text`` is stated per another measure than the product's sale ``unit``, in
    its clause before it (一杯米是 150 克 of a rice cooker sold by the 个), or is what it holds or bears (能装
    30 斤, 能承 30 公斤) or what is put in it each time (一次放 5 克茶叶): it measures that, not the product.
    A length asked (多高, 多粗: ``units`` lengths, no weight) is one piece's however it is sold (每根高 20 公分 of
    candles sold by the 对): never stated per another measure."""
    from copilot.knowledge.kinds import value_spans

    lex = lexicon()
    if units and any(lex.span_units.get(u, ("",))[0] == "length" for u in units) and \
            not any(lex.condition_units.get(u, ("",))[0] == "weight" for u in units):
        return False
    fixed = lexicon().fix_typos(text)
    spans = value_spans(kind, fixed)
    for vs, _ve, _v in spans:
        clause = re.split(r"[，,。；;：:！!？?\n]", fixed[:vs])[-1]
        if not any(m.group(1) != unit for m in PER.finditer(clause)) and not guard("capacity").search(clause) and \
                not guard("dose").search(clause):
            return False
    return bool(spans)


def _measure_alts(measure: str) -> str:
    alts = [measure, *lexicon().measure_equivalents.get(measure, ())]
    return "|".join(r"\s*".join(map(re.escape, a.split())) for a in alts)
