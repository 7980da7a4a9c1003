"""店播副驾 Live Copilot — the app people keep open all evening: ``python app.py``.

One server: the Gradio workspaces at ``/`` and the HTTP comment intake at ``/api/...`` (FastAPI,
served by uvicorn). Honours GRADIO_SERVER_NAME / GRADIO_SERVER_PORT (default 127.0.0.1:7860) and
the COPILOT_* settings. On the network (not 127.0.0.1/localhost/::1) it needs accounts
(``copilot accounts add``) and asks everyone to sign in.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def bootstrap() -> None:
    """On a fresh machine ``python3 app.py`` installs everything (.ci/setup) and restarts in .venv."""
    venv_python = ROOT / ".venv" / "bin" / "python"
    if Path(sys.prefix).resolve() == (ROOT / ".venv").resolve() or os.environ.get("COPILOT_NO_BOOTSTRAP"):
        return
    if subprocess.call(["bash", str(ROOT / ".ci" / "setup")]) != 0:
        sys.exit("安装没有完成，请根据上面的提示处理后再运行 python3 app.py")
    os.execv(str(venv_python), [str(venv_python), str(Path(__file__).resolve()), *sys.argv[1:]])


def server_address() -> tuple[str, int]:
    from copilot.base.errors import ConfigError

    host = os.environ.get("GRADIO_SERVER_NAME") or "127.0.0.1"
    raw = os.environ.get("GRADIO_SERVER_PORT") or "7860"
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise ConfigError(f"GRADIO_SERVER_PORT「{raw}」不是有效端口", hint="填 1-65535 之间的数字，例如 7860")
    return host, int(raw)


def build_server(ctx, host: str = "127.0.0.1"):
    """The FastAPI app with the intake routes and the Gradio UI mounted at ``/``."""
    import gradio as gr

    from copilot.live.api import create_api
    from copilot.live.auth import check_can_start, is_loopback
    from copilot.ui import create_app

    check_can_start(host, ctx.accounts)
    ctx.catalog  # fail fast, with a clear message, on a broken knowledge dir

    def health() -> dict:
        return {"stream": ctx.stream, "current_sku": ctx.session.current_sku, "llm": ctx.llm_label,
                "store": ctx.catalog.store.name}

    api = create_api(lambda: ctx.session, lambda: ctx.api_token, health, catalog=lambda: ctx.catalog)
    demo = create_app(ctx)
    auth = None
    if ctx.accounts and not is_loopback(host):
        auth = _signed_in(api, ctx)
    return gr.mount_gradio_app(api, demo, path="", auth=auth, auth_message="店播副驾：请用店主或助理账号登录",
                               show_error=False, ssr_mode=False, footer_links=[])


def _signed_in(api, ctx):
    """Gradio's sign-in check, throttled per name and per client address (the address comes from a
    middleware on the login route, through a context variable)."""
    import contextvars

    from copilot.live.auth import SignInGuard, sign_in

    client = contextvars.ContextVar("client_address", default="?")
    guard = SignInGuard()

    @api.middleware("http")
    async def remember_address(request, call_next):
        token = client.set(request.client.host if request.client else "?")
        try:
            return await call_next(request)
        finally:
            client.reset(token)

    return lambda name, password: sign_in(ctx.accounts, guard, name, password, client.get())


def main() -> int:
    from copilot.base.errors import CopilotError
    from copilot.base.files import private_umask
    from copilot.base.settings import load_settings, setup_logging

    private_umask()  # every file this process creates is 0600, every folder 0700
    setup_logging()
    try:
        host, port = server_address()
        settings = load_settings()
        # Gradio keeps uploads and served files in its cache: under COPILOT_HOME, not /tmp
        os.environ.setdefault("GRADIO_TEMP_DIR", str(settings.tmp_dir / "gradio"))
        from copilot.ui.context import AppContext

        ctx = AppContext(settings)
        server = build_server(ctx, host)
        ctx.session  # the live room exists before the first comment arrives
        ctx.api_token  # generated and stored on first start
        ctx.warm_up()
    except CopilotError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"怎么办：{exc.hint}", file=sys.stderr)
        return 2
    import uvicorn

    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    print(f"店播副驾已启动：http://{shown}:{port}  （数据目录 {settings.data_dir}，知识库 {settings.knowledge_dir}）",
          flush=True)
    print(f"评论接口：POST http://{shown}:{port}/api/comments  （令牌见“设置”页）", flush=True)
    uvicorn.run(server, host=host, port=port, log_level="warning")
    return 0


if __name__ == "__main__":
    bootstrap()  # only when run: importing app.py (tests, tools) has no side effects
    sys.exit(main())
