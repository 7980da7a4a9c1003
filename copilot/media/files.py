"""Which files the clips workspace may open, and how a file is shown in the browser.

Only uploaded files (Gradio's upload folder, under COPILOT_HOME) and files under the folders the owner
allowed are opened; the default folder is ``COPILOT_HOME/recordings``, more are listed in
``COPILOT_MEDIA_DIRS`` (separated by ``:``). Anything else gets the same message whether it exists or not.
Files are shown through Gradio's upload folder (hard links, copies across file systems), never /tmp.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from copilot.base.errors import InputError
from copilot.base.files import private_dir


def upload_dir(settings) -> Path:
    """Gradio's upload and cache folder (the app points GRADIO_TEMP_DIR under COPILOT_HOME)."""
    return Path(os.environ.get("GRADIO_TEMP_DIR") or settings.tmp_dir / "gradio")


def media_dirs(settings) -> list[Path]:
    """The folders whose recordings the workspace may open."""
    listed = getattr(settings, "media_dirs", None) or os.environ.get("COPILOT_MEDIA_DIRS", "")
    if isinstance(listed, str):
        listed = [x for x in listed.split(os.pathsep) if x.strip()]
    dirs = [Path(x).expanduser() for x in listed] or [settings.data_dir / "recordings"]
    if not listed:
        private_dir(dirs[0])
    return dirs


def allowed_file(path: str | Path, settings, *, extra: tuple[Path, ...] = (), what: str = "录像") -> Path:
    """``path`` when it is an upload or lies under an allowed folder (symbolic links resolved first)."""
    raw = str(path or "").strip()
    target = Path(raw).expanduser().resolve() if raw else None
    roots = [upload_dir(settings), *media_dirs(settings), *extra]
    if target is None or not any(target == r.resolve() or target.is_relative_to(r.resolve()) for r in roots):
        where = "、".join(str(d) for d in media_dirs(settings))
        raise InputError(f"只能打开上传的{what}，或放在允许的文件夹里的{what}",
                         hint=f"直接上传文件，或把它放进 {where}（店主可用 COPILOT_MEDIA_DIRS 增加文件夹）")
    return target


def servable(path: str | None, settings) -> str | None:
    """A path Gradio may serve: files already in its upload folder as they are, others linked into it."""
    if not path or not Path(path).is_file():
        return None
    p = Path(path).resolve()
    folder = upload_dir(settings).resolve()
    if p.is_relative_to(folder):
        return str(p)
    key = hashlib.sha1(f"{p}:{p.stat().st_mtime_ns}".encode()).hexdigest()[:10]
    target = private_dir(folder / "media") / f"{key}_{p.name}"
    if not target.exists():
        try:
            os.link(p, target)
        except OSError:
            shutil.copy2(p, target)
    return str(target)
