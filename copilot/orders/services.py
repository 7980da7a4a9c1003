"""Services sold beside goods (a laundry's 雪地靴清洗, a cobbler's 皮鞋护理, a watch shop's 手表维修): the name of a
service is the goods worked on, then the work (``data/service_words.txt``). A viewer names the service by its goods
(靴子来一双: the boots to be washed), so the readers of a name's head noun look at the goods part."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path


@cache
def _service_end() -> re.Pattern:
    text = (Path(__file__).parent / "data" / "service_words.txt").read_text(encoding="utf-8")
    words = sorted({w for line in text.splitlines() if not line.startswith("#") for w in line.split()}, key=len,
                   reverse=True)
    return re.compile(r"(?<=[\u4e00-\u9fff])(?:" + "|".join(map(re.escape, words)) + r")$")


def goods_worked_on(name: str) -> str:
    """The name without the work it ends with (雪地靴清洗 -> 雪地靴, 羽绒服干洗 -> 羽绒服); any other name as it is."""
    return _service_end().sub("", name)
