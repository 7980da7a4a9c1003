"""Answers from the live catalog (the shelf): price, stock, limit, link, what a link is and the spec,
from ``products.yaml`` and the ledger's ``stock`` callable, never from stored text or a model. The spec
answers only what it holds (按盒卖 is no answer to 一盒几个), and a link number no product has gets
"没有 N 号链接" with the range of real links.
"""

from __future__ import annotations

import logging
import re

from copilot.base.catalog import Catalog, Product
from copilot.knowledge.docs import catalog_facts
from copilot.knowledge.kinds import same_cue, strict, values_of
from copilot.knowledge.measures import measured, per_other
from copilot.knowledge.question import MEASURE, Question, coverage, guard
from copilot.knowledge.records import REFUSAL_TEXT, Answer, Source
from copilot.knowledge.replies import missing_link_text, the_value
from copilot.knowledge.wordlists import lexicon

log = logging.getLogger(__name__)
ASK_PRODUCT_TEXT = "请问您问的是哪个商品？报商品名或链接号就行"
FACT_KINDS = {"original_price": "price", "activity": "", "have": "yesno", "minimum": "count", "price": "price", "stock": "count", "limit": "count", "link": "link", "what": "", "spec": "", "offer": ""}
FACT_LABELS = {"original_price": "原价", "activity": "优惠活动", "have": "有没有这个商品", "minimum": "起卖数量", "price": "价格", "stock": "库存", "limit": "限购", "link": "链接号", "what": "链接上的商品", "spec": "规格", "offer": "赠品"}
GIFT = re.compile(r"送|赠")   # an offer that names a gift (直播间拍 2 盒送马克杯), not a price or a limit only
# kinds of value a spec ("每盒 12 个", "单果约 300 克") can hold
SPEC_KINDS = ("count", "weight", "size", "amount", "power")
# a size that tells one product from another of its kind (6 寸 / 8 寸 cakes, 5 升 / 10 升 oil)
SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(寸|升|毫升|ml|L|公斤|kg|斤装|克装|只装|个装|片装|支装)")


