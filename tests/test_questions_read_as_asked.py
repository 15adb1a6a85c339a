"""Questions read as the person asked them: faults a blind reader listed at 2553dba that
were still there at b8bcb8c, each checked in the reader's words and in other phrasings."""

from __future__ import annotations

import re

from coach.coaching.profile import classify_levels
from coach.coaching.signals import classify
from coach.llm.offline import verdict_for
from tests.conftest import ask_all

JUNIOR = (
    "hi. I'm a junior dev, about 8 months into my first job at a fintech (~200 engineers). two "
    "people who joined with me just got bumped to engineer II and I didn't. I'm kind of "
    "spiraling about it tbh"
)


def test_peers_promoted_past_you_and_the_worry_about_it_are_heard(make_coach) -> None:
    """Before: the engineer-vs-entry ladder line, with neither the worry nor the missed
    promotion heard."""
    signals = classify(JUNIOR)
    assert "missed-cycle" in signals.situations
    assert signals.feeling == "anxious"
    assert "missed-cycle" in classify("Three of my peers were promoted and I wasn't.").situations
    assert "missed-cycle" in classify("My teammate got promoted but not me.").situations
    # Someone else's good news alone is not a missed promotion.
    assert "missed-cycle" not in classify("My teammate got promoted last week.").situations
    answer = ask_all(make_coach(), [JUNIOR])[0]
    assert answer.startswith("That sounds stressful"), answer
    assert "What separates engineer from entry level" not in answer, answer


def test_asking_the_manager_straight_out_is_answered_yes() -> None:
    """Before: "should I just ask my manager straight up…?" got an on-call card."""
    for asked in (
        "should I just ask my manager straight up when I'll get promoted? or is that going to "
        "look bad",
        "Can I just ask my boss what it would take to get promoted?",
        "ok, should I actually tell my manager I want senior?",
    ):
        assert verdict_for(asked) == "tell_your_manager", asked
    assert verdict_for("Should I tell my manager I'm not interested in staff?") is None


def test_level_codes_without_a_company_and_questions_without_a_mark(make_coach) -> None:
    """Before: "what does L4 actually do that L3 doesn't" (no question mark, a new grad at
    L3) got only "Where does most of your time go today?", and "how long does it usually
    take" an entry-level card on asking questions."""
    _, step, how_long = ask_all(
        make_coach(),
        [
            "new grad, started monday. big tech. L3. how do i get to L4 fast",
            "what does L4 actually do that L3 doesn't",
            "how long does it usually take",
        ],
    )
    assert "What separates engineer from entry level" in step, step
    assert how_long.startswith("There is no fixed clock"), how_long
    # The answer says "a cycle or two" once; a card saying it again reads as the answer twice.
    assert how_long.count("cycle or two") == 1, how_long
    # ...but the one card that backs an answer stays, so the answer is cited (02f16ab to
    # 9b21e88 left "Is management a promotion?" with "No…" and no source).
    management = ask_all(make_coach(), ["Is management a promotion?"])[0]
    assert management.startswith("No.") and "[1]" in management, management
    assert classify("what does a staff engineer actually do").direct_question
    assert not classify("What is important to me is the work itself").direct_question


def test_leading_without_managing_and_without_authority(make_coach) -> None:
    """Before: "How am I supposed to lead anything?" got the bias card and "who would you
    feel safe raising this with"; "How do I handle that without authority?" got the
    promotion-document card."""
    for asked in (
        "I'm not a manager and I don't want to be one. How am I supposed to lead anything?",
        "How do I show leadership as an IC?",
        "Two teams are hostile. How do I handle that without authority?",
    ):
        assert "leadership-feedback" in classify(asked).situations, asked
    leading = ask_all(
        make_coach(),
        [
            "Got my review yesterday. 'Strong technically, needs to show more leadership.' "
            "That's the third time I've heard that exact phrase. I'm a mid-level backend "
            "engineer. What does it even mean?",
            "I'm not a manager and I don't want to be one. How am I supposed to lead anything?",
        ],
    )[1]
    assert "bias" not in leading and "lead" in leading.lower(), leading
    consensus = ask_all(
        make_coach(),
        [
            "Senior engineer, I want staff. My plan: lead the migration of all 9 product teams "
            "onto the shared deploy pipeline.",
            "Right now 3 of the 9 teams have agreed. Two are openly hostile because it's not "
            "on their roadmap. How do I handle that without authority?",
        ],
    )[1]
    assert "build consensus without authority" in consensus, consensus
    assert "not a reward" not in consensus, consensus


