"""Drafts asked for, direct questions answered first, and answers that read like a coach's:
faults two blind readers listed at a08c5d0, each checked here in the readers' words and in
other phrasings."""

from __future__ import annotations

import re

from coach.coaching.signals import classify
from coach.llm.offline import verdict_for
from tests.conftest import ask_all

MID_LEVEL = (
    "I'm a mid-level backend engineer and I want to be considered for senior in the next "
    "cycle. My manager, Dana, is supportive."
)


def test_a_draft_asked_for_is_written_addressed_and_explained(make_coach) -> None:
    """Before: "Can you draft a short email to my manager…?" got the vague-feedback card."""
    first, draft = ask_all(
        make_coach(), [MID_LEVEL, "Can you draft a short email to my manager about it?"]
    )
    assert "> Hi Dana," in draft, draft  # named in turn 1, used in the greeting
    assert "> Thanks," in draft and "[your name]" in draft, draft
    assert "Why it is put this way:" in draft and "[1]" in draft, draft
    assert draft.rstrip().endswith("When will you send it?"), draft
    # A supportive manager is not told "if you and your manager completely disagree…".
    assert "completely disagree" not in first, first


def test_a_draft_asking_for_time_is_a_short_invitation_with_words_for_the_talk(
    make_coach,
) -> None:
    said = (
        "I'm the EM of a platform team. One of my engineers, Priya, was passed over for "
        "senior and she's upset."
    )
    draft = ask_all(
        make_coach(), [said, "Can you write me a short slack message to her to set up a 1:1?"]
    )[1]
    assert "> Hi Priya," in draft, draft
    assert "your growth" in draft, draft  # the manager's invitation, not "my growth"
    assert "In the conversation itself" in draft, draft


def test_a_case_entry_is_drafted_with_the_persons_own_result_and_nothing_invented(
    make_coach,
) -> None:
    answer = ask_all(
        make_coach(),
        [
            MID_LEVEL,
            "Can you draft my promo summary line? Last quarter I cut our deploy time from 40 "
            "minutes to 6.",
        ],
    )[1]
    assert "Result: last quarter I cut our deploy time from 40 minutes to 6." in answer, answer
    assert "[Project]" in answer  # what they did not say stays a bracket to fill in
    assert re.search(r"written case.*\[1\]", answer), answer


def test_a_draft_in_russian(make_coach) -> None:
    said = "Я мидл, хочу на сеньора в следующем цикле. Руководитель меня поддерживает."
    answer = ask_all(
        make_coach(), [said, "Напиши, пожалуйста, короткое письмо руководителю об этом."]
    )[1]
    assert answer.startswith("Вот черновик"), answer
    assert "> Добрый день, [имя]!" in answer, answer
    assert "Когда отправите?" in answer, answer


def test_what_reads_as_asking_for_a_draft() -> None:
    for said in (
        "Can you draft a short email to my manager asking for a meeting about it?",
        "write me a slack message for it",
        "Could you write it for me?",
        "What should the email say?",
        "help me word a message to my skip-level",
        "Помоги составить сообщение основателю",
    ):
        assert classify(said).asks_for_draft, said
        assert classify(said).asks_for_words, said
    for said in (
        "I write the summary of incidents every week",
        "I wrote a design doc last month.",
        "I'll talk to her, and write a message to the team by Friday.",
        "Я написал письмо руководителю, он не ответил.",
    ):
        assert not classify(said).asks_for_draft, said


def test_the_addressee_and_the_result_come_from_what_was_said() -> None:
    from coach.coaching.drafts import addressee, result_said

    assert addressee("Draft an email to my manager", ("My manager, Dana, is great.",), False) == (
        "manager",
        "Dana",
    )
    assert addressee("Draft it for me", ("I told my boss Monday about it.",), False) == (
        "manager",
        None,  # a weekday is no name
    )
    assert addressee("Write her a note", ("One of my engineers, Priya, asked…",), True) == (
        "report",
        "Priya",
    )
    assert result_said(("We cut pages from 30 a week to 4.",)) == "we cut pages from 30 a week to 4"
    assert result_said(("I fixed a lot of things.",)) is None  # no numbers, no result to quote


