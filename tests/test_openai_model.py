"""The OpenAI-compatible path through respx-mocked endpoints: the real client runs."""

from __future__ import annotations

import json
import time

import httpx
import pytest
import respx

from coach.coaching.prompt import SYSTEM_PROMPT
from coach.llm.openai import OpenAICompatibleModel
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
    (
        lambda r: r.mock(
            side_effect=lambda request: (
                stream_response(sse_body(finish=False))
                if json.loads(request.content)["stream"]
                else httpx.Response(503, json={})
            )
        ),
        "failed (HTTP 503)",
    ),
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


def completion(text: str) -> httpx.Response:
    return httpx.Response(
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
                    "message": {"role": "assistant", "content": text},
                }
            ],
        },
    )


def test_a_stream_dropped_with_no_data_is_asked_again_without_streaming(
    mock: respx.MockRouter, make_coach
) -> None:
    """llama-cpp-python answers a refused streamed request with 200 and no data; asked
    again without streaming it says what is wrong, or answers."""
    route = mock.post("/chat/completions").mock(
        side_effect=[stream_response(sse_body(finish=False)), completion("Pages [1]. Goal?")]
    )
    result = make_coach(model()).ask(None, "We get paged all the time.")
    assert result.status == "complete" and result.answer == "Pages [1]. Goal?"
    bodies = [json.loads(call.request.content) for call in route.calls]
    assert [b["stream"] for b in bodies] == [True, False]


CONTEXT_ERRORS = [  # how OpenAI/vLLM and llama-cpp-python word it
    "This model's maximum context length is 4096 tokens. However, you requested 9000 tokens.",
    "Requested tokens (9000) exceed context window of 4096",
]


@pytest.mark.parametrize("wording", CONTEXT_ERRORS)
def test_a_prompt_too_long_for_the_model_is_fitted_to_the_window_it_names_and_retried(
    mock: respx.MockRouter, make_coach, wording: str
) -> None:
    from coach.coaching.prompt import estimate_tokens

    def server(request: httpx.Request) -> httpx.Response:  # a 4,096-token window
        body = json.loads(request.content)
        if estimate_tokens(body["messages"]) + body["max_tokens"] > 4096:
            error = {"message": wording, "code": "context_length_exceeded"}
            return httpx.Response(400, json={"error": error})
        return stream_response(sse_body("Fixing pages is measurable [1].", " What next?"))

    route = mock.post("/chat/completions").mock(side_effect=server)
    coach = make_coach(model(max_tokens=300))
    first = coach.ask(None, "I'm an SDE-2 on a platform team.")
    result = coach.ask(first.session_id, "We get paged all the time. What would a senior do?")
    assert result.status == "complete" and result.notice is None, result.notice
    assert result.answer == "Fixing pages is measurable [1]. What next?"
    too_long, fitted = (json.loads(c.request.content)["messages"] for c in route.calls[-2:])
    assert estimate_tokens(fitted) <= 4096 - 300 < estimate_tokens(too_long)
    # The rules and the person's message survive whole; the best passage stays first.
    assert fitted[0] == too_long[0] and fitted[0]["content"] == SYSTEM_PROMPT
    assert fitted[-1]["content"].endswith(
        "<user_message>\nWe get paged all the time. What would a senior do?\n</user_message>"
    )
    assert '<passage n="1"' in fitted[-1]["content"]


def test_an_unfittable_refusal_is_one_clear_line(mock: respx.MockRouter, make_coach) -> None:
    mock.post("/chat/completions").mock(
        return_value=httpx.Response(
            400,
            json={"error": {"message": "Requested tokens (9000) exceed context window of 2048"}},
        )
    )
    result = make_coach(model(), fallback_offline=False).ask(None, "How do I get to senior?")
    assert result.status == "error" and "COACH_LLM_CONTEXT_TOKENS" in (result.error or "")
    assert "\n" not in result.error and KEY not in result.error


def test_an_off_topic_request_never_reaches_the_model(mock: respx.MockRouter, make_coach) -> None:
    """A small model asked for code writes code (seen with SmolLM2); the coach redirects."""
    route = mock.post("/chat/completions").mock(
        return_value=stream_response(sse_body("```python\nimport nginx\n```", " Try it."))
    )
    result = make_coach(model()).ask(
        None, "Can you write me a Python script that parses our nginx logs?"
    )
    assert route.call_count == 0 and result.model == "offline grounded responder"
    assert "career coach" in result.answer and "import" not in result.answer
