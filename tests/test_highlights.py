"""Highlights on the sample stream's true text (fast, no model) and on hand-made transcripts."""

from __future__ import annotations

import json

import pytest

from copilot.base.catalog import Catalog
from copilot.base.comments import Comment, load_comment_file
from copilot.base.errors import InputError
from copilot.media.highlights import find_highlights, iou, order_burst, product_refs, transcript_from_truth
from copilot.media.transcript import Segment, Transcript


@pytest.fixture
def sample(shared_dir):
    root = shared_dir / "data" / "sample-stream"
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    return truth, Catalog.load(root), load_comment_file(root / "comments.jsonl")


def _transcript(lines: list[tuple[float, float, str]]) -> Transcript:
    segs = [Segment(a, b, t, id=i) for i, (a, b, t) in enumerate(lines)]
    return Transcript(duration=segs[-1].end + 1, segments=segs)


def test_every_product_talk_found_on_truth_text(sample):
    truth, catalog, comments = sample
    found = find_highlights(transcript_from_truth(truth), catalog, comments)
    talks = {h.sku: h for h in found if h.kind == "talk"}
    products = [s for s in truth["segments"] if s["kind"] == "product"]
    assert set(talks) == {s["sku"] for s in products}
    for seg in products:
        h = talks[seg["sku"]]
        assert iou((h.start, h.end), (seg["start"], seg["end"])) >= 0.7, (h, seg)
        assert 15 <= h.duration <= 90 and 0 < h.score <= 1
        assert h.price_stated and "报价" in h.reasons


def test_no_product_clip_inside_chat(sample):
    truth, catalog, comments = sample
    found = find_highlights(transcript_from_truth(truth), catalog, comments)
    for part in truth["segments"]:
        if part["kind"] in ("chat", "opening", "closing"):
            for h in found:
                inside = max(0.0, min(h.end, part["end"]) - max(h.start, part["start"]))
                assert inside <= 0.25 * h.duration, (h.sku, part["kind"])


def test_order_burst_raises_score(sample):
    truth, catalog, comments = sample
    t = transcript_from_truth(truth)
    plain = {h.sku: h.score for h in find_highlights(t, catalog)}
    boosted = {h.sku: h for h in find_highlights(t, catalog, comments)}
    for sku, h in boosted.items():
        assert h.orders > 0 and h.score > plain[sku]
    assert boosted["rice"].orders >= 4  # 大米两袋, +1, 扣1, 扣1, 2号一袋 ...


def test_order_burst_counts_orders_not_questions(catalog):
    comments = [Comment(str(i), "甲", text, ts) for i, (text, ts) in enumerate(
        [("扣1", 5), ("+2", 6), ("有溯源码吗", 7), ("草莓2斤", 8), ("扣1", 100), ("扣1", None)])]
    assert order_burst(comments, 0, 30) == 3


def test_misrecognised_transcript_still_matches():
    catalog = Catalog.from_dict({"store": {"name": "巷口优选"}, "products": [
        {"sku": "rice", "name": "五常稻花香大米", "aliases": ["大米"], "link": 2, "unit": "袋", "price": 59, "stock": 3},
        {"sku": "pork", "name": "土猪五花肉", "aliases": ["五花肉"], "link": 3, "unit": "斤", "price": 29.8, "stock": 3},
    ]})
    t = _transcript([
        (0.0, 3.0, "大家晚上好，欢迎来到直播间。"),
        (44.0, 45.0, "第2个，"), (45.4, 47.8, "二号练结五长道花香大名。"), (48.4, 49.8, "去年秋天的心里，"),
        (50.2, 51.0, "每代十斤，"), (53.0, 55.4, "早一下就能看到是哪块地种的。"), (55.8, 57.8, "煮出来满屋子都是香味，"),
        (59.8, 61.1, "一代五十九块，"), (63.1, 64.4, "要的朋友扣一。"),
        (64.9, 65.4, "第三个，"), (66.0, 66.8, "三号链间，"), (67.3, 68.4, "土猪无花肉。"),
        (69.1, 70.5, "江西干州的土猪，"), (72.4, 73.6, "今天凌晨杀的，"), (77.2, 78.6, "做红烧肉最好吃，"),
        (81.4, 82.8, "二十九块八一斤，"), (84.9, 86.2, "后一就给您留着。"),
        (86.9, 88.1, "今天就到这里，"), (92.4, 94.9, "我们明天晚上八点不见不散。"),
    ])
    talks = {h.sku: h for h in find_highlights(t, catalog) if h.kind == "talk"}
    assert set(talks) == {"rice", "pork"}
    assert iou((talks["rice"].start, talks["rice"].end), (44.24, 64.88)) >= 0.7
    assert iou((talks["pork"].start, talks["pork"].end), (64.88, 86.86)) >= 0.7


