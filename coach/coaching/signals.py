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
    r"\b(skip the questions|no (more )?questions|not questions|stop asking|don'?t ask me|"
    r"enough questions)\b"
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
GUARANTEE = re.compile(
    r"\b(guarantee\w*|promise\w*|will i (get|be) promoted|certain|for sure)\b|гарант|обеща", re.I
)

#: "I mostly pick up tickets", "we build internal tools": where their time goes, told.
WORK_DESCRIBED = re.compile(
    r"\b(i|we)\s+(mostly|mainly|usually|just|only|spend\w*|build|maintain|work on|run|own)\b"
    r"|\b(most of )?my (time|days?|week)\b|\b(мы|я)\s+(в основном|только|постоянно)\b",
    re.I,
)

#: "cut pages from 12 to 2": the problem named is one they solved, not one they have.
RESOLVED = re.compile(
    r"\b(cut|reduced|dropped|fixed|solved|halved|down (from|to)|no longer|got rid of)\b"
    r"|снизил|сократил|починил|убрал|избавил",
    re.I,
)

ACTION_QUESTION = re.compile(
    r"\bwhat (should|do|can|could|would) (i|you) (do|ask|say|try|start)\b|\bwhat exactly\b"
    r"|\bwhere do i start\b|\bhow do i (start|begin|find out|ask)\b|\bthis week\b"
    r"|\bhow (do|can|could) i get (promoted|to \w+)\b"
    r"|что (мне )?(делать|сделать|спросить)|с чего начать",
    re.I,
)

