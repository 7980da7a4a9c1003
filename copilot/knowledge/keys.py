"""What a passage's key, Q&A question or wording says of a question it may answer.

``Keys`` is the part of ``judge.Judge`` that reads a passage's key (a bullet's or row's key, a Q&A pair's
question) against the question (the key holds the kind of value asked, asks the same yes/no, asks another
question), and the wording checks that need no catalog (a thing said to come with it, a step before another,
the amounts a row is stated for, the values that can count what is asked).
"""

from __future__ import annotations

import re

from copilot.knowledge.asked import lacking, may_do, other_case, told_in_clause
from copilot.knowledge.conditions import amount_words
from copilot.knowledge.docs import Chunk
from copilot.knowledge.headings import doing_told, prevented
from copilot.knowledge.kinds import heading_aspects, question_kind, same_cue, strict, values_of
from copilot.knowledge.question import Question, coverage, guard, word_in
from copilot.knowledge.wordlists import lexicon

YES_NO = re.compile(r"能|不|没|可以|行|会|别|要")   # an answer that says yes or no (均码，38 到 43 码都能穿)
QUANTITIES = ("duration", "count", "weight", "amount", "size", "price", "power")   # kinds a how-to is not
ASIDE = "的了吗呢啊呀吧么嘛是有个这"   # the particles of a Q&A pair's question, not what it asks of
ASK_CUE = "多几少重大长高宽厚远久点"   # the characters of a value's cue (多重, 几点)
NEAR = 8               # what comes with it is said this close to the thing (这套不带屉布, 核桃夹：盒里带一个)


