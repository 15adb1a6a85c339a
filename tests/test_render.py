"""One way to say sources, statuses and commitments, whichever interface shows them."""

from __future__ import annotations

from coach.coaching.citations import Source
from coach.coaching.render import as_source, commitment_text, excerpt, source_title, status_note


def test_a_stored_source_and_a_cited_one_read_the_same() -> None:
    cited = Source(2, "articles/a", "Title", "Tips", "text", "c1", 0, 4)
    assert as_source(cited.as_dict()) == cited
    assert source_title(cited) == source_title(cited.as_dict()) == "[2] Title — Tips"
    older = {"n": 1, "doc_id": "d", "title": "T", "passage": "p"}  # before spans were stored
    assert source_title(older) == "[1] T" and as_source(older).heading == ""


def test_statuses_excerpts_and_commitments() -> None:
    assert status_note("complete") is None
    assert status_note("partial", "timed out") == "answer cut off: timed out"
    assert status_note("error") == "no answer: unknown error"
    assert excerpt("a  b\n c", 0) == "a b c" and excerpt("x" * 10, 8) == "xxxxx..."
    assert commitment_text("list the pages", "2026-12-04") == "list the pages (2026-12-04)"
    assert commitment_text("list the pages", None) == "list the pages"
