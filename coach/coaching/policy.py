"""The coaching policy: from a message and its conversation to a ``TurnContext``.

It reads the message (signals, distress by meaning), updates the profile, moves the
GROW stage (``coach.coaching.stages``, the only stage rule), and records what the conversation
has already used (questions asked, cards and quotes given) so no responder repeats
itself. Pure apart from the optional distress detector, which needs the embedding model.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from coach.coaching.context import PassageView, TurnContext
from coach.coaching.profile import (
    LEVEL_ORDER,
    Profile,
    card_level,
    classify_levels,
    learn,
    level_step,
    weighs_management,
)
from coach.coaching.signals import (
    ABOUT_A_REPORT,
    DISTRESS,
    NO_QUESTIONS,
    PROMOTION_TALK,
    REPORT_DECLINES,
    TurnSignals,
    classify,
    content_to_stay,
    detect_language,
    situations_in,
)
from coach.coaching.stages import next_stage
from coach.corpus.cards import Card
from coach.lang import WORD, pack, reading
from coach.llm.base import Message
from coach.retrieval.retriever import Passage

DistressCheck = Callable[[str], bool]
SUPPORT_TURNS = 2  # turns after a distress message that stay in support mode
BACK_TO_WORK = reading("back-to-work")
#: How a manager refers to the report they ask about.
SHE = reading("report-she")
HE = reading("report-he")
QUESTION = re.compile(r"[^.?!\n]*\?")
QUOTE = re.compile(r"“([^”]{10,})”|«([^»]{10,})»")


def read_message(message: str, distress: DistressCheck | None = None) -> TurnSignals:
    """The message's signals; distress by meaning is asked only for English text."""
    by_meaning = False
    if distress is not None and detect_language(message) == "en" and not DISTRESS.search(message):
        by_meaning = distress(message)
    return classify(message, distress_by_meaning=by_meaning)


def understand(
    profile: Profile,
    message: str,
    user_turns: int,
    *,
    distress: DistressCheck | None = None,
    today: dt.date | None = None,
) -> tuple[Profile, TurnSignals]:
    """Learn from one user message and move the GROW stage."""
    signals = read_message(message, distress)
    learned = learn(profile, message, today)
    stage = next_stage(learned, signals, user_turns)
    return learned.model_copy(update={"stage": stage}), signals


def news(before: Profile, after: Profile) -> Profile:
    """What ``after`` knows that ``before`` did not: the part worth saying back."""
    return Profile(
        stage=after.stage,
        current_level=after.current_level if after.current_level != before.current_level else None,
        target_level=after.target_level if after.target_level != before.target_level else None,
        track=after.track if after.track != before.track else None,
        team=after.team if after.team != before.team else None,
        motivations=[m for m in after.motivations if m not in before.motivations],
        blockers=[b for b in after.blockers if b not in before.blockers],
        manager_alignment=after.manager_alignment
        if after.manager_alignment != before.manager_alignment
        else "unknown",
        opportunities=[o for o in after.opportunities if o not in before.opportunities],
        commitments=[c for c in after.commitments if c not in before.commitments],
    )


def passage_views(passages: Sequence[Passage]) -> tuple[PassageView, ...]:
    return tuple(
        PassageView(
            n=i,
            doc_id=p.chunk.doc_id,
            title=p.chunk.title,
            heading=p.chunk.heading,
            kind=p.chunk.kind,
            origin=p.chunk.origin,
            text=p.chunk.text.strip(),
            renderings=p.chunk.renderings,
            cards=p.chunk.cards,
            marks=p.chunk.marks,
        )
        for i, p in enumerate(passages, start=1)
    )


def in_support_mode(message: str, signals: TurnSignals, earlier_distress: bool) -> bool:
    """Distress now, or in one of the last few user turns (``after_distress``) unless the
    person moved on."""
    if signals.intent == "distress":
        return True
    if BACK_TO_WORK.search(message):
        return False
    if signals.direct_question and signals.intent == "coaching":
        return False  # a career question of their own: they chose to go on (gently, see below)
    return earlier_distress


def after_distress(history: Sequence[Message], distress: DistressCheck | None) -> bool:
    """Distress was shared in one of the last few user turns (the answer should go gently)."""
    earlier = [m["content"] for m in history if m["role"] == "user"][-SUPPORT_TURNS:]
    return any(read_message(text, distress).intent == "distress" for text in earlier)


