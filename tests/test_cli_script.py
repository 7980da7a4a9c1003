"""`copilot script draft|check|warmup` and `copilot eval script|compliance` through the Typer app."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from copilot.base.errors import InputError
from copilot.base.settings import BUNDLED_KNOWLEDGE
from copilot.cli import app

runner = CliRunner()


@pytest.fixture
def env(data_dir):
    return {"COPILOT_HOME": str(data_dir), "COPILOT_KNOWLEDGE": str(BUNDLED_KNOWLEDGE)}


def invoke(args, env, input=None):
    result = runner.invoke(app, args, env=env, input=input)
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def test_draft_json_contract(env):
    out = json.loads(invoke(["script", "draft", "--skus", "mango,strawberry", "--minutes", "45", "--json"], env))
    assert set(out) >= {"title", "segments", "compliance"}
    kinds = [s["kind"] for s in out["segments"]]
    assert kinds[0] == "opening" and kinds[-1] == "closing" and "interaction" in kinds
    assert sum(s["minutes"] for s in out["segments"]) == 45
    products = [s for s in out["segments"] if s["kind"] == "product"]
    assert {s["sku"] for s in products} == {"mango", "strawberry"}
    for s in products:
        assert all(isinstance(x, str) for x in s["lines"]) and s["sources"]
        assert f"catalog:{s['sku']}.price" in s["sources"]
    assert out["compliance"] == [] and out["mode"] == "template"


def test_draft_human_form_and_cards(env, tmp_path):
    out = invoke(["script", "draft", "--skus", "bass", "--minutes", "15", "--theme", "晚市特惠",
                  "--host", "小李", "--out", str(tmp_path)], env)
    assert "离线模板" in out and "【00:00-" in out and "小李" in out and "合规检查通过" in out
    assert (tmp_path / "cuecards.md").exists() and (tmp_path / "cuecards.html").exists()


def test_draft_knowledge_option(data_dir, tmp_path):
    result = runner.invoke(app, ["script", "draft", "--skus", "mango", "--knowledge", str(BUNDLED_KNOWLEDGE), "--json"],
                           env={"COPILOT_HOME": str(data_dir)})
    assert result.exit_code == 0 and json.loads(result.output)["segments"]


@pytest.mark.parametrize("args,needle", [
    (["--skus", "durian"], "strawberry"),
    (["--skus", "mango", "--minutes", "3"], "10"),
    (["--skus", "mango", "--theme", "乱写"], "源头探访"),
])
def test_draft_bad_input_raises_clear_error(env, args, needle):
    result = runner.invoke(app, ["script", "draft", *args], env=env)
    assert isinstance(result.exception, InputError) and needle in str(result.exception)


def test_draft_bad_input_without_traceback(env):
    code = "from copilot.cli import main; main()"
    run_env = {**os.environ, **env}
    run_env.pop("COPILOT_RAISE", None)
    proc = subprocess.run([sys.executable, "-c", code, "script", "draft", "--skus", "durian"],
                          capture_output=True, text=True, env=run_env, timeout=60)
    assert proc.returncode == 2
    assert "找不到商品" in proc.stderr and "Traceback" not in proc.stderr


def test_check_stdin_json(env):
    text = "这是最甜的芒果，想要的加我微信，今晚第一个上。"
    out = json.loads(invoke(["script", "check", "--json"], env, input=text))
    got = [(v["term"], v["category"]) for v in out["violations"]]
    assert got == [("最甜", "广告法极限词"), ("加我微信", "平台导流")]
    for v in out["violations"]:
        assert text[v["start"]:v["end"]] == v["term"] and "suggestion" in v


def test_check_file_with_rewrite(env, tmp_path):
    f = tmp_path / "words.txt"
    f.write_text("全网最低价，吃了能抗癌。", encoding="utf-8")
    out = json.loads(invoke(["script", "check", str(f), "--rewrite", "--json"], env))
    assert len(out["violations"]) == 2 and out["rewritten"] == "直播间价。"
    human = invoke(["script", "check", str(f)], env)
    assert "发现 2 处" in human and "虚假价格" in human


def test_check_missing_and_binary_file(env, tmp_path):
    result = runner.invoke(app, ["script", "check", str(tmp_path / "nope.txt")], env=env)
    assert isinstance(result.exception, InputError)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x81")
    result = runner.invoke(app, ["script", "check", str(bad)], env=env)
    assert isinstance(result.exception, InputError) and "UTF-8" in str(result.exception)


def test_check_clean_text(env):
    out = json.loads(invoke(["script", "check", "--json"], env, input="最后一个是鲈鱼。"))
    assert out == {"violations": []}


def test_warmup(env):
    out = json.loads(invoke(["script", "warmup", "--skus", "strawberry,milk", "--json"], env))
    assert "19.9元" in out["group_post"] and "13.9元" in out["one_to_one"] and out["poster_line"]


def test_eval_suites(env):
    out = json.loads(invoke(["eval", "compliance", "--json"], env))
    assert out["compliance"]["precision"] >= 0.95 and out["compliance"]["recall"] >= 0.95
    out = json.loads(invoke(["eval", "script", "--json"], env))
    m = out["script"]
    assert m["coverage"] == 1.0 and m["price_correct"] == 1.0 and m["violations"] == 0
    assert m["numbers_traceable"] == 1.0


def test_help_texts_are_chinese(env):
    out = invoke(["script", "--help"], env)
    assert "合规检查" in out and "draft" in out and "check" in out


def test_draft_uses_the_configured_llm_endpoint(env, catalog):
    from openai_stub import openai_stub
    from test_script import llm_reply

    with openai_stub() as server:
        server.enqueue(llm_reply(catalog, ["mango", "apple"]))
        llm_env = {**env, "COPILOT_LLM_BASE_URL": server.url, "COPILOT_LLM_MODEL": "stub-model"}
        out = json.loads(invoke(["script", "draft", "--skus", "mango,apple", "--minutes", "30", "--json"], llm_env))
        assert out["mode"] == "llm" and len(server.requests) == 1
        off = json.loads(invoke(["script", "draft", "--skus", "mango,apple", "--minutes", "30", "--offline",
                                 "--json"], llm_env))
        assert off["mode"] == "template" and len(server.requests) == 1


def test_an_empty_held_out_suite_says_so_and_how_to_fill_it(env, monkeypatch, tmp_path):
    import evals

    monkeypatch.setitem(evals.HELD_OUT, "intents-holdout", tmp_path / "intents")   # no set written yet
    assert evals.empty_held_out("intents-holdout") and not evals.empty_held_out("compliance")
    result = runner.invoke(app, ["eval", "intents-holdout", "--json"], env=env)
    assert isinstance(result.exception, InputError)
    assert "intents-holdout" in str(result.exception) and "盲写" in str(result.exception)
