"""Whose passage it is: the product's names in a passage, and whether a passage is in scope for a question.

A product's passage answers about that product only; the store's passages answer what the store decides
(pickup, delivery, after-sales ...) or questions about no aspect of a product, and not a rule every sentence of
which names other products. ``Scope`` is the part of ``judge.Judge`` that knows the catalog's names.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Catalog
from copilot.knowledge.docs import Chunk
from copilot.knowledge.naming import implies
from copilot.knowledge.question import Question, guard
from copilot.knowledge.wordlists import lexicon

SENTENCE = re.compile(r"[。！？!?；;\n]")
EXAMPLE = re.compile(r"“[^”]*”|\"[^\"]*\"|(?:比如|例如|譬如)[^。；;]*")   # 比如“草莓 2 斤”: an example, not whose rule
# aspects the store answers for the goods its rule names only: 券 90 天有效 tells how long a voucher lasts, not a
# 纱窗补丁 asked about (the product's own notes do)
NAMED_ONLY = ("lasting",)


class Scope:
    """The names and scope checks of :class:`judge.Judge` (which holds ``catalog`` and the name caches)."""

    catalog: Catalog
    _names: tuple | None
    _named: tuple | None
    _families: tuple | None

    def cover_text(self, c: Chunk) -> str:
        """What a chunk says, without its product's own names (鲜活鲈鱼 does not say the fish is alive)."""
        text = lexicon().fix_typos(f"{c.section}：{c.key}：{c.text}" if c.key else f"{c.section}：{c.text}")
        p = self.catalog.get(c.sku) if c.sku else None
        for n in sorted(p.names if p else (), key=len, reverse=True):
            text = text.replace(n, " ")
        return text

    def others_out(self, text: str, targets: list[str], asked: str) -> str:
        """A store passage's ``text`` without the names of products other than those asked about that the question
        does not say: 玻璃 is not said by 玻璃水 of 玻璃水、车蜡开了封不退 (a product's own notes may name what it is
        used with: 能用冲好的奶粉代替水)."""
        for s, e, p in reversed(self.catalog.mentions(text) if targets else []):
            if p.sku not in targets and text[s:e] not in asked:
                text = text[:s] + " " + text[e:]
        return text

    def _mine_and_others(self, text: str, targets: list[str]) -> tuple[list[str], list[str]]:
        """The names in ``text`` of the products asked about, and of the other products it names."""
        mentions = self.catalog.mentions(text)
        return ([text[s:e] for s, e, p in mentions if p.sku in targets] + list(self._names_of(targets[0])),
                [text[s:e] for s, e, p in mentions if p.sku not in targets])

    def nameless(self, text: str) -> str:
        """``text`` without any product's names: 生 (生吃) is not said by 花生油."""
        if self._names is None or self._names[0] is not self.catalog:
            names = sorted({n for p in self.catalog.products for n in p.names}, key=len, reverse=True)
            self._names = (self.catalog, re.compile("|".join(map(re.escape, names))) if names else None)
        rx = self._names[1]
        return rx.sub(" ", text) if rx is not None else text

    def _blank_mentions(self, text: str) -> str:
        """``text`` with each product name the catalog finds in it blanked, the places of the rest kept."""
        for s, e, _p in self.catalog.mentions(text):
            text = text[:s] + " " * (e - s) + text[e:]
        return text

    def _names_of(self, sku: str) -> tuple[str, ...]:
        p = self.catalog.get(sku) if sku else None
        return tuple(p.names) if p else ()

    def _sold_by(self, sku: str, unit: str) -> bool:
        p = self.catalog.get(sku)
        return bool(p and p.unit == unit)

    @staticmethod
    def _store_question(q: Question) -> bool:
        aspects = lexicon().aspects
        return any(aspects[t].scope != "product" for t in q.topics if t in aspects)

    def in_scope(self, q: Question, c: Chunk, targets: list[str]) -> bool:
        """A product's passage answers about that product only (with no product named, only when it says
        every word asked: see ``answers``); the store's passages answer what the store decides (pickup,
        delivery, after-sales ...) or questions about no aspect of a product."""
        if c.sku:   # a question of what the shop decides, naming no product, is not one product's notes
            return c.sku in targets or (not targets and len(q.residual) >= 2 and not self._store_question(q))
        if not targets:   # nor one product's rule (红虫下了单第二天就要拿走 for 下了单留几天), but the store's own Q&A
            # pair asking the question itself names the goods its rule is of (送货吗？ 锁芯、挂锁……免费送 for 能送货吗)
            return not (self._store_question(q) and any(s <= 1 for s, _e, _p in self.catalog.mentions(c.text))) or \
                c.layout == "qa" and not self.catalog.mentions(c.key) and self.asks_same(q, c)
        if self.names_others(q, c, targets):
            return False   # 奶粉、纸尿裤没拆封的 7 天内可以退换 says nothing of the 指甲剪 asked about
        if not q.topics:  # 香菇一斤几个 asks about the product: a store rule answers only what it says of it
            names = any(n in c.text or n in c.key for s in targets
                        for n in (self.catalog.get(s).names if self.catalog.get(s) else ()))
            if guard("eats").search(q.text):
                return names   # 腊肠小孩能吃不 is not answered by 小孩子来拿的话要 12 岁以上
            aspects = lexicon().aspects
            hinted = q.soft and all(aspects[a].scope != "store" for a in q.soft if a in aspects)
            if hinted and (q.kind == "yesno" or all(aspects[a].scope == "product" for a in q.soft if a in aspects)):
                return names   # 菠菜能冷冻吗 hints at its storage: the shop's cold-shelf rule is no answer; nor
                #                is 奶坏了能退吗？ to 奶皮子有点发黄是坏了吗 (of the product, not of a refund)
            return bool(q.residual) or names
        aspects = lexicon().aspects
        if set(q.topics) & set(NAMED_ONLY) and all(t in NAMED_ONLY or aspects[t].scope == "product"
                                                   for t in q.topics if t in aspects):
            return self.names_kind(c, targets)   # (理发券 180 天有效 names the 券 of 女士剪发券)
        return self._store_question(q)

    def names_kind(self, c: Chunk, targets: list[str]) -> bool:
        """The store passage names a product asked about, or the kind its name ends in (券 of 女士剪发券)."""
        text = f"{c.key} {c.text}"
        return any(n in text or n[-1] in text for s in targets
                   for n in (self.catalog.get(s).names if self.catalog.get(s) else ()))

    def products_named(self, c: Chunk) -> set[str]:
        """The products a store passage's every sentence names (not as examples), or none."""
        if self._named is None or self._named[0] is not self.catalog:
            self._named = (self.catalog, {})
        if c.id not in self._named[1]:
            key = {p.sku for _s, _e, p in self.catalog.mentions(c.key)}
            said = [key | {p.sku for _s, _e, p in self.catalog.mentions(EXAMPLE.sub(" ", t))} | self.family_named(
                    EXAMPLE.sub(" ", t)) for t in SENTENCE.split(c.text) if t.strip()]
            self._named[1][c.id] = set().union(key, *said) if said and all(said) else set()
        return self._named[1][c.id]

    def family_named(self, text: str) -> set[str]:
        """The products a family word in ``text`` names: the end that two or more products' names share (灭火器 of
        干粉灭火器 and 水基灭火器), said alone (报警器 of 烟感报警器 is the smoke alarm's name)."""
        text = self._blank_mentions(text)
        if self._families is None or self._families[0] is not self.catalog:
            ends: dict[str, set[str]] = {}
            for p in self.catalog.products:
                for n in p.names:
                    for i in range(1, len(n) - 1):
                        ends.setdefault(n[i:], set()).add(p.sku)
            self._families = (self.catalog, {w: s for w, s in ends.items() if len(s) >= 2})
        return {sku for w, skus in self._families[1].items() if w in text for sku in skus}

    def names_others(self, q: Question, c: Chunk, targets: list[str]) -> bool:
        """A store passage whose every sentence names products of the catalog, none of them one asked about (by a
        name, or by a word for it: 大米 of 长粒香, 肉禽 of a chicken), is a rule of theirs (奶粉、纸尿裤没拆封的 7 天内可以退换，
        拆了的不退不换), unless it is of what the shop alone decides; a general rule beside it (收货当天坏果拍照退款；
        大米未开封 7 天内可退换) is not, nor are products named as examples (比如“草莓改成 3 斤”)."""
        named = self.products_named(c)
        aspects = lexicon().aspects   # (the shop's delivery, pickup, payment rules hold for any product they name;
        #                              not as a yes or no of the one asked: 电池上门安装 says nothing of 轮胎能送吗)
        if not named or named & set(targets) or q.kind != "yesno" and any(aspects[t].scope == "store"
                                                                          for t in q.topics if t in aspects):
            return False
        text, products = f"{c.key} {c.text}", [p for p in map(self.catalog.get, targets) if p]
        text = self._blank_mentions(text)   # 报警器 of 烟感报警器 is the smoke alarm's name, not the gas alarm
        return not any(implies(text[i:i + n], p) for n in (2, 3) for i in range(len(text) - n + 1) for p in products)
