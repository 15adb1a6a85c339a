"""Sessions in SQLite: saved before the model runs, resumable across processes, exportable."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
from pathlib import Path

import pytest

from coach.coaching.profile import Profile, correct
from coach.errors import SessionError
from coach.sessions.export import session_markdown
from coach.sessions.sqlite import SessionStore
from tests.conftest import Cli


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
    from coach.coaching.profile import learn

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
    assert re.search(r"- \[ \] add latency dashboards \(\d{4}-\d{2}-\d{2}\)", text), "dated"


def test_ask_resumes_a_session_in_a_later_command(
    cli: Cli, indexed_env: dict[str, str], tmp_path: Path
) -> None:
    first = cli(
        [
            "ask",
            "My team only maintains a legacy system, how can I get promoted?",
            "--json",
            "--offline",
        ],
        indexed_env,
    )
    assert first.exit_code == 0, first.stderr
    one = json.loads(first.stdout)
    assert set(one) >= {"answer", "sources", "stage", "profile", "session_id", "model"}
    assert one["sources"] and one["model"] == "offline grounded responder"

    second = cli(
        [
            "ask",
            "I'm an SDE-2 and I want SDE-3 for the money.",
            "--session",
            one["session_id"],
            "--json",
        ],
        indexed_env,
    )
    two = json.loads(second.stdout)
    assert two["session_id"] == one["session_id"] and two["stage"] == "reality"
    assert two["profile"]["current_level"] == "SDE-2"

    listed = cli(["sessions", "list"], indexed_env).stdout
    assert one["session_id"] in listed
    shown = cli(["sessions", "show", one["session_id"]], indexed_env).stdout
    assert shown.count("**You:**") == 2
    out_file = tmp_path / "t.md"
    exported = cli(["sessions", "export", one["session_id"], "-o", str(out_file)], indexed_env)
    assert exported.exit_code == 0 and "## Commitments" in out_file.read_text()
    assert stat.S_IMODE(os.stat(out_file).st_mode) == 0o600
    assert cli(["sessions", "delete", one["session_id"]], indexed_env).exit_code == 0
    gone = cli(["sessions", "show", one["session_id"]], indexed_env)
    assert gone.exit_code == 1 and "No session" in gone.stderr and "Traceback" not in gone.stderr


def test_ask_streams_text_then_sources_and_says_offline_mode(
    cli: Cli, indexed_env: dict[str, str]
) -> None:
    proc = cli(["ask", "Is a promotion a reward for hard work?"], indexed_env)
    assert proc.exit_code == 0
    assert "offline grounded responder" in proc.stderr
    assert "\nSources\n[" in proc.stdout


def test_ask_rejects_empty_and_oversized_messages(cli: Cli, indexed_env: dict[str, str]) -> None:
    empty = cli(["ask", "   "], indexed_env)
    assert empty.exit_code == 1 and "empty" in empty.stderr
    huge = cli(["ask", "x" * 5000], indexed_env)
    assert huge.exit_code == 1 and "limit is 4,000" in huge.stderr


def test_chat_loop_with_commands(cli: Cli, indexed_env: dict[str, str], tmp_path: Path) -> None:
    export = tmp_path / "chat.md"
    script = (
        "\n".join(
            [
                "I'm an SDE-2 on a platform team and we only do maintenance.",
                "/sources",
                "/sourcse",
                "/profile set target_level=SDE-3",
                "/profile",
                "/plan",
                "",
                f"/export {export}",
                "/quit",
            ]
        )
        + "\n"
    )
    proc = cli(["chat"], indexed_env, input=script)
    assert proc.exit_code == 0, proc.stderr
    assert "mode: offline grounded responder" in proc.stdout
    assert "coach> " in proc.stdout and "Sources" in proc.stdout
    assert "target level: SDE-3" in proc.stdout
    assert "# Promotion plan" in proc.stdout and "Next check-in" in proc.stdout
    assert "empty" in proc.stderr, "an empty line gets a clear message"
    assert "Unknown command /sourcse" in proc.stderr, "a mistyped command is not sent as a message"
    assert export.is_file() and "SDE-3" in export.read_text()
    assert "Session saved:" in proc.stdout
