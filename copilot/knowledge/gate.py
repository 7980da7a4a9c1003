"""The general gate: a passage of the product asked answers a question no closed aspect or kind word types.

The typed gate (``Judge.answers``) asks that a passage carry the aspect the question names (储存, 配料 ...) and
say most of its words. On stores never seen, the right passage is often retrieved but typed by no aspect word
(头盔能放车里吗 → 放车里：夏天别放车里暴晒), or the question asks what a part is made of (灯壳啥做的 → 问：灯壳是啥
材料？ 答：铝合金的), a kind the typed gate never answers. Here the aspect only ranks: a passage answers when

- it is a note of the product asked (never another product's, never a catalog line);
- every content word of the question (the part, activity or condition asked) is its key, heading or Q&A
  question, or is said in one clause of it (the value belongs to that clause, not to a neighbour fact);
- that clause (or the row keyed by the word) holds a statement of the form asked: for a yes/no a polarity, a
  limit or a condition (别, 不, 能, 可以, …以内, 只); for a how-to the note itself (an instruction); for what a part
  is made of the row or clause naming the part.

A numeric kind (多久, 几个, 多重, 多少钱) passes here too, but only with its value tied to what was asked
(``numeric_ok``): a value of the kind asked (not another thing's, not a threshold) in a clause that says every
content word the key or heading does not, of the doing asked and in the form asked (``ties``: how often is not
how long), so that 一壶能倒几杯 is answered by 能倒 8 杯水 and 装一台要多久 by 装好大概 40 分钟, never by a
neighbour value of the same kind (多久换一套 for 换弦要多久).
"""

from __future__ import annotations

import re

from copilot.knowledge.asked import PHRASE
from copilot.knowledge.binding import own_values
from copilot.knowledge.docs import next_id, prev_id
from copilot.knowledge.index import Hit
from copilot.knowledge.kinds import value_spans
from copilot.knowledge.question import Question, asked_said
from copilot.knowledge.ties import tied
from copilot.knowledge.wordlists import lexicon

WINDOW = 5          # only the best-retrieved passages: the gate has no aspect to find one further down
FORMS = ("yesno", "method", "")   # the kinds this gate answers (``""``: only what a part is made of)
NUMERIC = ("duration", "count", "weight", "price")   # ... and these, tied to the clause asked (``numeric_ok``)
AMOUNT = re.compile(r"[一每][天盒次个只瓶袋包斤片]")   # an amount a key asks its value for (一天能戴多久？)


def asks_material(q: Question) -> bool:
    """The question asks what a part is made of (外壳是啥材料, 啥胶的)."""
    return lexicon().guards["asks_material"].search(q.unnamed) is not None


def content_groups(q: Question) -> list[list[str]]:
    """The question's content word groups, without the words that only frame a material asked (材料, 材质)."""
    frame = lexicon().guards["material_frame"]
    return [g for g in q.residual if not all(frame.search(w) for w in g)]


def siblings(ix, c, groups: list[list[str]]) -> bool:
    """The passage before or after ``c`` in its section is keyed by a word asked too (装法一, 装法二)."""
    for nid in (next_id(c.id), prev_id(c.id)):
        j = ix.by_id.get(nid)
        o = ix.chunks[j] if j is not None else None
        if o is not None and o.doc == c.doc and o.section == c.section and o.key and o.key != c.key and \
                any(asked_said(w, o.key) for g in groups for w in g):
            return True
    return False


