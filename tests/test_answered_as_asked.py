"""Questions answered as asked: faults blind readers and independent cases found at
2ae6ff8. "That's not my job" gets the sources' answer (finding the unassigned problem is the
next level's work) instead of three generic points; a question naming staff archetypes gets
those archetypes; a manager asked for a promise gets what a manager can promise; a yes/no
question behind "be honest:" or about asking questions is answered; a workplace with no
calibration is not told about calibration."""

from __future__ import annotations

import re

from coach.coaching.signals import classify, situations_in
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
    assert verdict_for(
        "I cut our pages from 18 a week to 3. Nobody asked me to, I just got sick of it. "
        "How do I use this for promo?"
    ) not in ("not_my_job", "not_my_job_count")


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


def test_a_manager_asked_for_a_promise_gets_what_a_manager_can_promise(make_coach) -> None:
    """Before: "I lead a team of 8. One senior really wants staff…" was not read as being
    about a report, so "He asked me: 'Will you promote me this year?' What do I tell him?"
    got "No one can promise a promotion… the conversation with your manager" and an
    engineer's words ("Can we spend part of this one-on-one on my growth…"). In Russian the
    report's question went unheard and the manager was given the report's words."""
    _, answer = ask_all(
        make_coach(),
        [
            "I lead a team of 8. One senior really wants staff, but we're ~150 engineers with "
            "exactly two staff. How do I even talk to him about it?",
            "He asked me point blank in our last 1:1: 'Will you promote me this year?' What do "
            "I tell him?",
        ],
    )
    # Asked what to say, not whether: no bare "No." to the report's question.
    assert not answer.startswith("No"), answer
    assert "Promise what you control" in answer, answer
    assert "You could say: “I can't promise you the promotion" in answer, answer
    assert "your manager" not in answer.split("You could say")[0], answer
    _, russian = ask_all(
        make_coach(),
        [
            "Я руководитель команды из 8 человек. Один сеньор очень хочет в стаффы, но у нас в "
            "компании всего около 150 инженеров и стаффов ровно двое. Как мне с ним вообще "
            "разговаривать?",
            "Он на последнем один-на-один прямо спросил: «Ты меня продвинешь в этом году?» Что "
            "ему ответить?",
        ],
    )
    assert "Обещайте то, что зависит от вас" in russian, russian
    assert "Можно сказать так: «Пообещать само повышение я не могу" in russian, russian
    assert not russian.startswith("Нет"), russian
    # The promise only in the report's quoted words, nothing asked: no "No." to anything.
    froze = ask_all(
        make_coach(),
        [
            "I'm an engineering manager. One of my engineers asked me in our 1:1 today: 'If I "
            "finish the search rewrite by June, can you promise I'll get senior next cycle?' I "
            "kind of froze."
        ],
    )[0]
    assert not froze.startswith("No"), froze
    assert "Promise what you control" in froze, froze
    # A yes/no question from the manager still gets its "No." first.
    asked = ask_all(
        make_coach(),
        [
            "I manage a team of six. One of my engineers wants senior next cycle.",
            "Can I just tell her she'll get it next cycle?",
        ],
    )[1]
    assert asked.startswith("No"), asked


def test_how_to_try_management_first_is_answered_in_both_languages(make_coach) -> None:
    """Before: "I was offered the team lead role. Not sure I want to manage people." was not
    read as a management offer, and "How could I try it out before I say yes?" got a card on
    learning; in Russian the same question, after the card on trying the job had been given,
    got only "What draws you to a promotion right now…?" with no source."""
    _, english = ask_all(
        make_coach(),
        [
            "I was offered the team lead role. Not sure I want to manage people.",
            "How could I try it out before I say yes?",
        ],
    )
    assert english.startswith("Before switching to management, try parts of the job"), english
    _, russian = ask_all(
        make_coach(),
        [
            "Мне предложили стать тимлидом. Не уверен, хочу ли я управлять людьми.",
            "Как можно попробовать, прежде чем соглашаться?",
        ],
    )
    assert "попробуйте части этой работы" in russian, russian
    assert re.search(r"\[\d\]", russian), russian


