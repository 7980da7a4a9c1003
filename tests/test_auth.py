"""Accounts, roles, the start-up check and the API token; the `copilot accounts` command."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from copilot.base.errors import ConfigError, InputError
from copilot.cli import app
from copilot.live.auth import (
    ASSISTANT,
    OWNER,
    Accounts,
    PermissionDenied,
    api_token,
    check_can_start,
    is_loopback,
    require_owner,
    token_matches,
)

runner = CliRunner()
REAL_SCRYPT = __import__("copilot.live.auth", fromlist=["SCRYPT"]).SCRYPT  # before the fixture makes it cheap


def test_add_verify_and_hash_stored(settings):
    accs = Accounts.load(settings)
    accs.add("店主", "secret123", OWNER)
    accs.add("小王", "helper456", ASSISTANT)
    raw = (settings.data_dir / "accounts.json").read_text(encoding="utf-8")
    assert "secret123" not in raw and "helper456" not in raw
    again = Accounts.load(settings)
    assert again.verify("店主", "secret123").role == OWNER
    assert again.verify("店主", "wrong") is None
    assert again.verify("nobody", "secret123") is None
    assert again.role_of("小王") == ASSISTANT
    assert again.role_of("陌生人") == ASSISTANT  # unknown names never get the owner's rights


def test_without_accounts_everyone_is_owner(settings):
    assert Accounts.load(settings).role_of(None) == OWNER


def test_the_store_pc_is_the_owner_even_when_accounts_exist(settings):
    """One rule: not signed in means the store PC (on the network everyone must sign in)."""
    accs = Accounts.load(settings)
    accs.add("小王", "helper456", ASSISTANT)
    assert accs.role_of(None) == OWNER and accs.role_of("小王") == ASSISTANT


def test_passwords_use_owasp_scrypt_and_old_hashes_are_redone(settings, monkeypatch):
    import hashlib

    from copilot.live import auth

    monkeypatch.setattr(auth, "SCRYPT", dict(REAL_SCRYPT))  # the real parameters, in this test only
    accs = Accounts.load(settings)
    accs.add("店主", "secret123", OWNER)
    saved = json.loads((settings.data_dir / "accounts.json").read_text(encoding="utf-8"))["accounts"][0]
    assert saved["params"] == {"n": 2**17, "r": 8, "p": 1}
    legacy = {"name": "老账号", "role": OWNER, "salt": "00" * 16,
              "hash": hashlib.scrypt(b"oldpass1", salt=bytes(16), n=2**14, r=8, p=1, dklen=32).hex()}
    (settings.data_dir / "accounts.json").write_text(json.dumps({"accounts": [saved, legacy]}), encoding="utf-8")
    again = Accounts.load(settings)
    assert again.verify("老账号", "oldpass1") is not None
    stored = {a["name"]: a for a in json.loads((settings.data_dir / "accounts.json").read_text())["accounts"]}
    assert stored["老账号"]["params"]["n"] == 2**17 and stored["老账号"]["hash"] != legacy["hash"]
    assert Accounts.load(settings).verify("老账号", "oldpass1") is not None


def test_unknown_names_cost_a_hash_like_known_ones(settings, monkeypatch):
    from copilot.live import auth

    accs = Accounts.load(settings)
    accs.add("店主", "secret123", OWNER)
    calls = []
    real = auth._hash
    monkeypatch.setattr(auth, "_hash", lambda *a, **k: calls.append(a[2] if len(a) > 2 else None) or real(*a, **k))
    accs.verify("店主", "wrong")
    accs.verify("没有这个人", "wrong")
    assert len(calls) == 2  # the unknown name is hashed too: no timing difference to read


def test_failed_sign_ins_back_off_per_name_and_address():
    from copilot.live.auth import SignInGuard

    now = [0.0]
    guard = SignInGuard(clock=lambda: now[0])
    for _ in range(3):
        assert guard.wait("店主", "10.0.0.9") == 0
        guard.failed("店主", "10.0.0.9")
    assert guard.wait("店主", "10.0.0.9") == 2        # then 2 s, 4 s, 8 s ...
    assert guard.wait("店主", "10.0.0.7") == 2        # the name is throttled from any address
    assert guard.wait("小王", "10.0.0.9") == 2        # and the address for any name
    guard.failed("店主", "10.0.0.9")
    assert guard.wait("店主", "10.0.0.9") == 4
    now[0] += 4
    assert guard.wait("店主", "10.0.0.9") == 0
    guard.succeeded("店主", "10.0.0.9")
    assert guard.wait("店主", "10.0.0.9") == 0 and guard.wait("小王", "10.0.0.9") == 0


def test_thirty_wrong_passwords_then_the_right_one_is_refused(settings):
    from copilot.live.auth import SignInGuard, sign_in

    accs = Accounts.load(settings)
    accs.add("店主", "secret123", OWNER)
    guard = SignInGuard()
    assert not any(sign_in(accs, guard, "店主", f"guess{i}", "10.0.0.9") for i in range(30))
    assert not sign_in(accs, guard, "店主", "secret123", "10.0.0.9")  # still locked: not even checked


@pytest.mark.parametrize("name,pw,role,match", [
    ("", "secret123", OWNER, "账号名"),
    ("a b", "secret123", OWNER, "账号名"),
    ("ok", "123", OWNER, "密码太短"),
    ("ok", "secret123", "boss", "角色"),
])
def test_bad_accounts(settings, name, pw, role, match):
    with pytest.raises(InputError, match=match):
        Accounts.load(settings).add(name, pw, role)


def test_duplicate_and_replace_and_remove(settings):
    accs = Accounts.load(settings)
    accs.add("店主", "secret123", OWNER)
    with pytest.raises(InputError, match="已存在"):
        accs.add("店主", "other999", OWNER)
    accs.add("店主", "other999", ASSISTANT, replace=True)
    assert accs.verify("店主", "other999").role == ASSISTANT
    accs.remove("店主")
    assert not Accounts.load(settings)
    with pytest.raises(InputError):
        accs.remove("店主")


def test_corrupt_file_is_clear(settings):
    (settings.data_dir / "accounts.json").write_text("{nope", encoding="utf-8")
    with pytest.raises(ConfigError, match="已损坏"):
        Accounts.load(settings)


@pytest.mark.parametrize("host,loop", [("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
                                       ("127.0.1.1", True), ("0.0.0.0", False), ("192.168.1.8", False),
                                       ("shop.local", False)])
def test_loopback(host, loop):
    assert is_loopback(host) is loop


def test_network_needs_accounts(settings):
    accs = Accounts.load(settings)
    check_can_start("127.0.0.1", accs)
    with pytest.raises(ConfigError, match="拒绝启动") as exc:
        check_can_start("0.0.0.0", accs)
    assert "copilot accounts add" in str(exc.value)
    accs.add("店主", "secret123", OWNER)
    check_can_start("0.0.0.0", accs)


def test_require_owner():
    require_owner(OWNER)
    with pytest.raises(PermissionDenied, match="助理账号不能改价格"):
        require_owner(ASSISTANT, "改价格")


def test_api_token_generated_once_and_env_wins(settings):
    t1 = api_token(settings)
    assert len(t1) >= 24 and api_token(settings) == t1
    assert (settings.data_dir / "api_token").read_text().strip() == t1
    assert api_token(settings.model_copy(update={"api_token": "fixed-token"})) == "fixed-token"
    assert token_matches(t1, t1) and not token_matches("x", t1) and not token_matches(None, t1)


def test_cli_accounts(data_dir):
    r = runner.invoke(app, ["accounts", "add", "店主", "--role", "owner", "--password", "secret123", "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output) == {"name": "店主", "role": "owner"}
    r = runner.invoke(app, ["accounts", "add", "小王"], input="helper456\nhelper456\n")
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["accounts", "list", "--json"])
    assert json.loads(r.output)["accounts"] == [{"name": "店主", "role": "owner"}, {"name": "小王", "role": "assistant"}]
    r = runner.invoke(app, ["accounts", "token", "--json"])
    assert len(json.loads(r.output)["token"]) >= 24
    r = runner.invoke(app, ["accounts", "remove", "小王"])
    assert r.exit_code == 0 and "已删除" in r.output