def test_citations_read_from_one_in_the_order_they_appear(make_coach) -> None:
    from coach.coaching.citations import in_citation_order

    passages = ["p1", "p2", "p3", "p4", "p5", "p6", "p7"]
    text, order = in_citation_order("A [7]. B [2][7]. C [3, 7]. D [9].", passages)  # type: ignore[arg-type]
    assert text == "A [1]. B [2][1]. C [3, 1]. D [9]."  # an unknown number is left to drop
    assert order[:3] == ["p7", "p2", "p3"] and sorted(order) == passages
    for answer in ask_all(
        make_coach(),
        [
            "I'm a mid-level engineer on a team that keeps a legacy billing system alive.",
            "What does a senior do differently on a team like mine?",
        ],
    ):
        cited = [int(n) for n in re.findall(r"\[(\d+)\]", answer)]
        if cited:
            assert cited[0] == 1 and max(cited) == len(set(cited)), answer


def test_one_point_is_said_without_a_form_label(make_coach) -> None:
    """Before: "Something to keep in mind: After a cycle, ask for feedback…"."""
    answer = ask_all(
        make_coach(), ["Two cycles in a row I didn't make it. Thinking I should just stop trying."]
    )[0]
    assert answer.startswith("After a cycle, ask for feedback"), answer
    for label in ("Something to keep in mind:", "Worth weighing:", "One option:"):
        assert label not in answer, answer


def test_direct_questions_from_the_readers_are_answered_first(make_coach) -> None:
    """Each was answered with cards beside the point at a08c5d0."""
    offer = (
        "My director offered me the engineering manager role for my own team, starting July "
        "1. I've been a senior engineer here for three years."
    )
    pay = ask_all(make_coach(), [offer, "Would it at least pay more? We just had a kid."])[1]
    assert pay.startswith("Not by design"), pay
    assert "legitimate reason to go for the next level" not in pay, pay  # the opposite

    leaving = (
        "My manager is leaving at the end of this month. She'd been planning to put me up "
        "for staff in the spring cycle."
    )
    write = ask_all(
        make_coach(),
        [leaving, "Should I ask my current manager to write something down before she goes?"],
    )[1]
    assert write.startswith("Yes"), write

    em = (
        "I manage a team of six. One of my senior engineers asked me point blank: if she "
        "finishes the search migration, will she make staff in the June calibration?"
    )
    likely = ask_all(make_coach(), [em, "Can I at least tell her it's likely?"])[1]
    assert likely.startswith("No."), likely
    assert "Amazon" not in likely, likely  # not the level crosswalk


def test_can_i_make_this_cycle_in_its_many_phrasings() -> None:
    for message in (
        "Realistically, with the deadline I mentioned, is it even worth trying for this cycle "
        "or should I just aim for the fall one?",
        "If I start on this now, could I realistically be up for senior in the October cycle?",
        "Следующее ревью в октябре. Успею показать что-то к этому времени?",
    ):
        assert verdict_for(message) == "cycle_in_reach", message
    assert verdict_for("Can I make the coffee run before standup?") is None


def test_a_manager_passes_on_no_advice_that_points_back_at_the_manager(make_coach) -> None:
    """Before: "What you could pass on to him: If your manager does not bring up your career
    growth, bring it up yourself…", said to the manager who is asking."""
    said = (
        "I manage six engineers. My report Daniel, a strong mid-level engineer, was turned "
        "down in calibration twice with only 'needs more impact' as feedback."
    )
    answer = ask_all(
        make_coach(), [said, "And what do I tell Daniel in our 1:1 tomorrow? He's demoralized."]
    )[1]
    passed_on = answer.split("For your part")[0]
    assert "If your manager" not in passed_on and "you and your manager" not in passed_on, answer


def test_proactivity_feedback_gets_what_proactive_means_at_senior(make_coach) -> None:
    said = (
        "Привет. Я мидл бэкендер в продуктовой компании. На ревью мне сказали, что до сеньора "
        "«не хватает проактивности». Что это вообще значит?"
    )
    answer = ask_all(make_coach(), [said])[0]
    assert "сам находит и выбирает работу" in answer, answer


def test_a_russian_team_lead_asking_about_one_of_their_people(make_coach) -> None:
    said = (
        "Я тимлид в банке, руковожу пятью разработчиками. Одна из них, Маша, хочет стать "
        "сеньором, но пока не тянет."
    )
    signals = classify(said)
    assert signals.about_a_report and signals.feeling is None  # «не тянет» is hers, not mine
    answer = ask_all(make_coach(), [said])[0]
    assert "передать" in answer, answer


