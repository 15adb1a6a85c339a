"""What the coach has learned about the user, and how it learns it from their words.

``Profile`` is the typed record the user can see, correct and clear. ``learn`` is a
pure function: it reads one user message and returns an updated copy, adding facts
but never overwriting a value the user set by hand.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from coach.coaching.dates import parse_due, relative_phrase, weekday_clash
from coach.coaching.signals import (
    BIAS_ABOUT_OTHERS,
    OTHERS_GROWTH,
    REPORTED,
    content_to_stay,
    named_as_present,
)
from coach.lang import PACKS, reading, reading_names

Stage = Literal["goal", "reality", "options", "will"]
STAGES: tuple[Stage, ...] = ("goal", "reality", "options", "will")
Alignment = Literal["unknown", "aligned", "misaligned", "not discussed"]


class Commitment(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: str = Field(min_length=1, max_length=500)
    due: str | None = Field(default=None, max_length=100)
    #: How the person said it when that was relative ("end of the month"): the answer
    #: says both, so a misread date is easy to spot and correct.
    said: str | None = Field(default=None, max_length=100)


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

LEVEL_PATTERNS: list[tuple[str, str]] = [pair for p in PACKS.values() for pair in p.level_patterns]
ROMAN = {"i": "1", "ii": "2", "iii": "3"}
SELF_CUES = reading("self-cues")

TARGET_CUES = reading("target-cues")


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
BARE_TARGET = reading("bare-target")
# "I'm already staff", "im senior now": a bare level word after "I'm" is the one held.
BARE_CURRENT = reading("bare-current")
ALREADY = reading("already")
NEGATED_LEVEL = reading("negated-level")
BARE_LEVEL_WORDS = {"сеньор": "senior", "стафф": "staff", "принципал": "principal"}
# "I got promoted to senior two months ago": the level they now hold, not a goal.
PROMOTED_PAST = reading("promoted-past")
# "What would I be doing differently as an L4?": a level imagined, not held.
HYPOTHETICAL = reading("hypothetical")
# "Senior engineer, 6 years in." / "sde2. ops team.": a level opening a sentence is the
# speaker's own.
SENTENCE_OPENING = reading("sentence-opening")
# "I manage a team of 7", "my reports": the person is a manager, whatever they ask about.
MANAGER_SELF = reading("manager-self")
# "I don't care about the title or 'growth'. just comp.": motives set aside are not theirs.
DISOWNED = reading("disowned")


#: Where a clause ends: "…want to be promoted. I'm a senior" holds no goal for "senior".
CLAUSE_END = re.compile(r"[,;.!?]")


#: A level naming a kind of work ("L4 work", "senior-level problems"), not a person's level.
LEVEL_OF_WORK = re.compile(
    r"[\w-]+(?: (?:engineer|sde|swe))?[- ]+(?:level[- ]+)?(?:work|stuff|things|tasks|problems|"
    r"behaviou?rs?|scope|impact|projects?)\b",
    re.I,
)


def classify_levels(text: str) -> tuple[str | None, str | None]:
    """(current, target) levels mentioned in ``text``, judged by the words before each."""
    current = target = None
    past = PROMOTED_PAST.search(text)
    if past:
        # Whichever language's group matched (each pack's alternatives are their own group).
        held = next((g for g in past.groups() if g), "").lower()
        found = find_levels(held + " engineer") if held else []
        current = found[0][1] if found else None
        text = text[: past.start()] + " " * (past.end() - past.start()) + text[past.end() :]
    bare = BARE_TARGET.search(text)
    if bare:
        target = f"{bare.group(1).lower()} engineer"
    held_now = BARE_CURRENT.search(text)
    if held_now:  # "I'm already staff", "im senior now", "я уже сеньор"
        word = next(g for g in held_now.groups() if g).lower()
        current = f"{BARE_LEVEL_WORDS.get(word, word)} engineer"
    for pos, level in find_levels(text):
        if NEGATED_LEVEL.search(text[max(0, pos - 16) : pos]):
            continue  # "I'm not a junior": the level they are not
        if LEVEL_OF_WORK.match(text, pos):
            continue  # "how do I know when I'm doing L4 work?": a kind of work, not theirs
        near = CLAUSE_END.split(text[max(0, pos - 25) : pos])[-1]  # this clause's own cue
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

MOTIVATIONS: dict[re.Pattern[str], str] = {
    reading(f"motive:{label}"): label for label in reading_names("motive:")
}
#: Blockers a person can name only to say they don't have them (``named_as_present``).
DENIABLE_BLOCKERS = {"heavy operational load", "maintenance-only work"}
BLOCKERS: dict[re.Pattern[str], str] = {
    reading(f"blocker:{label}"): label for label in reading_names("blocker:")
}
OPPORTUNITIES: dict[re.Pattern[str], str] = {
    reading(f"opportunity:{label}"): label for label in reading_names("opportunity:")
}
MANAGER_ALIGNED = reading("manager-aligned")
MANAGER_MISALIGNED = reading("manager-misaligned")
MANAGER_NOT_DISCUSSED = reading("manager-not-discussed")
TEAM = reading("team")
TRACK_MANAGEMENT = reading("track-management")
TRACK_IC = reading("track-ic")
HESITATION = reading("hesitation")
INTENT_START = reading("intent-start")
LATER_INTENT = reading("later-intent")
STEP_VERB = reading("step-verb")
START_LEAD = reading("start-lead")
#: "have it done", "send it": a step that points back at the one just named.
ANAPHORA = reading("anaphora")
NOT_AN_ACTION = reading("not-an-action")
SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
QUESTION_START = reading("question-start")
#: "will ask my lead tmrw": a step, though it starts as a question would.
TERSE_WILL = reading("terse-will")


def commitments_in(message: str, today: dt.date) -> list[Commitment]:
    """Statements of intent ("I'll…", "my next step is…"), never questions, with due dates."""
    found: list[Commitment] = []
    for sentence in SENTENCE.split(message):
        sentence = sentence.strip()
        if not sentence or sentence.endswith("?"):
            continue
        match = INTENT_START.match(sentence.rstrip(".!…"))
        later = None if match else LATER_INTENT.search(sentence)
        if later:
            # "I have a 1:1 with him on the 14th and I'm going to ask…": the step is after
            # "and"; its date, said before it, is read from the whole sentence below.
            match = INTENT_START.match(sentence[later.end() :].rstrip(".!…"))
            if match and not STEP_VERB.match(match.group("action") or ""):
                match = None  # "…and I'll be ready", "…and I will keep doing that": no step
        # "Will it help?" is a question; "will ask my lead tmrw" is a step with "I" left out.
        if not match or (QUESTION_START.match(sentence) and not TERSE_WILL.match(sentence)):
            continue
        action = (match.group("action") or match.group("ru") or "").strip()
        if NOT_AN_ACTION.match(action):
            continue
        due, phrase = parse_due(action, today)
        starts = bool(phrase) and bool(STARTS_AT.search(action[: action.find(phrase)]))
        if starts:
            # "…run the 1:1s for 6 weeks starting Monday the 3rd": when it begins, not when
            # it is due; the words stay whole.
            due, phrase = None, ""
        if due is None and not starts and not START_LEAD.match(sentence):
            # "By Friday, I'll…", "В пятницу попрошу…": the date came first. ("Starting
            # Monday, I'll…" names when it begins, not when it is due.)
            due, phrase_before = parse_due(sentence, today)
            said = phrase_before
        else:
            said = phrase
        # "…in Thursday's 1:1": a possessive day is part of the step, so it stays in its words.
        if phrase and not re.search(re.escape(phrase) + r"['’]s\b", action):
            action = re.sub(r"\s{2,}", " ", action.replace(phrase, " ")).strip(" ,;—-") or action
        if found and ANAPHORA.match(action):
            # "I'll pull the pages. I'll have it done by Friday": one step, now with a date.
            if found[-1].due is None and due is not None:
                update = {"due": due.isoformat(), "said": _said(said, due)}
                found[-1] = found[-1].model_copy(update=update)
            continue
        if len(action) >= 3:
            found.append(
                Commitment(
                    action=action[:500],
                    due=due.isoformat() if due else None,
                    said=_said(said, due) if due else None,
                )
            )
    return found


#: "…for six weeks starting Monday": a start, not a due date (English and Russian).
STARTS_AT = re.compile(
    r"(?:\bstarting|\bbeginning|\bfrom|\bas of|(?<!\w)начиная|(?<!\w)с)\s*$", re.I
)
#: "On Thursday": the step happens that day ("at our 1:1 on Thursday"), it is not due by it.
ON_A_DAY = re.compile(r"on\b", re.I)


def _said(phrase: str, due: dt.date) -> str | None:
    """The person's words for the date, kept when they don't name the day themselves ("end
    of the month") or name a weekday the date isn't ("Friday the 14th" for a Monday)."""
    if weekday_clash(phrase, due):
        return phrase.strip()
    if ON_A_DAY.match(phrase.strip()):
        return phrase.strip()  # "at our 1:1 on Thursday": that day, not a deadline
    return relative_phrase(phrase)


def _add(values: list[str], item: str) -> list[str]:
    return values if item in values else [*values, item]


MANAGER_WORD = reading("manager-word")
#: The generic IC levels, lowest first (``corpus/ladders/level-crosswalk.md``).
LEVEL_ORDER = ("entry", "engineer", "senior", "staff", "principal")


#: Stored level names (the canonical forms ``LEVEL_PATTERNS`` writes) → generic levels.
CARD_LEVELS: list[tuple[re.Pattern[str], str]] = [
    (MANAGER_WORD, "manager"),  # "manager", "руководитель": whatever the language
    (re.compile(r"principal|\bic\s?[56]\b|\b[le]\s?[78]\b|distinguished"), "principal"),
    (re.compile(r"staff|\bic\s?4\b|\b[le]\s?6\b"), "staff"),
    (re.compile(r"senior|sde-?3|\bic\s?3\b|\b[le]\s?5\b|engineer 3"), "senior"),
    (
        re.compile(r"entry|junior|new grad|graduate|sde-?1|\bic\s?1\b|\b[le]\s?3\b|engineer 1"),
        "entry",
    ),
    (re.compile(r"sde-?2|\bic\s?2\b|\b[le]\s?4\b|engineer 2|engineer|mid"), "engineer"),
]


def card_level(level: str | None) -> str | None:
    """A level as the person names it, mapped to the corpus's generic level (the crosswalk).

    Company numbering differs (Amazon SDE II ≈ generic IC2/L4); the generic L-numbers and
    SDE names here follow ``corpus/ladders/level-crosswalk.md``.
    """
    if not level:
        return None
    text = level.lower()
    for pattern, generic in CARD_LEVELS:
        if pattern.search(text):
            return generic
    return None


def weighs_management(profile: Profile) -> bool:
    """The person is weighing a move into management (an offer, or the track named), not
    already managing."""
    return card_level(profile.current_level) != "manager" and (
        profile.track == "management" or card_level(profile.target_level) == "manager"
    )


def person_levels(profile: Profile) -> set[str]:
    """The levels whose advice fits: the current one, else the one below the target.

    Cards are written for people *at* a level ("going from senior to staff…" is for a
    senior), so someone aiming for senior is served by the engineer-level cards.
    """
    current = card_level(profile.current_level)
    if current:
        return {current}
    target = card_level(profile.target_level)
    if target in LEVEL_ORDER and LEVEL_ORDER.index(target) > 0:
        return {LEVEL_ORDER[LEVEL_ORDER.index(target) - 1]}
    # Aiming at management is no manager's level yet: "try parts of the job first" is for them.
    return {target} if target and target != "manager" else set()


def served_levels(
    profile: Profile, situations: Iterable[str], step: tuple[str, str] | None
) -> set[str]:
    """The levels whose cards serve a turn: the person's own (``person_levels``), both
    levels of a step they asked about, and the next one up when they ask what a level
    expects. Retrieval and the card choice use the same set, so a passage is not brought
    for a card that can never be given (a senior's card to someone at mid-level)."""
    levels = person_levels(profile)
    if step:  # "mid-level vs senior": both levels' cards speak to the question
        levels |= set(step)
    if "level-expectations" in situations:
        levels |= {
            LEVEL_ORDER[LEVEL_ORDER.index(lv) + 1] for lv in levels if lv in LEVEL_ORDER[:-1]
        }
    return levels


LEVEL_COMPARISON = reading("level-comparison")
#: "Will this hurt me long-term?": a worry about the cost of waiting, not the path up.
HURTS_LATER = reading("hurts-later")
NEXT_LEVEL = reading("next-level")
LEVEL_WORDS = {level: reading(f"level-word:{level}") for level in reading_names("level-word:")}


#: A level code without its company: "L4", "E5", "IC3".
BARE_CODE = re.compile(r"\b(?:l|e|ic)(\d{1,2})\b", re.I)


def _codes_one_apart(sentence: str) -> bool:
    """The sentence names exactly two level codes, one number apart ("L4 … L3")."""
    numbers = sorted({int(n) for n in BARE_CODE.findall(sentence)})
    return len(numbers) == 2 and numbers[1] - numbers[0] == 1


def _levels_named(sentence: str) -> list[str]:
    """Generic levels a sentence names, bare words included, in order of appearance."""
    found = [(pos, card_level(level)) for pos, level in find_levels(sentence)]
    found += [(m.start(), level) for level, p in LEVEL_WORDS.items() for m in p.finditer(sentence)]
    ordered = [level for _, level in sorted(found) if level in LEVEL_ORDER]
    return list(dict.fromkeys(ordered))


def level_words(sentence: str) -> list[str]:
    """Generic levels a sentence names as words ("basically senior"), not as codes: the
    claim a company's code ("L5") is weighed against."""
    found = [(m.start(), level) for level, p in LEVEL_WORDS.items() for m in p.finditer(sentence)]
    return list(dict.fromkeys(level for _, level in sorted(found) if level in LEVEL_ORDER))


#: "What's the concrete delta?", "what's actually different?": the step between two levels.
ASKS_DELTA = reading("asks-delta")


def level_step(message: str, profile: Profile) -> tuple[str, str] | None:
    """The two levels a question is about, lower first: "what's different between
    mid-level and senior?" is (engineer, senior); "what is expected at the next level?"
    from someone at entry level is (entry, engineer).

    The ladders answer exactly that question in the higher level's "what distinguishes it"
    section and the lower level's "signals you are at the next level"; a general card on
    either level is beside it.
    """
    current = card_level(profile.current_level)
    for sentence in SENTENCE.split(message):
        compares = LEVEL_COMPARISON.search(sentence)
        named = _levels_named(sentence) if compares else []
        if len(named) >= 2:
            low, high = sorted(named[:2], key=LEVEL_ORDER.index)
            return low, high
        if compares and current in LEVEL_ORDER[:-1] and _codes_one_apart(sentence):
            # "L3, new grad" … "what does L4 do that L3 doesn't?": codes of no named company,
            # one apart, from someone whose level is known: the step up from it.
            return current, LEVEL_ORDER[LEVEL_ORDER.index(current) + 1]
        if len(named) == 1 and "?" in sentence and named[0] != "entry":
            high = named[0]  # "what is actually different about staff?"
            if current not in LEVEL_ORDER:
                return LEVEL_ORDER[LEVEL_ORDER.index(high) - 1], high
            if LEVEL_ORDER.index(current) < LEVEL_ORDER.index(high):
                return current, high
            return None  # their own level or one below: not a step they are asking about
        if NEXT_LEVEL.search(sentence) and current in LEVEL_ORDER[:-1]:
            return current, LEVEL_ORDER[LEVEL_ORDER.index(current) + 1]
    # "Staff engineer, aiming for principal. What should I do in the next 6 months?": a
    # question about the path they named is about the step from their level to the next.
    target = card_level(profile.target_level)
    if (
        "?" in message
        # "Will this hurt me long-term? I did want senior one day": the cost of waiting.
        and not any(HURTS_LATER.search(s.strip()) for s in SENTENCE.split(message))
        # "I'm pushing back: what's the concrete delta?": the same step, asked again.
        and (_levels_named(message) or NEXT_LEVEL.search(message) or ASKS_DELTA.search(message))
        and current in LEVEL_ORDER
        and target in LEVEL_ORDER
        and LEVEL_ORDER.index(target) == LEVEL_ORDER.index(current) + 1
    ):
        return current, target
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
    if HESITATION.search(message) or content_to_stay(message):
        target = None  # "not sure I even want staff", "no interest in staff": no goal
    if current and current == data.get("target_level") and ALREADY.search(message):
        # "I'm already staff": a correction; the goal they were credited with is behind them.
        set_if_free("current_level", current)
        if "target_level" not in locked:
            data["target_level"] = None
    elif current and (not data["current_level"] or current != data.get("target_level")):
        set_if_free("current_level", current)
    if target and target != data["current_level"]:
        set_if_free("target_level", target)
    lowered = message.lower()
    own_words = DISOWNED.sub(" ", OTHERS_GROWTH.sub(" ", REPORTED.sub(" ", lowered)))
    for field, table, text in (
        ("motivations", MOTIVATIONS, own_words),
        ("blockers", BLOCKERS, BIAS_ABOUT_OTHERS.sub(" ", lowered)),
        ("opportunities", OPPORTUNITIES, lowered),
    ):
        if field in locked:
            continue
        for pattern, label in table.items():
            if label in DENIABLE_BLOCKERS and not named_as_present(pattern, text):
                continue  # "we don't have on-call", "on-call is calm now"
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
