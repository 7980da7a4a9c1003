"""What a question makes a must for its answer, however many other words a passage shares with it.

- The moment a value counts from: 烘好了要放几天 counts from 烘好了, and 开封后 1 个月内喝完 from another moment; the
  content words of that moment must be said (the pattern is data: ``guards.yaml`` ``moment``).
- The case a Q&A pair or an after-sales rule is about: a pair asking for a case the question does not name (化了,
  没有烤箱, 还能再冻吗) answers no other case, and a rule under an after-sales heading holds no value of the
  product's use (7 天内换 for 能用几个月).
- The aspect asked, told in a clause of its own (…拉你进群；每晚 20:00 直播 tells 几点直播 too).
"""

from __future__ import annotations

import re

from copilot.base.zhnum import zh_to_number
from copilot.knowledge.docs import Chunk
from copilot.knowledge.headings import heading_asks
from copilot.knowledge.kinds import conditions, same_cue, strict, text_aspects, value_spans, values_of
from copilot.knowledge.question import Question, coverage, guard, word_in
from copilot.knowledge.text import bare
from copilot.knowledge.wordlists import lexicon

PHRASE = re.compile(r"[，,。！？!?；;\n]")   # clauses, a clock's colon kept (20:00)


def asked_moment(q: Question) -> list[list[str]]:
    """The word groups of the moment a value asked is counted from (烘 of 烘好了要放几天), or []."""
    if not strict(q.kind):
        return []
    return [g for m in guard("moment").finditer(q.unnamed) for g in q.residual
            if any(w in m.group(1) or m.group(1) in w for w in g)]


def moment_unsaid(q: Question, text: str) -> bool:
    """``text`` never says the moment a value asked is counted from."""
    return any(not any(word_in(w, text) for w in g) for g in asked_moment(q))


def after_sales_only(q: Question, t, c: Chunk) -> bool:
    """A passage under an after-sales heading only (受后：新笔写不出水 7 天内拿来换) tells what the shop does, not
    how to use the product or how long it lasts: no value asked outside after-sales (能用几个月) is its, and a
    how-to (写不出水咋整) takes a passage that says as much of it from the product's use first. One whose key is
    the case the question names (开胶了：30 天内免费补 for 开胶了几天内能补) is asked for."""
    after = lexicon().aspects.get("aftersales")
    if q.kind in ("weight", "power"):   # no after-sales rule states one: 整台重 1.8kg under 保修 is the product's
        return False
    if after is None or not t.head or not t.head <= {"aftersales"} or q.topics or "aftersales" in q.soft:
        return False
    head = lexicon().fix_typos(f"{c.section} {c.key}")   # 售后, 退换 (not 情况 of 基本情况, 问题 of 常见问题)
    named = any(word_in(w, lexicon().fix_typos(c.key)) for g in q.residual for w in g)   # 开胶了几天内能补
    # (啥表能换 of 一张券换几块表: the 换 the question itself says is the service asked, no exchange)
    return any(w in head and w.removeprefix("能").removeprefix("可以") not in q.text for w in after.ask) and not named


def told_in_clause(q: Question, text: str) -> bool:
    """A clause of ``text`` states a value of the (strict) kind asked and names the aspect asked in its own
    words: the answer to a Q&A pair of another aspect may tell it in passing (…拉你进群；每晚 20:00 直播)."""
    if not strict(q.kind):
        return False
    fixed = lexicon().fix_typos(text)
    return any(values_of(q.kind, cl, q.units) and set(q.topics) & text_aspects(cl) for cl in PHRASE.split(fixed))


def other_case(q: Question, key: str) -> bool:
    """An after-sales question, and the Q&A pair asks for a case of it (化了, 坏了, 破) the question does not name. (A
    warranty asked, 保修多久, is asked of its thing broken: 坏了保修吗？ is its own case.)"""
    after = lexicon().aspects.get("aftersales")
    if after is None or "aftersales" not in q.topics:
        return False
    asked = lexicon().fix_typos(q.text)
    warranty = guard("term_warranty").search(asked) is not None
    return any(w in key and w not in asked and not (warranty and w.startswith("坏")) for w in after.hint)


