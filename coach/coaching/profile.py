"""What the coach has learned about the user, and how it learns it from their words.

``Profile`` is the typed record the user can see, correct and clear. ``learn`` is a
pure function: it reads one user message and returns an updated copy, adding facts
but never overwriting a value the user set by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from coach.coaching.dates import parse_due
from coach.coaching.signals import OTHERS_GROWTH

Stage = Literal["goal", "reality", "options", "will"]
STAGES: tuple[Stage, ...] = ("goal", "reality", "options", "will")
Alignment = Literal["unknown", "aligned", "misaligned", "not discussed"]


class Commitment(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: str = Field(min_length=1, max_length=500)
    due: str | None = Field(default=None, max_length=100)


class Profile(BaseModel):
    """The coach's notes on the user; every field can be corrected by the user."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)
    stage: Stage = "goal"
    current_level: str | None = Field(default=None, max_length=100)
    target_level: str | None = Field(default=None, max_length=100)
    track: Literal["ic", "management", "undecided"] | None = None
    team: str | None = Field(default=None, max_length=200)
    motivations: list[str] = Field(default_factory=list)
    blockers: list[str] = Field(default_factory=list)
    manager_alignment: Alignment = "unknown"
    opportunities: list[str] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)
    locked: list[str] = Field(default_factory=list, description="fields the user set by hand")

    def known_facts(self) -> int:
        """How much of the situation is known; drives the stage policy."""
        return sum(
            [
                bool(self.current_level),
                bool(self.target_level),
                bool(self.team),
                bool(self.motivations),
                bool(self.blockers),
                self.manager_alignment != "unknown",
            ]
        )

    def summary_lines(self) -> list[str]:
        lines = [f"stage: {self.stage}"]
        for name in ("current_level", "target_level", "track", "team"):
            value = getattr(self, name)
            if value:
                lines.append(f"{name.replace('_', ' ')}: {value}")
        for name in ("motivations", "blockers", "opportunities"):
            values = getattr(self, name)
            if values:
                lines.append(f"{name}: {', '.join(values)}")
        if self.manager_alignment != "unknown":
            lines.append(f"manager alignment: {self.manager_alignment}")
        for c in self.commitments:
            lines.append(f"commitment: {c.action}" + (f" ({c.due})" if c.due else ""))
        return lines


# -- levels -------------------------------------------------------------------------------

LEVEL_PATTERNS: list[tuple[str, str]] = [
    (r"\b(?:sde|swe)[\s-]?(i{1,3}|[1-3])\b", "SDE-{n}"),
    (r"\b(?:engineer|eng)\s+(i{1,3}|[1-3])\b", "Engineer {N}"),
    (r"\bl\s?([3-8])\b", "L{n}"),
    (r"\bic\s?([1-7])\b", "IC{n}"),
    (
        r"\b(entry[- ]level|junior|new grad|graduate|intern)\b(?:\s+(?:software\s+)?engineer)?",
        "entry engineer",
    ),
    (r"\b(mid[- ]level)\b", "engineer"),
    (r"\b(senior)\s+(?:software\s+)?(?:engineer|dev|developer|swe|sde)\b", "senior engineer"),
    (r"\b(staff)\s+(?:software\s+)?(?:engineer|level)\b", "staff engineer"),
    (r"\b(principal)\s+(?:software\s+)?engineer\b", "principal engineer"),
    (r"\b(engineering manager|em)\b", "engineering manager"),
    (r"(старш\w+ инженер\w*|сеньор\w*|синьор\w*)", "senior engineer"),
    (r"(младш\w+ инженер\w*|джун\w*)", "entry engineer"),
    (r"(мидл\w*)", "engineer"),
]
ROMAN = {"i": "1", "ii": "2", "iii": "3"}
SELF_CUES = re.compile(
    r"\b(i'?m|i am|i work as|i'?ve been|currently|my (level|role|title) is|as an?|i just became|"
    r"promoted to|became)\b|\bя\b|работаю",
    re.I,
)

TARGET_CUES = re.compile(
    r"\b(to|towards?|toward|become|reach|get to|promoted to|promotion to|aim for|"
    r"next level|go for|aim\w*|wants?|wanting|hoping)\b|до\s|стать|повышени",
    re.I,
)


def _canonical_level(match: re.Match[str], template: str) -> str:
    raw = match.group(1).lower()
    n = ROMAN.get(raw, raw)
    return template.replace("{n}", n).replace("{N}", n.upper() if n.isalpha() else n)


