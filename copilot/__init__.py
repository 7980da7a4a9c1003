"""店播副驾 Live Copilot: the services behind the app and the ``copilot`` command.

One package per capability (see the README's 代码结构): ``base`` at the bottom; ``orders``,
``knowledge``, ``plan`` and ``media`` above it; ``live`` and ``report`` above those; the two shells
``ui`` and ``cli`` on top. The import-linter contracts in pyproject.toml keep the arrows pointing down.

The result records are exported here. The light ones are imported eagerly; the rest are resolved on
first access (PEP 562), so ``import copilot`` and ``copilot --help`` never pull in faster-whisper,
chromadb, gradio or SQLAlchemy.
"""

from importlib import import_module

from copilot.base.catalog import Catalog, Product, Store
from copilot.base.comments import Comment
from copilot.base.errors import CopilotError
from copilot.orders.intent import Intent, Item, Kind

# name -> the module that defines it (imported on first access)
_LAZY = {
    "Word": "media.transcript", "Segment": "media.transcript", "Transcript": "media.transcript",
    "Highlight": "media.highlights",
    "Clip": "media.clips",
    "Source": "knowledge.records", "Answer": "knowledge.records",
    "OrderLine": "orders.records", "ApplyResult": "orders.records",
    "ScriptDraft": "plan.model",
    "Violation": "plan.compliance",
    "FeedItem": "live.records", "Outcome": "live.records", "QueuedQuestion": "live.records",
    "MediaInfo": "base.ffmpeg",
}

__all__ = ["Catalog", "Comment", "CopilotError", "Intent", "Item", "Kind", "Product", "Store", *_LAZY]
__version__ = "0.2.0"


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
