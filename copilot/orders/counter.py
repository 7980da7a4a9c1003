"""The store counter's own tables, a migration track (``counter``) beside the ledger's: pickup numbers
per 场次, buyer profiles (手机尾号, building and room) and the stock on hand counted for a purchase list.

Pickup numbers are handed out lazily, the first time anything asks for them (the pickup desk, the
取货单, a confirmation text): every buyer of the 场次 with an order that holds or waits for stock and
no number yet gets the next one, in the order of their first such line. A number, once given, never
changes, so the one printed last night is the one said at the counter; ``UNIQUE(stream, number)``
keeps two buyers from sharing one. The numbers are written inside the stream's write transaction
(``Ledger.tx``), serialized with its other writers.

A profile belongs to the buyer (the ledger's buyer key), not to one 场次. Values taken from comments
(``auto``) never overwrite what a person typed in (``manual``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    UniqueConstraint,
    func,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from copilot.base.db import migrate, reading, utcnow, writing
from copilot.orders.schema import ALLOCATED, WAITLIST, order_lines

TRACK = "counter"
NUMBERED = (*ALLOCATED, WAITLIST)  # a buyer with one of these lines gets a pickup number
meta = MetaData()
pickup_numbers = Table(
    "pickup_numbers", meta,
    Column("stream", String(64), primary_key=True),
    Column("buyer_key", String(256), primary_key=True),
    Column("number", Integer, nullable=False),
    Column("assigned_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("stream", "number", name="uq_pickup_numbers_stream_number"),
)
buyer_profiles = Table(
    "buyer_profiles", meta,
    Column("buyer_key", String(256), primary_key=True),
    Column("buyer", String(200), nullable=False, default=""),  # the nickname last seen
    Column("phone_tail", String(8), nullable=False, default=""),
    Column("address", String(200), nullable=False, default=""),  # building and room: 3栋2单元502
    Column("phone_manual", Boolean, nullable=False, default=False),
    Column("address_manual", Boolean, nullable=False, default=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
on_hand = Table(
    "on_hand", meta,
    Column("stream", String(64), primary_key=True),
    Column("sku", String(64), primary_key=True),
    Column("qty", Numeric(12, 3, asdecimal=False), nullable=False),
    Column("actor", String(64)),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
MIGRATIONS = [(1, "pickup numbers, buyer profiles, stock on hand", lambda conn: meta.create_all(conn))]
_ready: set[str] = set()
_ready_lock = threading.Lock()


def ensure_tables(engine) -> None:
    """The counter's tables exist (migrated once per process and database)."""
    url = str(engine.url)
    if url in _ready:
        return
    with _ready_lock:
        if url not in _ready:
            migrate(engine, TRACK, MIGRATIONS)
            _ready.add(url)


# -- pickup numbers ------------------------------------------------------------------------------

def pickup_numbers_of(ledger) -> dict[str, int]:
    """buyer key -> pickup number for ``ledger.stream``; buyers without one get the next numbers."""
    ensure_tables(ledger.engine)
    stream = ledger.stream
    firsts = (select(order_lines.c.buyer_key, func.min(order_lines.c.id))
              .where(order_lines.c.stream == stream, order_lines.c.status.in_(NUMBERED))
              .group_by(order_lines.c.buyer_key))
    with reading(ledger.engine) as conn:
        have = _numbers(conn, stream)
        missing = sorted((first, key) for key, first in conn.execute(firsts) if key not in have)
    if not missing:
        return have
    with ledger.tx() as tx:  # serialized with the stream's writers: the re-read below is authoritative
        have = _numbers(tx.conn, stream)
        nxt = max(have.values(), default=0) + 1
        rows = []
        for _, key in missing:
            if key not in have:
                have[key] = nxt
                rows.append({"stream": stream, "buyer_key": key, "number": nxt, "assigned_at": utcnow()})
                nxt += 1
        if rows:
            tx.conn.execute(pickup_numbers.insert(), rows)
    return have


def _numbers(conn, stream: str) -> dict[str, int]:
    rows = conn.execute(select(pickup_numbers.c.buyer_key, pickup_numbers.c.number)
                        .where(pickup_numbers.c.stream == stream))
    return {key: int(n) for key, n in rows}


# -- buyer profiles --------------------------------------------------------------------------------

@dataclass
class Profile:
    buyer_key: str
    buyer: str = ""
    phone_tail: str = ""
    address: str = ""
    phone_manual: bool = False
    address_manual: bool = False


