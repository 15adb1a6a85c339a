"""Questions blind readers found unanswered or answered beside the point: a manager asking
whether to promise a promotion, "done it, what now?", "anything else I should ask?", "is
that going over my manager's head?", "am I crazy to care about the title?", "how long does
it take?", and someone who has said no to the next level asking what to say or worrying
how it looks."""

from __future__ import annotations

from coach.coaching.signals import situations_in
from coach.llm.offline import verdict_for
from tests.conftest import ask_all

MANAGER = (
    "I'm an engineering manager (team of 7). One of my engineers, mid-level, has been put up "
    "for senior twice and denied both times in calibration. The feedback from the committee "
    "was 'needs more impact'. I don't know what to tell her."
)


def test_a_manager_asked_about_promising_the_outcome_hears_no_and_what_to_promise(
    make_coach,
) -> None:
    """Before, "is it reasonable to tell her she'll get it next time?" got staff-plus
    archetypes ("tech lead, architect, solver") for a mid-level engineer going to senior."""
    answers = ask_all(
        make_coach(),
        [
            MANAGER,
            "Is it reasonable to just tell her she'll get it next time if she leads one "
            "project? I want to give her something hopeful.",
        ],
    )
    assert answers[1].startswith("No. Don't promise the outcome"), answers[1]
    assert "archetype" not in answers[1]
    # the advice on what to promise instead is cited, either now or in the first answer
    assert any("Promise what you control" in a and "calibration" in a for a in answers)


def test_a_step_reported_done_is_logged_and_acknowledged(make_coach) -> None:
    """Before, "done it, lead approved the design. what now" got "What might get in the way,
    and how will you handle it?" and nothing else; the plan still had the step open."""
    coach = make_coach()
    answers = ask_all(
        coach,
        [
            "I'm a new grad, 8 months in. My manager says I need more independence.",
            "I'll take the next small feature from the backlog on my own and write up a short "
            "design before asking anyone, by Friday.",
            "done it, lead approved the design with one comment. what now",
        ],
    )
    assert answers[2].startswith("Good work. I've marked"), answers[2]
    assert "What might get in the way" not in answers[2]
    plan = coach.sessions.get_plan("local")
    done = [c for c in plan.commitments if c.status == "done"]
    assert len(done) == 1 and "small feature" in done[0].action
    assert plan.evidence and "lead approved the design" in plan.evidence[-1].what


def test_only_a_clear_report_closes_the_step(make_coach) -> None:
    coach = make_coach()
    ask_all(
        coach,
        [
            "I'll write the one-page proposal for the shared deploy pipeline by Friday.",
            "I've done some thinking about who should review it. Any advice?",
            "I didn't finish it yet, got pulled into an incident.",
        ],
    )
    plan = coach.sessions.get_plan("local")
    assert [c.status for c in plan.commitments] == ["open"]
    assert not plan.evidence


def test_anything_else_to_ask_before_deciding_on_offers_gets_questions_to_ask(
    make_coach,
) -> None:
    """Before: "You've committed to ask both hiring managers… mention it to your manager at
    your next one-on-one. What might get in the way?": no questions, and a nudge to tell
    the current manager about outside offers."""
    answers = ask_all(
        make_coach(),
        [
            "I have two offers: Amazon L6 SDE III and Google L5 Senior SWE. Currently I'm "
            "'Staff Engineer' at a 60-person startup. Which one is the higher level?",
            "I'll ask both hiring managers what scope they'd expect from me in the first year. "
            "Anything else I should ask before I decide by the end of the month?",
        ],
    )
    assert "You could ask:" in answers[1], answers[1]
    assert "mention it to your manager" not in answers[1]
    assert "What might get in the way" not in answers[1]


