"""Copy an embedded SQLite session store into PostgreSQL, verified and safe to re-run."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from coach.errors import SessionError
from coach.sessions.postgres import PostgresSessionStore
from coach.sessions.sqlite import SessionStore


@dataclass(frozen=True)
class MigrationReport:
    sessions: int
    messages: int
    copied: int
    skipped: int
    plans: int
    seconds: float

    def summary(self, target: str) -> str:
        return (
            f"Migrated {self.sessions} sessions ({self.messages} messages) to {target}: "
            f"{self.copied} copied, {self.skipped} already there, {self.plans} plans, verified, "
            f"in {self.seconds:.1f} s."
        )


def migrate(
    source: SessionStore,
    target: PostgresSessionStore,
    on_progress: Callable[[int, int], None] | None = None,
) -> MigrationReport:
    """Copy every session from ``source``; sessions already in ``target`` are left alone.

    Afterwards the session and message counts of every source session are compared with
    the target's, and any difference is an error naming the numbers.
    """
    started = time.perf_counter()
    ids = [row[0] for row in source.list_sessions()]
    expected: dict[str, int] = {}
    copied: set[str] = set()
    for done, session_id in enumerate(ids, start=1):
        session = source.get(session_id)
        expected[session_id] = len(session.messages)
        if target.import_session(session):
            copied.add(session_id)
        if on_progress:
            on_progress(done, len(ids))
    found = target.message_counts(ids)
    # A session copied now must match exactly; one copied by an earlier run may have grown
    # since (people kept talking on the new store), never shrunk.
    wrong = [
        sid
        for sid, n in expected.items()
        if sid not in found or (found[sid] != n if sid in copied else found[sid] < n)
    ]
    if wrong:
        raise SessionError(
            f"Migration check failed for {len(wrong)} of {len(ids)} sessions (first: "
            f"{wrong[0]}: {expected[wrong[0]]} messages here, {found.get(wrong[0], 0)} in "
            f"{target.location}). Nothing was deleted; run the migration again."
        )
    messages = sum(expected.values())
    plans = 0
    for owner in source.plan_owners():
        if owner not in target.plan_owners():  # a plan already there may have moved on
            target.save_plan(owner, source.get_plan(owner))
            plans += 1
    return MigrationReport(
        sessions=len(ids),
        messages=messages,
        copied=len(copied),
        skipped=len(ids) - len(copied),
        plans=plans,
        seconds=time.perf_counter() - started,
    )
