"""orders: from a viewer's comment to the group-buy ledger, and what the store prints from it.

``intent`` (the records) and ``rules``/``parser`` turn a comment into an Intent (order, cancel, modify,
question, other) (``clauses``: what one clause of a comment is, read on its own), with ``changes`` (cancels and changes to an order placed), ``refs`` (what a clause names), ``amounts`` (quantities and their checks),
``notes`` (delivery, collection and service notes, a size or colour said; ``fitted``: the model of the buyer's own the goods must fit, 苹果15的, 戴森V8的), ``asides`` (a payment or the usual said beside the goods), ``wording`` (questions, chatter and filler words) and
``shorthand`` (variant, family and partial words read from the catalog), ``abbreviated`` (orders in shorthand: 1原2辣), ``alike`` (characters taken for each other: 炖 / 饨, 卢 / 鲈), ``sizes`` (a size of the names said with its unit: 10kg的), ``marked`` (a number and its mark in the names said as a word: 9W的, 5号的, 31合1), ``suffixed`` (another name
and the word that makes the next product of it: 鸡肉罐头整箱), ``leftover`` (what no rule
reads), ``lexicon`` (common nouns: a typo that names another thing), ``kin`` (the people goods are bought for) and ``cues`` (a price that picks the
goods, 来只 as one), ``pairing`` (quantities to products in a clause and across a comment's clauses); ``ledger`` applies it in one
transaction (``book``: stock that never goes negative, the waitlist, per-buyer limits, the invariants), ``manual`` holds the owner's actions and undo;
``jielong`` reads a pasted 群接龙 chain (``spelled``: what its header offers, a member's short word spelled out as
the product's name) and ``chains`` applies each paste's changes,
``summary`` adds lines up (stock, 分拣单, 取货单) and ``exports`` writes them as xlsx or CSV (every cell
through ``base.spreadsheet``). The day after: ``counter`` keeps the store counter's own tables (pickup
numbers, buyer profiles, stock on hand; migration track ``counter``), ``buyers`` the buyers of a 场次
with their 手机尾号, building and room and money, ``pickup`` the 取货台, ``payments`` the unpaid list
and bulk paid, ``purchase`` the 采购单 per supplier, ``browse`` the ledger table a page at a time.

Public: ``intent.Intent``, ``intent.Kind``, ``intent.Item``, ``parser.IntentParser``, ``ledger.Ledger``,
``ledger.default_stream``, ``records.OrderLine``, ``records.ApplyResult``, ``book.check_invariants``,
``summary.stock_summary``, ``summary.pick_list``, ``summary.pickup_slips``, ``exports.export_ledger``,
``exports.export_purchase``, ``buyers.stream_buyers``, ``pickup.PickupDesk``, ``payments.preview_payments``,
``payments.apply_payments``, ``purchase.purchase_plan``, ``browse.page_lines``.

May import: ``copilot.base``. Not the other capabilities (knowledge, plan, media).
"""
