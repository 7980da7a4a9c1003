"""The store and its products as validated records: one pydantic model each (Store, Product)."""

from __future__ import annotations

import functools
import re
from datetime import time

from pydantic import BaseModel, ConfigDict, Field, field_validator

WEIGHT_UNITS = {"斤": 1.0, "公斤": 2.0, "两": 0.1}  # in 斤 (loose tea and herbs go by the 两, a tenth of a 斤)
# a declared pack: a number and a weight, or a count of what a case, box or bag holds (``Product.pack``): every
# classifier a comment can count in (24听 a case of beer, 12桶 a case of noodles, 6盒 a 提 of milk, 10卷 a 提 of paper,
# 7饼 a 提 of pressed tea, 12泡 a tasting box of tea)
PACK_UNITS = ("克", "g", "千克", "公斤", "kg", "斤", "个", "枚", "只", "片", "颗", "粒", "根", "块", "支", "条", "串",
              "小包", "包", "袋", "瓶", "盒", "听", "罐", "桶", "杯", "碗", "份", "提", "板", "把", "扎", "捆", "兜",
              "卷", "节", "张", "双", "套", "束", "枝", "盆", "本", "台", "部", "副", "对", "顶", "盏", "辆", "饼", "泡")
PACK_RE = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>" + "|".join(PACK_UNITS) + ")")


@functools.lru_cache(maxsize=1024)
def pack_amount(pack: str) -> tuple[float, str] | None:
    """(amount, unit) of a declared pack text (``500克`` -> (500.0, "克")), or None when it is no pack."""
    m = PACK_RE.fullmatch(pack)
    return (float(m.group("n")), m.group("u")) if m else None


SALE_UNITS = ("斤", "公斤", "盒", "袋", "个", "瓶", "块", "份", "箱", "桶", "只", "把", "根", "板",
              "提", "包", "条", "串", "颗", "枚", "杯", "罐", "扎", "捆", "兜", "听", "支", "斤装",
              "束", "盆", "卷", "双", "套", "件", "张", "节", "本",  # flowers by the 束, plants by the 盆, paper by the 卷
              # the shops beyond food: appliances by the 台, phones by the 部, gloves and glasses by the 副, earrings
              # and pillows by the 对, hats by the 顶, lamps by the 盏, bikes by the 辆, face masks by the 片
              "台", "部", "副", "对", "顶", "盏", "辆", "片",
              # a tea shop: pressed tea by the 饼 (a cake of 357克), loose tea by the 两
              "饼", "两")
MAX_LINK, MAX_PRICE, MAX_STOCK = 9999, 100_000, 1_000_000


_CLOCK = r"(\d{1,2})\s*[:：点]\s*(\d{2})"
_WINDOW_RE = re.compile(_CLOCK + r"\s*(?:-|－|—|–|~|～|至|到)\s*" + _CLOCK)


class Store(BaseModel):
    """The store's facts, free-form strings (name, address, hours, pickup, delivery, payment and any
    other key such as phone, wechat or after_sales), and three structured settings of the counter:
    ``pickup_window`` ("15:00-20:00") and ``pickup_days`` (1: the day after the stream) say when buyers
    collect, ``order_cutoff`` ("22:00") when orders close for tonight's purchase list."""

    model_config = ConfigDict(extra="allow", frozen=True)
    name: str = "我的小店"
    address: str = ""
    hours: str = ""
    pickup: str = ""
    delivery: str = ""
    payment: str = ""
    pickup_window: str = ""
    pickup_days: int = Field(default=1, ge=0, le=14)
    order_cutoff: str = ""

    @field_validator("pickup_window", mode="before")
    @classmethod
    def _window(cls, v) -> str:
        if v in (None, ""):
            return ""
        m = _WINDOW_RE.fullmatch(str(v).strip())
        start, end = (_clock(m.group(1), m.group(2)), _clock(m.group(3), m.group(4))) if m else (None, None)
        if start is None or end is None or start >= end:
            raise ValueError(f"取货时间段「{str(v)[:30]}」应写成 15:00-20:00 这样（开始早于结束）")
        return f"{start:%H:%M}-{end:%H:%M}"

    @field_validator("order_cutoff", mode="before")
    @classmethod
    def _cutoff(cls, v) -> str:
        if v in (None, ""):
            return ""
        if isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 24 * 60:  # YAML reads 22:00 as 1320
            v = f"{v // 60}:{v % 60:02d}"
        m = re.fullmatch(_CLOCK, str(v).strip())
        at = _clock(m.group(1), m.group(2)) if m else None
        if at is None:
            raise ValueError(f"截单时间「{str(v)[:30]}」应写成 22:00 这样的时刻")
        return f"{at:%H:%M}"

    def pickup_hours(self) -> tuple[time, time] | None:
        """The pickup window as two times: ``pickup_window``, else a window written in ``pickup``
        ("次日 15:00-20:00 到店自提"), else None."""
        text = self.pickup_window or self.pickup
        m = _WINDOW_RE.search(text or "")
        if not m:
            return None
        start, end = _clock(m.group(1), m.group(2)), _clock(m.group(3), m.group(4))
        return (start, end) if start and end and start < end else None

    def cutoff_time(self) -> time | None:
        return time.fromisoformat(self.order_cutoff) if self.order_cutoff else None

    @property
    def extra(self) -> dict[str, str]:
        return {k: str(v) for k, v in (self.model_extra or {}).items() if v is not None}

    def facts(self) -> dict[str, str]:
        """Every store field as label -> text (for the knowledge base and scripts)."""
        base = {"name": self.name, "address": self.address, "hours": self.hours,
                "pickup": self.pickup, "delivery": self.delivery, "payment": self.payment}
        return {k: v for k, v in {**base, **self.extra}.items() if v}


