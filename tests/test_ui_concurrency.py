"""Twenty browser-less clients talk to one UI server at once through `gradio_client`."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from gradio_client import Client

from tests.ui_server import running_ui

CLIENTS = 20


def conversation(url: str, n: int) -> tuple[str, list[str]]:
    """Two turns in one session; returns the session id and what this client said."""
    client = Client(url, verbose=False)
    said = [f"I am engineer number {n} and I lead an on-call rotation.", f"Client {n}: what next?"]
    token = client.predict(None, None, api_name="/load")[1]  # this client's signed identity
    session_id = None
    for text in said:
        outputs = client.predict(text, token, session_id, api_name="/turn")
        history, box, token, session_id, status = outputs[:5]
        assert box == "" and status == "", status
        assert history[-1]["metadata"]["title"].startswith("Sources ("), history[-1]
    return session_id, said


@pytest.mark.slow
def test_twenty_clients_get_their_own_sessions_and_every_message_is_saved_once(
    tmp_path: Path,
) -> None:
    with running_ui(tmp_path) as url:
        with ThreadPoolExecutor(CLIENTS) as pool:
            results = list(pool.map(lambda n: conversation(url, n), range(CLIENTS)))
        log = (tmp_path / "server.log").read_text()
    assert "database is locked" not in log and "Traceback" not in log
    assert len({sid for sid, _ in results}) == CLIENTS
    db = sqlite3.connect(tmp_path / "data" / "sessions.sqlite3")
    for sid, said in results:
        rows = db.execute(
            "SELECT content FROM messages WHERE session_id = ? AND role = 'user' ORDER BY id",
            (sid,),
        ).fetchall()
        assert [r[0] for r in rows] == said, "each message saved once, in its own session"
        answers = db.execute(
            "SELECT COUNT(*) FROM messages WHERE session_id = ? AND role = 'assistant'", (sid,)
        ).fetchone()[0]
        assert answers == 2
