"""Files the browser may be shown: Gradio serves only some places, so others are linked or copied there.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path


def servable(path: str | None) -> str | None:
    """A path Gradio may serve: files under cwd or the temp dir as they are, others copied to temp."""
    if not path or not Path(path).exists():
        return None
    p = Path(path).resolve()
    roots = [Path(tempfile.gettempdir()).resolve(), Path.cwd().resolve()]
    if any(p.is_relative_to(r) and not any(part.startswith(".") for part in p.relative_to(r).parts)
           for r in roots):
        return str(p)
    key = hashlib.sha1(f"{p}:{p.stat().st_mtime_ns}".encode()).hexdigest()[:10]
    target = Path(tempfile.gettempdir()) / "copilot-media" / f"{key}_{p.name}"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(p, target)
        except OSError:
            shutil.copy2(p, target)
    return str(target)
