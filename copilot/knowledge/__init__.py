"""knowledge: the store's knowledge base, and answers a viewer can trust.

``files`` are the rules for the knowledge dir (what may be edited, created or uploaded), ``notes`` reads
notes in any layout owners use (sentences, bullet keys, Q&A pairs, table rows, headings) into facts,
``docs`` turns the knowledge dir into sourced chunks, ``wordlists`` loads the word lists kept as data in
``lexicon/*.yaml``, ``kinds`` types questions (the kind of value asked) and passages (aspects, values held),
``text``/``question``/``claims`` are the language side (tokens, BM25, what a question asks, what a reply
claims), ``naming`` which product a viewer's words name (part of a name, made of / made into), ``measures``
per what a value is stated (每袋, 每斤, 能装), ``binding`` whether a value a passage states is the value of what was asked (not of a negated
or neighbouring clause), ``conditions`` whether it is stated under the condition the question binds (an amount:
4 斤的猫, 7 楼; the event a time is told of: 直播 vs 自提; after a time of day; 冷藏/常温 and 开封前/后 per
sentence), ``asked`` the words a question makes a must (the moment a value counts from: 烘好了), ``whose`` whether a value
is another thing's (5 斤的大青鱼, 拿货三年了, 质保一年) and the terms an answer must say (保质期, 保修), ``embeddings`` the bundled e5 model or an endpoint, ``index`` the search
snapshot, ``judge`` decides which passage answers (the product, the aspect, the kind of value asked in
its unit, the condition asked), ``shelf`` answers
from the live catalog, ``replies`` states the answer and why it was chosen, ``kb`` puts them together,
``grouping`` groups near-duplicate live questions.

Public: ``kb.KnowledgeBase``, ``records.Answer``, ``records.Source``, ``grouping.QuestionGrouper``,
``embeddings.get_embedder``, ``files.list_files``, ``files.save_file``, ``files.save_upload``.

May import: ``copilot.base``. Not orders, plan or media: live stock reaches it as a callable.
"""
