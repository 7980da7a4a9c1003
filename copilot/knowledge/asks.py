"""Which aspects a question asks about (storage, cooking, delivery ...) and where the words that ask them are.

``aspects_asked`` reads the aspect cues of ``lexicon/aspects.yaml`` in a question: the aspects it names
(topics), those it only hints at (soft) and the cue words found (triggers), dropping a cue that is part of a
longer cue of another aspect or of a guard that reads it otherwise (能放微波炉: into an appliance, not kept).
``trigger_spans`` says where those cue words are, so that ``question.analyse`` can take them out of what the answer
must say.
"""

from __future__ import annotations

import re

from copilot.knowledge.text import tokenizer
from copilot.knowledge.wordlists import lexicon

COOK_TIME = r"[{verbs}][^，,。？?！!\s]{{0,3}}?(多久|几分钟|多少分钟|多长时间|几个小时|几小时|多少时间|几秒)"


def guard(name: str) -> re.Pattern:
    """The named guard pattern of ``lexicon/guards.yaml``."""
    return lexicon().guards[name]


def aspects_asked(text: str) -> tuple[list[str], list[str], list[str]]:
    aspects = lexicon().aspects
    topics, soft, triggers = [], [], []
    hits = {key: [w for w in a.ask if w in text] for key, a in aspects.items()}
    for key, a in aspects.items():
        hit = [w for w in hits[key] if not _inside(text, w, [v for k, ws in hits.items() if k != key for v in ws])]
        if hit:
            topics.append(key)
            triggers.extend(hit)
        elif any(w in text for w in a.hint):
            soft.append(key)
    if "cooking" in topics and "taste" in topics and all(w in ("好吃", "怎么样") for w in aspects["taste"].ask
                                                         if w in text):
        topics.remove("taste")  # 怎么做好吃 asks for a recipe
    _drop_cue(text, topics, triggers, "storage", "appliance")   # 能放微波炉化不: put into an appliance, not kept
    if _drop_cue(text, topics, triggers, "storage", "let_out"):   # 能放长吗: let out, not kept; 放长 is asked
        triggers[:] = [w for w in triggers if w not in aspects["storage"].ask]
    _drop_cue(text, topics, triggers, "aftersales", "swap")     # 礼盒能换成巢蜜吗: a swap, no exchange rule
    _drop_cue(text, topics, triggers, "storage", "lasting_after")   # 贴了能用多久: how long it lasts, not keeps
    _drop_cue(text, topics, triggers, "delivery", "asks_included")   # 送刀吗: whether one comes with it, no delivery
    if _drop_cue(text, topics, triggers, "cooking", "made_count"):   # 能做几件, 能做多长: what is made, no recipe
        triggers[:] = [w for w in triggers if w not in aspects["cooking"].ask]   # (做 is asked: 能做到 10 米长)
    verbs = "".join(w for w in aspects["cooking"].hint if len(w) == 1)
    if verbs and re.search(COOK_TIME.format(verbs=verbs), text) and "cooking" not in topics:
        topics.append("cooking")
        soft = [t for t in soft if t != "cooking"]
    return topics, soft, triggers


def _drop_cue(text: str, topics: list[str], triggers: list[str], aspect: str, name: str) -> bool:
    """Drop ``aspect`` from ``topics`` when each of its cues in ``text`` is part of a match of the ``name``
    guard: 能放 of 能放微波炉 puts it into an appliance (no storage), 能换 of 能换成巢蜜 asks a swap. True when dropped."""
    spans = [m.span() for m in guard(name).finditer(text)]
    cues = [m for w in triggers if w in lexicon().aspects[aspect].ask for m in re.finditer(re.escape(w), text)]
    if aspect in topics and spans and all(any(m.start() < b and a < m.end() for a, b in spans) for m in cues):
        topics.remove(aspect)
        return True
    return False


def _inside(text: str, word: str, longer: list[str]) -> bool:
    """Every ``word`` of ``text`` is part of a longer cue of another aspect (几点送 of 几点送来: an arrival, not a
    delivery): the longest cue says what is asked."""
    spans = [(m.start(), m.end()) for w in longer if len(w) > len(word) and word in w
             for m in re.finditer(re.escape(w), text)]
    return bool(spans) and all(any(a <= m.start() and m.end() <= b for a, b in spans)
                               for m in re.finditer(re.escape(word), text))


def trigger_spans(text: str, triggers: list[str]) -> list[tuple[int, int]]:
    """Where the aspect words are, except inside a longer dictionary word: 支付宝 names a way to
    pay (the answer must say it), it is not the trigger 支付. Of 怎么 + a specific verb (怎么热, 怎么泡) only
    怎么: the verb is what the answer must say (or a word for it: 洗 is said by 刷, ``thesaurus``)."""
    words, pos = [], 0
    for w in tokenizer().lcut(text):
        words.append((pos, pos + len(w), w))
        pos += len(w)
    freq = tokenizer().dt.FREQ
    stop = lexicon().stopwords
    hints = {w for a in lexicon().aspects.values() for w in a.hint}
    spans = []
    for t in set(triggers):
        for m in re.finditer(re.escape(t), text):
            a, b = m.span()
            if t.startswith("怎么") and t[2:] in hints:
                b = a + 2   # 怎么热 asks how to heat it: 热 is a word the answer must say
            inside = any(s <= a and b <= e and e - s > b - a and freq.get(w) and w not in stop
                         and not any(t2 in w for t2 in triggers if len(t2) > len(t))
                         for s, e, w in words)
            if not inside:
                spans.append((a, b))
    return spans
