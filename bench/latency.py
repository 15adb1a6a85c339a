"""Warm per-query latency of each retrieval mode, and the pause before a turn's model call.

Turn overhead is measured up to the moment the chat-completions request reaches a
respx-mocked endpoint, so it covers everything the coach does before the model can start:
saving the message, history, profile, retrieval and building the prompt.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx
import respx

from bench.stats import latency, summary
from coach.coaching.turn import Coach, Token
from coach.evals.retrieval import load_labels
from coach.llm.offline import OfflineResponder
from coach.llm.openai import OpenAICompatibleModel
from coach.retrieval.embeddings import Embedder
from coach.retrieval.retriever import MODES, Retriever
from coach.retrieval.store import ChunkStore
from coach.sessions.sqlite import SessionStore
from coach.settings import Settings

MOCK_URL = "http://bench.invalid/v1"
FOLLOW_UP = "I'm mostly fixing issues that keep coming back. What should I do next?"


def questions() -> list[str]:
    return [label.question for label in load_labels()]


def open_retriever(settings: Settings, embedder: Embedder) -> tuple[Retriever, dict]:
    """A retriever with its snapshot loaded, and what opening cost: the first open reads
    every chunk back from the store and saves the snapshot; a second one (a new store
    handle, as in a new process) maps the saved files."""
    retriever = Retriever(ChunkStore.from_settings(settings, embedder))
    started = time.perf_counter()
    retriever.refresh()
    rebuilt = time.perf_counter() - started
    saved: list[float] = []
    for _ in range(3):
        reopened = Retriever(ChunkStore.from_settings(settings, embedder))
        started = time.perf_counter()
        reopened.refresh()
        reopened.search(FOLLOW_UP, k=5, mode="bm25")  # touches the mapped postings
        saved.append(time.perf_counter() - started)
    return retriever, {"rebuild_s": rebuilt, "open_saved_s": summary(saved)}


def retrieval(retriever: Retriever, queries: list[str], rounds: int) -> dict:
    """Modes interleaved query by query, so machine noise hits all alike.

    Beside the three modes: hybrid with the store's revision checked before every search
    (``refresh_seconds=0``, the worst case of the periodic check), the query embedding
    alone, and the revision check alone, to tell where a slow search spends its time.
    """
    checking = Retriever(retriever.store, refresh_seconds=0)
    embed = retriever.store.embedder
    for q in queries[:5]:
        for mode in MODES:
            retriever.search(q, k=5, mode=mode)
        checking.search(q, k=5)
    names = [*MODES, "hybrid_checking_revision", "embedding_only", "revision_check_only"]
    times: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(rounds):
        for q in queries:
            for mode in MODES:
                started = time.perf_counter()
                retriever.search(q, k=5, mode=mode)
                times[mode].append(time.perf_counter() - started)
            started = time.perf_counter()
            checking.search(q, k=5)
            times["hybrid_checking_revision"].append(time.perf_counter() - started)
            started = time.perf_counter()
            embed.encode([q])
            times["embedding_only"].append(time.perf_counter() - started)
            started = time.perf_counter()
            retriever.store.revision()
            times["revision_check_only"].append(time.perf_counter() - started)
    result = {name: latency(values) for name, values in times.items()}
    result["hybrid_over_dense_p50"] = result["hybrid"]["p50_ms"] / result["dense"]["p50_ms"]
    result["hybrid_p95_over_p50"] = result["hybrid"]["p95_ms"] / result["hybrid"]["p50_ms"]
    return result


def sse_reply() -> httpx.Response:
    chunk = {
        "id": "b",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "bench",
        "choices": [
            {"index": 0, "delta": {"content": "What is your goal? [1]"}, "finish_reason": "stop"}
        ],
    }
    body = f"data: {json.dumps(chunk)}\n\ndata: [DONE]\n\n"
    return httpx.Response(200, text=body, headers={"content-type": "text/event-stream"})


def turn_overhead(
    settings: Settings, retriever: Retriever, queries: list[str], workdir: Path
) -> dict:
    """Two-turn conversations; each turn timed from the message to the request leaving."""
    sent: list[float] = []

    def reply(request: httpx.Request) -> httpx.Response:
        sent.append(time.perf_counter())
        return sse_reply()

    model = OpenAICompatibleModel(
        model="bench", base_url=MOCK_URL, api_key="bench", timeout=5, max_retries=0
    )
    coach = Coach(settings, retriever, model, SessionStore(workdir / "turns.sqlite3"))
    offline = Coach(settings, retriever, OfflineResponder(), SessionStore(workdir / "off.sqlite3"))
    overhead, first_token = [], []
    with respx.mock(base_url=MOCK_URL) as router:
        router.post("/chat/completions").mock(side_effect=reply)
        for warm in queries[:2]:
            coach.ask(None, warm)
        for q in queries:
            session = None
            for text in (q, FOLLOW_UP):
                started = time.perf_counter()
                result = coach.ask(session, text)
                overhead.append(sent[-1] - started)
                session = result.session_id
    for q in queries:
        started = time.perf_counter()
        for event in offline.turn(None, q):
            if isinstance(event, Token):
                first_token.append(time.perf_counter() - started)
                break
    return {
        "to_model_request": latency(overhead),
        "offline_first_token": latency(first_token),
    }
