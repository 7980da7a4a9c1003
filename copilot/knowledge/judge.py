"""Which retrieved passage answers a question, if any.

A passage counts as an answer only when it speaks of the product asked about (or of the store, for
what the store decides), of the aspect asked (storage, pickup ...), holds a value of the kind asked
(a duration for 多久, a count for 几个), and contains the question's own content words. It is close
to the question in meaning too (the e5 cosine floor). Otherwise nothing answers: the question goes to
the assistant, never a neighbouring fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from copilot.base.catalog import Catalog
from copilot.knowledge.asked import (
    PHRASE,
    action_unsaid,
    after_sales_only,
    counted_from_asked,
    date_unsaid,
    day_keyed,
    doing_unsaid,
    how_asked,
    how_within,
    key_asks,
    keyed_case,
    made_there,
    moment_unsaid,
    opposite_case,
    split_runs,
    topic_said,
)
from copilot.knowledge.binding import distance, own_values
from copilot.knowledge.conditions import (
    after_clash,
    after_match,
    amount_clash,
    amount_fit,
    condition_clash,
    event_clash,
    event_head,
)
from copilot.knowledge.docs import STORE_LABELS, SUPPLY_KEY, Chunk, next_id, prev_id, seq_of
from copilot.knowledge.gate import general_pick, rule_before
from copilot.knowledge.headings import head_holds, heading_other, range_asked
from copilot.knowledge.index import Hit, Index
from copilot.knowledge.keys import Keys
from copilot.knowledge.kinds import (
    LISTED,
    asked_dimension,
    asked_other_dimensions,
    bare_value,
    conditions,
    contrasted,
    strict,
    text_aspects,
    values_of,
)
from copilot.knowledge.measures import measured, other_measure, per_another, per_other
from copilot.knowledge.question import (
    TIME_OF_DAY,
    Question,
    condition_said,
    coverage,
    denied_out,
    guard,
    word_in,
)
from copilot.knowledge.scope import Scope
from copilot.knowledge.steps import steps_asked
from copilot.knowledge.text import bare
from copilot.knowledge.ties import tied
from copilot.knowledge.verdicts import Verdicts
from copilot.knowledge.whose import others_sentence, others_values, part_named, term_unsaid
from copilot.knowledge.wordlists import lexicon

# catalog lines that are no answer from the notes: the product's name/link/unit line, and price, offer and
# limit (answered live from the catalog, never from stored text)
CATALOG_ONLY = ("商品", "价格", "优惠", "限购")
WINDOW = 10            # an untyped question (yes/no, how) is answered from the best-ranked passages only
TYPED_COVERAGE = 0.3   # the share of the question's words enough for a passage typed right under its heading
TYPED_DENSE = 0.88     # ... when it is this close in meaning (e5 cosine)
LEAD = 20             # a sentence this short holding no value leads into the next one (换粮别一下子全换！)
NUMERIC = ("duration", "count", "weight", "amount", "clock", "day", "time")   # values a clause is told of
TIGHT = 4              # a value this many characters from the question's word is its value (泡 1 到 2 天)
CLAUSE_GOES_ON = r"(?![，,。；;！!？?）)]|\s*$)"   # an amount per (一次) that a clause goes on after, not one it ends on
PART = 9               # the rank's place of "said of a part the question does not name" (吸管是硅胶的)
LISTS = ("bullet", "table")   # rows under a heading: a how-to of the heading takes them all (``steps_asked``)


def run_begins(run: str, text: str, asked: str) -> bool:
    """``text`` says ``run`` (长款, read 长 + 款) as a word of its own somewhere, not only as the end of a longer one
    the question does not say (中长款 is another cut than 长款)."""
    return any(m.start() == 0 or not "\u4e00" <= text[m.start() - 1] <= "\u9fff" or
               asked.find(text[m.start() - 1] + run) >= 0 for m in re.finditer(re.escape(run), text))


def hours_asked(q: Question) -> str:
    """The question as its conditions are read: 晚上几点关门 asks when the store closes, the time of day being only
    the asker's guess (the hours say 下午 6:00), so it is no condition a store's hours must be stated under."""
    return re.sub("|".join(TIME_OF_DAY), " ", q.unnamed) if "hours" in q.topics and q.kind == "clock" else q.unnamed


@dataclass
class Judge(Scope, Keys, Verdicts):
    catalog: Catalog
    min_coverage: float
    min_dense: float
    _names: tuple | None = None
    _named: tuple | None = None   # (catalog, chunk id -> the products its text names)
    _families: tuple | None = None   # (catalog, family word -> the products whose names end in it)

    def pick(self, ix: Index, q: Question, hits: list[Hit], targets: list[str]) -> list[Hit]:
        """The passage(s) that answer the question, in the order the notes tell them (the best-ranked one,
        with a short second sentence of its section or the neighbour that says the rest), or [] when the
        knowledge does not say."""
        if not q.topics and not q.residual and not strict(q.kind):
            return self._meaning(q, hits, targets) or self._same_question(q, hits, targets) or \
                steps_asked(ix, q, targets)
        eligible = [h for h in hits if self.eligible(q, h, targets)]
        window = eligible if strict(q.kind) else eligible[:WINDOW]   # a typed question may reach further down
        ok = [h for h in window if self.answers(ix, q, h, targets)]
        if not ok:   # no aspect or kind word typed it: the aspect ranks, it does not veto (gate.py)
            return general_pick(self, ix, q, hits, targets)
        ok = self._ordered(ix, q, ok, targets)
        best, first = ok[0], ok[0].chunk
        best.chosen = True
        picked = [best]
        missing = [g for g in q.residual if not any(word_in(w, self.cover_text(first)) for w in g)]
        for h in ok[1:]:  # a second sentence of the same section, when both are short (and, unless it is as
            # good an answer, it states no other value of the kind asked: 泡 1 到 2 天 is not followed by
            # 泡发好的……2 天内吃完)
            if h.chunk.doc == first.doc and h.chunk.section == first.section and h.chunk.key == first.key and \
                    len(h.chunk.text) + len(first.text) <= 60 and (h.rank == best.rank or not (strict(q.kind) and
                                                                   values_of(q.kind, self.nameless(h.chunk.text),
                                                                             q.units))) and \
                    not (h.rank[PART] and not best.rank[PART]):   # (杯身 PPSU is not followed by 吸管是硅胶的)
                picked.append(h)
                break
        if missing and len(picked) == 1:  # the neighbour that says the rest ("这是……正常现象")
            for j in self._neighbours(ix, first):
                if coverage(missing, self.cover_text(ix.chunks[j]), q.unknown) > 0 and \
                        not contrasted(q.unnamed, self.cover_text(ix.chunks[j])) and \
                        not self.other_condition(q, ix.chunks[j]):   # (60v的: not the row of 48V 的电池)
                    picked.append(ix.hit(j, best.score - 1e-9, best.dense))
                    break
        if len(picked) == 1:   # 用自己带的弦也行 is told after its rule: 券里含一套店里的弦
            picked = [*rule_before(ix, best), best]
        if len(picked) == 1 and len(first.text) <= LEAD and not ix.types[best.idx].values:
            j = ix.by_id.get(next_id(first.id))   # 换粮别一下子全换！ leads into what it says: 7 天慢慢过渡……
            if j is not None and j in self._neighbours(ix, first):
                picked.append(ix.hit(j, best.score - 1e-9, best.dense))
        return sorted(picked, key=lambda h: seq_of(h.chunk.id))

    def _meaning(self, q: Question, hits: list[Hit], targets: list[str]) -> list[Hit]:
        """初生蛋是啥意思: the product's passage under a heading or key that asks what it is (啥叫初生蛋 / 是啥)."""
        if not targets or not guard("meaning").search(q.text):
            return []
        for h in hits[:WINDOW]:
            c = h.chunk
            if c.sku in targets and c.layout != "fact" and self.eligible(q, h, targets) and \
                    guard("meaning").search(lexicon().fix_typos(f"{c.section} {c.key}")):
                h.chosen = True
                return [h]
        return []

    def _same_question(self, q: Question, hits: list[Hit], targets: list[str]) -> list[Hit]:
        """护理液咋用 with nothing else asked: the product's Q&A pair or heading that asks the same (问：怎么用？)."""
        tail = guard("yesno_tail")   # 能自己来洗不 asks 问：能自己来洗吗？
        asked = tail.sub("", bare(self.nameless(lexicon().fix_typos(q.text))))
        for h in hits[:WINDOW] if targets and asked else ():
            c = h.chunk
            heads = (tail.sub("", bare(self.nameless(lexicon().fix_typos(c.key)))),
                     tail.sub("", bare(lexicon().fix_typos(c.section))))
            if c.sku in targets and c.layout != "fact" and self.eligible(q, h, targets) and \
                    (asked in heads or len(c.key) > 1 and key_asks(q, c) or   # 能迁些啥 of the row 能迁啥：……
                     q.kind in ("method", "") and c.layout not in LISTS and how_within(asked, heads)):   # 测啥咋测
                h.chosen = True
                return [h]
        return []

    def _ordered(self, ix: Index, q: Question, ok: list[Hit], targets: list[str]) -> list[Hit]:
        """The answering passages, best first: the product's own notes before the store's rules (with no product
        asked, the store's rules first); the row
        stated for the amount the question names (7 楼: 6 楼及以上); one that
        says (with its heading) the most of the question's words (啃到剩 2 厘米以下的小块要收走 for 啃剩小块咋办,
        before a sentence under 给谁啃); for a yes/no, one whose key asks it (能吃不); one whose heading or key names what is asked (自提时间 for 几点能来取, 咋开 for 能帮开不) before one whose value
        follows the question's word (泡 1 到 2 天) before one that only mentions it; then one in the unit the
        question names (几天: 3 天 before 1 个月); then as retrieved."""
        store_only = any(lexicon().aspects[t].scope == "store" for t in q.topics if t in lexicon().aspects)
        # 馒头几点送到; a product's own after-sales rule (七天以内都能退) before the shop's (3 天内)
        product_first = bool(targets) and (not store_only or q.unnamed != q.text)

        unit, listed = self._cue_unit(q), guard("lists").search(q.text) is not None
        per, holds = guard("per_amount"), guard("holds_after")
        # (a word the question says negated, 不漏, is said as asked only negated: 不漏气, not 又漏了)
        said = {h.idx: coverage(q.residual, self.cover_text(h.chunk), q.unknown, half=False, plain=bool(q.negated),
                                negated=q.negated) for h in ok}
        most = max(said.values())
        plain = {(h.chunk.doc, h.chunk.section) for h in ok if not h.chunk.key}   # sections with an unkeyed answer
        runs = split_runs(q, singles=True)   # 法嘴 read a character at a time: one that says it whole first (打法嘴要…, not 法式嘴)

        def own_says(c: Chunk) -> bool:   # 预约：提前一天约 for 咋约课, before 迟到 (under 约课); numbered steps keep order
            return bool(re.search(r"\d|[一二三四五六七八九十]步", c.key)) or \
                coverage(q.residual, self.nameless(lexicon().fix_typos(f"{c.key} {c.text}")), q.unknown) >= most

        def rank(h: Hit) -> tuple[bool, int, bool, bool, bool, bool, bool, int, bool, bool, bool, bool, bool]:
            c = h.chunk
            asks = key_asks(q, c) or how_asked(q, c)   # 睡多久：四十分钟 for 午睡睡多久, 尺寸咋量？ for 长度咋量
            case = keyed_case(q, self.nameless(lexicon().fix_typos(c.key)), c.layout)
            evidence = -1 if self.asks_same(q, c) or case < 0 or day_keyed(q, c) or self.heading_asks(q, c) else \
                0 if self.head_says(q, c) else \
                1 if self.headed(ix, q, h) or self.keyed(q, c) else \
                2 if self.tight(q, c) else 3   # 炒制：慢炒 8 小时 for 炒了多久, before step 1 of 煮法 (炒化 2 分钟)
            other_unit = bool(unit) and not any(unit in v for v in values_of(q.kind, self.nameless(c.text)))
            full = f"{c.section} {c.key} {c.text}"   # 7 楼: the row of 6 楼及以上; 7点以后: 超过 19:00 ……
            row = amount_fit(q.unnamed, full) or 2 * after_match(q.unnamed, full) or \
                int(any(re.search("[一每]" + re.escape(m.group(0)[1:]) + CLAUSE_GOES_ON, full)
                        for m in per.finditer(q.unnamed) if (strict(q.kind) or m.group(0)[0] == "一") and
                        not holds.match(q.unnamed, m.end())))
            # (每次是同一个阿姨吗: a yes/no's 每次 is every time, no amount a value is stated per; its 一包 is one:
            # 一包能冲两次不 by 一包只冲一次, before the steps of 冲法; 打一次管多久: done once, how long it holds after)
            # (inside a span before its edge; 一张练多久: 一张练一个小时, before 开了二十二年车; 剪一次多久 not by
            # 免费修一次。, a count that ends its clause; 一次 said 每次 too)
            unlisted = listed and not LISTED.search(c.text)   # 小料：花生碎、葡萄干、山楂片 for 小料都有啥
            aside = after_sales_only(q, ix.types[h.idx], c) or self.keyed_other(q, c) or case > 0   # 写不出水咋整: 画圈圈, before
            # 7 天内换 (as said); 怎么放: 放干燥的地方, before the row keyed 保质期 (how long, not how)
            part = bool(c.sku) and bool(part_named(q.text, c.key, c.text, c.layout, self.product_names(c.sku)))
            # 去油膜多久: the row keyed by how long it takes (用多久：半个小时), before 新车, 冷车 or 能管多久
            takes = q.kind == "duration" and c.layout in ("bullet", "table", "qa") and \
                guard("takes_time_key").search(lexicon().fix_typos(c.key)) is not None
            return ((product_first and c.sku == "") or (not targets and c.sku != ""), -row, said[h.idx] < most and not asks,
                    aside, unlisted, bool(runs) and not all(r in f"{c.key} {c.text}" for r in runs),
                    bool(runs) and not all(run_begins(r, f"{c.key} {c.text}", q.text) for r in runs),
                    -1 if asks else evidence, not takes,
                    part, (c.doc, c.section) in plain and self.narrower(q, c), other_unit,
                    said[h.idx] > 0 and not own_says(c))

        for h in ok:
            h.rank = rank(h)
        return sorted(ok, key=lambda h: h.rank)

    def names_it(self, sku: str, group: list[str]) -> bool:
        """A word of ``group`` calls the product by its name's head (柜子, 箱子 of 书包柜, 纸箱)."""
        return any(len(w.rstrip("子儿")) == 1 and any(n.endswith(w.rstrip("子儿")) for n in self.product_names(sku))
                   for w in group)

    def product_names(self, sku: str) -> tuple[str, ...]:
        """The product's name and aliases."""
        p = self.catalog.get(sku)
        return (p.name, *(p.aliases or ())) if p else ()

    def narrower(self, q: Question, c: Chunk) -> bool:
        """The bullet or row's key names a case of its own the question does not (煮鸽子蛋银耳汤 for 鸽子蛋煮多久):
        an unkeyed answer of its section, the plain case, answers first. Conditions (冷藏, 开封后) and amounts are
        no such case."""
        if not strict(q.kind) or c.layout not in ("bullet", "table") or not c.key or re.search(r"\d", c.key) or \
                conditions(c.key):   # (咋个次 keyed 煎起次, 烤起次: the keys are the ways asked for)
            return False
        rest = self.nameless(lexicon().fix_typos(c.key))
        words = {w for a in lexicon().aspects.values() for w in (*a.ask, *a.hint, *a.heading) if len(w) >= 2}
        for w in sorted(words, key=len, reverse=True):
            rest = rest.replace(w, " ")
        rest = "".join(ch for ch in rest if "\u4e00" <= ch <= "\u9fff" and ch not in q.text)
        return len(rest) >= 2

    @staticmethod
    def _cue_unit(q: Question) -> str:
        """The unit a duration question's cue names (能放几天: 天), preferred though not required (几天 may be
        answered by 1 个月, but 常温 3 天 answers it better)."""
        k = lexicon().kinds.get(q.kind)
        m = k.ask.search(q.unnamed) if k is not None and q.kind == "duration" else None
        return m.group(0)[-1] if m and m.group(0)[-1] in "天日周月年" else ""

    def bound(self, q: Question, c: Chunk) -> bool:
        """The value of the kind asked is the value of what was asked (``binding``): 没泡的……能放 1 年 is no
        answer to 泡几天. Words of its heading or key are bound to all it says; a row that states its value bare
        (总质量：约 6.2 kg, 防护时间：≥30 min) measures what its key names, whatever the question calls it."""
        if not strict(q.kind) or not q.residual or c.layout == "fact" or bare_value(q.kind, q.units, c):
            return True
        words = q.bind_words()
        head = self.nameless(lexicon().fix_typos(f"{c.section} {c.key}"))
        if not words or any(word_in(w, head) or condition_said(w, w in q.negated, head) for w in words):
            return True   # 保质期：12 个月 is bound to 没开封
        return distance(q.kind, q.units, words, self.nameless(c.text), q.negated) is not None

    def tight(self, q: Question, c: Chunk) -> bool:
        """The value asked follows the question's word closely (泡 1 到 2 天); for a how-to, the passage says the
        question's word as the case it tells what to do in (结块了过一下筛就好 for 结块了咋整, not 防结块)."""
        if q.kind == "method" and q.residual:   # the case the question names (结块了), not the verb asked (怎么洗)
            text, case = self.nameless(c.text), "(?:了|的话|以后|之后)"
            return any(re.search(re.escape(w) + case, text) for g in q.residual for w in g
                       if re.search(re.escape(w) + case, q.text))
        if not strict(q.kind) or not q.residual:
            return False
        d = distance(q.kind, q.units, q.bind_words(), self.nameless(c.text), q.negated)
        return d is not None and d <= TIGHT

    def headed(self, ix: Index, q: Question, h: Hit) -> bool:
        """The passage's heading or key names the aspect asked or one of the question's own words."""
        return bool(set(q.topics) & ix.types[h.idx].head) or self.head_says(q, h.chunk)

    def head_says(self, q: Question, c: Chunk) -> bool:
        """The passage's heading or key names one of the question's own words."""
        if not q.residual or not (c.section or c.key) or c.layout == "fact":
            return False
        head = self.nameless(lexicon().fix_typos(f"{c.section} {c.key}"))
        return any(word_in(w, head) for g in q.residual for w in g)

    def other_aspect(self, q: Question, c: Chunk) -> bool:
        """Every clause holding a value of the kind asked names another aspect than the one asked and not it:
        ``泡好了吃不完怎么办？ 可以冷冻，能放 1 个月`` tells how long it keeps, not how long to soak (泡多久)."""
        aspects = lexicon().aspects
        if q.kind not in NUMERIC or not q.topics or any(aspects[t].scope != "product" for t in q.topics):
            return False
        valued = [{a for a in text_aspects(cl) if aspects[a].scope == "product" and not (
                   a == "storage" and guard("step_in_place").search(cl))}   # 放冷藏解冻 6 个小时: a step's time
                  for cl in PHRASE.split(lexicon().fix_typos(self.nameless(c.text))) if values_of(q.kind, cl, q.units)]
        return bool(valued) and all(named and not set(q.topics) & named for named in valued)

    def other_condition(self, q: Question, c: Chunk) -> bool:
        """The passage states its value under another condition than the question binds (``conditions``):
        another amount (4 公斤的猫 for 4 斤的猫), another event (自提 for 直播), another doing or how often (``ties``), hours that say nothing of after
        the time asked (16:00-19:00 for 7点以后没去拿), or, in every sentence holding
        the value asked, another of exclusive conditions (常温 / 冷藏, 开封前 / 后)."""
        head = lexicon().fix_typos(f"{c.section} {c.key}")
        body = self.nameless(c.text)
        if amount_clash(q.unnamed, f"{head} {body}") and not range_asked(q, c) or after_clash(q.unnamed, body) or \
                event_clash(q.unnamed, event_head(c.section, c.key), body, q.kind) or \
                not tied(q.unnamed, head, body, q.kind, q.units, " ".join(self.product_names(c.sku))):   # (泡 10 分钟 for 多久换一次)
            return True
        return strict(q.kind) and condition_clash(hours_asked(q), head, body, q.kind, q.units)

    def dimension_said(self, q: Question, c: Chunk) -> bool:
        """A size asked by one dimension (多厚) is answered by a value said with that dimension (2 厘米厚, 厚度：
        1.5 毫米), in its clause or the passage's heading or key; one asked by a dimension notes often leave
        unnamed (多长) by a value in a clause, key or heading that names no other dimension (not 手柄直径 3.3 厘米, nor
        口径：40 厘米)."""
        head = self.nameless(lexicon().fix_typos(f"{c.section} {c.key}"))
        text = lexicon().fix_typos(self.nameless(c.text))
        others = asked_other_dimensions(q.kind, q.unnamed)
        if others is not None and others[0] not in head:   # 多长 is not answered by 手柄直径 3.3 厘米, nor 口径：40 厘米
            head_other = any(w in head for w in others[1])   # (高度：40 厘米，耳朵就占了 15 厘米: the ear asked)
            if not any(values_of(q.kind, cl, q.units) and (others[0] in cl or not any(w in cl for w in others[1]) and
                                                           not (head_other and not _names_asked(q, cl)))
                       for cl in PHRASE.split(text)):
                return False
        words = asked_dimension(q.kind, q.unnamed)
        if not words:
            return True
        if any(w in head for w in words) and values_of(q.kind, text, q.units):
            return True
        return any(any(w in cl for w in words) and values_of(q.kind, cl, q.units) for cl in PHRASE.split(text))

    def _neighbours(self, ix: Index, c: Chunk) -> list[int]:
        out = []
        for nid in (next_id(c.id), prev_id(c.id)):
            j = ix.by_id.get(nid)
            if j is not None and ix.chunks[j].doc == c.doc and ix.chunks[j].section == c.section and \
                    ix.chunks[j].key == c.key:
                out.append(j)
        return out

    def eligible(self, q: Question, h: Hit, targets: list[str]) -> bool:
        """Could answer at all: close enough in meaning, about the product asked or the store, and not a
        catalog line that only the live catalog answers."""
        c = h.chunk
        supply = c.key == SUPPLY_KEY and (q.kind != "who" or guard("brand").search(q.text) or
                                          guard("who_does").search(q.text))   # 谁家的货 only, not 谁修脚
        # the shop's name (老陈记卤味) says what it is called, no rule: its words (卤) are no aspect of the shop
        # and, asked beside a product's name (杂志叫啥名), it is no name of that product
        supply = supply or (not c.sku and c.key == STORE_LABELS["name"] and (q.kind != "who" or q.unnamed != q.text))
        return h.dense >= self.min_dense and not (c.layout == "fact" and (c.key in CATALOG_ONLY or supply)) and \
            self.in_scope(q, c, targets)

    def neighbour_value(self, q: Question, c: Chunk, t, targets: list[str]) -> bool:
        """The passage is of another topic, question, aspect or case, or holds no value of the kind and dimension
        asked, or only values of something else: a neighbouring fact, no answer (each check's example below)."""
        body = self.nameless(c.text)
        if self.other_topic(q, c, t.aspects, targets) or self.unasked_value(q, c, body) or self.label_only(q, c):
            return True    # 电话多少 not by 有事打摊上的电话, 无毛猫 not by 短毛猫, 每周几直播 not by 直播第二天
        if strict(q.kind) and after_sales_only(q, t, c):
            return True    # 受后：带子断了 7 天内换 answers no 能用几个月
        if self.other_question(q, c) or self.other_aspect(q, c) or opposite_case(q, c.key):
            return True    # 蒸多久？ answers no 能放多久, 还能再冻吗？ no 怎么解冻
        if strict(q.kind) and not self.value_stated(q, c, t):
            return True    # 多少度 is not answered by 3 次, nor 多少年 by 7 天, nor 早上几点 by 每天早上
        if not self.dimension_said(q, c) or self.only_not_there(q, c):
            return True    # 多厚 is not answered by 40 乘 60 厘米, nor 多高 by 太高了可以倒出来一点, 点在哪里 by 别点在灶台上
        if strict(q.kind) and values_of(q.kind, body, q.units) and not self.counted(q, own_values(
                q.kind, q.units, body, q.text, self._names_of(c.sku), plain=not q.residual)):
            return True    # 一袋多少颗 is not answered by 坏果超过五颗的退, nor by 8 个角, nor 一袋几个 by 200 袋
        keyed = f"{c.key}：{body}" if c.key and c.layout in ("table", "bullet") else body   # the row's key: 承重
        if others_values(q, keyed) or not c.sku and targets and others_sentence(q, c.text, *self._mine_and_others(
                c.text, targets)):   # (a store rule's sentence of another product: 租桌子多少钱, not 帐篷 50 块一天)
            return True    # 竿子多重 is not answered by 上了 5 斤的大青鱼, 能用几年 not by 拿货三年了 nor 质保一年
        if term_unsaid(q, self.cover_text(c)):
            return True    # 保质期 is not 一桶能用 1 个月, 保修 not 7 天内能退, 啥颜色 not 兑出来 2 升
        if q.kind == "weight" and not q.measure and not q.residual and c.sku and \
                per_other(q.kind, body, self.catalog.get(c.sku).unit, q.units):
            return True    # 电饭煲多重 is not answered by 一杯米是 150 克 (a cup of rice), 盆多重 not by 能承 30 公斤
        return False

    def answers(self, ix: Index, q: Question, h: Hit, targets: list[str]) -> bool:
        c, t = h.chunk, ix.types[h.idx]
        if not self.eligible(q, h, targets) or self.neighbour_value(q, c, t, targets) or heading_other(q, c, ix):
            return False   # (卷多旧有效：4个月 answers no 一节课多久)
        body = self.nameless(c.text)
        text = self.others_out(self.cover_text(c), targets, q.text) if not c.sku else self.cover_text(c)
        text = text if q.kind == "yesno" else denied_out(text, q)
        unit = self.catalog.get(c.sku).unit if c.sku and self.catalog.get(c.sku) else ""
        if q.measure and (not measured(q.measure, text, unit) and not (c.sku and self._sold_by(c.sku, q.measure) and
                                                                       not other_measure(q.measure, text))
                          or per_another(q.kind, body, q.measure, unit)):
            return False   # 一箱几斤 is not answered by 一斤大概 15 个, 一块多重 not by 每袋 1 公斤，切成 10 块, 一袋几颗
            #                not by 炖 1 斤肉放 2 颗, 一大包多少克 not by 一小袋 13 克
        if targets and c.layout != "qa" and self.unhinted(q, text):   # (a Q&A pair was asked for its case)
            return False   # 要洗了再放冰箱吗 is not answered by 一定放冰箱: it says nothing of washing
        if moment_unsaid(q, text) or date_unsaid(q.text, text) or self.other_sequence(q, c, text):
            return False   # 烘好了要放几天 is not answered by 开封后 1 个月: it never says 烘
        if contrasted(hours_asked(q), text, q.kind == "yesno"):
            return False   # 能冷冻吗 is not answered by 冷藏 3 天, 几点关门 not by 7 点开门
        if self.other_condition(q, c):
            return False   # 4 斤的猫 is not 4 公斤的猫, 几点直播 not 几点自提, 没开封放冰箱 not 没开封的常温
        if self.has_unsaid(q, text) or c.layout == "qa" and action_unsaid(q, text, self.nameless(text)) or \
                doing_unsaid(q, text, self.nameless(text)) or self.what_key_other(q, c):
            return False   # 验光师有证吗 is not answered by 验光师休息; 能帮着换花洒吗 not by 花洒……都弄; 会看我的照片吗 not by 能迁啥
        residual, text = q.residual, text + self.amounts_said(q, c)
        if self.frame_only(q, text, c):
            return False   # 洗完给熨吗 is not answered by 洗完会缩 1%: it says when, not the doing asked
        alone = coverage(residual, text, q.unknown, solo=self.nameless(text), plain=strict(q.kind),
                         negated=q.negated, half=not self.whole_only(q, c))   # (会发黄吗 is not said by 不发快递)
        if c.sku and not targets:
            return alone == 1.0 and self.bound(q, c)
        if alone >= self.min_coverage or self.asked_by_key(q, c, text, targets):   # (在哪：进门左手边 for 柜子在哪)
            return alone < self.min_coverage or self.bound(q, c)
        if h.dense >= TYPED_DENSE and set(q.topics) & t.head and strict(q.kind) and coverage(
                residual, text, q.unknown, solo=self.nameless(text), plain=True, half=False,
                negated=q.negated) >= TYPED_COVERAGE:
            return self.bound(q, c)   # its heading names the aspect asked and it holds the value: most words may differ
        if alone == 0 or strict(q.kind):   # a value asked is stated with what it is about, in one sentence
            return False
        return self._told_with_neighbour(ix, q, c, text)

    def asked_by_key(self, q: Question, c: Chunk, text: str, targets: list[str]) -> bool:
        """The product's row keyed by the question itself (``key_asks``), every other word of the question said
        or a word calling the product by its name's head (柜子 of 书包柜); or keyed by how long it takes (用多久：
        20 分钟) when a duration is asked with no word but those of the product's own name (普洗洗一次多久, 换个滤芯多久)."""
        if c.sku in targets and q.kind == "duration" and c.layout in ("bullet", "table") and \
                guard("takes_time_key").search(lexicon().fix_typos(c.key)) and \
                all(any(w in n for w in g for n in self.product_names(c.sku)) for g in q.residual):
            return True
        return c.sku in targets and key_asks(q, c) and all(
            coverage([g], text, q.unknown) or self.names_it(c.sku, g) or head_holds(c, g) for g in q.residual)

    def other_topic(self, q: Question, c: Chunk, aspects, targets: list[str]) -> bool:
        """The passage is not of the aspect the question names (unless it is the product's own row saying the
        asked verb with the time asked: 早上：八点半送来 answers 几点送 of a day-care's Saturday, or a store rule saying
        the asked verb a yes/no is of: 过年……不上门 answers 过年上门吗 under the hours), or it tells where
        a thing is made when where it is was asked (柜子在哪 is not answered by 佛山……做的)."""
        return bool(q.topics) and not set(q.topics) & aspects and not (
            c.sku and c.sku in targets and (q.kind in ("clock", "time", "day") or q.kind == "yesno" and q.residual) and
            topic_said(q, self.nameless(c.text)) or   # (绢本的能做吗 of a framer: 绢本的不做, no cooking)
            not c.sku and q.kind == "yesno" and topic_said(q, c.text)) \
            or made_there(q, aspects, c.text)

    def kept(self, q: Question, c: Chunk) -> bool:
        """None of the typed gate's guards against a neighbour fact refuses ``c``: not the answer to another
        question (a Q&A pair's), not another case or condition, no contrast, no thing asked left unsaid."""
        text, body = self.cover_text(c), self.nameless(c.text)
        keyed = f"{c.key}：{body}" if c.key and c.layout in ("table", "bullet") else body
        return not (self.other_question(q, c) or opposite_case(q, c.key) or self.other_condition(q, c) or
                    contrasted(hours_asked(q), text, q.kind == "yesno") or self.has_unsaid(q, text) or others_values(q, keyed) or
                    term_unsaid(q, text) or moment_unsaid(q, text) or date_unsaid(q.text, text) or
                    doing_unsaid(q, text, body) or
                    self.other_sequence(q, c, text) or counted_from_asked(q, body))

    def _told_with_neighbour(self, ix: Index, q: Question, c: Chunk, text: str) -> bool:
        """An answer told in two sentences ("冬天油里可能出现絮状物。" "这是……正常现象"): pick adds the other (of the
        condition asked too: 能机洗吗 is not completed by 被套可以拆下来手洗)."""
        return any(coverage(q.residual, text, q.unknown, extra=self.cover_text(ix.chunks[j]),
                            half=not self.whole_only(q, c)) >= self.min_coverage
                   and not contrasted(q.unnamed, self.cover_text(ix.chunks[j])) for j in self._neighbours(ix, c))


def _names_asked(q: Question, clause: str) -> bool:
    """The clause names a content word of the question (耳朵 of 耳朵多长 in 耳朵就占了 15 厘米)."""
    return any(w and w in clause for g in q.residual for w in g)
