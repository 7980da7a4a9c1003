"""Writes comments.jsonl of the 丰收农资店 probe (classes A and H; labels per evals/data/LABELS.md rules 6 and 7)."""
import json
from pathlib import Path

R = None  # qty of an item a person confirms
rows = [
    # A: a clarification of the buyer's own earlier (reviewed) comment: the goods it meant, with the order
    ("A", "刚才说的种子是白菜的 来两包", None, "order", [("seed_cabbage", 2)], False),
    ("A", "刚才的种子要萝卜的 三包", None, "order", [("seed_radish", 3)], False),
    ("A", "刚才说的地膜是1米2的 来两卷", None, "order", [("film_12", 2)], False),
    ("A", "刚才的地膜要2米宽的 一卷", "hoe", "order", [("film_20", 1)], False),
    ("A", "刚才说的喷雾器是电动的 来一台", None, "order", [("sprayer_electric", 1)], False),
    ("A", "刚才的喷雾器要16L的 一台", None, "order", [("sprayer_manual", 1)], False),
    ("A", "刚才说的水管是30米的 来一卷", None, "order", [("hose_30", 1)], False),
    ("A", "刚才的水管是短的那个 20米 来一卷", None, "order", [("hose_20", 1)], False),
    ("A", "我说的是8号链接 地膜来一卷", "film_12", "order", [("film_20", 1)], False),
    ("A", "我说的是9号链接 喷雾器来一台", None, "order", [("sprayer_manual", 1)], False),
    ("A", "我刚才说的是12号链接 来一卷", None, "order", [("hose_30", 1)], False),
    ("A", "刚才说的生根粉是整盒的 来一盒", "root_bag", "order", [("root_box", 1)], False),
    ("A", "就是这个1米2的地膜 两卷", "film_12", "order", [("film_12", 2)], False),
    ("A", "就是屏幕上这个电动喷雾器 一台", "sprayer_electric", "order", [("sprayer_electric", 1)], False),
    ("A", "刚才说的肥料是尿素 两袋", None, "order", [("fert_urea", 2)], False),
    ("A", "刚才的肥料要羊粪的 来三袋", "hoe", "order", [("fert_organic", 3)], False),
    ("A", "我要的种子是辣椒的 来5包", None, "order", [("seed_chili", 5)], False),
    ("A", "刚才问的地膜要2米的 来两卷", None, "order", [("film_20", 2)], False),
    ("A", "刚才说的种子是萝卜 来两包", None, "order", [("seed_radish", 2)], False),
    ("A", "我说的喷雾器是手动那台 一台", None, "order", [("sprayer_manual", 1)], False),
    ("A", "刚才的水管是20米的 来两卷", "hose_30", "order", [("hose_20", 2)], False),
    ("A", "刚才说的地模是2米的 来一卷", None, "order", [("film_20", 1)], False),
    ("A", "我刚刚说的种子是白菜种子 来三包", "seed_chili", "order", [("seed_cabbage", 3)], False),
    ("A", "刚才说的手套是劳保的 来两包", None, "order", [("glove", 2)], False),
    ("A", "刚才讲的水管要30米那种 来一卷", None, "order", [("hose_30", 1)], False),
    ("A", "我说的是7号链接的地膜 来一卷", None, "order", [("film_12", 1)], False),
    # A, and what is not settled: a person asks
    ("A", "刚才说的种子是什么品种", "seed_cabbage", "question", [], False),
    ("A", "刚才说的地膜是多宽的", "film_12", "question", [], False),
    ("A", "刚才说的种子是白菜的", None, "order", [("seed_cabbage", R)], True),
    ("A", "刚才说的种子是好种 来两包", None, "order", [], True),
    ("A", "刚才说的喷雾器 来一台", None, "order", [], True),
    ("A", "我说的是20号链接 来一个", None, "order", [], True),
    # H: an absolute modify of the buyer's own earlier order, the quantity alone said
    ("H", "刚才拍的是两包", "seed_cabbage", "modify", [("seed_cabbage", 2)], False),
    ("H", "那就两卷吧", "film_12", "modify", [("film_12", 2)], False),
    ("H", "那就一台吧", "sprayer_manual", "modify", [("sprayer_manual", 1)], False),
    ("H", "那就24双吧", "glove", "modify", [("glove", 2)], False),
    ("H", "那就10袋吧", "root_box", "modify", [("root_box", 1)], False),
    ("H", "那还是三包吧", "seed_chili", "modify", [("seed_chili", 3)], False),
    ("H", "那就来两卷吧", "hose_20", "modify", [("hose_20", 2)], False),
    ("H", "刚才下单的是一卷", "hose_20", "modify", [("hose_20", 1)], False),
    ("H", "刚才说的是三包", "seed_chili", "modify", [("seed_chili", 3)], False),
    ("H", "那就一打吧", "tray", "modify", [("tray", 12)], False),
    ("H", "那就一打吧", "seed_radish", "modify", [], True),
    ("H", "那就5个吧", "tray", "modify", [("tray", 5)], False),
    ("H", "刚才拍的是复合肥 两袋", "hoe", "order", [("fert_compound", 2)], False),
    ("H", "刚才拍的是2袋", "fert_urea", "modify", [("fert_urea", 2)], False),
]
out = []
for i, (cls, text, cur, kind, items, review) in enumerate(rows, 1):
    out.append({"id": f"q{i:03d}", "cls": cls, "text": text, "current_sku": cur, "kind": kind,
                "items": [{"sku": s, "qty": q} for s, q in items], "needs_review": review})
Path(__file__).with_name("comments.jsonl").write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out), encoding="utf-8")
print(len(out))
