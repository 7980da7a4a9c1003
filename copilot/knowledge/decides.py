"""Whether the passage chosen DECIDES what was asked, checked once, at the point an answer is accepted.

The gates before this one choose the best passage about the product and the aspect asked that holds a value of
the kind asked. On stores never seen they still accept a passage that speaks of the topic but does not decide
the question; each of these forms is handed to the assistant instead:

- a brand answered by who supplies or makes it (胶水啥牌子 → 胶水是从天津厂家进的; 配件啥牌子 → 从批发商老马那拿的货;
  洗衣液啥牌子 → 厂家：某某洗涤用品厂): a supplier or a maker is no brand; nor is the kind of thing used (胶片啥牌子 →
  用的是冷补胶片);
- a person asked (谁修刹车, 谁上课) answered by a passage that names no one (一个老师带四个孩子; 用的是进口颜料 names
  a thing used, 星光牌 a brand), or that never says the doing asked (店里就老周和小杨两个人，小杨主要洗车、打气 for 谁修刹车);
- how long a thing lasts or takes (锁能用几年, 陪练练多久) answered by how long someone has done another thing
  (我卖锁卖了八年, 张师傅开了二十二年车): a span said after 了 is a doing's past, the question's only when it
  asks of that past (干了几年).

Checks measured and dropped (they cost more right answers than the wrong ones they removed on the tuning
stores): a yes/no whose doing a passage never says character by character (7 false accepts, 16 right answers),
a store field line that never says a word asked (2 and 3), a numeric kind with no value of it (0 and 3).

The word lists are data (``guards.yaml``: ``supplied_by``, ``brand_said``, ``asks_person``, ``not_person``, ``past_span``).
"""

from __future__ import annotations

import re

from copilot.knowledge.asked import PHRASE, split_runs
from copilot.knowledge.kinds import value_spans, values_of
from copilot.knowledge.question import Question, asked_said
from copilot.knowledge.wordlists import lexicon


def _guard(name: str) -> re.Pattern:
    return lexicon().guards[name]


def _clauses(text: str) -> list[str]:
    return [cl for cl in PHRASE.split(text) if cl.strip()]


def brand_by_supplier(q: Question, text: str) -> bool:
    """A brand asked, answered by the clause that says who supplies or makes it, with no brand in it."""
    if not _guard("brand").search(q.unnamed):
        return False
    clauses = _clauses(text)
    asked = [cl for cl in clauses if any(asked_said(w, cl) for g in q.residual for w in g)] or clauses
    return any(_guard("supplied_by").search(cl) for cl in asked) and \
        not any(_guard("brand_said").search(cl) for cl in asked)


def brand_is_thing(q: Question, text: str) -> bool:
    """A brand asked of a thing (胶片啥牌子), answered by a passage whose every who-value only names that thing (用的是冷补
    胶片): it says what kind of thing is used, no brand."""
    if q.kind != "who" or not _guard("brand").search(q.unnamed) or not q.residual:
        return False
    words = [w for g in q.residual for w in g if len(w) > 1] + split_runs(q)   # (丝圈 read as 丝 + 圈)
    found = values_of("who", text)
    named = re.compile(r"[“「\"'《][^”」\"'》]+[”」\"'》]|牌|[A-Za-z]{2,}")   # “喵净”, 正新牌: a brand's name
    return bool(words and found) and all(any(v.rstrip().endswith(w) and len(_modifier(v.rstrip(), w)) <= 2 for w in words)
                                         and not named.search(v) for v in found)


def _modifier(value: str, thing: str) -> str:
    """What a who-value says before the thing (冷补 of 用的是冷补胶片; 法国铁塔淡 of 用的是法国铁塔淡奶油: a name
    that long is a brand's)."""
    return re.sub(r"^.*?用的(?:是|都是)", "", value[:len(value) - len(thing)])


def person_undecided(q: Question, head: str, text: str) -> bool:
    """A person asked (谁修, 谁上课), answered by a passage that names no one, or that never says the doing asked
    (its heading or key may say it)."""
    if q.kind != "who" or not _guard("asks_person").search(q.unnamed) or _guard("brand").search(q.unnamed):
        return False
    if not _persons(text) and not _persons(head):
        return True
    return any(not any(asked_said(w, head) or asked_said(w, text) for w in g) for g in q.residual)


def _persons(text: str) -> list[str]:
    """The who values of ``text`` that can name one who does a thing: not a thing used (用的是进口颜料) nor a brand."""
    return [v for v in values_of("who", text) if not _guard("not_person").search(v)]


def past_only(q: Question, text: str) -> bool:
    """A duration asked (not of a past: 干了几年), and every duration stated is how long a doing has gone on
    (卖了八年, 开了二十二年车)."""
    if q.kind != "duration" or "了" in q.unnamed:
        return False
    spans = value_spans("duration", text, q.units)
    past = _guard("past_span")
    return bool(spans) and all(_past_of_other(q.unnamed, text, s, past) and not _guard("limit_after").match(text[e:])
                               for s, e, _v in spans)   # (开了 12 个月内用完 is a limit, not a past)


def _past_of_other(asked: str, text: str, start: int, past: re.Pattern) -> bool:
    """The value at ``start`` follows 了, and the doing before 了 is not the question's (竹子长了 4 年 answers 长几年)."""
    m = past.search(text[max(0, start - 3):start])
    if m is None:
        return False
    at = max(0, start - 3) + m.start()
    return at == 0 or text[at - 1] not in asked


def undecided(q: Question, passages: list[tuple[str, str, str]]) -> str:
    """Why the chosen passages (layout, heading and key, text without the product's names), the first the one that
    answered, do not decide ``q``; "" when they do."""
    layout, head, first = passages[0]
    if brand_by_supplier(q, first):
        return "supplier"
    if brand_is_thing(q, first):
        return "thing"
    if person_undecided(q, head, first):
        return "person"
    if past_only(q, lexicon().fix_typos(first)):
        return "past"
    return ""


def decides(judge, q: Question, picked) -> bool:
    """The chosen passage(s) decide ``q`` (module docstring); ``picked`` are the hits the answer quotes."""
    order = sorted(picked, key=lambda h: not h.chosen)
    return not undecided(q, [(h.chunk.layout, judge.nameless(f"{h.chunk.section} {h.chunk.key}"),
                              judge.nameless(lexicon().fix_typos(h.chunk.text))) for h in order])
