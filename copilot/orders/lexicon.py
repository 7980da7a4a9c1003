"""Common Chinese nouns, to tell a typo of a product's name from another thing written by mistake.

老鸦 (a crow) for 老鸭 and 香草 (vanilla, herbs) for 香菜 read as the product by sound or shape, but the word
as typed names another thing: the viewer may mean something else, so a person confirms. 肋拍, 西红市, 牛乃
are no words (a slip of the keyboard), and 五华 (a county), 满头 or 混沌 (chaos) name no thing anyone buys:
read without doubt. The word list is jieba's dictionary, its common nouns (tag ``n``; ``base.nouns``, which the
knowledge base reads too), read once on the first typo asked about; the parse of a comment without a typo never
loads it. A live session calls ``warm`` in the background when it starts, so the first typo of the evening (or the
first count the knowledge base checks) does not wait the ~0.6 s of reading it.
"""

from __future__ import annotations

from copilot.base.nouns import loaded, nouns, warm

_MIN_FREQ = 3  # jieba's rarest entries (菜子油: 2) are spellings of their neighbours, not other things


def is_thing(word: str) -> bool:
    """``word`` is a common noun of the dictionary (the caller checks it is no name of the product)."""
    return 2 <= len(word) <= 8 and nouns().get(word, 0) >= _MIN_FREQ


__all__ = ["is_thing", "loaded", "warm"]
