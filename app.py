"""店播副驾 Live Copilot — the app people keep open all evening: ``python app.py``.

Honours GRADIO_SERVER_NAME / GRADIO_SERVER_PORT (default 127.0.0.1:7860) and the COPILOT_* settings.
"""

from __future__ import annotations

import os
import sys

from copilot.config import load_settings, setup_logging
from copilot.errors import CopilotError


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
