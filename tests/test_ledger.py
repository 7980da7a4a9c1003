"""The group-buy ledger's promises: idempotent, never oversold, fair waitlist, limits, review, undo."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from copilot.base.comments import Comment
from copilot.base.errors import InputError, LedgerError
from copilot.orders.book import LedgerTx
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.ledger import Ledger, default_stream
from copilot.orders.schema import CANCELLED, PAID, PICKED_UP, RESERVED, REVIEW, WAITLIST, comments
from copilot.orders.summary import pick_list, pickup_slips, stock_summary

ROOT = Path(__file__).resolve().parents[1]
_seq = iter(range(1, 10**9))


def say(user: str, kind: Kind = Kind.ORDER, *items, current_sku=None, review: str = "", cid=None, text=None):
    """One (Comment, Intent) pair; items are (sku, qty) tuples."""
    cid = cid or f"c{next(_seq)}"
    comment = Comment(cid, user, text or f"{kind.value} {items}", ts=float(next(_seq)), current_sku=current_sku)
    intent = Intent(kind, tuple(Item(s, q) for s, q in items), needs_review=bool(review), reason=review)
    return comment, intent


def order(ledger: Ledger, user: str, sku: str, qty=1, **kw):
    return ledger.apply(*say(user, Kind.ORDER, (sku, qty), **kw))


def state(ledger: Ledger):
    return [(ln.id, ln.buyer, ln.sku, ln.qty, ln.status) for ln in ledger.lines()]


def held(ledger: Ledger, sku: str) -> float:
    return ledger.stock_rows()[sku][1]


# -- orders, stock, waitlist --------------------------------------------------------------------


def test_order_reserves_stock(ledger):
    res = order(ledger, "王阿姨", "strawberry", 2)
    assert not res.duplicate and not res.review
    (line,) = res.created
    assert (line.buyer, line.sku, line.qty, line.unit, line.unit_price, line.status) == (
        "王阿姨", "strawberry", 2.0, "斤", 19.9, RESERVED)
    assert line.amount == pytest.approx(39.8)
    assert res.message == "已为 王阿姨 预留 草莓 2斤"
    assert ledger.remaining("strawberry") == 48
    assert line.comment_text and line.comment_id


def test_qty_none_means_one_and_multi_item_order(ledger):
    res = ledger.apply(*say("李姐", Kind.ORDER, ("rice", None), ("tofu", 3)))
    assert [(ln.sku, ln.qty, ln.status) for ln in res.created] == [("rice", 1.0, RESERVED), ("tofu", 3.0, RESERVED)]
    assert "大米" in res.message and "豆腐" in res.message


def test_waitlist_when_sold_out_with_position(ledger):
    for i in range(8):
        assert order(ledger, f"u{i}", "chicken").created[0].status == RESERVED
    r1 = order(ledger, "w1", "chicken")
    r2 = order(ledger, "w2", "chicken")
    assert r1.created[0].status == WAITLIST and r2.created[0].status == WAITLIST
    assert r2.message == "土鸡库存不足，已为 w2 排队候补第 2 位"
    assert ledger.remaining("chicken") == 0
    assert held(ledger, "chicken") == 8


def test_waitlist_promotion_is_in_arrival_order(ledger):
    for i in range(8):
        order(ledger, f"u{i}", "chicken")
    w = [order(ledger, name, "chicken", q).created[0] for name, q in (("w1", 2), ("w2", 1), ("w3", 1))]
    assert {ln.status for ln in w} == {WAITLIST}
    first = ledger.lines(buyer="u0")[0]
    res = ledger.cancel_line(first.id)
    # one freed: w1 (wants 2) does not fit, so the next in line, w2, gets it
    assert [(ln.buyer, ln.status) for ln in res.changed] == [("u0", CANCELLED), ("w2", RESERVED)]
    assert "候补的 w2 已补上 土鸡 1只" in res.message
    ledger.cancel_line(ledger.lines(buyer="u1")[0].id)
    assert ledger.lines(buyer="w3")[0].status == RESERVED
    assert ledger.lines(buyer="w1")[0].status == WAITLIST
    ledger.cancel_line(ledger.lines(buyer="u2")[0].id)
    ledger.cancel_line(ledger.lines(buyer="u3")[0].id)
    assert ledger.lines(buyer="w1")[0].status == RESERVED
    assert held(ledger, "chicken") == 8 and ledger.remaining("chicken") == 0


def test_fifo_among_equal_orders(ledger):
    ledger.set_stock("bass", 2)
    for name in ("a", "b", "c", "d", "e"):
        order(ledger, name, "bass")
    ledger.apply(*say("a", Kind.CANCEL, ("bass", None)))
    ledger.apply(*say("b", Kind.CANCEL, ("bass", None)))
    assert [ln.buyer for ln in ledger.lines(sku="bass", status=RESERVED)] == ["c", "d"]
    assert [ln.buyer for ln in ledger.lines(sku="bass", status=WAITLIST)] == ["e"]


def test_fractional_quantities_do_not_drift(ledger):
    ledger.set_stock("strawberry", 0.3)
    got = [order(ledger, f"b{i}", "strawberry", 0.1).created[0].status for i in range(4)]
    assert got == [RESERVED, RESERVED, RESERVED, WAITLIST]
    assert ledger.remaining("strawberry") == 0
    assert held(ledger, "strawberry") == pytest.approx(0.3)


def test_limit_counts_across_comments(ledger):
    assert order(ledger, "张三", "strawberry", 3).created[0].status == RESERVED
    assert order(ledger, "张三", "strawberry", 2).created[0].status == RESERVED
    res = order(ledger, "张三", "strawberry", 1)
    assert res.review and res.created[0].status == REVIEW
    assert res.created[0].reason == "超过每人限购 5斤（已订 5斤）"
    assert order(ledger, "李四", "strawberry", 5).created[0].status == RESERVED  # per buyer
    ledger.apply(*say("张三", Kind.CANCEL, ("strawberry", None)))
    assert order(ledger, "张三", "strawberry", 5).created[0].status == RESERVED  # cancelled lines free the limit


def test_waitlisted_lines_count_against_the_limit(ledger):
    for i in range(8):
        order(ledger, f"u{i}", "chicken")
    assert order(ledger, "老刘", "chicken", 2).created[0].status == WAITLIST
    res = order(ledger, "老刘", "chicken", 1)
    assert res.created[0].status == REVIEW and "已订 2只" in res.created[0].reason


def test_unknown_product_and_bad_qty_go_to_review(ledger):
    res = ledger.apply(*say("x", Kind.ORDER, ("durian", 1)))
    assert res.review and res.created[0].status == REVIEW and "durian" in res.created[0].reason
    assert res.created[0].sku is None
    res = ledger.apply(*say("x", Kind.ORDER, ("rice", 0)))
    assert res.created[0].status == REVIEW
    res = ledger.apply(*say("x", Kind.ORDER))
    assert res.created[0].status == REVIEW
    assert held(ledger, "rice") == 0


def test_needs_review_intent_keeps_what_is_known(ledger):
    res = ledger.apply(*say("阿强", Kind.ORDER, ("mango", 3), review="数量单位不明"))
    (line,) = res.created
    assert (line.sku, line.qty, line.status, line.reason) == ("mango", 3.0, REVIEW, "数量单位不明")
    res = ledger.apply(*say("阿强", Kind.CANCEL, review="不知道取消哪个"))
    assert (res.created[0].sku, res.created[0].qty) == (None, None)
    assert [ln.id for ln in ledger.review_queue()] == [line.id, res.created[0].id]
    assert held(ledger, "mango") == 0


def test_questions_and_chatter_only_record_the_comment(ledger):
    c1, i1 = say("路人", Kind.QUESTION, text="草莓甜吗")
    c2, i2 = say("路人", Kind.OTHER, text="主播好")
    assert ledger.apply(c1, i1).created == [] and ledger.apply(c2, i2).created == []
    assert ledger.lines() == []
    with ledger.engine.connect() as conn:
        rows = conn.execute(select(comments.c.comment_id, comments.c.kind, comments.c.outcome)
                            .order_by(comments.c.id)).all()
    assert [tuple(r) for r in rows] == [(c1.id, "question", "question"), (c2.id, "other", "other")]
    assert ledger.apply(c1, i1).duplicate


# -- idempotency ---------------------------------------------------------------------------------


def test_same_comment_twice_has_no_effect(ledger):
    pair = say("王阿姨", Kind.ORDER, ("pork", 2))
    ledger.apply(*pair)
    before = state(ledger)
    res = ledger.apply(*pair)
    assert res.duplicate and res.created == [] and res.changed == []
    assert state(ledger) == before and ledger.remaining("pork") == 18


def _comments_file(path: Path, n: int = 200, seed: int = 7) -> Path:
    rnd = random.Random(seed)
    skus = ["strawberry", "pork", "chicken", "bass", "eggs", "bread", "rice"]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            user = f"买家{rnd.randint(1, 40)}"
            roll = rnd.random()
            if roll < 0.45:
                intent = {"kind": "order", "items": [{"sku": rnd.choice(skus), "qty": rnd.choice([1, 1, 2, 3, None])}]}
            elif roll < 0.55:
                intent = {"kind": "cancel", "items": rnd.choice([[], [{"sku": rnd.choice(skus), "qty": None}]])}
            elif roll < 0.65:
                intent = {"kind": "modify", "items": [{"sku": rnd.choice(skus + [None]), "qty": rnd.choice([1, 2, 4])}]}
            elif roll < 0.7:
                intent = {"kind": "order", "items": [], "needs_review": True, "reason": "看不懂"}
            else:
                intent = {"kind": rnd.choice(["question", "other"]), "items": []}
            row = {"id": f"m{i}", "user": user, "text": f"评论{i}", "ts": i * 1.5,
                   "current_sku": rnd.choice(skus), "intent": intent}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def _read_pairs(path: Path):
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        it = d.pop("intent")
        intent = Intent(Kind(it["kind"]), tuple(Item(x["sku"], x["qty"]) for x in it["items"]),
                        needs_review=it.get("needs_review", False), reason=it.get("reason", ""))
        pairs.append((Comment(**d), intent))
    return pairs


def test_replaying_a_file_of_200_comments_changes_nothing(ledger, tmp_path):
    pairs = _read_pairs(_comments_file(tmp_path / "comments.jsonl"))
    progress: list[float] = []
    first = ledger.ingest(pairs, batch_size=64, progress=lambda f, m: progress.append(f))
    assert first.comments == 200 and first.duplicates == 0
    assert first.orders > 0 and first.review > 0
    assert progress[-1] == 1.0 and progress == sorted(progress)
    snapshot, summary = state(ledger), stock_summary(ledger)
    second = ledger.ingest(_read_pairs(tmp_path / "comments.jsonl"))
    assert (second.comments, second.orders, second.review, second.duplicates) == (200, 0, 0, 200)
    assert state(ledger) == snapshot and stock_summary(ledger) == summary
    for row in summary:  # stock never negative, never oversold
        assert 0 <= row["remaining"] <= row["total"]
        assert row["reserved"] + row["paid"] + row["picked_up"] <= row["total"] + 1e-9


def test_ingest_has_the_same_semantics_as_apply(ledger, ledger_url, catalog, tmp_path):
    pairs = _read_pairs(_comments_file(tmp_path / "c.jsonl", seed=11))
    stats = ledger.ingest(pairs, batch_size=50)
    one_by_one = Ledger(ledger_url, catalog, "other-stream")
    results = [one_by_one.apply(c, i) for c, i in pairs]
    assert stats.orders == sum(1 for r in results for ln in r.created if ln.status in (RESERVED, WAITLIST))
    assert stats.review == sum(r.review for r in results)
    strip = lambda led: [(ln.buyer, ln.sku, ln.qty, ln.status, ln.reason) for ln in led.lines()]  # noqa: E731
    assert strip(ledger) == strip(one_by_one)
    assert stock_summary(ledger) == stock_summary(one_by_one)  # streams keep separate stock


def test_duplicates_inside_one_batch(ledger):
    pair = say("x", Kind.ORDER, ("rice", 1))
    stats = ledger.ingest([pair, pair, say("y", Kind.OTHER)])
    assert (stats.comments, stats.orders, stats.duplicates) == (3, 1, 1)


def test_ingest_validates_everything_before_writing_anything(ledger):
    good = [say(f"u{i}", Kind.ORDER, ("apple", 1)) for i in range(4)]
    bad = Comment("", "nobody", "x"), Intent(Kind.ORDER, (Item("apple", 1),))
    with pytest.raises(InputError):
        ledger.ingest(good + [bad], batch_size=4)
    assert ledger.lines() == []  # a bad comment in batch 2 stops the run before batch 1 is written


# -- concurrency ---------------------------------------------------------------------------------


def test_eight_concurrent_writers_never_oversell(ledger_url, catalog):
    stream = "concurrency"
    Ledger(ledger_url, catalog, stream)  # pork: stock 20
    pairs = [say(f"买家{i}", Kind.ORDER, ("pork", 1)) for i in range(200)]
    errors: list[Exception] = []

    def writer(k: int):
        try:
            mine = Ledger(ledger_url, catalog, stream)
            chunk = pairs[k::8]
            for pair in chunk[:10]:
                mine.apply(*pair)
            mine.ingest(chunk[10:], batch_size=3)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    check = Ledger(ledger_url, catalog, stream)
    assert len(check.lines(status=RESERVED)) == 20 == min(200, 20)
    assert len(check.lines(status=WAITLIST)) == 180
    assert check.remaining("pork") == 0 and check.stock_rows()["pork"] == (20.0, 20.0)


WRITER = """
import sys
from copilot.base.catalog import Catalog
from copilot.base.comments import Comment
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.ledger import Ledger
url, k = sys.argv[1], int(sys.argv[2])
led = Ledger(url, Catalog.load(sys.argv[3]), "procs")
for i in range(k, 60, 2):
    led.apply(Comment(f"p{i}", f"buyer{i}", "1"), Intent(Kind.ORDER, (Item("bass", 1),)))
