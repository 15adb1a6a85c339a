"""Who is speaking, what they asked to be told word for word, and questions about timing
and moving between tracks: faults two blind readers listed at ed9ddd8, each checked here
in the readers' words and in other phrasings."""

from __future__ import annotations

from coach.coaching.signals import classify
from coach.coaching.texts import TEXT
from coach.llm.offline import verdict_for
from tests.conftest import ask_all


def test_a_lead_over_several_points_is_not_singular() -> None:
    """Before, "One thing worth weighing:" stood over three bullets."""
    for lang in ("en", "ru"):
        for key, text in TEXT[lang].items():
            if key.startswith("lead_") and key != "lead_options_one":
                assert not text.startswith(("One thing", "Something that")), (key, text)


def test_a_senior_manager_asking_about_someone_in_their_org_is_not_the_candidate(
    make_coach,
) -> None:
    """Before: "It sounds like you're an engineering manager, you'd like to become a staff
    engineer and you're dealing with being passed over for promotion"."""
    said = (
        "I'm a senior engineering manager at a fintech, about 35 people under me through "
        "three EMs. One of the senior engineers in my org, Priya, has been put up for staff "
        "twice and didn't get it either time."
    )
    assert classify(said).about_a_report
    answer = ask_all(make_coach(), [said])[0]
    assert "you'd like to become" not in answer, answer
    assert "pass on to" in answer, answer


def test_burnt_out_on_management_and_weighing_a_move_is_heard_not_sent_to_a_crisis_line(
    make_coach,
) -> None:
    said = (
        "I've been an engineering manager for four years. I'm burnt out on people management "
        "and I'm thinking about going back to IC, ideally as staff."
    )
    assert classify(said).intent == "coaching"
    first, second = ask_all(make_coach(), [said, "Will people see it as a demotion? Be honest."])
    assert "crisis line" not in first and "Burning out on the work itself" in first, first
    assert second.startswith("No."), second
    # Burnout with no move in view, or with words of crisis, is still met with support.
    assert classify("I'm burnt out on on-call and can't sleep anymore.").intent == "distress"
    assert classify("I'm burning out on on-call work that doesn't even count.").intent == (
        "distress"
    )


def test_going_back_after_trying_management_is_answered_in_both_languages(make_coach) -> None:
    first = "Мне предлагают стать руководителем группы из 5 человек. Это повышение?"
    again = "А если через год пойму, что это не моё, можно вернуться обратно без потерь?"
    assert verdict_for(again, earlier=frozenset({"management-switch"})) == "can_go_back"
    assert verdict_for(again) is None  # nothing before it about the tracks
    answer = ask_all(make_coach(), [first, again])[1]
    assert answer.startswith("Да, и многие так делают."), answer
    assert (
        verdict_for(
            "Would going back to coding later look like a failure?",
            earlier=frozenset({"back-to-ic"}),
        )
        == "back_not_a_demotion"
    )


def test_words_for_another_company_are_not_the_words_for_your_own_manager(make_coach) -> None:
    """Before, a principal asking what to ask a startup's hiring manager was given "My goal is
    the next level. Which gaps do you see…?" and "With your manager: make your goal
    explicit…"."""
    answer = ask_all(
        make_coach(),
        [
            "I'm a Principal SDE at Amazon. A Series C startup has offered me a 'Principal "
            "Engineer' title. Is that a step up, sideways, or down?",
            "What exactly should I ask their hiring manager to figure out whether the scope "
            "is real?",
        ],
    )[1]
    assert "own in their first year" in answer, answer
    assert "With your manager" not in answer and "My goal is the next level" not in answer


def test_a_manager_tempted_to_promise_is_told_no_and_given_words_instead(make_coach) -> None:
    first, _, third = ask_all(
        make_coach(),
        [
            "I'm a director, about 70 engineers. One of my staff engineers, Marcus, asked me "
            "for principal. I'm tempted to tell him: deliver the multi-region project by end of "
            "Q3 and you'll get principal in the October cycle.",
            "Why not? I run the calibration for my org.",
            "So what exactly do I say to him instead? He'll hear anything less as a no.",
        ],
    )
    assert first.startswith("No."), first
    assert "don't promise someone the promotion itself" in first, first
    assert "I can't promise you the promotion" in third, third
    promise = "Her EM wants to tell her she'll definitely get staff next cycle."
    assert classify(promise).asks_guarantee


