"""The 复盘's charts as plotly figures, labelled in Chinese. plotly.js ships inside the plotly wheel and
inside Gradio's front end, so the charts render offline in the app and in the exported HTML."""

from __future__ import annotations

from copilot.report.buyers import StreamRepeat
from copilot.report.review import StreamReport

FONT = "Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
COLORS = {"comments": "#60a5fa", "orders": "#f97316", "revenue": "#16a34a", "sell": "#a855f7",
          "answered": "#22c55e", "handled": "#facc15", "unanswered": "#ef4444"}


def _layout(fig, title: str, **kw):
    fig.update_layout(title={"text": title, "x": 0.01}, font={"family": FONT, "size": 13},
                      margin={"l": 50, "r": 20, "t": 60, "b": 50}, height=380, template="plotly_white",
                      legend={"orientation": "h", "y": 1.12, "x": 1, "xanchor": "right"}, **kw)
    return fig


def minutes_chart(rep: StreamReport):
    """Comments and orders per minute, with a dashed line and a label at every product switch."""
    import plotly.graph_objects as go

    xs = [m for m, _, _ in rep.minutes]
    fig = go.Figure()
    fig.add_trace(go.Bar(x=xs, y=[c for _, c, _ in rep.minutes], name="评论数/分钟",
                         marker_color=COLORS["comments"], hovertemplate="第%{x}分钟：%{y} 条评论<extra></extra>"))
    fig.add_trace(go.Scatter(x=xs, y=[o for _, _, o in rep.minutes], name="下单数/分钟", mode="lines+markers",
                             line={"color": COLORS["orders"], "width": 2}, yaxis="y2",
                             hovertemplate="第%{x}分钟：%{y} 笔订单<extra></extra>"))
    top = max([c for _, c, _ in rep.minutes] or [1])
    for minute, _sku, label in rep.switches:
        fig.add_shape(type="line", x0=minute, x1=minute, y0=0, y1=1, yref="paper",
                      line={"color": "#64748b", "width": 1, "dash": "dash"})
        fig.add_annotation(x=minute, y=top, text=label, showarrow=False, textangle=-90, xanchor="left",
                           yanchor="top", font={"size": 11, "color": "#334155"})
    return _layout(fig, "每分钟评论和下单（虚线：切换商品）", xaxis={"title": "开播后第几分钟"},
                   yaxis={"title": "评论数"}, yaxis2={"title": "下单数", "overlaying": "y", "side": "right",
                                                    "rangemode": "tozero"}, bargap=0.1)


def products_chart(rep: StreamReport):
    """Revenue per product (bars) and sell-through % (markers, right axis), for the products that had
    any activity this stream (all of them when none had)."""
    import plotly.graph_objects as go

    active = [p for p in rep.products if p.orders or p.waitlist or p.comments or p.questions or p.presented_min]
    active = active or rep.products
    names = [p.name for p in active]
    fig = go.Figure()
    fig.add_trace(go.Bar(x=names, y=[p.revenue for p in active], name="销售额（元）",
                         marker_color=COLORS["revenue"], hovertemplate="%{x}：%{y:.2f} 元<extra></extra>"))
    fig.add_trace(go.Scatter(x=names, y=[p.sell_through for p in active], name="售罄率（%）",
                             mode="markers", marker={"size": 12, "color": COLORS["sell"]}, yaxis="y2",
                             hovertemplate="%{x}：%{y}%<extra></extra>"))
    return _layout(fig, "各商品销售额和售罄率", yaxis={"title": "销售额（元）"},
                   yaxis2={"title": "售罄率（%）", "overlaying": "y", "side": "right", "range": [0, 105]})


def questions_chart(rep: StreamReport):
    """Questions per product: answered by the knowledge base, handled by the assistant, unanswered."""
    import plotly.graph_objects as go

    asked = [p for p in rep.products if p.questions] or rep.products
    names = [p.name for p in asked]
    fig = go.Figure()
    parts = [("知识库已回答", [p.answered for p in asked], COLORS["answered"]),
             ("转人工后已回复", [p.handed_over - p.unanswered for p in asked], COLORS["handled"]),
             ("没有回答", [p.unanswered for p in asked], COLORS["unanswered"])]
    for label, ys, color in parts:
        fig.add_trace(go.Bar(x=names, y=ys, name=label, marker_color=color,
                             hovertemplate="%{x}：%{y} 个<extra>" + label + "</extra>"))
    return _layout(fig, "各商品的提问", barmode="stack", yaxis={"title": "提问数"})


def repeat_chart(history: list[StreamRepeat]):
    """Share of repeat buyers per stream."""
    import plotly.graph_objects as go

    fig = go.Figure()
    fig.add_trace(go.Bar(x=[h.stream for h in history], y=[h.share for h in history], name="回头客占比（%）",
                         marker_color=COLORS["sell"], customdata=[[h.repeat, h.buyers] for h in history],
                         hovertemplate="%{x}：%{y}%（%{customdata[0]}/%{customdata[1]} 人）<extra></extra>"))
    return _layout(fig, "每场回头客占比", xaxis={"title": "场次", "type": "category"},
                   yaxis={"title": "回头客占比（%）", "range": [0, 100]})


def report_charts(rep: StreamReport, history: list[StreamRepeat] | None = None) -> dict:
    """name -> figure, in the order they are shown."""
    charts = {"minutes": minutes_chart(rep), "products": products_chart(rep), "questions": questions_chart(rep)}
    if history:
        charts["repeat"] = repeat_chart(history)
    return charts
