"""The store's catalog: products.yaml read and validated whole (UTF-8, a size limit, numbers in range,
notes inside the knowledge dir, errors in Chinese that name the line and field), and the lookups by
sku, link number, name, alias, partial name and sound-alike typo."""

from __future__ import annotations

import itertools
import logging
import re
from pathlib import Path

import yaml
from pydantic import ValidationError

from copilot.base import yamlfile
from copilot.base.errors import CatalogError
from copilot.base.products import SALE_UNITS, WEIGHT_UNITS, Product, Store, fmt_number  # noqa: F401 (re-exported)
from copilot.base.sounds import blurred_readings, nasal_blurred
from copilot.base.zhnum import NUM_PATTERN, as_int, normalize, zh_to_number

log = logging.getLogger(__name__)
MAX_CATALOG_BYTES = 2_000_000   # a products.yaml of a few thousand products; anything bigger is a mistake
MAX_NOTES_BYTES = 300_000
# 1号链接 / 链接1 / 链接#1 / 1号 / 一号 / #1 / 1号的
LINK_RE = re.compile(
    rf"(?:链接\s*#?\s*(?P<a>{NUM_PATTERN})\s*号?|#\s*(?P<b>\d+)|(?P<c>{NUM_PATTERN})\s*号\s*(?:链接)?)"
)


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
        self._name_re = re.compile("|".join(whole_latin(n) for n, _ in self._names)) if names else None
        self._name_map = {n: p for n, p in names}
        self._sounds: dict | None = None
        self._blurred: dict = {}  # the sound table with back nasals read as front ones (sound_alikes)
        self._sound_lengths: list[int] = []  # the lengths of the readings in _sounds, longest first
        self._heard: set[str] = set()  # every syllable of _blurred
        # 冻干鸡胸 said the other way round (鸡胸冻干): a name of two two-character words, swapped, is no name itself
        self._swapped = [(n[2:] + n[:2], p) for n, p in names if len(n) == 4 and n[2:] + n[:2] not in self._name_map]
        self._sound_cache: dict[str, tuple[tuple[int, int, Product], ...]] = {}  # text -> sound_alikes (comments repeat)

    # -- loading -----------------------------------------------------------------------------

    @classmethod
    def load(cls, knowledge_dir: Path | str) -> "Catalog":
        """products.yaml of ``knowledge_dir``, read and validated whole; a CatalogError says, in Chinese,
        which file, line and field is wrong and how to fix it."""
        root = Path(knowledge_dir)
        path = root / "products.yaml"
        if not path.exists():
            raise CatalogError(f"找不到商品清单 {path}", hint="用 --knowledge 指定知识库目录，或设置 COPILOT_KNOWLEDGE")
        text = read_knowledge_text(path, MAX_CATALOG_BYTES)
        try:
            data = yamlfile.load(text)
        except yaml.YAMLError as exc:
            raise CatalogError(f"{path.name} {yamlfile.describe(exc)}", hint="检查这一行的缩进和冒号，改好后保存为 UTF-8") from None
        return cls.from_dict(data, root=root, source=path, lines=_field_lines(text))

    @classmethod
    def from_dict(cls, data, *, root: Path | None = None, source: Path | str = "products.yaml",
                  lines: dict | None = None) -> "Catalog":
        name = Path(str(source)).name
        if not isinstance(data, dict) or not isinstance(data.get("products"), list):
            raise CatalogError(f"{name}：缺少 products 列表", hint="格式见 knowledge/README.md")
        store = _load_store(data.get("store") or {}, name)
        products: list[Product] = []
        seen_sku: dict[str, int] = {}
        seen_link: dict[int, str] = {}
        for i, raw in enumerate(data["products"], start=1):
            p = _load_product(raw, i, name, lines or {})
            if p.sku in seen_sku:
                raise CatalogError(f"{name}：第 {i} 个商品 sku「{p.sku}」与第 {seen_sku[p.sku]} 个重复",
                                   hint="每个商品的 sku 必须唯一")
            if p.link in seen_link:
                raise CatalogError(f"{name}：商品 {p.sku} 的 link {p.link} 与商品 {seen_link[p.link]} 重复",
                                   hint="每个链接号只能给一个商品")
            if p.notes and root is not None:
                _check_notes(root, p)
            seen_sku[p.sku] = i
            seen_link[p.link] = p.sku
            products.append(p)
        _check_names(products, name)
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
        partial = self.holding(q) if len(q) >= 2 else []
        return partial[0] if len(partial) == 1 else None

    def holding(self, word: str) -> list[Product]:
        """The products one of whose names or aliases holds ``word`` (虾: 基围虾, 虾仁), in catalog order."""
        return [p for p in self.products if any(word in n for n in p.names)]

    def mentions(self, text: str) -> list[tuple[int, int, Product]]:
        """Every product named in ``text`` by name or alias, longest names first, left to right."""
        if self._name_re is None:
            return []
        return [(m.start(), m.end(), self._name_map[m.group(0)]) for m in self._name_re.finditer(text)]

    def swapped(self, text: str) -> list[tuple[str, Product]]:
        """Products named in ``text`` by a name of two words said the other way round (鸡胸冻干 for 冻干鸡胸),
        with the words as said."""
        return [(w, p) for w, p in self._swapped if w in text]

    def sound_alikes(self, text: str) -> list[tuple[int, int, Product]]:
        """Products named with a homophone typo, as a pinyin keyboard makes them (草霉 for 草莓):
        a span that reads like a name of two or more characters and shares at least half of its
        characters with it. Spans that already name a product exactly are skipped; a span that reads like
        the names of two products is listed once for each (a person tells them apart, not the rules). Each text's
        answer is kept for the catalog (a bounded cache: 扣1, 来一份 and 666 come again and again)."""
        cached = self._sound_cache.get(text)
        if cached is None:
            if len(self._sound_cache) >= 8192:
                self._sound_cache.clear()
            cached = self._sound_cache[text] = tuple(self._sound_alikes(text))
        return list(cached)

    def _sound_alikes(self, text: str) -> list[tuple[int, int, Product]]:
        exact = [(s, e) for s, e, _ in self.mentions(text)]
        self._sound_table()
        # 挂神 for 挂绳: sheng read as shen; 润长 for 润肠: 长's other reading (chang), when a name holds that sound
        reading = [(r[0], *(x for x in r[1:] if x in self._heard)) for r in map(blurred_readings, text)]
        usual = [r[0] for r in reading]
        several = list(itertools.accumulate((len(r) > 1 for r in reading), initial=0))  # characters read two ways
        out: list[tuple[int, int, Product]] = []
        for k in self._sound_lengths:
            for i in range(len(text) - k + 1):
                keys = itertools.islice(itertools.product(*reading[i:i + k]), 8) if several[i + k] > several[i] \
                    else (tuple(usual[i:i + k]),)  # the usual readings first
                for name, p in (hit for key in keys for hit in self._blurred.get(key, ())):
                    same = sum(a == b for a, b in zip(text[i:i + k], name))
                    taken = any(s < i + k and i < e for s, e in exact) or \
                        any(s < i + k and i < e and (s, e) != (i, i + k) for s, e, _ in out)
                    if same * 2 >= k and same < k and not taken and (i, i + k, p) not in out:
                        out.append((i, i + k, p))
        return sorted(out, key=lambda x: (x[0], x[1]))

    def homophones(self, word: str) -> list[Product]:
        """The products one of whose names reads exactly like ``word`` (扒丹木 for 巴旦木), tones aside."""
        from pypinyin import lazy_pinyin

        found = {p.sku: p for n, p in self._sound_table().get(tuple(lazy_pinyin(word)), ()) if len(n) == len(word)}
        return list(found.values())

    def _sound_table(self) -> dict:
        if self._sounds is None:
            from pypinyin import lazy_pinyin

            self._sounds = {}
            for n, p in self._names:
                if len(n) >= 2:
                    # one reading per character, digits and letters too (黑色402: hei se 4 0 2), as the text is read
                    self._sounds.setdefault(tuple(lazy_pinyin(n, errors=list)), []).append((n, p))
            self._sound_lengths = sorted({len(sound) for sound in self._sounds}, reverse=True)
            self._blurred = {}
            for sound, named in self._sounds.items():
                self._blurred.setdefault(tuple(map(nasal_blurred, sound)), []).extend(named)
            self._heard = {syllable for sound in self._blurred for syllable in sound}
        return self._sounds

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
        return notes_file(self.root, product.notes)


