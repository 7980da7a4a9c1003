"""店播副驾 Live Copilot — the app people keep open all evening: ``python app.py``.

Honours GRADIO_SERVER_NAME / GRADIO_SERVER_PORT (default 127.0.0.1:7860) and the COPILOT_* settings.
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


bootstrap()

from copilot.config import load_settings, setup_logging  # noqa: E402
from copilot.errors import CopilotError  # noqa: E402


def main() -> int:
    setup_logging()
    try:
        from copilot.ui import create_app
        from copilot.ui.context import AppContext

        settings = load_settings()
        ctx = AppContext(settings)
        ctx.catalog  # fail fast, with a clear message, on a broken knowledge dir
        demo = create_app(ctx)
    except CopilotError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    host = os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1")
    port = int(os.environ.get("GRADIO_SERVER_PORT", "7860"))
    print(f"店播副驾已启动：http://{host}:{port}  （数据目录 {settings.data_dir}，知识库 {settings.knowledge_dir}）")
    demo.queue().launch(server_name=host, server_port=port, show_error=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
