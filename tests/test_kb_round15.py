"""Knowledge base, round 15 rules on stores unlike the tuning ones, invented for these tests:

- two stores served one after the other in one process cut text as each would alone: the product names taught
  to jieba for one store are taken out, exactly, before the next store's go in (the evals score many stores in
  one process; the product serves one);
"""

from __future__ import annotations

from copilot.knowledge.kinds import heading_aspects
from copilot.knowledge.text import add_words, tokens


def test_store_words_do_not_leak_into_the_next_store():
    text = "白玉菇炒青椒好吃吗，玉菇多少钱"
    add_words([])
    alone = tokens(text)
    add_words(["玉菇炒青", "菇炒"])             # a store whose product names cut this text otherwise
    assert tokens(text) != alone
    add_words(["眼镜布", "卡磁炉"])               # the next store
    assert tokens(text) == alone
    add_words([])
    assert tokens(text) == alone


def test_cached_cuts_are_dropped_with_the_words():
    add_words([])
    heading_aspects("保质期")
    assert heading_aspects.cache_info().currsize > 0
    add_words(["某某牌豆腐"])
    assert heading_aspects.cache_info().currsize == 0
    add_words([])
