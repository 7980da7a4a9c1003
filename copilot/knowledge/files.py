"""The knowledge dir as the owner edits it: which files exist, which may be edited, saving (products.yaml
validated first) and uploads (notes named after a product go to notes/).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from copilot.base.catalog import Catalog
from copilot.base.errors import CatalogError, InputError

log = logging.getLogger(__name__)
MAX_UPLOAD_BYTES = 200_000


def list_files(root: Path) -> list[str]:
    """products.yaml first, then the store's other .md files, then the notes."""
    root = Path(root)
    files = [p.relative_to(root).as_posix() for p in sorted(root.rglob("*.md"))
             if not any(part.startswith(".") for part in p.relative_to(root).parts)]
    top = [f for f in files if "/" not in f]
    return (["products.yaml"] if (root / "products.yaml").exists() else []) + top + \
        [f for f in files if "/" in f]


def resolve(root: Path, rel: str) -> Path:
    """The path of a knowledge file, refusing anything outside the knowledge dir or not .md/.yaml."""
    if not rel or not str(rel).strip():
        raise InputError("没有选择文件", hint="先在左边的列表里选一个文件")
    root = Path(root).resolve()
    path = (root / rel).resolve()
    if root not in path.parents:
        raise InputError(f"文件 {rel} 不在知识库目录里", hint="只能编辑知识库目录下的文件")
    if path.suffix not in (".md", ".yaml"):
        raise InputError(f"只能编辑 .md 资料文件和 products.yaml，不能编辑 {rel}")
    return path


def read_file(root: Path, rel: str) -> str:
    path = resolve(root, rel)
    if not path.exists():
        raise InputError(f"文件 {rel} 不存在", hint="点“刷新列表”看看最新的文件")
    return path.read_text(encoding="utf-8")


def save_file(root: Path, rel: str, text: str) -> Path:
    """Write a knowledge file; products.yaml is validated first so a typo never breaks the store."""
    path = resolve(root, rel)
    if not text.strip():
        raise InputError(f"{rel} 的内容是空的", hint="要删除资料，请在知识库目录里删除文件")
    if path.name == "products.yaml":
        import yaml


        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise CatalogError(f"products.yaml 不是有效的 YAML：{getattr(exc, 'problem', exc)}",
                               hint="检查缩进和冒号，没有保存") from None
        Catalog.from_dict(data, root=Path(root), source="products.yaml")
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    log.info("knowledge file saved: %s", rel)
    return path


def save_upload(root: Path, src: str | Path, skus: set[str]) -> str:
    """Copy an uploaded .md into the knowledge dir: notes/<sku>.md when named after a product."""
    src = Path(src)
    name = re.sub(r"[^\w.\-]+", "_", src.name)
    if src.suffix.lower() != ".md":
        raise InputError(f"{src.name} 不是 .md 文件", hint="资料请写成 Markdown（.md）再上传")
    if src.stat().st_size > MAX_UPLOAD_BYTES:
        raise InputError(f"{src.name} 太大（超过 200 KB）", hint="把资料拆成几个小文件")
    try:
        text = src.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{src.name} 不是 UTF-8 编码", hint="用 UTF-8 编码另存后再上传") from None
    if not text.strip():
        raise InputError(f"{src.name} 是空文件")
    rel = f"notes/{name}" if Path(name).stem in skus else name
    path = resolve(root, rel)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return rel
