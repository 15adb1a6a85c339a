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
    assert "holding-steady" in situations_in("My dad had a stroke and I'm his main carer now.")
    assert "holding-steady" in situations_in("Our daughter is four months old.")
    assert "holding-steady" in situations_in(
        "Недавно перенёс операцию, врач сказал снизить нагрузку."
    )
    for ordinary in (
        "I'm sick of waiting for a promotion.",
        "My partner and I are both sick of this company.",
        "My kid is sick today so I'll finish the doc tomorrow.",
        "My dad is a doctor who works in the hospital.",
        "Will this hurt me long-term?",  # the worry alone is no season of caring
        "Ребёнок заболел, сегодня не успею.",
    ):
        assert "holding-steady" not in situations_in(ordinary), ordinary
    assert "undervalued-work" not in situations_in(
        "My boss said it doesn't matter which team I join, both have a path to senior."
    )
    assert "undervalued-work" in situations_in("Support work is never rewarded here.")
    assert "undervalued-work" not in situations_in("Это не приоритет для меня сейчас.")
    assert "comparing-offers" not in situations_in("Recruiters keep messaging me but I'm happy.")
    assert "management-switch" not in situations_in("Обсужу с тимлидом план развития.")


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


def test_advice_they_said_they_have_read_is_not_offered_again(make_coach) -> None:
    """Before: "I've read StaffEng" was answered with "there are good outside resources, such
    as Will Larson's StaffEng guide"."""
    coach = make_coach()
    first = coach.ask(None, "Staff engineer, I want to get to principal. What should I be doing?")
    answer = coach.ask(
        first.session_id,
        "This is generic. I've read StaffEng and every blog post on this. I need something "
        "specific to my situation.",
    ).answer
    assert "StaffEng" not in answer, answer


def test_a_small_company_gets_no_advice_about_its_vps(make_coach) -> None:
    """Before: "Which director or VP already treats you as their technical counterpart?" to a
    staff engineer at a 60-person startup whose only technical superior is the CTO."""
    coach = make_coach()
    session = None
    for message in (
        "Staff engineer at a 60-person startup. I want to get to principal in the next 18 "
        "months. What should I be doing?",
        "Specifics: there is no principal role here. The CTO is the only person technically "
        "above me. We have 4 product teams and no platform team.",
        "What does a principal actually do day to day?",
    ):
        answer = coach.ask(session, message)
        session = answer.session_id
        assert "director or VP" not in answer.answer, answer.answer
        assert "organisation of hundreds" not in answer.answer, answer.answer


def test_a_worry_about_harm_gets_the_steady_answer_only_in_a_season_of_caring() -> None:
    from coach.llm.offline import verdict_for

    assert verdict_for("Will this hurt me long-term?", steady=True) == "steady_no_harm"
    assert verdict_for("Honestly, will this hurt me long-term?", steady=True) == "steady_no_harm"
    assert verdict_for("Would it hurt to ask my manager for a promo packet?", steady=True) is None
    assert verdict_for("Will that hurt my relationship with my manager?", steady=True) is None


def test_yes_or_no_questions_about_saying_no_or_failing_get_their_answer() -> None:
    from coach.llm.offline import verdict_for

    assert verdict_for("My manager asked about staff. Is it bad if I say no for now?") == (
        "not_now_ok"
    )
    assert verdict_for("Честно, я не уверен, что хочу этого сейчас. Это плохо?") == "not_now_ok"
    assert verdict_for("Is it bad that I don't really want to be promoted?") == "fine_to_stay"
    assert verdict_for("Two people who joined with me got promoted. Am I failing?") == (
        "not_failing"
    )
    assert verdict_for("Will I get managed out if I stay senior forever?") == "senior_for_good"
    assert verdict_for("Would moving to EM be a step up for me?") == "management_not_a_step_up"
    assert verdict_for("Is it bad that I fixed bugs all year?") is None
    assert verdict_for("I love coding. Is it bad for my career to just stay senior?") == (
        "fine_to_stay"
    )


def test_dates_with_a_weekday_and_a_month_are_read_whole() -> None:
    """ "by Friday, December 14" had left "by Friday" in the step and said the date as "the
    first part"; "Friday 0th" crashed the turn; Russian had no day-of-month dates at all."""
    assert parse_due("by Friday, December 14", MONDAY) == (
        dt.date(2026, 12, 14),
        "by Friday, December 14",
    )
    assert parse_due("by Friday 14 December", MONDAY)[0] == dt.date(2026, 12, 14)
    assert parse_due("by Friday 0th", MONDAY)[0] == dt.date(2026, 12, 4)
    assert parse_due("к пятнице 14-го", MONDAY) == (dt.date(2026, 12, 14), "к пятнице 14-го")
    assert parse_due("к 14 декабря", MONDAY)[0] == dt.date(2026, 12, 14)
    assert weekday_clash("к пятнице 14-го", dt.date(2026, 12, 14))
    (step,) = commitments_in("I'll send it by Friday, December 14.", MONDAY)
    assert step.action == "send it" and step.said == "by Friday, December 14"


def test_in_a_season_of_caring_the_words_asked_for_are_for_that_season(make_coach) -> None:
    coach = make_coach()
    first = coach.ask(
        None,
        "Mid-level engineer. My dad had a stroke and I'm his main carer this year. Our review "
        "form has a career goals box.",
    )
    answer = coach.ask(first.session_id, "What do I actually write in it?").answer
    assert "This year my goal is to keep doing my current work well" in answer, answer


