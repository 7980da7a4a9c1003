"""``copilot live``: run a comment source in the foreground, into the live session's routing."""

from __future__ import annotations

import json
import threading
from typing import Annotated

import typer

from copilot.cli.common import KnowledgeOpt, emit_json, load_catalog, settings_for

live = typer.Typer(help="直播间：在命令行里接入评论来源（无界面运行的门店和脚本用）。", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(live, name="live")


@live.command("connect")
def connect_cmd(
    source: Annotated[str, typer.Argument(help="wechat-channels（视频号助手）/ oba / douyin-grab / wxlivespy")],
    url: Annotated[str | None, typer.Option("--url", help="来源地址：ws://… ，wxlivespy 为本机监听地址，视频号为控制台网址")] = None,
    stream: Annotated[str | None, typer.Option("--stream", help="场次，默认今天的日期（或 COPILOT_STREAM）")] = None,
    until_idle: Annotated[float | None, typer.Option("--until-idle", help="连续这么多秒没有新消息就结束")] = None,
    headless: Annotated[bool, typer.Option("--headless", help="视频号：不显示浏览器窗口（需已扫码登录过）")] = False,
    token: Annotated[str | None, typer.Option("--token", help="wxlivespy：要求转发地址带 ?token=…")] = None,
    knowledge: KnowledgeOpt = None,
) -> None:
    """在前台运行一个评论来源，订单进台账、提问进问题队列；结束时（Ctrl-C 或 --until-idle）输出 JSON 小结。

    例：copilot live connect oba --until-idle 600
    """
    from copilot.live.session import LiveSession
    from copilot.live.sources.hub import make_source
    from copilot.orders.ledger import Ledger

    settings = settings_for(knowledge)
    catalog = load_catalog(settings)
    session = LiveSession(settings, catalog, Ledger.open(settings, catalog, stream))
    src = make_source(source, session.receive_batch, settings=settings, url=url or "",
                      hosts=(catalog.store.name,), headless=headless)
    stop = threading.Event()
    server = _listen(src, url, token) if source == "wxlivespy" else None
    worker = threading.Thread(target=src.run, args=(stop,), name=f"source-{source}", daemon=True)
    worker.start()
    typer.echo(f"正在接入 {src.label}（{src.url}），场次 {session.stream}；按 Ctrl-C 结束", err=True)
    try:
        _wait(src, stop, until_idle)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        if server is not None:
            server.shutdown()
        worker.join(10)
    st = src.status()
    emit_json({"source": source, "comments": st["comments"], "orders": st["orders"], "questions": st["questions"],
               "review": st["review"], "duplicates": st["duplicates"], "events": st["events"],
               "errors": st["errors"], "last_error": st["last_error"], "stream": session.stream})


def _wait(src, stop: threading.Event, until_idle: float | None) -> None:
    shown = ""
    while not stop.wait(0.5):
        line = f"{src.status()['state_zh']} · 评论 {src.comments} · {src.last_error}"
        if line != shown:
            typer.echo(line, err=True)
            shown = line
        if until_idle is not None and src.idle_for() >= until_idle:
            return


def _listen(src, url: str | None, token: str | None):
    """wxlivespy posts to a URL (its default http://127.0.0.1:8000/forward): listen there."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import parse_qs, urlparse

    from copilot.base.errors import CopilotError
    from copilot.live.auth import token_matches
    from copilot.live.sources.forward import MAX_BODY_BYTES

    where = urlparse(src.url)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            given = parse_qs(urlparse(self.path).query).get("token", [""])[0]
            if token and not token_matches(given, token):
                return self._reply(401, {"error": "令牌缺失或不正确"})
            size = int(self.headers.get("Content-Length") or 0)
            if size > MAX_BODY_BYTES:
                return self._reply(413, {"error": "转发的内容太大"})
            try:
                result = src.take(self.rfile.read(size), self.headers.get("Content-Encoding", ""))
            except CopilotError as exc:
                return self._reply(422, {"error": exc.message})
            self._reply(200, {k: v for k, v in result.items() if k != "outcomes"})

        def _reply(self, status: int, body: dict) -> None:
            raw = json.dumps(body, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer((where.hostname or "127.0.0.1", where.port or 8000), Handler)
    threading.Thread(target=server.serve_forever, name="wxlivespy-listener", daemon=True).start()
    return server
