"""A tiny run of the benchmark harness, so `python -m bench` cannot rot unnoticed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.stats import latency, percentile, summary
from bench.synthetic import write_corpus
from coach.corpus.chunking import chunk_corpus
from coach.corpus.documents import load_corpus
from coach.evals.retrieval import load_labels
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
    cold = results["cold_start"]
    assert cold["search_over_import_torch"] > 0 and cold["peak_rss_mib"]["search_onnx"]["n"] == 1
    assert results["quality"]["onnx"]["cosine_vs_torch"]["min"] >= 0.9999
    assert set(results["quality"]) == {"torch", "onnx", "int8"}
    assert set(results["sizes"]) == {"shipped", "120"}
    small = results["sizes"]["120"]
    assert small["indexing"]["chunks"] == 120 and small["indexing"]["ratio"] > 0
    assert set(small["indexing"]["speedup_over_torch"]) == {"torch", "onnx", "int8"}
    assert small["open_saved_s"]["n"] == 3
    assert {"dense", "bm25", "hybrid", "embedding_only"} <= set(small["retrieval"])
    assert small["turn"]["to_model_request"]["n"] == 2 * len(load_labels())  # every question
    # Traffic can leave the peak where start-up put it: never below, never zero.
    assert results["ui"]["peak_rss_mib"] >= results["ui"]["peak_rss_after_start_mib"] > 0
    assert results["eval"]["wall_s"]["n"] == 1
    table = (tmp_path / "results.md").read_text()
    assert "| cold `coach search` / `import torch` |" in table and "UI server peak RSS" in table
    assert "| open saved index @ 120 |" in table


def _results(search_s: float, rss: float, p50: float, p95: float) -> dict:
    spread = {"median": 1.0, "min": 1.0, "max": 1.0, "n": 1}
    timing = {"p50_ms": 10.0, "p95_ms": 12.0, "n": 1}
    return {
        "cold_start": {
            "search_over_import_torch": search_s / 2.0,
            "peak_rss_mib": {"search_onnx": {**spread, "median": rss}},
            "ratio": 1.0,
        },
        "sizes": {
            "1k": {
                "indexing": {
                    "chunks": 1000,
                    "ratio": 1.0,
                    "speedup_over_torch": {"torch": 1.0, "onnx": 1.5, "int8": 2.0},
                },
                "open_saved_s": {**spread, "median": 0.2},
                "retrieval": {
                    "hybrid": {"p50_ms": p50, "p95_ms": p95, "n": 1},
                    "dense": timing,
                    "hybrid_over_dense_p50": 1.0,
                },
                "turn": {"to_model_request": timing},
            }
        },
    }


def test_targets_report_met_and_missed_from_the_figures() -> None:
    from bench.targets import checks

    good = {c.name: c.met for c in checks(_results(1.5, 250, 15.0, 25.0))}
    assert good["cold `coach search` / `import torch`"] and good["cold `coach search` peak RSS"]
    assert good["hybrid p50 @ 1k"] and good["hybrid p95 / p50 @ 1k"]
    assert good["indexing onnx / torch @ 1k"] and not good["indexing int8 / torch @ 1k"]
    assert good["open saved index @ 1k"]
    bad = {c.name: c.met for c in checks(_results(2.5, 350, 25.0, 60.0))}
    assert not bad["cold `coach search` / `import torch`"]
    assert not bad["cold `coach search` peak RSS"]
    assert not bad["hybrid p50 @ 1k"] and not bad["hybrid p95 / p50 @ 1k"]


def test_a_size_embedded_once_for_latency_reports_no_floor_and_checks_latency() -> None:
    """``--large-backends onnx`` indexes a large corpus with onnx alone: no torch floor and
    no speed-up exist, so none is reported or checked, while its latency targets are."""
    from bench.report import markdown
    from bench.targets import checks

    results = {**_results(1.5, 250, 14.0, 22.0), "machine": "test machine"}
    spread = {"median": 28.0, "min": 28.0, "max": 28.0, "n": 1}
    results["sizes"]["1k"]["indexing"] = {
        "chunks": 50000,
        "encode_floor_chunks_per_s": None,
        "index_chunks_per_s": spread,
        "index_chunks_per_s_by_backend": {"onnx": spread},
        "speedup_over_torch": {},
        "ratio": None,
        "unchanged_reindex_s": spread,
        "one_file_edited_reindex_s": spread,
    }
    results["sizes"]["1k"]["load_s"] = 15.0
    results["sizes"]["1k"]["retrieval"]["bm25"] = {"p50_ms": 1.2, "p95_ms": 1.5, "n": 1}
    results["sizes"]["1k"]["turn"]["offline_first_token"] = {"p50_ms": 1.0, "p95_ms": 2.0}
    named = {c.name: c.met for c in checks(results)}
    assert named["hybrid p50 @ 1k"] and named["hybrid p95 / p50 @ 1k"]
    assert not any(name.startswith("indexing") for name in named)
    table = markdown({k: v for k, v in results.items() if k != "cold_start"})
    assert "| 1k | 50000 | – | – / 28.0 (28.0–28.0, n=1) / – |  | – |" in table


def test_a_childs_peak_memory_is_its_own_not_the_benchmarks() -> None:
    """Linux hands the exec-ing process's high-water mark to the new program; the bench
    holds several models, so a naive measurement reported ~1.6 GiB for every child."""
    import os

    import numpy as np

    from bench.process import run_process

    ballast = np.ones(400 * 2**20 // 8)  # 400 MiB, touched
    run = run_process([sys.executable, "-c", "print('small')"], dict(os.environ), REPO)
    assert ballast.sum() > 0 and run.returncode == 0 and run.output.strip() == "small"
    assert 0 < run.peak_rss_mib < 100
    failed = run_process([sys.executable, "-c", "raise SystemExit(3)"], dict(os.environ), REPO)
    assert failed.returncode == 3
