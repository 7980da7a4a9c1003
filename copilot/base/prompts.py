"""Prompts are versioned YAML files in ``prompts/`` rendered by a sandboxed Jinja environment.

A prompt file holds ``name``, ``version``, ``system`` and ``template``; both texts are Jinja
templates and a missing variable is an error, never an empty string.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from copilot.base import yamlfile
from copilot.base.errors import ConfigError
from copilot.base.settings import PROJECT_DIR

PROMPTS_DIR = PROJECT_DIR / "prompts"
_env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    system: str
    template: str

    def render(self, **variables) -> list[dict[str, str]]:
        """The chat messages for this prompt: a system message and one user message."""
        try:
            system = _env.from_string(self.system).render(**variables).strip()
            user = _env.from_string(self.template).render(**variables).strip()
        except TemplateError as exc:
            raise ConfigError(f"提示词 {self.name} v{self.version} 渲染失败：{exc}",
                              hint="检查 prompts/ 下的模板变量") from None
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]


@lru_cache(maxsize=64)
def load_prompt(name: str, directory: Path = PROMPTS_DIR) -> Prompt:
    path = directory / f"{name}.yaml"
    if not path.exists():
        raise ConfigError(f"找不到提示词文件 {path}", hint="prompts/ 目录应随项目一起提供")
    try:
        data = yamlfile.load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"提示词文件 {path.name} {yamlfile.describe(exc)}", hint=f"改好 {path} 后重试") from None
    if not isinstance(data, dict):
        raise ConfigError(f"提示词文件 {path.name} 格式不对", hint=f"{path} 顶层应是 name / version / system / template 这几个键")
    missing = [k for k in ("name", "version", "system", "template") if k not in data]
    if missing:
        raise ConfigError(f"提示词文件 {path} 缺少字段：{', '.join(missing)}")
    return Prompt(name=str(data["name"]), version=str(data["version"]),
                  system=str(data["system"]), template=str(data["template"]))
