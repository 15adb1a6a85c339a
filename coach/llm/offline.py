"""The offline responder: a deterministic coach that needs no network.

It answers from a ``TurnContext`` (built by ``coach.coaching.policy``), composing a turn the way
a coach would: name a feeling the person mentions, say back only what is new; when asked
something directly, answer first from the guidance cards (cited); asked for a plan, give
a few weeks of cited steps; otherwise offer a card or two that fit the person's level,
track, goal and situation. Each turn ends with one question (the card's own follow-up
before the stock ones, which never presume a promotion the person hasn't spoken of) or a
next step. It never repeats a question or a card within a session, never quotes a
sentence marked as complaint, story or intro, and cites only passages it was given.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from coach.coaching import drafts
from coach.coaching.context import PassageView, TurnContext
from coach.coaching.crosswalk import (
    RANKS,
    Placed,
    names_a_company_level,
    parse_table,
    placed,
    rank_gap,
    with_company,
)
from coach.coaching.dates import parse_due, relative_phrase, says_today, weekday_clash
from coach.coaching.guidance import (
    answers_step,
    card_section,
    is_step_section,
    ladder_level,
    sections_asked,
)
from coach.coaching.policy import context_from_messages, manages
from coach.coaching.profile import (
    HURTS_LATER,
    LEVEL_ORDER,
    MANAGER_SELF,
    MOTIVATIONS,
    NEGATED_LEVEL,
    ON_A_DAY,
    STAGES,
    Profile,
    card_level,
    find_levels,
    level_words,
    person_levels,
    served_levels,
    weighs_management,
)
from coach.coaching.signals import (
    CRISIS,
    DISTRESS,
    GUARANTEE,
    PROMOTION_TALK,
    QUOTED,
    REPORT_DECLINES,
    RESOLVED,
    STRAIN,
    TOWARDS_PROMOTION,
    content_to_stay,
    discloses_bias,
    situations_in,
)
from coach.coaching.texts import LEVEL_NAMES, QUESTIONS, TEXT, label
from coach.corpus.cards import Card
from coach.lang import DEFAULT, PACKS, in_other_script, pack, reading, reading_names
from coach.llm.base import Message, text_pieces
from coach.retrieval.lexical import tokenize

SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+|\n+")
COMPLAINT_MARKERS = reading("complaint-markers")
#: Profile facts → the card situations they make relevant.
PROFILE_SITUATIONS = {
    "heavy operational load": "operational-load",
    "maintenance-only work": "maintenance-team",
    "few visible opportunities": "no-opportunities",
    "vague feedback": "vague-feedback",
    "work feels too easy": "easy-work",
    "passed over in a cycle": "missed-cycle",
    "possible bias": "possible-bias",
    "no time beyond current work": "no-time",
    "compensation": "motivation",
    "learning and growth": "learning",
}
#: Situations any question can carry ("what first?"): alone they say little about which advice fits.
WITH_PERSON = reading("with-person")
#: "What should I ask the hiring manager?": the words are questions to ask.
ASKS_WHAT_TO_ASK = reading("asks-what-to-ask")
#: Problems said back as heard; the others ("maintenance-only work" from "I maintain
#: billing") are read from a keyword too loosely to put in the person's mouth.
SAID_BACK = {
    "heavy operational load",
    "vague feedback",
    "passed over in a cycle",
    "no time beyond current work",
}
#: Cosine below the floor says nothing (unrelated sentences sit around 0.1–0.3 with this
#: model); above it, a close paraphrase (~0.7) counts about as much as a named situation.
MEANING_FLOOR = 0.3
MEANING_WEIGHT = 7.5
#: How much a card must speak to the person (one thread situation, two shared words).
RELEVANT = 1.0
#: What a second or third point needs from the message itself (a situation it names, its
#: words or its meaning), whatever its passage's rank: readers took placed-but-unrelated
#: extra points for padding.
EXTRA_RELEVANT = 1.5
#: A plan asked for over days, weeks or a month is laid out a week at a time.
WEEKS = reading("weeks")
#: Questions that presume the person wants a promotion.
PROMOTION_SLOTS = {"motivations", "target_level", "why"}
#: Questions that presume the next level is wanted: not for someone content where they are.
STAYING_SKIPS = PROMOTION_SLOTS | {"manager_alignment", "commitments", "gap", "obstacle"}
#: A step that is itself a meeting needs no "when will you check in?".
MEETING = reading("meeting")
GENERIC = {"first-step", "deciding", "motivation", "readiness"}
#: Situations so many cards carry (any talk of a level) that they don't make a topic.
BROAD = {"level-expectations"}
#: A card that speaks of the very motive the message names.
MOTIVE_MATCH = 3.0
#: A card with words to say, when the person asks what to say.
WORDS_MATCH = 2.0
#: What a card off the conversation's topic loses when the message names no topic.
OFF_TOPIC = 4.0
#: "how?" after an answer: a card on what that answer was about.
FOLLOWS_UP = 3.0
#: Two levels compared: the ladder section written about exactly that step leads.
STEP_MATCH = 4.0
#: Situations that are circumstances a person has, not topics: advice whose first
#: situation is one of these presumes it, so it waits until the person says so.
CIRCUMSTANCES = {
    "holding-steady",
    "operational-load",
    "maintenance-team",
    "missed-cycle",
    "no-ladder",
    "no-time",
    "no-opportunities",  # "if you feel your team's work is not complex enough…"
    "back-to-ic",  # "moving back from management…" presumes a manager who wants to
    "possible-bias",  # "not every step has to be formal… HR" presumes a disclosure
    "leaving",  # "before you move for that reason…" presumes they spoke of moving
}
STAFF_PLUS = {"staff", "principal"}
#: Cards that describe a formal promotion process: calibration, a written case.
PROCESS_TALK = re.compile(
    r"\bcalibration\b|\bpromo(?:tion)? (?:packet|document|doc)\b|\bwritten case\b", re.I
)
#: Words that say where a person sits ("I'm a senior engineer"), not what they ask about:
#: a card sharing them is no closer to the question (level fit is judged separately).
PLACE_WORDS = set(
    tokenize(" ".join(f"{k} {v}" for names in LEVEL_NAMES.values() for k, v in names.items()))
)
JUNIOR = reading("junior-report")
WITH_JUNIORS = reading("with-juniors")
#: Yes/no questions the sources answer outright ("Is staff just a better senior?"): the
#: short answer comes first, then the cited points.
VERDICTS = {name: reading(f"verdict:{name}") for name in reading_names("verdict:")}
QUESTION_SPLIT = re.compile(r"(?<=[.!?])\s+")
#: "… yes or no" said after the question, as its own sentence.
YES_OR_NO_TAIL = re.compile(r"(?:yes or no|yes/no|да или нет)\W*", re.I)
SELF_BLAME = reading("self-blame")
COMPLAINING = reading("complaining")
YES_OR_NO = reading("yes-or-no")
PARANOID = reading("paranoid")
EXAMPLE_CHECK = reading("example-check")
THATS_A_PROMOTION = reading("thats-a-promotion")
#: "Is that a promotion from where I am?", «это повышение?»: a level weighed against theirs.
STEP_QUESTION = reading("step-question")
GOOD_IDEA = reading("good-idea")
#: After talk of moving between the tracks: "a demotion?" (no), "can I go back?" (yes).
SEEN_AS_DEMOTION = reading("seen-as-demotion")
STILL_CODE = reading("still-code")
#: "Would it at least pay more?", said of a role the conversation is about.
IT_PAYS_MORE = reading("it-pays-more")
CAN_GO_BACK = reading("can-go-back")
BETWEEN_TRACKS = {"back-to-ic", "management-switch"}
COUNTS_BARE = reading("counts-bare")
HOW_LONG_TO_PROMOTE = reading("how-long-to-promote")
#: "Is it realistic to go for this February cycle?": in reach only if the work is there.
CYCLE_IN_REACH = reading("cycle-in-reach")
CYCLE_WORD = reading("cycle-word")
#: "When is your next review cycle…?", and the person's word for when it is.
ASKS_WHEN_CYCLE = re.compile(
    r"\bwhen is your next (?:review|promotion|performance) cycle\b|когда (?:у вас )?следующ\w+ "
    r"(?:цикл|ревью)",
    re.I,
)
_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|q[1-4]|next month|this month|"
    r"январ\w*|феврал\w*|март\w*|апрел\w*|ма[йея]|июн\w*|июл\w*|август\w*|сентябр\w*|"
    r"октябр\w*|ноябр\w*|декабр\w*"
)
CYCLE_DATED = re.compile(
    rf"\b(?:cycle|review|calibration|packets?|promo\w*|ревью|цикл\w*|калибровк\w*)\b[^.?!]{{0,40}}"
    rf"\b(?:{_MONTHS})\b|\b(?:{_MONTHS})\b[^.?!]{{0,20}}\b(?:cycle|calibration|review|ревью|"
    rf"калибровк\w*|цикл\w*)",
    re.I,
)
#: "…ready by then?", «к этому времени»: the date the message gave before the question.
BY_THEN = reading("by-then")
#: "Disagree. My manager told me to just close tickets": a dispute, not "too generic".
DISAGREES = reading("disagrees")
#: "My manager said 'more impact'": a quote that is feedback someone gave.
FEEDBACK_CONTEXT = reading("feedback-context")
CONDITION_FIRST = reading("condition-first")
#: Steps the person says are behind them, and the cards that would prescribe them again.
#: Companies a card's point names: a crosswalk fact, for talk of other companies only.
COMPANIES = re.compile(r"\b(?:Amazon|Google|Meta|Microsoft|Facebook)\b")
#: Cards whose point presumes the person and their manager disagree.
PRESUMES_DISAGREEMENT = {"align-with-your-manager"}
#: An engineer-facing card that presumes a manager who fails them or disagrees with them
#: ("if your manager does not bring up your growth…"): absurd passed on by that manager.
YOUR_MANAGER = re.compile(
    r"\bif your manager\b|\byou and your manager\b|\byour manager'?s manager\b", re.I
)
DONE_ALREADY: dict[str, tuple[re.Pattern[str], frozenset[str]]] = {
    "log": (reading("done:log"), frozenset({"keep-a-running-log"})),
    "told-manager": (
        reading("done:told-manager"),
        frozenset({"make-it-an-explicit-goal", "active-effort-is-expected"}),
    ),
    "asked-feedback": (
        reading("done:asked-feedback"),
        frozenset(
            {
                "ask-what-to-improve-next-cycle",
                "ask-what-would-have-changed-it",
                "vague-feedback-ask-for-example",
            }
        ),
    ),
}
SAID_ALREADY = reading("said-already")
PUSH_THEM = reading("push-them")
LEAVE_THEM_BE = reading("leave-them-be")
PAY_WORDS = reading("pay-words")
UNMARKED_YES_NO = reading("unmarked-yes-no")
WH_QUESTION = reading("wh-question")
PROMOTED_HERE = reading("promoted-here")
BOSS_RIGHT = reading("boss-right")
MUST_GO_FOR_IT = reading("must-go-for-it")
#: Levels at which the ladders say one may stay for good.
CAREER_LEVEL = re.compile(r"\b(?:senior|staff|principal|сеньор\w*|стафф\w*)\b", re.I)
#: The situations of a team whose work is keeping systems running.
RUNNING_TEAMS = {"maintenance-team", "operational-load", "existing-work", "no-opportunities"}
SEVERAL_TEAMS = reading("several-teams")
NO_OWNER = reading("no-owner")
LEAVING_STEP = reading("leaving-step")
MEETING_PAST = reading("meeting-past")
THANKS = reading("thanks")
REPEATED_MISS = reading("repeated-miss")
REASSURES_A_CYCLE = reading("reassures-a-cycle")
QUANTITY_QUESTION = reading("quantity-question")
ASKS_HOW_LONG = reading("asks-how-long")
TIME_SPAN = reading("time-span")
ASKS_WHEN_MEETING = reading("asks-when-meeting")
#: "Most of the pages come from three batch jobs": the problem is named; "which recurring
#: page would you fix first?" asks for it again.
NAMED_PROBLEM = reading("named-problem")
ASKS_WHICH_PROBLEM = reading("asks-which-problem")
WHEN_SAID = reading("when-said")
ASKS_FOR_STEP = reading("asks-for-step")
#: "25 pages", "3 инцидента": a figure and what it counts.
FIGURE = re.compile(r"\b\d+(?:[.,]\d+)?\s*%?\s+(\w+)")
YES_OR_NO_LEAD = re.compile(
    rf"^(?:(?:{YES_OR_NO.pattern}|{reading('straight-lead').pattern})\s*[:,.!—-]*\s*)+", re.I
)
#: Advice about whether and why to go for a promotion, for someone who came with another
#: goal (a raise, a track change, a new job) only once they speak of one.
PROMOTION_FRAMED = {"deciding", "explicit-goal", "downsides", "not-a-reward"}
#: Cards written for someone weighing or leaving management.
MANAGEMENT_CONTEXT = {"management-switch", "back-to-ic", "manager-of-team"}
SWITCHING = {"management-switch", "back-to-ic"}
HOLDING_STEADY = {"holding-steady"}
#: "15 pages a week", "firefighting all the time": a load said, not an incident mentioned.
LOAD_STATED = reading("load-stated")
#: "Is it bad if I say no for now?": asked about declining or waiting, it has an answer.
IS_IT_BAD = reading("is-it-bad")
ASKS_A_LOT = reading("asks-a-lot")
#: "He says I'm 'coasting'. Am I?": a bare question about the word the message quoted.
ECHO_QUESTION = reading("echo-question")
COASTING_WORD = reading("coasting-word")
#: "That's not my job, nobody asked me to": answered whether or not it ends in a question.
NOT_MY_JOB = reading("not-my-job")
#: "he says", "my manager calls it": someone else's charge, reported.
SOMEONE_SAYS = reading("someone-says")
#: "HR feels nuclear. Is there anything in between?"
SHORT_OF_HR = reading("short-of-hr")
#: "Should I just go to HR?": asked outright.
GO_TO_HR = reading("go-to-hr")
#: "Does my manager decide my promotion?"
MANAGER_DECIDES = reading("manager-decides")
#: "a dashboard for latency and errors": the article's own example of unasked senior work.
METRICS_WORK = reading("metrics-work")
#: "a message saying no to the EM role"
DECLINES_OFFER = reading("declines-offer")
#: "…messaging my skip-level directly. Bad idea?"
TO_SKIP_LEVEL = reading("to-skip-level")
IS_IT_OK = reading("is-it-ok")
#: "Money is roughly the same": no card sells the next level on pay to them.
MONEY_NOT_THE_POINT = reading("money-not-the-point")
#: "What level would I land at?", said of a move between the tracks.
LANDING_LEVEL = reading("landing-level")
HR_WORD = reading("hr-word")
#: "Do I take it to my lead or straight to the director?"
MANAGER_OR_ABOVE = reading("manager-or-above")
#: "Can I put her up for senior for that work?": a manager asking about a named result.
REPORT_UP_FOR_IT = reading("report-up-for-it")
BIG_ENOUGH = reading("big-enough")  # "is that big enough to count?"
#: Situations about whether the process treats the person fairly.
FAIRNESS = {"possible-bias", "vague-feedback", "visibility"}
#: "A guy who joined after me got promoted with a smaller project."
PEER_COMPARISON = reading("peer-comparison")
QUITTING = reading("quitting")  # "I'm furious and thinking about quitting"
ALREADY_TRIED = reading("already-tried")  # "I already asked her what it means"
AND_THEN = reading("and-then")  # where a second step starts: "…tonight and book time…"
OWN_WORK = reading("own-work")  # a question about the asker's own work and case
#: The situations whose cards back a verdict: "am I coasting?" answered "no" goes on with
#: why staying is legitimate, not with the signals of the level they decline.
VERDICT_BACKING: dict[str, set[str]] = {
    "not_coasting": {"holding-steady", "deciding"},
    "fine_to_stay": {"holding-steady", "deciding"},
    "fine_to_stay_yes": {"holding-steady", "deciding"},
    "short_of_hr": FAIRNESS,
    "join_on_call": {"level-expectations", "operational-load"},
    "manager_first": {"manager-alignment", "visibility"},
    "load_counts": {"operational-load"},
    "firefighting_counts": {"operational-load"},
    "result_counts": {"evidence", "operational-load"},
    "enough_alone": {"readiness", "evidence"},
    "no_fixed_clock": {"readiness", "missed-cycle", "level-expectations"},
    "cycle_in_reach": {"readiness", "evidence", "manager-alignment"},
    "tracks_pay_alike": {"management-switch"},
    "get_it_in_writing": {"evidence"},
    "go_to_hr": {"vague-feedback", "visibility"},
    "skip_level_ok": {"vague-feedback", "visibility"},
    "manager_not_alone": {"manager-alignment", "visibility"},
    "counts_metrics": {"maintenance-team", "no-opportunities", "existing-work"},
    "landing_level": BETWEEN_TRACKS,
    "counts_opportunity": {"no-opportunities", "easy-work", "existing-work"},
    "report_may_stay": {"holding-steady", "deciding", "manager-of-team"},
    "report_may_stay_yes": {"holding-steady", "deciding", "manager-of-team"},
    "team_is_no_bar": {"maintenance-team", "operational-load", "existing-work"},
    "easy_work_no_bar": {"easy-work"},
    "undervalued_not_right": {"undervalued-work", "existing-work", "manager-of-team"},
    "no_obligation": {"holding-steady", "deciding"},
    "not_the_only_way": {"motivation", "learning"},
    "not_the_only_way_pay": {"motivation", "not-a-reward"},
    "management_if_its_the_work": {"management-switch"},
    "back_not_a_demotion": BETWEEN_TRACKS,
    "back_without_demotion": BETWEEN_TRACKS,
    "can_go_back": BETWEEN_TRACKS,
    "management_not_a_step_up": {"management-switch"},
    "still_code": {"management-switch", "downsides"},
    "ask_what_changed": {"missed-cycle", "vague-feedback"},
    "not_a_reward": {"not-a-reward", "different-work"},
    "tell_your_manager": {"explicit-goal", "manager-alignment", "check-in"},
    "trial_ok": {"management-switch"},
    "not_my_job": {"no-opportunities"},
    "asking_ok": {"learning", "level-expectations"},
    "not_my_job_count": {"undervalued-work"},
}
#: "My manager says I'm basically a lock", «руководитель говорит, что повышение у меня в кармане»
MANAGER_SAID = reading("manager-said")
#: Why a manager's "you're a lock" cannot be counted on: the deciders beyond them, the wait.
GUARANTEE_BACKING = {"visibility", "missed-cycle"}
#: "I have until Friday to answer": the closing step is about what to learn before then.
DECIDE_BY = reading("decide-by")
#: The words of a DECIDE_BY match before its date ("until", "by", «до»…).
BEFORE_THE_DATE = re.compile(r"^.*\b(?:until|by|before|on|expires?|ends?|до)\s+", re.I | re.S)
NOT_NOW = reading("not-now")
#: "I've read StaffEng and every blog post on this": what follows is known already.
ALREADY_KNOWN = reading("already-known")
#: Words too common to say which advice was meant ("I've read every post on this").
COMMON_WORDS = set(
    tokenize(
        "every all post posts blog blogs article articles book books advice thing things about "
        "this that these those stuff guide guides tips the usual"
    )
)
#: "A 60-person startup": advice that presumes directors, VPs or hundreds of engineers
#: (``LARGE_ORG``, read in a card's own words) does not fit it.
SMALL_COMPANY = reading("small-company")
LARGE_ORG = reading("large-org")
#: A question that presumes an executive to work for ("Which executive's priorities…?").
EXECUTIVE = re.compile(r"\bexecutives?'?s?\b|\bdirector or vp\b", re.I)
#: "Basically senior", "the same as": a level claimed for a company's level code.
LEVEL_CLAIM = reading("level-claim")
#: What makes a committed step count, in both articles: the manager knows, impact is measured.
FOLLOW_THROUGH = {"check-in", "evidence", "manager-alignment", "explicit-goal"}
#: Cards from one passage in one answer: a section that holds the best two pieces of advice
#: for this message should be able to give both.
PER_PASSAGE = 2
POINTS_PER_STAGE = {"goal": 3, "reality": 3, "options": 3, "will": 1}
#: What ties a third, unasked-for point to the message: a situation they named (3.0) or
#: as much from their words and meaning.
THIRD_RELEVANT = 3.0
THIRD_RELEVANT_ASKED = 2.0  # asked directly: a fuller answer, still about the question


class OfflineResponder:
    """The embedded default chat model: deterministic, grounded, no network."""

    name = "offline grounded responder"
    is_offline = True  # read by the UI's mode line only; the pipeline never asks

    def stream(self, request: list[Message]) -> Iterator[str]:
        context = getattr(request, "context", None) or context_from_messages(request)
        yield from text_pieces(respond(context))


def _variant(t: dict[str, str], key: str, turn: int) -> str:
    """Alternate between numbered phrasings so consecutive turns don't read the same."""
    options = [t[k] for k in (f"{key}_1", f"{key}_2", f"{key}_3") if k in t]
    return options[turn % len(options)]


