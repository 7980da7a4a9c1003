"""Category words: a word of general Chinese that names a KIND of goods over several listings (a hypernym) without
being a part of all their names. 肉卷 over 羊肉卷 and 肥牛卷 (肥牛 is 肉), 蘑菇 over 金针菇 and 杏鲍菇, 饮料 over
可乐 and 雪碧: a person at the counter asks which one, even when one name holds the word (肉卷 of 羊肉卷) or one of
them is on screen.

A listing's name is read as modifier + head: the head is how a word of the name ends (its specs and brackets set
aside, ``heads.kind_words``). A word the viewer says covers a listing when

- it is a category word of ``data/categories.txt`` said alone (饮料, 蘑菇) and the name ends with one of its
  members or with a word of its line (可口可乐 ends with 可乐), or it is the catalog's own ``category`` of it
  (a word of that category's line too); or
- it is a category word before a head (肉 + 卷) and the name is that head after a modifier that ends with the
  word or with one of its members (羊肉 + 卷, 肥牛 + 卷: 牛 is 肉).

A word that covers two or more listings and is no name of one is their family: review, unless what else is said
picks one (a variant, a unit that tells apart packs of the same goods, 两种都). Said before a head (肉卷) it is a
family of the names (``shorthand.families``, ``category_families``), and the part of a covered name before the head
sets that listing apart (羊肉 of 羊肉卷, 肥牛 of 肥牛卷): a variant of it, when no other listing's names hold it.
Said alone (饮料, 海鲜) it covers goods of different kinds: a family reference where it is said (``category_refs``),
never a family of the names (基围虾 and 小龙虾 are both 海鲜, yet 虾 with the 基围虾 on screen is that one).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from copilot.base.catalog import Catalog, Product
from copilot.orders.heads import kind_words
from copilot.orders.memo import per_catalog
from copilot.orders.services import goods_worked_on

_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_TAIL = re.compile(r"[\u4e00-\u9fff]+$")
_LONGEST = 5  # a category word with its head: 肉卷, 蘑菇, 碳酸饮料, 海鲜丸子


@functools.cache
def lexicon() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The lines of ``data/categories.txt``: (the words of a kind, the name endings of its members)."""
    lines = []
    for line in (Path(__file__).parent / "data" / "categories.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and "=" in line:
            words, members = line.split("=", 1)
            lines.append((tuple(words.split()), tuple(members.split())))
    return tuple(lines)


@functools.cache
def _endings(word: str) -> tuple[str, ...]:
    """The name endings ``word`` covers as a kind: its members and the words of its lines (饮料: 可乐, 饮品, …)."""
    return tuple(dict.fromkeys(e for words, members in lexicon() if word in words for e in (*words, *members)))


def _words(p: Product) -> list[str]:
    """The Chinese tails of ``p``'s name words, specs set aside (精品肥牛卷 of 精品肥牛卷 250g), and of a service's
    the goods it works on (马丁靴 of 马丁靴护理: ``services``)."""
    return [m.group(0) for w in kind_words(p) for m in [_TAIL.search(goods_worked_on(w))] if m]


def _modifier(word: str, name: str) -> str | None:
    """The modifier of ``name`` that ``word`` generalises (精品肥牛 of 精品肥牛卷 for 肉卷: 肉 over 肥牛 before
    the head 卷), or None when ``word`` covers ``name`` by no category before a head."""
    for k in range(1, len(word)):
        kind, head = word[:k], word[k:]
        ends = _endings(kind)
        if not ends or not name.endswith(head) or len(name) <= len(head):
            continue
        mod = name[:-len(head)]
        if mod.endswith(kind) or any(mod.endswith(e) for e in ends):
            return mod
    return None


def covers(word: str, p: Product) -> bool:
    """``word`` names a kind ``p`` is (see the module's docstring)."""
    if p.category and (word == p.category or p.category in _endings(word)):
        return True
    names = _words(p)
    ends = _endings(word)
    return any(n.endswith(e) for n in names for e in ends) or any(_modifier(word, n) for n in names)


def _heads_of(catalog: Catalog) -> set[str]:
    """The last one or two characters of the catalog's name words: the heads a category word may be said before."""
    return {n[-k:] for p in catalog for n in _words(p) for k in (1, 2) if len(n) > k}


def category_families(catalog: Catalog, exact: set[str], variants: dict, families: dict) -> None:
    """Adds to ``families`` each category word said before a head (肉 + 卷) that covers two or more listings (word ->
    those listings), and to ``variants`` the words that set each of them apart (羊肉 of 羊肉卷, 肥牛 of 肥牛卷); a
    word that is a name of a listing, or already a family word of the names, is left as it is. Words said alone
    (饮料) are no family of the names: ``category_refs`` reads them where they are said."""
    forms = [(n, p) for p in catalog for n in p.names]
    kinds = {w for words, _ in lexicon() for w in words}
    heads = _heads_of(catalog)
    for word in sorted({k + h for k in kinds for h in heads if len(k + h) <= _LONGEST}):
        if word in exact or word in families:
            continue
        covered = tuple(p for p in catalog if any(_modifier(word, n) for n in _words(p)))
        if len(covered) < 2:
            continue
        families[word] = covered
        variants.pop(word, None)
        for p in covered:
            for mod in filter(None, (_modifier(word, n) for n in _words(p))):
                for s in (mod[-k:] for k in range(2, min(len(mod), 4) + 1)):
                    if s not in exact and s not in families and not any(s in m for m, q in forms if q is not p):
                        variants.setdefault(s, p)


@per_catalog
def _said_alone(catalog: Catalog) -> tuple[dict[str, tuple[Product, ...]], re.Pattern | None, list[str]]:
    """Category words said alone (饮料, 蘑菇, the catalog's own categories) -> the two or more listings they cover,
    when no listing is named so; a pattern that finds them, longest first; and the catalog's names."""
    exact = {n for p in catalog for n in p.names}
    words = {w for words, _ in lexicon() for w in words if len(w) >= 2}
    words |= {p.category.strip() for p in catalog if p.category and _CJK.match(p.category.strip())}
    found = {}
    for word in words - exact:
        covered = tuple(p for p in catalog if covers(word, p))
        if len(covered) >= 2:
            found[word] = covered
    pattern = re.compile("|".join(sorted(found, key=len, reverse=True))) if found else None
    return found, pattern, sorted(exact)


def category_refs(t: str, refs: list, catalog: Catalog, make_ref) -> list:
    """``refs`` with a family reference for each category word said alone in ``t`` (饮料来两瓶: one of 可乐, 雪碧,
    酸梅汤) where no other reference is and no name holds it with the characters beside it (水果刀);
    ``make_ref(start, end, product, label, family)``."""
    found, pattern, names = _said_alone(catalog)
    if pattern is None:
        return refs
    extra = [make_ref(m.start(), m.end(), None, m.group(0), found[m.group(0)]) for m in pattern.finditer(t)
             if not any(m.start() < r.end and r.start < m.end() for r in refs)
             and not _inside_name(t, m.start(), m.end(), names)]
    return [*refs, *extra] if extra else refs


def _inside_name(t: str, s: int, e: int, names: list[str]) -> bool:
    """The word at ``t[s:e]`` is part of a longer word a name holds (水果刀 of 不锈钢水果刀): not said alone."""
    return any(w in n for n in names for w in (t[max(s - 1, 0):e], t[s:e + 1]) if len(w) > e - s)


__all__ = ["category_families", "category_refs", "covers", "lexicon"]
