"""Warm-up posts for tonight: a WeChat group post, a one-to-one message and a poster line, from the
catalog and phrase banks (every number from the catalog), compliance-checked.
"""

from __future__ import annotations

from copilot.base.catalog import Product, Store, fmt_number
from copilot.plan import compliance

GROUP_OPEN = ["各位邻居下午好，我是{host}！今晚{when}在店里开播，主题是“{theme}”。",
              "邻居们好，{host}预告一下：今晚{when}直播，这次是{theme}。"]
GROUP_CLOSE = ["直播间扣数量就能下单{pickup}。有想问的先在群里问我。",
               "下单在直播间扣数量就行{pickup}。到时候见！"]
ONE_OPEN = ["{name}您好，我是{store}的{host}。今晚{when}直播，给您留意了几样：",
            "您好呀，{host}这边跟您说一声：今晚{when}{store}直播，有这几样："]
ONE_CLOSE = ["想要的话今晚直播间扣数量{pickup}。", "今晚直播间下单就行{pickup}。"]
POSTER = ["今晚{when} · {store}{theme} · {items}", "{store}今晚{when}开播｜{theme}｜{items}"]


def _item(p: Product) -> str:
    was = f"（平时{fmt_number(p.original_price)}元）" if p.original_price and p.original_price > p.price else ""
    return f"{p.link}号{p.name} {fmt_number(p.price)}元/{p.unit}{was}"


def warmup_posts(rng, store: Store, products: list[Product], theme: str, host: str,
                 live_time: str | None) -> dict[str, str]:
    """Posts in the owner's voice; prices from the catalog; checked for 广告法 wording (inside WeChat
    the platform's 导流 rule does not apply)."""
    when = live_time or ""
    pickup = f"，{store.pickup.rstrip('。')}" if store.pickup else ""
    lines = "\n".join(f"· {_item(p)}" + (f"，{p.offer}" if p.offer else "") for p in products)
    group = "\n".join([rng.choice(GROUP_OPEN).format(host=host, when=when, theme=theme), lines,
                       rng.choice(GROUP_CLOSE).format(pickup=pickup)])
    one = "\n".join([rng.choice(ONE_OPEN).format(name="邻居", store=store.name, host=host, when=when),
                     "；".join(_item(p) for p in products) + "。",
                     rng.choice(ONE_CLOSE).format(pickup=pickup)])
    short = "、".join(f"{p.aliases[0] if p.aliases else p.name}{fmt_number(p.price)}元" for p in products[:4])
    poster = rng.choice(POSTER).format(when=when, store=store.name, theme=theme, items=short)
    cats = [c for c in compliance.CATEGORIES if c != "平台导流"]
    return {k: compliance.rewrite(v, cats) for k, v in
            {"group_post": group, "one_to_one": one, "poster_line": poster}.items()}
