"""Fusion-weight sweep: hybrid hit@5 and MRR for a grid of weights, dev and test side by side.

Run from the repository root: ``python evals/sweep_fusion.py``. Rows are ordered by dev
figures alone; pick weights from the dev columns. The test columns are shown so that the
gap between tuned and untuned questions is visible, never to choose.
"""

from __future__ import annotations

import itertools
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from coach.evals.retrieval import format_sweep, load_labels, sweep
from coach.retrieval.indexing import build_index
from coach.runtime import Runtime
from coach.settings import Settings

GRID = list(itertools.product((0.5, 1.0, 1.5), (1.0, 1.5, 2.0), (0.0, 0.25, 0.5)))


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="coach-sweep-") as tmp:
        corpus = Path(__file__).resolve().parents[1] / "corpus"
        rt = Runtime(Settings(data_dir=Path(tmp), corpus_dir=corpus))
        build_index(rt.settings, rt.store)
        rows = sweep(rt.retriever, load_labels(), GRID, k=5)
        print(format_sweep(rows))


if __name__ == "__main__":
    main()
