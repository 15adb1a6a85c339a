"""Shared fixtures: the real embedding model, real Chroma stores in temporary folders,
the CLI run in process, and the helpers subprocess and server tests share."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import coach.runtime
from coach.interfaces.cli import app
from coach.retrieval.embeddings import Embedder
from coach.retrieval.indexing import build_index
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
def indexed_copy(tmp_path: Path, corpus_runtime: Runtime) -> Path:
    """A data folder holding a copy of the session's vector store (not its lexical
    snapshot): indexing the shipped corpus into it embeds nothing, in a fraction of the
    time a fresh index takes."""
    target = tmp_path / "data"
    shutil.copytree(corpus_runtime.settings.chroma_dir, target / "chroma")
    return target


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """A writable corpus of the two articles and one ladder: a third the chunks to embed."""
    target = tmp_path / "small-corpus"
    for name in (
        "articles/no-one-will-give-you-a-promotion.md",
        "articles/should-you-work-toward-a-promotion.md",
        "ladders/ic-3-senior-engineer.md",
    ):
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / name, target / name)
    return target


@pytest.fixture
def make_coach(corpus_runtime: Runtime, tmp_path: Path):
    """Build the coach a user gets (every meaning reader) over the indexed corpus, with a
    given chat model and fresh sessions."""
    from coach.sessions.sqlite import SessionStore

    def factory(model=None, **settings_overrides):
        from coach.llm.offline import OfflineResponder

        settings = corpus_runtime.settings.updated(data_dir=tmp_path / "data", **settings_overrides)
        sessions = SessionStore(settings.sessions_db)
        return corpus_runtime.make_coach(settings, model or OfflineResponder(), sessions)

    return factory


def run_turns(coach, messages: list[str]) -> list:
    """One conversation: each message in turn, in the same session; the results."""
    session_id, results = None, []
    for text in messages:
        result = coach.ask(session_id, text)
        session_id = result.session_id
        results.append(result)
    return results


def ask_all(coach, messages: list[str]) -> list[str]:
    """One conversation's answers, in order."""
    return [result.answer for result in run_turns(coach, messages)]


# -- environments, ports, event streams ------------------------------------------------------


def coach_env(home: Path, **extra: str) -> dict[str, str]:
    """The variables that point a coach at its own data, corpus and config under ``home``."""
    env = {
        "COACH_DATA_DIR": str(home / "data"),
        "COACH_CORPUS_DIR": str(CORPUS),
        "XDG_CONFIG_HOME": str(home / "cfg"),
        "HF_HUB_OFFLINE": "1",
    }
    env.update(extra)
    return env


def child_env(home: Path, **extra: str) -> dict[str, str]:
    """A subprocess environment: this one without any COACH_* variable, plus ``coach_env``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
    env.update(coach_env(home, **extra))
    return env


def start_cli(args: list[str], env: dict[str, str], **kw: object) -> subprocess.Popen:
    """``coach ARGS`` started in a real process and left running (to be killed, read, waited)."""
    return subprocess.Popen(
        [sys.executable, "-m", "coach.interfaces.cli", *args],
        env=env,
        cwd=REPO,
        **kw,  # type: ignore[call-overload]
    )


def run_cli(
    args: list[str], env: dict[str, str], *, timeout: float = 300, **kw: object
) -> subprocess.CompletedProcess:
    """``coach ARGS`` in a real process, for when the process itself is the point."""
    return subprocess.run(
        [sys.executable, "-m", "coach.interfaces.cli", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        **kw,  # type: ignore[call-overload]
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 120) -> None:
    """Return once something accepts connections on ``port``; fail if ``proc`` dies first."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"nothing listens on port {port}") from None
            time.sleep(0.2)


def sse_event(delta: dict, finish_reason: str | None = None, *, model: str = "m") -> str:
    """One chat-completions stream event."""
    body = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }
    return f"data: {json.dumps(body)}\n\n"


def sse_body(*pieces: str, finish: bool = True, done: bool = True, model: str = "m") -> str:
    """A whole chat-completions stream: a role event, ``pieces``, then stop and [DONE]."""
    out = sse_event({"role": "assistant", "content": ""}, model=model)
    out += "".join(sse_event({"content": p}, model=model) for p in pieces)
    if finish:
        out += sse_event({}, "stop", model=model)
    if done:
        out += "data: [DONE]\n\n"
    return out


# -- the CLI in process ----------------------------------------------------------------------

Cli = Callable[..., Result]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, embedder: Embedder) -> Cli:
    """Run ``coach ARGS`` in this process through the same error handling as ``main()``.

    Every command gets the session's loaded model instead of loading its own; a bug
    raises here instead of becoming an exit code.
    """
    monkeypatch.setattr(
        coach.runtime,
        "Embedder",
        lambda name, backend=None: (
            embedder
            if name == embedder.model_name and backend in (None, embedder.backend)
            else Embedder(name, backend=backend)
        ),
    )
    runner = CliRunner()

    def invoke(args: list[str], env: dict[str, str], input: str | None = None) -> Result:
        return runner.invoke(app, args, env=env, input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def indexed_env(corpus_runtime: Runtime, tmp_path: Path) -> dict[str, str]:
    """CLI variables over the session's indexed corpus, with this test's own config folder.

    The index and its sessions database are shared: tests only read the index and each
    works in sessions it created itself.
    """
    return coach_env(tmp_path, COACH_DATA_DIR=str(corpus_runtime.settings.data_dir))