class Keys:
    """Readings of a passage's key and wording that need nothing but the question and the passage."""

    @staticmethod
    def keyed(q: Question, c: Chunk) -> bool:
        """The passage's key is one that holds the kind of value asked (规格：每袋 1 公斤，大概 50 只 for 一袋多少只,
        before 破皮：一袋里破皮超过 5 只), and what else it says is of the question (能用多久 keys no answer to 充满要多久)."""
        k = lexicon().kinds.get(q.kind)
        if not (k and k.strict and c.key and c.layout in ("bullet", "table")):
            return False
        key = lexicon().fix_typos(c.key)
        said = [w for w in k.keys if w in key]
        rest = re.sub("|".join(map(re.escape, said)) or "$^", "", key) if said else ""
        own = [ch for ch in rest if "\u4e00" <= ch <= "\u9fff" and ch not in "的了吗呢么啊"]
        return bool(said) and (not own or any(ch in q.text for ch in own))

    @staticmethod
    def keyed_other(q: Question, c: Chunk) -> bool:
        """A how-to's passage whose key is one that holds a quantity and holds it (保质期：3 年, a duration, for 怎么放),
        or whose key or heading asks how long or how much and that passage states it (卷多旧有效：券半年有效, for 券咋用;
        a count's heading may head a how-to's answer: 一对几条：一公一母，公的尾巴大)."""
        if q.kind != "method":
            return False
        kinds, head = lexicon().kinds, lexicon().fix_typos(c.key or c.section)
        asked = question_kind(head) if head and c.layout != "fact" else ""
        if asked in ("duration", "price") and values_of(asked, c.text):
            return not doing_told(q, c.text)
        if not c.key or c.layout not in ("bullet", "table", "qa"):
            return False
        key = lexicon().fix_typos(c.key)
        return any(k in kinds and any(w in key for w in kinds[k].keys) and values_of(k, c.text) for k in QUANTITIES)

    @staticmethod
    def asks_same(q: Question, c: Chunk) -> bool:
        """A yes/no whose passage's key asks that yes/no (能吃不：都能吃，花生要煮 for 花生能直接吃不), before a key that
        only names one of its words (花生：红皮花生，生的); a value whose Q&A pair asks it by the same cue (多重？ 一斤多
        for 水晶摆台多重, before 多大？ 六寸大小 厚两公分)."""
        if c.layout == "qa" and strict(q.kind):   # (and asks of nothing the question does not: 几点能取货？ is no 几点截单)
            rest = [ch for ch in lexicon().fix_typos(c.key) if "\u4e00" <= ch <= "\u9fff" and ch not in ASIDE]
            return same_cue(q.kind, c.key, q.unnamed) and all(ch in q.text or ch in ASK_CUE for ch in rest)
        if q.kind != "yesno" or not c.key or c.layout not in ("bullet", "table", "qa"):
            return False
        key = lexicon().fix_typos(c.key)
        words = [ch for ch in key if "\u4e00" <= ch <= "\u9fff" and ch not in "不吗没呢么嘛啊了"]
        return question_kind(key) == "yesno" and len(words) >= 2 and all(ch in q.text for ch in words)

    @staticmethod
    def heading_asks(q: Question, c: Chunk) -> bool:
        """A heading that asks the question itself, by the same cue and of nothing the question does not say (要多旧
        for 冷烫要多久, 哪产得 with 的 typed 得 for 洗发水哪产的), answers before one asking another value of the kind
        (能保持多旧: how long it lasts) and before the catalog's line."""
        if not strict(q.kind) or not c.section or c.layout == "fact":
            return False
        head, asked = re.sub("得$", "的", lexicon().fix_typos(c.section)), lexicon().fix_typos(q.text)   # 哪产得
        return same_cue(q.kind, head, lexicon().fix_typos(q.unnamed)) and \
            all(ch in asked for ch in head if "\u4e00" <= ch <= "\u9fff")

    @staticmethod
    def other_question(q: Question, c: Chunk) -> bool:
        """A Q&A pair answers its own question: not one of another aspect (蒸多久？ for 能放多久), nor a yes/no
        (还能再冻吗？) a how-to (怎么解冻). (Its answer may say more than asked: 哪里的鸡？ 清远的，养 120 天.)"""
        if c.layout != "qa" or not c.key:
            return False
        head = heading_aspects(c.key)
        if q.topics and head and not set(q.topics) & head:
            return not told_in_clause(q, c.text)   # 怎么进群？ …；每晚 20:00 直播 tells 几点直播 too
        key = lexicon().fix_typos(c.key)
        if other_case(q, key):
            return True    # 到手奶油化了漏了怎么办？ answers no 不想要了能退不: it is asked for a case the question is not
        if lacking(q, key):
            return True    # 没有烤箱咋办？ answers no 咋烤: it is asked for the case without what the question uses
        if q.kind == "yesno" and not q.topics and strict(question_kind(key)) and not YES_NO.search(c.text) and \
                not Keys.has_said(q, c.text):
            return True    # 切片的一袋几片？ 25 片 answers no 能帮切片不: asked for a value, it says no yes or no
            #                (谁来剪？ 她有 C 级美容师证 answers 有证吗: it says she has one)
        return q.kind == "method" and question_kind(key) == "yesno" and not may_do(q, key) and not prevented(q, c)

    @staticmethod
    def has_said(q: Question, text: str) -> bool:
        """A yes/no of having a thing (有证吗) and ``text`` says 有 with that thing just after (有 C 级美容师证); or of
        being a thing (是铜的吗) and ``text`` says 是 with it (锁芯是铜的)."""
        if not q.residual:
            return False
        last = q.residual[-1]
        at = max((q.text.rfind(w) for w in last), default=-1)
        if at <= 0 or not q.text[:at].endswith(("有", "是")):
            return False
        verb = q.text[at - 1]
        return any(re.search(rf"(?<![没不]){verb}[^，,。；;！!？?]{{0,{8 if verb == '有' else 2}}}?" + re.escape(w), text)
                   for w in last)

    @staticmethod
    def inclusion_unsaid(q: Question, text: str) -> bool:
        """A yes/no of whether a thing comes with it (送烛台吗) that ``text`` does not say comes or not, next to the
        thing (带 1 块电池 says nothing of a charger: 送充电头吗), or in the row its key names (电池：9V 电池 1 节（随机附送）:
        ``text`` is ``section：key：text``, as ``cover_text`` gives it)."""
        asked = guard("asks_included").search(q.unnamed.strip()) if q.kind == "yesno" and not q.topics else None
        if asked is None:
            return False
        thing, parts = asked.group(1), text.split("：")
        if len(parts) >= 3 and word_in(thing, parts[1]) and guard("included").search("：".join(parts[2:])):
            return False
        return not any(word_in(thing, text[max(0, m.start() - NEAR):m.end() + NEAR + len(thing)])
                       for m in guard("included").finditer(text))

    @staticmethod
    def other_one_unsaid(q: Question, text: str) -> bool:
        """A yes/no of having another one (有别的型号吗, 有其他颜色吗) that ``text`` does not say there are others or
        not (还有, 只有): stating the one there is (SR626SW) is no answer."""
        return q.kind == "yesno" and guard("asks_other_one").search(q.unnamed) is not None and \
            guard("other_one_said").search(text) is None

    @staticmethod
    def unhinted(q: Question, text: str) -> bool:
        """A yes/no question about one step before another (要洗了再放冰箱吗, 先洗洗再放) asks about that step: a
        passage that does not say it (一定放冰箱) is no answer."""
        if q.kind != "yesno" or q.topics or "再" not in q.text:
            return False
        before = q.text[:q.text.rindex("再")]
        return any(all(w in before for w in g) and coverage([g], text) == 0 for g in q.residual)   # 化开: 化冻

    @staticmethod
    def whole_only(q: Question, c: Chunk) -> bool:
        """A store's rule answers a yes/no only saying its words whole: one character shared (发 of 会发黄吗 and 不发快递,
        保 of 能保证修好吗 and 不保修) is another word, a rule of another thing."""
        return q.kind == "yesno" and not c.sku and c.layout == "fact"

    @staticmethod
    def what_key_other(q: Question, c: Chunk) -> bool:
        """A yes/no answered by a row keyed by what is done to it (能迁啥：照片视频) that asks of another doing: the
        key's words after its modal, but its frame (迁), are not all said in the question (会看我的照片吗)."""
        if q.kind != "yesno" or c.layout not in ("bullet", "table") or not c.key or \
                not guard("asked_doing").search(q.unnamed):   # (有硅胶的吗 asks of no doing)
            return False
        key = lexicon().fix_typos(c.key)
        doing = guard("what_key_doing").search(key)   # (哪些机能迁: 迁 is the doing, 机 what it is done to)
        if not guard("what_key").search(key) or doing is None:
            return False
        rest = guard("what_key_frame").sub("", doing.group(1))
        asked = lexicon().fix_typos(q.text)
        return any("\u4e00" <= ch <= "\u9fff" and ch not in asked for ch in rest)

    @staticmethod
    def acted_on_unsaid(q: Question, text: str, solo: str) -> bool:
        """A yes/no of doing a thing to what follows 把 (能把数据救回来吗) that ``text`` never names."""
        for g in q.residual:
            at = min((q.text.find(w) for w in g if w in q.text), default=-1)
            if at > 0 and guard("acted_on").search(q.text[:at]) and \
                    not coverage([g], text, q.unknown, solo=solo, half=False):
                return True
        return False

    @staticmethod
    def amounts_said(q: Question, c: Chunk) -> str:
        """The amounts the question names as its condition (两岁, 10个月, 二年级, 一米七) that the passage says by a row
        stated for that amount (1-3 岁, 1 岁以下, 1-3 年级, 身高 165 到 175 厘米): they count as said, as the question
        words them, with the words that only frame choosing a size row (``amount_words``)."""
        words = amount_words(q.unnamed, f"{c.section} {c.key} {c.text}")
        return " " + " ".join(words) if words else ""

    @staticmethod
    def counted(q: Question, values: list[str]) -> list[str]:
        """The values that can count what is asked: a count in the measure asked about (一次拉 200 袋 for 一袋几个)
        counts the measures, not what one holds."""
        if q.kind != "count" or not q.measure:
            return values
        return [v for v in values if not v.rstrip().endswith(q.measure)]