def test_a_draft_called_too_long_comes_back_in_one_line(make_coach) -> None:
    """Before: "That's a bit long. Can you cut it to like 3 sentences?" got "That is a result
    with numbers on it…" and a card about bringing up growth."""
    answers = ask_all(
        make_coach(),
        [
            MID_LEVEL,
            "Could you draft a short Slack message I can send her before our 1:1 on Tuesday?",
            "That's a bit long. Can you cut it to like 3 sentences?",
        ],
    )
    short = answers[2]
    assert short.startswith("Shorter:") and "result with numbers" not in short, short
    assert len(short.split("\n> ")[1].split("\n")[0]) < 140, short
    assert not classify("That's a bit long. Can you cut it to 3 sentences?").names_a_fix
    assert classify("We cut pages from 30 a week to 4.").names_a_fix


def test_a_staff_engineer_aiming_at_principal_hears_about_principal(make_coach) -> None:
    """Before: "Typical staff work: write a platform strategy…" and "'Principal' means very
    different things: at Amazon…" to a staff engineer whose own ladder goes to principal."""
    first, second = ask_all(
        make_coach(),
        [
            "I'm a staff engineer at a product company of about 800 people, two years at staff. "
            "Our ladder goes up to principal. What does it actually take to get there?",
            "Most of what I do is get thrown at fires: the failing database migration last year, "
            "the payments outages this year. Once things are stable I move on.",
        ],
    )
    for answer in (first, second):
        assert "Typical staff work" not in answer and "Amazon" not in answer, answer
    assert "principal" in first.lower(), first


def test_more_direct_questions_answered_outright(make_coach) -> None:
    """Each got cards beside the point at a08c5d0 (a crisis-line script, for the first)."""
    em = (
        "I'm a senior engineering manager, two managers report to me, ~18 people total. I've "
        "been managing for 7 years and I'm burned out. Thinking about going back to IC. Would "
        "that be a step down?"
    )
    assert classify(em).intent == "coaching" and classify(em).feeling == "burnt-out"
    first, level = ask_all(
        make_coach(), [em, "What level would I land at? I was a senior engineer before."]
    )
    assert "crisis" not in first and "\n\nNo." in first, first
    assert level.startswith("My sources give no fixed rule"), level
    # Burnout with no move in view, or with words of crisis, is still met with support.
    assert classify("I'm burned out and I can't sleep.").intent == "distress"

    passed = (
        "Passed over for senior again, second cycle in a row. A guy who joined after me got it."
    )
    hr = ask_all(make_coach(), [passed, "Should I just go to HR?"])[1]
    assert hr.startswith("You can: HR exists for exactly this"), hr
    assert "voice more weight" not in hr, hr

    assert verdict_for("Checkout takes 6 seconds and nobody owns it. Is that it?") == (
        "counts_opportunity"
    )
    assert verdict_for(
        "Мобильный чекаут грузится 6 секунд, этим никто не занимается. Это оно?"
    ) == ("counts_opportunity")


def test_a_case_line_carries_what_they_did_and_comes_back_shorter(make_coach) -> None:
    first, short = ask_all(
        make_coach(),
        [
            "Can you write me a one-line summary for my promo doc? I'm a senior going for staff. "
            "I led the migration of our payments platform off the legacy message queue: 14 "
            "services owned by 4 teams, p99 latency went from 800ms to 120ms.",
            "Too generic. Make it shorter.",
        ],
    )
    assert "I led the migration of our payments platform off the legacy message queue. " in first
    assert "Result: p99 latency went from 800ms to 120ms." in first, first
    assert short.startswith("In one line:"), short
    assert "> I led the migration" in short and "120ms." in short, short


def test_a_manager_who_speaks_of_my_engineers_is_a_manager(make_coach) -> None:
    """Before: "One of my engineers, Priya, didn't get promoted… What exactly do I say to
    her?" got words for Priya to say ("What should I improve before the next cycle…")."""
    said = (
        "One of my engineers, Priya, didn't get promoted to senior in calibration last week. "
        "We have our 1:1 tomorrow and she's going to ask why. What exactly do I say to her?"
    )
    answer = ask_all(make_coach(), [said])[0]
    assert "For your part" in answer and "What should I improve" not in answer, answer


