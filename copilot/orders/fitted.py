"""The model of the buyer's own that the goods must fit (a phone, a vacuum cleaner, a glucose meter), said beside the
order: 手机壳来两个 苹果15的, 集尘袋来一包 戴森V8的, 边刷来两对 都是小米T7的, a 接龙 line's 手机壳2个 苹果14 / 2盒 14Pro.
The picker needs it on the order line; the catalog cannot list it. It is a part of its own (between spaces or
punctuation): a brand, then a code of digits and letters, then 的 (or, in a chain's terse lines, no 的).

Read from the catalog, no word list per store:

- a code the catalog's names or aliases hold names goods instead (128的 of 存储卡 128G, 5L的 of 5L装);
- a code of digits alone needs a brand (15的 is a size); a brand with a count or an order word in it is none (来两个15的);
- without 的, a code of digits is a model only when the catalog's specs name models of that brand with a number and
  no unit after it (苹果 12 到 15 全系列: 苹果14 is a model; 苹果 5斤装 says nothing, so 苹果3 stays 3 apples); a
  code of letters then digits (V8, Mate60, GA3) or digits then two letters or more (14Pro) is a model as it is,
  unless it is a metric unit (500ml, 2kg) or a times mark (x2).
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog
from copilot.orders.amounts import UNIT
from copilot.orders.lexicon import is_thing
from copilot.orders.memo import per_catalog

_CODE = r"(?P<code>(?![x×]\d)[a-z]{1,6}-?\d{1,5}[a-z]{0,4}|\d{1,5}\s*[a-z]{1,5}|(?P<digits>\d{1,5})|(?P<letters>[a-z]{2,4}))"
_MODEL = re.compile(rf"(?:要|都是|都要|是)?(?P<brand>[\u4e00-\u9fff]{{1,4}}?)?\s*{_CODE}\s*(?P<de>的)?", re.IGNORECASE)
# where a model may be said: a part ending in a code and 的, or a code with letters, or a word glued to two digits
MODEL_GATE = re.compile(r"[\da-z]\s*的|[a-z]\s*\d|\d\s*[a-z]{2}|[\u4e00-\u9fff]\d{2}(?!\d)", re.IGNORECASE)
_NOT_BRAND = re.compile(rf"[一二两俩三四五六七八九十几半]\s*(?:{UNIT}|个)|[来要拿买给帮再和跟送到号链]")
# units written in letters after a count (500ml, 2kg, 10000mAh): a size or a count, never a model
_METRIC = re.compile(r"\d\s*(?:ml|l|kg|g|mg|cm|mm|m|mah|gb|tb|w|v|pcs)$", re.IGNORECASE)


@per_catalog
def _names_text(catalog: Catalog) -> str:
    """Every name and alias of the catalog in one lower-case text (not the specs: they name the models goods fit)."""
    return " ".join(w for p in catalog for w in (p.name, *p.aliases)).lower()


@per_catalog
def _spec_text(catalog: Catalog) -> str:
    return " ".join(p.spec or "" for p in catalog)


def model_said(part: str, catalog: Catalog) -> bool:
    """Whether ``part`` is only the model of the buyer's own the goods must fit (苹果13的, 小米T7的, 14Pro)."""
    m = _MODEL.fullmatch(part.strip())
    if not m or m.group("brand") and _NOT_BRAND.search(m.group("brand")):
        return False
    brand, code = m.group("brand") or "", re.sub(r"\s+", "", m.group("code")).lower()
    if (m.group("digits") or m.group("letters")) and not brand:
        return False
    if re.search(rf"(?<![\d.a-z]){re.escape(code)}(?![\d])", _names_text(catalog)):
        return False
    if m.group("de"):
        return True
    if m.group("digits") or m.group("letters"):  # 苹果14: the specs name the brand's models by number
        return bool(re.search(rf"{re.escape(brand)}\s*\d+(?!\s*(?:[\d.]|{UNIT}))", _spec_text(catalog)))
    return not _METRIC.search(code) and not re.fullmatch(r"\d+\s*[a-z]", code)


# 下单留车型和年款, 拍下请备注机型: the listing asks the buyer to say the model the goods are made or cut for
_LEAVE = re.compile(r"(?:下单|拍下|购买)(?:时|请|后)?(?:留|备注|写|注明)[^，。,；;]{0,6}?(?:车型|机型|型号|款式|年款)")
_NAMED_MODEL = re.compile(r"(?:(?:19|20)\d{2}\s*款\s*)?(?P<w>[\u4e00-\u9fff]{2,6}?)(?:\s*\d{2,4}\s*款)?的?")


def model_asked(part: str, product) -> bool:
    """卡罗拉的, 朗逸, 2019款思域 beside an order of goods whose listing asks for the buyer's model (下单留车型): that
    model, the order's note. Not a common noun (方向盘套 may be goods the store does not list: a person asks); the
    caller checks the part names no goods of the catalog and asks nothing."""
    m = _NAMED_MODEL.fullmatch(part.strip())
    return bool(product is not None and product.spec and _LEAVE.search(product.spec) and m and not is_thing(m.group("w")))
