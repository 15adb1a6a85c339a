"""What the person just said is heard before any advice, from the last blind readings: a
choice not to go for the next level (and "am I coasting?"), anger and quitting, "I already
asked", a result with numbers, a peer comparison after a disclosure of bias, "anything
short of HR?", a second "still generic", terse steps and yes/no questions, two dates in
one step, and a manager asked a question meant for an engineer."""

from __future__ import annotations

import datetime as dt
import re

from coach.coaching.profile import commitments_in
from coach.coaching.signals import content_to_stay, situations_in
from coach.llm.offline import verdict_for
from tests.conftest import ask_all


def test_not_wanting_a_promotion_is_heard_in_plain_words() -> None:
    for said in (
        "Is it bad that I don't want a promotion?",
        "Honestly I'm not that interested in the next level.",
        "My manager wants me to go for staff. I don't want to go for staff.",
        "I'm not interested in becoming staff.",
    ):
        assert content_to_stay(said), said
    for said in (
        "I'm not really interested in becoming a manager.",  # a track, not staying put
        "I don't want a promotion yet, I want to learn first.",  # not yet is no choice
        "I want a promotion.",
    ):
        assert not content_to_stay(said), said


def test_someone_staying_senior_is_not_pushed_to_staff_and_hears_they_are_not_coasting(
    make_coach,
) -> None:
    """Before, "Is it bad that I don't want a promotion?" got "No, it isn't" followed by
    staff-plus archetypes, and "he says I'm coasting. Am I?" got staff signals."""
    answers = ask_all(
        make_coach(),
        [
            "I'm a senior engineer at a game studio. My manager keeps pushing me toward "
            "staff, but honestly I just like writing gameplay code and mentoring our one "
            "junior. Is it bad that I don't want a promotion?",
            "He told me that if I don't go for staff I'm 'coasting'. Am I?",
            "I'm worried that saying no will hurt my reviews. How do I actually tell him?",
        ],
    )
    assert answers[0].startswith("No, it isn't."), answers[0]
    assert "archetype" not in answers[0] and "staff-plus" not in answers[0]
    assert answers[1].startswith("Not for turning down the next level."), answers[1]
    for pushed in ("Staff signal", "staff signal", "staff level already", "different shape"):
        assert pushed not in answers[1], answers[1]
    assert "You could say:" in answers[2], answers[2]  # the words to say no
    assert verdict_for("Am I just being lazy?") == "not_coasting"
    assert verdict_for("Я просто плыву по течению?") == "not_coasting"
    assert verdict_for("My manager says I'm great. Is he right?") is None


def test_anger_a_result_and_an_earlier_step_are_said_back(make_coach) -> None:
    """Before, "I'm furious and thinking about quitting" opened with "It sounds like you'd
    like to become a senior engineer…", "I already asked" and "cut p99 from 800 ms to
    200 ms" went unremarked, and the step's date was put on the wrong part."""
    answers = ask_all(
        make_coach(),
        [
            "Got passed over for senior again. Second cycle in a row. The feedback was 'more "
            "impact'. I'm furious and honestly thinking about quitting.",
            "I already asked my manager what 'more impact' means. She said 'bigger projects'. "
            "That's it.",
            "I own the notifications service and I cut its p99 latency from 800ms to 200ms "
            "last quarter. Nobody even mentioned it in the feedback.",
            "Ok. I'll start a running log of my work tonight and book time with my manager "
            "next week.",
        ],
    )
    assert answers[0].startswith("It makes sense to be angry about that. Leaving is a real")
    assert answers[1].startswith("You've already done that"), answers[1]
    assert "kind of evidence a promotion case is built from" in answers[2]
    assert "nobody see it" in answers[2]  # "nobody even mentioned it"
    # the date read is the second part's, so it goes after that part
    assert re.search(r"tonight and book time with your manager by Friday \d{1,2} \w+", answers[3])


