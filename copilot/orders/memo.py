"""What the parser derives from a catalog's names, computed once per catalog.

A loaded Catalog does not change (an edited products.yaml is loaded as a new Catalog), so a table read from its names
(sizes in names, look-alike characters, names that start with a number, …) holds as long as the catalog lives.
``per_catalog`` keeps a function's result keyed by the catalog, weakly: a catalog the live session drops takes its
tables with it.
"""
from __future__ import annotations

import functools
import weakref
from typing import Callable, TypeVar

from copilot.base.catalog import Catalog

T = TypeVar("T")


def per_catalog(build: Callable[[Catalog], T]) -> Callable[[Catalog], T]:
    """``build(catalog)`` once per catalog; later calls with the same catalog return that result (None too: a table
    the catalog has nothing for, such as no toppings in any spec, is not built again on every comment)."""
    tables: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    @functools.wraps(build)
    def derived(catalog: Catalog) -> T:
        try:
            return tables[catalog]
        except KeyError:
            got = tables[catalog] = build(catalog)
            return got

    return derived
