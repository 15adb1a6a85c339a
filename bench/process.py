"""Whole-process measurements: wall time and peak resident memory of a child process."""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProcessRun:
    seconds: float
    peak_rss_mib: float
    returncode: int
    output: str


# Linux carries the high-water RSS of the process that calls exec into the new program's
# accounting, so a child started by this (large) process would report at least our own
# peak. A small launcher in between starts the measured command from a fresh, small
# address space and reports the command's own peak.
LAUNCHER = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(f"{usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run_process(cmd: list[str], env: dict[str, str], cwd: Path) -> ProcessRun:
    """Run ``cmd`` to completion; peak RSS comes from the kernel's own accounting."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "rusage"
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", LAUNCHER, str(report), *cmd],
            env=env,
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        seconds = time.perf_counter() - started
        maxrss_kib, returncode = (int(v) for v in report.read_text().split())
    return ProcessRun(seconds, maxrss_kib / 1024, returncode or proc.returncode, proc.stdout)


def peak_rss_mib(pid: int) -> float:
    """High-water mark of a running process's resident memory (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


def own_peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