def test_straight_questions_get_straight_answers(make_coach) -> None:
    """Before: "Be honest: should I just leave?" got the architect archetype; "is it bad that
    i still ask a lot of questions…?" and "am i behind??" got no answer, and "yes or no: do i
    need to work across teams" (about staff) "My sources don't give a flat yes or no"; "what
    do i literally say?" got a card and "Where does most of your time go today…?"."""
    assert verdict_for("Be honest: should I just leave?") == "not_necessarily_leave"
    assert verdict_for("also is it bad that i still ask a lot of questions in the channel?") == (
        "asking_ok"
    )
    assert verdict_for("Am I asking too many questions?") == "asking_ok"
    assert verdict_for("Плохо ли, что я задаю много вопросов в чате команды?") == "asking_ok"
    assert verdict_for("am i behind??") == "not_failing"
    assert verdict_for("yes or no: do i need to work across teams") == "cross_team_yes"
    assert verdict_for("Нужно ли мне работать с другими командами, чтобы стать стаффом?") == (
        "cross_team_yes"
    )
    assert classify("ok my 1:1 is thursday. what do i literally say?").asks_for_words
    new_grad = ask_all(
        make_coach(),
        [
            "i started as a new grad at a big tech company 8 months ago (L3). two people from "
            "my cohort already got promoted and i didn't. am i behind??",
            "also is it bad that i still ask a lot of questions in the team channel? i feel like "
            "that's why i'm not seen as ready",
        ],
    )
    assert new_grad[0].startswith("No. Not being promoted"), new_grad[0]
    assert new_grad[1].startswith("No. Asking is expected"), new_grad[1]
    assert "I tried X, I expected Y, I saw Z" in new_grad[1], new_grad[1]


def test_a_startup_without_calibration_is_not_told_about_calibration(make_coach) -> None:
    """Before: "There's no calibration, no review cycle" got the calibration card, and the
    CTO who decides everything was "your manager"."""
    said = "Our CTO is the only one who decides anything. There's no calibration, no review cycle."
    assert "visibility" not in situations_in(said)
    assert "visibility" in situations_in("Calibration is next month and nobody knows me.")
    answers = ask_all(
        make_coach(),
        [
            "I'm at a 12-person startup. No levels, no titles, everyone is just 'engineer'. I want "
            "a senior title and a raise. How do I even argue for that when there's no ladder?",
            said,
            "Can I just show him your senior engineer page and say 'this is me'?",
        ],
    )
    assert "In calibration" not in answers[1], answers[1]
    assert "your manager" not in answers[2] and "the CTO" in answers[2], answers[2]


def test_an_archetype_asked_about_again_is_said_again_not_swapped(make_coach) -> None:
    """Before: "What exactly does a right hand do day to day?", right after the right-hand
    card was given, got the architect's card and generic staff work."""
    _, again = ask_all(
        make_coach(),
        [
            "I'm a senior engineer at a 40-person startup. I've been reading about staff-plus "
            "archetypes. The 'right hand' one sounds exactly like me.",
            "What exactly does a right hand do day to day? Like concretely.",
        ],
    )
    assert again.startswith("As I said, the right hand"), again
    assert "architect" not in again, again


def test_the_solver_card_names_being_pulled_into_emergencies() -> None:
    """The staff-archetypes page says a solver is "comfortable being the person pulled into
    emergencies"; no card said it. This checks the corpus: a card now says it (and the
    anchor it cites is validated when the card file loads)."""
    from coach.corpus.cards import load_cards
    from tests.conftest import CORPUS

    document = CORPUS / "ladders" / "staff-archetypes.md"
    cards = load_cards(document, document.read_text(), doc_id="ladders/staff-archetypes").cards
    solver = [c for c in cards if "solver works next" in c.point.en]
    assert solver and "pulled into emergencies" in solver[0].point.en


def test_a_level_code_said_later_is_read_as_the_company_named_before(make_coach) -> None:
    """Before: "What even is L6 elsewhere?" after "I'm an L5 at Google" was not placed in the
    crosswalk: the company had to be named in the same message."""
    from coach.coaching.crosswalk import with_company

    google = ["I'm an L5 at Google, been here three years."]
    assert with_company("What even is L6 elsewhere?", google) == "What even is Google L6 elsewhere?"
    # A code they named before was placed then; one company and no comparison asks nothing.
    assert with_company("So accept E4 or push back?", ["Meta is leveling me E4."]) == (
        "So accept E4 or push back?"
    )
    assert with_company("Does this get me to SDE-3?", ["I'm an SDE-2 at Amazon."]) == (
        "Does this get me to SDE-3?"
    )
    two = ["Amazon SDE II, 3 yrs. Got a Google offer at L4."]
    assert with_company("Should I push for L5?", two) == "Should I push for Google L5?"
    _, answer = ask_all(
        make_coach(),
        [*google, "Is it realistic to push for L6 this cycle? What even is L6 elsewhere?"],
    )
    assert answer.startswith("In the level crosswalk, Google L6 sits at the generic staff"), answer


