"""`copilot orders ...` end to end through Typer's CliRunner, on SQLite and (in CI) PostgreSQL."""

from __future__ import annotations

import json

import openpyxl
import pytest
from typer.testing import CliRunner

from copilot.cli import app

runner = CliRunner()

COMMENTS = [
    {"id": "c1", "user": "王阿姨", "text": "扣1", "current_sku": "strawberry"},
    {"id": "c2", "user": "李姐", "text": "草莓2斤，芒果3斤"},
    {"id": "c3", "user": "张哥", "text": "芒果2斤多少钱"},
    {"id": "c4", "user": "赵叔", "text": "扣1"},
    {"id": "c5", "user": "王阿姨", "text": "改成3斤", "current_sku": "strawberry"},
    {"id": "c6", "user": "小刘", "text": "主播好漂亮"},
]


def _jsonl(rows) -> str:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"


@pytest.fixture
def env(ledger_url, data_dir):
    return {"COPILOT_DATABASE_URL": ledger_url, "COPILOT_HOME": str(data_dir), "COPILOT_STREAM": "2026-11-22"}


def _run(args, env, stdin=None):
    result = runner.invoke(app, args, input=stdin, env=env)
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def test_parse_prints_one_json_line_per_comment_and_writes_nothing(env, ledger_url):
    out = _run(["orders", "parse", "--json"], env, _jsonl(COMMENTS))
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["c1", "c2", "c3", "c4", "c5", "c6"]
    assert [r["kind"] for r in rows] == ["order", "order", "question", "order", "modify", "other"]
    assert rows[1]["items"] == [{"sku": "strawberry", "qty": 2, "unit": "斤"}, {"sku": "mango", "qty": 3, "unit": "斤"}]
    assert rows[3]["needs_review"] is True and rows[3]["reason"]
    listed = _run(["orders", "list", "--json"], env)
    assert listed.strip() == ""


def test_ingest_is_idempotent_and_counts(env):
    first = json.loads(_run(["orders", "ingest", "--json"], env, _jsonl(COMMENTS)))
    assert first == {"comments": 6, "orders": 3, "review": 1, "duplicates": 0, "stream": "2026-11-22"}
    again = json.loads(_run(["orders", "ingest", "--json"], env, _jsonl(COMMENTS)))
    assert again["orders"] == 0 and again["duplicates"] == 6
    lines = [json.loads(x) for x in _run(["orders", "list", "--json"], env).splitlines()]
    wang = [x for x in lines if x["buyer"] == "王阿姨" and x["status"] == "reserved"]
    assert [(x["sku"], x["qty"]) for x in wang] == [("strawberry", 3)]


def test_review_resolve_then_undo(env):
    _run(["orders", "ingest", "--json"], env, _jsonl(COMMENTS))
    queue = [json.loads(x) for x in _run(["orders", "review", "--json"], env).splitlines()]
    assert len(queue) == 1 and queue[0]["comment_text"] == "扣1"
    _run(["orders", "review", "--resolve", str(queue[0]["id"]), "--sku", "mango", "--qty", "2"], env)
    assert _run(["orders", "review", "--json"], env).strip() == ""
    _run(["orders", "undo"], env)
    assert len(_run(["orders", "review", "--json"], env).splitlines()) == 1


def test_export_xlsx_and_csv(env, tmp_path):
    _run(["orders", "ingest"], env, _jsonl(COMMENTS))
    files = json.loads(_run(["orders", "export", "--format", "xlsx", "--out", str(tmp_path), "--json"], env))["files"]
    wb = openpyxl.load_workbook(files[0])
    assert {"全部订单", "分拣单", "取货单"} <= set(wb.sheetnames)
    csvs = json.loads(_run(["orders", "export", "--format", "csv", "--out", str(tmp_path), "--json"], env))["files"]
    assert len(csvs) == 3 and all(p.endswith(".csv") for p in csvs)


def test_bad_input_is_a_clear_message_not_a_traceback(env, monkeypatch):
    monkeypatch.delenv("COPILOT_RAISE", raising=False)
    result = runner.invoke(app, ["orders", "ingest", "--json"], input='{"id": "c1", "text": "扣1"}\n{oops\n', env=env)
    # the CliRunner runs the Typer app, not main(): the CopilotError surfaces as the exception
    assert result.exit_code != 0
    assert "第 2 行" in str(result.exception)
    listed = _run(["orders", "list", "--json"], env)
    assert listed.strip() == "", "nothing is written when any line is bad"


def test_main_converts_errors_to_messages(tmp_path, monkeypatch, capsys):
    import sys

    from copilot.cli import main

    monkeypatch.delenv("COPILOT_RAISE", raising=False)
    monkeypatch.setattr(sys, "argv", ["copilot", "orders", "parse", "--knowledge", str(tmp_path / "nope")])
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO(""))
    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "找不到商品清单" in err and "Traceback" not in err


def test_paid_picked_up_and_undo(env):
    _run(["orders", "ingest"], env, _jsonl(COMMENTS))
    lines = [json.loads(x) for x in _run(["orders", "list", "--status", "reserved", "--json"], env).splitlines()]
    first = str(lines[0]["id"])
    assert json.loads(_run(["orders", "paid", first, "--json"], env)) == {"paid": 1}
    assert json.loads(_run(["orders", "picked-up", first, "--json"], env)) == {"picked_up": 1}
    statuses = {x["id"]: x["status"] for x in map(json.loads, _run(["orders", "list", "--json"], env).splitlines())}
    assert statuses[int(first)] == "picked_up"
    assert "undone" in json.loads(_run(["orders", "undo", "--json"], env))
    statuses = {x["id"]: x["status"] for x in map(json.loads, _run(["orders", "list", "--json"], env).splitlines())}
    assert statuses[int(first)] == "paid"
