"""Viewer comments as records, and the one loader for every way they arrive as data.

A comment is ``{"id", "user", "text", "ts"?, "current_sku"?, "user_id"?}``: ``ts`` in seconds from
the stream's start, ``current_sku`` the product being presented, ``user_id`` the platform's stable
viewer id (two viewers with the same nickname are two buyers). Files come as JSONL, a JSON array or
CSV (UTF-8 with or without BOM, or GB18030 as Excel saves it); the id is optional and, when missing,
derived from the user, the text and the time, so importing the same file twice changes nothing.

Every row is validated before any is returned: one bad row stops the whole file with a message that
names the row and the fix, so nothing of a bad file is ever written.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from copilot.base.errors import InputError

MAX_ID = 128
MAX_USER = 64
MAX_TEXT = 2000
MAX_SKU = 64
MAX_TS = 7 * 24 * 3600.0  # a week of seconds: anything larger is not "seconds from the start"
MAX_FILE_BYTES = 20_000_000
MAX_FILE_COMMENTS = 20_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FORMAT_HINT = '每行一条评论，例如 {"id": "c1", "user": "王阿姨", "text": "扣1"}；CSV 第一行是表头：user,text,ts（id 可省略）'

# CSV headers as tools and spreadsheets write them -> our field
_COLUMNS = {
    "id": "id", "msg_id": "id", "msgid": "id", "编号": "id", "评论id": "id",
    "user": "user", "nickname": "user", "nick_name": "user", "nick": "user", "昵称": "user", "用户": "user",
    "用户名": "user", "买家": "user",
    "text": "text", "content": "text", "comment": "text", "内容": "text", "评论": "text", "评论内容": "text",
    "ts": "ts", "time": "ts", "msg_time": "ts", "时间": "ts", "秒": "ts",
    "current_sku": "current_sku", "sku": "current_sku",
    "user_id": "user_id", "uid": "user_id", "openid": "user_id", "decoded_openid": "user_id", "用户id": "user_id",
}


@dataclass(frozen=True)
class Comment:
    id: str
    user: str
    text: str
    ts: float | None = None
    current_sku: str | None = None
    user_id: str | None = None
    extra: dict = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict:
        out = {"id": self.id, "user": self.user, "text": self.text}
        for k in ("ts", "current_sku", "user_id"):
            if getattr(self, k) is not None:
                out[k] = getattr(self, k)
        return out


def derived_id(user: str, text: str, ts, n: int) -> str:
    """A stable id for a comment that came without one: same user, text and time -> same id."""
    when = f"{float(ts):.3f}" if isinstance(ts, (int, float)) else f"#{n}"
    return "h-" + hashlib.sha1(f"{user}\x1f{text}\x1f{when}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


_LABELS = {"id": "id", "user": "昵称", "text": "内容 text", "user_id": "观众 id", "current_sku": "current_sku"}


def _string(value, field: str, where: str, limit: int, *, required: bool) -> str | None:
    what = _LABELS.get(field, field)
    if value is None or value == "":
        if required:
            raise InputError(f"{where} 缺少{what}", hint=FORMAT_HINT)
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(f"{where} 的{what}应为文字，现在是 {type(value).__name__}", hint=FORMAT_HINT)
    text = str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"{where} 的{what}含有无效字符（不成对的代理字符）",
                         hint="文件或请求体需为有效的 UTF-8 文本") from None
    text = _CONTROL.sub("", text).strip() if field != "text" else _CONTROL.sub("", text)
    if len(text) > limit:
        raise InputError(f"{where} 的{what}太长（{len(text)} 个字符）", hint=f"{what}最多 {limit} 个字符")
    if required and not text.strip():
        raise InputError(f"{where} 的{what}是空的", hint=FORMAT_HINT)
    return text


def _ts(value, where: str) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(f"{where} 的 ts 应为数字（开播后的秒数），现在是 {value!r}"[:200],
                         hint="例如 \"ts\": 61.5；不知道时间就省略 ts")
    if not math.isfinite(value) or not 0 <= value <= MAX_TS:
        raise InputError(f"{where} 的 ts {value!r} 不是有效的秒数", hint="ts 是开播后的秒数，0 或更大")
    return float(value)


def comment_from_dict(obj, catalog=None, where: str = "评论", n: int = 0) -> Comment:
    """One comment object, validated whole: types, lengths, valid text, a known current product."""
    if not isinstance(obj, dict):
        raise InputError(f"{where} 应为 JSON 对象", hint=FORMAT_HINT)
    text = _string(obj.get("text"), "text", where, MAX_TEXT, required=True)
    user = _string(obj.get("user"), "user", where, MAX_USER, required=False) or "匿名"
    user_id = _string(obj.get("user_id"), "user_id", where, MAX_ID, required=False)
    ts = _ts(obj.get("ts"), where)
    cid = _string(obj.get("id"), "id", where, MAX_ID, required=False)
    current = _string(obj.get("current_sku"), "current_sku", where, MAX_SKU, required=False)
    if current and catalog is not None and catalog.get(current) is None:
        raise InputError(f"{where} 的 current_sku「{current}」不在商品清单里",
                         hint="检查 products.yaml 里的 sku，或用 --knowledge 指定知识库")
    return Comment(id=cid or derived_id(user_id or user, text, ts, n), user=user, text=text, ts=ts,
                   current_sku=current, user_id=user_id)


_ODD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")  # control characters or lone surrogates


def clean_comment(c: Comment) -> Comment:
    """The comment with control characters removed from its nickname and text (as files are read)."""
    if type(c.user) is str and type(c.text) is str and not _ODD.search(c.user + c.text):
        return c
    user, text = _CONTROL.sub("", str(c.user)).strip(), _CONTROL.sub("", str(c.text))
    return replace(c, user=user, text=text)


def _plainly_valid(c: Comment) -> bool:
    """The common case, cheaply: every field of the expected type, within its limits, valid text."""
    return (type(c.id) is str and type(c.user) is str and type(c.text) is str
            and 0 < len(c.id) <= MAX_ID and 0 < len(c.user) <= MAX_USER and len(c.text) <= MAX_TEXT
            and (c.user_id is None or type(c.user_id) is str and len(c.user_id) <= MAX_ID)
            and (c.current_sku is None or type(c.current_sku) is str and len(c.current_sku) <= MAX_SKU)
            and (c.ts is None or type(c.ts) in (int, float) and 0 <= c.ts <= MAX_TS)
            and not c.id.isspace() and not c.user.isspace() and not _ODD.search(c.id + c.user + c.text))


def check_comment(c: Comment, where: str | None = None) -> None:
    """A Comment built in code (not read from a file) still keeps the limits: id, user, text, ts."""
    if _plainly_valid(c):
        return
    where = where or f"评论 {str(c.id)[:40]}"
    if not str(c.id or "").strip():
        raise InputError(f"评论缺少 id：「{str(c.text)[:30]}」", hint="每条评论都要有唯一的 id，重放时才不会重复记账")
    _string(c.id, "id", where, MAX_ID, required=True)
    if not str(c.user or "").strip():
        raise InputError(f"{where} 缺少用户名", hint="每条评论都要有 user 字段（买家昵称）")
    _string(c.user, "user", where, MAX_USER, required=True)
    _string(c.text, "text", where, MAX_TEXT, required=False)
    _string(c.user_id, "user_id", where, MAX_ID, required=False)
    _string(c.current_sku, "current_sku", where, MAX_SKU, required=False)
    _ts(c.ts, where)


def load_comments(lines, catalog=None, source: str = "评论文件") -> list[Comment]:
    """JSONL lines -> comments; every line is read and validated before any is returned."""
    out: list[Comment] = []
    for n, line in enumerate(lines, start=1):
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise InputError(f"{source} 第 {n} 行不是有效的 JSON：{getattr(exc, 'msg', '嵌套太深')}",
                             hint=FORMAT_HINT) from None
        out.append(comment_from_dict(obj, catalog, where=f"{source} 第 {n} 行", n=n))
    return out


def decode_text(raw: bytes, name: str) -> str:
    """Bytes of a text file: UTF-8 (with or without BOM), else GB18030 as Excel on Chinese Windows saves."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name} 不是文本文件", hint="请用 UTF-8 编码另存为 .jsonl 或 .csv 后再试")


