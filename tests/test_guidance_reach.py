"""The advice for what a person says reaches the answer: situations read from their words,
the passage that carries a named situation's card, Russian questions reaching English
passages through the cards' Russian text, and an eval that judges the coach people use."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from coach.coaching.profile import commitments_in
from coach.coaching.signals import situations_in
from coach.evals.cases import load_cases
from coach.evals.runner import EvalOptions, run_eval
from coach.llm.offline import verdict_for
from tests.conftest import CORPUS, ask_all

SITUATIONS = Path(__file__).resolve().parents[1] / "evals" / "situations.yaml"


def _halves() -> tuple[list[dict], list[dict]]:
    """(tuning half, held-out half): every second message of each label set is held out."""
    seen: dict[tuple[str, ...], int] = {}
    kept: list[dict] = []
    held: list[dict] = []
    for item in yaml.safe_load(SITUATIONS.read_text(encoding="utf-8")):
        key = tuple(sorted(item["situations"]))
        seen[key] = seen.get(key, 0) + 1
        (held if seen[key] % 2 == 0 else kept).append(item)
    return kept, held


def test_situations_are_read_from_words_the_patterns_were_not_written_from() -> None:
    """On the held-out half of 350 labelled messages (written by a reviewer who never saw
    the patterns), the situation patterns find most labels without flooding the rest. The
    patterns before this set existed scored precision 0.37, recall 0.30 on the same half."""
    _, held = _halves()
    tp = fp = fn = 0
    for item in held:
        got, want = set(situations_in(item["text"])), set(item["situations"])
        tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert len(held) > 150
    assert precision >= 0.45 and recall >= 0.40, (precision, recall)


def test_a_named_situation_brings_the_passage_that_answers_it(make_coach) -> None:
    """ "Managing" is not in the words of the management-track cards' passages retrieval
    ranks first; the switch situation brings the card that answers it."""
    result = make_coach().ask(
        None, "How could I find out whether I'd actually enjoy managing before I commit to it?"
    )
    assert "try parts of the job" in result.answer
    assert any(s.doc_id == "ladders/management-track" for s in result.sources)


def test_a_russian_question_reaches_the_english_passage_through_its_cards(
    corpus_runtime,
) -> None:
    passages = corpus_runtime.retriever.search(
        "Хочу больше зарабатывать. Стоит ли стремиться к повышению ради денег?", k=5
    )
    cards = {card.id for p in passages for card in p.cards}
    assert "salary-is-a-valid-reason" in cards


def test_a_follow_up_about_what_was_said_is_not_asked(make_coach) -> None:
    for message in (
        "Should I go for promotion? I mostly want the extra money.",
        "Стоит ли мне стремиться к повышению, если я хочу просто больше денег?",
    ):
        answer = make_coach().ask(None, message).answer
        assert "What draws you to the next level" not in answer, answer
        assert "Что больше всего привлекает вас" not in answer, answer


def test_russian_steps_that_start_with_their_date_are_recorded_with_it() -> None:
    today = dt.date(2026, 11, 30)  # a Monday
    (step,) = commitments_in(
        "Договорились: в пятницу попрошу у основателя полчаса и принесу список.", today
    )
    assert step.action.startswith("попрошу у основателя") and step.due == "2026-12-04"
    (step,) = commitments_in("Завтра спрошу руководителя о критериях.", today)
    assert step.due == "2026-12-01"
    (step,) = commitments_in("By Friday, I will send my manager the list.", today)
    assert step.action == "send my manager the list" and step.due == "2026-12-04"


def test_the_eval_judges_the_coach_people_talk_to(tmp_path: Path, corpus_runtime) -> None:
    """A distress message only the meaning detector catches gets the support answer in
    the eval too (the eval once built a coach without it and graded career advice)."""
    case = tmp_path / "c.yaml"
    case.write_text(
        "- id: distress-by-meaning\n"
        "  question: \"I haven't slept properly in weeks. On call every other week, I cried"
        " at my desk today, and I feel like a total failure because I'm still not senior.\"\n"
        "  expect:\n"
        "    covers:\n"
        '      - point: "Points to support"\n'
        '        any: ["someone you trust", "crisis line"]\n',
        encoding="utf-8",
    )
    (result,) = run_eval(corpus_runtime, load_cases([case]), EvalOptions(semantic=False))
    assert result.passed, result.answer


def test_a_manager_asking_about_a_senior_report_gets_the_advice_for_the_report(
    make_coach,
) -> None:
    """The report's switch to management is the subject, whatever the manager's own level,
    and the thread stays about the report; entry-level lines are not for a senior report."""
    coach = make_coach()
    first = coach.ask(
        None,
        "I'm an engineering manager. One of my senior engineers wants to become a manager. "
        "I think he mostly wants the title because staff feels out of reach.",
    )
    assert "the frustration may follow you" in first.answer, first.answer
    later = coach.ask(first.session_id, "How do I tell him this without crushing him?")
    assert not any(s.doc_id == "ladders/ic-1-entry-engineer" for s in later.sources)


def test_someone_who_has_decided_hears_what_to_do_not_whether_to(make_coach) -> None:
    answer = (
        make_coach()
        .ask(None, "OK I've decided, I want senior. What do I literally do first? Like tomorrow.")
        .answer
    )
    assert "honest introspection" not in answer and "imagine yourself" not in answer
    assert "opportunity" in answer, answer


def test_distress_tied_to_a_promotion_hears_that_it_is_not_failing(make_coach) -> None:
    answer = (
        make_coach()
        .ask(
            None,
            "I haven't slept properly in weeks, I cried at my desk today, and I feel like a "
            "total failure because I'm still not senior.",
        )
        .answer
    )
    assert "crisis line" in answer and "is not the same as failing at your job" in answer
    assert answer.index("sorry") < answer.index("failing")


def test_tired_said_in_passing_with_a_bias_disclosure_is_not_a_crisis(make_coach) -> None:
    answer = (
        make_coach()
        .ask(
            None,
            "This is my third cycle being told I need 'more executive presence' and 'more "
            "leadership' to get to senior. I'm one of two women engineers in my org of 40. The "
            "men who got promoted this year had less impact than me on paper. I'm exhausted.",
        )
        .answer
    )
    assert "crisis line" not in answer
    assert "taken seriously" in answer and "bias" in answer
    assert "what draws you is" not in answer  # their feedback, not their motive


def test_yes_no_questions_the_sources_answer_get_the_short_answer_first(make_coach) -> None:
    cases = {
        "Is staff just being a better senior?": "No. The next level is different work",
        "Is moving into management a faster way to earn more?": "No. Moving into management",
        "Is it bad that I don't really want to be promoted? I like my job.": "No, it isn't.",
        "Am I being paranoid or is this bias?": "It is not paranoid to ask.",
        "Стафф — это просто более сильный сеньор?": "Нет. Следующий уровень",
    }
    for question, start in cases.items():
        answer = make_coach().ask(None, question).answer
        assert answer.startswith(start), (question, answer)
    # The opposite phrasing, and questions that only share words with a belief, get no
    # verdict: a wrong "No" is worse than none.
    for question in (
        "Is staff not just a better senior?",
        "Is it normal to miss deadlines every sprint?",
        "Is manager approval required for a promotion?",
        "Would becoming a manager hurt my promotion chances?",
        "Is it wrong that I don't report the harassment?",
        "Do I earn less than my peers?",
        "Am I overthinking this promo doc?",
        "Ненормально, что меня не повысили?",
    ):
        assert verdict_for(question) is None, question


def test_a_start_date_is_not_a_due_date() -> None:
    today = dt.date(2026, 11, 30)
    (step,) = commitments_in("Starting Monday, I'll keep a weekly log.", today)
    assert step.due is None
    (step,) = commitments_in("С понедельника начну вести журнал.", today)
    assert step.due is None


def test_russian_words_that_contain_a_cue_are_not_read_as_it() -> None:
    from coach.coaching.profile import Profile, learn
    from coach.coaching.signals import classify

    assert learn(Profile(), "Когда доходит до ревью, я теряюсь.").motivations == []
    assert "motivation" not in classify("Когда доходит до ревью, я теряюсь.").situations
    assert not classify("Я решил баг вчера.").decided
    assert not classify("Я не уверена, что точно хочу повышения.").decided
    assert classify("Я решил, что хочу стать сеньором.").decided
    assert "learning" not in classify("Нет страсти к менеджменту.").situations


def test_a_relative_due_date_is_said_back_with_the_day_it_was_read_as() -> None:
    """ "By the end of next week" is read as a day, and the person's words stay beside it
    so a misreading is easy to spot; a named day needs no echo (its "on" is kept)."""
    today = dt.date(2026, 11, 30)  # a Monday
    (step,) = commitments_in("I'll pull the page counts by the end of next week.", today)
    assert step.action == "pull the page counts" and step.due == "2026-12-11"
    assert step.said == "by the end of next week"
    (step,) = commitments_in("До конца месяца напишу предложение по пайплайну.", today)
    assert step.due == "2026-11-30" and step.said == "до конца месяца"
    (step,) = commitments_in("I'll talk to my manager by Friday.", today)
    assert step.said is None
    # "On Friday" is kept: the step happens that day, and is said back "on", not "by".
    (step,) = commitments_in("I'll talk to my manager on Friday.", today)
    assert step.said == "on Friday"


def test_the_answer_says_the_persons_date_words_with_the_date(make_coach) -> None:
    answer = make_coach().ask(None, "I'll pull the page counts by the end of next week.").answer
    assert re.search(r"by \w+ \d+ \w+ \(by the end of next week\)", answer), answer
    assert "the end of by" not in answer


def test_a_manager_asking_about_a_report_gets_advice_to_pass_on_not_their_own(
    make_coach,
) -> None:
    """The report's missed promotion is not the manager's; "I'm an engineering manager" is
    where they are, not a move they weigh; the follow-up is about the report."""
    coach = make_coach()
    first = coach.ask(
        None,
        "I'm an engineering manager. One of my mid-level engineers asked why she didn't get "
        "promoted, and honestly my answer was pretty fuzzy.",
    )
    assert "dealing with" not in first.answer and "being passed over" not in first.answer
    assert "An engineering manager's work is hiring" not in first.answer  # a switch card
    assert "pass on to her" in first.answer or "For your part" in first.answer, first.answer
    question = first.answer.split("\n\n")[-1]  # about the report or the team, not "you"
    assert re.search(r"\bher\b|on your team", question), first.answer
    step = coach.ask(
        first.session_id,
        "OK. I'll write up two concrete examples of senior-level work and go through them "
        "with her next Tuesday.",
    )
    assert "mention it to your manager" not in step.answer, step.answer


def test_a_message_that_names_nothing_new_stays_on_the_conversations_topic(
    make_coach,
) -> None:
    """After a bias disclosure, "I'm a senior, I don't want to seem like I'm complaining"
    gets the thread's advice and a word on the worry, not a senior's maintenance card that
    merely shares the word "senior"."""
    coach = make_coach()
    first = coach.ask(
        None,
        "I'm the only woman on the team and two men doing the same work got promoted. "
        "My feedback was vague.",
    )
    worry = coach.ask(
        first.session_id, "I'm a senior engineer. I don't want to seem like I'm complaining."
    )
    assert "not complaining" in worry.answer, worry.answer
    assert "easier to maintain" not in worry.answer, worry.answer


def test_someone_content_at_their_level_is_not_steered_to_the_next_one(make_coach) -> None:
    """ "Zero interest in becoming staff" sets no target, hears that the choice is legitimate
    and gets no gaps-to-the-next-level advice; "Is it OK to just stay senior?" gets a yes."""
    coach = make_coach()
    first = coach.ask(
        None,
        "I'm a senior backend engineer. I love writing code and I have zero interest in "
        "becoming staff. My manager keeps pushing me to think about the next step.",
    )
    assert "legitimate choice" in first.answer, first.answer
    assert "name the gaps" not in first.answer and "entry-level" not in first.answer
    second = coach.ask(first.session_id, "Is it actually OK to just stay senior? Yes or no.")
    assert second.answer.startswith("Yes."), second.answer
    assert coach.sessions.get(first.session_id).profile.target_level is None


def test_yes_or_no_questions_get_their_answer_first() -> None:
    assert (
        verdict_for(
            "Yes or no: can someone realistically get promoted to senior on a team that is "
            "basically in maintenance mode?"
        )
        == "existing_work_counts"
    )
    assert verdict_for("Да или нет: можно ли повысить человека за доработки существующих фич?")
    assert verdict_for("Is it OK to just stay senior?") == "fine_to_stay_yes"
    assert verdict_for("Honestly I'm not sure I even want senior. Should I?") == "your_call"
    assert verdict_for("Should I go for the tech lead role?") is None
    assert verdict_for("Can someone not get promoted on a legacy team?") is None


def test_an_explicit_yes_or_no_the_sources_do_not_give_is_said_so(make_coach) -> None:
    answer = make_coach().ask(None, "Should I take the other offer, yes or no?").answer
    assert answer.startswith("My sources don't give a flat yes or no"), answer


def test_levels_with_a_specialty_and_questions_without_their_mark_are_read() -> None:
    from coach.coaching.profile import classify_levels
    from coach.coaching.signals import classify

    assert classify_levels("I'm a senior backend engineer at a bank")[0] == "senior engineer"
    assert classify_levels("I am a staff machine learning engineer")[0] == "staff engineer"
    assert classify("rent went up. whats the fastest way to get promoted").direct_question
    assert not classify("What is important to me is the work itself").direct_question


def test_a_russian_team_lead_asking_about_a_report_is_answered_as_their_manager(
    make_coach,
) -> None:
    answer = (
        make_coach()
        .ask(
            None,
            "Я тимлид, у меня в команде пять человек. Один из ребят, Артём, хочет повышение "
            "до сеньора. Мне кажется, ему просто не на чем показать уровень.",
        )
        .answer
    )
    assert "Что можно передать" in answer or "С вашей стороны" in answer, answer
    assert "вы хотите стать" not in answer


def test_the_motive_named_brings_the_card_about_that_motive(make_coach) -> None:
    answer = (
        make_coach()
        .ask(None, "tbh it's about the money. rent went up again. whats the fastest way up")
        .answer
    )
    assert "More money is a tangible and legitimate reason" in answer, answer


def test_a_follow_up_never_asks_for_what_was_just_told(make_coach) -> None:
    """A figure already given ("about 25 pages a week") and a step just committed to are
    not asked for again; "this is generic" is acknowledged without promising specifics."""
    coach = make_coach()
    first = coach.ask(None, "I'm an SDE-2 and my team gets about 25 pages a week.")
    later = coach.ask(first.session_id, "This is generic. My manager only cares about tickets.")
    step = coach.ask(first.session_id, "I'll pull the page breakdown by Friday.")
    for answer in (first.answer, later.answer, step.answer):
        assert not re.search(r"how many pages|page (or ticket )?count", answer, re.I), answer
    assert "Let me work from what you've told me" not in later.answer
    assert not re.search(r"first (actionable )?step|what date", step.answer), step.answer


def test_a_due_date_that_falls_today_is_said_to_be_today(make_coach) -> None:
    coach = make_coach()
    coach.today = lambda: dt.date(2026, 11, 30)  # the last day of the month
    answer = coach.ask(None, "By the end of the month I'll ask my manager what 'close' means.")
    assert "(by the end of the month), which is today" in answer.answer, answer.answer


def test_someone_passed_over_again_gets_a_next_step_not_it_often_takes_a_cycle(
    make_coach,
) -> None:
    """After a second miss, "it may take a cycle or two" minimises it; "and then?" is
    answered with the next step, not a bare question."""
    coach = make_coach()
    first = coach.ask(None, "Passed over again, second cycle in a row. My manager says I'm close.")
    then = coach.ask(first.session_id, "and then?")
    for answer in (first.answer, then.answer):
        assert "cycle or two" not in answer and "first cycle you feel ready" not in answer
    assert re.search(r"\[\d\]", then.answer), then.answer  # a cited point, not only a question


def test_thanks_closes_the_turn_with_the_step_they_chose(make_coach) -> None:
    coach = make_coach()
    first = coach.ask(None, "I'm an SDE-2 with about 25 pages a week.")
    coach.ask(first.session_id, "I'll pull the page breakdown by Friday.")
    thanks = coach.ask(first.session_id, "thx").answer
    assert thanks.startswith("You're welcome.") and "pull the page breakdown" in thanks, thanks
    assert "[1]" not in thanks  # no new advice tacked on


def test_a_correction_of_the_level_held_replaces_the_goal_it_was_taken_for() -> None:
    from coach.coaching.profile import Profile, classify_levels, learn

    profile = learn(Profile(), "I want to get to staff.")
    assert profile.target_level == "staff engineer"
    profile = learn(profile, "No, I'm already staff. I want principal.")
    assert (profile.current_level, profile.target_level) == ("staff engineer", "principal engineer")
    assert classify_levels("I'm a senior in college") == (None, None)
    assert classify_levels("я уже сеньор")[0] == "senior engineer"


def test_the_bias_acknowledgement_is_said_once_a_conversation(make_coach) -> None:
    coach = make_coach()
    first = coach.ask(
        None, "I'm the only woman on the team and two men doing the same work got promoted."
    )
    again = coach.ask(
        first.session_id, "Honestly I think it's bias. The men who got promoted did less."
    )
    assert "taken seriously, not explained away" in first.answer, first.answer
    assert "taken seriously, not explained away" not in again.answer, again.answer
    assert "Write down the specifics" not in again.answer


def test_more_yes_no_beliefs_the_sources_settle_are_answered_first() -> None:
    expected = {
        "Should I tell my manager I want to go for senior?": "tell_your_manager",
        "Should I just switch teams?": "not_necessarily_leave",
        "Should I escalate this to my director, yes or no?": "raise_it",
        "Do I have to become a manager to keep growing?": "no_need_to_manage",
        "Should I keep a brag doc?": "keep_a_log",
        "Is it too early to think about promotion?": "not_too_early",
        "Shouldn't six years of loyalty count for something?": "not_a_reward",
        "Стоит ли сказать руководителю, что я хочу повышения?": "tell_your_manager",
        "Нужно ли мне становиться менеджером?": "no_need_to_manage",
    }
    for question, verdict in expected.items():
        assert verdict_for(question) == verdict, question
    # The opposite or unrelated phrasing gets none.
    assert verdict_for("Should I tell my manager I am not interested in staff?") is None
    assert verdict_for("Isn't that a lot of years?") is None


def test_a_level_named_as_not_held_is_not_taken_for_the_persons() -> None:
    from coach.coaching.profile import classify_levels

    text = "No, I'm not a junior - I'm a senior engineer, L5 at a big tech company."
    assert classify_levels(text)[0] in ("senior engineer", "L5")


def test_russian_card_points_name_levels_in_russian() -> None:
    """A Russian answer reads "на уровне инженера", not the English label mid-sentence."""
    for path in (CORPUS / "ladders").glob("*.cards.yaml"):
        for card in yaml.safe_load(path.read_text(encoding="utf-8"))["cards"]:
            ru = card["point"].get("ru") or ""
            assert not re.search(r"(уровне|Чем|Технически) engineer\b", ru), (card["id"], ru)


def test_thanks_with_a_word_of_praise_still_closes_the_turn(make_coach) -> None:
    coach = make_coach()
    first = coach.ask(None, "I'm an intern and I want a return offer.")
    assert coach.ask(first.session_id, "thanks, this helped").answer.startswith("You're welcome")


def test_asked_what_to_say_the_answer_gives_words_to_use(make_coach) -> None:
    """ "What do I say to my manager?" gets a sentence to say, from a card that carries one;
    a manager asking what to tell a report gets the manager's words, not the engineer's."""
    answer = (
        make_coach()
        .ask(None, "I want to go for senior. What do I say to my manager at our next 1:1?")
        .answer
    )
    assert "You could say: “" in answer, answer
    coach = make_coach()
    first = coach.ask(
        None,
        "I'm an engineering manager. One of my engineers was not promoted and my feedback "
        "to her was pretty fuzzy.",
    )
    words = coach.ask(first.session_id, "What do I tell her in our 1:1 tomorrow?").answer
    assert "You could say: “I want to help you get there" in words, words


def test_words_to_say_survive_the_prompt_round_trip() -> None:
    from coach.coaching.prompt import CARD_RE, _card, render_card
    from coach.corpus.cards import Card, LocalText

    card = Card(
        id="c",
        point=LocalText(en="Ask for an example of someone who shows it.", ru="Попросите пример."),
        situations=["vague-feedback"],
        say=LocalText(en="Could you point me to someone who shows it?", ru="Кто это показывает?"),
        anchor="ask for an example of someone who shows it",
    )
    rendered = render_card(card) + "\n"
    assert _card(next(CARD_RE.finditer("\n" + rendered))) == card


def test_am_i_paranoid_after_a_bias_disclosure_is_answered(make_coach) -> None:
    message = (
        "I'm a woman and the only one on the team, and I can't help wondering if that plays "
        "into it. Am I being paranoid?"
    )
    assert verdict_for(message) == "not_paranoid"
    assert verdict_for("Am I being paranoid?") is None  # no bias named: no verdict
    assert verdict_for("Am I being paranoid?", bias_known=True) == "not_paranoid"


def test_entry_level_habits_are_not_offered_to_someone_who_never_said_they_are_new(
    make_coach,
) -> None:
    answer = make_coach().ask(
        None,
        "I'm at a 25-person startup with no levels at all. I've been here 3 years and I "
        "basically own the backend. How do I even talk about growth here?",
    )
    assert not any(s.doc_id == "ladders/ic-1-entry-engineer" for s in answer.sources)
    assert "What's your current level" not in answer.answer


def test_the_reviewed_patterns_stay_narrow() -> None:
    """What a diff review found matching far more than its comment said."""
    from coach.coaching.signals import ABOUT_A_REPORT, CONTENT_TO_STAY, classify
    from coach.llm.offline import _says_new

    for question in (
        "Do I need to tell my manager about this?",
        "Should I leave the flaky test as it is?",
        "Should I start a list of open questions for the design review?",
        "Do I need to become a manager of managers to grow?",
    ):
        assert verdict_for(question) is None, question
    for said in (
        "I have no interest in management, I want to reach staff.",
        "I'm not happy where I am",
        "I want to stay IC",
    ):
        assert not CONTENT_TO_STAY.search(said), said
    assert not ABOUT_A_REPORT.search("My director said he wants a plan")
    assert not ABOUT_A_REPORT.search("one of my goals is staff")
    assert not _says_new("I'm not a junior") and not _says_new("I mentor the junior engineers")
    assert not classify("How do I tell if I'm ready for staff?").asks_for_words


def test_a_step_due_today_is_not_said_back_twice(make_coach) -> None:
    coach = make_coach()
    coach.today = lambda: dt.date(2026, 11, 25)
    answer = coach.ask(None, "I'll email my manager today.").answer
    assert "today (Wednesday 25 November)" in answer and "which is today" not in answer, answer


def test_two_levels_compared_are_read_as_a_step() -> None:
    """ "Mid-level and senior", "мидл от сеньора", "the next level" from someone at entry
    level: the two levels a question is about, lower first; a level named in passing is none."""
    from coach.coaching.profile import Profile, learn, level_step

    def step(message: str) -> tuple[str, str] | None:
        return level_step(message, learn(Profile(), message))

    assert step("What's actually different between mid-level and senior?") == ("engineer", "senior")
    assert step("SDE2 vs SDE3 - what changes?") == ("engineer", "senior")
    assert step("Чем отличается мидл от сеньора?") == ("engineer", "senior")
    assert step("I'm a senior engineer. What is actually different about staff?") == (
        "senior",
        "staff",
    )
    assert step("New grad, 8 months in. What should I do to get to the next level?") == (
        "entry",
        "engineer",
    )
    assert step("I am a senior, my situation is different.") is None
    assert step("My manager is a senior manager and our staff meeting is different.") is None


def test_a_question_comparing_two_levels_gets_the_ladders_account_of_that_step(
    make_coach,
) -> None:
    """Asked what separates mid-level from senior, the coach answered with senior-to-staff
    cards; asked for the next level by a new grad, with entry against intern. The ladders
    answer the step itself: the higher level's "what distinguishes it" section."""
    coach = make_coach()
    answer = coach.ask(None, "What's actually different between mid-level and senior?").answer
    assert "What distinguishes senior from engineer" in answer
    assert "staff" not in answer.lower()
    answer = coach.ask(
        None,
        "New grad, 8 months in. I close my tickets. What should I do to get to the next level?",
    ).answer
    assert "What separates engineer from entry level" in answer
    assert "intern" not in answer


