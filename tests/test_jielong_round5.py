"""群接龙, round 5: the nickname stays as the member wrote it (full-width brackets, full-width letters), and a
paste that writes the same nickname in its other width is the same member."""

from __future__ import annotations

from copilot.orders.chains import apply_chain, chain_state
from copilot.orders.jielong import read_chain
from copilot.orders.parser import IntentParser
from copilot.orders.schema import REVIEW

HEAD = "#接龙\n🍓草莓 🥭芒果 🍅西红柿 明天下午到店自提，今晚10点截单\n例：张三 草莓2斤\n"


def _apply(ledger, text):
    return apply_chain(ledger, text, IntentParser(ledger.catalog).parse)


def test_the_nickname_is_kept_as_written(ledger):
    text = HEAD + "1. 王叔（3栋） 草莓2斤\n2. Ｌｕｃｙ 芒果1斤\n3. 阿 梅 西红柿3斤"
    got = read_chain(text, ledger.catalog, IntentParser(ledger.catalog).parse)
    assert [e.member for e in got.entries] == ["王叔（3栋）", "Ｌｕｃｙ", "阿 梅"]
    _apply(ledger, text)
    assert chain_state(ledger) == {"王叔（3栋）": {"strawberry": 2}, "Ｌｕｃｙ": {"mango": 1}, "阿 梅": {"tomato": 3}}
    assert ledger.lines(status=REVIEW) == []


def test_the_same_nickname_in_the_other_width_is_the_same_member(ledger):
    _apply(ledger, HEAD + "1. 王叔（3栋） 草莓2斤\n2. 小雨 芒果1斤")
    again = _apply(ledger, HEAD + "1. 王叔(3栋) 草莓2斤\n2. 小雨 芒果1斤")
    assert again.added == again.changed == again.cancelled == 0
    edited = _apply(ledger, HEAD + "1. 王叔(3栋) 草莓3斤\n2. 小雨 芒果1斤")
    assert edited.changed == 1 and edited.added == 0 and edited.cancelled == 0
    assert sum(q["strawberry"] for q in chain_state(ledger).values() if "strawberry" in q) == 3