def respond(ctx: TurnContext) -> str:
    """Compose one coaching turn from its context."""
    lang = ctx.language if ctx.language in TEXT else "en"
    t = TEXT[lang]
    if ctx.signals.intent == "distress" or ctx.support_mode:
        return support(ctx, lang)
    if ctx.signals.intent == "override":
        return t["override"]
    if ctx.signals.intent == "off_topic":
        said_before = t["off_topic"].split("\n\n")[-1] in " ".join(ctx.asked)
        return t["off_topic_again"] if said_before else t["off_topic"]
    if ctx.signals.is_greeting and ctx.user_turns <= 1:
        return t["greeting"]
    if THANKS.match(ctx.message) and ctx.user_turns > 1:
        # "thx" closes the turn: no new advice, the step they chose if there is one.
        step = ctx.profile.commitments[-1] if ctx.profile.commitments else None
        if step is None:
            return t["thanks"]
        return t["thanks_step"].format(action=pack(lang).second_person(step.action))

    if ctx.signals.asks_for_draft or drafts.revises(ctx.message, ctx.said_lines):
        return pack(lang).workplace_words(draft(ctx, lang), ctx.decider, ctx.no_one_on_ones)

    signals = ctx.signals
    # "I'll ask for one example by Friday. Is that the right ask?": the step is theirs;
    # the answer checks it and adds what makes it count, as for any step just decided.
    checking = (
        signals.checks_a_plan
        and bool(ctx.news.commitments)
        and not any(LEAVING_STEP.search(c.action) for c in ctx.news.commitments)
    )
    direct = (
        signals.wants_direct_advice
        or signals.direct_question
        or (signals.asks_for_action and not ctx.news.commitments)  # not "my next step is…"
    ) and not checking
    verdict = verdict_for(
        ctx.message,
        bias_known="possible bias" in ctx.profile.blockers,
        steady=_holding_steady(ctx),
        report_declined=bool(ctx.report)
        and any(REPORT_DECLINES.search(said) for said in ctx.person_said),
        earlier=frozenset(ctx.thread),
        result_before=any(drafts.measured(t) for t in ctx.person_said[:-1]),
        promotion_before=ctx.promotion_goal,
        staying=ctx.content_to_stay,
    )
    parts: list[str] = []
    if ctx.gentle:
        parts.append(t["gentle"])
    elif signals.feeling:  # a feeling named in passing comes before any advice
        leaving = signals.feeling == "angry" and QUITTING.search(ctx.message)
        parts.append(t["feel_angry_leaving" if leaving else f"feel_{signals.feeling}"])
    if signals.pushback:  # the last answer missed: say so, then use their specifics
        said = ctx.said_lines  # the same admission twice reads as a template
        again = "pushback_again" if "pushback_again" not in said else "pushback_more"
        if SAID_ALREADY.search(ctx.message) and "pushback_repeat" not in said:
            parts.append(t["pushback_repeat"])  # "you already said that": own it, then new
        elif DISAGREES.match(ctx.message) and "pushback_disagree" not in said:
            parts.append(t["pushback_disagree"])  # "disagree. my manager told me…": theirs
        else:
            parts.append(t["pushback" if "pushback" not in said else again])
    elif ALREADY_TRIED.search(ctx.message):
        parts.append(t["already_tried"])  # "I already asked her what it means": heard
    if (
        signals.names_a_fix
        and drafts.measured(ctx.message)  # "a result with numbers on it" is said back
        and "win_heard" not in ctx.said_lines
        and not (ctx.report or verdict)
    ):
        # "cut p99 from 800 ms to 200 ms": the evidence, said (unless a "yes" says it)
        parts.append(t["win_heard"])
    guarantee = signals.asks_guarantee
    # "My manager says I'm 'basically a lock'. Can I count on that?"
    manager_said = guarantee and not ctx.report and bool(MANAGER_SAID.search(ctx.message))
    # "What do I tell him?" after his "will you promote me?": no "No." to a question for words.
    open_question = _only_wh_questions(ctx.message)
    if guarantee:  # the honest answer to "can you guarantee…" comes first, not last
        # A manager asking "can I tell her she'll get it next time?" is the one promising.
        key = "no_promises_report" if ctx.report else "no_promises"
        if ctx.report and open_question:
            key = "no_promises_report_open"
        parts.append(t["no_promises_manager" if manager_said else key])
        promise_at = len(parts) - 1
    levels_placed = crosswalk_answer(ctx, lang)
    if levels_placed:
        parts.append(levels_placed)  # "Microsoft 62 vs Amazon SDE II": the table answers
    if verdict and f"verdict_{verdict}" in t:  # "L3 at Google… L4 next cycle. possible?"
        # The same answer to the same question twice reads as a template: its gist, once more.
        key = f"verdict_{verdict}"
        if ctx.gentle and f"{key}_gentle" in t:
            key = f"{key}_gentle"  # "should I just quit?" from someone who hasn't slept in months
        repeat = key in ctx.said_lines and f"{key}_again" in t
        if ctx.report and f"{key}_report" in t and not repeat:
            # "…will she make staff in June?" from her manager: her record, his call.
            parts.append(t[f"{key}_report"].format(**report_words(ctx.report, lang)))
        else:
            parts.append(t[f"{key}_again" if repeat else key])
    elif levels_placed:
        pass  # the table was the answer
    elif checking:
        dated = any(c.due for c in ctx.news.commitments)
        parts.append(
            t["plan_ok" if dated else "plan_ok_undated"]
        )  # "I'll ask for one example by Friday. Right ask?"
    elif YES_OR_NO.search(ctx.message) and not guarantee:
        parts.append(t["no_flat_verdict"])  # asked for a yes or no the sources don't give
    elif content_to_stay(ctx.message) and "stay_ok" not in ctx.said_lines:
        parts.append(t["stay_ok"])  # "zero interest in staff": that choice is heard first
    if signals.intent == "out_of_scope":
        parts.append(t["out_of_scope"])
    elif (
        not direct and not ctx.report and not (verdict or levels_placed or signals.bias_disclosure)
    ):
        # (A disclosure of bias is acknowledged below; "you work on the backend team" before
        # it reads as not listening.)
        # A direct question, or a yes/no one just answered, gets its answer first.
        # (A manager's news about a report is the report's: "you're dealing with…" misreads it.)
        parts.append(
            reflect(ctx.news, lang, signals.names_a_fix, signals.states_a_want, ctx.message)
        )
    if signals.bias_disclosure and "bias_ack" not in ctx.said_lines:
        parts.append(t["bias_ack"])
    elif (
        PEER_COMPARISON.search(ctx.message)
        and ("possible bias" in ctx.profile.blockers or signals.bias_disclosure)
        and "bias_compare" not in ctx.said_lines
    ):
        parts.append(t["bias_compare"])  # "a guy who joined after me got promoted…"
    elif (
        "possible bias" in ctx.profile.blockers
        and COMPLAINING.search(ctx.message)
        and "not_complaining" not in ctx.said_lines
    ):
        parts.append(t["not_complaining"])  # "I don't want to seem like I'm complaining"

    if signals.intent == "out_of_scope":
        n_points = 1
    elif ctx.news.commitments and not direct:
        n_points = 0  # the person just decided: acknowledge it, don't pile on advice
    elif direct:
        n_points = 3
    elif signals.pushback:
        n_points = 2  # after "this is generic", two points on what they added, not a list
    else:
        n_points = POINTS_PER_STAGE.get(ctx.stage, 1)
    if signals.wants_brief or ctx.gentle:
        # "one sentence. not a lecture"; and a turn soon after distress: one point at most,
        # none beside an answer given outright ("should I just quit?").
        n_points = min(n_points, 0 if ctx.gentle and verdict else 1)
    # The person's own ladder outranks the built-in guidance when retrieval put it on top:
    # it describes their company. It has no cards, so it is quoted (never marked sentences).
    own = n_points and any(p.origin == "user" for p in ctx.passages[:2])
    plan = choose_plan(ctx) if signals.wants_plan and n_points and not own else []
    # A yes/no answered outright is backed by a card that says why, where one is there.
    backing = VERDICT_BACKING.get(verdict or "")
    if (
        not backing
        and signals.asks_for_words
        and "back-to-ic" in set(signals.situations) | set(ctx.thread)
        and not ctx.report
    ):
        backing = {"back-to-ic"}  # words for going back: only what the sources say about it
    if not backing and manager_said:
        # "My manager says I'm 'basically a lock'. Can I count on that?": why not (others
        # weigh the case in calibration, a cycle or two), not more on the last topic.
        backing = GUARANTEE_BACKING
    cards = plan or (
        # (None of its backing at hand: the answer stands alone; other cards beside it read
        # as a change of subject, or say the opposite: "more money is a legitimate reason…")
        (choose_cards(ctx, n_points, among=backing) if backing else choose_cards(ctx, n_points))
        if n_points and not own
        else []
    )
    if verdict and not plan:
        # "There is no fixed clock… a cycle or two" is not backed by "it may take a cycle or
        # two": a card saying what the answer just said reads as the answer twice.
        # (One that backs the answer stays when it is all there is: the answer is cited.)
        said_now = " ".join(parts)
        unsaid = [item for item in cards if not _repeats(item[1].point.get(lang), said_now)]
        cards = unsaid or cards
    if guarantee and ctx.report and any("promis" in c.point.en.lower() for _, c in cards):
        # The card on what a manager can promise says it, cited: "No." before it is enough
        # (and asked what to say, not whether, the card alone).
        if open_question:
            del parts[promise_at]
        else:
            parts[promise_at] = t["no_promises_report_short"]
    words = words_to_say(ctx, cards, lang) if not plan else None
    words_only = False
    named = set(ctx.signals.situations) - GENERIC
    if words and named & set(words[0][1].situations):
        # "What should I ask their hiring manager?" with the card that carries those words:
        # the words answer it; points on other topics around them ("with your manager…")
        # would bury the answer.
        topic = named & set(words[0][1].situations)
        cards = [item for item in cards if topic & set(item[1].situations)]
        if not cards:
            n_points = 0
            words_only = True
    if signals.wants_plan and n_points and not plan and not own and cards:
        # "A plan for the next 30 days" on a topic the sources say little about: said so,
        # then what they do say, rather than weeks of advice on other topics.
        parts.append(t["no_plan"])
    if not n_points:
        pass
    elif plan:
        # "A plan for the next 30 days" is laid out in weeks; "three things" in order.
        by_week = bool(WEEKS.search(ctx.message))
        label, lead = ("plan_week", "plan_lead") if by_week else ("plan_step", "plan_lead_steps")
        bullet = "- " if by_week else ""
        steps = [
            f"{bullet}{t[label].format(n=i)} {card.point.get(lang)} [{passage.n}]"
            for i, (passage, card) in enumerate(plan, 1)
        ]
        parts.append(t[lead] + "\n" + "\n".join(steps))
    elif cards:
        parts.append(
            compose_guidance(ctx, cards, lang, direct or signals.pushback or signals.wants_brief)
        )
    else:
        extract = choose_sentences(ctx, n_points, lang)
        if extract:
            lead = _variant(
                t,
                "lead_out_of_scope" if signals.intent == "out_of_scope" else f"lead_{ctx.stage}",
                ctx.user_turns,
            )
            parts.append(lead + "\n" + "\n".join(extract))
        elif signals.intent != "out_of_scope" and not ctx.passages:
            parts.append(t["no_sources"])
        # Passages came back but none speaks to this message: listening and asking is the
        # better turn than advice beside the point.
    said_words = words[1] if words else ""  # the words this turn gives, from a card or not
    if words:
        key = "you_could_ask" if ASKS_WHAT_TO_ASK.search(ctx.message) else "you_could_say"
        cite = f" [{words[0][0].n}]" if words_only else ""  # the only grounding in the turn
        parts.append(t[key].format(say=said_words) + cite)
    elif (
        signals.asks_for_words
        and "back-to-ic" in set(signals.situations) | set(ctx.thread)
        and not ctx.report
    ):
        # "She pushed for me to become a manager. What exactly do I say to her?": no card
        # carries words for going back, so the coach's own plain ones, with no citation.
        said_words = t["back_to_ic_say"]
        parts.append(t["you_could_say"].format(say=said_words))
    elif (
        ctx.content_to_stay
        and signals.asks_for_words
        and not ASKS_WHAT_TO_ASK.search(ctx.message)
        and not ctx.report
    ):
        # "What do I tell her?" from someone who has said no to the next level, when no card
        # at hand carries words for staying: the coach's own plain script, with no citation.
        said_words = t["stay_say"]
        parts.append(t["you_could_say"].format(say=said_words))
    if (
        signals.bias_disclosure
        and "bias_next" not in ctx.said_lines
        and not any(" HR" in card.point.en for _, card in cards)  # a card said it already
    ):
        parts.append(t["bias_next"])

    new_commitments = ctx.news.commitments
    if new_commitments:
        # Several steps in one message: the dated one, else the fullest, is the step.
        latest = max(new_commitments, key=lambda c: (c.due is not None, len(c.action)))
        key = "due_said" if latest.said else "due"
        # Two parts with a date each ("…by Friday and bring it to my 1:1 on Tuesday"): the
        # date read goes after its own part, and the other part keeps its date, made exact.
        split: re.Match[str] | None = None
        day_name = format_date(latest.due, lang).split()[0].strip(",").lower() if latest.due else ""
        if latest.due and latest.said and weekday_clash(latest.said, latest.due):
            # "Friday the 14th" when the 14th is a Monday; "…and on Monday": two dates.
            key = "due_first_mismatch" if WHEN_SAID.search(latest.action) else "due_mismatch"
        elif day_name and day_name in latest.action.lower():
            key = ""  # "…in Thursday's 1:1": the day is in the step's own words
        elif (when := _date_in_last_part(latest.action)) and not (
            split := _part_break_before(latest.action, when.start())
        ):
            key = "due_first"  # another date, and no "and" to put the one read before it
        elif latest.said and ON_A_DAY.match(latest.said):
            key = "due_on"  # "…before sprint planning on the 14th": on that day, not by it
        elif latest.due == ctx.today.isoformat():  # "by the end of the month" on its last day
            key = "due_said_today" if latest.said else "due_today"
            if latest.said and says_today(latest.said):
                key = "due_is_today"  # "today" said back as "(today), which is today" is noise
        due = (
            t[key].format(date=format_date(latest.due, lang), said=latest.said)
            if latest.due and key
            else ""
        )
        action = pack(lang).second_person(latest.action)
        if split is not None:
            first = latest.action[: split.start()].rstrip(" ,;")
            rest = latest.action[split.end() :]
            second_person = pack(lang).second_person
            action = (
                second_person(first)
                + due
                + split.group(0)
                + second_person(_exact_day(rest, ctx.today, lang))
            )
            due = ""
        # A step that already involves someone (the CTO, a skip-level) needs no "tell your
        # manager" added.
        # ("I have a 1:1 with him on the 14th and I'm going to ask…": the 1:1 is in the
        # step's own sentence; "My manager hasn't said anything. I'll make a list…" is not.)
        own_sentence = next(
            (t for t in SENTENCE_SPLIT.split(ctx.message) if latest.action[:24] in t), ""
        )
        with_person = (
            WITH_PERSON.search(latest.action) or WITH_PERSON.search(own_sentence) or ctx.report
        )
        key = "commitment_ack_with" if with_person else "commitment_ack"
        parts.append(t[key].format(action=action, due=due))
        if not direct and not ctx.report:  # one cited point on making the step count
            tips = choose_cards(ctx, 1, stage="will", among=FOLLOW_THROUGH)
            cards = tips
            if tips:
                passage, card = tips[0]
                parts.append(f"{t['commitment_tip']} {card.point.get(lang)} [{passage.n}]")

    # One question a turn: the sharpest one. Two read as an interview.
    limit = 1
    if signals.no_questions:
        limit = 0  # they asked not to be questioned: the turn ends with a step instead
    limit -= sum(card.point.get(lang).count("?") for _, card in cards)
    questions = choose_questions(ctx, cards, lang, limit, direct)
    if said_words and limit > 0:
        # The words were the answer: the question is about that conversation, not a new topic.
        keys = ["after_words_when", "after_words_listen"]
        if WHEN_SAID.search(ctx.message) or _meeting_dated(ctx):
            keys = keys[1:]  # "…in my 1:1 on Tuesday", now or before: when is already said
        fresh = [t[k] for k in keys if t[k] not in " ".join(ctx.asked)]
        if fresh:
            questions = fresh[:1]
    # "Pick the point above…" only reads when a point was given.
    closing = _variant(t, "next_step", ctx.user_turns) if cards else t["next_step_2"]
    stay_close = (
        t["stay_close_report"].format(**report_words(ctx.report, lang))
        if ctx.report
        else t["stay_close"]
    )
    stay_question = QUESTION_SPLIT.split(stay_close)[-1]
    if ctx.content_to_stay and not cards and stay_question not in " ".join(ctx.asked):
        closing = stay_close  # "I'm not going to change my mind": growth where they are
        if limit > 0 and not said_words:
            questions = []  # not a stock "where does your time go?" in its place
    deadline = DECIDE_BY.search(ctx.message)
    if deadline and not questions and cards and not ctx.content_to_stay:
        # "I have until Friday to answer": the step is what to find out before then.
        closing = t["decide_by"].format(when=BEFORE_THE_DATE.sub("", deadline.group(0)))
    parts.append(" ".join(questions) if questions else closing)
    return pack(lang).workplace_words(
        "\n\n".join(p for p in parts if p).strip(), ctx.decider, ctx.no_one_on_ones
    )


