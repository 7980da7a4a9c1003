"""The store and its products, loaded and validated from ``knowledge/products.yaml``."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from copilot.base.errors import CatalogError
from copilot.base.zhnum import NUM_PATTERN, as_int, normalize, zh_to_number

log = logging.getLogger(__name__)
WEIGHT_UNITS = {"斤": 1.0, "公斤": 2.0}  # in 斤
SALE_UNITS = ("斤", "公斤", "盒", "袋", "个", "瓶", "块", "份", "箱", "桶", "只", "把", "根", "板",
              "提", "包", "条", "串", "颗", "枚", "杯", "罐", "扎", "捆", "兜", "听", "支", "斤装")
# 1号链接 / 链接1 / 链接#1 / 1号 / 一号 / #1 / 1号的
LINK_RE = re.compile(
    rf"(?:链接\s*#?\s*(?P<a>{NUM_PATTERN})\s*号?|#\s*(?P<b>\d+)|(?P<c>{NUM_PATTERN})\s*号\s*(?:链接)?)"
)


class Store(BaseModel):
    """The store's facts, free-form strings (name, address, hours, pickup, delivery, payment and any
    other key such as phone, wechat or after_sales)."""

    model_config = ConfigDict(extra="allow", frozen=True)
    name: str = "我的小店"
    address: str = ""
    hours: str = ""
    pickup: str = ""
    delivery: str = ""
    payment: str = ""

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
    sku: str = Field(pattern=r"^[A-Za-z0-9_\-]+$")
    name: str = Field(min_length=1)
    link: int = Field(ge=1)
    unit: str
    price: float = Field(ge=0)
    stock: float = Field(ge=0)
    aliases: tuple[str, ...] = ()
    category: str | None = None
    spec: str | None = None
    original_price: float | None = Field(default=None, ge=0)
    offer: str | None = None
    limit_per_buyer: float | None = Field(default=None, gt=0)
    origin: str | None = None
    notes: str | None = None

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, v: str) -> str:
        if v not in SALE_UNITS:
            raise ValueError(f"未知单位「{v}」，可用：{' '.join(SALE_UNITS)}")
        return v

    @field_validator("aliases", mode="before")
    @classmethod
    def _aliases_list(cls, v):
        return () if v is None else tuple(str(a) for a in v if a not in (None, ""))

    @property
    def is_weight(self) -> bool:
        return self.unit in WEIGHT_UNITS

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def price_text(self) -> str:
        return f"{fmt_number(self.price)}元/{self.unit}"


def fmt_number(x: float) -> str:
    """19.9 -> '19.9', 59.0 -> '59', 1.50 -> '1.5'."""
    return f"{x:.2f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


class Catalog:
    """The products of one store, with lookups by sku, link number, name, alias and partial name."""

    def __init__(self, store: Store, products: list[Product], root: Path | None = None) -> None:
        self.store = store
        self.products = products
        self.root = root
        self._by_sku = {p.sku: p for p in products}
        self._by_link = {p.link: p for p in products}
        names = [(n, p) for p in products for n in p.names]
        self._names = sorted(names, key=lambda np: -len(np[0]))
        self._name_re = re.compile("|".join(re.escape(n) for n, _ in self._names)) if names else None
        self._name_map = {n: p for n, p in names}
        self._sounds: dict | None = None

    # -- loading -----------------------------------------------------------------------------

    @classmethod
    def load(cls, knowledge_dir: Path | str) -> "Catalog":
        root = Path(knowledge_dir)
        path = root / "products.yaml"
        if not path.exists():
            raise CatalogError(f"找不到商品清单 {path}",
                               hint="用 --knowledge 指定知识库目录，或设置 COPILOT_KNOWLEDGE")
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"第 {mark.line + 1} 行" if mark else ""
            raise CatalogError(f"{path} 不是有效的 YAML {where}：{getattr(exc, 'problem', exc)}",
                               hint="检查缩进和冒号") from None
        return cls.from_dict(data, root=root, source=path)

    @classmethod
    def from_dict(cls, data, *, root: Path | None = None, source: Path | str = "products.yaml") -> "Catalog":
        if not isinstance(data, dict) or not isinstance(data.get("products"), list):
            raise CatalogError(f"{source}：缺少 products 列表", hint="格式见 knowledge/README.md")
        store = _load_store(data.get("store") or {}, source)
        products: list[Product] = []
        seen_sku: dict[str, int] = {}
        seen_link: dict[int, str] = {}
        for i, raw in enumerate(data["products"], start=1):
            p = _load_product(raw, i, source)
            if p.sku in seen_sku:
                raise CatalogError(f"{source}：第 {i} 个商品 sku「{p.sku}」与第 {seen_sku[p.sku]} 个重复",
                                   hint="每个商品的 sku 必须唯一")
            if p.link in seen_link:
                raise CatalogError(f"{source}：商品 {p.sku} 的 link {p.link} 与商品 {seen_link[p.link]} 重复",
                                   hint="每个链接号只能给一个商品")
            if p.notes and root is not None and not (root / p.notes).exists():
                raise CatalogError(f"{source}：商品 {p.sku} 的 notes 文件 {p.notes} 不存在",
                                   hint=f"创建 {root / p.notes}，或删掉 notes 字段")
            seen_sku[p.sku] = i
            seen_link[p.link] = p.sku
            products.append(p)
        _check_names(products, source)
        return cls(store, products, root)

    # -- lookups -----------------------------------------------------------------------------

    def __iter__(self):
        return iter(self.products)

    def __len__(self) -> int:
        return len(self.products)

    def get(self, sku: str) -> Product | None:
        return self._by_sku.get(sku)

    def require(self, sku: str) -> Product:
        p = self._by_sku.get(sku)
        if p is None:
            raise CatalogError(f"没有 sku 为「{sku}」的商品", hint=f"可用：{', '.join(self._by_sku)}")
        return p

    def by_link(self, n: int) -> Product | None:
        return self._by_link.get(n)

    def find(self, text: str) -> Product | None:
        """A product by sku, link number (1号链接, 链接1, 1号, 一号, #1), name, alias or partial name."""
        q = normalize(text)
        if not q:
            return None
        if q in self._by_sku:
            return self._by_sku[q]
        if q in self._name_map:
            return self._name_map[q]
        m = LINK_RE.fullmatch(q) or (re.fullmatch(r"\d+", q) and re.match(r"(?P<b>\d+)", q))
        if m:
            return self.by_link(link_number(m))
        mentions = self.mentions(q)
        if len({p.sku for _, _, p in mentions}) == 1:
            return mentions[0][2]
        partial = [p for p in self.products if len(q) >= 2 and any(q in n for n in p.names)]
        return partial[0] if len(partial) == 1 else None

    def mentions(self, text: str) -> list[tuple[int, int, Product]]:
        """Every product named in ``text`` by name or alias, longest names first, left to right."""
        if self._name_re is None:
            return []
        return [(m.start(), m.end(), self._name_map[m.group(0)]) for m in self._name_re.finditer(text)]

    def sound_alikes(self, text: str) -> list[tuple[int, int, Product]]:
        """Products named with a homophone typo, as a pinyin keyboard makes them (草霉 for 草莓):
        a span that reads like a name of two or more characters and shares at least half of its
        characters with it. Spans that already name a product exactly are skipped."""
        from pypinyin import lazy_pinyin

        exact = [(s, e) for s, e, _ in self.mentions(text)]
        if self._sounds is None:
            self._sounds = {}
            for n, p in self._names:
                if len(n) >= 2:
                    self._sounds.setdefault(tuple(lazy_pinyin(n)), []).append((n, p))
        reading = [lazy_pinyin(ch)[0] if "\u4e00" <= ch <= "\u9fff" else ch for ch in text]
        out: list[tuple[int, int, Product]] = []
        for k in sorted({len(sound) for sound in self._sounds}, reverse=True):
            for i in range(len(text) - k + 1):
                for name, p in self._sounds.get(tuple(reading[i:i + k]), ()):
                    same = sum(a == b for a, b in zip(text[i:i + k], name))
                    taken = any(s < i + k and i < e for s, e in exact) or \
                        any(s < i + k and i < e for s, e, _ in out)
                    if same * 2 >= k and same < k and not taken:
                        out.append((i, i + k, p))
        return sorted(out)

    def links(self, text: str) -> list[tuple[int, int, Product | None, int]]:
        """Every link reference in ``text``: (start, end, product or None when unknown, number)."""
        out = []
        for m in LINK_RE.finditer(text):
            n = link_number(m)
            if n is not None:
                out.append((m.start(), m.end(), self.by_link(n), n))
        return out

    def notes_path(self, product: Product) -> Path | None:
        if not product.notes or self.root is None:
            return None
        return self.root / product.notes


def link_number(m: re.Match) -> int | None:
    raw = next((g for g in (m.groupdict().get(k) for k in "abc") if g), None)
    return as_int(zh_to_number(raw)) if raw else None


def _load_store(raw, source) -> Store:
    if not isinstance(raw, dict):
        raise CatalogError(f"{source}：store 应为键值表", hint="例如 store: {name: 巷口优选, address: ...}")
    try:
        return Store(**raw)
    except ValidationError as exc:
        raise CatalogError(f"{source}：store 字段无效：{exc.errors()[0]['msg']}") from None


def _load_product(raw, index: int, source) -> Product:
    if not isinstance(raw, dict):
        raise CatalogError(f"{source}：第 {index} 个商品不是键值表")
    label = f"第 {index} 个商品" + (f"（sku={raw['sku']}）" if raw.get("sku") else "")
    if not raw.get("sku"):
        raise CatalogError(f"{source}：{label} 缺少 sku", hint="给每个商品一个英文 sku，例如 sku: mango")
    try:
        return Product(**raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        fld = ".".join(str(x) for x in err["loc"]) or "?"
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "missing":
            msg = "缺少此字段"
        elif err["type"] in ("greater_than_equal", "greater_than"):
            msg = f"不能为负数或零（现在是 {err.get('input')}）" if err["type"] == "greater_than" \
                else f"不能为负数（现在是 {err.get('input')}）"
        raise CatalogError(f"{source}：{label} 的字段 {fld} 无效：{msg}",
                           hint="格式见 knowledge/README.md") from None


def _check_names(products: list[Product], source) -> None:
    owner: dict[str, str] = {}
    for p in products:
        for n in p.names:
            if owner.get(n, p.sku) != p.sku:
                raise CatalogError(f"{source}：名称或别名「{n}」同时属于 {owner[n]} 和 {p.sku}",
                                   hint="每个别名只能指向一个商品")
            owner[n] = p.sku
