"""Run eval cases through the real pipeline against a mocked, replayed or live model."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from coach.coaching.profile import STAGES, Profile
from coach.coaching.turn import Coach, TurnResult
from coach.errors import CoachError
from coach.evals.cases import Case, ScriptTurn
from coach.evals.cassette import Cassette
from coach.evals.checks import CaseResult, expect_checks
from coach.evals.mock_llm import MOCK_BASE_URL, mocked_llm, offline_brain
from coach.evals.negatives import (
    AnswerContext,
    CorpusFacts,
    language_of,
    negative_checks,
    normalise,
    questions_in,
)
from coach.evals.semantic import SemanticMatcher
from coach.llm.base import ChatModel, Message
from coach.llm.openai import OpenAICompatibleModel
from coach.retrieval.indexing import build_index, ladder_dirs
from coach.runtime import Runtime
from coach.sessions.sqlite import SessionStore

MOCK_MODEL = "offline-responder-behind-mock"


@dataclass(frozen=True)
class EvalOptions:
    k: int = 5
    live: bool = False
    repeats: int = 3
    record: Path | None = None
    replay: Path | None = None
    semantic: bool = True
    model: ChatModel | None = None  # a responder to judge instead of the default one


@dataclass
class Judging:
    """What a run needs besides the coach: corpus facts and the meaning matcher."""

    facts: CorpusFacts
    matcher: SemanticMatcher | None = None


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
        if not settings.llm.model:
            raise CoachError("--live needs a chat model: set COACH_LLM_MODEL (and base URL, key).")
        live = OpenAICompatibleModel.from_settings(settings)
        yield RecordingModel(live, cassette) if cassette else live
        return
    if cassette is not None:  # replay through the same mocked transport as offline runs
        model_name = settings.llm.model or "recorded"
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


KNOWN_FROM_PROFILE = ("current_level", "target_level", "track", "team")


def _known_from_profile(profile: Profile) -> dict[str, str]:
    known = {name: str(getattr(profile, name)) for name in KNOWN_FROM_PROFILE}
    known = {k: v for k, v in known.items() if v and v != "None"}
    if profile.manager_alignment != "unknown":
        known["manager_alignment"] = profile.manager_alignment
    if profile.motivations:
        known["motivations"] = ", ".join(profile.motivations)
    return known


def _cited(result: TurnResult) -> list[dict]:
    return [
        {"n": s.n, "doc_id": s.doc_id, "heading": s.heading, "passage": s.passage}
        for s in result.sources
    ]


def judge_turn(
    judging: Judging,
    turn: ScriptTurn,
    result: TurnResult,
    *,
    known: dict[str, str],
    user_texts: list[str],
    earlier_answers: list[str],
    commitments_before: int,
    prefix: str = "",
) -> tuple[dict[str, bool], dict[str, str], list[str], list[dict]]:
    """Every check on one answer: checks, reasons for failures, notes, coverage detail."""
    answer = result.answer
    retrieved = [p.doc_id for p in result.passages]
    passages = [p.chunk.text for p in result.passages]
    expect = turn.expect
    checks = expect_checks(expect, answer, retrieved, passages)
    reasons: dict[str, str] = {}
    coverage: list[dict] = []
    lowered = answer.lower()
    for point in expect.covers:
        name = f"covers:{point.point}"
        keyword = checks[name]
        match = judging.matcher.best(point.point, answer) if judging.matcher else None
        semantic = bool(match and match.matched)
        checks[name] = keyword or semantic
        coverage.append(
            {
                "point": point.point,
                "keyword": keyword,
                "semantic": semantic,
                "score": match.score if match else None,
                "sentence": match.sentence if match else None,
            }
        )
        if not checks[name]:
            best = (
                f"; closest sentence ({match.score:.2f}): {match.sentence[:100]!r}" if match else ""
            )
            reasons[name] = f"none of {point.any} in the answer, and no sentence says it{best}"
    for glob in expect.sources:
        if not checks[f"source:{glob}"]:
            reasons[f"source:{glob}"] = (
                f"no retrieved passage from {glob}; got {sorted(set(retrieved))}"
            )
    for phrase in expect.passages:
        if not checks[f"passage:{phrase}"]:
            reasons[f"passage:{phrase}"] = f"no retrieved passage contains {phrase!r}"
    if "avoids" in checks and not checks["avoids"]:
        hits = [p for p in expect.avoids if p.lower() in lowered]
        reasons["avoids"] = f"the answer says {', '.join(map(repr, hits))}"
    asked = questions_in(answer)
    if "asks_question" in checks and not checks["asks_question"]:
        reasons["asks_question"] = (
            "the answer asks no question" if expect.asks_question else f"the answer asks {asked}"
        )
    if "max_questions" in checks and not checks["max_questions"]:
        reasons["max_questions"] = (
            f"{len(asked)} questions, at most {expect.max_questions}: "
            + " | ".join(q[:80] for q in asked)
        )
    if expect.commitment is not None:
        recorded = len(result.profile.commitments) > commitments_before
        ok = recorded == expect.commitment.recorded
        checks["commitment:recorded"] = ok
        if not ok:
            reasons["commitment:recorded"] = (
                "no commitment was recorded for a statement of intent"
                if expect.commitment.recorded
                else "recorded a commitment from a non-commitment: "
                f"{result.profile.commitments[-1].action!r}"
            )
        if expect.commitment.mentions:
            said = any(m.lower() in lowered for m in expect.commitment.mentions)
            checks["commitment:acknowledged"] = said
            if not said:
                reasons["commitment:acknowledged"] = (
                    "the answer does not acknowledge the commitment's date "
                    f"({expect.commitment.mentions})"
                )
    ctx = AnswerContext(
        answer=answer,
        question=turn.say,
        user_texts=user_texts,
        lang=turn.lang or language_of(turn.say),
        known=known,
        profile_track=result.profile.track,
        cited_docs=[s.doc_id for s in result.sources],
        earlier_answers=earlier_answers,
        skip=set(expect.skip),
    )
    notes: list[str] = []
    for name, verdict in negative_checks(judging.facts, ctx).items():
        checks[f"no:{name}"] = verdict.ok
        if not verdict.ok:
            reasons[f"no:{name}"] = verdict.reason
        notes += verdict.notes
    if result.status in ("error", "partial"):
        reasons["error"] = result.error or result.status
    if prefix:
        checks = {prefix + k: v for k, v in checks.items()}
        reasons = {prefix + k: v for k, v in reasons.items()}
    return checks, reasons, notes, coverage


def _repeated_questions(answers: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    repeated = []
    for i, answer in enumerate(answers, start=1):
        for question in questions_in(answer):
            words = set(normalise(question).split())
            for other, turn in seen.items():
                overlap = len(words & set(other.split())) / max(len(words | set(other.split())), 1)
                if overlap >= 0.8 and turn != i:
                    repeated.append(f"turn {i} repeats turn {turn}: {question[:90]!r}")
                    break
            else:
                seen.setdefault(" ".join(sorted(words)), i)
    return repeated


def run_case(coach: Coach, case: Case, judging: Judging | None = None) -> CaseResult:
    """Run a case's script on a fresh session; the coach's answers become the history."""
    judging = judging or Judging(CorpusFacts())
    session_id = coach.sessions.create()
    coach.seed(session_id, [{"role": t.role, "content": t.content} for t in case.history])
    user_texts = [t.content for t in case.history if t.role == "user"]
    answers = [t.content for t in case.history if t.role == "assistant"]
    checks: dict[str, bool] = {}
    reasons: dict[str, str] = {}
    notes: list[str] = []
    coverage: list[dict] = []
    turns: list[dict] = []
    stages: list[str] = []
    statuses: list[str] = []
    declared: dict[str, str] = {str(k): v for k, v in case.known.items()}
    result: TurnResult | None = None
    many = case.is_conversation
    for i, turn in enumerate(case.script(), start=1):
        before = coach.sessions.get(session_id).profile
        user_texts.append(turn.say)
        result = coach.ask(session_id, turn.say)
        declared.update({str(k): v for k, v in turn.known.items()})
        known = declared or _known_from_profile(result.profile)
        c, r, n, cov = judge_turn(
            judging,
            turn,
            result,
            known=known,
            user_texts=user_texts,
            earlier_answers=list(answers),
            commitments_before=len(before.commitments),
            prefix=f"t{i}:" if many else "",
        )
        checks.update(c)
        reasons.update(r)
        notes += n
        coverage += cov
        answers.append(result.answer)
        stages.append(result.stage)
        own = result.model == coach.model.name  # not a policy turn the coach answered itself
        statuses.append(result.status if own or result.status != "complete" else "policy")
        turns.append(
            {
                "question": turn.say,
                "answer": result.answer,
                "stage": result.stage,
                "retrieved": [p.doc_id for p in result.passages],
                "cited": _cited(result),
                "checks": c,
            }
        )
        if result.status in ("error", "partial"):
            break
    assert result is not None
    if many:
        expect = case.conversation
        if expect is None or expect.stage_never_goes_back:
            order = [STAGES.index(s) for s in stages]
            back = [
                f"turn {i + 2}: {stages[i]} -> {stages[i + 1]}"
                for i in range(len(order) - 1)
                if order[i + 1] < order[i]
            ]
            checks["conversation:stage_never_goes_back"] = not back
            if back:
                reasons["conversation:stage_never_goes_back"] = "stage went back: " + "; ".join(
                    back
                )
        if expect is not None and expect.stage_reaches:
            reached = max(stages, key=STAGES.index)
            ok = STAGES.index(reached) >= STAGES.index(expect.stage_reaches)
            checks["conversation:stage_reaches"] = ok
            if not ok:
                reasons["conversation:stage_reaches"] = (
                    f"stages {' -> '.join(stages)} never reach {expect.stage_reaches}"
                )
        if expect is None or expect.no_repeated_question:
            repeated = _repeated_questions(
                answers[len(case.history) // 2 :] if case.history else answers
            )
            checks["conversation:no_repeated_question"] = not repeated
            if repeated:
                reasons["conversation:no_repeated_question"] = "; ".join(repeated[:3])
    error = result.error if result.status in ("error", "partial") else None
    return CaseResult(
        case.id,
        result.answer,
        [p.doc_id for p in result.passages]
        if not many
        else sorted({d for t in turns for d in t["retrieved"]}),
        [p.chunk.text for p in result.passages],
        checks,
        error=error,
        split=case.split or "dev",
        category=case.category or "",
        question=case.script()[0].say if not many else " / ".join(t.say for t in case.turns),
        reasons=reasons,
        notes=list(dict.fromkeys(notes)),
        coverage=coverage,
        cited=_cited(result),
        turns=turns if many else [],
        statuses=statuses,
    )


def make_judging(runtime: Runtime, semantic: bool = True) -> Judging:
    settings = runtime.settings
    facts = CorpusFacts.load(settings.corpus_dir, ladder_dirs(settings))
    matcher = SemanticMatcher(runtime.embedder, facts=facts) if semantic else None
    return Judging(facts, matcher)


def run_eval(
    runtime: Runtime,
    cases: list[Case],
    options: EvalOptions,
    on_case: Callable[[Case], None] | None = None,
) -> list[CaseResult]:
    """Index the corpus (incrementally), then run every case on fresh sessions."""
    build_index(runtime.settings, runtime.store)
    runtime.retriever.refresh()
    judging = make_judging(runtime, options.semantic)
    settings = runtime.settings.model_copy(
        update={"retrieval_k": options.k, "fallback_offline": False}
    )
    cassette_path = options.record if options.live else options.replay
    cassette = Cassette(cassette_path) if cassette_path else None
    results: list[CaseResult] = []
    with tempfile.TemporaryDirectory(prefix="coach-eval-") as tmp:
        sessions = SessionStore(Path(tmp) / "eval-sessions.sqlite3")
        with _model(runtime, options, cassette) as default_model:
            model = options.model or default_model
            coach = runtime.make_coach(settings, model, sessions)
            for case in cases:
                if cassette is not None:
                    cassette.current_case, cassette.last_miss = case.id, None
                repeats = options.repeats if options.live else 1
                runs = []
                for _ in range(repeats):
                    try:
                        runs.append(run_case(coach, case, judging))
                    except CoachError as exc:
                        runs.append(
                            CaseResult(
                                case.id,
                                "",
                                [],
                                [],
                                {},
                                error=str(exc),
                                split=case.split or "dev",
                                category=case.category or "",
                            )
                        )
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