#: The cards on the written case, whose shape a drafted case entry follows (first first).
CASE_CARDS = ("promo-document-contents", "numbers-help", "keep-a-running-log")


def draft(ctx: TurnContext, lang: str) -> str:
    """ "Can you draft the email?": the draft itself, framed around the words a card gives
    for the conversation (or a plain request to talk, when no card at hand has words), with
    why it is worded so (cited), then when it will be sent. "Write my promo summary line":
    one case entry in the shape the sources describe, with the person's own result in it."""
    t = TEXT[lang]
    parts = [t[f"feel_{ctx.signals.feeling}"]] if ctx.signals.feeling else []
    revising = not ctx.signals.asks_for_draft  # "too long" about the draft just written
    case_before = "draft_case_lead" in ctx.said_lines and "draft_lead" not in ctx.said_lines
    if revising and case_before:
        parts.append(drafts.case_draft(lang, ctx.person_said, short=True))
        parts.append(t["draft_case_short_after"])
        return "\n\n".join(parts)
    if drafts.wants_case(ctx.message):
        parts.append(drafts.case_draft(lang, ctx.person_said))
        backing = sorted(
            (
                (CASE_CARDS.index(c.id), p, c)
                for p in ctx.passages
                for c in p.cards
                if c.id in CASE_CARDS and c.id not in ctx.used_cards
            ),
            key=lambda item: item[0],
        )
        if backing:
            _, passage, card = backing[0]
            parts.append(t["draft_why"].format(point=card.point.get(lang), n=passage.n))
        parts.append(t["draft_case_after"])
        return "\n\n".join(parts)
    role, name = drafts.addressee(ctx.message, ctx.person_said, bool(ctx.report))
    if revising:  # "too long": the same draft, in one line
        parts.append(drafts.short_draft(lang, name, role == "report"))
        parts.append(t["draft_after"])
        return "\n\n".join(parts)
    at_hand = choose_cards(ctx, 3)
    words = words_to_say(ctx, at_hand, lang)
    invite = t[
        "draft_default_report"
        if role == "report"
        else "draft_default_steady"  # "…pausing staff for a while": not "the next level"
        if ctx.content_to_stay or _holding_steady(ctx)
        else "draft_default"
    ]
    if words and drafts.asks_for_time(ctx.message):
        # "…asking for a meeting about it": the invitation is short; the card's words are
        # for the conversation itself.
        (passage, card), said = words
        parts.append(drafts.message_draft(lang, invite, name))
        parts.append(t["draft_then_say"].format(say=said, n=passage.n))
    elif DECLINES_OFFER.search(ctx.message) and BETWEEN_TRACKS & (
        set(ctx.signals.situations) | set(ctx.thread)
    ):
        # "Draft a message saying no to the EM role": the coach's own plain words (no card
        # carries words for declining a track change).
        parts.append(drafts.message_draft(lang, t["decline_role_say"], name))
    elif words:
        (passage, card), body = words
        more = _second_words(ctx, at_hand, card, lang)
        if more:  # a written message carries a little more than one spoken line
            other, said = more
            # The feedback quoted first, then the question ("…keep getting 'more impact'…")
            quoted_first = other.say is not None and "{feedback}" in other.say.get(lang)
            body = f"{said} {body}" if quoted_first else f"{body} {said}"
        parts.append(drafts.message_draft(lang, body, name))
        if card.id not in ctx.used_cards:
            parts.append(t["draft_why"].format(point=card.point.get(lang), n=passage.n))
    else:
        parts.append(drafts.message_draft(lang, invite, name))
    dated = WHEN_SAID.search(ctx.message) or _meeting_dated(ctx)
    parts.append(t["draft_after_dated" if dated else "draft_after"])
    return "\n\n".join(parts)


