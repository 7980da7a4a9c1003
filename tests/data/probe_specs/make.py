"""Writes comments.jsonl of the 蓝湾水族 probe (classes E: spec tokens, K: partial names). Labels by LABELS.md."""
import json

rows = [
    # E: lengths, Chinese-numeral lengths, decimals of grades, codes, volts, watts, ages, mm
    ("E", "1米2的来一个", None, "order", [("tank_120", 1)], False),
    ("E", "一米二的鱼缸来一个", None, "order", [("tank_120", 1)], False),
    ("E", "60cm的来一个", "tank_120", "order", [("tank_60", 1)], False),
    ("E", "六十厘米的来一个", "tank_120", "order", [("tank_60", 1)], False),
    ("E", "1.2米的先留一个", None, "order", [("tank_120", 1)], False),
    ("E", "100W的来两根", "heater_300", "order", [("heater_100", 2)], False),
    ("E", "300w来一根", None, "order", [("heater_300", 1)], False),
    ("E", "300瓦的加热棒来一根", None, "order", [("heater_300", 1)], False),
    ("E", "12V的来一台", "pump_24", "order", [("pump_12", 1)], False),
    ("E", "24v的水泵要两台", None, "order", [("pump_24", 2)], False),
    ("E", "16mm的来两卷", None, "order", [("hose_16", 2)], False),
    ("E", "20毫米的软管来一卷 送到滨河花园6栋", None, "order", [("hose_20", 1)], False),
    ("E", "3.0的来两袋", "sand_1", "order", [("sand_3", 2)], False),
    ("E", "1.0号的底砂来3袋", None, "order", [("sand_1", 3)], False),
    ("E", "3.0的砂来一袋", None, "order", [("sand_3", 1)], False),
    ("E", "LT60的来一盏", None, "order", [("lamp_60", 1)], False),
    ("E", "lt-90来一盏", "lamp_60", "order", [("lamp_90", 1)], False),
    ("E", "90的来一盏", "lamp_60", "order", [("lamp_90", 1)], False),
    ("E", "27cm的镊子来一把", None, "order", [("tweezers", 1)], False),
    ("E", "6合1的来一盒", None, "order", [("test_kit", 1)], False),
    ("E", "0-3岁的来两罐", None, "order", [("turtle_young", 2)], False),
    ("E", "3岁以上的来一罐", "turtle_young", "order", [("turtle_adult", 1)], False),
    ("E", "2.5kg的来一袋", None, "order", [("koi_food", 1)], False),
    ("E", "1米2的来一个 送到滨河花园3栋", "tank_60", "order", [("tank_120", 1)], False),
    ("E", "50W的来一根", "heater_100", "order", [], True),
    ("E", "36V的来一台", "pump_12", "order", [], True),
    ("E", "8mm的来一卷", "hose_16", "order", [], True),
    # K: a partial name held by exactly one name, or by several (review)
    ("K", "网来一把", None, "order", [("net", 1)], False),
    ("K", "捞网来一把", None, "order", [("net", 1)], False),
    ("K", "增氧来一台", None, "order", [("air_pump", 1)], False),
    ("K", "遮光罩来一个", None, "order", [("shade", 1)], False),
    ("K", "罩子来一个", None, "order", [("shade", 1)], False),
    ("K", "温度计来两个", None, "order", [("thermometer", 2)], False),
    ("K", "镊子来一把", None, "order", [("tweezers", 1)], False),
    ("K", "试剂来一盒", None, "order", [("test_kit", 1)], False),
    ("K", "泵来一台", None, "order", [], True),
    ("K", "灯来一盏", None, "order", [], True),
    ("K", "缸来一个", None, "order", [], True),
]
with open("comments.jsonl", "w", encoding="utf-8") as f:
    for i, (cls, text, cur, kind, items, review) in enumerate(rows, 1):
        c = {"id": f"s{i:03d}", "cls": cls, "text": text, "current_sku": cur, "kind": kind,
             "items": [{"sku": s, "qty": q} for s, q in items], "needs_review": review}
        if "送到" in text:
            c["order_note"] = text[text.index("送到"):]
        f.write(json.dumps(c, ensure_ascii=False) + "\n")
