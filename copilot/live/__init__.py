"""live: the live room during the stream.

``session`` routes every comment (orders to the ledger, questions to the knowledge base, the rest to
the feed), follows the current product and undoes the assistant's last action; ``records`` are what
it shows; ``api`` is the HTTP intake; ``auth`` the accounts, roles and the intake token; ``jobs`` the
background threads; ``follow`` rehearsal schedules and following the live transcript.

Public: ``session.LiveSession``, ``records.Outcome``, ``records.FeedItem``, ``records.QueuedQuestion``,
``api.create_api``, ``auth.Accounts``, ``auth.api_token``, ``jobs.Jobs``.

May import: ``copilot.base``, ``copilot.orders``, ``copilot.knowledge``, ``copilot.media``.
Not ``copilot.report``, gradio or typer.
"""
