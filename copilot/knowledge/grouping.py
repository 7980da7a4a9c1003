"""Near-duplicate live questions grouped (character bigrams, a time window), so one reply serves all askers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from copilot.base.zhnum import normalize


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
