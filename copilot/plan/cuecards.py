"""The host's cue cards for tonight's plan: Markdown, printable HTML, and PDF through headless chromium.

The cards are a clean reader view for the host: big type, the lines to say, nothing else. Where each
line comes from (the script's internal keys such as ``catalog:strawberry.price``) is shown only in the
owner's check copy (``sources=True``), and then in plain Chinese (商品目录·价格, 货源笔记·产地).
"""

from __future__ import annotations

import html
import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from copilot.base.catalog import fmt_number
from copilot.base.errors import MediaError
from copilot.plan.model import clock

log = logging.getLogger(__name__)
KIND_LABEL = {"opening": "开场", "product": "商品", "interaction": "互动", "closing": "收尾"}
FIELD_LABEL = {"price": "价格", "original_price": "原价", "offer": "优惠", "stock": "库存", "limit_per_buyer": "限购",
               "link": "链接号", "origin": "产地", "spec": "规格", "name": "名称", "unit": "单位"}


def source_label(source: str | None) -> str:
    """An internal source key in plain Chinese: catalog:mango.price -> 商品目录·价格,
    notes/mango.md#产地 -> 货源笔记·产地, faq.md#取货 -> faq.md·取货, store:pickup -> 门店信息."""
    if not source:
        return ""
    kind, _, rest = source.partition(":")
    if kind == "catalog" and rest:
        return f"商品目录·{FIELD_LABEL.get(rest.rpartition('.')[2], rest.rpartition('.')[2])}"
    if kind == "store":
        return "门店信息"
    path, _, section = source.partition("#")
    where = "货源笔记" if path.startswith("notes/") else path
    return f"{where}·{section}" if section else where


def _sources(lines) -> str:
    return "；".join(dict.fromkeys(source_label(ln.source) for ln in lines if ln.source))


def markdown(draft, *, sources: bool = False) -> str:
    out = [f"# {draft.title}", "", f"主播：{draft.host}　主题：{draft.theme}　时长：{fmt_number(draft.minutes)} 分钟", ""]
    for i, s in enumerate(draft.segments, start=1):
        out.append(f"## 第{i}张 · {clock(s.start_min)}-{clock(s.start_min + s.minutes)} · {s.title}"
                   f"（{fmt_number(s.minutes)} 分钟）")
        out.append("")
        out += [f"- {ln.text}" for ln in s.lines]
        if sources and _sources(s.lines):
            out += ["", f"（出处：{_sources(s.lines)}）"]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


CSS = """
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 0; background: #f4f1ea; }
.card { background: #fff; margin: 24px auto; padding: 36px 44px; max-width: 900px; border-radius: 12px;
        box-shadow: 0 2px 8px rgba(0,0,0,.12); page-break-after: always; break-after: page; }
.card:last-child { page-break-after: auto; break-after: auto; }
.head { display: flex; justify-content: space-between; font-size: 22px; color: #a33; font-weight: 700; }
h2 { font-size: 40px; margin: 10px 0 18px; }
li { font-size: 30px; line-height: 1.5; margin-bottom: 12px; }
.src { font-size: 14px; color: #888; margin-top: 18px; }
.meta { font-size: 18px; color: #555; text-align: center; margin-top: 16px; }
@media print { body { background: #fff; } .card { box-shadow: none; margin: 0; max-width: none;
               border-radius: 0; } .meta { display: none; } }
"""


def html_cards(draft, *, sources: bool = False) -> str:
    """A self-contained printable page: one large-type card per segment, a page break between cards.
    The host's reader view has no sources; ``sources=True`` adds them in plain Chinese."""
    esc = html.escape
    cards = []
    for i, s in enumerate(draft.segments, start=1):
        items = "".join(f"<li>{esc(ln.text)}</li>" for ln in s.lines)
        where = _sources(s.lines) if sources else ""
        cards.append(
            f'<section class="card"><div class="head"><span>第{i}张 · {KIND_LABEL.get(s.kind, s.kind)}</span>'
            f"<span>{clock(s.start_min)}-{clock(s.start_min + s.minutes)}（{fmt_number(s.minutes)} 分钟）</span></div>"
            f"<h2>{esc(s.title)}</h2><ul>{items}</ul>"
            + (f'<div class="src">出处：{esc(where)}</div>' if where else "") + "</section>")
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{esc(draft.title)}</title>'
            f"<style>{CSS}</style></head><body>"
            f'<div class="meta">{esc(draft.title)} · 主播 {esc(draft.host)} · 用浏览器“打印”即可存成 PDF</div>'
            + "".join(cards) + "</body></html>")


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def pdf_cards(draft, out: Path, timeout: float = 60) -> Path:
    """Print the HTML cards to PDF with headless chromium; a clear error when chromium is missing."""
    exe = find_chromium()
    if exe is None:
        raise MediaError("没有找到 chromium，无法直接生成 PDF",
                         hint="下载 HTML 提词卡，用浏览器打开后“打印 → 另存为 PDF”")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "cards.html"
        page.write_text(html_cards(draft), encoding="utf-8")
        cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
               f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", page.as_uri()]
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise MediaError("生成 PDF 超时", hint="改用 HTML 提词卡，在浏览器里打印成 PDF") from None
    if not out.exists() or out.stat().st_size == 0:
        raise MediaError("chromium 没有生成 PDF", hint="改用 HTML 提词卡，在浏览器里打印成 PDF")
    return out


def write_cards(draft, directory: Path, *, pdf: bool = False) -> list[Path]:
    """cuecards.md and cuecards.html (and cuecards.pdf when asked) in ``directory``."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    md, page = directory / "cuecards.md", directory / "cuecards.html"
    md.write_text(markdown(draft), encoding="utf-8")
    page.write_text(html_cards(draft), encoding="utf-8")
    files = [md, page]
    if pdf:
        files.append(pdf_cards(draft, directory / "cuecards.pdf"))
    return files
