"""The answer uses what the person just said: the objection they bring back after "this is
generic", the claim a recruiter made, the questions they want to ask in an interview, a
year of caring for someone, and the day they named even when it does not match the date."""

from __future__ import annotations

import datetime as dt

from coach.coaching.dates import parse_due, weekday_clash
from coach.coaching.profile import Profile, commitments_in, level_step
from coach.coaching.signals import situations_in

MONDAY = dt.date(2026, 11, 30)


def test_pushback_with_the_managers_objection_gets_the_answer_to_that_objection(
    make_coach,
) -> None:
    """Before, "this is generic; my manager says reliability work doesn't count" got three
    more bullets on operational work under "Worth keeping in mind"."""
    coach = make_coach()
    first = coach.ask(
        None,
        "I'm an SDE-2 on a payments team. We get about 30 pages a week and two of us spend "
        "the whole week firefighting. How do I get promoted when all we do is keep the "
        "lights on?",
    )
    answer = coach.ask(
        first.session_id,
        "Honestly this sounds generic. I've read the 'fix your operational problems' posts. "
        "My manager says reliability work doesn't count unless it's tied to a roadmap item.",
    ).answer
    assert answer.startswith("Fair point"), answer
    assert "Help your leaders understand which work is valuable to the business" in answer
    assert "Worth keeping in mind" not in answer and "\n- " not in answer, answer
    assert answer.count("[") <= 2, answer  # two points on what they added, not a list


def test_what_if_the_lead_says_it_is_not_a_priority_is_answered_in_russian(make_coach) -> None:
    answer = (
        make_coach()
        .ask(
            None,
            "Хорошо, к следующей пятнице соберу дашборд по ошибкам и покажу тимлиду. "
            "А если он скажет, что это не приоритет?",
        )
        .answer
    )
    assert "Помогите руководителям понять, какая работа ценна для бизнеса" in answer, answer
    assert "на ближайшей встрече один на один" not in answer  # the step is with the lead


def test_the_new_situations_are_read_and_stay_narrow() -> None:
    assert "undervalued-work" in situations_in("what if he says it isn't a priority?")
    assert "undervalued-work" in situations_in(
        "My lead thinks maintenance work won't get me promoted"
    )
    assert "undervalued-work" not in situations_in("That doesn't count as a reason to leave.")
    assert "management-switch" not in situations_in("Соберу дашборд и покажу тимлиду.")
    assert "management-switch" in situations_in("Мне предлагают стать тимлидом.")
    assert "comparing-offers" in situations_in("What should I ask the hiring manager?")
    assert "comparing-offers" not in situations_in("My manager offered to put me up for senior.")
    assert "holding-steady" in situations_in("My dad got sick and I'm caring for him this year.")
    assert "holding-steady" in situations_in("Will this hurt me long-term?")
    assert "holding-steady" not in situations_in("I'm sick of waiting for a promotion.")


def test_a_recruiters_claim_is_weighed_against_the_crosswalk(make_coach) -> None:
    """Before: "compare scope and expectations, not titles" and no answer to the claim."""
    answer = (
        make_coach()
        .ask(
            None,
            "The recruiter keeps saying the Amazon role is 'basically senior' because of the "
            "L5. Should I believe that?",
        )
        .answer
    )
    claim = "Amazon L5 sits at the generic mid-level engineer (IC2) level, one level below senior"
    assert claim in answer, answer


def test_what_to_ask_a_hiring_manager_gets_questions_to_ask(make_coach) -> None:
    """Before: senior "signals" and a script for the person's own manager about their gaps."""
    coach = make_coach()
    first = coach.ask(
        None,
        "I'm an L4 at Google and have an offer from Amazon for SDE II. Is that a step up?",
    )
    answer = coach.ask(
        first.session_id,
        "What should I ask the hiring manager so I can compare the actual scope of the jobs?",
    ).answer
    assert "You could ask: “What would someone in this role own in their first year" in answer
    assert "Signals you are" not in answer and "your manager" not in answer, answer


def test_a_year_of_caring_for_someone_is_heard_and_not_coached_towards_a_promotion(
    make_coach,
) -> None:
    coach = make_coach()
    first = coach.ask(
        None,
        "Mid-level engineer at a fintech. My dad got sick and I'm going to be caring for him "
        "for the next year at least. Our review form has a 'career goals' box and I don't know "
        "what to write.",
    )
    assert first.answer.startswith("That's a lot to carry alongside work."), first.answer
    assert "What draws you to the next level" not in first.answer
    assert (
        "Holding your level for a while is not the same as doing your job badly" in (first.answer)
        or "without anything being wrong" in first.answer
    ), first.answer
    later = coach.ask(first.session_id, "Will this hurt me long-term? I did want senior one day.")
    assert later.answer.startswith("Not by itself."), later.answer
    assert "Signals you are already working at senior level" not in later.answer


def test_a_worry_about_waiting_is_not_a_question_about_the_next_step() -> None:
    profile = Profile(current_level="engineer", target_level="senior")
    assert level_step("Will this hurt me long-term? I did want senior eventually.", profile) is None
    assert level_step("What should I do next to get to senior?", profile) == ("engineer", "senior")


def test_a_weekday_that_clashes_with_the_day_number_is_said_back_to_check() -> None:
    """ "Friday the 14th" when the 14th is a Monday had been said as "Monday 14 December" with
    no word about it; "by Friday 14th" had been read as the coming Friday."""
    assert parse_due("by Friday 14th", MONDAY) == (dt.date(2026, 12, 14), "by Friday 14th")
    (step,) = commitments_in("I'll have the breakdown done by Friday the 14th.", MONDAY)
    assert step.due == "2026-12-14" and step.said == "by Friday the 14th"
    assert weekday_clash("by Friday the 14th", dt.date(2026, 12, 14))
    assert not weekday_clash("by Monday the 14th", dt.date(2026, 12, 14))
    assert not weekday_clash("by the end of the month", dt.date(2026, 12, 14))
    (step,) = commitments_in("I'll send it by Monday the 14th.", MONDAY)
    assert step.said is None  # the weekday matches: nothing to check


def test_the_clash_reaches_the_answer(make_coach) -> None:
    coach = make_coach()
    coach.today = lambda: MONDAY
    answer = coach.ask(None, "I'll have the page breakdown done by Friday the 14th.").answer
    assert "by Monday 14 December (you said “by Friday the 14th”, so check which day you mean)" in (
        answer
    ), answer


def test_the_end_of_the_month_on_its_last_day_is_questioned(make_coach) -> None:
    """Before: "…by Monday 30 November (by the end of the month), which is today." and on."""
    coach = make_coach()
    coach.today = lambda: MONDAY  # 30 November: the month's last day
    answer = coach.ask(None, "I'll send the proposal to my manager by the end of the month.").answer
    assert "which is today: if that's too soon, pick a date you can keep" in answer, answer
