"""Store rules read by their clauses.

A store rule sits inside one store field (``售后：轮滑鞋没穿过 7 天内能退换，穿过的不退``) or one line of a
store notes file, among other rules. When the typed gate finds no passage that answers whole, a question
about one rule is answered by the one clause of a store passage that says the question's own content
words (after its question words): ``外地发中通`` for 能寄外地吗, ``穿过的不退`` for 穿过的能退吗. A value
kind asked (price, duration ...) must stand in that same clause. A product question is answered by a
store rule only when the clause names the product; no clause saying the words -> still refused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from copilot.knowledge.index import Hit
from copilot.knowledge.kinds import shown_values, strict
from copilot.knowledge.question import Question
from copilot.knowledge.records import Answer, Source
from copilot.knowledge.replies import the_value, why_answered
from copilot.knowledge.wordlists import lexicon

CLAUSE_END = re.compile(r"[，,。；;！!？?\n]+")
LABEL = re.compile(r"^[^：:\s]{1,8}[：:]")   # 售后： / 营业时间： the field's label
TOP = 8   # store passages looked at, best first


@dataclass
class RuleClause:
    """The clause that answers, with the store passage it was read from."""
    hit: Hit
    label: str
    clause: str

    @property
    def reply(self) -> str:
        """``售后：穿过的不退。``: the rule's label (when the passage has one) and the clause."""
        return f"{self.label}{self.clause}。"


def clauses(text: str) -> tuple[str, list[str]]:
    """A store passage as its label (``售后：``, or "") and its clauses, split at commas and stops."""
    text = text.strip()
    m = LABEL.match(text)
    label = m.group(0).replace(":", "：") if m else ""
    body = text[m.end():] if m else text
    return label, [c.strip(" 　") for c in CLAUSE_END.split(body) if c.strip(" 　")]


def said(groups: list[list[str]], clause: str) -> tuple[int, int] | None:
    """How well ``clause`` says the question's content words: (groups said, characters said), or None
    when a word of two or more characters goes unsaid, more than one one-character word goes unsaid,
    or too little is said (a lone character, 出 or 寄, never answers alone)."""
    hit_groups, chars, missing_short = 0, 0, 0
    for g in groups:
        found = [w for w in g if w and w in clause]
        if found:
            hit_groups += 1
            chars += max(len(w) for w in found)
        elif all(len(w) <= 1 for w in g):
            missing_short += 1
        else:
            return None
    long_said = any(len(w) >= 2 and w in clause for g in groups for w in g)
    if missing_short > 1 or chars < 2 or not (long_said or hit_groups >= 3):
        return None
    return hit_groups, chars


def aspect_said(topics, text: str) -> bool:
    """The text says a word of every aspect the question names (能退 asked: 不退 or 包换 said); the
    aspect's words are dropped from the question's content words, so the clause must say them itself."""
    asp = lexicon().aspects
    return all(any(w in text for w in (*asp[t].ask, *asp[t].heading, *asp[t].passage)) for t in topics if t in asp)


def rule_clause(groups: list[list[str]], kind: str, hits: list[Hit], names: list[str] = (),
                topics=()) -> RuleClause | None:
    """The clause of a store rule (a passage of no product, among the ``TOP`` best hits) that says the
    question's content words ``groups``, the aspects ``topics`` it names and, for a value kind asked, a
    value of that kind; with product ``names`` asked, only a clause naming one of them. Best said first,
    then the better-ranked hit."""
    if not groups:
        return None
    best, best_score = None, None
    store_hits = [h for h in hits if not h.chunk.sku][:TOP]
    for rank, h in enumerate(store_hits):
        label, parts = clauses(h.chunk.text)
        for c in parts:
            if names and not any(n in c for n in names):
                continue
            score = said(groups, c)
            if score is None or strict(kind) and not shown_values(kind, c) or not aspect_said(topics, label + c):
                continue
            key = (score[0], score[1], -rank)
            if best_score is None or key > best_score:
                best, best_score = RuleClause(h, label, c), key
    return best


def rule_answer(rule: RuleClause, q: Question, prefix: str, sources: list[Source]) -> Answer:
    """The clause as the reply (``sources``: its store passage first), and why it was chosen."""
    value = the_value(q.kind, [rule.clause])
    seen: set = set()
    sources = [s for s in sources if not (s.text in seen or seen.add(s.text))][:5]
    why = why_answered(sorted(q.topics), q.kind, rule.hit.chunk, value) + "；按门店规矩的分句回答"
    return Answer(True, prefix + rule.reply, sources, mode="extractive", aspect=",".join(sorted(q.topics)),
                  kind=q.kind, value=value, why=why)