def test_asking_for_the_sentences_themselves_asks_for_words() -> None:
    for said in (
        "Give me the actual two or three sentences I'd say to her on Monday.",
        "What do I say back to that, word for word?",
        "Что конкретно мне спросить у своего руководителя на встрече в среду?",
        "Что мне ему конкретно сказать на ближайшей встрече один на один?",
    ):
        assert classify(said).asks_for_words, said
    assert not classify("I gave a talk with two sentences of intro.").asks_for_words


def test_is_this_cycle_in_reach_is_answered_first(make_coach) -> None:
    answers = ask_all(
        make_coach(),
        [
            "I'm a senior engineer aiming for staff. Packets are due February 14.",
            "Is it realistic to go for this February cycle or should I aim for the one after?",
        ],
    )
    assert answers[1].startswith("Only if you are already doing the next level's work"), answers
    ru = ask_all(make_coach(), ["Я мидл, хочу стать сеньором.", "Ревью в марте. Успею?"])[1]
    assert ru.startswith("Только если вы уже делаете работу следующего уровня"), ru
    assert verdict_for("Is it realistic to build this in Go?") is None


def test_a_first_step_asked_without_a_question_mark_still_gets_one(make_coach) -> None:
    """Before: "fine. whats the first step, smallest possible" got only "What is one step you
    could take in the next two weeks, and by what date?", with no source."""
    answer = ask_all(
        make_coach(),
        [
            "all we do is firefight. like 15 pages a week. how am i supposed to get promoted",
            "im a junior tho. fixing the pager situation isnt my job",
            "fine. whats the first step, smallest possible",
        ],
    )[2]
    assert "[" in answer, answer


def test_disagreement_is_owned_as_theirs_not_as_too_generic(make_coach) -> None:
    answer = ask_all(
        make_coach(),
        [
            "all we do is firefight. like 15 pages a week. how am i supposed to get promoted",
            "disagree. my manager literally told me to just close tickets fast and not overthink",
        ],
    )[1]
    assert answer.startswith("Fair enough: you know your team"), answer
    assert classify("Не согласен. За багфиксы у нас никого не повышали.").pushback


def test_words_for_vague_feedback_use_the_feedback_they_quoted(make_coach) -> None:
    """Before, the words were the ones for after a decision ("What specifically would have
    changed the decision this cycle?") and named 'more impact' whatever was said."""
    answer = ask_all(
        make_coach(),
        [
            "I'm a staff engineer going for senior staff. I have a skip-level with my director "
            "this Thursday.",
            "My manager said the same thing last cycle: 'we need to see more org-level "
            "influence.' That's vague. What do I say back to that, word for word?",
        ],
    )[1]
    assert "'we need to see more org-level influence'" in answer, answer
    assert "changed the decision" not in answer
    # The meeting's day was given two turns before: "when?" is not asked again.
    assert "When will you have that conversation?" not in answer


def test_a_cycle_ahead_is_not_a_missed_one() -> None:
    from coach.coaching.signals import situations_in

    assert "missed-cycle" not in situations_in("Packets for the next cycle are due February 14.")
    assert "missed-cycle" in situations_in("My manager said maybe next cycle.")
    assert "vague-feedback" in situations_in("He said 'more org-level influence'. That's vague.")