def test_someone_elses_promotion_is_not_the_persons_level() -> None:
    """ "Two people who joined with me just got promoted to senior" had made a mid-level
    engineer a senior, and read as a question about what senior expects."""
    from coach.coaching.profile import learn

    profile = learn(
        Profile(),
        "I'm a mid-level engineer. Two people who joined with me just got promoted to senior.",
    )
    assert profile.current_level == "engineer"
    assert learn(Profile(), "I got promoted to senior two months ago.").current_level == (
        "senior engineer"
    )
    assert "level-expectations" not in situations_in("Two of my peers just got promoted.")
    assert "level-expectations" in situations_in("Just became a senior. What now?")


def test_a_trailing_no_to_a_promotion_is_heard(make_coach) -> None:
    """ "My manager keeps pushing me to go for staff and I just... don't want to. Is something
    wrong with me?" had been coached towards staff for four turns."""
    answer = (
        make_coach()
        .ask(
            None,
            "I'm a senior engineer. My manager keeps pushing me to go for staff and I just... "
            "don't want to. Is something wrong with me?",
        )
        .answer
    )
    assert answer.startswith("Not wanting the next level is a legitimate choice"), answer
    assert "Signals you are working at staff level" not in answer


def test_a_new_parent_is_not_given_the_gaps_to_staff(make_coach) -> None:
    answer = (
        make_coach()
        .ask(
            None,
            "I'm a senior engineer and my manager asked if I want to go for staff this cycle. "
            "Our daughter is four months old and I'm sleeping about five hours a night.",
        )
        .answer
    )
    assert answer.startswith("That's a lot to carry alongside work."), answer
    for pushing in ("staff scope lives between teams", "staff-plus shape", "archetype"):
        assert pushing not in answer, answer


def test_a_step_on_a_day_is_said_back_on_that_day(make_coach) -> None:
    """Before: "…before your sprint planning by Monday 14 December (on the 14th)"."""
    coach = make_coach()
    coach.today = lambda: MONDAY
    answer = coach.ask(
        None, "I'll group the pages by cause before our sprint planning on the 14th."
    ).answer
    assert "before your sprint planning on Monday 14 December." in answer, answer


def test_readings_from_the_latest_blind_round() -> None:
    """Each of these was misread in a graded conversation."""
    from coach.coaching.profile import learn
    from coach.coaching.signals import NO_QUESTIONS, PUSHBACK
    from coach.llm.offline import COUNT, LOAD_STATED

    profile = learn(Profile(), "I've been senior for three years and I keep not getting staff.")
    assert (profile.current_level, profile.target_level) == ("senior engineer", "staff engineer")
    assert PUSHBACK.search("Generic again. Detail: four teams each built their own flags.")
    assert PUSHBACK.search("This sounds a bit like generic 'just take initiative' advice.")
    assert NO_QUESTIONS.search("Give me a concrete plan, I don't want more questions.")
    assert not COUNT.search("Give me a plan for the next 3 months.")
    assert COUNT.search("Give me three things to do.")
    assert "staff-path" in situations_in("Four teams here each built their own flag system.")
    assert "no-time" in situations_in(
        "Every sprint is full of feature tickets. When am I supposed to do this?"
    )
    assert not LOAD_STATED.search("We had two incidents this quarter where flags disagreed.")
    assert LOAD_STATED.search("We get around 15 pages a week.")


def test_a_problem_already_named_is_not_asked_for_again(make_coach) -> None:
    """Before: "Most of the pages come from the same three batch jobs" was followed by
    "Which page from your last shift deserves a follow-up ticket…?"."""
    coach = make_coach()
    first = coach.ask(
        None,
        "I'm an SDE-2 on a payments reconciliation team at a large retailer. We're basically "
        "firefighting: around 15 pages a week, split between three of us. Nobody on my team has "
        "been promoted to senior in two years and I think it's because there's no real project "
        "work here. Should I transfer?",
    )
    answer = coach.ask(
        first.session_id,
        "Most of the pages come from the same three batch jobs timing out at month end. "
        "Everyone just reruns them manually.",
    ).answer
    question = answer.split("\n\n")[-1]
    assert not question.startswith(("Which page", "Which recurring page", "Which operational")), (
        answer
    )


def test_incidents_mentioned_are_not_said_back_as_a_heavy_load(make_coach) -> None:
    answer = (
        make_coach()
        .ask(
            None,
            "I'm a senior engineer. Four teams here each built their own feature-flag system, "
            "and we've had two incidents this quarter where flags disagreed between services.",
        )
        .answer
    )
    assert "heavy operational load" not in answer, answer


def test_a_divorce_is_heard_and_going_on_leave_is_no_return() -> None:
    from coach.coaching.signals import FEELINGS

    divorce = "My promo doc is due in 3 weeks. I'm also in the middle of a divorce."
    assert "holding-steady" in situations_in(divorce)
    assert FEELINGS["caring"].search(divorce)
    assert not FEELINGS["returning"].search("My manager goes on parental leave next month.")
    assert FEELINGS["returning"].search("I came back from five months of parental leave.")
    assert "holding-steady" not in situations_in("The divorce of the two services was messy.")


def test_is_doing_my_job_well_enough_and_would_this_fix_count_get_their_answer() -> None:
    """Graders found "My sources don't give a flat yes or no" for both; the article answers
    them (an uplevel is different work; improving what exists can be promotable)."""
    from coach.llm.offline import verdict_for

    assert verdict_for("Is closing tickets fast enough to get promoted?") == (
        "better_not_different"
    )
    assert verdict_for("If I just keep doing my job really well, will I get promoted?") == (
        "better_not_different"
    )
    assert verdict_for("Would cutting page load time count?") == "existing_work_counts"
    assert verdict_for("Does fixing flaky tests count toward promotion?") == (
        "existing_work_counts"
    )
    assert verdict_for("Is two weeks enough time to prepare?") is None
    assert verdict_for("Would cutting scope on the project count against me?") is None
