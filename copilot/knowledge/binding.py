"""Whether the value a passage states is the value of what was asked: in ``笋干泡 1 到 2 天。没泡的密封能放
1 年`` the 1 年 belongs to 没泡的 (not soaked), so it answers no 泡几天; in ``冷藏 2 天，冷冻 3 个月`` the 3 个月
belongs to 冷冻.

A passage's sentences are cut into clauses; a question word said in a clause that states a value of the kind
asked is bound to that value, one said in a clause without such a value to the values of the nearest clauses
before and after it in its sentence. A word is said as the question says it: 没泡的 does not say 泡, but it
does say 没切的 when the question asks about 没切的. ``distance`` measures how tightly: ``泡 1 到 2 天`` is
closer than ``泡发好的没吃完，放冰箱冷藏，2 天内吃完``.
"""

from __future__ import annotations

import re

from copilot.base.nouns import nouns
from copilot.knowledge.kinds import value_spans
from copilot.knowledge.wordlists import lexicon

SENTENCE = re.compile(r"[。！？!?；;\n]")
CLAUSE = re.compile(r"[，,：:。！？!?；;\n]|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")   # a voice note breaks with spaces
NEGATION = "没不未别非"
COMING = "来去"   # 没来拿, 不去取: the doing after coming or going is negated as 没拿 is


def negated_at(text: str, i: int) -> bool:
    """The word starting at ``i`` of ``text`` is negated: right after a negation, or after one and 来 / 去."""
    return i > 0 and (text[i - 1] in NEGATION or i > 1 and text[i - 1] in COMING and text[i - 2] in NEGATION)


def negated_in(word: str, text: str) -> bool:
    """``word`` is said in ``text`` only negated (没切的)."""
    starts = [m.start() for m in re.finditer(re.escape(word), text)]
    return bool(starts) and all(negated_at(text, i) for i in starts)


def said(word: str, text: str, negated: bool) -> bool:
    """``word`` is said in ``text`` somewhere negated (``negated``) or somewhere not."""
    return any(negated_at(text, i) == negated for i in
               (m.start() for m in re.finditer(re.escape(word), text)))


def window_forbidden(text: str, at: int) -> bool:
    """The doing said at ``at`` is forbidden within a span (24 小时内别洗车): it says when it may be done, after the
    span, and is said as asked by 多久能洗车."""
    start = max(0, at - 16)
    return any(start + m.end() <= at <= start + m.end() + 2 and not re.search(r"[，,。；;！!？?]", text[start + m.end():at])
               for m in lexicon().guards["window_forbids"].finditer(text[start:at]))


def one_of(word: str) -> tuple[str, ...]:
    """一个班 (one of a thing, counted by 个) as notes write it short: 一班, 每班 (一班6人以内)."""
    return ("一" + word[2], "每" + word[2]) if len(word) == 3 and word[:2] in ("一个", "每个") else ()


def word_spans(word: str, text: str, negated: bool = False) -> list[tuple[int, int]]:
    """Where ``word`` (or a viewer's other word for it, or the head of a compound) is said in ``text``,
    negated exactly when ``negated``; a word of two characters not said whole is found by its characters."""
    alts = [word, *lexicon().thesaurus.get(word, ()), *one_of(word)]
    if len(word) >= 3:
        alts += [word[i:] for i in range(1, len(word) - 1)]
    spans = [m.span() for a in alts if a for m in re.finditer(re.escape(a), text, re.IGNORECASE)]   # suv: SUV
    if len(word) == 2:
        spans += [m.span() for m in re.finditer(re.escape(word[0]) + r".{0,3}?" + re.escape(word[1]), text)]
        if not spans:
            stop = lexicon().stopwords
            spans = [m.span() for ch in word if ch not in stop for m in re.finditer(re.escape(ch), text)]
    return [(s, e) for s, e in spans
            if negated_at(text, s) == negated or not negated and window_forbidden(text, s)]


def distance(kind: str, units, words: list[str], text: str, negated=frozenset()) -> int | None:
    """The fewest characters between a value of ``kind`` and a question word bound to it, or None when no
    value is bound to any of ``words`` (``negated``: the words the question says negated)."""
    fixed = lexicon().fix_typos(text)
    values = value_spans(kind, fixed, units)
    if not values:
        return None
    clauses = _clauses(fixed)
    valued = {i for i, (a, b, _s) in enumerate(clauses) if any(a <= vs < b for vs, _ve, _v in values)}
    best = None
    for w in words:
        for ws, we in word_spans(w, fixed, w in negated):
            for vs, ve in _bound_values(ws, clauses, valued, values):
                d = vs - we if we <= vs else max(0, ws - ve)
                best = d if best is None else min(best, d)
    return best


