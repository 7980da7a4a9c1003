"""The wire formats of the tools sellers already run, decoded into one event record.

- oba-live-tool: one flat JSON object per WebSocket frame, ``msg_type`` comment /
  wechat_channel_live_msg / xiaohongshu_comment / taobao_comment (viewer comments) or room_enter,
  room_like, room_follow, live_order ...; ``time`` is epoch ms (new) or a clock string (old).
- DouyinBarrageGrab: ``{"Type": n, "ProcessName", "Data": "<JSON string>"}``, 1 chat, 2 like,
  3 enter, 4 follow, 5 gift ...; ``Data`` has ``MsgId`` (int64), ``User{Id, Nickname}``, ``Content``.
- wxlivespy: one POST body per console poll, ``{"host_info", "live_info", "events": [...]}``,
  events with ``msg_id``, ``seq``, ``decoded_type``, ``nickname``, ``decoded_openid``, ``content``.
- the 视频号助手 console's own ``live/msg`` poll replies: ``{errCode, data: {msgList, appMsgList}}``,
  ``msgList`` items type 1 (comment) and 10005 (enter); ``appMsgList`` 20002 is the host's reply.

See tests/data/sources/FORMATS.md for where each field comes from. Everything here is pure: bytes
or objects in, :class:`Event` out, nothing written.
"""

from __future__ import annotations

import base64
import json
import math
from dataclasses import dataclass, field

from copilot.base.comments import MAX_ID, MAX_TEXT, MAX_USER

KINDS = ("oba", "douyin-grab", "wxlivespy", "wechat-channels")
OBA_COMMENTS = ("comment", "wechat_channel_live_msg", "xiaohongshu_comment", "taobao_comment")
OBA_EVENTS = {"room_enter": "enter", "room_like": "like", "room_follow": "follow", "live_order": "order",
              "subscribe_merchant_brand_vip": "follow", "ecom_fansclub_participate": "fansclub"}
DOUYIN_TYPES = {1: "comment", 2: "like", 3: "enter", 4: "follow", 5: "gift", 6: "stats", 7: "fansclub",
                8: "share", 9: "live_end"}
ANONYMOUS_IDS = {"0", "111111", ""}  # Douyin rooms with viewer anonymity give everyone 111111
CHANNELS_TYPES = {1: "comment", 10005: "enter", 10017: "comment"}
CHANNELS_APP_TYPES = {20002: "host_reply", 20006: "like", 20009: "gift", 20013: "gift", 20031: "levelup",
                      20078: "follow"}


class ConsoleError(Exception):
    """A 视频号 console reply with errCode != 0 (or no data): the console is not usable as it is."""

    def __init__(self, code) -> None:
        super().__init__(f"errCode {code}")
        self.code = code


@dataclass
class Event:
    kind: str                  # comment / enter / like / follow / gift / order / host_reply / ...
    id: str                    # the platform's message id ("" when it gives none)
    user: str = ""
    user_id: str | None = None
    text: str = ""
    at: float | None = None    # epoch seconds, when the tool gives a real time
    extra: dict = field(default_factory=dict)

    @property
    def is_comment(self) -> bool:
        return self.kind == "comment" and bool(self.text.strip())

    def to_dict(self) -> dict:
        out = {"type": self.kind, "id": self.id, "user": self.user}
        if self.user_id:
            out["user_id"] = self.user_id
        if self.text:
            out["text"] = self.text
        return {**out, **self.extra}


def _s(value, limit: int) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()[:limit]