class Shelf:
    def __init__(self, catalog: Catalog, stock=None) -> None:
        self.catalog = catalog
        self.stock = stock

    def remaining(self, p: Product) -> float:
        if self.stock is None:
            return p.stock
        try:
            return float(self.stock(p.sku))
        except Exception as exc:  # the ledger failing must not break the answer
            log.warning("stock callable failed sku=%s: %s", p.sku, exc)
            return p.stock

    def missing_links(self, text: str, q: Question, products: list[Product]) -> list[int]:
        """Link numbers asked about that no product has ("15号链接是什么", "99号多少钱"); a date ("15号开门吗")
        is not a link."""
        out = []
        for s, e, p, n in self.catalog.links(text):
            if p is not None:
                continue
            span = text[s:e]
            date = s > 0 and text[s - 1] in "月每" or q.topics and "链接" not in span
            named = text[e:e + 1] == "是" and not q.topics   # 14号是菜籽油吗: a link, not a date
            if "链接" in span or "#" in span or named or (q.facts and not date and not products):
                out.append(n)
        return out

    def other_size(self, text: str, targets: list[str]) -> str:
        """The size the question names when the product asked about is sold in another one only ("8寸的多少钱"
        of a 6 寸 cake): "8寸", else "". A size said of what goes into the product (26寸能装吗) is none of its own."""
        for m in SIZE.finditer(text):
            if lexicon().guards["held_after"].match(text, m.end()):
                continue   # 26寸能装吗 of a bag: the size of what goes in, not the bag's
            for p in (self.catalog.get(s) for s in targets[:1]):
                said = " ".join([*p.names, p.spec or ""]) if p else ""
                sizes = [n for n, u in SIZE.findall(said) if u == m.group(2)]
                if sizes and m.group(1) not in sizes:
                    return m.group(0)
        return ""

    def other_variant(self, text: str, targets: list[str]) -> str:
        """The size or grade the question names (2米的, 3段, M码, 160的) when the product asked about is another
        one in the same unit (1.5 米, 2 段, L 码, 240ml): its price and spec are not the variant's. The variant as
        the notes must say it (2米, 3段, M码, XL, 160), or "" when none."""
        p = self.catalog.get(targets[0]) if targets else None
        if p is None:
            return ""
        own = [(_grade(v), u.lower()) for v, u in lexicon().guards["variant"].findall(" ".join([*p.names, p.spec or ""]))]
        for m in lexicon().guards["variant"].finditer(text):
            same = [v for v, u in own if u == m.group(2).lower()]
            if same and _grade(m.group(1)) not in same:
                grade = _grade(m.group(1))
                return grade if len(grade) > 1 and grade.isalpha() else grade + m.group(2)
        for m in lexicon().guards["variant_bare"].finditer(text):   # 160的 of a 240ml bottle, XL的 of an L
            same = {v for v, _u in own if v[:1].isdigit() == m.group(1)[:1].isdigit()}
            if same and _grade(m.group(1)) not in same:
                return _grade(m.group(1))
        return ""

    def family(self, text: str, prefix: str = "") -> Answer | None:
        """有几种豆浆, 酸奶有哪些: the products whose names hold the family word, when two or more do; else None."""
        m = lexicon().guards["family"].search(text)
        run = next((g for g in m.groups() if g), "") if m else ""
        for n in range(len(run), 1, -1):
            for i in range(len(run) - n + 1):
                word = run[i:i + n]
                found = [p for p in self.catalog.products if word in p.name]
                if len(found) >= 2:
                    reply = f"{word}有 {len(found)} 种：" + "、".join(p.name for p in found) + "。"
                    source = Source(file="products.yaml", sku=None, text=reply, score=1.0, section="商品信息",
                                    kind="fact")
                    return Answer(True, prefix + reply, [source], mode="catalog", kind="count",
                                  why=f"商品目录（products.yaml）里名字带「{word}」的商品")
        return None

    def missing_link_answer(self, numbers: list[int], prefix: str) -> Answer:
        reply = missing_link_text(numbers, [p.link for p in self.catalog.products])
        source = Source(file="products.yaml", sku=None, text=reply, score=1.0, section="商品信息", kind="fact")
        return Answer(True, prefix + reply + "。", [source], mode="catalog", kind="link",
                      why="商品目录（products.yaml）里没有这个链接号")

    def surcharge_unsaid(self, q: Question, targets: list[str]) -> bool:
        """What a case adds to the price is asked (加多少钱, 贵多少) and no product's offer, told with its price, says
        an add-on (加 5 元换购): the product's own price is no answer."""
        return bool(guard("surcharge").search(q.text)) and not any(
            "加" in (p.offer or "") for p in map(self.catalog.get, targets[:3]) if p)

    def field_facts(self, q: Question, facts: list[str], targets: list[str]) -> tuple[list[str], Answer | None]:
        """The catalog fields asked, read with their own cues (原价, 有啥活动, 送啥), and the refusal when the field
        asked is empty (no original price filled in: never the live price)."""
        if "original_price" in facts:   # 平时卖多少: the original price, never the live one (原价 of price too)
            facts = [f for f in facts if f != "price"]
            if targets and not all(self.catalog.require(s).original_price for s in targets[:3]):
                return facts, Answer(False, REFUSAL_TEXT, [], reason="not_in_kb", mode="refused", kind="price",
                                     why="商品目录里没有填原价，交给助理回答")
        if "activity" in facts:   # 有啥活动: the live offer, whatever it says; with none, the notes must say it
            facts.remove("activity")
            if targets and all(self.catalog.require(s).offer for s in targets[:3]) and "offer" not in facts:
                facts.append("offer")
        if "offer" in facts and not all(GIFT.search(self.catalog.require(s).offer or "") or "activity" in q.facts
                                        for s in targets[:3]):
            facts.remove("offer")   # 送啥 of a product whose offer names no gift: the notes must say it
        return facts, None

    def part(self, q: Question, products: list[Product], targets: list[str], prefix: str, min_coverage: float):
        """(final, part, facts used): the catalog's whole answer when it answers everything asked, else the
        part it answers while the notes must say the rest (苹果多少钱 甜不甜), or nothing."""
        if products and not q.facts and self.exists(q.text, products):   # (上门 of 上门安检 names no aspect)
            ans = self.answer(["have"], products[:3], prefix)
            ans.kind = "yesno"
            return ans, None, ["have"]
        facts = [f for f in q.facts if not (f in ("price", "spec") and guard("rent").search(q.text)) and not (
                 f == "price" and self.surcharge_unsaid(q, targets))]   # 加多少钱: a case's surcharge, not the price
        if "spec" in facts and not all(spec_answers(self.catalog.get(s), q.kind, q.units, q.measure)
                                        for s in targets[:3]):
            facts.remove("spec")
        if "minimum" in facts and not all(guard("minimum_said").search(self.catalog.require(s).spec or "")
                                          for s in targets[:3]):
            facts.remove("minimum")   # the spec says no least amount: the notes must say it
        facts, refusal = self.field_facts(q, facts, targets)
        if refusal:
            return refusal, None, []
        topics = [t for t in q.topics if not (t == "ordering" and facts == ["offer"])]   # 直播间下单送啥: the gift
        store = (set(topics) | set(q.soft)) & {"delivery", "pickup", "payment", "ordering"}
        if not facts or (store and not products):   # 起送多少钱: the store's delivery rule, not a product's price
            return None, None, []
        if not targets:
            if not (q.residual or topics) or set(topics) - lexicon().store_aspects:  # 有货吗 / 有货吗 甜不甜
                return Answer(False, ASK_PRODUCT_TEXT, [], reason="no_product", mode="refused",
                              why="没说是哪个商品，也没有正在讲的商品"), None, []
            return None, None, []
        if "price" in facts and priced_other(q, [p for p in map(self.catalog.get, targets) if p]):
            facts.remove("price")   # 夜光棒多少钱 while a float is presented: only the notes may say its price
            if not facts:
                return None, None, []
        shown = [self.catalog.require(s) for s in targets[:3]]
        if "price" in facts and period_unsaid(q, shown):
            facts.remove("price")   # 寒假班一天多少钱 of a class sold by the term: only the notes may say a day's price
            if not facts:
                return None, None, []
        other = other_unit(q, facts, shown)
        if other:  # 一盒多少钱 of milk sold by the 箱: the catalog states no price per 盒
            return Answer(False, REFUSAL_TEXT, [], reason="not_in_kb", mode="refused", kind="price",
                          why=f"商品目录只有按「{shown[0].unit}」的价格，没有一{other}的价格，交给助理回答"), None, []
        linked = frozenset(p.sku for _s, _e, p, _n in self.catalog.links(q.text) if p)   # 3号链接多少钱
        ans = self.answer(facts, shown, "", linked)
        ans.kind = q.kind if facts == ["spec"] else FACT_KINDS.get(facts[0], "")
        ans.value = the_value(ans.kind, [ans.text])
        if not topics and coverage(q.residual, ans.text) >= min_coverage:
            ans.text = prefix + ans.text
            return ans, None, facts
        if "spec" in facts:  # 芒果核大不大: the size asked is of something the spec does not describe
            facts.remove("spec")
            if not facts:
                return None, None, []
            ans = self.answer(facts, shown, "", linked)
        return None, ans, facts

    @staticmethod
    def exists(text: str, products: list[Product]) -> bool:
        """有没有太阳镜, 有老花镜卖吗, 有做铜牌的吗: once the products' names (as much of the full name as is said
        around a short alias: 上门安检 of 上门安检查漏) and a making or service verb right after 有 are taken out,
        only "do you have" is left."""
        named = {p.sku: {*p.names, *(text[s:e] for s, e in name_spans(text, p))} for p in products}
        names = {n for ns in named.values() for n in ns}
        at = text.find("有")
        before = {s for s, ns in named.items() if any(0 <= text.find(n) < at for n in ns)} if at > 0 else set()
        if before and any(text.find(n, at) > at for s, ns in named.items() if s not in before for n in ns):
            return False   # 周末班有考级吗: whether one product comes with another, not whether the store has it
        rest = text
        for name in sorted(names, key=len, reverse=True):
            rest = re.sub(guard("offers_verb").pattern + f"(?={re.escape(name)})", "", rest).replace(name, "")
        rest = re.sub(r"[\s，。！？、,.!?~～…]+", "", rest)
        return bool(rest) and guard("exists").fullmatch(rest) is not None

    def answer(self, facts: list[str], products: list[Product], prefix: str, linked: frozenset = frozenset()) -> Answer:
        """The catalog facts asked of each product; a product asked by its link number (``linked``: 3号链接多少钱) is
        named by it, so the viewer hears which link the fact is of."""
        parts, sources = [], []
        for p in products:
            said = catalog_facts(p, self.remaining(p), facts)
            if p.sku in linked and said and not set(facts) & {"have", "what", "link"}:
                said[0] = f"{p.link} 号链接{said[0]}"
            parts.append("，".join(said))
            sources.append(Source(file="products.yaml", sku=p.sku, text="；".join(said), score=1.0,
                                  section="商品信息", kind="fact"))
        return Answer(True, prefix + "；".join(parts) + "。", sources, mode="catalog",
                      why=f"来自商品目录和实时库存（products.yaml）：{'、'.join(FACT_LABELS[f] for f in facts)}")

    def facts_for_llm(self, skus) -> list[str]:
        return [f"{p.name}（{'、'.join(p.aliases)}）：{'；'.join(catalog_facts(p, self.remaining(p), ['price', 'spec']))}"
                for p in (self.catalog.get(s) for s in sorted(skus)) if p]


