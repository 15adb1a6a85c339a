"""The LlamaIndex side of the peer scenario: our chunks and our embedding model behind
LlamaIndex's own Chroma store, BM25 retriever and reciprocal-rank fusion.

Imported only when the bench extra is installed (``bench.peer`` checks first), so
``python -m bench`` runs without it. Nothing here calls a language model: query
generation is off (``num_queries=1``) and the fusion retriever gets a ``MockLLM``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from llama_index.core import StorageContext, VectorStoreIndex
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.llms import MockLLM
from llama_index.core.retrievers import QueryFusionRetriever
from llama_index.core.retrievers.fusion_retriever import FUSION_MODES
from llama_index.core.schema import BaseNode, QueryBundle, TextNode
from llama_index.retrievers.bm25 import BM25Retriever
from llama_index.vector_stores.chroma import ChromaVectorStore
from pydantic import PrivateAttr

from coach.corpus.chunking import Chunk
from coach.retrieval.embeddings import Embedder
from coach.retrieval.retriever import Mode, Passage
from coach.retrieval.store import open_client

COLLECTION = "peer"
# Our store hands the embedder 256 chunks per upsert; LlamaIndex's default of 10 would
# sort and pad shorter batches, so the indexing figure would measure a knob, not the framework.
EMBED_BATCH = 256
METADATA_KEYS = ["doc_id", "chunk_id"]


class CoachEmbedding(BaseEmbedding):
    """Our ``Embedder`` behind LlamaIndex's interface: both sides get identical vectors
    from the same loaded model, and nothing is fetched from a hub."""

    _embedder: Embedder = PrivateAttr()

    def __init__(self, embedder: Embedder) -> None:
        super().__init__(model_name=embedder.model_name, embed_batch_size=EMBED_BATCH)
        self._embedder = embedder

    @classmethod
    def class_name(cls) -> str:
        return "CoachEmbedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._embedder.encode([query])[0]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._embedder.encode([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._embedder.encode(texts)


def nodes(chunks: list[Chunk]) -> list[BaseNode]:
    """One node per chunk with the text our store embeds; the ids ride in metadata (for
    scoring) but are kept out of what is embedded and what BM25 indexes."""
    return [
        TextNode(
            id_=c.chunk_id,
            text=c.embedding_text,
            metadata={"doc_id": c.doc_id, "chunk_id": c.chunk_id},
            excluded_embed_metadata_keys=METADATA_KEYS,
            excluded_llm_metadata_keys=METADATA_KEYS,
        )
        for c in chunks
    ]


def chroma_dir(root: Path) -> Path:
    return root / "chroma"


def bm25_dir(root: Path) -> Path:
    return root / "bm25"


def build_vectors(chunk_nodes: list[BaseNode], root: Path, embedding: CoachEmbedding) -> None:
    """Embed and store every node in a Chroma collection of the same cosine space as ours."""
    client = open_client(chroma_dir(root))
    collection = client.get_or_create_collection(
        COLLECTION, embedding_function=None, configuration={"hnsw": {"space": "cosine"}}
    )
    store = ChromaVectorStore(chroma_collection=collection)
    VectorStoreIndex(
        chunk_nodes,
        storage_context=StorageContext.from_defaults(vector_store=store),
        embed_model=embedding,
    )


def build_bm25(chunk_nodes: list[BaseNode], root: Path, candidates: int) -> None:
    """BM25 over the same nodes with LlamaIndex's defaults (English stemmer and stopwords),
    saved so a later open loads it instead of re-tokenising."""
    retriever = BM25Retriever.from_defaults(
        nodes=chunk_nodes, similarity_top_k=min(candidates, len(chunk_nodes))
    )
    bm25_dir(root).mkdir(parents=True, exist_ok=True)
    retriever.persist(str(bm25_dir(root)))


def open_fusion(
    root: Path, embedding: CoachEmbedding, candidates: int, k: int
) -> tuple[QueryFusionRetriever, BM25Retriever]:
    """The saved indexes opened as a new process would, fused by reciprocal rank; the BM25
    retriever too, so opening can be timed up to a first lexical query as ours is.

    Each ranker returns as many candidates as ours does before fusing. ``use_async=False``
    runs the two rankers one after the other, as ours does; the async default wraps the
    same CPU-bound calls in an event loop per query and only adds to the time.
    """
    collection = open_client(chroma_dir(root)).get_collection(COLLECTION, embedding_function=None)
    store = ChromaVectorStore(chroma_collection=collection)
    dense = VectorStoreIndex.from_vector_store(store, embed_model=embedding).as_retriever(
        similarity_top_k=candidates
    )
    lexical = BM25Retriever.from_persist_dir(str(bm25_dir(root)), show_progress=False)
    fusion = QueryFusionRetriever(
        [dense, lexical],
        llm=MockLLM(),
        mode=FUSION_MODES.RECIPROCAL_RANK,
        similarity_top_k=k,
        num_queries=1,
        use_async=False,
    )
    return fusion, lexical


class PeerSearch:
    """The fusion retriever in the shape of our ``Retriever.search``, so
    ``coach.evals.retrieval.score_mode`` scores both sides with the same code."""

    def __init__(self, fusion: QueryFusionRetriever, chunks: dict[str, Chunk]) -> None:
        self.fusion = fusion
        self.chunks = chunks

    def search(
        self,
        query: str,
        *,
        k: int = 5,
        mode: Mode = "hybrid",
        embedding: Sequence[float] | None = None,
    ) -> list[Passage]:
        """``embedding``, when given, goes in the query bundle, so the vector retriever
        uses it instead of embedding the query (as ours does with ``embedding=``)."""
        if mode != "hybrid":
            raise ValueError(f"the peer is measured in hybrid mode only, not {mode!r}")
        bundle = QueryBundle(query, embedding=None if embedding is None else list(embedding))
        found = self.fusion.retrieve(bundle)[:k]
        return [
            Passage(
                chunk=self.chunks[str(n.node.metadata["chunk_id"])], score=n.score or 0.0, rank=i
            )
            for i, n in enumerate(found, start=1)
        ]
