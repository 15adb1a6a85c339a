"""Retrieval metrics over ranked lists: pure functions shared by tests, evals and benchmarks."""

from __future__ import annotations

import math
from collections.abc import Sequence


def first_relevant_rank(relevant: Sequence[bool]) -> int | None:
    """1-based rank of the first relevant item, or None."""
    for rank, hit in enumerate(relevant, start=1):
        if hit:
            return rank
    return None


def hit_at_k(relevant: Sequence[bool], k: int) -> float:
    return 1.0 if any(relevant[:k]) else 0.0


def reciprocal_rank(relevant: Sequence[bool], k: int | None = None) -> float:
    rank = first_relevant_rank(relevant[:k] if k else relevant)
    return 1.0 / rank if rank else 0.0


def recall_at_k(found: Sequence[str], expected: Sequence[str], k: int) -> float:
    """Share of expected items present among the first ``k`` found."""
    if not expected:
        return 1.0
    top = set(found[:k])
    return sum(1 for e in expected if e in top) / len(expected)


def ndcg_at_k(relevant: Sequence[bool], k: int) -> float:
    """Binary-relevance nDCG: rewards relevant passages ranked early."""
    gains = [1.0 / math.log2(i + 2) for i, hit in enumerate(relevant[:k]) if hit]
    ideal_hits = min(sum(1 for r in relevant if r), k)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(ideal_hits))
    return sum(gains) / ideal if ideal else 0.0


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0
