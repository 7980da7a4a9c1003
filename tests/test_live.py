"""The live-room session: routing, current product, queues, replay, files, undo, threads."""

from __future__ import annotations

import json
import threading
import time

import pytest

from copilot.base.comments import Comment, load_comment_file
from copilot.base.errors import InputError, LedgerError
from copilot.live.follow import schedule_from_truth
from copilot.live.session import LiveSession
from copilot.orders.ledger import Ledger


@pytest.fixture
def led(settings, catalog):
    return Ledger.open(settings, catalog, "2026-11-22")


@pytest.fixture
def session(settings, catalog, led):
    return LiveSession(settings, catalog, led)


def c(cid, user, text, ts=None, sku=None):
    return Comment(id=cid, user=user, text=text, ts=ts, current_sku=sku)


def test_order_gets_current_product_at_arrival(session, led):
    session.current_sku = "strawberry"
    out = session.receive(c("c1", "王阿姨", "扣2"))
    assert out.status == "order" and out.kind == "order"
    lines = led.lines(buyer="王阿姨")
    assert [(ln.sku, ln.qty, ln.status) for ln in lines] == [("strawberry", 2.0, "reserved")]
    assert session.feed_items()[0].label == "🛒 订单"
    assert led.remaining("strawberry") == 48


def test_comment_own_current_sku_wins(session, led):
    session.current_sku = "strawberry"
    session.receive(c("c1", "李姐", "扣1", sku="rice"))
    assert led.lines(buyer="李姐")[0].sku == "rice"


def test_no_current_product_goes_to_review(session, led):
    out = session.receive(c("c1", "王阿姨", "扣1"))
    assert out.status == "review"
    assert led.review_queue()[0].buyer == "王阿姨"
    assert session.feed_items()[0].label == "⚠ 待确认"


def test_unknown_product_refused(session):
    with pytest.raises(InputError, match="没有 sku"):
        session.current_sku = "durian"
    assert session.current_sku is None


def test_chatter_and_duplicates(session, led):
    session.current_sku = "pork"
    assert session.receive(c("c1", "邻居", "主播辛苦了")).status == "other"
    assert session.receive(c("c2", "邻居", "扣1")).status == "order"
    again = session.receive(c("c2", "邻居", "扣1"))
    assert again.status == "duplicate"
    assert len(led.lines(buyer="邻居")) == 1
    assert session.counts()["order"] == 1 and session.counts()["duplicate"] == 1


def test_question_without_kb_is_queued_and_grouped(session):
    session.current_sku = "mango"
    a = session.receive(c("q1", "王阿姨", "芒果甜不甜", ts=10))
    b = session.receive(c("q2", "李姐", "芒果甜不甜啊", ts=12))
    assert a.status == b.status == "question"
    assert a.question_id == b.question_id
    [q] = session.question_queue()
    assert q.users == ["王阿姨", "李姐"] and not q.answered and q.sku == "mango"
    session.mark_answered(q.id)
    assert session.question_queue() == []
    with pytest.raises(InputError):
        session.mark_answered(999)


def test_question_answered_from_kb(settings, catalog, led, fake_embedder):
    from copilot.knowledge.kb import KnowledgeBase

    kb = KnowledgeBase.open(settings, catalog, embedder=fake_embedder, stock=led.remaining)
    session = LiveSession(settings, catalog, led, kb=kb)
    session.current_sku = "rice"
    out = session.receive(c("q1", "邻居5", "一袋几斤"))
    assert out.status == "question"
    [q] = session.question_queue()
    assert q.answered and "10" in q.reply and q.reply.startswith("@邻居5")
    # price comes live from the catalog
    session.receive(c("q2", "小张", "草莓多少钱一斤"))
    price = [q for q in session.question_queue() if "草莓" in q.text][0]
    assert "19.9" in price.reply


def test_unanswered_question_shows_the_assistant_the_nearest_knowledge(settings, catalog, led, fake_embedder):
    from copilot.knowledge.kb import KnowledgeBase
    from copilot.ui.live import question_rows

    kb = KnowledgeBase.open(settings, catalog, embedder=fake_embedder, stock=led.remaining)
    session = LiveSession(settings, catalog, led, kb=kb)
    session.receive(c("q1", "小王", "草莓打膨大剂没"))
    session.receive(c("q2", "小李", "芒果是哪里产的"))
    unknown = [q for q in session.question_queue() if "膨大剂" in q.text][0]
    assert not unknown.answered and unknown.reply == "" and 1 <= len(unknown.hints) <= 2
    assert all("notes/strawberry.md" in h or "faq" in h.lower() or ".md" in h for h in unknown.hints)
    rows = {r[1]: r for r in question_rows(session)}
    assert "知识库里最接近的" in rows["草莓打膨大剂没"][5] and "交给助理" in rows["草莓打膨大剂没"][5]
    assert rows["草莓打膨大剂没"][4] == "（知识库没有答案，请人工回复）"   # never offered as the reply
    assert "来源：" in rows["芒果是哪里产的"][5] and "mango" in rows["芒果是哪里产的"][5]