def find_levels(text: str) -> list[tuple[int, str]]:
    """Every level mentioned, with its position, in order of appearance."""
    found: list[tuple[int, str]] = []
    lowered = text.lower()
    for pattern, template in LEVEL_PATTERNS:
        for match in re.finditer(pattern, lowered):
            if any(abs(pos - match.start()) < 3 for pos, _ in found):
                continue
            found.append((match.start(), _canonical_level(match, template)))
    return sorted(found)


# "reach senior", "make staff", "want staff", "put me up for senior": a bare level word
# right after a goal verb is a target.
BARE_TARGET = re.compile(
    r"\b(?:reach|become|make|get to|move to|jump to|promoted to|promotion to|go for|aim(?:ing)? (?:for|at)|"
    r"want(?:s|ed)?(?: to (?:be|get to|make|reach|become))?|up for|push for|going for|shot at)"
    r"\s+(?:a\s+)?(senior|staff|principal)\b(?!\s+(?:software\s+)?(?:engineer|level))",
    re.I,
)
# "I got promoted to senior two months ago": the level they now hold, not a goal.
PROMOTED_PAST = re.compile(
    r"\b(?:got|was|been|just|recently) promoted to\s+(?:a\s+)?"
    r"(senior|staff|principal|lead|l\s?[3-8]|sde[\s-]?(?:i{1,3}|[1-3]))\b"
    r"|\bменя (?:повысили|недавно повысили) до\s+(\w+)",
    re.I,
)
# "What would I be doing differently as an L4?": a level imagined, not held.
HYPOTHETICAL = re.compile(r"\b(would|could) i\b|\bif i (were|was|became)\b", re.I)
# "Senior engineer, 6 years in." / "sde2. ops team.": a level opening a sentence is the
# speaker's own.
SENTENCE_OPENING = re.compile(r"(?:^|[.!?\n]\s*)(?:hi|hey|hello|привет)?[,!.\s]*$", re.I)
# "I manage a team of 7", "my reports": the person is a manager, whatever they ask about.
MANAGER_SELF = re.compile(
    r"\bi (?:now |currently |also )?(?:manage|lead|run) (?:a|an|the|my|our|two|three|\d+)\b[^.?!]{0,30}\b(?:team|teams|"
    r"engineers|people|group|former peers|peers)\b|\bmy (?:direct )?reports\b|\bi'?m (?:an? )?(?:engineering |people )?"
    r"manager\b|\bas (?:an? )?(?:engineering |people )?manager\b"
    r"|\bя (?:руковожу|управляю)\b|\bя (?:тимлид|руководитель|менеджер)\b|мои подчин",
    re.I,
)


def classify_levels(text: str) -> tuple[str | None, str | None]:
    """(current, target) levels mentioned in ``text``, judged by the words before each."""
    current = target = None
    past = PROMOTED_PAST.search(text)
    if past:
        held = (past.group(1) or past.group(2) or "").lower()
        found = find_levels(held + " engineer") if held else []
        current = found[0][1] if found else None
        text = text[: past.start()] + " " * (past.end() - past.start()) + text[past.end() :]
    bare = BARE_TARGET.search(text)
    if bare:
        target = f"{bare.group(1).lower()} engineer"
    for pos, level in find_levels(text):
        near = text[max(0, pos - 25) : pos].split(",")[-1]
        if HYPOTHETICAL.search(text[max(0, pos - 45) : pos]):
            target = target or level  # "what would I be doing as an L4?" imagines it
        elif SENTENCE_OPENING.search(text[max(0, pos - 12) : pos]) and not TARGET_CUES.search(near):
            current = current or level
        elif TARGET_CUES.search(near):
            target = target or level
        elif SELF_CUES.search(text[max(0, pos - 30) : pos]):
            current = current or level
        # A level named without "I'm"/"to" (e.g. "what does a staff engineer do?") is a
        # topic, not a fact about the user.
    return current, target


# -- topics -------------------------------------------------------------------------------

