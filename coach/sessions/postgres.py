"""Conversations, profiles and citations in PostgreSQL, for UI processes on several hosts.

The same interface and guarantees as the SQLite store (``coach.sessions.sqlite.SessionStore``):
the user's message is committed before the model is called, the reply is saved as it
streams, partial and error states are kept. Every write is its own transaction on a
pooled connection (psycopg 3 + psycopg_pool), so any process on any host can continue
any conversation. Schema changes are numbered migrations recorded in
``coach_schema_migrations`` and applied under an advisory lock, so several processes
starting at once migrate exactly once.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from coach.coaching.profile import Profile
from coach.errors import SessionError
from coach.plan.model import Plan
from coach.security.identity import LOCAL_OWNER
from coach.security.sanitize import clean_title, strip_terminal_escapes
from coach.sessions.sqlite import TITLE_CHARS, Session, Status, StoredMessage, check_id

# One advisory-lock key for "migrating the coach schema" (any constant works; this one
# is the first 8 bytes of sha256("coach-migrations") as a signed integer).
MIGRATION_LOCK = 0x1D3C9E6B5A4F2E10 - (1 << 63)

MIGRATIONS: list[str] = [
    """
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        profile TEXT NOT NULL DEFAULT '{}',
        seq BIGSERIAL
    );
    CREATE TABLE messages (
        id BIGSERIAL PRIMARY KEY,
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
    # Numbered as in the SQLite store: every session belongs to one owner.
    """
    ALTER TABLE sessions ADD COLUMN owner TEXT NOT NULL DEFAULT 'local';
    CREATE INDEX sessions_by_owner ON sessions(owner, updated_at);
    """,
    """
    CREATE TABLE plans (
        owner TEXT PRIMARY KEY,
        plan TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    """,
]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _text(value: str) -> str:
    """What the SQLite store keeps, minus NUL, which PostgreSQL text cannot hold."""
    return strip_terminal_escapes(value).replace("\x00", "")


def _reason(exc: BaseException, url: str) -> str:
    """The first line of a driver error, with any password from the URL blanked out."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    password = urlsplit(url).password
    return text.replace(password, "********") if password else text


def safe_location(url: str) -> str:
    """host:port/dbname of a database URL, never its user or password, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    return f"postgresql://{host}{port}{parts.path}"


