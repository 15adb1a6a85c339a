"""Coverage by meaning: does some sentence of the answer say what a ``covers`` point says?

The packaged sentence model (all-MiniLM-L6-v2) embeds the point and every sentence of the
answer; the best cosine similarity is compared with a threshold calibrated on a committed,
hand-labelled set of (point, sentence, match) pairs in ``evals/calibration.yaml``, chosen
for precision >= 0.9. Cosine similarity cannot tell advice from its opposite, so two gates
come first: a sentence that negates where the point does not, or the other way round
("is" vs "is not", "never", "only"), does not match, and neither does a sentence the corpus marks as
complaint, story or intro. The model is English-only in practice, so Russian answers are
left to the keyword lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from coach.errors import CoachError
from coach.evals.negatives import (
    CITATION,
    QUOTED,
    CorpusFacts,
    contains,
    language_of,
    normalise,
    sentences,
)
from coach.retrieval.embeddings import Embedder

CALIBRATION_FILE = Path(__file__).resolve().parents[2] / "evals" / "calibration.yaml"
#: Recomputed by ``coach eval --calibrate`` and checked by tests/test_evals_semantic.py.
SEMANTIC_THRESHOLD = 0.66
NEGATION = re.compile(r"\b(?:not|no|never|nobody|nothing|none|cannot|without|only)\b|n't\b", re.I)
TARGET_PRECISION = 0.9
MIN_WORDS = 3


class LabelledPair(BaseModel):
    model_config = ConfigDict(extra="forbid")
    point: str = Field(min_length=1)
    sentence: str = Field(min_length=1)
    match: bool
    why: str | None = None  # hard negatives say what makes them hard


class PairGroup(BaseModel):
    """One point with sentences that match it, that don't, and hard negatives."""

    model_config = ConfigDict(extra="forbid")
    point: str = Field(min_length=1)
    match: list[str] = Field(default_factory=list)
    no_match: list[str] = Field(default_factory=list)
    hard: list[str] = Field(default_factory=list)

    def pairs(self) -> list[LabelledPair]:
        return (
            [LabelledPair(point=self.point, sentence=s, match=True) for s in self.match]
            + [LabelledPair(point=self.point, sentence=s, match=False) for s in self.no_match]
            + [
                LabelledPair(point=self.point, sentence=s, match=False, why="hard")
                for s in self.hard
            ]
        )


def load_pairs(path: Path = CALIBRATION_FILE) -> list[LabelledPair]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        groups = TypeAdapter(list[PairGroup]).validate_python(raw)
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise CoachError(f"Calibration set {path} is invalid: {exc}") from None
    return [pair for group in groups for pair in group.pairs()]


def answer_sentences(answer: str) -> list[str]:
    """The coach's own sentences: citations dropped, quotations kept as text."""
    text = CITATION.sub("", QUOTED.sub(lambda m: next(g for g in m.groups() if g), answer))
    out = []
    for s in sentences(text):
        s = s.lstrip("-*•0123456789. ").strip()
        if len(s.split()) >= MIN_WORDS:
            out.append(s)
    return out


@dataclass(frozen=True)
class Match:
    score: float
    sentence: str
    matched: bool


class SemanticMatcher:
    """Best point-to-sentence similarity, with embeddings cached across a run."""

    def __init__(
        self,
        embedder: Embedder,
        threshold: float = SEMANTIC_THRESHOLD,
        facts: CorpusFacts | None = None,
    ) -> None:
        self.embedder = embedder
        self.threshold = threshold
        self.facts = facts
        self._cache: dict[str, np.ndarray] = {}

    def eligible(self, point: str, sentence: str) -> bool:
        """Same negation polarity as the point, and not a sentence marked as non-advice."""
        if bool(NEGATION.search(point)) != bool(NEGATION.search(sentence)):
            return False
        if self.facts is None:
            return True
        norm = normalise(sentence)
        return not any(
            contains(m.norm, norm) or contains(norm, m.norm)
            for m in self.facts.marks
            if len(m.norm.split()) >= 4
        )

    def _vectors(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            for text, vec in zip(missing, self.embedder.encode(missing), strict=True):
                self._cache[text] = np.asarray(vec, dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def similarity(self, a: list[str], b: list[str]) -> np.ndarray:
        return self._vectors(a) @ self._vectors(b).T

    def best(self, point: str, answer: str) -> Match:
        if language_of(point) != "en":
            return Match(0.0, "", False)  # the model is English-only: keywords judge Russian
        candidates = [c for c in answer_sentences(answer) if language_of(c) == "en"]
        if not candidates:
            return Match(0.0, "", False)
        scores = self.similarity([point], candidates)[0]
        gated = np.array(
            [
                s if self.eligible(point, c) else -1.0
                for s, c in zip(scores, candidates, strict=True)
            ]
        )
        i = int(np.argmax(scores))
        j = int(np.argmax(gated))
        if gated[j] >= self.threshold:
            return Match(round(float(gated[j]), 4), candidates[j], True)
        return Match(round(float(scores[i]), 4), candidates[i], False)


@dataclass(frozen=True)
class Calibration:
    threshold: float
    precision: float
    recall: float
    pairs: int
    positives: int
    hard_negatives: int
    curve: list[tuple[float, float, float]]  # threshold, precision, recall


def precision_recall(
    scores: np.ndarray, labels: np.ndarray, threshold: float
) -> tuple[float, float]:
    predicted = scores >= threshold
    tp = int(np.sum(predicted & labels))
    precision = tp / int(np.sum(predicted)) if predicted.any() else 1.0
    recall = tp / int(np.sum(labels)) if labels.any() else 1.0
    return precision, recall


def calibrate(
    matcher: SemanticMatcher, pairs: list[LabelledPair], target: float = TARGET_PRECISION
) -> Calibration:
    """The lowest threshold (best recall) whose precision on the pairs reaches ``target``."""
    points = [p.point for p in pairs]
    sents = [p.sentence for p in pairs]
    vectors_a, vectors_b = matcher._vectors(points), matcher._vectors(sents)
    raw = np.sum(vectors_a * vectors_b, axis=1)
    scores = np.array(
        [
            r if matcher.eligible(p.point, p.sentence) else -1.0
            for r, p in zip(raw, pairs, strict=True)
        ]
    )
    labels = np.array([p.match for p in pairs])
    grid = [round(t, 2) for t in np.arange(0.3, 0.91, 0.01)]
    curve = [(t, *precision_recall(scores, labels, t)) for t in grid]
    passing = [row for row in curve if row[1] >= target and row[2] > 0]
    chosen = passing[0] if passing else curve[-1]
    return Calibration(
        threshold=chosen[0],
        precision=round(chosen[1], 4),
        recall=round(chosen[2], 4),
        pairs=len(pairs),
        positives=int(labels.sum()),
        hard_negatives=sum(1 for p in pairs if not p.match and p.why),
        curve=[(t, round(p, 4), round(r, 4)) for t, p, r in curve],
    )


def format_calibration(c: Calibration) -> str:
    lines = [
        f"calibration set: {c.pairs} pairs, {c.positives} matches, "
        f"{c.hard_negatives} hard negatives",
        f"chosen threshold {c.threshold:.2f}: precision {c.precision:.3f}, recall {c.recall:.3f}"
        f" (target precision >= {TARGET_PRECISION})",
        "threshold precision recall",
    ]
    lines += [f"{t:9.2f} {p:9.3f} {r:6.3f}" for t, p, r in c.curve if round(t * 100) % 5 == 0]
    return "\n".join(lines)
