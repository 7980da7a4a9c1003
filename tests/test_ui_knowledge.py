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
