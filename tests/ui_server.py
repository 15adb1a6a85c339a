"""Start `app.py` on a free loopback port over a freshly indexed data dir, for UI tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import CORPUS, REPO


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ui_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
    env.update(
        COACH_DATA_DIR=str(home / "data"),
        COACH_CORPUS_DIR=str(CORPUS),
        XDG_CONFIG_HOME=str(home / "cfg"),
        HF_HUB_OFFLINE="1",
    )
    env.update(extra)
    return env


@contextmanager
def running_ui(home: Path, port: int | None = None, **extra_env: str) -> Iterator[str]:
    """Index the corpus, serve the UI, yield its URL, and stop it afterwards.

    Pass the same ``home`` and ``port`` again to restart a server on the same origin.
    """
    env = ui_env(home, **extra_env)
    subprocess.run(
        [sys.executable, "-m", "coach.cli", "index"],
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    port = port or free_port()
    log_path = home / "server.log"
    with open(log_path, "a") as log:
        proc = subprocess.Popen(
            [sys.executable, "app.py", "--port", str(port)],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=1):
                        break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(log_path.read_text()) from None
                    time.sleep(0.5)
            yield f"http://127.0.0.1:{port}/"
        finally:
            proc.terminate()
            proc.wait(timeout=20)
