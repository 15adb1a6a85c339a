"""Semantic coverage: the committed threshold is the one the calibration set gives."""

from __future__ import annotations

import pytest

from coach.evals.negatives import CorpusFacts
from coach.evals.semantic import (
    SEMANTIC_THRESHOLD,
    TARGET_PRECISION,
    SemanticMatcher,
    answer_sentences,
    calibrate,
    load_pairs,
)
from coach.retrieval.embeddings import Embedder
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def matcher(embedder: Embedder) -> SemanticMatcher:
    return SemanticMatcher(embedder, facts=CorpusFacts.load(CORPUS))


def test_calibration_set_recomputes_the_committed_threshold(matcher: SemanticMatcher) -> None:
    pairs = load_pairs()
    assert len(pairs) >= 150
    assert sum(1 for p in pairs if not p.match and p.why) >= 40  # hard negatives
    result = calibrate(matcher, pairs)
    assert result.threshold == pytest.approx(SEMANTIC_THRESHOLD)
    assert result.precision >= TARGET_PRECISION and result.recall > 0


def test_other_words_match_and_opposite_advice_does_not(matcher: SemanticMatcher) -> None:
    point = "Says its sources don't cover salary bands"
    assert matcher.best(point, "My sources do not cover salary bands, so I won't guess.").matched
    opposite = "Operational work is a distraction that will never get you promoted."
    assert not matcher.best("Reducing operational load is measurable work", opposite).matched
    complaint = "As I heard it: “They paint buttons and move pictures.”"
    assert not matcher.best("Think bigger about small work, they paint buttons", complaint).matched


def test_answer_sentences_drop_citations_and_bullets() -> None:
    text = "Here is one idea:\n- “Fix the recurring pages first.” [1]\n- Short. What next?"
    assert answer_sentences(text) == ["Here is one idea:", "Fix the recurring pages first."]


def test_russian_is_left_to_the_keywords(matcher: SemanticMatcher) -> None:
    """The English model finds spurious likeness between unrelated Russian sentences."""
    point = "Менеджмент — другая работа, а не ускоренное повышение"
    unrelated = "Прежде чем решать, вот полезный взгляд из моих источников: что вас привлекает?"
    assert not matcher.best(point, unrelated).matched
    english_point = "Management is a change of job, not a promotion"
    assert not matcher.best(english_point, "Менеджмент — это смена работы.").matched
