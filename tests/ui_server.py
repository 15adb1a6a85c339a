"""Start `app.py` on a free loopback port over a freshly indexed data dir, for UI tests."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import REPO, child_env, free_port


@contextmanager
def running_ui(home: Path, port: int | None = None, **extra_env: str) -> Iterator[str]:
    """Index the corpus, serve the UI, yield its URL, and stop it afterwards.

    Pass the same ``home`` and ``port`` again to restart a server on the same origin.
    """
    env = child_env(home, **extra_env)
    subprocess.run(
        [sys.executable, "-m", "coach.interfaces.cli", "index"],
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
