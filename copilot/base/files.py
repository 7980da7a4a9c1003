"""Everything the app writes lives under ``COPILOT_HOME``, private to the person running it.

Entry points call :func:`private_umask` once, so every file the process creates (the SQLite ledger
and its -wal/-shm, the token, exports, temporary media, Gradio's cache) is 0600 and every folder 0700
from the moment it exists. :func:`private_dir` and :func:`write_private` are for code that must be
sure on its own (a file written before the umask was set, or by a library that sets modes itself).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from copilot.base.errors import InputError

PRIVATE_UMASK = 0o077


def private_umask() -> int:
    """Make new files 0600 and folders 0700 for this process; returns the previous umask."""
    return os.umask(PRIVATE_UMASK)


def private_dir(path: str | Path) -> Path:
    """``path`` created if needed (with its parents) and set to 0700."""
    p = Path(path)
    p.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(p, 0o700)
    return p


def export_dir(path: str | Path) -> Path:
    """The folder an export is written to, created if needed; a folder that cannot be made is an InputError."""
    out = Path(path)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"无法创建导出目录 {out}：{exc.strerror}", hint="换一个可写的目录") from None
    return out


def write_private(path: str | Path, data: bytes | str) -> Path:
    """Write ``path`` atomically, 0600 from its first byte (never readable by others, even briefly)."""
    p = Path(path)
    private_dir(p.parent)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=p.parent)  # mkstemp creates 0600
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return p
