"""ui: the Gradio app, one module per workspace: layout and event wiring only.

Workspaces call the services through ``ctx`` (an AppContext) and nothing else; errors reach the
person as gr.Error / gr.Warning messages, never as tracebacks. ``build`` may return a list of
``(fn, outputs)`` to run on every page load (e.g. to show who is signed in via gr.Request), and of
``WhileShown`` refreshes: run when the tab is selected, then on a timer that ticks only while the
tab is shown. A workspace may also ``Publish`` a component for the others (the 复盘's "add to notes" sets
the 知识库 file) and ask for ``AfterBuild`` wiring, run once every workspace exists, with the tabs and
the published components.

Public: ``create_app``, ``context.AppContext``, ``WhileShown``, ``skip_unchanged``, ``Publish``, ``AfterBuild``.

May import: everything below it (live, report, the capabilities, base) and gradio. Not ``copilot.cli``.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from copilot.ui.context import AppContext

log = logging.getLogger(__name__)

# (tab label, module name under copilot/ui/)
WORKSPACES = [
    ("今晚直播", "plan"),
    ("直播间", "live"),
    ("团购台账", "ledger"),
    ("取货台", "pickup"),
    ("复盘", "report"),
    ("切片审核", "clips"),
    ("知识库", "knowledge"),
    ("设置", "settings"),
]


@dataclass
class WhileShown:
    """A workspace's refresh: ``fn(*inputs) -> outputs`` every ``seconds`` while its tab is shown."""
    fn: Callable
    inputs: list
    outputs: list
    seconds: float = 3.0


def skip_unchanged(views: Callable, pick: Sequence[int] | None = None) -> Callable:
    """A ``WhileShown`` refresh from ``views(*inputs) -> (*values, digest)``.

    Called with the inputs and the digest the page holds (a ``gr.State``, also the last output), it sends
    the values (those at ``pick``, or all) and the new digest, or skips every output when the digest is
    unchanged: a timer then leaves the tables, and the row the person has selected, alone.
    """
    def follow(*args):
        import gradio as gr

        *inputs, last = args
        out = views(*inputs)
        values = list(out[:-1]) if pick is None else [out[i] for i in pick]
        if out[-1] == last:
            return tuple(gr.skip() for _ in range(len(values) + 1))
        return (*values, out[-1])
    return follow


@dataclass
class Publish:
    """A component other workspaces may wire to, by name (e.g. ``knowledge.file``)."""
    name: str
    component: object


@dataclass
class AfterBuild:
    """Wiring across workspaces: ``fn(tabs, parts)`` runs once they are all built (parts: name -> component)."""
    fn: Callable


def create_app(ctx: AppContext):
    import gradio as gr

    here = Path(__file__).parent
    on_load = []
    shown = []  # (tab label, tab, WhileShown)
    parts, after = {}, []
    with gr.Blocks(title=f"店播副驾 · {ctx.catalog.store.name}") as demo:
        gr.Markdown(f"## 店播副驾 · {ctx.catalog.store.name}　<small>{ctx.llm_label}</small>")
        with gr.Tabs() as tabs:
            for label, name in WORKSPACES:
                if not (here / f"{name}.py").exists():
                    log.warning("workspace %s (%s) not available", name, label)
                    continue
                module = importlib.import_module(f"copilot.ui.{name}")
                with gr.Tab(label, id=name, elem_id=f"tab-{name}") as tab:
                    for item in module.build(ctx) or []:
                        if isinstance(item, WhileShown):
                            shown.append((label, tab, item))
                        elif isinstance(item, Publish):
                            parts[item.name] = item.component
                        elif isinstance(item, AfterBuild):
                            after.append(item)
                        else:
                            on_load.append(item)
        for item in after:
            item.fn(tabs, parts)
        for fn, outputs in on_load:
            demo.load(fn, None, outputs, show_progress="hidden")
        for label, tab, item in shown:  # outside the tabs: their timers belong to the page
            _while_shown(gr, tabs, label, tab, item)
    return demo


def _while_shown(gr, tabs, label: str, tab, refresh: WhileShown) -> None:
    """Refresh when the tab is selected, then on a timer that runs only while the tab is shown."""
    timer = gr.Timer(refresh.seconds, active=False)
    for trigger in (tab.select, timer.tick):
        trigger(refresh.fn, refresh.inputs, refresh.outputs, show_progress="hidden")

    def switch(evt):
        return gr.Timer(active=evt.value == label)

    switch.__annotations__["evt"] = gr.SelectData  # gradio is imported in create_app, not at module level
    tabs.select(switch, None, timer, show_progress="hidden", queue=False)
