"""Database engines and numbered migrations, shared by every module that keeps state.

SQLite (the default, a file in the data dir) is tuned for one machine with a few writers: WAL,
``synchronous=NORMAL``, a 30 s busy timeout, foreign keys on, and every write transaction starts
with ``BEGIN IMMEDIATE`` so concurrent writers queue for the lock instead of failing half-way.
PostgreSQL (``COPILOT_DATABASE_URL=postgresql+psycopg://...``) runs the same code.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, create_engine, event, select
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from copilot.base.errors import ConfigError

log = logging.getLogger(__name__)
Step = tuple[int, str, Callable[[Connection], None]]
READ_ONLY = "copilot_read_only"  # execution option: a plain (deferred) BEGIN on SQLite
_engines: dict[str, Engine] = {}
_engines_lock = threading.Lock()
meta = MetaData()
schema_migrations = Table(
    "schema_migrations", meta,
    Column("track", String(64), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def normalize_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean psycopg 3 (the driver we ship)."""
    url = (url or "").strip()
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _bad_url(url: str, why: str) -> ConfigError:
    shown = url if "@" not in url else url.split("://")[0] + "://…@" + url.rsplit("@", 1)[1]
    return ConfigError(f"数据库地址 COPILOT_DATABASE_URL 无效：{shown or '（空）'}（{why}）",
                       hint="例如 sqlite:////path/ledger.db 或 "
                            "postgresql+psycopg://user:password@host:5432/db；不设则用数据目录里的 SQLite 文件")


def make_engine(url: str) -> Engine:
    """The engine for ``url``, created once per process and URL."""
    url = normalize_url(url)
    with _engines_lock:
        engine = _engines.get(url)
        if engine is None:
            engine = _engines[url] = _create(url)
        return engine


def _create(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise _bad_url(url, f"无法解析：{exc}") from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise _bad_url(url, f"不支持的数据库类型 {backend}，只支持 sqlite 和 postgresql")
    try:
        if backend == "sqlite":
            return _sqlite_engine(parsed)
        return create_engine(parsed, pool_pre_ping=True, future=True)
    except (NoSuchModuleError, ImportError, ArgumentError) as exc:
        raise _bad_url(url, f"驱动不可用：{exc}") from None


_BUSY_SECONDS = 30


def _to_wal(cur) -> None:
    """Switch the file to WAL. When several processes open a fresh file at once, SQLite answers this pragma with
    "database is locked" at once instead of waiting on the busy timeout (it needs the file to itself), so wait and
    try again, up to the busy timeout, as every other statement does."""
    deadline, pause = time.monotonic() + _BUSY_SECONDS, 0.01
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


def _sqlite_engine(parsed) -> Engine:
    database = parsed.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, connect_args={"timeout": _BUSY_SECONDS, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (SQLAlchemy pysqlite recipe)
        cur = dbapi_conn.cursor()
        _to_wal(cur)
        for pragma in ("synchronous=NORMAL", f"busy_timeout={_BUSY_SECONDS * 1000}", "foreign_keys=ON"):
            cur.execute(f"PRAGMA {pragma}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        read_only = conn.get_execution_options().get(READ_ONLY)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def dispose_engine(url: str) -> None:
    """Close and forget the engine of ``url`` (tests that drop its database afterwards)."""
    with _engines_lock:
        engine = _engines.pop(normalize_url(url), None)
    if engine is not None:
        engine.dispose()


def dispose_engines() -> None:
    """Close every pooled connection (tests, forked workers)."""
    with _engines_lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction: commits on success, rolls back on any exception."""
    with engine.begin() as conn:
        yield conn


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction that does not take SQLite's write lock."""
    with engine.connect() as conn:
        conn.execution_options(**{READ_ONLY: True})
        with conn.begin():
            yield conn


def connect_error(url: str, exc: Exception) -> ConfigError:
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc) else type(exc).__name__
    return ConfigError(f"无法连接数据库：{detail}",
                       hint="检查 COPILOT_DATABASE_URL 和数据库服务是否已启动")


def _lock(conn: Connection, track: str) -> None:
    """Serialize migrators: SQLite already holds the write lock (BEGIN IMMEDIATE)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(%s)" % (zlib.crc32(b"copilot-migrate") & 0x7FFFFFFF))


def _applied(conn: Connection, track: str) -> set[int]:
    rows = conn.execute(select(schema_migrations.c.version).where(schema_migrations.c.track == track))
    return {r[0] for r in rows}


def migrate(engine: Engine, track: str, steps: list[Step]) -> list[int]:
    """Apply the missing numbered ``steps`` of ``track``, each in its own transaction.

    Idempotent, and safe when several processes migrate the same fresh database at once.
    Returns the versions applied by this call.
    """
    versions = [v for v, _, _ in steps]
    if len(set(versions)) != len(versions) or versions != sorted(versions):
        raise ValueError(f"migration versions of track {track!r} must be unique and ascending")
    try:
        with writing(engine) as conn:
            _lock(conn, track)
            schema_migrations.create(conn, checkfirst=True)
            done = _applied(conn, track)
    except OperationalError as exc:
        raise connect_error(str(engine.url), exc) from None
    applied: list[int] = []
    for version, name, fn in steps:
        if version in done:
            continue
        with writing(engine) as conn:
            _lock(conn, track)
            if version in _applied(conn, track):  # another process was faster
                continue
            fn(conn)
            conn.execute(schema_migrations.insert().values(
                track=track, version=version, name=name, applied_at=utcnow()))
        log.info("migrated %s to version %d (%s)", track, version, name)
        applied.append(version)
    return applied
