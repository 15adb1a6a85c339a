"""The team deployment, for real: one Chroma server, one PostgreSQL, two UI processes.

What README's "Running it for a team" and deploy/ describe, run on loopback: every UI
process has its own (empty) data dir, so nothing is shared but the two servers and the
secret. Twenty `gradio_client` clients each start a conversation on one process and
continue it on the other; a `coach index` from a third process reaches both.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from gradio_client import Client

from tests.conftest import CORPUS, child_env, free_port, run_cli, wait_for_port
from tests.pg_server import postgres_bindir, running_postgres
from tests.test_chroma_server import chroma_server

pytestmark = [pytest.mark.integration, pytest.mark.slow]

CLIENTS = 20
SECRET = "deployment-test-secret-0123456789abcdefghijklmnop"
REFRESH_SECONDS = 1


@contextmanager
def serving(home: Path, env: dict[str, str]) -> Iterator[str]:
    """`coach serve` on a free port with its own data dir; stopped afterwards."""
    port = free_port()
    log = home / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "coach.interfaces.cli", "serve", "--port", str(port)],
            env=env,
            cwd=home,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_port(port, proc)
            yield f"http://127.0.0.1:{port}/"
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    assert "Traceback" not in log.read_text(), log.read_text()[-3000:]


def text(content: object) -> str:
    """A chat message's text, whether it arrives as a string or as a list of parts."""
    if isinstance(content, list):
        return "".join(str(part.get("text", "")) for part in content if isinstance(part, dict))
    return str(content)


def user_texts(history: list[dict]) -> list[str]:
    return [text(m["content"]) for m in history if m["role"] == "user"]


def sources_of(history: list[dict]) -> str:
    bubbles = [
        m for m in history if (m.get("metadata") or {}).get("title", "").startswith("Sources")
    ]
    return text(bubbles[-1]["content"]) if bubbles else ""


def switch_servers(urls: list[str], n: int) -> dict:
    """Turn 1 on one process, turn 2 on the other, with the same identity and session."""
    first, second = Client(urls[n % 2], verbose=False), Client(urls[(n + 1) % 2], verbose=False)
    token = first.predict(None, None, api_name="/load")[1]
    said = [f"Client {n}: I'm an SDE-2 and we get paged all week.", f"Client {n}: what first?"]
    outputs = first.predict(said[0], token, None, api_name="/turn")
    _, _, token, session_id, status = outputs[:5]
    assert status == "" and session_id, status
    outputs = second.predict(said[1], token, session_id, api_name="/turn")
    history, _, token, same, status = outputs[:5]
    assert status == "" and same == session_id, status
    assert user_texts(history) == said, "the second process continued the first one's conversation"
    reopened = first.predict(token, session_id, api_name="/load")
    assert user_texts(reopened[0]) == said
    return {"token": token, "session": session_id, "said": said}


@pytest.mark.skipif(postgres_bindir() is None, reason="PostgreSQL is not installed")
def test_two_ui_processes_share_conversations_and_index_through_the_servers(
    tmp_path: Path,
) -> None:
    import psycopg

    ladder = tmp_path / "ladder"
    ladder.mkdir()
    with ExitStack() as stack:
        chroma = stack.enter_context(chroma_server(tmp_path / "chroma"))
        database = stack.enter_context(running_postgres())
        shared = {
            "COACH_CHROMA_URL": chroma,
            "COACH_DATABASE_URL": database,
            "COACH_SECRET_KEY": SECRET,
            "COACH_LEXICAL_REFRESH_SECONDS": str(REFRESH_SECONDS),
        }

        def env_for(name: str) -> dict[str, str]:
            home = tmp_path / name
            home.mkdir(exist_ok=True)
            return child_env(home, COACH_CORPUS_DIR=str(CORPUS), **shared)

        indexed = run_cli(["index"], env_for("indexer"))
        assert indexed.returncode == 0, indexed.stderr
        urls = [stack.enter_context(serving(tmp_path / name, env_for(name))) for name in ("a", "b")]

        with ThreadPoolExecutor(CLIENTS) as pool:
            results = list(pool.map(lambda n: switch_servers(urls, n), range(CLIENTS)))

        # Every message saved exactly once, in its own session, owned by its own browser.
        with psycopg.connect(database) as conn:
            for r in results:
                rows = conn.execute(
                    "SELECT role, content, status FROM messages WHERE session_id = %s ORDER BY id",
                    (r["session"],),
                ).fetchall()
                assert [c for role, c, _ in rows if role == "user"] == r["said"]
                assert [s for role, _, s in rows if role == "assistant"] == ["complete"] * 2
            owners = conn.execute("SELECT COUNT(DISTINCT owner) FROM sessions").fetchone()[0]
        assert owners == CLIENTS and len({r["session"] for r in results}) == CLIENTS

        # No client can open, or continue, another client's session on either process.
        for url, (thief, victim) in zip(urls, [results[:2], results[2:4]], strict=True):
            client = Client(url, verbose=False)
            opened = client.predict(thief["token"], victim["session"], api_name="/load")
            assert opened[0] == [] and opened[2] is None
            turn = client.predict("let me in", thief["token"], victim["session"], api_name="/turn")
            assert "No session with id" in turn[4]

        # A third process indexes a new ladder document; both UI processes find it.
        (ladder / "zebra-ladder.md").write_text(
            "# Zebra ladder\n\n## Senior\n\nA senior zebrafication engineer owns the "
            "zebrafication roadmap and measures stripe quality every quarter.\n",
            encoding="utf-8",
        )
        added = run_cli(["index", "--ladder-dir", str(ladder)], env_for("indexer"))
        assert added.returncode == 0, added.stderr
        indexed_at = time.monotonic()
        for url in urls:
            client = Client(url, verbose=False)
            token = client.predict(None, None, api_name="/load")[1]
            while True:
                history = client.predict(
                    "What does zebrafication mean for a senior?", token, None, api_name="/turn"
                )[0]
                if "zebra-ladder" in sources_of(history):
                    break
                assert time.monotonic() - indexed_at < REFRESH_SECONDS + 20, sources_of(history)
                time.sleep(0.5)
