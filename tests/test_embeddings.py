"""The ONNX backend against the sentence-transformers reference, on the real model and corpus."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from coach.corpus.chunking import chunk_corpus
from coach.corpus.documents import load_corpus
from coach.errors import ConfigError, StoreError
from coach.evals.retrieval import load_labels, score_all_modes
from coach.retrieval.embeddings import Embedder, OnnxEncoder
from coach.retrieval.indexing import build_index
from coach.retrieval.retriever import Retriever
from coach.retrieval.store import ChunkStore
from coach.runtime import Runtime
from coach.settings import DEFAULT_EMBEDDING_MODEL
from tests.conftest import CORPUS, REPO, make_runtime


@pytest.fixture(scope="module")
def corpus_texts() -> list[str]:
    chunks = chunk_corpus(load_corpus(CORPUS).documents, max_chars=900)
    return [c.embedding_text for c in chunks]


@pytest.fixture(scope="module")
def torch_embedder() -> Embedder:
    return Embedder(DEFAULT_EMBEDDING_MODEL, backend="torch")


def test_onnx_is_the_default_backend(embedder: Embedder) -> None:
    assert embedder.backend == "onnx"
    assert isinstance(embedder.model, OnnxEncoder)


@pytest.mark.slow  # imports torch for the reference; `make test` and CI run it
def test_onnx_matches_sentence_transformers_on_every_corpus_chunk(
    embedder: Embedder, torch_embedder: Embedder, corpus_texts: list[str]
) -> None:
    onnx = embedder.encode_array(corpus_texts)
    ref = torch_embedder.encode_array(corpus_texts)
    cosine = (onnx * ref).sum(axis=1) / (np.linalg.norm(onnx, axis=1) * np.linalg.norm(ref, axis=1))
    print(
        f"cosine over {len(corpus_texts)} chunks: mean {cosine.mean():.6f} min {cosine.min():.6f}"
    )
    assert len(corpus_texts) > 50
    assert cosine.min() >= 0.9999
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)


@pytest.mark.slow  # imports sentence-transformers for the reference; `make test` and CI run it
def test_tokenisation_is_sentence_transformers_not_the_shipped_file(
    embedder: Embedder, torch_embedder: Embedder
) -> None:
    """tokenizer.json as shipped truncates and pads to 128: long texts would drift."""
    model = embedder.model
    assert isinstance(model, OnnxEncoder)
    long_text = " ".join(f"promotion case evidence item {i}" for i in range(150))
    short = "Where is my opportunity?"
    ids = model.tokenizer.encode_batch([long_text, short])
    assert len(ids[0].ids) == 256 == model.max_seq_length
    assert len(ids[1].ids) == 256  # padded to the longest in the batch
    assert sum(ids[1].attention_mask) < 16
    alone = model.tokenizer.encode_batch([short])[0]
    assert len(alone.ids) == sum(alone.attention_mask)  # no padding to a fixed 128
    onnx = embedder.encode_array([long_text, short])
    ref = torch_embedder.encode_array([long_text, short])
    assert (onnx * ref).sum(axis=1).min() >= 0.9999


@pytest.mark.slow  # imports torch for the reference; `make test` and CI run it
def test_labelled_set_scores_are_the_same_per_backend(
    corpus_runtime: Runtime, torch_embedder: Embedder, tmp_path: Path
) -> None:
    labels = load_labels()
    onnx_scores = score_all_modes(corpus_runtime.retriever, labels)
    rt = make_runtime(tmp_path / "data", CORPUS, torch_embedder)
    build_index(rt.settings, rt.store)
    torch_scores = score_all_modes(Retriever(rt.store), labels)
    for mode, score in onnx_scores.items():
        print(f"{mode}: onnx {score.hit_at_k:.3f}/{score.mrr:.3f}", end=" ")
        print(f"torch {torch_scores[mode].hit_at_k:.3f}/{torch_scores[mode].mrr:.3f}")
        assert score.hit_at_k == pytest.approx(torch_scores[mode].hit_at_k, abs=1e-9)
        assert score.mrr == pytest.approx(torch_scores[mode].mrr, abs=1e-3)


def test_query_path_imports_neither_torch_nor_sentence_transformers(
    corpus_runtime: Runtime,
) -> None:
    script = textwrap.dedent(
        """
        import sys
        from coach.runtime import Runtime
        from coach.settings import load_settings
        rt = Runtime(load_settings())
        passages = rt.retriever.search("should I go for promotion?", k=3)
        assert passages, "no passages"
        print(rt.embedder.backend, len(passages))
        print("torch" in sys.modules, "sentence_transformers" in sys.modules)
        """
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
    env["COACH_DATA_DIR"] = str(corpus_runtime.settings.data_dir)
    env["HF_HUB_OFFLINE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["onnx", "3", "False", "False"]


def test_int8_is_its_own_model_and_never_mixes_with_fp32(
    corpus_runtime: Runtime, corpus_texts: list[str], embedder: Embedder
) -> None:
    int8 = Embedder(f"{DEFAULT_EMBEDDING_MODEL}-int8")
    assert int8.path == embedder.path
    q = int8.encode_array(corpus_texts[:8])
    f = embedder.encode_array(corpus_texts[:8])
    cosine = (q * f).sum(axis=1)
    assert 0.9 < cosine.min() < 0.99999  # close, but different vectors
    store = ChunkStore(corpus_runtime.settings.chroma_dir, int8)
    with pytest.raises(StoreError, match="rebuild"):
        store.collection()
    with pytest.raises(ConfigError, match="onnx"):
        Embedder(f"{DEFAULT_EMBEDDING_MODEL}-int8", backend="torch")


def test_unknown_backend_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_EMBEDDING_BACKEND", "tensorflow")
    with pytest.raises(ConfigError, match="COACH_EMBEDDING_BACKEND"):
        Embedder(DEFAULT_EMBEDDING_MODEL)
    monkeypatch.setenv("COACH_EMBEDDING_BACKEND", "torch")
    assert Embedder(DEFAULT_EMBEDDING_MODEL).backend == "torch"


@pytest.mark.slow  # loads the torch backend; `make test` and CI run it
def test_an_onnx_model_that_cannot_be_built_falls_back_to_torch_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import coach.retrieval.embeddings as embeddings

    def missing(*args: object, **kwargs: object) -> Path:
        raise ImportError("No module named 'onnx'")

    monkeypatch.setattr(embeddings, "ensure_onnx", missing)
    fallback = Embedder(DEFAULT_EMBEDDING_MODEL)
    assert len(fallback.encode(["where is my opportunity?"])[0]) == 384
    assert fallback.backend == "torch"
    notice = capsys.readouterr().err.strip().splitlines()
    assert len(notice) == 1 and "using torch instead" in notice[0]
    with pytest.raises(ConfigError, match="int8"):
        _ = Embedder(f"{DEFAULT_EMBEDDING_MODEL}-int8").model
