"""The model's wording of a chosen answer (with an LLM configured): it rewrites the passages the extractive answer
chose, and its reply is kept only when the same typed check holds (a value of the kind asked, found in the sources)
and it states no number or place the sources do not; otherwise the quoted answer stands."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from copilot.base.catalog import Catalog
from copilot.base.errors import CopilotError
from copilot.base.llm import complete
from copilot.base.prompts import load_prompt
from copilot.knowledge.claims import unsupported_claims
from copilot.knowledge.question import Question, coverage
from copilot.knowledge.records import Answer
from copilot.knowledge.replies import asked_text, typed_reply_ok
from copilot.knowledge.shelf import Shelf

log = logging.getLogger(__name__)


def llm_answer(llm, catalog: Catalog, shelf: Shelf, min_coverage: float, text: str, user: str | None,
               extractive: Answer, q: Question) -> Answer:
    """The model rewrites the chosen passages; its reply is used only when every number and place it
    states is in the sources and it states a value of the kind asked that the sources hold."""
    products = {s.sku for s in extractive.sources if s.sku}
    facts = shelf.facts_for_llm(products)
    sources = [{"n": i + 1, "file": s.file, "section": s.section, "text": s.text}
               for i, s in enumerate(extractive.sources)]
    try:
        reply = complete(llm, load_prompt("answer"), question=text, sources=sources, facts=facts,
                         store=catalog.store.name, asked=asked_text(q.topics, q.kind))
    except CopilotError as exc:
        log.warning("llm answer failed, using extractive: %s", exc)
        return extractive
    except Exception as exc:  # a broken client must never take the live room down
        log.warning("llm answer crashed, using extractive: %r", exc)
        return extractive
    reply = re.sub(r"^(@\S+\s*)+", "", reply.strip().strip("\"“”")).strip()
    if not reply or "确认一下" in reply or len(reply) > 150:
        log.info("llm reply unusable (%d chars), using extractive", len(reply))
        return extractive
    evidence = "\n".join([text, *facts, *(s.text for s in extractive.sources),
                          *(f"{p.name} {' '.join(p.aliases)} {p.origin or ''}" for p in
                            (catalog.get(s) for s in products) if p)])
    bad = unsupported_claims(reply, evidence, names=[n for p in catalog.products for n in p.names])
    if bad:
        log.warning("llm reply states unsupported %s, using extractive", bad)
        return replace(extractive, reason=f"llm_unsupported:{','.join(bad)}")
    if not typed_reply_ok(q.kind, reply, q.chosen or extractive.text) or coverage(q.residual, reply, q.unknown) < min_coverage:
        log.warning("llm reply does not state the %s asked, using extractive", q.kind or "fact")
        return replace(extractive, reason=f"llm_untyped:{q.kind or 'fact'}")
    prefix = f"@{user} " if user else ""
    return replace(extractive, text=prefix + reply, mode="llm")
