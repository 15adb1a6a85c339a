"""Shared fixtures: the real embedding model, real Chroma stores in temporary folders."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from coach.embeddings import Embedder
from coach.indexing import build_index
from coach.runtime import Runtime
from coach.settings import DEFAULT_EMBEDDING_MODEL, Settings

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
SHARED_SOURCES = REPO.parent / "shared" / "sources"


@pytest.fixture(autouse=True)
def _isolated_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No test reads the developer's own config, data or API keys."""
    for key in list(os.environ):
        if key.startswith("COACH_") or key in {"OPENAI_API_KEY", "OPENAI_BASE_URL"}:
            monkeypatch.delenv(key, raising=False)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return Embedder(DEFAULT_EMBEDDING_MODEL)


def make_runtime(data_dir: Path, corpus_dir: Path, embedder: Embedder, **extra: object) -> Runtime:
    settings = Settings(data_dir=data_dir, corpus_dir=corpus_dir, **extra)
    rt = Runtime(settings)
    rt.__dict__["embedder"] = embedder  # share the loaded model across tests
    return rt


@pytest.fixture(scope="session")
def corpus_runtime(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Runtime:
    """The shipped corpus, indexed once per test session into a temporary store."""
    data = tmp_path_factory.mktemp("corpus-index")
    rt = make_runtime(data, CORPUS, embedder)
    report = build_index(rt.settings, rt.store)
    assert report.errors == []
    return rt


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the shipped corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    yield target


@pytest.fixture
def make_coach(corpus_runtime: Runtime, tmp_path: Path):
    """Build a Coach over the indexed corpus with a given chat model and fresh sessions."""
    from coach.conversation import Coach
    from coach.sessions import SessionStore

    def factory(model=None, **settings_overrides):
        from coach.offline import OfflineResponder

        settings = corpus_runtime.settings.model_copy(
            update={"data_dir": tmp_path / "data", **settings_overrides}
        )
        sessions = SessionStore(settings.sessions_db)
        return Coach(settings, corpus_runtime.retriever, model or OfflineResponder(), sessions)

    return factory
