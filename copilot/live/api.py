"""The HTTP intake: comments from a bot, a browser extension or a script, into the live-room session.

    POST /api/comments   Authorization: Bearer <token>
         body: one comment {"id", "user", "text", "ts"?, "current_sku"?}, a list of them,
               or {"comments": [...]}
         -> 200 {"received": n, "outcomes": [{"id", "kind", "status", "message", "lines", "question"}], "counts"}
         401 without / with a wrong token; 422 a bad body (Chinese message); 413 too many / too long.
         Idempotent by comment id: a comment seen before comes back with status "duplicate".
    GET  /api/health     -> {"status": "ok", "stream", "current_sku", "llm"} (no token)

The session is anything with ``receive(comment) -> Outcome`` (copilot.live.LiveSession).
"""


import json
import logging
from collections.abc import Callable

from copilot.base.comments import comment_from_dict
from copilot.base.errors import CopilotError
from copilot.live.auth import token_matches

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 2_000_000
MAX_BATCH = 1000
MAX_TEXT = 2000


class IntakeError(Exception):
    def __init__(self, status: int, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.status, self.message, self.hint = status, message, hint


def _too_big(size: int | None = None) -> IntakeError:
    said = f"（{size} 字节）" if size else ""
    return IntakeError(413, f"请求太大{said}", f"每次最多 {MAX_BODY_BYTES // 1_000_000} MB，请分批发送")


async def read_body(request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The body, read as it comes and refused as soon as it passes ``limit`` (never read whole first)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_big(int(declared))
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_big()
        chunks.append(chunk)
    return b"".join(chunks)


def parse_json(raw: bytes):
    """JSON from a request body; IntakeError 422 (in Chinese) for anything that is not."""
    if len(raw) > MAX_BODY_BYTES:
        raise _too_big(len(raw))
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        why = "嵌套太深" if isinstance(exc, RecursionError) else getattr(exc, "msg", "编码不是 UTF-8")
        raise IntakeError(422, f"请求体不是有效的 JSON：{why}",
                          '发送 {"id": "c1", "user": "王阿姨", "text": "扣1"} 或 {"comments": [...]}') from None


def parse_body(raw: bytes, catalog=None) -> list:
    """The request body -> validated comments; every comment is checked before any is processed."""
    data = parse_json(raw)
    if isinstance(data, dict) and "comments" in data:
        data = data["comments"]
    items = data if isinstance(data, list) else [data]
    if not items:
        raise IntakeError(422, "没有评论", "comments 列表不能为空")
    if len(items) > MAX_BATCH:
        raise IntakeError(413, f"一次发送了 {len(items)} 条评论，太多了", f"每次最多 {MAX_BATCH} 条，请分批发送")
    out = []
    for n, obj in enumerate(items, start=1):
        where = f"第 {n} 条评论" if len(items) > 1 else "评论"
        if isinstance(obj, dict) and isinstance(obj.get("text"), str) and len(obj["text"]) > MAX_TEXT:
            raise IntakeError(413, f"{where}太长（{len(obj['text'])} 个字符）", f"每条评论最多 {MAX_TEXT} 个字符")
        try:
            out.append(comment_from_dict(obj, catalog, where=where))
        except CopilotError as exc:
            raise IntakeError(422, exc.message, exc.hint or "") from None
    return out


def create_api(get_session: Callable[[], object], token: Callable[[], str], health: Callable[[], dict],
               catalog=None):
    """A FastAPI app with the intake routes; the UI is mounted onto it by app.py."""
    from fastapi import FastAPI, Request
    from fastapi.concurrency import run_in_threadpool
    from fastapi.responses import JSONResponse

    api = FastAPI(title="店播副驾 Live Copilot", docs_url=None, redoc_url=None, openapi_url=None)

    def error(status: int, message: str, hint: str = "") -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse({"error": message, "hint": hint}, status_code=status, headers=headers)

    @api.get("/api/health")
    def get_health() -> dict:
        return {"status": "ok", **health()}

    @api.post("/api/comments")
    async def post_comments(request: Request):
        auth = request.headers.get("authorization", "")
        given = auth[7:].strip() if auth.lower().startswith("bearer ") else request.headers.get("x-api-token")
        if not token_matches(given, token()):
            return error(401, "令牌缺失或不正确", "在请求头加 Authorization: Bearer <令牌>；令牌见“设置”页或 copilot accounts token")
        try:
            comments = parse_body(await read_body(request), catalog() if callable(catalog) else catalog)
        except IntakeError as exc:
            return error(exc.status, exc.message, exc.hint)
        session = get_session()
        try:
            outcomes = await run_in_threadpool(lambda: session.receive_batch(comments))  # one transaction
        except CopilotError as exc:
            return error(422, exc.message, exc.hint or "")
        counts: dict[str, int] = {}
        for o in outcomes:
            counts[o.status] = counts.get(o.status, 0) + 1
        log.info("intake: %d comments %s", len(outcomes), counts)
        return {"received": len(outcomes), "outcomes": [o.to_dict() for o in outcomes], "counts": counts}

    return api
