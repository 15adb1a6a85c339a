"""The one seam for chat models: anything that turns messages into a stream of text.

The coaching pipeline only ever talks to ``ChatModel``. Two implementations exist:
``coach.openai_model.OpenAICompatibleModel`` (any OpenAI-compatible server) and
``coach.offline.OfflineResponder`` (deterministic, no network). ``choose_model``
decides once, from settings, which one a process uses.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal, Protocol, TypedDict, runtime_checkable

from coach.settings import Settings

Role = Literal["system", "user", "assistant"]


class Message(TypedDict):
    role: Role
    content: str


@runtime_checkable
class ChatModel(Protocol):
    """Streams the assistant's reply to ``messages`` as text pieces."""

    @property
    def name(self) -> str: ...

    @property
    def is_offline(self) -> bool: ...

    def stream(self, messages: list[Message]) -> Iterator[str]: ...


def choose_model(settings: Settings, *, offline: bool = False) -> ChatModel:
    """The configured OpenAI-compatible model, or the offline responder when none is set."""
    from coach.offline import OfflineResponder

    if offline or not settings.uses_remote_model:
        return OfflineResponder()
    from coach.openai_model import OpenAICompatibleModel

    return OpenAICompatibleModel.from_settings(settings)


def describe_model(settings: Settings, offline: bool = False, *, with_url: bool = True) -> str:
    """One line for the mode indicator: which chat model answers, said plainly.

    The address never shows credentials; ``with_url=False`` (the web UI) hides it entirely.
    """
    from coach.redact import redact_url

    if settings.uses_remote_model and not offline:
        if not with_url:
            return f"{settings.llm_model} (a language model)"
        where = redact_url(settings.llm_base_url) if settings.llm_base_url else "the OpenAI API"
        return f"{settings.llm_model} at {where}"
    why = "--offline" if offline else "no chat model configured"
    return f"offline grounded responder ({why})"
