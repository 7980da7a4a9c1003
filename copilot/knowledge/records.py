"""What the knowledge base returns: an Answer (text, sources, mode, reason) and its Sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Source:
    file: str
    sku: str | None
    text: str
    score: float
    section: str = ""
    kind: str = ""

    def to_dict(self) -> dict:
        return {"file": self.file, "sku": self.sku, "text": self.text, "score": round(self.score, 4),
                "section": self.section}


@dataclass
class Answer:
    answered: bool
    text: str
    sources: list[Source] = field(default_factory=list)
    reason: str = ""
    mode: str = "extractive"  # "extractive" | "llm" | "catalog" | "refused"

    @property
    def needs_human(self) -> bool:
        """Goes to the assistant's queue: the knowledge does not say, or the comment tries to instruct."""
        return not self.answered and self.reason in ("not_in_kb", "injection", "no_product")

    def to_dict(self) -> dict:
        return {"answered": self.answered, "answer": self.text, "sources": [s.to_dict() for s in self.sources],
                "mode": self.mode, "reason": self.reason}