def test_yes_or_no_that_the_sources_do_settle(make_coach) -> None:
    """Both got "My sources don't give a flat yes or no on this" at a08c5d0."""
    mgmt = ask_all(
        make_coach(),
        [
            "Senior backend engineer, 4 years at senior. I'm thinking of moving to management.",
            "Will switching to EM at least get me a level bump? Yes or no.",
        ],
    )[1]
    assert mgmt.startswith("No. Moving into management is a change of job"), mgmt
    amazon = ask_all(
        make_coach(),
        [
            "I'm a staff engineer at a mid-size SaaS company, been staff for about two years.",
            "A recruiter from Amazon is pitching me a 'Principal SDE' role. Straight question: "
            "is that a promotion from where I am? Yes or no.",
        ],
    )[1]
    assert amazon.startswith("Not by level:") and "the same as yours" in amazon, amazon
    assert "flat yes or no" not in amazon + mgmt


def test_effort_is_not_a_measured_result() -> None:
    """ "I fixed like 30 incidents last quarter" was met with "That is a result with numbers
    on it"; a result has a before and an after."""
    from coach.coaching.drafts import measured as _numbers_after_the_fix

    assert not _numbers_after_the_fix("I fixed like 30 incidents last quarter.")
    for said in (
        "cut p99 from 800 ms to 200 ms",
        "reduced build time by 40%",
        "снизил число алертов с 40 до 5",
    ):
        assert _numbers_after_the_fix(said), said


def test_two_points_that_open_alike_are_not_both_given() -> None:
    from coach.llm.offline import _similar

    assert _similar(
        "After a cycle, ask for feedback on what to improve for the next one, then judge for "
        "yourself whether you are making progress or getting stalled.",
        "After a cycle, ask what specifically would have changed the decision; good, actionable "
        "feedback names a behaviour, an example and what the next level looks like.",
    )


def test_not_going_for_it_this_cycle_gets_words_for_that(make_coach) -> None:
    """Before: "What should I improve before the next cycle…?", the opposite of the ask."""
    answer = ask_all(
        make_coach(),
        [
            "I'm an SDE II, about 3 years in. My manager keeps hinting I should go for senior. "
            "I have a 6 month old at home and I'm not sure I even want it.",
            "Say I tell my manager on Thursday that I'm not going for it this cycle. How do I "
            "say that without it sounding like I've checked out?",
        ],
    )[1]
    assert "I'm not aiming for senior this cycle" in answer, answer
    assert "What should I improve before the next cycle" not in answer, answer


def test_a_director_asking_what_senior_em_requires_gets_the_senior_em_section(make_coach) -> None:
    said = (
        "I run an org of about 40 people through four EMs. One of them, Priya, wants to be "
        "promoted to senior engineering manager. What does senior EM actually require that "
        "she isn't doing yet?"
    )
    answer = ask_all(make_coach(), [said])[0]
    assert "coaching first-line managers" in answer, answer


def test_readers_third_round_questions(make_coach) -> None:
    """Each was dodged or misread at a08c5d0."""
    assert verdict_for(
        "Straight answer: is 30 to 4 pages a week enough for staff on its own? Yes or no."
    ) == ("enough_alone")
    win = (
        "Last year we were getting crushed, around 30 pages a week. I fixed the top causes and "
        "we're now at about 4 a week."
    )
    assert classify(win).feeling is None  # load, not hurt ("That sounds disappointing")
    skip = ask_all(
        make_coach(),
        [
            "I've been passed over for senior twice now. Both times the feedback was just "
            "'needs more impact'. I'm thinking of messaging my skip-level directly. Bad idea?"
        ],
    )[0]
    assert skip.startswith("Not a bad idea"), skip
    email = ask_all(
        make_coach(),
        [
            "Passed over for senior again. Feedback both times: 'needs more impact.'",
            "What exactly do I write in the email to my manager? I want it in writing this time.",
        ],
    )[1]
    assert "> The feedback I keep getting is 'needs more impact'." in email, email
    same_money = ask_all(
        make_coach(),
        [
            "I'm an SDE II at Amazon. Got an offer for 'Senior Software Engineer' at a 300 person "
            "SaaS company. Is that a real level-up?",
            "Money is roughly the same. If I stay I'm maybe one cycle away. Stay or go?",
        ],
    )[1]
    assert "More money is a tangible" not in same_money, same_money
    assert "'Principal' means" not in same_money, same_money


def test_a_decline_is_drafted_as_a_decline_and_more_questions_answered(make_coach) -> None:
    """Before: a message declining the EM role was drafted as 'could I try part of the job'."""
    no = ask_all(
        make_coach(),
        [
            "My director offered me the EM role for my team. I've decided I don't want it.",
            "Can you draft a short message to him saying no?",
        ],
    )[1]
    assert "keep growing on the engineering track" in no and "try part of the job" not in no
    assert verdict_for("does my manager decide my promotion?") == "manager_not_alone"
    assert verdict_for("I plan to build a latency dashboard by March 1. Does that count?") == (
        "counts_metrics"
    )


