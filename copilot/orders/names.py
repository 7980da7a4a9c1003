"""The catalog's names as the parser writes them back into a comment: a name without brackets (a comment's clauses
split at brackets), a model or size in Latin letters in the catalog's own case (2b -> 2B), a comment typed in
traditional characters as simplified ones (來, 紙), and the names that start with a link-like number (5号电池)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from copilot.base.catalog import LINK_RE, Catalog, Product, link_number
from copilot.base.zhnum import normalize, zh_to_number
from copilot.orders.memo import per_catalog
from copilot.orders.packs import BRACKETED

_BRACKET = re.compile(r"[()（）\[\]【】]")


def plain_name(p: Product) -> str:
    """A name of the product without brackets or spaces (碧根果小袋 of 奶油碧根果（小袋）): a comment's clauses
    split at brackets, so a name spelled out into a line must not hold them. One that does not end in a digit when the
    product has one: the name is written where a word stood, often just before a count (白色3卷 in a chain of
    402缝纫线 白色, alias 白色402: 402白色3卷, not 白色4023卷, a single number)."""
    plain = [n for n in (p.name, *p.aliases) if not _BRACKET.search(n) and " " not in n]
    return next((n for n in plain if not n[-1].isdigit()), plain[0] if plain else p.name)


@per_catalog
def _bracketed(catalog: Catalog) -> list[tuple[str, str]]:
    """(a name with brackets, as typed and normalized; its plain name)."""
    return [(form, plain_name(p)) for p in catalog for n in p.names if _BRACKET.search(n)
            for form in dict.fromkeys((n, normalize(n)))]


def plain_names(t: str, catalog: Catalog) -> str:
    """奶油碧根果（小袋）来2袋: a name with brackets written whole, as its plain name (碧根果小袋), so the brackets
    do not split the comment into clauses; 2b铅笔, a4纸, type-c线: a word of letters (and digits) the catalog's names hold
    (2B, A4, Type-C) typed in another case is that word (a phone keyboard does not care for capitals); 维生素C said of
    维C精华 (or 维C of 维生素C片) is the name's own form; 夏天的, 冬季的 said of 头盔 夏款 / 冬款 is the season as the names
    say it."""
    for form, plain in _bracketed(catalog):
        if form in t:
            t = t.replace(form, plain)
    pattern, cased = _latin_cased(catalog)
    if pattern is not None:
        t = pattern.sub(lambda m: cased.get(m.group(0).lower(), m.group(0)), t)
    clipped, whole = _clipped(catalog)
    if clipped is not None:
        t = clipped.sub(lambda m: whole[m.group(0)], t)
    if "维" in t:
        t = _VITAMIN.sub(lambda m: _vitamins(catalog).get(m.group(0).upper(), m.group(0)), t)
    if _SEASON.search(t):
        t = _SEASON.sub(lambda m: _seasons(catalog).get(m.group(0), m.group(0)), t)
    if _SPELLED_NUMBER.search(t):
        t = _SPELLED_NUMBER.sub(lambda m: _as_digits(m, _numbered_words(catalog)), t)
    if "子" in t:
        suffixed = _with_zi(catalog)
        t = suffixed.sub(lambda m: m.group(0)[:-1], t) if suffixed is not None else t
    return t


@cache
def _zi_nouns() -> frozenset[str]:
    """The characters of ``data/zi_nouns.txt``: nouns said with the suffix 子 as often as without it (裤 / 裤子)."""
    text = (Path(__file__).parent / "data" / "zi_nouns.txt").read_text(encoding="utf-8")
    return frozenset(x.strip() for x in text.splitlines() if x.strip() and not x.startswith("#"))


@per_catalog
def _with_zi(catalog: Catalog) -> re.Pattern | None:
    """直筒裤子 of 直筒裤: a name of two characters or more ending in a noun said with 子 too, written with 子 (when no
    name holds that spelling itself) -> the pattern of such spellings."""
    nouns = _zi_nouns()
    held = " ".join(n for p in catalog for n in p.names)
    forms = sorted({n + "子" for p in catalog for n in p.names
                    if len(n) >= 2 and " " not in n and n[-1] in nouns and n + "子" not in held}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, forms))) if forms else None


# 夏天的, 冬季的: a season said with 天 / 季 / 款 / 装 before 的 (the summer one); the names may say it another way
_SEASON = re.compile(r"[春夏秋冬](?:天|季|款|装)(?=的)")


@per_catalog
def _seasons(catalog: Catalog) -> dict[str, str]:
    """A season as a comment may say it -> as the catalog's names say it (夏天 -> 夏款), when no name says it so."""
    named = " ".join(n for p in catalog for n in p.names)
    table: dict[str, str] = {}
    for season in "春夏秋冬":
        forms = [season + x for x in ("款", "季", "天", "装")]
        held = next((f for f in forms if f in named), None)
        table.update((f, held) for f in forms if held and f not in named)
    return table


