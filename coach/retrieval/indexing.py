"""Build or update the index from the corpus folders: load, chunk, sync, report."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from coach.corpus.chunking import chunk_corpus
from coach.corpus.documents import load_corpus
from coach.retrieval.store import ChunkStore
from coach.settings import Settings


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


STATE_FILE = "index-state.json"


def remembered_ladder_dir(settings: Settings) -> Path | None:
    """The ladder folder the last ``coach index --ladder-dir`` used, if any."""
    try:
        data = json.loads((settings.data_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("ladder_dir") if isinstance(data, dict) else None
    return Path(value) if value else None


def remember_ladder_dir(settings: Settings, ladder_dir: Path | None) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    state = {"ladder_dir": str(ladder_dir.resolve()) if ladder_dir else None}
    (settings.data_dir / STATE_FILE).write_text(json.dumps(state), encoding="utf-8")


def ladder_dirs(settings: Settings) -> list[Path]:
    """User ladder folders: the setting, else the one remembered from the last index run."""
    chosen = settings.ladder_dir or remembered_ladder_dir(settings)
    return [chosen] if chosen else []


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
