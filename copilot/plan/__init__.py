"""plan: tonight's stream before it starts.

``model`` holds the draft (ScriptDraft, Segment, Line) and what a script may state (Knowledge),
``draft`` plans the run-of-show and writes it (``templates`` offline, ``llm_draft`` with a model, vetted
against the catalog), ``compliance`` checks text against the rule packs in ``rules/``, ``cuecards``
prints the host's cards and ``warmup`` writes the posts for the WeChat groups.

Public: ``draft.draft``, ``draft.warmup``, ``draft.apply_text``, ``model.ScriptDraft``,
``compliance.check``, ``compliance.rewrite``, ``cuecards.write_cards``.

May import: ``copilot.base``. Not orders, knowledge or media.
"""
