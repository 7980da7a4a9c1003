"""A tiny local server speaking the OpenAI API (chat completions and embeddings) for tests.

    from openai_stub import openai_stub

    with openai_stub(replies=["芒果很甜", 500, {"content": "慢回复", "delay": 3}]) as server:
        settings = Settings(llm_base_url=server.url, llm_model="stub", ...)
        ...
        assert server.requests[0]["messages"][0]["role"] == "system"

A reply is a string (200 with that assistant text), an int (that HTTP error status) or a dict
``{"content": str, "status": int, "delay": seconds}``. When the queue is empty the server answers
``default`` (500 unless given). ``delay`` applies to every reply without its own. ``/v1/embeddings``
returns deterministic vectors (``dim`` floats per input). Binds 127.0.0.1 on a free port.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class StubServer:
    def __init__(self, replies=(), *, default=500, delay: float = 0.0, dim: int = 32) -> None:
        self.replies: list = list(replies)
        self.default = default
        self.delay = delay
        self.dim = dim
        self.requests: list[dict] = []
        self.paths: list[str] = []
        self._lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def enqueue(self, *replies) -> "StubServer":
        with self._lock:
            self.replies.extend(replies)
        return self

    def _next(self):
        with self._lock:
            return self.replies.pop(0) if self.replies else self.default

    def _embed(self, text: str) -> list[float]:
        v = [0.0] * self.dim
        for ch in text:
            v[int(hashlib.md5(ch.encode()).hexdigest(), 16) % self.dim] += 1.0
        n = math.sqrt(sum(x * x for x in v)) or 1.0
        return [x / n for x in v]

    def _handler(self):
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                with stub._lock:
                    stub.requests.append(body)
                    stub.paths.append(self.path)
                if self.path.rstrip("/").endswith("/embeddings"):
                    self._embeddings(body)
                else:
                    self._chat(body)

            def _chat(self, body: dict) -> None:
                reply = stub._next()
                if not isinstance(reply, dict):
                    reply = {"status": reply} if isinstance(reply, int) else {"content": reply}
                time.sleep(reply.get("delay", stub.delay))
                status = reply.get("status", 200)
                if status != 200:
                    self._send(status, {"error": {"message": "stub error", "type": "server_error"}})
                    return
                self._send(200, {
                    "id": f"chatcmpl-{len(stub.requests)}", "object": "chat.completion",
                    "created": int(time.time()), "model": body.get("model", "stub"),
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": reply.get("content", "")}}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})

            def _embeddings(self, body: dict) -> None:
                inputs = body.get("input", [])
                inputs = [inputs] if isinstance(inputs, str) else inputs
                self._send(200, {"object": "list", "model": body.get("model", "stub"),
                                 "data": [{"object": "embedding", "index": i, "embedding": stub._embed(t)}
                                          for i, t in enumerate(inputs)],
                                 "usage": {"prompt_tokens": 1, "total_tokens": 1}})

            def _send(self, status: int, obj: dict) -> None:
                data = json.dumps(obj, ensure_ascii=False).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
                    pass

        return Handler

    def start(self) -> "StubServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@contextmanager
def openai_stub(replies=(), *, default=500, delay: float = 0.0, dim: int = 32):
    server = StubServer(replies, default=default, delay=delay, dim=dim).start()
    try:
        yield server
    finally:
        server.stop()
