"""The labelled retrieval set and its scoring: hit@k, MRR and nDCG per retrieval mode.

A passage is relevant to a labelled question when it comes from the expected
document and contains the expected phrase (case-insensitive).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from coach.errors import CoachError
from coach.metrics import hit_at_k, mean, ndcg_at_k, reciprocal_rank
from coach.retrieval import MODES, Mode, Passage, Retriever
from coach.settings import default_evals_dir

DEFAULT_LABELS = default_evals_dir() / "retrieval.yaml"


class LabelledQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=1)
    doc: str = Field(min_length=1)
    phrase: str = Field(min_length=1)
    lang: str = "en"
    via: str | None = None


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
