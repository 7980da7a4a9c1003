"""The HTTP intake: token, body shapes, validation, limits, idempotency — against the app object."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from copilot.live.api import MAX_BATCH, create_api
from copilot.live.session import LiveSession
from copilot.orders.ledger import Ledger

TOKEN = "test-token-123"


@pytest.fixture
def session(settings, catalog):
    s = LiveSession(settings, catalog, Ledger.open(settings, catalog, "2026-11-22"))
    s.current_sku = "strawberry"
    return s


@pytest.fixture
def client(session, catalog):
    api = create_api(lambda: session, lambda: TOKEN, lambda: {"current_sku": session.current_sku}, catalog=catalog)
    return TestClient(api)


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_health_needs_no_token(client):
    r = client.get("/api/health")
    assert r.status_code == 200 and r.json() == {"status": "ok", "current_sku": "strawberry"}


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"X-API-Token": "nope"}])
def test_token_required(client, session, headers):
    r = client.post("/api/comments", json={"id": "c1", "user": "王阿姨", "text": "扣1"}, headers=headers)
    assert r.status_code == 401
    assert "令牌" in r.json()["error"]
    assert session.ledger.lines() == []


def test_one_comment(client, session):
    r = client.post("/api/comments", json={"id": "c1", "user": "王阿姨", "text": "扣2"}, headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["received"] == 1 and body["counts"] == {"order": 1}
    [o] = body["outcomes"]
    assert (o["id"], o["kind"], o["status"]) == ("c1", "order", "order") and "王阿姨" in o["message"]
    assert [(ln.sku, ln.qty) for ln in session.ledger.lines()] == [("strawberry", 2.0)]


def test_batch_shapes_and_x_api_token(client, session):
    batch = [{"id": "b1", "user": "甲", "text": "扣1"}, {"id": "b2", "user": "乙", "text": "草莓甜吗"},
             {"id": "b3", "user": "丙", "text": "晚上好"}]
    r = client.post("/api/comments", json={"comments": batch}, headers={"X-API-Token": TOKEN})
    assert [o["status"] for o in r.json()["outcomes"]] == ["order", "question", "other"]
    r = client.post("/api/comments", json=[{"id": "b4", "user": "丁", "text": "2号一袋"}], headers=AUTH)
    assert r.json()["outcomes"][0]["status"] == "order"
    assert {ln.sku for ln in session.ledger.lines()} == {"strawberry", "rice"}


def test_idempotent_by_comment_id(client, session):
    body = {"id": "dup", "user": "王阿姨", "text": "扣1"}
    client.post("/api/comments", json=body, headers=AUTH)
    r = client.post("/api/comments", json=body, headers=AUTH)
    assert r.json()["outcomes"][0]["status"] == "duplicate"
    assert len(session.ledger.lines()) == 1
    assert session.ledger.remaining("strawberry") == 49


@pytest.mark.parametrize("body,match", [
    ("not json", "不是有效的 JSON"),
    ('{"user": "x", "id": "1"}', "缺少内容"),
    ('{"comments": []}', "没有评论"),
    ('[{"id": "1", "text": "ok"}, 5]', "第 2 条评论 应为 JSON 对象"),
    ('{"id": "1", "text": "扣1", "ts": "soon"}', "ts 应为数字"),
    ('{"id": "1", "text": "扣1", "current_sku": "durian"}', "不在商品清单"),
])
def test_bad_bodies_are_422_in_chinese(client, session, body, match):
    r = client.post("/api/comments", content=body.encode(), headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 422
    assert match in r.json()["error"]
    assert session.ledger.lines() == [] and len(session.feed) == 0


def test_bad_item_in_batch_writes_nothing(client, session):
    batch = [{"id": "ok1", "user": "甲", "text": "扣1"}, {"id": "2", "text": ""}]
    r = client.post("/api/comments", json=batch, headers=AUTH)
    assert r.status_code == 422
    assert session.ledger.lines() == []


def test_too_many_and_too_long_are_413(client, session):
    many = [{"id": f"m{i}", "user": "甲", "text": "晚上好"} for i in range(MAX_BATCH + 1)]
    r = client.post("/api/comments", json=many, headers=AUTH)
    assert r.status_code == 413 and "太多" in r.json()["error"]
    r = client.post("/api/comments", json={"id": "long", "user": "甲", "text": "扣" * 5000}, headers=AUTH)
    assert r.status_code == 413 and "太长" in r.json()["error"]
    assert len(session.feed) == 0


@pytest.mark.parametrize("body, status", [
    ('{"id": "1", "text": "扣1", "current_sku": ["rice"]}', 422),
    ('{"id": "1", "text": "扣1", "current_sku": {"a": 1}}', 422),
    ("[" * 50000, 422),
    ('{"id": "1", "text": "\\ud800扣1"}', 422),
    ('{"id": "1", "text": {"a": 1}}', 422),
    ('{"id": "1", "text": "扣1", "ts": NaN}', 422),
    ('{"id": "1", "text": "扣1", "ts": Infinity}', 422),
    ('{"id": "1", "text": "扣1", "ts": true}', 422),
    ('{"id": "1", "user": "%s", "text": "扣1"}' % ("王" * 300), 422),
    ('{"id": "%s", "text": "扣1"}' % ("x" * 300), 422),
])
def test_hostile_bodies_get_a_clear_4xx_never_a_500(client, session, body, status):
    r = client.post("/api/comments", content=body.encode("utf-8", "surrogatepass"),
                    headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == status and r.json()["error"]
    assert session.ledger.lines() == []


def test_a_huge_body_is_refused_by_its_declared_size(client):
    r = client.post("/api/comments", content=b"[" + b" " * 3_000_000 + b"]", headers=AUTH)
    assert r.status_code == 413


# -- fuzzing: generated bodies never break the server and a rejected batch writes nothing ------------

from hypothesis import HealthCheck, given  # noqa: E402
from hypothesis import settings as hsettings
from hypothesis import strategies as st

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
                    st.text(max_size=30), st.sampled_from(["扣1", "+2", "大米不要了", "改成3斤", "rice", "", "\ud800"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                               max_size=3), max_leaves=8)
COMMENT = st.fixed_dictionaries({}, optional={"id": VALUES, "user": VALUES, "text": VALUES, "ts": VALUES,
                                              "current_sku": VALUES, "user_id": VALUES})
GOOD = st.fixed_dictionaries({"id": st.text("abc123", min_size=1, max_size=8), "user": st.sampled_from(["甲", "乙"]),
                              "text": st.sampled_from(["扣1", "+2", "芒果甜不甜", "主播晚上好"])})
BODIES = st.one_of(COMMENT, st.lists(st.one_of(GOOD, COMMENT), max_size=6),
                   st.fixed_dictionaries({"comments": st.lists(st.one_of(GOOD, COMMENT), max_size=6)}), VALUES)


@hsettings(max_examples=150, deadline=None, derandomize=True,
           suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(body=BODIES)
def test_generated_bodies_never_give_a_5xx(client, session, body):
    import json as _json

    before = len(session.ledger.lines())
    raw = _json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogatepass")
    r = client.post("/api/comments", content=raw, headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code < 500, r.text
    if r.status_code != 200:  # rejected as a whole: nothing of it was written
        assert r.json()["error"] and len(session.ledger.lines()) == before
    assert client.get("/api/health").status_code == 200
