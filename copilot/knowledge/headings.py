"""Colloquial headings read as the question their passage answers.

Owners often head each short answer with the question itself, typed the way they speak (``## 一节多旧`` over
``一节60分钟``): under such a heading the passage is the owner's answer to that question, as a Q&A pair's or a
bullet's key is.
"""

from __future__ import annotations

import re

from copilot.knowledge.conditions import asked_amounts
from copilot.knowledge.docs import Chunk, prev_id
from copilot.knowledge.kinds import heading_aspects, question_kind, same_cue, strict, values_of
from copilot.knowledge.question import word_in
from copilot.knowledge.wordlists import lexicon

HEADING_MAX = 8          # a heading this short is a question, not a title over a story
CLAUSE = re.compile(r"[，,。！？!?；;\n]")
PARTICLES = "的了吗呢捏啊呀么嘛"   # a spoken question's particles: nothing it asks of


def heading_asks(q, c: Chunk) -> bool:
    """A sentence under a short heading that asks the value by the question's own cue and of nothing the question
    does not name (一节多旧 over 一节60分钟 for 中国舞一节课多久; not 卷多旧有效, which asks of the voucher); so does a
    short Q&A pair's question (口多大？ 直径22厘米 for 砂锅口多大)."""
    said = c.key if c.layout == "qa" else c.section if c.layout == "sentence" else ""
    if not said or len(said) > HEADING_MAX:
        return False
    head, asked = lexicon().fix_typos(said), lexicon().fix_typos(q.text)
    if not same_cue(q.kind, said, lexicon().fix_typos(q.unnamed)):
        return False
    return all(ch in asked for ch in head if "\u4e00" <= ch <= "\u9fff" and ch not in PARTICLES)


def heading_other(q, c: Chunk, ix) -> bool:
    """A value asked (多久, 几次) and the first sentence under a short heading that asks another value (卷多旧有效,
    报名啥时侯截止) of nothing the question says: no word of the heading but its cue is in the question, the
    heading names no aspect the question asks, and no clause holding a value of the kind asked says a word of the
    question. That sentence is the owner's answer to the heading (4个月，从头一节课开始算 answers no 一节课多久); a
    clause that says the question's words is an answer of its own (不管饭，中间10点歇20分钟 for 中间歇多久), and so may
    be any later sentence of the section (打哪儿来的: …。一袋 1.5kg，小颗粒). A question naming nothing but its cue
    (一斤几个, 下单多久能好) is not judged so."""
    if not strict(q.kind) or not q.residual or c.layout != "sentence" or not c.section or \
            len(c.section) > HEADING_MAX:
        return False
    j = ix.by_id.get(prev_id(c.id))
    if j is not None and ix.chunks[j].doc == c.doc and ix.chunks[j].section == c.section:
        return False
    head = lexicon().fix_typos(c.section)
    if not strict(question_kind(head)) or heading_aspects(c.section) & set(q.topics):
        return False   # (咋种 heads a how-to whose clauses hold values of their own: 盖层薄土，0.5 厘米厚)
    for k in lexicon().kinds.values():
        head = k.ask.sub(" ", head)
    own = [ch for ch in head if "\u4e00" <= ch <= "\u9fff" and ch not in PARTICLES]
    if not own or any(ch in lexicon().fix_typos(q.text) for ch in own):
        return False
    valued = [cl for cl in CLAUSE.split(lexicon().fix_typos(c.text)) if values_of(q.kind, cl, q.units)]
    return not any(word_in(w, cl) for cl in valued for g in q.residual for w in g)


HOW_DOING = re.compile(r"怎么([\u4e00-\u9fff])")
UNDONE = "没不别"


def doing_told(q, text: str) -> bool:
    """A how-to's doing (拿 of 证书咋拿) said, not negated, in ``text`` (证书寄到店里，到店里拿): a passage under a heading
    that asks how long (多旧出证书) still tells how it is done (not 没用的随时退，用过的不退 for 券咋用)."""
    m = HOW_DOING.search(lexicon().fix_typos(q.unnamed)) if q.kind == "method" else None
    return m is not None and re.search(f"(?<![{UNDONE}]){re.escape(m.group(1))}(?![过的])", text) is not None


def range_asked(q, c: Chunk) -> bool:
    """A yes/no of an amount (四岁能学吗, 三岁半能来不) and a passage whose heading or key asks which amounts can
    (几岁能学捏：5岁以上): the range it states answers yes or no, whether or not it holds the amount asked."""
    if q.kind != "yesno":
        return False
    dims = {d for d, _v in asked_amounts(q.unnamed)}
    head = lexicon().fix_typos(f"{c.section} {c.key}")
    units = [u for u, (d, _b, _a) in lexicon().condition_units.items() if d in dims]
    return any(re.search(f"(?:几|多少){re.escape(u)}", head) for u in units) or \
        "age" in dims and "多大" in head


def prevented(q, c: Chunk) -> bool:
    """A how-to of a trouble (粘面咋办, 咋弄不生锈) and a Q&A pair asking whether the trouble comes (会粘面吗？, 会生锈吗？)
    whose answer tells how it does not (擀之前撒一把干面粉就不粘, 再抹一层薄油就不会锈): that answer is the how-to's."""
    if q.kind != "method" or c.layout != "qa" or not q.residual or "会" not in c.key:
        return False
    text, asked = lexicon().fix_typos(c.text), lexicon().fix_typos(q.text)
    if re.search("(?:" + "|".join(re.escape(w) for g in q.residual for w in g) + ")[\\u4e00-\\u9fff]?了", asked):
        return False   # 生锈了咋办: the trouble has come, how it does not is no answer
    return all(any(w in c.key and re.search(f"不会?{re.escape(w[-1])}", text) for w in g) for g in q.residual)


def head_holds(c: Chunk, group: list[str]) -> bool:
    """Every character of a word of ``group`` is in the passage's Q&A question or short heading (口 of 口多大？, a
    character the cutter hides in the question's own words)."""
    said = lexicon().fix_typos(c.key if c.layout == "qa" else c.section if c.layout == "sentence" else "")
    return bool(said) and len(said) <= HEADING_MAX and any(w and all(ch in said for ch in w) for w in group)
