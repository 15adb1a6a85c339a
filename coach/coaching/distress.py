"""Distress by meaning: a message close to any exemplar of distress, by sentence embedding.

Keywords catch "burned out"; they miss "I feel worthless, passed over a third time". The
packaged embedding model compares each sentence of a message with exemplar sentences
written for this purpose. The model reads English only (Russian sentences score high
whatever they say), so it judges English messages; Russian relies on the keyword list in
``coach.coaching.signals``.
"""

from __future__ import annotations

import re
import threading

import numpy as np

from coach.retrieval.embeddings import Embedder

EXEMPLARS: tuple[str, ...] = (
    "I feel worthless.",
    "I feel like a failure and nothing I do matters.",
    "I can't stop crying at work.",
    "I'm exhausted all the time and I dread every morning.",
    "I feel hopeless about everything.",
    "I don't see the point of anything anymore.",
    "I'm falling apart and can't keep going like this.",
    "I hate myself for not being good enough.",
    "I feel completely alone and nobody cares.",
    "I haven't slept properly in weeks because of work stress.",
    "I'm so anxious I feel sick before every meeting.",
    "I feel numb and empty.",
    "Nothing I do is ever good enough.",
    "I think I'm just stupid and useless.",
)
#: Cosine similarity at or above which a sentence reads as distress. Chosen on the
#: exemplars' neighbours in tests/test_distress.py: career worries ("I was passed over and
#: I'm frustrated") stay below, feelings of worthlessness or despair go above.
THRESHOLD = 0.55
SENTENCES = re.compile(r"(?<=[.!?…])\s+|\n+|,\s+(?=(?:and|but|i)\b)", re.I)


class DistressDetector:
    """Scores messages against the exemplars; the exemplar vectors are computed once."""

    def __init__(self, embedder: Embedder, threshold: float = THRESHOLD) -> None:
        self.embedder = embedder
        self.threshold = threshold
        self._exemplars: np.ndarray | None = None
        self._lock = threading.Lock()

    def _vectors(self) -> np.ndarray:
        with self._lock:
            if self._exemplars is None:
                self._exemplars = np.asarray(self.embedder.encode(list(EXEMPLARS)))
            return self._exemplars

    def score(self, message: str) -> float:
        """The highest similarity of any sentence of ``message`` to any exemplar."""
        parts = [p.strip() for p in SENTENCES.split(message) if p and len(p.strip()) > 3]
        if not parts:
            return 0.0
        vectors = np.asarray(self.embedder.encode(parts[:12]))
        return float((vectors @ self._vectors().T).max())

    def __call__(self, message: str) -> bool:
        return self.score(message) >= self.threshold