def last_answer(history: Sequence[Message]) -> str:
    """The coach's last answer, which a terse "how?" asks about."""
    return next((m["content"] for m in reversed(history) if m["role"] == "assistant"), "")


def thread_situations(history: Sequence[Message]) -> tuple[str, ...]:
    """The situations of the last two user messages before this one, the latest first:
    what the conversation is about when a message names nothing of its own."""
    earlier = [m["content"] for m in history if m["role"] == "user"][-2:]
    return tuple(dict.fromkeys(s for text in reversed(earlier) for s in situations_in(text)))


#: "I changed my mind, I want the promotion after all": the choice to stay is over.
WANTS_IT_AFTER_ALL = reading("wants-it-after-all")
#: "He says I should go for staff", "if I don't go for staff…": a level that is not their goal.
GOAL_NOT_THEIRS = reading("goal-not-theirs")
#: Lines said once a conversation: the second time they read as a template.
ONCE_LINES = (
    "bias_ack",
    "bias_next",
    "not_complaining",
    "stay_ok",
    "crisis_pointer",
    "win_heard",
    "already_tried",
    "bias_compare",
    "pushback",
    "pushback_again",
    "pushback_repeat",
    "pushback_disagree",
    "draft_lead",  # a draft was written: "cut it to three sentences" is about it
    "draft_case_lead",
)


def aims_above(message: str, profile: Profile) -> bool:
    """The message names a goal above the level held ("I want staff after all"); "is it bad
    to stay at SDE II?" names the level held, which is no goal."""
    held = card_level(profile.current_level)
    target = card_level(classify_levels(message)[1])
    return (
        held in LEVEL_ORDER
        and target in LEVEL_ORDER
        and LEVEL_ORDER.index(target) > LEVEL_ORDER.index(held)
    )


def manages(profile: Profile) -> bool:
    """The person manages people: their questions about "my engineers" are about a report."""
    return profile.track == "management" or card_level(profile.current_level) == "manager"


#: "It's just the founder and us", "we don't have 1:1s": the coach's words follow.
NO_MANAGER = reading("no-manager")
NO_ONE_ON_ONES = reading("no-one-on-ones")
#: "There's no calibration, no promo packet": the process cards describe is not theirs.
NO_PROCESS = reading("no-process")
DECIDER = reading("decider")
HAS_A_MANAGER = reading("has-a-manager")


def workplace(spoken: Sequence[str], language: str) -> tuple[str | None, bool]:
    """Who decides where the person said there is no manager ("it's just the founder and
    us": "the founder"), and whether they said there are no one-on-ones."""
    no_one_on_ones = any(NO_ONE_ON_ONES.search(text) for text in spoken)
    # "My manager nominates me, but the CTO decides": there is a manager.
    if not any(NO_MANAGER.search(text) for text in spoken) or any(
        HAS_A_MANAGER.search(text) for text in spoken
    ):
        return None, no_one_on_ones
    names = pack(language).deciders
    for text in reversed(spoken):
        for match in reversed(list(DECIDER.finditer(text))):
            word = match.group(0).lower()
            stem = next((k for k in names if word.startswith(k)), None)
            if stem:
                return names[stem], no_one_on_ones
    return None, no_one_on_ones


def report_pronoun(spoken: Sequence[str]) -> str:
    """How the manager speaks of the report ("she", "he"), else "they": the latest wins."""
    for text in reversed(spoken):
        she = len(SHE.findall(text))
        he = len(HE.findall(text))
        if she != he:
            return "she" if she > he else "he"
    return "they"