def _ms(value) -> float | None:
    """Epoch ms (or s) as epoch seconds; clock strings ("19:58:42", old oba) are not a date: None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return value / 1000 if value > 1e11 else float(value) if value > 1e8 else None


def decode_oba(obj) -> list[Event]:
    """One oba-live-tool frame."""
    if not isinstance(obj, dict):
        return []
    mtype = _s(obj.get("msg_type"), 64)
    kind = "comment" if mtype in OBA_COMMENTS else OBA_EVENTS.get(mtype, "other")
    extra = {"platform_type": mtype} if kind == "other" else {}
    if mtype == "live_order":
        extra = {"order_status": _s(obj.get("order_status"), 32), "product": _s(obj.get("product_title"), 100)}
    return [Event(kind, _s(obj.get("msg_id"), MAX_ID), _s(obj.get("nick_name"), MAX_USER),
                  _s(obj.get("user_id"), MAX_ID) or None, _s(obj.get("content"), MAX_TEXT),
                  _ms(obj.get("time")), extra)]


def decode_douyin(obj) -> list[Event]:
    """One DouyinBarrageGrab envelope (``Data`` is a JSON string)."""
    if not isinstance(obj, dict):
        return []
    data = obj.get("Data")
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except (json.JSONDecodeError, RecursionError):
            return []
    if not isinstance(data, dict):
        return []
    kind = DOUYIN_TYPES.get(obj.get("Type"), "other")
    user = data.get("User") if isinstance(data.get("User"), dict) else {}
    uid = _s(user.get("Id"), MAX_ID)
    extra = {}
    if kind == "gift":
        extra = {"gift": _s(data.get("GiftName"), 64), "count": data.get("GiftCount") or 0,
                 "group": _s(data.get("GroupId"), 64)}
    text = _s(data.get("Content"), MAX_TEXT) if kind == "comment" else ""
    return [Event(kind, _s(data.get("MsgId"), MAX_ID), _s(user.get("Nickname"), MAX_USER),
                  None if uid in ANONYMOUS_IDS else uid, text, None, extra)]


def decode_wxlivespy(body) -> list[Event]:
    """One wxlivespy forward body: its events (comments, enters, likes, gifts)."""
    if not isinstance(body, dict) or not isinstance(body.get("events"), list):
        return []
    live = body.get("live_info") if isinstance(body.get("live_info"), dict) else {}
    live_id = _s(live.get("live_id"), 64)
    out = []
    for ev in body["events"]:
        if not isinstance(ev, dict):
            continue
        kind = {"comment": "comment", "enter": "enter", "like": "like", "gift": "gift", "combogift": "gift",
                "levelup": "levelup"}.get(_s(ev.get("decoded_type"), 32), "other")
        mid = _s(ev.get("msg_id"), MAX_ID) or (f"{live_id}#{_s(ev.get('seq'), 32)}" if ev.get("seq") else "")
        extra = {"gift": _s(ev.get("sec_gift_id"), 64), "count": ev.get("gift_num") or ev.get("combo_product_count")
                 or 0} if kind == "gift" else {}
        out.append(Event(kind, mid, _s(ev.get("nickname"), MAX_USER),
                         _s(ev.get("decoded_openid") or ev.get("sec_openid"), MAX_ID) or None,
                         _s(ev.get("content"), MAX_TEXT) if kind == "comment" else "", _ms(ev.get("msg_time")), extra))
    return out


def decode_channels(body) -> list[Event]:
    """One 视频号助手 ``live/msg`` reply. Raises ConsoleError for errCode != 0 or a reply without data."""
    if not isinstance(body, dict):
        raise ConsoleError("?")
    if body.get("errCode") not in (0, None) or not isinstance(body.get("data"), dict):
        raise ConsoleError(body.get("errCode"))
    data = body["data"]
    out = []
    for msg in data.get("msgList") or []:
        if isinstance(msg, dict):
            kind = CHANNELS_TYPES.get(msg.get("type"), "other")
            out.append(Event(kind, _s(msg.get("clientMsgId"), MAX_ID) or f"seq#{_s(msg.get('seq'), 32)}",
                             _s(msg.get("nickname"), MAX_USER), _s(msg.get("username"), MAX_ID) or None,
                             _s(msg.get("content"), MAX_TEXT) if kind == "comment" else ""))
    for msg in data.get("appMsgList") or []:
        if isinstance(msg, dict):
            out.append(_app_msg(msg))
    return out


def _app_msg(msg: dict) -> Event:
    kind = CHANNELS_APP_TYPES.get(msg.get("msgType"), "other")
    sender = ((msg.get("fromUserContact") or {}).get("contact") or {}) if isinstance(msg.get("fromUserContact"), dict) \
        else {}
    payload = {}
    try:
        payload = json.loads(base64.b64decode(msg.get("payload") or "", validate=False) or b"{}")
    except (ValueError, json.JSONDecodeError, RecursionError):
        payload = {}
    payload = payload if isinstance(payload, dict) else {}
    extra = {"gift": _s(payload.get("reward_product_id"), 64),
             "count": payload.get("reward_product_count") or payload.get("combo_product_count") or 0} \
        if kind == "gift" else {}
    return Event(kind, _s(msg.get("clientMsgId"), MAX_ID), _s(sender.get("nickname"), MAX_USER),
                 _s(sender.get("username"), MAX_ID) or None, _s(payload.get("content"), MAX_TEXT)
                 if kind == "host_reply" else "", None, extra)


DECODERS = {"oba": decode_oba, "douyin-grab": decode_douyin, "wxlivespy": decode_wxlivespy,
            "wechat-channels": decode_channels}