def load_profiles(engine, keys=None) -> dict[str, Profile]:
    """Profiles by buyer key: all of them, or those of ``keys``."""
    ensure_tables(engine)
    wanted = None if keys is None else set(keys)
    q = select(buyer_profiles)
    if wanted is not None and len(wanted) <= 900:  # else read all and filter (bound-parameter limits)
        q = q.where(buyer_profiles.c.buyer_key.in_(sorted(wanted)))
    with reading(engine) as conn:
        rows = conn.execute(q).all()
    return {r.buyer_key: Profile(r.buyer_key, r.buyer, r.phone_tail, r.address, bool(r.phone_manual),
                                 bool(r.address_manual))
            for r in rows if wanted is None or r.buyer_key in wanted}


def save_found(engine, found: dict[str, Profile]) -> int:
    """Store what was read from comments (``auto``): new buyers are added, changed values replace
    older automatic ones, fields a person typed in stay. Returns how many profiles changed."""
    if not found:
        return 0
    for attempt in (1, 2):  # a second writer may insert the same new buyer first: read again, once
        try:
            return _save_found(engine, found)
        except IntegrityError:
            if attempt == 2:
                raise
    return 0


def _save_found(engine, found: dict[str, Profile]) -> int:
    have = load_profiles(engine, found)
    inserts, changed = [], 0
    with writing(engine) as conn:
        for key, new in found.items():
            old = have.get(key)
            if old is None:
                inserts.append({"buyer_key": key, "buyer": new.buyer[:200], "phone_tail": new.phone_tail,
                                "address": new.address[:200], "phone_manual": False, "address_manual": False,
                                "updated_at": utcnow()})
                continue
            values = {}
            if new.buyer and new.buyer != old.buyer:
                values["buyer"] = new.buyer[:200]
            if new.phone_tail and new.phone_tail != old.phone_tail and not old.phone_manual:
                values["phone_tail"] = new.phone_tail
            if new.address and new.address != old.address and not old.address_manual:
                values["address"] = new.address[:200]
            if values:
                conn.execute(update(buyer_profiles).where(buyer_profiles.c.buyer_key == key)
                             .values(**values, updated_at=utcnow()))
                changed += 1
        if inserts:
            conn.execute(buyer_profiles.insert(), inserts)
    return changed + len(inserts)


def set_profile(engine, key: str, buyer: str, *, phone_tail: str | None = None,
                address: str | None = None) -> Profile:
    """A person sets the 手机尾号 and/or address of a buyer (``None`` leaves a field as it is; ``""``
    clears it and lets comments fill it again)."""
    ensure_tables(engine)
    values: dict = {}
    if phone_tail is not None:
        values.update(phone_tail=phone_tail, phone_manual=bool(phone_tail))
    if address is not None:
        values.update(address=address[:200], address_manual=bool(address))
    with writing(engine) as conn:
        exists = conn.execute(select(buyer_profiles.c.buyer_key).where(buyer_profiles.c.buyer_key == key)).first()
        if exists:
            if values:
                conn.execute(update(buyer_profiles).where(buyer_profiles.c.buyer_key == key)
                             .values(**values, updated_at=utcnow()))
        else:
            conn.execute(buyer_profiles.insert().values(
                buyer_key=key, buyer=buyer[:200], phone_tail=values.get("phone_tail", ""),
                address=values.get("address", ""), phone_manual=values.get("phone_manual", False),
                address_manual=values.get("address_manual", False), updated_at=utcnow()))
    return load_profiles(engine, [key])[key]


# -- stock on hand -----------------------------------------------------------------------------------

def load_on_hand(engine, stream: str) -> dict[str, float]:
    ensure_tables(engine)
    with reading(engine) as conn:
        rows = conn.execute(select(on_hand.c.sku, on_hand.c.qty).where(on_hand.c.stream == stream))
        return {sku: float(q) for sku, q in rows}


def save_on_hand(engine, stream: str, values: dict[str, float], actor: str | None = None) -> None:
    """Replace the counted stock of the given products for ``stream`` (0 removes the entry)."""
    ensure_tables(engine)
    with writing(engine) as conn:
        for sku, qty in values.items():
            conn.execute(on_hand.delete().where(on_hand.c.stream == stream, on_hand.c.sku == sku))
            if qty:
                conn.execute(on_hand.insert().values(stream=stream, sku=sku, qty=round(float(qty), 3),
                                                     actor=actor, updated_at=utcnow()))


def clear_stream(conn, stream: str) -> None:
    """Forget the pickup numbers and counted stock of ``stream`` (a rehearsal being emptied), inside the
    caller's transaction. Profiles belong to buyers, not to a 场次: they stay."""
    for table in (pickup_numbers, on_hand):
        conn.execute(table.delete().where(table.c.stream == stream))
