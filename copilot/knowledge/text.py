"""The text side of retrieval: markdown split into sourced pieces, content hashes, jieba tokens and an
in-memory BM25 index.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
from collections import defaultdict
from dataclasses import dataclass

from copilot.base.zhnum import normalize

SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")
PUNCT = re.compile(r"[\s，。！？、；：,.!?;:（）()【】\[\]「」“”\"'~～…—\-·/]+")
# Words that carry no content in a viewer's question.
STOPWORDS = set("""
请问 请 问问 问下 问一下 想问 吗 呢 啊 呀 吧 哈 哦 嘛 么 的 了 是 不是 是不是 有 没 没有 有没有 能 能不能 可以 可不可以
怎么 怎么样 怎样 如何 什么 啥 咋 多少 几 哪 哪里 哪儿 这个 那个 这 那 它 这款 那款 这种 你们 你家 你 我 我们 咱们 咱
主播 老板 店长 一下 还 都 就 要 会 和 跟 给 在 个 一般 大概 到底 现在 今天 今晚 家 们 下 买 吃 好 不 也 又 真的 真 有点
多 点 大家 谁 知道 告诉 说说 说 讲讲 讲 看看 看 一 上 里 用 让 被 把 得 着 过 等 呗 嗯 噢 喔 哇 诶 额 求 姐 哥 亲
能不能 可不可以 会不会 有没有 要不要 好不好 行不行 对不对 帮忙 帮 帮我 需要 能否 一起 其实 感觉 东西 产品 问题 情况
几点 什么时候 时候 啥时候 几号 哪天 多久 几天 多长时间 多少天 几个月 哪里 哪儿 在哪 在哪里 什么样 怎么样
意思 什么意思 这边 那边 你们家 比较 特别 非常 很 太 挺 还是 或者 然后 那么 这么 怎么办 是否 该 应该 得 拿 来 去 啦 么样
哪个 哪些 哪种 信息 资料 内容 挂 拍 明天 后天 昨天 以后 之后 买回来 买回去 回家 拿回家 咋办 平时 平常 的话
先 再 才 才能 最 些 一些 合适 体质 儿 发个 发下 发一下 麻烦 谢谢 拜托 想 想要 我家
""".split())


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Piece:
    """One chunk before it is stored: a sentence (or two short ones) with its section heading."""
    section: str
    text: str


def split_markdown(text: str, min_len: int = 8) -> tuple[str, list[Piece]]:
    """(title, pieces): ``# title``, ``## section`` headings; each line split into sentences,
    very short sentences merged into the next so every piece says one complete thing."""
    title, section, pieces = "", "", []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("<!--"):
            continue
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            heading = line.lstrip("#").strip()
            if level == 1 and not title:
                title = heading
            else:
                section = heading
            continue
        line = re.sub(r"^([-*+]|\d+[.、])\s*", "", line)
        buf = ""
        for sent in (s.strip() for s in SENTENCE_END.split(line)):
            if not sent:
                continue
            buf += sent
            if len(buf) >= min_len:
                pieces.append(Piece(section, buf))
                buf = ""
        if buf:
            if pieces and pieces[-1].section == section and len(buf) < min_len:
                pieces[-1] = Piece(section, pieces[-1].text + buf)
            else:
                pieces.append(Piece(section, buf))
    return title, pieces


_jieba = None  # jieba, imported and initialised on first use


def tokenizer():
    global _jieba
    if _jieba is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _jieba = jieba
    return _jieba


def add_words(words) -> None:
    """Teach jieba the product names and aliases so they stay whole tokens."""
    jb = tokenizer()
    for w in words:
        if w and len(w) > 1:
            jb.add_word(w, freq=2000)


def tokens(text: str) -> list[str]:
    """Search tokens: jieba words (search mode) plus the single CJK characters, minus stopwords."""
    text = normalize(text).lower()
    out = []
    for w in tokenizer().lcut_for_search(text):
        w = w.strip()
        if not w or PUNCT.fullmatch(w) or w in STOPWORDS:
            continue
        out.append(w)
        if len(w) > 1 and re.fullmatch(r"[\u4e00-\u9fff]+", w):
            out.extend(f"#{ch}" for ch in w if ch not in STOPWORDS)
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

    def scores(self, query: list[str], allowed: set[int] | None = None) -> dict[int, float]:
        out: dict[int, float] = defaultdict(float)
        for t in set(query):
            idf = self.idf.get(t)
            if idf is None:
                continue
            for i, tf in self.postings[t]:
                if allowed is not None and i not in allowed:
                    continue
                norm = tf + self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avg)
                out[i] += idf * tf * (self.k1 + 1) / norm
        return out
