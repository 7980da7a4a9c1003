"""cli: the ``copilot`` command. One module per command group: parse arguments, call a service, print.

Errors are converted once, here: a CopilotError prints its message and hint and exits with 2;
under tests (``COPILOT_RAISE=1``) errors re-raise.

Public: ``app`` (the Typer app), ``main``.

May import: everything below it (live, report, the capabilities, base) and typer. Not ``copilot.ui``.
"""

from __future__ import annotations

import os
import sys

import typer

from copilot.base.errors import CopilotError
from copilot.cli import (
    accounts,
    buyers,
    comments,
    evals,
    kb,
    live,
    media,
    orders,
    payments,
    pickup,
    purchase,
    report,
    script,
)

app = typer.Typer(
    name="copilot",
    help="店播副驾 Live Copilot：今晚直播的脚本、直播间的订单与问答、直播后的切片。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (orders, comments, live, pickup, purchase, payments, kb, script, media, evals, accounts, report, buyers):
    module.register(app)


def main() -> None:
    from copilot.base.files import private_umask
    from copilot.base.settings import setup_logging

    private_umask()  # exports, the ledger and the token are the owner's alone: 0600 / 0700
    setup_logging()
    try:
        app(standalone_mode=True)
    except CopilotError as exc:
        if os.environ.get("COPILOT_RAISE"):
            raise
        typer.secho(f"错误：{exc.message}", fg=typer.colors.RED, err=True)
        if exc.hint:
            typer.secho(f"怎么办：{exc.hint}", err=True)
        sys.exit(2)
