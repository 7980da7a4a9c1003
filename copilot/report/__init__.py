"""report: the day after: 复盘 per 场次 and buyers over time.

Reads what the stream left behind (the ledger, the live room's records, clips) and writes nothing
to it.

``source`` reads the tables, ``review`` builds the 复盘 of one 场次 (per product, per minute, knowledge
gaps, repeat buyers), ``buyers`` the buyers over time and their tiers, ``charts`` the plotly figures,
``export`` the self-contained HTML and the xlsx (formulas and control characters neutralised),
``nextplan`` the starting plan for the next stream.

Public: ``review.build_report``, ``review.StreamReport``, ``buyers.buyers_history``,
``buyers.repeat_by_stream``, ``buyers.find_buyer``, ``charts.report_charts``, ``export.write_report``,
``export.write_buyers_xlsx``, ``export.safe_cell``, ``nextplan.suggest``, ``source.list_streams``.

May import: ``copilot.base``, ``copilot.orders``, ``copilot.knowledge``, ``copilot.media``,
``copilot.live``. Not gradio or typer.
"""
