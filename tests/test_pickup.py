"""The pickup desk (取货台): pickup numbers per 场次, contact details read from comments, finding a buyer,
the whole order handed over with one undoable action, who has not collected, the texts to send and the
取货单 with the real day and window. On SQLite and (in CI) PostgreSQL."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime, time

import pytest
import yaml
from counter_data import generated_pairs
from openpyxl import load_workbook
from sqlalchemy import func, select
from typer.testing import CliRunner

from copilot.base.catalog import Catalog
from copilot.base.comments import Comment
from copilot.base.db import reading
from copilot.base.errors import CatalogError, LedgerError
from copilot.base.products import Store
from copilot.base.settings import BUNDLED_KNOWLEDGE
from copilot.cli import app
from copilot.orders.buyers import find_address, find_phone_tail, set_contact, stream_buyers
from copilot.orders.counter import pickup_numbers
from copilot.orders.exports import export_ledger
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.ledger import Ledger
from copilot.orders.pickup import PickupDesk, PickupSchedule, due_stream, stream_date
from copilot.orders.schema import ALLOCATED, PAID, PICKED_UP, RESERVED, WAITLIST, order_lines

STREAM = "2026-11-22"
runner = CliRunner()


def order(ledger, cid, user, sku, qty=1, *, uid=None, text=None):
    return ledger.apply(Comment(cid, user, text or f"{sku}{qty}", user_id=uid), Intent(Kind.ORDER, (Item(sku, qty),)))


def chat(ledger, cid, user, text, *, uid=None):
    return ledger.apply(Comment(cid, user, text, user_id=uid), Intent(Kind.OTHER))


def by_name(desk, name):
    (b,) = [b for b in desk.buyers() if b.buyer == name]
    return b


# -- store settings -------------------------------------------------------------------------------

def test_store_pickup_settings_are_validated_and_normalised():
    s = Store(pickup_window="9:30 - 12:00", order_cutoff=1320, pickup_days=0)  # YAML reads 22:00 as 1320
    assert (s.pickup_window, s.order_cutoff, s.pickup_days) == ("09:30-12:00", "22:00", 0)
    assert s.pickup_hours() == (time(9, 30), time(12, 0)) and s.cutoff_time() == time(22, 0)
    assert Store(pickup="直播下单后次日 15:00-20:00 到店自提").pickup_hours() == (time(15), time(20))
    assert Store(pickup="到店自提").pickup_hours() is None
    for bad in ({"pickup_window": "20:00-15:00"}, {"pickup_window": "下午"}, {"order_cutoff": "25:00"},
                {"pickup_days": 30}):
        with pytest.raises(ValueError):
            Store(**bad)


def test_a_bad_pickup_window_in_products_yaml_is_a_chinese_error():
    data = yaml.safe_load((BUNDLED_KNOWLEDGE / "products.yaml").read_text(encoding="utf-8"))
    data["store"]["pickup_window"] = "晚上"
    with pytest.raises(CatalogError, match="pickup_window.*15:00-20:00"):
        Catalog.from_dict(data)


def test_the_demo_store_has_a_window_and_suppliers(catalog):
    assert catalog.store.pickup_window == "15:00-20:00" and catalog.store.pickup_days == 1
    assert catalog.store.order_cutoff == "22:00"
    assert all(p.supplier for p in catalog.products)
    assert catalog.get("chicken").supplier == catalog.get("eggs").supplier  # one farmer, two products


def test_the_schedule_is_the_real_day_and_window(catalog):
    sched = PickupSchedule.of(catalog.store, "2026-11-22", [])
    assert sched.day == date(2026, 11, 23) and sched.text() == "11月23日（周一）15:00-20:00"
    assert sched.deadline.replace(tzinfo=None) == datetime(2026, 11, 23, 20, 0)
    assert sched.overdue(datetime(2026, 11, 23, 20, 1).astimezone())
    assert not sched.overdue(datetime(2026, 11, 23, 19, 59).astimezone())
    same_day = PickupSchedule.of(Store(pickup_days=0), "2026-11-22-晚场", [])
    assert same_day.text() == "11月22日（周日）" and same_day.start is None  # no window: the day only
    assert stream_date("彩排") == datetime.now().astimezone().date()


def test_the_counter_opens_the_stream_whose_buyers_collect_today(ledger_url, catalog):
    for name in ("2026-11-20", "2026-11-21", "彩排-2026-11-21", "2026-11-22"):
        Ledger(ledger_url, catalog, name)
    engine = Ledger(ledger_url, catalog, "2026-11-22").engine
    assert due_stream(engine, catalog.store, date(2026, 11, 22)) == "2026-11-21"  # pickup_days: 1
    assert due_stream(engine, catalog.store, date(2026, 11, 23)) == "2026-11-22"
    assert due_stream(engine, catalog.store, date(2026, 12, 1)) is None
    assert due_stream(engine, Store(pickup_days=0), date(2026, 11, 22)) == "2026-11-22"


# -- contact details ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, phone, place", [
    ("草莓2斤 尾号6789", "6789", ""),
    ("我手机尾号是 6789", "6789", ""),
    ("电话139 1234 5678 送到3栋502", "5678", "3栋502"),
    ("扣1 3号楼2单元502室", "", "3栋2单元502"),
    ("阳光小区5幢301", "", "阳光小区5栋301"),
    ("送到阳光小区5栋301", "", "阳光小区5栋301"),
    ("扣1 我住幸福里2-101", "", "幸福里2栋101"),
    ("A座1203 后四位0012", "0012", "A座1203"),
    ("3-2-502", "", "3栋2单元502"),
    ("７栋８０２", "", "7栋802"),
    ("要2-3斤", "", ""),
    ("11-22 来拿", "", ""),
    ("139-1234-5678", "5678", ""),
    ("扣1", "", ""),
])
def test_phone_tail_and_address_from_text(text, phone, place):
    assert find_phone_tail(text) == phone and find_address(text) == place


def test_contact_comes_from_any_comment_and_a_typed_value_stays(ledger):
    order(ledger, "c1", "王阿姨", "strawberry", 2)
    chat(ledger, "c2", "王阿姨", "我尾号6789，住3栋502")  # not an order: still read
    order(ledger, "c3", "李叔", "rice", 1, text="大米1袋 尾号1111")
    desk = PickupDesk(ledger)
    wang = by_name(desk, "王阿姨")
    assert (wang.phone_tail, wang.address) == ("6789", "3栋502")
    assert by_name(desk, "李叔").phone_tail == "1111"
    chat(ledger, "c4", "王阿姨", "换个号，尾号2222")  # a newer mention wins
    assert by_name(desk, "王阿姨").phone_tail == "2222"
    set_contact(ledger, by_name(desk, "王阿姨"), phone_tail="3333", address="5-601")
    chat(ledger, "c5", "王阿姨", "尾号4444 7栋101")  # typed in at the counter: stays
    wang = by_name(desk, "王阿姨")
    assert (wang.phone_tail, wang.address) == ("3333", "5栋601")
    with pytest.raises(Exception, match="手机尾号"):
        set_contact(ledger, wang, phone_tail="12a4")


# -- pickup numbers -----------------------------------------------------------------------------------

def test_pickup_numbers_follow_the_first_order_and_never_change(ledger):
    order(ledger, "c1", "王阿姨", "strawberry")
    ledger.apply(Comment("c2", "小周", "??"), Intent(Kind.ORDER, (), needs_review=True, reason="商品不明"))
    ledger.set_stock("bass", 0)
    order(ledger, "c3", "赵", "bass")  # waitlisted: still gets a number (may be promoted)
    order(ledger, "c4", "李叔", "rice")
    desk = PickupDesk(ledger)
    assert [(b.pickup_no, b.buyer) for b in desk.buyers()] == [(1, "王阿姨"), (2, "赵"), (3, "李叔")]
    ledger.apply(Comment("c5", "王阿姨", "不要了"), Intent(Kind.CANCEL, (Item("strawberry"),)))
    order(ledger, "c6", "张三", "pork")
    ledger.resolve_review(ledger.review_queue()[0].id, "tofu", 1)  # 小周's line (c2) is now an order
    numbers = {b.buyer: b.pickup_no for b in desk.buyers()}
    # new numbers in the order of each buyer's first line; 王阿姨 cancelled: her 1 is not given again
    assert numbers == {"赵": 2, "李叔": 3, "小周": 4, "张三": 5}


def test_two_viewers_with_one_nickname_are_two_buyers_with_two_numbers(ledger):
    order(ledger, "c1", "王阿姨", "strawberry", uid="o1", text="草莓1斤 尾号1111")
    order(ledger, "c2", "王阿姨", "rice", uid="o2", text="大米1袋 尾号2222")
    desk = PickupDesk(ledger)
    found = desk.find("王阿姨")
    assert [(b.pickup_no, b.phone_tail) for b in found] == [(1, "1111"), (2, "2222")]
    with pytest.raises(LedgerError, match="2 位买家"):
        desk.resolve("王阿姨")
    assert desk.resolve("2222").key == "id:o2"


def test_numbers_are_per_stream(ledger_url, catalog):
    a = Ledger(ledger_url, catalog, "2026-11-22")
    b = Ledger(ledger_url, catalog, "2026-11-23")
    order(a, "x1", "王阿姨", "strawberry")
    order(a, "x2", "李叔", "rice")
    order(b, "x1", "李叔", "rice")
    assert {x.buyer: x.pickup_no for x in stream_buyers(a)} == {"王阿姨": 1, "李叔": 2}
    assert {x.buyer: x.pickup_no for x in stream_buyers(b)} == {"李叔": 1}


# -- finding and handing over ------------------------------------------------------------------------

@pytest.fixture
def counter(ledger):
    order(ledger, "c1", "王阿姨", "strawberry", 2, text="草莓2斤 尾号6789 3栋502")
    order(ledger, "c2", "王阿姨", "rice", 1)
    order(ledger, "c3", "李叔", "pork", 1, text="五花肉1斤 送到3号楼2单元502")
    order(ledger, "c4", "小雨2", "eggs", 1, text="鸡蛋1盒 尾号1234")
    ledger.mark_paid([ln.id for ln in ledger.lines(buyer="李叔")])
    return PickupDesk(ledger)


@pytest.mark.parametrize("query, names", [
    ("1", ["王阿姨"]), ("2号", ["李叔"]), ("#3", ["小雨2"]), ("6789", ["王阿姨"]), ("1234", ["小雨2"]),
    ("王阿", ["王阿姨"]), ("小雨", ["小雨2"]), ("3-502", ["王阿姨", "李叔"]), ("3栋2单元502", ["王阿姨", "李叔"]),
    ("4栋502", []), ("502", ["王阿姨", "李叔"]), ("", ["王阿姨", "李叔", "小雨2"]), ("9999", []),
])
def test_find_by_number_phone_name_or_room(counter, query, names):
    assert [b.buyer for b in counter.find(query)] == names


def test_done_hands_over_the_whole_order_and_undo_gives_it_back(counter, ledger):
    wang = counter.resolve("6789")
    res = counter.done(wang.key, actor="小王")
    assert "现场收款 98.8 元" in res.message and "1号 王阿姨" in res.message
    assert {ln.status for ln in ledger.lines(buyer="王阿姨")} == {PICKED_UP}
    assert {ln.status for ln in ledger.lines(buyer="李叔")} == {PAID}  # nobody else touched
    assert [b.buyer for b in counter.pending()] == ["李叔", "小雨2"]
    assert by_name(counter, "王阿姨").status == "已取货"
    with pytest.raises(LedgerError, match="没有待取的货"):
        counter.done(wang.key, actor="小王")
    li = counter.done(counter.resolve("2").key, actor="小李")
    assert "现场收款" not in li.message  # paid already: nothing to collect
    assert "已撤销：取货：1号 王阿姨" in counter.undo(res.action_id)  # exactly that pickup
    assert {ln.status for ln in ledger.lines(buyer="王阿姨")} == {RESERVED}
    assert {ln.status for ln in ledger.lines(buyer="李叔")} == {PICKED_UP}
    assert "李叔" in counter.undo(actor="小李")  # that person's last action
    assert {ln.status for ln in ledger.lines(buyer="李叔")} == {PAID}


def test_a_buyer_only_waitlisted_has_nothing_to_hand_over(ledger):
    ledger.set_stock("bass", 0)
    order(ledger, "c1", "赵", "bass")
    desk = PickupDesk(ledger)
    (zhao,) = desk.buyers()
    assert zhao.status == "候补中" and desk.pending() == []
    with pytest.raises(LedgerError, match="没有待取的货"):
        desk.done(zhao.key)


def test_texts_to_send(counter, ledger):
    buyers = counter.buyers()
    schedule = counter.schedule(buyers)
    wang = by_name(counter, "王阿姨")
    text = counter.confirmation_text(wang, schedule)
    assert "取货号 1" in text and "11月23日（周一）15:00-20:00" in text and "尾号 6789" in text
    assert "草莓2斤" in text and "合计 98.8 元（待付 98.8 元）" in text and "和平路 18 号巷口" in text
    before = datetime(2026, 11, 23, 16, 0).astimezone()
    reminder = counter.reminder_text(counter.pending(buyers), schedule, now=before)
    assert "1号 @王阿姨、2号 @李叔、3号 @小雨2" in reminder and "20:00 前" in reminder
    late = counter.reminder_text(counter.pending(buyers), schedule, now=datetime(2026, 11, 24, 9).astimezone())
    assert "已经过了取货时间" in late and "8:00-21:00" in late
    notice = counter.group_notice(buyers, schedule)
    assert notice.splitlines()[1] == "1号 王阿姨：草莓2斤、大米1袋，98.8元"
    assert "2号 李叔：五花肉1斤，29.8元（已付）" in notice


def test_the_pickup_slip_has_the_number_and_the_real_day(ledger, tmp_path):
    order(ledger, "c1", "王阿姨", "strawberry", 1)
    order(ledger, "c2", "李叔", "rice", 1, text="大米 尾号8888 3-502")
    (path,) = export_ledger(ledger, tmp_path, "xlsx")
    ws = load_workbook(path)["取货单"]
    body = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] != "合计"]
    assert [r[:4] for r in body] == [(1, "王阿姨", None, None), (1, "王阿姨", None, None),
                                     (2, "李叔", "8888", "3栋502"), (2, "李叔", "8888", "3栋502")]
    assert {r[9] for r in body} == {"11月23日（周一）15:00-20:00"}


def test_pickup_slip_cells_are_neutralised(ledger, tmp_path):
    order(ledger, "c1", "=HYPERLINK(\"http://x\",\"点我\")", "strawberry", 1)
    order(ledger, "c2", "小\x01周", "rice", 1, text="大米 尾号8888")
    order(ledger, "c3", "@SUM(A1)", "pork", 1)
    (path,) = export_ledger(ledger, tmp_path, "xlsx")
    names = [r[1] for r in load_workbook(path)["取货单"].iter_rows(min_row=2, values_only=True)]
    assert names[0].startswith("'=HYPERLINK") and "小周" in names and "'@SUM(A1)" in names
    csv_slips = export_ledger(ledger, tmp_path, "csv")[2].read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in csv_slips and "\x01" not in csv_slips


# -- the command line -------------------------------------------------------------------------------

@pytest.fixture
def env(ledger_url, data_dir):
    return {"COPILOT_DATABASE_URL": ledger_url, "COPILOT_HOME": str(data_dir), "COPILOT_STREAM": STREAM}


def _run(args, env):
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def test_cli_find_done_pending_undo(counter, env):
    found = json.loads(_run(["pickup", "find", "6789", "--json"], env))
    (wang,) = found["buyers"]
    assert {"pickup_no", "buyer", "lines", "status"} <= set(wang)
    assert (wang["pickup_no"], wang["buyer"], wang["status"], len(wang["lines"])) == (1, "王阿姨", "待取货", 2)
    assert found["schedule"]["text"] == "11月23日（周一）15:00-20:00"
    done = json.loads(_run(["pickup", "done", "1", "--json"], env))
    assert done["status"] == "已取货" and {ln["status"] for ln in done["lines"]} == {"picked_up"}
    pending = json.loads(_run(["pickup", "pending", "--json"], env))
    assert [b["buyer"] for b in pending["buyers"]] == ["李叔", "小雨2"] and "2号 @李叔" in pending["reminder"]
    assert "已撤销" in _run(["pickup", "undo"], env)
    assert "1号\t王阿姨" in _run(["pickup", "find", "王阿姨"], env)
    assert "取货号 3" in _run(["pickup", "notice", "小雨2"], env)


def test_cli_done_refuses_an_unclear_buyer(counter, env, ledger):
    result = runner.invoke(app, ["pickup", "done", "nobody"], env=env)
    assert result.exit_code != 0 and "没有找到买家「nobody」" in str(result.exception)
    result = runner.invoke(app, ["pickup", "done", "3栋502"], env=env)  # two buyers live there
    assert result.exit_code != 0 and "2 位买家" in str(result.exception)
    assert {ln.status for ln in ledger.lines()} == {RESERVED, PAID}  # nothing handed over


# -- a generated 场次 --------------------------------------------------------------------------------

def _big_catalog():
    data = yaml.safe_load((BUNDLED_KNOWLEDGE / "products.yaml").read_text(encoding="utf-8"))
    for p in data["products"]:
        p["stock"] = p["stock"] * 25
        p.pop("notes", None)
    return Catalog.from_dict(data)


def test_a_generated_stream_of_300_buyers_and_5000_orders(ledger_url):
    catalog = _big_catalog()
    ledger = Ledger(ledger_url, catalog, STREAM)
    pairs, _ = generated_pairs(catalog, buyers=300, orders=5000)
    ledger.ingest(pairs)
    lines = ledger.lines()
    ledger.mark_paid([ln.id for ln in lines if ln.status == RESERVED and ln.id % 3 == 0])
    ledger.mark_picked_up([ln.id for ln in lines if ln.status == RESERVED and ln.id % 7 == 0])
    desk = PickupDesk(ledger)
    buyers = desk.buyers()
    numbers = [b.pickup_no for b in buyers]
    assert sorted(numbers) == list(range(1, len(buyers) + 1))  # unique and dense
    with reading(ledger.engine) as conn:  # one number per buyer key, and the table agrees
        stored = conn.execute(select(func.count()).select_from(pickup_numbers)
                              .where(pickup_numbers.c.stream == STREAM)).scalar()
        total = conn.execute(select(func.sum(order_lines.c.qty * order_lines.c.unit_price))
                             .where(order_lines.c.stream == STREAM, order_lines.c.status.in_(ALLOCATED))).scalar()
    assert stored == len(buyers) == len({ln.buyer_key for ln in ledger.lines(status=(*ALLOCATED, WAITLIST))})
    lines = ledger.lines()
    assert round(sum(b.amount for b in buyers), 2) == round(sum(ln.amount for ln in lines if ln.status in ALLOCATED), 2)
    assert abs(sum(b.amount for b in buyers) - float(total)) < 0.01 * len(buyers)  # rounding per line only
    per_key = defaultdict(list)
    for ln in lines:
        per_key[ln.buyer_key].append(ln)
    for b in buyers:  # per buyer, to the cent
        own = per_key[b.key]
        assert b.due == round(sum(ln.amount for ln in own if ln.status == RESERVED), 2)
        assert b.paid == round(sum(ln.amount for ln in own if ln.status in (PAID, PICKED_UP)), 2)
        assert b.amount == round(b.due + b.paid, 2)
    with_phone = [b for b in buyers if b.phone_tail]
    assert with_phone and all(b.phone_tail == str(1000 + int(b.key.split("-u")[1])) for b in with_phone)
    assert desk.find(with_phone[0].phone_tail)[0].key == with_phone[0].key
    pairs2, _ = generated_pairs(catalog, buyers=300, orders=200, seed=99, prefix="h")
    ledger.ingest(pairs2)  # later orders: the numbers already given stay, new buyers get new ones
    again = {b.key: b.pickup_no for b in desk.buyers()}
    assert all(again[b.key] == b.pickup_no for b in buyers)
    assert sorted(again.values()) == list(range(1, len(again) + 1))


def test_cli_opens_yesterdays_stream_the_day_after(ledger_url, data_dir, catalog):
    from datetime import timedelta

    yesterday = (datetime.now().astimezone().date() - timedelta(days=1)).isoformat()
    order(Ledger(ledger_url, catalog, yesterday), "y1", "王阿姨", "strawberry", 1)
    env = {"COPILOT_DATABASE_URL": ledger_url, "COPILOT_HOME": str(data_dir)}
    out = json.loads(_run(["pickup", "find", "王阿姨", "--json"], env))
    assert out["stream"] == yesterday and [b["pickup_no"] for b in out["buyers"]] == [1]


def test_emptying_a_rehearsal_starts_its_pickup_numbers_again(ledger_url, catalog):
    from copilot.orders.ledger import rehearsal_stream

    tonight, rehearsal = Ledger(ledger_url, catalog, STREAM), Ledger(ledger_url, catalog, rehearsal_stream())
    order(tonight, "t1", "王阿姨", "rice")
    for i in range(3):
        order(rehearsal, f"r{i}", f"排练{i}", "rice")
    assert [b.pickup_no for b in stream_buyers(rehearsal)] == [1, 2, 3]
    rehearsal.clear_rehearsal()
    order(rehearsal, "r9", "排练2", "rice")
    assert [(b.buyer, b.pickup_no) for b in stream_buyers(rehearsal)] == [("排练2", 1)]
    assert [b.pickup_no for b in stream_buyers(tonight)] == [1]  # tonight's numbers untouched