def general_ok(judge, ix, q: Question, h: Hit, targets: list[str]) -> bool:
    """``h`` answers ``q`` by the general gate (module docstring)."""
    c = h.chunk
    if q.kind in NUMERIC and targets and c.sku in targets and c.layout != "fact":
        return judge.value_stated(q, c, ix.types[h.idx]) and judge.dimension_said(q, c) and \
            not judge.other_aspect(q, c) and numeric_ok(judge, q, c)   # (解冻 6 个小时 is no 冷藏能放多久)
    if q.kind not in FORMS or not targets or c.sku not in targets or c.layout == "fact":
        return False
    if q.kind == "" and not asks_material(q):
        return False
    if any(lexicon().aspects[t].scope == "store" for t in q.topics if t in lexicon().aspects):
        return False   # 能上门帮我装吗 asks a service of the store, not what the product's note says of 安装
    groups = content_groups(q)
    if not groups:   # 琴弦啥材料: what the product itself is made of
        return q.kind == "" and asks_material(q) and whole_material(judge, c)
    fix = lexicon().fix_typos
    head = judge.nameless(fix(f"{c.section} {c.key}"))
    clauses = [cl for cl in PHRASE.split(judge.nameless(fix(c.text))) if cl.strip()]
    if not clauses:
        return False
    keyed = [g for g in groups if any(asked_said(w, head) for w in g)]
    rest = [g for g in groups if g not in keyed]
    # the words the key does not name are all said in one clause: that clause is the statement asked of
    held = [cl for cl in clauses if all(any(asked_said(w, cl) for w in g) for g in rest)] if rest else clauses
    if undecided(q, c, head, judge.nameless(fix(c.text))):
        return False
    if q.kind == "yesno" and not held and rest:
        return governed(q.unnamed, clauses, rest)
    if not held or len(groups) == 1 and not keyed and all(len(w) == 1 for w in groups[0]):
        return False   # one character alone (车) names a part or activity only as a key (放车里), not in passing
    if q.kind == "yesno":
        polar = lexicon().guards["polarity"]
        return any(polar.search(cl) for cl in held)
    if q.kind == "method":   # one row of several ways (装法一 / 装法二) tells part of the how-to only
        return (bool(keyed) or c.layout == "qa") and not siblings(ix, c, groups)
    # what a part is made of: a material said in the row or Q&A keyed by the part (镜框：别用热水烫 says none),
    # or in the clause naming it (锰钢锁片)
    said = lexicon().guards["said_material"]
    return any(said.search(cl) for cl in (clauses[:1] if keyed and not rest else held))


def whole_material(judge, c) -> bool:
    """A note of the product states what it is made of: its first clause says a material, under a heading or key that
    asks it (啥料的, 材质) or names the product's whole body (针身, 琴身); or one clause says a material it is made of
    (鞋跟用的是聚氨酯耐磨跟)."""
    lex = lexicon()
    said, fix = lex.guards["said_material"], lex.fix_typos
    clauses = [cl for cl in PHRASE.split(judge.nameless(fix(c.text))) if cl.strip()]
    if not clauses:
        return False
    key = fix(c.key) if c.layout in ("table", "bullet", "qa") else ""
    heads = [h for h in (fix(c.section), key) if h]
    if any(lex.guards["asks_material"].search(h) or any(w in h for w in lex.made_of) or
           h == key and h[-1:] in lex.whole_ends for h in heads):
        return said.search(clauses[0]) is not None
    return any(lex.guards["made_of_said"].search(cl) and said.search(cl) for cl in clauses)


GAP = 4   # at most this many characters between a governing word and the doing it decides (别急着换盆)


def governed(asked: str, clauses: list[str], rest: list[list[str]]) -> bool:
    """A yes/no whose clause says its doing in another frame (到手能马上用吗 → 拿到先别急着用): one clause says
    every word asked but those that only frame when or where the asker is (到手, 马上, 家里), and a polarity,
    limit or condition in it governs the doing asked (what follows the question's modal, frame words taken out;
    else a word asked): it stands at most ``GAP`` characters before it, not before another verb of the sentence."""
    frame = lexicon().guards["circumstance"]
    needed = [g for g in rest if not all(frame.fullmatch(w) for w in g)]
    m = lexicon().guards["asked_doing"].search(asked)
    doing = frame.sub("", m.group("d")) if m else ""
    if len(needed) == len(rest):   # nothing framed: only a clause that governs the doing's head (能泡水洗吗 → 别泡水)
        if len(doing) < 3:
            return False
        needed = [g for g in needed if not any(w in doing for w in g)]
        doing = doing[:2]
    decided = [[doing]] if doing else needed
    return bool(decided) and any(all(any(asked_said(w, cl) for w in g) for g in needed) and _governs(cl, decided)
                                 for cl in clauses)


def _governs(clause: str, groups: list[list[str]]) -> bool:
    """A governing word of the lexicon stands right before (at most ``GAP`` characters) a word asked in ``clause``."""
    gov = lexicon().guards["governs"]
    ends = [m.end() for m in gov.finditer(clause)]
    return any(0 <= clause.find(w, e) - e <= GAP for e in ends for g in groups for w in g if w in clause[e:])


