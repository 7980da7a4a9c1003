"""The app as a whole: the server object (API + Gradio), the start-up checks, the 设置 helpers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openai_stub import openai_stub

from copilot.base.errors import ConfigError
from copilot.base.settings import BUNDLED_KNOWLEDGE, Settings
from copilot.live.auth import OWNER, Accounts
from copilot.ui.context import AppContext
from copilot.ui.settings import mask_url, settings_md
from copilot.ui.settings import test_llm as llm_check

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import app as app_module  # noqa: E402


@pytest.fixture
def ctx(settings):
    return AppContext(settings, stream="2026-11-22")


def test_server_serves_ui_and_api(ctx):
    server = app_module.build_server(ctx, "127.0.0.1")
    with TestClient(server) as client:
        health = client.get("/api/health").json()
        assert health["status"] == "ok" and health["store"] == "巷口优选" and health["stream"] == "2026-11-22"
        page = client.get("/")
        assert page.status_code == 200 and "<html" in page.text.lower()
        config = client.get("/config").json()
        labels = {c.get("props", {}).get("label") for c in config["components"]}
        assert {"直播间", "团购台账", "设置"} <= labels
        r = client.post("/api/comments", json={"id": "a1", "user": "王阿姨", "text": "3号链接2斤"},
                        headers={"Authorization": f"Bearer {ctx.api_token}"})
        assert r.json()["outcomes"][0]["status"] == "order"
        assert ctx.session.feed_items()[0].comment.id == "a1"  # the UI's session got it
        assert ctx.ledger.remaining("pork") == 18


def test_network_without_accounts_refused(ctx):
    with pytest.raises(ConfigError, match="拒绝启动"):
        app_module.build_server(ctx, "0.0.0.0")


def test_network_with_accounts_asks_to_sign_in(ctx):
    Accounts.load(ctx.settings).add("店主", "secret123", OWNER)
    server = app_module.build_server(ctx, "0.0.0.0")
    with TestClient(server) as client:
        assert client.get("/config").status_code == 401
        bad = client.post("/login", data={"username": "店主", "password": "nope"})
        assert bad.status_code == 400
        ok = client.post("/login", data={"username": "店主", "password": "secret123"})
        assert ok.status_code == 200
        assert client.get("/config").status_code == 200
        assert client.get("/api/health").status_code == 200  # the intake has its own token


def _run_app(env_extra: dict, tmp_path) -> subprocess.CompletedProcess:
    env = {**os.environ, "COPILOT_HOME": str(tmp_path / "home"), **env_extra}
    env.pop("COPILOT_RAISE", None)
    return subprocess.run([sys.executable, "app.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_python_app_refuses_network_without_accounts(tmp_path):
    r = _run_app({"GRADIO_SERVER_NAME": "0.0.0.0", "GRADIO_SERVER_PORT": "7999"}, tmp_path)
    assert r.returncode == 2
    assert "拒绝启动" in r.stderr and "copilot accounts add" in r.stderr
    assert "Traceback" not in r.stderr


def test_python_app_bad_port(tmp_path):
    r = _run_app({"GRADIO_SERVER_PORT": "seventy"}, tmp_path)
    assert r.returncode == 2 and "GRADIO_SERVER_PORT" in r.stderr and "Traceback" not in r.stderr


def test_role_checks(ctx):
    import gradio as gr

    class Req:
        username = "小王"

    ctx.require_owner(None)  # localhost, no accounts: everyone is the owner
    accs = Accounts.load(ctx.settings)
    accs.add("小王", "helper456", "assistant")
    ctx.__dict__.pop("accounts", None)
    assert ctx.role(Req()) == "assistant" and not ctx.is_owner(Req())
    with pytest.raises(gr.Error, match="助理账号不能"):
        ctx.require_owner(Req())


def test_mask_url():
    assert mask_url("postgresql://shop:s3cret@db:5432/live") == "postgresql://shop:***@db:5432/live"
    assert mask_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"


def test_settings_page_text(ctx):
    md = settings_md(ctx)
    assert str(ctx.settings.data_dir) in md and "离线模式" in md and "COPILOT_DATABASE_URL" in md
    assert "离线" in llm_check(ctx)


def test_llm_check_against_local_server(data_dir):
    with openai_stub(replies=["好", 500]) as server:
        s = Settings(home=data_dir, knowledge=BUNDLED_KNOWLEDGE, llm_base_url=server.url, llm_model="stub-chat",
                     llm_api_key="k", _env_file=None)
        ctx = AppContext(s)
        ok = llm_check(ctx)
        assert ok.startswith("✅") and "stub-chat" in ok and "毫秒" in ok
        assert server.requests[0]["messages"][-1]["content"] == "请回复：好"
        bad = llm_check(ctx)
        assert bad.startswith("❌") and "COPILOT_LLM_BASE_URL" in bad
        assert "stub-chat" in settings_md(ctx)


def test_ledger_tab_follows_the_ledger_and_skips_unchanged(ctx):
    import gradio as gr

    from copilot.base.comments import Comment
    from copilot.orders.intent import Intent, Item, Kind
    from copilot.ui import WhileShown
    from copilot.ui import ledger as ledger_ui

    with gr.Blocks():
        (refresh,) = [x for x in ledger_ui.build(ctx) if isinstance(x, WhileShown)]
    # 场次 + filters + page + digest -> orders, review, stock, page caption, page + digest
    assert len(refresh.inputs) == 6 and len(refresh.outputs) == 6

    def order(cid, user):
        ctx.ledger.apply(Comment(cid, user, "五花肉1斤"), Intent(Kind.ORDER, (Item("pork", 1),)))

    order("t1", "王阿姨")
    *tables, digest = refresh.fn(ctx.stream, "", "", "王阿姨", 1, None)
    assert [row[1] for row in tables[0]] == ["王阿姨"] and digest is not None
    *same, again = refresh.fn(ctx.stream, "", "", "王阿姨", 1, digest)  # nothing changed: nothing is sent
    assert all(isinstance(x, type(gr.skip())) for x in (*same, again))  # the digest too stays as it is
    order("t2", "李叔")  # another buyer: the filtered orders stay, the stock table moves
    *tables, moved = refresh.fn(ctx.stream, "", "", "王阿姨", 1, digest)
    assert moved != digest and [row[1] for row in tables[0]] == ["王阿姨"]
    *tables, _ = refresh.fn(ctx.rehearsal_stream, "", "", "", 1, None)  # another 场次: its own (empty) ledger
    assert tables[0] == [] and ctx.ledger_for(ctx.rehearsal_stream).stream.startswith("彩排-")


def test_app_runs_the_ledger_timer_only_while_its_tab_is_shown(ctx):
    import gradio as gr

    from copilot.ui import create_app

    demo = create_app(ctx)
    timers = [b for b in demo.blocks.values() if isinstance(b, gr.Timer) and not b.active]
    shown_on = []
    for timer in timers:  # one timer per workspace that follows the ledger: 团购台账, 取货台, 复盘
        (switch,) = [f for f in demo.fns.values() if [o._id for o in f.outputs] == [timer._id]]
        assert switch.targets[0][1] == "select" and isinstance(demo.blocks[switch.targets[0][0]], gr.Tabs)
        labels = ("团购台账", "取货台", "复盘", "直播间", "设置")
        shown_on += [lb for lb in labels if switch.fn(gr.SelectData(None, {"value": lb, "index": 0})).active]
    assert sorted(shown_on) == sorted(["团购台账", "取货台", "复盘"])  # each timer runs on its own tab only


def test_importing_app_has_no_side_effects(monkeypatch):
    """Only ``python app.py`` bootstraps; importing it outside .venv must not install or restart."""
    import importlib

    calls = []
    monkeypatch.setattr(subprocess, "call", lambda *a, **k: calls.append(a) or 0)
    monkeypatch.setattr(os, "execv", lambda *a: calls.append(a))
    monkeypatch.setattr(sys, "prefix", "/usr")  # as if run by the system Python
    monkeypatch.delenv("COPILOT_NO_BOOTSTRAP", raising=False)
    importlib.reload(app_module)
    assert calls == []


def test_llm_settings_saved_under_home_0600_in_the_fixed_chain(data_dir, monkeypatch, tmp_path):
    from copilot.base.settings import clear_llm_settings, load_settings, save_llm_settings, setting_origin

    path = save_llm_settings(data_dir, "https://api.deepseek.com/v1", "deepseek-chat", "sk-secret", 15)
    assert path.parent == data_dir and oct(path.stat().st_mode & 0o777) == "0o600"
    s = load_settings()
    assert (s.llm_base_url, s.llm_model, s.llm_api_key.get_secret_value(), s.llm_timeout) == \
        ("https://api.deepseek.com/v1", "deepseek-chat", "sk-secret", 15.0)
    assert setting_origin("llm_model", data_dir) == "设置页"
    save_llm_settings(data_dir, "https://api.deepseek.com/v1", "deepseek-reasoner", "")  # empty key: kept
    assert load_settings().llm_api_key.get_secret_value() == "sk-secret"
    env_file = tmp_path / "dot.env"
    env_file.write_text("COPILOT_LLM_MODEL=from-dotenv\nCOPILOT_LLM_TIMEOUT=33\n", encoding="utf-8")
    s = Settings(_env_file=env_file)
    assert s.llm_model == "deepseek-reasoner" and s.llm_timeout == 15.0  # saved settings > .env
    monkeypatch.setenv("COPILOT_LLM_MODEL", "from-env")
    assert load_settings().llm_model == "from-env" and setting_origin("llm_model", data_dir) == "环境变量"
    assert load_settings(llm_model="from-argument").llm_model == "from-argument"
    monkeypatch.delenv("COPILOT_LLM_MODEL")
    clear_llm_settings(data_dir)
    assert not path.exists()
    assert Settings(_env_file=env_file).llm_model == "from-dotenv"  # .env > default once nothing is saved
    assert load_settings().llm_model is None


@pytest.mark.parametrize("url, model, timeout, message", [
    ("api.deepseek.com", "m", 20, "接口地址"), ("https://x/v1", " ", 20, "模型名称不能为空"),
    ("https://x/v1", "m", 0, "超时"),
])
def test_llm_settings_refuse_bad_values(data_dir, url, model, timeout, message):
    from copilot.base.errors import InputError
    from copilot.base.settings import save_llm_settings, saved_settings_path

    with pytest.raises(InputError, match=message):
        save_llm_settings(data_dir, url, model, "k", timeout)
    assert not saved_settings_path(data_dir).exists()


def test_settings_page_tests_saves_and_applies_the_endpoint(data_dir):
    from copilot.ui.settings import LLM_HELP, clear_llm, llm_origin_md, save_llm, test_endpoint

    ctx = AppContext(Settings(home=data_dir, knowledge=BUNDLED_KNOWLEDGE, _env_file=None))
    assert ctx.llm is None and "离线模式" in llm_origin_md(ctx)
    assert "接口地址" in LLM_HELP and "密钥" in LLM_HELP and "价格和库存永远来自商品清单" in LLM_HELP
    with openai_stub(replies=["好", 500, "好"]) as server:
        ok = test_endpoint(ctx, server.url, "stub-chat", "k1", 5)
        assert ok.startswith("✅") and "stub-chat" in ok
        assert server.requests[0]["messages"][-1]["content"] == "请回复：好"
        bad = test_endpoint(ctx, server.url, "stub-chat", "k1", 5)
        assert bad.startswith("❌") and "密钥" in bad and "Traceback" not in bad
        msg = save_llm(ctx, server.url, "stub-chat", "k1", 5)
        assert "已保存" in msg and ctx.llm is not None and ctx.llm.name == "stub-chat"
        assert "stub-chat" in settings_md(ctx) and "设置页" in llm_origin_md(ctx)
        assert "k1" not in llm_origin_md(ctx) and "已保存密钥" in llm_origin_md(ctx)
        assert ctx.llm.chat([{"role": "user", "content": "hi"}]) == "好"
    assert "离线模式" in clear_llm(ctx) and ctx.llm is None
    assert test_endpoint(ctx, "", "", "", 20).startswith("ℹ️")
