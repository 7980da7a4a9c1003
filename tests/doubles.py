"""Test doubles shared by the fixtures in conftest.py and the tests that build their own."""

from __future__ import annotations

import hashlib
import math


class FakeChatModel:
    """Queue-driven fake: ``enqueue`` replies (str or Exception); ``history`` records every call."""

    name = "fake-chat"

    def __init__(self) -> None:
        self.replies: list = []
        self.history: list[list[dict]] = []

    def enqueue(self, *replies) -> "FakeChatModel":
        self.replies.extend(replies)
        return self

    def chat(self, messages):
        self.history.append([dict(m) for m in messages])
        if not self.replies:
            raise AssertionError("FakeChatModel: no reply queued")
        reply = self.replies.pop(0)
        if isinstance(reply, Exception):
            raise reply
        return reply


class FakeEmbedder:
    """Deterministic bag-of-characters embedding: similar texts get similar vectors."""

    dim = 64

    def _vec(self, text: str) -> list[float]:
        v = [0.0] * self.dim
        for ch in text:
            v[int(hashlib.md5(ch.encode()).hexdigest(), 16) % self.dim] += 1.0
        n = math.sqrt(sum(x * x for x in v)) or 1.0
        return [x / n for x in v]

    def query(self, text: str) -> list[float]:
        return self._vec(text)

    def passage(self, texts: list[str]) -> list[list[float]]:
        return [self._vec(t) for t in texts]


def ingested_kb(root, home):
    """A knowledge base over the knowledge dir ``root`` (products.yaml + notes), its data under ``home``,
    embedded with :class:`FakeEmbedder` and ingested: the fixture the small-store tests share."""
    from copilot.base.catalog import Catalog
    from copilot.base.settings import Settings
    from copilot.knowledge.kb import KnowledgeBase

    settings = Settings(home=home, knowledge=root, _env_file=None, chroma_url=None)
    kb = KnowledgeBase.open(settings, Catalog.load(root), embedder=FakeEmbedder())
    kb.ingest()
    return kb


def store_kb(tmp_path_factory, name: str, products_yaml: str, notes: dict[str, str]):
    """A small store written from text (``products.yaml`` and ``notes/<file>`` per entry of ``notes``), ingested
    with :func:`ingested_kb`."""
    root = tmp_path_factory.mktemp(name)
    (root / "notes").mkdir()
    (root / "products.yaml").write_text(products_yaml, encoding="utf-8")
    for file, text in notes.items():
        (root / "notes" / file).write_text(text, encoding="utf-8")
    return ingested_kb(root, tmp_path_factory.mktemp("home"))


def shop(name: str, *rows):
    """An invented store's catalog from one line per product: (sku, name, unit, price, extra fields), with link
    numbers in row order and a stock of 100 unless ``extra`` says otherwise."""
    from copilot.base.catalog import Catalog

    return Catalog.from_dict({"store": {"name": name}, "products": [
        {"sku": sku, "name": title, "unit": unit, "price": price, "link": i, "stock": 100, **extra}
        for i, (sku, title, unit, price, extra) in enumerate(rows, 1)]})


def chain_ledger(tmp_path, catalog):
    """A fresh SQLite ledger of ``catalog`` in ``tmp_path``, for the stream day the 接龙 tests paste into."""
    from copilot.orders.ledger import Ledger

    tmp_path.mkdir(exist_ok=True)
    return Ledger(f"sqlite:///{tmp_path / 'ledger.db'}", catalog, "2026-11-30")


def chain_apply(ledger, text: str):
    """One 接龙 paste applied to ``ledger`` with the rules' parser."""
    from copilot.orders.chains import apply_chain
    from copilot.orders.parser import IntentParser

    return apply_chain(ledger, text, IntentParser(ledger.catalog).parse)


def chain_review(ledger) -> list[str]:
    """The members whose lines wait in review, sorted."""
    from copilot.orders.schema import REVIEW

    return sorted(ln.buyer for ln in ledger.lines(status=REVIEW))


def chain_pasted(tmp_path, catalog, *pastes: str):
    """Each 接龙 paste applied in turn to a fresh SQLite ledger of ``catalog`` (the rules' parser): the chain's
    state after the last one and the members in review."""
    from copilot.orders.chains import apply_chain, chain_state
    from copilot.orders.parser import IntentParser
    from copilot.orders.schema import REVIEW

    ledger = chain_ledger(tmp_path, catalog)
    for text in pastes:
        apply_chain(ledger, text, IntentParser(catalog).parse)
    return chain_state(ledger), {ln.buyer for ln in ledger.lines(status=REVIEW)}


def chain_quantities(state) -> dict:
    """A chain's state without the goods booked at 0 and the members left with none: member -> sku -> quantity."""
    return {m: {s: q for s, q in skus.items() if q} for m, skus in state.items() if any(skus.values())}


def items_of(intent) -> dict:
    """The goods an intent books: sku -> quantity."""
    return {i.sku: i.qty for i in intent.items}


def booked(intent) -> dict:
    """``items_of`` an intent that must be a plain order, booked without review (its reason shown otherwise)."""
    assert (intent.kind.value, intent.needs_review) == ("order", False), intent.reason
    return items_of(intent)


def parsed(catalog, text: str, current: str | None = None):
    """A comment read by the parser against ``catalog`` (the product ``current`` on screen): the intent and
    ``items_of`` it."""
    from copilot.orders.rules import parse

    intent = parse(text, catalog, current)
    return intent, items_of(intent)
