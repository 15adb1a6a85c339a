"""Questions the sources settle are answered before anything else, and a move between
tracks is not read as leaving: from the dev cases that failed and from blind readings
of this stop."""

from __future__ import annotations

from coach.coaching.signals import classify, situations_in
from coach.llm.offline import verdict_for
from tests.conftest import ask_all


def test_going_into_management_is_a_track_move_not_anger_or_quitting(make_coach) -> None:
    """Before, «думаю уйти в менеджеры» was read as anger and quitting: the answer opened
    with «Злость тут понятна. Уйти — реальный вариант…»."""
    said = (
        "Как разработчик я застрял, думаю уйти в менеджеры, чтобы расти дальше. Это хорошая идея?"
    )
    assert classify(said).feeling != "angry"
    assert classify("I'm thinking of leaving for a management role.").feeling != "angry"
    assert classify("Думаю уйти из компании, меня всё бесит.").feeling == "angry"
    assert classify("I'm furious and thinking of leaving.").feeling == "angry"
    answer = ask_all(make_coach(), [said])[0]
    assert "Злость" not in answer and "Уйти —" not in answer, answer
    assert answer.split("\n\n")[1].startswith("Только если вам нужен сам менеджмент"), answer
    assert "другая работа" in answer


def test_is_management_a_good_idea_gets_an_answer_first(make_coach) -> None:
    said = (
        "I'm stuck as a developer and thinking of moving into management so I can keep "
        "growing. Is that a good idea?"
    )
    assert verdict_for(said) == "management_if_its_the_work"
    assert verdict_for("We ship a lot of features. Is that a good idea?") is None
    answer = ask_all(make_coach(), [said])[0]
    assert "Only if it is management itself you want." in answer, answer


def test_a_tag_question_about_having_earned_it_is_answered() -> None:
    for said in (
        "Five years here, always 'exceeds'. I've earned the promotion, haven't I?",
        "Seven years here. I have surely earned senior by now, no?",
        "Six years, never missed a deadline. I've earned it, right?",
    ):
        assert verdict_for(said) == "not_a_reward", said
    assert verdict_for("I've earned a lot of trust on the team. What next?") is None


def test_not_my_job_is_heard_as_the_unassigned_work_the_articles_mean() -> None:
    """Before, "that's not my job, nobody asked me to, and my manager would never count
    it" named only operational load: the answer was the promotion document and numbers."""
    found = situations_in(
        "You keep telling me to fix the noisy alerts. That's not my job, nobody asked me "
        "to, and my manager would never count it toward a promotion."
    )
    assert {"no-opportunities", "different-work", "undervalued-work"} <= set(found), found
    assert "no-opportunities" not in situations_in("My job is fine and my manager asked me.")
