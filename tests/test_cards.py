"""Guidance cards: the schema and the anchor check that keeps cards honest."""

from __future__ import annotations

import pytest

from coach.corpus.cards import parse_cards
from coach.errors import CorpusError

BODY = (
    "Fixing large-scale operational problems is a very measurable problem to solve. "
    "We have no time."
)

GOOD = """
cards:
  - id: ops-is-measurable
    point: {en: "Cutting recurring pages is measurable work.", ru: "Сокращение вызовов измеримо."}
    situations: [operational-load]
    levels: [engineer, senior]
    stage: options
    question: {en: "Which page comes back most often?"}
    anchor: "Fixing large-scale operational problems is a very measurable problem to solve."
marks:
  - {kind: complaint, text: "We have no time."}
"""


def test_a_valid_cards_file_loads_with_both_languages() -> None:
    parsed = parse_cards(GOOD, BODY, doc_id="d")
    card = parsed.cards[0]
    assert card.point.get("ru").startswith("Сокращение")
    assert (
        card.question is not None and card.question.get("ru") == "Which page comes back most often?"
    )
    assert parsed.marks[0].kind == "complaint"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("a very measurable", "an immeasurable"), "anchor not found"),
        (('We have no time."', 'We have time."'), "mark not found"),
        (("[operational-load]", "[ops-stuff]"), "unknown situation"),
        (("levels: [engineer, senior]", "levels: [wizard]"), "levels"),
    ],
)
def test_cards_that_do_not_match_their_document_are_refused(
    change: tuple[str, str], message: str
) -> None:
    with pytest.raises(CorpusError, match=message):
        parse_cards(GOOD.replace(*change), BODY, doc_id="d")
