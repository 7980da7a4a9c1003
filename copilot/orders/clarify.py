"""A buyer's clarification of their own earlier comment (LABELS rules 6 and 7): 刚才说的种子是白菜的 来两包, 刚才的地膜要
2米宽的 一卷, 我说的是9号链接 喷雾器来一台, 就是这个1米2的地膜 两卷. The earlier comment went to a person (a family
word, nothing on screen); this one says which goods it meant, and its quantity is the order.

One reading, by the grammar of the sentence and what the catalog says, not by any store's words:
- the head: what the buyer said, asked or placed before (刚才说的 / 我要的 / 刚才拍的 / 就是这个), then the word for
  the goods then (X, maybe none) and, after 是 / 要 / 就是, what sets the goods apart (Y);
- X narrows the catalog to the products whose names hold it, with the other packs of the same goods (or those its
  misspelling or family reads as); when they settle nothing, the goods of its kind (the last character of the noun:
  腊肠 of 香肠, 春联 of 对联); a word of ordinary speech no name holds (肥料, 糖水) narrows nothing, and then a colour or
  one character picks nothing in the whole shop;
- Y picks one of them: a link (9号链接 wins over the word X), a size said in any of its forms (1米2, 1.2米,
  5公斤 of 5kg), or a word one of their names holds (电动, 整盒, 萝卜); said bare after a word that settles nothing
  (是长的那个 4米5 一根), the next word may settle it;
- the goods so picked are then written by a name of theirs in place of the head, so the rest of the comment (来两包)
  is read as an order of those goods (no quantity said: those goods, how many asked); a quantity alone after the head
  (刚才拍的是一袋) is no clarification of goods but an absolute modify (``changes.MODIFY``); a question (还有吗) is
  asked about, no order.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog, Product
from copilot.base.zhnum import NUM_PATTERN
from copilot.orders.amounts import read_quantities
from copilot.orders.changes import COUNTED
from copilot.orders.names import plain_name
from copilot.orders.notes import ATTRIBUTE
from copilot.orders.packs import one_goods, same_goods
from copilot.orders.refs import find_refs, mask
from copilot.orders.sizes import METRES, SIZE, size_key
from copilot.orders.typos import sounds_near
from copilot.orders.wording import QUESTION

_VERB = r"(?:说|讲|问|要|拍|下单|下|订|选|提)"
# 刚才说的X是Y, 我要的X是Y, 刚才的X要Y, 刚才拍的X是Y: what the buyer said before, then which goods it was
_SAID_BEFORE = re.compile(rf"^我?(?:(?:刚才|刚刚|刚|之前|前面|上面)我?(?:{_VERB}?了?的|那[个款种])|{_VERB}了?的)"
                          r"(?P<x>[^\s,，是要]{0,8}?)\s*(?:是要|就是|其实是|指的是|是|要)(?:屏幕上的?)?(?:[这那](?:个|款|种))?(?P<y>[^\s,，]+?)(?=[\s,，]|$)")
# 就是这个1米2的地膜, 就是屏幕上这个电动喷雾器: the goods on screen, described
_THIS_ONE = re.compile(r"^(?:就是|是)(?:屏幕上|屏幕里|现在|刚才)?的?(?:这个|这款|这种|那个|那款)(?P<y>[^\s,，]+?)(?=[\s,，]|$)")
_ASKED = re.compile(r"[吗嘛呢?？]|什么|哪|多少|多[大宽长重高粗厚深]|几")
# what follows the word that sets the goods apart: 的, 那种, 那台, 的那个
_TAIL = re.compile(r"(?:的)?(?:[那这](?:种|款|样|个|[\u4e00-\u9fff]))?(?:的)?$")

_QUANTITY_ALONE = re.compile(rf"^(?:{NUM_PATTERN}|半)\s*{COUNTED}?[了啊呀哈吧]?$")
_BOUNDED = re.compile(r"^\d|\d$")
_DIGITS = str.maketrans("一二两三四五六七八九", "1223456789")


def clarified(t: str, catalog: Catalog) -> str:
    """``t`` with a clarification's head written as the goods it picks (刚才的种子要萝卜的 三包 -> 萝卜种子 三包); ``t``
    unchanged when it is none, asks, or does not settle one product (a person reads it then)."""
    m = _SAID_BEFORE.match(t) or _THIS_ONE.match(t)
    if m is None or _ASKED.search(m.group(0)) or _QUANTITY_ALONE.match(m.group("y")):
        return t
    x, y, rest = m.groupdict().get("x") or "", m.group("y"), t[m.end():].strip()
    if QUESTION.search(rest):  # 刚才说的帐篷是双人的 还有吗: asked about, no order
        return t
    if not x:  # 就是这个1米2的地膜, 刚才说的是四人帐篷: the family word after what sets it apart
        y, x = _apart(y, catalog)
    product, rest = _picked(x, y, rest, catalog)
    if product is None:
        return _packs_picked(x, y, rest, catalog) or t
    word, rest = _word_for(product, catalog), _without(product, rest, catalog)
    if not word:
        return t
    return f"{word} {rest}" if rest else f"拍了 {word}"  # 刚才说的种子是白菜的: those goods, how many asked


def _packs_picked(x: str, y: str, rest: str, catalog: Catalog) -> str:
    """刚才说的绿豆糕是桂花的 两盒, 桂花 a word of the 桂花绿豆糕 单块 and its 12块盒: Y picks one goods in several packs,
    and the rest's count says which pack (LABELS rule 2); the comment as Y's goods said whole (桂花绿豆糕 两盒), when
    that reads as those goods. None otherwise."""
    attr = _TAIL.sub("", y) or y
    picks = [p for p in _pool(x, catalog) if _holds(p, attr)] if x and attr else []
    word = f"{attr}{x}"
    refs = find_refs(word, catalog)
    if len(picks) < 2 or not one_goods(picks) or not read_quantities(rest) or len(refs) != 1 \
            or (refs[0].start, refs[0].end) != (0, len(word)) or not set(refs[0].family or [refs[0].product]) <= set(picks):
        return None
    return f"{word} {rest}"


def _apart(y: str, catalog: Catalog) -> tuple[str, str]:
    """1米2的地膜 -> (1米2, 地膜); 四人帐篷 -> (四人, 帐篷): Chinese says what sets goods apart before the word for
    them, the longest end of ``y`` some names hold; (y, "") when there is none."""
    core = y.strip("的")
    if "的" in core:
        return tuple(core.rsplit("的", 1))
    for i in range(1, len(core) - 1):
        if not catalog.holding(core) and catalog.holding(core[i:]):
            return core[:i], core[i:]
    return y, ""


def _picked(x: str, y: str, rest: str, catalog: Catalog) -> tuple[Product | None, str]:
    """The one product X and Y say, and the rest of the comment (less a word that helped settle it): among the goods X
    means, else among the goods of its kind (the last character of a Chinese noun names the kind: 腊肠 of 香肠, 春联
    of 对联)."""
    pool = _pool(x, catalog)
    linked = _linked(y, catalog)
    if linked is not None:
        return (linked, rest) if linked in pool else (None, rest)
    for goods in (pool, _of_kind(x, pool, catalog)):
        product, after = _pick(y, rest, goods, catalog)
        if product is not None:
            return product, after
    named = _named(y, list(catalog), catalog)  # 刚才说的热带鱼是三湖: Y the whole name of goods X's names do not hold
    return (named[0], rest) if x and named else (None, rest)


def _pick(y: str, rest: str, pool: list[Product], catalog: Catalog) -> tuple[Product | None, str]:
    attr = _TAIL.sub("", y) or y
    if not pool or len(pool) == len(catalog) and not SIZE.search(attr) and (len(attr) < 2 or ATTRIBUTE.fullmatch(attr)):
        return None, rest  # 刚才说的是红的: a colour or one character of the whole shop is no goods said
    picks = [p for p in pool if _holds(p, attr)] or _named(y, pool, catalog)
    if len(picks) > 1:  # 刚才说的碗是饭碗 of 饭碗 and 饭碗礼盒: the whole name said is its goods
        picks = _named(y, picks, catalog) or picks
    if len(picks) == 1:
        return picks[0], rest
    word, _, after = rest.partition(" ")  # 是长的那个 4米5 一根: the next word, when it settles one, with a count after it
    narrowed = [p for p in (picks or pool) if word and _holds(p, _TAIL.sub("", word) or word)]
    if len(narrowed) == 1 and read_quantities(after):
        return narrowed[0], after
    return None, rest


def _of_kind(x: str, pool: list[Product], catalog: Catalog) -> list[Product]:
    """The goods whose names hold the last character of X (竿 of 竿子), when X said more than its kind and the goods
    it means settle nothing."""
    head = re.sub(r"(?<=.)[子儿]$", "", x)[-1:]
    if len(x) < 2 or not head:
        return []
    kind = [p for p in catalog if any(head in n for n in p.names)]
    return kind if kind and set(kind) != set(pool) else []


def _pool(x: str, catalog: Catalog) -> list[Product]:
    """The products the word X may mean: those whose names hold it, with the other packs of the same goods (泡面 an
    alias of the 整箱 only, 单桶 said), else those its misspelling (棕子, 汤元) or family reads as; every product for no
    word, or a word no name holds (肥料, 糖水)."""
    if not x:
        return list(catalog)
    holding = catalog.holding(x)
    if holding:
        return list(dict.fromkeys([*holding, *(q for p in holding for q in same_goods(p, catalog))]))
    refs = [r for r in find_refs(x, catalog) if r.product or r.family]
    if len(refs) == 1 and refs[0].end - refs[0].start >= len(x) - 1:
        return list(refs[0].family) or [refs[0].product]
    return _sounding(x, catalog) or list(catalog)


def _sounding(x: str, catalog: Catalog) -> list[Product]:
    """The products a name of which holds ``x`` with one character typed by its sound (棕子 of 粽子, 汤元 of 汤圆)."""
    if len(x) < 2:
        return []
    def near(w: str) -> bool:
        diff = [i for i in range(len(x)) if x[i] != w[i]]
        return len(diff) == 1 and sounds_near(x[diff[0]], w[diff[0]])
    return [p for p in catalog if any(near(n[i:i + len(x)]) for n in p.names for i in range(len(n) - len(x) + 1))]


def _linked(y: str, catalog: Catalog) -> Product | None:
    """我说的是9号链接: the product of the link said (a link wins over a word for the goods)."""
    if not re.search(r"\d", y):
        return None
    refs = find_refs(y, catalog)
    if len(refs) == 1 and refs[0].product and re.search(r"链接|#", refs[0].label) and refs[0].start == 0:
        return refs[0].product
    return None


def _holds(p: Product, attr: str) -> bool:
    """Whether a name of ``p`` holds ``attr``: its sizes in any form (1.2米 of 1米2宽, 5公斤 of 5kg) and the words
    beside them; a number bare (0.8) as a whole number, not a part of 10.8 or 0.85."""
    said = [size_key(s) for s in SIZE.finditer(attr)]
    words = SIZE.sub(" ", attr).split() if said else [attr]
    for n in p.names:
        held = {size_key(s) for s in SIZE.finditer(METRES.sub(r"\1.\2米", n))}
        if all(k in held for k in said) and all(_within(w, n) for w in words):
            return True
    return False


def _within(word: str, name: str) -> bool:
    word, name = word.lower().translate(_DIGITS), name.lower().translate(_DIGITS)  # 4人 of 四人
    if not _BOUNDED.search(word):
        return word in name
    return re.search(rf"(?<![\d.]){re.escape(word)}(?![\d])", name) is not None


def _named(y: str, pool: list[Product], catalog: Catalog) -> list[Product]:
    """刚才说的糖水是绿豆沙: Y a name of goods itself, one of the pool (or of the shop, for a word no name holds)."""
    refs = find_refs(y, catalog)
    if len(refs) == 1 and refs[0].product in pool and not mask(y, refs).strip("# 的"):
        return [refs[0].product]
    return []


def _word_for(p: Product, catalog: Catalog) -> str:
    """A name of ``p`` that reads as ``p`` alone, holds no count and no space (a comment's clauses split at spaces),
    else its link."""
    for w in (plain_name(p), *p.aliases, p.name, re.sub(r"\s+", "", p.name), *([f"{p.link}号链接"] if p.link else [])):
        if re.search(r"\s", w):
            continue
        refs = find_refs(w, catalog)
        if len(refs) == 1 and refs[0].product is p and (refs[0].start, refs[0].end) == (0, len(w)) \
                and not read_quantities(mask(w, refs)):
            return w
    return ""


def _without(p: Product, rest: str, catalog: Catalog) -> str:
    """我说的是9号链接 喷雾器来一台: the family word said again in the rest is the goods picked, said once."""
    for r in reversed(find_refs(rest, catalog)):
        if r.product is p or p in r.family:
            rest = rest[:r.start] + rest[r.end:]
    return rest.strip()


__all__ = ["clarified"]
