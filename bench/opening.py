"""Opening a saved lexical snapshot at sizes too large to embed in a bench run.

The snapshot (chunks, BM25 postings, filter codes) needs no vectors, so it is built
straight from a synthetic corpus's chunks; what is timed is what a new process does
when the store's revision matches: map the saved files and answer a first BM25 query.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.environment import CORPUS
from bench.stats import latency, summary
from bench.synthetic import write_corpus
from coach.corpus.chunking import chunk_corpus
from coach.corpus.documents import load_corpus
from coach.retrieval.snapshot import Snapshot

OPENS = 5


def opening(workdir: Path, n: int, queries: list[str]) -> dict:
    corpus = workdir / "corpus"
    write_corpus(CORPUS, corpus, n)
    chunks = chunk_corpus(load_corpus(corpus).documents)
    started = time.perf_counter()
    built = Snapshot.build("bench", chunks)
    build_s = time.perf_counter() - started
    folder = workdir / "snapshot"
    started = time.perf_counter()
    built.save(folder)
    save_s = time.perf_counter() - started
    opens = []
    for _ in range(OPENS):
        started = time.perf_counter()
        snap = Snapshot.load(folder, "bench")
        assert snap is not None
        hits = snap.lexical.search(queries[0], 20)
        [snap.chunks[cid] for cid, _ in hits]  # decode what a search would return
        opens.append(time.perf_counter() - started)
    times = []
    for q in queries:
        started = time.perf_counter()
        hits = snap.lexical.search(q, 20)
        [snap.chunks[cid] for cid, _ in hits]
        times.append(time.perf_counter() - started)
    return {
        "chunks": len(chunks),
        "build_s": build_s,
        "save_s": save_s,
        "open_saved_s": summary(opens),
        "bm25_on_mapped": latency(times),
    }
