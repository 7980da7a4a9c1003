"""Engines (SQLite tuning, URL handling) and numbered migrations with tracks."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from copilot.base import db
from copilot.base.db import dispose_engine, make_engine, migrate, normalize_url, reading, schema_migrations, writing
from copilot.base.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def _steps(log: list | None = None):
    def create_a(conn):
        conn.execute(text("CREATE TABLE mig_a (id INTEGER PRIMARY KEY, v TEXT)"))
        if log is not None:
            log.append(1)

    def create_b(conn):
        conn.execute(text("CREATE TABLE mig_b (id INTEGER PRIMARY KEY)"))
        if log is not None:
            log.append(2)

    return [(1, "table a", create_a), (2, "table b", create_b)]


def test_sqlite_engine_is_tuned_and_cached(tmp_path):
    url = f"sqlite:///{tmp_path / 'deep' / 'dir' / 'x.db'}"
    engine = make_engine(url)
    try:
        assert make_engine(url) is engine
        assert (tmp_path / "deep" / "dir").is_dir()  # parent directory created
        with reading(engine) as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        dispose_engine(url)


def test_postgres_urls_use_psycopg3():
    assert normalize_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert normalize_url("postgres://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert normalize_url("postgresql+psycopg://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert normalize_url("sqlite:///x.db") == "sqlite:///x.db"


@pytest.mark.parametrize("url", ["not a url", "", "mysql+nodriver://u:p@h/db", "oracle://u:p@h/db"])
def test_bad_url_names_the_variable(url):
    with pytest.raises(ConfigError) as err:
        make_engine(url)
    assert "COPILOT_DATABASE_URL" in err.value.message
    assert ":p@" not in str(err.value)  # never echo a password


def test_unreachable_database_is_a_config_error():
    engine = make_engine("postgresql+psycopg://u:secret@127.0.0.1:1/nope?connect_timeout=2")
    with pytest.raises(ConfigError) as err:
        migrate(engine, "t", _steps())
    assert "COPILOT_DATABASE_URL" in str(err.value)
    assert "secret" not in str(err.value)


def test_migrate_is_idempotent_and_tracks_are_separate(ledger_url):
    engine = make_engine(ledger_url)
    ran: list[int] = []
    assert migrate(engine, "alpha", _steps(ran)) == [1, 2]
    assert migrate(engine, "alpha", _steps(ran)) == []
    assert ran == [1, 2]
    # another track keeps its own numbers in the same database
    assert migrate(engine, "beta", [(1, "table c", lambda c: c.execute(text("CREATE TABLE mig_c (id INTEGER)")))]) == [1]
    with reading(engine) as conn:
        rows = conn.execute(select(schema_migrations.c.track, schema_migrations.c.version, schema_migrations.c.name)
                            .order_by(schema_migrations.c.track, schema_migrations.c.version)).all()
    assert [tuple(r) for r in rows] == [("alpha", 1, "table a"), ("alpha", 2, "table b"), ("beta", 1, "table c")]


def test_a_new_step_is_applied_later(ledger_url):
    engine = make_engine(ledger_url)
    steps = _steps()
    migrate(engine, "alpha", steps[:1])
    assert migrate(engine, "alpha", steps) == [2]
    assert {"mig_a", "mig_b"} <= set(inspect(engine).get_table_names())


def test_failed_step_is_rolled_back(ledger_url):
    engine = make_engine(ledger_url)

    def broken(conn):
        conn.execute(text("CREATE TABLE mig_half (id INTEGER)"))
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        migrate(engine, "gamma", [(1, "half", broken)])
    assert "mig_half" not in inspect(engine).get_table_names()  # transactional DDL
    ok = [(1, "whole", lambda c: c.execute(text("CREATE TABLE mig_half (id INTEGER)")))]
    assert migrate(engine, "gamma", ok) == [1]


def test_steps_must_be_ordered(ledger_url):
    with pytest.raises(ValueError):
        migrate(make_engine(ledger_url), "x", [(2, "b", lambda c: None), (1, "a", lambda c: None)])


RACE = """
import json, sys
from sqlalchemy import text
from copilot.base.db import make_engine, migrate
steps = [(1, "a", lambda c: c.execute(text("CREATE TABLE race_a (id INTEGER)"))),
         (2, "b", lambda c: c.execute(text("CREATE TABLE race_b (id INTEGER)")))]
print(json.dumps(migrate(make_engine(sys.argv[1]), "race", steps)))
"""


def test_concurrent_first_migration_from_processes(ledger_url):
    procs = [subprocess.Popen([sys.executable, "-c", RACE, ledger_url], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT) for _ in range(2)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outs]
    applied = sorted(v for out, _ in outs for v in json.loads(out.strip().splitlines()[-1]))
    assert applied == [1, 2]  # each step applied exactly once
    assert {"race_a", "race_b"} <= set(inspect(make_engine(ledger_url)).get_table_names())


def test_writers_serialize_instead_of_failing(ledger_url):
    """Read-modify-write in 8 threads: with the write lock taken at BEGIN nothing is lost or fails."""
    engine = make_engine(ledger_url)
    migrate(engine, "counter", [(1, "counter", lambda c: c.execute(
        text("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")))])
    with writing(engine) as conn:
        conn.execute(text("INSERT INTO counter (id, n) VALUES (1, 0)"))
    if engine.dialect.name == "postgresql":
        lock = "SELECT n FROM counter WHERE id = 1 FOR UPDATE"
    else:
        lock = "SELECT n FROM counter WHERE id = 1"
    errors: list[Exception] = []

    def work():
        try:
            for _ in range(25):
                with writing(engine) as conn:
                    n = conn.execute(text(lock)).scalar()
                    conn.execute(text("UPDATE counter SET n = :n WHERE id = 1"), {"n": n + 1})
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with reading(engine) as conn:
        assert conn.execute(text("SELECT n FROM counter")).scalar() == 200


def test_reading_does_not_block_a_writer(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    engine = make_engine(url)
    try:
        migrate(engine, "t", _steps())
        with reading(engine) as r:
            r.execute(text("SELECT count(*) FROM mig_a")).scalar()
            with writing(engine) as w:  # would wait 30 s if the reader held the write lock
                w.execute(text("INSERT INTO mig_a (v) VALUES ('x')"))
    finally:
        dispose_engine(url)


class _LockedCursor:
    """A cursor whose WAL pragma meets a locked file ``times`` times, as a second process on a fresh file can."""

    def __init__(self, times: int, message: str = "database is locked"):
        self.times, self.message, self.calls = times, message, 0

    def execute(self, sql):
        self.calls += 1
        if self.calls <= self.times:
            raise sqlite3.OperationalError(self.message)


def test_switching_a_fresh_file_to_wal_waits_for_a_locked_file():
    cur = _LockedCursor(times=3)
    db._to_wal(cur)
    assert cur.calls == 4


def test_switching_to_wal_does_not_retry_other_errors():
    cur = _LockedCursor(times=1, message="disk I/O error")
    with pytest.raises(sqlite3.OperationalError):
        db._to_wal(cur)
    assert cur.calls == 1
