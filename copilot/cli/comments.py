"""``copilot comments``: comment files — a captured evening from the tools sellers run, as our JSONL."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from copilot.cli.common import emit_json, read_input

comments = typer.Typer(help="评论文件：把抓取工具录下的一晚转成评论 JSONL，用来重放和测试。", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(comments, name="comments")


@comments.command("convert")
def convert_cmd(
    file: Annotated[Path | None, typer.Argument(help="抓取文件：每行一条工具原样输出的消息；省略时从标准输入读")] = None,
    source: Annotated[str, typer.Option("--from", help="oba / douyin-grab / wxlivespy / wechat-channels")] = "oba",
    events: Annotated[bool, typer.Option("--events", help="也输出进场、点赞、关注、礼物、下单等事件（带 type 字段）")] = False,
    host: Annotated[list[str] | None, typer.Option("--host", help="主播/店铺的昵称：这个昵称发的是主播回复，不算评论（可写多个）")] = None,
) -> None:
    """抓取文件 → 评论 JSONL（每条观众评论一次，保留观众 id），输出到标准输出。

    例：copilot comments convert --from oba oba.jsonl > 今晚评论.jsonl
    """
    from copilot.live.sources.convert import convert_capture

    text = read_input(file, "抓取文件", "cat capture.jsonl | copilot comments convert --from oba")
    result = convert_capture(source, text.splitlines(), events=events, hosts=host or (),
                             name=file.name if file else "标准输入")
    for row in result.rows:
        emit_json(row)
    other = "，".join(f"{k} {v}" for k, v in sorted(result.events.items())) or "无"
    typer.echo(f"评论 {result.comments} 条；其他事件：{other}；重复 {result.duplicates} 条；"
               f"错误回复 {result.errors} 条", err=True)
