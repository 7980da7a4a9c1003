"""The common nouns of jieba's dictionary (tag ``n``), with their frequencies, read once per process.

Both the comment parser (is a typo another thing: 老鸦 for 老鸭, ``orders.lexicon``) and the knowledge base (what a
count counts: 8 个角, ``knowledge.binding``) ask whether a word is a noun. One reading of the ~350,000-line
dictionary (~0.6 s) serves both; it happens on the first such question, or in the background when a live session
starts (``warm``).
"""

from __future__ import annotations

import threading

_NOUNS: dict[str, int] | None = None
_LOCK = threading.Lock()


def nouns() -> dict[str, int]:
    """word -> frequency of every dictionary entry tagged ``n``."""
    global _NOUNS
    with _LOCK:
        if _NOUNS is None:
            import jieba

            found: dict[str, int] = {}
            with jieba.get_dict_file() as f:
                for raw in f:
                    parts = raw.decode("utf-8").split()
                    if len(parts) == 3 and parts[2] == "n":
                        found[parts[0]] = int(parts[1])
            _NOUNS = found
    return _NOUNS


def warm() -> None:
    """Read the list now (a live session does this in a background thread when it starts)."""
    nouns()


def loaded() -> bool:
    return _NOUNS is not None
