"""Which session store a process uses: SQLite in the data dir, or PostgreSQL by URL.

``COACH_DATABASE_URL=postgresql://…`` selects PostgreSQL; otherwise the embedded SQLite
file needs no setup. Both implement ``SessionBackend``; nothing else in the coach knows
which one it has.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Protocol

from coach.errors import ConfigError

if TYPE_CHECKING:
    from coach.coaching.profile import Profile
    from coach.plan.model import Plan
    from coach.sessions.sqlite import Session, Status
    from coach.settings import Settings

POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


class SessionBackend(Protocol):
    """What the coach needs from a session store."""

    def create(self, title: str = "", owner: str = ...) -> str: ...
    def exists(self, session_id: str) -> bool: ...
    def owner_of(self, session_id: object) -> str | None: ...
    def get(self, session_id: str) -> Session: ...
    def list_sessions(self, owner: str | None = None) -> list[tuple[str, str, str, int]]: ...
    def delete(self, session_id: str) -> None: ...
    def save_profile(self, session_id: str, profile: Profile) -> None: ...
    def add_message(
        self,
        session_id: str,
        role: Literal["user", "assistant"],
        content: str,
        *,
        status: Status = "complete",
        model: str | None = None,
    ) -> int: ...
    def get_plan(self, owner: str) -> Plan: ...
    def save_plan(self, owner: str, plan: Plan) -> None: ...
    def update_message(
        self,
        message_id: int,
        *,
        content: str,
        status: Status,
        sources: list[dict] | None = None,
        error: str | None = None,
        model: str | None = None,
    ) -> None: ...


def is_postgres_url(url: str) -> bool:
    return url.startswith(POSTGRES_SCHEMES)


def open_sessions(settings: Settings) -> SessionBackend:
    """The configured store, opened and migrated."""
    url = settings.database_url.get_secret_value() if settings.database_url else ""
    if not url:
        from coach.sessions.sqlite import SessionStore

        return SessionStore(settings.sessions_db)
    if not is_postgres_url(url):
        raise ConfigError(
            "COACH_DATABASE_URL must start with postgresql://; unset it to use the "
            "embedded SQLite file."
        )
    from coach.sessions.postgres import PostgresSessionStore

    return PostgresSessionStore(url.replace("postgresql+psycopg://", "postgresql://", 1))
