"""Catalog loading, validation errors and product lookups."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from copilot.base.catalog import Catalog
from copilot.base.errors import CatalogError


def _write(tmp_path, products, store=None, notes=()):
    (tmp_path / "notes").mkdir(exist_ok=True)
    for n in notes:
        (tmp_path / n).write_text("# x\n", encoding="utf-8")
    data = {"store": store or {"name": "测试店"}, "products": products}
    (tmp_path / "products.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return tmp_path


def _p(**kw):
    base = {"sku": "mango", "name": "海南贵妃芒", "aliases": ["芒果"], "link": 1, "unit": "斤", "price": 12.8,
            "stock": 10}
    return {**base, **kw}


def test_demo_store_loads(catalog):
    assert catalog.store.name == "巷口优选"
    assert len(catalog) >= 12
    for sku in ("strawberry", "rice", "pork"):
        assert catalog.get(sku) is not None
    for p in catalog:
        assert catalog.notes_path(p).exists()


def test_sample_stream_products_agree_with_demo_store(catalog, shared_dir):
    sample = yaml.safe_load((shared_dir / "data/sample-stream/products.yaml").read_text(encoding="utf-8"))
    for raw in sample["products"]:
        p = catalog.require(raw["sku"])
        for field in ("name", "link", "unit", "price", "stock", "origin"):
            assert getattr(p, field) == raw[field], (raw["sku"], field)
        assert p.limit_per_buyer == raw.get("limit_per_buyer")
        assert set(raw["aliases"]) <= set(p.aliases)


@pytest.mark.parametrize("text, sku", [
    ("strawberry", "strawberry"), ("1号链接", "strawberry"), ("链接1", "strawberry"), ("1号", "strawberry"),
    ("一号", "strawberry"), ("#1", "strawberry"), ("链接#3", "pork"), ("三号链接", "pork"), ("1", "strawberry"),
    ("丹东九九草莓", "strawberry"), ("草莓", "strawberry"), ("五常", "rice"), ("土鸡蛋", "eggs"), ("土鸡", "chicken"),
    ("十四号", "bass"), ("贵妃", "mango"),
])
def test_find(catalog, text, sku):
    assert catalog.find(text).sku == sku


def test_find_unknown_returns_none(catalog):
    assert catalog.find("榴莲") is None
    assert catalog.find("99号") is None
    assert catalog.find("") is None


def test_longest_name_wins(catalog):
    assert [p.sku for _, _, p in catalog.mentions("土鸡蛋两盒")] == ["eggs"]


@pytest.mark.parametrize("product, message", [
    (_p(sku=None), "缺少 sku"),
    (_p(price=-1), "price"),
    (_p(stock=-5), "stock"),
    (_p(unit="吨"), "未知单位"),
    (_p(name=None), "name"),
])
def test_invalid_product_names_file_product_and_field(tmp_path, product, message):
    _write(tmp_path, [product])
    with pytest.raises(CatalogError) as exc:
        Catalog.load(tmp_path)
    assert message in str(exc.value)
    assert "products.yaml" in str(exc.value)


def test_duplicate_sku_and_link(tmp_path):
    _write(tmp_path, [_p(), _p(link=2, aliases=[])])
    with pytest.raises(CatalogError, match="sku「mango」"):
        Catalog.load(tmp_path)
    _write(tmp_path, [_p(), _p(sku="mango2", aliases=[], name="芒果干")])
    with pytest.raises(CatalogError, match="link 1"):
        Catalog.load(tmp_path)


def test_alias_shared_by_two_products(tmp_path):
    _write(tmp_path, [_p(), _p(sku="mango2", link=2, name="小台芒")])
    with pytest.raises(CatalogError, match="芒果"):
        Catalog.load(tmp_path)


def test_missing_notes_file(tmp_path):
    _write(tmp_path, [_p(notes="notes/mango.md")])
    with pytest.raises(CatalogError, match="notes/mango.md"):
        Catalog.load(tmp_path)
    _write(tmp_path, [_p(notes="notes/mango.md")], notes=["notes/mango.md"])
    assert Catalog.load(tmp_path).get("mango").notes == "notes/mango.md"


def test_missing_file_and_bad_yaml(tmp_path):
    with pytest.raises(CatalogError, match="找不到商品清单"):
        Catalog.load(tmp_path / "nope")
    (tmp_path / "products.yaml").write_text("products: [\n  - sku: a\n  bad", encoding="utf-8")
    with pytest.raises(CatalogError, match="第 2 行") as err:
        Catalog.load(tmp_path)
    assert not any(ch.isascii() and ch.isalpha() for ch in err.value.message.split("：", 1)[1])  # no parser English


GOOD = "store: {name: 小店}\nproducts:\n  - sku: mango\n    name: 芒果\n    link: 1\n    unit: 斤\n    price: 9.9\n    stock: 5\n"


@pytest.mark.parametrize("content, match", [
    (GOOD.encode("gbk"), "不是 UTF-8"),
    (bytes(range(256)) * 4, "不是 UTF-8"),
    (GOOD.replace("stock: 5", "stock: .inf").encode(), "第 8 行.*stock.*无穷大"),
    (GOOD.replace("price: 9.9", "price: 1e12").encode(), "price 不能大于"),
    (GOOD.replace("link: 1", "link: 1\n    aliases: 草莓").encode(), "aliases 应写成列表"),
    (GOOD.replace("stock: 5", "stock: 五").encode(), "第 8 行.*stock 应为数字"),
    (GOOD.replace("link: 1", "link: 1\n    notes: ../../x.md").encode(), "不在知识库目录里"),
    (GOOD.replace("link: 1", "link: 1\n    notes: notes").encode(), "不是文件"),
])
def test_bad_catalogs_are_clear_errors(tmp_path, content, match):
    (tmp_path / "notes").mkdir()
    (tmp_path / "products.yaml").write_bytes(content)
    with pytest.raises(CatalogError, match=match):
        Catalog.load(tmp_path)


def test_utf8_with_bom_and_gbk_notes(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "products.yaml").write_bytes("\ufeff".encode() + GOOD.replace("link: 1", "link: 1\n    notes: notes/m.md").encode())
    (tmp_path / "notes" / "m.md").write_bytes("# 芒果\n甜".encode("gbk"))
    with pytest.raises(CatalogError, match="m.md 不是 UTF-8.*另存为 UTF-8"):
        Catalog.load(tmp_path)
    (tmp_path / "notes" / "m.md").write_text("# 芒果\n甜", encoding="utf-8")
    assert Catalog.load(tmp_path).get("mango").name == "芒果"


def test_a_huge_catalog_is_refused_before_it_is_read(tmp_path, monkeypatch):
    (tmp_path / "products.yaml").write_bytes(GOOD.encode() + b"#" * 50_000_000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail(f"read {self.name}"))
    with pytest.raises(CatalogError, match="太大"):
        Catalog.load(tmp_path)