def test_a_card_written_for_both_named_situations_is_brought_along(make_coach) -> None:
    """ "A dead end … management to keep moving up" names no opportunities and a switch at
    once; the card written for exactly that pair ("if the IC track feels stuck, first talk
    about staff-level work") was not retrieved, and the answer spoke to the switch alone."""
    answer = (
        make_coach()
        .ask(
            None,
            "The IC track here feels like a dead end. "
            "I am thinking of going into management to keep moving up.",
        )
        .answer
    )
    assert "because the IC track feels stuck" in answer


def test_a_manager_who_counts_their_team_in_words_is_heard_as_a_manager(make_coach) -> None:
    """ "I manage six engineers … my report Daniel": the number was written as a word, so
    the coach took the manager for the engineer ("You could say: can we spend part of this
    one-on-one on my growth?")."""
    from coach.coaching.profile import MANAGER_SELF

    for said in ("I manage six engineers", "I have five direct reports", "I'm an EM here"):
        assert MANAGER_SELF.search(said), said
    coach = make_coach()
    first = coach.ask(
        None,
        "I manage six engineers. My report Daniel, a strong mid-level engineer, was turned "
        "down in calibration twice with only 'needs more impact' as feedback.",
    )
    answer = coach.ask(
        first.session_id, "And what do I tell Daniel in our 1:1 tomorrow? He's demoralized."
    ).answer
    assert "on my growth" not in answer
    assert "For your part" in answer  # the manager's own advice
    # Nothing passed on to Daniel that points back at the manager who is asking.
    assert "If your manager" not in answer, answer


