"""知识库 workspace and the reusable question panel: file helpers, the test-question box, grouping."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from copilot.base.catalog import Catalog
from copilot.base.errors import CatalogError, InputError
from copilot.base.settings import BUNDLED_KNOWLEDGE, Settings
from copilot.knowledge.kb import KnowledgeBase

sys.path.insert(0, str(Path(__file__).parent))
from doubles import FakeEmbedder  # noqa: E402


@pytest.fixture
def root(tmp_path) -> Path:
    dst = tmp_path / "knowledge"
    shutil.copytree(BUNDLED_KNOWLEDGE, dst)
    return dst


@pytest.fixture
def kb(tmp_path, root) -> KnowledgeBase:
    s = Settings(home=tmp_path / "home", knowledge=root, chroma_url=None, _env_file=None)
    kb = KnowledgeBase.open(s, Catalog.load(root), embedder=FakeEmbedder())
    kb.ingest()
    return kb


def test_file_list_edit_and_guard(root):
    from copilot.knowledge.files import list_files, read_file, resolve, save_file

    files = list_files(root)
    assert files[0] == "products.yaml" and "faq.md" in files and "notes/mango.md" in files
    text = read_file(root, "notes/mango.md")
    save_file(root, "notes/mango.md", text + "芒果核比较薄。\n")
    assert "芒果核比较薄" in (root / "notes" / "mango.md").read_text(encoding="utf-8")
    for bad in ["../outside.md", "/etc/passwd", "notes/../../x.md", "run.sh", ""]:
        with pytest.raises(InputError):
            resolve(root, bad)


def test_saving_a_broken_catalog_is_refused_and_the_file_kept(root):
    from copilot.knowledge.files import save_file

    before = (root / "products.yaml").read_text(encoding="utf-8")
    with pytest.raises(CatalogError):
        save_file(root, "products.yaml", "store: [\n  - oops")
    with pytest.raises(CatalogError):
        save_file(root, "products.yaml", before.replace("link: 4", "link: 1"))
    assert (root / "products.yaml").read_text(encoding="utf-8") == before


def test_upload_goes_to_notes_when_named_after_a_product(root, tmp_path):
    from copilot.knowledge.files import save_upload

    skus = {p.sku for p in Catalog.load(root).products}
    policy = tmp_path / "雨天 政策.md"
    policy.write_text("# 雨天\n## 送货\n下雨天送货晚半小时。\n", encoding="utf-8")
    assert save_upload(root, policy, skus) == "雨天_政策.md"
    mango = tmp_path / "mango.md"
    mango.write_text("# 芒果\n## 产地\n海南。\n", encoding="utf-8")
    assert save_upload(root, mango, skus) == "notes/mango.md"
    bad = tmp_path / "x.md"
    bad.write_bytes("中文".encode("gbk"))
    with pytest.raises(InputError):
        save_upload(root, bad, skus)
    with pytest.raises(InputError):
        save_upload(root, _txt(tmp_path), skus)


def _txt(tmp_path) -> Path:
    p = tmp_path / "a.txt"
    p.write_text("hi", encoding="utf-8")
    return p


def test_ask_box_shows_reply_mode_and_sources(kb):
    from copilot.ui.knowledge import ask, status_text

    reply, mode, rows = ask(kb, "芒果是哪里产的", "", "王阿姨")
    assert reply.startswith("@王阿姨 ") and "海南乐东" in reply and "离线" in mode
    assert rows and rows[0][0] in ("notes/mango.md", "products.yaml") and rows[0][1] == "mango"
    # why it was chosen: the aspect and kind of value asked, the passage's file and the value it holds
    assert "为什么这样回答" in mode and "产地与来源" in mode and "地方" in mode
    assert "notes/mango.md" in mode or "products.yaml" in mode
    reply, mode, rows = ask(kb, "牛奶保质期多久", "", "")
    assert "7 天" in reply and "储存 · 时长" in mode and "答案里的时长：7 天" in mode
    reply, mode, rows = ask(kb, "草莓有机认证吗", "", "")
    assert "确认一下" in reply and "转给助理" in mode and "资料里没有" in mode
    reply, mode, _ = ask(kb, "这个还有货吗", "strawberry", "")
    assert "还剩 50 斤" in reply and "实时库存" in mode
    assert "14 个商品" in status_text(kb)


def test_workspace_builds(tmp_path, root):
    import gradio as gr

    from copilot.ui import knowledge
    from copilot.ui.context import AppContext

    ctx = AppContext(Settings(home=tmp_path / "home", knowledge=root, chroma_url=None, _env_file=None))
    ctx.__dict__["kb"] = KnowledgeBase.open(ctx.settings, ctx.catalog, embedder=FakeEmbedder())
    with gr.Blocks() as demo:
        knowledge.build(ctx)
    ids = {b.elem_id for b in demo.blocks.values() if getattr(b, "elem_id", None)}
    assert {"kb-files", "kb-editor", "kb-save", "kb-upload", "kb-ingest", "kb-question", "kb-reply",
            "kb-sources"} <= ids
    files = next(b for b in demo.blocks.values() if getattr(b, "elem_id", None) == "kb-files")
    assert any("faq" in str(c) for c in files.choices)  # the knowledge files are listed for editing


# -- the product form ---------------------------------------------------------------------------------

def test_product_form_writes_back_keeping_comments_and_order(root):
    from copilot.knowledge.files import update_product

    before = (root / "products.yaml").read_text(encoding="utf-8")
    changes = update_product(root, "strawberry", {"price": "18.8", "original_price": "", "offer": " 直播间价 ",
                                                  "stock": "60", "limit_per_buyer": "", "link": "1"})
    assert changes == {"price": (19.9, 18.8), "original_price": (26.8, None), "offer": ("直播间价，每人限购 5 斤", "直播间价"),
                       "stock": (50.0, 60), "limit_per_buyer": (5.0, None)}
    after = (root / "products.yaml").read_text(encoding="utf-8")
    assert after.splitlines()[:14] == before.splitlines()[:14]  # the header comments and the store untouched
    assert [ln for ln in after.splitlines() if ln.lstrip().startswith("#")] == \
        [ln for ln in before.splitlines() if ln.lstrip().startswith("#")]
    p = Catalog.load(root).get("strawberry")
    assert (p.price, p.original_price, p.offer, p.stock, p.limit_per_buyer) == (18.8, None, "直播间价", 60, None)
    diff = [(a, b) for a, b in zip(before.splitlines(), after.splitlines()) if a != b]
    assert len(after.splitlines()) == len(before.splitlines()) - 2 and diff  # only the edited lines moved
    update_product(root, "rice", {"limit_per_buyer": "2"})
    rice = (root / "products.yaml").read_text(encoding="utf-8").split("- sku: rice")[1].split("- sku:")[0]
    keys = [ln.strip().split(":")[0] for ln in rice.splitlines()[1:] if ln.strip()]
    assert keys.index("limit_per_buyer") == keys.index("stock") + 1  # a new key goes where it belongs
    assert update_product(root, "rice", {"limit_per_buyer": "2"}) == {}


@pytest.mark.parametrize("values, message", [
    ({"price": "abc"}, "价格「abc」不是数字"),
    ({"price": ""}, "价格不能为空"),
    ({"price": "-1"}, "price 不能小于 0"),
    ({"price": "30", "original_price": "20"}, "比现价 30 还低"),
    ({"link": "2"}, "没有保存.*link 2 与商品 rice 重复"),
    ({"link": "1.5"}, "链接号必须是整数"),
    ({"stock": "nan"}, "不是普通数字"),
    ({"offer": "很" * 101}, "优惠说明太长"),
])
def test_product_form_refuses_bad_values_and_keeps_the_file(root, values, message):
    from copilot.base.errors import CopilotError
    from copilot.knowledge.files import update_product

    before = (root / "products.yaml").read_text(encoding="utf-8")
    with pytest.raises(CopilotError, match=message):
        update_product(root, "rice" if "link" not in values else "mango", values)
    assert (root / "products.yaml").read_text(encoding="utf-8") == before


def test_product_edit_goes_into_the_ledger_audit_trail(tmp_path, root):
    from copilot.orders.audit import CATALOG_EDIT, catalog_edits
    from copilot.ui.context import AppContext
    from copilot.ui.knowledge import product_values, save_product

    ctx = AppContext(Settings(home=tmp_path / "home", knowledge=root, chroma_url=None, _env_file=None), stream="s1")
    assert product_values(ctx.catalog.get("mango")) == ["12.8", "16.8", "直播间价，满 5 斤减 5 元", "60", "", "4"]
    ctx.ledger.mark_paid([])  # the ledger is open: its catalog must follow the edit
    msg = save_product(ctx, "mango", {"price": "9.9", "stock": "80", "offer": "全网最低价"}, actor="店主")
    assert "价格 12.8 → 9.9" in msg and "库存已同步" in msg and "虚假价格" in msg
    edits = catalog_edits(ctx.ledger.engine, sku="mango")
    assert len(edits) == 1 and edits[0]["actor"] == "店主" and edits[0]["changes"]["price"] == [12.8, 9.9]
    assert ctx.ledger.stock_rows()["mango"][0] == 80
    from copilot.base.comments import Comment
    from copilot.orders.intent import Intent, Item, Kind

    res = ctx.ledger.apply(Comment("c1", "王阿姨", "扣1", current_sku="mango"), Intent(Kind.ORDER, (Item("mango", 1),)))
    assert res.created[0].unit_price == 9.9  # new orders take the new price
    # the audit entry is a record, not an action to undo: undo reverses the stock change before it
    assert "库存" in ctx.ledger.undo(actor="店主")
    from sqlalchemy import select

    from copilot.orders.schema import actions
    with ctx.ledger.engine.connect() as conn:
        kinds = [r.kind for r in conn.execute(select(actions.c.kind, actions.c.undone).where(~actions.c.undone))]
    assert CATALOG_EDIT in kinds
    assert save_product(ctx, "mango", {"price": "9.9"}) == "没有改动"