# 一百五十度, 三百六十毫升: a number of tens or hundreds written in characters, then the character after it
_SPELLED_NUMBER = re.compile(r"[一二两三四五六七八九]?[十百千][零一二两三四五六七八九十百]*(?=([\u4e00-\u9fff]))")


@per_catalog
def _numbered_words(catalog: Catalog) -> frozenset[str]:
    """The words of the catalog's names that are a number and what it counts (150度, 360ml, 100张): each alias, and
    each part of a name between spaces."""
    return frozenset(w for p in catalog for n in p.names for w in (n, *n.split()) if re.fullmatch(r"\d+\D{1,3}", w))


def _as_digits(m: re.Match, words: frozenset[str]) -> str:
    """一百五十 before 度 is 150 when 150度 is a word of a name (一百五十度的来一副: the 150度 glasses); a count (十二桶)
    or any other number stays as written."""
    value = zh_to_number(m.group(0))
    digits = str(int(value)) if value is not None and value == int(value) else ""
    return digits if digits and any(w.startswith(digits + m.group(1)) for w in words) else m.group(0)


# 维生素C and 维C are one word, the second its everyday short form (维E, 维生素B族)
_VITAMIN = re.compile(r"维(?:生素)?[A-Za-z]")


@per_catalog
def _vitamins(catalog: Catalog) -> dict[str, str]:
    """维生素C -> 维C where the names write only the short form, 维C -> 维生素C where they write only the long one."""
    written = {m.group(0) for p in catalog for n in p.names for m in _VITAMIN.finditer(n)}
    out = {}
    for w in written:
        other = w.replace("维生素", "维") if "生素" in w else w.replace("维", "维生素")
        if other not in written:
            out[other.upper()] = w
    return out


@per_catalog
def _clipped(catalog: Catalog) -> tuple[re.Pattern | None, dict[str, str]]:
    """C口线 of C口数据线 (beside 苹果数据线), 全麦包 of 全麦吐司面包 (beside 牛奶吐司面包): a name said as its own word and
    the last character of the word it shares with other names (the family's: 数据线, 吐司面包), the shared word's rest
    left out, said before a count or an order word. Only a shared word of three characters or more of two products' names, a word that reads so for one name
    only and holds two characters of its own, no digits (10蜜), and is no part of any name."""
    owners: dict[str, set[str]] = {}
    for p in catalog:
        for n in p.names:
            if " " not in n and not _BRACKET.search(n) and not re.search(r"\d", n):
                owners.setdefault(n, set()).add(p.sku)
    names = list(owners)
    ends = {n[i:] for n in names for i in range(1, len(n) - 2) if re.fullmatch(r"[\u4e00-\u9fff]{3,}", n[i:])}
    shared = {w for w in ends if len({s for n in names if n.endswith(w) for s in owners[n]}) >= 2}
    found: dict[str, set[str]] = {}
    for n in names:
        for w in shared:
            if n.endswith(w) and len(n) - len(w) >= 2 and w[-1] != "子":  # 子 makes a word of anything: 小盒子
                found.setdefault(n[:-len(w)] + w[-1], set()).add(n)
    one = {k: next(iter(v)) for k, v in found.items() if len(v) == 1 and not any(k in n for n in names)}
    one = {k: n for k, n in one.items()  # 全麦包 beside 全麦餐包 too: another name of that shape, which one?
           if not any(m.startswith(k[:-1]) and m.endswith(k[-1]) and not owners[m] & owners[n] for m in names)}
    if not one:
        return None, {}  # (a tuple all the same: ``per_catalog`` keeps no None)
    words = "|".join(sorted(map(re.escape, one), key=len, reverse=True))  # then a count or an order word, or the end
    return re.compile(rf"(?:{words})(?=\s*(?:[x*]\s*)?(?:\d|[一两二三四五六七八九十来要拿各也再]|$))"), one


