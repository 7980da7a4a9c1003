"""knowledge: the store's knowledge base, and answers a viewer can trust.

``files`` are the rules for the knowledge dir (what may be edited, created or uploaded), ``docs`` turns
it into sourced chunks, ``text``/``question``/``claims`` are the language side (tokens, BM25, what a
question asks, what a reply claims), ``embeddings`` the bundled e5 model or an endpoint, ``index``
and ``kb`` the store and the answers, ``grouping`` groups near-duplicate live questions.

Public: ``kb.KnowledgeBase``, ``records.Answer``, ``records.Source``, ``grouping.QuestionGrouper``,
``embeddings.get_embedder``, ``files.list_files``, ``files.save_file``, ``files.save_upload``.

May import: ``copilot.base``. Not orders, plan or media: live stock reaches it as a callable.
"""
