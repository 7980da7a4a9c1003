"""Knowledge base, round 10 rules on stores unlike the tuning ones: a stationery shop and a pet-supplies shop,
invented for these tests. Each question must get the fact asked, or go to the assistant, never a neighbouring fact:

- a place name inside a longer common word (大理 of 大理石) names no place;
- a bullet keyed 来源 may name a person (老周家做的) and then holds no place: 哪里产的 is not answered by it;
- 保修 / 质保 is after-sales data of a non-food good;
- 酸性 (acidic) says nothing of a taste or smell: 什么味道 is not answered by a product's pH.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from copilot.knowledge.kb import KnowledgeBase
from copilot.knowledge.kinds import values_of

sys.path.insert(0, str(Path(__file__).parent))
from doubles import store_kb  # noqa: E402

STATIONERY = """store: {name: 小书桌文具, pickup: 第二天 9:00-20:00 到店自提}
products:
  - {sku: notebook, name: 大理石纹笔记本, aliases: [笔记本], link: 1, unit: 个, price: 12, stock: 20,
     notes: notes/notebook.md}
  - {sku: ink, name: 手工墨水, aliases: [墨水], link: 2, unit: 瓶, price: 35, stock: 20, notes: notes/ink.md}
  - {sku: pen, name: 钢笔, aliases: [笔], link: 3, unit: 支, price: 88, stock: 20, notes: notes/pen.md}
"""

STATIONERY_NOTES = {
    "notebook.md": "# 大理石纹笔记本\n\n- 封面：大理石纹理，防水\n- 内页：80 张，道林纸\n",
    "ink.md": "# 手工墨水\n\n- 来源：老周家自己调的\n- 容量：30ml\n",
    "pen.md": "# 钢笔\n\n- 产地：上海\n- 保修：笔尖保修 1 年，坏了带来换\n",
}

PETS = """store: {name: 毛孩子宠物用品, pickup: 下单第二天到店取}
products:
  - {sku: litter, name: 豆腐猫砂, aliases: [猫砂], link: 1, unit: 袋, price: 39, stock: 9, notes: notes/litter.md}
  - {sku: shampoo, name: 宠物沐浴露, aliases: [沐浴露], link: 3, unit: 瓶, price: 45, stock: 9,
     notes: notes/shampoo.md}
  - {sku: bowl, name: 大理石食盆, aliases: [食盆], link: 2, unit: 个, price: 49, stock: 9, notes: notes/bowl.md}
"""

PET_NOTES = {
    "litter.md": "# 豆腐猫砂\n\n- 来源：山东潍坊的豆腐渣做的\n- 用量：一次铺 5 厘米厚\n",
    "bowl.md": "# 大理石食盆\n\n- 材质：大理石，不能进洗碗机\n- 厂家：老石匠工作室\n- 猫狗都能用，小狗也能用\n",
    "shampoo.md": "# 宠物沐浴露\n\n- 性质：弱酸性的，不伤皮肤\n- 香味：淡淡的椰子味\n",
}


@pytest.fixture(scope="module")
def stationery_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "stationery", STATIONERY, STATIONERY_NOTES)


@pytest.fixture(scope="module")
def pets_kb(tmp_path_factory) -> KnowledgeBase:
    return store_kb(tmp_path_factory, "pets", PETS, PET_NOTES)


def test_a_place_inside_a_common_word_is_no_place():
    assert values_of("place", "大理石纹理，防水") == []
    assert values_of("place", "云南大理来的") == ["云南", "大理"]


@pytest.mark.parametrize("question,current,facts", [
    ("钢笔哪里产的", "pen", ["上海"]),
    ("猫砂哪里产的", "litter", ["潍坊"]),           # 来源 that names a place still answers
    ("钢笔保修多久", "pen", ["1 年"]),
    ("沐浴露是什么味道的", "shampoo", ["椰子味"]),   # the scent, not 弱酸性
    ("食盆小狗能用吗", "bowl", ["小狗也能用"]),
])
def test_answers_the_fact_asked(stationery_kb, pets_kb, question, current, facts):
    kb = pets_kb if current in ("litter", "bowl", "shampoo") else stationery_kb
    a = kb.answer(question, current_sku=current)
    assert a.answered and all(f in a.text for f in facts), (question, a.text, a.why)


@pytest.mark.parametrize("question,current", [
    ("笔记本哪里产的", "notebook"),   # 大理石纹理 names a stone, not 大理
    ("食盆是哪里产的", "bowl"),       # 材质：大理石 likewise
    ("墨水是哪里产的", "ink"),        # 来源：老周家 names a maker, no place
    ("猫砂是什么味道的", "litter"),   # nothing says it
    ("食盆能给仓鼠用吗", "bowl"),     # 仓鼠 is named nowhere
])
def test_refuses_a_neighbouring_fact(stationery_kb, pets_kb, question, current):
    kb = pets_kb if current in ("litter", "bowl", "shampoo") else stationery_kb
    a = kb.answer(question, current_sku=current)
    assert not a.answered, (question, a.text, a.why)