def test_a_gap_question_is_read_as_one() -> None:
    """ "What do I still need to do to get there?" asks for the gaps to a level."""
    for asked in (
        "How do I figure out what I still need to do to get to the next level?",
        "What am I still missing for senior?",
        "how far am I from staff, honestly?",
    ):
        assert "level-expectations" in classify(asked).situations, asked


def test_a_decision_with_a_date_closes_on_what_to_learn_before_it(make_coach) -> None:
    """Before: "I have until Friday to answer" was closed with "write down what you'll try
    and when you'll review it", the date ignored."""
    answer = ask_all(
        make_coach(),
        [
            "My director offered me the EM role for my team since our manager is leaving. I'm "
            "a senior engineer, 6 years in. I have until Friday to answer."
        ],
    )[0]
    assert answer.rstrip().endswith(
        "Before Friday, which of these could you find out or try, and who will you ask?"
    ), answer
    ru = ask_all(
        make_coach(), ["Мне предложили перейти в менеджеры, я сеньор. Ответить нужно до пятницы."]
    )[0]
    assert "До пятницы:" in ru, ru


def test_a_manager_hears_the_points_for_a_report_without_one_stock_lead(make_coach) -> None:
    """Before: "What you could pass on to her:" opened every turn of a manager's
    conversation about one engineer."""
    answers = ask_all(
        make_coach(),
        [
            "I'm an engineering manager. One of my engineers, mid-level, really solid, asked "
            "me if I can promise she'll get senior next cycle.",
            "She says her feedback is always 'more impact'. How do I make it concrete for her?",
            "She's worried the search rewrite won't count. What should she focus on?",
        ],
    )
    leads = re.findall(
        r"(What you could pass on to her|Worth sharing with her|What might help her here):",
        "\n".join(answers),
    )
    assert len(leads) >= 2 and len(set(leads)) == len(leads), answers


def test_a_manager_about_a_report_denied_in_calibration(make_coach) -> None:
    """Before: "my report (62 at microsoft) got denied… I pushed hard for him" was answered
    as if the manager were the one passed over, and "can I at least tell him I'll definitely
    get it through next cycle?" got no "no"."""
    first, *_, promise = ask_all(
        make_coach(),
        [
            "my report (62 at microsoft) got denied for 63 in calibration. I pushed hard for "
            "him. feeling pretty deflated honestly",
            "only feedback from the room was 'needs more scope'. that's it",
            "can I at least tell him I'll definitely get it through next cycle? he deserves "
            "something",
        ],
    )
    assert "him" in first and ("pass on to him" in first or "For your part" in first), first
    assert promise.startswith("No. Don't promise the outcome"), promise
    assert classify("Can I promise her I'll get her promoted in June?").asks_guarantee


def test_declining_a_level_named_by_its_code_is_heard(make_coach) -> None:
    """Before: "my manager keeps pushing me toward E6. I don't really want it" was not heard
    as a no, and the turns after coached towards a staff promotion case."""
    _, _, coasting, words = ask_all(
        make_coach(),
        [
            "E5 at meta. my manager keeps pushing me toward E6. I don't really want it",
            "I like coding, I like my team. is it ok to just stay",
            "he says staying is 'coasting'",
            "what do I tell him",
        ],
    )
    assert coasting.startswith("Not for turning down the next level"), coasting
    assert "archetype" not in words and "Staff isn't my goal" in words, words


def test_a_report_who_wants_management_in_russian(make_coach) -> None:
    """«Можно дать ему попробовать, не назначая сразу менеджером?» got a card on making the
    user interface easier to change."""
    assert (
        "management-switch"
        in classify("Можно дать ему попробовать, не назначая сразу менеджером?").situations
    )
    assert (
        "management-switch" in classify("Один из моих сеньоров хочет стать менеджером").situations
    )


