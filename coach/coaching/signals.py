"""What kind of turn a message is: distress, an override attempt, off-topic, out of scope,
a direct request for advice, or an ordinary coaching turn; and which language it is in.

Pure and deterministic, so the same signals steer the offline responder and are stated
to a remote model in the coach state.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from coach.lang import detect, reading, reading_names

Intent = Literal["distress", "override", "off_topic", "out_of_scope", "coaching"]
Language = Literal["en", "ru"]

# Each regex is every language pack's alternatives for its name (``coach/lang/*.py``,
# ``READS``), so reading a new language is adding its words to its own pack.
DISTRESS = reading("distress")
OVERRIDE = reading("override")
OFF_TOPIC = reading("off-topic")
OUT_OF_SCOPE = reading("out-of-scope")
DIRECT_ADVICE = reading("direct-advice")
#: "Skip the questions": the person has asked not to be questioned; end with a step instead.
NO_QUESTIONS = reading("no-questions")
# A sentence that asks the coach for content ("what would a senior do…?"), as opposed to
# a statement; judged per sentence so "I'm an SDE-2. How do I get to senior?" counts.
DIRECT_QUESTION = reading("direct-question")
UNMARKED_QUESTION = reading("unmarked-question")
ASKS_FOR_WORDS = reading("asks-for-words")
#: "Can you draft the email?": a text to send (``coach.coaching.drafts`` frames it).
ASKS_FOR_DRAFT = reading("asks-for-draft")
#: "Is that the right ask or too small?": their own step, checked.
PLAN_CHECK = reading("plan-check")
TERSE = reading("terse-follow-up")
#: "Zero interest in becoming staff", "happy as a senior": no promotion wanted.
CONTENT_TO_STAY = reading("content-to-stay")
#: "I honestly don't want it": no promotion wanted, when the message is about one.
DECLINES_IT = reading("declines-it")
PROMOTION_CONTEXT = reading("promotion-context")
#: Situations that presume the person wants the next level.
TOWARDS_PROMOTION = {"staff-path", "first-step", "explicit-goal", "level-expectations", "readiness"}
SENTENCES = re.compile(r"(?<=[.!?…])\s+|\n+|,\s+(?=(?:what|how|where|which|why)\b)", re.I)
BIAS = reading("bias")
BIAS_ABOUT_OTHERS = reading("bias-about-others")
GUARANTEE = reading("guarantee")
#: "I mostly pick up tickets", "we build internal tools": where their time goes, told.
WORK_DESCRIBED = reading("work-described")
#: "cut pages from 12 to 2": the problem named is one they solved, not one they have.
RESOLVED = reading("resolved")
#: "What should I do first?": something to do, not a description.
ACTION_QUESTION = reading("action-question")
#: A motive said as a motive, not a keyword in passing.
WANT = reading("want")
#: A feeling named in passing, not a crisis: acknowledged before any advice.
FEELINGS: dict[str, re.Pattern[str]] = {
    name: reading(f"feeling:{name}") for name in reading_names("feeling:")
}
#: "My strongest senior told me he doesn't want to go for staff": a report declining.
REPORT_DECLINES = reading("report-declines")
#: "She's going to be disappointed": a feeling of someone else's, left out of the reading.
THEIR_FEELING = reading("their-feeling")
#: "This is generic", "my situation is different": the last answer missed; say so.
PUSHBACK = reading("pushback")
#: The person is weighing a promotion or a level: "what draws you to a promotion?" fits.
PROMOTION_TALK = reading("promotion-talk")
DECIDED = reading("decided")
# What someone else said ("my manager said I need more impact") is feedback, not a wish.
REPORTED = reading("reported")
#: "Give me a plan for the next 30 days", "three things": an answer shaped as steps.
WANTS_PLAN = reading("wants-plan")
#: "One sentence. Not a lecture": one point, said plainly.
WANTS_BRIEF = reading("wants-brief")
GREETING = reading("greeting")
COMMITS = reading("commits")
#: "One of my engineers asked…": a manager asking about someone else's path.
ABOUT_A_REPORT = reading("about-a-report")
#: How a person's words show which situation a guidance card answers: the closed
#: vocabulary of ``coach.corpus.cards.SITUATIONS``, in the packs' order.
_SITUATION_RE = {name: reading(f"situation:{name}") for name in reading_names("situation:")}


class TurnSignals(BaseModel):
    """What one user message is, read without any model: the policy steers by these."""

    model_config = ConfigDict(frozen=True)
    intent: Intent = "coaching"
    wants_direct_advice: bool = False
    no_questions: bool = False
    direct_question: bool = False
    is_greeting: bool = False
    bias_disclosure: bool = False
    feeling: str | None = None
    pushback: bool = False
    wants_plan: bool = False
    asks_for_action: bool = False  # "what should I do first?": something to do, not a description
    asks_guarantee: bool = False
    decided: bool = False  # "I've decided, I want senior": not weighing whether any more
    work_described: bool = False  # "I mostly pick up tickets": where their time goes, told
    names_a_fix: bool = False  # "cut pages from 12 to 2": a problem they solved
    states_a_want: bool = False  # "I want…", "what matters to me is…": a motive, said
    about_a_report: bool = False  # "one of my engineers asked…": someone else's path
    asks_for_words: bool = False  # "what do I say to my skip-level?": the words, not a topic
    asks_for_draft: bool = False  # "draft me the email": a text to send, words and all
    terse: bool = False  # "how?", "and then?": about the coach's last answer
    checks_a_plan: bool = False  # "is that the right ask?": their own step, to be checked
    wants_brief: bool = False  # "one sentence. not a lecture": one point, said plainly
    language: Language = "en"
    situations: tuple[str, ...] = ()


def detect_language(text: str) -> Language:
    """The language whose letters the message uses most (see ``coach.lang``)."""
    return detect(text)  # type: ignore[return-value]


#: "I like helping people grow" is about others' growth (a management signal), not theirs.
OTHERS_GROWTH = reading("others-growth")


#: Someone else's words in quotes ("he said 'promo can wait a cycle or two'"): not the
#: speaker's own wish. An apostrophe inside a word ("let's") does not end the quote.
QUOTED = re.compile(r"(?:(?<=\s)|^)['‘\"“«][^\"“”«»]*?['’\"”»](?=[\s.,;:!?)]|$)")


def content_to_stay(message: str) -> bool:
    """The message says no promotion is wanted: "zero interest in staff", or "my manager
    pushes me to go for staff. I honestly don't want it" (not in words quoted from others)."""
    message = QUOTED.sub(" ", message)
    return bool(
        CONTENT_TO_STAY.search(message)
        or (DECLINES_IT.search(message) and PROMOTION_CONTEXT.search(message))
    )


