"""Words a question makes a must for its answer, however many other words a passage shares with it.

- 门口能停车不 asks whether one may park (停车): 送到家门口 shares 门口 and says nothing of parking. One of the
  question's content words (of two characters or more) inside what follows its modal (能, 可以 ...) must be said.
- 烘好了要放几天 counts from a moment (烘好了): 开封后 1 个月内喝完 counts from another. The content words of the
  moment a value is asked from must be said.

The patterns are data (``guards.yaml`` ``may_verb`` and ``moment``).
"""

from __future__ import annotations

from copilot.knowledge.kinds import strict
from copilot.knowledge.question import Question, guard, word_in


def _inside(q: Question, span: str) -> list[list[str]]:
    return [g for g in q.residual if any(w in span or span in w for w in g)]


def asked_doing(q: Question) -> list[list[str]]:
    """The question's word groups that say what it asks may be done (停车 of 门口能停车不), or []."""
    if q.kind != "yesno":
        return []
    m = guard("may_verb").search(q.unnamed)   # (one character, 刷 / 喝 / 寄, is said many ways: 付, 吸, 发)
    return [g for g in _inside(q, m.group(1)) if all(len(w) >= 2 for w in g)] if m else []


def asked_moment(q: Question) -> list[list[str]]:
    """The word groups of the moment a value asked is counted from (烘 of 烘好了要放几天), or []."""
    if not strict(q.kind):
        return []
    return [g for m in guard("moment").finditer(q.unnamed) for g in _inside(q, m.group(1))]


def doing_unsaid(q: Question, text: str) -> bool:
    """``text`` never says what the question makes a must: the doing a yes/no question asks about, or the
    moment a value asked is counted from."""
    doing = asked_doing(q)   # a passage saying any word of the doing (兑水 of 能兑水喷叶子吗) speaks of it
    if doing and not any(word_in(w, text) for g in doing for w in g):
        return True
    return any(not any(word_in(w, text) for w in g) for g in asked_moment(q))