def parse_comment_text(text: str, name: str, catalog=None, *, csv_hint: bool = False) -> list[Comment]:
    """The contents of a comments file: JSONL, a JSON array, or CSV with a header row."""
    first = text.lstrip()[:1]
    if first == "[":
        try:
            rows = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise InputError(f"{name} 不是有效的 JSON：{getattr(exc, 'msg', '嵌套太深')}",
                             hint="用 JSONL：每行一条评论") from None
        return [comment_from_dict(o, catalog, where=f"{name} 第 {n} 条", n=n) for n, o in enumerate(rows, 1)]
    if first == "{" and not csv_hint:
        return load_comments(text.splitlines(), catalog, source=name)
    return _load_csv(text, name, catalog)


def load_comment_file(path: str | Path, catalog=None, max_comments: int | None = MAX_FILE_COMMENTS) -> list[Comment]:
    """A comments file (JSONL, JSON array or CSV), validated whole before anything is processed."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"找不到评论文件 {p.name}", hint="上传 .jsonl 或 .csv 评论文件")
    if max_comments is not None and p.stat().st_size > MAX_FILE_BYTES:
        raise InputError(f"评论文件 {p.name} 太大（超过 {MAX_FILE_BYTES // 1_000_000} MB）", hint="请拆分成几个文件")
    raw = p.read_bytes()
    if not raw.strip():
        raise InputError(f"评论文件 {p.name} 是空的", hint=FORMAT_HINT)
    comments = parse_comment_text(decode_text(raw, p.name), p.name, catalog, csv_hint=p.suffix.lower() == ".csv")
    if not comments:
        raise InputError(f"评论文件 {p.name} 里没有评论", hint=FORMAT_HINT)
    if max_comments is not None and len(comments) > max_comments:
        raise InputError(f"评论文件 {p.name} 有 {len(comments)} 条评论，太多了",
                         hint=f"一次最多 {max_comments} 条，请拆分文件")
    return comments


def _load_csv(text: str, name: str, catalog) -> list[Comment]:
    reader = csv.DictReader(io.StringIO(text))
    columns = {c: _COLUMNS.get(c.strip().lower().lstrip("\ufeff")) for c in (reader.fieldnames or []) if c}
    if "text" not in columns.values():
        raise InputError(f"{name} 缺少评论内容列（text / content / 内容）",
                         hint="CSV 第一行是表头，例如：user,text,ts（id 可省略）")
    rows = []
    for n, raw in enumerate(reader, start=2):
        row = {columns[k]: (v or "").strip() for k, v in raw.items() if k in columns and columns[k]}
        if any(row.values()):
            rows.append((n, row))
    times = _relative_times([row.get("ts") for _, row in rows], name)
    out = []
    for (n, row), ts in zip(rows, times):
        obj = {**row, "ts": ts, "current_sku": row.get("current_sku") or None}
        out.append(comment_from_dict(obj, catalog, where=f"{name} 第 {n} 行", n=n))
    return out


def _relative_times(values: list[str | None], name: str) -> list[float | None]:
    """Times as exported: seconds, epoch seconds or ms, or clock times -> seconds from the first one."""
    parsed: list[float | None] = []
    absolute = False
    for v in values:
        if not v:
            parsed.append(None)
            continue
        try:
            x = float(v)
            if x > 1e11:  # epoch milliseconds
                x, absolute = x / 1000, True
            elif x > MAX_TS:  # epoch seconds
                absolute = True
            parsed.append(x)
            continue
        except ValueError:
            pass
        stamp = _clock(v)
        if stamp is None:
            raise InputError(f"{name} 里的时间「{v[:30]}」看不懂", hint="时间写成开播后的秒数，或 20:15:03 这样的时刻")
        parsed.append(stamp)
        absolute = True
    if not absolute:
        return parsed
    first = min((x for x in parsed if x is not None), default=0.0)
    return [None if x is None else round(x - first, 3) for x in parsed]


def _clock(value: str) -> float | None:
    for fmt in ("%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%H:%M:%S", "%H:%M"):
        try:
            dt = datetime.strptime(value.strip(), fmt)
        except ValueError:
            continue
        if dt.year == 1900:  # a time of day only
            return dt.hour * 3600 + dt.minute * 60 + dt.second
        return dt.timestamp()
    return None
