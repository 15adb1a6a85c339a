"""Do the backends agree? Cosine against sentence-transformers on every shipped chunk, and
the labelled set's hit@5 / MRR per backend over an index each built for itself."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from bench.environment import CORPUS
from coach.corpus.chunking import chunk_corpus
from coach.corpus.documents import load_corpus
from coach.evals.retrieval import load_labels, score_all_modes
from coach.retrieval.embeddings import Embedder
from coach.retrieval.indexing import build_index
from coach.retrieval.retriever import Retriever
from coach.retrieval.store import ChunkStore
from coach.settings import Settings


def backend_quality(workdir: Path, embedders: dict[str, Embedder]) -> dict:
    labels = load_labels()
    settings = Settings(data_dir=workdir, corpus_dir=CORPUS)
    texts = [
        c.embedding_text
        for c in chunk_corpus(load_corpus(CORPUS).documents, max_chars=settings.chunk_chars)
    ]
    reference = embedders["torch"].encode_array(texts)
    out: dict[str, dict] = {}
    for name, embedder in embedders.items():
        vectors = embedder.encode_array(texts)
        cosine = (vectors * reference).sum(axis=1) / (
            np.linalg.norm(vectors, axis=1) * np.linalg.norm(reference, axis=1)
        )
        own = settings.model_copy(update={"data_dir": workdir / name})
        store = ChunkStore.from_settings(own, embedder)
        build_index(own, store)
        scores = score_all_modes(Retriever(store), labels, k=5)
        out[name] = {
            "model": embedder.model_name,
            "cosine_vs_torch": {"mean": float(cosine.mean()), "min": float(cosine.min())},
            "chunks": len(texts),
            "modes": {m: {"hit_at_5": s.hit_at_k, "mrr": s.mrr} for m, s in scores.items()},
        }
    return out
