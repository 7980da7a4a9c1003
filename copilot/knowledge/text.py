"""The text side of retrieval: content hashes, jieba tokens and an in-memory BM25 index (notes are
read into pieces by ``notes.split_markdown``).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import re
from collections import defaultdict

from copilot.base.zhnum import normalize
from copilot.knowledge.wordlists import lexicon, lexicon_file, words_changed

PUNCT = re.compile(r"[\s，。！？、；：,.!?;:（）()【】\[\]「」“”\"'~～…—\-·/]+")


# 1米5 / 一米八 / 2尺6: a length said as a whole unit and its tenth (1.5 米, 1.8 米, 2.6 尺), as owners and viewers
# say a bed's width or a waist; a number after it that has a unit of its own (1 米 50 厘米, 2米5根) is no tenth
COMPOUND = re.compile(r"(?<![\d.])(\d{1,2}|[一二两三四五六七八九十])\s*(米|尺)\s*([1-9]|[一二三四五六七八九])"
                      r"(?![\d.]|\s*(?:[\d.]|厘米|公分|毫米|米|尺|寸|分|[一二三四五六七八九十]|[根条个块张只把支段卷包袋箱盒件套瓶斤元次]))")
COMPOUND_SPAN = re.compile(r"(?<![\d.])(\d+\.\d)\s*(米|尺)\s*(到|至|-|–|~|～)\s*(\d+\.\d)\s*\2")


# 一点五平米, 零点八毫米: a decimal said in Chinese numerals before a unit of measure (八点半, 三点五分 are clock times)
ZH_DECIMAL = re.compile(r"(?<![一二两三四五六七八九十百零〇\d])([一二两三四五六七八九十百零〇]+)点([零〇一二三四五六七八九]+)"
                        r"(?=\s*(?:平方米|平米|平方|米|厘米|公分|毫米|公里|公斤|千克|斤|克|升|毫升|寸|尺|倍))")


def _zh_decimal(m: re.Match, zh_to_number) -> str:
    whole = zh_to_number(m.group(1))
    digits = "".join(str(int(zh_to_number(ch) or 0)) if ch not in "零〇" else "0" for ch in m.group(2))
    return m.group(0) if whole is None else f"{int(whole)}.{digits}"


def decimal_lengths(text: str) -> str:
    """``text`` with lengths said as 1米5 / 一米八 / 2 尺 6 written as decimals (1.5 米, 1.8 米, 2.6 尺), and a span said
    with the unit twice (2.5 尺 到 2.8 尺) with it once (2.5 到 2.8 尺)."""
    from copilot.base.zhnum import zh_to_number

    def one(m: re.Match) -> str:
        whole, tenth = zh_to_number(m.group(1)), zh_to_number(m.group(3))
        return m.group(0) if whole is None or tenth is None else f"{int(whole)}.{int(tenth)} {m.group(2)}"

    text = COMPOUND.sub(one, text)
    text = ZH_DECIMAL.sub(lambda m: _zh_decimal(m, zh_to_number), text)
    return COMPOUND_SPAN.sub(lambda m: f"{m.group(1)}{m.group(3)}{m.group(4)} {m.group(2)}", text)


@functools.cache
def _question_words() -> tuple[tuple[re.Pattern, str], ...]:
    """The slips of the words a viewer asks with (``lexicon/parts.yaml`` ``question_words``), compiled."""
    words = lexicon_file("parts.yaml").get("question_words") or {}
    return tuple((re.compile(str(k)), str(v)) for k, v in words.items())


def ask_words(question: str) -> str:
    """``question`` with its asking words' keyboard slips read as meant (那里产的 -> 哪里产的, 头盔多种 -> 头盔多重,
    冲电 -> 充电, 店再哪 -> 店在哪): the question side only, before it is typed; notes keep their words (那里, 多种)."""
    for rx, meant in _question_words():
        question = rx.sub(meant, question)
    return question


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


_jieba = None  # jieba, imported and initialised on first use


def tokenizer():
    global _jieba
    if _jieba is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _jieba = jieba
    return _jieba


_added: dict[str, int | None] = {}   # word or prefix jieba did not know as such -> its entry before (None: absent)
_added_total = 0
_active: frozenset[str] = frozenset()


def add_words(words) -> None:
    """Teach jieba the product names and aliases of the store being served, so they stay whole tokens. The
    words of the store served before are taken out again, exactly: two stores in one process (the evals, a
    test) cut text as each would alone."""
    global _added_total, _active
    wanted = frozenset(w for w in words if w and len(w) > 1)
    if wanted == _active:
        return
    jb = tokenizer()
    dt = jb.dt
    for w, before in _added.items():
        if before is None:
            dt.FREQ.pop(w, None)
        else:
            dt.FREQ[w] = before
    dt.total -= _added_total
    _added.clear()
    _added_total = 0
    for w in sorted(wanted):
        for frag in [w[:i + 1] for i in range(len(w))]:
            if frag not in _added:
                _added[frag] = dt.FREQ.get(frag)
        jb.add_word(w, freq=2000)
        _added_total += 2000
    _active = wanted
    words_changed()


def modifier_only(word: str, text: str, head: re.Pattern) -> bool:
    """``text`` says ``word`` and only as the start of a longer word ending in a thing's ``head`` (保险 of 保险盒, 保险柜):
    the longer word names another thing, of which ``word`` is only the kind (农残快检 still speaks of 农残)."""
    if len(word) < 2 or word not in text:
        return False
    cut = tokenizer().lcut(text)
    inside = sum(tok.count(word) for tok in cut if len(tok) > len(word) and tok.startswith(word) and head.search(tok))
    return inside == text.count(word)


def bare(text: str) -> str:
    """A question as asked, without punctuation, particles and the product's pronoun (这个怎么用呀 -> 怎么用)."""
    return re.sub(r"[\s\W]|[吗呢呀啊嘛哈]+$|^(?:这个|这款|那个|它)", "", re.sub(r"[\s\W]+$", "", text))


