"""Hybrid retrieval: dense (Chroma) and BM25 rankings fused by reciprocal rank fusion.

User-supplied ladder documents get a boost in the fusion so that, when a user's own
ladder and a built-in one both match, the user's wins.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from coach.cards import Card, Mark
from coach.chunking import Chunk
from coach.fusion import reciprocal_rank_fusion
from coach.lexical import LexicalIndex, coverage, tokenize
from coach.store import ChunkStore

Mode = Literal["hybrid", "dense", "bm25"]
MODES: tuple[Mode, ...] = ("dense", "bm25", "hybrid")
USER_DOC_BOOST = 1.3
DENSE_WEIGHT, LEXICAL_WEIGHT = 1.0, 1.5  # BM25 is the stronger ranker on the labelled set
COVERAGE_WEIGHT = 0.25  # passages holding more of the query's distinct terms rise
MAX_PER_DOC = 2  # more than this from one document waits until other documents had a turn
CANDIDATES_PER_RESULT = 4
MIN_CANDIDATES = 30


@dataclass(frozen=True)
class Filters:
    """Optional restrictions on what may be retrieved."""

    kinds: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()

    def allows(self, chunk: Chunk) -> bool:
        return (not self.kinds or chunk.kind in self.kinds) and (
            not self.doc_ids or chunk.doc_id in self.doc_ids
        )

    def chroma_where(self) -> dict | None:
        clauses = []
        if self.kinds:
            clauses.append({"kind": {"$in": list(self.kinds)}})
        if self.doc_ids:
            clauses.append({"doc_id": {"$in": list(self.doc_ids)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its score and 1-based rank."""

    chunk: Chunk
    score: float
    rank: int

    @property
    def doc_id(self) -> str:
        return self.chunk.doc_id

    @property
    def cards(self) -> tuple[Card, ...]:
        """The guidance cards anchored in this passage."""
        return self.chunk.cards

    @property
    def marks(self) -> tuple[Mark, ...]:
        """Sentences in this passage that must never be quoted as advice."""
        return self.chunk.marks

    def as_dict(self) -> dict:
        c = self.chunk
        return {
            "rank": self.rank,
            "score": round(self.score, 6),
            "doc_id": c.doc_id,
            "title": c.title,
            "heading": c.heading,
            "kind": c.kind,
            "origin": c.origin,
            "chunk_id": c.chunk_id,
            "start": c.start,
            "end": c.end,
            "text": c.text,
        }


