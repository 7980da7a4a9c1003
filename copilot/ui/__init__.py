"""The Gradio app: one module per workspace, each with ``build(ctx)`` that lays out its tab.

Workspaces call the services through ``ctx`` (an AppContext) and nothing else; errors reach the
person as gr.Error / gr.Warning messages, never as tracebacks. ``build`` may return a list of
``(fn, outputs)`` to run on every page load (e.g. to show who is signed in via gr.Request).
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from .context import AppContext

log = logging.getLogger("copilot.ui")

# (tab label, module name under copilot/ui/)
WORKSPACES = [
    ("今晚直播", "plan"),
    ("直播间", "live"),
    ("团购台账", "ledger"),
    ("切片审核", "clips"),
    ("知识库", "knowledge"),
    ("设置", "settings"),
]


def create_app(ctx: AppContext):
    import gradio as gr

    here = Path(__file__).parent
    on_load = []
    with gr.Blocks(title=f"店播副驾 · {ctx.catalog.store.name}") as demo:
        gr.Markdown(f"## 店播副驾 · {ctx.catalog.store.name}　<small>{ctx.llm_label}</small>")
        with gr.Tabs():
            for label, name in WORKSPACES:
                if not (here / f"{name}.py").exists():
                    log.warning("workspace %s (%s) not available", name, label)
                    continue
                module = importlib.import_module(f"copilot.ui.{name}")
                with gr.Tab(label, id=name, elem_id=f"tab-{name}"):
                    on_load += module.build(ctx) or []
        for fn, outputs in on_load:
            demo.load(fn, None, outputs, show_progress="hidden")
    return demo
