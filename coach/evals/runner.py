"""Run eval cases through the real pipeline against a mocked, replayed or live model."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from coach.conversation import Coach
from coach.errors import CoachError
from coach.evals.cases import Case
from coach.evals.cassette import Cassette
from coach.evals.checks import CaseResult, run_checks
from coach.evals.mock_llm import MOCK_BASE_URL, mocked_llm, offline_brain
from coach.indexing import build_index
from coach.models import ChatModel, Message
from coach.openai_model import OpenAICompatibleModel
from coach.runtime import Runtime
from coach.sessions import SessionStore

MOCK_MODEL = "offline-responder-behind-mock"


@dataclass(frozen=True)
class EvalOptions:
    k: int = 5
    live: bool = False
    repeats: int = 3
    record: Path | None = None
    replay: Path | None = None


class RecordingModel:
    """Wraps a live model and records each answer into a cassette."""

    is_offline = False

    def __init__(self, inner: ChatModel, cassette: Cassette) -> None:
        self.inner = inner
        self.cassette = cassette

    @property
    def name(self) -> str:
        return self.inner.name

    def stream(self, messages: list[Message]) -> Iterator[str]:
        pieces: list[str] = []
        for piece in self.inner.stream(messages):
            pieces.append(piece)
            yield piece
        self.cassette.record(self.inner.name, messages, "".join(pieces))


def describe_mode(options: EvalOptions) -> str:
    if options.live:
        return "live model" + (f", recording to {options.record}" if options.record else "")
    if options.replay:
        return f"replaying {options.replay}"
    return "offline: mocked OpenAI endpoint answered by the offline responder"


@contextmanager
def _model(runtime: Runtime, options: EvalOptions, cassette: Cassette | None):
    settings = runtime.settings
    if options.live:
        if not settings.llm_model:
            raise CoachError("--live needs a chat model: set COACH_LLM_MODEL (and base URL, key).")
        live = OpenAICompatibleModel.from_settings(settings)
        yield RecordingModel(live, cassette) if cassette else live
        return
    if cassette is not None:  # replay through the same mocked transport as offline runs
        model_name = settings.llm_model or "recorded"
        with mocked_llm(lambda model, messages: cassette.replay(model, messages)):
            yield OpenAICompatibleModel(
                model=model_name,
                base_url=MOCK_BASE_URL,
                api_key="replay",
                max_retries=0,
                timeout=30,
            )
        return
    with mocked_llm(offline_brain):
        yield OpenAICompatibleModel(
            model=MOCK_MODEL, base_url=MOCK_BASE_URL, api_key="eval", max_retries=0, timeout=30
        )


def run_case(coach: Coach, case: Case) -> CaseResult:
    session_id = coach.sessions.create()
    coach.seed(session_id, [{"role": t.role, "content": t.content} for t in case.history])
    result = coach.ask(session_id, case.question)
    retrieved = [p.doc_id for p in result.passages]
    passages = [p.chunk.text for p in result.passages]
    checks = run_checks(case, result.answer, retrieved, passages)
    error = result.error if result.status in ("error", "partial") else None
    return CaseResult(case.id, result.answer, retrieved, passages, checks, error=error)


def run_eval(
    runtime: Runtime,
    cases: list[Case],
    options: EvalOptions,
    on_case: Callable[[Case], None] | None = None,
) -> list[CaseResult]:
    """Index the corpus (incrementally), then run every case on fresh sessions."""
    build_index(runtime.settings, runtime.store)
    runtime.retriever.refresh()
    settings = runtime.settings.model_copy(
        update={"retrieval_k": options.k, "fallback_offline": False}
    )
    cassette_path = options.record if options.live else options.replay
    cassette = Cassette(cassette_path) if cassette_path else None
    results: list[CaseResult] = []
    with tempfile.TemporaryDirectory(prefix="coach-eval-") as tmp:
        sessions = SessionStore(Path(tmp) / "eval-sessions.sqlite3")
        with _model(runtime, options, cassette) as model:
            coach = Coach(settings, runtime.retriever, model, sessions)
            for case in cases:
                if cassette is not None:
                    cassette.current_case, cassette.last_miss = case.id, None
                repeats = options.repeats if options.live else 1
                runs = []
                for _ in range(repeats):
                    try:
                        runs.append(run_case(coach, case))
                    except CoachError as exc:
                        runs.append(CaseResult(case.id, "", [], [], {}, error=str(exc)))
                first = runs[0]
                if cassette is not None and cassette.last_miss and first.error:
                    first.error = cassette.last_miss
                if options.live:
                    first.pass_rate = sum(1 for r in runs if r.passed) / len(runs)
                results.append(first)
                if on_case:
                    on_case(case)
    if cassette is not None and options.live:
        cassette.save()
    return results
