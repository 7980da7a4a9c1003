"""Tables the parser derives from a catalog's names are built once per catalog (``orders.memo.per_catalog``), and
``suffixes_of`` (a product's name plus the word that makes another's) reads a catalog in one pass over its names: it
must find exactly what comparing every pair of products finds."""

from __future__ import annotations

import gc
import weakref

from hypothesis import given, settings
from hypothesis import strategies as st

from copilot.base.catalog import Catalog
from copilot.orders.memo import per_catalog
from copilot.orders.suffixed import suffixes_of


def _catalog(names: list[list[str]]) -> Catalog:
    return Catalog.from_dict({"store": {"name": "测试店"}, "products": [
        {"sku": f"p{i}", "name": n[0], "aliases": n[1:], "link": i + 1, "unit": "个", "price": 10, "stock": 10}
        for i, n in enumerate(names)]})


def _every_pair(catalog: Catalog) -> dict:
    """The definition: for each pair (a, b), the words b's names add to a's (one to four characters, no digit first)."""
    got: dict = {}
    for a in catalog:
        for b in catalog:
            if a is b:
                continue
            added = {n_b[len(n_a):] for n_a in a.names for n_b in b.names
                     if n_b.startswith(n_a) and 1 <= len(n_b) - len(n_a) <= 4 and not n_b[len(n_a)].isdigit()}
            if added:
                got.setdefault(a.sku, []).append((b.sku, added))
    return got


def _as_sets(table: dict) -> dict:
    out: dict = {}
    for a, pairs in table.items():
        for w, b in pairs:
            out.setdefault(a, {}).setdefault(b.sku, set()).add(w)
    return {a: list(per_b.items()) for a, per_b in out.items()}


_NAME = st.text(alphabet="鸡肉罐头整箱一提装牛奶2", min_size=1, max_size=7)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_NAME, min_size=1, max_size=3, unique=True), min_size=1, max_size=6))
def test_one_pass_over_the_names_finds_what_every_pair_finds(names):
    flat = [n for ns in names for n in ns]
    if len(flat) != len(set(flat)):                       # a catalog refuses one name on two products
        return
    catalog = _catalog(names)
    table = suffixes_of(catalog)
    assert _as_sets(table) == _every_pair(catalog)
    for pairs in table.values():                          # the longer word first within each other product
        for (w1, b1), (w2, b2) in zip(pairs, pairs[1:]):
            assert b1.link < b2.link or (b1 is b2 and len(w1) >= len(w2))


def test_a_table_is_built_once_per_catalog_and_dropped_with_it():
    calls = []

    @per_catalog
    def table(catalog):
        calls.append(catalog)
        return {p.sku for p in catalog}

    first, second = _catalog([["鸡肉罐头"]]), _catalog([["牛奶"]])
    assert table(first) == {"p0"} and table(first) is table(first) and len(calls) == 1
    assert table(second) == {"p0"} and len(calls) == 2    # another catalog, its own table
    gone = weakref.ref(first)
    calls.clear()
    del first
    gc.collect()
    assert gone() is None                                 # the table does not keep its catalog alive


def test_a_table_the_catalog_has_nothing_for_is_not_built_again():
    calls = []

    @per_catalog
    def nothing(catalog):  # such as toppings_of on a catalog no spec of which lists a choice
        calls.append(catalog)
        return None

    catalog = _catalog([["鸡肉罐头"]])
    assert nothing(catalog) is None and nothing(catalog) is None and len(calls) == 1
