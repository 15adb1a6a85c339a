"""Peak memory of the UI server after a run of turns from browser-less clients."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

from bench.environment import PYTHON, REPO, child_env
from bench.process import peak_rss_mib

QUESTIONS = [
    "Should I go for promotion?",
    "I'm an SDE-2 on a platform team.",
    "We mostly fix issues that keep coming back.",
    "What would a staff engineer do differently?",
    "I'll write up the top three recurring incidents by Friday.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("the UI server exited during start-up") from None
            time.sleep(0.25)
    raise RuntimeError("the UI server did not start in time")


def ui_memory(data_dir: Path, turns: int) -> dict:
    """Serve `app.py` on an indexed data dir, send ``turns`` turns, read peak memory."""
    from gradio_client import Client

    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [PYTHON, "app.py", "--port", str(port)],
        cwd=REPO,
        env=child_env(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, proc)
        ready = time.perf_counter() - started
        after_start = peak_rss_mib(proc.pid)
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        session = None
        for i in range(turns):
            if i % len(QUESTIONS) == 0:
                session = None
            out = client.predict(QUESTIONS[i % len(QUESTIONS)], [], session, api_name="/turn")
            session = out[2]
        return {
            "turns": turns,
            "seconds_to_listening": ready,
            "peak_rss_after_start_mib": after_start,
            "peak_rss_mib": peak_rss_mib(proc.pid),
        }
    finally:
        proc.terminate()
        proc.wait(timeout=30)
