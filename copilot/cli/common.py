"""Options and helpers shared by the command modules."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from copilot.base.settings import Settings, load_settings

KnowledgeOpt = Annotated[Path | None, typer.Option("--knowledge", "-k", help="知识库目录（含 products.yaml），默认 COPILOT_KNOWLEDGE 或 ./knowledge")]
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON（供脚本和集成使用）")]


def settings_for(knowledge: Path | None) -> Settings:
    return load_settings().with_knowledge(knowledge)


def load_catalog(settings: Settings):
    from copilot.base.catalog import Catalog

    return Catalog.load(settings.knowledge_dir)


def emit_json(obj: Any) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False))


def read_input(file: Path | None, what: str, example: str) -> str:
    """The text of ``file``, or of standard input when it is None or ``-``; clear errors for the rest."""
    from copilot.base.comments import decode_text
    from copilot.base.errors import InputError

    if file is None or str(file) == "-":
        if sys.stdin.isatty():
            raise InputError(f"没有{what}", hint=f"给一个文件路径，或者用管道传入：{example}")
        return sys.stdin.read()
    if not file.is_file():
        raise InputError(f"找不到{what}文件 {file}", hint="检查路径")
    return decode_text(file.read_bytes(), file.name)
