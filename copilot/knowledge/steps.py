"""How to use it, asked with nothing else (这个咋用, 灭火毯怎么用, 咋戴): the steps the product's notes give under a
heading or key that names the way of using it (【使用方法】, 用法, 步骤：……), told in the order the notes give them.

    steps_asked(ix, q, targets) -> [Hit, ...]   (one per step, in order; [] when no such heading)
"""

from __future__ import annotations

import re

from copilot.knowledge.docs import seq_of
from copilot.knowledge.index import Hit, Index
from copilot.knowledge.question import Question, guard
from copilot.knowledge.wordlists import lexicon

MAX_STEPS = 6      # a reply tells this many steps at most
MAX_CHARS = 160    # ... and this many characters of them
# 怎么用 / 这个咋使 / 咋戴 / 怎么安装: the way of using it asked, nothing else; group 1 is the doing
BARE_HOW = re.compile(r"^(?:这个|这|它|那个)?怎么(?:个)?(用|使用|使|操作|戴|佩戴|装|安装)(?:呢|啊|呀|的)?$")
USE = "用使操戴"   # doings any heading of use answers (a mask is used by wearing it); 装 needs 安装方法


def steps_asked(ix: Index, q: Question, targets: list[str]) -> list[Hit]:
    """The steps of the first section or key of the product's notes that names how to use it, when the question
    asks only that (``BARE_HOW``); else []."""
    m = BARE_HOW.match(re.sub(r"\s", "", lexicon().fix_typos(q.unnamed)))
    if not m or not targets:
        return []
    doing = m.group(1)
    rows = sorted((i for i in ix.by_sku.get(targets[0], ()) if ix.chunks[i].layout != "fact"),
                  key=lambda i: (ix.chunks[i].doc, seq_of(ix.chunks[i].id)))
    for i in rows:
        c = ix.chunks[i]
        head = c.key if guard("steps_heading").search(c.key) else c.section
        if not guard("steps_heading").search(head) or not (doing[-1] in head or doing[-1] in USE):
            continue
        steps, size = [], 0
        for j in rows[rows.index(i):]:
            s = ix.chunks[j]
            if s.doc != c.doc or (s.key if head == c.key else s.section) != head or len(steps) >= MAX_STEPS or \
                    size + len(s.text) > MAX_CHARS:
                break
            steps.append(ix.hit(j, 1.0, 1.0))
            size += len(s.text)
        if steps:
            steps[0].chosen = True
        return steps
    return []