def test_a_russian_move_to_management_out_of_feeling_stuck_gets_the_card_for_both() -> None:
    """ "Я застрял, думаю уйти в менеджеры": feeling stuck was not read, and the answer was
    about learning; the card written for a switch made out of feeling stuck answers it."""
    from coach.coaching.signals import situations_in

    found = situations_in("Как разработчик я застрял, думаю уйти в менеджеры, чтобы расти дальше.")
    assert {"no-opportunities", "management-switch"} <= set(found)


def test_declining_a_push_to_promotion_gets_words_for_the_level_they_hold(make_coach) -> None:
    """An SDE-2 whose manager pushes for senior and who doesn't want the extra scope asked
    how to say no: the answer was "bring up your career growth" and words asking for the
    next level. The card for their own level says staying is fine, with words to decline;
    a senior-level card in the passages no longer hides that it was missing."""
    coach = make_coach()
    first = coach.ask(
        None,
        "I'm an SDE II, 2 years in. My manager keeps pushing me to go for senior but I honestly "
        "don't want the extra scope right now. How do I say no to my boss?",
    )
    assert "several years without anything being wrong" in first.answer
    assert "I'm not aiming for senior this cycle" in first.answer
    assert "next-level work" not in first.answer
    second = coach.ask(first.session_id, "Is it bad to stay at SDE II for a few more years?")
    assert second.answer.startswith("No, it isn't.")
    assert "commit to it" not in second.answer


