"""Cold start: `coach ask --offline` as a whole process beside the embedding floor.

The floor is a process that only imports sentence-transformers, loads the same model and
encodes one sentence: no coach could start faster, since every answer needs that model.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from bench.environment import PYTHON, REPO, child_env
from bench.process import run_process
from bench.stats import summary
from coach.embeddings import resolve_model_path
from coach.settings import DEFAULT_EMBEDDING_MODEL

QUESTION = "Should I go for promotion?"

FLOOR = """
from sentence_transformers import SentenceTransformer
model = SentenceTransformer({path!r}, device="cpu")
model.encode([{question!r}])
"""


def cold_start(workdir: Path, repeats: int) -> dict:
    """Alternate floor and coach runs so both see the same machine conditions."""
    data = workdir / "data"
    env = child_env(data)
    subprocess.run(
        [PYTHON, "-m", "coach.cli", "index"], env=env, cwd=REPO, check=True, capture_output=True
    )
    floor_code = FLOOR.format(
        path=str(resolve_model_path(DEFAULT_EMBEDDING_MODEL)), question=QUESTION
    )
    floor, coach, rss = [], [], []
    for _ in range(repeats):
        base = run_process([PYTHON, "-c", floor_code], env, REPO)
        full = run_process([PYTHON, "-m", "coach.cli", "ask", "--offline", QUESTION], env, REPO)
        if base.returncode or full.returncode:
            raise RuntimeError(f"cold-start run failed:\n{base.output}\n{full.output}")
        floor.append(base.seconds)
        coach.append(full.seconds)
        rss.append(full.peak_rss_mib)
    floor_s, coach_s = summary(floor), summary(coach)
    return {
        "floor_s": floor_s,
        "coach_ask_s": coach_s,
        "ratio": coach_s["median"] / floor_s["median"],
        "cli_peak_rss_mib": summary(rss),
        "data_dir": str(data),
    }
