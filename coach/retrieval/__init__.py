"""Embeddings, the Chroma store, BM25, fusion, the retriever and indexing."""