def _back_again(ctx: TurnContext, given: Iterable[str]) -> list[tuple[PassageView, Card]]:
    """Cards given earlier whose passages were retrieved again: their words are at hand."""
    ids = set(given)
    return [(p, c) for p in ctx.passages for c in p.cards if c.id in ids]


def _second_words(
    ctx: TurnContext, cards: list[tuple[PassageView, Card]], first: Card, lang: str
) -> tuple[Card, str] | None:
    """Another card's words on the same named topic, for a written message (the first
    card's words alone are one spoken line)."""
    named = (set(ctx.signals.situations) | set(ctx.thread)) - GENERIC
    earlier = _back_again(ctx, ctx.used_cards)
    feedback = feedback_heard(ctx, lang)
    quoted = feedback != TEXT[lang]["feedback_example"]
    fitting = [
        card
        for _, card in [*cards, *earlier]
        if card.id != first.id
        and card.say
        and for_managers(card) == for_managers(first)
        and named & set(card.situations)
        and not _words_given(card, lang, ctx, feedback)
    ]
    # Words that carry the feedback they quoted ("…keep getting 'needs more impact'") first.
    fitting.sort(key=lambda c: not (quoted and c.say is not None and "{feedback}" in c.say.en))
    return (fitting[0], _filled(fitting[0], lang, feedback)) if fitting else None


def crosswalk_answer(ctx: TurnContext, lang: str) -> str:
    """Company levels the message names, placed by the crosswalk table among the passages
    ("Microsoft 62 and Amazon SDE II both sit at the generic engineer level"), or ""."""
    # ("I'm an L5 at Google." … "What even is L6 elsewhere?": Google's L6.)
    message = with_company(ctx.message, ctx.person_said[:-1])
    if not names_a_company_level(message):
        return ""
    t = TEXT[lang]
    for passage in ctx.passages:
        table = parse_table(passage.text)
        found = placed(message, table) if table else []
        if not found:
            continue

        def name(p: Placed) -> str:
            return f"{p.company.capitalize()} {p.said}"

        def level(p: Placed) -> str:
            return t[f"crosswalk_level_{p.generic}"]

        def gap_words(gap: int) -> str:
            if abs(gap) == 1:
                return t["crosswalk_gap_1"]
            key = "crosswalk_gap_n" if abs(gap) < 5 else "crosswalk_gap_many"
            return t[key].format(k=abs(gap))

        if len(found) == 1:
            a = found[0]
            # "The recruiter says L5 is basically senior": the table weighs the claim, made in
            # the sentence that names the company level ("L5 at Google, aiming for staff" is none).
            claim = next(
                (s for s in QUESTION_SPLIT.split(message) if a.said in s and LEVEL_CLAIM.search(s)),
                "",
            )
            claimed = [w for w in level_words(claim) if w != a.generic]
            held = card_level(ctx.profile.current_level)
            if not claimed and held in RANKS and STEP_QUESTION.search(message):
                # "I'm staff. Amazon is pitching a 'Principal SDE' role: is that a promotion?"
                gap = RANKS.index(a.generic) - RANKS.index(held)
                key = "same" if gap == 0 else "above" if gap > 0 else "below"
                return t[f"crosswalk_yours_{key}"].format(
                    a=name(a), level=level(a), gap=gap_words(gap), n=passage.n
                )
            if not claimed:
                return t["crosswalk_one"].format(a=name(a), level=level(a), n=passage.n)
            gap = RANKS.index(a.generic) - RANKS.index(claimed[0])
            return t["crosswalk_vs"].format(
                a=name(a),
                level=level(a),
                gap=gap_words(gap),
                direction=t["crosswalk_above"] if gap > 0 else t["crosswalk_below"],
                claimed=t[f"crosswalk_level_{claimed[0]}"],
                n=passage.n,
            )
        a, b = found[0], found[1]
        gap = rank_gap(a, b)
        if gap == 0:
            return t["crosswalk_same"].format(a=name(a), b=name(b), level=level(a), n=passage.n)
        return t["crosswalk_diff"].format(
            a=name(a),
            b=name(b),
            gap=gap_words(gap),
            direction=t["crosswalk_above"] if gap > 0 else t["crosswalk_below"],
            level_a=level(a),
            level_b=level(b),
            n=passage.n,
        )
    return ""


def words_to_say(
    ctx: TurnContext, cards: list[tuple[PassageView, Card]], lang: str
) -> tuple[tuple[PassageView, Card], str] | None:
    """ "What do I say?", or "how?" after a suggested conversation: the words for it, from a
    card given now, else from one given earlier whose passage is back (the point was made,
    the words to say it were not); with the card they come from."""
    how = ctx.signals.terse and bool(ctx.last_cards)
    if not (ctx.signals.asks_for_words or how):
        return None
    given = ctx.last_cards if how and not ctx.signals.asks_for_words else ctx.used_cards
    earlier = _back_again(ctx, given)
    offered = [*cards, *earlier]
    # Words not yet given come first; the same words again beat none at all. In a year of
    # caring for someone, the words for that year ("this year my goal is…") come first.
    steady = _holding_steady(ctx)
    feedback = feedback_heard(ctx, lang)
    # Words for what this message names ("what do I ask their hiring manager?" after an
    # offer), or the conversation's topic when it names none ("what do I ask Anita on
    # Thursday?" after "a skip-level with me"), before words for any conversation.
    named = (set(ctx.signals.situations) - GENERIC) or (set(ctx.thread) - GENERIC)
    going_back = "back-to-ic" in set(ctx.signals.situations) | set(ctx.thread)
    # "So what do I say to him instead?" after "I'm tempted to promise him principal": the
    # words instead of the promise come first.
    promising = any(GUARANTEE.search(said) for said in ctx.person_said)
    offered.sort(
        key=lambda item: (
            not (named & set(item[1].situations)),
            item[1].situations[0] not in named,  # the card that is mainly about it
            not (promising and bool(GUARANTEE.search(item[1].point.en))),
            _words_given(item[1], lang, ctx, feedback),
            not (steady and item[1].situations[0] in HOLDING_STEADY),
        )
    )
    for item in offered:
        card = item[1]
        if (
            card.say
            and for_managers(card) == bool(ctx.report)  # the speaker's words
            # Someone staying where they are: words for staying, not for the next level.
            and (not ctx.content_to_stay or "deciding" in card.situations)
            # Words for a review form in a year of caring for someone are for that year only.
            and (card.situations[0] not in HOLDING_STEADY or _holding_steady(ctx))
            # Going back to IC is not asking to try management, nor asking for growth.
            and not (going_back and "back-to-ic" not in card.situations)
        ):
            return item, _filled(card, lang, feedback)
    return None


def _filled(card: Card, lang: str, feedback: str) -> str:
    """A card's words to say, with the feedback the person quoted where the words name it."""
    return card.say.get(lang).replace("{feedback}", feedback) if card.say else ""


def feedback_heard(ctx: TurnContext, lang: str) -> str:
    """The feedback the person quoted last ("'we need to see more org-level influence'"),
    for words that name it; the sources' own example when they quoted none."""
    for text in reversed(ctx.person_said):
        quotes = [
            m.group(0)[1:-1].strip(" .")
            for m in QUOTED.finditer(text)
            # "my manager said 'more impact'", not a book's title or a job title
            if FEEDBACK_CONTEXT.search(text[max(0, m.start() - 40) : m.start()])
        ]
        quotes = [q for q in quotes if 1 <= len(q.split()) <= 12]
        if quotes:
            return quotes[-1]
    return TEXT[lang]["feedback_example"]


def _words_given(card: Card, lang: str, ctx: TurnContext, feedback: str) -> bool:
    """The card's words to say were already given in this conversation (as said: filled in
    and fitted to the workplace, or as written)."""
    if card.say is None:
        return False
    said = pack(lang).workplace_words(
        _filled(card, lang, feedback), ctx.decider, ctx.no_one_on_ones
    )
    return said in ctx.used_quotes or card.say.get(lang) in ctx.used_quotes


def _only_wh_questions(message: str) -> bool:
    """No "No." answers the message: every question it asks is a what/how one ("He asked
    'will you promote me?' What do I tell him?"; quoted words are someone else's), or it
    asks nothing and the promise is only in the report's quoted words ("…asked me 'can you
    promise I'll get senior?' I froze."). ("I'm tempted to tell him he'll get it" is
    answered "No.")"""
    own = QUOTED.sub(". ", message)  # the quote ends a sentence of its own
    # ("He asked me: what do I tell him?": a colon starts the question too.)
    asked = [q.strip() for q in re.split(r"(?<=[.!?:])\s+", own) if q.strip().endswith("?")]
    if not asked:
        return not GUARANTEE.search(own)
    return all(WH_QUESTION.search(q) for q in asked)


def _refuses_unassigned(message: str) -> bool:
    """ "That's not my job", said by the person ("my lead told me it's
    not my job to fix infra" is someone else's view, reported)."""
    for match in NOT_MY_JOB.finditer(message):
        # ("My manager told me to fix it, but that's not my job": the refusal is theirs.)
        clause = re.split(r"[.!?;]|,\s*(?:but|and|honestly)\b", message[: match.start()])[-1]
        if not SOMEONE_SAYS.search(clause):
            return True
    return False


