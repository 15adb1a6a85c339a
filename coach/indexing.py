"""Build or update the index from the corpus folders: load, chunk, sync, report."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from coach.chunking import chunk_corpus
from coach.corpus import load_corpus
from coach.settings import Settings
from coach.store import ChunkStore


@dataclass
class IndexReport:
    files: int
    chunks: int
    added: int
    unchanged: int
    removed: int
    seconds: float
    rebuilt: bool = False
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        verb = "Rebuilt" if self.rebuilt else "Indexed"
        return (
            f"{verb} {self.files} files into {self.chunks} chunks: {self.added} added, "
            f"{self.unchanged} unchanged, {self.removed} removed in {self.seconds:.2f} s"
            + (f"; {len(self.errors)} file(s) skipped" if self.errors else "")
        )


def ladder_dirs(settings: Settings) -> list:
    return [settings.ladder_dir] if settings.ladder_dir else []


def build_index(
    settings: Settings,
    store: ChunkStore,
    *,
    rebuild: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> IndexReport:
    """Bring the store in line with the corpus; only changed chunks are embedded.

    A collection built with another embedding model is rebuilt rather than mixed.
    """
    started = time.perf_counter()
    built_with = store.built_with()
    rebuilt = rebuild or (built_with is not None and built_with != store.embedder.model_name)
    if rebuilt:
        store.drop()
    load = load_corpus(settings.corpus_dir, ladder_dirs(settings))
    chunks = chunk_corpus(load.documents, max_chars=settings.chunk_chars)
    sync = store.sync(chunks, keep_docs=load.failed_doc_ids, on_progress=on_progress)
    return IndexReport(
        files=len(load.documents),
        chunks=len(chunks),
        added=sync.added,
        unchanged=sync.unchanged,
        removed=sync.removed,
        seconds=time.perf_counter() - started,
        rebuilt=rebuilt,
        errors=load.errors,
    )
