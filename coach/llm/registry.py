"""Chat-model backends by name: the two built in, and any that another package registers.

A package adds a backend without editing this one: it declares an entry point in the
``coach.chat_models`` group whose object is a factory ``(Settings) -> ChatModel``, and
``COACH_LLM_BACKEND=<name>`` selects it (the way simonw/llm finds its plugins). Built in:
``openai`` (any OpenAI-compatible server) and ``offline`` (the deterministic responder).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points

from coach.errors import ConfigError
from coach.llm.base import ChatModel
from coach.settings import Settings

GROUP = "coach.chat_models"
Factory = Callable[[Settings], ChatModel]


def _offline(settings: Settings) -> ChatModel:
    from coach.llm.offline import OfflineResponder

    return OfflineResponder()


def _openai(settings: Settings) -> ChatModel:
    from coach.llm.openai import OpenAICompatibleModel

    return OpenAICompatibleModel.from_settings(settings)


BUILT_IN: dict[str, Factory] = {"offline": _offline, "openai": _openai}


def names() -> list[str]:
    """Every backend that can be selected: the built-in ones, then registered ones."""
    return [*BUILT_IN, *(ep.name for ep in entry_points(group=GROUP) if ep.name not in BUILT_IN)]


def create(name: str, settings: Settings) -> ChatModel:
    """The backend called ``name``, built from settings; a clear error for an unknown one."""
    if name in BUILT_IN:
        return BUILT_IN[name](settings)
    for ep in entry_points(group=GROUP):
        if ep.name == name:
            try:
                factory = ep.load()
            except Exception as exc:  # a plugin's own import failure, said in one line
                raise ConfigError(
                    f"The chat-model backend {name!r} ({ep.value}) failed to load: {exc}"
                ) from None
            return factory(settings)
    raise ConfigError(
        f"No chat-model backend named {name!r}; installed: {', '.join(names())}. "
        "Set COACH_LLM_BACKEND to one of them."
    )
