"""店播副驾 Live Copilot: the services behind the app and the ``copilot`` command.

The result records are exported here. The light ones are imported eagerly; the rest are
resolved on first access (PEP 562), so ``import copilot`` and ``copilot --help`` never pull in
faster-whisper, chromadb, gradio or SQLAlchemy.
"""

from importlib import import_module

from .catalog import Catalog, Product, Store
from .errors import CopilotError
from .intents import Comment, Intent, Item, Kind

# name -> the submodule that defines it (imported on first access)
_LAZY = {
    "Word": "transcribe", "Segment": "transcribe", "Transcript": "transcribe",
    "Highlight": "highlights",
    "Clip": "clips",
    "Source": "kb", "Answer": "kb",
    "OrderLine": "ledger", "ApplyResult": "ledger",
    "ScriptDraft": "script",
    "Violation": "compliance",
    "FeedItem": "live", "Outcome": "live", "QueuedQuestion": "live",
    "MediaInfo": "media",
}

__all__ = ["Catalog", "Comment", "CopilotError", "Intent", "Item", "Kind", "Product", "Store", *_LAZY]
__version__ = "0.1.0"


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
