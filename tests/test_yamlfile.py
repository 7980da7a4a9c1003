"""The strict YAML reader every data file goes through: a key written twice is an error naming both lines."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from copilot.base import yamlfile
from copilot.base.catalog import Catalog
from copilot.base.errors import CatalogError, ConfigError

ROOT = Path(__file__).resolve().parents[1]
GOOD = "store: {name: 小店}\nproducts:\n  - sku: mango\n    name: 芒果\n    link: 1\n    unit: 斤\n    price: 9.9\n    stock: 5\n"


def test_reads_what_safe_load_reads():
    for text in (GOOD, "", "a: [1, 2]\nb: {c: null}\n", "- 1\n- x\n"):
        assert yamlfile.load(text) == yaml.safe_load(text)


def test_a_key_written_twice_names_both_lines():
    with pytest.raises(yamlfile.DuplicateKeyError) as err:
        yamlfile.load(GOOD.replace("price: 9.9\n", "price: 9.9\n    price: 19.9\n"))
    assert (err.value.key, err.value.first_line) == ("price", 7)
    said = yamlfile.describe(err.value)
    assert said.startswith("第 8 行") and "「price」写了两次" in said and "第 7 行" in said
    assert isinstance(err.value, yaml.YAMLError)  # every caller's except yaml.YAMLError holds it


def test_equal_keys_in_different_mappings_and_merge_overrides_are_allowed():
    assert yamlfile.load("a: {x: 1}\nb: {x: 2}\n") == {"a": {"x": 1}, "b": {"x": 2}}
    assert yamlfile.load("base: &b {x: 1, y: 2}\nd:\n  <<: *b\n  x: 3\n")["d"] == {"x": 3, "y": 2}
    with pytest.raises(yamlfile.DuplicateKeyError):
        yamlfile.load("- {sku: a, sku: b}\n")


def test_describe_says_other_errors_in_chinese():
    with pytest.raises(yaml.YAMLError) as err:
        yamlfile.load("a:\tb")
    assert yamlfile.describe(err.value).startswith("第 1 行")
    assert not any(ch.isascii() and ch.isalpha() for ch in yamlfile.describe(err.value).split("：", 1)[1])


def test_every_shipped_data_file_has_no_key_written_twice():
    files = [p for d in ("copilot", "prompts", "knowledge") for p in (ROOT / d).rglob("*.yaml")]
    assert len(files) > 10
    for path in files:
        yamlfile.load(path.read_text(encoding="utf-8"))  # raises DuplicateKeyError naming the file's lines


def test_catalog_with_a_field_written_twice_is_refused_by_line(tmp_path):
    (tmp_path / "products.yaml").write_text(GOOD.replace("stock: 5\n", "stock: 5\n    stock: 50\n"), encoding="utf-8")
    with pytest.raises(CatalogError, match="第 9 行.*「stock」写了两次.*第 8 行"):
        Catalog.load(tmp_path)


def test_saving_a_catalog_with_a_key_twice_writes_nothing(tmp_path):
    from copilot.knowledge.files import save_file

    (tmp_path / "products.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(CatalogError, match="「price」写了两次"):
        save_file(tmp_path, "products.yaml", GOOD.replace("price: 9.9\n", "price: 9.9\n    price: 0.1\n"))
    assert (tmp_path / "products.yaml").read_text(encoding="utf-8") == GOOD


def test_a_rule_pack_or_prompt_with_a_key_twice_is_a_config_error(tmp_path):
    from copilot.base.prompts import load_prompt
    from copilot.plan.compliance import load_pack

    (tmp_path / "p.yaml").write_text("name: p\nversion: 1\nsystem: a\nsystem: b\ntemplate: t\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="p.yaml 第 4 行.*「system」写了两次"):
        load_prompt("p", tmp_path)
    (tmp_path / "r.yaml").write_text("category: ad_law\ncategory: price\nrules: []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="r.yaml 第 2 行.*「category」写了两次"):
        load_pack(tmp_path / "r.yaml")


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.text("芒果斤价abc :-#\"'\n", max_size=8))
_TREES = st.recursive(_SCALARS, lambda kids: st.lists(kids, max_size=3)
                      | st.dictionaries(st.text("skuname价格", min_size=1, max_size=4), kids, max_size=4), max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(_TREES)
def test_what_safe_dump_writes_reads_back_the_same(tree):
    text = yaml.safe_dump(tree, allow_unicode=True)
    assert yamlfile.load(text) == yaml.safe_load(text)


@settings(max_examples=300, deadline=None)
@given(st.text("ab: -[]{}\n\t'\"&*<>#,?|1", max_size=40))
def test_any_text_reads_as_safe_load_reads_it_or_fails_as_yaml(text):
    try:
        expected = yaml.safe_load(text)
    except yaml.YAMLError:
        expected = yaml.YAMLError
    except Exception as exc:  # noqa: BLE001 - PyYAML's own non-YAML failures (unhashable keys): the same ones here
        expected = type(exc)
    try:
        got = yamlfile.load(text)
    except yamlfile.DuplicateKeyError:
        return  # a key twice, which safe_load let pass silently
    except yaml.YAMLError:
        got = yaml.YAMLError
    except Exception as exc:  # noqa: BLE001
        got = type(exc)
    assert got == expected
