"""The web UI as an attacker sees it: other people's sessions, foreign hosts, huge fields.

A real `coach serve` on loopback, driven with `gradio_client` and raw HTTP. Every
endpoint the server offers is tried: the named ones from ``/gradio_api/info`` through
`gradio_client`, and every event handler in ``/config`` (the page's private ones
included) through Gradio's own queue protocol.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client

from tests.conftest import child_env, free_port
from tests.ui_server import running_ui

MARKER = "VICTIM-SECRET-7f3a"


def queue_call(url: str, fn_index: int, data: list[Any], headers: dict | None = None) -> dict:
    """Run one event handler the way the page does; returns Gradio's final message."""
    session_hash = secrets.token_hex(8)
    with httpx.Client(base_url=url, headers=headers or {}, timeout=120) as http:
        joined = http.post(
            "gradio_api/queue/join",
            json={
                "data": data,
                "event_data": None,
                "fn_index": fn_index,
                "trigger_id": None,
                "session_hash": session_hash,
            },
        )
        joined.raise_for_status()
        with http.stream(
            "GET", "gradio_api/queue/data", params={"session_hash": session_hash}
        ) as stream:
            for line in stream.iter_lines():
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    return message
    raise AssertionError("the queue closed without a result")


def victim_state(db: Path, session_id: str) -> tuple:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "SELECT title, profile, owner FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        messages = conn.execute(
            "SELECT role, content FROM messages WHERE session_id = ? ORDER BY id", (session_id,)
        ).fetchall()
    finally:
        conn.close()
    return row, messages


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    home = tmp_path_factory.mktemp("ui-sec")
    with running_ui(home) as url:
        yield url, home


def start_conversation(url: str) -> tuple[str, str]:
    """A victim's browser-less client: its identity token and one session holding MARKER."""
    client = Client(url, verbose=False)
    token = client.predict(None, None, api_name="/load")[1]
    out = client.predict(
        f"I'm a senior engineer and my manager blocks me. {MARKER}",
        token,
        None,
        api_name="/turn",
    )
    assert out[4] == "", out[4]
    return token, out[3]


def test_second_client_cannot_reach_first_clients_session_through_any_endpoint(
    server: tuple[str, Path],
) -> None:
    url, home = server
    db = home / "data" / "sessions.sqlite3"
    victim_token, victim_sid = start_conversation(url)
    before = victim_state(db, victim_sid)
    assert before[0] is not None and before[0][2].startswith("anon:")

    attacker = Client(url, verbose=False)
    attacker_token = attacker.predict(None, None, api_name="/load")[1]
    assert attacker_token != victim_token

    # 1. Every named endpoint, through gradio_client, with the victim's session id.
    info = httpx.get(url + "gradio_api/info").json()
    named = info["named_endpoints"]
    assert {"/load", "/turn"} <= set(named)
    seen: list[str] = []
    for name, endpoint in named.items():
        args = []
        for p in endpoint["parameters"]:
            pname = p["parameter_name"]
            if pname == "token":
                args.append(attacker_token)
            elif pname == "session_id":
                args.append(victim_sid)
            else:
                args.append(f"pwned {MARKER}-attacker")
        for token in (attacker_token, None, "forged.signature"):
            call = [token if a is attacker_token else a for a in args]
            try:
                result = attacker.predict(*call, api_name=name)
            except Exception as exc:  # a refusal is fine; a leak is not
                result = str(exc)
            text = json.dumps(result, default=str)
            assert MARKER not in text.replace(f"{MARKER}-attacker", ""), (name, text[:500])
            assert victim_sid not in text or "No session with id" in text, (name, text[:300])
        seen.append(name)

    # 2. Every event handler of the page, private ones included, by its index.
    config = httpx.get(url + "config").json()
    components = {c["id"]: c for c in config["components"]}
    for dep in config["dependencies"]:
        data = []
        for cid in dep["inputs"]:
            c = components[cid]
            key = c["props"].get("storage_key")
            if key == "coach-identity":
                data.append(attacker_token)
            elif key == "coach-session-id" or c["props"].get("elem_id") == "picker":
                data.append(victim_sid)
            elif c["type"] == "dropdown":
                data.append(None)
            elif c["type"] == "dataset":
                data.append(0)
            else:
                data.append(f"pwned {MARKER}-attacker")
        message = queue_call(url, dep["id"], data)
        assert message["success"], message  # each handler ran and answered for itself
        text = json.dumps(message)
        assert MARKER not in text.replace(f"{MARKER}-attacker", ""), (dep["api_name"], text[:500])
        # the victim's session never appears as a choice, a state value or a file
        assert victim_sid not in text or "No session with id" in text, (dep["api_name"], text)
        seen.append(f"fn {dep['id']} {dep['api_name']}")

    assert victim_state(db, victim_sid) == before, "nothing about the victim's session changed"
    assert not list(Path("/tmp").glob(f"**/coach-session-{victim_sid}.md")), "no export written"
    # the attacker's own list holds only what the attacker made
    listed = attacker.predict(attacker_token, None, api_name="/load")[-1]
    assert all(victim_sid not in json.dumps(choice) for choice in listed.get("choices", []))
    assert len(seen) >= 10