def discloses_bias(message: str) -> bool:
    """The person names bias about themselves, not about others ("sponsor more people from
    underrepresented groups" is no disclosure)."""
    return bool(BIAS.search(BIAS_ABOUT_OTHERS.sub(" ", message)))


#: "We don't have 'operational load'", "on-call is calm now": named, but absent or settled.
DENIED_BEFORE = reading("denied-before")
SETTLED_AFTER = reading("settled-after")
#: Circumstances a person can name only to say they don't have them.
DENIABLE = {"operational-load", "maintenance-team"}


def named_as_present(pattern: re.Pattern[str], text: str) -> bool:
    """Some match of ``pattern`` is not denied just before it ("we don't have on-call") nor
    said to be settled just after it ("on-call is calm since I rewrote the alerting")."""
    return any(
        not DENIED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        and not SETTLED_AFTER.search(text[m.end() : m.end() + 60])
        for m in pattern.finditer(text)
    )


def situations_in(message: str) -> tuple[str, ...]:
    """The card situations a message speaks to, in vocabulary order (``deciding`` first
    when the person says they don't want the next level).

    "Zero interest in becoming staff" is about whether to go for it at all, not the staff
    path or a first step towards it.
    """
    own = OTHERS_GROWTH.sub(" ", message)
    theirs = {"learning": own, "possible-bias": BIAS_ABOUT_OTHERS.sub(" ", message)}
    found = tuple(
        name
        for name, pattern in _SITUATION_RE.items()
        if (
            named_as_present(pattern, theirs.get(name, message))
            if name in DENIABLE
            else pattern.search(theirs.get(name, message))
        )
    )
    if content_to_stay(message):
        kept = tuple(s for s in found if s not in TOWARDS_PROMOTION)
        return ("deciding", *(s for s in kept if s != "deciding"))
    return found


#: Within distress: exhaustion and strain ("burning out on work that doesn't count") get
#: support without the emergency pointer; words of crisis always get it.
STRAIN = reading("strain")
CRISIS = reading("crisis")
#: "So he doesn't burn out", «чтобы он не выгорел»: a strain word said of someone else.
OTHERS_STRAIN = reading("others-strain")


