"""Corpus loading: verbatim articles, front-matter validation, one bad file never blocks others."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.corpus.documents import load_corpus, split_front_matter
from coach.errors import CorpusError
from tests.conftest import CORPUS, SHARED_SOURCES

GOOD = "---\ntitle: Good\nkind: guide\n---\nBody text.\n"


def write(root: Path, name: str, content: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_articles_load_with_ids_from_their_paths() -> None:
    load = load_corpus(CORPUS)
    assert load.errors == []
    ids = {d.doc_id for d in load.documents}
    assert {
        "articles/should-you-work-toward-a-promotion",
        "articles/no-one-will-give-you-a-promotion",
    } <= ids
    for doc in load.documents:
        if doc.doc_id.startswith("articles/"):
            assert doc.kind == "article" and doc.title and doc.meta.source


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="source articles not beside the repo")
def test_article_bodies_are_verbatim_copies_of_the_sources() -> None:
    docs = {d.doc_id: d for d in load_corpus(CORPUS).documents}
    txt = (SHARED_SOURCES / "no-one-will-give-you-a-promotion.txt").read_text(encoding="utf-8")
    assert docs["articles/no-one-will-give-you-a-promotion"].body == txt
    md = (SHARED_SOURCES / "should-you-work-toward-a-promotion.md").read_text(encoding="utf-8")
    _, md_body = split_front_matter(md)
    assert docs["articles/should-you-work-toward-a-promotion"].body == md_body


def test_russian_passages_carry_english_renderings_found_in_the_body() -> None:
    doc = next(
        d
        for d in load_corpus(CORPUS).documents
        if d.doc_id == "articles/no-one-will-give-you-a-promotion"
    )
    assert len(doc.renderings) >= 8
    assert all(r.original in doc.body for r in doc.renderings)
    assert any("steps up" in r.english for r in doc.renderings)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("---\ntitle: [unclosed\nkind: guide\n---\nx\n", "not valid YAML"),
        ("---\nkind: guide\n---\nbody\n", "title: Field required"),
        ("---\ntitle: T\nkind: recipe\n---\nbody\n", "kind:"),
        ("---\ntitle: T\nkind: guide\n---\n   \n", "no text after the front matter"),
        ("no front matter here\n", "has no front matter"),
        ("---\ntitle: T\nkind: guide\nbody without closing\n", "no closing"),
        ("---\n- a list\n---\nbody\n", "must be a YAML mapping"),
        (b"\x00\x01\x02binary", "looks binary"),
        ("---\ntitle: Café\nkind: guide\n---\nbody\n".encode("latin-1"), "not UTF-8"),
        (
            "---\ntitle: T\nkind: guide\n"
            "renderings:\n- {original: absent, english: x}\n---\nbody\n",
            "not found in the body",
        ),
    ],
)
def test_a_bad_file_is_named_with_its_problem_and_the_rest_still_load(
    tmp_path: Path, content: str | bytes, problem: str
) -> None:
    write(tmp_path, "good.md", GOOD)
    bad = write(tmp_path, "sub/bad.md", content)
    load = load_corpus(tmp_path)
    assert [d.doc_id for d in load.documents] == ["good"]
    assert len(load.errors) == 1
    assert str(bad) in load.errors[0] and problem in load.errors[0]
    assert load.failed_doc_ids == {"sub/bad"}


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "huge.md", "---\ntitle: T\nkind: guide\n---\n" + "word " * 500_000)
    load = load_corpus(tmp_path)
    assert load.documents == [] and "limit" in load.errors[0]


def test_hidden_and_non_text_files_are_ignored(tmp_path: Path) -> None:
    write(tmp_path, "good.md", GOOD)
    write(tmp_path, ".hidden.md", "nonsense")
    write(tmp_path, "_draft.md", "nonsense")
    write(tmp_path, "image.png", b"\x89PNG")
    load = load_corpus(tmp_path)
    assert [d.doc_id for d in load.documents] == ["good"] and load.errors == []


def test_duplicate_ids_keep_the_first_file(tmp_path: Path) -> None:
    write(tmp_path, "a.md", GOOD)
    write(tmp_path, "a.txt", GOOD)
    load = load_corpus(tmp_path)
    assert len(load.documents) == 1 and "already has the id" in load.errors[0]


def test_user_ladder_files_need_no_front_matter(tmp_path: Path) -> None:
    builtin = tmp_path / "corpus"
    write(builtin, "g.md", GOOD)
    ladder = tmp_path / "ladder"
    write(ladder, "Staff Engineer.md", "Staff engineers set technical direction.\n")
    load = load_corpus(builtin, [ladder])
    user = [d for d in load.documents if d.origin == "user"]
    assert [d.doc_id for d in user] == ["user/Staff Engineer"]
    assert user[0].title == "Staff Engineer.md" and user[0].kind == "ladder"


def test_missing_corpus_folder_is_reported(tmp_path: Path) -> None:
    load = load_corpus(tmp_path / "nope")
    assert load.documents == [] and "does not exist" in load.errors[0]


def test_crlf_text_is_normalised(tmp_path: Path) -> None:
    write(tmp_path, "w.md", GOOD.replace("\n", "\r\n"))
    load = load_corpus(tmp_path)
    assert load.documents[0].body == "Body text.\n"


def test_split_front_matter_raises_corpus_error_for_bad_yaml() -> None:
    with pytest.raises(CorpusError):
        split_front_matter("---\na: [\n---\nbody")
