"""Conversations, profiles and citations in SQLite (WAL), under the data dir.

The user's message is committed before the model is called, and the assistant's
reply is saved as it streams, so neither a crash nor a model error loses words.
Schema changes go through numbered migrations keyed on ``PRAGMA user_version``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from coach.coaching.profile import Profile
from coach.errors import SessionError, disk_full
from coach.plan.model import Plan
from coach.security.identity import LOCAL_OWNER
from coach.security.sanitize import clean_title, strip_terminal_escapes

Status = Literal["complete", "streaming", "partial", "error", "fallback"]

MIGRATIONS: list[str] = [
    """
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        profile TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        content TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'complete',
        model TEXT,
        sources TEXT NOT NULL DEFAULT '[]',
        error TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX messages_by_session ON messages(session_id, id);
    """,
    # Every session belongs to one owner; rows from before belong to the local CLI user.
    """
    ALTER TABLE sessions ADD COLUMN owner TEXT NOT NULL DEFAULT 'local';
    CREATE INDEX sessions_by_owner ON sessions(owner, updated_at);
    """,
    # One promotion plan per owner, kept between conversations.
    """
    CREATE TABLE plans (
        owner TEXT PRIMARY KEY,
        plan TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
]
TITLE_CHARS = 80


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class StoredMessage:
    id: int
    role: Literal["user", "assistant"]
    content: str
    status: str
    model: str | None
    sources: list[dict]
    error: str | None
    created_at: str


@dataclass
class Session:
    id: str
    title: str
    created_at: str
    updated_at: str
    profile: Profile
    messages: list[StoredMessage] = field(default_factory=list)
    owner: str = LOCAL_OWNER


def check_id(session_id: object) -> None:
    """Session ids are short text; anything else is a clear error, not a traceback."""
    if not isinstance(session_id, str) or not 0 < len(session_id) <= 64:
        shown = repr(session_id)[:70]
        raise SessionError(f"{shown} is not a session id; `coach sessions list` shows the ids.")