def test_how_after_an_answer_is_about_that_answer(make_coach) -> None:
    """ "how?" right after "most promotion processes share the same parts … which do you
    know least about?" got "the next level is different work": the last answer's passage
    had not come back. Now it does, with the card on the same situation: find out what is
    expected and how it differs from what you do today."""
    coach = make_coach()
    sid = coach.ask(
        None,
        "I'm a new grad, four months into my first job at a 60-person startup. I want to get "
        "to the next level but nobody has told me what that means here. We don't even have a "
        "written ladder.",
    ).session_id
    assert "share the same parts" in coach.ask(sid, "ok").answer
    assert "Find out what is expected" in coach.ask(sid, "how?").answer


def test_a_step_checked_by_its_owner_is_checked_not_replanned(make_coach) -> None:
    """ "I'll ask my manager on Friday for one example. Is that the right ask?" and
    "Решил так: … соберу статистику … Это нормальный план или я что-то упускаю?": the
    Russian one got a four-week plan (the word «план»), the English one no verdict. Both
    now hear that it is a good step, have it said back, and get what makes it count."""
    coach = make_coach()
    answer = coach.ask(
        None,
        "I'll ask my manager this Friday for one concrete example of what 'strategic' "
        "would look like from me. Is that the right ask or too small?",
    ).answer
    assert answer.startswith("It's a good step")
    assert "You've committed to ask your manager" in answer
    answer = coach.ask(
        None,
        "Решил так: до конца месяца соберу статистику по всем ночным вызовам за квартал и "
        "покажу руководителю. Это нормальный план или я что-то упускаю?",
    ).answer
    assert answer.startswith("Хороший шаг")
    assert "Неделя 1" not in answer and "соберу статистику" in answer


