"""Indexing throughput beside the embedding model's own encode throughput on the same texts,
and the cost of re-indexing an unchanged corpus and one with a single edited file."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from bench.stats import summary
from coach.chunking import chunk_corpus
from coach.corpus import load_corpus
from coach.embeddings import Embedder
from coach.indexing import build_index
from coach.settings import Settings
from coach.store import ChunkStore

INCREMENTAL_RUNS = 3


def encode_floor(embedder: Embedder, texts: list[str]) -> float:
    """Seconds the model alone needs for ``texts``, batched as indexing batches them."""
    started = time.perf_counter()
    embedder.model.encode(
        texts, batch_size=embedder.batch_size, normalize_embeddings=True, convert_to_numpy=True
    )
    return time.perf_counter() - started


def timed_index(settings: Settings, embedder: Embedder) -> float:
    started = time.perf_counter()
    build_index(settings, ChunkStore.from_settings(settings, embedder))
    return time.perf_counter() - started


def indexing(corpus_dir: Path, workdir: Path, embedder: Embedder, repeats: int) -> dict:
    """Fresh builds alternate with floor runs; the last build stays for the latency scenarios."""
    corpus = workdir / "corpus"
    if corpus_dir != corpus:
        shutil.copytree(corpus_dir, corpus)
    settings = Settings(data_dir=workdir / "data-0", corpus_dir=corpus)
    texts = [
        c.embedding_text
        for c in chunk_corpus(load_corpus(corpus).documents, max_chars=settings.chunk_chars)
    ]
    floor, build = [], []
    for i in range(repeats):
        floor.append(encode_floor(embedder, texts))
        # a new folder each time: Chroma caches clients by path within a process
        settings = settings.model_copy(update={"data_dir": workdir / f"data-{i}"})
        build.append(timed_index(settings, embedder))
    unchanged = [timed_index(settings, embedder) for _ in range(INCREMENTAL_RUNS)]
    edited = []
    first = sorted(corpus.rglob("*.md"))[0]
    for i in range(INCREMENTAL_RUNS):
        with first.open("a", encoding="utf-8") as f:
            f.write(f"\n\nAn added closing remark, edit number {i}.\n")
        edited.append(timed_index(settings, embedder))
    n = len(texts)
    floor_rate = summary([n / s for s in floor])
    index_rate = summary([n / s for s in build])
    return {
        "chunks": n,
        "encode_floor_chunks_per_s": floor_rate,
        "index_chunks_per_s": index_rate,
        "ratio": index_rate["median"] / floor_rate["median"],
        "index_s": summary(build),
        "unchanged_reindex_s": summary(unchanged),
        "one_file_edited_reindex_s": summary(edited),
        "settings": settings,
    }