def test_a_plan_is_made_only_of_advice_on_its_topic(make_coach) -> None:
    """Before: "I'm a manager and I want to go back to IC. Give me a plan for the next 30
    days." got four weeks of advice on other topics (asking your manager about gaps twice,
    and "As a manager, step in…" for week 4)."""
    back = ask_all(
        make_coach(),
        ["I'm a manager and I want to go back to IC. Give me a plan for the next 30 days."],
    )[0]
    assert back.startswith("My sources don't lay out a step-by-step plan for this."), back
    assert "Week 1" not in back and "back to IC is a respected move" in back, back
    senior = ask_all(
        make_coach(), ["I'm mid-level and I want senior. Give me a plan for the next 30 days."]
    )[0]
    assert "Week 1:" in senior and "step-by-step" not in senior, senior


def test_asked_about_a_level_is_not_holding_it(make_coach) -> None:
    """Before: "how do I tell whether I'm already working at mid level?" («как понять, что я
    уже работаю на уровне мидла») made a junior mid-level, and the answer gave the signals of
    working at senior."""
    from coach.coaching.profile import classify_levels

    assert classify_levels(
        "how do I tell whether I'm already working at mid level or just kidding myself"
    ) == (None, "engineer")
    assert classify_levels("а как понять, что я уже работаю на уровне мидла") == (None, "engineer")
    assert classify_levels("I'm a staff engineer. Am I on track for principal engineer?") == (
        "staff engineer",
        "principal engineer",
    )
    assert classify_levels("If I'm a senior engineer, what's next?")[0] == "senior engineer"
    for said in (
        [
            "Hi. I'm a junior, six months at a product company. I want to grow to mid-level.",
            "how do I tell whether I'm already working at mid level or just kidding myself",
        ],
        [
            "Привет. Я джун, работаю полгода в продуктовой компании. Хочу понять, что нужно, "
            "чтобы вырасти до мидла",
            "а как понять, что я уже работаю на уровне мидла, а не просто себя накручиваю",
        ],
    ):
        answer = ask_all(make_coach(), said)[1]
        assert "senior" not in answer.split("\n\n")[0], answer
        assert "engineer level" in answer or "уровне инженера" in answer, answer


def test_a_question_about_principal_is_not_answered_with_staff_archetypes(make_coach) -> None:
    """Named archetypes are shapes of staff: "Which kind of staff engineer gets to principal
    fastest — tech lead, architect, whatever?" is about the step to principal (a blind
    reader preferred the version before archetypes asked by name were answered)."""
    answer = ask_all(
        make_coach(),
        [
            "Staff engineer, 12 years in.",
            "Which kind of staff engineer gets to principal fastest — tech lead, architect, "
            "whatever?",
        ],
    )[1]
    assert not answer.startswith("The tech lead"), answer
    assert "a principal decides which of those problems" in answer, answer


def test_a_reported_remark_about_asking_too_much_is_answered(make_coach) -> None:
    assert verdict_for("My lead said I ask too many questions. Is that bad?") == "asking_ok"
    assert verdict_for("Тимлид как-то сказал, что я слишком много спрашиваю. Это плохо?") == (
        "asking_ok"
    )
    assert verdict_for("I shipped the migration. Is that bad?") is None


def test_my_manager_here_is_not_the_person_managing(make_coach) -> None:
    """Before: "My manager here keeps saying I'm 'a cycle or two away' from L6" read "manager
    here" as "I'm a manager here", so an L5 weighing a startup's staff offer was told "It
    sounds like you're considering a move into management" and given the cards on trying
    management."""
    from coach.coaching.profile import MANAGER_SELF

    assert not MANAGER_SELF.search("My manager here keeps saying I'm close.")
    assert MANAGER_SELF.search("Engineering manager here. One of my reports wants senior.")
    answers = ask_all(
        make_coach(),
        [
            "I'm an L5 at Google. A 60-person startup offered me 'Staff Engineer' with a 20% "
            "raise. Is that a real staff role or just a title?",
            "My manager here keeps saying I'm 'a cycle or two away' from L6. I've heard that "
            "for 18 months.",
            "I have to give the startup an answer by Friday. What should I ask them?",
        ],
    )
    for answer in answers[1:]:
        assert "management" not in answer.lower(), answer


