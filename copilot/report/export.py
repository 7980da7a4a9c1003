"""The 复盘 as files: one self-contained HTML page (plotly.js inlined once, no network needed to open
it) and one xlsx workbook. Every cell a buyer or viewer could have typed is neutralised: a leading
``= + - @`` (a spreadsheet formula) gets a quote, control characters are dropped."""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from copilot.base.files import export_dir
from copilot.report.buyers import Buyer, StreamRepeat
from copilot.report.charts import report_charts
from copilot.report.review import StreamReport

log = logging.getLogger(__name__)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
PRODUCT_HEAD = ["链接", "商品", "讲解(分钟)", "评论", "提问", "知识库已回答", "转人工", "没有回答", "订单(笔)",
                "数量", "单位", "买家", "候补(笔)", "候补数量", "取消(笔)", "库存", "售罄率%", "销售额(元)",
                "售罄于第几分钟", "切片"]
BUYER_HEAD = ["买家", "编号", "分层", "场次", "订单(笔)", "金额(元)", "已取货(笔)", "取货率%", "取消(笔)", "首次", "最近"]


def safe_cell(v):
    """A value safe to put in a spreadsheet cell (text that cannot run as a formula)."""
    if not isinstance(v, str):
        return v
    v = CONTROL.sub("", v)
    return "'" + v if v.startswith(FORMULA_START) else v


def product_rows(rep: StreamReport) -> list[list]:
    return [[p.link, p.name, p.presented_min, p.comments, p.questions, p.answered, p.handed_over, p.unanswered,
             p.orders, p.qty, p.unit, p.buyers, p.waitlist, p.waitlist_qty, p.cancelled, p.stock, p.sell_through,
             p.revenue, p.sold_out_min, p.clip] for p in rep.products]


def buyer_rows(buyers: list[Buyer]) -> list[list]:
    return [[b.name, b.key, b.tier, b.streams, b.orders, b.amount, b.picked_up, b.pickup_rate, b.cancelled,
             b.first.date().isoformat() if b.first else "", b.last.date().isoformat() if b.last else ""]
            for b in buyers]


def _file_stem(stream: str) -> str:
    return "复盘-" + re.sub(r"[^\w.\-]+", "_", stream)


def write_report(rep: StreamReport, out_dir, history: list[StreamRepeat] | None = None,
                 buyers: list[Buyer] | None = None) -> list[Path]:
    """``复盘-<stream>.html`` and ``复盘-<stream>.xlsx`` in ``out_dir``; returns both paths."""
    out = export_dir(out_dir)
    page = out / f"{_file_stem(rep.stream)}.html"
    page.write_text(report_html(rep, history), encoding="utf-8")
    book = out / f"{_file_stem(rep.stream)}.xlsx"
    write_xlsx(rep, book, history, buyers)
    log.info("report of %s written to %s", rep.stream, out)
    return [page, book]


CSS = """
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 24px auto; max-width: 1200px; color: #1f2937; }
h1 { font-size: 26px; } h2 { font-size: 20px; margin-top: 32px; }
.kpis { display: flex; flex-wrap: wrap; gap: 12px; }
.kpi { background: #f1f5f9; border-radius: 8px; padding: 10px 16px; min-width: 120px; }
.kpi b { display: block; font-size: 22px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid #e2e8f0; padding: 4px 6px; text-align: right; }
th { background: #f8fafc; } td.t { text-align: left; }
.note { color: #64748b; font-size: 13px; }
"""


def _kpis(rep: StreamReport) -> str:
    items = [("销售额", f"{rep.revenue:.2f} 元"), ("订单", f"{rep.orders} 笔"), ("买家", f"{rep.buyers} 人"),
             ("回头客", f"{rep.repeat_buyers} 人（{rep.repeat_share}%）"), ("评论", f"{rep.comments} 条"),
             ("提问", f"{rep.questions} 个"), ("待确认", f"{rep.review} 条")]
    return '<div class="kpis">' + "".join(f'<div class="kpi">{k}<b>{html.escape(v)}</b></div>'
                                          for k, v in items) + "</div>"