def test_an_example_spanning_teams_with_no_owner_is_confirmed_as_staff_work(make_coach) -> None:
    """ "Three teams each run their own flaky pipeline; nobody owns it. Is that the kind of
    thing you mean?" got three operational-load cards and no answer; the ladder describes
    exactly this as staff work, so the answer says so first."""
    coach = make_coach()
    sid = coach.ask(None, "I'm a senior engineer aiming for staff.").session_id
    answer = coach.ask(
        sid,
        "Concretely: three teams each run their own flaky deploy pipeline and nobody owns it. "
        "Is that the kind of thing you mean?",
    ).answer
    assert answer.startswith("Yes: a problem several teams share and no one owns")
    assert "staff" in answer.split("\n\n", 1)[1].lower()


def test_a_goal_in_the_previous_sentence_is_not_the_level_held() -> None:
    """ "I don't want to be promoted. I'm a senior backend engineer": "promoted" in the
    sentence before made "senior" a target, so the coach pushed a content senior on."""
    from coach.coaching.profile import classify_levels

    said = "Honestly I don't want to be promoted. I'm a senior backend engineer, I love coding."
    assert classify_levels(said) == ("senior engineer", None)
    assert classify_levels("I want to get promoted to senior engineer") == (None, "senior engineer")


def test_words_asked_for_later_come_from_the_card_given_for_their_level(make_coach) -> None:
    """A content senior asked "what do I actually say to her?" a turn after hearing that
    senior is a career level: the card for their own level came back with its words."""
    coach = make_coach()
    first = coach.ask(
        None,
        "Honestly I don't want to be promoted. I'm a senior backend engineer, I love writing "
        "code, and my manager keeps nudging me toward staff. Am I hurting my career by saying no?",
    )
    assert "senior is a career level" in first.answer
    second = coach.ask(first.session_id, "ok. what do I actually say to her at our next 1:1?")
    assert "Staff isn't my goal right now" in second.answer