def test_a_startup_with_no_process_and_a_dated_ask(make_coach) -> None:
    """Before (a blind reader's scenario): "there's no calibration, no promo packet… it's
    literally me and the CTO in a room" got the calibration card and the promotion-document
    card; "I have a 1:1 with him on the 14th and I'm going to ask for a senior title and a
    raise" was not heard as a dated step; "the CTO just decides raises" did not set who
    decides."""
    import datetime as dt

    from coach.coaching.profile import commitments_in

    (step,) = commitments_in(
        "ok. I have a 1:1 with him on the 14th and I'm going to ask for a senior title and a raise",
        dt.date(2026, 12, 1),
    )
    assert (step.action, step.due) == ("ask for a senior title and a raise", "2026-12-14")
    # After "and", only a step: "…and I will keep doing that" is none.
    assert commitments_in("I talked to her and I will keep doing that", dt.date(2026, 12, 1)) == []
    answers = ask_all(
        make_coach(),
        [
            "I'm at a 20 person startup, no levels, no titles, the CTO just decides raises when "
            "he feels like it. How do you even get promoted somewhere with no ladder?",
            "to be clear there's no calibration, no promo packet, none of that. it's literally "
            "me and the CTO in a room",
            "ok. I have a 1:1 with him on the 14th and I'm going to ask for a senior title and "
            "a raise",
        ],
    )
    assert "your manager" not in " ".join(answers), answers
    assert "calibration" not in answers[1].lower(), answers[1]
    assert "promotion document" not in answers[1].lower(), answers[1]
    assert answers[2].startswith("You've committed to ask for a senior title and a raise"), answers[
        2
    ]
    assert "mention it to" not in answers[2], answers[2]
    # A manager named in another sentence is not in the step: telling them still helps.
    own = ask_all(
        make_coach(),
        [
            "My manager hasn't said anything about promotion. I'll make a list of our top "
            "pages by Friday."
        ],
    )[0]
    assert "mention it to your manager at your next one-on-one" in own, own


def test_blind_readers_second_round_faults(make_coach) -> None:
    """At ce10a04, in both versions: "honest question, yes or no: will i get fired if i keep
    asking my team so many questions?" got "My sources don't give a flat yes or no"; "can I
    go back to IC without it looking like a demotion?" got "No."; a team lead's «Можно я ему
    просто скажу, что к лету точно будет?» was not heard as a promise. (A new grad's "so i
    stop feeling useless" still gets the support script: telling it from "I feel so useless
    at work" by meaning lost the latter, and missing distress costs more.)"""
    assert (
        verdict_for(
            "honest question, yes or no: will i get fired if i keep asking my team so many "
            "questions?"
        )
        == "asking_ok"
    )
    _, back = ask_all(
        make_coach(),
        [
            "I'm a senior engineer on a team of 7. My director offered me the engineering "
            "manager role for my team. I'm not sure I'd like it.",
            "If I take it and hate it, can I go back to IC without it looking like a demotion?",
        ],
    )
    assert back.startswith("Yes. The ladders treat it as a move between two tracks"), back
    assert classify("Можно я ему просто скажу, что к лету точно будет?").asks_guarantee
    # Distress is still heard by meaning.
    worthless = ask_all(make_coach(), ["I feel worthless, passed over a third time."])[0]
    assert "crisis line" in worthless, worthless


def test_no_executive_to_ask_about_at_a_small_startup(make_coach) -> None:
    """Before: at a 40-person startup, the right-hand card closed with "Which executive's
    priorities do you understand well enough to represent faithfully?" (a blind reader
    preferred the version that asked which staff-plus roles exist there)."""
    answer = ask_all(
        make_coach(),
        [
            "I'm a senior engineer at a 40-person startup, about 15 engineers. I've been reading "
            "about staff-plus archetypes. The 'right hand' one sounds exactly like me."
        ],
    )[0]
    assert "executive's priorities" not in answer, answer
    assert "at a small company the right hand rarely exists" in answer, answer


