"""The objects one process needs, built once from settings and shared by CLI, UI and evals."""

from __future__ import annotations

from functools import cached_property

from coach.embeddings import Embedder
from coach.retrieval import Retriever
from coach.settings import Settings
from coach.store import ChunkStore


class Runtime:
    """Lazily wires settings → embedder → store → retriever, so cheap commands stay cheap."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @cached_property
    def embedder(self) -> Embedder:
        return Embedder(self.settings.embedding_model)

    @cached_property
    def store(self) -> ChunkStore:
        return ChunkStore(self.settings.chroma_dir, self.embedder)

    @cached_property
    def retriever(self) -> Retriever:
        return Retriever(self.store)