def whole_latin(name: str) -> str:
    """A name's pattern whose Latin letters at either end are a whole word: L码 is not read inside XL码, nor M
    inside XM (a name's letters are a size or a model, never a part of a longer one)."""
    head = r"(?<![A-Za-z])" if name[:1].isascii() and name[:1].isalpha() else ""
    tail = r"(?![A-Za-z])" if name[-1:].isascii() and name[-1:].isalpha() else ""
    return head + re.escape(name) + tail


def link_number(m: re.Match) -> int | None:
    raw = next((g for g in (m.groupdict().get(k) for k in "abc") if g), None)
    return as_int(zh_to_number(raw)) if raw else None


def _load_store(raw, source) -> Store:
    if not isinstance(raw, dict):
        raise CatalogError(f"{source}：store 应为键值表", hint="例如 store: {name: 巷口优选, address: ...}")
    try:
        return Store(**raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise CatalogError(f"{source}：store 的字段 {'.'.join(map(str, err['loc']))} {_problem(err)}",
                           hint="门店信息都写成文字，格式见 knowledge/README.md") from None


def _load_product(raw, index: int, source: str, lines: dict) -> Product:
    if not isinstance(raw, dict):
        raise CatalogError(f"{source}：第 {index} 个商品不是键值表", hint="每个商品以“- sku: ...”开头，下面的字段对齐")
    label = f"第 {index} 个商品" + (f"（sku={str(raw['sku'])[:40]}）" if raw.get("sku") else "")
    if not raw.get("sku"):
        raise CatalogError(f"{source}：{label} 缺少 sku", hint="给每个商品一个英文 sku，例如 sku: mango")
    try:
        return Product(**raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        fld = str(err["loc"][0]) if err["loc"] else "?"
        line = lines.get((index - 1, fld)) or lines.get((index - 1, None))
        where = f"第 {line} 行，" if line else ""
        raise CatalogError(f"{source}：{where}{label} 的 {fld} {_problem(err)}",
                           hint="改好后保存；字段说明见 knowledge/README.md") from None


_PROBLEMS = {
    "missing": "缺少这个字段", "string_type": "应为文字", "int_type": "应为整数", "int_parsing": "应为整数",
    "float_type": "应为数字", "float_parsing": "应为数字", "finite_number": "应为普通数字（不能是无穷大）",
    "string_pattern_mismatch": "只能用英文字母、数字、下划线或减号", "too_short": "不能为空",
    "string_too_short": "不能为空", "string_too_long": "太长了", "bool_type": "应为文字",
}


def _problem(err: dict) -> str:
    """A pydantic error, said in Chinese for the owner."""
    kind, given = err["type"], err.get("input")
    shown = f"（现在是 {str(given)[:30]}）" if not isinstance(given, (dict, list)) and given is not None else ""
    ctx = err.get("ctx") or {}
    if kind == "greater_than_equal":
        return f"不能小于 {ctx.get('ge')}{shown}"
    if kind == "greater_than":
        return f"必须大于 {ctx.get('gt')}{shown}"
    if kind == "less_than_equal":
        return f"不能大于 {ctx.get('le')}{shown}"
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    return _PROBLEMS.get(kind, "写得不对") + shown


def _field_lines(text: str) -> dict:
    """(product index, field) -> line number of products.yaml, for messages that point at the line."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError:
        return {}
    out: dict = {}
    if not isinstance(root, yaml.MappingNode):
        return out
    for key, value in root.value:
        if key.value == "products" and isinstance(value, yaml.SequenceNode):
            for i, item in enumerate(value.value):
                out[(i, None)] = item.start_mark.line + 1
                if isinstance(item, yaml.MappingNode):
                    out.update({(i, k.value): k.start_mark.line + 1 for k, _ in item.value})
    return out


def notes_file(root: Path, rel: str) -> Path:
    """The notes file ``rel`` of the knowledge dir; refuses a path outside it."""
    base = Path(root).resolve()
    path = (base / rel).resolve()
    if Path(rel).is_absolute() or base not in path.parents:
        raise CatalogError(f"notes 路径「{rel}」不在知识库目录里", hint="notes 写相对知识库目录的路径，例如 notes/mango.md")
    return path


def _check_notes(root: Path, p: Product) -> None:
    path = notes_file(root, p.notes)
    if not path.exists():
        raise CatalogError(f"商品 {p.sku} 的 notes 文件 {p.notes} 不存在", hint=f"创建 {path}，或删掉 notes 字段")
    read_knowledge_text(path, MAX_NOTES_BYTES)


def read_knowledge_text(path: Path, limit: int, missing_hint: str = "检查文件名和路径") -> str:
    """A knowledge file as text: UTF-8 (with or without BOM), within ``limit`` bytes, a regular file."""
    if not path.exists():
        raise CatalogError(f"找不到 {path}", hint=missing_hint)
    if not path.is_file():
        raise CatalogError(f"{path.name} 不是文件（是一个文件夹）", hint="notes 要指向一个 .md 文件")
    size = path.stat().st_size
    if size > limit:
        raise CatalogError(f"{path.name} 太大（{size / 1_000_000:.1f} MB），最多 {limit // 1000} KB",
                           hint="商品清单和资料只放文字；大文件请拆开或删掉无关内容")
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CatalogError(f"{path.name} 不是 UTF-8 编码（可能是 GBK 或者不是文本文件）",
                           hint="用记事本或 WPS 打开，另存为 UTF-8 编码后再试") from None


def _check_names(products: list[Product], source) -> None:
    owner: dict[str, str] = {}
    for p in products:
        for n in p.names:
            if owner.get(n, p.sku) != p.sku:
                raise CatalogError(f"{source}：名称或别名「{n}」同时属于 {owner[n]} 和 {p.sku}",
                                   hint="每个别名只能指向一个商品")
            owner[n] = p.sku