MOTIVATIONS: dict[str, str] = {
    r"\b(money|salary|pay|paid|compensation|raise|comp)\b|деньг|зарплат": "compensation",
    r"\b(learn|learning|grow|growth|develop)\w*|\b(расти|развива\w*|научи\w*|учиться)": "learning and growth",
    r"\b(title|recognition|recogni[sz]ed|respect|credibility)\b|признани": "recognition",
    r"\b(interesting|challenging|bigger) (work|projects?|problems?)\b|интересн": "more interesting work",
    r"\b(influence|authority|say in|voice)\b|влияни": "influence",
    r"\b(impact)\b": "impact",
    r"\b(peers?|everyone else|colleagues?) (got|are getting|get) promoted\b|\bfalling behind\b": "keeping pace with peers",
}
BLOCKERS: dict[str, str] = {
    r"\b(on-?call|paged|pages|paging|firefight\w*|incidents?|outages?|toil|ops|operational)\b"
    r"|keep coming back|keeps? breaking|over and over|recurring|same (bugs|issues|problems)"
    r"|\b(days|all day|time) (fixing|firefighting)\b[^.?!]{0,20}\b(problems|issues|tickets|bugs)\b"
    r"|\bfixing customer (problems|issues)\b"
    r"|дежурств|инцидент|операционн|чиним": "heavy operational load",
    r"\b(legacy|maintenance|maintain\w*|keep the lights on|ktlo|sustaining)\b"
    r"|поддерж|обслуживан": "maintenance-only work",
    r"\b(no|few|not enough|lack of) (opportunit\w+|big projects?|interesting work)\b"
    r"|not complex enough|nothing (big|challenging)|нет возможност": "few visible opportunities",
    r"\b(vague|unclear|not actionable|generic) feedback\b|feedback (is|was) (vague|unclear)": (
        "vague feedback"
    ),
    r"\b(too easy|easy work|boring|paint(s|ing|ed)? buttons)\b|слишком прост": "work feels too easy",
    r"\b(passed over|denied|didn'?t get (it|promoted)|not promoted|missed (the )?promotion)\b": (
        "passed over in a cycle"
    ),
    r"\b(bias|biased|underrepresented|discriminat\w*|only (woman|women|black)|two men)\b"
    r"|предвзят|дискримин": "possible bias",
    r"\b(no time|too busy|swamped|overloaded)\b": "no time beyond current work",
}
OPPORTUNITIES: dict[str, str] = {
    r"\b(dashboards?|metrics|monitoring|observability)\b|дашборд|метрик": "better metrics and dashboards",
    r"\b(pareto|root cause|recurring (issues|problems)|reduce (pages|toil|incidents))\b": (
        "systematically removing recurring operational problems"
    ),
    r"\b(automat\w+)\b|автоматиз": "automation",
    r"\b(mentor\w*)\b|ментор": "mentoring",
    r"\b(cross[- ]team|other teams|outside (my|our) team)\b": "cross-team work",
    r"\b(design doc|architecture|migration)\b": "technical direction",
}
MANAGER_ALIGNED = re.compile(
    r"\bmy (manager|boss|lead)\b[^.?!]{0,40}\b(supports?|agrees?|backs?|thinks i'?m ready|on board)\b"
    r"|руководител\w*[^.?!]{0,40}(поддерживает|согласен|не против)",
    re.I,
)
MANAGER_MISALIGNED = re.compile(
    # Against the goal, not merely absent ("my manager doesn't know my work" is neither).
    r"\bmy (manager|boss|lead)\b[^.?!]{0,40}\b((doesn'?t|does not|won'?t|will not|never) "
    r"(support|agree|think i'?m ready|believe|want|back|put me up|see me as)|disagrees?|"
    r"(isn'?t|is not) (supportive|on board|convinced)|(is )?against)\b"
    r"|\b(misaligned|disagree) with my (manager|boss)\b"
    r"|руководител\w*[^.?!]{0,40}(не (поддерживает|согласен|верит|считает,? что я готов|хочет)|"
    r"против(?! ничего))(?<!не против)",
    re.I,
)
MANAGER_NOT_DISCUSSED = re.compile(
    r"\b(haven'?t|have not|never|didn'?t)\b[^.?!]{0,30}\b(talked|spoken|asked|discussed|told)\b"
    r"[^.?!]{0,30}\b(manager|boss|lead)\b|не (говорил|обсуждал)\w*[^.?!]{0,30}руководител"
    r"|\b(manager|boss|lead)\b[^.?!]{0,20}\b(hasn'?t|has not|never|didn'?t)\s+(said|mentioned|"
    r"brought up|raised)\b|руководител\w*[^.?!]{0,20}ничего не (говорит|сказал|обсуждал)",
    re.I,
)
TEAM = re.compile(
    r"\b(?:on|in|join(?:ed)?)\s+(?:a|an|the|our)\s+([\w-]+(?:\s[\w-]+)?)\s+team\b"
    r"|\bmy team (?:is|works on|owns|maintains)\s+(?:a |an |the )?([\w\s-]{3,40}?)(?:[.,;!?]|$)",
    re.I,
)
TRACK_MANAGEMENT = re.compile(
    r"\b(becom\w*|mov\w* into|switch\w* to|go\w* into|try\w*|thinking about) (an? )?"
    r"(engineering |people )?(manager|management)\b"
    r"|стать руководител|в менеджмент",
    re.I,
)
TRACK_IC = re.compile(r"\b(stay (an? )?(ic|individual contributor|technical)|ic track)\b", re.I)
HESITATION = re.compile(
    r"\b(not sure (?:if )?i (?:even )?want|don'?t know if i (?:even )?want|maybe i don'?t want|"
    r"not sure (?:it'?s|that'?s) (?:what|for) me|do i even want)\b"
    r"|не уверен\w*,? (?:что |ли )?(?:я )?(?:вообще )?хочу",
    re.I,
)
# What someone else said ("my manager said I need more impact") is feedback, not a wish.
REPORTED = re.compile(
    r"[\"“«‘][^\"”»’]{1,160}[\"”»’]"
    r"|\b(?:said|says|told me|feedback (?:was|is)|wants me to|asked me to|review said)\b[^.!?\n]*",
    re.I,
)
INTENT_START = re.compile(
    r"^(?:(?:ok(?:ay)?|so|then|alright|fine|right|yes|great|good|and)[,!.]?\s+)*"
    # "Starting Monday I'll…", "Tomorrow, I will…": a time first, then the intent.
    r"(?:(?:starting|from|on|by|next|this|tomorrow|today|tonight|after)\b[^,.!?]{0,25}?,?\s+)?"
    r"(?:i will|i'll|i am going to|i'm going to|i plan to|i commit to|i'm committing to|"
    r"my (?:next )?step (?:is|will be)(?: to)?:?|next step:)\s+(?P<action>.{3,200})$"
    r"|^(?:(?:хорошо|ладно|итак|ок)[,!.]?\s+)*(?:я\s+)?(?:(?:собираюсь|планирую|решил\w*|буду)\s+)?"
    r"(?P<ru>(?:сделаю|поговорю|начну|напишу|составлю|подготовлю|попрошу|обсужу|соберу|"
    r"запишусь|назначу|договорюсь|проведу|возьму|мой следующий шаг\s*[—:-]?)\s*.{3,200})$",
    re.I,
)
#: "have it done", "send it": a step that points back at the one just named.
ANAPHORA = re.compile(
    r"^(?:have|get|finish|send|share|do|wrap up|complete)\s+(?:it|that|this|them)\b"
    r"|^(?:report back|follow up|let you know|circle back)\b"
    r"|^(?:сделаю|закончу|отправлю|пришлю|покажу)\s+(?:это|его|её|их)\b",
    re.I,
)
NOT_AN_ACTION = re.compile(
    r"^(?:never|not|probably|be honest|admit|say|think|see|guess|try to explain)\b", re.I
)
SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
QUESTION_START = re.compile(
    r"^(?:can|could|will|would|should|do|does|is|are|what|how|why|when|where|who|"
    r"можно|могу ли|стоит ли|а если)\b",
    re.I,
)


