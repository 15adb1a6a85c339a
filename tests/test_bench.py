"""A tiny run of the benchmark harness, so `python -m bench` cannot rot unnoticed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.stats import latency, percentile, summary
from bench.synthetic import write_corpus
from coach.chunking import chunk_corpus
from coach.corpus import load_corpus
from tests.conftest import CORPUS, REPO


def test_synthetic_corpus_chunks_into_the_requested_number_of_chunks(tmp_path: Path) -> None:
    write_corpus(CORPUS, tmp_path, 137)
    load = load_corpus(tmp_path)
    assert load.errors == [] and len(load.documents) == 14
    chunks = chunk_corpus(load.documents)
    assert len(chunks) == 137
    assert all(300 < len(c.text) <= 900 for c in chunks)


def test_statistics() -> None:
    assert summary([3.0, 1.0, 2.0]) == {"median": 2.0, "min": 1.0, "max": 3.0, "n": 3}
    assert percentile([1, 2, 3, 4, 5], 50) == 3 and percentile([1, 2, 3, 4, 5], 95) == 4.8
    assert latency([0.010, 0.020]) == {"p50_ms": 15.0, "p95_ms": 19.5, "n": 2}


TINY = [
    "--sizes",
    "120",
    "--repeats",
    "1",
    "--rounds",
    "1",
    "--ui-turns",
    "2",
    "--eval-repeats",
    "1",
]


@pytest.mark.slow
def test_a_tiny_benchmark_run_measures_every_scenario(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bench", *TINY, "--out", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["cold_start"]["ratio"] > 0.5
    assert set(results["sizes"]) == {"shipped", "120"}
    small = results["sizes"]["120"]
    assert small["indexing"]["chunks"] == 120 and small["indexing"]["ratio"] > 0
    assert {"dense", "bm25", "hybrid"} <= set(small["retrieval"])
    assert small["turn"]["to_model_request"]["n"] == 2 * 57
    assert results["ui"]["peak_rss_mib"] > results["ui"]["peak_rss_after_start_mib"] > 0
    assert results["eval"]["wall_s"]["n"] == 1
    table = (tmp_path / "results.md").read_text()
    assert "| cold start / floor |" in table and "UI server peak RSS" in table
