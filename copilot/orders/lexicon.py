"""Common Chinese nouns, to tell a typo of a product's name from another thing written by mistake.

老鸦 (a crow) for 老鸭 and 香草 (vanilla, herbs) for 香菜 read as the product by sound or shape, but the word
as typed names another thing: the viewer may mean something else, so a person confirms. 肋拍, 西红市, 牛乃
are no words (a slip of the keyboard), and 五华 (a county), 满头 or 混沌 (chaos) name no thing anyone buys:
read without doubt. The word list is jieba's dictionary, its common nouns (tag ``n``), read once on the
first typo asked about; the parse of a comment without a typo never loads it. A live session calls ``warm``
in the background when it starts, so the first typo of the evening does not wait the ~0.7 s of reading it.
"""

from __future__ import annotations

import threading

_MIN_FREQ = 3  # jieba's rarest entries (菜子油: 2) are spellings of their neighbours, not other things
_NOUNS: frozenset[str] | None = None
_LOCK = threading.Lock()


def is_thing(word: str) -> bool:
    """``word`` is a common noun of the dictionary (the caller checks it is no name of the product)."""
    return 2 <= len(word) <= 8 and word in _nouns()


def warm() -> None:
    """Read the word list now (a live session does this in a background thread when it starts)."""
    _nouns()


def loaded() -> bool:
    return _NOUNS is not None


def _nouns() -> frozenset[str]:
    global _NOUNS
    with _LOCK:
        if _NOUNS is None:
            import jieba

            words = set()
            with jieba.get_dict_file() as f:
                for raw in f:
                    parts = raw.decode("utf-8").split()
                    if len(parts) == 3 and parts[2] == "n" and 2 <= len(parts[0]) <= 8 \
                            and int(parts[1]) >= _MIN_FREQ:
                        words.add(parts[0])
            _NOUNS = frozenset(words)
    return _NOUNS
