"""店播副驾 Live Copilot: the services behind the app and the ``copilot`` command."""

from .catalog import Catalog, Product, Store
from .errors import CopilotError
from .intents import Comment, Intent, Item, Kind

__all__ = ["Catalog", "Comment", "CopilotError", "Intent", "Item", "Kind", "Product", "Store"]
__version__ = "0.1.0"