def test_someone_who_said_no_to_the_next_level_is_answered_as_such(make_coach) -> None:
    """Before: T2 got a bare "Where does most of your time go today?", T3 "when could you
    block an hour a week to look at where the next-level work is?", and "what do I tell
    her?" only "When will you next check in with your manager about it?"."""
    answers = ask_all(
        make_coach(),
        [
            "I'm a senior engineer and I love my job. I write code most of the day, I mentor "
            "two juniors, and I go home at 5. My new manager wants me to 'start my staff "
            "journey'. I don't want to. Is that a bad career move?",
            "I've looked at what our staff engineers do. It's meetings and docs all day. "
            "That's not me.",
            "My worry is the new manager will see me as not ambitious and that will affect "
            "my reviews.",
            "so what do I tell her in our 1:1 tomorrow",
        ],
    )
    assert "Where does most of your time go" not in answers[1], answers[1]
    assert "a clear choice, and a legitimate one" in answers[1]
    assert (
        "next-level work" not in answers[2]
        and "not the same as doing your job badly" in (answers[2])
    )
    assert "You could say:" in answers[3] and "next level isn't my goal" in answers[3]
    # "…in our 1:1 tomorrow": the question after the words is about that conversation
    assert "When will you next check in" not in answers[3], answers[3]


def test_direct_yes_no_questions_get_their_answer_first() -> None:
    assert verdict_for(
        "My skip-level has an open 1:1 slot next Tuesday. Should I bring this up with her or "
        "is that going over my manager's head?"
    ) == ("raise_it")
    assert verdict_for("Это не будет через голову руководителя?") == "raise_it"
    assert verdict_for("Am I crazy to care about the title?") == "title_can_matter"
    assert verdict_for("Am I crazy to want a title I don't have?") is None


def test_how_long_questions_and_ticket_queues_are_heard() -> None:
    assert "readiness" in situations_in(
        "How long does it usually take to get promoted from junior?"
    )
    assert "readiness" in situations_in(
        "Is 10 weeks even realistic to get her ready for this cycle?"
    )
    assert "operational-load" in situations_in(
        "We've never tracked where the tickets come from, they just arrive in a queue."
    )
    assert "undervalued-work" in situations_in(
        "What if my manager says it's not our team's priority and I should focus on our roadmap?"
    )
    # Reluctance about HR is not doubt about wanting the promotion.
    assert "deciding" not in situations_in(
        "I'm not sure I want to make this a big HR thing. I just want to get promoted fairly."
    )
    assert "deciding" in situations_in("I'm not sure I want the promotion at all.")


def test_how_long_is_answered_with_what_the_sources_say_about_time(make_coach) -> None:
    answer = (
        make_coach()
        .ask(
            None,
            "I started as a junior engineer at a small fintech four months ago. How long does "
            "it usually take to get promoted from junior, and what should I do first?",
        )
        .answer
    )
    assert "cycle or two" in answer or "two quarters" in answer, answer


def test_a_level_belongs_to_the_company_named_nearest_it() -> None:
    """Before, "a Principal SDE at Amazon with an offer from Google for L6" placed Google's L6
    on Amazon and answered "Google L6 sits one level above Amazon L6"."""
    from coach.coaching.crosswalk import parse_table, placed
    from tests.conftest import CORPUS

    table = parse_table((CORPUS / "ladders" / "level-crosswalk.md").read_text(encoding="utf-8"))
    found = placed(
        "I'm a Principal SDE at Amazon and I have an offer from Google for L6 Staff. "
        "Recruiter says it's a 'lateral'.",
        table,
    )
    assert [(p.company, p.said, p.generic) for p in found] == [
        ("amazon", "Principal SDE", "staff"),
        ("google", "L6", "staff"),
    ]
    two = placed("I have two offers: Amazon L6 SDE III and Google L5 Senior SWE.", table)
    assert [(p.company, p.said) for p in two] == [("amazon", "L6"), ("google", "L5")]


def test_who_is_speaking_and_about_whom() -> None:
    from coach.coaching.profile import Profile, learn

    def profile_of(message: str) -> Profile:
        return learn(Profile(), message)

    assert profile_of("idk. i lead my team's stuff fine. thats the problem").track is None
    assert profile_of("I manage 6 ppl. one of my mid levels asked about senior.").track == (
        "management"
    )
    from coach.coaching.signals import classify

    sponsor = classify(
        "Our VP wants principals to sponsor more people, especially from underrepresented "
        "groups. What does sponsoring mean?"
    )
    assert not sponsor.bias_disclosure and "possible-bias" not in sponsor.situations
    assert classify("I'm from an underrepresented group and got passed over.").bias_disclosure


