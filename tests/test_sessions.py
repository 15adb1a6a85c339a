"""Sessions in SQLite: saved before the model runs, resumable across processes, exportable."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coach.errors import SessionError
from coach.export import session_markdown
from coach.profile import Profile, correct
from coach.sessions import SessionStore
from tests.conftest import CORPUS


def test_store_uses_wal_and_user_only_permissions(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "data" / "sessions.sqlite3")
    store.create()
    mode = conn_mode = sqlite3.connect(store.path).execute("PRAGMA journal_mode").fetchone()[0]
    assert conn_mode == mode == "wal"
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(store.path.parent).st_mode) == 0o700


def test_messages_profile_and_sources_round_trip(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s.sqlite3")
    sid = store.create()
    store.add_message(sid, "user", "I'm an SDE-2")
    reply = store.add_message(sid, "assistant", "", status="streaming", model="m")
    store.update_message(
        reply,
        content="Answer [1]",
        status="complete",
        sources=[{"n": 1, "doc_id": "d", "title": "T", "heading": "", "passage": "p"}],
    )
    store.save_profile(sid, Profile(current_level="SDE-2"))
    session = SessionStore(tmp_path / "s.sqlite3").get(sid)
    assert [m.content for m in session.messages] == ["I'm an SDE-2", "Answer [1]"]
    assert session.messages[1].sources[0]["doc_id"] == "d"
    assert session.profile.current_level == "SDE-2"
    assert session.title == "I'm an SDE-2"


def test_unknown_and_deleted_sessions_give_clear_errors(tmp_path: Path) -> None:
    store = SessionStore(tmp_path / "s.sqlite3")
    sid = store.create()
    store.delete(sid)
    with pytest.raises(SessionError, match="sessions list"):
        store.get(sid)
    with pytest.raises(SessionError, match="to delete"):
        store.delete("nope")
    with pytest.raises(SessionError):
        store.add_message("nope", "user", "hi")


def test_a_corrupt_database_is_reported_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(SessionError, match="damaged or not a database"):
        SessionStore(path)
    assert path.read_bytes().startswith(b"this is not a database")


def test_profile_corrections_are_locked_against_inference() -> None:
    from coach.profile import learn

    profile = correct(Profile(), "current_level", "senior engineer")
    profile = learn(profile, "I'm an SDE-2 who wants SDE-3")
    assert profile.current_level == "senior engineer" and profile.target_level == "SDE-3"
    with pytest.raises(ValueError, match="Unknown profile field"):
        correct(profile, "salary", "1")


def test_export_has_transcript_sources_profile_and_commitments(make_coach) -> None:
    coach = make_coach()
    first = coach.ask(None, "I'm an SDE-2 on a platform team and we only do maintenance.")
    coach.ask(first.session_id, "I'll add latency dashboards by next Friday.")
    text = session_markdown(coach.sessions.get(first.session_id))
    assert "## Transcript" in text and "**You:**" in text and "**Coach (offline" in text
    assert "Sources:" in text and "articles/no-one-will-give-you-a-promotion" in text
    assert "current level: SDE-2" in text
    assert "- [ ] add latency dashboards (by next Friday)" in text


def run_cli(args: list[str], env: dict[str, str], stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "coach.cli", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("sessions-cli")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
    environment.update(
        COACH_DATA_DIR=str(home / "data"),
        COACH_CORPUS_DIR=str(CORPUS),
        XDG_CONFIG_HOME=str(home / "cfg"),
        HF_HUB_OFFLINE="1",
    )
    assert run_cli(["index"], environment).returncode == 0
    return environment


def test_ask_resumes_a_session_in_a_new_process(env: dict[str, str], tmp_path: Path) -> None:
    first = run_cli(
        [
            "ask",
            "My team only maintains a legacy system, how can I get promoted?",
            "--json",
            "--offline",
        ],
        env,
    )
    assert first.returncode == 0, first.stderr
    one = json.loads(first.stdout)
    assert set(one) >= {"answer", "sources", "stage", "profile", "session_id", "model"}
    assert one["sources"] and one["model"] == "offline grounded responder"

    second = run_cli(
        [
            "ask",
            "I'm an SDE-2 and I want SDE-3 for the money.",
            "--session",
            one["session_id"],
            "--json",
        ],
        env,
    )
    two = json.loads(second.stdout)
    assert two["session_id"] == one["session_id"] and two["stage"] == "reality"
    assert two["profile"]["current_level"] == "SDE-2"

    listed = run_cli(["sessions", "list"], env).stdout
    assert one["session_id"] in listed
    shown = run_cli(["sessions", "show", one["session_id"]], env).stdout
    assert shown.count("**You:**") == 2
    out_file = tmp_path / "t.md"
    exported = run_cli(["sessions", "export", one["session_id"], "-o", str(out_file)], env)
    assert exported.returncode == 0 and "## Commitments" in out_file.read_text()
    assert stat.S_IMODE(os.stat(out_file).st_mode) == 0o600
    assert run_cli(["sessions", "delete", one["session_id"]], env).returncode == 0
    gone = run_cli(["sessions", "show", one["session_id"]], env)
    assert gone.returncode == 1 and "No session" in gone.stderr and "Traceback" not in gone.stderr


def test_ask_streams_text_then_sources_and_says_offline_mode(env: dict[str, str]) -> None:
    proc = run_cli(["ask", "Is a promotion a reward for hard work?"], env)
    assert proc.returncode == 0
    assert "offline grounded responder" in proc.stderr
    assert "\nSources\n[" in proc.stdout


def test_ask_rejects_empty_and_oversized_messages(env: dict[str, str]) -> None:
    empty = run_cli(["ask", "   "], env)
    assert empty.returncode == 1 and "empty" in empty.stderr
    huge = run_cli(["ask", "x" * 5000], env)
    assert huge.returncode == 1 and "limit is 4,000" in huge.stderr


def test_chat_loop_with_commands(env: dict[str, str], tmp_path: Path) -> None:
    export = tmp_path / "chat.md"
    script = (
        "\n".join(
            [
                "I'm an SDE-2 on a platform team and we only do maintenance.",
                "/sources",
                "/profile set target_level=SDE-3",
                "/profile",
                "",
                f"/export {export}",
                "/quit",
            ]
        )
        + "\n"
    )
    proc = run_cli(["chat"], env, stdin=script)
    assert proc.returncode == 0, proc.stderr
    assert "mode: offline grounded responder" in proc.stdout
    assert "coach> " in proc.stdout and "Sources" in proc.stdout
    assert "target level: SDE-3" in proc.stdout
    assert "empty" in proc.stderr, "an empty line gets a clear message"
    assert export.is_file() and "SDE-3" in export.read_text()
    assert "Session saved:" in proc.stdout
