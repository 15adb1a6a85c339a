"""The OpenAI-compatible adapter: OpenAI, Ollama, vLLM, llama.cpp servers and the like.

Retries with exponential backoff on 408/409/429/5xx and connection errors come from
the ``openai`` client itself, which honours ``Retry-After``. Every failure becomes a
one-line ``ModelError`` that says what to check; the API key never appears in one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import openai

from coach.errors import ContextTooLong, ModelError
from coach.llm.base import Message
from coach.security.redact import redact_url
from coach.settings import Settings

DEFAULT_BASE_URL = "https://api.openai.com/v1"


class StreamCutOff(ModelError):
    """The server stopped sending before the answer finished; the text so far is kept."""


class OpenAICompatibleModel:
    """Streams chat completions from any server that speaks the chat-completions protocol."""

    is_offline = False  # read by the UI's mode line only; the pipeline never asks

    def __init__(
        self,
        *,
        model: str,
        base_url: str | None = None,
        api_key: str | None = None,
        timeout: float = 60.0,
        max_retries: int = 3,
        temperature: float = 0.3,
        max_tokens: int = 0,
        stream_responses: bool = True,
        http_client: httpx.Client | None = None,
    ) -> None:
        self.model = model
        self.base_url = (base_url or DEFAULT_BASE_URL).rstrip("/")
        self.shown_url = redact_url(self.base_url)  # the only form that reaches messages
        self.timeout = timeout
        self.max_retries = max_retries
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.stream_responses = stream_responses
        self._client = openai.OpenAI(
            base_url=self.base_url,
            # Local servers (Ollama, llama.cpp) ignore the key but the client requires one.
            api_key=api_key or "not-needed",
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenAICompatibleModel:
        key = settings.llm.api_key.get_secret_value() if settings.llm.api_key else None
        return cls(
            model=settings.llm.model or "",
            base_url=settings.llm.base_url,
            api_key=key,
            timeout=settings.llm.timeout,
            max_retries=settings.llm.max_retries,
            temperature=settings.llm.temperature,
            max_tokens=settings.llm.max_tokens,
            stream_responses=settings.llm.stream,
        )

    @property
    def name(self) -> str:
        return self.model

    def stream(self, request: list[Message]) -> Iterator[str]:
        messages: list[Message] = [{"role": m["role"], "content": m["content"]} for m in request]
        try:
            if self.stream_responses:
                produced = False
                try:
                    for piece in self._stream(messages):
                        produced = True
                        yield piece
                except StreamCutOff:
                    if produced:
                        raise
                    # Some servers (llama-cpp-python) end a stream with no data when the
                    # request is refused; asked again without streaming, they say why. The
                    # dropped stream may leave a dead pooled connection: one more try.
                    try:
                        yield self._complete(messages)
                    except openai.APIConnectionError:
                        yield self._complete(messages)
            else:
                yield self._complete(messages)
        except ModelError:
            raise
        except (openai.OpenAIError, httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
            raise describe_failure(exc, self) from None  # each client failure: one clear line

    def _request(self, messages: list[Message], stream: bool) -> Any:
        limit: dict[str, Any] = {"max_tokens": self.max_tokens} if self.max_tokens else {}
        return self._client.chat.completions.create(
            model=self.model,
            messages=list(messages),  # type: ignore[arg-type]
            temperature=self.temperature,
            stream=stream,
            **limit,
        )

    def _stream(self, messages: list[Message]) -> Iterator[str]:
        finished = False
        produced = False
        chunks = self._request(messages, stream=True)  # failing here: the server is unreachable
        try:
            for chunk in chunks:
                if not getattr(chunk, "choices", None):
                    continue
                choice = chunk.choices[0]
                piece = choice.delta.content if choice.delta else None
                if piece:
                    produced = True
                    yield piece
                if choice.finish_reason:
                    finished = True
        except (openai.APIConnectionError, httpx.HTTPError):
            if produced:
                raise
            finished = False  # accepted, then dropped with no data: reported as cut off
        if not finished:
            raise StreamCutOff(
                f"The stream from {self.model} at {self.shown_url} stopped before the answer "
                "finished; the part received is kept."
            )
        if not produced:
            raise ModelError(f"{self.model} at {self.shown_url} returned an empty answer.")

    def _complete(self, messages: list[Message]) -> str:
        response = self._request(messages, stream=False)
        content = response.choices[0].message.content if response.choices else None
        if not content:
            raise ModelError(f"{self.model} at {self.shown_url} returned an empty answer.")
        return content


#: How OpenAI, vLLM, llama.cpp and llama-cpp-python word "your prompt is too long".
CONTEXT_ERROR = re.compile(
    r"context (window|length|size)|maximum context|exceeds? the available context|too many tokens",
    re.I,
)
CONTEXT_SIZE = re.compile(
    r"(?:context window of|maximum context length is|context size \(?|n_ctx\D{0,5})\s*(\d{3,7})",
    re.I,
)


def describe_failure(exc: Exception, model: OpenAICompatibleModel) -> ModelError:
    """Turn a client exception into one line that says what to check."""
    where = model.shown_url
    if isinstance(exc, openai.APITimeoutError):
        return ModelError(
            f"The chat model at {where} did not answer within {model.timeout:g} s "
            f"(after {model.max_retries} retries); try again or raise COACH_LLM_TIMEOUT."
        )
    if isinstance(exc, openai.APIConnectionError):
        return ModelError(
            f"Cannot reach the chat model server at {where}; is it running? "
            "Check COACH_LLM_BASE_URL, or use --offline."
        )
    if isinstance(exc, openai.AuthenticationError):
        return ModelError(
            f"The server at {where} rejected the API key (HTTP 401); check COACH_LLM_API_KEY."
        )
    if isinstance(exc, openai.PermissionDeniedError):
        return ModelError(
            f"The server at {where} refused access (HTTP 403); check the key's rights."
        )
    if isinstance(exc, openai.NotFoundError):
        return ModelError(
            f"Model {model.model!r} was not found at {where} (HTTP 404); check COACH_LLM_MODEL "
            "and COACH_LLM_BASE_URL."
        )
    if isinstance(exc, openai.RateLimitError):
        return ModelError(
            f"Rate limited by {where} (HTTP 429) after {model.max_retries} retries; "
            "wait a minute and try again."
        )
    if isinstance(exc, openai.BadRequestError) and CONTEXT_ERROR.search(str(exc)):
        sizes = [int(n) for n in CONTEXT_SIZE.findall(str(exc))]
        return ContextTooLong(
            f"The request did not fit {model.model}'s context window at {where}; set "
            "COACH_LLM_CONTEXT_TOKENS to the server's context size.",
            window=min(sizes) if sizes else None,
        )
    if isinstance(exc, openai.APIStatusError):
        return ModelError(
            f"The chat model server at {where} failed (HTTP {exc.status_code}) after "
            f"{model.max_retries} retries; try again later."
        )
    if isinstance(exc, (openai.APIResponseValidationError, ValueError, KeyError, TypeError)):
        return ModelError(f"The chat model server at {where} sent a malformed response.")
    if isinstance(exc, httpx.HTTPError):
        return ModelError(f"The connection to {where} failed mid-answer ({type(exc).__name__}).")
    return ModelError(f"The chat model call to {where} failed ({type(exc).__name__}).")
