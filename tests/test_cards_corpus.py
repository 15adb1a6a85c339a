"""The shipped guidance cards: every one loads against its document and the coverage holds.

A broken anchor, a card without Russian text, a ladder section with no advice or a
situation no card answers would each leave the coach quoting the wrong thing, so each
fails here rather than in a conversation.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coach.corpus.cards import SITUATIONS, CardFile, cards_path_for, load_cards
from coach.corpus.documents import Document, load_corpus

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

#: Which reader levels a ladder document's advice may be shown to: the level itself and
#: the one below (people aiming at it). An entry-level line must never reach a senior.
LADDER_LEVELS = {
    "entry": {"entry"},
    "engineer": {"entry", "engineer"},
    "senior": {"engineer", "senior"},
    "staff": {"senior", "staff"},
    "principal": {"staff", "principal"},
}


def _documents() -> list[Document]:
    loaded = load_corpus(CORPUS)
    assert not loaded.errors, loaded.errors
    return loaded.documents


def _doc_id(doc: Document) -> str:
    return doc.doc_id


DOCUMENTS = _documents()
IDS = [doc.doc_id for doc in DOCUMENTS]


def _cards(doc: Document) -> CardFile:
    return load_cards(doc.path, doc.body, doc_id=doc.doc_id)


def _sections(body: str) -> list[tuple[str, int, int]]:
    """``##`` sections of a Markdown body as (heading, start, end) offsets."""
    heads = [(m.group(1).strip(), m.start()) for m in re.finditer(r"(?m)^## (.+)$", body)]
    return [
        (title, start, heads[i + 1][1] if i + 1 < len(heads) else len(body))
        for i, (title, start) in enumerate(heads)
    ]


def test_the_corpus_has_the_documents_the_cards_are_written_for() -> None:
    assert sum(doc.kind == "article" for doc in DOCUMENTS) == 2
    assert sum(doc.kind == "ladder" for doc in DOCUMENTS) == 9


@pytest.mark.parametrize("doc", DOCUMENTS, ids=IDS)
def test_every_document_ships_cards_that_load_against_its_body(doc: Document) -> None:
    assert cards_path_for(doc.path).is_file(), f"{doc.doc_id} has no cards file"
    cards = _cards(doc)
    assert len(cards.cards) >= (15 if doc.kind == "article" else 5)


@pytest.mark.parametrize("doc", DOCUMENTS, ids=IDS)
def test_every_card_speaks_both_languages_and_asks_a_question(doc: Document) -> None:
    for card in _cards(doc).cards:
        assert card.point.ru, f"{doc.doc_id}:{card.id} has no Russian point"
        assert card.question is not None, f"{doc.doc_id}:{card.id} has no follow-up question"
        assert card.question.ru, f"{doc.doc_id}:{card.id} has no Russian question"
        assert card.question.en.rstrip().endswith("?"), f"{doc.doc_id}:{card.id}"


@pytest.mark.parametrize("doc", DOCUMENTS, ids=IDS)
def test_no_card_cites_a_marked_sentence(doc: Document) -> None:
    cards = _cards(doc)
    marked = [
        (doc.body.find(mark.text), doc.body.find(mark.text) + len(mark.text), mark.text)
        for mark in cards.marks
    ]
    for card in cards.cards:
        start = doc.body.find(card.anchor)
        end = start + len(card.anchor)
        for m_start, m_end, text in marked:
            assert end <= m_start or start >= m_end, f"{card.id} overlaps the mark {text!r}"


@pytest.mark.parametrize("doc", [d for d in DOCUMENTS if d.kind == "article"], ids=_doc_id)
def test_articles_mark_what_must_never_be_quoted_as_advice(doc: Document) -> None:
    kinds = {mark.kind for mark in _cards(doc).marks}
    assert {"story", "intro"} <= kinds
    if doc.doc_id == "articles/no-one-will-give-you-a-promotion":
        texts = " ".join(mark.text for mark in _cards(doc).marks)
        for complaint in (
            "They paint buttons and move pictures.",
            "Nothing worth getting a promotion for.",
            "The main message, as a rule, boils down to the following.",
            "I can't get promoted as an engineer because the job isn't challenging enough.",
            "We don't have time for useful work.",
            "У нас нет больших проблем, которые он мог бы решать",
            "Leave a Reply",
        ):
            assert complaint in texts, complaint


@pytest.mark.parametrize("doc", [d for d in DOCUMENTS if d.kind == "ladder"], ids=_doc_id)
def test_every_ladder_section_has_a_card_anchored_inside_it(doc: Document) -> None:
    starts = [doc.body.find(card.anchor) for card in _cards(doc).cards]
    for title, start, end in _sections(doc.body):
        assert any(start <= s < end for s in starts), f"{doc.doc_id}: no card in '## {title}'"


@pytest.mark.parametrize("doc", [d for d in DOCUMENTS if d.meta.level in LADDER_LEVELS], ids=str)
def test_ladder_advice_is_only_offered_to_the_levels_it_describes(doc: Document) -> None:
    allowed = LADDER_LEVELS[doc.meta.level or ""]
    for card in _cards(doc).cards:
        assert set(card.levels) <= allowed, f"{doc.doc_id}:{card.id} levels {card.levels}"


def test_advice_addressed_to_managers_is_for_managers_only() -> None:
    for doc in DOCUMENTS:
        for card in _cards(doc).cards:
            if card.anchor.startswith(("If you are a manager", "As a manager")):
                assert card.levels == ["manager"], card.id
                assert card.tracks == ["management"], card.id


def test_every_situation_is_answered_by_some_card() -> None:
    answered = {s for doc in DOCUMENTS for card in _cards(doc).cards for s in card.situations}
    assert set(SITUATIONS) - answered == set()


def test_no_follow_up_question_is_shared_by_two_cards() -> None:
    """A session never repeats a card, so it must not repeat a question through another one."""
    questions = [
        card.question.en
        for doc in DOCUMENTS
        for card in _cards(doc).cards
        if card.question is not None
    ]
    assert len(questions) == len(set(questions))


PROMISES = re.compile(
    r"\b(guarantee\w*|will (?:get|be) (?:you )?promoted|sure to be promoted|"
    r"гарантир\w*|точно повыс\w*)",
    re.IGNORECASE,
)


def test_no_card_promises_a_promotion() -> None:
    for doc in DOCUMENTS:
        for card in _cards(doc).cards:
            for text in (card.point.en, card.point.ru or ""):
                assert not PROMISES.search(text), f"{doc.doc_id}:{card.id}: {text}"
