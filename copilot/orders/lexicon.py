"""Common Chinese words, to tell a typo of a product's name from another real thing written by mistake.

老鸦 (a crow) for 老鸭 and 香草 (vanilla, herbs) for 香菜 read as the product by sound or shape, but the word
as typed is itself a word of the language: the viewer may mean something else, so a person confirms. 肋拍,
西红市, 牛乃 are no words: a slip of the keyboard, read without doubt. The word list is jieba's dictionary
(loaded once, on the first typo asked about; the parse of a comment without a typo never loads it).
"""

from __future__ import annotations

import logging

_MIN_FREQ = 3  # jieba's rarest entries (菜子油: 2) are spellings of their neighbours, not other things
_FREQ: dict[str, int] | None = None


def is_word(word: str) -> bool:
    """``word`` is a word of the common dictionary (not a product's name: the caller checks that)."""
    global _FREQ
    if _FREQ is None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        _FREQ = jieba.dt.FREQ
    return len(word) >= 2 and _FREQ.get(word, 0) >= _MIN_FREQ