def test_a_peer_comparison_and_steps_short_of_hr_are_answered(make_coach) -> None:
    """Before, the comparison with a man promoted on a smaller project got "the next step
    needs a different shape of work", and "anything in between?" got staff scope."""
    answers = ask_all(
        make_coach(),
        [
            "I'm a senior backend engineer at an insurance company, one of two women in a "
            "40-person engineering org. Three cycles in a row my staff promo feedback has "
            "been 'needs more leadership presence'. Nobody can tell me what that means.",
            "My manager is nice, but when I ask for examples he says 'you'll know it when "
            "you see it'. Meanwhile a guy who joined after me got promoted with a smaller "
            "project. I'm starting to think it isn't about my work.",
            "I don't want to go to HR yet, that feels nuclear. Is there anything in between?",
        ],
    )
    assert answers[1].startswith("That comparison is worth writing down"), answers[1]
    assert "different shape of work" not in answers[1]
    assert answers[2].startswith("Yes. Short of HR there are quieter steps"), answers[2]
    assert "possible-bias" in situations_in("Is there anything short of going to HR?")


def test_a_second_pushback_is_not_answered_with_the_same_words(make_coach) -> None:
    answers = ask_all(
        make_coach(),
        [
            "I'm an SDE-2 on a billing platform team. We only keep the lights on, no new "
            "features at all. How am I supposed to get to senior here?",
            "This is generic. Our backlog is literally tickets forwarded from support.",
            "Still generic, honestly. Give me something concrete I could start on Monday.",
        ],
    )
    assert answers[1].startswith("Fair point: general advice only goes so far.")
    assert answers[2].startswith("You're right, that was still too general."), answers[2]
    assert "Pareto" in answers[1] + answers[2]  # the support queue is operational load
    assert "operational-load" in situations_in("Our backlog is tickets forwarded from support.")


def test_terse_steps_and_questions_without_a_question_mark(make_coach) -> None:
    today = dt.date(2026, 11, 30)
    [step] = commitments_in("k. will ask my lead for the ladder doc tmrw", today)
    assert step.action == "ask my lead for the ladder doc" and step.due == "2026-12-01"
    assert commitments_in("Will it help?", today) == []
    assert verdict_for("yes or no: should i volunteer for on-call early") == "join_on_call"
    answers = ask_all(
        make_coach(),
        ["new grad, 4 months in. how do i get promoted fast", "yes or no: should i volunteer "
         "for on-call early"],
    )  # fmt: skip
    assert answers[1].startswith("Yes, with support at first"), answers[1]


def test_a_manager_is_not_asked_the_engineers_own_question(make_coach) -> None:
    """Before, a manager's calibration prep ended "Who outside your team could describe
    your work in one sentence today?", and a manager opened with "It sounds like you're an
    engineering manager." alone."""
    answers = ask_all(
        make_coach(),
        [
            "I'm an EM for an internal tools team at a retail company. Leadership only "
            "promotes people who ship new products. My team fixes the build system and CI. "
            "I can't get anyone promoted.",
            "Fine. I'll pull build-time and flaky-test numbers for the last two quarters "
            "before calibration next Thursday.",
        ],
    )
    assert not answers[0].startswith("It sounds like you're an engineering manager.")
    assert "describe your work" not in answers[1], answers[1]


def test_who_to_take_it_to_first_is_answered() -> None:
    """Before, "с тимлидом или сразу с руководителем отдела?" went unanswered in both
    versions a blind reader compared."""
    for asked in (
        "С кем это потом обсуждать — с тимлидом или сразу с руководителем отдела?",
        "Should I take this to my manager or straight to the director?",
        "Do I talk to my lead first, or go to my skip-level?",
    ):
        assert verdict_for(asked) == "manager_first", asked
    # not a question of who hears it first, and not when the manager may be the problem
    assert verdict_for("Is my manager or my skip-level the better sponsor?") is None
    assert verdict_for("I'm the only woman on the team. Should I talk to my manager or go "
                       "to my skip-level?") != "manager_first"  # fmt: skip