def test_career_suicide_is_an_idiom_and_burnout_is_not_a_crisis(make_coach) -> None:
    """ "Is it OK to stay senior forever? Or is that career suicide?" got the crisis line;
    "I'm burning out on work that doesn't count" got "contact local emergency services".
    The idiom is a career question; exhaustion gets support without the emergency pointer,
    and words of crisis still get it."""
    from coach.coaching.signals import DISTRESS

    assert not DISTRESS.search("Is it OK to stay senior forever? Or is that career suicide?")
    assert DISTRESS.search("I have been thinking about suicide")
    coach = make_coach()
    strained = coach.ask(None, "I'm burning out on on-call work that doesn't even count.").answer
    assert "emergency services" not in strained and "Running on empty" in strained
    crisis = coach.ask(None, "I'm burned out and honestly I feel hopeless.").answer
    assert "emergency services" in crisis


def test_someone_content_at_their_level_gets_staying_words_not_next_level_ones(
    make_coach,
) -> None:
    """A senior who said "I don't think I want staff" was pushed towards cross-team work,
    and asked how to tell the manager, was given "where am I against the next level?"."""
    coach = make_coach()
    first = coach.ask(
        None,
        "My manager keeps pushing me to go for staff. I'm a senior backend engineer and I "
        "genuinely love it. I don't think I want staff.",
    )
    assert first.answer.startswith("Not wanting the next level is a legitimate choice")
    assert "crosses into another team" not in first.answer
    second = coach.ask(
        first.session_id,
        "I'm going to tell her on Monday that I'd rather stay senior. How do I say it so it "
        "doesn't sound like I've stopped caring?",
    )
    assert "against the next level" not in second.answer
    assert "What draws you to the next level" not in second.answer
    words = second.answer.split("You could say:", 1)[1]
    assert "isn't my goal right now" in words or "right now it isn't" in words