def keyed_case(q: Question, key: str, layout: str) -> int:
    """A how-to and a row keyed by a case: -1 when the key is the case asked (不会量 for 不会量咋办), 1 when it is a
    case the question does not say, of not doing it (不会穿线 for 怎么穿线), else 0."""
    if q.kind != "method" or not key or layout not in ("bullet", "table", "qa"):
        return 0
    asked = lexicon().fix_typos(q.unnamed)
    if guard("what_to_do").search(asked) and len(case := bare(guard("what_to_do").sub("", asked))) >= 2 and \
            case == bare(key):
        return -1
    return int(bool(re.search("[不没别]", key)) and not re.search("[不没别]", asked))


LACKING = re.compile(r"(?:没有|没|不用)([\u4e00-\u9fff]{1,2})")


def lacking(q: Question, key: str) -> bool:
    """The Q&A pair asks for the case without a thing (没有烤箱咋办？) that the question does not say it lacks and
    names itself, or a word of (烤 of 烤箱)."""
    if q.kind != "method":
        return False   # 黄油有盐吗 is answered by 是无盐的吗？
    words = [w for g in q.residual for w in g if w not in q.negated]
    asked = lexicon().fix_typos(q.unnamed)
    for m in LACKING.finditer(key):
        thing = m.group(1)
        if any(ch in asked for ch in thing) and re.search(f"(?:没有|没|不用){thing[0]}", asked) is None and \
                any(w in thing or thing in w for w in words):
            return True
    return False


CAN = re.compile(r"(?:能|可以)(再)?还?([\u4e00-\u9fff]+?)(?:吗|不|么|嘛|？|\?|$)")


def may_do(q: Question, key: str) -> bool:
    """A Q&A pair asking whether it may be done (奶坏了能退吗？ for 奶坏了咋退) or of the case (叶子软了倒了？ for 叶子软了咋办)
    answers the how-to when its key says every word asked, and asks of doing what is asked, not of doing it
    again (还能再冻吗 for 咋解冻): with one word asked, the key's verb must be the question's."""
    m = CAN.search(key)
    if m and m.group(1) or not q.residual or coverage(q.residual, key, half=False) < 1.0:
        return False
    if set(conditions(key)) - set(conditions(q.unnamed)):
        return False   # 冷水能泡吗？ is asked for a case (冷水) 咋泡 does not name
    return len(q.residual) >= 2 or (m is not None and m.group(2) in q.text)


def opposite_case(q: Question, key: str) -> bool:
    """A row or pair keyed by a case a mark says (裤脚有余边, 假扣眼: ``words.yaml`` ``opposite_marks``) answers no
    question asking the opposite case of the same thing (没余边, 真扣眼) and not its own: its value is the other's."""
    asked = lexicon().fix_typos(q.text)
    for sides in lexicon().opposite_marks if key else ():
        for i, side in enumerate(sides):
            others = [m for j, s in enumerate(sides) if j != i for m in s]
            for m in re.finditer("|".join(sorted(map(re.escape, side), key=len, reverse=True)), key):
                thing = key[m.end():m.end() + 2]
                if len(thing) < 2 or not re.fullmatch(r"[\u4e00-\u9fff]{2}", thing) or \
                        any(key[:m.start()].endswith(o) for o in others):   # 有 of 没有 is no mark of its own
                    continue
                if any(o + thing in asked for o in others) and not any(w + thing in asked for w in side):
                    return True
    return False


def counted_from_asked(q: Question, text: str) -> bool:
    """A day asked of a doing (每周几直播) and every day ``text`` states is one counted from that doing (直播第二天
    下午 4 点以后到摊上取): it tells when another thing happens after it, not when the doing is. The relative days are
    data (``guards.yaml`` ``relative_day``)."""
    if q.kind not in ("day", "time"):
        return False
    spans = value_spans(q.kind, text, q.units)
    rel = guard("relative_day")
    words = [w for w in [*(w for g in q.residual for w in g), *asked_doings(q)] if len(w) > 1]
    counted, end = [], -1   # (直播第二天下午2点以后: the clock goes on the day counted from the doing)
    for s, e, v in spans:
        counted.append(bool(counted) and counted[-1] and not text[end:s].strip() or rel.fullmatch(v.strip()) and any(
            text[max(0, s - len(w) - 1):s].rstrip().endswith((w, w + "后")) for w in words))
        end = e
    return bool(spans) and bool(words) and all(counted)