def test_product_refs_link_alias_fuzzy(catalog):
    assert [p.sku for p in product_refs("三号链接", catalog)] == ["pork"]
    assert "strawberry" in [p.sku for p in product_refs("丹东旧旧草莓", catalog)]
    assert product_refs("大家吃过晚饭没有", catalog) == []


def test_chat_only_stream_has_no_clips(catalog):
    t = _transcript([(0, 3, "大家晚上好。"), (3, 8, "有朋友问老赵今天怎么没穿围裙。"), (8, 12, "大家吃过晚饭没有，我们边吃边聊。"),
                     (12, 20, "今天抽奖送福袋，点个关注。"), (20, 25, "今天就到这里，明天见。")])
    assert find_highlights(t, catalog) == []


def test_short_talk_is_the_whole_talk_and_no_more(catalog):
    """A short talk is not padded with the chat that follows it."""
    t = _transcript([(0, 2, "第一个，"), (2, 4, "一号链接，丹东九九草莓。"), (4, 7, "直播价一斤十九块九，扣一。"),
                     (8, 12, "今天天气不错。"), (12, 16, "明天下午来自提。"), (16, 20, "好的。")])
    (h,) = find_highlights(t, catalog)
    assert h.sku == "strawberry" and h.start <= 0.2 and 7.0 <= h.end <= 7.6


def test_long_talk_is_capped_and_yields_moments(catalog):
    lines = [(0.0, 2.0, "第一个，一号链接，丹东九九草莓。")]
    t0 = 2.5
    story = ["这是今天凌晨在丹东大棚现摘的，早上到店。", "产地直发，冷链运过来的。", "你们看个头都在二十克以上，颜色特别正。",
             "我们每批都做农残检测，坏果包赔。", "吃起来特别甜，口感很脆，汁水多。", "甜度十二度左右，小朋友最爱吃。",
             "直播价一斤十九块九，每人限购五斤。", "想要的朋友扣一，下单明天来店里自提。"]
    for rep in range(4):
        for s in story:
            lines.append((t0, t0 + 4.0, s))
            t0 += 4.5
    t = _transcript(lines)
    found = find_highlights(t, catalog)
    talk = [h for h in found if h.kind == "talk"]
    assert len(talk) == 1 and talk[0].duration <= 90 and talk[0].sku == "strawberry"
    moments = [h for h in found if h.kind != "talk"]
    assert moments and all(15 <= h.duration <= 60 and h.sku == "strawberry" for h in moments)
    assert found == sorted(found, key=lambda h: (-h.score, h.start))


