"""Options and helpers shared by the command modules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from ..config import Settings, load_settings

KnowledgeOpt = Annotated[Path | None, typer.Option("--knowledge", "-k", help="知识库目录（含 products.yaml），默认 COPILOT_KNOWLEDGE 或 ./knowledge")]
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON（供脚本和集成使用）")]


def settings_for(knowledge: Path | None) -> Settings:
    return load_settings().with_knowledge(knowledge)


def load_catalog(settings: Settings):
    from ..catalog import Catalog

    return Catalog.load(settings.knowledge_dir)


def emit_json(obj: Any) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False))
