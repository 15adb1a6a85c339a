"""Which guidance cards a message is about, by meaning: sentence embeddings, not shared words.

Word overlap misses "Is management a faster way up?" against "Moving to management is a
change of job, not a promotion"; the packaged embedding model does not. Each card's point
is embedded once per process and kept; a message is scored sentence by sentence, and a
card's score is its best match. The model reads English only (Russian sentences score
high whatever they say), so only English messages are scored.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

import numpy as np

from coach.corpus.cards import Card
from coach.retrieval.embeddings import Embedder

SENTENCES = re.compile(r"(?<=[.!?…])\s+|\n+")
MAX_SENTENCES = 12


def sentence_vectors(
    embedder: Embedder, message: str, splitter: re.Pattern[str] = SENTENCES
) -> np.ndarray | None:
    """One unit vector per sentence of ``message`` (at most 12), or ``None`` for none:
    a message is judged by its closest sentence, not by its average."""
    parts = [p.strip() for p in splitter.split(message) if p and len(p.strip()) > 3]
    return embedder.encode_array(parts[:MAX_SENTENCES]) if parts else None


class CardMeaning:
    """Cosine similarity between a message's sentences and card points, cards cached."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self._vectors: dict[str, np.ndarray] = {}
        # The last message's sentence vectors: a turn asks about the same message several
        # times (the situation's card, then every retrieved passage's cards).
        self._last: tuple[str, np.ndarray | None] | None = None
        self._lock = threading.Lock()

    def _message_vectors(self, message: str) -> np.ndarray | None:
        with self._lock:
            last = self._last
        if last is not None and last[0] == message:
            return last[1]
        vectors = sentence_vectors(self.embedder, message)
        with self._lock:
            self._last = (message, vectors)
        return vectors

    def _card_vectors(self, cards: list[Card]) -> np.ndarray:
        with self._lock:
            missing = [c for c in cards if c.id not in self._vectors]
            if missing:
                encoded = self.embedder.encode_array([c.point.en for c in missing])
                for card, vector in zip(missing, encoded, strict=True):
                    self._vectors[card.id] = vector
            return np.stack([self._vectors[c.id] for c in cards])

    def similarity(self, message: str, cards: Iterable[Card]) -> dict[str, float]:
        """Card id → the best cosine between the card's point and a sentence of ``message``."""
        unique = list({c.id: c for c in cards}.values())
        sentences = self._message_vectors(message) if unique else None
        if sentences is None:
            return {}
        scores = (sentences @ self._card_vectors(unique).T).max(axis=0)
        return {card.id: round(float(s), 3) for card, s in zip(unique, scores, strict=True)}