def test_undo_order_cancels_its_line(session, led):
    session.current_sku = "strawberry"
    session.receive(c("c1", "王阿姨", "扣3"), actor="本机")
    msg = session.undo_last("本机")
    assert "撤销" in msg and "王阿姨" in msg
    assert led.lines(buyer="王阿姨")[0].status == "cancelled"
    assert led.remaining("strawberry") == 50
    assert session.feed_items()[0].undone


def test_undo_review_dismisses(session, led):
    session.receive(c("c1", "王阿姨", "扣1"), actor="本机")
    session.undo_last("本机")
    assert led.review_queue() == []


def test_undo_product_change_and_nothing_left(session):
    session.set_current("rice", actor="本机")
    session.set_current("pork", actor="本机")
    assert "大米" in session.undo_last("本机")
    assert session.current_sku == "rice"
    session.undo_last("本机")
    assert session.current_sku is None
    with pytest.raises(LedgerError, match="没有可以撤销"):
        session.undo_last("本机")
    assert [h.source for h in session.history] == ["assistant", "assistant", "undo", "undo"]


def test_undo_cancel_comment_orders_again(session, led):
    session.current_sku = "pork"
    session.receive(c("c1", "刘妈妈", "扣2"), actor="本机")
    session.receive(c("c2", "刘妈妈", "不要了"), actor="本机")
    assert led.remaining("pork") == 20
    session.undo_last("本机")
    live = [ln for ln in led.lines(buyer="刘妈妈") if ln.status == "reserved"]
    assert [(ln.sku, ln.qty) for ln in live] == [("pork", 2.0)]
    assert led.remaining("pork") == 18


def test_undo_modify_restores_quantity(session, led):
    session.current_sku = "strawberry"
    session.receive(c("c1", "陈大爷", "扣2"), actor="本机")
    session.receive(c("c2", "陈大爷", "改成4斤"), actor="本机")
    assert led.lines(buyer="陈大爷", status="reserved")[0].qty == 4
    session.undo_last("本机")
    assert led.lines(buyer="陈大爷", status="reserved")[0].qty == 2
    assert led.remaining("strawberry") == 48


def test_undo_question_leaves_queue(session):
    session.receive(c("q1", "王阿姨", "芒果甜不甜"), actor="本机")
    session.undo_last("本机")
    assert session.question_queue() == []


def test_undoing_a_confirmed_review_item_returns_it_to_review(session, led):
    """The issue's steps: 钱姐：扣5 over a limit of 4, set 4, 确认下单, 撤销上一步."""
    session.current_sku = "pork"  # limit 4 per buyer
    session.paste("钱姐：扣5", actor="小王")
    (line,) = led.review_queue()
    session.resolve_review(line.id, "pork", 4, actor="小王")
    assert led.lines(buyer="钱姐", status="reserved")[0].qty == 4
    session.undo_last("小王")
    (back,) = led.review_queue()
    assert back.id == line.id and led.remaining("pork") == 20 and led.lines(status="reserved") == []


def test_automatic_switches_and_other_people_are_never_my_last_action(session, led):
    session.current_sku = "rice"
    session.receive(c("c1", "甲", "扣1"), actor="小王")
    session.receive(c("c2", "乙", "扣2"), actor="小李")
    session.set_current("pork", "schedule")            # a replay's schedule switched the product
    session.receive(c("c3", "丙", "扣1"))              # a comment from a source
    assert "甲" in session.undo_last("小王")
    assert session.current_sku == "pork"               # the automatic switch stays
    assert [ln.status for ln in led.lines(buyer="乙")] == ["reserved"]
    assert [ln.status for ln in led.lines(buyer="丙")] == ["reserved"]


def test_a_comment_from_a_source_is_undone_by_its_row_in_the_feed(session, led):
    session.current_sku = "rice"
    out = session.receive(c("c1", "丙", "扣1"))
    item = session.feed_items()[0]
    with pytest.raises(LedgerError):
        session.undo_last("小王")
    assert "丙" in session.undo_item(item.seq) and out.status == "order"
    assert led.lines(buyer="丙")[0].status == "cancelled" and item.undone