def commitments_in(message: str, today: dt.date) -> list[Commitment]:
    """Statements of intent ("I'll…", "my next step is…"), never questions, with due dates."""
    found: list[Commitment] = []
    for sentence in SENTENCE.split(message):
        sentence = sentence.strip()
        if not sentence or sentence.endswith("?") or QUESTION_START.match(sentence):
            continue
        match = INTENT_START.match(sentence.rstrip(".!…"))
        if not match:
            continue
        action = (match.group("action") or match.group("ru") or "").strip()
        if NOT_AN_ACTION.match(action):
            continue
        due, phrase = parse_due(action, today)
        if phrase:
            action = re.sub(r"\s{2,}", " ", action.replace(phrase, " ")).strip(" ,;—-") or action
        if found and ANAPHORA.match(action):
            # "I'll pull the pages. I'll have it done by Friday": one step, now with a date.
            if found[-1].due is None and due is not None:
                found[-1] = found[-1].model_copy(update={"due": due.isoformat()})
            continue
        if len(action) >= 3:
            found.append(Commitment(action=action[:500], due=due.isoformat() if due else None))
    return found


def _add(values: list[str], item: str) -> list[str]:
    return values if item in values else [*values, item]


#: The generic IC levels, lowest first (``corpus/ladders/level-crosswalk.md``).
LEVEL_ORDER = ("entry", "engineer", "senior", "staff", "principal")


