"""Cold start: `coach search` as a whole process beside what importing a framework costs.

Two floors run alternately with the product, so all see the same machine conditions:
``python -c "import torch"`` (the issue's floor: a coach that needs torch cannot start
faster) and the old floor, sentence-transformers loading the model and encoding one
sentence. The product runs once per embedding backend.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from bench.environment import PYTHON, REPO, child_env
from bench.process import run_process
from bench.stats import summary
from coach.retrieval.embeddings import resolve_model_path
from coach.settings import DEFAULT_EMBEDDING_MODEL

CLI = [PYTHON, "-m", "coach.interfaces.cli"]

QUESTION = "Should I go for promotion?"

SENTENCE_TRANSFORMERS = """
from sentence_transformers import SentenceTransformer

model = SentenceTransformer({path!r}, device="cpu")
model.encode([{question!r}])
"""


def cold_start(workdir: Path, repeats: int) -> dict:
    """Floors and products interleaved, ``repeats`` rounds; wall time and peak RSS each."""
    data = workdir / "data"
    env = child_env(data)
    subprocess.run(
        [*CLI, "index"],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    subprocess.run(  # the first search saves the lexical snapshot that every later one opens
        [*CLI, "search", QUESTION],
        env=env,
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    st_code = SENTENCE_TRANSFORMERS.format(
        path=str(resolve_model_path(DEFAULT_EMBEDDING_MODEL)), question=QUESTION
    )
    runs = {
        "import_torch": ([PYTHON, "-c", "import torch"], env),
        "sentence_transformers_floor": ([PYTHON, "-c", st_code], env),
        "search_onnx": ([*CLI, "search", QUESTION], env),
        "search_torch": (
            [*CLI, "search", QUESTION],
            {**env, "COACH_EMBEDDING_BACKEND": "torch"},
        ),
        "ask_offline_onnx": (
            [*CLI, "ask", "--offline", QUESTION],
            env,
        ),
    }
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    rss: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, (cmd, run_env) in runs.items():
            run = run_process(cmd, run_env, REPO)
            if run.returncode:
                raise RuntimeError(f"cold-start run {name} failed:\n{run.output[-2000:]}")
            seconds[name].append(run.seconds)
            rss[name].append(run.peak_rss_mib)
    wall = {name: summary(v) for name, v in seconds.items()}
    floor = wall["import_torch"]["median"]
    return {
        "wall_s": wall,
        "peak_rss_mib": {name: summary(v) for name, v in rss.items()},
        "search_over_import_torch": wall["search_onnx"]["median"] / floor,
        "search_torch_over_import_torch": wall["search_torch"]["median"] / floor,
        "ratio": wall["ask_offline_onnx"]["median"] / wall["sentence_transformers_floor"]["median"],
        "data_dir": str(data),
    }
