"""A real PostgreSQL server for tests: Debian's binaries, a temporary cluster, a free port.

As root the server refuses to run, so the cluster belongs to the ``postgres`` system user
that Debian's package creates. Everything lives in one temporary folder, removed after.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.ui_server import free_port

SUPERUSER = "coach"


def postgres_bindir() -> Path | None:
    """Debian installs versioned binaries under /usr/lib/postgresql/N/bin; newest first."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return Path(found[0]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_server_user(args: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return args
    return ["runuser", "-u", "postgres", "--", *args]


@contextmanager
def running_postgres(database: str = "coach", *, durable: bool = False) -> Iterator[str]:
    """Start a throwaway cluster on loopback and yield a ``postgresql://`` URL to ``database``.

    Tests skip fsync (they throw the cluster away); ``durable`` keeps it, for benchmarks.
    """
    bindir = postgres_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed; `make test` installs it (apt-get)")
    root = Path(tempfile.mkdtemp(prefix="coach-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        shutil.chown(sockets, "postgres", "postgres")
    port = free_port()
    log = root / "server.log"
    run = dict(check=True, capture_output=True, text=True, timeout=120)
    try:
        subprocess.run(
            _as_server_user(
                [
                    str(bindir / "initdb"),
                    "-D",
                    str(data),
                    "-A",
                    "trust",
                    "-U",
                    SUPERUSER,
                    "-E",
                    "UTF8",
                    "--no-locale",
                    "--no-sync",
                ]
            ),
            **run,
        )
        options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c max_connections=200" + (
            "" if durable else " -c fsync=off"
        )
        subprocess.run(
            _as_server_user(
                [
                    str(bindir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(log),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "60",
                    "start",
                ]
            ),
            **run,
        )
        subprocess.run(
            [
                str(bindir / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-U",
                SUPERUSER,
                database,
            ],
            **run,
        )
        yield f"postgresql://{SUPERUSER}@127.0.0.1:{port}/{database}"
    finally:
        if data.exists():
            subprocess.run(
                _as_server_user(
                    [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
                ),
                capture_output=True,
                timeout=60,
            )
        time.sleep(0.1)
        shutil.rmtree(root, ignore_errors=True)
