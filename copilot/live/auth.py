"""Accounts and roles for the app, and the HTTP intake token.

The rule: on the store PC (the app listening on localhost only) nobody signs in and the person at the
PC is the owner, whether or not accounts exist. On the network the app refuses to start without
accounts and everyone signs in; a signed-in person has their account's role. Two roles: the owner
does everything; the assistant works the live room and the ledger but cannot change prices, stock or
the catalog.

Passwords are stored as scrypt hashes (OWASP parameters: N=2^17, r=8, p=1) in
``<data dir>/accounts.json``; a hash made with older parameters is redone at the next sign-in.
Failed sign-ins are throttled per name and per address with exponential back-off, and an unknown
name costs the same time as a known one, so names cannot be found by timing.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import logging
import re
import secrets
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from copilot.base.errors import ConfigError, CopilotError, InputError
from copilot.base.files import write_private

log = logging.getLogger(__name__)
OWNER, ASSISTANT = "owner", "assistant"
ROLES = {OWNER: "店主", ASSISTANT: "助理"}
MIN_PASSWORD = 6
SCRYPT = {"n": 2**17, "r": 8, "p": 1}  # OWASP 2024+: at least N=2^17 with r=8, p=1
LEGACY_SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # what accounts saved before carry (no "params" field)
_NAME = re.compile(r"^[\w\u4e00-\u9fff.@-]{1,32}$")
ADD_HINT = "先添加账号：copilot accounts add 店主 --role owner（会提示输入密码）"


_DUMMY_SALT = b"copilot-no-such-account"
_DUMMY_HASH = "0" * 64


class PermissionDenied(CopilotError):
    """The signed-in role may not do this (an assistant changing prices, stock or the catalog)."""


@dataclass
class Account:
    name: str
    role: str
    salt: str
    hash: str
    params: dict | None = None  # the scrypt parameters of ``hash``; None = LEGACY_SCRYPT

    @property
    def role_zh(self) -> str:
        return ROLES.get(self.role, self.role)


def _hash(password: str, salt: bytes, params: dict | None = None) -> str:
    params = params or SCRYPT
    maxmem = 128 * params["r"] * params["n"] * 2 + 1_000_000
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, maxmem=maxmem, **params).hex()


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
        write_private(self.path, json.dumps({"accounts": [asdict(a) for a in self.accounts.values()]},
                                            ensure_ascii=False, indent=1))

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
            acc = Account(name, role, salt.hex(), _hash(password, salt), dict(SCRYPT))
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
        """The account when ``password`` is right. Unknown names take as long as known ones; a hash made
        with older scrypt parameters is redone with the current ones."""
        acc = self.get(name)
        if acc is None:
            hmac.compare_digest(_hash(password or "", _DUMMY_SALT), _DUMMY_HASH)  # same cost, no answer
            return None
        ok = bool(password) and hmac.compare_digest(_hash(password, bytes.fromhex(acc.salt), acc.params or LEGACY_SCRYPT),
                                                    acc.hash)
        if ok and (acc.params or LEGACY_SCRYPT) != SCRYPT:
            with self._lock:
                salt = secrets.token_bytes(16)
                acc.salt, acc.hash, acc.params = salt.hex(), _hash(password, salt), dict(SCRYPT)
                self._write()
            log.info("account %s rehashed with the current scrypt parameters", name)
        return acc if ok else None

    def role_of(self, name: str | None) -> str:
        """The role of a signed-in person. Not signed in means the store PC (on the network everyone
        must sign in): the owner. An unknown name never gets the owner's rights."""
        if name is None:
            return OWNER
        acc = self.get(name)
        return acc.role if acc else ASSISTANT


class SignInGuard:
    """Failed sign-ins, per name and per address: the first FREE failures cost nothing; after that each
    attempt must wait 2, 4, 8 ... seconds (at most MAX_WAIT) since the last failure. A success clears it."""

    FREE = 3
    MAX_WAIT = 900.0

    def __init__(self, clock=time.monotonic) -> None:
        self._clock = clock
        self._fails: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def wait(self, name: str, addr: str) -> float:
        """Seconds before another attempt for ``name`` from ``addr`` is even checked (0: go ahead)."""
        now = self._clock()
        with self._lock:
            waits = [last + self._delay(n) - now for n, last in
                     (self._fails.get(k, (0, now)) for k in (f"name:{name}", f"addr:{addr}"))]
        return max(0.0, *waits)

    def failed(self, name: str, addr: str) -> None:
        now = self._clock()
        with self._lock:
            for key in (f"name:{name}", f"addr:{addr}"):
                n, _ = self._fails.get(key, (0, now))
                self._fails[key] = (n + 1, now)
            if len(self._fails) > 10_000:  # a flood of made-up names: forget the oldest
                for key in sorted(self._fails, key=lambda k: self._fails[k][1])[:5_000]:
                    del self._fails[key]

    def succeeded(self, name: str, addr: str) -> None:
        with self._lock:
            self._fails.pop(f"name:{name}", None)
            self._fails.pop(f"addr:{addr}", None)

    def _delay(self, failures: int) -> float:
        return 0.0 if failures < self.FREE else min(self.MAX_WAIT, 2.0 ** (failures - self.FREE + 1))


def sign_in(accounts: "Accounts", guard: SignInGuard, name: str, password: str, addr: str) -> bool:
    """One sign-in attempt through the throttle: refused unchecked while the name or address must wait."""
    if guard.wait(name, addr) > 0:
        log.warning("sign-in for %r from %s refused: too many failures", name, addr)
        return False
    ok = accounts.verify(name, password) is not None
    (guard.succeeded if ok else guard.failed)(name, addr)
    return ok


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
    write_private(path, token + "\n")  # 0600 from its first byte
    log.info("generated the HTTP intake token in %s", path)
    return token


def token_matches(given: str | None, expected: str) -> bool:
    return bool(given) and hmac.compare_digest(given.encode(), expected.encode())
