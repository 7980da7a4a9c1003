"""The 直播间 for a real evening, in a real browser: the 来源 panel connecting a source (a fake
oba-live-tool WebSocket server), 接龙 pastes reaching the ledger, the alerts, and the layout at
1366x768 (feed, questions and review on one screen) and on a 390 px phone."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
from browser_helpers import open_tab, shot

pytestmark = pytest.mark.browser
DATA = Path(__file__).resolve().parents[1] / "data" / "sources"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve_oba(port: int, frames: list[str]):
    from websockets.sync.server import serve

    def handle(ws):
        for f in frames:
            ws.send(f)
        for _ in ws:
            pass

    server = serve(handle, "127.0.0.1", port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _text(page, selector: str) -> str:
    return page.evaluate(f"() => document.querySelector('{selector}')?.innerText || ''")


def _new_page(browser, app_server, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(app_server.url + "/")
    page.wait_for_selector("button[role=tab]", timeout=60_000)
    open_tab(page, "直播间")
    page.wait_for_selector("#live-feed", state="visible")
    return context, page


def _busy_evening(app_server) -> None:
    """Enough comments that the feed, the questions and the review queue are full tables."""
    texts = ["扣1", "草莓甜不甜", "几点能取货", "给我也来点", "3号链接来2份", "芒果是哪里的", "拍了", "主播好"]
    body = {"comments": [{"id": f"busy-{n}", "user": f"观众{n}", "text": f"{texts[n % len(texts)]}{'' if n < 8 else n}"}
                         for n in range(48)]}
    r = httpx.post(f"{app_server.url}/api/comments", json=body,
                   headers={"Authorization": f"Bearer {app_server.token}"}, timeout=120)
    assert r.status_code == 200, r.text


def test_live_room_fits_one_screen_at_1366x768(browser, app_server):
    _busy_evening(app_server)
    context, page = _new_page(browser, app_server, 1366, 768)
    try:
        page.wait_for_function("() => document.querySelector('#live-review').innerText.includes('观众')",
                               timeout=20_000)
        page.wait_for_timeout(2000)
        assert page.evaluate("() => window.scrollY") == 0
        for sel in ("#live-feed", "#live-questions", "#live-review"):
            box = page.locator(sel).bounding_box()
            assert box is not None, sel
            assert box["x"] >= 0 and box["y"] >= 0, (sel, box)
            assert box["x"] + box["width"] <= 1366 and box["y"] + box["height"] <= 768, (sel, box)
            assert box["height"] >= 120, (sel, box)  # a table you can read, not a sliver
        shot(page, "live-1366x768")
    finally:
        context.close()


def test_live_room_is_usable_on_a_phone(browser, app_server):
    context, page = _new_page(browser, app_server, 390, 844)
    try:
        page.wait_for_timeout(1000)
        overflow = page.evaluate("() => document.documentElement.scrollWidth")
        assert overflow <= 400, overflow
        for sel in ("#live-feed", "#live-questions", "#live-review", "#live-paste", "#live-undo"):
            box = page.locator(sel).bounding_box()
            assert box is not None and box["width"] <= 390 and box["width"] >= 200, (sel, box)
        shot(page, "live-phone-390")
    finally:
        context.close()


def test_connecting_a_source_shows_its_states(page, app_server):
    open_tab(page, "直播间")
    port = _free_port()
    kind = page.locator("#live-source-kind input").first
    kind.click()
    page.get_by_role("option", name="oba-live-tool").click()
    page.wait_for_function("() => document.querySelector('#live-source-kind input').value.includes('oba')")
    page.locator("#live-source-url textarea, #live-source-url input").first.fill(f"ws://127.0.0.1:{port}")
    page.locator("#live-source-start").click()
    page.wait_for_function("() => document.querySelector('#live-sources').innerText.includes('重连中')", timeout=20_000)
    assert "连不上 oba-live-tool" in _text(page, "#live-sources")
    shot(page, "live-source-reconnecting")
    frames = [ln for ln in (DATA / "oba.jsonl").read_text(encoding="utf-8").splitlines() if ln.strip()]
    server = _serve_oba(port, frames)
    try:
        page.wait_for_function("() => document.querySelector('#live-sources').innerText.includes('已连接')",
                               timeout=40_000)
        page.wait_for_function("() => document.querySelector('#live-feed').innerText.includes('几点截单')")
        # 18 viewer comments on the wire (two of them sent twice); this store is not 邻里鲜果铺, so its reply counts
        page.wait_for_function("() => /已连接\\s*18/.test(document.querySelector('#live-sources').innerText)",
                               timeout=20_000)
        shot(page, "live-source-connected")
        shot(page, "live-source-connected")
        page.locator("#live-source-stop").click()
        page.wait_for_function("() => document.querySelector('#live-sources').innerText.includes('已停止')",
                               timeout=20_000)
    finally:
        server.shutdown()


def _buyer(page, name: str) -> str:
    """The orders table filtered to one buyer (a long ledger shows only the rows in view)."""
    box = page.locator("#ledger-buyer textarea, #ledger-buyer input").first
    box.fill(name)
    box.press("Enter")
    page.wait_for_function("n => document.querySelector('#ledger-orders').innerText.includes(n)", arg=name,
                           timeout=15_000)
    page.wait_for_timeout(500)
    return _text(page, "#ledger-orders")


def test_a_jielong_paste_updates_the_ledger(page):
    chain = ("#接龙 明天到店自提 草莓 芒果\n例：小明 草莓2斤\n1. 接龙王阿姨 草莓2斤\n2. Lucky 王 芒果1斤+西红柿2斤\n"
             "3. 接龙小胖 来点芒果")
    open_tab(page, "团购台账")
    page.get_by_text("粘贴群接龙").first.click()
    page.locator("#ledger-jielong textarea").fill(chain)
    page.locator("#ledger-jielong-go").click()
    page.wait_for_function("() => document.querySelector('#ledger-jielong-result').innerText.includes('新增 3')")
    rows = _buyer(page, "接龙王阿姨")
    assert "丹东九九草莓" in rows and "已预留" in rows
    assert "芒" in _buyer(page, "Lucky 王")
    assert "待确认" in _buyer(page, "接龙小胖")
    page.locator("#ledger-jielong-go").click()  # the same chain again: nothing changes
    page.wait_for_function("() => document.querySelector('#ledger-jielong-result').innerText.includes('没变 3')")
    edited = chain.replace("1. 接龙王阿姨 草莓2斤\n", "").replace("接龙小胖 来点芒果", "接龙小胖 芒果2斤")
    page.locator("#ledger-jielong textarea").fill(edited)
    page.locator("#ledger-jielong-go").click()
    page.wait_for_function("() => document.querySelector('#ledger-jielong-result').innerText.includes('取消 1')")
    assert "已预留" in _buyer(page, "接龙小胖")
    assert "已取消" in _buyer(page, "接龙王阿姨")
    shot(page, "ledger-jielong")
    box = page.locator("#ledger-buyer textarea, #ledger-buyer input").first
    box.fill("")
    box.press("Enter")


def test_a_new_question_is_highlighted(page, app_server):
    open_tab(page, "直播间")
    page.wait_for_timeout(2000)  # the page has looked once: what follows is new
    body = {"comments": [{"id": f"alert-{time.time()}", "user": "提醒测试", "text": "草莓今天几点到货？"}]}
    r = httpx.post(f"{app_server.url}/api/comments", json=body,
                   headers={"Authorization": f"Bearer {app_server.token}"}, timeout=60)
    assert r.status_code == 200, r.text
    page.wait_for_function("() => document.querySelector('#live-alerts').innerText.includes('新提问')", timeout=15_000)
    assert page.locator("#live-alerts .live-alert-new").count() == 1
    shot(page, "live-alert-question")
    assert json.loads(json.dumps(r.json()))["outcomes"][0]["status"] in ("question", "other")
