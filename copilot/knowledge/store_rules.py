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

from copilot.knowledge.binding import negated_in
from copilot.knowledge.binding import said as said_as
from copilot.knowledge.index import Hit
from copilot.knowledge.kinds import shown_values, strict
from copilot.knowledge.question import Question
from copilot.knowledge.records import Answer, Source
from copilot.knowledge.replies import the_value, why_answered
from copilot.knowledge.ties import after_done
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


def said(groups: list[list[str]], clause: str, question: str = "") -> tuple[int, int] | None:
    """How well ``clause`` says the question's content words, each with the question's polarity (拆了 asked:
    没拆封 does not say it): (groups said, characters said), or None when a word goes unsaid or only a
    lone character is said (出 or 寄 never answers alone)."""
    hit_groups, chars = 0, 0
    for g in groups:
        found = [w for w in g if w and said_as(w, clause, negated_in(w, question))]
        if not found:
            return None
        hit_groups += 1
        chars += max(len(w) for w in found)
    long_said = any(len(w) >= 2 and w in clause for g in groups for w in g)
    if chars < 2 or not (long_said or hit_groups >= 3):
        return None
    return hit_groups, chars


def _own(groups: list[list[str]], clause: str, frame: str, question: str) -> list[list[str]]:
    """The content words ``clause`` must say itself: all of them, but a word the rule's frame says (the Q&A
    pair's question, the field's label or the passage's first clause: 问：票多久有效？ 答：票和券 90 天有效，没用的随时退)
    is the subject of its every clause, once the clause says another word asked (没用的票能退吗 -> 没用的随时退)."""
    own = [g for g in groups if any(w and said_as(w, clause, negated_in(w, question)) for w in g)]
    framed = [g for g in groups if g not in own and any(len(w) >= 1 and said_as(w, frame, negated_in(w, question))
                                                         for w in g)]
    return own if own and len(own) + len(framed) == len(groups) else groups


def aspect_said(topics, text: str) -> bool:
    """The text says a word of every aspect the question names (能退 asked: 不退 or 包换 said), each an
    aspect a store rule can speak of (never storage or taste); the aspect's words are dropped from the
    question's content words, so the clause must say them itself."""
    asp = lexicon().aspects
    if any(t in asp and asp[t].scope == "product" for t in topics):
        return False
    return all(any(w in text for w in (*asp[t].ask, *asp[t].heading, *asp[t].passage)) for t in topics if t in asp)


def rule_clause(groups: list[list[str]], kind: str, hits: list[Hit], names: list[str] = (),
                topics=(), question: str = "", soft=(), facts=()) -> RuleClause | None:
    """The clause of a store rule (a passage of no product, among the ``TOP`` best hits) that says the
    question's content words ``groups`` (as ``question`` says them), the aspects ``topics`` it names and, for a value kind asked, a
    value of that kind; with product ``names`` asked, only a rule naming one of them. Best said first,
    then the better-ranked hit. A lone character that only hints at an aspect (寄 of delivery, ``soft``)
    need not be said: the owner writes 外地发顺丰 for 能寄外地吗."""
    asp = lexicon().aspects
    hints = {w for t in soft if t in asp for w in asp[t].hint if len(w) == 1}
    groups = [g for g in groups if not all(w in hints for w in g)]
    if not groups or facts:   # 有优惠吗 / 能打折吗: a catalog fact asked, its word gone from the groups
        return None
    best, best_score = None, None
    store_hits = [h for h in hits if not h.chunk.sku][:TOP]
    for rank, h in enumerate(store_hits):
        if names and not any(n in h.chunk.text for n in names):
            continue
        label, parts = clauses(h.chunk.text)
        frame = f"{h.chunk.key} {label} {parts[0] if parts else ''}"
        for c in parts:
            score = said(_own(groups, c, frame, question), c, question)
            if score is None or strict(kind) and not shown_values(kind, c) or not aspect_said(topics, label + c) \
                    or strict(kind) and after_done(question, c, kind):   # 几天能修好 vs 修好了留 30 天 (ties.py)
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
