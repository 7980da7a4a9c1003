"""A small exception hierarchy, converted once at the CLI and UI boundary.

Every message is written for the person at the keyboard: what is wrong and how to fix it,
in Chinese (the product's language). Logs stay in English.
"""

from __future__ import annotations


class CopilotError(Exception):
    """Base of every error the copilot raises on purpose."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}（{self.hint}）" if self.hint else self.message


class ConfigError(CopilotError):
    """A setting is missing or invalid; the message names the variable to set."""


class CatalogError(CopilotError):
    """products.yaml or a notes file is missing or invalid; names file, product and field."""


class InputError(CopilotError):
    """Bad user input: a malformed comments file, a too-long comment, an unknown product."""


class LedgerError(CopilotError):
    """A ledger operation cannot be carried out (nothing to undo, unknown order line ...)."""


class LLMError(CopilotError):
    """The configured LLM endpoint failed, timed out or kept answering invalid output."""


class MediaError(CopilotError):
    """A recording cannot be read, has no audio, or ffmpeg is missing."""


class KnowledgeError(CopilotError):
    """The knowledge base cannot be built or queried."""
