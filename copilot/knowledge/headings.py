"""Colloquial headings read as the question their passage answers.

Owners often head each short answer with the question itself, typed the way they speak (``## 一节多旧`` over
``一节60分钟``): under such a heading the passage is the owner's answer to that question, as a Q&A pair's or a
bullet's key is.
"""

from __future__ import annotations

import re

from copilot.knowledge.docs import Chunk
from copilot.knowledge.kinds import heading_aspects, question_kind, same_cue, strict, values_of
from copilot.knowledge.question import word_in
from copilot.knowledge.wordlists import lexicon

HEADING_MAX = 8          # a heading this short is a question, not a title over a story
CLAUSE = re.compile(r"[，,。！？!?；;\n]")
PARTICLES = "的了吗呢捏啊呀么嘛"   # a spoken question's particles: nothing it asks of


def heading_asks(q, c: Chunk) -> bool:
    """A sentence under a short heading that asks the value by the question's own cue and of nothing the question
    does not name (一节多旧 over 一节60分钟 for 中国舞一节课多久; not 卷多旧有效, which asks of the voucher)."""
    if c.layout != "sentence" or not c.section or len(c.section) > HEADING_MAX:
        return False
    head, asked = lexicon().fix_typos(c.section), lexicon().fix_typos(q.text)
    if not same_cue(q.kind, c.section, lexicon().fix_typos(q.unnamed)):
        return False
    return all(ch in asked for ch in head if "\u4e00" <= ch <= "\u9fff" and ch not in PARTICLES)


def heading_other(q, c: Chunk) -> bool:
    """A value asked (多久, 几次, 几楼) and a sentence under a short heading that asks another question (卷多旧有效,
    报名啥时侯截止, 能比赛不) of nothing the question says: no word of the heading but its cue is in the question, the
    heading names no aspect the question asks, and no clause holding a value of the kind asked says a word of the
    question. The passage is the owner's answer to that other question (4个月，从头一节课开始算 answers no 一节课多久);
    a clause that says the question's words is an answer of its own (不管饭，中间10点歇20分钟 for 中间歇多久). A yes/no
    is asked of another thing when the heading asks a value and no clause says all the question's words."""
    yesno = q.kind == "yesno"
    if not (strict(q.kind) or yesno) or c.layout != "sentence" or not c.section or len(c.section) > HEADING_MAX:
        return False
    head = lexicon().fix_typos(c.section)
    kind = question_kind(head)
    if not (strict if yesno else bool)(kind) or heading_aspects(c.section) & set(q.topics) or \
            kind == q.kind and not q.residual:   # 谁做的 over 我二姑自己炒的 asks 哪个炒的: nothing else asked
        return False
    for k in lexicon().kinds.values():
        head = k.ask.sub(" ", head)
    own = [ch for ch in head if "\u4e00" <= ch <= "\u9fff" and ch not in PARTICLES]
    if not own or any(ch in lexicon().fix_typos(q.text) for ch in own):
        return False
    clauses = CLAUSE.split(lexicon().fix_typos(c.text))
    if yesno:   # 能只报一周吗 under 每天几点; 周末上吗 is answered by its clause 周末不上
        return not any(all(any(word_in(w, cl) for w in g) for g in q.residual) for cl in clauses)
    valued = [cl for cl in clauses if values_of(q.kind, cl, q.units)]
    return not any(word_in(w, cl) for cl in valued for g in q.residual for w in g)


HOW_DOING = re.compile(r"怎么([\u4e00-\u9fff])")
UNDONE = "没不别"


def doing_told(q, text: str) -> bool:
    """A how-to's doing (拿 of 证书咋拿) said, not negated, in ``text`` (证书寄到店里，到店里拿): a passage under a heading
    that asks how long (多旧出证书) still tells how it is done (not 没用的随时退 for 券咋用)."""
    m = HOW_DOING.search(lexicon().fix_typos(q.unnamed)) if q.kind == "method" else None
    return m is not None and re.search(f"(?<![{UNDONE}]){re.escape(m.group(1))}", text) is not None
