"""The objects one process needs, built once from settings and shared by CLI, UI and evals."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from coach.retrieval.embeddings import Embedder
from coach.retrieval.retriever import Retriever
from coach.retrieval.store import ChunkStore
from coach.settings import Settings

if TYPE_CHECKING:  # loaded by the properties that need them: `coach search` never talks
    from coach.coaching.turn import Coach
    from coach.llm.base import ChatModel
    from coach.sessions.backends import SessionBackend


def choose_model(settings: Settings, *, offline: bool = False) -> ChatModel:
    """The configured backend (``coach.llm.registry``): by default the OpenAI-compatible
    model when one is named, else the offline responder."""
    from coach.llm import registry

    return registry.create("offline" if offline else settings.backend_name, settings)


class Runtime:
    """Wires settings → embedder → store → retriever → coach lazily: cheap commands stay cheap."""

    def __init__(self, settings: Settings, *, offline: bool = False) -> None:
        self.settings = settings
        self.offline = offline

    @cached_property
    def embedder(self) -> Embedder:
        return Embedder(self.settings.embedding_model, backend=self.settings.embedding_backend)

    @cached_property
    def store(self) -> ChunkStore:
        return ChunkStore.from_settings(self.settings, self.embedder)

    @cached_property
    def retriever(self) -> Retriever:
        return Retriever(self.store, refresh_seconds=self.settings.lexical_refresh_seconds)

    @cached_property
    def model(self) -> ChatModel:
        return choose_model(self.settings, offline=self.offline)

    @cached_property
    def sessions(self) -> SessionBackend:
        from coach.sessions.backends import open_sessions

        return open_sessions(self.settings)

    @cached_property
    def coach(self) -> Coach:
        return self.make_coach(self.settings, self.model, self.sessions)

    def make_coach(self, settings: Settings, model: ChatModel, sessions: SessionBackend) -> Coach:
        """A coach with every reader a user's coach has (distress and cards by meaning):
        the eval builds its coach through this, so it judges the coach people talk to."""
        from coach.coaching.distress import DistressDetector
        from coach.coaching.meaning import CardMeaning
        from coach.coaching.turn import Coach

        return Coach(
            settings,
            self.retriever,
            model,
            sessions,
            distress=DistressDetector(self.embedder),
            meaning=CardMeaning(self.embedder),
        )
