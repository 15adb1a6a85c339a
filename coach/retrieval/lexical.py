"""BM25 over the same chunks as the vector store, with per-script stemming.

Each token is stemmed by the language pack whose script it is written in (Russian for
Russian words, English otherwise), so a Russian question matches the Russian quotations
and an English one matches their renderings.
Scores come from ``bm25s`` sparse matrices: one query touches only the postings of
its own terms, never every document. A saved index is searched by ``SavedScores``, which
reads bm25s's files with numpy alone: importing bm25s imports scipy, which cost a query
process ~0.2 s to start and ~0.1 s to exit. bm25s itself is loaded only to build an index.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import Stemmer

from coach.lang import PACKS, of_word

TOKEN = re.compile(r"[^\W_]+", re.UNICODE)

STOPWORDS = frozenset().union(*(p.stopwords for p in PACKS.values()))


# Derivations the Snowball stemmer leaves apart but a reader treats as one word.
DERIVATIONS = {k: v for p in PACKS.values() for k, v in p.derivations.items()}


@cache
def _stemmer(algorithm: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(algorithm)


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens, stop words dropped, stemmed by script."""
    tokens = []
    for word in TOKEN.findall(text.lower()):
        if word in STOPWORDS:
            continue
        stem = _stemmer(of_word(word).stemmer).stemWord(word)
        tokens.append(DERIVATIONS.get(stem, stem))
    return tokens


class SavedScores:
    """The query side of an index saved by ``bm25s.BM25.save``: its vocabulary and the
    per-term score columns (CSC arrays), memory-mapped, summed for a query exactly as
    ``bm25s.BM25.get_scores`` sums them (``np.add.at``, term by term, in the saved dtype)."""

    def __init__(self, folder: Path) -> None:
        params = json.loads((folder / "params.index.json").read_text(encoding="utf-8"))
        if params.get("method", "lucene") not in ("robertson", "lucene", "atire"):
            # BM25L and BM25+ add a non-occurrence score per term; we never build those.
            raise ValueError(f"unsupported BM25 method {params.get('method')!r}")
        self.vocab_dict: dict[str, int] = json.loads(
            (folder / "vocab.index.json").read_text(encoding="utf-8")
        )
        self.dtype = np.dtype(params.get("dtype", "float32"))
        self.int_dtype = np.dtype(params.get("int_dtype", "int32"))
        self.num_docs = int(params["num_docs"])
        self.scores: dict[str, Any] = {
            name: np.load(folder / f"{name}.csc.index.npy", mmap_mode="r")
            for name in ("data", "indices", "indptr")
        }
        self.scores["num_docs"] = self.num_docs

    def get_scores(self, terms: list[str]) -> np.ndarray:
        """One score per document: the sum over ``terms`` (all in the vocabulary)."""
        ids = np.asarray([self.vocab_dict[t] for t in terms], dtype=self.int_dtype)
        data, indices, indptr = (self.scores[k] for k in ("data", "indices", "indptr"))
        if int(ids.max(initial=0)) >= len(indptr) - 1:  # bm25s's "" token has no column
            raise ValueError(f"a term of {terms!r} has no postings in the index")
        scores = np.zeros(self.num_docs, dtype=self.dtype)
        for start, end in zip(indptr[ids], indptr[ids + 1], strict=True):
            np.add.at(scores, indices[start:end], data[start:end])
        return scores


class LexicalIndex:
    """A BM25 index over chunk search texts, addressed by chunk id; saved and memory-mapped."""

    def __init__(self, ids: Sequence[str], texts: Sequence[str]) -> None:
        import bm25s  # only to build: a saved index is searched without it (SavedScores)

        self.ids = list(ids)
        self._bm25: Any = bm25s.BM25()
        tokenized = [tokenize(t) or [""] for t in texts]
        if self.ids:
            self._bm25.index(tokenized, show_progress=False)

    @classmethod
    def load(cls, ids: Sequence[str], folder: Path) -> LexicalIndex:
        """Map a saved index: the postings are read from disk as queries touch them."""
        index = cls.__new__(cls)
        index.ids = list(ids)
        index._bm25 = SavedScores(folder)
        return index

    def save(self, folder: Path) -> None:
        self._bm25.save(str(folder), show_progress=False)

    def __len__(self) -> int:
        return len(self.ids)

    def _postings(self, term: str) -> np.ndarray | None:
        """Row positions of the chunks holding ``term``, or None if no chunk does."""
        term_id = self._bm25.vocab_dict.get(term)
        if term_id is None or not self.ids:
            return None
        scores = self._bm25.scores
        return scores["indices"][scores["indptr"][term_id] : scores["indptr"][term_id + 1]]

    def coverage(self, query_terms: set[str], rows: Sequence[int]) -> list[float]:
        """Per row, the share of the query's distinct terms that its chunk contains."""
        if not query_terms or not rows:
            return [0.0] * len(rows)
        wanted = np.asarray(rows)
        held = np.zeros(len(wanted), dtype=np.int32)
        for term in query_terms:
            postings = self._postings(term)
            if postings is not None:
                held += np.isin(wanted, postings)
        return (held / len(query_terms)).tolist()

    def search(
        self, query: str, n: int, allowed: np.ndarray | None = None
    ) -> list[tuple[str, float]]:
        """Top ``n`` chunk ids with BM25 scores; ``allowed`` is an optional boolean mask."""
        terms = tokenize(query)
        if not self.ids or not terms:
            return []
        vocab = self._bm25.vocab_dict
        known = [t for t in terms if t in vocab]
        if not known:
            return []
        scores = self._bm25.get_scores(known)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        n = min(n, len(self.ids))
        top = np.argpartition(-scores, n - 1)[:n] if n < len(scores) else np.arange(len(scores))
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]
