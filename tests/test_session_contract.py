"""One contract for every session store: SQLite (embedded) and PostgreSQL (a real server).

Each test runs against both backends. PostgreSQL is Debian's server, started in a
temporary folder on a free loopback port; without it the PostgreSQL half is skipped with
the reason, except in CI, where a missing server is a failure.
"""

from __future__ import annotations

import os
import re
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from coach.coaching.profile import Profile
from coach.errors import SessionError
from coach.sessions.export import session_markdown
from coach.sessions.sqlite import SessionStore
from tests.pg_server import postgres_bindir, running_postgres


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    if postgres_bindir() is None:
        if os.environ.get("CI"):
            raise RuntimeError("PostgreSQL is missing; `make test` installs it (apt-get)")
        pytest.skip("PostgreSQL server binaries not installed; `make test` installs them")
    with running_postgres() as url:
        yield url


def fresh_database(server_url: str) -> str:
    """A new empty database on the shared test server, so tests never see each other."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return server_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", "postgresql"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path):
    """A factory: each call opens the same store again, as a second process would."""
    opened: list = []
    if request.param == "sqlite":
        path = tmp_path / "sessions.sqlite3"

        def factory():
            store = SessionStore(path)
            opened.append(store)
            return store
    else:
        from coach.sessions.postgres import PostgresSessionStore

        url = fresh_database(request.getfixturevalue("postgres_url"))

        def factory():
            store = PostgresSessionStore(url)
            opened.append(store)
            return store

    yield factory
    for store in opened:
        close = getattr(store, "close", None)
        if close:
            close()


def test_messages_profile_sources_and_title_round_trip(open_store) -> None:
    store = open_store()
    sid = store.create()
    store.add_message(sid, "user", "I'm an SDE-2\non a platform team")
    reply = store.add_message(sid, "assistant", "", status="streaming", model="m")
    store.update_message(
        reply,
        content="Answer [1]",
        status="complete",
        sources=[{"n": 1, "doc_id": "d", "title": "Т", "heading": "", "passage": "p"}],
    )
    store.save_profile(sid, Profile(current_level="SDE-2", blockers=["vague feedback"]))
    session = open_store().get(sid)  # another connection, as another process would
    assert [m.content for m in session.messages] == [
        "I'm an SDE-2\non a platform team",
        "Answer [1]",
    ]
    assert [m.status for m in session.messages] == ["complete", "complete"]
    assert session.messages[1].sources[0]["title"] == "Т" and session.messages[1].model == "m"
    assert session.profile.current_level == "SDE-2"
    assert session.profile.blockers == ["vague feedback"]
    assert session.title == "I'm an SDE-2 on a platform team"


def test_partial_and_error_states_are_kept(open_store) -> None:
    store = open_store()
    sid = store.create()
    store.add_message(sid, "user", "hello")
    cut = store.add_message(sid, "assistant", "", status="streaming", model="m")
    store.update_message(cut, content="half an ans", status="streaming")
    failed = store.add_message(sid, "assistant", "", status="streaming", model="m")
    store.update_message(failed, content="", status="error", error="HTTP 500")
    partial = store.add_message(sid, "assistant", "", status="streaming", model="m")
    store.update_message(partial, content="some", status="partial", error="cut off")
    messages = open_store().get(sid).messages
    assert [(m.status, m.content, m.error) for m in messages[1:]] == [
        ("streaming", "half an ans", None),
        ("error", "", "HTTP 500"),
        ("partial", "some", "cut off"),
    ]


def test_unknown_and_deleted_sessions_give_clear_errors(open_store) -> None:
    store = open_store()
    sid = store.create()
    store.add_message(sid, "user", "hi")
    store.delete(sid)
    assert not store.exists(sid)
    with pytest.raises(SessionError, match="sessions list"):
        store.get(sid)
    with pytest.raises(SessionError, match="to delete"):
        store.delete("nope")
    with pytest.raises(SessionError, match="No session"):
        store.add_message("nope", "user", "hi")


def test_sessions_belong_to_their_owner(open_store) -> None:
    store = open_store()
    mine = store.create(owner="anon:alice")
    theirs = store.create(owner="user:bob")
    local = store.create()
    assert [r[0] for r in store.list_sessions(owner="anon:alice")] == [mine]
    assert store.owner_of(theirs) == "user:bob" and store.owner_of(local) == "local"
    assert store.owner_of("nope") is None and store.owner_of(42) is None
    assert open_store().get(mine).owner == "anon:alice"
    assert {r[0] for r in store.list_sessions()} == {mine, theirs, local}


def test_list_is_most_recent_first_with_message_counts(open_store) -> None:
    store = open_store()
    first, second = store.create(), store.create()
    store.add_message(first, "user", "older")
    store.add_message(second, "user", "newer")
    store.add_message(second, "assistant", "reply")
    rows = store.list_sessions()
    assert [(r[0], r[1], r[3]) for r in rows] == [(second, "newer", 2), (first, "older", 1)]


def test_twenty_threads_each_keep_their_own_conversation(open_store) -> None:
    store = open_store()
    ids: dict[int, str] = {}
    errors: list[BaseException] = []

    def converse(i: int) -> None:
        try:
            sid = store.create()
            ids[i] = sid
            for turn in range(3):
                store.add_message(sid, "user", f"user {i} turn {turn}")
                reply = store.add_message(sid, "assistant", "", status="streaming")
                store.update_message(reply, content=f"reply {i}.{turn}", status="complete")
        except BaseException as exc:  # collected and re-raised below with its traceback
            errors.append(exc)

    threads = [threading.Thread(target=converse, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    reader = open_store()
    for i, sid in ids.items():
        contents = [m.content for m in reader.get(sid).messages]
        assert contents == [
            text for turn in range(3) for text in (f"user {i} turn {turn}", f"reply {i}.{turn}")
        ]


def test_export_is_identical_across_backends(tmp_path: Path, postgres_url: str) -> None:
    from coach.sessions.postgres import PostgresSessionStore

    def build(store) -> str:
        sid = store.create()
        store.add_message(sid, "user", "I'm an SDE-2 and we only do maintenance.")
        reply = store.add_message(sid, "assistant", "", status="streaming", model="m")
        store.update_message(
            reply,
            content="What would you measure first? [1]",
            status="complete",
            sources=[{"n": 1, "doc_id": "d", "title": "T", "heading": "H", "passage": "p"}],
        )
        store.save_profile(sid, Profile(current_level="SDE-2"))
        session = store.get(sid)
        text = session_markdown(session).replace(sid, "ID")
        # The two times are the clock's, not the backend's: when both fall in the same tick
        # they are one string, so replacing them one by one gave "T0, … T0" (a rare flake).
        return re.sub(r"Started .+?, last updated .+?\.\n", "Started T0, last updated T1.\n", text)

    pg = PostgresSessionStore(fresh_database(postgres_url))
    try:
        assert build(SessionStore(tmp_path / "s.sqlite3")) == build(pg)
    finally:
        pg.close()


class CheckingModel:
    """A chat model that, while it streams, looks at the store from another connection."""

    name = "checking"
    is_offline = False

    def __init__(self, reader) -> None:
        self.reader = reader
        self.seen: list[tuple[str, ...]] = []

    def stream(self, messages):
        sid = self.reader.list_sessions()[0][0]
        self.seen.append(tuple(m.role + ":" + m.status for m in self.reader.get(sid).messages))
        yield "What would you measure first? "
        yield "[1]"


def test_a_turn_commits_the_message_before_the_model_runs(open_store, corpus_runtime) -> None:
    from coach.coaching.turn import Coach

    store, reader = open_store(), open_store()
    model = CheckingModel(reader)
    coach = Coach(corpus_runtime.settings, corpus_runtime.retriever, model, store)
    result = coach.ask(None, "We only maintain a legacy system. Where is my opportunity?")
    assert model.seen == [("user:complete", "assistant:streaming")]
    saved = reader.get(result.session_id).messages
    assert [m.status for m in saved] == ["complete", "complete"]
    assert saved[1].content.startswith("What would you measure first?") and saved[1].sources


def test_migration_copies_everything_verifies_and_is_idempotent(
    tmp_path: Path, postgres_url: str
) -> None:
    from coach.sessions.migrate import migrate
    from coach.sessions.postgres import PostgresSessionStore

    source = SessionStore(tmp_path / "s.sqlite3")
    for i in range(5):
        sid = source.create()
        source.add_message(sid, "user", f"question {i}")
        reply = source.add_message(sid, "assistant", "", status="streaming", model="m")
        source.update_message(
            reply,
            content=f"answer {i}",
            status="partial" if i == 3 else "complete",
            error="cut off" if i == 3 else None,
            sources=[{"n": 1, "doc_id": f"d{i}", "title": "T", "heading": "", "passage": "p"}],
        )
        source.save_profile(sid, Profile(current_level=f"L{i + 3}"))
    from coach.plan.model import Plan

    source.save_plan("local", Plan(target_level="staff engineer"))
    target = PostgresSessionStore(fresh_database(postgres_url))
    try:
        first = migrate(source, target)
        assert (first.sessions, first.messages, first.copied, first.skipped) == (5, 10, 5, 0)
        assert first.plans == 1 and target.get_plan("local").target_level == "staff engineer"
        for sid, *_ in source.list_sessions():
            assert _same(target.get(sid), source.get(sid))
        again = migrate(source, target)
        assert (again.copied, again.skipped) == (0, 5)
        assert len(target.list_sessions()) == 5
    finally:
        target.close()


def _same(a, b) -> bool:
    """Sessions equal in everything but the database's own message ids."""
    strip = [
        (m.role, m.content, m.status, m.model, m.sources, m.error, m.created_at) for m in a.messages
    ]
    other = [
        (m.role, m.content, m.status, m.model, m.sources, m.error, m.created_at) for m in b.messages
    ]
    return (a.id, a.title, a.created_at, a.updated_at, a.profile) == (
        b.id,
        b.title,
        b.created_at,
        b.updated_at,
        b.profile,
    ) and strip == other