def name_spans(text: str, p: Product) -> list[tuple[int, int]]:
    """Where ``text`` says more of ``p``'s full name around one of its names than the name itself (上门安检 around the
    alias 安检 of 上门安检查漏, 旧画重裱 around 重裱 of 旧画重裱翻新券, 改裤脚券 around 改裤脚 of 裤脚改短券): those characters
    name the product too."""
    out = []
    for n in p.names:
        for m in re.finditer(re.escape(n), text):
            s, e = m.start(), m.end()
            while s > 0 and text[s - 1:e] in p.name:
                s -= 1
            while e < len(text) and text[s:e + 1] in p.name:
                e += 1
            if e < len(text) and text[e] == p.name[-1] and not text[s:e].endswith(p.name[-1]):
                e += 1   # 改裤脚券: the alias 改裤脚 said with the last character of 裤脚改短券 (what is sold: 券)
            if (s, e) != m.span():
                out.append((s, e))
    return out


def _grade(value: str) -> str:
    """二 -> 2, xl -> XL: a variant's value as compared."""
    return str("一二三四五六".index(value) + 1) if value in "一二三四五六" else value.upper()


def other_unit(q: Question, facts: list[str], products: list[Product]) -> str:
    """The unit a price question names (一盒多少钱, 每瓶几块钱) when the product is sold by another one (箱):
    the price of one 盒 is not stated, and dividing the 箱 price would invent it."""
    if "price" not in facts or not products:
        return ""
    m = MEASURE.search(q.unnamed)
    unit = m.group(1) if m else ""
    return unit if unit and all(p.unit and p.unit != unit for p in products) else ""


