"""``copilot accounts``: who may sign in when the app listens on the network, and the API token."""

from __future__ import annotations

from typing import Annotated

import typer

from copilot.cli.common import JsonOpt, emit_json

accounts = typer.Typer(help="账号与角色（店主 owner / 助理 assistant）；应用在局域网监听时必须有账号。",
                       no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(accounts, name="accounts")


def _accounts():
    from copilot.base.settings import load_settings
    from copilot.live.auth import Accounts

    return Accounts.load(load_settings())


@accounts.command("add")
def add_cmd(
    name: Annotated[str, typer.Argument(help="账号名，例如 店主、小王")],
    role: Annotated[str, typer.Option("--role", help="owner（店主，可改价格/库存/商品）或 assistant（助理）")] = "assistant",
    password: Annotated[str | None, typer.Option("--password", help="密码；省略时提示输入（不回显）")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="账号已存在时重设密码和角色")] = False,
    json_out: JsonOpt = False,
) -> None:
    """添加账号（密码以 scrypt 哈希保存在数据目录的 accounts.json）。

    例：copilot accounts add 店主 --role owner
    """
    if password is None:
        password = typer.prompt("密码", hide_input=True, confirmation_prompt=True)
    acc = _accounts().add(name, password, role, replace=replace)
    if json_out:
        emit_json({"name": acc.name, "role": acc.role})
    else:
        typer.echo(f"已保存账号 {acc.name}（{acc.role_zh}）")


@accounts.command("list")
def list_cmd(json_out: JsonOpt = False) -> None:
    """列出账号和角色。"""
    accs = list(_accounts().accounts.values())
    if json_out:
        emit_json({"accounts": [{"name": a.name, "role": a.role} for a in accs]})
        return
    if not accs:
        typer.echo("还没有账号（只在本机 127.0.0.1 使用时不需要账号）")
    for a in accs:
        typer.echo(f"{a.name}\t{a.role_zh}")


@accounts.command("remove")
def remove_cmd(name: Annotated[str, typer.Argument(help="要删除的账号名")], json_out: JsonOpt = False) -> None:
    """删除账号。"""
    _accounts().remove(name)
    if json_out:
        emit_json({"removed": name})
    else:
        typer.echo(f"已删除账号 {name}")


@accounts.command("token")
def token_cmd(json_out: JsonOpt = False) -> None:
    """显示 HTTP 评论接口的令牌（COPILOT_API_TOKEN，未设置时首次使用自动生成并保存在数据目录）。"""
    from copilot.base.settings import load_settings
    from copilot.live.auth import api_token

    token = api_token(load_settings())
    emit_json({"token": token}) if json_out else typer.echo(token)