def _clauses(text: str) -> list[tuple[int, int, int]]:
    """(start, end, sentence number) of each clause."""
    out, start, sentence = [], 0, 0
    for m in CLAUSE.finditer(text + "\n"):
        out.append((start, m.start(), sentence))
        start = m.end()
        if SENTENCE.match(m.group(0)):
            sentence += 1
    return out


def _bound_values(at: int, clauses, valued: set[int], values) -> list[tuple[int, int]]:
    i = next((k for k, (a, b, _s) in enumerate(clauses) if a <= at <= b), None)
    if i is None:
        return []
    if i in valued:
        picked = [i]
    else:
        sentence = clauses[i][2]
        before = [k for k in valued if k < i and clauses[k][2] == sentence]
        after = [k for k in valued if k > i and clauses[k][2] == sentence]
        picked = ([max(before)] if before else []) + ([min(after)] if after else [])
    return [(vs, ve) for k in picked for vs, ve, _v in values if clauses[k][0] <= vs < clauses[k][1]]


AFTER_COUNT = re.compile(r"\s*(?:以上|左右|多)?\s*的?\s*")


def own_values(kind: str, units, text: str, question: str, names: tuple[str, ...] = (),
               plain: bool = True) -> list[str]:
    """The values of ``kind`` in ``text`` that can be the value asked: not a threshold of a rule (坏果超过五颗,
    超过 2 颗有虫眼的那批不卖) when the question asks the product's own value (``plain``: 一袋多少颗, no word of a
    case like 坏几个能补) and no threshold (超过几颗, 几天以内), nor a count of another thing
    (8 个角, 两颗红枣) unless the question (its words other than the product's ``names``) says that thing or it
    is one of the product's names; a value restated in brackets (五颗（5颗）) goes with the one before it."""
    fixed = lexicon().fix_typos(text)
    asks_threshold = not plain or any(w in question for w in lexicon().comparisons) or per_limit(question, fixed)
    out, dropped_end = [], -1
    for vs, ve, v in value_spans(kind, fixed, units):
        if fixed[dropped_end:vs].strip() in ("（", "("):
            dropped_end = ve
            continue
        if not asks_threshold and _after_comparison(fixed[max(0, vs - 4):vs].rstrip()) or \
                kind == "count" and _of_another(counted_noun(fixed[ve:]), question, names):
            dropped_end = ve
            continue
        out.append(v)
    return out


def per_limit(question: str, text: str) -> bool:
    """The question asks per one measure (一次送几件, 一张能用几次) and the passage says that measure too (每次不超过
    5 件): an upper limit per that measure is the value asked, no threshold of a rule."""
    per = [m.group(0)[1:] for m in lexicon().guards["per_amount"].finditer(question)]
    g = lexicon().guards   # an upper limit only (不超过 5 件): 一袋里破了超过 3 只 is a rule's threshold
    return any(f"每{u}" in text or f"一{u}" in text for u in per) and g["bound_below"].search(text) is not None \
        and g["bound_above"].search(text) is None


def _after_comparison(before: str) -> bool:
    return any(before.endswith(w) for w in lexicon().comparisons if w not in ("以上", "以下", "以内", "之内"))


def _of_another(noun: list[str], question: str, names: tuple[str, ...]) -> bool:
    """``noun``: the words said right after a count (its first a noun); it counts the product or what the
    question counts (一枝几个头: 3 到 5 个小花头) unless none of its words is the question's or a name."""
    if not noun:
        return False
    for n in names:
        question = question.replace(n, " ")
    stop = lexicon().stopwords
    said = any(w in question for w in noun if w not in stop) or re.search(
        rf"(?:几|多少)\s*[个只颗枚]?\s*{re.escape(noun[0][-1])}", question) is not None   # 5 个小包 for 几个包
    return not said and not (len(noun[0]) >= 2 and any(noun[0] in n for n in names)) and noun[0] not in names


def counted_noun(after: str) -> list[str]:
    """The words right after a count when they name what it counts (8 个角, 10 个以上的角, 两颗红枣), or []."""
    from copilot.knowledge.text import tokenizer

    m = AFTER_COUNT.match(after)
    run = re.match(r"[\u4e00-\u9fff]{1,4}", after[m.end():] if m else after)
    if not run:
        return []
    words = tokenizer().lcut(run.group(0))
    return words if words[0] in nouns() else []
