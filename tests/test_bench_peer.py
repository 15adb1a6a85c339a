"""The LlamaIndex peer scenario on the shipped corpus: real figures from both sides over
the same chunks, or a skip when the bench extra is not installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.latency import questions
from bench.peer import missing, peer
from bench.report import peer_table
from coach.retrieval.embeddings import Embedder
from coach.runtime import Runtime


@pytest.mark.slow
def test_the_peer_scenario_measures_llamaindex_on_our_chunks(
    corpus_runtime: Runtime, embedder: Embedder, tmp_path: Path
) -> None:
    pytest.importorskip("llama_index.core")
    assert missing() is None
    retriever = corpus_runtime.retriever
    result = peer(corpus_runtime.settings, embedder, retriever, questions(), 1, 1, tmp_path)
    assert result["chunks"] == result["ours_chunks"] == len(retriever.chunks) > 50
    quality = result["quality"]
    for side in ("ours", "peer"):
        assert 0.0 <= quality[side]["hit_at_5"] <= 1.0 and 0.0 <= quality[side]["mrr"] <= 1.0
        assert quality[side]["mrr"] <= quality[side]["hit_at_5"]
        timing, given = result["retrieval"][side], result["retrieval_embedded"][side]
        assert 0 < timing["p50_ms"] <= timing["p95_ms"] and timing["n"] == len(questions())
        assert 0 < given["p50_ms"] <= given["p95_ms"] and given["n"] == len(questions())
    # With each query's vector given, ours no longer runs the model: a fraction of the time.
    ours_given, ours_full = result["retrieval_embedded"]["ours"], result["retrieval"]["ours"]
    assert ours_given["p50_ms"] < ours_full["p50_ms"] / 2
    assert quality["peer"]["hit_at_5"] > 0.5  # the same model and texts: no empty retriever
    assert result["index_chunks_per_s"]["median"] > 0 and result["open_saved_s"]["n"] == 3
    size = {
        "peer": result,
        "indexing": {"index_chunks_per_s": {"median": 30.0}},
        "load_s": 0.05,
        "open_saved_s": {"median": 0.01},
    }
    size["peer"]["peer_over_ours"] = {
        "index_chunks_per_s": 1.0,
        "lexical_build_s": 1.0,
        "open_saved_s": 1.0,
    }
    table = "\n".join(peer_table({"shipped": size}))
    n = result["chunks"]
    assert "## Peer: LlamaIndex" in table and f"| shipped | {n} / {n} |" in table
    assert "query embedded beforehand" in table and "– | – |" not in table


def test_a_missing_extra_is_reported_not_measured() -> None:
    from bench.targets import checks

    results = {"sizes": {"shipped": _size({"not_run": "not run: install the bench extra"})}}
    assert "not run: install the bench extra" in "\n".join(peer_table(results["sizes"]))
    peer_checks = [c for c in checks(results) if c.name.startswith("vs LlamaIndex")]
    assert [(c.measured, c.met) for c in peer_checks] == [
        ("not run: install the bench extra", False)
    ]


def _size(peer_result: dict) -> dict:
    timing = {"p50_ms": 10.0, "p95_ms": 12.0, "n": 1}
    return {
        "indexing": {"chunks": 75, "ratio": 1.0, "unchanged_reindex_s": {"median": 0.2}},
        "retrieval": {"hybrid": timing, "dense": timing, "hybrid_over_dense_p50": 1.0},
        "turn": {"to_model_request": timing},
        "peer": peer_result,
    }


def test_peer_targets_need_twice_the_speed_and_no_worse_quality() -> None:
    from bench.targets import checks

    def run(ours_ms: float, peer_ms: float, ours_hit: float) -> dict[str, bool]:
        p = {
            "retrieval": {
                "ours": {"p50_ms": ours_ms, "p95_ms": ours_ms},
                "peer": {"p50_ms": peer_ms, "p95_ms": peer_ms},
                "peer_over_ours_p50": peer_ms / ours_ms,
                "peer_over_ours_p95": peer_ms / ours_ms,
            },
            "quality": {
                "ours": {"hit_at_5": ours_hit, "mrr": 0.7},
                "peer": {"hit_at_5": 0.9, "mrr": 0.7},
            },
        }
        found = checks({"sizes": {"shipped": _size(p)}})
        return {c.name: c.met for c in found if c.name.startswith("vs LlamaIndex")}

    good = run(5.0, 10.0, 0.9)
    assert good == {
        "vs LlamaIndex: hybrid p50 @ shipped": True,
        "vs LlamaIndex: hybrid p95 @ shipped": True,
        "vs LlamaIndex: hybrid hit@5 / MRR @ shipped": True,
    }
    assert not any(run(6.0, 10.0, 0.8).values())
