"""Where the benchmarks run: an isolated data dir per scenario and the shared model."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
PYTHON = sys.executable


def child_env(data_dir: Path, corpus_dir: Path = CORPUS) -> dict[str, str]:
    """The caller's environment without any COACH_* setting, pointed at ``data_dir``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
    env.pop("OPENAI_API_KEY", None)
    env.update(
        COACH_DATA_DIR=str(data_dir),
        COACH_CORPUS_DIR=str(corpus_dir),
        XDG_CONFIG_HOME=str(data_dir.parent / "config"),
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
    )
    return env
