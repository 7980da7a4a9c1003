"""The buyers of a 场次 as the counter sees them: who they are (nickname, buyer key, pickup number),
how to find them (手机尾号, building and room, read from their comments and order notes: 3栋502,
尾号6789), what they ordered and what they owe.

Money follows the ledger's statuses exactly: ``amount`` is what the buyer's reserved, paid and
picked-up lines are worth (the ledger's own total), ``due`` the reserved (unpaid) part, ``paid`` the
rest (a line handed over at the counter is settled there). Waitlisted lines are shown, never counted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timezone

from sqlalchemy import select

from copilot.base.db import reading
from copilot.base.zhnum import normalize
from copilot.orders.counter import Profile, load_profiles, pickup_numbers_of, save_found, set_profile
from copilot.orders.records import OrderLine, buyer_key, qty_text, short_name
from copilot.orders.schema import ALLOCATED, PAID, PICKED_UP, RESERVED, WAITLIST, comments, order_lines

SHOWN = (*ALLOCATED, WAITLIST)  # the lines a buyer's card shows
_PHONE_RE = re.compile(r"(?:手机|电话|号码|手机号)?\s*(?:尾号|后四位|后4位)\s*(?:是|为|:)?\s*(\d{4})(?!\d)")
_MOBILE_RE = re.compile(r"(?<!\d)1[3-9]\d[\s\-－—]?\d{4}[\s\-－—]?\d{4}(?!\d)")  # 139 1234 5678
_PLACE = r"(?P<c>[\u4e00-\u9fff]{2,8}?(?:小区|花园|家园|新村|公寓|大厦|苑|园|府|城|里))?\s*"
_ROOM_RE = re.compile(_PLACE + r"(?P<b>\d{1,3}|[A-Za-z])\s*(?P<m>栋|幢|号楼|座)\s*(?:(?P<u>\d{1,2})\s*单元)?\s*"
                      r"(?P<r>\d{3,4})(?!\d)")
_SAID = re.compile(r"^(?:我家|我|家)?(?:住在|住|在|送到|送去|送|寄到|放到|地址是|地址)?")
_DASH_RE = re.compile(_PLACE + r"(?<![\d.])(?P<b>\d{1,3})\s*[-－—]\s*(?:(?P<u>\d{1,2})\s*[-－—]\s*)?"
                      r"(?P<r>\d{3,4})(?![\d.\-－—])")


# -- reading contact details from text ------------------------------------------------------------

def find_phone_tail(text: str) -> str:
    """The last four digits of a phone number the buyer gave (尾号6789, 手机后四位 6789, a mobile)."""
    t = normalize(text or "")
    m = _PHONE_RE.search(t)
    if m:
        return m.group(1)
    m = _MOBILE_RE.search(t)
    return m.group(0)[-4:] if m else ""


def find_address(text: str) -> str:
    """Building and room in one form: 3栋502, 3栋2单元502, A座1203, 阳光小区5栋301 (3-502 -> 3栋502)."""
    parts = address_parts(text)
    if parts is None:
        return ""
    place, building, mark, unit, room = parts
    return f"{place}{building}{mark}{f'{unit}单元' if unit else ''}{room}"


def address_parts(text: str) -> tuple[str, str, str, str, str] | None:
    """(place, building, mark, unit, room) of the first building-and-room in ``text``, else None."""
    t = normalize(text or "")
    m = _ROOM_RE.search(t) or _DASH_RE.search(t)
    if m is None:
        return None
    mark = "座" if m.groupdict().get("m") == "座" else "栋"
    place = _SAID.sub("", m.group("c") or "")  # 送到阳光小区 -> 阳光小区
    return (place if len(place) >= 2 else "", m.group("b").upper(), mark, m.group("u") or "", m.group("r"))


def same_place(query: str, addr: str) -> bool:
    """Does the building and room of ``query`` (3栋502, 3-502, 3号楼2单元502) name ``addr``?
    A unit or a place given on one side only does not matter."""
    q, a = address_parts(query), address_parts(addr)
    if q is None or a is None:
        return False
    return q[1] == a[1] and q[4] == a[4] and (not q[3] or not a[3] or q[3] == a[3])


# -- a buyer of the 场次 -------------------------------------------------------------------------------

@dataclass
class StreamBuyer:
    key: str
    buyer: str  # the nickname of their newest line
    pickup_no: int | None = None
    phone_tail: str = ""
    address: str = ""
    lines: list[OrderLine] = field(default_factory=list)  # reserved, paid, picked up, waitlisted; oldest first

    def with_status(self, *statuses: str) -> list[OrderLine]:
        return [ln for ln in self.lines if ln.status in statuses]

    @property
    def to_pick(self) -> list[OrderLine]:
        return self.with_status(RESERVED, PAID)

    @property
    def amount(self) -> float:
        return round(sum(ln.amount for ln in self.with_status(*ALLOCATED)), 2)

    @property
    def due(self) -> float:
        return round(sum(ln.amount for ln in self.with_status(RESERVED)), 2)

    @property
    def paid(self) -> float:
        return round(sum(ln.amount for ln in self.with_status(PAID, PICKED_UP)), 2)

    @property
    def status(self) -> str:
        picked, to_pick = self.with_status(PICKED_UP), self.to_pick
        if to_pick:
            return "部分取货" if picked else "待取货"
        return "已取货" if picked else "候补中"

    def label(self) -> str:
        return f"{self.pickup_no}号 {self.buyer}" if self.pickup_no else self.buyer

    def to_dict(self, catalog=None) -> dict:
        return {"pickup_no": self.pickup_no, "buyer": self.buyer, "buyer_key": self.key,
                "phone_tail": self.phone_tail, "address": self.address, "status": self.status,
                "amount": self.amount, "paid": self.paid, "due": self.due,
                "lines": [line_dict(ln, catalog) for ln in self.lines]}


def line_dict(ln: OrderLine, catalog=None) -> dict:
    p = catalog.get(ln.sku or "") if catalog is not None else None
    return {"id": ln.id, "sku": ln.sku, "name": p.name if p else (ln.sku or ""), "qty": ln.qty, "unit": ln.unit,
            "unit_price": ln.unit_price, "amount": ln.amount if ln.status in ALLOCATED else 0.0, "status": ln.status}


def items_text(lines: list[OrderLine], catalog, sep: str = "、") -> str:
    """草莓2斤、大米1袋 (the lines of one product added up, in link order)."""
    per: dict[str, float] = defaultdict(float)
    for ln in lines:
        per[ln.sku or ""] += ln.qty or 0
    links = {p.sku: p.link for p in catalog.products}
    out = []
    for sku in sorted(per, key=lambda s: (links.get(s, 10**6), s)):
        p = catalog.get(sku)
        out.append(f"{short_name(p, sku)}{qty_text(per[sku])}{p.unit if p else ''}")
    return sep.join(out)


def stream_buyers(ledger, lines: list[OrderLine] | None = None) -> list[StreamBuyer]:
    """Every buyer of ``ledger.stream`` with a line that holds or waits for stock, by pickup number;
    their 手机尾号 and address read from this 场次's comments first (see :func:`refresh_profiles`).
    ``lines``: the stream's lines when the caller has them already."""
    lines = ledger.lines(status=SHOWN) if lines is None else lines
    refresh_profiles(ledger)
    numbers = pickup_numbers_of(ledger)
    per: dict[str, list[OrderLine]] = defaultdict(list)
    for ln in lines:
        if ln.status in SHOWN and ln.sku:
            per[ln.buyer_key or buyer_key(ln.buyer)].append(ln)
    profiles = load_profiles(ledger.engine, per)
    out = []
    for key, own in per.items():
        prof = profiles.get(key) or Profile(key)
        out.append(StreamBuyer(key, own[-1].buyer, numbers.get(key), prof.phone_tail, prof.address, own))
    return sorted(out, key=lambda b: (b.pickup_no or 10**9, b.key))


