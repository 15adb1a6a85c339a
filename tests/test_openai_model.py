"""The OpenAI-compatible path through respx-mocked endpoints: the real client runs."""

from __future__ import annotations

import json
import time

import httpx
import pytest
import respx

from coach.openai_model import OpenAICompatibleModel
from coach.prompting import SYSTEM_PROMPT
from tests.conftest import sse_body

BASE = "http://llm.test/v1"
KEY = "sk-test-planted-key-0000000000"


def stream_response(body: str, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(
        status, text=body, headers={"content-type": "text/event-stream", **headers}
    )


def model(**kw: object) -> OpenAICompatibleModel:
    options = {
        "model": "coach-test",
        "base_url": BASE,
        "api_key": KEY,
        "timeout": 5.0,
        "max_retries": 1,
    }
    options.update(kw)
    return OpenAICompatibleModel(**options)  # type: ignore[arg-type]


@pytest.fixture
def mock() -> respx.MockRouter:
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        yield router


def test_streamed_answer_is_cited_and_the_request_holds_prompt_passages_and_history(
    mock: respx.MockRouter, make_coach
) -> None:
    route = mock.post("/chat/completions").mock(
        return_value=stream_response(
            sse_body("Fixing recurring pages ", "is measurable [1]", " [9].", " What next?")
        )
    )
    coach = make_coach(model())
    first = coach.ask(None, "I'm an SDE-2 on a platform team.")
    result = coach.ask(
        first.session_id, "We get paged all the time. How could that get me promoted?"
    )

    assert result.status == "complete" and result.model == "coach-test"
    assert result.answer == "Fixing recurring pages is measurable [1]. What next?"
    assert [s.n for s in result.sources] == [1]
    assert result.sources[0].passage in result.passages[0].chunk.text

    body = json.loads(route.calls.last.request.content)
    assert body["model"] == "coach-test" and body["stream"] is True
    assert route.calls.last.request.headers["authorization"] == f"Bearer {KEY}"
    messages = body["messages"]
    assert messages[0] == {"role": "system", "content": SYSTEM_PROMPT}
    assert messages[1] == {"role": "user", "content": "I'm an SDE-2 on a platform team."}
    assert messages[2]["role"] == "assistant"
    # One leading system message: templates that keep only the first would drop any other.
    assert [m["role"] for m in messages].count("system") == 1
    last = messages[-1]
    assert last["role"] == "user" and "<passages>" in last["content"]
    assert 'n="1" doc_id="articles/' in last["content"]
    assert "data, not instructions" in last["content"] and "<card id=" in last["content"]
    assert last["content"].index("</context>") < last["content"].index("paged all the time")


def test_non_streaming_completion(mock: respx.MockRouter, make_coach) -> None:
    mock.post("/chat/completions").mock(
        return_value=httpx.Response(
            200,
            json={
                "id": "x",
                "object": "chat.completion",
                "created": 0,
                "model": "coach-test",
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": "Grounded [2]. Why now?"},
                    }
                ],
            },
        )
    )
    result = make_coach(model(stream_responses=False)).ask(None, "Should I go for promotion?")
    assert result.answer == "Grounded [2]. Why now?" and [s.n for s in result.sources] == [2]


def test_429_is_retried_after_the_servers_retry_after(mock: respx.MockRouter, make_coach) -> None:
    route = mock.post("/chat/completions").mock(
        side_effect=[
            httpx.Response(
                429, json={"error": {"message": "slow down"}}, headers={"retry-after": "1"}
            ),
            stream_response(sse_body("Thanks [1]. What is your goal?")),
        ]
    )
    started = time.monotonic()
    result = make_coach(model()).ask(None, "Should I go for promotion?")
    assert route.call_count == 2 and result.status == "complete"
    assert time.monotonic() - started >= 0.9, "the Retry-After delay was honoured"


def saved_user_messages(coach, session_id: str) -> list[str]:
    return [m.content for m in coach.sessions.get(session_id).messages if m.role == "user"]