def asked_doings(q: Question) -> list[str]:
    """The doings the question's aspect words name once their cue is set aside (直播 of 啥时候直播, 送 of 几点送), but
    one it says done (下单了啥时候来换: the time asked counts from it)."""
    asked = lexicon().fix_typos(q.text)
    doings = {ASK_CUE.sub("", w) for t in q.topics if (a := lexicon().aspects.get(t)) for w in a.ask if w in asked}
    return sorted((d for d in doings - {""} if not re.search(re.escape(d) + "(?:了|完|后|以后|之后)", asked)), key=len)


DATE = r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[号日]"
ASKED_DATE = re.compile(r"(?<![\d几第])" + DATE + r"(?=\s*(?:上午|下午|晚上|早上|中午|傍晚|那天|当天|这天|以前|之前|以后|之后|前|后))")


def date_unsaid(question: str, text: str) -> bool:
    """The question binds its ask to a day of the month (28号下午收衣吗) that ``text`` never states: a rule of
    other days (每天下午 4 点上门) says nothing of it."""
    asked = {zh_to_number(m.group(1)) for m in ASKED_DATE.finditer(question)}
    said = {zh_to_number(m.group(1)) for m in re.finditer(r"(?<![\d几第])" + DATE, text)}
    return bool(asked) and not asked & said


def action_unsaid(q: Question, text: str, solo: str) -> bool:
    """A yes/no of whether a service is done for the viewer (洗完帮熨吗) and ``text``, a Q&A pair asking another
    thing (洗完会不会缩？), never says a word asked after 帮 (熨): it says nothing of that service. (A rule or a remark
    may say it in other words: 帮忙拉电线不 is answered by 不管接电.)"""
    cue = guard("happens").search(q.text) if q.kind == "yesno" else None
    if cue is None:
        return False
    after = [g for g in q.residual if any(q.text.find(w, cue.end()) >= 0 for w in g)]
    return any(not coverage([g], text, q.unknown, solo=solo, half=False) for g in after)


def doing_unsaid(q: Question, text: str, solo: str) -> bool:
    """A yes/no of whether a service is done for the viewer (能帮着换花洒吗) and ``text`` names the thing it is done to
    (花洒) but never the doing asked after 帮 (换): it tells another doing of that thing (花洒……都弄: cleaned, not
    replaced). (A passage that names neither may say it in other words: 帮忙拉电线不 is answered by 不管接电.) A person
    after 帮 (帮孩子取) is whom the doing is for, not the doing."""
    cue = guard("happens").search(q.text) if q.kind == "yesno" else None
    if cue is None:
        return False
    person = guard("person")   # 家长帮孩子取行不: whom it is done for (孩子) is no doing
    after = sorted((g for g in q.residual if any(q.text.find(w, cue.end()) >= 0 for w in g) and
                    not all(person.fullmatch(w) for w in g)),
                   key=lambda g: min(q.text.find(w, cue.end()) for w in g if q.text.find(w, cue.end()) >= 0))
    if len(after) < 2:
        return False
    doing, things = after[0], after[1:]
    return not coverage([doing], text, q.unknown, solo=solo, half=False) and \
        all(coverage([g], text, q.unknown, solo=solo, half=False) for g in things)


AFTER_DONE = re.compile(r"([\u4e00-\u9fff])完[\u4e00-\u9fff]?(?:了|以后|之后)?(?:能|可以|就|马上|接着|再|还)+([\u4e00-\u9fff])")


