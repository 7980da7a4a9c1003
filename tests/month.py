"""A generated month of streams in a real ledger, for the 复盘 and buyers tests and the benchmark.

``make_month(url, catalog)`` books, through the ledger itself, ``streams`` evenings of comments from a
pool of buyers (viewer ids, some sharing a nickname): orders that sell products out and waitlist,
cancels, chatter, product switches and questions in the live room's event log, and later payments
and pickups. Each evening happens on its own day (the ledger's clock is moved), so tiers and repeat
buyers have real dates. Seeded: the same arguments give the same month.
"""

from __future__ import annotations

import random
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from unittest import mock

from copilot.base.comments import Comment
from copilot.live.events import ANSWERED, QUESTION, SWITCH, EventLog
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.ledger import Ledger

START = datetime(2026, 10, 1, 11, 0, tzinfo=timezone.utc)  # 19:00 in China
CHATTER = ["主播好", "来了来了", "哈哈哈", "支持", "晚上好", "好看"]


@contextmanager
def ledger_clock(now: list[datetime]):
    """The ledger stamps rows with ``now[0]`` instead of the wall clock."""
    with mock.patch("copilot.orders.book.utcnow", lambda: now[0]), \
            mock.patch("copilot.orders.ledger.utcnow", lambda: now[0]):
        yield


def make_month(url: str, catalog, *, streams: int = 20, buyers: int = 300, orders: int = 5000,
               seed: int = 7, minutes: int = 60, days_apart: float = 1.5) -> list[str]:
    """Book the month; returns the stream names, oldest first."""
    rnd = random.Random(seed)
    people = [(f"u{i}", f"邻居{i % (buyers - 20) + 1}") for i in range(buyers)]  # some nicknames shared
    names = []
    for s in range(streams):
        day = START + timedelta(days=s * days_apart)
        stream = day.date().isoformat()
        names.append(stream)
        n = orders // streams + (1 if s < orders % streams else 0)
        evening(url, catalog, stream, day, rnd, people, n, minutes)
    return names


def evening(url, catalog, stream, day, rnd, people, n_orders, minutes) -> Ledger:
    ledger = Ledger(url, catalog, stream)
    log = EventLog(ledger.engine, stream)
    skus = [p.sku for p in catalog.products]
    shown = rnd.sample(skus, k=min(8, len(skus)))
    slot = minutes * 60 / len(shown)
    for i, sku in enumerate(shown):
        log.record(SWITCH, sku, round(i * slot, 1), source="assistant")
    regulars = people[: len(people) // 3]
    pairs = []
    for k in range(n_orders):
        ts = round(rnd.uniform(0, minutes * 60 - 1), 1)
        current = shown[min(len(shown) - 1, int(ts // slot))]
        uid, name = rnd.choice(regulars if rnd.random() < 0.6 else people)
        sku = current if rnd.random() < 0.85 else rnd.choice(skus)
        qty = float(rnd.choice([1, 1, 1, 2, 2, 3]))
        pairs.append((Comment(f"{stream}-o{k}", name, "扣", ts=ts, current_sku=current, user_id=uid),
                      Intent(Kind.ORDER, (Item(sku, qty),))))
        if rnd.random() < 0.04:
            pairs.append((Comment(f"{stream}-x{k}", name, "不要了", ts=ts + 30, current_sku=current, user_id=uid),
                          Intent(Kind.CANCEL, (Item(sku),))))
        if rnd.random() < 0.5:
            pairs.append((Comment(f"{stream}-c{k}", name, rnd.choice(CHATTER), ts=round(rnd.uniform(0, minutes * 60), 1),
                                  current_sku=current, user_id=uid), Intent(Kind.OTHER)))
    pairs.sort(key=lambda p: p[0].ts)
    now = [day]
    with ledger_clock(now):
        for start in range(0, len(pairs), 200):
            batch = pairs[start:start + 200]
            now[0] = day + timedelta(seconds=batch[-1][0].ts)
            ledger.ingest(batch, batch_size=200)
        _questions(log, rnd, shown, slot)
        now[0] = day + timedelta(hours=20)
        allocated = [ln.id for ln in ledger.lines(status="reserved")]
        paid = [i for i in allocated if rnd.random() < 0.7]
        ledger.mark_paid(paid)
        ledger.mark_picked_up([i for i in paid if rnd.random() < 0.8])
    return ledger


def _questions(log: EventLog, rnd, shown, slot) -> None:
    texts = ["甜不甜", "能放几天", "哪里产的", "怎么做好吃", "有没有农残检测", "可以送到楼下吗"]
    gid = 0
    for i, sku in enumerate(shown):
        for t in rnd.sample(texts, k=3):
            gid += 1
            answered = rnd.random() < 0.6
            for _ in range(rnd.randint(1, 3)):
                log.record(QUESTION, sku, round(i * slot + rnd.uniform(0, slot), 1), group=gid, text=t,
                           user="邻居", answered=answered, reason="" if answered else "not_in_kb", repeat=False)
            if not answered and rnd.random() < 0.5:
                log.record(ANSWERED, sku, round((i + 1) * slot, 1), group=gid, text=t)
