"""The store on a real Chroma server (`chroma run`, shipped with chromadb) instead of embedded."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from coach.errors import StoreError
from coach.evals.retrieval import load_labels
from coach.retrieval.indexing import build_index
from coach.retrieval.retriever import Retriever
from coach.retrieval.store import ChunkStore
from coach.runtime import Runtime
from tests.conftest import CORPUS, child_env, free_port, make_runtime, run_cli

pytestmark = pytest.mark.integration

CHROMA = Path(sys.executable).parent / "chroma"


@contextmanager
def chroma_server(path: Path) -> Iterator[str]:
    """`chroma run` on a free loopback port; yields its URL once it answers a heartbeat."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = path.parent / f"chroma-{port}.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"chroma run did not start:\n{log.read_text()}")
                time.sleep(0.2)
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=30)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with chroma_server(tmp_path_factory.mktemp("chroma") / "db") as url:
        yield url


def remote_runtime(tmp_path: Path, url: str, corpus: Path, embedder, name: str) -> Runtime:
    return make_runtime(tmp_path / "data", corpus, embedder, chroma_url=url, chroma_collection=name)


def test_indexing_and_retrieval_through_the_server_match_the_embedded_store(
    server: str, tmp_path: Path, embedder, corpus_runtime: Runtime, corpus_copy: Path
) -> None:
    rt = remote_runtime(tmp_path, server, corpus_copy, embedder, "match")
    first = build_index(rt.settings, rt.store)
    assert first.errors == [] and first.added == first.chunks == corpus_runtime.store.count()
    assert not (tmp_path / "data" / "chroma").exists(), "nothing is stored locally"
    again = build_index(rt.settings, rt.store)
    assert again.added == 0 and again.unchanged == first.chunks

    for label in load_labels():
        for mode in ("dense", "bm25", "hybrid"):
            remote = rt.retriever.search(label.question, k=5, mode=mode)
            local = corpus_runtime.retriever.search(label.question, k=5, mode=mode)
            assert [p.chunk.chunk_id for p in remote] == [p.chunk.chunk_id for p in local]
            for r, loc in zip(remote, local, strict=True):
                assert r.score == pytest.approx(loc.score, abs=1e-4)

    ladder = corpus_copy / "ladders" / "ic-3-senior-engineer.md"
    ladder.write_text(ladder.read_text() + "\nSeniors also write the on-call handbook.\n")
    edited = build_index(rt.settings, rt.store)
    assert 1 <= edited.added <= 2 and edited.removed == edited.added


def test_a_second_process_indexing_the_server_refreshes_this_processs_lexical_index(
    server: str, tmp_path: Path, embedder, corpus_copy: Path
) -> None:
    rt = remote_runtime(tmp_path, server, corpus_copy, embedder, "shared")
    build_index(rt.settings, rt.store)
    reader = Retriever(ChunkStore.from_settings(rt.settings, embedder), refresh_seconds=0)
    assert reader.search("quokka rotation", mode="bm25") == []

    (corpus_copy / "ladders" / "quokka.md").write_text(
        "---\ntitle: Quokka rotation\nkind: ladder\n---\n"
        "The quokka rotation pairs every new engineer with an on-call mentor.\n"
    )
    env = child_env(
        tmp_path,
        COACH_DATA_DIR=str(tmp_path / "other"),
        COACH_CORPUS_DIR=str(corpus_copy),
        COACH_CHROMA_URL=server,
        COACH_CHROMA_COLLECTION="shared",
    )
    other = run_cli(["index"], env)
    assert other.returncode == 0, other.stderr
    assert "1 added" in other.stdout
    for mode in ("bm25", "hybrid"):
        found = reader.search("quokka rotation", k=3, mode=mode)
        assert found and found[0].doc_id == "ladders/quokka"

    (corpus_copy / "ladders" / "quokka.md").unlink()
    assert run_cli(["index"], env).returncode == 0
    assert all(p.doc_id != "ladders/quokka" for p in reader.search("quokka rotation", mode="bm25"))


def test_the_offline_eval_suite_passes_its_baseline_through_the_server(
    server: str, tmp_path: Path
) -> None:
    env = child_env(tmp_path, COACH_CHROMA_URL=server, COACH_CHROMA_COLLECTION="evals")
    for args in (["index"], ["eval", "--json", str(tmp_path / "eval.json")]):
        run = run_cli(args, env, timeout=600)
        assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]


def test_a_server_that_is_down_gives_a_clear_error_and_keeps_the_message(
    tmp_path: Path, embedder, make_coach
) -> None:
    with chroma_server(tmp_path / "db") as url:
        rt = remote_runtime(tmp_path, url, CORPUS, embedder, "down")
        build_index(rt.settings, rt.store)
        assert rt.retriever.search("promotion")
        checking = Retriever(rt.store, refresh_seconds=0)  # the revision before every search
        assert checking.search("promotion")
    # Searches read the saved snapshot (dense ranking included) until the next revision
    # check, which meets the dead server and says so.
    with pytest.raises(StoreError, match="Cannot reach the Chroma server"):
        checking.search("promotion")

    coach = make_coach()
    coach.retriever = Retriever(rt.store)
    session = coach.sessions.create()
    with pytest.raises(StoreError, match="Cannot reach the Chroma server"):
        coach.ask(session, "Should I go for promotion?")
    saved = coach.sessions.get(session).messages
    assert [m.content for m in saved if m.role == "user"] == ["Should I go for promotion?"]

    env = child_env(tmp_path, COACH_CHROMA_URL=url, COACH_DATA_DIR=str(tmp_path / "cli"))
    cli = run_cli(["search", "promotion"], env)
    assert cli.returncode == 1 and "Traceback" not in cli.stderr
    assert cli.stderr.strip().startswith("error: Cannot reach the Chroma server")