def card_level(level: str | None) -> str | None:
    """A level as the person names it, mapped to the corpus's generic level (the crosswalk).

    Company numbering differs (Amazon SDE II ≈ generic IC2/L4); the generic L-numbers and
    SDE names here follow ``corpus/ladders/level-crosswalk.md``.
    """
    if not level:
        return None
    text = level.lower()
    table = [
        (r"manager|\bem\b|руковод", "manager"),
        (r"principal|\bic\s?[56]\b|\bl\s?[78]\b|distinguished", "principal"),
        (r"staff|\bic\s?4\b|\bl\s?6\b", "staff"),
        (r"senior|sde-?3|\bic\s?3\b|\bl\s?5\b|engineer 3", "senior"),
        (r"entry|junior|new grad|graduate|sde-?1|\bic\s?1\b|\bl\s?3\b|engineer 1", "entry"),
        (r"sde-?2|\bic\s?2\b|\bl\s?4\b|engineer 2|engineer|mid", "engineer"),
    ]
    for pattern, generic in table:
        if re.search(pattern, text):
            return generic
    return None


def learn(profile: Profile, message: str, today: dt.date | None = None) -> Profile:
    """A copy of ``profile`` updated with what ``message`` says; hand-set fields stay."""
    data = profile.model_dump()
    locked = set(profile.locked)

    def set_if_free(field: str, value: object) -> None:
        if value and field not in locked:
            data[field] = value

    today = today or dt.date.today()
    current, target = classify_levels(message)
    if HESITATION.search(message):
        target = None  # "not sure I even want staff" names no goal
    if current and (not data["current_level"] or current != data.get("target_level")):
        set_if_free("current_level", current)
    if target and target != data["current_level"]:
        set_if_free("target_level", target)
    lowered = message.lower()
    own_words = OTHERS_GROWTH.sub(" ", REPORTED.sub(" ", lowered))
    for field, table, text in (
        ("motivations", MOTIVATIONS, own_words),
        ("blockers", BLOCKERS, lowered),
        ("opportunities", OPPORTUNITIES, lowered),
    ):
        if field in locked:
            continue
        for pattern, label in table.items():
            if re.search(pattern, text):
                data[field] = _add(data[field], label)
    if MANAGER_NOT_DISCUSSED.search(message):
        set_if_free("manager_alignment", "not discussed")
    elif MANAGER_MISALIGNED.search(message):
        set_if_free("manager_alignment", "misaligned")
    elif MANAGER_ALIGNED.search(message):
        set_if_free("manager_alignment", "aligned")
    team = TEAM.search(message)
    if team:
        name = (team.group(1) or team.group(2) or "").strip()
        if name and name.lower() not in {"my", "the", "same", "new"}:
            set_if_free("team", name)
    if MANAGER_SELF.search(message):
        set_if_free("track", "management")
        if not data["current_level"]:
            set_if_free("current_level", "engineering manager")
    elif TRACK_MANAGEMENT.search(message):
        set_if_free("track", "management")
    elif TRACK_IC.search(message):
        set_if_free("track", "ic")
    if "commitments" not in locked:
        for commitment in commitments_in(message, today):
            if all(c["action"] != commitment.action for c in data["commitments"]):
                data["commitments"].append(commitment.model_dump())
    return Profile.model_validate(data)


EDITABLE_FIELDS = (
    "current_level",
    "target_level",
    "track",
    "team",
    "motivations",
    "blockers",
    "manager_alignment",
    "opportunities",
    "stage",
)


def correct(profile: Profile, field: str, value: str) -> Profile:
    """The user's own correction: set a field by hand and lock it against inference."""
    if field not in EDITABLE_FIELDS:
        raise ValueError(
            f"Unknown profile field {field!r}; editable: {', '.join(EDITABLE_FIELDS)}."
        )
    data = profile.model_dump()
    cleaned = value.strip()
    if field in {"motivations", "blockers", "opportunities"}:
        data[field] = [v.strip() for v in cleaned.split(",") if v.strip()]
    elif field == "manager_alignment":
        data[field] = cleaned or "unknown"
    else:
        data[field] = cleaned or None
    if field != "stage" and field not in data["locked"]:
        data["locked"].append(field)
    return Profile.model_validate(data)
