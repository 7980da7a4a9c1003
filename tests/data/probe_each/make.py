"""Writes comments.jsonl of the gen-each probe (classes N, L, G2), labelled by evals/data/LABELS.md."""
import json

R = []
def o(cls, text, cur, items=(), review=False, note=None):
    row = {"id": f"e{len(R)+1:03d}", "cls": cls, "text": text, "current_sku": cur, "kind": "order",
           "items": [{"sku": s, "qty": q} for s, q in items], "needs_review": review}
    if note:
        row["order_note"] = note
    R.append(row)
# N: 各 over several products each named, another product on screen
o("N", "纯瘦的肥瘦的各来一个", "biang", [("rjm_lean", 1), ("rjm_mixed", 1)])
o("N", "麻酱红油各一份", "rjm_lean", [("lp_sesame", 1), ("lp_chili", 1)])
o("N", "1号2号各来两个", "egg", [("rjm_lean", 2), ("rjm_mixed", 2)])
o("N", "纯瘦和肥瘦各要两个", "soda", [("rjm_lean", 2), ("rjm_mixed", 2)])
o("N", "麻酱凉皮、红油凉皮各来一份", "biang", [("lp_sesame", 1), ("lp_chili", 1)])
o("N", "肉夹馍纯瘦肥瘦各一个", "lp_chili", [("rjm_lean", 1), ("rjm_mixed", 1)])
o("N", "凉皮麻酱的红油的各2", "rjm_lean", [("lp_sesame", 2), ("lp_chili", 2)])
o("N", "卤蛋冰峰各来2", "biang", [("egg", 2), ("soda", 2)])
o("N", "3号链接和4号链接各来一份", "egg", [("lp_sesame", 1), ("lp_chili", 1)])
o("N", "纯瘦的 肥瘦的 各来一个", None, [("rjm_lean", 1), ("rjm_mixed", 1)])
o("N", "麻酱的红油的每样来一份", "biang", [("lp_sesame", 1), ("lp_chili", 1)])
o("N", "纯瘦肥瘦一样来一个", "soda", [("rjm_lean", 1), ("rjm_mixed", 1)])
o("N", "卤蛋和烤面筋各要三个", "biang", [("egg", 3), ("mianjin", 3)])
o("N", "酸梅汤冰峰各来一", "rjm_lean", [("tea", 1), ("soda", 1)])
o("N", "纯瘦肥瘦各1", "lp_sesame", [("rjm_lean", 1), ("rjm_mixed", 1)])
# L: 都/各 where what it covers is unclear -> review; over products each named -> orders
o("L", "凉皮都来一份", "lp_sesame", review=True)
o("L", "肉夹馍两个都要", "rjm_lean", review=True)
o("L", "这两个都来一份", "lp_chili", review=True)
o("L", "都来一个", "rjm_mixed", review=True)
o("L", "两样各来一份", "lp_sesame", review=True)
o("L", "肉夹馍各来一个", "rjm_mixed", review=True)
o("L", "这俩都要两个", "rjm_lean", review=True)
o("L", "凉皮每样来一份", "biang", review=True)
o("L", "三种肉夹馍都来一个", "rjm_lean", review=True)  # the store sells two: which?
o("L", "两种凉皮各来一份", "biang", [("lp_sesame", 1), ("lp_chili", 1)])
o("L", "凉皮两样各来一份", "rjm_lean", [("lp_sesame", 1), ("lp_chili", 1)])
o("L", "麻酱凉皮和红油凉皮都来一份", "biang", [("lp_sesame", 1), ("lp_chili", 1)])
o("L", "纯瘦的肥瘦的都要一个", "egg", [("rjm_lean", 1), ("rjm_mixed", 1)])
o("L", "1号和2号都来两个", None, [("rjm_lean", 2), ("rjm_mixed", 2)])
o("L", "卤蛋烤面筋都来两个", "soda", [("egg", 2), ("mianjin", 2)])
# G2: counts shared out over variants, and add-ins read as goods
o("G2", "肉夹馍来三个 纯瘦两个肥瘦一个", "rjm_lean", [("rjm_lean", 2), ("rjm_mixed", 1)])
o("G2", "凉皮来两份 一份麻酱一份红油", "lp_sesame", [("lp_sesame", 1), ("lp_chili", 1)])
o("G2", "来两个 一个纯瘦一个肥瘦", "rjm_lean", [("rjm_lean", 1), ("rjm_mixed", 1)])
o("G2", "纯瘦2个肥瘦1个", "biang", [("rjm_lean", 2), ("rjm_mixed", 1)])
o("G2", "油泼面来两份 一份加蛋一份不要辣", "biang", [("biang", 2)], note="一份加蛋一份不要辣")
# 加个卤蛋 beside a 卤蛋 sold by the 个: one more egg bought (the convention of copilot/orders/remarks.py)
o("G2", "油泼面加个卤蛋来一份", "biang", [("biang", 1), ("egg", 1)])
o("G2", "红油凉皮来一份 多放辣子", "lp_chili", [("lp_chili", 1)], note="多放辣子")
o("G2", "冰峰来三瓶 两瓶冰的一瓶常温", "soda", [("soda", 3)], note="两瓶冰的一瓶常温")
o("G2", "油泼面两份 加面筋", "biang", review=True)  # 面筋 of 烤面筋 by the 串: goods, how many?
o("G2", "油泼面两份 加豆芽", "biang", [("biang", 2)], note="加豆芽")
o("G2", "肥瘦的来两个 一个多加青椒", "rjm_mixed", [("rjm_mixed", 2)], note="一个多加青椒")
o("G2", "酸梅汤来两杯 一杯少冰一杯去冰", "tea", [("tea", 2)], note="一杯少冰一杯去冰")
o("G2", "来两份 一份加卤蛋", "biang", [("biang", 2), ("egg", 1)])
o("G2", "来两瓶 一瓶冰的一瓶常温", "soda", [("soda", 2)], note="一瓶冰的一瓶常温")
o("G2", "来三个 两个纯瘦的一个肥瘦的", "rjm_lean", [("rjm_lean", 2), ("rjm_mixed", 1)])
o("G2", "肉夹馍三个 两个纯瘦一个肥瘦", None, [("rjm_lean", 2), ("rjm_mixed", 1)])
o("G2", "来两份 一份多放醋一份不要葱", "biang", [("biang", 2)], note="一份多放醋一份不要葱")
o("G2", "肉夹馍来三个 纯瘦两个肥瘦两个", "rjm_lean", review=True)  # the shares do not add up to the total
with open(__file__.replace("make.py", "comments.jsonl"), "w", encoding="utf-8") as f:
    for r in R:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(R))
