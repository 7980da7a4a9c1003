"""A part's attribute asked: 把手是啥颜色, 灯壳啥做的, 车架是啥材质.

The part is what the question names besides the attribute (把手, 灯壳: a noun the notes use as a key or as the
subject of a clause, read from the notes, never a word list of parts). Its attribute is answered by

- the row or Q&A pair keyed by that part (``车架：6061 铝合金``), or
- the clause that names that part and says a value of the attribute (``灯壳是铝合金的``);

never by a row or clause of another part (``把手套是硅胶的`` names the 把手套, not the 把手; ``车身有红、蓝两个色``
is the body's colour, not the handle's). When no passage of the product names the part, the typed gate may still
answer (the owner may call it by another word), but not with a passage that never names the part asked: that is a
neighbour fact, and the question goes to the assistant.

The attributes, their cue words and how a value is said are data: ``lexicon/parts.yaml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from copilot.knowledge.asked import PHRASE
from copilot.knowledge.index import Hit
from copilot.knowledge.question import Question
from copilot.knowledge.wordlists import lexicon, lexicon_file

WINDOW = 10    # the best-retrieved passages the part's row or clause is looked for in
NAME_RUN = 4
COLOURS = re.compile(r"[\u4e00-\u9fff]{0,2}色|[红黄蓝绿白黑紫灰粉棕橙金银]")   # a colour named
LISTING = re.compile(r"[两三四五六七八九几多\d]\s*(?:个|种|款)?\s*(?:颜色|色)|颜色|色可选|[、和]")   # colours listed   # at most this many characters of a product's name are read back onto a part (灯 + 壳: 灯壳)


@dataclass(frozen=True)
class Attribute:
    key: str
    ask: re.Pattern
    said: re.Pattern


@functools.cache
def _data() -> tuple[tuple[Attribute, ...], frozenset[str]]:
    raw = lexicon_file("parts.yaml")
    attrs = tuple(Attribute(str(k), re.compile("|".join(f"(?:{p})" for p in v["ask"])),
                            re.compile("|".join(f"(?:{p})" for p in v["said"])))
                  for k, v in (raw.get("attributes") or {}).items())
    return attrs, frozenset(str(t) for t in raw.get("noun_tails") or ())


def asked_attribute(q: Question) -> Attribute | None:
    """The attribute a question asks of its product or a part (颜色, 材质), or None."""
    if q.kind not in ("", "count"):   # 有几个颜色 is typed a count; 几点, 多久 ask no attribute
        return None
    text = lexicon().fix_typos(q.unnamed)
    return next((a for a in _data()[0] if a.ask.search(text)), None)


def asked_parts(q: Question, attr: Attribute, names: tuple[str, ...] = ()) -> list[str]:
    """The part asked about, as the notes may write it, longest first (灯壳 and 壳 of 灯壳啥做的, where 灯 is the
    product's name): the one content word group left once the words asking the attribute are set aside, or [].
    A word of the product's own ``names`` (料带 of 生料带) is the product itself, no part."""
    groups = [g for g in q.residual if not any(attr.ask.search(w) or w in ("颜色", "色", "材料", "材质", "料子")
                                               for w in g)]
    if len(groups) != 1:
        return []
    out = []
    for w in groups[0]:
        if not re.fullmatch(r"[\u4e00-\u9fff]{1,4}", w) or re.search(re.escape(w) + "[了过完着]", q.text):
            continue   # 干了 of 底漆干了啥颜色 is a state the colour is asked in, no part
        at = q.text.find(w)
        if at > 0 and q.unnamed[at - 1] == " ":   # the name's characters just before it: 灯 of 灯壳
            start = at
            while start > 0 and at - start < NAME_RUN and q.unnamed[start - 1] == " " and \
                    "\u4e00" <= q.text[start - 1] <= "\u9fff":
                start -= 1
            out += [q.text[s:at] + w for s in range(start, at)]
        out.append(w)
    if any(p in n for p in out for n in names):
        return []
    stems = [p[:-1] for p in out if len(p) == 2 and p[-1] in "子儿"]   # 框子 of 框子有啥颜色: notes say 实木框
    return sorted({p for p in out if len(p) >= 2} | set(stems), key=len, reverse=True)


def names_part(part: str, text: str) -> bool:
    """``text`` names ``part`` itself, not a longer noun it begins (把手 of 把手套 names the sleeve)."""
    tails = _data()[1]
    for m in re.finditer(re.escape(part), text):
        nxt = text[m.end():m.end() + 1]
        if nxt not in tails or text[m.end():m.end() + 2] in ("面是", "头是"):   # (不是 a tail: 把手是)
            return True
    return False


def _keyed_part(judge, c, parts: list[str]) -> str:
    """The part a row or Q&A pair is keyed by, when it is one asked (车架 for 车架啥做的, 车架材质 too), else ""."""
    if not c.key or c.layout not in ("bullet", "table", "qa"):
        return ""
    key = judge.nameless(lexicon().fix_typos(c.key)).strip()
    return next((p for p in parts if key.startswith(p) and names_part(p, key)), "")


def said_of_part(judge, c, parts: list[str], attr: Attribute) -> bool:
    """``c`` says the attribute of the part asked: its row or pair is keyed by the part and its first clause says a
    value, or a clause names the part and says a value after it."""
    text = lexicon().fix_typos(c.text)
    clauses = [cl for cl in PHRASE.split(text) if cl.strip()]
    if not clauses:
        return False
    if _keyed_part(judge, c, parts):
        return attr.said.search(clauses[0]) is not None
    for cl in clauses:
        for p in parts:
            m = re.search(re.escape(p), cl)
            if m and names_part(p, cl) and attr.said.search(cl[m.end():]):
                return True
    return False


def mentions_part(judge, c, parts: list[str]) -> bool:
    """``c`` (with its heading and key) names one of the part's words itself."""
    text = lexicon().fix_typos(f"{c.section} {c.key} {c.text}")
    return any(names_part(p, text) for p in parts)


def pick(judge, ix, q: Question, hits: list[Hit], targets: list[str]) -> list[Hit]:
    """The passage(s) answering ``q``: for a part's attribute the part's own row or clause, else the judge's pick
    unless it never names the part asked (a neighbour fact of another part) or says no value of the attribute."""
    attr = asked_attribute(q) if targets else None
    names = tuple(n for s in targets for n in judge.product_names(s))
    parts = asked_parts(q, attr, names) if attr is not None else []
    if not parts:
        picked = judge.pick(ix, q, hits, targets)
        return picked or (own_colours(judge, q, hits, targets) if attr is not None and attr.key == "colour" else [])
    for h in [h for h in hits if judge.eligible(q, h, targets)][:WINDOW]:
        c = h.chunk
        if c.sku in targets and c.layout != "fact" and said_of_part(judge, c, parts, attr) and judge.kept(q, c):
            h.chosen = True
            return [h]
    picked = judge.pick(ix, q, hits, targets)
    best = next((h for h in picked if h.chosen), picked[0]) if picked else None
    if best is None or not mentions_part(judge, best.chunk, parts) or \
            not attr.said.search(lexicon().fix_typos(best.chunk.text)):
        return []   # (刹车片用久了会掉粉 names the part and says no colour)
    return [h for h in picked if h is best or mentions_part(judge, h.chunk, parts)]


def own_colours(judge, q: Question, hits: list[Hit], targets: list[str]) -> list[Hit]:
    """有几个颜色 / 啥颜色 asked of the product itself (no part named): its row keyed by colour (颜色：原木色、白色), or
    the clause that lists its colours (有原木色、白色两个色); a clause naming a part first (把手是黑的) is that part's."""
    if q.residual and any(not any(w in ("颜色", "色") for w in g) for g in q.residual):
        return []   # 刻出来字啥颜色: something else is asked of too
    colour = lexicon().guards["term_colour"]
    for h in [h for h in hits if judge.eligible(q, h, targets)][:WINDOW]:
        c = h.chunk
        if c.sku not in targets or c.layout == "fact":
            continue
        key = judge.nameless(lexicon().fix_typos(c.key)).strip() if c.layout in ("bullet", "table", "qa") else ""
        clauses = [cl for cl in PHRASE.split(lexicon().fix_typos(c.text)) if cl.strip()]
        if key and colour.search(key) and len(key) <= 5 and clauses and COLOURS.search(clauses[0]):
            h.chosen = True
            return [h]
        if not key and any(len(COLOURS.findall(cl)) >= 2 and LISTING.search(cl) for cl in clauses) and judge.kept(q, c):
            h.chosen = True
            return [h]
    return []
