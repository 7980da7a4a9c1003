"""The knowledge dir as the owner edits it: which files exist, which may be edited, saving (products.yaml
validated first) and uploads (notes named after a product go to notes/).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from copilot.base import yamlfile
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
            data = yamlfile.load(text)
        except yaml.YAMLError as exc:
            raise CatalogError(f"products.yaml {yamlfile.describe(exc)}",
                               hint="按提示改好这一行再保存（这次没有保存）") from None
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


# -- the product form: edit one product, written back into products.yaml -----------------------------

EDITABLE = ("price", "original_price", "offer", "stock", "limit_per_buyer", "link")
OPTIONAL = ("original_price", "offer", "limit_per_buyer")
FIELD_ORDER = ("sku", "name", "aliases", "category", "link", "unit", "spec", "price", "original_price", "offer",
               "stock", "limit_per_buyer", "origin", "supplier", "notes")
FIELD_ZH = {"price": "价格", "original_price": "原价", "offer": "优惠说明", "stock": "库存",
            "limit_per_buyer": "每人限购", "link": "链接号"}


def _number(field: str, raw, *, integer: bool = False):
    label = FIELD_ZH[field]
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        if field in OPTIONAL:
            return None
        raise InputError(f"{label}不能为空", hint=f"填写{label}")
    try:
        x = float(str(raw).strip())
    except ValueError:
        raise InputError(f"{label}「{raw}」不是数字", hint="只填数字，例如 19.9") from None
    if x != x or x in (float("inf"), float("-inf")):
        raise InputError(f"{label}「{raw}」不是普通数字", hint="只填数字，例如 19.9")
    if integer and not x.is_integer():
        raise InputError(f"{label}必须是整数（现在是 {raw}）", hint="例如 3")
    return int(x) if x.is_integer() else round(x, 3)


def clean_product_values(values: dict) -> dict:
    """The form's raw values, parsed and checked one by one (clear Chinese messages)."""
    out = {}
    for field in EDITABLE:
        if field not in values:
            continue
        raw = values[field]
        if field == "offer":
            text = " ".join(str(raw or "").split())
            if len(text) > 100:
                raise InputError("优惠说明太长（最多 100 个字）", hint="写一句话，例如：直播间价，每人限购 5 斤")
            out[field] = text or None
        else:
            out[field] = _number(field, raw, integer=field == "link")
    if out.get("original_price") is not None and out.get("price") is not None and out["original_price"] < out["price"]:
        raise InputError(f"原价 {out['original_price']} 比现价 {out['price']} 还低",
                         hint="原价应是平时的门店价（不低于直播间价）；没有原价就留空")
    return out


def update_product(root: Path, sku: str, values: dict) -> dict[str, tuple]:
    """Change the editable fields of product ``sku`` in products.yaml, keeping the file's comments, key
    order and formatting (ruamel.yaml round trip). The whole catalog is validated before the file is
    replaced. Returns {field: (old, new)} of what changed (empty: nothing written)."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent

    from copilot.base.catalog import MAX_CATALOG_BYTES, read_knowledge_text
    from copilot.base.files import write_private

    path = resolve(root, "products.yaml")
    text = read_knowledge_text(path, MAX_CATALOG_BYTES)
    current = Catalog.load(root).get(sku)  # the file as it stands, its errors named by line
    if current is None:
        raise InputError(f"商品清单里没有 sku 为「{sku}」的商品", hint="先在 products.yaml 里添加这个商品")
    new = clean_product_values(values)
    changes = {f: (getattr(current, f), v) for f, v in new.items() if getattr(current, f) != v}
    if not changes:
        return {}
    _, seq_indent, map_indent = load_yaml_guess_indent(text)
    rt = YAML()
    rt.preserve_quotes = True
    rt.width = 4096
    rt.indent(mapping=map_indent or 2, sequence=seq_indent or 4, offset=map_indent or 2)
    data = rt.load(text)
    item = next(p for p in data["products"] if str(p.get("sku")) == sku)
    for field, (_, value) in changes.items():
        _set(item, field, value)
    buf = io.StringIO()
    rt.dump(data, buf)
    out = buf.getvalue()
    try:
        Catalog.from_dict(yamlfile.load(out), root=Path(root), source="products.yaml")
    except CatalogError as exc:
        raise CatalogError(f"没有保存：{exc.message}", hint=exc.hint) from None
    write_private(path, out)
    log.info("product %s edited in products.yaml: %s", sku, sorted(changes))
    return changes


def _set(item, field: str, value) -> None:
    """Set (or, for an emptied optional field, remove) ``field``, a new key placed where it belongs."""
    if value is None:
        item.pop(field, None)
        return
    if field in item:
        item[field] = value
        return
    before = FIELD_ORDER[:FIELD_ORDER.index(field)]
    keys = list(item.keys())
    pos = max([keys.index(k) + 1 for k in before if k in keys], default=len(keys))
    item.insert(pos, field, value)