def test_a_lead_asking_what_to_bring_the_decider_gets_the_case(make_coach) -> None:
    """Before (a blind reader's loss at ce10a04): "What exactly should I bring to the CTO so
    he agrees?" from a team lead got "With your manager: make your goal explicit…", advice
    for the engineer; "I'm a team lead… one of my mid-levels" was not read as managing."""
    from coach.coaching.profile import MANAGER_SELF

    assert MANAGER_SELF.search("I'm a team lead at a product company, about 150 engineers.")
    assert (
        "evidence"
        in classify("OK. What exactly should I bring to the CTO so he agrees?").situations
    )
    assert "evidence" in classify("Что мне конкретно принести тому, кто решает?").situations
    answer = ask_all(
        make_coach(),
        [
            "I'm a team lead at a product company, about 150 engineers. No formal levels; the "
            "CTO approves promotions personally, I only come with a proposal. One of my "
            "mid-levels, Dima, told me last week: senior by summer or he leaves.",
            "OK. What exactly should I bring to the CTO so he agrees?",
        ],
    )[1]
    assert "With your manager: make your goal explicit" not in answer, answer
    assert "running log" in answer or "written case" in answer, answer


def test_readings_added_in_this_round_do_not_over_match() -> None:
    """A review of this round's change found these read wrongly at 9024951; each is an
    ordinary message that must keep its old reading."""
    from coach.coaching.crosswalk import with_company
    from coach.coaching.policy import NO_PROCESS
    from coach.coaching.profile import classify_levels

    # An engineer without a promo doc yet still works where promotions have a process.
    assert not NO_PROCESS.search("I don't have a promo doc yet. What should go in it?")
    assert not NO_PROCESS.search("У нас нет ревью кода от старших")
    assert NO_PROCESS.search("there's no calibration, no promo packet, none of that")
    # A question elsewhere in the message does not make a stated level a goal.
    assert classify_levels(
        "How do I tell my manager I want staff? I'm a senior engineer at a 200-person company."
    ) == ("senior engineer", "staff engineer")
    assert classify_levels("Am I wrong here? I'm a senior engineer")[0] == "senior engineer"
    assert classify_levels("Как понять, что я выгорел? Я сеньор.")[0] == "senior engineer"
    # A promotion received, or a goal said firmly, is no promise asked for.
    assert not classify(
        "Я получил повышение до сеньора в прошлом месяце. Что дальше?"
    ).asks_guarantee
    assert not classify("Как сказать руководителю, что я точно хочу стать сеньором?").asks_guarantee
    # "Not my job" said of what no longer is, or of work done anyway, is no refusal; one
    # said after someone else's request still is.
    assert (
        verdict_for("As a manager, it's not my job to write code anymore. Go back to IC?") is None
    )
    assert verdict_for("It's not my job to fix it, but I did anyway. How do I get credit?") is None
    assert verdict_for("My manager told me to fix the dashboards, but that's not my job.") == (
        "not_my_job"
    )
    assert verdict_for("They assigned me on-call and honestly that's not my job.") == "not_my_job"
    assert verdict_for("Разве это не моя задача?") is None
    # Asking one's team lead is not being offered the team lead role.
    assert (
        "management-switch"
        not in classify(
            "I'm a senior engineer. I asked my team lead about staff and he said next year."
        ).situations
    )
    # Asking a lot of people, or being asked questions, is not asking too many questions;
    # "not now" keeps its own answer.
    assert verdict_for("I ask a lot of my team. Is that bad?") is None
    assert verdict_for("I got too many questions in the interview. Is that bad?") is None
    assert (
        verdict_for(
            "My manager said they'll ask a lot of me at staff. Is it bad if I say no for now?"
        )
        == "not_now_ok"
    )
    # The company whose codes match, not the one named last.
    assert (
        with_company(
            "Should I push for L5?", ["Got a Google offer at L4. I'm at Amazon now as SDE II."]
        )
        == "Should I push for Google L5?"
    )


def test_what_if_i_promise_still_hears_no(make_coach) -> None:
    """ "What if I just tell her she'll get it next cycle?" proposes the promise: the "No."
    stays (a review found it dropped at 9024951, as for "What do I tell her?")."""
    answer = ask_all(
        make_coach(),
        [
            "I manage a team of six. One of my engineers wants senior next cycle.",
            "What if I just tell her she'll get it next cycle?",
        ],
    )[1]
    assert answer.startswith("No"), answer
    quoted = ask_all(
        make_coach(),
        [
            "I manage a team of six. One of my engineers wants senior next cycle.",
            'He asked me "Will you promote me this year?" What do I tell him?',
        ],
    )[1]
    assert not quoted.startswith("No"), quoted
