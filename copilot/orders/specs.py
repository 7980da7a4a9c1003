"""Spec tokens: the numbers of the catalog's names that say which goods, never how many (a length 3.6米, a gauge or
grade 2.0号, a model code LT-60 or 5W-30, an age range 3-8岁). They are read before quantities and links.

Read from the catalog, no word list per store:

- ``spoken_lengths``: a length said as people say a price, or in words (三米六, 3米6, 1米25, 一米二, 六十厘米), is the
  length written in a name (3.6米, 1.25米, 1.2米, 60cm) when some name holds that length; else it stays as said;
- ``specs_said``: a code of letters and digits (LT60, lt-90 of LT-60 / LT-90), a decimal grade (2.0, 1.0号 of 2.0号),
  an age or an age range (3-8岁, 3岁以上), or the number a code or a mark ends with said bare with 的 (90的 of LT-90,
  20的 of 0W-20, 18的 of 18W) names the listing whose names hold it; several listings holding it are their family (a
  person or the clause settles which). A bare number that is also another product's link number is one of the two,
  told apart by the unit said (``sizes.size_member``), else a person asks.
- ``spec_named``: an age of one listing's names reads as that listing's name for the rules of a clause's kind (岁 alone
  is talk of a person's age).
- ``without_specs``: a name without its spec tokens (双层钓鱼伞 2.2米 -> 双层钓鱼伞): the noun a name ends with is the
  one before its specs.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import zh_to_number
from copilot.orders.memo import per_catalog
from copilot.orders.names import plain_name
from copilot.orders.sizes import METRES, SIZE, owned_ref, size_key

_ZH = "零一二两三四五六七八九十百"
# 三米六, 3米6, 1米25, 一米二: metres, then the tenths (or hundredths) with no unit; not 3米6个 (then a count)
_SPOKEN_METRES = re.compile(rf"(?<![\d.{_ZH}])([1-9一二两三四五六七八九])\s*米\s*(\d{{1,2}}|[一二三四五六七八九])"
                            rf"(?![\d{_ZH}]|\s*(?:个|根|条|卷|把|张|块|件|只|支|套))")
# 六十厘米, 一百五十毫米: a number in words, then a unit of length, weight or volume
_SPELLED_SIZE = re.compile(rf"(?<![\d.{_ZH}])([{_ZH}]{{1,5}})\s*(厘米|毫米|公斤|千克|毫升|米|升|克)")

# codes of letters and digits (LT-60, H4, T8), grades with a letter between numbers (5W-30, 0W20)
_CODE = re.compile(r"(?<![A-Za-z\d.])(?![xX]\s*\d)([A-Za-z]{1,4})\s*-?\s*(\d{1,4})(?![\d.])")  # not x2: times
_GRADE = re.compile(r"(?<![A-Za-z\d.])(\d{1,2})([A-Za-z])\s*-?\s*(\d{1,3})(?![\d.])")
# 2.0号, 1.0: a decimal grade (not 1.5斤: a size is ``sizes``')
_DECIMAL = re.compile(r"(?<![\d.])(\d{1,2}\.\d{1,2})(?:\s*号)?(?!\s*[\d.])")
# 3-8岁, 0-3岁, 3岁以上, 1-3年级, 3-4人 (a tent): an age, a school grade or a number of people, or a range of them
_AGE = re.compile(r"(?<![\d.])(\d{1,2})(?:\s*[-~～到至]\s*(\d{1,2}))?\s*(周岁|岁|年级|人(?![份次]))(以上|以下|及以上)?")
_MARKED = re.compile(r"(?<![A-Za-z\d.])(\d{1,4})(?![xX×*])[A-Za-z]{1,3}(?![A-Za-z\d])")
_BARE = re.compile(r"(?<![A-Za-z\d.#-])(\d{1,3})(?=\s*的)")
_NOT_AFTER_DECIMAL = re.compile(r"\s*(?:kg|公斤|千克|斤|ml|毫升|l|升|g|克|厘米|毫米|cm|mm|米|元|块|寸|%|w|v|[a-z])",
                                re.IGNORECASE)


def _metres(m: re.Match) -> str:
    whole, part = zh_to_number(m.group(1)), m.group(2)
    part = part if part.isdigit() else str(int(zh_to_number(part)))
    return f"{int(whole)}.{part}米"


@per_catalog
def _held_sizes(catalog: Catalog) -> frozenset[str]:
    """The size keys of the names (1.2m, 60.0cm), with lengths written as 1米2 read as 1.2米."""
    return frozenset(size_key(m) for p in catalog for n in p.names for m in SIZE.finditer(METRES.sub(r"\1.\2米", n)))


def spoken_lengths(t: str, catalog: Catalog) -> str:
    """三米六的来一根 -> 3.6米的来一根 where a name holds 3.6米; 六十厘米的 -> 60厘米的 where a name holds 60cm. A form
    whose length no name holds stays as it is."""
    if "米" not in t and not re.search(r"[升克斤]", t):
        return t
    held = _held_sizes(catalog)
    if not held:
        return t

    def held_or_said(m: re.Match, written: str) -> str:
        s = SIZE.match(written)
        return written if s and size_key(s) in held else m.group(0)

    t = _SPOKEN_METRES.sub(lambda m: held_or_said(m, _metres(m)), t)

    named = [(x.start(), x.end()) for n in _spelled_names(catalog) for x in re.finditer(re.escape(n), t)]

    def spelled(m: re.Match) -> str:  # 一升橙汁, a name said as the catalog writes it, stays a name
        n = zh_to_number(m.group(1))
        inside = any(s <= m.start() and m.end() <= e for s, e in named)
        return held_or_said(m, f"{n:g}{m.group(2)}") if n is not None and not inside else m.group(0)

    return _SPELLED_SIZE.sub(spelled, t)


@per_catalog
def _spelled_names(catalog: Catalog) -> tuple[str, ...]:
    """The names and aliases that hold a size spelled in words (一升橙汁)."""
    return tuple(n for p in catalog for n in p.names if _SPELLED_SIZE.search(n))


def _keys(text: str) -> list[tuple[int, int, tuple]]:
    """(start, end, key) of the spec tokens of ``text``: codes, grades, decimal grades, ages."""
    out = []
    for m in _GRADE.finditer(text):
        out.append((m.start(), m.end(), ("code", (m.group(1) + m.group(2) + m.group(3)).lower())))
    for m in _CODE.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e, _ in out):
            out.append((m.start(), m.end(), ("code", (m.group(1) + m.group(2)).lower())))
    for m in _DECIMAL.finditer(text):
        if not _NOT_AFTER_DECIMAL.match(text, m.end()) and not any(s < m.end() and m.start() < e for s, e, _ in out):
            out.append((m.start(), m.end(), ("grade", float(m.group(1)))))
    for m in _AGE.finditer(text):
        low, high = int(m.group(1)), int(m.group(2)) if m.group(2) else None
        out.append((m.start(), m.end(), ("age", low, high, "以上" if m.group(4) and "上" in m.group(4) else
                                         "以下" if m.group(4) else "", m.group(3).removeprefix("周"))))
    return out


@per_catalog
def spec_owners(catalog: Catalog) -> dict[tuple, tuple[Product, ...]]:
    """spec key -> the products whose names hold it; ("tail", n) -> those whose code or grade ends in the number n."""
    found: dict[tuple, dict[str, Product]] = {}
    for p in catalog:
        for n in p.names:
            for _, _, key in _keys(n):
                found.setdefault(key, {})[p.sku] = p
                if key[0] == "code":
                    found.setdefault(("tail", int(re.search(r"\d+$", key[1]).group(0))), {})[p.sku] = p
            for m in _MARKED.finditer(n):  # 18W, 48V: said bare (18的), the number of the mark; not 60cm (``sizes``)
                if not SIZE.match(n, m.start()):
                    found.setdefault(("tail", int(m.group(1))), {})[p.sku] = p
    return {k: tuple(v.values()) for k, v in found.items()}


def specs_said(t: str, refs: list, catalog: Catalog, make_ref) -> list:
    """``refs`` with a Ref for each spec token of the names said in ``t`` (``make_ref(start, end, product, label,
    family)``): a code, a decimal grade, an age (range), or a code's or mark's last number said bare with 的. A token
    inside a name already read is left alone; a link ref (0号 of 1.0号) or a shorter ref (60 of LT60) it covers gives
    way."""
    owners_of = spec_owners(catalog)
    if not owners_of:
        return refs
    out = list(refs)
    said = [(s, e, owners_of.get(k, ())) for s, e, k in _keys(t)]
    for m in _BARE.finditer(t):
        owners = owners_of.get(("tail", int(m.group(1))), ())
        linked = catalog.by_link(int(m.group(1)))
        if owners:  # 20的 where link 20 is other goods: the grade 0W-20 or link 20, the unit said may tell
            said.append((m.start(), m.end(), owners if linked is None or linked in owners else (linked, *owners)))
    ranged = [(s, e, _ranges_holding(k, owners_of)) for s, e, k in _keys(t) if k[0] == "age" and not owners_of.get(k)]
    for s, e, owners in said + ranged:
        if not owners:
            continue
        hit = [r for r in out if r.start < e and s < r.end]
        if any((r.product is not None or r.family) and not _link_only(r) and not (s <= r.start and r.end <= e
                                                                                  and (r.end - r.start < e - s
                                                                                       or (s, e, owners) in ranged))
               for r in hit):
            continue  # a name that holds the token reads it; a shorter ref inside it (60 of LT60) gives way
        out = [r for r in out if r not in hit]
        out.append(owned_ref(make_ref, s, e, t[s:e], owners))
    return sorted(out, key=lambda r: r.start) if out != refs else refs


def _ranges_holding(key: tuple, owners_of: dict) -> tuple[Product, ...]:
    """2岁 of 洞洞书 0-3岁 / 3-6岁: an age said alone (no range) held by the age ranges of the names (LABELS rule 8); the
    listings whose range holds it, each once (3岁 of both: their family, a person asks)."""
    _, age, high, side, unit = key
    if high is not None or side:
        return ()
    found = {p.sku: p for k, ps in owners_of.items() if k[0] == "age" and k[4] == unit and k[2] is not None
             and k[1] <= age <= k[2] for p in ps}
    return tuple(found.values())


def spec_named(text: str, catalog: Catalog) -> str:
    """3-8岁的来一份 -> 儿童餐的来一份: an age (range) that one product's names hold, written as that product's name,
    for the rules that read a clause's kind (岁 alone is talk of a person's age)."""
    owners_of = spec_owners(catalog)
    for s, e, key in sorted(_keys(text), reverse=True) if owners_of else ():
        owners = owners_of.get(key, ()) or (_ranges_holding(key, owners_of) if key[0] == "age" else ())
        if len(owners) == 1 and key[0] == "age":
            text = text[:s] + without_specs(plain_name(owners[0])).replace(" ", "") + text[e:]
    return text


def _link_only(r) -> bool:
    """A ref read from a link number alone (0号 of 1.0号)."""
    return bool(re.fullmatch(r"[\d.]+\s*号", r.label))


def without_specs(name: str) -> str:
    """The name without the spec tokens it ends with (双层钓鱼伞 2.2米 -> 双层钓鱼伞, 超白鱼缸 60cm -> 超白鱼缸)."""
    cut = _TRAILING_SPECS.sub("", name)
    return cut.strip() or name


# 2.2米, 0-3岁, 3岁以上, 5W-30 4L, LT-60: spec tokens at the end of a name
_TRAILING_SPECS = re.compile(r"(?:[\s·/\-]*(?:\d+(?:\.\d+)?(?:\s*[-~]\s*\d+)?\s*[A-Za-z\u4e00-\u9fff]{0,2}"
                             r"(?:-\d+|以上|以下)?|[A-Za-z]+-?\d+))+$")