class Retriever:
    """Searches one store; the BM25 index is built lazily from the store's own chunks.

    With ``refresh_seconds`` set, the store's revision is checked at most that often and
    the chunks and BM25 index are reloaded when another process has changed the store,
    so the lexical side never drifts from what a shared Chroma server holds.
    """

    def __init__(self, store: ChunkStore, *, refresh_seconds: float | None = None) -> None:
        self.store = store
        self.refresh_seconds = refresh_seconds
        self._revision: str | None = None
        self._checked_at = 0.0
        self._lock = threading.Lock()
        self._chunks: dict[str, Chunk] | None = None
        self._lexical: LexicalIndex | None = None
        self._kinds: np.ndarray | None = None
        self._docs: np.ndarray | None = None

    def refresh(self) -> None:
        """Reload chunks from the store (after indexing)."""
        with self._lock:
            self._revision = self.store.revision()
            self._checked_at = time.monotonic()
            chunks = self.store.all_chunks()
            self._chunks = {c.chunk_id: c for c in chunks}
            self._lexical = LexicalIndex(
                [c.chunk_id for c in chunks], [c.lexical_text for c in chunks]
            )
            self._kinds = np.array([c.kind for c in chunks], dtype=object)
            self._docs = np.array([c.doc_id for c in chunks], dtype=object)

    def _stale(self) -> bool:
        if self.refresh_seconds is None:
            return False
        now = time.monotonic()
        if now - self._checked_at < self.refresh_seconds:
            return False
        self._checked_at = now
        return self.store.revision() != self._revision

    def _ensure(self) -> tuple[dict[str, Chunk], LexicalIndex]:
        if self._chunks is None or self._lexical is None or self._stale():
            self.refresh()
        assert self._chunks is not None and self._lexical is not None
        return self._chunks, self._lexical

    @property
    def chunks(self) -> dict[str, Chunk]:
        return self._ensure()[0]

    def _mask(self, filters: Filters) -> np.ndarray | None:
        if not filters.kinds and not filters.doc_ids:
            return None
        assert self._kinds is not None and self._docs is not None
        mask = np.ones(len(self._kinds), dtype=bool)
        if filters.kinds:
            mask &= np.isin(self._kinds, list(filters.kinds))
        if filters.doc_ids:
            mask &= np.isin(self._docs, list(filters.doc_ids))
        return mask

    def dense(
        self,
        query: str,
        n: int,
        filters: Filters = Filters(),
        embedding: list[float] | None = None,
    ) -> list[tuple[str, float]]:
        if embedding is None:
            embedding = self.store.embedder.encode([query])[0]
        return self.store.dense_query(embedding, n, filters.chroma_where())

    def lexical(self, query: str, n: int, filters: Filters = Filters()) -> list[tuple[str, float]]:
        _, index = self._ensure()
        return index.search(query, n, self._mask(filters))

    def search_many(
        self, queries: Sequence[str], *, k: int = 5, weights: Sequence[float] | None = None
    ) -> list[Passage]:
        """Hybrid results for several queries about one turn, fused by weighted RRF."""
        queries = [q for q in queries if q.strip()]
        if len(queries) <= 1:
            return self.search(queries[0], k=k) if queries else []
        n = max(k * CANDIDATES_PER_RESULT, MIN_CANDIDATES)
        embeddings = self.store.embedder.encode(queries)  # one batch: cheaper than one by one
        rankings = [
            [p.chunk.chunk_id for p in self.search(q, k=n, embedding=e)]
            for q, e in zip(queries, embeddings, strict=True)
        ]
        chunks = self.chunks
        fused = reciprocal_rank_fusion(rankings, weights=list(weights or [1.0] * len(queries)))
        chosen = diversify([(chunks[cid], s) for cid, s in fused], k, MAX_PER_DOC)
        return [Passage(chunk=c, score=s, rank=i) for i, (c, s) in enumerate(chosen, start=1)]

    def search(
        self,
        query: str,
        *,
        k: int = 5,
        mode: Mode = "hybrid",
        filters: Filters = Filters(),
        embedding: list[float] | None = None,
    ) -> list[Passage]:
        """The ``k`` best passages for ``query`` under ``mode``; ``embedding`` if already known."""
        chunks, index = self._ensure()
        if not query.strip() or not chunks:
            return []
        n = max(k * CANDIDATES_PER_RESULT, MIN_CANDIDATES)
        if mode == "dense":
            ranked = self.dense(query, n, filters, embedding)
        elif mode == "bm25":
            ranked = self.lexical(query, n, filters)
        else:
            dense = self.dense(query, n, filters, embedding)
            lexical = self.lexical(query, n, filters)
            candidates = {cid for cid, _ in dense} | {cid for cid, _ in lexical}
            boosts = {
                cid: USER_DOC_BOOST
                for cid in candidates
                if cid in chunks and chunks[cid].origin == "user"
            }
            query_terms = set(tokenize(query))
            for cid in candidates:
                if cid in index.terms:
                    share = coverage(query_terms, index.terms[cid])
                    boosts[cid] = boosts.get(cid, 1.0) * (1.0 + COVERAGE_WEIGHT * share)
            ranked = reciprocal_rank_fusion(
                [[cid for cid, _ in dense], [cid for cid, _ in lexical]],
                weights=[DENSE_WEIGHT, LEXICAL_WEIGHT],
                boosts=boosts,
            )
        allowed = [
            (chunks[cid], score)
            for cid, score in ranked
            if cid in chunks and filters.allows(chunks[cid])
        ]
        diverse = len(filters.doc_ids) != 1
        chosen = diversify(allowed, k, MAX_PER_DOC if diverse else k)
        return [Passage(chunk=c, score=s, rank=i) for i, (c, s) in enumerate(chosen, start=1)]


def diversify(
    ranked: Sequence[tuple[Chunk, float]], k: int, max_per_doc: int
) -> list[tuple[Chunk, float]]:
    """The top ``k`` with at most ``max_per_doc`` per document, backfilled in rank order
    when there are not enough documents. One long document cannot crowd out the rest."""
    chosen: list[tuple[Chunk, float]] = []
    overflow: list[tuple[Chunk, float]] = []
    per_doc: dict[str, int] = {}
    for chunk, score in ranked:
        if len(chosen) == k:
            break
        if per_doc.get(chunk.doc_id, 0) < max_per_doc:
            per_doc[chunk.doc_id] = per_doc.get(chunk.doc_id, 0) + 1
            chosen.append((chunk, score))
        else:
            overflow.append((chunk, score))
    for item in overflow:
        if len(chosen) == k:
            break
        chosen.append(item)
    order = {id(item[0]): i for i, item in enumerate(ranked)}
    return sorted(chosen, key=lambda item: order[id(item[0])])


def doc_ids_in_order(passages: Sequence[Passage]) -> list[str]:
    return [p.doc_id for p in passages]
