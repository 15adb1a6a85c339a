"""`python -m bench.sessions`: the session store's cost per turn, SQLite vs PostgreSQL.

Both stores answer the same offline turns in one run, interleaved, so machine load hits
them alike; the figure that matters is the difference of the medians. Then a 1,000-session
SQLite store is migrated to PostgreSQL and the time and counts are reported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.environment import CORPUS
from coach.coaching.profile import Profile
from coach.coaching.turn import Coach
from coach.llm.offline import OfflineResponder
from coach.retrieval.indexing import build_index
from coach.runtime import Runtime
from coach.sessions.migrate import migrate
from coach.sessions.postgres import PostgresSessionStore
from coach.sessions.sqlite import SessionStore
from coach.settings import Settings

QUESTIONS = [
    "Should I go for promotion this year?",
    "We get paged all the time. How could that ever get me promoted?",
    "What does a staff engineer do differently from a senior?",
    "My feedback says 'show more leadership'. What should I do with that?",
    "I'm an SDE-2 on a maintenance team. Where is my opportunity?",
]


def turn_times(coach: Coach, turns: int) -> list[float]:
    times = []
    session_id = None
    for i in range(turns):
        if i % 4 == 0:
            session_id = None  # a fresh conversation every four turns, as people do
        started = time.perf_counter()
        result = coach.ask(session_id, QUESTIONS[i % len(QUESTIONS)])
        times.append(time.perf_counter() - started)
        session_id = result.session_id
    return times


def fill(store: SessionStore, sessions: int) -> int:
    """A store like a team's after months: four turns per session, sources on replies."""
    messages = 0
    for i in range(sessions):
        sid = store.create()
        for turn in range(4):
            store.add_message(sid, "user", f"question {i}.{turn} about promotion")
            reply = store.add_message(sid, "assistant", "", status="streaming", model="m")
            store.update_message(
                reply,
                content=f"answer {i}.{turn} " * 20,
                status="complete",
                sources=[
                    {"n": 1, "doc_id": "d", "title": "T", "heading": "", "passage": "p" * 400}
                ],
            )
            messages += 2
        store.save_profile(sid, Profile(current_level="SDE-2"))
    return messages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sessions", description=__doc__)
    parser.add_argument("--turns", type=int, default=60, help="turns per backend")
    parser.add_argument("--migrate-sessions", type=int, default=1000)
    args = parser.parse_args(argv)
    from tests.pg_server import running_postgres

    with (
        tempfile.TemporaryDirectory(prefix="coach-bench-sessions-") as tmp,
        running_postgres(durable=True) as url,
    ):
        root = Path(tmp)
        settings = Settings(data_dir=root / "data", corpus_dir=CORPUS)
        runtime = Runtime(settings)
        build_index(settings, runtime.store)
        runtime.retriever.refresh()
        sqlite = SessionStore(root / "turns.sqlite3")
        postgres = PostgresSessionStore(url)
        coaches = {
            "sqlite": Coach(settings, runtime.retriever, OfflineResponder(), sqlite),
            "postgresql": Coach(settings, runtime.retriever, OfflineResponder(), postgres),
        }
        turn_times(coaches["sqlite"], 5)  # warm the model and the caches
        times: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
        for _ in range(args.turns // 10):  # interleaved blocks of ten turns
            for name, coach in coaches.items():
                times[name] += turn_times(coach, 10)
        medians = {name: statistics.median(v) * 1000 for name, v in times.items()}

        source = SessionStore(root / "big.sqlite3")
        messages = fill(source, args.migrate_sessions)
        target_url = url.rsplit("/", 1)[0] + "/migrated"
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE DATABASE migrated")
        target = PostgresSessionStore(target_url)
        report = migrate(source, target)
        again = migrate(source, target)
        target.close()
        postgres.close()
    result = {
        "turns_per_backend": {k: len(v) for k, v in times.items()},
        "turn_median_ms": {k: round(v, 1) for k, v in medians.items()},
        "postgres_overhead_ms": round(medians["postgresql"] - medians["sqlite"], 1),
        "migration": {
            "sessions": report.sessions,
            "messages": report.messages,
            "expected_messages": messages,
            "seconds": round(report.seconds, 2),
            "rerun_copied": again.copied,
            "rerun_seconds": round(again.seconds, 2),
        },
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