def verdict_for(
    message: str,
    bias_known: bool = False,
    steady: bool = False,
    report_declined: bool = False,
    earlier: frozenset[str] = frozenset(),
    result_before: bool = False,
    promotion_before: bool = False,
    staying: bool = False,
) -> str | None:
    """The yes/no question of ``message`` the sources answer outright, if it asks one
    (``steady``: the person is holding their level for a while, for a reason of their own;
    ``report_declined``: a manager's report said, now or earlier, that they don't want it;
    ``earlier``: the situations of the last messages, which "will people see it as a
    demotion?" is about; ``result_before``: an earlier message gave a measured result;
    ``promotion_before``: the conversation is about reaching a level, so a bare "how long
    does it usually take?" asks how long that takes; ``staying``: the person said they do
    not want the next level, so "he says staying is 'coasting'" asks for a verdict unasked)."""
    said = QUESTION_SPLIT.split(message.strip())
    # "yes or no: should i volunteer for on-call early" asks, even without its "?", and so
    # does a last sentence shaped as a question ("do i need to tell my boss…").
    questions = [
        sentence.strip()
        for n, sentence in enumerate(said)
        if sentence.rstrip().endswith("?")
        or YES_OR_NO_LEAD.match(sentence.strip())
        or (
            n == len(said) - 1
            # "how long does it usually take" typed without its question mark
            and (UNMARKED_YES_NO.match(sentence.strip()) or HOW_LONG_TO_PROMOTE.search(sentence))
        )
    ]
    if len(said) > 1 and YES_OR_NO_TAIL.fullmatch(said[-1].strip()):
        questions.append(said[-2].strip())  # "do bug fixes get you promoted. yes or no"
    if staying and COASTING_WORD.search(message) and SOMEONE_SAYS.search(message):
        return "not_coasting"  # "I don't want E6." … "he says staying is 'coasting'"
    # "That's not my job, nobody asked me to": a pushback with its answer, asked or not.
    # ("…and my manager would never count it": how to make it count is part of the answer.)
    found = set(situations_in(message))  # what the message is about, read once for them all
    unasked = None
    if _refuses_unassigned(message):
        unasked = "not_my_job_count" if "undervalued-work" in found else "not_my_job"
    if not questions:
        return unasked
    report_declined = report_declined or bool(REPORT_DECLINES.search(message))
    bias = bias_known or discloses_bias(message)  # said now or earlier in the conversation
    for question in questions:
        whole = YES_OR_NO_LEAD.sub("", question)  # "Yes or no: can someone…?"
        # "And if the next cycle is also a no, should I just leave?": the question after it,
        # when the whole sentence settles nothing ("if I keep doing my job well, will I…?").
        for asked in dict.fromkeys((whole, CONDITION_FIRST.sub("", whole))):
            if steady and HURTS_LATER.search(asked):
                return (
                    "steady_no_harm"  # "caring for my dad this year… will this hurt me long-term?"
                )
            if PARANOID.search(asked) and bias:
                return "not_paranoid"  # "…the only woman on the team. Am I being paranoid?"
            if THATS_A_PROMOTION.search(asked) and "management-switch" in found | earlier:
                return "management_not_a_step_up"  # "…to management. That's a promotion, right?"
            if GOOD_IDEA.search(asked) and "management-switch" in found:
                return "management_if_its_the_work"  # "…into management to grow. Good idea?"
            if (found | earlier) & BETWEEN_TRACKS:
                if LANDING_LEVEL.search(asked):
                    return "landing_level"  # "…back to IC. Senior or lower?" is no yes/no
                if SEEN_AS_DEMOTION.search(asked) and "back-to-ic" in found | earlier:
                    if CAN_GO_BACK.search(asked):
                        # "…can I go back to IC without it looking like a demotion?": yes.
                        return "back_without_demotion"
                    return "back_not_a_demotion"  # "…back to IC. Will people see it as a demotion?"
                if CAN_GO_BACK.search(asked):
                    return "can_go_back"  # "…team lead. And if it's not for me, can I go back?"
                if STILL_CODE.search(asked) and "management-switch" in found | earlier:
                    return "still_code"  # "…asked if I want to be EM. Would I still code?"
            if (
                EXAMPLE_CHECK.search(asked)
                and SEVERAL_TEAMS.search(message)
                and NO_OWNER.search(message)
            ):
                return "counts_staff"  # "three teams, nobody owns it. Is that the kind of thing?"
            if (
                IS_IT_OK.search(asked)
                and TO_SKIP_LEVEL.search(message)
                and {"vague-feedback", "missed-cycle"} & (found | earlier)
            ):
                return "skip_level_ok"  # "'needs more impact' twice… message my skip? Bad idea?"
            if MANAGER_DECIDES.search(asked):
                return "manager_not_alone"  # "does my manager decide my promotion?"
            if EXAMPLE_CHECK.search(asked) and METRICS_WORK.search(message):
                return "counts_metrics"  # "…a latency dashboard by March 1. Does it count?"
            if GO_TO_HR.search(asked):
                return "go_to_hr"  # "Passed over twice… Should I just go to HR?"
            if LANDING_LEVEL.search(asked) and BETWEEN_TRACKS & (found | earlier):
                return "landing_level"  # "…back to IC. What level would I land at?"
            if EXAMPLE_CHECK.search(asked) and NO_OWNER.search(message):
                return "counts_opportunity"  # "checkout takes 6 s, nobody owns it. Is that it?"
            if SHORT_OF_HR.search(asked) and (bias_known or HR_WORD.search(message)):
                return "short_of_hr"  # "HR feels nuclear. Is there anything in between?"
            if BIG_ENOUGH.search(asked) and "operational-load" in found:
                return "load_counts"  # "15 pages a week from three alerts. Big enough to count?"
            if COUNTS_BARE.search(asked) and "operational-load" in found | earlier:
                # (the result said now, or before: "…pages from 20 a week to 4." … "Was this
                # not promotion-worthy?")
                if RESOLVED.search(message) or result_before:
                    return (
                        "result_counts"  # "I cut our pages from 30 a week to 4. Does that count?"
                    )
                return "firefighting_counts"  # "I'm on every incident. Does that count?"
            if report_declined and PUSH_THEM.search(asked):
                return "report_may_stay"  # "…he doesn't want staff. Do I have to push him?"
            if report_declined and LEAVE_THEM_BE.search(asked):
                return "report_may_stay_yes"  # "…he loves coding. Should I just leave him alone?"
            if HOW_LONG_TO_PROMOTE.search(asked) and (
                PROMOTION_TALK.search(message) or find_levels(message) or promotion_before
            ):
                return "no_fixed_clock"  # "how long does it usually take to get to L4?"
            # "…this February cycle?"; "Ревью в марте. Успею?" (a short question after the date).
            if CYCLE_IN_REACH.search(asked) and (
                CYCLE_WORD.search(asked)
                or (
                    (len(asked.split()) <= 4 or BY_THEN.search(asked))
                    and CYCLE_WORD.search(message)
                )
            ):
                return "cycle_in_reach"  # "…packets due Feb 14. Realistic, or aim for the next?"
            if PROMOTED_HERE.search(asked) and "easy-work" in found:
                return "easy_work_no_bar"  # "…we change button colours. Is it even possible?"
            if PROMOTED_HERE.search(asked) and found & RUNNING_TEAMS:
                return (
                    "team_is_no_bar"  # "…maintenance only. Can I get promoted on a team like this?"
                )
            if (BOSS_RIGHT.search(asked) or ECHO_QUESTION.search(asked)) and (
                found & {"undervalued-work", "existing-work"}
            ):
                return "undervalued_not_right"  # "'bug fixing doesn't get promoted.' Is he right?"
            if REPORT_UP_FOR_IT.search(asked) and RESOLVED.search(message):
                return "report_work_counts"  # "she cut pages from 25 to 3. Can I put her up?"
            if MANAGER_OR_ABOVE.search(asked) and not bias:
                return "manager_first"  # "with my lead or straight with the head of department?"
            if ECHO_QUESTION.search(asked) and COASTING_WORD.search(message):
                return "not_coasting"  # "He says I'm 'coasting' if I don't go for staff. Am I?"
            if IT_PAYS_MORE.search(asked) and "management-switch" in found | earlier:
                return "tracks_pay_alike"  # "…offered me the EM role. Would it at least pay more?"
            for name, pattern in VERDICTS.items():
                if pattern.search(asked):
                    if name == "cross_team_yes" and "staff-path" not in found | earlier:
                        continue  # across teams is the staff ladder's answer, not every level's
                    if name == "ask_what_changed" and "missed-cycle" not in found | earlier:
                        continue  # "should I ask why?" is about a decision already made
                    if name == "not_the_only_way" and PAY_WORDS.search(asked):
                        return "not_the_only_way_pay"  # "…the only way to get a real raise?"
                    if name == "not_failing" and content_to_stay(message):
                        return None  # "I don't want staff. Is something wrong with me?": the choice
                    return name
            if MUST_GO_FOR_IT.search(asked):
                # "Senior (63)… my manager nudges me toward principal. Do I have to go for it?"
                return "no_obligation" if CAREER_LEVEL.search(message) else "your_call"
            if IS_IT_BAD.search(asked) and NOT_NOW.search(message):
                return (
                    "not_now_ok"  # "…my manager asked about staff. Is it bad if I say no for now?"
                )
            if IS_IT_BAD.search(asked) and ASKS_A_LOT.search(message):
                return "asking_ok"  # "My lead said I ask too many questions. Is that bad?"
            if IS_IT_BAD.search(asked) and content_to_stay(message):
                return "fine_to_stay"  # "I don't want staff at all. Is that bad?"
    return unasked


def strain_only(message: str) -> bool:
    """Distress in words of exhaustion only ("burning out on work that doesn't count"):
    every distress phrase in it is a strain one, and no word of crisis is there."""
    return bool(
        STRAIN.search(message)
        and not CRISIS.search(message)
        and not SELF_BLAME.search(message)  # "…and I feel like a total failure": more than tired
        and not DISTRESS.search(STRAIN.sub(" ", message))
    )


def support(ctx: TurnContext, lang: str) -> str:
    """Support mode: the full pointer to help once, then gentler turns that don't repeat it."""
    t = TEXT[lang]
    said = " ".join(ctx.asked)
    pointed = "crisis_pointer" in ctx.said_lines  # the emergency line was already given
    strain = strain_only(ctx.message)
    if ctx.signals.intent == "distress" and not strain and not pointed:
        # Words of crisis get the full pointer, even after a gentler turn on exhaustion.
        if PROMOTION_TALK.search(ctx.message) and SELF_BLAME.search(ctx.message):
            # "I feel like a failure because I'm still not senior": say that it is not.
            first, rest = t["distress"].split("\n\n", 1)
            said_first = SENTENCE_SPLIT.split(first)
            return " ".join([*said_first[:2], t["distress_promotion"], *said_first[2:]]) + (
                "\n\n" + rest
            )
        return t["distress"]
    if (
        ctx.signals.intent == "distress"
        and not pointed
        and t["distress"].split("\n\n")[-1] not in said
    ):
        return t["distress_strain"]  # "burning out on work that doesn't count"
    question = next(
        (t[k] for k in ("support_question_1", "support_question_2", "support_question_3")
         if t[k] not in said),
        t["support_question_3"],
    )  # fmt: skip
    later = f" {t['support_later']}" if ctx.signals.direct_question else ""
    return f"{t['support_again']}{later}\n\n{question}"


# -- reflection ---------------------------------------------------------------------------


def _level_phrase(level: str, lang: str, target: bool) -> str:
    t = TEXT[lang]
    named = LEVEL_NAMES[f"{lang}_target" if target else lang].get(level.lower())
    if named:
        return t["aiming_for" if target else "you_are"].format(level=named)
    return t["aiming_for_code" if target else "you_are_at"].format(level=level)


def _join(items: list[str], lang: str) -> str:
    t = TEXT[lang]
    if len(items) <= 1:
        return "".join(items)
    return t["list_sep"].join(items[:-1]) + t["and"] + items[-1]


def reflect(
    news: Profile,
    lang: str,
    names_a_fix: bool = False,
    states_a_want: bool = True,
    message: str = "",
) -> str:
    """One sentence saying back what this message added; empty when it added nothing.

    Only what the person plainly said: a motive only when they say what they want ("pay"
    in "title and pay are the same" is no motive), and only problems a keyword can't get
    wrong; a problem named alongside its fix ("cut pages from 12 to 2") is not said back
    as a problem they have.
    """
    t = TEXT[lang]
    blockers = [] if names_a_fix else [b for b in news.blockers if b in SAID_BACK]
    if message and not LOAD_STATED.search(message):
        # "two incidents this quarter where flags disagreed" names incidents, not a load.
        blockers = [b for b in blockers if b != "heavy operational load"]
    news = news.model_copy(
        update={"blockers": blockers, "motivations": news.motivations if states_a_want else []}
    )
    facts = []
    if news.current_level:
        facts.append(_level_phrase(news.current_level, lang, target=False))
    if news.team:
        facts.append(t["on_team"].format(team=news.team))
    if news.target_level:
        facts.append(_level_phrase(news.target_level, lang, target=True))
    # A manager's track is their level already: "you're a manager on the management track".
    track_said = news.track in ("management", "ic") and card_level(news.current_level) != "manager"
    if track_said:
        facts.append(t[f"track_{news.track}"])
    if news.blockers:
        facts.append(
            t["dealing_with"].format(items=_join([label(b, lang) for b in news.blockers[:2]], lang))
        )
    if news.motivations:
        facts.append(
            t["motivated_by"].format(
                items=_join([label(m, lang) for m in news.motivations[:2]], lang)
            )
        )
    if news.manager_alignment != "unknown":
        facts.append(t["manager_" + news.manager_alignment.replace(" ", "_")])
    only_levels = (
        not (news.team or track_said or news.blockers or news.motivations)
        and news.manager_alignment == "unknown"
    )
    if not facts or only_levels:
        return ""  # "It sounds like you're a senior engineer" only echoes; the advice uses it
    return t["reflection"].format(facts=_join(facts[:3], lang))


# -- cards --------------------------------------------------------------------------------


def _small_company(ctx: TurnContext) -> bool:
    """The person said they work at a startup or a small company: no directors, VPs or
    executives to point them to."""
    return any(SMALL_COMPANY.search(t) for t in ctx.person_said)


