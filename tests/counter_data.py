"""Generated 场次 for the store-counter tests (pickup desk, payments, purchase list): many buyers, some
with the same nickname, mixed orders, cancels, changes, paid and picked-up lines, contact details in
some comments."""

from __future__ import annotations

import random

from copilot.base.comments import Comment
from copilot.orders.intent import Intent, Item, Kind

QTYS = [1, 1, 1, 2, 2, 3, 0.5]


def generated_pairs(catalog, *, buyers: int = 300, orders: int = 5000, seed: int = 16, prefix: str = "g"):
    """``orders`` order comments (plus cancels, changes and contact-only chatter) of ``buyers`` viewers.
    Every 50th buyer shares the nickname of the buyer before (two viewers, two buyers)."""
    rng = random.Random(seed)
    skus = [p.sku for p in catalog.products]
    names = [f"邻居{i:03d}" if i % 50 else f"邻居{i - 1:03d}" for i in range(buyers)]
    pairs, n = [], 0

    def say(b: int, text: str, intent: Intent) -> None:
        nonlocal n
        n += 1
        pairs.append((Comment(f"{prefix}{n}", names[b], text, user_id=f"{prefix}-u{b}"), intent))

    for k in range(orders):
        b = rng.randrange(buyers)
        sku, qty = rng.choice(skus), rng.choice(QTYS)
        say(b, f"{sku} {qty}", Intent(Kind.ORDER, (Item(sku, qty),)))
        roll = rng.random()
        if roll < 0.06:
            say(b, "不要了", Intent(Kind.CANCEL, (Item(sku),)))
        elif roll < 0.10:
            say(b, "改一下", Intent(Kind.MODIFY, (Item(sku, rng.choice(QTYS)),)))
        elif roll < 0.13:
            say(b, f"尾号{1000 + b} {b % 20 + 1}栋{100 + b}", Intent(Kind.OTHER))
    return pairs, names
