"""Peer scenario: the same chunks and the same embedding model through LlamaIndex (Chroma
store, BM25 retriever, reciprocal-rank fusion), measured beside ours in the same run.

It answers whether our hybrid retriever earns its keep against the framework a reader
would otherwise reach for: indexing throughput, the cost of opening the saved indexes,
hit@5 / MRR on the labelled set and warm latency. LlamaIndex is an optional extra; when
it is absent the scenario says so instead of reporting anything.
"""

from __future__ import annotations

import importlib
import time
from pathlib import Path
from typing import cast

from bench.latency import FOLLOW_UP
from bench.stats import latency, summary
from coach.corpus.chunking import Chunk, chunk_corpus
from coach.corpus.documents import load_corpus
from coach.evals.retrieval import load_labels, score_mode
from coach.retrieval.embeddings import Embedder
from coach.retrieval.indexing import ladder_dirs
from coach.retrieval.retriever import CANDIDATES_PER_RESULT, MIN_CANDIDATES, Retriever
from coach.settings import Settings

INSTALL_HINT = "not run: install the bench extra (pip install -e .[bench])"
MODULES = ("llama_index.core", "llama_index.retrievers.bm25", "llama_index.vector_stores.chroma")
K = 5
# Ours fetches this many candidates from each ranker before fusing; so does the peer.
CANDIDATES = max(K * CANDIDATES_PER_RESULT, MIN_CANDIDATES)
OPENS = 3  # as many as bench.latency.open_retriever times ours


def missing() -> str | None:
    """Why the peer cannot run in this environment, or None when it can."""
    for name in MODULES:
        try:
            importlib.import_module(name)
        except ImportError as exc:
            return f"{INSTALL_HINT}; {exc}"
    return None


def chunks_of(settings: Settings) -> list[Chunk]:
    """Exactly the chunks ``build_index`` would store for these settings."""
    load = load_corpus(settings.corpus_dir, ladder_dirs(settings))
    return chunk_corpus(load.documents, max_chars=settings.chunk_chars)


def peer(
    settings: Settings,
    embedder: Embedder,
    retriever: Retriever,
    queries: list[str],
    rounds: int,
    repeats: int,
    workdir: Path,
) -> dict:
    """The LlamaIndex figures beside ours; ``retriever`` is ours, opened on ``settings``.

    Indexing is timed as ours is (corpus read, chunked, embedded, stored), with BM25's
    build and save timed apart, as ours builds its lexical snapshot at first open.
    """
    from bench import llamaindex as li

    embedding = li.CoachEmbedding(embedder)
    vector_s: list[float] = []
    bm25_s: list[float] = []
    chunks: list[Chunk] = []
    root = workdir
    for i in range(repeats):
        root = workdir / f"peer-{i}"  # a new folder each time: Chroma caches clients by path
        started = time.perf_counter()
        chunks = chunks_of(settings)
        chunk_nodes = li.nodes(chunks)
        li.build_vectors(chunk_nodes, root, embedding)
        vector_s.append(time.perf_counter() - started)
        started = time.perf_counter()
        li.build_bm25(chunk_nodes, root, CANDIDATES)
        bm25_s.append(time.perf_counter() - started)
    opened: list[float] = []
    for _ in range(OPENS):
        started = time.perf_counter()
        fusion, lexical = li.open_fusion(root, embedding, CANDIDATES, K)
        lexical.retrieve(FOLLOW_UP)  # as ours touches its mapped postings
        opened.append(time.perf_counter() - started)
    search = li.PeerSearch(fusion, {c.chunk_id: c for c in chunks})
    n = len(chunks)
    return {
        "framework": "LlamaIndex " + importlib.import_module("llama_index.core").__version__,
        "chunks": n,
        "ours_chunks": len(retriever.chunks),
        "index_chunks_per_s": summary([n / s for s in vector_s]),
        "bm25_build_save_s": summary(bm25_s),
        "open_saved_s": summary(opened),
        "quality": quality(retriever, search, {c.doc_id for c in chunks}),
        "retrieval": interleaved(retriever, search, queries, rounds),
        "retrieval_embedded": interleaved(retriever, search, queries, rounds, embedded=True),
    }


def quality(retriever: Retriever, search: object, docs: set[str]) -> dict | None:
    """Hybrid hit@5 / MRR of both sides with ``score_mode``, which only calls ``search``;
    None where the labelled documents are not in the corpus (synthetic corpora)."""
    labels = load_labels()
    if not all(label.doc in docs for label in labels):
        return None
    out = {}
    for side, searcher in (("ours", retriever), ("peer", cast(Retriever, search))):
        score = score_mode(searcher, labels, "hybrid", k=K)
        out[side] = {"hit_at_5": score.hit_at_k, "mrr": score.mrr, "misses": len(score.misses)}
    return out


def interleaved(
    retriever: Retriever,
    search: object,
    queries: list[str],
    rounds: int,
    *,
    embedded: bool = False,
) -> dict:
    """Warm p50/p95 timed as ``bench.latency.retrieval`` times ours (five warm-up queries,
    ``rounds`` passes), the two sides alternating query by query so noise hits both alike;
    which goes first swaps every query.

    With ``embedded``, both sides get each query's vector computed beforehand: the two
    share one embedding model, so this is the part of a search where they differ.
    """
    peer_search = cast(Retriever, search)
    vectors = (
        dict(zip(queries, retriever.store.embedder.encode(queries), strict=True))
        if embedded
        else {}
    )

    def given(q: str) -> dict:
        return {"embedding": vectors[q]} if embedded else {}

    for q in queries[:5]:
        retriever.search(q, k=K, **given(q))
        peer_search.search(q, k=K, **given(q))
    times: dict[str, list[float]] = {"ours": [], "peer": []}
    turn = 0
    for _ in range(rounds):
        for q in queries:
            order = [("ours", retriever), ("peer", peer_search)]
            for side, searcher in order if turn % 2 == 0 else order[::-1]:
                started = time.perf_counter()
                searcher.search(q, k=K, **given(q))
                times[side].append(time.perf_counter() - started)
            turn += 1
    result: dict = {side: latency(values) for side, values in times.items()}
    for p in ("p50_ms", "p95_ms"):
        result[f"peer_over_ours_{p[:3]}"] = result["peer"][p] / result["ours"][p]
    return result


def versus(size: dict) -> dict:
    """Peer / ours for the figures ours measured elsewhere in the same run."""
    p, idx = size["peer"], size["indexing"]
    out = {
        "index_chunks_per_s": p["index_chunks_per_s"]["median"]
        / idx["index_chunks_per_s"]["median"],
        "lexical_build_s": p["bm25_build_save_s"]["median"] / size["load_s"],
    }
    if size.get("open_saved_s"):
        out["open_saved_s"] = p["open_saved_s"]["median"] / size["open_saved_s"]["median"]
    return out
