"""media: after the stream, from the recording to clips worth posting.

``models`` finds and loads the bundled Whisper model; ``speech`` reads a recording a window at a time and
checks that every stretch of speech was heard; ``transcribe`` and ``live_asr`` turn speech into a
``transcript`` (files and live sources; the live one is kept for the fast path); ``phonetic``,
``evidence`` and ``correct`` read the transcript against the catalog (misheard names, links, prices; the
correction suggestions); ``highlights`` finds the product talks and weighs which product each is about;
``subtitles`` makes cues that fit the frame; ``render`` encodes a clip in one ffmpeg run; ``clips`` makes
a clip (subtitles, videos, cover, title) and ``vetting`` checks it against the compliance rule packs;
``library`` keeps the transcripts and the owner's corrections; ``review`` keeps the 切片审核 queue;
``export`` zips the approved clips; ``pipeline`` runs it end to end; ``files`` says which files the
workspace may open and serves them from COPILOT_HOME.

Public: ``transcribe.transcribe_file``, ``live_asr.transcribe_live``, ``transcript.Transcript``,
``highlights.find_highlights``, ``correct.suggest``, ``clips.Clip``, ``pipeline.clip_recording``,
``pipeline.render_pending``, ``review.ClipStore``, ``library.TranscriptLibrary``.

May import: ``copilot.base``; and ``copilot.plan.compliance`` from ``vetting`` only (the arrow named in
pyproject.toml). Not orders or knowledge.
"""