def test_memory_stays_bounded_over_a_long_evening(session):
    from copilot.live.session import ACTIONS_SIZE, HISTORY_SIZE

    for n in range(2000):
        session.set_current("rice" if n % 2 else "pork", actor="本机")
    assert len(session.history) == HISTORY_SIZE and len(session._actions) == ACTIONS_SIZE


def test_replay_paces_by_ts_and_follows_schedule(session, led):
    comments = [c("r1", "甲", "晚上好", ts=0.0), c("r2", "乙", "扣1", ts=0.5), c("r3", "丙", "扣1", ts=1.0)]
    seen = []
    start = time.perf_counter()
    out = session.replay(comments, speed=2.0, on_item=seen.append, schedule=[(0.4, "rice"), (0.9, "pork")])
    elapsed = time.perf_counter() - start
    assert 0.45 <= elapsed < 2.0  # 1 s of stream at 2x
    assert [o.status for o in out] == ["other", "order", "order"] == [o.status for o in seen]
    assert [ln.sku for ln in led.lines()] == ["rice", "pork"]


def test_replay_stops_on_event(session):
    stop = threading.Event()
    comments = [c(f"r{i}", "甲", "晚上好", ts=float(i)) for i in range(10)]
    timer = threading.Timer(0.3, stop.set)
    timer.start()
    out = session.replay(comments, speed=1.0, stop_event=stop)
    assert 0 < len(out) < 10


def test_replay_sample_stream(session, led, shared_dir):
    base = shared_dir / "data" / "sample-stream"
    out = session.replay(base / "comments.jsonl", speed=0, schedule=schedule_from_truth(base / "truth.json"))
    assert len(out) == sum(1 for ln in (base / "comments.jsonl").read_text().splitlines() if ln.strip())
    by_sku = {r["sku"]: r for r in session.totals()}
    assert by_sku["strawberry"]["reserved"] >= 10
    assert by_sku["rice"]["reserved"] >= 6
    assert by_sku["pork"]["reserved"] >= 11
    assert sum(o.status == "question" for o in out) >= 8


def test_load_jsonl_and_csv(tmp_path, catalog):
    j = tmp_path / "a.jsonl"
    j.write_text('{"id": "1", "user": "甲", "text": "扣1", "ts": 3}\n\n{"id": "2", "text": "晚上好"}\n')
    assert [x.id for x in load_comment_file(j, catalog)] == ["1", "2"]
    s = tmp_path / "b.csv"
    s.write_text("id,user,text,ts,current_sku\n1,甲,扣1,3.5,rice\n2,乙,晚上好,,\n", encoding="utf-8-sig")
    got = load_comment_file(s, catalog)
    assert (got[0].ts, got[0].current_sku, got[1].ts, got[1].current_sku) == (3.5, "rice", None, None)


@pytest.mark.parametrize("name,content,match", [
    ("empty.jsonl", "", "空的"),
    ("bad.jsonl", '{"id": "1", "text": "扣1"}\nnot json\n', "第 2 行"),
    ("notext.jsonl", '{"id": "1"}\n', "缺少内容"),
    ("cols.csv", "user,note\n甲,扣1\n", "缺少评论内容列"),
    ("ts.csv", "id,text,ts\n1,扣1,abc\n", "看不懂"),
    ("nan.jsonl", '{"id": "1", "text": "扣1", "ts": NaN}\n', "不是有效的秒数"),
    ("obj.jsonl", '{"id": "1", "text": {"a": 1}}\n', "应为文字"),
    ("long.jsonl", '{"id": "1", "user": "%s", "text": "扣1"}\n' % ("王" * 300), "太长"),
    ("sku.csv", "id,text,current_sku\n1,扣1,durian\n", "不在商品清单"),
])
def test_bad_files_are_clear_errors(tmp_path, catalog, name, content, match):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=match):
        load_comment_file(p, catalog)


def test_binary_file_refused(tmp_path, catalog):
    p = tmp_path / "x.csv"
    p.write_bytes(b"\xff\xfe\x00\x81" * 10)
    with pytest.raises(InputError):
        load_comment_file(p, catalog)


