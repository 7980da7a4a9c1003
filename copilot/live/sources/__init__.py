"""live.sources: where the comments of a real evening come from.

No platform gives small sellers an API for live comments; sellers capture them with tools reading
their own logged-in console. One module per way in, on a common :class:`base.Source` (its state for
the 来源 panel, counters, the time of the last comment, the last error in plain Chinese, dedupe by
the platform's message id, reconnecting with back-off):

- ``channels``: the built-in 视频号助手 console capture (Playwright, a visible Chromium);
- ``websocket``: oba-live-tool and DouyinBarrageGrab, as a WebSocket client;
- ``forward``: wxlivespy's HTTP forward (the app's ``POST /api/sources/wxlivespy``);
- ``formats``: their wire formats, decoded (pure); ``convert``: a captured evening -> comment JSONL;
- ``hub``: the sources of one live session, started and stopped from the 直播间 or the CLI.

Public: ``hub.hub_for``, ``hub.SourceHub``, ``hub.make_source``, ``hub.SOURCES``, ``base.Source``,
``base.STATE_ZH``, ``convert.convert_capture``, ``forward.read_body``.

May import: what ``copilot.live`` may (base, orders, knowledge, media) and the sibling live modules
``jobs`` and ``records``. Not ``live.session`` or ``live.api`` (they may use us), gradio or typer.
"""