#: "burned out", «выгорел»: the word alone, whatever it is about.
BURNOUT_WORD = reading("burnout-word")
#: Moves a person weighs because of the work itself: going back to IC, into management,
#: elsewhere, or whether to go for the next level at all.
MOVES = {"back-to-ic", "management-switch", "leaving", "comparing-offers", "deciding"}


def worn_by_the_work(message: str, situations: tuple[str, ...] | None = None) -> bool:
    """Tired of one kind of work and weighing a move because of it ("burnt out on people
    management, thinking about going back to IC"), with no word of crisis: the move is
    answered, the burnout heard first. "I'm burnt out and can't sleep", or burning out on
    on-call with no move in view, is still met with support."""
    # "Managing for 7 years and I'm burned out. Thinking about going back to IC": the move
    # says what the burnout is about, even when the sentence doesn't.
    burnout = FEELINGS["burnt-out"] if FEELINGS["burnt-out"].search(message) else BURNOUT_WORD
    return bool(
        burnout.search(message)
        and not CRISIS.search(message)
        # "…thinking about quitting. I can't cope anymore": strain besides it is still strain.
        and not DISTRESS.search(burnout.sub(" ", message))
        # a move weighed, or a return already made ("just come back from three months of
        # medical leave for burnout"): the question that follows is a career one
        and bool(
            MOVES & set(situations_in(message) if situations is None else situations)
            or FEELINGS["returning"].search(message)
        )
    )


def classify(message: str, *, distress_by_meaning: bool = False) -> TurnSignals:
    """Read one user message. Distress comes first: it outranks every other signal.

    ``distress_by_meaning`` is the embedding detector's verdict, computed at the edge
    (it needs the model) and passed in so this stays pure.
    """
    # "What do I tell him so he doesn't burn out?": a report's strain is not the speaker's;
    # only the strain word right after "he", "she", "они"… is left out (words of crisis are
    # met with support whoever they are about, and a by-meaning verdict always stands).
    own_words = OTHERS_STRAIN.sub(" ", message)
    situations = situations_in(message)  # read once: the move, and the signals below
    worn = worn_by_the_work(message, situations)
    if distress_by_meaning or ((DISTRESS.search(own_words) or CRISIS.search(message)) and not worn):
        intent: Intent = "distress"
    elif OVERRIDE.search(message):
        intent = "override"
    elif OUT_OF_SCOPE.search(message):
        intent = "out_of_scope"
    elif OFF_TOPIC.search(message) and not re.search(r"\bpromot", message, re.I):
        intent = "off_topic"
    else:
        intent = "coaching"
    terse = bool(TERSE.search(message))
    own_feelings = THEIR_FEELING.sub(" ", message)  # not "she's going to be disappointed"
    return TurnSignals(
        intent=intent,
        wants_direct_advice=bool(DIRECT_ADVICE.search(message)),
        no_questions=bool(NO_QUESTIONS.search(message)),
        direct_question=any(
            DIRECT_QUESTION.search(part.strip()) for part in SENTENCES.split(message)
        )
        # "whats the fastest way to get promoted" typed without its question mark
        or bool(UNMARKED_QUESTION.search(SENTENCES.split(message.strip())[-1].strip()))
        or terse,
        is_greeting=bool(GREETING.match(message)),
        bias_disclosure=discloses_bias(message),
        feeling=next((name for name, p in FEELINGS.items() if p.search(own_feelings)), None)
        or ("burnt-out" if worn else None),
        pushback=bool(PUSHBACK.search(message)),
        # "I plan to…", "я составлю план…": a plan of their own, not a request for one.
        wants_plan=bool(WANTS_PLAN.search(message))
        and not COMMITS.search(message)
        and not PLAN_CHECK.search(message),
        asks_for_action=bool(ACTION_QUESTION.search(message)) or terse,
        terse=terse,
        asks_guarantee=bool(GUARANTEE.search(message)),
        decided=bool(DECIDED.search(message)),
        work_described=bool(WORK_DESCRIBED.search(message)),
        names_a_fix=bool(RESOLVED.search(message)),
        # "Being told I need more leadership" is someone else's want, not theirs.
        states_a_want=bool(WANT.search(REPORTED.sub(" ", message))),
        about_a_report=bool(ABOUT_A_REPORT.search(message)),
        asks_for_words=bool(ASKS_FOR_WORDS.search(message) or ASKS_FOR_DRAFT.search(message)),
        asks_for_draft=bool(ASKS_FOR_DRAFT.search(message)),
        checks_a_plan=bool(PLAN_CHECK.search(message)),
        wants_brief=bool(WANTS_BRIEF.search(message)),
        language=detect_language(message),
        situations=situations,
    )