def test_paste_names_and_stable_ids(session, led):
    session.current_sku = "rice"
    out = session.paste("王阿姨：扣1\n李姐:2袋\n晚上好", user="主播助理")
    assert [o.status for o in out] == ["order", "order", "other"]
    assert {ln.buyer for ln in led.lines()} == {"王阿姨", "李姐"}
    again = session.paste("王阿姨：扣1\n李姐:2袋\n晚上好")
    assert [o.status for o in again][:2] == ["duplicate", "duplicate"]
    with pytest.raises(InputError):
        session.paste("  \n ")


def test_follow_transcript(session):
    assert session.follow_transcript("大家晚上好，欢迎来到直播间") is None
    assert session.follow_transcript("第二个，二号链接，五常稻花香大米。") == "rice"
    assert session.current_sku == "rice"
    # a passing mention does not switch
    assert session.follow_transcript("煮饭配上五花肉也好吃") is None
    assert session.current_sku == "rice"
    # named in two segments in a row: switches
    session.follow_transcript("五花肉肥瘦相间")
    assert session.current_sku == "pork"
    assert session.history[-1].source == "transcript"


def test_concurrent_receivers(session, led):
    session.current_sku = "eggs"
    errors = []

    def worker(k):
        try:
            for i in range(10):
                session.receive(c(f"t{k}-{i}", f"买家{k}", "扣1"))
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(led.lines()) == 50
    assert len(session.feed) == 50


def test_llm_parser_used_for_undecided(settings, catalog, led, fake_llm):
    fake_llm.enqueue(json.dumps({"kind": "order", "items": [{"sku": "tofu", "qty": 2}], "confident": True}))
    session = LiveSession(settings, catalog, led, llm=fake_llm)
    out = session.receive(c("x1", "赵姐", "豆腐整两块"))
    assert len(fake_llm.history) == 1
    assert out.status == "order"
    assert [(ln.sku, ln.qty) for ln in led.lines(buyer="赵姐")] == [("tofu", 2.0)]


@pytest.mark.slow
def test_follow_live_transcript_of_sample_stream(session, settings, shared_dir):
    """The real bundled Whisper model on the sample recording steers the current product."""
    from copilot.live.follow import follow_live

    stop = threading.Event()
    seen = []
    follow_live(session, str(shared_dir / "data" / "sample-stream" / "sample-stream.mp4"), settings, stop,
                on_segment=seen.append)
    switches = [h.new for h in session.history if h.source == "transcript"]
    assert len(seen) >= 10
    assert switches == ["strawberry", "rice", "pork"]  # no flip-flops on passing mentions


def test_restore_feed_after_restart(settings, catalog, led):
    first = LiveSession(settings, catalog, led)
    first.current_sku = "rice"
    first.receive(c("a", "甲", "扣1"))
    first.receive(c("b", "乙", "晚上好"))
    first.receive(c("q", "丙", "大米是新米吗"))
    again = LiveSession(settings, catalog, Ledger.open(settings, catalog, "2026-11-22"))
    assert again.restore() == 3
    assert [(i.comment.id, i.status) for i in again.feed_items()][::-1] == [
        ("a", "order"), ("b", "other"), ("q", "question")]
    assert "预留" in again.feed_items()[-1].message
    with pytest.raises(LedgerError):
        again.undo_last()  # restored items are shown, not undoable


def test_question_sent_twice_is_duplicate(session):
    session.receive(c("q1", "王阿姨", "芒果甜不甜"))
    assert session.receive(c("q1", "王阿姨", "芒果甜不甜")).status == "duplicate"
    assert session.question_queue()[0].users == ["王阿姨"]


def test_the_queue_says_why_a_reply_was_chosen(settings, catalog, led, fake_embedder):
    from copilot.knowledge.kb import KnowledgeBase
    from copilot.ui.live import question_rows

    kb = KnowledgeBase.open(settings, catalog, embedder=fake_embedder, stock=led.remaining)
    kb.ingest()
    s = LiveSession(settings, catalog, led, kb=kb)
    s.receive(c("q1", "小李", "鲜牛奶能放几天", sku="milk"))
    (q,) = s.question_queue()
    assert q.answered and q.why and "7" in q.reply
    assert q.why in question_rows(s)[0][5]


def test_a_session_reads_the_typo_word_list_in_the_background(session):
    """The first typo of the evening does not wait for jieba's nouns: the session started reading them."""
    from copilot.orders import lexicon

    for t in threading.enumerate():
        if t.name == "lexicon-warm":
            t.join(timeout=30)
    assert lexicon.loaded() and lexicon.is_thing("花圈") and not lexicon.is_thing("肋拍")
