"""Clauses that carry a question word but ask nothing: 还是平装划算 (after all, the paperback is the better buy: a
preference stated, 还是 opening the clause) and 多囤几本 (a few more, 几 after 多 + a verb: an amount left vague, no
question). ``clauses`` reads them as talk, not as questions."""

from __future__ import annotations

import re

from copilot.orders.amounts import UNIT

# 还是平装划算, 还是大的好摸: 还是 opening the clause, then a judgement closing it (大的还是小的好 asks: 还是 between two)
_PREFERENCE = re.compile(r"^\s*还是[^?？吗呢\s]{0,8}?(?:划算|实惠|好用|好吃|好喝|好看|好摸|好穿|方便|靠谱|耐用|香)[啊呀吧哈啦]*$")
# 给娃多囤几本, 多备几包: a few more, said (几 after 多 and a verb of buying or keeping)
_A_FEW_MORE = re.compile(rf"多(?:囤|备|买|存|屯)(?:上|点)?几\s*{UNIT}[吧啊呀哈啦]*$")


def states_not_asks(text: str) -> bool:
    """A clause whose question word asks nothing: a preference opened by 还是, or 多囤几本 (a few more)."""
    t = text.strip()
    return bool(_PREFERENCE.search(t) or _A_FEW_MORE.search(t))