def order_reversed(q: Question, text: str) -> bool:
    """The question asks of doing one thing after another (烫完能染吗) and ``text`` tells only the other order
    (染完要隔 2 个星期再烫): what it says of that order is no answer of the order asked."""
    m = AFTER_DONE.search(lexicon().fix_typos(q.unnamed))
    if m is None or m.group(1) == m.group(2):
        return False
    first, then = m.groups()   # (驱虫完……再洗 for 洗完澡能驱虫吗: a verb's object may sit before 完)
    return re.search(f"{then}[\u4e00-\u9fff]?完", text) is not None and \
        re.search(f"{first}[\u4e00-\u9fff]?完", text) is None and f"再{first}" in text


FREQUENCY = re.compile(r"(?:多久|多长时间|几天|几个月|几周|几个星期|几个礼拜)[\u4e00-\u9fff]{0,3}?一(?:次|回|趟|遍)")
WITHIN = re.compile(r"\s*(?:以内|之内|内)")
REPEAT = re.compile(r"[次回遍趟每]")


def window_for_frequency(q: Question, text: str, key: str = "", layout: str = "") -> bool:
    """How often it is done is asked (多久剪一次) and ``text`` tells no period it is done in: every duration it
    states is a time limit (15 天内免费修一次: a window to come back in), or it answers a Q&A question that asks
    how long it takes (女士剪发多长时间？ 一套 45 分钟) and says no repeat (not 一个月左右来一次, 3 个月换一支)."""
    if q.kind != "duration" or not FREQUENCY.search(lexicon().fix_typos(q.unnamed)):
        return False
    ends = [e for _s, e, _v in value_spans("duration", text)]
    if ends and all(WITHIN.match(text, e) for e in ends):
        return True
    return layout == "qa" and bool(key) and not FREQUENCY.search(lexicon().fix_typos(key)) and \
        not REPEAT.search(text)


WEEKDAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天1-7])")


def day_keyed(q: Question, c: Chunk) -> bool:
    """The row or heading is keyed by the day of the week the question names (周三：周三早放学，两点半就去接 for
    周三几点去接): it is stated for that day, before the row of every day."""
    day = {m.group(1).replace("天", "日") for m in WEEKDAY.finditer(q.unnamed)}
    return bool(day) and any(m.group(1).replace("天", "日") in day for m in WEEKDAY.finditer(f"{c.section} {c.key}"))


HOW = re.compile(r"怎么([\u4e00-\u9fff])")


def how_asked(q: Question, c: Chunk) -> bool:
    """A how-to and a Q&A pair of the product asking how by the same cue and doing (尺寸咋量？ for 锁芯长度咋量): the
    owner's answer to that how-to, though its question names the thing in other words."""
    m = HOW.search(lexicon().fix_typos(q.unnamed)) if q.kind == "method" and c.layout == "qa" and c.sku else None
    return m is not None and m.group(0) in lexicon().fix_typos(c.key)


def how_within(asked: str, heads: tuple[str, ...]) -> bool:
    """A how-to or what asked with nothing but its cue and doing (怎么测 of 咋测防水) that a heading asks among more
    (测啥咋测), or a heading's whole question that the question asks with more (我的表能用 of 咋知道我的表能用, 啥皮子 of
    啥皮子的)."""
    return len(asked) >= 3 and any(h and (asked in h or len(h) >= 4 and h in asked) for h in heads)


def key_asks(q: Question, c: Chunk) -> bool:
    """A bullet's or row's key is the question itself, asked by the same cue and of nothing else (睡多久：四十分钟 for
    午睡睡多久, 在哪：进门左手边 for 柜子在哪): the row answers it, though the question names more than the key."""
    if c.layout not in ("bullet", "table") or not c.key:
        return heading_asks(q, c)   # 一节多旧 over 一节60分钟: the owner's heading is the question
    key, asked = lexicon().fix_typos(c.key), lexicon().fix_typos(q.text)
    if not same_cue(q.kind, c.key, lexicon().fix_typos(q.unnamed)) and not (
            not q.kind and guard("what_key").search(key) and guard("what_key").search(asked)):
        return False   # (安卓用的啥屏: the rows under 用的啥屏 before the row keyed 安卓)
    return all(ch in asked for ch in key if "\u4e00" <= ch <= "\u9fff")