#: A motive said as a motive, not a keyword in passing.
WANT = re.compile(
    r"\b(i|i'?d|i'?m)\b[^.?!]{0,20}\b(want|need|care about|after|looking for|hoping for|wish|"
    r"motivated by|draws? me|would like)\b|\bwhat (i want|matters to me|i care about)\b"
    r"|хочу|хотел\w* бы|мне (нужн|важн)|для меня (важн|главное)|меня (интересует|привлекает)",
    re.I,
)
#: A feeling named in passing, not a crisis: acknowledged before any advice.
FEELINGS: dict[str, re.Pattern[str]] = {
    "inadequate": re.compile(
        r"\b(fraud|impost[eo]r|not good enough|out of my depth|in over my head|"
        r"(slower|worse|behind) than everyone|everyone (else )?(is|seems) (so much )?(faster|better|"
        r"smarter)|feel\w* (so )?(lost|stupid|useless|incompetent)|"
        r"feel\w* like (an? )?(idiot|failure|fraud|impost[eo]r|fake))\b"
        r"|самозван|не тяну|не дотягива|хуже всех|отстаю от всех",
        re.I,
    ),
    "anxious": re.compile(
        r"\b(panick\w*|nervous|worried|worry(ing)? (that|about)|scared|afraid|terrified|"
        r"freak\w* out|stressed|stressful|dread\w*)\b"
        r"|боюсь|переживаю|волнуюсь|страшно|нервничаю|выгореть|выгорю",
        re.I,
    ),
    "unseen": re.compile(
        r"\b(invisible|unseen|overlooked|unnoticed|(nobody|no one) (notices|sees|cares)|"
        r"not taken seriously|never be seen as|only sees? my (commits|tickets))\b"
        r"|невидим|не замеча\w+|не видят|не воспринима\w+|не будут воспринимать|игнориру",
        re.I,
    ),
    # Back after a long absence: a transition worth naming, not a problem to fix.
    "returning": re.compile(
        r"\b(sick leave|medical leave|parental leave|maternity leave|paternity leave|"
        r"(back|returned|returning|came back) (from|after) (a |my )?(long )?(leave|break|illness))\b"
        r"|больничн|декрет|после (долгого )?(отпуска|перерыва|болезни)",
        re.I,
    ),
    "stuck": re.compile(
        r"\b(stuck|frustrat\w+|fed up|demotivated|discouraged|feels? impossible|going nowhere)\b"
        r"|застрял|надоело|опускаются руки|тупик",
        re.I,
    ),
}
#: "This is generic", "my situation is different": the last answer missed; say so.
PUSHBACK = re.compile(
    r"\b((this|that|it)('s| is| was| sounds)( (so|too|very|pretty))? generic|generic advice|"
    r"doesn'?t (apply|fit|help)|not (helpful|useful|relevant)|my situation is different|"
    r"you'?re not listening|that'?s not what i (asked|meant)|i (already )?know that|"
    r"(you'?re|you are) not answering|you (didn'?t|did not|haven'?t) answer\w*|"
    r"answer (my|the) question)\b"
    r"|общие слова|банальн|не подходит|у меня (другая|иная) ситуация|это я и так знаю|"
    r"не помогает|вы не ответили|не отвечаете|ответьте на (мой )?вопрос",
    re.I,
)
#: The person is weighing a promotion or a level: "what draws you to a promotion?" fits.
PROMOTION_TALK = re.compile(
    r"\b(promot\w*|promo|next level|level up|get to (senior|staff|principal|l\d)|move up|"
    r"(become|make|reach|want|aim\w*( for)?|being|be) (an? )?(senior|staff|principal))\b"
    r"|повыш\w+|следующ\w+ уров|вырасти до|стать (сеньор|синьор|стафф|тимлид)",
    re.I,
)
#: "Give me a plan for the next 30 days": an answer shaped as steps over weeks.
WANTS_PLAN = re.compile(
    r"\b(a|the|my|your|concrete|action|actual|\d+[- ]day|week[- ]by[- ]week)\s+plan\b"
    r"|\b(next|coming|first) (30|60|90|thirty|sixty|ninety) days\b|\bnext (few )?(weeks|month)\b"
    r"|\bweek[- ]by[- ]week\b|\bstep[- ]by[- ]step\b"
    r"|\b(top )?(2|3|4|5|two|three|four|five) (things|steps|actions|priorities)\b"
    r"|\b(три|3|пять|5) (вещи|шага|дела|приоритета)"
    r"|\bплан\b|\bпланом\b|ближайш\w+ (месяц|недел)|по шагам|пошагов|по неделям",
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
    "different-work": r"\b(different (work|job)|next level|do(ing)? (more|better) of the same|"
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
    "easy-work": r"\b(too easy|easy work|boring|small (tasks|work)|paint(s|ing|ed)? buttons|mov\w* pictures)\b"
    r"|слишком прост|скучн",
    "existing-work": r"\b(bug ?fix\w*|fixing bugs|existing features?|not promotable)\b|баг",
    "manager-alignment": r"\b(my (manager|boss|lead)|manager (says|said|thinks|doesn'?t))\b"
    r"|руководител|менеджер",
    "vague-feedback": r"\b((vague|unclear|not actionable|generic) (feedback|answers?|reviews?|comments?)|"
    r"feedback[^.?!]{0,20}\b(vague|unclear|not actionable)|(same|still|so) vague|more impact|show more|"
    r"be more strategic|more leadership)\b|размыт|расплывчат|непонятн\w+ обратн",
    # Feedback that stays vague after asking is what the article says may hide bias.
    "possible-bias": BIAS.pattern + r"|\b(asked|tried|raised it) (twice|again|three times|"
    r"several times|a few times|repeatedly)\b|\b(same|still) vague\b",
    "missed-cycle": r"\b(passed over|denied|didn'?t get (it|promoted|the promotion)|not promoted|"
    r"missed (the |a )?(promotion|cycle)|wasn'?t promoted|rejected)\b|не повысили|отказали",
    "readiness": r"\b(am i ready|ready for|readiness|gaps?|what (else )?i (still )?need to)\b"
    r"|готов ли я|готова ли я|чего мне не хватает",
    "level-expectations": r"\b(what does an? \w+ (engineer )?(actually )?do|expectations?|"
    r"expected (of|from)|what should i be doing|now that i'?m|just became|(got|was|just|recently) promoted|"
    r"what (is|are) (an? )?(senior|staff|principal|sde|l\d))\b|чего ждут|ожидания",
    "staff-path": r"\b(staff|principal|archetypes?|tech lead|architect|right hand|solver)\b|стафф",
    "management-switch": r"\b(manager track|management|becom\w* an? (engineering )?manager|"
    r"people manager|switch\w* to manag\w*|em role)\b|руководителем|менеджмент",
    "back-to-ic": r"\b(back to (ic|individual contributor|coding)|return to ic)\b",
    "no-ladder": r"\b(no (career )?ladder|startup|no levels|flat (org|company))\b|стартап|нет лестницы",
    "evidence": r"\b(promo (doc|packet|case)|packets?|evidence|document my|brag doc|measur\w+|"
    r"(a|any|no|my|work) log|log of (what|my)|track record|write (it|things) down)\b"
    r"|доказательств|журнал|записыва"
    r"|\b(same|similar) (work|job|things?|projects?) as\b|ту же работу",
    "visibility": r"\b(visib\w+|invisible|unseen|calibration|sponsors?|noticed|"
    r"skip[- ]level|only sees? my)\b|заметн|не замеча|не видят|не воспринима"
    # "I did the same work as the person who got promoted": the case, not the work, differed.
    r"|\b(same|similar) (work|job|things?|projects?) as\b|\bas much as (the|my) \w+ who\b"
    r"|ту же работу",
    "leadership-feedback": r"\b(more (impact|leadership|ownership)|show leadership|"
    r"be more strategic)\b",
    "first-step": r"\b(first|this week|start(ing)? (with|point)|where do i start|next step|"
    r"what exactly)\b|с чего начать|первый шаг|на этой неделе",
    "check-in": r"\b(how often|check[- ]in|one[- ]on[- ]ones?|1:1)\b|как часто",
    "manager-of-team": r"\b(my (engineers|reports|direct reports|team members|people) (are|want|"
    r"ask\w*|keep)|i manage|as (a|their|the) manager|promot\w* (on|in) my team|"
    r"my team'?s (promotions?|careers?))\b|мои подчин|я руковожу|моих (сотрудников|инженеров)",
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
    feeling: str | None = None
    pushback: bool = False
    wants_plan: bool = False
    asks_for_action: bool = False  # "what should I do first?": something to do, not a description
    asks_guarantee: bool = False
    work_described: bool = False  # "I mostly pick up tickets": where their time goes, told
    names_a_fix: bool = False  # "cut pages from 12 to 2": a problem they solved
    states_a_want: bool = False  # "I want…", "what matters to me is…": a motive, said
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


def _commits(message: str) -> bool:
    """ "I plan to…", "я составлю план…": a plan of their own, not a request for one."""
    return bool(
        re.search(r"\b(i|we)('ll| will| plan to| am going to|'m going to)\b|\b(составлю|напишу|сделаю)\b",
                  message, re.I)
    )  # fmt: skip


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
        feeling=next((name for name, p in FEELINGS.items() if p.search(message)), None),
        pushback=bool(PUSHBACK.search(message)),
        wants_plan=bool(WANTS_PLAN.search(message)) and not _commits(message),
        asks_for_action=bool(ACTION_QUESTION.search(message)),
        asks_guarantee=bool(GUARANTEE.search(message)),
        work_described=bool(WORK_DESCRIBED.search(message)),
        names_a_fix=bool(RESOLVED.search(message)),
        states_a_want=bool(WANT.search(message)),
        language=detect_language(message),
        situations=situations_in(message),
    )
