"""base: what every capability stands on.

Settings (argument > env > .env > default), the error hierarchy, database engines and the numbered
migration runner, the LLM seam (``complete(model, prompt, schema)``), the prompt loader, Chinese
numbers, ffmpeg helpers, the catalog (Store, Product, Catalog: one pydantic model each), viewer
comments and the one loader for comment files, the common nouns of jieba's dictionary (``nouns``), and the
progress-callback type.

Public: ``settings.Settings``, ``settings.load_settings``, ``errors.*Error``, ``db.make_engine``,
``db.migrate``, ``llm.get_chat_model``, ``llm.complete``, ``prompts.load_prompt``, ``zhnum.zh_to_number``,
``ffmpeg.probe``, ``catalog.Catalog``, ``comments.Comment``, ``comments.load_comment_file``,
``progress.Progress``.

May import: nothing of copilot (the bottom layer); no gradio, no typer.
"""
