"""Which products a question asks about, and the words of it left for the notes to answer.

``Asking`` is the part of ``kb.KnowledgeBase`` that reads the question against the catalog: the products it
names (by name, alias, link, swapped or sound-alike words), the product on air it means otherwise, the parts of
that product it names by another product's alias (电池 of the lock on air), the variant it names that the product
is not, and the product words (肉 of 五花肉) that are no question words.
"""

from __future__ import annotations

import re

from copilot.base.catalog import Product
from copilot.knowledge.naming import ACCESSORY, about_kind, about_product, implies, made_into, made_of, splits_word
from copilot.knowledge.question import Question, analyse, guard
from copilot.knowledge.records import REFUSAL_TEXT, Answer
from copilot.knowledge.shelf import asked_in_notes, name_spans

SHOP_NOUN = "(?:班|店|铺|馆|行|站|部|公司)"   # what a store's name is followed by when it names the store
# the noun a store's name ends in when it says what kind of place it is (邻里快递驿站, 清泉浴池, 新华路报名点)
SHOP_TAIL = re.compile("(?:店|铺|馆|站|部|点|池|堂|校|所|社|厅|院|中心|超市)$")


class Asking:
    """The question-reading methods of :class:`kb.KnowledgeBase` (which holds ``catalog``, ``shelf`` and ``_ix``)."""

    def _products_in(self, text: str, current=False) -> tuple[list[Product], list[str]]:
        found: dict[str, Product] = {}
        names = []
        mentions = self.catalog.mentions(text)
        made = made_into(text, mentions, current)   # 咸蛋 of 鹅蛋能腌咸蛋吗 is what the 鹅蛋 is made into
        for i, (s, e, p) in enumerate(mentions):
            if i not in made:   # what it is made into stays a word the answer must say
                found.setdefault(p.sku, p)
                names.append(text[s:e])
        for s, e, p, _n in self.catalog.links(text):
            names.append(text[s:e])
            if p is not None:
                found.setdefault(p.sku, p)
        for swapped, p in self.catalog.swapped(text):   # 鸡胸冻干 for 冻干鸡胸
            found.setdefault(p.sku, p)
            names.append(swapped)
        for s, e, p in self.catalog.sound_alikes(text) if not found else ():  # 草霉 for 草莓
            if (not found or p.sku in found) and not splits_word(text, s, e):
                found.setdefault(p.sku, p)
                names.append(text[s:e])
        return list(found.values()), names

    def _targets(self, products: list[Product], current_sku: str | None, q: Question | None = None) -> list[str]:
        if products:
            return [p.sku for p in products]
        if current_sku and self.catalog.get(current_sku):
            return [current_sku]
        if q is not None:  # 油 in 冬天油里结絮了 can only be the 花生油, 牛肉 the 牛腱子
            implied = {p.sku for g in q.residual for w in g for p in self.catalog.products if implies(w, p)}
            if len(implied) == 1:
                return sorted(implied)
        return []

    def _keys_of(self, q: Question, targets: list[str]) -> set[str]:
        """The keys of the products' notes; the spec is not asked when a Q&A pair of them asks the same (照片书多大？)."""
        own = [self._ix.chunks[i] for s in targets for i in self._ix.by_sku.get(s, ())]
        q.facts = [f for f in q.facts if f != "spec" or not asked_in_notes(q, own)]
        return {c.key for c in own}

    def _off_topic_of_store(self, q: Question, current_sku: str | None) -> bool:
        """An off-topic word (比赛, 电影) the notes of the product on screen or of the store say themselves (每年 5 月
        有少儿拉丁舞比赛): the store's own subject, so the question is no small talk (能参加比赛不 of a dance class)."""
        said = guard("off_topic").search(q.text)
        if said is None or not current_sku or not self.catalog.get(current_sku):
            return False
        self.ensure_ready()
        ix = self._ix
        return any(said.group(0) in ix.chunks[i].text for s in (current_sku, "") for i in ix.by_sku.get(s, ()))

    def _on_air_parts(self, text: str, products: list[Product], names: list[str],
                      current_sku: str | None) -> tuple[list[Product], list[str], Question]:
        """The products asked, their names as said and the analysed question, once the words that name another
        product by a short alias (电池, 锁芯) while the notes of the product on air speak of a part so called
        (| 电池 | 装 8 节 |, 锁芯保修 5 年) are read as that part, with no catalog fact asked."""
        q = analyse(text, names)
        parts = self._parts_of_current(text, products, current_sku, q)
        if not parts:
            return products, names, q
        names = [n for n in names if n not in parts]
        return [p for p in products if p.sku not in parts.values()], names, analyse(text, names)

    def _parts_of_current(self, text: str, products: list[Product], current_sku: str | None,
                          q: Question) -> dict[str, str]:
        """Words of the question that name another product by a short alias and a part the notes of the product
        on air speak of (电池 of the lock on air, not the battery sold beside it) -> the other product's sku."""
        current = self.catalog.get(current_sku) if current_sku else None
        if current is None or q.facts or guard("sells").search(text) or next(iter(self.catalog.links(text)), None):
            return {}
        self.ensure_ready()
        own = [self._ix.chunks[i] for i in self._ix.by_sku.get(current.sku, ()) if self._ix.chunks[i].layout != "fact"]
        out = {}
        for s, e, p in self.catalog.mentions(text):
            word = text[s:e]
            if p.sku != current.sku and p in products and word != p.name and word not in current.names and \
                    any(word in c.key or word in c.text for c in own):
                out[word] = p.sku
        return out

    def _variant(self, q: Question, text: str, targets: list[str]) -> str:
        """The variant the question names that the product asked about is not (2米的多少钱 of a 1.5 米 hose): the
        catalog's price, spec and stock are another variant's, only the notes may answer."""
        variant = self.shelf.other_variant(text, targets)
        if variant:
            q.facts = [f for f in q.facts if f not in ("price", "spec", "stock")]
        return variant

    def _other_kind(self, q: Question, targets: list[str], corpus: str) -> str:
        """A word of the question that names another kind of the product's own thing (门把手 of a 窗户把手 券: the
        head a name of the product ends in, 把手, with a modifier its names do not have; 木地板 of a 地板清洁液 is
        what it is used on, not a kind of it) and that the notes never use: the question asks
        of a thing the store does not say it has, so no passage of the product answers it; "" when none."""
        for sku in targets[:1]:
            p = self.catalog.get(sku)
            names = [n for n in (p.names if p else ()) if len(n) >= 2]
            for w in (w for g in q.residual for w in g):
                if len(w) < 3 or not re.fullmatch(r"[\u4e00-\u9fff]+", w) or w in corpus:
                    continue
                for size in (3, 2):
                    head, mod = w[-size:], w[:-size]
                    if 1 <= len(mod) <= 2 and any(n.endswith(head) for n in names) and \
                            not any(ch in n for n in names for ch in mod):
                        return w
        return ""

    def _other_kind_refused(self, q: Question, targets: list[str], corpus: str) -> Answer | None:
        """The refusal of a question of another kind of the product's thing (``_other_kind``), or None."""
        other = self._other_kind(q, targets, corpus)
        if not other:
            return None
        return Answer(False, REFUSAL_TEXT, [], reason="not_in_kb", mode="refused", aspect=",".join(q.topics),
                      kind=q.kind, why=f"资料里没有讲「{other}」，{self.catalog.get(targets[0]).name}不是它，交给助理回答")

    def _link_only(self, q: Question, text: str) -> None:
        """A link named with nothing else asked (14号链接, 15号是什么米, 12号上一下) asks what the link is."""
        if not q.facts and not q.topics and not q.residual and q.kind in ("", "yesno") and \
                next(iter(self.catalog.links(text)), None) is not None:
            q.facts = ["what"]

    def _names_of(self, targets: list[str]) -> list[str]:
        """Every name and alias of the products asked: a store rule answers them only when it names one."""
        return [n for p in map(self.catalog.get, targets) if p for n in p.names]

    def _store_as_shop(self, text: str) -> str:
        """托管班在哪, 理发店几点关门: words of the store's own name (向日葵托管, 剪影理发) followed by a noun for a shop
        (班, 店), or the noun the name ends in (驿站 of 邻里快递驿站), call the store, as 店 does; a product's name
        is never one."""
        name = self.catalog.store.name or ""
        for n in range(len(name), 1, -1):
            for i in range(len(name) - n + 1):
                word = name[i:i + n]
                m = re.search(re.escape(word) + SHOP_NOUN, text)
                if m and not self.catalog.mentions(text[m.start():m.end()]):
                    return text[:m.start()] + "店" + text[m.end():]
        for n in (3, 2):   # 驿站电话多少, 报名点在哪: the noun the name ends in, said alone, calls the store too
            tail = name[-n:] if len(name) > n else ""
            if tail and SHOP_TAIL.search(tail) and tail in text and not self.catalog.mentions(tail):
                return text.replace(tail, "店", 1)
        return text

    def _drop_product_words(self, residual: list[list[str]], targets: list[str], named: bool, text: str = "",
                            parts: set[str] = frozenset(), q_topics=(), kind: str = "") -> list[list[str]]:
        """"这个肉" / "酸奶哪里生产的" name the product by its kind or part of its name: 肉 is in 五花肉, 酸奶 in
        大瓶酸奶, not question words. Once the product is named in full, the rest is the question (果切几点切)."""
        products = [p for p in (self.catalog.get(s) for s in targets) if p]
        residual = [g for g in residual if not all(one_unit(w, products) for w in g)]
        if named:   # (旧画 of 旧画重裱 said around the alias 重裱 of 旧画重裱翻新券 is the name too)
            spans = [sp for p in products for sp in name_spans(text, p)]
            return [g for g in residual if not all(
                w in text and all(any(s <= m.start() and m.end() <= e for s, e in spans)
                                  for m in re.finditer(re.escape(w), text)) for w in g)]
        kinds = {n[-1] for p in products for n in p.names} | {p.category for p in products if p.category}
        corpus = "\n".join(self._ix.chunks[i].text for s in targets for i in self._ix.by_sku.get(s, ()))   # their notes
        names = {p.name[-1] for p in products} | {p.category for p in products if p.category}   # (磨刀 of 菜刀)
        out = []

        # 绿豆 of 绿豆糕 asks where the beans come from; 硬笔 of 硬笔书法课 asking who teaches (a person doing the
        # service, ``asks_person``) calls the product by the start of its name
        sourced = "origin" in q_topics or kind == "place" or kind == "who" and not guard("asks_person").search(text)

        def product_word(w: str) -> bool:   # a part its notes key a row by (猪肉 of 猪肉白菜水饺) is asked about
            if sourced and any(made_of(w, [ACCESSORY.sub("", n) for n in p.names]) for p in products):
                return False    # 绿豆哪里的 of 绿豆糕 asks where the beans come from, not where the cake is made
            if any(w in k and k in text for k in parts if len(k) > len(w)):
                return False    # 布置 of 上门布置多少钱, a row the notes key so (a service), not the 气球布置套装
            return w not in parts and (w in kinds or guard("kind_word").fullmatch(w) and w[0] in kinds or any(  # 椅子
                implies(w, p) for p in products)) and not re.search(
                f"{re.escape(w)}[不没]{re.escape(w)}" + (f"|{re.escape(w)}[吗嘛]" if len(w) == 1 else ""), text)

        for g in residual:   # 辣不辣 of 麻辣腊肠 still asks how hot it is; 主食还是零食 of 主食猫罐头 asks which
            if any(map(product_word, g)) and (len(g) == 1 or all(map(product_word, g))):
                continue
            # (防水 of the alias 手机进水 is a word the notes say: no 水 to strip; 磨刀 of 切片刀 is the knife)
            out.append([w if len(w) > 1 and w in corpus and w[-1] not in names else
                        about_product(about_kind(w, kinds), products) for w in g])
        return out


def one_unit(word: str, products: list[Product]) -> bool:
    """一幅 of 字画裱一幅要多久 where the spec says what one unit sold covers (一张券裱一幅): one of what is sold, asked
    of as the product itself, no word the notes must say."""
    m = re.fullmatch(r"[一每]([\u4e00-\u9fff])", word)
    return m is not None and any(p.spec and re.search(f"一{re.escape(p.unit)}[^，,；;。]*?一{m.group(1)}", p.spec)
                                 for p in products if p.unit)