def test_going_back_to_ic_and_a_sick_parent(make_coach) -> None:
    """Before: 'senior or lower?' got 'Yes, and many people do'; the words for the boss who
    backed the move into management were 'Can we spend part of this one-on-one on my growth';
    a father's chemo went unheard and got staff delivery duties."""
    em = "I've been an engineering manager for three years. I miss building things."
    level, words = ask_all(
        make_coach(),
        [
            em + " Is going back to IC career suicide?",
            "Would I go back in as senior or lower?",
            "She pushed for me to become a manager. What exactly do I say to her?",
        ],
    )[1:]
    assert level.startswith("My sources give no fixed rule"), level
    assert "I want to go back to building" in words and "on my growth" not in words, words
    chemo = ask_all(
        make_coach(),
        [
            "Senior engineer. My dad started chemo last month and I'm flying to see him every "
            "other weekend. I'd been working toward staff. Is it ok to just stop trying for a "
            "while?"
        ],
    )[0]
    assert chemo.startswith("That's a lot to carry"), chemo
    assert "Staff delivery means" not in chemo, chemo
    bank = (
        "Я тимлид в банке, у меня команда из 6 разработчиков. Мне предложили стать начальником "
        "отдела — это 4 команды, человек 35. Соглашаться?"
    )
    assert "Не обещайте" not in ask_all(make_coach(), [bank])[0]


def test_a_reported_win_is_written_up_and_counted(make_coach) -> None:
    """Before: 'Was this not promotion-worthy?' got cards, 'How should I write this up?' got
    'Make a Pareto chart…' (done already), and 'basically a lock. Can I count on that?' got
    archetypes."""
    win = (
        "Quick update: I built a breakdown of the pages by cause, fixed the top three, and "
        "pages went from about 20 a week to 4."
    )
    worthy, write_up = ask_all(
        make_coach(),
        [
            win,
            "My manager said 'great, now back to roadmap work'. Was this not promotion-worthy?",
            "How should I write this up so it actually counts at review time?",
        ],
    )[1:]
    assert "Yes. Taking a recurring load down" in worthy, worthy
    assert (
        "I built a breakdown of the pages by cause and fixed the top three. Result: pages went "
        "from about 20 a week to 4." in write_up
    ), write_up
    lock = ask_all(
        make_coach(),
        [
            "Senior engineer, I want staff; packets are due March 15.",
            "My manager says if the migration lands I'm 'basically a lock'. Can I count on that?",
        ],
    )[1]
    # The manager's word is weighed, not waved away: others decide in calibration.
    assert lock.startswith("Not as a promise, and your manager can't make it one"), lock
    assert "calibration" in lock and "archetype" not in lock, lock


def test_yes_or_no_said_after_the_question_and_a_return_from_burnout_leave() -> None:
    """Met with "My sources don't give a flat yes or no" and a crisis-line script."""
    assert verdict_for("do bug fixes get you promoted. yes or no") == "existing_work_counts"
    assert verdict_for("Honest answer: does this alone get me to SDE-3? yes or no.") == (
        "enough_alone"
    )
    back = classify(
        "I've just come back from three months of medical leave for burnout. Everyone around "
        "me seems to be going for staff."
    )
    assert back.intent == "coaching" and back.feeling == "returning"
    assert classify("I'm burned out and I can't sleep.").intent == "distress"


def test_a_level_or_a_cycle_date_given_once_is_not_asked_for(make_coach) -> None:
    """A grader saw "What's your current level?" after "Amazon SDE II, 3 yrs" (at 2553dba, a
    regression of this stop), and "When is your next review cycle?" after "Next cycle starts
    in April"."""
    for answer in ask_all(
        make_coach(),
        [
            "Amazon SDE II, 3 yrs. Got a Google offer at L4. Is that a downlevel?",
            "Recruiter says L4 at Google is 'Software Engineer III'. That sounds higher than "
            "SDE II. Which is it?",
            "Should I push for L5?",
        ],
    ):
        assert "current level" not in answer, answer
    from coach.llm.offline import CYCLE_DATED

    assert CYCLE_DATED.search("Next cycle starts in April. I'd like senior then.")
    assert CYCLE_DATED.search("Следующее ревью в октябре.")
    assert not CYCLE_DATED.search("I fixed it in March.")
