"""Compliance rule packs: loading, violations with offsets, traps that are not violations, rewrites,
and the labelled set's precision and recall."""

from __future__ import annotations

import pytest

from copilot.base.errors import ConfigError
from copilot.plan import compliance
from copilot.plan.compliance import CATEGORIES, check, highlights, load_pack, load_packs, rewrite, summary
from evals.compliance import load, score


def test_every_category_has_a_pack_with_rules():
    packs = load_packs()
    assert {p.category for p in packs} == set(CATEGORIES)
    assert all(p.rules for p in packs)


def test_rule_files_ship_with_the_package():
    assert sorted(p.name for p in compliance.RULES_DIR.glob("*.yaml")) == [
        "ad_law.yaml", "health.yaml", "platform.yaml", "price.yaml"]


@pytest.mark.parametrize("text,term,category,suggestion", [
    ("这是最甜的草莓", "最甜", "广告法极限词", "很甜"),
    ("青菜最新鲜", "最新鲜", "广告法极限词", "很新鲜"),
    ("我们的大米销量第一", "销量第一", "广告法极限词", "很受欢迎"),
    ("国家级品质", "国家级", "广告法极限词", "优质"),
    ("100%纯手工", "100%", "广告法极限词", ""),
    ("绝对新鲜", "绝对", "广告法极限词", "真的"),
    ("史无前例的好价", "史无前例", "广告法极限词", "少见的"),
    ("吃了能降血压", "降血压", "医疗功效", ""),
    ("可以抗癌", "抗癌", "医疗功效", ""),
    ("全网最低价", "全网最低价", "虚假价格", "直播间价"),
    ("亏本卖给大家", "亏本卖", "虚假价格", "优惠价"),
    ("想要的加我微信", "加我微信", "平台导流", "点主页进粉丝群"),
    ("有事私聊我", "私聊我", "平台导流", "评论区留言"),
    ("扫一下二维码", "扫一下二维码", "平台导流", "到店扫码"),
])
def test_violation_found_with_offsets_and_suggestion(text, term, category, suggestion):
    found = check(text)
    assert len(found) == 1, found
    v = found[0]
    assert (v.term, v.category, v.suggestion) == (term, category, suggestion)
    assert text[v.start:v.end] == term
    assert v.advice


@pytest.mark.parametrize("text", [
    "今晚第一个上的是草莓", "第一次来的邻居点个关注", "这是第一批到店的芒果", "最后一个是鲈鱼",
    "最近天冷，放几天再吃", "草莓最好两天内吃完", "每人最多限购5斤", "最终以称重为准",
    "鲜奶巴氏杀菌15秒", "到店扫码加店长的企业微信", "微信、支付宝都可以付款", "冷藏温度最低0度",
    "第一口就能吃出麦香", "这是最新到的一批芒果", "最少买一斤也送",
])
def test_traps_are_not_violations(text):
    assert check(text) == []


def test_overlap_keeps_the_longest_and_positions_are_ordered():
    text = "全网最便宜，最甜的芒果，加微信"
    found = check(text)
    assert [v.term for v in found] == ["全网最便宜", "最甜", "加微信"]
    assert [v.start for v in found] == sorted(v.start for v in found)


def test_rewrite_applies_suggestions_and_drops_health_clauses():
    assert rewrite("这是最甜的草莓，吃了能降血压。") == "这是很甜的草莓。"
    assert rewrite("吃了能降血压，还很甜。") == "还很甜。"
    assert rewrite("想要的加我微信") == "想要的点主页进粉丝群"
    assert rewrite("全网最低价，绝对新鲜") == "直播间价，真的新鲜"
    assert rewrite("干净的一句话。") == "干净的一句话。"
    for text in ("这是最甜的草莓，吃了能降血压。", "销量第一，加我微信，100%新鲜"):
        assert check(rewrite(text)) == []


def test_category_filter():
    text = "加我微信，最甜的芒果"
    assert [v.category for v in check(text, ["广告法极限词"])] == ["广告法极限词"]
    assert rewrite(text, ["广告法极限词"]) == "加我微信，很甜的芒果"


def test_highlights_cover_the_text():
    text = "这是最甜的草莓，加微信"
    parts = highlights(text)
    assert "".join(p for p, _ in parts) == text
    assert [lab for _, lab in parts if lab] == ["广告法极限词→很甜", "平台导流→点主页进粉丝群"]


def test_summary():
    assert "通过" in summary([])
    assert "广告法极限词 1 处" in summary(check("最甜"))


def test_empty_text():
    assert check("") == [] and rewrite("") == ""


def test_bad_rule_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("category: 广告法极限词\nrules:\n  - pattern: '最('\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="正则"):
        load_pack(bad)
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text("category: 别的\nrules: []\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="category"):
        load_pack(unknown)


def test_labelled_set_precision_and_recall():
    rows = load()
    assert len(rows) >= 60
    assert sum(1 for r in rows if not r["violations"]) >= 25  # clean sentences and traps
    metrics, errors = score(rows)
    assert metrics["precision"] >= 0.95, errors
    assert metrics["recall"] >= 0.95, errors


def test_long_text_is_fast_enough_to_check_as_you_type():
    text = "这是很甜的草莓，今晚第一个上。" * 2000
    assert check(text) == []


# -- claimed original prices against the catalog ----------------------------------------------------

@pytest.mark.parametrize("text, sku, term, suggestion", [
    ("原价99今天只要19.9", "strawberry", "原价99", "原价26.8元"),          # the case that passed before
    ("草莓原价99今天只要19.9", None, "原价99", "原价26.8元"),              # the product named in the sentence
    ("划线价九十九，今晚19块9", "strawberry", "划线价九十九", "划线价26.8元"),
    ("草莓原价36块8，今天19块9", None, "原价36块8", "原价26.8元"),
    ("青菜原价5块", None, "原价5块", "直播间价2.5元"),                     # no original price in the catalog
    ("苹果原价9块一斤", None, "原价9块", "原价9.8元"),                      # 一斤 is the unit, not 9.1
    ("芒果平时卖20元，今晚12.8", None, "平时卖20元", "原价16.8元"),
])
def test_a_claimed_original_price_that_differs_from_the_catalog_is_false(catalog, text, sku, term, suggestion):
    found = check(text, catalog=catalog, sku=sku)
    assert [(v.term, v.category, v.suggestion) for v in found] == [(term, "虚假价格", suggestion)]
    assert found[0].advice
    assert term not in rewrite(text, catalog=catalog, sku=sku)


@pytest.mark.parametrize("text, sku", [
    ("原价26.8今天只要19.9", "strawberry"), ("草莓原价26块8，今天19块9", None), ("大米原价69元", None),
    ("原来是这样", None), ("芒果原价十六块八", None),
])
def test_a_claimed_original_price_that_matches_the_catalog_passes(catalog, text, sku):
    assert check(text, catalog=catalog, sku=sku) == []


def test_script_headings_say_which_product_a_claim_is_about(catalog):
    text = "【05:00-10:00 4号 海南贵妃芒】\n原价26.8今天只要12.8\n\n【10:00-12:00 1号 丹东九九草莓】\n原价26.8今天只要19.9"
    found = check(text, catalog=catalog)
    assert [(v.term, v.suggestion) for v in found] == [("原价26.8", "原价16.8元")]
    assert found[0].start == text.index("原价26.8")


def test_without_the_catalog_price_claims_are_not_judged():
    assert check("原价99今天只要19.9") == []
