"""An OpenAI-compatible endpoint mocked with respx, answering from a "brain" function.

The coach's real client, streaming parser and citation mapping run unchanged; only the
HTTP transport is intercepted. The brain sees exactly the request the client sent, so
the answer depends on what retrieval put into the prompt.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import httpx
import respx

from coach.coaching.policy import context_from_messages
from coach.coaching.prompt import parse_request
from coach.llm.base import Message, text_pieces
from coach.llm.offline import respond

MOCK_BASE_URL = "http://mock-llm.coach.invalid/v1"
Brain = Callable[[str, list[Message]], str]  # (model name, messages) -> answer text


def offline_brain(_model: str, messages: list[Message]) -> str:
    """Answer as the offline coach would, from the prompt text alone: the one place where a
    rendered request is parsed back into a ``TurnContext``."""
    context = parse_request(messages) or context_from_messages(messages)
    return respond(context)


def sse_body(text: str, model: str) -> str:
    """A chat-completions event stream that sends ``text`` in word-sized pieces."""

    def event(delta: dict, finish: str | None = None) -> str:
        chunk = {
            "id": "chatcmpl-eval",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }
        return "data: " + json.dumps(chunk, ensure_ascii=False) + "\n\n"

    pieces = text_pieces(text) or [""]
    body = event({"role": "assistant", "content": ""})
    body += "".join(event({"content": p}) for p in pieces)
    return body + event({}, "stop") + "data: [DONE]\n\n"


@contextmanager
def mocked_llm(brain: Brain, base_url: str = MOCK_BASE_URL) -> Iterator[respx.MockRouter]:
    """Intercept chat-completions requests to ``base_url`` and answer with ``brain``."""

    def answer(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        text = brain(body.get("model", ""), body["messages"])
        if body.get("stream"):
            return httpx.Response(
                200,
                text=sse_body(text, body.get("model", "")),
                headers={"content-type": "text/event-stream"},
            )
        return httpx.Response(
            200,
            json={
                "id": "chatcmpl-eval",
                "object": "chat.completion",
                "created": 0,
                "model": body.get("model", ""),
                "choices": [
                    {
                        "index": 0,
                        "finish_reason": "stop",
                        "message": {"role": "assistant", "content": text},
                    }
                ],
            },
        )

    with respx.mock(assert_all_called=False) as router:
        router.post(f"{base_url}/chat/completions").mock(side_effect=answer)
        router.route().pass_through()  # other traffic (a Chroma server) is real
        yield router
