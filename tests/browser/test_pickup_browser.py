"""The 取货台 in a real browser: orders come in through the HTTP intake (two viewers with the same
nickname, a 手机尾号 said in a separate comment), the person at the counter types the 尾号, hands over
the whole order with one click, and undoes it. The ledger is checked underneath."""

from __future__ import annotations

import httpx
import pytest
from browser_helpers import open_tab, shot

from copilot.base.catalog import Catalog
from copilot.base.settings import BUNDLED_KNOWLEDGE
from copilot.orders.ledger import Ledger

pytestmark = pytest.mark.browser


def _post(app_server, *comments):
    body = {"comments": [{"id": i, "user": u, "user_id": uid, "text": t} for i, u, uid, t in comments]}
    r = httpx.post(f"{app_server.url}/api/comments", json=body,
                   headers={"Authorization": f"Bearer {app_server.token}"}, timeout=60)
    assert r.status_code == 200, r.text
    return r.json()


def _statuses(app_server, stream):
    ledger = Ledger(f"sqlite:///{app_server.home / 'ledger.db'}", Catalog.load(BUNDLED_KNOWLEDGE), stream)
    out: dict[str, set[str]] = {}
    for ln in ledger.lines():
        out.setdefault(ln.buyer_key, set()).add(ln.status)
    return out


def test_pickup_by_phone_tail_marks_the_right_buyer(page, app_server):
    stream = httpx.get(f"{app_server.url}/api/health", timeout=10).json()["stream"]
    _post(app_server,
          ("pk-1", "周阿姨", "zhou-a", "草莓2斤"), ("pk-2", "周阿姨", "zhou-a", "我手机尾号6789"),
          ("pk-3", "周阿姨", "zhou-b", "大米1袋 尾号1234"),  # another viewer with the same nickname
          ("pk-4", "吴叔", "wu", "五花肉1斤 尾号6788"))
    assert _statuses(app_server, stream)["id:zhou-a"] == {"reserved"}

    open_tab(page, "取货台")
    query = page.locator("#pickup-query textarea, #pickup-query input").first
    query.fill("6789")
    query.press("Enter")
    page.wait_for_function("() => document.querySelector('#pickup-detail').innerText.includes('尾号 6789')",
                           timeout=20_000)
    detail = page.locator("#pickup-detail").inner_text()
    assert "周阿姨" in detail and "丹东九九草莓" in detail and "五常稻花香大米" not in detail
    assert "6789" in page.locator("#pickup-confirm textarea").input_value()
    shot(page, "pickup-found")

    page.locator("#pickup-done").click()
    page.wait_for_function("() => document.querySelector('#pickup-status').innerText.includes('已取货')",
                           timeout=20_000)
    shot(page, "pickup-done")
    after = _statuses(app_server, stream)
    assert after["id:zhou-a"] == {"picked_up"}  # the 周阿姨 with 尾号6789 ...
    assert after["id:zhou-b"] == {"reserved"} and after["id:wu"] == {"reserved"}  # ... and nobody else
    assert "已取货" in page.locator("#pickup-detail").inner_text()

    page.locator("#pickup-undo").click()
    page.wait_for_function("() => document.querySelector('#pickup-status').innerText.includes('已撤销')",
                           timeout=20_000)
    assert _statuses(app_server, stream)["id:zhou-a"] == {"reserved"}

    query.fill("周阿姨")  # two buyers of that name: the person picks the one with 尾号1234 in the table
    query.press("Enter")
    page.wait_for_function("() => document.querySelector('#pickup-results').innerText.includes('1234')",
                           timeout=20_000)
    page.locator("#pickup-results").get_by_text("1234").first.click()
    page.wait_for_function("() => document.querySelector('#pickup-detail').innerText.includes('尾号 1234')",
                           timeout=20_000)
    assert "五常稻花香大米" in page.locator("#pickup-detail").inner_text()
    pending = page.locator("#pickup-reminder textarea").input_value()
    assert "@周阿姨" in pending and "@吴叔" in pending


def test_ledger_bulk_paid_preview_then_apply(page, app_server):
    stream = httpx.get(f"{app_server.url}/api/health", timeout=10).json()["stream"]
    _post(app_server, ("pay-1", "付款甲", "pay-a", "草莓1斤"), ("pay-2", "付款乙", "pay-b", "草莓1斤"))
    open_tab(page, "团购台账")
    page.get_by_text("买家与付款").first.click()  # the accordion: opening it loads the buyers
    # the tables draw only the rows in view (other tests' buyers share the 场次): read the reminder text
    unpaid_text = "() => document.querySelector('#ledger-unpaid-text textarea').value"
    page.wait_for_function(f"() => ({unpaid_text})().includes('付款甲')", timeout=20_000)
    assert "位买家" in page.locator("#ledger-buyer-summary").inner_text()
    page.locator("#ledger-pay-text textarea").fill("付款甲 19.9\n付款乙 1")
    page.locator("#ledger-pay-preview").click()
    page.wait_for_function("() => document.querySelector('#ledger-pay-rows').innerText.includes('金额少于应付')",
                           timeout=20_000)
    assert "将标记已付款" in page.locator("#ledger-pay-rows").inner_text()
    assert _statuses(app_server, stream)["id:pay-a"] == {"reserved"}  # the preview changed nothing
    shot(page, "ledger-bulk-paid-preview")
    page.locator("#ledger-pay-apply").click()
    page.wait_for_function("() => document.querySelector('#ledger-pay-status').innerText.includes('已标记付款')",
                           timeout=20_000)
    after = _statuses(app_server, stream)
    assert after["id:pay-a"] == {"paid"} and after["id:pay-b"] == {"reserved"}
    page.wait_for_function(f"() => !({unpaid_text})().includes('付款甲')", timeout=20_000)
    assert "付款乙" in page.evaluate(unpaid_text)
    assert "共" in page.locator("#ledger-caption").inner_text()  # the orders table says its page and size


def test_ledger_purchase_list(page, app_server):
    _post(app_server, ("buy-1", "采购甲", "buy-a", "大米2袋"))
    open_tab(page, "团购台账")
    page.get_by_text("采购单（以销定采）").first.click()
    cutoff = page.locator("#ledger-cutoff textarea, #ledger-cutoff input").first
    cutoff.fill("无")  # whatever the time of day the test runs at
    cutoff.press("Enter")
    page.wait_for_function("() => document.querySelector('#ledger-purchase').innerText.includes('刘家种植合作社')",
                           timeout=20_000)
    messages = page.locator("#ledger-purchase-messages textarea").input_value()
    assert "刘家种植合作社您好" in messages and "五常稻花香大米" in messages
    shot(page, "ledger-purchase")
