"""Hybrid retrieval: dense and BM25 rankings fused by reciprocal rank fusion.

Dense search runs over the snapshot's saved embeddings (exact), or in Chroma for
corpora too large for that (``snapshot.EXACT_DENSE_MAX``).

User-supplied ladder documents get a boost in the fusion so that, when a user's own
ladder and a built-in one both match, the user's wins.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from coach.corpus.cards import Card, Mark
from coach.corpus.chunking import Chunk
from coach.lang import DEFAULT, detect
from coach.retrieval.fusion import reciprocal_rank_fusion
from coach.retrieval.lexical import tokenize
from coach.retrieval.snapshot import Snapshot, open_snapshot
from coach.retrieval.store import ChunkStore

Mode = Literal["hybrid", "dense", "bm25"]
MODES: tuple[Mode, ...] = ("dense", "bm25", "hybrid")
USER_DOC_BOOST = 1.3
DENSE_WEIGHT, LEXICAL_WEIGHT = 1.0, 1.5  # BM25 is the stronger ranker on the labelled set
#: A third ranking for questions not in English: BM25 over each passage's guidance cards,
#: whose Russian text is the only way a Russian question reaches an English passage (the
#: embedding model reads English only). English questions don't use it: on the labelled
#: set it pulled card-rich passages above the ones that answer (hit@5 0.947 -> 0.895).
GUIDANCE_WEIGHT = 2.0
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


#: What every interface says while the index is marked unfinished (``Retriever.incomplete``).
INCOMPLETE_INDEX = (
    "The index is incomplete: an indexing run stopped before it finished, so some passages "
    "may be missing. Run `coach index` to complete it."
)


class Retriever:
    """Searches one store through an immutable ``Snapshot`` of its chunks and BM25 index.

    The snapshot is opened from the copy saved beside the store when it matches the
    store's revision, and built (then saved) otherwise. With ``refresh_seconds`` set,
    the revision is checked at most that often and a new snapshot is swapped in when
    another process has changed the store, so the lexical side never drifts from what a
    shared Chroma server holds. Searches read one reference and never take the lock.
    """

    def __init__(self, store: ChunkStore, *, refresh_seconds: float | None = None) -> None:
        self.store = store
        self.refresh_seconds = refresh_seconds
        self._checked_at = 0.0
        self._lock = threading.Lock()  # one refresh at a time; searches never wait on it
        self._snapshot: Snapshot | None = None

    def refresh(self) -> None:
        """Open the snapshot of the store's current revision (after indexing)."""
        with self._lock:
            self._refresh_locked()

    def _refresh_locked(self) -> Snapshot:
        revision = self.store.revision()
        self._checked_at = time.monotonic()
        current = self._snapshot
        if current is None or current.revision != revision or revision is None:
            current = self._snapshot = open_snapshot(self.store, revision)
        return current

    @property
    def incomplete(self) -> bool:
        """The index was last seen marked unfinished: an indexing run stopped midway."""
        return not getattr(self.store, "complete", True)

    def _due(self) -> bool:
        return (
            self.refresh_seconds is not None
            and time.monotonic() - self._checked_at >= self.refresh_seconds
        )

    def snapshot(self) -> Snapshot:
        """The current snapshot; at most one caller checks the revision when it is due."""
        current = self._snapshot
        if current is not None and not self._due():
            return current
        if current is None:
            with self._lock:
                return self._snapshot or self._refresh_locked()
        if not self._lock.acquire(blocking=False):
            return current  # another thread is already checking: search what we have
        try:
            return self._refresh_locked() if self._due() else self._snapshot or current
        finally:
            self._lock.release()

    @property
    def chunks(self) -> Mapping[str, Chunk]:
        return self.snapshot().chunks

    def dense(
        self,
        query: str,
        n: int,
        filters: Filters = Filters(),
        embedding: Sequence[float] | None = None,
        snapshot: Snapshot | None = None,
    ) -> list[tuple[str, float]]:
        snap = snapshot or self.snapshot()
        vector = self.store.embedder.encode_array([query])[0] if embedding is None else embedding
        if snap.searches_dense:
            return snap.dense(vector, n, snap.mask(filters.kinds, filters.doc_ids))
        return self.store.dense_query([float(x) for x in vector], n, filters.chroma_where())

    def lexical(
        self,
        query: str,
        n: int,
        filters: Filters = Filters(),
        snapshot: Snapshot | None = None,
    ) -> list[tuple[str, float]]:
        snap = snapshot or self.snapshot()
        return snap.lexical.search(query, n, snap.mask(filters.kinds, filters.doc_ids))

    def search_many(
        self, queries: Sequence[str], *, k: int = 5, weights: Sequence[float] | None = None
    ) -> list[Passage]:
        """Hybrid results for several queries about one turn, fused by weighted RRF."""
        queries = [q for q in queries if q.strip()]
        if len(queries) <= 1:
            return self.search(queries[0], k=k) if queries else []
        n = max(k * CANDIDATES_PER_RESULT, MIN_CANDIDATES)
        embeddings = self.store.embedder.encode_array(queries)  # one batch: cheaper than one by one
        rankings = [
            [p.chunk.chunk_id for p in self.search(q, k=n, embedding=e)]
            for q, e in zip(queries, embeddings, strict=True)
        ]
        chunks = self.chunks
        fused = reciprocal_rank_fusion(rankings, weights=list(weights or [1.0] * len(queries)))
        chosen = diversify([(chunks[cid], s) for cid, s in fused if cid in chunks], k, MAX_PER_DOC)
        return [Passage(chunk=c, score=s, rank=i) for i, (c, s) in enumerate(chosen, start=1)]

    def search(
        self,
        query: str,
        *,
        k: int = 5,
        mode: Mode = "hybrid",
        filters: Filters = Filters(),
        embedding: Sequence[float] | None = None,
    ) -> list[Passage]:
        """The ``k`` best passages for ``query`` under ``mode``; ``embedding`` if already known."""
        snap = self.snapshot()
        chunks = snap.chunks
        if not query.strip() or not chunks:
            return []
        n = max(k * CANDIDATES_PER_RESULT, MIN_CANDIDATES)
        if mode == "dense":
            ranked = self.dense(query, n, filters, embedding, snap)
        elif mode == "bm25":
            ranked = self.lexical(query, n, filters, snap)
        else:
            dense = self.dense(query, n, filters, embedding, snap)
            lexical = self.lexical(query, n, filters, snap)
            candidates = [
                cid
                for cid in dict.fromkeys([c for c, _ in dense] + [c for c, _ in lexical])
                if cid in chunks
            ]
            boosts = {cid: USER_DOC_BOOST for cid in candidates if chunks[cid].origin == "user"}
            shares = snap.lexical.coverage(
                set(tokenize(query)), [chunks.row[cid] for cid in candidates]
            )
            for cid, share in zip(candidates, shares, strict=True):
                boosts[cid] = boosts.get(cid, 1.0) * (1.0 + COVERAGE_WEIGHT * share)
            guided = (
                snap.guidance.search(query, n, snap.mask(filters.kinds, filters.doc_ids))
                if detect(query) != DEFAULT
                else []
            )
            ranked = reciprocal_rank_fusion(
                [[cid for cid, _ in dense], [cid for cid, _ in lexical], [c for c, _ in guided]],
                weights=[DENSE_WEIGHT, LEXICAL_WEIGHT, GUIDANCE_WEIGHT],
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
