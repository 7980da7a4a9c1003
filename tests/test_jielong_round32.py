"""群接龙, round 32: 香肠 said in a chain that offers a 腊肠 besides a 香肠 is either of them (a person asks), as
插座 beside a 插线板 is."""

from __future__ import annotations

from doubles import chain_pasted, shop

BBQ = shop("测试烧烤食材店", ("tw_sausage", "台湾烤香肠", "根", 4, {"aliases": ["烤香肠"]}),
           ("cn_sausage", "广式腊肠 500g", "袋", 45, {"aliases": ["广式腊肠"]}),
           ("wings", "奥尔良鸡翅", "斤", 29, {"aliases": ["鸡翅"]}))


def test_sausage_in_a_chain_with_a_larou_sausage_asks(tmp_path):
    state, review = chain_pasted(tmp_path, BBQ, "#接龙 周六烧烤团 烤香肠4元/根 广式腊肠45元/袋\n例：小明 鸡翅2斤\n"
                                                "1. 阿梅 烤香肠10根 鸡翅2斤\n2. 老K 香肠5根\n3. Lily 腊肠1袋")
    assert state == {"阿梅": {"tw_sausage": 10, "wings": 2}, "Lily": {"cn_sausage": 1}}
    assert review == {"老K"}