# 2B, A4, 4B, and words of letters (Type-C, PD, USB-C); not x2 (times); one letter glued to a Chinese word (维C, T恤, T型),
# never x (times)
_MODEL = re.compile(r"(?<![A-Za-z\d.])(?:\d+[A-Za-z]+|[A-Za-z]+\d+|[A-Za-z]{2,}(?:-[A-Za-z\d]+)*"
                    r"|(?<=[\u4e00-\u9fff])[A-WYZa-wyz]|[A-WYZa-wyz](?=[\u4e00-\u9fff]))(?![A-Za-z\d])")


@per_catalog
def _latin_cased(catalog: Catalog) -> tuple[re.Pattern | None, dict[str, str]]:
    """A pattern of the models and sizes of letters and digits in the catalog's names, any case, and lower -> as
    the catalog writes it (only where the catalog writes it one way)."""
    forms: dict[str, set[str]] = {}
    for p in catalog:
        for n in p.names:
            for m in _MODEL.finditer(normalize(n)):
                forms.setdefault(m.group(0).lower(), set()).add(m.group(0))
    one = {k: next(iter(v)) for k, v in forms.items() if len(v) == 1 and not re.fullmatch(r"x\d+", k)}
    if not one:
        return None, {}  # (a tuple all the same: ``per_catalog`` keeps no None)
    words = "|".join(sorted(map(re.escape, one), key=len, reverse=True))
    return re.compile(rf"(?i)(?<![A-Za-z\d.])(?:{words})(?![A-Za-z\d])"), one


@cache
def _traditional() -> frozenset[str]:
    import zhconv.zhconv

    table = zhconv.zhconv.getdict("zh-cn")
    return frozenset(k for k, v in table.items() if len(k) == 1 and v != k and "\u4e00" <= k <= "\u9fff")


def simplified(t: str) -> str:
    """2b铅笔來一盒, a4紙: a comment typed in traditional characters (a phone set to them, a viewer from Hong Kong or
    Taiwan) is read in simplified ones, as the catalog is written; only when it holds such a character."""
    if _traditional().isdisjoint(t):
        return t
    import zhconv

    return zhconv.convert(t, "zh-cn")


@per_catalog
def numbered_names(catalog: Catalog) -> dict[int, list[tuple[str, Product]]]:
    """link-like number -> (the rest of the name, product) of names that start with one (5号电池: 5, 电池)."""
    got: dict[int, list[tuple[str, Product]]] = {}
    for p in catalog.products:
        for name in (p.name, *p.aliases):
            m = LINK_RE.match(name)
            n = link_number(m) if m and m.end() < len(name) and "号" in m.group(0) else None
            if n is not None and not name[m.end()].isdigit():
                got.setdefault(n, []).append((name[m.end():], p))
    return got


def ending_in(ch: str, names) -> dict[str, set[str]]:
    """sku -> the goods nouns (a name's first word, its last two characters) of the names whose first word ends in
    ``ch``: 桌 of 折叠麻将桌 and 折叠桌 (将桌, 叠桌), not of 麻将桌布."""
    nouns: dict[str, set[str]] = {}
    for n, p in names:
        word = (BRACKETED.sub(" ", n).split() or [""])[0]
        if len(word) > 1 and word.endswith(ch):
            nouns.setdefault(p.sku, set()).add(word[-2:])
    return nouns


def nouns_ending(ch: str, names) -> int:
    """How many goods the names ending in ``ch`` sell (``ending_in``; listings sharing a noun sell one): 梅 of 话梅,
    陈皮梅 and 情人梅 is three; 橙 of 赣南脐橙 and 散称脐橙 one (脐橙); 桌 of one table's names one."""
    groups: list[set[str]] = []
    for tails in ending_in(ch, names).values():
        groups = [g for g in groups if not g & tails] + [tails.union(*(g for g in groups if g & tails))]
    return len(groups)