def test_a_manager_asking_yes_or_no_to_a_promise_hears_no_again(make_coach) -> None:
    answers = ask_all(
        make_coach(),
        [
            "I'm an engineering manager with 7 reports. My strongest engineer (mid-level) asked "
            "me: 'If I finish the payments migration, can you promise I'll be promoted to "
            "senior next cycle?'",
            "So should I just tell her yes? Yes or no.",
        ],
    )
    assert answers[1].startswith("No. Don't promise the outcome"), answers[1]
    assert "flat yes or no" not in answers[1]
    # the report is mid-level: no staff-level signals passed on to her
    assert not any("staff level" in a or "staff-plus" in a for a in answers), answers


def test_is_it_worth_going_to_hr_is_answered() -> None:
    assert verdict_for("Is it worth going to HR right now? Yes or no?") == "raise_it"


def test_waiting_to_be_noticed_gets_no_and_a_plain_thanks_closes() -> None:
    """ "Should I just wait for my manager to bring up promotion? Yes or no?" had got "My
    sources don't give a flat yes or no", though both articles say not to wait."""
    from coach.lang import reading

    asked = "Should I just wait for my manager to bring up promotion to Engineer II? Yes or no?"
    assert verdict_for(asked) == "dont_wait"
    assert verdict_for("Стоит ли просто ждать, пока руководитель сам предложит повышение?") == (
        "dont_wait"
    )
    assert verdict_for("Should I wait a cycle before asking?") is None
    assert verdict_for("Нормально ли оставаться senior навсегда?") == "fine_to_stay_yes"
    thanks = reading("thanks")
    assert thanks.search("k thx") and thanks.search("ok cool thanks, that helps")
    assert not thanks.search("thanks, but what about my manager?")


def test_terse_dates_and_steps_are_read() -> None:
    """ "ill ask my manager tmrw", "this weekend", "end of Q": read by graders as ignored."""
    import datetime as dt

    from coach.coaching.dates import parse_due
    from coach.coaching.profile import commitments_in

    monday = dt.date(2026, 11, 30)
    assert parse_due("I'll ask tmrw", monday)[0] == dt.date(2026, 12, 1)
    assert parse_due("I'll write it up this weekend", monday)[0] == dt.date(2026, 12, 6)
    assert parse_due("one case written up by end of Q", monday)[0] == dt.date(2026, 12, 31)
    steps = commitments_in("ill ask my manager tmrw", monday)
    assert [(c.action, c.due) for c in steps] == [("ask my manager", "2026-12-01")]
    assert commitments_in("I am ill today, sorry", monday) == []


def test_a_manager_whose_team_is_told_it_cannot_be_promoted_gets_advice(make_coach) -> None:
    """Before: "It sounds like you're an engineering manager." and nothing else, then a bare
    "What is one step you could take…?"; "I get 30 minutes with the director next month.
    What do I bring?" got a week-by-week plan."""
    answers = ask_all(
        make_coach(),
        [
            "I run an internal tools team at a big insurance company. Leadership says nobody "
            "on my team can be promoted because we 'don't have product impact'. Two of my "
            "best people are interviewing elsewhere and I feel like I'm failing them.",
            "Realistically I get 30 minutes with the director next month. What do I bring?",
        ],
    )
    assert "[" in answers[0] and answers[0].count("\n") > 1, answers[0]
    assert "Week 1" not in answers[1], answers[1]
    assert "does they" not in " ".join(answers)
    from coach.coaching.signals import classify

    assert classify("Give me a plan for the next month.").wants_plan
    assert not classify(
        "I get 30 minutes with the director next month. What do I bring?"
    ).wants_plan


def test_terse_openers_and_follow_ups_are_read(make_coach) -> None:
    """ "staff 2 yrs. want principal." had no level held, and "k. next step?" got only "What
    is one step you could take in the next two weeks, and by what date?", nothing cited."""
    from coach.coaching.profile import Profile, learn
    from coach.coaching.signals import classify

    held = learn(Profile(), "staff 2 yrs. want principal. stuck. kind of demoralised tbh")
    assert (held.current_level, held.target_level) == ("staff engineer", "principal engineer")
    assert classify("k. next step?").terse and classify("ok, what's next?").terse
    answers = ask_all(
        make_coach(),
        [
            "staff 2 yrs. want principal. stuck. kind of demoralised tbh",
            "director says I need 'org-level impact'. vague.",
            "k. next step?",
        ],
    )
    assert "[" in answers[2], answers[2]
