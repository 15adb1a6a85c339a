"""Chunking follows structure, keeps exact offsets and produces content-derived ids."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coach.corpus.chunking import chunk_document, split_blocks
from coach.corpus.documents import FrontMatter, load_corpus, parse_document
from tests.conftest import CORPUS


def doc(body: str, name: str = "d.md", doc_id: str = "d"):
    meta = FrontMatter(title="T", kind="guide")
    from coach.corpus.documents import Document

    return Document(
        doc_id=doc_id,
        path=Path(name),
        title="T",
        kind="guide",
        origin="builtin",
        body=body,
        meta=meta,
    )


def test_every_chunk_is_the_exact_body_slice_its_offsets_name() -> None:
    for document in load_corpus(CORPUS).documents:
        for chunk in chunk_document(document):
            assert document.body[chunk.start : chunk.end] == chunk.text
            assert chunk.doc_id == document.doc_id and chunk.title == document.title


def test_markdown_headings_become_heading_paths() -> None:
    body = (
        "# Top\n\nintro\n\n## Sub\n\nsub text\n\n### Deeper\n\ndeep text\n\n"
        "## Other\n\nother text\n"
    )
    headings = [c.heading for c in chunk_document(doc(body), max_chars=200)]
    assert headings == ["Top", "Top > Sub", "Top > Sub > Deeper", "Top > Other"]


def test_plain_text_sections_are_found_after_double_blank_lines() -> None:
    document = next(
        d
        for d in load_corpus(CORPUS).documents
        if d.doc_id == "articles/no-one-will-give-you-a-promotion"
    )
    headings = {c.heading for c in chunk_document(document)}
    assert {
        "Why do companies promote people?",
        "But I only have operational problems!",
        "But my job is too easy.",
    } <= headings


def test_chunks_never_cross_a_heading() -> None:
    body = "## A\n\n" + "alpha. " * 20 + "\n\n## B\n\n" + "beta. " * 20 + "\n"
    for chunk in chunk_document(doc(body), max_chars=2000):
        assert not ("alpha" in chunk.text and "beta" in chunk.text)


def test_dialogue_paragraphs_overlap_between_consecutive_chunks() -> None:
    turns = [f'"Question {i}?" she asked. "Answer {i}," he said.' for i in range(12)]
    body = "## Talk\n\n" + "\n\n".join(turns) + "\n"
    chunks = chunk_document(doc(body), max_chars=220, overlap_chars=120)
    assert len(chunks) > 2
    for before, after in itertools.pairwise(chunks):
        assert after.start < before.end, "the next chunk repeats the last turn"


def test_overlong_paragraph_splits_at_sentence_ends() -> None:
    body = " ".join(f"Sentence number {i} says something." for i in range(100))
    chunks = chunk_document(doc(body), max_chars=300)
    assert len(chunks) > 5
    assert all(len(c.text) <= 300 for c in chunks)
    assert all(c.text.endswith(".") for c in chunks)


def test_ids_are_stable_and_change_only_for_edited_passages() -> None:
    body = "## A\n\nfirst paragraph\n\n## B\n\nsecond paragraph\n"
    first = chunk_document(doc(body))
    again = chunk_document(doc(body))
    assert [c.chunk_id for c in first] == [c.chunk_id for c in again]
    edited = chunk_document(doc(body.replace("second", "changed")))
    assert first[0].chunk_id == edited[0].chunk_id
    assert first[1].chunk_id != edited[1].chunk_id


def test_repeated_identical_passages_get_distinct_ids() -> None:
    body = "## A\n\nsame\n\n## A\n\nsame\n"
    ids = [c.chunk_id for c in chunk_document(doc(body))]
    assert len(ids) == len(set(ids)) == 2


def test_russian_quotes_are_rendered_in_english_for_embedding_but_kept_for_display() -> None:
    document = next(
        d
        for d in load_corpus(CORPUS).documents
        if d.doc_id == "articles/no-one-will-give-you-a-promotion"
    )
    chunk = next(c for c in chunk_document(document) if "болевые точки" in c.text)
    assert "болевые точки" in chunk.text
    assert "болевые точки" not in chunk.embedding_text
    assert "pain points" in chunk.embedding_text and "pain points" in chunk.lexical_text
    assert "болевые точки" in chunk.lexical_text


def test_image_only_paragraphs_are_not_chunks() -> None:
    body = "## A\n\ntext\n\n![alt](img.png)\n\n[_credit_](http://x)\n\n## B\n\nmore\n"
    assert all("img.png" not in c.text for c in chunk_document(doc(body)))


def test_split_blocks_marks_markdown_headings() -> None:
    blocks = split_blocks("# H\n\npara one\nline two\n\npara", plain_text=False)
    assert [b.heading_level for b in blocks] == [1, 0, 0]


text_alphabet = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
bodies = st.lists(
    st.one_of(
        st.text(text_alphabet, min_size=0, max_size=400),
        st.sampled_from(
            ["\n\n", "\n\n\n", "# Head\n\n", "## Sub\n", "- item\n", "Привет мир. ", "🙂"]
        ),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(body=bodies, max_chars=st.integers(min_value=200, max_value=1500))
def test_property_chunker_never_crashes_and_offsets_always_point_at_the_text(
    body: str, max_chars: int
) -> None:
    document = doc(body)
    chunks = chunk_document(document, max_chars=max_chars)
    for chunk in chunks:
        assert body[chunk.start : chunk.end] == chunk.text
        assert chunk.text.strip()
    assert len({c.chunk_id for c in chunks}) == len(chunks)


@settings(max_examples=150, deadline=None)
@given(front=st.text(max_size=200), rest=st.text(max_size=300))
def test_property_parser_either_loads_or_raises_a_corpus_error(front: str, rest: str) -> None:
    from coach.errors import CorpusError

    text = f"---\n{front}\n---\n{rest}"
    try:
        document = parse_document(text, doc_id="x", path=Path("x.md"), origin="builtin")
    except CorpusError as exc:
        assert str(exc)
    else:
        assert document.body and document.title
        for chunk in chunk_document(replace(document)):
            assert document.body[chunk.start : chunk.end] == chunk.text