def overlap(words: list[str], text: str) -> float:
    """The share of ``words`` (by characters) that ``text`` says."""
    if not words:
        return 0.0
    return sum(len(w) for w in words if w in text) / sum(len(w) for w in words)


def tokens(text: str) -> list[str]:
    """Search tokens: jieba words (search mode) plus the single CJK characters, minus stopwords."""
    text = normalize(text).lower()
    stop = lexicon().stopwords
    out = []
    for w in tokenizer().lcut_for_search(text):
        w = w.strip()
        if not w or PUNCT.fullmatch(w) or w in stop:
            continue
        out.append(w)
        if len(w) > 1 and re.fullmatch(r"[\u4e00-\u9fff]+", w):
            out.extend(f"#{ch}" for ch in w if ch not in stop)
    return out


class BM25Index:
    """Okapi BM25 over an inverted index, so scoring costs the postings of the query's tokens
    rather than the whole corpus; ``allowed`` restricts scoring to a subset of documents."""

    def __init__(self, docs: list[list[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.n = len(docs)
        self.lengths = [len(d) for d in docs]
        self.avg = (sum(self.lengths) / self.n) if self.n else 1.0
        self.postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, doc in enumerate(docs):
            counts: dict[str, int] = defaultdict(int)
            for t in doc:
                counts[t] += 1
            for t, c in counts.items():
                self.postings[t].append((i, c))
        self.idf = {t: math.log(1 + (self.n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}
        self.tf = {t: dict(p) for t, p in self.postings.items()}   # scored over a small scope without a scan

    def scores(self, query: list[str], allowed: set[int] | None = None) -> dict[int, float]:
        out: dict[int, float] = defaultdict(float)
        for t in set(query):
            idf = self.idf.get(t)
            if idf is None:
                continue
            if allowed is not None and len(allowed) < len(self.postings[t]):
                tfs = self.tf[t]
                pairs = [(i, tfs[i]) for i in allowed if i in tfs]
            else:
                pairs = [(i, tf) for i, tf in self.postings[t] if allowed is None or i in allowed]
            for i, tf in pairs:
                norm = tf + self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avg)
                out[i] += idf * tf * (self.k1 + 1) / norm
        return out
