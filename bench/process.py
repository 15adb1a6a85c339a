"""Whole-process measurements: wall time and peak resident memory of a child process."""

from __future__ import annotations

import os
import resource
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProcessRun:
    seconds: float
    peak_rss_mib: float
    returncode: int
    output: str


def run_process(cmd: list[str], env: dict[str, str], cwd: Path) -> ProcessRun:
    """Run ``cmd`` to completion; peak RSS comes from the kernel's own accounting."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    return ProcessRun(seconds, usage.ru_maxrss / 1024, proc.returncode, output)


def peak_rss_mib(pid: int) -> float:
    """High-water mark of a running process's resident memory (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


def own_peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