def _table(head: list[str], rows: list[list], text_cols: set[int]) -> str:
    esc = html.escape
    th = "".join(f"<th>{esc(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f'<td class="{"t" if j in text_cols else ""}">'
                                    f'{"" if v is None else esc(str(v))}</td>' for j, v in enumerate(r)) + "</tr>"
                   for r in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def report_html(rep: StreamReport, history: list[StreamRepeat] | None = None) -> str:
    """The whole report as one page; plotly.js is inlined once, so it opens without a network."""
    esc = html.escape
    charts = report_charts(rep, history)
    divs = []
    for i, (name, fig) in enumerate(charts.items()):
        divs.append(fig.to_html(full_html=False, include_plotlyjs=(i == 0), div_id=f"chart-{name}",
                                config={"displaylogo": False, "responsive": True}))
    gaps = [[g.name, g.text, g.asks, "已人工回复" if g.handled else "没有回答"] for g in rep.gaps]
    notices = "".join(f'<p class="note">{esc(n)}</p>' for n in rep.notices)
    started = rep.started_at.astimezone().strftime("%Y-%m-%d %H:%M") if rep.started_at else "—"
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{esc(rep.store)} · 复盘 · {esc(rep.stream)}</title><style>{CSS}</style></head><body>"
            f"<h1>{esc(rep.store)} · 直播复盘 · {esc(rep.stream)}</h1><p class=\"note\">开播：{started}</p>"
            f"{_kpis(rep)}{notices}<h2>图表</h2>{''.join(divs)}"
            f"<h2>各商品</h2>{_table(PRODUCT_HEAD, product_rows(rep), {1, 10, 19})}"
            f"<h2>知识缺口（知识库答不上的问题，补进商品资料）</h2>"
            f"{_table(['商品', '问题', '问的人数', '状态'], gaps, {0, 1, 3}) if gaps else '<p>没有答不上的问题。</p>'}"
            "</body></html>")


def write_xlsx(rep: StreamReport, path: Path, history: list[StreamRepeat] | None = None,
               buyers: list[Buyer] | None = None) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    _sheet(wb.active, "各商品", PRODUCT_HEAD, product_rows(rep))
    _sheet(wb.create_sheet(), "每分钟", ["分钟", "评论数", "下单数"], [list(m) for m in rep.minutes])
    _sheet(wb.create_sheet(), "切换商品", ["分钟", "商品"], [[m, label] for m, _, label in rep.switches])
    _sheet(wb.create_sheet(), "知识缺口", ["商品", "问题", "问的人数", "已人工回复"],
           [[g.name, g.text, g.asks, "是" if g.handled else "否"] for g in rep.gaps])
    if history:
        _sheet(wb.create_sheet(), "回头客占比", ["场次", "买家", "回头客", "占比%"],
               [[h.stream, h.buyers, h.repeat, h.share] for h in history])
    if buyers is not None:
        _sheet(wb.create_sheet(), "买家", BUYER_HEAD, buyer_rows(buyers))
    wb.save(path)
    return path


def write_buyers_xlsx(buyers: list[Buyer], path: Path) -> Path:
    from openpyxl import Workbook

    export_dir(Path(path).parent)
    wb = Workbook()
    _sheet(wb.active, "买家", BUYER_HEAD, buyer_rows(buyers))
    wb.save(path)
    return Path(path)


def _sheet(ws, title: str, head: list[str], rows: list[list]) -> None:
    from openpyxl.styles import Font

    ws.title = title
    ws.append(head)
    for row in rows:
        ws.append([safe_cell(v) for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for j, name in enumerate(head, start=1):
        width = max([_width(name)] + [_width(r[j - 1]) for r in rows[:500]])
        ws.column_dimensions[ws.cell(1, j).column_letter].width = min(50, width + 2)
    ws.freeze_panes = "A2"


def _width(v) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in ("" if v is None else str(v)))
