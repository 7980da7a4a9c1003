"""The one comment loader (copilot.base.comments): JSONL, JSON arrays and CSV as tools export them."""

from __future__ import annotations

import pytest

from copilot.base.comments import Comment, comment_from_dict, derived_id, load_comment_file
from copilot.base.errors import InputError


def test_missing_id_is_derived_stably(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"user": "王阿姨", "text": "扣1", "ts": 3}\n{"user": "王阿姨", "text": "扣1", "ts": 9}\n',
                 encoding="utf-8")
    first = load_comment_file(p)
    again = load_comment_file(p)
    assert [c.id for c in first] == [c.id for c in again]  # a re-import is idempotent
    assert first[0].id != first[1].id  # the same words at another time are another comment
    assert first[0].id == derived_id("王阿姨", "扣1", 3.0, 1)


def test_csv_with_tool_headers_and_clock_times(tmp_path):
    p = tmp_path / "export.csv"
    p.write_text("昵称,内容,时间,openid\n小雨,扣1,20:15:03,o1\n小雨,+2,20:16:00,o2\n", encoding="utf-8-sig")
    got = load_comment_file(p)
    assert [(c.user, c.text, c.ts, c.user_id) for c in got] == [("小雨", "扣1", 0.0, "o1"), ("小雨", "+2", 57.0, "o2")]


def test_csv_with_epoch_milliseconds(tmp_path):
    p = tmp_path / "ms.csv"
    p.write_text("nickname,content,time\n甲,扣1,1776513633643\n乙,扣2,1776513635143\n", encoding="utf-8")
    assert [c.ts for c in load_comment_file(p)] == [0.0, 1.5]


def test_json_array_and_gb18030(tmp_path):
    p = tmp_path / "a.json"
    p.write_bytes('[{"id": 1, "user": "甲", "text": "扣1"}]'.encode("gb18030"))
    assert load_comment_file(p) == [Comment("1", "甲", "扣1")]


@pytest.mark.parametrize("obj, match", [
    ({"id": "1", "text": "扣1", "ts": float("inf")}, "不是有效的秒数"),
    ({"id": "1", "text": "扣1", "ts": True}, "应为数字"),
    ({"id": "1", "text": "\ud800扣1"}, "无效字符"),
    ({"id": "1", "text": ["扣1"]}, "应为文字"),
    ({"id": "1", "text": "扣1", "current_sku": ["rice"]}, "应为文字"),
    ({"id": "x" * 200, "text": "扣1"}, "太长"),
    ({"id": "1", "text": "字" * 2001}, "太长"),
])
def test_every_field_is_checked(obj, match):
    with pytest.raises(InputError, match=match):
        comment_from_dict(obj)


def test_control_characters_are_dropped_from_names():
    c = comment_from_dict({"id": "1", "user": "王\x01阿姨", "text": "扣\x001"})
    assert (c.user, c.text) == ("王阿姨", "扣1")