def test_company_levels_are_placed_by_the_crosswalk_table(make_coach) -> None:
    """ "Microsoft 62 and an Amazon SDE II offer: the same level?" and "is Google L4 a
    downlevel from Amazon L6?" got "my sources don't give a flat yes or no", though the
    corpus's crosswalk table answers both; the answer is read from the table and cites it."""
    from coach.coaching.crosswalk import parse_table, placed

    table = parse_table((CORPUS / "ladders" / "level-crosswalk.md").read_text(encoding="utf-8"))
    assert table["amazon"]["sde iii"] == "senior" and table["microsoft"]["62"] == "engineer"
    assert [p.generic for p in placed("Meta E5 or Google L6?", table)] == ["senior", "staff"]
    coach = make_coach()
    same = coach.ask(
        None,
        "I'm at Microsoft (level 62) and got an offer from Amazon for SDE II. The recruiter "
        "says it's the same level. Is that right?",
    )
    assert same.answer.startswith("Roughly the same level")
    assert any(s.doc_id == "ladders/level-crosswalk" for s in same.sources)
    lower = coach.ask(None, "Yes or no: is Google L4 a downlevel from my Amazon L6?").answer
    assert "Amazon L6 sits one level above Google L4" in lower


def test_the_next_one_on_one_is_not_asked_for_once_its_day_was_said() -> None:
    """ "When is your next one-on-one?" came right after "our 1:1 is on Tuesday"."""
    from coach.coaching.context import TurnContext
    from coach.llm.offline import _told_already

    question = "When is your next one-on-one, and what one question will you bring to it?"
    told = TurnContext(message="ok", person_said=("Our 1:1 is on Tuesday.", "ok"))
    untold = TurnContext(message="ok", person_said=("I have a 1:1 soon.", "ok"))
    assert _told_already(question, told)
    assert not _told_already(question, untold)


def test_steps_and_their_dates_are_said_back_the_way_they_were_given(make_coach) -> None:
    """ "I'll pull the failures into a spreadsheet by Friday and bring it to my 1:1 on
    Tuesday" was said back as "…your 1:1 on Tuesday by Friday 4 December" with "mention it
    to your manager at your next one-on-one" added, although the step is that 1:1; a
    recruiter's interview loop got the same advice to tell the manager."""
    coach = make_coach()
    answer = coach.ask(
        None,
        "I'll pull the last 6 months of failures into a spreadsheet by Friday and bring it to "
        "my 1:1 with my manager on Tuesday.",
    ).answer
    # each part with its own date, the one said as a weekday made exact
    assert re.search(
        r"into a spreadsheet by Friday \d{1,2} \w+ and bring it to your 1:1 with your manager "
        r"on Tuesday \d{1,2} \w+\.",
        answer,
    ), answer
    assert "mention it to your manager" not in answer
    answer = coach.ask(None, "I'm going to ask the recruiter for the interview loop by Monday.")
    assert "mention it to your manager" not in answer.answer


