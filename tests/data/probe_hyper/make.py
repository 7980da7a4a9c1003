"""Comments for the hyper probe: category words (hypernyms) over several listed products, labelled by LABELS.md.
H = review expected (a person at the counter would ask), K = an ordinary reading that must stay booked."""
import json

R = None  # review
P = [
("H", "肉卷来一盒", None, R),
("H", "肉卷来两盒", "lamb_roll", R),
("H", "肉卷 x2", "tripe", R),
("H", "来两盒肉卷", None, R),
("H", "肉卷都来一盒", None, R),
("H", "蘑菇来一盒", None, R),
("H", "菌子来两份", None, R),
("H", "菌菇来一盒", "enoki", R),
("H", "蘑菇 x1", "king_oyster", R),
("H", "菌子来一份", "shiitake", R),
("H", "饮料来两瓶", None, R),
("H", "饮料 x3", "cola", R),
("H", "饮品来两听", None, R),
("H", "汽水来两听", None, R),
("H", "喝的来两听", "plum", R),
("H", "丸子来一袋", None, R),
("H", "丸子 x2", "beef_ball", R),
("H", "青菜来两颗", None, R),
("H", "蔬菜来一份", None, R),
("H", "青菜要两把", "lettuce", R),
("H", "底料来一袋", None, R),
("H", "锅底来一袋", None, R),
("K", "两种肉卷都来一盒", None, [("lamb_roll", 1), ("beef_roll", 1)]),
("K", "两种汽水各来一听", None, [("cola", 1), ("sprite", 1)]),
("K", "肉卷要羊肉的 来两盒", None, [("lamb_roll", 2)]),
("K", "羊肉来一盒", None, [("lamb_roll", 1)]),
("K", "肥牛来两盒", "lamb_roll", [("beef_roll", 2)]),
("K", "羊肉卷来一盒", "beef_roll", [("lamb_roll", 1)]),
("K", "牛肉丸 x2", None, [("beef_ball", 2)]),
("K", "墨鱼丸来一袋", "beef_ball", [("cuttle_ball", 1)]),
("K", "香菇来一盒", None, [("shiitake", 1)]),
("K", "金针菇来两把", "shiitake", [("enoki", 2)]),
("K", "可乐来两听", None, [("cola", 2)]),
("K", "雪碧 x3", "cola", [("sprite", 3)]),
("K", "酸梅汤来一瓶", "cola", [("plum", 1)]),
("K", "来两盒", "lamb_roll", [("lamb_roll", 2)]),
("K", "娃娃菜来两颗", None, [("wawa", 2)]),
("K", "牛油的来一袋", None, [("tallow_base", 1)]),
("K", "午餐肉来一罐", None, [("luncheon", 1)]),
("K", "虾滑来两盒", "tripe", [("shrimp_paste", 2)]),
]
with open("comments.jsonl", "w") as f:
    for i, (cls, text, cur, items) in enumerate(P):
        c = {"id": f"h{i + 1:03d}", "cls": cls, "text": text, "current_sku": cur, "kind": "order",
             "items": [{"sku": s, "qty": q} for s, q in (items or [])], "needs_review": items is None}
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
