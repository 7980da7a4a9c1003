"""On the network the app asks everyone to sign in; an assistant works the live room but cannot
change the knowledge (catalog, notes)."""

from __future__ import annotations

import pytest
from browser_helpers import open_tab, shot, start_app, stop_app

from copilot.live.auth import Accounts

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def lan_app(tmp_path_factory):
    home = tmp_path_factory.mktemp("copilot-lan")
    accounts = Accounts(home / "accounts.json")
    accounts.add("店主", "owner-pass-1", "owner")
    accounts.add("小王", "helper-pass-1", "assistant")
    app = start_app(home, host="0.0.0.0")
    yield app
    stop_app(app)


def _login(browser, app, name, password):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(app.url + "/")
    page.locator("input[type=text], input:not([type])").first.fill(name)
    page.locator("input[type=password]").fill(password)
    page.locator("button.primary").first.click()  # "Login" / "登录" by locale
    return context, page


def test_sign_in_required_and_wrong_password_refused(browser, lan_app):
    context, page = _login(browser, lan_app, "店主", "wrong-password")
    page.wait_for_timeout(1500)
    assert page.get_by_role("tab", name="直播间").count() == 0
    shot(page, "login-refused")
    context.close()


def test_assistant_cannot_edit_knowledge(browser, lan_app):
    context, page = _login(browser, lan_app, "小王", "helper-pass-1")
    page.get_by_role("tab", name="直播间").wait_for()
    open_tab(page, "设置")
    page.wait_for_function("() => document.querySelector('#settings-accounts').innerText.includes('小王')")
    assert "助理" in page.locator("#settings-accounts").inner_text()
    open_tab(page, "知识库")
    page.locator("#kb-save").click()
    page.get_by_text("助理账号不能").first.wait_for()
    shot(page, "assistant-refused")
    context.close()


def test_owner_signs_in(browser, lan_app):
    context, page = _login(browser, lan_app, "店主", "owner-pass-1")
    page.get_by_role("tab", name="直播间").wait_for()
    open_tab(page, "设置")
    page.wait_for_function("() => document.querySelector('#settings-accounts').innerText.includes('店主')")
    page.locator("#settings-show-token").click()
    page.wait_for_function("t => [...document.querySelectorAll('#settings-token input, #settings-token textarea')]"
                           ".some(e => e.value === t)", arg=lan_app.token)
    context.close()