def card_fits(card: Card, ctx: TurnContext) -> bool:
    """A card fits the person's level and track (unknown level: every card fits).

    Asked what the next level looks like, the next level's own cards fit too.
    """
    levels = served_levels(ctx.profile, ctx.signals.situations, ctx.level_step)
    if LARGE_ORG.search(_card_words(card)) and _small_company(ctx):
        return False  # "which director or VP…?" at a 15-person startup: no such person
    if ctx.no_process and PROCESS_TALK.search(card.point.en) and not for_managers(card):
        return False  # "there's no calibration, no promo packet": not "in calibration, …"
    managing = (
        ctx.profile.track == "management"
        or weighs_management(ctx.profile)
        or "manager" in levels
        or bool(
            {"management-switch", "back-to-ic", "manager-of-team"}
            & (set(ctx.signals.situations) | set(ctx.thread))
        )
    )
    if (
        "any" not in card.tracks
        and "management" in card.tracks
        and "ic" not in card.tracks
        and not managing
    ):
        return False
    if "manager" in card.levels and "any" not in card.levels and not managing:
        return False
    if (
        for_managers(card)
        and "manager" not in levels
        and not ctx.report
        and not any(MANAGER_SELF.search(text) for text in ctx.person_said)
    ):
        return False  # "as a manager, step in…" is not for someone only weighing the switch
    if card.situations and card.situations[0] in MANAGEMENT_CONTEXT and not managing:
        return False  # "before switching to management…" is not advice for an IC
    if (
        ctx.report
        and (
            card.situations[0] in SWITCHING
            or (card.tracks == ["management"] and card.situations[0] == "level-expectations")
        )
        and not _report_switches(ctx.message)
    ):
        # A manager asking about a report is not weighing their own track, nor climbing
        # their own ladder ("a director's output is an organisation").
        return False
    if (
        not levels
        and set(card.levels) <= STAFF_PLUS
        and not (
            "staff-path" in ctx.signals.situations or (ctx.promotion_goal and _staff_talk(ctx))
        )
    ):
        return False  # a principal's vision document is not advice for someone unplaced
    if (
        not levels
        and set(card.levels) <= {"entry"}
        and not any(_says_new(text) for text in ctx.person_said or (ctx.message,))
    ):
        return False  # entry-level habits are not for someone who never said they are new
    if "manager" in levels and (ctx.signals.about_a_report or ctx.report):
        # Asking for a report: advice for the report's level ("one of my engineers,
        # mid-level, put up for senior" is at mid-level: not staff signals), any level when
        # none is named, except an entry-level ladder line for someone not described as junior.
        if set(card.levels) <= {"entry"} and not JUNIOR.search(ctx.message):
            return False
        levels = report_levels(ctx)  # the manager's own cards still fit (``managing``)
    elif "manager" in levels and card.tracks == ["ic"]:
        return False  # a manager is not the one building a case
    if PAY_WORDS.search(card.point.en) and any(
        MONEY_NOT_THE_POINT.search(t) for t in ctx.person_said
    ):
        return False  # "more money is a legitimate reason…" after "the money is the same"
    if COMPANIES.search(card.point.en) and (
        ctx.report
        or not _companies_in_view(ctx)
        # "'Principal' means very different things" to someone weighing an SDE II offer
        or ("principal" in card.point.en.lower() and not _said("principal", ctx))
    ):
        # (nor passed on by a manager: her offer is not a question of level names)
        return False  # "at Amazon a Principal SDE…" to someone whose own ladder is the topic
    if _reaches_where_they_are(card, ctx):
        return False  # "typical staff work: …" to a staff engineer asking about principal
    if card.id in PRESUMES_DISAGREEMENT and ctx.profile.manager_alignment == "aligned":
        return False  # "if you and your manager completely disagree…" to someone backed
    if ctx.report and not for_managers(card) and YOUR_MANAGER.search(card.point.en):
        # Passed on by the manager, "bring it up with your manager" points back at them.
        return False
    no_ladder = "no-ladder" in ctx.signals.situations or "no-ladder" in ctx.thread
    if no_ladder and "no-ladder" not in card.situations and "ladder" in _card_words(card):
        return False  # "which gap on the ladder…" right after "we have no ladder"
    if "any" in card.levels or not levels:
        return True
    return bool(levels & set(card.levels)) or (managing and "manager" in card.levels)


def _said(word: str, ctx: TurnContext) -> bool:
    """The person has used this word in the conversation."""
    return any(word in text.lower() for text in ctx.person_said)


def _companies_in_view(ctx: TurnContext) -> bool:
    """Other companies are part of the conversation: an offer, a move, a company's level."""
    return bool(
        {"comparing-offers", "leaving"} & (set(ctx.signals.situations) | set(ctx.thread))
    ) or any(COMPANIES.search(t) or names_a_company_level(t) for t in ctx.person_said)


def _reaches_where_they_are(card: Card, ctx: TurnContext) -> bool:
    """A card written for the way up to the level the person already holds (a staff card,
    levels senior and staff, for a staff engineer aiming at principal): it describes their
    present, not their next step. Their own ladder's signals of the next level (levels: staff
    only) and the next level's cards still fit; so does everything when they compare the two
    levels."""
    if ctx.report or ctx.level_step:
        return False
    current = card_level(ctx.profile.current_level)
    if current not in LEVEL_ORDER[1:]:
        return False
    at = LEVEL_ORDER.index(current)
    # The target they set, or a higher level they talk about ("two years at staff… what
    # does it take to get to principal?").
    above = {card_level(ctx.profile.target_level)} | {
        level for text in ctx.person_said for level in level_words(text)
    }
    if not any(level in LEVEL_ORDER[at + 1 :] for level in above):
        return False
    return set(card.levels) == {LEVEL_ORDER[at - 1], current}


def report_levels(ctx: TurnContext) -> set[str]:
    """The levels whose cards fit the report a manager asks about: the report's level (the
    lowest named in what the manager said: "mid-level … put up for senior" is mid-level)
    and the one above it, which describes where they are going; none when no level is named.
    A staff engineer's signals are not for a mid-level engineer going to senior."""
    return set(_report_levels((*ctx.person_said, ctx.message)))


@lru_cache(maxsize=64)
def _report_levels(said: tuple[str, ...]) -> frozenset[str]:
    """``report_levels`` for what the manager said; asked once per card, read once a turn."""
    named = [lv for text in said for lv in level_words(text) if lv in LEVEL_ORDER]
    if not named:
        return frozenset()
    low = LEVEL_ORDER.index(min(named, key=LEVEL_ORDER.index))
    return frozenset(LEVEL_ORDER[low : low + 2])


def _says_new(text: str) -> bool:
    """The person says they are new ("new grad", "junior"), not that they are not ("I'm
    not a junior") or that they work with juniors ("I mentor the juniors")."""
    return any(
        not NEGATED_LEVEL.search(text[max(0, m.start() - 16) : m.start()])
        and not WITH_JUNIORS.search(text[max(0, m.start() - 24) : m.end() + 1])
        for m in JUNIOR.finditer(text)
    )


def _card_words(card: Card) -> str:
    return " ".join([card.point.en, card.question.en if card.question else ""]).lower()


@lru_cache(maxsize=64)
def _report_switches(message: str) -> bool:
    """A manager's message speaks of a track change beyond their own "I'm a manager"
    ("one of my seniors wants to become a manager")."""
    return bool(SWITCHING & set(situations_in(MANAGER_SELF.sub(" ", message))))


def _staff_talk(ctx: TurnContext) -> bool:
    return card_level(ctx.profile.target_level) in STAFF_PLUS


def _situations(ctx: TurnContext) -> tuple[set[str], set[str]]:
    now = set(ctx.signals.situations)
    if ctx.report and not _report_switches(ctx.message):
        now -= SWITCHING  # "I'm an engineering manager" is where they are, not a move
    known = {
        PROFILE_SITUATIONS[v]
        for v in [*ctx.profile.blockers, *ctx.profile.motivations]
        if v in PROFILE_SITUATIONS
    }
    if card_level(ctx.profile.target_level) in ("staff", "principal"):
        known.add("staff-path")
    if card_level(ctx.profile.current_level) == "manager":
        known.add("manager-of-team")  # a manager asking about their people, not a switch
    elif weighs_management(ctx.profile):
        known.add("management-switch")  # "…asked if I want to be EM": still the topic later
    if ctx.signals.bias_disclosure:
        now.add("possible-bias")
    if ctx.profile.manager_alignment in ("not discussed", "misaligned"):
        known.add("manager-alignment")  # both articles: raise it with your manager, regularly
        if ctx.news.manager_alignment != "unknown":
            now.add("check-in")
    # The profile already holds this message's facts: count a situation once, as new.
    return now, known - now


def _holding_steady(ctx: TurnContext) -> bool:
    """A season of not pushing (caring for a parent, a new child) is in this conversation."""
    return bool(HOLDING_STEADY & {*ctx.signals.situations, *ctx.thread})


def _last_situations(ctx: TurnContext) -> set[str]:
    """The situations the coach's last answer spoke to (its cards' first two)."""
    return {
        situation
        for p in ctx.passages
        for c in p.cards
        if c.id in ctx.last_cards
        for situation in c.situations[:2]
    }


