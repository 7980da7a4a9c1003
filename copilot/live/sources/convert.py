"""A captured evening -> our comment JSONL: ``copilot comments convert --from TOOL FILE``.

The capture has one message, body or response per line, as the tool emits it (an oba frame, a
DouyinBarrageGrab envelope, a wxlivespy POST body, a 视频号 console ``live/msg`` reply). Each viewer
comment comes out once (by its platform id), keeping the viewer's stable id; other events are dropped,
or kept as typed events with ``events=True``. ``ts`` is the seconds from the first timed message, so
the file replays at the evening's pace.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from copilot.base.comments import derived_id
from copilot.base.errors import InputError
from copilot.live.sources.formats import DECODERS, KINDS, ConsoleError

MAX_LINES = 500_000


@dataclass
class Converted:
    rows: list[dict] = field(default_factory=list)
    comments: int = 0
    events: dict[str, int] = field(default_factory=dict)
    duplicates: int = 0
    errors: int = 0        # console replies with errCode != 0
    empty: int = 0         # polls without any message


def convert_capture(kind: str, lines, *, events: bool = False, hosts=(), name: str = "抓取文件") -> Converted:
    decode = DECODERS.get(kind)
    if decode is None:
        raise InputError(f"不认识的格式「{kind}」", hint=f"--from 可选：{' / '.join(KINDS)}")
    hosts = {h for h in hosts if h}
    out, seen, first_at = Converted(), set(), None
    for n, line in enumerate(lines, start=1):
        if n > MAX_LINES:
            raise InputError(f"{name} 超过 {MAX_LINES} 行", hint="请拆成几个文件")
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            raise InputError(f"{name} 第 {n} 行不是有效的 JSON", hint="抓取文件每行一条消息（工具原样输出的 JSON）") from None
        try:
            decoded = decode(obj)
        except ConsoleError:
            out.errors += 1
            continue
        if not decoded:
            out.empty += 1
        for i, ev in enumerate(decoded):
            key = (ev.kind, ev.id or derived_id(ev.user_id or ev.user, ev.text, ev.at, n * 1000 + i))
            if key in seen:
                out.duplicates += 1
                continue
            seen.add(key)
            if ev.at is not None and first_at is None:
                first_at = ev.at
            ts = round(ev.at - first_at, 3) if ev.at is not None and first_at is not None else None
            if ev.is_comment and ev.user not in hosts:
                out.comments += 1
                row = {"id": key[1], "user": ev.user or "匿名", "user_id": ev.user_id, "text": ev.text}
                out.rows.append({k: v for k, v in {**row, "ts": ts}.items() if v is not None})
            else:
                kind_name = "host_reply" if ev.kind == "comment" else ev.kind
                out.events[kind_name] = out.events.get(kind_name, 0) + 1
                if events:
                    out.rows.append({**ev.to_dict(), "type": kind_name, **({"ts": ts} if ts is not None else {})})
    return out
