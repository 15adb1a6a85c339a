"""Indexing throughput per embedding backend beside the torch encode floor on the same
texts, and the cost of re-indexing an unchanged corpus and one with a single edited file."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from bench.stats import summary
from coach.corpus.chunking import chunk_corpus
from coach.corpus.documents import load_corpus
from coach.retrieval.embeddings import Embedder
from coach.retrieval.indexing import build_index
from coach.retrieval.store import ChunkStore
from coach.settings import Settings

INCREMENTAL_RUNS = 3


def encode_floor(reference: Embedder, texts: list[str]) -> float:
    """Seconds sentence-transformers alone needs for ``texts`` at its batch size."""
    started = time.perf_counter()
    reference.encode_array(texts)
    return time.perf_counter() - started


def timed_index(settings: Settings, embedder: Embedder) -> float:
    started = time.perf_counter()
    build_index(settings, ChunkStore.from_settings(settings, embedder))
    return time.perf_counter() - started


def indexing(
    corpus_dir: Path,
    workdir: Path,
    embedders: dict[str, Embedder],
    repeats: int,
) -> dict:
    """Fresh builds per backend alternate with floor runs; the last default (``onnx``)
    build stays for the latency scenarios. ``embedders`` holds ``onnx`` and optionally
    ``torch`` and ``int8``; without ``torch`` there is no floor and no speed-up to report,
    which lets a large corpus be embedded once for its latency alone."""
    corpus = workdir / "corpus"
    if corpus_dir != corpus:
        shutil.copytree(corpus_dir, corpus)
    settings = Settings(data_dir=workdir / "data-0", corpus_dir=corpus)
    texts = [
        c.embedding_text
        for c in chunk_corpus(load_corpus(corpus).documents, max_chars=settings.chunk_chars)
    ]
    floor: list[float] = []
    build: dict[str, list[float]] = {name: [] for name in embedders}
    for i in range(repeats):
        if "torch" in embedders:
            floor.append(encode_floor(embedders["torch"], texts))
        for name, embedder in embedders.items():
            # a new folder each time: Chroma caches clients by path within a process
            settings = settings.model_copy(update={"data_dir": workdir / f"data-{name}-{i}"})
            build[name].append(timed_index(settings, embedder))
            if name != "onnx":
                shutil.rmtree(settings.data_dir, ignore_errors=True)
    settings = settings.model_copy(update={"data_dir": workdir / f"data-onnx-{repeats - 1}"})
    unchanged = [timed_index(settings, embedders["onnx"]) for _ in range(INCREMENTAL_RUNS)]
    edited = []
    first = sorted(corpus.rglob("*.md"))[0]
    for i in range(INCREMENTAL_RUNS):
        with first.open("a", encoding="utf-8") as f:
            f.write(f"\n\nAn added closing remark, edit number {i}.\n")
        edited.append(timed_index(settings, embedders["onnx"]))
    n = len(texts)
    floor_rate = summary([n / s for s in floor]) if floor else None
    rates = {name: summary([n / s for s in runs]) for name, runs in build.items()}
    return {
        "chunks": n,
        "encode_floor_chunks_per_s": floor_rate,
        "index_chunks_per_s": rates["onnx"],
        "index_chunks_per_s_by_backend": rates,
        "speedup_over_torch": {
            name: rate["median"] / rates["torch"]["median"]
            for name, rate in rates.items()
            if "torch" in rates
        },
        "ratio": rates["onnx"]["median"] / floor_rate["median"] if floor_rate else None,
        "index_s": summary(build["onnx"]),
        "unchanged_reindex_s": summary(unchanged),
        "one_file_edited_reindex_s": summary(edited),
        "settings": settings,
    }
