"""Tonight's plan survives a reload: the draft, the owner's edited text and the choices behind it are
saved per 场次 (one JSON file under COPILOT_HOME, 0600) on every draft and every edit.

    store = PlanStore(settings.data_dir / "plans")
    store.save("2026-11-22", draft, text, generated=draft.to_text(), choices={"skus": [...], ...})
    saved = store.load("2026-11-22")     # -> SavedPlan or None; saved.edited: text differs from the draft
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from copilot.base.files import private_dir, write_private
from copilot.plan.model import ScriptDraft

log = logging.getLogger(__name__)


@dataclass
class SavedPlan:
    stream: str
    draft: ScriptDraft | None
    text: str
    generated: str  # the text as 生成脚本 wrote it
    choices: dict = field(default_factory=dict)  # skus, minutes, theme, host
    saved_at: str = ""

    @property
    def edited(self) -> bool:
        """The owner changed the text after it was drafted (生成脚本 must ask before replacing it)."""
        return bool(self.text.strip()) and self.text.strip() != self.generated.strip()


class PlanStore:
    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)

    def path(self, stream: str) -> Path:
        return self.directory / f"{re.sub(r'[^0-9A-Za-z_.-]+', '_', stream) or 'stream'}.json"

    def save(self, stream: str, draft: ScriptDraft | None, text: str, generated: str | None = None,
             choices: dict | None = None) -> Path:
        """Save the plan of ``stream``; ``generated`` and ``choices`` default to the saved ones."""
        old = self.load(stream)
        generated = generated if generated is not None else (old.generated if old else (draft.to_text() if draft else ""))
        data = {"stream": stream, "draft": draft.model_dump() if draft is not None else None, "text": text or "",
                "generated": generated, "choices": choices if choices is not None else (old.choices if old else {}),
                "saved_at": datetime.now(timezone.utc).isoformat()}
        private_dir(self.directory)
        return write_private(self.path(stream), json.dumps(data, ensure_ascii=False))

    def load(self, stream: str) -> SavedPlan | None:
        path = self.path(stream)
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            draft = ScriptDraft.model_validate(data["draft"]) if data.get("draft") else None
        except (ValueError, KeyError, TypeError) as exc:  # a damaged file never blocks tonight's plan
            log.warning("saved plan %s unreadable: %s", path, exc)
            return None
        return SavedPlan(stream, draft, data.get("text", ""), data.get("generated", ""), data.get("choices") or {},
                         data.get("saved_at", ""))
