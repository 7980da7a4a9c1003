"""Services sold beside goods (a laundry's 雪地靴清洗, a cobbler's 皮鞋护理, a watch shop's 手表维修): the name of a
service is the goods worked on, then the work (``data/service_words.txt``). A viewer names the service by its goods
(靴子来一双: the boots to be washed), so the readers of a name's head noun look at the goods part."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from copilot.orders.packs import BRACKETED


@cache
def _service_end() -> re.Pattern:
    text = (Path(__file__).parent / "data" / "service_words.txt").read_text(encoding="utf-8")
    words = sorted({w for line in text.splitlines() if not line.startswith("#") for w in line.split()}, key=len,
                   reverse=True)
    return re.compile(r"(?<=[\u4e00-\u9fff])(?:" + "|".join(map(re.escape, words)) + r")$")


def goods_worked_on(name: str) -> str:
    """The name without the work it ends with (雪地靴清洗 -> 雪地靴, 羽绒服干洗 -> 羽绒服); any other name as it is."""
    return _service_end().sub("", name)


# 洗一双, 干洗两件, 修一块: the work a service does, said as the verb before how many things (雪地靴 洗一双: the 雪地靴清洗)
WORK = r"(?:[干水精湿手]?洗|清洗|维?修|修理|护理|保养|翻新|拆装|安装)"
_WORK_WORD = re.compile(WORK)


def work_of(word: str, product) -> bool:
    """``word`` is only the work ``product``, a service (a name ends with its work), does and its name says (洗 of
    雪地靴清洗; not of 洗衣凝珠, goods): said with a count it orders that service, no other goods."""
    return bool(word) and _WORK_WORD.fullmatch(word) is not None and any(word in n for n in product.names) \
        and any(_is_service(BRACKETED.sub("", n).strip()) for n in product.names)


def _is_service(name: str) -> bool:
    return goods_worked_on(name) != name
