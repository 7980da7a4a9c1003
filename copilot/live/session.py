"""The live-room session: every comment goes to the ledger (orders), the knowledge base (questions)
or the feed as chatter; the current product is set by hand or followed from the live transcript.

    session = LiveSession(settings, catalog, ledger, kb=kb)
    session.set_current("strawberry", actor="小王")          # one click in 直播间
    session.receive(Comment("c1", "王阿姨", "扣2"))          -> Outcome(status="order", ...)
    session.undo_last("小王")                               # 小王's last action, reversed

A batch of comments (an HTTP body, a paste) is one ledger transaction: all of it or nothing. Who did
what is kept: comments typed or pasted by a person, their review decisions (in the ledger's journal)
and their product switches can be undone by that person; comments from sources and automatic product
switches are never someone's "last action". Memory stays bounded over a long evening.

Thread-safe: the HTTP intake, the sources, the replay thread and the UI call it concurrently.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from copilot.base.catalog import Catalog
from copilot.base.comments import Comment, load_comment_file
from copilot.base.db import reading
from copilot.base.errors import CopilotError, InputError, LedgerError
from copilot.base.progress import Progress
from copilot.knowledge.grouping import QuestionGrouper
from copilot.live.events import ANSWERED, QUESTION, SWITCH, EventLog
from copilot.live.records import (
    FEED_SIZE,
    ORDER_KINDS,
    STATUS_LABELS,
    FeedItem,
    Outcome,
    ProductChange,
    QueuedQuestion,
    SessionAction,
)
from copilot.orders import lexicon
from copilot.orders.intent import Intent, Kind
from copilot.orders.parser import IntentParser
from copilot.orders.records import ApplyResult
from copilot.orders.schema import comments as table
from copilot.orders.summary import stock_summary

log = logging.getLogger(__name__)
SOURCE_ACTOR = "来源"  # comments that arrived from a source (HTTP, a platform), not typed by a person
HISTORY_SIZE = 300     # product switches kept in memory (all of them are in the event log)
ACTIONS_SIZE = 300     # undoable session actions kept
MAX_QUESTIONS = 400    # questions in the queue; the oldest handled ones go first
BATCH = 200            # comments per transaction when a file is ingested (progress between batches)
_INTRO = ("第一个", "第二个", "第三个", "下一个", "接下来", "来看", "介绍", "上链接", "号链接", "链接")


class LiveSession:
    def __init__(self, settings, catalog: Catalog, ledger, kb=None, parser=None, stream: str | None = None,
                 llm=None, events: EventLog | None = None) -> None:
        self.settings = settings
        self.catalog = catalog
        self.ledger = ledger
        self.kb = kb
        self.llm = llm
        self.parser = parser or IntentParser(catalog, llm)
        if not lexicon.loaded():  # the first typo of the evening should not wait for the word list
            threading.Thread(target=lexicon.warm, name="lexicon-warm", daemon=True).start()
        self.stream = stream or getattr(ledger, "stream", None)
        engine = getattr(ledger, "engine", None)
        self.events = events or (EventLog(engine, self.stream) if engine is not None else None)
        self.started_at = time.time()
        self.feed: deque[FeedItem] = deque(maxlen=FEED_SIZE)
        self.questions: dict[int, QueuedQuestion] = {}
        self.history: deque[ProductChange] = deque(maxlen=HISTORY_SIZE)
        self.grouper = QuestionGrouper()
        self._current: str | None = None
        self._actions: deque[SessionAction] = deque(maxlen=ACTIONS_SIZE)
        self._seq = 0
        self._lock = threading.RLock()
        self._last_mention: str | None = None

    def restore(self, limit: int = FEED_SIZE) -> int:
        """After a restart: show this stream's comments already in the ledger in the feed (not undoable)."""
        engine = getattr(self.ledger, "engine", None)
        if engine is None:
            return 0
        q = (select(table).where(table.c.stream == self.stream).order_by(table.c.id.desc()).limit(limit))
        with reading(engine) as conn:
            rows = list(conn.execute(q))[::-1]
        with self._lock:
            for r in rows:
                c = Comment(id=r.comment_id, user=r.user, text=r.text, ts=r.ts, current_sku=r.current_sku,
                            user_id=r.user_id)
                status = "review" if r.outcome == "review" else (
                    "order" if r.kind in ("order", "cancel", "modify") else r.kind)
                self.feed.append(self._new_item(c, r.kind, status, r.message or "（重启前已处理）"))
        log.info("restored %d comments of %s into the feed", len(rows), self.stream)
        return len(rows)

    # -- the current product ---------------------------------------------------------------------

    @property
    def current_sku(self) -> str | None:
        return self._current

    @current_sku.setter
    def current_sku(self, sku: str | None) -> None:
        self.set_current(sku, "assistant")

    def set_current(self, sku: str | None, source: str = "assistant", actor: str | None = None) -> ProductChange | None:
        """Switch the product being presented; ``None`` for none. Unknown skus are refused. A switch made
        by a person (source "assistant") is theirs to undo; automatic ones (transcript, schedule) are not."""
        sku = sku or None
        if sku is not None and self.catalog.get(sku) is None:
            raise InputError(f"没有 sku 为「{sku}」的商品", hint="从商品清单里选择当前讲解的商品")
        with self._lock:
            if sku == self._current:
                return None
            change = ProductChange(time.time(), self._current, sku, source)
            self._current = sku
            self.history.append(change)
            if source == "assistant":
                self._actions.append(SessionAction("product", actor or SOURCE_ACTOR, change=change))
        if self.events is not None:
            self.events.record(SWITCH, sku, self._elapsed(), old=change.old, source=source)
        log.info("current product %s -> %s (%s)", change.old, sku, source)
        return change

    def current_label(self) -> str:
        p = self.catalog.get(self._current or "")
        return f"{p.link}号 {p.name}" if p else "（未选择商品）"

    def follow_transcript(self, segment) -> str | None:
        """A transcript segment (``.text`` or a str) that introduces a product switches to it.

        A link number ("二号链接") switches at once; a product name switches when the segment
        introduces it ("第二个…", "接下来…") or it is named in two segments in a row."""
        text = getattr(segment, "text", segment) or ""
        target = self._named_product(text)
        if target is None or target == self._current:
            return None
        self.set_current(target, "transcript")
        return target

    def _named_product(self, text: str) -> str | None:
        links = {p.sku for _, _, p, _ in self.catalog.links(text) if p is not None}
        if len(links) == 1:
            self._last_mention = next(iter(links))
            return self._last_mention
        named = {p.sku for _, _, p in self.catalog.mentions(text)}
        if len(named) != 1:
            self._last_mention = None
            return None
        sku = next(iter(named))
        repeated, self._last_mention = sku == self._last_mention, sku
        return sku if repeated or any(cue in text for cue in _INTRO) else None

    def _elapsed(self) -> float:
        return round(time.time() - self.started_at, 1)

    # -- comments --------------------------------------------------------------------------------

    def receive(self, comment: Comment, *, actor: str | None = None) -> Outcome:
        """Route one comment: order-like → ledger; question → knowledge base and queue; else chatter.
        ``actor`` is the person who typed or pasted it; None for a comment from a source."""
        return self.receive_batch([comment], actor=actor)[0]

    def receive_batch(self, comments: list[Comment], *, actor: str | None = None) -> list[Outcome]:
        """Several comments as ONE ledger transaction: every comment is recorded, or (on an error)
        none is. Questions are answered after the transaction, outside it."""
        with self._lock:
            prepared = [self._prepare(c) for c in comments]
            intents = [self.parser(c) for c in prepared]
            results = self.ledger.apply_batch(list(zip(prepared, intents)), actor=actor or SOURCE_ACTOR)
            return [self._route(c, i, r, actor) for c, i, r in zip(prepared, intents, results)]

    def _prepare(self, comment: Comment) -> Comment:
        if comment.current_sku is None and self._current:
            comment = replace(comment, current_sku=self._current)
        if comment.ts is None:
            comment = replace(comment, ts=self._elapsed())
        return comment

    def _route(self, comment: Comment, intent: Intent, res: ApplyResult, actor: str | None) -> Outcome:
        kind = intent.kind.value
        if res.duplicate:
            item = self._new_item(comment, kind, "duplicate", res.message)
        elif intent.needs_review or intent.kind in ORDER_KINDS:
            item = self._new_item(comment, kind, "review" if res.review else "order",
                                  res.message or f"{comment.user} 没有可以改动的订单")
            item.line_ids, item.action_id = [ln.id for ln in res.created], res.action_id
        elif intent.kind is Kind.QUESTION:
            item = self._question(comment, actor)
        else:
            item = self._new_item(comment, kind, "other", intent.reason or "闲聊")
        self.feed.append(item)
        return Outcome(comment.id, item.kind, item.status, item.message, item.line_ids, item.question_id)

    def _new_item(self, comment: Comment, kind: str, status: str, message: str) -> FeedItem:
        self._seq += 1
        return FeedItem(self._seq, comment, kind, status, message)

    def _question(self, comment: Comment, actor: str | None) -> FeedItem:
        gid, is_new = self.grouper.add(comment.user, comment.text, comment.ts or 0.0)
        if not is_new and gid in self.questions:
            q = self.questions[gid]
            q.users.append(comment.user)
            q.done = False
            item = self._new_item(comment, "question", "question", f"同类问题（{len(q.users)} 人在问）")
        else:
            q = self._ask(gid, comment)
            if q is None:
                return self._new_item(comment, "question", "other", "闲聊（与商品无关）")
            self._queue(q)
            item = self._new_item(comment, "question", "question",
                                  f"建议回复：{q.reply}" if q.answered else "知识库没有答案，已交给助理")
        item.question_id = gid
        if self.events is not None:
            self.events.record(QUESTION, comment.current_sku, comment.ts, group=gid, text=comment.text[:200],
                               user=comment.user, answered=q.answered, reason=q.reason, repeat=not is_new)
        if actor is not None:
            self._actions.append(SessionAction("question", actor, item=item))
        return item

    def _queue(self, q: QueuedQuestion) -> None:
        self.questions[q.id] = q
        if len(self.questions) > MAX_QUESTIONS:  # the oldest handled questions go first, then the oldest
            oldest = sorted(self.questions.values(), key=lambda x: (not (x.done or x.answered), x.at))
            for old in oldest[:len(self.questions) - MAX_QUESTIONS]:
                del self.questions[old.id]

    def _ask(self, gid: int, comment: Comment) -> QueuedQuestion | None:
        sku = comment.current_sku
        if self.kb is None:
            return QueuedQuestion(gid, comment.text, [comment.user], sku, "", False, "no_kb")
        try:
            ans = self.kb.answer(comment.text, current_sku=sku, user=comment.user, llm=self.llm)
        except CopilotError as exc:
            log.warning("kb answer failed for %s: %s", comment.id, exc)
            return QueuedQuestion(gid, comment.text, [comment.user], sku, "", False, str(exc))
        if not ans.answered and ans.reason == "off_topic":
            return None
        hints = [f"{s.text}（{s.file}）" for s in ans.sources[:2]] if ans.reason == "not_in_kb" else []
        return QueuedQuestion(gid, comment.text, [comment.user], sku, ans.text if ans.answered else "",
                              ans.answered, ans.reason, [s.file for s in ans.sources[:3]], hints,
                              why=getattr(ans, "why", ""))

    def paste(self, text: str, user: str = "", progress: Progress | None = None, *,
              actor: str | None = None) -> list[Outcome]:
        """Pasted comments, one per line ("昵称：内容" or just the content). Ids are stable per
        content and minute, so pasting the same lines twice within a minute is not double-counted."""
        lines = [ln.strip() for ln in (text or "").splitlines() if ln.strip()]
        if not lines:
            raise InputError("没有要处理的评论", hint="每行粘贴一条评论，可写成“昵称：内容”")
        minute = int(time.time() // 60)
        comments = []
        for n, line in enumerate(lines):
            who, sep, body = line.partition("：") if "：" in line else line.partition(":")
            name, body = (who.strip(), body.strip()) if sep and 0 < len(who.strip()) <= 20 else ("", line)
            name = name or (user or "").strip() or "粘贴"
            digest = hashlib.sha1(f"{name}|{body}|{n}|{minute}".encode()).hexdigest()[:12]
            comments.append(Comment(id=f"paste-{digest}", user=name, text=body))
        return self.ingest_many(comments, progress, actor=actor or "本机")

    def ingest_many(self, comments: Iterable[Comment], progress: Progress | None = None, *,
                    actor: str | None = None) -> list[Outcome]:
        comments = list(comments)
        out: list[Outcome] = []
        for start in range(0, len(comments), BATCH):
            out += self.receive_batch(comments[start:start + BATCH], actor=actor)
            if progress:
                progress(len(out) / len(comments), f"已处理 {len(out)}/{len(comments)} 条评论")
        return out

    def replay(self, comments: Iterable[Comment] | str | Path, speed: float = 1.0,
               stop_event: threading.Event | None = None, on_item: Callable[[Outcome], None] | None = None,
               schedule: list[tuple[float, str | None]] | None = None) -> list[Outcome]:
        """Feed comments at the pace of their ``ts`` gaps divided by ``speed`` (0 = no waiting).
        ``schedule`` [(ts, sku)] switches the current product as the replay passes each time."""
        if isinstance(comments, (str, Path)):
            comments = self.load_uploaded(comments)
        stop_event = stop_event or threading.Event()
        items = sorted(comments, key=lambda c: c.ts or 0.0)
        plan = sorted(schedule or [], key=lambda x: x[0])
        prev, out = (items[0].ts or 0.0) if items else 0.0, []
        for c in items:
            gap = max(0.0, (c.ts or prev) - prev)
            if speed > 0 and gap and stop_event.wait(gap / speed):
                break
            if stop_event.is_set():
                break
            prev = c.ts or prev
            while plan and plan[0][0] <= prev:
                self.set_current(plan.pop(0)[1], "schedule")
            res = self.receive(c)
            out.append(res)
            if on_item:
                on_item(res)
        return out

    def load_uploaded(self, path: str | Path) -> list[Comment]:
        """A comments file: JSONL, a JSON array, or CSV (id optional), validated whole."""
        return load_comment_file(path, self.catalog)

    # -- queues, review and totals ---------------------------------------------------------------

    def feed_items(self, limit: int = 200) -> list[FeedItem]:
        with self._lock:
            return list(self.feed)[-limit:][::-1]

    def question_queue(self, include_done: bool = False) -> list[QueuedQuestion]:
        with self._lock:
            qs = [q for q in self.questions.values() if include_done or not q.done]
        return sorted(qs, key=lambda q: (q.answered, -len(q.users), q.at))

    def mark_answered(self, question_id: int) -> QueuedQuestion:
        with self._lock:
            q = self.questions.get(int(question_id))
            if q is None:
                raise InputError(f"没有编号为 {question_id} 的问题", hint="在问题队列里选择一条")
            q.done = True
        if self.events is not None:
            self.events.record(ANSWERED, q.sku, self._elapsed(), group=q.id, text=q.text[:200])
        return q

    def resolve_review(self, line_id: int, sku: str, qty: float, *, actor: str, force: bool = False) -> str:
        return self.ledger.resolve_review(line_id, sku, qty, force=force, actor=actor).message

    def dismiss_review(self, line_id: int, *, actor: str) -> str:
        return self.ledger.dismiss_review(line_id, actor=actor).message

    def totals(self) -> list[dict]:
        """Per product: the ledger's running summary (reserved, waitlist, remaining, buyers, amount)."""
        return stock_summary(self.ledger)

    def counts(self) -> dict[str, int]:
        with self._lock:
            out = {k: 0 for k in STATUS_LABELS}
            for item in self.feed:
                if not item.undone:
                    out[item.status] = out.get(item.status, 0) + 1
            return out

    # -- undo ------------------------------------------------------------------------------------

    def undo_last(self, actor: str = "本机") -> str:
        """Reverse ``actor``'s last action: a comment they typed or pasted, a review item they confirmed
        or dismissed (it goes back to review), a product switch they made, a question they typed.
        Comments from sources and automatic switches are never someone's last action."""
        with self._lock:
            mine = next((a for a in reversed(self._actions) if a.actor == actor and not a.undone), None)
            journal = self.ledger.last_action(actor) if hasattr(self.ledger, "last_action") else None
            if journal is not None and (mine is None or journal[1] >= mine.at):
                message = self.ledger.undo(journal[0])
                self._mark_undone(journal[0])
                return message
            if mine is None:
                raise LedgerError("你在本场直播间还没有可以撤销的操作")
            mine.undone = True
            if mine.kind == "product":
                return self._undo_switch(mine.change)
            return self._undo_question(mine.item)

    def undo_item(self, seq: int) -> str:
        """Reverse what one comment in the feed did (by its number in the feed), whoever sent it."""
        with self._lock:
            item = next((it for it in self.feed if it.seq == int(seq)), None)
            if item is None or item.undone:
                raise LedgerError(f"评论 #{seq} 不在评论流里或已撤销", hint="在评论流里点选一条")
            if item.question_id is not None:
                return self._undo_question(item)
            if item.action_id is None:
                raise LedgerError(f"评论 #{seq} 没有改动台账，不需要撤销")
            message = self.ledger.undo(item.action_id)
            self._mark_undone(item.action_id)
            return message

    def _mark_undone(self, action_id: int) -> None:
        for it in self.feed:
            if it.action_id == action_id:
                it.undone = True

    def _undo_switch(self, change: ProductChange) -> str:
        self._current = change.old
        self.history.append(ProductChange(time.time(), change.new, change.old, "undo"))
        if self.events is not None:
            self.events.record(SWITCH, change.old, self._elapsed(), old=change.new, source="undo")
        return f"已撤销商品切换，当前商品：{self.current_label()}"

    def _undo_question(self, item: FeedItem) -> str:
        q = self.questions.get(item.question_id)
        if q is not None:
            if item.comment.user in q.users:
                q.users.remove(item.comment.user)
            if not q.users:
                del self.questions[q.id]
        item.undone = True
        return f"已从问题队列移除「{item.comment.text[:20]}」"
