"""Background work of the live room (a replay, the transcript follower, comment sources): named
threads, each with its own stop event, whose failures become a status line instead of a silent death."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from copilot.base.errors import CopilotError, InputError

log = logging.getLogger(__name__)


class Jobs:
    """``jobs.start("replay", fn, *args)`` runs ``fn(stop_event, *args)`` in a daemon thread."""

    def __init__(self) -> None:
        self._jobs: dict[str, tuple[threading.Thread, threading.Event]] = {}
        self._lock = threading.Lock()
        self.status = ""  # the last failure, in Chinese, for the page
        self.done = 0     # progress of the current replay, for the page
        self.total = 0

    def running(self, name: str) -> bool:
        job = self._jobs.get(name)
        return job is not None and job[0].is_alive()

    def start(self, name: str, target: Callable, *args) -> threading.Event:
        with self._lock:
            if self.running(name):
                raise InputError("已经在运行了", hint="先点“停止”，再重新开始")
            stop = threading.Event()
            t = threading.Thread(target=self._guard, args=(target, stop, *args), name=f"live-{name}", daemon=True)
            self._jobs[name] = (t, stop)
            t.start()
            return stop

    def _guard(self, target: Callable, stop: threading.Event, *args) -> None:
        try:
            target(stop, *args)
        except CopilotError as exc:
            self.status = f"❌ {exc}"
        except Exception as exc:  # a background thread must not die silently
            log.exception("live-room job failed")
            self.status = f"❌ 后台任务出错：{type(exc).__name__}（详见日志）"

    def stop(self, name: str) -> bool:
        job = self._jobs.get(name)
        if job is None or not job[0].is_alive():
            return False
        job[1].set()
        return True

    def join(self, name: str, timeout: float | None = None) -> None:
        job = self._jobs.get(name)
        if job is not None:
            job[0].join(timeout)