def test_the_owner_still_reaches_their_session_and_a_token_cannot_be_forged(
    server: tuple[str, Path],
) -> None:
    url, _ = server
    token, sid = start_conversation(url)
    client = Client(url, verbose=False)
    loaded = client.predict(token, sid, api_name="/load")
    assert loaded[2] == sid and MARKER in json.dumps(loaded[0])
    browser_id = token.split(".")[0]
    for forged in (browser_id + ".AAAA", browser_id, f"{browser_id}.{token.split('.')[1][:-1]}x"):
        other = client.predict(forged, sid, api_name="/load")
        assert other[2] is None and MARKER not in json.dumps(other[0])
        assert other[1] != forged  # a fresh identity was issued instead


def fn_index(url: str, api_name: str) -> int:
    """The page's event handler by its name, private ones included."""
    config = httpx.get(url + "config").json()
    return next(d["id"] for d in config["dependencies"] if d["api_name"] == api_name)


def test_non_string_session_id_and_token_get_a_clear_answer(server: tuple[str, Path]) -> None:
    url, home = server
    token = Client(url, verbose=False).predict(None, None, api_name="/load")[1]
    turn = fn_index(url, "turn")
    for bad in ({"id": 1}, 12, ["a"], "x" * 5000):
        message = queue_call(url, turn, ["hello", token, bad])
        assert message["success"], message
        status = message["output"]["data"][4]
        assert "No session" in status
    assert "Traceback" not in (home / "server.log").read_text()


def test_foreign_host_and_origin_are_refused_dns_rebinding(server: tuple[str, Path]) -> None:
    url, _ = server
    for path in ("", "config", "gradio_api/info"):
        r = httpx.get(url + path, headers={"host": "evil.example"})
        assert r.status_code == 421 and MARKER not in r.text
        r = httpx.get(url + path, headers={"host": "evil.example:7860"})
        assert r.status_code == 421
    r = httpx.post(
        url + "gradio_api/queue/join",
        headers={"origin": "http://evil.example"},
        json={"data": [], "fn_index": 1, "session_hash": "x"},
    )
    assert r.status_code == 403
    ok = httpx.get(url)
    assert ok.status_code == 200
    csp = ok.headers["content-security-policy"]
    assert "img-src 'self' data: blob:" in csp and "form-action 'self'" in csp
    assert httpx.get(url, headers={"host": "localhost"}).status_code == 200


def test_profile_fields_and_messages_are_limited_and_nothing_is_stored(
    server: tuple[str, Path],
) -> None:
    url, home = server
    db = home / "data" / "sessions.sqlite3"
    token, sid = start_conversation(url)
    before = victim_state(db, sid)
    huge = "x" * 1_000_000
    fields = ["goal", "", "", None, huge, "", "", "unknown", ""]
    message = queue_call(url, fn_index(url, "save_profile"), [token, sid, *fields])
    status = message["output"]["data"][2]
    assert "limit is 300" in status and "Nothing was saved" in status
    assert victim_state(db, sid) == before
    assert len(db.read_bytes()) < 1_000_000
    # within the limit, it is saved
    fields[4] = "platform team"
    message = queue_call(url, fn_index(url, "save_profile"), [token, sid, *fields])
    assert message["output"]["data"][2] == "Profile saved."
    assert "platform team" in victim_state(db, sid)[0][1]
    # a message of zero-width characters only is empty
    before = victim_state(db, sid)
    message = queue_call(url, fn_index(url, "turn"), ["\u200b\u200c\u2060\ufeff", token, sid])
    assert "The message is empty" in message["output"]["data"][4]
    assert victim_state(db, sid) == before


