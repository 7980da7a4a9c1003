"""media: after the stream, from the recording to clips worth posting.

``models`` finds and loads the bundled Whisper model, ``transcribe`` and ``live_asr`` turn speech
into a ``transcript`` (files and live sources), ``highlights`` finds the product talks, ``clips``
renders them (subtitles, 9:16, cover, title), ``review`` keeps the 切片审核 queue, ``pipeline`` runs
it end to end, ``files`` makes a file servable to the browser.

Public: ``transcribe.transcribe_file``, ``live_asr.transcribe_live``, ``transcript.Transcript``,
``highlights.find_highlights``, ``clips.Clip``, ``pipeline.clip_recording``, ``review.ClipStore``.

May import: ``copilot.base``. Not orders, knowledge or plan.
"""
