"""report: the day after: 复盘 per 场次 and buyers over time.

Reads what the stream left behind (the ledger, the live room's records, clips) and writes nothing
to it.

Public: (added with the 复盘 and buyers work).

May import: ``copilot.base``, ``copilot.orders``, ``copilot.knowledge``, ``copilot.media``,
``copilot.live``. Not gradio or typer.
"""
