"""One small chat-model interface; the OpenAI-compatible implementation goes through langchain-openai.

``get_chat_model(settings)`` returns ``None`` when no endpoint is configured: every caller then takes
its deterministic offline path and says so.
"""

from __future__ import annotations

import json
import logging
import re
import time
from typing import Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from copilot.base.errors import LLMError
from copilot.base.prompts import Prompt
from copilot.base.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)
OFFLINE_LABEL = "离线模式（未配置大模型，使用规则/模板）"


class ChatModel(Protocol):
    name: str

    def chat(self, messages: list[dict[str, str]]) -> str:
        """Send the messages, return the assistant's text; raise LLMError on any failure."""


def complete(model: ChatModel, prompt: Prompt, schema: type[T] | None = None, *, retries: int = 2,
             **variables) -> str | T:
    """Render ``prompt``, call ``model``; with ``schema`` parse and validate the JSON answer.

    A validation error is sent back to the model, at most ``retries`` times, then raised as LLMError.
    """
    messages = prompt.render(**variables)
    if schema is not None:
        messages[0]["content"] += (
            "\n\n只输出一个 JSON 对象，不要任何其他文字。JSON Schema：\n"
            + json.dumps(schema.model_json_schema(), ensure_ascii=False))
    for attempt in range(retries + 1):
        start = time.perf_counter()
        text = model.chat(messages)
        log.info("llm call prompt=%s version=%s model=%s attempt=%d latency_ms=%.0f",
                 prompt.name, prompt.version, model.name, attempt, (time.perf_counter() - start) * 1000)
        if schema is None:
            return text.strip()
        try:
            return schema.model_validate_json(extract_json(text))
        except (ValidationError, ValueError) as exc:
            log.warning("llm output invalid prompt=%s attempt=%d: %s", prompt.name, attempt, exc)
            messages = [*messages, {"role": "assistant", "content": text},
                        {"role": "user", "content": f"你的输出不符合要求：{exc}\n请改正后只输出 JSON。"}]
    raise LLMError(f"大模型多次输出无效结果（提示词 {prompt.name}）", hint="已改用离线模式结果")


def extract_json(text: str) -> str:
    """The JSON object inside a reply that may wrap it in a ``` fence or prose."""
    fenced = re.search(r"```(?:json)?\s*(\{.*\})\s*```", text, re.S)
    if fenced:
        return fenced.group(1)
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        raise ValueError("回复中没有 JSON 对象")
    return text[start:end + 1]


class OpenAIChatModel:
    """Any OpenAI-compatible chat endpoint (OpenAI, DeepSeek, Qwen, Ollama, vLLM) via langchain-openai."""

    def __init__(self, settings: Settings) -> None:
        from langchain_openai import ChatOpenAI  # heavy import, only when an endpoint is configured

        self.name = settings.llm_model or "?"
        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
        self._client = ChatOpenAI(model=self.name, base_url=settings.llm_base_url, api_key=key,
                                  timeout=settings.llm_timeout, max_retries=0, temperature=0.3)

    def chat(self, messages: list[dict[str, str]]) -> str:
        try:
            reply = self._client.invoke(messages)
        except Exception as exc:  # the client raises many types: timeout, HTTP, connection
            log.warning("llm endpoint failed model=%s: %s", self.name, exc)
            raise LLMError(f"大模型接口调用失败：{type(exc).__name__}",
                           hint="检查 COPILOT_LLM_BASE_URL / COPILOT_LLM_MODEL / COPILOT_LLM_API_KEY") from exc
        content = reply.content
        if isinstance(content, list):
            content = "".join(part.get("text", "") if isinstance(part, dict) else str(part) for part in content)
        return str(content)


def get_chat_model(settings: Settings) -> ChatModel | None:
    return OpenAIChatModel(settings) if settings.llm_enabled else None


def describe(settings: Settings) -> str:
    """What the UI shows next to LLM-assisted output."""
    return f"大模型：{settings.llm_model}" if settings.llm_enabled else OFFLINE_LABEL