@pytest.mark.slow  # a real server process restarted; `make test` and CI run it
def test_restart_keeps_a_clients_conversation(tmp_path: Path) -> None:
    port = free_port()
    with running_ui(tmp_path, port=port) as url:
        token, sid = start_conversation(url)
    secret = tmp_path / "data" / "secret.key"
    assert oct(secret.stat().st_mode & 0o777) == "0o600"
    with running_ui(tmp_path, port=port) as url:
        loaded = Client(url, verbose=False).predict(token, sid, api_name="/load")
    assert loaded[2] == sid and MARKER in json.dumps(loaded[0])


@pytest.mark.slow  # real UI processes and bcrypt; `make test` and CI run it
def test_login_is_rate_limited_and_accounts_are_bcrypt_hashed(tmp_path: Path) -> None:
    env = child_env(tmp_path)
    added = subprocess.run(
        [sys.executable, "-m", "coach.interfaces.cli", "users", "add", "alice"],
        env=env,
        input="correct horse battery\ncorrect horse battery\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert added.returncode == 0, added.stderr
    users = (tmp_path / "data" / "users").read_text()
    assert users.startswith("alice:$2") and "correct horse" not in users
    assert oct((tmp_path / "data" / "users").stat().st_mode & 0o777) == "0o600"
    with running_ui(tmp_path, COACH_LOGIN_ATTEMPTS="5") as url:
        assert httpx.get(url + "config").status_code in (200, 401)
        good = httpx.post(
            url + "login", data={"username": "alice", "password": "correct horse battery"}
        )
        assert good.status_code == 200
        codes = [
            httpx.post(
                url + "login", data={"username": "alice", "password": f"guess{i}"}
            ).status_code
            for i in range(8)
        ]
        assert codes[:5] == [400] * 5 and set(codes[5:]) == {429}, codes
        # once blocked, even the right password waits
        late = httpx.post(
            url + "login", data={"username": "alice", "password": "correct horse battery"}
        )
        assert late.status_code == 429


def test_a_deleted_sessions_export_is_no_longer_downloadable(server: tuple[str, Path]) -> None:
    url, _ = server
    token, sid = start_conversation(url)
    exported = queue_call(url, fn_index(url, "export"), [token, sid])
    file_value = exported["output"]["data"][0]["value"]
    path = Path(file_value["path"])
    assert path.exists() and path.stat().st_mode & 0o777 == 0o600
    download = httpx.get(file_value["url"])
    assert download.status_code == 200 and MARKER in download.text
    deleted = queue_call(url, fn_index(url, "delete"), [token, sid, sid])
    assert deleted["output"]["data"][2] == "Session deleted."
    assert not path.exists()
    assert not list(Path("/tmp").glob(f"**/coach-session-{sid}.md"))
    assert httpx.get(file_value["url"]).status_code != 200


@pytest.mark.slow
def test_a_damaged_index_under_a_running_ui_gives_one_clear_line_and_no_orphan_sessions(
    tmp_path: Path,
) -> None:
    """Before: every retry showed a bare "Error" and left a new session holding the message.

    The store's revision is checked before every search here (the default is every 5 s, and
    until that check the saved snapshot answers), so the damage is seen on the first turn."""
    with running_ui(tmp_path, COACH_LEXICAL_REFRESH_SECONDS="0") as url:
        client = Client(url, verbose=False)
        token = client.predict(None, None, api_name="/load")[1]
        for path in (tmp_path / "data" / "chroma").rglob("*"):
            if path.is_file():
                path.write_bytes(b"not a database " * 64)
        sid, statuses = None, []
        for _ in range(3):
            out = client.predict("Where is my opportunity?", token, sid, api_name="/turn")
            statuses.append(out[4])
            sid = out[3]
        assert sid is not None
        assert all("is unreadable" in s and "coach index --rebuild" in s for s in statuses)
        conn = sqlite3.connect(tmp_path / "data" / "sessions.sqlite3")
        try:
            rows = conn.execute("SELECT session_id, role, content FROM messages").fetchall()
        finally:
            conn.close()
    assert rows == [(sid, "user", "Where is my opportunity?")]  # saved once, one session
