"""orders: from a viewer's comment to the group-buy ledger, and what the store prints from it.

``intent`` (the records) and ``rules``/``parser`` turn a comment into an Intent (order, cancel, modify,
question, other); ``ledger`` applies it in one transaction (``book``: stock that never goes negative,
the waitlist, per-buyer limits, the invariants), ``manual`` holds the owner's actions and undo,
``summary`` adds lines up (stock, 分拣单, 取货单) and ``exports`` writes them as xlsx or CSV.

Public: ``intent.Intent``, ``intent.Kind``, ``intent.Item``, ``parser.IntentParser``, ``ledger.Ledger``,
``ledger.default_stream``, ``records.OrderLine``, ``records.ApplyResult``, ``book.check_invariants``,
``summary.stock_summary``, ``summary.pick_list``, ``summary.pickup_slips``, ``exports.export_ledger``.

May import: ``copilot.base``. Not the other capabilities (knowledge, plan, media).
"""
