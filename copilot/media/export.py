"""The approved clips as one zip for whoever posts them: the videos (16:9, 9:16, evergreen), covers, the SRTs
as burned in, ``manifest.json`` (UTF-8, Chinese as it is) and ``manifest.csv`` for people (UTF-8 with a BOM
so Excel opens it; a cell that would start a formula is neutralised with a leading ').
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import zipfile
from datetime import datetime
from pathlib import Path

from copilot.base.catalog import Catalog
from copilot.base.errors import InputError
from copilot.base.files import private_dir

log = logging.getLogger(__name__)
FILES = (("file", "", "横版视频"), ("vertical", "_9x16", "竖版视频"), ("cover", "", "封面"), ("srt", "", "字幕"),
         ("evergreen", "_长期版", "长期版视频"))
KIND_ZH = {"talk": "整段讲解", "origin": "产地", "tasting": "口感", "quality": "品质", "offer": "福利"}
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')  # not in a file name
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def safe_cell(value) -> str:
    """A spreadsheet cell that is text, never a formula, without control characters."""
    text = _CONTROL.sub("", str(value if value is not None else ""))
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _name(clip, catalog: Catalog) -> str:
    product = catalog.get(clip.sku)
    base = _UNSAFE.sub("", product.name if product else clip.sku)[:20]
    return f"{clip.id:04d}_{base}"


def bundle(clips: list, catalog: Catalog, out_dir: Path) -> Path:
    """Write the zip of ``clips`` into ``out_dir``; return its path."""
    if not clips:
        raise InputError("还没有通过审核的切片", hint="先在切片审核里点「通过」，再导出")
    out = private_dir(out_dir) / f"切片导出-{datetime.now().strftime('%Y%m%d-%H%M%S')}.zip"
    tmp = out.with_suffix(".zip.part")
    items = []
    with zipfile.ZipFile(tmp, "w") as z:
        for c in clips:
            stem = _name(c, catalog)
            files = {}
            for key, suffix, _ in FILES:
                src = getattr(c, key)
                if src and Path(src).exists():
                    arc = f"{stem}{suffix}{Path(src).suffix}"
                    packed = zipfile.ZIP_DEFLATED if arc.endswith(".srt") else zipfile.ZIP_STORED
                    z.write(src, arc, compress_type=packed)
                    files[key] = arc
            items.append(_item(c, catalog, files))
        z.writestr("manifest.json", json.dumps({"clips": items, "exported_at": datetime.now().isoformat()},
                                               ensure_ascii=False, indent=1), compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("manifest.csv", _csv(items), compress_type=zipfile.ZIP_DEFLATED)
    os.replace(tmp, out)
    os.chmod(out, 0o600)
    log.info("exported %d approved clips to %s", len(items), out)
    return out


def _item(c, catalog: Catalog, files: dict) -> dict:
    product = catalog.get(c.sku)
    return {"id": c.id, "product": product.name if product else c.sku, "sku": c.sku, "kind": c.kind,
            "start": c.start, "end": c.end, "duration": c.duration, "score": c.score, "title": c.title,
            "description": c.description, "hashtags": c.hashtags, "recording": c.source,
            "uncertain": c.uncertain, "violations": [f"{v['where']}：{v['term']}→{v['suggestion'] or '删除'}"
                                                      for v in c.violations], **files}


def _csv(items: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["编号", "商品", "类型", "开始（秒）", "结束（秒）", "时长（秒）", "标题", "简介", "话题",
                *[label for _, _, label in FILES], "合规提示"])
    for it in items:
        w.writerow([safe_cell(x) for x in (
            it["id"], it["product"], KIND_ZH.get(it["kind"], it["kind"]), it["start"], it["end"], it["duration"],
            it["title"], it["description"], " ".join(it["hashtags"]), *[it.get(k, "") for k, _, _ in FILES],
            "；".join(it["violations"]))])
    return "\ufeff" + buf.getvalue()