class PostgresSessionStore:
    """All sessions in one PostgreSQL database; safe to share between processes and hosts."""

    def __init__(self, url: str, *, min_size: int = 1, max_size: int = 10) -> None:
        try:
            import psycopg
            from psycopg_pool import ConnectionPool, PoolTimeout
        except ImportError:
            raise SessionError(
                "COACH_DATABASE_URL names PostgreSQL, but its driver is not installed; "
                "run: pip install 'coach[postgres]'"
            ) from None

        self.url = url
        self.location = safe_location(url)
        self._errors = psycopg.Error
        try:
            # One direct connection first: a wrong host or password fails at once with the
            # server's reason, instead of the pool retrying until its timeout.
            psycopg.connect(url, connect_timeout=10).close()
            self._pool = ConnectionPool(
                url,
                min_size=min_size,
                max_size=max_size,
                kwargs={"autocommit": True},
                open=False,
            )
            self._pool.open(wait=True, timeout=15)
        except (psycopg.Error, PoolTimeout, OSError) as exc:
            raise SessionError(
                f"Cannot reach the session database at {self.location} "
                f"({_reason(exc, url)}); check COACH_DATABASE_URL and that the server runs."
            ) from None
        self._migrate()

    def close(self) -> None:
        self._pool.close()

    # -- connection -------------------------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        """One transaction on a pooled connection; database failures become one line."""
        try:
            with self._pool.connection() as conn, conn.transaction():
                yield conn
        except SessionError:
            raise
        except self._errors as exc:
            raise SessionError(
                f"Saving to {self.location} failed ({_reason(exc, self.url)})."
            ) from None

    def _migrate(self) -> None:
        with self._tx() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            conn.execute(
                "CREATE TABLE IF NOT EXISTS coach_schema_migrations ("
                "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            row = conn.execute("SELECT COALESCE(MAX(version), 0) FROM coach_schema_migrations")
            version = int(row.fetchone()[0])
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in script.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(
                    "INSERT INTO coach_schema_migrations (version, applied_at) VALUES (%s, %s)",
                    (number, now()),
                )

    # -- sessions -------------------------------------------------------------------------

    def create(self, title: str = "", owner: str = LOCAL_OWNER) -> str:
        session_id = uuid.uuid4().hex[:12]
        stamp = now()
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO sessions (id, title, created_at, updated_at, profile, owner) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                (
                    session_id,
                    _text(clean_title(title)[:TITLE_CHARS]),
                    stamp,
                    stamp,
                    Profile().model_dump_json(),
                    owner,
                ),
            )
        return session_id

    def owner_of(self, session_id: object) -> str | None:
        """The session's owner, or None when there is no such session (or the id is no text)."""
        if not isinstance(session_id, str):
            return None
        with self._tx() as conn:
            row = conn.execute("SELECT owner FROM sessions WHERE id = %s", (session_id,))
            found = row.fetchone()
        return found[0] if found else None

    def exists(self, session_id: str) -> bool:
        if not isinstance(session_id, str):
            return False
        with self._tx() as conn:
            row = conn.execute("SELECT 1 FROM sessions WHERE id = %s", (session_id,))
            return row.fetchone() is not None

    def get(self, session_id: str) -> Session:
        check_id(session_id)
        with self._tx() as conn:
            row = conn.execute(
                "SELECT id, title, created_at, updated_at, profile, owner FROM sessions "
                "WHERE id = %s",
                (session_id,),
            ).fetchone()
            if row is None:
                raise SessionError(
                    f"No session with id {session_id!r}; `coach sessions list` shows the ids."
                )
            rows = conn.execute(
                "SELECT id, role, content, status, model, sources, error, created_at "
                "FROM messages WHERE session_id = %s ORDER BY id",
                (session_id,),
            ).fetchall()
        messages = [
            StoredMessage(
                id=int(m[0]),
                role=m[1],
                content=m[2],
                status=m[3],
                model=m[4],
                sources=json.loads(m[5]),
                error=m[6],
                created_at=m[7],
            )
            for m in rows
        ]
        return Session(
            id=row[0],
            title=row[1],
            created_at=row[2],
            updated_at=row[3],
            profile=Profile.model_validate_json(row[4]),
            messages=messages,
            owner=row[5],
        )

    def list_sessions(self, owner: str | None = None) -> list[tuple[str, str, str, int]]:
        """(id, title, updated_at, message count), most recent first; one owner's or all."""
        where, args = ("WHERE s.owner = %s ", (owner,)) if owner is not None else ("", ())
        with self._tx() as conn:
            rows = conn.execute(
                "SELECT s.id, s.title, s.updated_at, COUNT(m.id) FROM sessions s "
                f"LEFT JOIN messages m ON m.session_id = s.id {where}GROUP BY s.id "
                "ORDER BY s.updated_at DESC, s.seq DESC",
                args,
            ).fetchall()
        return [(r[0], r[1], r[2], int(r[3])) for r in rows]

    def delete(self, session_id: str) -> None:
        check_id(session_id)
        with self._tx() as conn:
            deleted = conn.execute("DELETE FROM sessions WHERE id = %s", (session_id,)).rowcount
        if not deleted:
            raise SessionError(f"No session with id {session_id!r} to delete.")

    def save_profile(self, session_id: str, profile: Profile) -> None:
        with self._tx() as conn:
            conn.execute(
                "UPDATE sessions SET profile = %s, updated_at = %s WHERE id = %s",
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
            # Lock the session row: the title is set from the first user message exactly once.
            found = conn.execute(
                "SELECT 1 FROM sessions WHERE id = %s FOR UPDATE", (session_id,)
            ).fetchone()
            if found is None:
                raise SessionError(f"No session with id {session_id!r}.")
            row = conn.execute(
                "INSERT INTO messages (session_id, role, content, status, model, created_at) "
                "VALUES (%s, %s, %s, %s, %s, %s) RETURNING id",
                (session_id, role, _text(content), status, model, stamp),
            ).fetchone()
            conn.execute(
                "UPDATE sessions SET updated_at = %s, "
                "title = CASE WHEN title = '' AND %s = 'user' THEN %s ELSE title END "
                "WHERE id = %s",
                (stamp, role, _text(clean_title(content)[:TITLE_CHARS]), session_id),
            )
            return int(row[0])

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
                "UPDATE messages SET content = %s, status = %s, sources = %s, error = %s, "
                "model = COALESCE(%s, model) WHERE id = %s",
                (
                    _text(content),
                    status,
                    _text(json.dumps(sources or [], ensure_ascii=False)),
                    _text(error) if error else None,
                    model,
                    message_id,
                ),
            )

    # -- plans ------------------------------------------------------------------------------

    def get_plan(self, owner: str) -> Plan:
        """The person's plan; an empty one until they or the coach add to it."""
        with self._tx() as conn:
            row = conn.execute("SELECT plan FROM plans WHERE owner = %s", (owner,)).fetchone()
        return Plan.model_validate_json(row[0]) if row else Plan()

    def plan_owners(self) -> list[str]:
        with self._tx() as conn:
            return [r[0] for r in conn.execute("SELECT owner FROM plans ORDER BY owner")]

    def save_plan(self, owner: str, plan: Plan) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT INTO plans (owner, plan, updated_at) VALUES (%s, %s, %s) "
                "ON CONFLICT (owner) DO UPDATE SET plan = EXCLUDED.plan, "
                "updated_at = EXCLUDED.updated_at",
                (owner, _text(plan.model_dump_json()), now()),
            )

    # -- migration --------------------------------------------------------------------------

    def import_session(self, session: Session) -> bool:
        """Copy one whole session with its ids and timestamps; False when it is already here.

        One transaction per session, so an interrupted migration never leaves half a
        conversation behind and a re-run simply skips what arrived.
        """
        with self._tx() as conn:
            inserted = conn.execute(
                "INSERT INTO sessions (id, title, created_at, updated_at, profile, owner) "
                "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO NOTHING",
                (
                    session.id,
                    _text(session.title),
                    session.created_at,
                    session.updated_at,
                    session.profile.model_dump_json(),
                    session.owner,
                ),
            ).rowcount
            if not inserted:
                return False
            for m in session.messages:
                conn.execute(
                    "INSERT INTO messages (session_id, role, content, status, model, sources, "
                    "error, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                    (
                        session.id,
                        m.role,
                        _text(m.content),
                        m.status,
                        m.model,
                        _text(json.dumps(m.sources, ensure_ascii=False)),
                        _text(m.error) if m.error else None,
                        m.created_at,
                    ),
                )
        return True

    def message_counts(self, session_ids: list[str]) -> dict[str, int]:
        """Messages per session among ``session_ids`` that exist here, to verify a migration."""
        with self._tx() as conn:
            rows = conn.execute(
                "SELECT s.id, COUNT(m.id) FROM sessions s "
                "LEFT JOIN messages m ON m.session_id = s.id WHERE s.id = ANY(%s) GROUP BY s.id",
                (session_ids,),
            ).fetchall()
        return {r[0]: int(r[1]) for r in rows}