def test_an_anxious_entry_level_engineer_gets_the_entry_ladder_not_promotion_mechanics(
    make_coach,
) -> None:
    """Before: "am I behind??" from a bootcamp grad got "worth naming whether that, rather
    than the title, is what you are after"; "my PRs are too big" got whether the manager
    sees them as ready; "should I ask less?" got the parts of a promotion process."""
    from coach.coaching.profile import Profile
    from coach.coaching.turn import advance

    said = [
        "hi!! im a bootcamp grad, 8 months in at a 50 person saas company. everyone seems so "
        "much smarter than me. am i behind??",
        "my lead said my PRs are too big. is that gonna hurt me for promotion",
        "i asked a question in slack yesterday and felt so dumb. should i ask less and figure "
        "stuff out myself",
    ]
    assert advance(Profile(), said[0], 1)[0].current_level == "entry engineer"
    first, second, third = ask_all(make_coach(), said)
    assert "entry-level" in first.lower() or "entry level" in first.lower(), first
    assert "small pull requests" in second, second
    assert "Most promotion processes share the same parts" not in third, third
    assert "learning" in third, third


def test_without_a_manager_the_coach_names_who_decides_and_no_one_on_ones(make_coach) -> None:
    """Before, a new grad at an agency ("it's just the founder and us", "we don't really
    have 1:1s") was told to partner with their manager and to ask "Can we spend part of
    this one-on-one on my growth…"."""
    answers = ask_all(
        make_coach(),
        [
            "I graduated last June and I've been at a 15-person web agency for 7 months. "
            "There's no career ladder at all, it's just the founder and us. How do I even "
            "know what level I am?",
            "most of my work is WordPress tweaks and fixing client bugs. is any of that "
            "promotable or do I need to switch jobs?",
            "what do I actually ask the founder? he's nice but super busy and we don't really "
            "have 1:1s",
            "ok I'll try. what's one thing I can do this week?",
        ],
    )
    text = "\n".join(answers)
    assert "your manager" not in text.lower(), text
    assert "one-on-one" not in text, text
    assert "the founder" in text
    assert "committed to try" not in answers[3], answers[3]
    # Said once, a point is not given again in its fitted words either.
    assert text.count("Partner closely with the founder") <= 1, text
    ru = ask_all(make_coach(), ["Я мидл в стартапе, руководителя нет, всё решает основатель."])[0]
    assert "с основателем" in ru and "руководител" not in ru, ru


def test_a_manager_named_as_absent_is_not_read_where_there_is_one() -> None:
    from coach.coaching.policy import workplace

    assert workplace(["it's just the founder and us"], "en") == ("the founder", False)
    assert workplace(["My manager and the founder disagree."], "en") == (None, False)
    assert workplace(["We don't have 1:1s."], "en") == (None, True)


def test_short_level_names_are_levels_and_one_sentence_gets_one_point(make_coach) -> None:
    """Before, "staff eng, payments co, 9 yrs" held no level, so a staff engineer was later
    given mid-level on-call tips; "one sentence. not a lecture" got two bullets."""
    from coach.coaching.profile import Profile
    from coach.coaching.turn import advance

    for said, level in (
        ("staff eng, payments co, 9 yrs", "staff engineer"),
        ("im a sr engineer at a bank", "senior engineer"),
        ("principal dev at a fintech", "principal engineer"),
    ):
        assert advance(Profile(), said, 1)[0].current_level == level, said
    answers = ask_all(
        make_coach(),
        [
            "staff eng, payments co, 9 yrs. dont know which archetype i am",
            "ok so what do i write as the summary line of my promo packet",
            "one sentence. not a lecture",
        ],
    )
    assert answers[2].count("[") == 1 and "\n- " not in answers[2], answers[2]
    assert classify("Коротко, одним предложением, пожалуйста.").wants_brief


def test_a_level_placed_and_a_cycle_asked_about_get_both_answers(make_coach) -> None:
    """Before: "im L3 at google… want L4 next cycle. possible?" got the crosswalk and then a
    ladder's alias line quoted as advice ("On numbered ladders this is usually L3 or IC1")."""
    answer = ask_all(
        make_coach(), ["im L3 at google, joined 8 months ago. want L4 next cycle. possible?"]
    )[0]
    assert "Google L3" in answer and "Only if you are already doing" in answer, answer
    assert "On numbered ladders" not in answer and "Also called" not in answer, answer