def choose_cards(
    ctx: TurnContext,
    n: int,
    stage: str | None = None,
    among: set[str] | None = None,
    spread: bool = False,
    stages: set[str] | None = None,
) -> list[tuple[PassageView, Card]]:
    """The ``n`` cards that best answer this turn, unused so far, at most one per passage.

    A situation the person names in this message counts most. What the conversation
    already established counts too (a disclosed bias keeps its weight until it is
    addressed); generic situations ("what first?") count only a little on their own,
    so that "what should I do this week?" is answered for this person's situation.
    """
    now, known = _situations(ctx)
    signals = ctx.signals
    # "This is generic": what the last answer spoke to missed them, so what this message
    # adds ("my manager says reliability doesn't count") leads, and the rest steps back.
    missed = _last_situations(ctx) if signals.pushback else set()
    # "I've read StaffEng and every blog post": advice naming what they already know is out.
    known_already = {
        word
        for m in ALREADY_KNOWN.finditer(ctx.message)
        # The reading joins every language's pattern: the group that matched is the one set.
        for word in tokenize(next((g for g in m.groups() if g), ""))
    } - COMMON_WORDS
    now = (now - missed) or now
    thread = set(ctx.thread) - now - known - missed
    # "I already keep a brag doc", "I already told my manager": not prescribed again.
    done = {
        card_id
        for pattern, ids in DONE_ALREADY.values()
        if any(pattern.search(said) for said in ctx.person_said)
        for card_id in ids
    }
    direct = (
        signals.wants_direct_advice
        or signals.direct_question
        # "whats the first step, smallest possible" (no "?"), not "my next step is to…"
        or (signals.asks_for_action and not ctx.news.commitments)
        or signals.no_questions
        or spread
    )
    if stage is None and (signals.wants_direct_advice or signals.asks_for_action):
        stage = "will"  # "what should I ask/do?" wants something to do, not a description
    stage = stage or ctx.stage
    words = set(tokenize(ctx.message))
    if "level-expectations" not in now:  # "what does a senior do?" is about the level itself
        words -= PLACE_WORDS
    levels = person_levels(ctx.profile)
    used = set(ctx.used_cards)
    motives = [p for p, label in MOTIVATIONS.items() if label in ctx.news.motivations]
    said_twice = "possible-bias" in known | now or any(
        REPEATED_MISS.search(text) for text in ctx.person_said
    )
    # A message that names nothing of its own ("I'm a senior. I don't want to seem like I'm
    # complaining.") continues the conversation's topic: advice off that topic is noise.
    topic = (thread | known | set(ctx.thread)) - GENERIC - BROAD
    off_topic_possible = bool(topic) and not (now - {"first-step"}) and among is None
    # "how?" right after an answer asks how to do what it suggested: the cards that share
    # its situations, the ones to act on first.
    # ("One sentence. Not a lecture." with nothing new: the last answer, shorter.)
    follows = ctx.signals.terse or (ctx.signals.wants_brief and not ctx.signals.situations)
    asks_how_long = bool(ASKS_HOW_LONG.search(ctx.message))
    last = _last_situations(ctx)
    # The section each card's anchor sits in ("Right hand"), read once for this turn.
    sections = {
        (p.n, c.id): card_section(p.text, p.heading, c.anchor)
        for p in ctx.passages
        for c in p.cards
    }
    asked = sections_asked(
        ctx.message,
        [(c, p.heading, sections[p.n, c.id]) for p in ctx.passages for c in p.cards],
        ctx.person_said[-2] if len(ctx.person_said) > 1 else "",
    )
    scored: list[tuple[float, int, PassageView, Card, float]] = []
    on_topic = False
    # Cards already given, on the topic, that share this message's own words ("conflict",
    # "under-performance"): said again, as such, when nothing new on the topic is left.
    again: list[tuple[int, int, PassageView, Card]] = []
    # "What does a right hand do day to day?" right after both right-hand cards were given:
    # those cards again, as such, rather than cards about another archetype.
    named_again: list[tuple[PassageView, Card]] = []
    for passage in ctx.passages:
        for card in passage.cards:
            section = sections[passage.n, card.id]
            if card.id in used and section in asked:
                named_again.append((passage, card))
            if (
                card.id in used
                and off_topic_possible
                and not signals.asks_for_words  # words to say come with the card that fits
                and topic & set(card.situations)
                and card_fits(card, ctx)
            ):
                said = set(tokenize(card.point.en)) | set(tokenize(card.point.ru or ""))
                shared = _shared_words(words - COMMON_WORDS, said)
                if shared >= 2:
                    again.append((shared, -passage.n, passage, card))
            # "…a staff tech lead and an architect?", "the right hand archetype": the sections
            # they ask about by title are theirs to read, whatever level they hold.
            named = section in asked
            if card.id in used or card.id in done or not (named or card_fits(card, ctx)):
                continue
            if len(known_already & set(tokenize(card.point.en))) >= min(2, len(known_already)) > 0:
                continue
            if (
                card.situations[0] in CIRCUMSTANCES
                and card.situations[0] not in now | known | thread
                and not HOLDING_STEADY & now & set(card.situations)
            ):
                continue  # "on call, fix…" presumes someone who is on call
            if (
                passage.doc_id.endswith("staff-archetypes")
                and "staff-path" not in now | known | thread
                and not levels & {"senior", *STAFF_PLUS}
            ):
                continue  # "the tech lead is the most common archetype" to a new grad
            if card.situations[0] == "possible-bias" and not (
                signals.bias_disclosure or "possible bias" in ctx.profile.blockers
            ):
                continue  # "if you are in an underrepresented group…" needs them to say so
            if (
                card.situations[0] in PROMOTION_FRAMED - now
                and not ctx.promotion_goal
                and not HOLDING_STEADY & now & set(card.situations)
            ):
                continue  # (a year of caring for a parent: whether to push now is the topic)
            if (
                signals.decided
                and "deciding" in card.situations[:2]
                and not ((now - GENERIC) & set(card.situations))
            ):
                continue  # "I've decided": whether to go for it is behind them
            if (
                said_twice
                and REASSURES_A_CYCLE.search(card.point.en)
                and "missed-cycle" in card.situations
            ):
                continue  # "it often takes a cycle or two" to someone passed over again
            if (
                ctx.content_to_stay
                and (TOWARDS_PROMOTION | {"different-work"}) & set(card.situations)
                and (card.situations[0] != "deciding" or "explicit-goal" in card.situations)
            ):
                continue  # "no interest in staff": not the gaps to it, nor "commit to it"
            if (
                HOLDING_STEADY & (now | thread | known)
                and TOWARDS_PROMOTION & set(card.situations)
                and not HOLDING_STEADY & set(card.situations)
            ):
                continue  # "our daughter is four months old": not the gaps to staff
            if (
                "possible-bias" in now
                and not FAIRNESS & set(card.situations)
                and {"different-work", "staff-path", "readiness"} & set(card.situations)
            ):
                continue  # "it isn't about my work": not "your work needs another shape"
            if ctx.content_to_stay and card.situations[0] == "motivation":
                continue  # nor the reasons to go for it ("more money is a legitimate reason")
            if among is not None and not among & set(card.situations):
                continue
            on_step = answers_step(passage.doc_id, section, ctx.level_step)
            if (
                ctx.level_step
                and not (on_step or named)
                and (
                    ladder_level(passage.doc_id) not in (None, *ctx.level_step)
                    or is_step_section(section)
                    or passage.doc_id.endswith("staff-archetypes")  # shapes of a level, no step
                    or ("staff-path" in card.situations and ctx.level_step[1] not in STAFF_PLUS)
                )
            ):
                continue  # "mid-level vs senior?": the staff ladder or intern-vs-entry is beside it
            if stages is not None and card.stage not in stages:
                continue  # a plan is made of things to do, not descriptions of a level
            situations = set(card.situations)
            score = 3.0 * len((now - GENERIC) & situations)
            # "What do I do first?" and nothing else: the generic situation is the question.
            score += (3.0 if now <= GENERIC else 1.0) * len(now & GENERIC & situations)
            score += 1.5 * len(known & situations)
            # What the last two messages were about still counts: a thread, not a reset.
            score += 1.0 * len((thread - GENERIC) & situations)
            if "possible-bias" in known and "possible-bias" in situations:
                score += 2.0
            said = set(tokenize(card.point.en)) | set(tokenize(card.point.ru or ""))
            # After "this is generic", or asked something directly, the person's own words
            # count double: the card that answers their question shares its words.
            score += (1.2 if signals.pushback or signals.direct_question else 0.6) * len(
                words & said
            )
            # The motive they just named ("it's about the money") read in the card's own
            # words by the same pattern: the card about that motive, not motives in general.
            if any(m.search(card.point.get(ctx.language)) for m in motives):
                score += MOTIVE_MATCH
            if signals.asks_for_words and card.say and for_managers(card) == bool(ctx.report):
                score += WORDS_MATCH  # "what do I say?": a card with words for this speaker
            if asks_how_long and TIME_SPAN.search(card.point.en):
                score += WORDS_MATCH  # "how long does it take?": the card that says how long
            if signals.asks_guarantee and GUARANTEE.search(card.point.en):
                score += WORDS_MATCH  # "can I promise her…?": the card on promising answers it
            # Close in meaning to what they said ("a faster way up?" ~ "a change of job, not
            # a faster way up"), which shared words alone miss.
            sim = ctx.card_similarity.get(card.id, 0.0)
            score += MEANING_WEIGHT * max(0.0, sim - MEANING_FLOOR)
            # Stage and level say where a card sits, not that it speaks to this person:
            # without a situation, two words in common, meaning or the top passage it is
            # not offered (a direct question still gets the best there is).
            generic_only = 0.5 * len(now & GENERIC & situations)  # "title", "first": weak alone
            top = 1.0 if passage.n == 1 else 0.0  # retrieval's own best match speaks to it
            if off_topic_possible and not topic & set(card.situations):
                # Unasked, an off-topic card falls below the cut; asked directly, it is
                # given its score back below when nothing on the topic is left.
                score -= OFF_TOPIC
            if score - generic_only + top < RELEVANT and not direct:
                continue
            relevance = score - generic_only  # what ties it to this message, before placement
            if "?" in card.point.get(ctx.language):
                score -= 1.5  # a point phrased as a question spends the question budget
            if levels and levels & set(card.levels):
                score += 1.0  # written for exactly this level, not for anyone
            score += 2.0 / passage.n
            if card.stage == stage:  # an action question leans harder on the "will" cards
                score += 1.5 if stage == "will" and stage != ctx.stage else 0.75
            if "possible-bias" in now and "possible-bias" in card.situations:
                score += 5.0
            if HOLDING_STEADY & now & situations:
                score += 3.0  # a year of caring for a parent: that comes before level advice
            if follows and last & set(card.situations):
                score += FOLLOWS_UP + (1.0 if card.stage == "will" else 0.0)
            if on_step:
                score += STEP_MATCH  # the ladders' own account of the step they asked about
            if named:
                score += 2 * STEP_MATCH  # a section asked for by name comes before the step's
            scored.append((score, -passage.n, passage, card, relevance))
            on_topic = on_topic or bool(topic & set(card.situations))
    if off_topic_possible and not on_topic and again:
        # "I don't like conflict… does that change things?" after the card on an EM's work
        # (conflict, under-performance) was given: that card again, not one off the topic.
        _, _, passage, card = max(again, key=lambda a: (a[0], a[1]))
        return [(passage, card)]
    if off_topic_possible and not on_topic:
        # Nothing on the topic is left ("and then?" after every such card was given): the
        # best of the rest, unpenalised, rather than no answer to a direct question.
        scored = [
            (s + OFF_TOPIC, n, p, c, r + OFF_TOPIC) if not topic & set(c.situations) else item
            for item in scored
            for s, n, p, c, r in [item]
        ]
    scored.sort(key=lambda s: (-s[0], -s[1], s[3].id))
    chosen: list[tuple[PassageView, Card]] = []
    best = scored[0][0] if scored else 0.0
    for score, _, passage, card, relevance in scored:
        if score < 1.0 or sum(p.n == passage.n for p, _ in chosen) >= PER_PASSAGE:
            continue
        if chosen and relevance < EXTRA_RELEVANT and not spread:
            continue  # a second point must be about what they said, not merely well placed
        third_bar = THIRD_RELEVANT_ASKED if direct else THIRD_RELEVANT
        if len(chosen) >= 2 and relevance < third_bar and not spread:
            continue  # a third point must speak to what they named or asked
        if chosen and score < 0.4 * best and not spread:
            break  # a weak second point dilutes a good first one (a plan needs several)
        if any(_similar(card.point.en, c.point.en) for _, c in chosen):
            continue  # two cards saying the same thing read as padding
        chosen.append((passage, card))
        if len(chosen) == n:
            break
    if named_again and not any(sections[p.n, c.id] in asked for p, c in chosen):
        # One, the closest to what they asked: "As I said" twice reads as a loop.
        return [
            max(
                named_again,
                key=lambda item: _shared_words(
                    words - COMMON_WORDS, set(tokenize(item[1].point.get(ctx.language)))
                ),
            )
        ]
    if not chosen and off_topic_possible and again:
        # What is left on the topic is too weak to give («Как можно попробовать?» after the
        # card on trying the job was given): that card again, not a question instead.
        _, _, passage, card = max(again, key=lambda a: (a[0], a[1]))
        return [(passage, card)]
    return chosen


#: "Three things", "пять шагов": how many steps a plan should have.
COUNT = reading("count")
NUMBERS = {
    **{str(i): i for i in range(2, 6)},
    **{word: n for p in PACKS.values() for word, n in p.number_words.items()},
}
#: A plan opens with the conversation that makes the goal explicit and ends with the
#: evidence and the check-in: the order both articles give.
PLAN_OPENERS = {"explicit-goal", "manager-alignment"}
PLAN_CLOSERS = {"evidence", "check-in", "visibility"}


def choose_plan(ctx: TurnContext) -> list[tuple[PassageView, Card]]:
    """Three or four cards for "give me a plan", ordered as weeks; empty when fewer fit."""
    wanted = COUNT.search(ctx.message)
    # The whole match is the number word: each pack's alternatives are a group of their
    # own once joined, so a group index would name only the first language's.
    n = NUMBERS.get(wanted.group(0).split()[0].lower(), 4) if wanted else 4
    cards = choose_cards(ctx, n, stage="will", spread=True, stages={"options", "will"})
    if len(cards) < 2:
        return []
    # "I want to go back to IC. A plan for 30 days?": weeks of advice on other topics
    # ("ask your manager about your gaps", "as a manager, step in…") are no plan for it.
    named = (set(ctx.signals.situations) | set(ctx.thread)) - GENERIC
    if named and sum(bool(named & set(c.situations)) for _, c in cards) < 2:
        return []

    def week(item: tuple[PassageView, Card]) -> int:
        situations = set(item[1].situations)
        return 0 if situations & PLAN_OPENERS else 2 if situations & PLAN_CLOSERS else 1

    return sorted(cards, key=week)


def _shared_words(words: set[str], said: set[str], prefix: int = 5) -> int:
    """How many of ``words`` the card says, counting a word whose stem begins as one of the
    card's does: «попробовать» and «попробуйте» stem apart, but are one word to a reader."""
    heads = {w[:prefix] for w in said if len(w) >= prefix}
    return sum(1 for w in words if w in said or (len(w) >= prefix and w[:prefix] in heads))


def _repeats(point: str, said: str, n: int = 4) -> bool:
    """``point`` repeats a run of ``n`` words of ``said`` ("a cycle or two", "two quarters
    or more" are three and four words: a phrase of ``n`` words is a repeated claim)."""

    def runs(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}

    return bool(runs(point) & runs(said))


def _similar(a: str, b: str) -> bool:
    """Two points that say much the same, or open the same way ("After a cycle, ask for
    feedback…" beside "After a cycle, ask what would have changed…")."""
    x, y = set(tokenize(a)), set(tokenize(b))
    same_opening = re.findall(r"\w+", a.lower())[:4] == re.findall(r"\w+", b.lower())[:4]
    return bool(x and y) and (same_opening or len(x & y) / len(x | y) > 0.25)


def compose_guidance(
    ctx: TurnContext, cards: list[tuple[PassageView, Card]], lang: str, direct: bool
) -> str:
    """Direct: the answer in a few sentences. Otherwise: a lead and the points, cited.

    A manager asking about one of their people gets the points as advice to pass on: they
    are written to the engineer ("you"), which reads right once the lead says so.
    """
    t = TEXT[lang]
    points = [
        # A point given before and given again is said as such, not as new advice.
        (
            f"{t['as_before']} {_mid_sentence(card.point.get(lang))}"
            if card.id in ctx.used_cards
            else card.point.get(lang)
        )
        + f" [{passage.n}]"
        for passage, card in cards
    ]
    if ctx.report:
        # Cards written for managers ("if you are a manager, never accept…") are the
        # manager's own; the rest are the report's to hear.
        words = report_words(ctx.report, lang)
        mine = [p for p, (_, c) in zip(points, cards, strict=True) if for_managers(c)]
        theirs = [p for p in points if p not in mine]
        # The same lead every turn reads as a template: the first turn's, then others.
        blocks = [
            (_variant(t, "report_lead", max(ctx.user_turns, 1) - 1).format(**words), theirs),
            (t["report_mine"].format(**words), mine),
        ]
        if ctx.signals.asks_guarantee:
            blocks.reverse()  # "Can I just say yes?": "No." and then why, before the rest
        return "\n\n".join(
            lead + " " + _mid_sentence(ps[0])
            if len(ps) == 1
            else lead + "\n" + "\n".join(f"- {p}" for p in ps)
            for lead, ps in blocks
            if ps
        )
    if direct:
        text = " ".join(points)
    else:
        lead = _variant(
            t,
            "lead_out_of_scope" if ctx.signals.intent == "out_of_scope" else f"lead_{ctx.stage}",
            ctx.user_turns,
        )
        if len(points) > 1:
            text = lead + "\n" + "\n".join(f"- {p}" for p in points)
        elif ctx.signals.intent == "out_of_scope":
            text = lead + " " + _mid_sentence(points[0])  # what is close, said as such
        else:
            # One point is said as it is: "Worth weighing: The next level…" read as a form.
            text = points[0]
    # No "in the source's words" quote after the point: readers took it for padding (the
    # point already says it, cited), and an author's rhetorical line reads as a reproach.
    # The passage itself is one click away in the sources.
    return text