class Product(BaseModel):
    """One product of the catalog, validated as it is loaded (one model: no twin dataclass)."""

    model_config = ConfigDict(extra="ignore", frozen=True)
    sku: str = Field(pattern=r"^[A-Za-z0-9_\-]+$", max_length=64)
    name: str = Field(min_length=1, max_length=100)
    link: int = Field(ge=1, le=MAX_LINK)
    unit: str
    price: float = Field(ge=0, le=MAX_PRICE, allow_inf_nan=False)
    stock: float = Field(ge=0, le=MAX_STOCK, allow_inf_nan=False)
    aliases: tuple[str, ...] = ()
    category: str | None = None
    spec: str | None = None
    original_price: float | None = Field(default=None, ge=0, le=MAX_PRICE, allow_inf_nan=False)
    offer: str | None = None
    limit_per_buyer: float | None = Field(default=None, gt=0, le=MAX_STOCK, allow_inf_nan=False)
    origin: str | None = None
    supplier: str | None = None  # who the store buys it from (以销定采: the purchase list groups by it)
    notes: str | None = None
    pack: str | None = None  # what one sale unit holds, declared: 500克, 2斤, 20个, 12块 (要一斤 of a 500-克 袋 is 1 袋)

    @field_validator("pack")
    @classmethod
    def _pack_amount(cls, v: str | None) -> str | None:
        if v is not None and not PACK_RE.fullmatch(str(v).strip()):
            raise ValueError(f"看不懂「{v}」：写成一个数加一个单位，例如 500克、2斤、20个、12块")
        return None if v is None else str(v).strip()

    @property
    def pack_size(self) -> tuple[float, str] | None:
        """(amount, unit) of ``pack``: (500.0, "克"), (20.0, "个"); None when not declared. Read once per pack
        text (``pack_amount``), not once per access: nothing is stored on the frozen model, so a copy with
        another ``pack`` (model_copy(update=...)) can never carry a stale size."""
        return None if self.pack is None else pack_amount(self.pack)

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, v: str) -> str:
        if v not in SALE_UNITS:
            raise ValueError(f"未知单位「{v}」，可用：{' '.join(SALE_UNITS)}")
        return v

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases_list(cls, v):
        if v is None:
            return ()
        if not isinstance(v, (list, tuple)):
            raise ValueError("应写成列表，例如 [草莓, 九九草莓]（不能只写一个词）")
        return tuple(str(a).strip() for a in v if a not in (None, "") and str(a).strip())

    @property
    def is_weight(self) -> bool:
        return self.unit in WEIGHT_UNITS

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def price_text(self) -> str:
        return f"{fmt_number(self.price)}元/{self.unit}"


def _clock(h: str, m: str) -> time | None:
    hour, minute = int(h), int(m)
    if hour == 24 and minute == 0:
        return time(23, 59)
    return time(hour, minute) if hour < 24 and minute < 60 else None


def fmt_number(x: float) -> str:
    """19.9 -> '19.9', 59.0 -> '59', 1.50 -> '1.5'."""
    return f"{x:.2f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))

