"""What the live room shows: feed items, outcomes of a comment, queued questions, product switches.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from copilot.base.comments import Comment
from copilot.orders.intent import Kind

FEED_SIZE = 500
ORDER_KINDS = (Kind.ORDER, Kind.CANCEL, Kind.MODIFY)
# what the feed shows at a glance, by outcome status
STATUS_LABELS = {"order": "🛒 订单", "question": "❓ 提问", "other": "💬 闲聊", "review": "⚠ 待确认",
                 "duplicate": "↩ 重复", "error": "✖ 出错"}
KIND_ZH = {"order": "下单", "cancel": "取消", "modify": "改单", "question": "提问", "other": "闲聊"}


@dataclass
class FeedItem:
    seq: int
    comment: Comment
    kind: str                      # the intent kind: order / cancel / modify / question / other
    status: str                    # order / question / other / review / duplicate / error
    message: str                   # what happened, in Chinese
    at: float = field(default_factory=time.time)
    line_ids: list[int] = field(default_factory=list)
    question_id: int | None = None
    undone: bool = False
    action_id: int | None = None   # the ledger journal entry that undoes this comment's effect

    @property
    def label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass
class Outcome:
    comment_id: str
    kind: str
    status: str
    message: str
    line_ids: list[int] = field(default_factory=list)
    question_id: int | None = None

    def to_dict(self) -> dict:
        return {"id": self.comment_id, "kind": self.kind, "status": self.status, "message": self.message,
                "lines": self.line_ids, "question": self.question_id}


@dataclass
class QueuedQuestion:
    id: int                        # the QuestionGrouper group id
    text: str
    users: list[str]
    sku: str | None
    reply: str                     # the suggested reply (empty when the knowledge base does not say)
    answered: bool                 # the knowledge base answered it
    reason: str = ""
    sources: list[str] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)  # unanswered: the nearest knowledge, for the assistant
    why: str = ""                  # why this reply (or why none): the aspect, the kind of value, the source
    done: bool = False             # the assistant marked it answered
    at: float = field(default_factory=time.time)


@dataclass
class ProductChange:
    at: float
    old: str | None
    new: str | None
    source: str                    # "assistant" / "transcript" / "schedule"


@dataclass
class SessionAction:
    """Something a person did in the live room that only the session can undo (the ledger journals
    the rest): a switch of the current product, or a question they typed."""
    kind: str                      # "product" / "question"
    actor: str
    item: FeedItem | None = None
    change: ProductChange | None = None
    at: float = field(default_factory=time.time)
    undone: bool = False