PERIOD = re.compile(r"[一每]\s*个?\s*(天|日|晚|小时|钟头|周|星期|礼拜|月|年|学期|节)")


def period_unsaid(q: Question, products: list[Product]) -> bool:
    """The price asked is per a period (一天多少钱, 每小时几块) that no product is sold by (its unit) nor its spec
    states one of (临时托管一小时): the catalog's price is of another span, and dividing it would invent one."""
    m = PERIOD.search(q.unnamed)
    return m is not None and bool(products) and all(
        p.unit != m.group(1) and not re.search(rf"[一每]\s*个?\s*{m.group(1)}", p.spec or "") for p in products)


def spec_answers(p: Product | None, kind: str, units: frozenset[str] | None = None, measure: str = "") -> bool:
    """A spec answers a count, weight, size or amount only when it holds one (in the unit asked: 每瓶 500 克
    is no answer to 一瓶多少毫升), of what is measured (每袋 10 个 is no answer to 一箱几个, 每袋 1 公斤 to 一块多重)."""
    if p is None:
        return False
    if measure and measure != p.unit and not measured(measure, p.spec or "", p.unit):
        return False   # 每袋 1 公斤，切成 10 块 weighs a bag, not 一块
    if kind == "weight" and not measure and p.spec and per_other(kind, p.spec, p.unit):
        return False   # 粉仓装 25 克 is what its bin holds, no answer to 磨豆机多重
    if strict(kind) and kind in SPEC_KINDS:
        return bool(p.spec) and bool(values_of(kind, p.spec, units))
    return True


def asked_in_notes(q: Question, chunks) -> bool:
    """The product's notes hold a Q&A pair asking the value by the question's own cue and answering it (照片书多大？
    八寸 二十厘米乘二十厘米 for 照片书多大): the owner's reply to that very question answers, not the catalog's spec
    (8 寸方形); or a row keyed by the question itself (一包多重：一包大约 2.2 公斤, before the spec's 每包 500 张，70 克)."""
    def keyed_by_question(c) -> bool:
        return c.layout in ("table", "bullet") and all(ch in q.text for ch in c.key if "\u4e00" <= ch <= "\u9fff")

    return any((c.layout == "qa" or keyed_by_question(c)) and same_cue(q.kind, c.key, q.unnamed) and
               values_of(q.kind, c.text, q.units) for c in chunks)


def priced_other(q: Question, products: list[Product]) -> bool:
    """The price is asked of a thing the question names right before it that is not the product (夜光棒多少钱 while a
    float is presented, its name blanked): a word of two characters or more left of the question, not a measure
    (一双, 第二双) nor a word of the product's names (种子 of 上海青种子), nor a doing (按月订多少钱)."""
    words = [w for g in q.residual for w in g if not re.match(r"[一二两三四五六七八九十第每半几\d]", w)
             and not any(w in n for p in products for n in p.names)]
    for start, _end in q.fact_spans.get("price", []):
        tail = re.split(r"[\s，,。？?！!]", q.unnamed[:start])[-1]
        if not tail or sum(len(w) for w in words if w in tail) < 2:
            continue
        if any(tail.endswith(w) for w in words) and not guard("priced_doing").search(tail):
            return True
        things = [w for w in words if len(w) >= 2 and w in tail and not guard("priced_doing").search(w)]
        if guard("priced_doing").search(tail) and things and guard("priced_making").search(tail.split(things[-1])[-1]):
            return True   # 柜子定做多少钱: a doing to another thing (the 柜子), not the product's price
    return False

