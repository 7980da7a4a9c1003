"""Whether a duration a passage states is the one of the doing asked: a value belongs to the doing in its own
clause, and to how often it is done only when it says so.

- How often (鞋带多久换一次, 油烟机多久洗一回) is answered by a value said as how often (一个月左右洗一次, 1 到 2 个月换
  一套, 每 2 周, 3 个月左右就得再换), or under a heading or key that asks how often, or of days or more said with the
  doing asked (2周拿出来晒半天); never by how long another doing takes (泡 10 分钟), how long something keeps
  (阴干一天就能垫) nor how long the doing itself takes (一双换下来 15 分钟).
- How long a doing takes (换弦要多久, 拉头换一次要多久) is never answered by how often it is done, nor how long
  a thing lasts (一罐能喂多久, 一瓶能用几个月): 一天两次, 每周一次 say how often.
- The doing a question of how long names (擦 of 要擦多久, 换 of 换一次要多久) is said in the value's own clause or
  the one leading into it, or in the passage's heading or key (等 5 分钟再用布打亮 is no time of 擦).

- A value said after a doing is done (做好了留 30 天) answers what follows it (做好了能留几天), never how long the
  doing takes (几天做好).

A question with none of these forms, and a passage with no value of the kind, are no business of this module
(``tied`` is True). The forms are data
(``guards.yaml``: ``asks_interval``, ``asks_once``, ``asks_doing``, ``asks_span``, ``interval_after``,
``interval_before``, ``done_after``).
"""

from __future__ import annotations

import re

from copilot.knowledge.binding import CLAUSE, SENTENCE
from copilot.knowledge.kinds import value_spans
from copilot.knowledge.wordlists import lexicon


def _guard(name: str) -> re.Pattern:
    return lexicon().guards[name]


def asked_form(question: str) -> tuple[str, str]:
    """("interval" | "span" | "", the doing named): how the question asks a duration (``question``: its text
    with the product names blanked)."""
    text = re.sub(r"\s", "", lexicon().fix_typos(question))
    m = _guard("asks_interval").search(text)
    if m:
        return "interval", m.group(1)[-1]
    for name in ("asks_once", "asks_doing"):
        m = _guard(name).search(text)
        if m:
            return "span", m.group(1)
    return ("span", "") if _guard("asks_span").search(text) else ("", "")


def said_as_interval(text: str, start: int, end: int) -> bool:
    """The value at ``start:end`` of ``text`` is said as how often (一个月左右洗一次, 每 2 周)."""
    return _guard("interval_after").search(text[end:end + 10]) is not None or \
        _guard("interval_rate").match(text[end:end + 6]) is not None or \
        _guard("interval_before").search(text[max(0, start - 3):start + 1]) is not None   # (每个月: the value's own 每)


def done_only(doing: str, text: str) -> bool:
    """``text`` says ``doing`` only as done (换完, 洗好的) or not at all."""
    return not any(not _guard("done_after").match(text[m.end():]) for m in re.finditer(re.escape(doing), text))


def after_done(question: str, clause: str, kind: str = "duration") -> bool:
    """The clause states its value after a doing is done (换完保 1 年, 做好了留 30 天) that the question names,
    and the question asks no value after it is done (伞面换完能用多久 does; 换伞面要多久, 几天做好 do not)."""
    text = lexicon().fix_typos(question)
    k = lexicon().kinds.get(kind)
    cue = k.ask.search(text) if k is not None and k.ask is not None else None
    if cue is None:
        return False
    for m in _guard("done_doing").finditer(clause):
        doing = m.group(1)
        if doing not in text or not value_spans(kind, clause[m.end():]):
            continue
        # (the question may say it done with 了 alone: 贴了能用多久 asks what follows 贴好了)
        done = [d.start() for d in re.finditer(re.escape(doing) + "(?:完|好了|好|上了|了)", text)]
        if not any(at < cue.start() for at in done):
            return True
    return False


def asks_after_done(question: str) -> bool:
    """The question asks a duration after a doing is done (打完多久能洗车, 贴好了多久能开): a doing said done before the
    duration asked."""
    text = lexicon().fix_typos(question)
    k = lexicon().kinds.get("duration")
    cue = k.ask.search(text) if k is not None and k.ask is not None else None
    return cue is not None and any(m.end() <= cue.start() for m in _guard("done_doing").finditer(text))


def _lead_in(text: str, start: int, end: int) -> str:
    """The value's clause (``start`` to its ``end``) with the clause before it in its sentence (喜欢吃冰的，切块后放冷藏室
    1 个小时: the doing 冰 leads into the value)."""
    first = max((m.end() for m in SENTENCE.finditer(text, 0, start)), default=0)
    breaks = [m.end() for m in CLAUSE.finditer(text, first, start)]
    return text[breaks[-2] if len(breaks) >= 2 else first:end]


def tied(question: str, head: str, text: str, kind: str, units=None, own: str = "") -> bool:
    """Some value of ``kind`` in ``text`` (a passage, ``head`` its heading and key) is the duration of the doing
    the question asks, in the form asked (module docstring); True when the question asks no such form. ``own``: the
    names of the product the passage is of (洗 of 普洗 is its own doing, told by a key 用多久)."""
    if kind == "time":
        return _time_tied(question, lexicon().fix_typos(text), units)
    if kind != "duration":
        return True
    form, doing = asked_form(question)
    fixed, head = lexicon().fix_typos(text), lexicon().fix_typos(head)
    spans = value_spans(kind, fixed, units)
    if not spans:
        return True
    head_interval = any(_guard("asks_interval").search(part) for part in head.split())   # (section 多久, key 查一次)
    # a key of nothing but how long it takes (用多久：20 分钟) is the time of the product's own doing (普洗洗一次多久)
    head_takes = any(_guard("takes_time_key").search(part) for part in head.split())
    for vs, ve, v in spans:
        a = max((m.end() for m in CLAUSE.finditer(fixed, 0, vs)), default=0)
        if after_done(question, fixed[a:ve], kind):
            continue
        end = CLAUSE.search(fixed, ve)
        lead = _lead_in(fixed, a, end.start() if end else len(fixed))
        interval = head_interval or said_as_interval(fixed, vs, ve)
        if form == "interval" and not interval and not (not done_only(doing, f"{head} {lead}") and _guard("interval_unit").search(v)) and \
                not _guard("interval_phrase").search(lead):   # (每个月拿出来晒 4 到 6 个小时)
            continue   # (换（一般1到2个月）, 2周拿出来晒半天: days or more, said with the doing, tell how often too)
        if head_takes and asks_after_done(question):
            continue   # 打完多久能洗车 asks the wait once it is done, not how long the doing takes (用多久：1 个半小时)
        if not form and _guard("asks_lasting").search(question) and (
                interval or _guard("per_time_before").search(fixed[max(0, vs - 4):vs])):
            continue   # 一罐能喂多久 asks how long it lasts: 一天两次 says how often, 一次两三分钟 one feeding
        if form == "span" and (interval or doing and doing not in head and doing not in lead and
                               not (head_takes and doing in own)):
            continue
        return True
    return False


def _time_tied(question: str, text: str, units=None) -> bool:
    """Some time ``text`` states is not said after a doing the question names is done (啥时候加 is not answered by
    加完 24 小时内别开灯: that is when not to do another thing)."""
    spans = value_spans("time", text, units)
    return not spans or any(not after_done(question, text[max((m.end() for m in CLAUSE.finditer(text, 0, vs)),
                                                                default=0):ve], "time") for vs, ve, _v in spans)