class SessionStore:
    """All sessions in one SQLite file; safe to share between threads and processes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        try:
            if not path.parent.exists():
                path.parent.mkdir(parents=True)
                os.chmod(path.parent, 0o700)
        except OSError as exc:
            raise SessionError(
                f"Cannot create the data folder {path.parent} ({exc.strerror}); "
                "set COACH_DATA_DIR to a writable folder."
            ) from None
        self._migrate()

    # -- connection -------------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return conn
        fresh = not self.path.exists()
        try:
            old_umask = os.umask(0o077)  # transcripts are the user's alone
            try:
                conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            finally:
                os.umask(old_umask)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            raise self._damaged(exc) from None
        if fresh:
            os.chmod(self.path, 0o600)
        self._local.conn = conn
        return conn

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            conn.execute("ROLLBACK") if conn.in_transaction else None
            if "readonly" in str(exc) or "read-only" in str(exc):
                raise SessionError(
                    f"The session database {self.path} is read-only; check the folder's "
                    "permissions or set COACH_DATA_DIR."
                ) from None
            if disk_full(exc):
                raise self._full() from None
            raise SessionError(f"Saving to {self.path} failed ({exc}).") from None
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _migrate(self) -> None:
        try:
            with self._tx() as conn:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                    for statement in script.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {number}")
        except sqlite3.DatabaseError as exc:
            raise self._damaged(exc) from None

    def _damaged(self, exc: Exception) -> SessionError:
        if disk_full(exc):
            return self._full()
        return SessionError(
            f"The session database {self.path} is damaged or not a database ({exc}). "
            "Move it aside (it is kept for recovery) and the coach will start a new one."
        )

    def _full(self) -> SessionError:
        return SessionError(
            f"The disk holding {self.path} is full; free some space and try again. The "
            "database is not damaged and nothing saved before was lost."
        )

    # -- sessions -------------------------------------------------------------------------

    def create(self, title: str = "", owner: str = LOCAL_OWNER) -> str:
        session_id = uuid.uuid4().hex[:12]
        stamp = now()
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO sessions (id, title, created_at, updated_at, profile, owner) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    clean_title(title)[:TITLE_CHARS],
                    stamp,
                    stamp,
                    Profile().model_dump_json(),
                    owner,
                ),
            )
        return session_id

    def exists(self, session_id: str) -> bool:
        if not isinstance(session_id, str):
            return False
        row = self._connect().execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,))
        return row.fetchone() is not None

    def owner_of(self, session_id: object) -> str | None:
        """The session's owner, or None when there is no such session (or the id is no text)."""
        if not isinstance(session_id, str):
            return None
        row = self._connect().execute("SELECT owner FROM sessions WHERE id = ?", (session_id,))
        found = row.fetchone()
        return found["owner"] if found else None

    def get(self, session_id: str) -> Session:
        check_id(session_id)
        conn = self._connect()
        row = conn.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise SessionError(
                f"No session with id {session_id!r}; `coach sessions list` shows the ids."
            )
        messages = [
            StoredMessage(
                id=m["id"],
                role=m["role"],
                content=m["content"],
                status=m["status"],
                model=m["model"],
                sources=json.loads(m["sources"]),
                error=m["error"],
                created_at=m["created_at"],
            )
            for m in conn.execute(
                "SELECT * FROM messages WHERE session_id = ? ORDER BY id", (session_id,)
            )
        ]
        return Session(
            id=row["id"],
            title=row["title"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            profile=Profile.model_validate_json(row["profile"]),
            messages=messages,
            owner=row["owner"],
        )

    def list_sessions(self, owner: str | None = None) -> list[tuple[str, str, str, int]]:
        """(id, title, updated_at, message count), most recent first; one owner's or all."""
        where, args = ("WHERE s.owner = ? ", (owner,)) if owner is not None else ("", ())
        rows = self._connect().execute(
            "SELECT s.id, s.title, s.updated_at, COUNT(m.id) AS n FROM sessions s "
            f"LEFT JOIN messages m ON m.session_id = s.id {where}GROUP BY s.id "
            "ORDER BY s.updated_at DESC, s.rowid DESC",
            args,
        )
        return [(r["id"], r["title"], r["updated_at"], r["n"]) for r in rows]

    def delete(self, session_id: str) -> None:
        check_id(session_id)
        with self._tx() as conn:
            deleted = conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount
        if not deleted:
            raise SessionError(f"No session with id {session_id!r} to delete.")

    def save_profile(self, session_id: str, profile: Profile) -> None:
        with self._tx() as conn:
            conn.execute(
                "UPDATE sessions SET profile = ?, updated_at = ? WHERE id = ?",
                (profile.model_dump_json(), now(), session_id),
            )

    # -- messages -------------------------------------------------------------------------

    def add_message(
        self,
        session_id: str,
        role: Literal["user", "assistant"],
        content: str,
        *,
        status: Status = "complete",
        model: str | None = None,
    ) -> int:
        stamp = now()
        with self._tx() as conn:
            if (
                conn.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone()
                is None
            ):
                raise SessionError(f"No session with id {session_id!r}.")
            cursor = conn.execute(
                "INSERT INTO messages (session_id, role, content, status, model, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (session_id, role, strip_terminal_escapes(content), status, model, stamp),
            )
            conn.execute(
                "UPDATE sessions SET updated_at = ?, "
                "title = CASE WHEN title = '' AND ? = 'user' THEN ? ELSE title END "
                "WHERE id = ?",
                (stamp, role, clean_title(content)[:TITLE_CHARS], session_id),
            )
            return int(cursor.lastrowid or 0)

    def update_message(
        self,
        message_id: int,
        *,
        content: str,
        status: Status,
        sources: list[dict] | None = None,
        error: str | None = None,
        model: str | None = None,
    ) -> None:
        with self._tx() as conn:
            conn.execute(
                "UPDATE messages SET content = ?, status = ?, sources = ?, error = ?, "
                "model = COALESCE(?, model) WHERE id = ?",
                (
                    strip_terminal_escapes(content),  # model text never drives a terminal later
                    status,
                    json.dumps(sources or [], ensure_ascii=False),
                    error,
                    model,
                    message_id,
                ),
            )

    # -- plans ------------------------------------------------------------------------------

    def get_plan(self, owner: str) -> Plan:
        """The person's plan; an empty one until they or the coach add to it."""
        row = self._connect().execute("SELECT plan FROM plans WHERE owner = ?", (owner,)).fetchone()
        return Plan.model_validate_json(row["plan"]) if row else Plan()

    def plan_owners(self) -> list[str]:
        return [
            r["owner"] for r in self._connect().execute("SELECT owner FROM plans ORDER BY owner")
        ]

    def save_plan(self, owner: str, plan: Plan) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO plans (owner, plan, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(owner) DO UPDATE SET plan = excluded.plan, "
                "updated_at = excluded.updated_at",
                (owner, plan.model_dump_json(), now()),
            )
