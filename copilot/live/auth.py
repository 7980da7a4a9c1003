"""Accounts and roles for the app, and the HTTP intake token.

No login when the app listens on localhost only (everyone is the owner). On the network the app
refuses to start without accounts. Two roles: the owner does everything; the assistant works the
live room and the ledger but cannot change prices, stock or the catalog.

Passwords are stored as scrypt hashes in ``<data dir>/accounts.json``.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import logging
import os
import re
import secrets
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from copilot.base.errors import ConfigError, CopilotError, InputError

log = logging.getLogger(__name__)
OWNER, ASSISTANT = "owner", "assistant"
ROLES = {OWNER: "店主", ASSISTANT: "助理"}
MIN_PASSWORD = 6
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_NAME = re.compile(r"^[\w\u4e00-\u9fff.@-]{1,32}$")
ADD_HINT = "先添加账号：copilot accounts add 店主 --role owner（会提示输入密码）"


class PermissionDenied(CopilotError):
    """The signed-in role may not do this (an assistant changing prices, stock or the catalog)."""


@dataclass
class Account:
    name: str
    role: str
    salt: str
    hash: str

    @property
    def role_zh(self) -> str:
        return ROLES.get(self.role, self.role)


def _hash(password: str, salt: bytes) -> str:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, **_SCRYPT).hex()


class Accounts:
    """The accounts file; every change is written atomically."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self.accounts: dict[str, Account] = {}
        if self.path.exists():
            self._read()

    @classmethod
    def load(cls, settings) -> "Accounts":
        return cls(settings.data_dir / "accounts.json")

    def _read(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.accounts = {a["name"]: Account(**a) for a in data.get("accounts", [])}
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"账号文件 {self.path} 已损坏：{exc}",
                              hint="删除该文件后重新用 copilot accounts add 添加账号") from None

    def _write(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"accounts": [asdict(a) for a in self.accounts.values()]},
                                  ensure_ascii=False, indent=1), encoding="utf-8")
        os.chmod(tmp, 0o600)
        os.replace(tmp, self.path)

    def __len__(self) -> int:
        return len(self.accounts)

    def __bool__(self) -> bool:
        return bool(self.accounts)

    def get(self, name: str | None) -> Account | None:
        return self.accounts.get(name or "")

    def add(self, name: str, password: str, role: str = OWNER, *, replace: bool = False) -> Account:
        name = (name or "").strip()
        if not _NAME.match(name):
            raise InputError(f"账号名「{name}」无效", hint="用 1-32 个汉字、字母、数字或 . @ - _")
        if role not in ROLES:
            raise InputError(f"角色「{role}」无效", hint="角色是 owner（店主）或 assistant（助理）")
        if len(password or "") < MIN_PASSWORD:
            raise InputError(f"密码太短（至少 {MIN_PASSWORD} 位）", hint="换一个更长的密码")
        with self._lock:
            if name in self.accounts and not replace:
                raise InputError(f"账号「{name}」已存在", hint="换个名字，或加 --replace 重设密码和角色")
            salt = secrets.token_bytes(16)
            acc = Account(name, role, salt.hex(), _hash(password, salt))
            self.accounts[name] = acc
            self._write()
        log.info("account %s saved with role %s", name, role)
        return acc

    def remove(self, name: str) -> None:
        with self._lock:
            if name not in self.accounts:
                raise InputError(f"没有账号「{name}」", hint="用 copilot accounts list 查看已有账号")
            del self.accounts[name]
            self._write()

    def verify(self, name: str, password: str) -> Account | None:
        acc = self.get(name)
        if acc is None or not password:
            return None
        ok = hmac.compare_digest(_hash(password, bytes.fromhex(acc.salt)), acc.hash)
        return acc if ok else None

    def role_of(self, name: str | None) -> str:
        """The role of a signed-in user; without accounts (localhost) everyone is the owner."""
        if not self.accounts:
            return OWNER
        acc = self.get(name)
        return acc.role if acc else ASSISTANT


def is_loopback(host: str | None) -> bool:
    host = (host or "").strip().strip("[]")
    if host in ("", "localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_can_start(host: str, accounts: Accounts) -> None:
    """On the network the app needs accounts: anyone on the Wi-Fi could otherwise edit the ledger."""
    if not is_loopback(host) and not accounts:
        raise ConfigError(f"应用监听在 {host}（局域网可访问），但还没有任何账号，为安全起见拒绝启动",
                          hint=ADD_HINT + "；或只在本机使用：GRADIO_SERVER_NAME=127.0.0.1")


def require_owner(role: str, what: str = "这个操作") -> None:
    if role != OWNER:
        raise PermissionDenied(f"助理账号不能{what}", hint="请用店主账号登录后再操作")


def api_token(settings) -> str:
    """COPILOT_API_TOKEN, else the token stored in the data dir (generated on first use)."""
    if settings.api_token:
        return settings.api_token
    path = settings.data_dir / "api_token"
    if path.exists():
        token = path.read_text(encoding="utf-8").strip()
        if token:
            return token
    token = secrets.token_urlsafe(24)
    path.write_text(token + "\n", encoding="utf-8")
    os.chmod(path, 0o600)
    log.info("generated the HTTP intake token in %s", path)
    return token


def token_matches(given: str | None, expected: str) -> bool:
    return bool(given) and hmac.compare_digest(given.encode(), expected.encode())