def undecided(q: Question, c, head: str, text: str) -> bool:
    """A yes/no of doing something to a part (镜框能摔吗) answered by the part's row that never says that doing
    (镜框：别用热水烫): the key names one word asked, another is said nowhere in the row."""
    if q.kind != "yesno" or c.layout not in ("table", "bullet", "qa") or len(q.residual) < 2:
        return False
    keyed = [g for g in q.residual if any(asked_said(w, head) for w in g)]
    frame = lexicon().guards["circumstance"]   # (家里有宝宝能点吗: 家里 only frames the asker)
    return bool(keyed) and any(not any(asked_said(w, head) or asked_said(w, text) for w in g)
                               for g in q.residual if g not in keyed and not all(frame.fullmatch(w) for w in g))


def general_pick(judge, ix, q: Question, hits: list[Hit], targets: list[str]) -> list[Hit]:
    """The best-retrieved passage the general gate accepts, once the typed gate found none; it must still
    pass the typed gate's guards that keep a neighbour fact out (another condition, another case, a contrast)."""
    for h in [h for h in hits if judge.eligible(q, h, targets)][:WINDOW]:
        if general_ok(judge, ix, q, h, targets) and judge.kept(q, h.chunk):
            h.chosen = True
            return [*rule_before(ix, h), h]
    return []


def rule_before(ix, h: Hit) -> list[Hit]:
    """The sentence before an exception (但是冬天别放车上) or another way allowed (用自己带的弦也行), in its section:
    the rule it restricts."""
    c = h.chunk
    g = lexicon().guards
    j = ix.by_id.get(prev_id(c.id)) if g["contrast_lead"].search(c.text) or g["concession"].search(c.text) else None
    o = ix.chunks[j] if j is not None else None
    if o is None or o.doc != c.doc or o.section != c.section or o.key != c.key:
        return []
    return [ix.hit(j, h.score - 1e-9, h.dense)]


def _whole(w: str, text: str) -> bool:
    """``text`` says the word asked whole, or a word the thesaurus gives for it, but not one that only adds 的 to
    a character (开封 is not said by 烧开的水)."""
    return any(a and a in text for a in (w, *lexicon().thesaurus.get(w, ())) if not (len(a) == 2 and a[1] == "的"))


def numeric_ok(judge, q: Question, c) -> bool:
    """A note of the product asked states a value of the (numeric) kind asked in a clause that says every content
    word of the question its heading or key does not say, the value is that thing's own (not a threshold of a
    rule, not another thing's count: ``own_values``) and it is the doing's, in the form asked (``ties``)."""
    from copilot.knowledge.whose import others_values

    groups = q.residual
    if not groups or any(lexicon().aspects[t].scope == "store" for t in q.topics if t in lexicon().aspects):
        return False
    fix = lexicon().fix_typos
    head = judge.nameless(fix(f"{c.section} {c.key}"))
    body = judge.nameless(fix(c.text))
    keyed = [g for g in groups if any(len(w) > 1 and _whole(w, head) for w in g)]   # (开 of 开了 is no 开始用)
    rest = [g for g in groups if g not in keyed]
    if q.measure and q.measure not in f"{head}{body}":
        return False   # 一箱几斤 is told of the box
    if not rest and c.layout not in ("table", "bullet", "qa"):
        return False   # only a key or row says what it measures; a heading alone ranks, it does not bind
    if c.layout in ("table", "bullet", "qa") and any(a not in q.text for a in AMOUNT.findall(fix(c.key))):
        return False   # a key asked of another amount (一天能戴多久？) answers no 一盒能用多久
    names = judge._names_of(c.sku)
    for cl in PHRASE.split(body):
        if not value_spans(q.kind, cl, q.units) or not all(any(_whole(w, cl) for w in g) for g in rest):
            continue
        if any(len(w) == 1 for g in rest for w in g) and len(rest) == 1 and not keyed:
            continue   # one character alone (打) names a doing only as a key
        if not own_values(q.kind, q.units, cl, q.text, names, plain=not q.residual):
            continue
        keyed_cl = f"{c.key}：{cl}" if c.key and c.layout in ("table", "bullet") else cl
        if others_values(q, keyed_cl) or not tied(q.unnamed, head, cl, q.kind, q.units):
            continue
        return True
    return False
