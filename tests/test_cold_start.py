"""What keeps `coach search` quick to start: a saved BM25 index read without bm25s (and
scipy), and the ONNX weights mapped from their own file, each giving exactly what it
replaced."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import bm25s
import numpy as np
import pytest

from coach.retrieval.embeddings import Embedder, ensure_onnx
from coach.retrieval.lexical import SavedScores, tokenize
from coach.runtime import Runtime
from tests.conftest import REPO, run_cli

QUERIES = [
    "how do I get promoted to senior",
    "staff engineer expectations",
    "как получить повышение",
]


def saved_bm25_folder(rt: Runtime, name: str = "bm25") -> Path:
    rt.retriever.refresh()  # the snapshot is saved beside the store
    return next(rt.store.snapshot_root.glob(f"*/{name}"))


@pytest.mark.parametrize("name", ["bm25", "guidance"])  # guidance: mostly empty documents
def test_saved_scores_equal_bm25s_scores(corpus_runtime: Runtime, name: str) -> None:
    folder = saved_bm25_folder(corpus_runtime, name)
    reference = bm25s.BM25.load(str(folder), mmap=True, show_progress=False, verbosity=0)
    saved = SavedScores(folder)
    assert saved.vocab_dict == reference.vocab_dict
    words = sorted(w for w in saved.vocab_dict if w)  # tokenize never yields ""
    # bm25s keeps "" in the vocabulary, without a column when no document is empty; the
    # reader must do what bm25s does either way.
    try:
        expected_empty = reference.get_scores([""])
    except ValueError:
        with pytest.raises(ValueError):
            saved.get_scores([""])
    else:
        assert np.array_equal(saved.get_scores([""]), expected_empty)
    rng = random.Random(7)
    queries = [tokenize(q) for q in QUERIES] + [
        rng.choices(words, k=rng.randint(1, 12)) for _ in range(300)
    ]
    for terms in queries:
        known = [t for t in terms if t in saved.vocab_dict]
        if known:
            expected = reference.get_scores(known)
            got = saved.get_scores(known)
            assert got.dtype == expected.dtype
            assert np.array_equal(got, expected)


def test_a_saved_bm25_method_with_nonoccurrence_scores_is_rebuilt_not_misread(
    corpus_runtime: Runtime, tmp_path: Path
) -> None:
    folder = tmp_path / "bm25"
    shutil.copytree(saved_bm25_folder(corpus_runtime), folder)
    params = json.loads((folder / "params.index.json").read_text())
    (folder / "params.index.json").write_text(json.dumps({**params, "method": "bm25l"}))
    with pytest.raises(ValueError, match="bm25l"):  # Snapshot.load rebuilds on ValueError
        SavedScores(folder)


def test_onnx_weights_live_beside_the_graph(embedder: Embedder) -> None:
    onnx_file = ensure_onnx(embedder.path)
    assert onnx_file.with_name(onnx_file.name + ".data").stat().st_size > 80_000_000
    assert onnx_file.stat().st_size < 1_000_000
    vectors = embedder.encode_array(QUERIES)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_search_process_does_not_import_bm25s_or_scipy(indexed_env: dict[str, str]) -> None:
    # An earlier search saves the lexical snapshot; the probed one maps it.
    assert run_cli(["search", "promotion"], indexed_env).returncode == 0
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted({m.split('.')[0] for m in sys.modules}"
        " & {'bm25s', 'scipy'}), file=sys.stderr))\n"
        "sys.argv = ['coach', 'search', 'how do I get promoted to senior']\n"
        "from coach.interfaces.cli import main\n"
        "main()\n"
    )
    child = subprocess.run(
        [sys.executable, "-c", probe],
        env=indexed_env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert child.returncode == 0, child.stderr
    assert "senior" in child.stdout
    assert child.stderr.strip().splitlines()[-1] == "[]"


def test_a_snapshot_saved_in_an_older_format_is_replaced_once(
    corpus_runtime: Runtime, tmp_path: Path
) -> None:
    """Upgrading must not leave every process rebuilding: the old folder blocked the save."""
    from coach.retrieval.snapshot import Snapshot, folder_name, open_snapshot

    store = corpus_runtime.store
    revision = store.revision()
    open_snapshot(store, revision)
    folder = store.snapshot_root / folder_name(revision)
    meta = json.loads((folder / "meta.json").read_text())
    (folder / "meta.json").write_text(json.dumps({**meta, "format": 1}))
    assert Snapshot.load(folder, revision) is None
    open_snapshot(store, revision)  # rebuilds, and must save over the old folder
    assert Snapshot.load(folder, revision) is not None