def test_a_russian_report_of_what_was_tried_is_answered_not_a_crash(make_coach) -> None:
    """A blind reader's session died on «Я уже пробовал…»: the joined English and Russian
    pattern for "I've already tried" captures in the Russian group, and the English one
    (None) was read."""
    answers = ask_all(
        make_coach(),
        [
            "Я мидл в банке, хочу вырасти до сеньора.",
            "Я уже пробовал поговорить с руководителем, он сказал «не приоритет».",
        ],
    )
    assert answers[1].startswith("Вы это уже сделали"), answers[1]


def test_a_career_question_with_cant_take_it_back_is_no_crisis(make_coach) -> None:
    """A blind reader's returning parent asked "I can't take it back. Should I look for
    something new inside the team, or something that crosses teams?" and got the crisis
    script ("contact local emergency services"), in both versions compared."""
    from coach.coaching.signals import classify

    assert classify("The rewrite is done, so I can't take it back.").intent == "coaching"
    assert classify("We can't take this on right now.").intent == "coaching"
    assert classify("I can't take it anymore.").intent == "distress"
    assert classify("I just can't take this, everything is too much.").intent == "distress"
    assert classify("I'm pretty anxious about it.").feeling == "anxious"
    answers = ask_all(
        make_coach(),
        [
            "I'm a senior engineer back from six months of parental leave; a peer took over "
            "the rewrite I was leading.",
            "The rewrite is basically done now, so I can't take it back. Should I look for "
            "something new inside the team, or something that crosses teams?",
        ],
    )
    assert "emergency" not in answers[1] and "crisis" not in answers[1], answers[1]


def test_the_level_someone_was_passed_over_for_is_their_target() -> None:
    """A blind reader's "I'm done. Passed over for SDE-3 again." was said back as "It sounds
    like you're at SDE-3"."""
    from coach.coaching.profile import classify_levels

    message = "I'm done. Passed over for SDE-3 again. Second cycle in a row."
    assert classify_levels(message) == (None, "SDE-3")
    assert classify_levels("I'm SDE-2, missed SDE-3 last cycle") == ("SDE-2", "SDE-3")


def test_a_managers_yes_or_no_about_a_reports_result_and_its_visibility() -> None:
    """Both versions a blind reader compared answered these with "My sources don't give a
    flat yes or no", though the ladder and calibration sections settle them."""
    fixed = (
        "One of my engineers cut our pages from about 25 a week to 3 over two quarters by "
        "systematically fixing recurring causes. Can I put her up for senior for that work? "
        "Yes or no."
    )
    assert verdict_for(fixed) == "report_work_counts"
    # a launch is not the recurring problems the answer speaks of
    shipped = "She shipped the new checkout. Can I put her up for senior for that work?"
    assert verdict_for(shipped) is None
    assert (
        verdict_for(
            "Should I get her to present the paging work at the org-wide ops review before "
            "calibration, yes or no?"
        )
        == "make_it_visible"
    )


def test_a_report_asking_will_you_promote_me_is_no_promise_to_make(make_coach) -> None:
    """A blind reader's manager quoted "will you promote me next cycle?" and asked "Can I
    just say yes?"; the answer was advice to pass on, with no word about promising."""
    answers = ask_all(
        make_coach(),
        [
            "I'm an engineering manager. One of my engineers, mid-level, wants senior this "
            "cycle but isn't ready.",
            "She asked me point blank: 'if I finish the payments project, will you promote me "
            "next cycle?' I want to keep her motivated. Can I just say yes?",
        ],
    )
    # "No.", then the card that says why (cited), before anything passed on to her.
    assert answers[1].startswith("No.\n\nFor your part: don't promise someone"), answers[1]


def test_yes_or_no_questions_the_articles_settle() -> None:
    """Met with "My sources don't give a flat yes or no" in the third blind reading."""
    assert (
        verdict_for("So is a promotion the only way to get more interesting projects? Yes or no.")
        == "not_the_only_way"
    )
    assert (
        verdict_for(
            "We get about 15 pages a week, mostly from the same three alerts. Is that actually "
            "big enough to count, yes or no?"
        )
        == "load_counts"
    )
    # the answer speaks of a recurring operational load: not for a small tool
    assert verdict_for("I built a small CLI for the team. Is that big enough to count?") is None
