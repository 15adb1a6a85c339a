"""Questions answered as asked: "that's not my job" gets the sources' answer (finding
the unassigned problem is the next level's work) instead of three generic points, and a
question naming staff archetypes gets those archetypes."""

from __future__ import annotations

import re

from coach.llm.offline import verdict_for
from tests.conftest import ask_all

REFUSAL = (
    "You keep telling me to fix the dashboards and the noisy alerts. That's not my job, nobody "
    "asked me to, and my manager would never count it toward a promotion."
)


def test_not_my_job_is_read_as_a_refusal_only_when_it_is_one() -> None:
    """Before: no verdict; the answer was "Something to keep in mind:" and three points
    (stepping back, describing the team, the operational load)."""
    assert verdict_for("Honestly that's not my job.") == "not_my_job"
    assert verdict_for("Fixing the flaky tests isn't really my job.") == "not_my_job"
    assert verdict_for("Это не моя работа.") == "not_my_job"
    # The refusal and "it won't count": settling that it counts is part of the answer.
    assert verdict_for(REFUSAL) == "not_my_job_count"
    assert (
        verdict_for("It's not my job, and that kind of work never gets rewarded here.")
        == "not_my_job_count"
    )
    # Someone else's view, reported, is not the person's refusal.
    assert verdict_for("My lead told me it's not my job to fix infra.") is None
    # "Nobody asked me to" is as often said of work done anyway.
    assert (
        verdict_for(
            "I cut our pages from 18 a week to 3. Nobody asked me to, I just got sick of it. "
            "How do I use this for promo?"
        )
        != "not_my_job"
    )


def test_the_refusal_gets_the_answer_and_how_to_make_it_count(make_coach) -> None:
    plain, counted = (
        ask_all(make_coach(), [message])[0]
        for message in (
            "I'm an SDE2 on a support-heavy team. Someone suggested I fix our flaky deploy "
            "pipeline, but honestly that's not my job.",
            REFUSAL,
        )
    )
    for answer in (plain, counted):
        assert answer.startswith("Not assigned to you, no, and that is the point"), answer
        assert re.search(r"\[\d\]", answer), answer  # backed by a source
    assert "settle that with your manager" not in plain, plain
    assert "settle that with your manager before you start" in counted, counted
    assert "business" in counted, counted  # the value put in the business's terms
    russian = ask_all(make_coach(), ["Это не моя работа, меня никто не просил чинить алерты."])[0]
    assert russian.startswith("Да, вам это не поручали"), russian


def test_staff_archetypes_asked_about_by_name_are_answered(make_coach) -> None:
    """Before: "the difference between a staff tech lead and an architect?" got the
    senior-to-staff step cards, and "the right hand archetype" the cards on choosing one."""
    senior = "I'm a senior engineer at a 300-person company."
    _, both = ask_all(
        make_coach(), [senior, "What's the difference between a staff tech lead and an architect?"]
    )
    assert "The tech lead guides how one team" in both, both
    assert "The architect owns the direction" in both, both
    _, one = ask_all(make_coach(), [senior, "What does the right hand archetype do day to day?"])
    assert one.startswith("The right hand extends an executive's attention"), one
    # Named in passing, an archetype is not the question: "other ways to be staff?" is.
    _, other = ask_all(
        make_coach(),
        [
            senior,
            "When people say 'staff engineer' I picture an ivory-tower architect drawing boxes. "
            "That's not me. Are there other ways to be staff?",
        ],
    )
    assert "The architect owns the direction" not in other, other
