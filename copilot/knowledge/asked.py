"""Words a question makes a must for its answer, however many other words a passage shares with it.

烘好了要放几天 counts from a moment (烘好了): 开封后 1 个月内喝完 counts from another. The content words of the
moment a value is asked from must be said. The pattern is data (``guards.yaml`` ``moment``).
"""

from __future__ import annotations

from copilot.knowledge.kinds import strict
from copilot.knowledge.question import Question, guard, word_in


def asked_moment(q: Question) -> list[list[str]]:
    """The word groups of the moment a value asked is counted from (烘 of 烘好了要放几天), or []."""
    if not strict(q.kind):
        return []
    return [g for m in guard("moment").finditer(q.unnamed) for g in q.residual
            if any(w in m.group(1) or m.group(1) in w for w in g)]


def moment_unsaid(q: Question, text: str) -> bool:
    """``text`` never says the moment a value asked is counted from."""
    return any(not any(word_in(w, text) for w in g) for g in asked_moment(q))