def test_an_offer_deadline_and_questions_for_the_other_company_are_about_offers(
    make_coach,
) -> None:
    from coach.coaching.signals import situations_in

    for said in (
        "i have to answer amazon by thursday. what should i ask the startup before then",
        "What questions should I ask the recruiter?",
    ):
        assert "comparing-offers" in situations_in(said), said
    answers = ask_all(
        make_coach(),
        [
            "got two offers. amazon sde1 and a startup that calls it 'software engineer II'. "
            "is the startup one the higher level?",
            "the startup pays more too so seems like a no brainer",
            "i have to answer amazon by thursday. what should i ask the startup before then",
        ],
    )
    assert "archetype" not in answers[1], answers[1]  # staff-plus shapes are not for them
    assert "own in their first year" in answers[2], answers[2]
    assert "Partner closely with your manager" not in answers[2], answers[2]
    assert "different-work" in situations_in("my manager said 'keep doing what you're doing'")


def test_a_management_offer_is_answered_as_a_change_of_job_all_the_way(make_coach) -> None:
    """Before: "Dana, our CTO, asked if I want to be EM… Is that a promotion?" got "If you
    have decided that the higher title has tangible benefits for you… commit to it"; "Would
    I still code?" got the slow feedback loops; "what do I do this week, before I give Dana
    an answer?" got the promotion calendar."""
    answers = ask_all(
        make_coach(),
        [
            "Startup, ~40 people. I'm one of three senior engineers. Dana, our CTO, asked if I "
            "want to be EM of the new platform team starting Q3. Is that a promotion?",
            "I like coding. Like, a lot. Would I still code?",
            "ok. What do I do this week, before I give Dana an answer on Friday?",
        ],
    )
    assert answers[0].startswith("No. Moving into management is a change of job"), answers[0]
    assert "higher title" not in answers[0], answers[0]
    assert answers[1].startswith("Less than now"), answers[1]
    assert "promotion calendar" not in answers[2], answers[2]
    from coach.coaching.signals import situations_in

    assert "management-switch" in situations_in(
        "principal engineer, 12 years in. cto offered me director of platform (~40 people)."
    )


def test_a_manager_about_a_junior_in_russian_is_heard_as_a_manager(make_coach) -> None:
    """Before: «Я руководитель группы… У меня джун, Аня… просит повышение» was answered to
    the candidate («Считает ли руководитель, что вы готовы…»)."""
    said = (
        "Я руководитель группы из 5 человек. У меня джун, Аня, 8 месяцев в команде, очень "
        "старается и уже просит повышение до мидла. Я не уверен, что она готова. Как это понять?"
    )
    assert classify(said).about_a_report
    answer = ask_all(make_coach(), [said])[0]
    assert "Считает ли руководитель, что вы готовы" not in answer, answer


def test_a_log_they_had_is_not_prescribed_and_asking_what_changed_it_is_a_yes(
    make_coach,
) -> None:
    answers = ask_all(
        make_coach(),
        [
            "Got denied for L6 again. Calibration came back with 'scope not clearly staff'.",
            "And please don't tell me to 'keep a log'. I had a log. What actually changes the "
            "outcome?",
            "Yes or no: should I ask to see what calibration actually wrote about me?",
        ],
    )
    assert "Keep a running log" not in answers[1], answers[1]
    assert answers[2].startswith("Yes. After a cycle"), answers[2]
    assert verdict_for("Should I ask for a raise?") is None


def test_meta_levels_are_levels_and_the_delta_asked_again_is_the_step(make_coach) -> None:
    """Before, "E6 at Meta… trying to get to E7" held no level, and "I'm pushing back:
    what's the concrete delta?" got the staff archetypes ("check which archetypes your
    company has openings for")."""
    from coach.coaching.profile import Profile, card_level, level_step
    from coach.coaching.turn import advance

    profile = advance(Profile(), "E6 at Meta, 3 years at level. Trying to get to E7.", 1)[0]
    assert (card_level(profile.current_level), card_level(profile.target_level)) == (
        "staff",
        "principal",
    )
    assert level_step("I'm pushing back: what's the concrete delta?", profile) == (
        "staff",
        "principal",
    )
    second = ask_all(
        make_coach(),
        [
            "E6 at Meta, 3 years at level. I'm effectively the architect for ads ranking infra "
            "across 6 teams. Trying to get to E7. What's actually different?",
            "That sounds like what I already do. I'm pushing back: what's the concrete delta?",
        ],
    )[1]
    assert "archetype" not in second, second
    assert "principal" in second, second