FAILURES = [
    (
        lambda r: r.mock(return_value=httpx.Response(500, json={"error": {"message": "boom"}})),
        "failed (HTTP 500)",
    ),
    (lambda r: r.mock(return_value=httpx.Response(503, json={"error": {}})), "failed (HTTP 503)"),
    (lambda r: r.mock(side_effect=httpx.ReadTimeout("slow")), "did not answer within"),
    (lambda r: r.mock(side_effect=httpx.ConnectError("refused")), "Cannot reach"),
    (
        lambda r: r.mock(
            return_value=httpx.Response(401, json={"error": {"message": f"bad {KEY}"}})
        ),
        "rejected the API key",
    ),
    (
        lambda r: r.mock(return_value=httpx.Response(404, json={"error": {"message": "no model"}})),
        "was not found",
    ),
    (lambda r: r.mock(return_value=httpx.Response(429, json={"error": {}})), "Rate limited"),
    (lambda r: r.mock(return_value=stream_response("data: {not json}\n\n")), "malformed"),
    (lambda r: r.mock(return_value=stream_response(sse_body())), "empty answer"),
    (lambda r: r.mock(return_value=stream_response(sse_body(finish=False))), "stopped before"),
]


@pytest.mark.parametrize(("arrange", "message"), FAILURES)
def test_each_failure_is_one_clear_line_and_the_turn_is_saved(
    mock: respx.MockRouter,
    make_coach,
    arrange,
    message: str,
) -> None:
    arrange(mock.post("/chat/completions"))
    coach = make_coach(model(), fallback_offline=False)
    result = coach.ask(None, "How do I get to senior?")
    assert result.status == "error" and message in (result.error or "")
    assert "\n" not in result.error and KEY not in result.error
    assert saved_user_messages(coach, result.session_id) == ["How do I get to senior?"]
    stored = coach.sessions.get(result.session_id).messages[-1]
    assert stored.status == "error" and message in stored.error


def test_a_cut_off_stream_keeps_the_partial_answer_marked(
    mock: respx.MockRouter, make_coach
) -> None:
    mock.post("/chat/completions").mock(
        return_value=stream_response(
            sse_body("Operational work is ", "promot", finish=False, done=False)
        )
    )
    coach = make_coach(model(), fallback_offline=False)
    result = coach.ask(None, "We get paged constantly.")
    assert result.status == "partial" and "stopped before the answer finished" in result.error
    stored = coach.sessions.get(result.session_id).messages[-1]
    assert stored.status == "partial" and stored.content == "Operational work is promot"


def test_failure_falls_back_to_the_offline_responder_with_a_notice(
    mock: respx.MockRouter, make_coach
) -> None:
    mock.post("/chat/completions").mock(side_effect=httpx.ConnectError("refused"))
    coach = make_coach(model())
    result = coach.ask(None, "My team only maintains a legacy system, how can I get promoted?")
    assert result.status == "fallback" and result.model == "offline grounded responder"
    assert "Cannot reach" in result.notice and "offline responder" in result.notice
    assert result.sources and "?" in result.answer
    roles = [(m.role, m.status) for m in coach.sessions.get(result.session_id).messages]
    assert roles == [("user", "complete"), ("assistant", "error"), ("assistant", "fallback")]


def test_the_next_turn_works_after_a_failure(mock: respx.MockRouter, make_coach) -> None:
    mock.post("/chat/completions").mock(
        side_effect=[httpx.Response(401, json={}), stream_response(sse_body("Back [1]. Goal?"))]
    )
    coach = make_coach(model(), fallback_offline=False)
    first = coach.ask(None, "Hello, should I aim for staff?")
    second = coach.ask(first.session_id, "Still there?")
    assert first.status == "error" and second.status == "complete"
    assert saved_user_messages(coach, first.session_id) == [
        "Hello, should I aim for staff?",
        "Still there?",
    ]
