"""复盘 in a real browser: an evening fed through the live room (product switches by the assistant,
orders and questions through the HTTP intake), then the 复盘 tab renders its charts — the plotly
elements exist and hold the evening's data — the tables, the export, and "补进资料" opening the
product's notes in 知识库."""

from __future__ import annotations

import httpx
import pytest
from browser_helpers import open_tab, shot

pytestmark = pytest.mark.browser


def _post(app_server, comments):
    r = httpx.post(f"{app_server.url}/api/comments", json={"comments": comments},
                   headers={"Authorization": f"Bearer {app_server.token}"}, timeout=120)
    assert r.status_code == 200, r.text
    return r.json()


def _ledger_report(app_server):
    from copilot.base.catalog import Catalog
    from copilot.base.settings import BUNDLED_KNOWLEDGE
    from copilot.report.review import build_report

    stream = httpx.get(f"{app_server.url}/api/health", timeout=10).json()["stream"]
    return build_report(f"sqlite:///{app_server.home / 'ledger.db'}", Catalog.load(BUNDLED_KNOWLEDGE), stream,
                        clips=False)


def _switch(page, label: str, current: str) -> None:
    open_tab(page, "直播间")
    page.locator("#live-product").get_by_text(label).click()
    page.wait_for_function(f"() => document.querySelector('#live-current').innerText.includes('{current}')")


def _plot_data(page, elem_id: str) -> list:
    sel = f"#{elem_id} .js-plotly-plot"
    page.wait_for_selector(sel, timeout=60_000)
    return page.evaluate(f"() => document.querySelector('{sel}').data.map(t => ({{name: t.name, x: Array.from(t.x || []),"
                         f" y: Array.from(t.y || [])}}))")


@pytest.fixture(scope="module")
def evening(page, app_server):
    """The evening every test of this module reads, fed once (so each test also passes when run alone):
    six strawberry orders, then three rice orders and two questions, one the notes do not answer."""
    _switch(page, "1号 草莓", "草莓")
    strawberries = _post(app_server, [{"id": f"rb-s{i}", "user": f"草莓客{i}", "text": "扣2"} for i in range(6)])
    _switch(page, "2号 大米", "大米")
    _post(app_server, [{"id": f"rb-r{i}", "user": f"大米客{i}", "text": "来1袋"} for i in range(3)]
          + [{"id": "rb-q1", "user": "问问", "text": "大米是今年的新米吗"},
             {"id": "rb-q2", "user": "问问", "text": "大米的包装袋是什么颜色的"}])
    return strawberries["outcomes"]


def test_report_renders_charts_with_the_evenings_data(page, app_server, evening):
    assert sum(o["status"] == "order" for o in evening) == 6

    open_tab(page, "复盘")
    page.wait_for_function("() => document.querySelector('#report-stream input') && "
                           "document.querySelector('#report-stream input').value.length > 0", timeout=30_000)
    page.locator("#report-show").click()
    page.wait_for_function("() => document.querySelector('#report-kpis').innerText.includes('销售额')", timeout=60_000)
    rep = _ledger_report(app_server)  # the same 场次 straight from the app's ledger (other tests share it)
    kpis = page.locator("#report-kpis").inner_text()
    assert f"订单 {rep.orders} 笔" in kpis and rep.orders >= 9 and f"{rep.revenue:.2f} 元" in kpis

    minutes = _plot_data(page, "report-chart-minutes")
    names = [t["name"] for t in minutes]
    assert names == ["评论数/分钟", "下单数/分钟"]
    assert sum(minutes[0]["y"]) == rep.comments >= 10
    assert sum(minutes[1]["y"]) == sum(o for _, _, o in rep.minutes) >= 9
    products = _plot_data(page, "report-chart-products")
    revenue = dict(zip(products[0]["x"], products[0]["y"]))
    assert revenue == {p.name: pytest.approx(p.revenue) for p in rep.products if p.name in revenue}
    assert revenue["丹东九九草莓"] >= 6 * 2 * 19.9 and revenue["五常稻花香大米"] >= 3 * 59
    questions = _plot_data(page, "report-chart-questions")
    assert [t["name"] for t in questions] == ["知识库已回答", "转人工后已回复", "没有回答"]
    assert sum(sum(t["y"]) for t in questions) >= 1
    repeat = _plot_data(page, "report-chart-repeat")
    assert repeat[0]["x"] and repeat[0]["y"] is not None
    # the switches are marked on the minutes chart
    shapes = page.evaluate("() => document.querySelector('#report-chart-minutes .js-plotly-plot').layout.shapes.length")
    assert shapes >= 2
    table = page.locator("#report-products").inner_text()
    assert "丹东九九草莓" in table and "五常稻花香大米" in table
    shot(page, "report-charts")

    page.locator("#report-export").click()
    page.wait_for_function("() => document.querySelector('#report-files').innerText.includes('.html')", timeout=60_000)
    files = page.locator("#report-files").inner_text()
    assert ".html" in files and ".xlsx" in files


def test_buyers_panel_lists_the_evenings_buyers(page, app_server, evening):
    open_tab(page, "复盘")
    page.locator("#report-buyers-show").click()
    page.wait_for_function("() => document.querySelector('#report-buyers-summary').innerText.includes('位买家')",
                           timeout=30_000)
    assert "新客" in page.locator("#report-buyers-summary").inner_text()
    assert "草莓客0" in page.locator("#report-buyers").inner_text()


def test_add_to_notes_opens_the_products_notes_in_knowledge(page, app_server, evening):
    open_tab(page, "复盘")
    page.locator("#report-show").click()
    page.wait_for_function("() => document.querySelector('#report-gaps').innerText.includes('补进资料')", timeout=60_000)
    gap = page.locator("#report-gaps .virtual-row").first  # the rows shown (the table body is for sizing)
    question = gap.locator("[data-col='1']").inner_text().strip()  # 商品, 问题, ...: whichever gap comes first
    assert question and "补进资料" not in question
    gap.get_by_text("补进资料").click()
    page.wait_for_function("() => document.querySelector('#tab-knowledge') && "
                           "document.querySelector('#tab-knowledge').offsetParent !== null", timeout=30_000)
    page.wait_for_function("q => document.querySelector('#kb-editor').innerText.includes('问：' + q)", arg=question,
                           timeout=30_000)
    assert "notes/" in page.locator("#kb-files").inner_text() or page.locator("#kb-files input").input_value()
    shot(page, "report-add-to-notes")
