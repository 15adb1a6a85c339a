"""Incremental indexing against a real Chroma store and the real embedding model."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.errors import StoreError
from coach.retrieval.embeddings import Embedder
from coach.retrieval.indexing import build_index
from coach.retrieval.store import ChunkStore
from tests.conftest import make_runtime


@pytest.fixture
def chroma_default_ef_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail loudly if anything asks Chroma's downloading default embedding function to run."""
    from chromadb.utils.embedding_functions import DefaultEmbeddingFunction

    def refuse(self, input):
        raise AssertionError("Chroma's default embedding function must never be used")

    monkeypatch.setattr(DefaultEmbeddingFunction, "__call__", refuse)


def test_first_index_embeds_every_chunk_and_a_second_embeds_none(
    tmp_path: Path, corpus_copy: Path, embedder: Embedder, chroma_default_ef_forbidden: None
) -> None:
    rt = make_runtime(tmp_path / "data", corpus_copy, embedder)
    before = embedder.texts_encoded
    first = build_index(rt.settings, rt.store)
    assert first.added == first.chunks > 20 and first.removed == 0
    assert embedder.texts_encoded - before == first.chunks

    rt2 = make_runtime(tmp_path / "data", corpus_copy, embedder)  # a new process, same data dir
    before = embedder.texts_encoded
    second = build_index(rt2.settings, rt2.store)
    assert (second.added, second.unchanged, second.removed) == (0, first.chunks, 0)
    assert embedder.texts_encoded == before, "an unchanged corpus computes no embeddings"


def test_whole_collection_reads_are_paged_so_large_indexes_still_sync(
    tmp_path: Path, small_corpus: Path, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unbounded Chroma `get` failed at 50k chunks ("too many SQL variables")."""
    rt = make_runtime(tmp_path / "data", small_corpus, embedder)
    first = build_index(rt.settings, rt.store)
    monkeypatch.setattr("coach.retrieval.store.READ_PAGE", 7)  # many pages, the last one partial
    assert len(rt.store.ids_by_doc()) == first.chunks
    chunks = rt.store.all_chunks()
    assert len(chunks) == len({c.chunk_id for c in chunks}) == first.chunks
    second = build_index(rt.settings, rt.store)
    assert (second.added, second.unchanged, second.removed) == (0, first.chunks, 0)

    gone = "articles/no-one-will-give-you-a-promotion"
    gone_chunks = sum(1 for c in chunks if c.doc_id == gone)
    assert gone_chunks > 7, "removing it must look up the leaving chunks over several pages"
    (small_corpus / f"{gone}.md").unlink()
    third = build_index(rt.settings, rt.store)
    assert (third.added, third.removed) == (0, gone_chunks)
    assert gone not in set(rt.store.ids_by_doc().values())


def test_editing_one_file_replaces_only_its_own_chunks(
    tmp_path: Path, small_corpus: Path, embedder: Embedder
) -> None:
    rt = make_runtime(tmp_path / "data", small_corpus, embedder)
    build_index(rt.settings, rt.store)
    before = rt.store.ids_by_doc()
    target = small_corpus / "articles" / "should-you-work-toward-a-promotion.md"
    target.write_text(
        target.read_text(encoding="utf-8").replace(
            "Good luck!", "Good luck, and be kind to yourself!"
        ),
        encoding="utf-8",
    )
    report = build_index(rt.settings, rt.store)
    after = rt.store.ids_by_doc()
    assert report.added == 1 and report.removed == 1
    changed = set(before) ^ set(after)
    assert {before.get(c) or after.get(c) for c in changed} == {
        "articles/should-you-work-toward-a-promotion"
    }


def test_a_removed_file_disappears_and_a_broken_file_keeps_its_last_good_chunks(
    tmp_path: Path, small_corpus: Path, embedder: Embedder
) -> None:
    rt = make_runtime(tmp_path / "data", small_corpus, embedder)
    build_index(rt.settings, rt.store)
    (small_corpus / "articles" / "should-you-work-toward-a-promotion.md").unlink()
    broken = small_corpus / "articles" / "no-one-will-give-you-a-promotion.md"
    broken.write_text("---\ntitle: [broken\n---\nbody", encoding="utf-8")
    report = build_index(rt.settings, rt.store)
    docs = set(rt.store.ids_by_doc().values())
    assert "articles/should-you-work-toward-a-promotion" not in docs
    assert "articles/no-one-will-give-you-a-promotion" in docs
    assert len(report.errors) == 1 and "no-one-will-give-you-a-promotion.md" in report.errors[0]


def test_opening_an_index_built_by_another_model_is_refused_clearly(
    tmp_path: Path, small_corpus: Path, embedder: Embedder
) -> None:
    rt = make_runtime(tmp_path / "data", small_corpus, embedder)
    build_index(rt.settings, rt.store)
    rt.store.collection().modify(
        metadata={"embedding_model": "some-other-model", "schema_version": 1}
    )
    fresh = ChunkStore(rt.settings.chroma_dir, embedder)
    with pytest.raises(
        StoreError, match=r"built with embedding model 'some-other-model'.*--rebuild"
    ):
        fresh.collection()
    report = build_index(rt.settings, fresh)
    assert report.rebuilt and report.added == report.chunks
    assert ChunkStore(rt.settings.chroma_dir, embedder).built_with() == embedder.model_name


def test_searching_before_indexing_says_to_run_index(tmp_path: Path, embedder: Embedder) -> None:
    rt = make_runtime(tmp_path / "data", tmp_path, embedder)
    with pytest.raises(StoreError, match="coach index"):
        rt.retriever.search("anything")
