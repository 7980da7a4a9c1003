"""Writes comments.jsonl of the invented camping store (classes B1 units, F typos of names and units, J implied one)."""
import json

R = None  # review
P = [
# B1: a measure word that counts the same single items as the sale unit converts (LABELS 1)
("B1", "登山杖来两根", None, [("pole", 2)]),
("B1", "来一条", "pole", [("pole", 1)]),
("B1", "防潮垫来两片", None, [("mat", 2)]),
("B1", "来一块", "mat", [("mat", 1)]),
("B1", "帐篷绳来一盘", None, [("rope", 1)]),
("B1", "帐篷绳来两轴", None, [("rope", 2)]),
("B1", "来一个", "hat", [("hat", 1)]),
("B1", "渔夫帽来两个", None, [("hat", 2)]),
("B1", "手套来一副", None, [("gloves", 1)]),
("B1", "来两对", "gloves", [("gloves", 2)]),
("B1", "串灯来一挂", None, [("lights", 1)]),
("B1", "营地灯来两个", None, [("lamp", 2)]),
("B1", "来一只", "lamp", [("lamp", 1)]),
("B1", "荧光棒来100根", None, [("glow", 2)]),
# B2 guards: a pack word never converts without pack
("B2", "登山杖来一盒", None, R),
("B2", "营地灯来一箱", None, R),
("B2", "来一袋", "mat", R),
# F: typos of names and units a person reads without doubt
("F", "账篷来一顶", None, [("tent2", 1)]),
("F", "登山仗来两支", None, [("pole", 2)]),
("F", "压缩饼千来两包", None, [("biscuit", 2)]),
("F", "木炭来一带", None, [("charcoal", 1)]),
("F", "木炭来两代", None, [("charcoal", 2)]),
("F", "手套来一付", None, [("gloves", 1)]),
("F", "气罐来两灌", None, [("gas", 2)]),
("F", "自热火锅来两分", None, [("hotpot", 2)]),
("F", "驱文液来一瓶", None, [("spray", 1)]),
("F", "防朝垫来一张", None, [("mat", 1)]),
# J: an order with no digit, or with a person word
("J", "给我老公带顶帐篷", None, [("tent2", 1)]),
("J", "帮我儿子留根登山杖", None, [("pole", 1)]),
("J", "给老妈也来一副手套", None, [("gloves", 1)]),
("J", "压缩饼干 三包", None, [("biscuit", 3)]),
("J", "要瓶驱蚊液", None, [("spray", 1)]),
("J", "给闺女拿盏营地灯", None, [("lamp", 1)]),
("J", "给我爸也留把折叠椅", None, [("chair", 1)]),
("J", "驱蚊液 两瓶", None, [("spray", 2)]),
]
with open("comments.jsonl", "w", encoding="utf-8") as f:
    for i, (cls, text, cur, items) in enumerate(P, 1):
        row = {"id": f"u{i:03d}", "cls": cls, "text": text, "current_sku": cur,
               "kind": "order", "items": [{"sku": s, "qty": q} for s, q in (items or [])],
               "needs_review": items is None}
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
