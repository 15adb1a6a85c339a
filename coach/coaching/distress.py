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

from coach.coaching.meaning import sentence_vectors
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
    "Nothing matters anymore.",
    "I hate who I've become.",
)
#: Ordinary things said about work, some close in wording to the exemplars ("I'm good at
#: what I do" sits near "nothing I do is ever good enough"): a sentence nearer to one of
#: these than to any exemplar is not distress, however high its raw score.
CONTRASTS: tuple[str, ...] = (
    "I'm good at what I do.",
    "I love coding and I enjoy my job.",
    "I'm proud of what I shipped this quarter.",
    "I do my on-call shifts and I'm fine with it.",
    "I feel good about my progress.",
    "I was passed over for promotion and I'm frustrated.",
    "I'm a bit stressed about my performance review.",
    # Dreading a meeting about the promotion is dislike of the meeting, not despair.
    "It's starting to make me dread these meetings.",
    "I dread our weekly one-on-ones about my promotion plan.",
    "I'm worried about the reorg and what it means for my team.",
    "I'm nervous about the layoffs at my company.",
    "I feel like I let my team down on this project.",
    "I feel like I failed my team.",
    "I had a long, busy week at work.",
    "I haven't had much time for deep work lately.",
    # Tired said in passing, after a story about work: the tired feeling, not a crisis.
    "I'm exhausted.",
    "I'm tired of this.",
    "Honestly, it's exhausting.",
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
        self._contrasts: np.ndarray | None = None
        self._lock = threading.Lock()

    def _vectors(self) -> tuple[np.ndarray, np.ndarray]:
        with self._lock:
            if self._exemplars is None or self._contrasts is None:
                self._exemplars = np.asarray(self.embedder.encode(list(EXEMPLARS)))
                self._contrasts = np.asarray(self.embedder.encode(list(CONTRASTS)))
            return self._exemplars, self._contrasts

    def score(self, message: str) -> float:
        """The highest similarity of any sentence to an exemplar, counting only sentences
        that are nearer to an exemplar than to every ordinary statement about work."""
        vectors = sentence_vectors(self.embedder, message, SENTENCES)
        if vectors is None:
            return 0.0
        exemplars, contrasts = self._vectors()
        distress = (vectors @ exemplars.T).max(axis=1)
        ordinary = (vectors @ contrasts.T).max(axis=1)
        kept = distress[distress > ordinary]
        return float(kept.max()) if kept.size else 0.0

    def __call__(self, message: str) -> bool:
        return self.score(message) >= self.threshold