def refresh_profiles(ledger) -> int:
    """Read 手机尾号 and building/room from this 场次's comments (all of them, also those that were not
    orders: 我尾号6789) and order notes; a newer mention wins, a typed-in value stays. Returns how
    many profiles changed."""
    said: list[tuple[float, str, str, str]] = []  # (when, buyer key, nickname, text)
    c, ol = comments.c, order_lines.c
    said_q = select(c.user, c.user_id, c.text, c.created_at).where(c.stream == ledger.stream).order_by(c.id)
    notes_q = select(ol.buyer_key, ol.buyer, ol.note, ol.updated_at).where(ol.stream == ledger.stream, ol.note != "")
    with reading(ledger.engine) as conn:
        for user, user_id, text, at in conn.execute(said_q):
            if _mentions_contact(text):
                said.append((_when(at), buyer_key(user, user_id), user, text))
        for key, user, note, at in conn.execute(notes_q):
            if _mentions_contact(note):
                said.append((_when(at), key or buyer_key(user), user, note))
    found: dict[str, Profile] = {}
    for _, key, name, text in sorted(said, key=lambda s: s[0]):
        prof = found.setdefault(key, Profile(key, name))
        prof.buyer = name
        prof.phone_tail = find_phone_tail(text) or prof.phone_tail
        prof.address = find_address(text) or prof.address
    return save_found(ledger.engine, {k: p for k, p in found.items() if p.phone_tail or p.address})