def test_a_level_naming_a_kind_of_work_is_not_the_persons_level() -> None:
    """Before: "how do I know when I'm doing L4 work" made a new grad at L3 an L4, and the
    next answer gave the signals of the level above L4."""
    assert classify_levels("how do I know when I'm doing L4 work")[0] is None
    assert classify_levels("I'm doing senior-level work already")[0] is None
    assert classify_levels("I'm doing senior-level work already but I'm L4")[0] == "L4"
    assert classify_levels("I'm a senior engineer at a bank")[0] == "senior engineer"


def test_asking_about_promotion_is_not_pushy(make_coach) -> None:
    """Before: "should I ask my manager about promotion directly or is that pushy for someone
    this junior?" was answered "Yes" with nothing behind it and a stock closing question."""
    answer = ask_all(
        make_coach(),
        [
            "should I ask my manager about promotion directly or is that pushy for someone this "
            "junior?"
        ],
    )[0]
    assert answer.startswith("Yes."), answer
    assert "okay, and expected" in answer and "[1]" in answer, answer


def test_a_reports_burnout_and_a_trial_period(make_coach) -> None:
    """Before: a manager saying "She's already a bit burnt out… What exactly do I say?" was
    sent to a crisis line, and "Can I ask for a trial period, or is that a weird thing to
    ask?" got the vague-feedback card."""
    said = ask_all(
        make_coach(),
        [
            "One of my engineers, Priya, is mid-level and asked me whether she'll get senior next "
            "cycle. Can I just tell her yes?",
            "ok but if I say 'it depends' she's going to hear 'no'. She's already a bit burnt "
            "out and I don't want to lose her. What exactly do I say?",
        ],
    )[1]
    assert "crisis" not in said and "I can't promise you the promotion" in said, said
    assert classify("I'm already a bit burnt out and I can't sleep").intent == "distress"
    for asked in (
        "Can I ask for a trial period, or is that a weird thing to ask?",
        "Можно попросить пробный период?",
    ):
        assert verdict_for(asked) == "trial_ok", asked
    trial = ask_all(
        make_coach(),
        [
            "The director offered me the EM role for my team. I'm a senior engineer.",
            "Can I ask for a trial period, or is that a weird thing to ask?",
        ],
    )[1]
    assert trial.startswith("Not weird at all"), trial
    assert "vague" not in trial, trial


def test_a_follow_up_stays_on_the_conversations_topic(make_coach) -> None:
    """Before: three turns into weighing a management offer, "I don't like conflict… Does that
    change things?" got a card on maintaining a legacy system; and a manager asking "What can
    I actually commit to?" once the card on promising had been given got an unrelated one."""
    conflict = ask_all(
        make_coach(),
        [
            "My manager is leaving and the director offered me her role: EM for the team I'm on "
            "now, 6 engineers. I'm a senior engineer. I have until Friday to say yes or no.",
            "The money is about the same. Is it a promotion or not?",
            "What should I be asking myself between now and Friday?",
            "I've mentored two of the juniors and loved it, but I really don't like conflict. "
            "And one engineer on the team is honestly underperforming. Does that change things?",
        ],
    )[3]
    assert "management" in conflict.lower(), conflict
    assert "maintain" not in conflict and "senior to staff" not in conflict, conflict
    commit = ask_all(
        make_coach(),
        [
            "I'm an engineering manager. One of my engineers, mid-level, really solid, asked me "
            "in our 1:1 today: 'If I finish the search rewrite by June, can you promise I'll get "
            "senior next cycle?' I kind of froze and said 'let's talk about it next week'.",
            "Part of me wants to just say yes. I think she'll probably get it and I don't want "
            "to lose her. Why not?",
            "OK then what exactly do I say to her next week? Give me actual words.",
            "She's going to be disappointed. What can I actually commit to that isn't a hollow "
            "'I'll try'?",
        ],
    )[3]
    # Given in the first answer, the card on what a manager can promise is said again, as such.
    assert "as I said, don't promise" in commit and "Promise what you control" in commit, commit