"""


def test_concurrent_processes_never_oversell(ledger_url, catalog):
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, ledger_url, str(k), str(catalog.root)], cwd=ROOT,
                              stderr=subprocess.PIPE, text=True) for k in range(2)]
    errs = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errs
    check = Ledger(ledger_url, catalog, "procs")  # bass: stock 12
    assert len(check.lines(status=RESERVED)) == 12 and len(check.lines(status=WAITLIST)) == 48
    assert check.remaining("bass") == 0


# -- cancel and modify ---------------------------------------------------------------------------


def test_cancel_by_sku_cancels_all_open_lines_of_it(ledger):
    order(ledger, "王", "mango", 2)
    order(ledger, "王", "mango", 1)
    order(ledger, "王", "apple", 3)
    res = ledger.apply(*say("王", Kind.CANCEL, ("mango", None)))
    assert [ln.status for ln in res.changed] == [CANCELLED, CANCELLED]
    assert ledger.remaining("mango") == 60 and ledger.lines(sku="apple")[0].status == RESERVED
    assert "已取消 王 的 芒果 2斤" in res.message


def test_cancel_without_items_uses_current_product_then_latest(ledger):
    order(ledger, "王", "mango", 2)
    order(ledger, "王", "apple", 3)
    order(ledger, "王", "tofu", 1)
    res = ledger.apply(*say("王", Kind.CANCEL, current_sku="mango"))
    assert [ln.sku for ln in res.changed] == ["mango"]
    res = ledger.apply(*say("王", Kind.CANCEL, current_sku="rice"))  # no rice: the most recent open line
    assert [ln.sku for ln in res.changed] == ["tofu"]
    assert ledger.lines(sku="apple")[0].status == RESERVED


def test_cancel_with_nothing_open_is_recorded_without_effect(ledger):
    order(ledger, "别人", "rice", 1)
    c, i = say("王", Kind.CANCEL, ("rice", None))
    res = ledger.apply(c, i)
    assert res.changed == [] and "没有可以取消的订单" in res.message
    assert ledger.apply(c, i).duplicate  # but the comment is recorded
    assert ledger.lines(buyer="别人")[0].status == RESERVED


def test_cancel_leaves_paid_lines_alone(ledger):
    line = order(ledger, "王", "rice", 1).created[0]
    ledger.mark_paid([line.id])
    res = ledger.apply(*say("王", Kind.CANCEL, ("rice", None)))
    assert res.changed == [] and ledger.lines()[0].status == PAID


def test_cancel_also_clears_review_lines(ledger):
    ledger.apply(*say("王", Kind.ORDER, ("mango", 3), review="不确定"))
    ledger.apply(*say("王", Kind.CANCEL, ("mango", None)))
    assert ledger.review_queue() == []


def test_modify_up_and_down(ledger):
    order(ledger, "王", "strawberry", 2)
    res = ledger.apply(*say("王", Kind.MODIFY, ("strawberry", 4)))
    assert res.changed[0].qty == 4 and ledger.remaining("strawberry") == 46
    assert res.message == "已把 王 的 草莓 从 2斤 改为 4斤"
    ledger.apply(*say("王", Kind.MODIFY, (None, 1), current_sku="strawberry"))
    assert ledger.lines()[0].qty == 1 and ledger.remaining("strawberry") == 49
    assert len(ledger.lines()) == 1


def test_modify_without_sku_falls_back_to_latest_line(ledger):
    order(ledger, "王", "apple", 2)
    order(ledger, "王", "tomato", 2)
    ledger.apply(*say("王", Kind.MODIFY, (None, 5), current_sku="milk"))
    assert {ln.sku: ln.qty for ln in ledger.lines()} == {"apple": 2, "tomato": 5}


def test_modify_beyond_stock_keeps_old_and_asks_for_review(ledger):
    order(ledger, "王", "chicken", 1)
    for i in range(7):
        order(ledger, f"u{i}", "chicken")
    res = ledger.apply(*say("王", Kind.MODIFY, ("chicken", 2)))
    assert res.review and res.created[0].reason == "库存不足，无法改成 2只"
    assert ledger.lines(buyer="王", status=RESERVED)[0].qty == 1
    assert held(ledger, "chicken") == 8


def test_modify_over_limit_keeps_old(ledger):
    order(ledger, "王", "strawberry", 3)
    res = ledger.apply(*say("王", Kind.MODIFY, ("strawberry", 6)))
    assert res.review and res.created[0].reason.startswith("超过每人限购 5斤")
    assert ledger.lines(buyer="王", status=RESERVED)[0].qty == 3
    res = ledger.apply(*say("王", Kind.MODIFY, ("strawberry", 5)))  # up to the limit is fine
    assert not res.review and ledger.lines(buyer="王", status=RESERVED)[0].qty == 5


def test_modify_down_promotes_the_waitlist(ledger):
    order(ledger, "王", "chicken", 2)
    for i in range(6):
        order(ledger, f"u{i}", "chicken")
    assert order(ledger, "候补", "chicken").created[0].status == WAITLIST
    res = ledger.apply(*say("王", Kind.MODIFY, ("chicken", 1)))
    assert [ln.buyer for ln in res.changed] == ["王", "候补"]
    assert ledger.lines(buyer="候补")[0].status == RESERVED and held(ledger, "chicken") == 8


def test_modify_without_an_order_becomes_an_order_or_review(ledger):
    res = ledger.apply(*say("王", Kind.MODIFY, ("rice", 2)))
    assert res.created[0].status == RESERVED and res.created[0].qty == 2
    assert res.message.startswith("没有找到原订单，已按新订单处理")
    res = ledger.apply(*say("新人", Kind.MODIFY, (None, 2)))
    assert res.review and res.created[0].reason == "没有找到要修改的订单"


def test_buyer_settles_an_amount_review_with_a_new_amount(ledger):
    """要10只 over the limit of 2 waits for a person; the buyer's own 那就2只 books that line (stock held); a new
    amount still over the limit, or a line waiting over anything but its amount, stays for a person."""
    limit = "大别山散养土鸡每人限购2只，这条要10只"
    line = ledger.apply(*say("王", Kind.ORDER, ("chicken", 10), review=limit)).created[0]
    res = ledger.apply(*say("王", Kind.MODIFY, ("chicken", 3)))
    assert ledger.lines(buyer="王")[0].status == REVIEW and held(ledger, "chicken") == 0
    res = ledger.apply(*say("王", Kind.MODIFY, ("chicken", 2)))
    assert not res.review and res.message.endswith("已预留")
    assert [(ln.id, ln.qty, ln.status) for ln in ledger.lines(buyer="王")] == [(line.id, 2, RESERVED)]
    assert held(ledger, "chicken") == 2 and "每人限购" in ledger.lines(buyer="王")[0].reason
    assert order(ledger, "王", "chicken", 1).created[0].status == REVIEW  # the limit counts the settled line

    ledger.apply(*say("李", Kind.ORDER, ("chicken", 2), review="「鸡」像是土鸡，不太确定，请确认"))
    ledger.apply(*say("李", Kind.MODIFY, ("chicken", 1)))
    assert [(ln.qty, ln.status) for ln in ledger.lines(buyer="李")] == [(1, REVIEW)]


# -- review, payment, pickup ---------------------------------------------------------------------


def test_resolve_review_reserves_or_waitlists(ledger):
    line = ledger.apply(*say("王", Kind.ORDER, review="听不清")).created[0]
    res = ledger.resolve_review(line.id, "mango", 2)
    assert res.changed[0].status == RESERVED and ledger.remaining("mango") == 58
    assert "预留 芒果 2斤" in res.message and "听不清" in ledger.lines()[0].reason
    ledger.set_stock("bass", 0)
    line2 = ledger.apply(*say("李", Kind.ORDER, review="?")).created[0]
    assert ledger.resolve_review(line2.id, "bass", 1).changed[0].status == WAITLIST
    assert ledger.review_queue() == []


def test_resolve_review_respects_the_limit_unless_forced(ledger):
    order(ledger, "王", "pork", 4)
    line = order(ledger, "王", "pork", 1).created[0]
    assert line.status == REVIEW
    with pytest.raises(LedgerError, match="限购"):
        ledger.resolve_review(line.id, "pork", 1)
    assert ledger.resolve_review(line.id, "pork", 1, force=True).changed[0].status == RESERVED
    with pytest.raises(LedgerError, match="不在待确认队列"):
        ledger.resolve_review(line.id, "pork", 1)


def test_dismiss_review_keeps_the_reason(ledger):
    line = ledger.apply(*say("王", Kind.ORDER, review="像是开玩笑")).created[0]
    ledger.dismiss_review(line.id)
    (after,) = ledger.lines()
    assert after.status == CANCELLED and after.reason == "像是开玩笑"
    assert ledger.review_queue() == []


def test_paid_and_picked_up(ledger):
    a = order(ledger, "王", "rice", 2).created[0]
    b = order(ledger, "李", "rice", 1).created[0]
    ledger.set_stock("bass", 0)
    w = order(ledger, "赵", "bass", 1).created[0]
    assert ledger.mark_paid([a.id, w.id]) == 1  # only reserved lines can be paid
    assert ledger.mark_paid([a.id]) == 0
    assert ledger.mark_picked_up([a.id, b.id, w.id]) == 2  # from paid and from reserved
    assert {ln.buyer: ln.status for ln in ledger.lines()} == {"王": PICKED_UP, "李": PICKED_UP, "赵": WAITLIST}
    assert ledger.remaining("rice") == 27  # still counted against stock
    row = next(r for r in stock_summary(ledger) if r["sku"] == "rice")
    assert (row["picked_up"], row["reserved"], row["buyers"], row["amount"]) == (3, 0, 2, 177.0)


def test_unknown_line_ids_are_ledger_errors(ledger):
    for call in (lambda: ledger.cancel_line(999), lambda: ledger.dismiss_review(999),
                 lambda: ledger.resolve_review(999, "rice", 1), lambda: ledger.mark_paid([999]),
                 lambda: ledger.mark_picked_up([999])):
        with pytest.raises(LedgerError, match="找不到订单 #999"):
            call()


def test_cancel_line_by_hand(ledger):
    line = order(ledger, "王", "rice", 2).created[0]
    ledger.mark_paid([line.id])
    res = ledger.cancel_line(line.id)  # the owner may cancel a paid line (refund)
    assert res.changed[0].status == CANCELLED and ledger.remaining("rice") == 30
    with pytest.raises(LedgerError):
        ledger.cancel_line(line.id)


# -- stock ---------------------------------------------------------------------------------------


def test_set_stock_grows_promotes_and_refuses_below_held(ledger):
    for i in range(10):
        order(ledger, f"u{i}", "chicken")
    ledger.mark_paid([ledger.lines(buyer="u0")[0].id])
    ledger.set_stock("chicken", 9)
    assert [ln.buyer for ln in ledger.lines(sku="chicken", status=WAITLIST)] == ["u9"]
    with pytest.raises(LedgerError, match="库存至少填 9"):
        ledger.set_stock("chicken", 8.5)
    with pytest.raises(LedgerError):
        ledger.set_stock("chicken", -1)
    with pytest.raises(LedgerError, match="没有 sku"):
        ledger.set_stock("durian", 3)
    ledger.set_stock("chicken", 30)
    assert ledger.remaining("chicken") == 20 and ledger.lines(status=WAITLIST) == []


def test_odd_values_fit_the_columns_on_every_backend(ledger):
    """PostgreSQL enforces VARCHAR lengths that SQLite ignores: unknown skus never reach a column."""
    res = ledger.apply(*say("王", Kind.MODIFY, ("x" * 300, 2), current_sku="y" * 60))
    assert res.review and res.created[0].sku is None and res.created[0].reason.startswith("未知商品 xxx")
    res = ledger.apply(*say("王", Kind.CANCEL, ("z" * 300, None), current_sku="y" * 60))
    assert res.changed == []


def test_unknown_status_filter_is_an_input_error(ledger):
    with pytest.raises(InputError, match="未知的订单状态"):
        ledger.lines(status="shipped")


def test_remaining_is_never_negative_and_knows_products(ledger):
    ledger.set_stock("bread", 0)
    assert ledger.remaining("bread") == 0
    assert order(ledger, "x", "bread").created[0].status == WAITLIST
    with pytest.raises(LedgerError):
        ledger.remaining("durian")


# -- undo ----------------------------------------------------------------------------------------


def test_undo_each_manual_action(ledger):
    for i in range(8):
        order(ledger, f"u{i}", "chicken")
    waiting = order(ledger, "候补", "chicken").created[0]
    review = ledger.apply(*say("王", Kind.ORDER, review="?")).created[0]
    review2 = ledger.apply(*say("李", Kind.ORDER, review="?")).created[0]
    base = state(ledger)

    steps = [
        (lambda: ledger.cancel_line(ledger.lines(buyer="u0")[0].id), "取消订单"),  # promotes 候补
        (lambda: ledger.resolve_review(review.id, "rice", 2), "确认订单"),
        (lambda: ledger.dismiss_review(review2.id), "忽略待确认订单"),
        (lambda: ledger.mark_paid([ledger.lines(buyer="u1")[0].id]), "标记已付款"),
        (lambda: ledger.mark_picked_up([ledger.lines(buyer="u2")[0].id]), "标记已取货"),
        (lambda: ledger.set_stock("chicken", 20), "库存"),
    ]
    snapshots = []
    for act, _ in steps:
        snapshots.append((state(ledger), ledger.stock_rows()))
        act()
    assert ledger.lines(buyer="候补")[0].status == RESERVED and waiting.id
    for (before, stock), (_, word) in zip(reversed(snapshots), reversed(steps)):
        msg = ledger.undo()
        assert msg.startswith("已撤销：") and word in msg
        assert state(ledger) == before and ledger.stock_rows() == stock
    assert state(ledger) == base
    with pytest.raises(LedgerError, match="没有可以撤销的操作"):
        ledger.undo()


def test_undo_refuses_when_the_line_changed_since(ledger):
    for i in range(8):
        order(ledger, f"u{i}", "chicken")
    order(ledger, "候补", "chicken")
    ledger.set_stock("chicken", 9)  # promotes 候补
    ledger.apply(*say("候补", Kind.CANCEL, ("chicken", None)))
    before = state(ledger), ledger.stock_rows()
    with pytest.raises(LedgerError, match="之后又有变动"):
        ledger.undo()
    assert (state(ledger), ledger.stock_rows()) == before


def test_undo_never_oversells(ledger):
    for i in range(8):
        order(ledger, f"u{i}", "chicken")
    ledger.cancel_line(ledger.lines(buyer="u0")[0].id)
    order(ledger, "抢到的人", "chicken")  # takes the freed one
    with pytest.raises(LedgerError, match="超卖"):
        ledger.undo()
    assert held(ledger, "chicken") == 8 and ledger.lines(buyer="u0")[0].status == CANCELLED


# -- transactions, inputs, opening -----------------------------------------------------------------


def test_failure_mid_transaction_leaves_the_ledger_unchanged(ledger, monkeypatch):
    order(ledger, "王", "rice", 1)
    before = state(ledger), ledger.stock_rows()
    real = LedgerTx.insert_line
    calls = {"n": 0}

    def flaky(self, *a, **kw):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk full")
        return real(self, *a, **kw)

    monkeypatch.setattr(LedgerTx, "insert_line", flaky)
    pair = say("李", Kind.ORDER, ("rice", 1), ("tofu", 2))
    with pytest.raises(RuntimeError):
        ledger.apply(*pair)
    assert (state(ledger), ledger.stock_rows()) == before
    monkeypatch.setattr(LedgerTx, "insert_line", real)
    assert len(ledger.apply(*pair).created) == 2  # not marked as seen: a retry works


@pytest.mark.parametrize("comment, why", [
    (Comment("", "王", "x"), "缺少 id"),
    (Comment("c", "", "x"), "缺少用户名"),
    (Comment("c", "王", "字" * 6000), "太长"),
    (Comment("c", "王" * 201, "x"), "昵称太长"),
    (Comment("c", "王", "\ud800"), "无效字符"),
])
def test_bad_comments_are_input_errors(ledger, comment, why):
    with pytest.raises(InputError, match=why):
        ledger.apply(comment, Intent(Kind.ORDER, (Item("rice", 1),)))
    assert ledger.lines() == []


def test_open_uses_settings(settings, catalog, monkeypatch):
    led = Ledger.open(settings, catalog)
    assert led.stream == default_stream() and len(led.stream) == 10
    assert (settings.data_dir / "ledger.db").exists()
    named = Ledger.open(settings.model_copy(update={"stream": "night-1"}), catalog)
    assert named.stream == "night-1"
    assert Ledger.open(settings, catalog, "explicit").stream == "explicit"
    from copilot.base.db import dispose_engine

    dispose_engine(settings.ledger_url)


def test_pick_list_and_pickup_slips(ledger, catalog):
    order(ledger, "王阿姨", "strawberry", 2)
    order(ledger, "王阿姨", "strawberry", 1)
    order(ledger, "王阿姨", "rice", 1)
    order(ledger, "李姐", "strawberry", 0.5)
    ledger.mark_paid([ledger.lines(buyer="李姐")[0].id])
    ledger.set_stock("bass", 0)
    order(ledger, "赵", "bass", 1)  # waitlisted: on neither list
    picks = pick_list(ledger)
    assert [p["sku"] for p in picks] == ["strawberry", "rice"]
    assert picks[0]["total"] == 3.5 and picks[0]["lines"] == [("王阿姨", 3.0, ""), ("李姐", 0.5, "")]
    assert picks[0]["link"] == 1 and picks[0]["unit"] == "斤"
    slips = {s["buyer"]: s for s in pickup_slips(ledger)}
    assert set(slips) == {"王阿姨", "李姐"}
    wang = slips["王阿姨"]
    assert [(i.name, i.qty, i.amount) for i in wang["items"]] == [("丹东九九草莓", 3.0, 59.7), ("五常稻花香大米", 1.0, 59.0)]
    assert wang["total"] == 118.7 and wang["status"] == "待付款"
    assert wang["pickup"] == catalog.store.pickup
    assert slips["李姐"]["status"] == "已付款"


def test_the_pick_list_carries_what_each_buyer_said_once(ledger):
    for note in ("大颗的", "送到3栋", "大颗的"):
        comment, intent = say("王阿姨", Kind.ORDER, ("strawberry", 1))
        ledger.apply(comment, replace(intent, note=note))
    order(ledger, "李姐", "strawberry", 1)
    (picks,) = pick_list(ledger)
    assert picks["lines"] == [("王阿姨", 3.0, "大颗的；送到3栋"), ("李姐", 1.0, "")]


def test_a_rehearsal_stream_is_cleared_in_one_action_and_tonight_never(ledger_url, catalog):
    from copilot.orders.ledger import is_rehearsal, known_streams, rehearsal_stream

    tonight = Ledger(ledger_url, catalog, "2026-11-29")
    rehearsal = Ledger(ledger_url, catalog, rehearsal_stream())
    assert is_rehearsal(rehearsal.stream) and rehearsal.stream.startswith("彩排-")
    order(tonight, "王阿姨", "rice", 2)
    for i in range(5):
        order(rehearsal, f"排练{i}", "rice", 1)
    assert set(known_streams(tonight.engine)) >= {"2026-11-29", rehearsal.stream}
    assert rehearsal.clear_rehearsal() == 5
    assert rehearsal.lines() == [] and rehearsal.remaining("rice") == 30
    assert [ln.buyer for ln in tonight.lines()] == ["王阿姨"] and tonight.remaining("rice") == 28
    with pytest.raises(LedgerError, match="不是彩排场次"):
        tonight.clear_rehearsal()