def test_an_unreachable_database_is_one_clear_line_without_the_password(
    tmp_path: Path,
) -> None:
    from coach.sessions.backends import open_sessions
    from coach.settings import Settings

    settings = Settings(
        data_dir=tmp_path,
        database_url="postgresql://coach:hunter2-secret@127.0.0.1:1/coach",
    )
    with pytest.raises(SessionError) as caught:
        open_sessions(settings)
    message = str(caught.value)
    assert "hunter2-secret" not in message and "127.0.0.1:1/coach" in message
    assert "COACH_DATABASE_URL" in message


def test_the_migrate_command_copies_a_local_store(tmp_path: Path, postgres_url: str) -> None:
    from typer.testing import CliRunner

    from coach.interfaces.cli import app

    store = SessionStore(tmp_path / "data" / "sessions.sqlite3")
    sid = store.create()
    store.add_message(sid, "user", "Should I go for staff?")
    url = fresh_database(postgres_url)
    runner = CliRunner()
    args = ["sessions", "migrate", "--to", url, "--data-dir", str(tmp_path / "data")]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "1 sessions (1 messages)" in first.output and "1 copied" in first.output
    second = runner.invoke(app, args)
    assert "0 copied, 1 already there" in second.output


def test_plans_belong_to_their_owner_and_round_trip(open_store) -> None:
    import datetime as dt

    from coach.plan import model as plans

    store = open_store()
    assert store.get_plan("alice") == plans.Plan()
    plan, _ = plans.add_commitment(
        plans.Plan(), "List the top pages", dt.date(2026, 12, 4), today=dt.date(2026, 11, 24)
    )
    plan = plans.set_field(plan, "target_level", "senior engineer")
    store.save_plan("alice", plan)
    store.save_plan("alice", plan)  # saving again replaces, never duplicates
    again = open_store()
    assert again.get_plan("alice") == plan
    assert again.get_plan("bob") == plans.Plan()
