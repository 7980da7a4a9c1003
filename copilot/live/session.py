"""The live-room session: every comment goes to the ledger (orders), the knowledge base (questions)
or the feed as chatter; the current product is set by hand or followed from the live transcript.

    session = LiveSession(settings, catalog, ledger, kb=kb)
    session.current_sku = "strawberry"          # one click in 直播间
    session.receive(Comment("c1", "王阿姨", "扣2"))  -> Outcome(status="order", message="已为 王阿姨 预留 …")
    session.undo_last()                          # the session's last action, reversed

Thread-safe: the HTTP intake, the replay thread and the UI call it concurrently.
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

from copilot.base.catalog import Catalog
from copilot.base.comments import Comment, load_comment_file
from copilot.base.db import reading
from copilot.base.errors import CopilotError, InputError, LedgerError
from copilot.base.progress import Progress
from copilot.knowledge.grouping import QuestionGrouper
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
from copilot.orders.intent import Intent, Item, Kind
from copilot.orders.parser import IntentParser
from copilot.orders.schema import comments as table
from copilot.orders.summary import stock_summary

log = logging.getLogger(__name__)
_INTRO = ("第一个", "第二个", "第三个", "下一个", "接下来", "来看", "介绍", "上链接", "号链接", "链接")


class LiveSession:
    def __init__(self, settings, catalog: Catalog, ledger, kb=None, parser=None, stream: str | None = None,
                 llm=None) -> None:
        self.settings = settings
        self.catalog = catalog
        self.ledger = ledger
        self.kb = kb
        self.llm = llm
        self.parser = parser or IntentParser(catalog, llm)
        self.stream = stream or getattr(ledger, "stream", None)
        self.started_at = time.time()
        self.feed: deque[FeedItem] = deque(maxlen=FEED_SIZE)
        self.questions: dict[int, QueuedQuestion] = {}
        self.history: list[ProductChange] = []
        self.grouper = QuestionGrouper()
        self._current: str | None = None
        self._actions: list[SessionAction] = []
        self._seq = 0
        self._lock = threading.RLock()
        self._last_mention: str | None = None

    def restore(self, limit: int = FEED_SIZE) -> int:
        """After a restart: show this stream's comments already in the ledger in the feed (not undoable)."""
        from sqlalchemy import select


        engine = getattr(self.ledger, "engine", None)
        if engine is None:
            return 0
        q = (select(table).where(table.c.stream == self.stream).order_by(table.c.id.desc()).limit(limit))
        with reading(engine) as conn:
            rows = list(conn.execute(q))[::-1]
        with self._lock:
            for r in rows:
                c = Comment(id=r.comment_id, user=r.user, text=r.text, ts=r.ts, current_sku=r.current_sku)
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

    def set_current(self, sku: str | None, source: str = "assistant") -> ProductChange | None:
        """Switch the product being presented; ``None`` for none. Unknown skus are refused."""
        sku = sku or None
        if sku is not None and self.catalog.get(sku) is None:
            raise InputError(f"没有 sku 为「{sku}」的商品", hint="从商品清单里选择当前讲解的商品")
        with self._lock:
            if sku == self._current:
                return None
            change = ProductChange(time.time(), self._current, sku, source)
            self._current = sku
            self.history.append(change)
            self._actions.append(SessionAction("product", change=change))
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
        if target is None:
            return None
        if target != self._current:
            self.set_current(target, "transcript")
            return target
        return None

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

    # -- comments --------------------------------------------------------------------------------

    def receive(self, comment: Comment) -> Outcome:
        """Route one comment: order-like → ledger; question → knowledge base and queue; else chatter."""
        with self._lock:
            if comment.current_sku is None and self._current:
                comment = replace(comment, current_sku=self._current)
            if comment.ts is None:
                comment = replace(comment, ts=round(time.time() - self.started_at, 1))
            intent = self.parser(comment)
            if intent.needs_review or intent.kind in ORDER_KINDS:
                item, action = self._to_ledger(comment, intent)
            else:
                item, action = self._other(comment, intent)
            self.feed.append(item)
            if action is not None:
                self._actions.append(action)
            return Outcome(comment.id, item.kind, item.status, item.message, item.line_ids, item.question_id)

    def _new_item(self, comment: Comment, kind: str, status: str, message: str) -> FeedItem:
        self._seq += 1
        return FeedItem(self._seq, comment, kind, status, message)

    def _to_ledger(self, comment: Comment, intent: Intent) -> tuple[FeedItem, SessionAction | None]:
        before = self._open_qty(comment.user) if intent.kind is Kind.MODIFY else {}
        try:
            res = self.ledger.apply(comment, intent)
        except CopilotError as exc:
            return self._new_item(comment, intent.kind.value, "error", str(exc)), None
        if res.duplicate:
            return self._new_item(comment, intent.kind.value, "duplicate", res.message), None
        status = "review" if res.review else "order"
        message = res.message or f"{comment.user} 没有可以改动的订单"
        item = self._new_item(comment, intent.kind.value, status, message)
        item.line_ids = [ln.id for ln in res.created]
        touched = {ln.id for ln in res.changed}
        cancelled = [ln.id for ln in res.changed if ln.buyer == comment.user and ln.status == "cancelled"]
        return item, SessionAction("comment", item=item, before={k: v for k, v in before.items() if k in touched},
                             cancelled=cancelled)

    def _open_qty(self, buyer: str) -> dict:
        return {ln.id: ln.qty for ln in self.ledger.lines(buyer=buyer, status=("reserved", "waitlist",
                                                                                "needs_review"))}

    def _other(self, comment: Comment, intent: Intent) -> tuple[FeedItem, SessionAction | None]:
        try:  # every comment is recorded once: a question sent twice is not queued twice
            res = self.ledger.apply(comment, intent)
        except CopilotError as exc:
            return self._new_item(comment, intent.kind.value, "error", str(exc)), None
        if res.duplicate:
            return self._new_item(comment, intent.kind.value, "duplicate", res.message), None
        if intent.kind is not Kind.QUESTION:
            return self._new_item(comment, intent.kind.value, "other", intent.reason or "闲聊"), None
        gid, is_new = self.grouper.add(comment.user, comment.text, comment.ts or 0.0)
        if not is_new and gid in self.questions:
            q = self.questions[gid]
            q.users.append(comment.user)
            q.done = False
            item = self._new_item(comment, "question", "question", f"同类问题（{len(q.users)} 人在问）")
        else:
            q = self._ask(gid, comment)
            if q is None:
                return self._new_item(comment, "question", "other", "闲聊（与商品无关）"), None
            self.questions[gid] = q
            item = self._new_item(comment, "question", "question",
                                  f"建议回复：{q.reply}" if q.answered else "知识库没有答案，已交给助理")
        item.question_id = gid
        return item, SessionAction("comment", item=item)

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
                              ans.answered, ans.reason, [s.file for s in ans.sources[:3]], hints)

    def paste(self, text: str, user: str = "", progress: Progress | None = None) -> list[Outcome]:
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
        return self.ingest_many(comments, progress)

    def ingest_many(self, comments: Iterable[Comment], progress: Progress | None = None) -> list[Outcome]:
        comments = list(comments)
        out = []
        for n, c in enumerate(comments, start=1):
            out.append(self.receive(c))
            if progress and (n % 20 == 0 or n == len(comments)):
                progress(n / len(comments), f"已处理 {n}/{len(comments)} 条评论")
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

    # -- files -----------------------------------------------------------------------------------

    def load_uploaded(self, path: str | Path) -> list[Comment]:
        """A comments file: JSONL, or CSV with columns id,user,text,ts,current_sku (id and text required)."""
        return load_comment_file(path, self.catalog)

    # -- queues and totals -----------------------------------------------------------------------

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
            return q

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

    def undo_last(self) -> str:
        """Reverse the session's last action: a comment's effect on the ledger or the question
        queue, or a change of the current product. Returns what was undone (Chinese)."""
        with self._lock:
            if not self._actions:
                raise LedgerError("本场直播间还没有可以撤销的操作")
            action = self._actions.pop()
            try:
                return self._undo(action)
            except CopilotError:
                self._actions.append(action)
                raise

    def _undo(self, action: SessionAction) -> str:
        if action.kind == "product":
            ch = action.change
            self._current = ch.old
            self.history.append(ProductChange(time.time(), ch.new, ch.old, "undo"))
            return f"已撤销商品切换，当前商品：{self.current_label()}"
        item = action.item
        if item.kind == "question":
            return self._undo_question(item)
        done = self._undo_lines(item)
        if item.kind == Kind.CANCEL.value:
            done += self._reorder(item, action.cancelled)
        elif item.kind == Kind.MODIFY.value:
            done += self._restore_qty(item, action.before)
        item.undone = True
        return f"已撤销评论「{item.comment.text[:20]}」（{item.comment.user}）" + (f"：{'；'.join(done)}" if done else "")

    def _undo_question(self, item: FeedItem) -> str:
        q = self.questions.get(item.question_id)
        if q is not None:
            if item.comment.user in q.users:
                q.users.remove(item.comment.user)
            if not q.users:
                del self.questions[q.id]
        item.undone = True
        return f"已从问题队列移除「{item.comment.text[:20]}」"

    def _undo_lines(self, item: FeedItem) -> list[str]:
        done = []
        for line_id in item.line_ids:
            line = next((ln for ln in self.ledger.lines(buyer=item.comment.user) if ln.id == line_id), None)
            if line is None or line.status in ("cancelled", "picked_up"):
                continue
            if line.status == "needs_review":
                self.ledger.dismiss_review(line_id)
                done.append(f"驳回待确认 #{line_id}")
            else:
                done.append(self.ledger.cancel_line(line_id).message)
        return done

    def _reorder(self, item: FeedItem, ids: list[int]) -> list[str]:
        """Undo a cancel comment: the lines it cancelled are ordered again (waitlisted if sold out)."""
        c = item.comment
        lines = [ln for ln in self.ledger.lines(buyer=c.user, status="cancelled") if ln.id in ids]
        if not lines:
            return []
        items = tuple(Item(ln.sku, ln.qty, ln.unit) for ln in lines if ln.sku)
        redo = Comment(id=f"{c.id}~undo{int(time.time() * 1000) % 10**9}", user=c.user,
                       text=f"（撤销取消）{c.text}", ts=c.ts, current_sku=c.current_sku)
        return [self.ledger.apply(redo, Intent(Kind.ORDER, items, reason="撤销取消")).message]

    def _restore_qty(self, item: FeedItem, before: dict) -> list[str]:
        c = item.comment
        out = []
        for line in self.ledger.lines(buyer=c.user):
            old = before.get(line.id)
            if old is None or line.status not in ("reserved", "waitlist", "needs_review") or line.qty == old:
                continue
            redo = Comment(id=f"{c.id}~undo{line.id}-{int(time.time() * 1000) % 10**9}", user=c.user,
                           text=f"（撤销改单）{c.text}", ts=c.ts, current_sku=line.sku)
            out.append(self.ledger.apply(redo, Intent(Kind.MODIFY, (Item(line.sku, old, line.unit),),
                                                      reason="撤销改单")).message)
        return out