def test_a_reports_burnout_is_not_the_managers_crisis_and_sleepless_is_strain() -> None:
    """Before: «что мне ему сказать, чтобы он не выгорел и не ушёл?» from a manager got the
    crisis script aimed at the manager; "I haven't slept properly in months" from a tired
    on-call engineer got the emergency pointer."""
    from coach.llm.offline import strain_only

    manager = "Что мне ему сейчас сказать, чтобы он не выгорел и не ушёл?"
    assert classify(manager).intent == "coaching"
    assert classify("She is burning out, how do I help her?").intent == "coaching"
    # Words of crisis are met with support whoever they are about.
    assert classify("My report said he wants to kill himself.").intent == "distress"
    tired = "I'm on call every third week and I haven't slept properly in months."
    assert classify(tired).intent == "distress" and strain_only(tired)
    assert not strain_only("I haven't slept in weeks and I feel like a total failure.")


def test_a_step_stated_as_a_plan_is_acknowledged_not_buried_in_advice(make_coach) -> None:
    """A step said as "my next step is to…" is no question asking for a step: it is heard
    first, not after three points (this stop's first-step fix must leave it alone)."""
    answer = ask_all(
        make_coach(),
        [
            "I'm a senior engineer, aiming for staff engineer.",
            "My next step is to write a one-page proposal for a cross-team migration by end "
            "of month.",
        ],
    )[1]
    assert answer.startswith("You've committed to"), answer


def test_review_findings_own_distress_stays_distress_and_readings_stay_narrow() -> None:
    """From a review of this stop's change: the speaker's own distress beside someone
    else's words, or beside burnout and a move, is still distress; and the new readings do
    not fire on ordinary messages."""
    from coach.coaching.policy import workplace

    for own in (
        "They're piling work on me and I'm burnt out and having panic attacks",
        "He is my manager and I'm so burnt out I can't cope anymore",
        "Они завалили меня задачами и я выгорел",
        "Burnt out on this job, thinking about quitting. Honestly I can't cope anymore.",
    ):
        assert classify(own).intent == "distress", own
    for ordinary in (
        "I got the Stripe offer today and haven't slept on it yet. Should I accept?",
        "She hurt herself skiing and is out for a month; can I still put her up for promotion?",
    ):
        assert classify(ordinary).intent == "coaching", ordinary
    assert not classify(
        "I disagree with my manager about my readiness. How do I handle it?"
    ).pushback
    assert not classify("My design docs are too long, how do I make them shorter?").wants_brief
    assert workplace(["My manager nominates me, but the CTO decides promotions."], "en")[0] is None
    assert workplace(["the product owner decides what we build"], "en")[0] is None
    assert verdict_for("Should I ask about the calibration timeline?") is None
    assert verdict_for("Is it possible to switch teams?", earlier=frozenset({"readiness"})) is None
    assert (
        verdict_for("Can I go back to my old team?", earlier=frozenset({"management-switch"}))
        is None
    )


def test_someone_exhausted_by_on_call_is_not_pointed_at_the_pages(make_coach) -> None:
    """Before: "should I just quit and go somewhere with fewer pages?" after "I haven't slept
    properly in months" got "Not necessarily… work nobody has picked up is often the
    opportunity" and three points on fixing the pages."""
    answers = ask_all(
        make_coach(),
        [
            "Senior engineer, our team gets paged 30+ times a week. I haven't slept properly in "
            "months. I can barely keep up as it is.",
            "You're basically telling me to work more. That's the opposite of what I need.",
            "Honestly should I just quit and go somewhere with fewer pages?",
            "OK, say I stay and we actually cut the pages. How long before that shows up in a "
            "promo case?",
        ],
    )
    assert "It can be the right call, and your rest comes first" in answers[2], answers[2]
    assert "opportunity" not in answers[2] and "[" not in answers[2], answers[2]
    assert "There is no fixed clock" in answers[3], answers[3]
