"""YAML read strictly, for every file the product reads: the catalog, the word lists, the rule packs and the prompts.

PyYAML keeps the last of two equal keys in one mapping and drops the first without a word. In a products.yaml that
is a product's price silently replaced by a second ``price:`` line; in a word list, a whole entry lost (the
second ``孩子:`` of words.yaml once hid the first). Here a key written twice is an error that names both lines.
``describe`` turns any YAML error into one Chinese sentence with the line and what is wrong.
"""

from __future__ import annotations

from typing import Any

import yaml


class DuplicateKeyError(yaml.MarkedYAMLError):
    """One mapping holds the same key twice (a YAMLError, so every ``except yaml.YAMLError`` already catches it)."""

    def __init__(self, key: Any, first_line: int, mark) -> None:
        super().__init__(problem=f"found duplicate key {key!r}", problem_mark=mark)
        self.key = key
        self.first_line = first_line  # 1-based line of the first time the key was written


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader whose mappings refuse a key written twice."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):  # before merge keys (<<) are flattened: a key may override a merged one
            seen: dict = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    if key in seen:
                        raise DuplicateKeyError(key, seen[key], key_node.start_mark)
                except TypeError:  # an unhashable key: SafeLoader's own error names it
                    break
                seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


def load(text: str) -> Any:
    """The document of ``text`` (None when empty), as ``yaml.safe_load`` reads it, except that a key written twice in
    one mapping raises DuplicateKeyError."""
    loader = _StrictLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


_PROBLEMS = [
    ("mapping values are not allowed", "这里多了一个冒号（值里有冒号时请加英文引号）"),
    ("could not find expected ':'", "缺少冒号"), ("found character '\t'", "用了 Tab 缩进，请改用空格"),
    ("expected <block end>", "缩进没有对齐"), ("did not find expected key", "缩进没有对齐"),
    ("found unexpected end of stream", "引号或括号没有配对"), ("found undefined alias", "有多余的 * 号"),
    ("while scanning a quoted scalar", "引号没有配对"), ("expected ',' or ']'", "方括号列表写得不对"),
]


def describe(exc: yaml.YAMLError) -> str:
    """``exc`` in one Chinese sentence: where (第 N 行第 M 列) and what is wrong."""
    mark = getattr(exc, "problem_mark", None)
    where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else ""
    if isinstance(exc, DuplicateKeyError):
        what = f"「{exc.key}」写了两次（第 {exc.first_line} 行已经有了），后一个会悄悄盖掉前一个，请删掉或合并其中一个"
    else:
        text = f"{getattr(exc, 'problem', '')} {getattr(exc, 'context', '')}"
        what = next((zh for en, zh in _PROBLEMS if en in text), "格式有误（缩进、冒号或引号）")
    return f"{where}：{what}" if where else what