def build_context(
    *,
    message: str,
    signals: TurnSignals,
    before: Profile,
    profile: Profile,
    history: Sequence[Message],
    passages: Sequence[Passage],
    user_turns: int,
    support_mode: bool = False,
    today: dt.date | None = None,
    gentle: bool = False,
    card_similarity: dict[str, float] | None = None,
) -> TurnContext:
    """The turn's context: what the responder answers from, whichever responder it is."""
    said = " ".join(m["content"] for m in history if m["role"] == "assistant")
    recent = [m["content"] for m in history if m["role"] == "user"][-2:]
    if any(NO_QUESTIONS.search(text) for text in recent):  # "skip the questions" holds a while
        signals = signals.model_copy(update={"no_questions": True})
    language = signals.language
    added = news(before, profile)
    if signals.feeling and (
        pack(language).text[f"feel_{signals.feeling}"] in said or added.commitments
    ):  # a feeling is named once, and a turn that commits to a step is about the step
        signals = signals.model_copy(update={"feeling": None})
    quotes = tuple(a or b for a, b in QUOTE.findall(said))
    asked = tuple(dict.fromkeys(q.strip() for q in QUESTION.findall(said) if q.strip()))
    if not WORD.search(message):  # "ok", "да": keep the language
        earlier = [m["content"] for m in history if m["role"] == "user"]
        language = detect_language(earlier[-1]) if earlier else language
    spoken = [m["content"] for m in history if m["role"] == "user"] + [message]
    decider, no_one_on_ones = workplace(spoken[-6:], language)
    fitted = pack(language).workplace_words  # "with the founder: …" said is the card said

    def said_in(card: Card, text: str) -> bool:
        if card.said_in(text):
            return True
        if decider is None and not no_one_on_ones:
            return False  # nothing was refitted: the words as written are the words said
        return fitted(card.point.get(language), decider, no_one_on_ones)[1:80] in text

    views = passage_views(passages)
    used_cards = tuple(card.id for view in views for card in view.cards if said_in(card, said))
    last_said = last_answer(history)
    last_cards = tuple(
        dict.fromkeys(card.id for view in views for card in view.cards if said_in(card, last_said))
    )
    thread = thread_situations(history)
    if weighs_management(profile) and "management-switch" not in thread:
        # A management offer weighed three turns ago is still what "does that change
        # things?" is about, though the last two messages did not name it.
        thread = (*thread, "management-switch")
    if not signals.about_a_report and any(ABOUT_A_REPORT.search(t) for t in spoken[-5:-1]):
        # "How do I tell him?" two turns after "one of my engineers…": still about the report.
        signals = signals.model_copy(update={"about_a_report": True})
    # "No interest in staff" holds for the conversation, until a later message names a goal.
    # (A manager whose report said "he doesn't want staff": the same holds for the report.)
    said_no = [
        i
        for i, t in enumerate(spoken)
        if content_to_stay(t) or (signals.about_a_report and REPORT_DECLINES.search(t))
    ]
    staying = bool(said_no) and not any(
        (aims_above(t, profile) and not GOAL_NOT_THEIRS.search(t)) or WANTS_IT_AFTER_ALL.search(t)
        for t in spoken[said_no[-1] + 1 :]
    )
    promotion_goal = not staying and (
        bool(profile.target_level) or any(PROMOTION_TALK.search(t) for t in spoken)
    )
    report = report_pronoun(spoken[-4:]) if signals.about_a_report and manages(profile) else ""
    texts = pack(language).text  # the lines said once, and the yes/no answers given
    return TurnContext(
        level_step=level_step(message, profile),
        content_to_stay=staying,
        said_lines=tuple(
            k
            for k in (*ONCE_LINES, *(k for k in texts if k.startswith("verdict_")))
            if texts[k] in said
        ),
        person_said=tuple(spoken[-6:]),
        report=report,
        decider=decider,
        no_one_on_ones=no_one_on_ones,
        no_process=any(NO_PROCESS.search(text) for text in spoken[-6:]),
        message=message,
        language=language,
        promotion_goal=promotion_goal,
        thread=thread,
        card_similarity=card_similarity or {},
        signals=signals,
        profile=profile,
        news=added,
        stage=profile.stage,
        user_turns=user_turns,
        support_mode=support_mode,
        gentle=gentle and not support_mode,
        passages=views,
        asked=asked,
        used_cards=tuple(dict.fromkeys(used_cards)),
        last_cards=last_cards,
        used_quotes=quotes,
        today=today or dt.date.today(),
    )


def context_from_messages(messages: Sequence[Message], today: dt.date | None = None) -> TurnContext:
    """A context for a plain chat with no coaching context: learned from its user turns."""
    turns = [m for m in messages if m["role"] in ("user", "assistant")]
    last = next((m["content"] for m in reversed(turns) if m["role"] == "user"), "")
    history = turns[:-1] if turns and turns[-1]["role"] == "user" else turns
    profile = Profile()
    user_turns = 0
    for m in history:
        if m["role"] == "user":
            user_turns += 1
            profile, _ = understand(profile, m["content"], user_turns, today=today)
    after, signals = understand(profile, last, user_turns + 1, today=today)
    return build_context(
        message=last,
        signals=signals,
        before=profile,
        profile=after,
        history=history,
        passages=(),
        user_turns=user_turns + 1,
        support_mode=in_support_mode(last, signals, after_distress(history, None)),
        today=today,
    )
