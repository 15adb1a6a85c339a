"""The one seam for chat models: anything that turns a chat request into a stream of text.

A ``ChatRequest`` is the list of chat messages a remote model is sent, carrying the typed
``TurnContext`` it was rendered from, so a responder that needs no text (the offline one)
reads the context and a wrapper that only knows messages (a recorder) still works.
Implementations live in their own modules and import only this one; the choice between
them is made once, in ``coach.runtime``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal, Protocol, TypedDict, runtime_checkable

from coach.settings import Settings

if TYPE_CHECKING:
    from coach.coaching.context import TurnContext

Role = Literal["system", "user", "assistant"]


class Message(TypedDict):
    role: Role
    content: str


class ChatRequest(list[Message]):
    """Chat messages plus the turn context they were rendered from (``None`` for raw chats).

    A list subclass on purpose: the messages are what every model sees and what a
    cassette records; the context rides along without changing that shape.
    """

    def __init__(
        self,
        messages: Iterable[Message],
        context: TurnContext | None = None,
        history: tuple[Message, ...] = (),
    ) -> None:
        super().__init__(messages)
        self.context = context
        self.history = history  # the earlier turns in full, before any fitting


def text_pieces(text: str) -> list[str]:
    """A whole answer cut into the word-sized pieces a stream carries (spaces kept)."""
    return re.findall(r"\S+\s*|\s+", text)


@runtime_checkable
class ChatModel(Protocol):
    """Streams the assistant's reply to a request as text pieces."""

    @property
    def name(self) -> str: ...

    def stream(self, request: list[Message]) -> Iterator[str]: ...


def describe_model(settings: Settings, offline: bool = False, *, with_url: bool = True) -> str:
    """One line for the mode indicator: which chat model answers, said plainly.

    The address never shows credentials; ``with_url=False`` (the web UI) hides it entirely.
    """
    from coach.security.redact import redact_url

    if settings.uses_remote_model and not offline and settings.backend_name != "openai":
        named = f" ({settings.llm.model})" if settings.llm.model else ""
        return f"the {settings.backend_name} backend{named}"
    if settings.uses_remote_model and not offline:
        if not with_url:
            return f"{settings.llm.model} (a language model)"
        where = redact_url(settings.llm.base_url) if settings.llm.base_url else "the OpenAI API"
        return f"{settings.llm.model} at {where}"
    why = "--offline" if offline else "no chat model configured"
    return f"offline grounded responder ({why})"
