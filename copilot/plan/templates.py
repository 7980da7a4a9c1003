"""The offline script writer: phrase banks and the functions that turn catalog and notes facts into
lines a host would say.

Every slot has several phrasings, picked by a seeded ``random.Random`` so a draft is varied but
reproducible. Every number in a line comes from the catalog, the notes or the store facts: the
templates themselves hold no numbers except the ones that mirror the FAQ's order rule (扣1).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from copilot.base.catalog import Product, fmt_number
from copilot.plan.model import Fact, Line


@dataclass
class Slots:
    """What a template line may say, and where it comes from."""

    host: str
    store: str
    theme: str
    live_time: str | None = None
    live_time_source: str | None = None
    faq_order_source: str | None = None
    store_facts: dict[str, str] = field(default_factory=dict)


THEME_INTRO = {
    "源头探访": ["今晚咱们做一期源头探访，跟大家聊聊这些货是从哪儿来的、怎么到咱们店里的。",
               "今晚的主题是源头探访：每样东西的产地、谁家种的养的、怎么运过来，我都给大家讲明白。"],
    "后场探秘": ["今晚带大家进后场看看：货到店以后我们怎么挑、怎么检查、怎么存。",
               "今晚是后场探秘，平时大家看不到的那一面，今天给大家看看。"],
    "门店日常": ["今晚就跟平常一样，跟邻居们唠唠店里这几样好货。",
               "今晚是咱们的门店日常，边理货边跟大家聊聊这几样。"],
    "晚市特惠": ["今晚是晚市特惠，今天到店的货趁新鲜清一清，都按直播间价走。",
               "晚市特惠开始了：今天的货今天清，价格都是直播间价，大家按需下单。"],
    "新品试吃": ["今晚新品试吃，我当着大家的面尝一尝，说说口感和怎么吃。",
               "今晚是试吃专场，东西我先尝，好不好吃我实话实说。"],
}
GREETING = ["晚上好，各位邻居！我是{store}的{host}。",
            "邻居们晚上好，{host}来了，{store}今晚的直播开始啦。",
            "各位晚上好，欢迎来到{store}的直播间，我是{host}。"]
FOLLOW = ["刚进来的邻居先点个关注，明天的直播预告也能看到。",
          "还没关注的点个关注，店里到了什么新货都会提前说。",
          "新来的朋友点下关注，点了关注下次开播就能收到提醒。"]
LINEUP = ["今晚给大家准备了：{items}。", "先说今晚有哪些：{items}。", "今晚要讲的是这几样：{items}。"]
HOOK_TEASE = ["头一个就上{name}，直播间价{price}元一{unit}，一会儿细说。",
              "先透个底：{name}今晚{price}元一{unit}，马上就讲。"]
ORDER_RULE = ["下单很简单：评论区扣1就是要一份，扣几就是几份。",
              "想要什么直接在评论区扣数量，扣1就是一份，也可以报链接号加数量。"]
INTRO = ["接下来这个是{link}号链接，{name}。", "来，咱们看{link}号链接，{name}。",
         "下面上{link}号链接：{name}。"]
INTRO_ORIGIN = ["{link}号链接，{name}，{origin}过来的。", "下面这个是{origin}的{name}，{link}号链接。"]
HOOK_INTRO = ["先上今晚优惠力度大的一样：{link}号链接，{name}。",
              "第一样就是刚才说的{name}，{link}号链接。"]
SPEC = ["规格给大家说一下：{spec}。", "规格是{spec}。", "看一下规格：{spec}。"]
LEADS = {
    "产地": ["说说产地，", "这个是哪儿来的呢？", "说说它的来历，"],
    "采摘/到货": ["说说新鲜度，", "说说怎么到店的：", "大家关心新不新鲜，"],
    "品控": ["到店以后我们这样把关：", "品控这块儿，", "店里是这么检查的："],
    "口感": ["口感上，", "吃起来是这样的：", "说说味道，"],
    "储存": ["买回去怎么放？", "储存提醒一句，", "拿回家注意："],
    "吃法": ["怎么吃呢？", "推荐几个吃法：", "做法也简单："],
}
PRICE_ORIG = ["平时店里卖{orig}元一{unit}，今晚直播间{price}元。",
              "门店价{orig}元，直播间价{price}元一{unit}。",
              "价格说清楚：店里平时{orig}元，今晚{price}元一{unit}。"]
PRICE = ["价格是{price}元一{unit}。", "{price}元一{unit}，直播间就是这个价。", "直播间价{price}元一{unit}。"]
OFFER = ["今晚的优惠：{offer}。", "直播间这边：{offer}。", "再说下优惠：{offer}。"]
STOCK_LOW = ["这个量不多，今晚只有{stock}{unit}，卖完就没了。", "库存只有{stock}{unit}，想要的抓紧。",
             "只有{stock}{unit}，先到先得。"]
STOCK = ["今晚备了{stock}{unit}。", "库存{stock}{unit}，大家放心下单。", "今晚一共备了{stock}{unit}。"]
LIMIT = ["每人限购{limit}{unit}，多扣的不算。", "限购：每人{limit}{unit}。"]
CTA = ["想要的扣1，要几{unit}就扣几；也可以打“{link}号链接”加数量。",
       "要的直接扣数量，扣1就是一{unit}；或者写“{link}号”加数量。",
       "评论区扣数量就行，扣几就是几{unit}，报“{link}号链接”也可以。"]
LOTTERY = ["来，{host}跟大家玩个小互动：现在开始在评论区打“{store}”，这段讲完我从评论里抽一位邻居，送一{unit}{gift}，明天取货时一起拿。",
           "点赞点起来，评论区打“{store}”！一会儿从评论区抽一位邻居送一{unit}{gift}，中奖的我念昵称。"]
LOTTERY_RULE = ["中奖的邻居取货时报直播昵称就行。", "奖品跟订单一起，明天到店自提。"]
QA = ["聊了这么多，大家有什么想问的？比如{examples}，打在评论区，我一个个回答。",
      "现在是问答时间：{examples}，尽管问。"]
QA_DELIVERY = ["常有人问送不送货：{delivery}。", "顺便说下送货：{delivery}。"]
QA_PAYMENT = ["付款方式：{payment}。"]
WRAP = ["今晚的直播差不多到这儿，谢谢各位邻居捧场。", "好，今晚就先聊到这里，谢谢大家。"]
RECAP = ["再过一遍今晚的价格：{items}。", "今晚的几样再报一遍：{items}。"]
PICKUP = ["取货提醒：{pickup}。", "记一下取货时间：{pickup}。"]
ADDRESS = ["地址是{address}，营业时间{hours}。", "店在{address}，{hours}都开着。"]
WECHAT = ["想进邻居群的，取货时到店扫收银台上的码，加{host}的企业微信，备注小区和楼号。",
          "还没进群的邻居，明天到店扫码加{host}的企业微信，群里每天发到货通知和直播预告。"]
GOODBYE_TIME = ["明晚{time}见，晚安！", "咱们明晚{time}接着聊，晚安！"]
GOODBYE = ["咱们明晚见，晚安！", "明晚接着聊，大家晚安！"]


def pick(rng: random.Random, bank: list[str], **values) -> str:
    return rng.choice(bank).format(**values)


def qty(p: Product, x: float | None) -> str:
    return fmt_number(x) if x is not None else ""


def opening(rng, slots: Slots, products: list[Product], hook: Product | None) -> list[Line]:
    items = "、".join(f"{p.link}号{p.name}" for p in products)
    lines = [Line(pick(rng, GREETING, store=slots.store, host=slots.host), "store.name"),
             Line(rng.choice(THEME_INTRO[slots.theme]), None),
             Line(pick(rng, LINEUP, items=items), "catalog:" + ",".join(p.sku for p in products) + ".link")]
    if hook is not None:
        lines.append(Line(pick(rng, HOOK_TEASE, name=hook.name, price=fmt_number(hook.price), unit=hook.unit),
                          f"catalog:{hook.sku}.price"))
    lines.append(Line(rng.choice(ORDER_RULE), slots.faq_order_source))
    lines.append(Line(rng.choice(FOLLOW), None))
    return lines


def product_lines(rng, slots: Slots, p: Product, notes: list[Fact], *, hook: bool, low_stock: bool,
                  notes_budget: int) -> list[Line]:
    """A product segment: intro, spec, talking points from the notes, price, offer, stock, limit, CTA."""
    values = dict(link=p.link, name=p.name, origin=p.origin or "", unit=p.unit)
    if hook:
        bank = HOOK_INTRO
    else:
        bank = INTRO_ORIGIN if p.origin and rng.random() < 0.5 else INTRO
    lines = [Line(pick(rng, bank, **values), f"catalog:{p.sku}.origin" if "{origin}" in bank[0] else f"catalog:{p.sku}.link")]
    price_first = slots.theme == "晚市特惠"
    talk = talking_points(rng, notes, notes_budget)
    commerce = price_lines(rng, p, low_stock=low_stock)
    if p.spec:
        lines.append(Line(pick(rng, SPEC, spec=p.spec), f"catalog:{p.sku}.spec"))
    lines += (commerce + talk) if price_first else (talk + commerce)
    lines.append(Line(pick(rng, CTA, **values), slots.faq_order_source or f"catalog:{p.sku}.link"))
    return lines


def talking_points(rng, notes: list[Fact], budget: int) -> list[Line]:
    out: list[Line] = []
    last_section = None
    for fact in notes[:budget]:
        section = fact.source.rsplit("#", 1)[-1]
        text = fact.text
        if section != last_section and section in LEADS:
            lead = rng.choice(LEADS[section])
            text = lead + text
        out.append(Line(text, fact.source))
        last_section = section
    return out


def price_lines(rng, p: Product, *, low_stock: bool) -> list[Line]:
    v = dict(price=fmt_number(p.price), unit=p.unit, orig=fmt_number(p.original_price or 0))
    if p.original_price and p.original_price > p.price:
        out = [Line(pick(rng, PRICE_ORIG, **v), f"catalog:{p.sku}.price")]
    else:
        out = [Line(pick(rng, PRICE, **v), f"catalog:{p.sku}.price")]
    if p.offer:
        out.append(Line(pick(rng, OFFER, offer=p.offer.rstrip("。")), f"catalog:{p.sku}.offer"))
    stock = dict(stock=fmt_number(p.stock), unit=p.unit)
    out.append(Line(pick(rng, STOCK_LOW if low_stock else STOCK, **stock), f"catalog:{p.sku}.stock"))
    if p.limit_per_buyer and not (p.offer and "限购" in p.offer):
        out.append(Line(pick(rng, LIMIT, limit=fmt_number(p.limit_per_buyer), unit=p.unit),
                        f"catalog:{p.sku}.limit_per_buyer"))
    return out


def lottery(rng, slots: Slots, gift: Product) -> list[Line]:
    return [Line(pick(rng, LOTTERY, host=slots.host, store=slots.store, unit=gift.unit, gift=gift.name),
                 f"catalog:{gift.sku}.name"),
            Line(rng.choice(LOTTERY_RULE), "store.pickup")]


def qa(rng, slots: Slots, products: list[Product], notes_by_sku: dict[str, dict[str, list[Fact]]]) -> list[Line]:
    asks = []
    for p in products:
        sections = notes_by_sku.get(p.sku, {})
        short = p.aliases[0] if p.aliases else p.name
        if "储存" in sections:
            asks.append(f"{short}怎么放")
        elif "吃法" in sections:
            asks.append(f"{short}怎么吃")
    examples = "、".join(rng.sample(asks, min(2, len(asks)))) if asks else "怎么存、怎么吃"
    lines = [Line(pick(rng, QA, examples=examples), None)]
    facts = slots.store_facts
    if facts.get("delivery"):
        lines.append(Line(pick(rng, QA_DELIVERY, delivery=facts["delivery"].rstrip("。")), "store.delivery"))
    if facts.get("payment"):
        lines.append(Line(pick(rng, QA_PAYMENT, payment=facts["payment"].rstrip("。")), "store.payment"))
    return lines


def closing(rng, slots: Slots, products: list[Product]) -> list[Line]:
    facts = slots.store_facts
    items = "；".join(f"{p.link}号{p.name}{fmt_number(p.price)}元一{p.unit}" for p in products)
    lines = [Line(rng.choice(WRAP), None),
             Line(pick(rng, RECAP, items=items), "catalog:" + ",".join(p.sku for p in products) + ".price")]
    if facts.get("pickup"):
        lines.append(Line(pick(rng, PICKUP, pickup=facts["pickup"].rstrip("。")), "store.pickup"))
    if facts.get("address") and facts.get("hours"):
        lines.append(Line(pick(rng, ADDRESS, address=facts["address"], hours=facts["hours"]), "store.address"))
    elif facts.get("address"):
        lines.append(Line(f"地址是{facts['address']}。", "store.address"))
    if facts.get("wechat"):
        lines.append(Line(pick(rng, WECHAT, host=slots.host), "store.wechat"))
    if slots.live_time:
        lines.append(Line(pick(rng, GOODBYE_TIME, time=slots.live_time), slots.live_time_source))
    else:
        lines.append(Line(rng.choice(GOODBYE), None))
    return lines