def test_bad_comments_file(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": "a", "text": "扣1", "ts": 1}\n{oops}\n', encoding="utf-8")
    with pytest.raises(InputError, match="第 2 行"):
        load_comment_file(p)
    with pytest.raises(InputError, match="找不到评论文件"):
        load_comment_file(tmp_path / "none.jsonl")


def test_iou():
    assert iou((0, 10), (0, 10)) == 1.0 and iou((0, 10), (10, 20)) == 0.0
    assert iou((0, 10), (5, 15)) == pytest.approx(5 / 15)


# -- product attribution that weighs the evidence -------------------------------------------------


SEAFOOD = {"store": {"name": "渔家湾"}, "products": [
    {"sku": "crab", "name": "阳澄湖大闸蟹", "aliases": ["大闸蟹", "螃蟹"], "link": 1, "unit": "只", "price": 38, "stock": 9,
     "origin": "江苏苏州"},
    {"sku": "shrimp", "name": "湛江基围虾", "aliases": ["基围虾"], "link": 2, "unit": "斤", "price": 49.9, "stock": 9,
     "origin": "广东湛江"},
    {"sku": "scallop", "name": "獐子岛扇贝", "aliases": ["扇贝"], "link": 3, "unit": "斤", "price": 22.8, "stock": 9,
     "origin": "辽宁大连"},
]}


def _timed(texts: list[str], start: float = 0.0, gap: float = 0.5) -> list[tuple[float, float, str]]:
    out, t = [], start
    for text in texts:
        d = 0.25 * len(text)
        out.append((t, t + d, text))
        t += d + gap
    return out


def _talks(lines) -> list:
    return sorted((h for h in find_highlights(_transcript(lines), Catalog.from_dict(SEAFOOD)) if h.kind == "talk"),
                  key=lambda h: h.start)


def test_a_prize_in_a_draw_is_no_introduction():
    """The draw names the crab as its prize; the talk after it is the scallop, opened by its name."""
    draw = _timed(["好，点赞已经八千多了，我们来抽个奖。", "抽三位朋友，每人送两只阳澄湖大闸蟹。", "大家在公屏打上渔家湾。"])
    talk = _timed(["獐子岛扇贝，辽宁大连过来的。", "个头都有巴掌这么大，一斤六到八个。", "蒜蓉粉丝蒸，五分钟就够了。",
                   "一斤二十二块八，要的朋友扣一。"], start=draw[-1][1] + 1.5)
    (h,) = _talks(draw + talk)
    assert h.sku == "scallop" and not h.uncertain
    assert h.start >= draw[-1][1] - 0.01  # not cut from the draw's line


def test_a_link_that_does_not_exist_is_no_evidence():
    """十三号链接 (links are 1-3) is at most a weak hint for 三号; the name and facts decide."""
    lines = _timed(["第二个，十三号链接，湛江基围虾。", "广东湛江今天凌晨捞上来的。", "今天直播价一斤四十九块九，扣一。"])
    (h,) = _talks(lines)
    assert h.sku == "shrimp" and not h.uncertain and h.candidates[0] == "shrimp"


def test_a_passing_mention_does_not_switch_the_talk():
    lines = _timed(["第一个，三号链接，獐子岛扇贝。", "辽宁大连过来的，个头很大。", "价格比大闸蟹便宜多了，一斤才二十二块八。",
                    "有朋友问螃蟹，螃蟹明天才到，今天先看扇贝。", "蒜蓉粉丝蒸最好吃。", "要扇贝的朋友扣一。"])
    (h,) = _talks(lines)
    assert h.sku == "scallop" and h.end >= lines[-1][1] - 0.01


def test_alias_only_introduction_and_chat_after_the_call():
    """A talk opened by an alias only runs to its call to order; the chat after it is not in the clip."""
    lines = _timed(["先说说大家一直在问的扇贝，今天终于到了。", "辽宁大连过来的，昨天晚上装车。", "一斤二十二块八，买五斤送一斤。",
                    "要扇贝的朋友扣一。"])
    chat = _timed(["好多朋友在问明天几点能来取货，下午三点以后都可以。", "外面下雨了，记得带把伞。"], start=lines[-1][1] + 1.5)
    (h,) = _talks(lines + chat)
    assert h.sku == "scallop" and h.start <= 0.01 and lines[-1][1] - 0.01 <= h.end < chat[0][0]


def test_a_named_product_without_talk_is_no_clip():
    chat = _timed(["有邻居说上次的基围虾四十九块九有点小。", "这回我们挑了大的。", "大家吃过晚饭没有，我们边吃边聊。"])
    assert _talks(chat) == []


def test_a_talk_that_could_be_either_product_is_uncertain():
    lines = _timed(["第一个，今天的大闸蟹和扇贝都是早上刚到的。", "个头都很大，新鲜得很。", "大家看看，要的朋友扣一。"])
    (h,) = _talks(lines)
    assert h.uncertain and set(h.candidates[:2]) == {"crab", "scallop"}
    clear = _timed(["第一个，今天的大闸蟹是早上刚到的。", "江苏苏州过来的，一只三十八块。", "要的朋友扣一。"])
    (h,) = _talks(clear)
    assert h.sku == "crab" and not h.uncertain


def test_a_long_talk_is_trimmed_to_its_densest_90_seconds():
    filler = ["大家看这个水箱，", "我们每天都会换水，", "这边是仓库，", "今天人有点多，"]
    lines = [(0.0, 3.0, "第一个，二号链接，湛江基围虾。")]
    t = 3.5
    for k in range(24):  # 96 s of filler, then the facts and the call to order
        lines.append((t, t + 3.5, filler[k % 4]))
        t += 4.0
    for text in ("广东湛江的活虾，凌晨捞的。", "白灼最好吃，肉是甜的。", "今天直播价一斤四十九块九。", "要基围虾的朋友扣一。"):
        lines.append((t, t + 3.5, text))
        t += 4.0
    (h,) = _talks(lines)
    assert h.sku == "shrimp" and h.duration <= 90.0
    assert h.end >= lines[-1][1] - 0.01  # the densest part: the facts and the call at the end


def test_a_trimmed_talk_with_its_padding_stays_within_90_seconds():
    """Speech without pauses: the 0.2 s lead and 0.3 s tail of a clip count against its 90 s."""
    lines = [(10.0, 13.0, "第一个，二号链接，湛江基围虾。")]
    t = 13.0
    facts = ["广东湛江的活虾，凌晨捞的。", "白灼最好吃，肉是甜的。", "今天直播价一斤四十九块九。", "要基围虾的朋友扣一。"]
    for k in range(40):  # 120 s of talk, one sentence straight after the other
        lines.append((t, t + 3.0, facts[k % 4]))
        t += 3.0
    lines.append((t + 1.0, t + 4.0, "好，下一个。"))
    (h,) = _talks(lines)
    assert h.sku == "shrimp" and 85.0 <= h.duration <= 90.0