def _when(at) -> float:
    if at is None:
        return 0.0
    return (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).timestamp()


_HINTS = re.compile(r"尾号|后四位|后4位|栋|幢|号楼|座|单元|\d\s*[-－—]\s*\d|1[3-9]\d")


def _mentions_contact(text: str | None) -> bool:
    return bool(text) and bool(_HINTS.search(text))


# -- finding a buyer ------------------------------------------------------------------------------

def find_buyers(buyers: list[StreamBuyer], query: str) -> list[StreamBuyer]:
    """Buyers matching ``query``: a pickup number (12, 12号, #12), a 手机尾号 (6789), a building and room
    (3栋502, 3-502, a room number alone) or a nickname (whole or part). Exact matches come first."""
    q = normalize(query or "").strip()
    if not q:
        return list(buyers)
    digits = re.fullmatch(r"#?\s*(\d{1,6})\s*号?", q)
    ranked: list[tuple[int, StreamBuyer]] = []
    for b in buyers:
        rank = _rank(b, q, digits.group(1) if digits else None)
        if rank is not None:
            ranked.append((rank, b))
    ranked.sort(key=lambda rb: (rb[0], rb[1].pickup_no or 10**9))
    return [b for _, b in ranked]


def _rank(b: StreamBuyer, q: str, number: str | None) -> int | None:
    name = b.buyer.casefold()
    if number is not None:
        if b.pickup_no == int(number) and not number.startswith("0"):
            return 0
        if len(number) == 4 and b.phone_tail == number:
            return 1
        parts = address_parts(b.address)
        if parts and len(number) >= 3 and parts[4] == number:
            return 3
    elif b.address and same_place(q, b.address):
        return 2
    if name == q.casefold():
        return 4
    if q.casefold() in name:
        return 5
    return None


def resolve_buyer(buyers: list[StreamBuyer], who: str) -> list[StreamBuyer]:
    """The buyers ``who`` names for an action: an exact pickup number, buyer key, nickname or 手机尾号
    first; a partial match only when nothing matches exactly."""
    w = normalize(who or "").strip()
    digits = re.fullmatch(r"#?\s*(\d{1,6})\s*号?", w)
    exact = [b for b in buyers if b.key == w or b.buyer == w
             or (digits and b.pickup_no == int(digits.group(1)) and not digits.group(1).startswith("0"))]
    if not exact and digits and len(digits.group(1)) == 4:
        exact = [b for b in buyers if b.phone_tail == digits.group(1)]
    return exact or find_buyers(buyers, w)


def set_contact(ledger, buyer: StreamBuyer, *, phone_tail: str | None = None, address: str | None = None) -> Profile:
    """A person records (or corrects) a buyer's 手机尾号 and building/room; ``""`` clears a field.
    What is typed in stays, whatever later comments say."""
    from copilot.base.errors import InputError

    phone = None if phone_tail is None else normalize(phone_tail).strip()
    if phone and not re.fullmatch(r"\d{4}", phone):
        raise InputError(f"手机尾号「{phone[:20]}」不对", hint="填手机号的最后 4 位数字，例如 6789")
    place = None if address is None else normalize(address).strip()
    if place and len(place) > 100:
        raise InputError("楼号房号太长了（最多 100 个字）", hint="写成 3栋502 或 阳光小区3栋2单元502")
    if place:
        place = find_address(place) or place  # 3-502 -> 3栋502, the form search understands
    return set_profile(ledger.engine, buyer.key, buyer.buyer, phone_tail=phone, address=place)
