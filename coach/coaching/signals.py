"""What kind of turn a message is: distress, an override attempt, off-topic, out of scope,
a direct request for advice, or an ordinary coaching turn; and which language it is in.

Pure and deterministic, so the same signals steer the offline responder and are stated
to a remote model in the coach state.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

from coach.lang import detect

Intent = Literal["distress", "override", "off_topic", "out_of_scope", "coaching"]
Language = Literal["en", "ru"]

DISTRESS = re.compile(
    r"\b(burn(ed|t)?[- ]?out|burning out|exhausted|can'?t (cope|sleep|go on|take (it|this))|"
    r"panic attacks?|depress(ed|ion)|anxiety|anxious all|hopeless|breaking down|"
    r"want to (die|disappear)|kill myself|suicid\w*|self[- ]harm|hate my life|crying every)\b"
    r"|выгора|выгорел|депресс|не могу больше|нет сил|паническ|тревог|не хочу жить|"
    r"никчёмн|никчемн|ничтожеств|неудачни|бессмысл|плачу|не выдерживаю|ненавижу себя",
    re.I,
)
OVERRIDE = re.compile(
    r"\b(ignore|disregard|forget|override)\b[^.?!]{0,40}\b(previous|prior|above|your|all|the)\b"
    r"[^.?!]{0,20}\b(instructions?|rules?|prompt|guidelines)\b"
    r"|\b(system prompt|your (instructions|prompt|rules)|developer mode|jailbreak|"
    r"you are now|pretend (you are|to be)|act as (?!a coach)|reveal|print your)\b"
    r"|</?(system|instructions?|passages?|coach_state)>|\[/?(system|inst)\]"
    r"|игнорируй|системн\w+ промпт|твои инструкции",
    re.I,
)
OFF_TOPIC = re.compile(
    r"\b(write|give me|generate|debug|fix)\b[^.?!]{0,30}\b(code|function|script|sql|regex|"
    r"program|class|poem|essay|story)\b|\b(capital of|recipe|weather|football|who won|"
    r"translate this|tell me a joke|horoscope|stock tips?|crypto)\b"
    r"|напиши (код|функцию|скрипт|стих)|столица|рецепт|погода",
    re.I,
)
OUT_OF_SCOPE = re.compile(
    r"\b(salary|pay|comp(ensation)?) (bands?|ranges?|numbers?|levels?)\b|\bhow much (do|does|will|would)\b"
    r"[^.?!]{0,40}\b(make|earn|pay|paid)\b|\b(google|meta|facebook|amazon|microsoft|apple|netflix|"
    r"stripe|uber)'?s?\b[^.?!]{0,40}\b(policy|policies|process|rules|bands|pay|salary|quota)\b"
    r"|\b(equity|rsus?|stock options?) (grant|refresh)\b|\blegal advice\b|\bvisa\b"
    r"|зарплатн\w+ вилк|сколько платят|сколько получает",
    re.I,
)
DIRECT_ADVICE = re.compile(
    r"\b(just tell me|tell me what to do|give me (the |your )?(advice|answer)|what should i do|"
    r"skip the questions|no (more )?questions|straight answer|be direct|what exactly should)\b"
    r"|просто скажи|что мне делать|дай совет|без вопросов",
    re.I,
)
#: "Skip the questions": the person has asked not to be questioned; end with a step instead.
NO_QUESTIONS = re.compile(
    r"\b(skip the questions|no (more )?questions|stop asking|don'?t ask me|enough questions)\b"
    r"|без вопросов|хватит вопросов",
    re.I,
)
# A question that asks the coach for content, not one that answers the coach's question.
# A sentence that asks the coach for content ("what would a senior do…?"), as opposed to
# a statement; judged per sentence so "I'm an SDE-2. How do I get to senior?" counts.
DIRECT_QUESTION = re.compile(
    r"^(?:(?:so|and|ok(?:ay)?|but|fine|then|well)[,.!]?\s+)*(what|how|which|where|when|why|should|"
    r"is|are|does|do|can|could|would|who)\b[^?]*\?"
    r"|^(?:а\s+|и\s+|так\s+)?(что|как|какие|какой|стоит|почему|можно|где|когда|чем|нужно)\b[^?]*\?",
    re.I,
)
SENTENCES = re.compile(r"(?<=[.!?…])\s+|\n+|,\s+(?=(?:what|how|where|which|why)\b)", re.I)
BIAS = re.compile(
    r"\b(bias\w*|discriminat\w*|underrepresented|sexis\w*|racis\w*|only (woman|women|girl|"
    r"black|person of colou?r|one over \d+)|because (i'?m|i am) (a )?(woman|female|black|"
    r"older|gay|trans|immigrant|mother|mom)|two men|the men (on|in) (my|the) team)\b"
    r"|предвзят|дискримин|единственн\w+ женщин",
    re.I,
)
GREETING = re.compile(r"^\s*(hi|hello|hey|привет|здравствуйте)\b[\s!.,]*$", re.I)

#: How a person's words show which situation a guidance card answers. Keys are the
#: closed vocabulary of ``coach.corpus.cards.SITUATIONS``.
SITUATION_CUES: dict[str, str] = {
    "deciding": r"\b(should i (go|try|aim|push)|is (a )?promotion|worth (it|going)|even want|"
    r"should i (even )?(be )?(think\w*|worry\w*|care\w*) about|too early|too soon|"
    r"right goal|not sure (i|if))\b|стоит ли|нужно ли мне|правильная цель",
    "motivation": r"\b(money|salary|pay|raise|title|recognition|why (do )?i want)\b|деньг|зарплат",
    "downsides": r"\b(stress|downsides?|work[- ]life|more meetings|less coding)\b|стресс",
    "explicit-goal": r"\b(wait\w*\b[^.?!]{0,40}\bnotic\w*|wait\w* to be promoted|"
    r"keep (my|your) head down|hope (they|someone) notices?|will (they|someone) notice|"
    r"explicit goal)\b|заметят|ждать,? пока",
    "not-a-reward": r"\b(reward|deserve|worked (so )?hard|hard work)\b|заслуж|награ",
    "different-work": r"\b(different work|next level|do(ing)? (more|better) of the same|"
    r"that an? \w+ (doesn'?t|does not)|difference between|versus|vs\.?)\b|разниц|отлича",
    "maintenance-team": r"\b(legacy|maintenance|maintain\w*|keep the lights on|ktlo|sustaining)\b"
    r"|поддерж|обслуживан|легаси",
    "operational-load": r"\b(on-?call|paged|pages|paging|firefight\w*|incidents?|outages?|toil|"
    r"ops|operational|keep coming back|recurring|keeps? breaking)\b|дежурств|инцидент|операцион"
    # The essay's words for it: "we spend our days fixing customer problems".
    r"|\b(days|all day|time) (fixing|firefighting|on)\b[^.?!]{0,20}\b(problems|issues|tickets|bugs)\b"
    r"|\bfixing customer (problems|issues)\b|чиним",
    "no-opportunities": r"\b(no (big )?(opportunit\w+|projects?)|nothing (big|challenging|to do)|"
    r"(not|isn'?t|aren'?t) (complex|challenging)|no senior (roles?|work|engineers?)|"
    r"isn'?t a single senior|where (is|are) (my|the) opportunit\w*|"
    r"no (room|space) to grow)\b|нет возможност|негде расти|некуда расти|нет задач",
    "easy-work": r"\b(too easy|easy work|boring|small (tasks|work)|paint(ing)? buttons)\b"
    r"|слишком прост|скучн",
    "existing-work": r"\b(bug ?fix\w*|fixing bugs|existing features?|not promotable)\b|баг",
    "manager-alignment": r"\b(my (manager|boss|lead)|manager (says|said|thinks|doesn'?t))\b"
    r"|руководител|менеджер",
    "vague-feedback": r"\b(vague|unclear|not actionable|generic|more impact|show more|"
    r"be more strategic|more leadership)\b|размыт|расплывчат|непонятн\w+ обратн",
    # Feedback that stays vague after asking is what the article says may hide bias.
    "possible-bias": BIAS.pattern + r"|\b(asked|tried|raised it) (twice|again|three times|"
    r"several times|a few times|repeatedly)\b|\b(same|still) vague\b",
    "missed-cycle": r"\b(passed over|denied|didn'?t get (it|promoted|the promotion)|not promoted|"
    r"missed (the |a )?(promotion|cycle)|wasn'?t promoted|rejected)\b|не повысили|отказали",
    "readiness": r"\b(am i ready|ready for|readiness|gaps?|what (else )?i (still )?need to)\b"
    r"|готов ли я|готова ли я|чего мне не хватает",
    "level-expectations": r"\b(what does an? \w+ (engineer )?(actually )?do|expectations?|"
    r"expected (of|from)|what should i be doing|now that i'?m|just became|"
    r"what (is|are) (an? )?(senior|staff|principal|sde|l\d))\b|чего ждут|ожидания",
    "staff-path": r"\b(staff|principal|archetypes?|tech lead|architect)\b|стафф",
    "management-switch": r"\b(manager track|management|becom\w* an? (engineering )?manager|"
    r"people manager|switch\w* to manag\w*|em role)\b|руководителем|менеджмент",
    "back-to-ic": r"\b(back to (ic|individual contributor|coding)|return to ic)\b",
    "no-ladder": r"\b(no (career )?ladder|startup|no levels|flat (org|company))\b|стартап|нет лестницы",
    "evidence": r"\b(promo (doc|packet|case)|evidence|document my|brag doc|measur\w+)\b|доказательств"
    r"|\b(same|similar) (work|job|things?|projects?) as\b|ту же работу",
    "visibility": r"\b(visib\w+|calibration|sponsors?|noticed|skip[- ]level)\b|заметн"
    # "I did the same work as the person who got promoted": the case, not the work, differed.
    r"|\b(same|similar) (work|job|things?|projects?) as\b|\bas much as (the|my) \w+ who\b"
    r"|ту же работу",
    "leadership-feedback": r"\b(more (impact|leadership|ownership)|show leadership|"
    r"be more strategic)\b",
    "first-step": r"\b(first|this week|start(ing)? (with|point)|where do i start|next step|"
    r"what exactly)\b|с чего начать|первый шаг|на этой неделе",
    "check-in": r"\b(how often|check[- ]in|one[- ]on[- ]ones?|1:1)\b|как часто",
    "no-time": r"\b(no time|too busy|swamped|overloaded)\b|нет времени",
    "learning": r"\b(learn\w*|grow\w*|develop\w*)\b|расти|развива|учиться",
}
_SITUATION_RE = {name: re.compile(p, re.I) for name, p in SITUATION_CUES.items()}
QUOTED = re.compile(r"[\"“«‘][^\"”»’]{1,120}[\"”»’]")


class TurnSignals(BaseModel):
    """What one user message is, read without any model: the policy steers by these."""

    model_config = ConfigDict(frozen=True)
    intent: Intent = "coaching"
    wants_direct_advice: bool = False
    no_questions: bool = False
    direct_question: bool = False
    is_greeting: bool = False
    bias_disclosure: bool = False
    language: Language = "en"
    situations: tuple[str, ...] = ()


def detect_language(text: str) -> Language:
    """The language whose letters the message uses most (see ``coach.lang``)."""
    return detect(text)  # type: ignore[return-value]


#: "I like helping people grow" is about others' growth (a management signal), not theirs.
OTHERS_GROWTH = re.compile(
    r"\b(help\w*|mentor\w*|coach\w*|watch\w*|see\w*) (people|others|juniors|my team|the team|"
    r"them|engineers|folks)( to)? (grow|learn|develop)\w*",
    re.I,
)


def situations_in(message: str) -> tuple[str, ...]:
    """The card situations a message speaks to, in vocabulary order."""
    own = OTHERS_GROWTH.sub(" ", message)
    return tuple(
        name
        for name, pattern in _SITUATION_RE.items()
        if pattern.search(own if name == "learning" else message)
    )


def classify(message: str, *, distress_by_meaning: bool = False) -> TurnSignals:
    """Read one user message. Distress comes first: it outranks every other signal.

    ``distress_by_meaning`` is the embedding detector's verdict, computed at the edge
    (it needs the model) and passed in so this stays pure.
    """
    if distress_by_meaning or DISTRESS.search(message):
        intent: Intent = "distress"
    elif OVERRIDE.search(message):
        intent = "override"
    elif OUT_OF_SCOPE.search(message):
        intent = "out_of_scope"
    elif OFF_TOPIC.search(message) and not re.search(r"\bpromot", message, re.I):
        intent = "off_topic"
    else:
        intent = "coaching"
    return TurnSignals(
        intent=intent,
        wants_direct_advice=bool(DIRECT_ADVICE.search(message)),
        no_questions=bool(NO_QUESTIONS.search(message)),
        direct_question=any(
            DIRECT_QUESTION.search(part.strip()) for part in SENTENCES.split(message)
        ),
        is_greeting=bool(GREETING.match(message)),
        bias_disclosure=bool(BIAS.search(message)),
        language=detect_language(message),
        situations=situations_in(message),
    )