def test_someone_weighing_management_is_not_coached_as_a_manager(make_coach) -> None:
    """A senior thinking of switching to management was asked "which of your reports hasn't
    had a growth conversation?"; "at least that's a promotion, right?" got no answer."""
    coach = make_coach()
    first = coach.ask(
        None,
        "I've been a senior engineer for 4 years. There's no path to staff here, so I'm "
        "thinking of switching to management. At least that's a promotion, right?",
    )
    assert first.answer.startswith("No. Moving into management is a change of job")
    answer = coach.ask(
        first.session_id, "I do like mentoring. I spend a lot of time helping our two juniors."
    ).answer
    assert "your reports" not in answer and "As a manager" not in answer


def test_declining_a_push_holds_for_the_conversation(make_coach) -> None:
    """ "My manager keeps pushing me to go for staff. I honestly don't want it" was not read
    as a choice to stay: four turns of staff-path cards followed, "hurt my reviews" was
    heard as hurt feelings, and "I'm not going to change my mind" got "which problem
    crosses into another team's area?". The choice now holds for the conversation."""
    coach = make_coach()
    turns = [
        "I'm a senior engineer, 9 years in. My manager keeps pushing me to go for staff. I "
        "honestly don't want it. How do I decline without looking unambitious?",
        "What do I say to her, word for word-ish?",
        "And then? What if she says staying senior forever will hurt my reviews?",
        "Fair. I'm not going to change my mind though.",
    ]
    answers = ask_all(coach, turns)
    assert answers[0].startswith("Not wanting the next level is a legitimate choice")
    assert "You could say:" in answers[1]
    assert "disappointing" not in answers[2]
    assert not any("another team" in a or "next level do differently" in a for a in answers)
    assert "a clear choice, and a legitimate one" in answers[3]


def test_words_of_crisis_get_the_emergency_line_even_after_a_turn_on_exhaustion(
    make_coach,
) -> None:
    """A reviewer found that "I'm burned out" followed by "I want to die" got the gentler
    follow-up only, and that burnout with crisis words got the strain text."""
    coach = make_coach()
    first = coach.ask(None, "I'm burned out.")
    assert "emergency services" not in first.answer
    second = coach.ask(first.session_id, "Honestly I want to die.")
    assert "emergency services" in second.answer
    for said in (
        "I'm burned out and I can't see the point anymore",
        "Burnt out. I just want it all to end.",
        "Думаю о суициде.",
    ):
        answer = coach.ask(None, said).answer
        assert "emergency services" in answer or "экстренные службы" in answer, said


def test_the_new_readings_stay_narrow() -> None:
    """Misfires a reviewer found in this round's patterns, each now read as it should be."""
    from coach.coaching.crosswalk import parse_table, placed
    from coach.coaching.profile import Profile, learn, level_step
    from coach.coaching.signals import FEELINGS, content_to_stay

    for wants in (
        "I'd rather stay an IC than go into management. I want to get promoted to staff.",
        "I don't want more responsibility without the promotion, how do I ask for it?",
        "I really want staff. My peers don't want it though.",
        "Я не хочу его подводить, он за меня радеет при повышении.",
    ):
        assert not content_to_stay(wants), wants
    assert verdict_for("I work across teams doing meeting notes. Does that count?") is None
    table = parse_table((CORPUS / "ladders" / "level-crosswalk.md").read_text(encoding="utf-8"))
    assert placed("I've been at Microsoft for 12 years, working 60 hour weeks", table) == []
    said = "I'm an SDE2. What's different about the mid-year review?"
    assert level_step(said, learn(Profile(), said)) is None
    assert not FEELINGS["hurt"].search("Does it hurt my chances if I say no?")


def test_the_second_review_round_of_readings_stays_narrow() -> None:
    """More misfires from the review, each read as it should be now."""
    import datetime as dt

    from coach.coaching.profile import Profile, commitments_in, learn, level_step
    from coach.coaching.signals import FEELINGS, content_to_stay

    for wants in (
        "I don't want the extra scope to go unnoticed.",
        "I want the senior promotion but I don't want that project.",
        "I applied for senior. I never want it said that I didn't try.",
    ):
        assert not content_to_stay(wants), wants
    assert content_to_stay("Мне предлагают стать тимлидом, но я этого не хочу.")
    assert not FEELINGS["hurt"].search("Switching teams really hurt my promotion case.")
    assert verdict_for("Is it bad to stay on the same team for years?") is None
    said = "I'm a senior engineer. What is different about the senior review?"
    assert level_step(said, learn(Profile(), said)) is None
    step = commitments_in("I'll send my manager the 2nd draft by Friday.", dt.date(2026, 11, 30))
    assert step and step[0].due == "2026-12-04"


def test_a_possessive_day_stays_in_the_step() -> None:
    """ "I'll bring it up in Thursday's 1:1" was said back as "bring it up in 's 1:1"."""
    import datetime as dt

    from coach.coaching.profile import commitments_in

    step = commitments_in("I'll bring it up in Thursday's 1:1.", dt.date(2026, 11, 30))
    assert step and step[0].action == "bring it up in Thursday's 1:1"
    assert step[0].due == "2026-12-03"


def test_a_step_whose_day_is_in_its_words_is_said_back_once(make_coach) -> None:
    answer = make_coach().ask(None, "I'll bring it up in Thursday's 1:1.").answer
    assert "You've committed to bring it up in Thursday's 1:1." in answer