def _mid_sentence(text: str) -> str:
    """A card's point continued after a colon: "…pass on to her: if your manager…". Card
    points open with ordinary words; "I", an acronym or a quoted word keeps its case."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if first in ("A", "А") or (
        first[:1].isupper()
        and first[1:2].islower()
        and first != "I"
        and first[1:] == first[1:].lower()
    ):
        return text[0].lower() + text[1:]
    return text


# -- extractive fallback: passages without cards (a user's own ladder) -------------------


@dataclass(frozen=True)
class Candidate:
    passage: PassageView
    text: str
    score: float


def _marked(sentence: str, passage: PassageView) -> bool:
    return any(sentence in m.text or m.text in sentence for m in passage.marks)


def _ladder_too_junior(passage: PassageView, ctx: TurnContext) -> bool:
    """Entry-level ladder lines are not advice for a senior (unless the person asks about them)."""
    current = card_level(ctx.profile.current_level)
    doc_level = ladder_level(passage.doc_id)
    if not current or not doc_level or current not in LEVEL_ORDER:
        return False
    return LEVEL_ORDER.index(doc_level) < LEVEL_ORDER.index(current)


def choose_sentences(ctx: TurnContext, n: int, lang: str) -> list[str]:
    """Up to ``n`` extractive sentences: never marked, never a complaint, never quoted before."""
    query = set(tokenize(" ".join([ctx.message, *ctx.profile.blockers])))
    pool: list[tuple[PassageView, str, set[str]]] = []
    for passage in ctx.passages:
        if passage.cards or _ladder_too_junior(passage, ctx):
            continue
        # A built-in passage without cards is a heading's intro or a ladder's aliases ("Also
        # called: Engineer I, SDE I…"): its advice, if any, is on the cards of its neighbours.
        if passage.origin != "user":
            continue
        # Wrapped lines inside a paragraph are one sentence, not several.
        text = re.sub(r"(?<!\n)\n(?!\n|\s*(?:[-*•]|\d+[.)]|#))", " ", passage.text)
        for raw in SENTENCE_SPLIT.split(text):
            sentence = re.sub(r"^\s*(?:[-*•]|\d+[.)]|#+)\s+", "", raw).strip()
            sentence = re.sub(r"\*\*|__|\[(_?)(.*?)\1\]\([^)]*\)", r"\2", sentence).strip()
            if not 35 <= len(sentence) <= 320 or sentence.endswith("?") or "|" in sentence:
                continue
            if lang == DEFAULT and in_other_script(sentence, lang):
                continue
            if _marked(sentence, passage) or COMPLAINT_MARKERS.search(sentence):
                continue
            if sentence in ctx.used_quotes:
                continue
            pool.append((passage, sentence, set(tokenize(sentence))))
    df: dict[str, int] = {}
    for _, _, terms in pool:
        for term in terms:
            df[term] = df.get(term, 0) + 1
    best: dict[int, Candidate] = {}
    for passage, sentence, terms in pool:
        score = sum(math.log(1 + len(pool) / df[w]) for w in terms & query) + 2.5 / passage.n
        current = best.get(passage.n)
        if current is None or score > current.score:
            best[passage.n] = Candidate(passage, sentence, score)
    chosen = sorted(best.values(), key=lambda c: (-c.score, c.passage.n))[:n]
    q = pack(lang).quotes
    return [
        f"- {q[0]}{c.text}{q[1]} [{c.passage.n}]" for c in sorted(chosen, key=lambda c: c.passage.n)
    ]


# -- questions ----------------------------------------------------------------------------


def _slot_known(slot: str, profile: Profile) -> bool:
    if slot == "manager_alignment":
        return profile.manager_alignment != "unknown"
    value = getattr(profile, slot, None)
    if slot == "target_level":
        return bool(value or profile.track)
    return bool(value)


def _meeting_dated(ctx: TurnContext) -> bool:
    """The person said when their conversation is ("a skip-level with me this Thursday",
    "our 1:1 on Monday"), and not that it was cancelled or is past."""
    return any(
        MEETING.search(sentence)
        and WHEN_SAID.search(sentence)
        and not MEETING_PAST.search(sentence)
        for text in ctx.person_said
        for sentence in QUESTION_SPLIT.split(text)
    )


def _told_already(question: str, ctx: TurnContext) -> bool:
    """The person already gave what the question asks: the figure ("about 25 pages a
    week" before "what is your page count?"), or the step and its date just committed."""
    if ctx.news.commitments and ASKS_FOR_STEP.search(question):
        return True
    if ASKS_WHEN_MEETING.search(question) and _meeting_dated(ctx):
        return True  # "our 1:1 is on Tuesday" before "when is your next one-on-one?"
    if ASKS_WHEN_CYCLE.search(question) and any(CYCLE_DATED.search(t) for t in ctx.person_said):
        return True  # "next cycle starts in April" before "when is your next review cycle?"
    if ASKS_WHICH_PROBLEM.search(question) and any(
        NAMED_PROBLEM.search(t) for t in ctx.person_said
    ):
        return True  # "most pages come from the batch jobs" before "which page first?"
    if not QUANTITY_QUESTION.search(question):
        return False
    asked_about = set(tokenize(question))
    return any(
        set(tokenize(unit)) & asked_about
        for text in ctx.person_said
        for unit in FIGURE.findall(text)
    )


def choose_questions(
    ctx: TurnContext, cards: list[tuple[PassageView, Card]], lang: str, limit: int, direct: bool
) -> list[str]:
    """Up to ``limit`` questions, never one already asked nor one the profile answers.

    A direct answer is followed by the card's own follow-up; otherwise what is still
    unknown for this stage comes first, then the card's follow-up. A stage whose questions
    are used up hands over to the next stage's.
    """
    if ctx.report:
        return report_questions(ctx, cards, lang, limit)
    asked = " ".join(ctx.asked)
    managing = manages(ctx.profile)
    small = _small_company(ctx)
    # A card's follow-up about something the person already said ("what draws you to it:
    # the money…?" after "I want the money") is not asked.
    card_questions = [
        c.question.get(lang)
        for _, c in cards
        if c.question
        and c.question.get(lang) not in asked
        and not (c.asks and _slot_known(c.asks, ctx.profile))
        # "What draws you to it?" to someone content where they are, or holding steady.
        and not (c.asks in PROMOTION_SLOTS and (ctx.content_to_stay or _holding_steady(ctx)))
        and not _told_already(c.question.get(lang), ctx)
        # "Who could describe your work?" is for the engineer, not for their manager.
        and not (managing and not for_managers(c) and OWN_WORK.search(c.question.get(lang)))
        # "Which executive's priorities…?" at a 40-person startup: no such executive.
        and not (small and EXECUTIVE.search(c.question.en if c.question else ""))
    ]
    bank: list[str] = []
    latest = ctx.news.commitments[-1].action if ctx.news.commitments else ""
    for stage in STAGES[STAGES.index(ctx.stage) :]:
        for slot, variants in QUESTIONS[lang][stage]:
            if _slot_known(slot, ctx.profile) or any(v in asked for v in variants):
                continue
            if slot in PROMOTION_SLOTS and _holding_steady(ctx):
                continue  # "what draws you to the next level?" to someone caring for a parent
            if slot in STAYING_SKIPS and ctx.content_to_stay:
                continue  # "have you told your manager you want this?" to someone who doesn't
            if slot in PROMOTION_SLOTS and (not ctx.promotion_goal or managing):
                continue  # a raise, a track change, a manager asking for their reports
            if slot == "visible" and not cards:
                continue  # "who would need to see that work?" needs the work named above
            if slot == "pick" and len(cards) < 2:
                continue  # "which of these…" after a single point doesn't parse
            if slot == "check_in" and (WITH_PERSON.search(latest) or MEETING.search(latest)):
                continue  # the step already is a conversation with someone
            if slot == "current_level" and any(find_levels(t) for t in ctx.person_said):
                continue  # "Amazon SDE II, 3 yrs" said without "I'm": the level is given
            if slot == "current_level" and "no-ladder" in {*ctx.thread, *ctx.signals.situations}:
                continue  # "there are no levels here": asking for theirs reads as not listening
            if slot in ("current_level", "manager_alignment") and managing:
                continue  # a manager asking about their people is not the one to be placed
            if slot == "blockers" and ctx.signals.work_described:
                continue  # they just said where their time goes
            if slot == "motivations" and "possible bias" in ctx.profile.blockers:
                continue  # after a disclosure of bias, "what draws you to it?" is tone-deaf
            bank.append(variants[ctx.user_turns % len(variants)])
        if bank:
            break
    if ctx.stage == "will" and ctx.profile.commitments:
        bank = [q for q in bank if q not in QUESTIONS[lang]["will"][0][1]]
    # A person who brought a specific situation gets the question about it first; the
    # stage's open questions come first only when they came without one.
    # The card's own follow-up is about this person's situation; the bank's questions are
    # the same for everyone, so they come only when no card asks anything.
    ordered = [*card_questions[:1], *bank]
    if ctx.signals.bias_disclosure:
        limit = min(limit, 1)
    return list(dict.fromkeys(ordered))[: max(limit, 0)]


def for_managers(card: Card) -> bool:
    """Advice addressed to a manager about their people, not to the engineer."""
    return "manager-of-team" in card.situations or set(card.levels) == {"manager"}


def report_words(report: str, lang: str) -> dict[str, str]:
    """The pronouns for the report a manager asks about ("she", "her", "her")."""
    subj, obj, pos = TEXT[lang][f"report_{report}"].split("|")
    return {"subj": subj, "obj": obj, "pos": pos}


def report_questions(
    ctx: TurnContext, cards: list[tuple[PassageView, Card]], lang: str, limit: int
) -> list[str]:
    """A manager's next question is about what they will do for their report, not about
    their own level or motives (which the engineer-facing cards' follow-ups ask)."""
    if limit <= 0:
        return []
    asked = " ".join(ctx.asked)
    own = [
        c.question.get(lang)
        for _, c in cards
        if for_managers(c) and c.question and c.question.get(lang) not in asked
    ]
    words = report_words(ctx.report, lang)
    # The first one asks "which of these…": it needs points above it.
    options = [
        TEXT[lang][f"report_q_{i}"].format(**words) for i in (1, 2, 3, 4, 5) if cards or i > 1
    ]
    if ctx.content_to_stay:  # "he doesn't want staff": not the gap to it, nor putting him up
        options = [TEXT[lang][f"report_stay_q_{i}"].format(**words) for i in (1, 2)]
    fresh = [q for q in options if q not in asked]
    # About this report first: a manager card's own follow-up asks about the whole team.
    if fresh:
        return [fresh[ctx.user_turns % len(fresh)]]
    return own[:1]  # never a question already asked


def _date_in_last_part(action: str) -> re.Match[str] | None:
    """A date left in the step's words with no "and" after it: "…by Friday and bring it to
    my 1:1 on Tuesday" read Friday, and Tuesday belongs to the last part. ("Start a log
    tonight and book time next week" read next week: the date left is the first part's,
    and the one read goes at the end, where it is said anyway.)"""
    when = WHEN_SAID.search(action)
    return when if when and not AND_THEN.search(action, when.end()) else None


def _part_break_before(action: str, at: int) -> re.Match[str] | None:
    """The last "and" before ``at``: where the part the date read belongs to ends."""
    before = [m for m in AND_THEN.finditer(action) if m.end() <= at]
    return before[-1] if before else None


def _exact_day(text: str, today: dt.date, lang: str) -> str:
    """ "bring it to my 1:1 on Tuesday" with the day's date: "…on Tuesday 1 December"."""
    day, phrase = parse_due(text, today)
    if day is None or not phrase or relative_phrase(phrase) is not None:
        return text  # "tonight", "next week": clear as said
    lead = phrase.split()[0].lower()
    exact = format_date(day.isoformat(), lang)
    said = f"{lead} {exact}" if lead in ("on", "by", "в", "во", "к", "до") else exact
    return text.replace(phrase, said, 1)


def format_date(value: str, lang: str) -> str:
    """An ISO due date as a person reads it ("Friday 27 November", "27 ноября")."""
    import datetime as dt

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return pack(lang).format_date(day)