LOCATION = re.compile(r"(?:在哪[儿里]?|放哪[儿里]?|搁哪[儿里]?|在什么地方|在啥地方|在什么位置)[呢啊呀]?$")
MADE = re.compile(r"[做造产]的|产自|产于|产地")


def made_there(q: Question, aspects, text: str) -> bool:
    """Where a thing is (柜子在哪, not 在哪分切的 nor 生产日期在哪看) is asked and the passage tells where it is made
    (佛山金盾柜业做的: an origin), not where it is."""
    return q.kind == "place" and "origin" not in q.topics and LOCATION.search(lexicon().fix_typos(q.unnamed)) is not None \
        and "origin" in aspects and "address" not in aspects and MADE.search(text) is not None


ASK_CUE = re.compile(r"几点|什么时候|啥时候|几时|哪天|几号|周几|几天|多久|多少|怎么|咋|能|吗|不")


def topic_said(q: Question, text: str) -> bool:
    """(Of a time asked: 能用多久 has no verb of its own to find.) Every aspect the question names is named by a word whose verb ``text`` says itself, with the value asked
    (几点送 of 早上：八点半送来, 几点到 of 早上：八点到): a service's own row of when it brings or takes, though the
    aspect list reads 送 as goods delivered."""
    asked = lexicon().fix_typos(q.text)
    for t in q.topics:
        a = lexicon().aspects.get(t)
        verbs = {ASK_CUE.sub("", w) for w in (a.ask if a else ()) if w in asked} - {""}
        if not any(v in text for v in verbs):
            return False
    return bool(q.topics)


def split_runs(q: Question, singles: bool = False) -> list[str]:
    """The words of the question its residual holds in pieces (法嘴 as 法 + 嘴, 无毛猫 as 无 + 毛猫: jieba does not know
    them), as the question says them together: residual words side by side, one of them a single character."""
    words = sorted({w for g in q.residual if len(g) == 1 for w in g if re.fullmatch(r"[\u4e00-\u9fff]{1,3}", w)},
                   key=len, reverse=True)
    if len(words) < 2 or not any(len(w) == 1 for w in words):
        return []
    text, at, pieces = q.unnamed, 0, []
    while at < len(text):
        w = next((w for w in words if text.startswith(w, at)), None)
        pieces.append(w)
        at += len(w) if w else 1
    runs, run = [], []
    for w in [*pieces, None]:
        if w:
            run.append(w)
            continue
        if len(run) >= 2 and any(len(x) == 1 for x in run) and len("".join(run)) <= 4 and \
                not (singles and any(len(x) > 1 for x in run)):   # (singles: only a word read a character at a time)
            runs.append("".join(run))
        run = []
    return runs


def other_kind_said(q: Question, text: str) -> bool:
    """A word the question says in pieces (无毛猫) that ``text`` never says whole, while it says its last word (of two
    characters or more: 毛猫) only after another modifier (短毛猫, 长毛猫): it speaks of other kinds of the thing; or
    one ending in a character that names a thing of its own (方向盘套, 座椅罩) that ``text`` says only without it."""
    if q.kind != "yesno":
        return False
    for run in split_runs(q):
        if run not in text and len(run) >= 3 and guard("kind_head").fullmatch(run[-1]) and \
                any(run[-1] in g for g in q.residual) and run[:-1] in text:
            return True   # 方向盘套 (a cover) is not said by 方向盘: the last character names the thing asked
        # (only the thing the yes/no is asked of, said first: 印名字要钱吗, 能寄快递吗 say a doing, no kind)
        if run in text or not q.unnamed.strip().startswith(run) or not guard("kind_modifier").match(run[0]) or \
                not any(run[1:] in g for g in q.residual):   # (a modifier of one character before the thing)
            continue
        tail = next((run[i:] for i in range(1, len(run)) if run[i:] in text), "")
        if len(tail) >= 2 and all(i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff" and text[i - 1] != run[-len(tail) - 1]
                                                  for i in (m.start() for m in re.finditer(re.escape(tail), text))):
            return True
    return False
