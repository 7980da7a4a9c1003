"""The ledger's audit trail beyond order lines: a product edited in 知识库 (price, original price, offer,
stock, limit, link) is journalled in the ``actions`` table beside the ledger's own actions, with who
did it and the old and new values. Such an entry is a record, not an action to undo: ``undo`` skips it
(the owner changes the product back in the form, which is journalled too).

    journal_catalog_edit(ledger, "mango", {"price": (12.8, 9.9)}, actor="店主")
    catalog_edits(ledger.engine, sku="mango")
"""

from __future__ import annotations

from sqlalchemy import select

from copilot.base.db import reading, utcnow, writing
from copilot.orders.schema import actions

CATALOG_EDIT = "catalog_edit"
NOT_UNDOABLE = (CATALOG_EDIT,)
FIELD_ZH = {"price": "价格", "original_price": "原价", "offer": "优惠", "stock": "库存",
            "limit_per_buyer": "每人限购", "link": "链接号"}


def describe_changes(changes: dict[str, tuple]) -> str:
    def show(v):
        return "（空）" if v is None or v == "" else str(v)

    return "，".join(f"{FIELD_ZH.get(k, k)} {show(old)} → {show(new)}" for k, (old, new) in changes.items())


def journal_catalog_edit(ledger, sku: str, changes: dict[str, tuple], actor: str | None = None,
                         stream: str | None = None) -> int | None:
    """Write one audit entry for a product edit (``changes``: field -> (old, new)); returns its id,
    or None when nothing changed. ``ledger`` is anything with ``engine`` and ``stream``."""
    if not changes:
        return None
    p = ledger.catalog.get(sku) if getattr(ledger, "catalog", None) is not None else None
    name = p.name if p else sku
    payload = {"description": f"修改商品 {name}：{describe_changes(changes)}", "lines": [], "created": [],
               "catalog": {"sku": sku, "changes": {k: [old, new] for k, (old, new) in changes.items()}}}
    with writing(ledger.engine) as conn:
        row = conn.execute(actions.insert().values(
            stream=stream or ledger.stream, kind=CATALOG_EDIT, actor=actor, created_at=utcnow(), undone=False,
            payload=payload))
        return int(row.inserted_primary_key[0])


def catalog_edits(engine, sku: str | None = None, limit: int = 50) -> list[dict]:
    """The latest product edits, newest first: {id, stream, actor, at, sku, changes, description}."""
    q = select(actions).where(actions.c.kind == CATALOG_EDIT).order_by(actions.c.id.desc()).limit(limit * 4)
    out = []
    with reading(engine) as conn:
        for r in conn.execute(q):
            cat = (r.payload or {}).get("catalog") or {}
            if sku and cat.get("sku") != sku:
                continue
            out.append({"id": r.id, "stream": r.stream, "actor": r.actor, "at": r.created_at, "sku": cat.get("sku"),
                        "changes": cat.get("changes", {}), "description": r.payload.get("description", "")})
            if len(out) >= limit:
                break
    return out
