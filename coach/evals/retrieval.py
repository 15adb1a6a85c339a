"""The labelled retrieval set and its scoring: hit@k, MRR and nDCG per retrieval mode.

Labels carry a split: ``dev`` labels may be used to choose anything (fusion weights);
``test`` labels were written separately and are only ever reported, so their figures
estimate how retrieval does on questions nobody tuned for.

A passage is relevant to a labelled question when it comes from the expected
document and contains the expected phrase (case-insensitive).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from coach.errors import CoachError
from coach.metrics import hit_at_k, mean, ndcg_at_k, reciprocal_rank
from coach.retrieval import retriever as retrieval
from coach.retrieval.retriever import MODES, Mode, Passage, Retriever
from coach.settings import default_evals_dir

DEFAULT_LABELS = default_evals_dir() / "retrieval.yaml"


class LabelledQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=1)
    doc: str = Field(min_length=1)
    phrase: str = Field(min_length=1)
    lang: str = "en"
    via: str | None = None
    split: Literal["dev", "test"] = "dev"


def load_labels(path: Path = DEFAULT_LABELS) -> list[LabelledQuestion]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return TypeAdapter(list[LabelledQuestion]).validate_python(raw)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise CoachError(f"Labelled retrieval set {path} is invalid: {exc}") from None


def is_relevant(passage: Passage, label: LabelledQuestion) -> bool:
    return passage.doc_id == label.doc and label.phrase.lower() in passage.chunk.text.lower()


@dataclass(frozen=True)
class ModeScore:
    mode: str
    hit_at_k: float
    mrr: float
    ndcg: float
    misses: tuple[str, ...]


def score_mode(
    retriever: Retriever, labels: list[LabelledQuestion], mode: Mode, k: int = 5
) -> ModeScore:
    hits, rrs, ndcgs, misses = [], [], [], []
    for label in labels:
        passages = retriever.search(label.question, k=k, mode=mode)
        relevant = [is_relevant(p, label) for p in passages]
        hits.append(hit_at_k(relevant, k))
        rrs.append(reciprocal_rank(relevant, k))
        ndcgs.append(ndcg_at_k(relevant, k))
        if not any(relevant):
            misses.append(label.question)
    return ModeScore(mode, mean(hits), mean(rrs), mean(ndcgs), tuple(misses))


def score_all_modes(
    retriever: Retriever, labels: list[LabelledQuestion], k: int = 5
) -> dict[str, ModeScore]:
    return {mode: score_mode(retriever, labels, mode, k) for mode in MODES}


def format_table(scores: dict[str, ModeScore], k: int, n: int) -> str:
    lines = [f"retrieval on {n} labelled questions (k={k})", "mode     hit@k   MRR    nDCG"]
    for s in scores.values():
        lines.append(f"{s.mode:<8} {s.hit_at_k:6.3f} {s.mrr:6.3f} {s.ndcg:6.3f}")
    return "\n".join(lines)


def by_split(labels: list[LabelledQuestion]) -> dict[str, list[LabelledQuestion]]:
    """``{"dev": [...], "test": [...]}``; a split with no labels is left out."""
    out: dict[str, list[LabelledQuestion]] = {}
    for label in labels:
        out.setdefault(label.split, []).append(label)
    return {name: out[name] for name in ("dev", "test") if name in out}


def format_split_tables(retriever: Retriever, labels: list[LabelledQuestion], k: int) -> str:
    """One table per split, dev first: dev figures may be tuned on, test figures may not."""
    parts = []
    for name, subset in by_split(labels).items():
        table = format_table(score_all_modes(retriever, subset, k), k, len(subset))
        parts.append(f"{name} split: " + table)
    return "\n\n".join(parts)


Weights = tuple[float, float, float]  # dense, lexical, coverage


@contextmanager
def fusion_weights(weights: Weights) -> Iterator[None]:
    """Run retrieval with other fusion constants for a while (the sweep's only lever)."""
    saved = (retrieval.DENSE_WEIGHT, retrieval.LEXICAL_WEIGHT, retrieval.COVERAGE_WEIGHT)
    retrieval.DENSE_WEIGHT, retrieval.LEXICAL_WEIGHT, retrieval.COVERAGE_WEIGHT = weights
    try:
        yield
    finally:
        retrieval.DENSE_WEIGHT, retrieval.LEXICAL_WEIGHT, retrieval.COVERAGE_WEIGHT = saved


@dataclass(frozen=True)
class SweepRow:
    weights: Weights
    dev: ModeScore
    test: ModeScore | None


def sweep(
    retriever: Retriever, labels: list[LabelledQuestion], grid: list[Weights], k: int = 5
) -> list[SweepRow]:
    """Hybrid figures for each weight triple, dev and test side by side, best dev first.

    The order uses dev alone (hit@k, then MRR): test is shown, never used to choose.
    """
    splits = by_split(labels)
    rows = []
    for weights in grid:
        with fusion_weights(weights):
            dev = score_mode(retriever, splits.get("dev", []), "hybrid", k)
            test = score_mode(retriever, splits["test"], "hybrid", k) if "test" in splits else None
        rows.append(SweepRow(weights, dev, test))
    return sorted(rows, key=lambda r: (-r.dev.hit_at_k, -r.dev.mrr))


def format_sweep(rows: list[SweepRow]) -> str:
    lines = ["dense lexical coverage | dev hit@k  MRR   | test hit@k  MRR"]
    for r in rows:
        dense, lexical, cover = r.weights
        test = f"{r.test.hit_at_k:6.3f} {r.test.mrr:6.3f}" if r.test else "   -      -"
        dev = f"{r.dev.hit_at_k:6.3f} {r.dev.mrr:6.3f}"
        lines.append(f"{dense:5.2f} {lexical:7.2f} {cover:8.2f} | {dev} | {test}")
    return "\n".join(lines)
