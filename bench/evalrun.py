"""Wall time of the offline eval suite as a user runs it: `coach eval`, a whole process."""

from __future__ import annotations

from pathlib import Path

from bench.environment import PYTHON, REPO, child_env
from bench.process import run_process
from bench.stats import summary

CLI = [PYTHON, "-m", "coach.interfaces.cli"]


def eval_run(data_dir: Path, repeats: int) -> dict:
    seconds = []
    for i in range(repeats):
        out = data_dir.parent / f"eval-{i}.json"
        run = run_process(
            [*CLI, "eval", "--json", str(out)],
            child_env(data_dir),
            REPO,
        )
        if run.returncode:
            raise RuntimeError(f"coach eval failed:\n{run.output[-2000:]}")
        seconds.append(run.seconds)
    return {"wall_s": summary(seconds)}
