"""Progress reporting: a plain callback, so services never take Gradio or Typer types.

``progress(fraction, message)`` with ``fraction`` in [0, 1] and a Chinese message for the person
waiting. Long jobs split their range among their steps with :func:`scaled`.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[float, str], None]


def silent(fraction: float, message: str) -> None:
    """A progress callback that shows nothing."""


def scaled(progress: Progress | None, start: float, end: float) -> Progress:
    """A callback for one step of a longer job: its 0..1 maps to ``start..end`` of ``progress``."""
    if progress is None:
        return silent
    return lambda fraction, message: progress(start + (end - start) * fraction, message)
