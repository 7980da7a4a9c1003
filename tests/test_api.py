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
