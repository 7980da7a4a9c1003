"""What the knowledge base returns: an Answer (text, sources, mode, reason, and why it was chosen:
the aspect and kind of value asked, the source and the value) and its Sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field

REFUSAL_TEXT = "这个我确认一下，稍后回复您"   # handed to a person: the assistant answers later


@dataclass
class Source:
    file: str
    sku: str | None
    text: str
    score: float
    section: str = ""
    kind: str = ""
    key: str = ""      # the bullet key, table row or Q&A question the text belongs to

    def to_dict(self) -> dict:
        return {"file": self.file, "sku": self.sku, "text": self.text, "score": round(self.score, 4),
                "section": self.section, "key": self.key}


@dataclass
class Answer:
    answered: bool
    text: str
    sources: list[Source] = field(default_factory=list)
    reason: str = ""
    mode: str = "extractive"  # "extractive" | "llm" | "catalog" | "refused"
    aspect: str = ""          # what the question is about: "storage", "pickup", ... ("" when none)
    kind: str = ""            # the kind of value asked: "duration", "count", "place", ... ("" when none)
    value: str = ""           # the value of that kind the reply states ("21 天")
    why: str = ""             # why this reply (or why none), for the assistant: aspect, kind, source

    @property
    def needs_human(self) -> bool:
        """Goes to the assistant's queue: the knowledge does not say, or the comment tries to instruct."""
        return not self.answered and self.reason in ("not_in_kb", "injection", "no_product")

    def to_dict(self) -> dict:
        return {"answered": self.answered, "answer": self.text, "sources": [s.to_dict() for s in self.sources],
                "mode": self.mode, "reason": self.reason, "aspect": self.aspect, "kind": self.kind,
                "value": self.value, "why": self.why}
