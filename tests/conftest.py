"""Shared test doubles: a data dir in tmp_path, the demo catalog, a queue-driven fake chat model,
a deterministic fake embedder, and ledger fixtures for SQLite and (when available) PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from doubles import FakeChatModel, FakeEmbedder

from copilot.base.catalog import Catalog
from copilot.base.settings import BUNDLED_KNOWLEDGE, Settings

os.environ.setdefault("COPILOT_RAISE", "1")
SHARED = Path(__file__).resolve().parents[2] / "shared"
if not SHARED.exists():  # CI clones main with shared/ beside it
    SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("COPILOT_HOME", str(home))
    for var in ("COPILOT_LLM_BASE_URL", "COPILOT_LLM_MODEL", "COPILOT_DATABASE_URL", "COPILOT_CHROMA_URL"):
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture
def settings(data_dir) -> Settings:
    return Settings(home=data_dir, knowledge=BUNDLED_KNOWLEDGE, _env_file=None)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog.load(BUNDLED_KNOWLEDGE)


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.fail(f"shared test data not found at {SHARED}")
    return SHARED


@pytest.fixture
def fake_llm() -> FakeChatModel:
    return FakeChatModel()


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


# ledger fixtures ---------------------------------------------------------------------------------
# `ledger_url`: a fresh SQLite file, and (when COPILOT_TEST_PG_URL is set, as on CI) a fresh
# PostgreSQL schema per test. `ledger`: the demo catalog's ledger for stream "2026-11-22".

def _provision_postgres() -> str | None:
    """The README's test command also covers PostgreSQL: when no COPILOT_TEST_PG_URL is given and the
    set-up installed PostgreSQL here, start it with .ci/postgres.sh (COPILOT_TEST_PG=0 turns this off)."""
    import glob
    import subprocess

    if os.environ.get("COPILOT_TEST_PG") == "0" or not glob.glob("/usr/lib/postgresql/*/bin/postgres"):
        return None
    script = Path(__file__).resolve().parents[1] / ".ci" / "postgres.sh"
    try:
        out = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=120, check=True)
    except (subprocess.SubprocessError, OSError) as exc:
        print(f"PostgreSQL could not be started for the ledger tests ({exc}); set COPILOT_TEST_PG_URL")
        return None
    url = out.stdout.strip().splitlines()[-1]
    os.environ["COPILOT_TEST_PG_URL"] = url
    return url


PG_URL = os.environ.get("COPILOT_TEST_PG_URL") or _provision_postgres()
LEDGER_BACKENDS = ["sqlite"] + ([pytest.param("postgres", marks=pytest.mark.postgres)] if PG_URL else [])
TEST_STREAM = "2026-11-22"


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch):
    """scrypt at OWASP strength takes ~0.4 s a hash: tests use a cheap one (one test checks the real one)."""
    from copilot.live import auth

    monkeypatch.setattr(auth, "SCRYPT", {"n": 2**10, "r": 8, "p": 1})


@pytest.fixture(autouse=True)
def _check_ledger_invariants(monkeypatch):
    """Every ledger transaction of every test is checked against the invariants before it commits."""
    from copilot.orders.book import LedgerTx

    monkeypatch.setattr(LedgerTx, "check_invariants", True)


@pytest.fixture(params=LEDGER_BACKENDS)
def ledger_url(request, tmp_path):
    from copilot.base.db import dispose_engine

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'ledger.db'}"
        yield url
        dispose_engine(url)
        return
    import uuid

    from sqlalchemy import create_engine

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    url = f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    try:
        yield url
    finally:
        dispose_engine(url)
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()


@pytest.fixture
def ledger(ledger_url, catalog):
    from copilot.orders.ledger import Ledger

    return Ledger(ledger_url, catalog, TEST_STREAM)
