"""The reply side of an answer: the chosen passage stated as a natural sentence, why it was chosen
(aspect, kind of value, source) in words the assistant reads, the reply for a link number that does
not exist, and the typed check of a model's reply (it must state a value of the kind asked that the
sources hold).
"""

from __future__ import annotations

import re

from copilot.base.catalog import Product
from copilot.knowledge.claims import numbers_in
from copilot.knowledge.docs import Chunk, short_name
from copilot.knowledge.kinds import aspect_label, kind_label, shown_values, strict, values_of

QUESTION_KEY = re.compile(r"[？?]$|吗|么|呢|几|多少|怎么|咋|啥|什么|哪|谁|能不能|可以不|行不|多久|多长|多大|多重|多远|"
                          r"要不要|是不是|有没有|能否|可否")
NUMERAL = re.compile(r"[\d一二两三四五六七八九十百半]")
END = ("。", "！", "？", "）", "!", "?")


def phrase(c: Chunk, product: Product | None, subject: bool = True) -> str:
    """The passage as one natural sentence: ``大瓶酸奶保质期 21 天。``, ``面粉产地：河南周口商水县。``;
    the answer of a Q&A pair as written; a sentence that does not name its product gets its name."""
    text = c.text.strip().rstrip("；;，, ")
    if c.layout == "fact" or (not c.layout and c.kind == "fact"):
        if c.sku or "：" not in text:  # a product's catalog line reads without its label; the store's keeps it
            text = text.split("：", 1)[1] if "：" in text else text
    elif c.key and c.layout in ("bullet", "table") and not QUESTION_KEY.search(c.key) and c.key not in text:
        text = f"{c.key}{' ' if text[:1].isdigit() else '：'}{text}"
    if subject and product and c.layout != "qa" and not any(n in text for n in product.names):
        short = short_name(product)
        text = short + ("，" if text[:1].isdigit() else "") + text
    return text if text.endswith(END) else text + "。"


def the_value(kind: str, texts: list[str]) -> str:
    """The first value of ``kind`` the chosen passages state (``21 天``), for the assistant to see."""
    if not strict(kind):
        return ""
    found = [v for t in texts for v in shown_values(kind, t)]
    if kind in ("count", "weight", "amount"):  # 一袋 30 个: 一袋 is the unit counted, not the count
        found = [v for v in found if not re.fullmatch(r"[一每]\s*\S", v)] or found
    return next((v for v in found if NUMERAL.search(v)), found[0] if found else "")   # 周二 before 每天


def asked_text(aspects: list[str], kind: str) -> str:
    """储存 · 时长: what a question asks about and the kind of value it wants, in the assistant's words."""
    return " · ".join(x for x in ["、".join(aspect_label(a) for a in aspects), kind_label(kind)] if x)


def why_answered(aspects: list[str], kind: str, chunk: Chunk, value: str) -> str:
    """为什么选这条: the aspect and the kind of value asked, the source and the value it holds."""
    asked = asked_text(aspects, kind)
    where = chunk.file + (f"「{chunk.section}」" if chunk.section else "") + (f"「{chunk.key}」" if chunk.key and
                                                                           chunk.layout != "fact" else "")
    parts = [f"问的是：{asked}" if asked else "", f"依据：{where}", f"答案里的{kind_label(kind)}：{value}" if value else ""]
    return "；".join(p for p in parts if p)


def why_refused(aspects: list[str], kind: str, subject: str) -> str:
    asked = asked_text(aspects, kind)
    about = f"{subject}的" if subject else ""
    if asked:
        return f"资料里没有讲{about}「{asked}」的句子，交给助理回答"
    return f"资料里没有能回答这个问题的{about}句子，交给助理回答"


def link_ranges(links: list[int]) -> str:
    """[1, 2, 3, 5, 7, 8] -> "1–3、5、7–8"."""
    out, start, prev = [], None, None
    for n in sorted(set(links)):
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            out.append(f"{start}–{prev}" if prev != start else f"{start}")
            start = prev = n
    if start is not None:
        out.append(f"{start}–{prev}" if prev != start else f"{start}")
    return "、".join(out)


def missing_link_text(numbers: list[int], links: list[int]) -> str:
    asked = "、".join(str(n) for n in numbers)
    if not links:
        return f"没有 {asked} 号链接，直播间现在还没有上链接"
    return f"没有 {asked} 号链接，直播间现在是 {link_ranges(links)} 号链接"


def typed_reply_ok(kind: str, reply: str, evidence: str) -> bool:
    """A model's reply to a question asking for a ``kind`` of value must state such a value, and the
    value must be one the sources hold (its numbers, or its words)."""
    if not strict(kind):
        return True
    values = values_of(kind, reply)
    return any(_supported(v, evidence) for v in values)


def _supported(value: str, evidence: str) -> bool:
    nums = numbers_in(value)
    if nums:
        return nums <= numbers_in(evidence)
    v = re.sub(r"\s+", "", value)
    ev = re.sub(r"\s+", "", evidence)
    return v in ev or (len(v) > 2 and any(v[i:] in ev for i in range(1, len(v) - 1)))
