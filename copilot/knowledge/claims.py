"""What a generated reply claims (numbers, places) and whether its sources say so.
"""

from __future__ import annotations

import re

from copilot.base.zhnum import normalize, zh_to_number
from copilot.knowledge.wordlists import lexicon

ZH_NUM_UNIT = re.compile(r"([零〇一二两三四五六七八九十百千]+)(?=[个只斤块元度天小时点分钟克号月日年岁周次倍成%斤两袋盒瓶桶条把枚片升])")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
PLACE_SUFFIX = re.compile(r"[\u4e00-\u9fff]{1,5}(?:省|市|县|镇|乡|村|岛)")


def numbers_in(text: str) -> set[float]:
    text = normalize(text)
    text = re.sub(r"(\d+)块(\d)(?!\d)", r"\1.\2", text)            # 19块9 -> 19.9
    text = ZH_NUM_UNIT.sub(lambda m: _zh(m.group(1)), text)
    return {float(x) for x in _NUMBER.findall(text)}


def _zh(s: str) -> str:
    v = zh_to_number(s)
    if v is None:
        return s
    return str(int(v)) if v == int(v) else str(v)


def places_in(text: str) -> set[str]:
    found = {m.group(0) for m in lexicon().place_re.finditer(text)}
    found |= {m.group(0) for m in PLACE_SUFFIX.finditer(text)}
    return found


def unsupported_claims(reply: str, evidence: str, names=()) -> list[str]:
    """Numbers and places stated in ``reply`` that ``evidence`` does not contain; ``names`` (the products'
    names) are no claims: 哈密瓜 does not say it comes from 哈密."""
    for n in sorted(names, key=len, reverse=True):
        reply = reply.replace(n, " ")
    have = numbers_in(evidence)
    bad = [_fmt(n) for n in sorted(numbers_in(reply)) if n not in have]
    bad += sorted(p for p in places_in(reply) if not _place_supported(p, evidence))
    return bad


def _place_supported(place: str, evidence: str) -> bool:
    # "产自东港市" is supported by "东港市": some tail of the match of 3+ characters is in the evidence
    if place in evidence:
        return True
    return len(place) > 3 and any(place[i:] in evidence for i in range(1, len(place) - 2))


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)
