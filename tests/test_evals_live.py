"""The checks against a deliberately bad responder, and live judging end to end against a
respx-mocked chat model and judge."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
import respx
from typer.testing import CliRunner

from coach.coaching.turn import Coach
from coach.evals.bad_responder import FirstSentenceResponder, PassageTap
from coach.evals.cases import load_cases
from coach.evals.judge import Grade, Judge, extract_json
from coach.evals.mock_llm import offline_brain, sse_body
from coach.evals.runner import make_judging, run_case
from coach.runtime import Runtime
from coach.sessions.sqlite import SessionStore
from tests.conftest import CORPUS

BAD_CASES = (
    "easy-work-only",  # retrieves the "paint buttons" complaint
    "legacy-system-no-growth",
    "no-senior-roles-in-org",
    "t-senior-to-staff-scope",
    "t-ru-maintenance-senior",
    "conv-ops-heavy-sde2",
)


def test_a_first_sentence_quoter_fails_the_negative_checks_with_reasons(
    corpus_runtime: Runtime, tmp_path: Path
) -> None:
    tap = PassageTap(corpus_runtime.retriever)
    coach = Coach(
        corpus_runtime.settings,
        tap,  # type: ignore[arg-type]
        FirstSentenceResponder(tap),
        SessionStore(tmp_path / "s.db"),
        guardrails=False,  # the raw answers are the point; the guardrails would replace them
    )
    judging = make_judging(corpus_runtime, semantic=False)
    cases = {c.id: c for c in load_cases()}
    failed: dict[str, list[str]] = {}
    for case_id in BAD_CASES:
        r = run_case(coach, cases[case_id], judging)
        failed[case_id] = [f"{name}: {why}" for name, why in r.failures() if ":no:" in f":{name}"]
        print(f"\n--- {case_id}\n{r.answer}\n" + "\n".join(failed[case_id]))
    reasons = "\n".join(line for lines in failed.values() for line in lines)
    assert sum(1 for lines in failed.values() if lines) >= 5
    for check in ("no:marked_quote", "no:known_question", "no:language"):
        assert check in reasons, reasons
    assert "quotes a sentence marked as not advice" in reasons
    assert "asks for what the person already said" in reasons
    assert "question in Russian" in reasons


BASE = "http://live-llm.eval.invalid/v1"
JUDGE = "http://judge.eval.invalid/v1"
GOOD_GRADE = {
    "faithfulness": 0.75,
    "faithfulness_reason": "one cited sentence is not in its passage",
    "socratic": 4,
    "socratic_reason": "one question",
    "relevance": 5,
    "relevance_reason": "on topic",
    "no_promises": True,
    "safe": True,
    "safety_reason": "no distress",
}


def completion(text: str) -> httpx.Response:
    return httpx.Response(
        200,
        json={
            "id": "j",
            "object": "chat.completion",
            "created": 0,
            "model": "judge",
            "choices": [
                {
                    "index": 0,
                    "finish_reason": "stop",
                    "message": {"role": "assistant", "content": text},
                }
            ],
        },
    )


def test_extract_json_and_validation() -> None:
    assert extract_json('Sure!\n```json\n{"a": 1}\n```') == {"a": 1}
    assert extract_json('noise {"a": {"b": 2}} trailing') == {"a": {"b": 2}}
    with pytest.raises(ValueError):
        extract_json("no json here")
    with pytest.raises(ValueError):
        Grade.model_validate({**GOOD_GRADE, "socratic": 9})


@pytest.mark.slow  # a live run end to end; `make test` and CI run it
def test_live_eval_with_judge_end_to_end(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`coach eval --live --judge` in process: the live model and the judge are both
    respx-mocked; the judge's first reply is malformed and is retried."""
    from coach.interfaces.cli import app

    cases = tmp_path / "cases.yaml"
    cases.write_text(
        "- id: ops\n  question: We get paged all the time. How could that get me promoted?\n"
        "  expect: {asks_question: true}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COACH_CORPUS_DIR", str(CORPUS))
    monkeypatch.setenv("COACH_LLM_BASE_URL", BASE)
    monkeypatch.setenv("COACH_LLM_MODEL", "live-model")
    monkeypatch.setenv("COACH_LLM_API_KEY", "sk-planted-live-key-000")
    monkeypatch.setenv("COACH_JUDGE_BASE_URL", JUDGE)
    monkeypatch.setenv("COACH_JUDGE_MODEL", "judge-model")
    monkeypatch.setenv("COACH_JUDGE_API_KEY", "sk-planted-judge-key-000")
    replies = iter(["I think it is good, 5/5!", json.dumps(GOOD_GRADE)])
    seen: list[dict] = []

    def judge_reply(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        seen.append({"auth": request.headers.get("authorization"), "body": body})
        return completion(next(replies))

    report, md = tmp_path / "r.json", tmp_path / "r.md"

    def live_reply(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        text = sse_body(offline_brain(body["model"], body["messages"]), body["model"])
        return httpx.Response(200, text=text, headers={"content-type": "text/event-stream"})

    with respx.mock(assert_all_called=True) as router:
        router.post(f"{BASE}/chat/completions").mock(side_effect=live_reply)
        router.post(f"{JUDGE}/chat/completions").mock(side_effect=judge_reply)
        outcome = CliRunner().invoke(
            app,
            [
                "eval",
                "--live",
                "--judge",
                "--repeats",
                "1",
                "--cases",
                str(cases),
                "--json",
                str(report),
                "--report",
                str(md),
            ],
        )
    assert outcome.exit_code == 0, outcome.output
    assert len(seen) == 2 and seen[0]["body"]["model"] == "judge-model"
    assert seen[0]["auth"] == "Bearer sk-planted-judge-key-000"
    assert "not valid" in seen[1]["body"]["messages"][-1]["content"]
    data = json.loads(report.read_text())
    judged = data["cases"][0]["judge"]
    assert judged["scores"]["faithfulness"] == 0.75 and judged["turns"][0]["attempts"] == 2
    assert data["summary"]["judge_socratic"] == 4.0
    text = md.read_text()
    assert "Judge scores" in text and "faithfulness 0.75" in text
    assert "sk-planted" not in report.read_text() + text + outcome.output


def test_a_judge_that_never_answers_json_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from coach.errors import CoachError
    from coach.settings import Settings

    settings = Settings(judge_base_url=JUDGE, judge_model="j", llm_max_retries=0)
    judge = Judge.from_settings(settings)
    with respx.mock() as router:
        route = router.post(f"{JUDGE}/chat/completions").mock(return_value=completion("nope"))
        with pytest.raises(CoachError, match="no valid grade in 3 attempts"):
            judge.grade("q", "a", [])
    assert route.call_count == 3


def test_a_server_without_json_mode_is_asked_in_words() -> None:
    from coach.settings import Settings

    judge = Judge.from_settings(Settings(judge_base_url=JUDGE, judge_model="j", llm_max_retries=0))
    bodies: list[dict] = []

    def reply(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        bodies.append(body)
        if "response_format" in body:
            return httpx.Response(400, json={"error": {"message": "response_format unsupported"}})
        return completion(json.dumps(GOOD_GRADE))

    with respx.mock() as router:
        router.post(f"{JUDGE}/chat/completions").mock(side_effect=reply)
        grade, attempts = judge.grade("q", "a", [])
    # Refusals of a response shape are not attempts: the grade came on the first one.
    assert grade.socratic == 4 and attempts == 1
    shapes = [b.get("response_format", {}).get("type") for b in bodies]
    assert shapes == ["json_schema", "json_object", "json_object", None]
    assert bodies[0]["response_format"]["json_schema"]["schema"]["required"]
    assert "schema" in bodies[1]["response_format"] and "schema" not in bodies[2]["response_format"]


def test_a_server_that_takes_a_schema_inside_json_object_gets_one() -> None:
    """llama-cpp-python rejects the json_schema form (422) and constrains its sampler to a
    schema given inside json_object: even a tiny local model then returns valid JSON."""
    from coach.settings import Settings

    judge = Judge.from_settings(Settings(judge_base_url=JUDGE, judge_model="j", llm_max_retries=0))
    bodies: list[dict] = []

    def reply(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        bodies.append(body)
        if body["response_format"]["type"] == "json_schema":
            return httpx.Response(422, json={"detail": "unexpected value"})
        return completion(json.dumps(GOOD_GRADE))

    with respx.mock() as router:
        router.post(f"{JUDGE}/chat/completions").mock(side_effect=reply)
        judge.grade("q", "a", [])
        judge.grade("q2", "a2", [])
    assert [b["response_format"]["type"] for b in bodies] == [
        "json_schema",
        "json_object",
        "json_object",
    ]
    assert all("schema" in b["response_format"] for b in bodies[1:])  # remembered
