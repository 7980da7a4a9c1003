"""Verdicts of the typed check that read one passage against the question alone.

``Verdicts`` is the part of ``judge.Judge`` that says whether a passage holds a value of the kind asked
(``value_stated``), says only places not to use (``only_not_there``), holds none of what was asked
(``unasked_value``), tells the other order of two steps (``other_sequence``), or says only what happens after a
doing the asker has finished (``frame_only``). It reads the passage through ``Scope`` (``nameless``) and ``Keys``
(``whole_only``), which ``Judge`` also is.
"""

from __future__ import annotations

import re
from itertools import product

from copilot.knowledge.asked import counted_from_asked, order_reversed, other_kind_said, window_for_frequency
from copilot.knowledge.docs import Chunk
from copilot.knowledge.kinds import only_asked_values, text_aspects, values_of
from copilot.knowledge.question import Question, coverage, guard
from copilot.knowledge.text import modifier_only


class Verdicts:
    """Readings of one passage against the question: a value of the kind asked, and the neighbour facts that are
    none (see each method)."""

    def has_unsaid(self, q: Question, text: str) -> bool:
        """A yes/no of having a thing (有证吗, 防蓝光吗, 带盖子吗) or taking one in (收旧鞋吗) that ``text`` never names
        whole, of a thing coming with it (送烛台吗) that ``text`` does not say comes or not (放在烛台上点)."""
        if self.inclusion_unsaid(q, text) or self.other_one_unsaid(q, text):
            return True   # (有别的型号吗 is not answered by the one model there is)
        if q.kind != "yesno" or not q.residual:
            return False
        if self.acted_on_unsaid(q, text, self.nameless(text)):
            return True   # 能把数据救回来吗 is not answered by 不保证能救回来 (of the phone)
        run = thing_run(q)
        if not run:
            return False
        # (有保险吗 is not answered by 保险盒: a word said only as the start of a longer one names another thing;
        # 收旧鞋吗 not by 折旧赔……的鞋: the words of a thing taken in are said together)
        return len(run) > 1 and not any("".join(ws) in text for ws in product(*run)) or \
            any(not coverage([g], text, q.unknown, solo=self.nameless(text), half=False) for g in run) or \
            all(modifier_only(w, text, guard("thing_head")) for w in run[-1])

    @staticmethod
    def label_only(q: Question, c: Chunk) -> bool:
        """A yes/no of an aspect (有会员吗) put to a store field whose label joins two things (进群与会员): the label
        is the form's, not the owner's word; its value must speak of the aspect asked itself."""
        if q.kind != "yesno" or c.sku or c.layout != "fact" or not q.topics or "：" not in c.text:
            return False
        label, value = c.text.split("：", 1)
        return guard("joined_label").search(label) is not None and not set(q.topics) & text_aspects(value)

    def frame_only(self, q: Question, text: str, c: Chunk) -> bool:
        """A yes/no whose words beyond a doing the asker has finished (补完, 洗完, 改好: ``done_frame``) are not said
        by ``text`` as much as a passage must say them: the passage tells what happens once that doing is done
        (补完了能机洗), not whether the doing asked (干洗, 熨) is. A time asked in advance of a doing (提前多久到:
        ``advance_frame``) is not answered by a passage that says nothing of that doing (提前一天报名)."""
        done, advance = guard("done_frame"), guard("advance_frame")
        if q.kind == "yesno":
            rest = [g for g in q.residual if not any(done.search(w) for w in g)]
            need = self.min_coverage
        elif q.kind in ("duration", "time", "day", "clock"):
            rest = [g for g in q.residual if not any(advance.search(w) for w in g)]
            need = 1e-9
        else:
            return False
        if not rest or len(rest) == len(q.residual):
            return False
        return coverage(rest, text, q.unknown, solo=self.nameless(text), negated=q.negated,
                        half=not self.whole_only(q, c)) < need

    @staticmethod
    def unasked_value(q: Question, c: Chunk, body: str) -> bool:
        """The passage holds no value of what was asked: no number for a phone asked (有事打摊上的电话), only other
        kinds of the thing asked (短毛猫……长毛猫 for 无毛猫), only days counted from the doing asked (直播第二天), or
        only goods carried when a service at the door is asked (能上门修吗 is not answered by 修好的表不寄快递)."""
        return q.topics == ["phone"] and not guard("contact_said").search(c.text) or \
            other_kind_said(q, f"{c.key} {body}") or counted_from_asked(q, body) or \
            goods_only(q, body.removeprefix(f"{c.key}：") if c.layout == "fact" else body)

    def other_sequence(self, q: Question, c: Chunk, text: str) -> bool:
        """The passage tells the other order of two steps (烫完能染吗 is not answered by 染完再烫), or no period it
        is done in when how often is asked (多久剪一次 is not answered by 15 天内免费修一次)."""
        return order_reversed(q, text) or window_for_frequency(q, self.nameless(c.text), c.key, c.layout)

    def only_not_there(self, q: Question, c: Chunk) -> bool:
        """A place asked (点在哪里) and every place the passage states is one it says not to use (别点在灶台上)."""
        body = self.nameless(c.text)
        return q.kind == "place" and not re.search("[不别]", q.unnamed) and bool(values_of(q.kind, body, q.units)) \
            and not values_of(q.kind, guard("not_there").sub(" ", body), q.units)

    def value_stated(self, q: Question, c: Chunk, t) -> bool:
        """The passage states a value of the kind asked, in the units asked, and (a clock asked) more than the
        time of day the question says itself: 早上几点切的 is not answered by 每天早上切配的 (a clock only:
        每周几 is answered by 每周一, 字大不大 by 大字)."""
        body = self.nameless(c.text)
        return q.kind in t.values and not (q.units and not values_of(q.kind, body, q.units)) and not (
            q.kind == "clock" and only_asked_values(q.kind, body, q.text, q.units))


def goods_only(q: Question, said: str) -> bool:
    """A service at the door is asked (能上门修吗, ``home_service``) and ``said`` tells only of goods carried (不寄快递):
    it never says 上门 itself."""
    at_door = guard("goods_to_door").sub(" ", said)   # (5公里以内免费送上门 carries goods to the door: no service there)
    return bool(guard("home_service").search(q.text)) and "上门" not in at_door and \
        bool(guard("goods_carried").search(said))


def thing_run(q: Question) -> list[list[str]]:
    """The word groups of the thing a yes/no asks of having (有证吗: 证) or of taking in (收旧鞋吗: 旧, 鞋): the question's
    last word when 有 (带, 含 ...) stands just before it; with 收, the words right before it back to 收 too; [] when no
    such word stands there."""
    last = q.residual[-1]
    at = max((q.text.rfind(w) for w in last), default=-1)
    if at <= 0:
        return []
    if guard("has").search(q.text[:at]):
        return [last]
    run = [last]
    while at > 0 and not any(guard("doing_after_thing").fullmatch(w) for w in last):   # (收快递送吗)
        if guard("takes_in").search(q.text[:at]):
            return run
        before = next((g for g in q.residual if g not in run for w in g if w and q.text[max(0, at - len(w)):at] == w),
                      None)
        if before is None:
            return []
        at -= max(len(w) for w in before if q.text[max(0, at - len(w)):at] == w)
        run.insert(0, before)
    return []
